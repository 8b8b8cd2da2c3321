//! After-sales cases: what a customer may open about an order, who reads a case, how its status
//! moves, the service-level timers, and the checks on a photo. Pure; `db::cases` stores it.
//!
//! ```text
//!            agent replies (asks)          customer replies
//!   open ───────────────────────▶ waiting_on_customer ──────────▶ open
//!    │  ▲                                  │
//!    │  └───── customer replies ─────┐     │ agent resolves
//!    ▼                               │     ▼
//!  resolved ◀────── agent resolves ──┴── resolved ─▶ closed (agent or customer; final)
//! ```
//!
//! The first-response timer runs from opening until the first reply an agent sends the customer
//! (an internal note does not count). The resolution timer runs from opening until resolved, and
//! stops while the case waits on the customer: its due time moves by the time spent waiting.
//! Both run around the clock.

use chrono::{Duration, NaiveDateTime};

/// What the case is about (stored as the code).
pub const KINDS: [&str; 6] = [
    "damaged",
    "wrong-item",
    "missing",
    "delivery",
    "invoice",
    "other",
];

/// Kinds that are about particular goods: at least one line must be named.
const NEEDS_LINES: [&str; 3] = ["damaged", "wrong-item", "missing"];

pub const DESCRIPTION_MIN: usize = 10;
pub const TEXT_MAX: usize = 4000;
/// Photos per message.
pub const MAX_FILES: usize = 3;
/// Bytes per photo.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Larger sides are refused (a photo from a phone is ~4000 px).
const MAX_SIDE: usize = 12_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    WaitingOnCustomer,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::WaitingOnCustomer,
        Status::Resolved,
        Status::Closed,
    ];

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::WaitingOnCustomer => "waiting_on_customer",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    /// Still needs work from someone (the queue's default).
    pub fn active(self) -> bool {
        matches!(self, Status::Open | Status::WaitingOnCustomer)
    }
}

/// Where an agent's reply leaves the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterReply {
    /// Asked the customer something.
    Waiting,
    /// Still working on it.
    Open,
    /// That settles it.
    Resolved,
}

impl AfterReply {
    pub fn parse(s: &str) -> Option<AfterReply> {
        match s {
            "waiting_on_customer" => Some(AfterReply::Waiting),
            "open" => Some(AfterReply::Open),
            "resolved" => Some(AfterReply::Resolved),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    CustomerReply,
    AgentReply(AfterReply),
    /// An internal note: the status stays.
    AgentNote,
    Resolve,
    Close,
    Reopen,
}

impl Move {
    /// The status after the move, or `None` when it does not fit (a closed case takes no reply:
    /// the customer opens a new one).
    pub fn from(self, status: Status) -> Option<Status> {
        use Status::*;
        match (self, status) {
            (_, Closed) if self != Move::Reopen => None,
            (Move::CustomerReply, _) => Some(Open),
            (Move::AgentReply(after), _) => Some(match after {
                AfterReply::Waiting => WaitingOnCustomer,
                AfterReply::Open => Open,
                AfterReply::Resolved => Resolved,
            }),
            (Move::AgentNote, s) => Some(s),
            (Move::Resolve, Open | WaitingOnCustomer) => Some(Resolved),
            (Move::Close, _) => Some(Closed),
            (Move::Reopen, Resolved | Closed) => Some(Open),
            _ => None,
        }
    }
}

/// How the resolution clock changes with a move from `from` to `to` at `now`: the new
/// `waiting_since`, and seconds to add to the time spent waiting.
pub fn pause_change(
    from: Status,
    to: Status,
    waiting_since: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> (Option<NaiveDateTime>, i64) {
    let waiting = Status::WaitingOnCustomer;
    match (from == waiting, to == waiting) {
        (false, true) => (Some(now), 0),
        (true, false) => (
            None,
            waiting_since.map_or(0, |at| (now - at).num_seconds().max(0)),
        ),
        _ => (waiting_since, 0),
    }
}

/// Targets, around the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub first_response: Duration,
    pub resolution: Duration,
}

/// A case's clock as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub opened: NaiveDateTime,
    pub first_response_due: NaiveDateTime,
    pub first_response_at: Option<NaiveDateTime>,
    /// Due without the time spent waiting on the customer.
    pub resolution_due: NaiveDateTime,
    pub paused_seconds: i64,
    pub waiting_since: Option<NaiveDateTime>,
    pub resolved_at: Option<NaiveDateTime>,
}

impl Clock {
    pub fn new(opened: NaiveDateTime, targets: Targets) -> Clock {
        Clock {
            opened,
            first_response_due: opened + targets.first_response,
            first_response_at: None,
            resolution_due: opened + targets.resolution,
            paused_seconds: 0,
            waiting_since: None,
            resolved_at: None,
        }
    }

