//! "Book a live demo": a company user asks for a live demonstration (what, a preferred weekday
//! and time of day, online or on site, how many people, a phone number if they like, a message);
//! a sales representative schedules it at a time in the shop's time zone with the meeting
//! details, marks it held, or cancels it with a reason; the buyer may withdraw it. Here: the
//! states, who may move a request, and the checks on what each side types.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

pub const TOPIC_MAX: usize = 200;
pub const MESSAGE_MAX: usize = 2000;
pub const DETAILS_MAX: usize = 1000;
pub const ATTENDEES_MAX: u32 = 50;
/// How far ahead a demo may be asked for or scheduled.
pub const AHEAD_MAX_DAYS: i64 = 180;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Asked for; waits for a sales representative.
    Requested,
    /// A time and meeting details are set.
    Scheduled,
    /// The demo took place.
    Held,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Requested,
        Status::Scheduled,
        Status::Held,
        Status::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Scheduled => "scheduled",
            Status::Held => "held",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The shop sets (or moves) the time and meeting details.
    Schedule,
    /// The shop records that the demo took place.
    Hold,
    /// The shop calls it off, with a reason.
    Cancel,
    /// The buyer no longer wants it.
    Withdraw,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Schedule => "schedule",
            Action::Hold => "hold",
            Action::Cancel => "cancel",
            Action::Withdraw => "withdraw",
        }
    }

    pub fn parse(code: &str) -> Option<Action> {
        [
            Action::Schedule,
            Action::Hold,
            Action::Cancel,
            Action::Withdraw,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }
}

/// The state `action` leads to from `status`, or `None` when it may not happen now. A demo is
/// marked held only once its time has come (`due`).
pub fn next(status: Status, action: Action, due: bool) -> Option<Status> {
    use Status::*;
    match (status, action) {
        (Requested | Scheduled, Action::Schedule) => Some(Scheduled),
        (Scheduled, Action::Hold) if due => Some(Held),
        (Requested | Scheduled, Action::Cancel | Action::Withdraw) => Some(Cancelled),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    Morning,
    Afternoon,
    Any,
}

impl TimeOfDay {
    pub const ALL: [TimeOfDay; 3] = [TimeOfDay::Morning, TimeOfDay::Afternoon, TimeOfDay::Any];

    pub fn code(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
            TimeOfDay::Any => "any",
        }
    }

    pub fn parse(code: &str) -> Option<TimeOfDay> {
        TimeOfDay::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Online,
    OnSite,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Online, Format::OnSite];

    pub fn code(self) -> &'static str {
        match self {
            Format::Online => "online",
            Format::OnSite => "on_site",
        }
    }

    pub fn parse(code: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// What a buyer typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct RequestInput<'a> {
    pub topic: &'a str,
    pub preferred_date: &'a str,
    pub time_of_day: &'a str,
    pub format: &'a str,
    pub attendees: &'a str,
    pub phone: &'a str,
    pub message: &'a str,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub topic: String,
    pub preferred_date: NaiveDate,
    pub time_of_day: TimeOfDay,
    pub format: Format,
    pub attendees: u32,
    pub phone: Option<String>,
    pub message: String,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

/// Text with line breaks kept and other control characters dropped, trimmed.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Checks a request as a whole against `today` (the shop's date): every problem at once.
pub fn check_request(input: &RequestInput, today: NaiveDate) -> Result<Request, Errors> {
    let mut errors = Errors::new();
    let topic = clean(input.topic).replace('\n', " ");
    if topic.is_empty() {
        errors.push(("topic", "demo-topic-missing"));
    } else if topic.chars().count() > TOPIC_MAX {
        errors.push(("topic", "demo-topic-long"));
    }
    let date = match preferred_date(input.preferred_date, today) {
        Ok(d) => Some(d),
        Err(key) => {
            errors.push(("preferred_date", key));
            None
        }
    };
    let time = TimeOfDay::parse(input.time_of_day.trim());
    if time.is_none() {
        errors.push(("time_of_day", "demo-time-invalid"));
    }
    let format = Format::parse(input.format.trim());
    if format.is_none() {
        errors.push(("format", "demo-format-invalid"));
    }
    let attendees = input
        .attendees
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=ATTENDEES_MAX).contains(n));
    if attendees.is_none() {
        errors.push(("attendees", "demo-attendees-invalid"));
    }
    let phone = match phone(input.phone) {
        Ok(p) => p,
        Err(key) => {
            errors.push(("phone", key));
            None
        }
    };
    let message = clean(input.message);
    if message.chars().count() > MESSAGE_MAX {
        errors.push(("message", "demo-message-long"));
    }
    match (date, time, format, attendees) {
        (Some(preferred_date), Some(time_of_day), Some(format), Some(attendees))
            if errors.is_empty() =>
        {
            Ok(Request {
                topic,
                preferred_date,
                time_of_day,
                format,
                attendees,
                phone,
                message,
            })
        }
        _ => Err(errors),
    }
}