    fn paused(&self, now: NaiveDateTime) -> Duration {
        let ongoing = self
            .waiting_since
            .map_or(0, |at| (now - at).num_seconds().max(0));
        Duration::seconds(self.paused_seconds + ongoing)
    }

    pub fn first_response(&self, now: NaiveDateTime) -> Timer {
        timer(self.first_response_due, self.first_response_at, false, now)
    }

    pub fn resolution(&self, now: NaiveDateTime) -> Timer {
        // A resolved case's pauses ended when it was resolved (moves settle them).
        let due = self.resolution_due + self.paused(now);
        timer(due, self.resolved_at, self.waiting_since.is_some(), now)
    }

    /// A target missed or being missed: what the queue highlights.
    pub fn breached(&self, now: NaiveDateTime) -> bool {
        self.first_response(now).breached() || self.resolution(now).breached()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// Done in time, this long before the due time.
    Met { margin: Duration },
    /// Done, this long after the due time.
    Late { by: Duration },
    /// Running, due in this long.
    Running { left: Duration },
    /// Stopped while the case waits on the customer; this long left.
    Paused { left: Duration },
    /// Not done, and due this long ago.
    Overdue { by: Duration },
}

impl Timer {
    pub fn breached(self) -> bool {
        matches!(self, Timer::Late { .. } | Timer::Overdue { .. })
    }
}

fn timer(
    due: NaiveDateTime,
    done: Option<NaiveDateTime>,
    paused: bool,
    now: NaiveDateTime,
) -> Timer {
    match done {
        Some(at) if at <= due => Timer::Met { margin: due - at },
        Some(at) => Timer::Late { by: at - due },
        None if now > due => Timer::Overdue { by: now - due },
        None if paused => Timer::Paused { left: due - now },
        None => Timer::Running { left: due - now },
    }
}

/// Who is asking to read a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Consumer {
        user: i64,
    },
    /// `company_wide`: the company's admins and approvers see every case of the company; a buyer
    /// sees the cases they opened.
    Company {
        user: i64,
        company: i64,
        company_wide: bool,
    },
}

/// Whether `reader` may read (and answer) a case opened by `user` for `company`. Guests (and
/// anyone else) read a case only with its link's token, which the web layer checks.
pub fn may_read(reader: Reader, user: Option<i64>, company: Option<i64>) -> bool {
    match reader {
        Reader::Consumer { user: me } => company.is_none() && user == Some(me),
        Reader::Company {
            user: me,
            company: mine,
            company_wide,
        } => company == Some(mine) && (company_wide || user == Some(me)),
    }
}

/// An order line as the case form offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    pub id: i64,
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub kind: &'static str,
    pub description: String,
    /// (order line id, units concerned).
    pub lines: Vec<(i64, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Kind,
    DescriptionShort,
    DescriptionLong,
    /// This kind is about goods: name the lines.
    LinesNeeded,
    /// A line's quantity is not a whole number from 0 to what was ordered.
    Line(i64),
}

/// Checks a new case as typed: the kind, the description, and per order line how many units
/// (blank or 0: not concerned). Every problem at once.
pub fn check_new(
    kind: &str,
    description: &str,
    typed: &[(i64, String)],
    order: &[OrderLine],
) -> Result<NewCase, Vec<Problem>> {
    let mut problems = Vec::new();
    let kind = KINDS.into_iter().find(|k| *k == kind.trim());
    if kind.is_none() {
        problems.push(Problem::Kind);
    }
    let description = description.trim();
    let length = description.chars().count();
    if length < DESCRIPTION_MIN {
        problems.push(Problem::DescriptionShort);
    } else if length > TEXT_MAX {
        problems.push(Problem::DescriptionLong);
    }
    let (lines, bad) = units_per_line(typed, order);
    problems.extend(bad.into_iter().map(Problem::Line));
    if let Some(k) = kind
        && NEEDS_LINES.contains(&k)
        && lines.is_empty()
        && !problems.iter().any(|p| matches!(p, Problem::Line(_)))
    {
        problems.push(Problem::LinesNeeded);
    }
    match kind {
        Some(kind) if problems.is_empty() => Ok(NewCase {
            kind,
            description: description.to_string(),
            lines,
        }),
        _ => Err(problems),
    }
}

/// Units per order line as typed (blank or 0: none): whole numbers up to what was ordered.
/// Returns the lines with units and the ids of lines whose number could not be read.
fn units_per_line(typed: &[(i64, String)], order: &[OrderLine]) -> (Vec<(i64, u32)>, Vec<i64>) {
    let mut lines = Vec::new();
    let mut bad = Vec::new();
    for line in order {
        let Some((_, raw)) = typed.iter().find(|(id, _)| *id == line.id) else {
            continue;
        };
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        match raw.parse::<u32>() {
            Ok(0) => {}
            Ok(n) if n <= line.quantity => lines.push((line.id, n)),
            _ => bad.push(line.id),
        }
    }
    (lines, bad)
}

/// Why a replacement was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplacementProblem {
    /// No line has a number of units.
    Nothing,
    /// A line's number is not a whole number from 0 to what was ordered.
    Line(i64),
}

/// The units an agent sends again free of charge (a missing or damaged item), per order line
/// as typed: whole numbers up to what was ordered, at least one unit in all.
pub fn check_replacement(
    typed: &[(i64, String)],
    order: &[OrderLine],
) -> Result<Vec<(i64, u32)>, Vec<ReplacementProblem>> {
    let (lines, bad) = units_per_line(typed, order);
    if !bad.is_empty() {
        return Err(bad.into_iter().map(ReplacementProblem::Line).collect());
    }
    if lines.is_empty() {
        return Err(vec![ReplacementProblem::Nothing]);
    }
    Ok(lines)
}

/// A reply's text: trimmed, and not empty unless photos come with it.
pub fn check_reply(body: &str, with_files: bool) -> Result<String, Problem> {
    let body = body.trim();
    if body.chars().count() > TEXT_MAX {
        return Err(Problem::DescriptionLong);
    }
    if body.is_empty() && !with_files {
        return Err(Problem::DescriptionShort);
    }
    Ok(body.to_string())
}

/// A photo that passed the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Photo {
    pub content_type: &'static str,
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    TooLarge,
    /// Not a JPEG, PNG or WebP picture (whatever its name says).
    NotAPhoto,
    TooMany,
}