/// A weekday after `today`, at most [`AHEAD_MAX_DAYS`] ahead.
fn preferred_date(typed: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("demo-date-missing");
    }
    let date = NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| "demo-date-invalid")?;
    if date <= today {
        Err("demo-date-past")
    } else if date > today + Duration::days(AHEAD_MAX_DAYS) {
        Err("demo-date-far")
    } else if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        Err("demo-date-weekend")
    } else {
        Ok(date)
    }
}

/// An optional phone number: digits with spaces, `+`, `-`, `(`, `)`; 6 to 15 digits.
fn phone(typed: &str) -> Result<Option<String>, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let allowed = typed
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let digits = typed.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=15).contains(&digits) && typed.len() <= 25 {
        Ok(Some(typed.to_string()))
    } else {
        Err("demo-phone-invalid")
    }
}

/// What a sales representative typed to schedule a demo.
#[derive(Debug, Clone, Default)]
pub struct ScheduleInput<'a> {
    /// `YYYY-MM-DDTHH:MM` (an `<input type=datetime-local>`), in the shop's time zone.
    pub at: &'a str,
    pub format: &'a str,
    pub details: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The shop's local time, as typed.
    pub at: NaiveDateTime,
    pub format: Format,
    pub details: String,
}

/// Checks a schedule against `now` in the shop's time zone: a time in the future, at most
/// [`AHEAD_MAX_DAYS`] ahead, and meeting details (a link or an address) the buyer can use.
pub fn check_schedule(input: &ScheduleInput, now: NaiveDateTime) -> Result<Schedule, Errors> {
    let mut errors = Errors::new();
    let typed = input.at.trim();
    let at = if typed.is_empty() {
        errors.push(("scheduled_at", "demo-at-missing"));
        None
    } else {
        match NaiveDateTime::parse_from_str(typed, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(typed, "%Y-%m-%dT%H:%M:%S"))
        {
            Err(_) => {
                errors.push(("scheduled_at", "demo-at-invalid"));
                None
            }
            Ok(at) if at <= now => {
                errors.push(("scheduled_at", "demo-at-past"));
                None
            }
            Ok(at) if at > now + Duration::days(AHEAD_MAX_DAYS) => {
                errors.push(("scheduled_at", "demo-at-far"));
                None
            }
            Ok(at) => Some(at),
        }
    };
    let format = Format::parse(input.format.trim());
    if format.is_none() {
        errors.push(("format", "demo-format-invalid"));
    }
    let details = clean(input.details);
    if details.is_empty() {
        errors.push(("meeting_details", "demo-details-missing"));
    } else if details.chars().count() > DETAILS_MAX {
        errors.push(("meeting_details", "demo-details-long"));
    }
    match (at, format) {
        (Some(at), Some(format)) if errors.is_empty() => Ok(Schedule {
            at,
            format,
            details,
        }),
        _ => Err(errors),
    }
}