/// Checks an uploaded file by its content, not its name or the browser's type: a JPEG, PNG or
/// WebP image with a readable size, at most [`MAX_FILE_BYTES`].
pub fn check_photo(bytes: &[u8]) -> Result<Photo, FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let (content_type, extension) = match imagesize::image_type(bytes) {
        Ok(imagesize::ImageType::Jpeg) => ("image/jpeg", "jpg"),
        Ok(imagesize::ImageType::Png) => ("image/png", "png"),
        Ok(imagesize::ImageType::Webp) => ("image/webp", "webp"),
        _ => return Err(FileProblem::NotAPhoto),
    };
    let size = imagesize::blob_size(bytes).map_err(|_| FileProblem::NotAPhoto)?;
    if size.width == 0 || size.height == 0 || size.width > MAX_SIDE || size.height > MAX_SIDE {
        return Err(FileProblem::NotAPhoto);
    }
    Ok(Photo {
        content_type,
        extension,
        width: u32::try_from(size.width).unwrap_or(0),
        height: u32::try_from(size.height).unwrap_or(0),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundProblem {
    /// Not an amount (the money parser's message key).
    Unreadable(&'static str),
    Zero,
    /// More than is left to give back (the most, minor units).
    TooMuch(i64),
}

/// A refund from a case as typed ("149,50"): more than zero and at most what is left of the
/// order after earlier refunds.
pub fn check_refund(typed: &str, refundable_minor: i64) -> Result<i64, RefundProblem> {
    let minor =
        crate::domain::money::parse_amount_minor(typed).map_err(RefundProblem::Unreadable)?;
    if minor == 0 {
        return Err(RefundProblem::Zero);
    }
    if minor > refundable_minor {
        return Err(RefundProblem::TooMuch(refundable_minor.max(0)));
    }
    Ok(minor)
}

/// "About 15 minutes": what to tell a customer now about the first answer. The median of the
/// first responses to cases opened lately, pushed up by the oldest case still waiting for one
/// (the queue is behind), rounded up to 5 minutes; the target when there is nothing to go by.
pub fn expected_first_response(
    recent: &[Duration],
    oldest_unanswered: Option<Duration>,
    target: Duration,
) -> Duration {
    let mut sorted: Vec<Duration> = recent.to_vec();
    sorted.sort();
    let median = sorted.get(sorted.len() / 2).copied();
    let guess = match (median, oldest_unanswered) {
        (None, None) => return target,
        (Some(m), None) => m,
        (None, Some(o)) => o,
        (Some(m), Some(o)) => m.max(o),
    };
    let minutes = guess.num_minutes().max(1);
    Duration::minutes((minutes + 4) / 5 * 5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 3)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    #[test]
    fn moves_follow_the_status_rules() {
        use Status::*;
        let cases = [
            (Move::CustomerReply, Open, Some(Open)),
            (Move::CustomerReply, WaitingOnCustomer, Some(Open)),
            (Move::CustomerReply, Resolved, Some(Open)),
            (Move::CustomerReply, Closed, None),
            (
                Move::AgentReply(AfterReply::Waiting),
                Open,
                Some(WaitingOnCustomer),
            ),
            (Move::AgentReply(AfterReply::Resolved), Open, Some(Resolved)),
            (Move::AgentReply(AfterReply::Open), Closed, None),
            (Move::AgentNote, WaitingOnCustomer, Some(WaitingOnCustomer)),
            (Move::AgentNote, Closed, None),
            (Move::Resolve, Open, Some(Resolved)),
            (Move::Resolve, WaitingOnCustomer, Some(Resolved)),
            (Move::Resolve, Resolved, None),
            (Move::Close, Resolved, Some(Closed)),
            (Move::Close, Open, Some(Closed)),
            (Move::Close, Closed, None),
            (Move::Reopen, Closed, Some(Open)),
            (Move::Reopen, Resolved, Some(Open)),
            (Move::Reopen, Open, None),
        ];
        for (mv, from, to) in cases {
            assert_eq!(mv.from(from), to, "{mv:?} from {from:?}");
        }
    }

    #[test]
    fn timers_are_met_late_running_paused_or_overdue() {
        let targets = Targets {
            first_response: Duration::hours(1),
            resolution: Duration::hours(72),
        };
        let clock = Clock::new(at(10, 0), targets);
        let answered = |h, m| Clock {
            first_response_at: Some(at(h, m)),
            ..clock
        };
        let table = [
            (
                clock.first_response(at(10, 20)),
                Timer::Running {
                    left: Duration::minutes(40),
                },
            ),
            (
                clock.first_response(at(11, 30)),
                Timer::Overdue {
                    by: Duration::minutes(30),
                },
            ),
            (
                answered(10, 45).first_response(at(15, 0)),
                Timer::Met {
                    margin: Duration::minutes(15),
                },
            ),
            (
                answered(11, 5).first_response(at(15, 0)),
                Timer::Late {
                    by: Duration::minutes(5),
                },
            ),
            (
                answered(11, 0).first_response(at(15, 0)),
                Timer::Met {
                    margin: Duration::zero(),
                },
            ),
        ];
        for (i, (got, want)) in table.into_iter().enumerate() {
            assert_eq!(got, want, "row {i}");
        }
        // Waiting on the customer since 12:00, two hours of earlier waiting: the resolution
        // clock is paused and its due time has moved by both.
        let waiting = Clock {
            paused_seconds: 7200,
            waiting_since: Some(at(12, 0)),
            ..clock
        };
        assert_eq!(
            waiting.resolution(at(14, 0)),
            Timer::Paused {
                left: Duration::hours(72 + 2 + 2 - 4)
            }
        );
        let resolved = Clock {
            paused_seconds: 3600,
            resolved_at: Some(at(10, 0) + Duration::hours(72) + Duration::minutes(30)),
            first_response_at: Some(at(10, 10)),
            ..clock
        };
        assert_eq!(
            resolved.resolution(at(23, 0)),
            Timer::Met {
                margin: Duration::minutes(30)
            }
        );
        assert!(!resolved.breached(at(23, 0)));
        assert!(
            clock.breached(at(11, 1)),
            "no first answer after 61 minutes"
        );
    }

    #[test]
    fn waiting_on_the_customer_pauses_the_clock() {
        use Status::*;
        let since = at(9, 0);
        let table = [
            (Open, WaitingOnCustomer, None, (Some(at(10, 0)), 0)),
            (WaitingOnCustomer, Open, Some(since), (None, 3600)),
            (WaitingOnCustomer, Resolved, Some(since), (None, 3600)),
            (
                WaitingOnCustomer,
                WaitingOnCustomer,
                Some(since),
                (Some(since), 0),
            ),
            (Open, Resolved, None, (None, 0)),
        ];
        for (from, to, waiting, want) in table {
            assert_eq!(
                pause_change(from, to, waiting, at(10, 0)),
                want,
                "{from:?}→{to:?}"
            );
        }
    }

    #[test]
    fn readers_see_their_own_or_their_companys_cases() {
        let consumer = Reader::Consumer { user: 1 };
        let buyer = Reader::Company {
            user: 2,
            company: 10,
            company_wide: false,
        };
        let admin = Reader::Company {
            user: 3,
            company: 10,
            company_wide: true,
        };
        let table = [
            (consumer, Some(1), None, true),
            (consumer, Some(2), None, false),
            (consumer, Some(1), Some(10), false),
            (consumer, None, None, false),
            (buyer, Some(2), Some(10), true),
            (buyer, Some(5), Some(10), false),
            (buyer, Some(2), Some(11), false),
            (admin, Some(5), Some(10), true),
            (admin, Some(5), Some(11), false),
            (admin, Some(3), None, false),
        ];
        for (i, (reader, user, company, want)) in table.into_iter().enumerate() {
            assert_eq!(may_read(reader, user, company), want, "row {i}");
        }
    }

    #[test]
    fn a_new_case_is_checked_as_a_whole() {
        let order = [
            OrderLine { id: 1, quantity: 2 },
            OrderLine { id: 2, quantity: 5 },
        ];
        let t = |v: &[(i64, &str)]| -> Vec<(i64, String)> {
            v.iter().map(|(i, s)| (*i, s.to_string())).collect()
        };
        let ok = check_new(
            "damaged",
            "  The box was crushed.  ",
            &t(&[(1, ""), (2, "3")]),
            &order,
        );
        assert_eq!(
            ok,
            Ok(NewCase {
                kind: "damaged",
                description: "The box was crushed.".into(),
                lines: vec![(2, 3)],
            })
        );
        type Row<'a> = (&'a str, &'a str, Vec<(i64, String)>, Vec<Problem>);
        let table: [Row; 5] = [
            (
                "broken",
                "short",
                vec![],
                vec![Problem::Kind, Problem::DescriptionShort],
            ),
            (
                "missing",
                "One item was not in the parcel",
                t(&[(1, "0")]),
                vec![Problem::LinesNeeded],
            ),
            (
                "damaged",
                "Both were broken on arrival",
                t(&[(1, "3"), (2, "x")]),
                vec![Problem::Line(1), Problem::Line(2)],
            ),
            (
                "other",
                &"x".repeat(TEXT_MAX + 1),
                vec![],
                vec![Problem::DescriptionLong],
            ),
            (
                "delivery",
                "It came a week late",
                t(&[(1, "-1")]),
                vec![Problem::Line(1)],
            ),
        ];
        for (kind, text, typed, want) in table {
            assert_eq!(check_new(kind, text, &typed, &order), Err(want), "{kind}");
        }
        assert!(check_new("invoice", "The VAT number is wrong", &[], &order).is_ok());
    }

    #[test]
    fn photos_are_checked_by_their_content() {
        // A 1×1 PNG.
        let png: &[u8] = &[
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
        ];
        assert_eq!(
            check_photo(png),
            Ok(Photo {
                content_type: "image/png",
                extension: "png",
                width: 1,
                height: 1
            })
        );
        let table: [(&[u8], FileProblem); 4] = [
            (b"", FileProblem::Empty),
            (
                b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                FileProblem::NotAPhoto,
            ),
            (b"%PDF-1.7 not a photo", FileProblem::NotAPhoto),
            (&png[..12], FileProblem::NotAPhoto),
        ];
        for (bytes, want) in table {
            assert_eq!(check_photo(bytes), Err(want));
        }
        let mut big = png.to_vec();
        big.resize(MAX_FILE_BYTES + 1, 0);
        assert_eq!(check_photo(&big), Err(FileProblem::TooLarge));
    }

    #[test]
    fn a_refund_is_more_than_nothing_and_no_more_than_is_left() {
        let table = [
            ("149,50", 20_000, Ok(14_950)),
            ("200", 20_000, Ok(20_000)),
            ("200,01", 20_000, Err(RefundProblem::TooMuch(20_000))),
            ("0", 20_000, Err(RefundProblem::Zero)),
            ("1", 0, Err(RefundProblem::TooMuch(0))),
            (
                "-5",
                20_000,
                Err(RefundProblem::Unreadable("amount-invalid")),
            ),
            ("", 20_000, Err(RefundProblem::Unreadable("amount-invalid"))),
        ];
        for (typed, left, want) in table {
            assert_eq!(check_refund(typed, left), want, "{typed}");
        }
    }

    #[test]
    fn the_expected_answer_time_follows_the_queue() {
        let m = Duration::minutes;
        let table = [
            (vec![], None, m(60)),
            (vec![m(12), m(3), m(40)], None, m(15)),
            (vec![m(12), m(3), m(40)], Some(m(52)), m(55)),
            (vec![], Some(m(2)), m(5)),
            (vec![Duration::seconds(20)], None, m(5)),
        ];
        for (recent, oldest, want) in table {
            assert_eq!(expected_first_response(&recent, oldest, m(60)), want);
        }
    }

    #[test]
    fn a_replacement_sends_whole_units_up_to_what_was_ordered() {
        let order = [
            OrderLine { id: 1, quantity: 2 },
            OrderLine { id: 2, quantity: 1 },
        ];
        let t = |pairs: &[(i64, &str)]| -> Vec<(i64, String)> {
            pairs.iter().map(|(i, v)| (*i, v.to_string())).collect()
        };
        type Case = (
            Vec<(i64, String)>,
            Result<Vec<(i64, u32)>, Vec<ReplacementProblem>>,
        );
        let cases: [Case; 6] = [
            (t(&[(1, "2"), (2, "")]), Ok(vec![(1, 2)])),
            (t(&[(1, " 1 "), (2, "1")]), Ok(vec![(1, 1), (2, 1)])),
            (
                t(&[(1, "0"), (2, "")]),
                Err(vec![ReplacementProblem::Nothing]),
            ),
            (t(&[]), Err(vec![ReplacementProblem::Nothing])),
            (
                t(&[(1, "3"), (2, "x")]),
                Err(vec![
                    ReplacementProblem::Line(1),
                    ReplacementProblem::Line(2),
                ]),
            ),
            (
                t(&[(1, "-1"), (9, "5")]),
                Err(vec![ReplacementProblem::Line(1)]),
            ),
        ];
        for (typed, want) in cases {
            assert_eq!(check_replacement(&typed, &order), want, "{typed:?}");
        }
    }
}