/// A reason to cancel (required) or a note, at most [`MESSAGE_MAX`] characters.
pub fn check_reason(typed: &str) -> Result<String, &'static str> {
    let reason = clean(typed);
    if reason.is_empty() {
        Err("demo-reason-missing")
    } else if reason.chars().count() > MESSAGE_MAX {
        Err("demo-message-long")
    } else {
        Ok(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn who_moves_a_request_and_from_where() {
        use Action::*;
        use Status::*;
        let cases = [
            (Requested, Schedule, false, Some(Scheduled)),
            (Scheduled, Schedule, false, Some(Scheduled)),
            (Held, Schedule, true, None),
            (Cancelled, Schedule, false, None),
            (Requested, Hold, true, None),
            (Scheduled, Hold, false, None),
            (Scheduled, Hold, true, Some(Held)),
            (Requested, Cancel, false, Some(Cancelled)),
            (Scheduled, Withdraw, false, Some(Cancelled)),
            (Held, Cancel, true, None),
            (Held, Withdraw, true, None),
            (Cancelled, Withdraw, false, None),
        ];
        for (from, action, due, to) in cases {
            assert_eq!(next(from, action, due), to, "{from:?} {action:?} due={due}");
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        assert_eq!(Action::parse("approve"), None);
    }

    #[test]
    fn a_request_is_checked_as_a_whole() {
        // Thursday 3 December 2026.
        let today = day("2026-12-03");
        let good = RequestInput {
            topic: "  Cordless system for our site crews ",
            preferred_date: "2026-12-07",
            time_of_day: "morning",
            format: "online",
            attendees: "4",
            phone: "+46 70-123 45 67",
            message: "We have 30 electricians.\u{7}",
        };
        let ok = check_request(&good, today).unwrap();
        assert_eq!(ok.topic, "Cordless system for our site crews");
        assert_eq!(ok.preferred_date, day("2026-12-07"));
        assert_eq!(
            (ok.time_of_day, ok.format, ok.attendees),
            (TimeOfDay::Morning, Format::Online, 4)
        );
        assert_eq!(ok.phone.as_deref(), Some("+46 70-123 45 67"));
        assert_eq!(ok.message, "We have 30 electricians.");

        let long_topic = "x".repeat(TOPIC_MAX + 1);
        let long_message = "y".repeat(MESSAGE_MAX + 1);
        let cases: [(RequestInput, Errors); 12] = [
            (
                RequestInput {
                    topic: " ",
                    ..good.clone()
                },
                vec![("topic", "demo-topic-missing")],
            ),
            (
                RequestInput {
                    topic: &long_topic,
                    ..good.clone()
                },
                vec![("topic", "demo-topic-long")],
            ),
            (
                RequestInput {
                    preferred_date: "",
                    ..good.clone()
                },
                vec![("preferred_date", "demo-date-missing")],
            ),
            (
                RequestInput {
                    preferred_date: "7/12",
                    ..good.clone()
                },
                vec![("preferred_date", "demo-date-invalid")],
            ),
            (
                RequestInput {
                    preferred_date: "2026-12-03",
                    ..good.clone()
                },
                vec![("preferred_date", "demo-date-past")],
            ),
            (
                RequestInput {
                    preferred_date: "2026-12-05",
                    ..good.clone()
                },
                vec![("preferred_date", "demo-date-weekend")],
            ),
            (
                RequestInput {
                    preferred_date: "2027-06-02",
                    ..good.clone()
                },
                vec![("preferred_date", "demo-date-far")],
            ),
            (
                RequestInput {
                    time_of_day: "night",
                    ..good.clone()
                },
                vec![("time_of_day", "demo-time-invalid")],
            ),
            (
                RequestInput {
                    attendees: "0",
                    ..good.clone()
                },
                vec![("attendees", "demo-attendees-invalid")],
            ),
            (
                RequestInput {
                    attendees: "51",
                    ..good.clone()
                },
                vec![("attendees", "demo-attendees-invalid")],
            ),
            (
                RequestInput {
                    phone: "call me",
                    ..good.clone()
                },
                vec![("phone", "demo-phone-invalid")],
            ),
            (
                RequestInput {
                    format: "",
                    message: &long_message,
                    phone: "12345",
                    ..good.clone()
                },
                vec![
                    ("format", "demo-format-invalid"),
                    ("phone", "demo-phone-invalid"),
                    ("message", "demo-message-long"),
                ],
            ),
        ];
        for (input, errors) in cases {
            assert_eq!(
                check_request(&input, today).unwrap_err(),
                errors,
                "{input:?}"
            );
        }
        // 180 days ahead is Tuesday 1 June 2027, the last day allowed.
        let last = RequestInput {
            preferred_date: "2027-06-01",
            ..good.clone()
        };
        assert!(check_request(&last, today).is_ok());
        let no_phone = RequestInput { phone: "", ..good };
        assert_eq!(check_request(&no_phone, today).unwrap().phone, None);
    }

    #[test]
    fn a_schedule_is_a_future_time_with_meeting_details() {
        let now = at("2026-12-03 14:00");
        let good = ScheduleInput {
            at: "2026-12-07T10:30",
            format: "on_site",
            details: "Storgatan 1, Umeå — ask for Eva",
        };
        let ok = check_schedule(&good, now).unwrap();
        assert_eq!(ok.at, at("2026-12-07 10:30"));
        assert_eq!(ok.format, Format::OnSite);
        let long = "z".repeat(DETAILS_MAX + 1);
        let cases: [(ScheduleInput, Errors); 6] = [
            (
                ScheduleInput {
                    at: "",
                    ..good.clone()
                },
                vec![("scheduled_at", "demo-at-missing")],
            ),
            (
                ScheduleInput {
                    at: "tomorrow",
                    ..good.clone()
                },
                vec![("scheduled_at", "demo-at-invalid")],
            ),
            (
                ScheduleInput {
                    at: "2026-12-03T14:00",
                    ..good.clone()
                },
                vec![("scheduled_at", "demo-at-past")],
            ),
            (
                ScheduleInput {
                    at: "2027-06-03T10:00",
                    ..good.clone()
                },
                vec![("scheduled_at", "demo-at-far")],
            ),
            (
                ScheduleInput {
                    details: " \n ",
                    ..good.clone()
                },
                vec![("meeting_details", "demo-details-missing")],
            ),
            (
                ScheduleInput {
                    format: "video",
                    details: &long,
                    ..good.clone()
                },
                vec![
                    ("format", "demo-format-invalid"),
                    ("meeting_details", "demo-details-long"),
                ],
            ),
        ];
        for (input, errors) in cases {
            assert_eq!(
                check_schedule(&input, now).unwrap_err(),
                errors,
                "{input:?}"
            );
        }
        assert_eq!(check_reason("  "), Err("demo-reason-missing"));
        assert_eq!(
            check_reason(" Our rep is ill. "),
            Ok("Our rep is ill.".to_string())
        );
    }
}
