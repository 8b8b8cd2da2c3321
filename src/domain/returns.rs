//! Returns and exchanges after delivery: what may still be sent back, within which window, what
//! is refunded, and the life of a return. Pure; `db::returns` stores it.
//!
//! - A shipped or delivered order may be returned until `window_days` after delivery (a shipped
//!   order's window has not started yet).
//! - Each line can be sent back up to the quantity ordered, less what earlier returns (not
//!   rejected or cancelled) already cover.
//! - The refund for units of a line is its share of what was paid for the line, incl. VAT and
//!   after discounts: returning `k` more units when `r` were returned before refunds
//!   `⌊paid·(r+k)/q⌋ − ⌊paid·r/q⌋`, so returning every unit, in any number of returns, refunds the
//!   line exactly.
//! - When a return leaves nothing of the order unreturned, the delivery charge is refunded too
//!   (as the distance-selling rules require for a full withdrawal).
//! - An exchange swaps units for another variant of the same thing (same variant group) that
//!   costs the same or less; the difference in today's shelf price is refunded, never more than
//!   was paid per unit.
//!
//! ```text
//! requested ─▶ received ─▶ refunded        (kind: return)
//!     │            └─────▶ exchanged       (kind: exchange)
//!     ├─▶ cancelled (by the shopper)
//!     └─▶ rejected (by staff, with a reason; also from received)
//! ```

use chrono::{Duration, NaiveDateTime};

/// Why the shopper sends it back (stored as the code).
pub const REASONS: [&str; 6] = [
    "changed-mind",
    "wrong-size",
    "damaged",
    "not-as-described",
    "wrong-item",
    "other",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Return,
    Exchange,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "return" => Some(Kind::Return),
            "exchange" => Some(Kind::Exchange),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::Return => "return",
            Kind::Exchange => "exchange",
        }
    }
}

/// Whether the order can be returned now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Open; until when (unknown while the parcel is on its way).
    Open(Option<NaiveDateTime>),
    /// Not shipped yet (cancel instead), or cancelled.
    NotShipped,
    Closed(NaiveDateTime),
}

pub fn window(
    status: &str,
    delivered_at: Option<NaiveDateTime>,
    window_days: i64,
    now: NaiveDateTime,
) -> Window {
    match (status, delivered_at) {
        ("shipped", _) => Window::Open(None),
        ("delivered", Some(at)) => {
            let until = at + Duration::days(window_days);
            if now < until {
                Window::Open(Some(until))
            } else {
                Window::Closed(until)
            }
        }
        ("delivered", None) => Window::Open(None),
        _ => Window::NotShipped,
    }
}

/// An order line as a return sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnableLine {
    pub order_line_id: i64,
    pub ordered: u32,
    /// Units in earlier returns that still count (not rejected or cancelled).
    pub returned: u32,
    /// What was paid for the whole line, incl. VAT, after discounts (minor units).
    pub paid_minor: i64,
}

impl ReturnableLine {
    pub fn left(&self) -> u32 {
        self.ordered.saturating_sub(self.returned)
    }

    /// The refund for `k` more units (see the module's rule).
    pub fn refund_for(&self, k: u32) -> i64 {
        if self.ordered == 0 {
            return 0;
        }
        let q = i128::from(self.ordered);
        let paid = i128::from(self.paid_minor);
        let upto = |n: u32| paid * i128::from(n.min(self.ordered)) / q;
        i64::try_from(upto(self.returned + k) - upto(self.returned)).unwrap_or(0)
    }
}

/// One line of a request as typed: which order line, how many (as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub order_line_id: i64,
    pub quantity: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestProblem {
    NothingChosen,
    /// A quantity that is not a whole number from 0 to what is left (order line id, left).
    Quantity(i64, u32),
    Reason,
    CommentTooLong,
    /// An exchange without a variant to swap to, or one that is not allowed (order line id).
    Variant(i64),
}

/// Reads the quantities: every typed quantity must be a whole number from 0 to what is left of
/// its line; at least one must be above 0. Returns (line, units) for the chosen lines.
pub fn chosen(
    lines: &[ReturnableLine],
    wanted: &[Wanted],
) -> Result<Vec<(ReturnableLine, u32)>, Vec<RequestProblem>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for w in wanted {
        let Some(line) = lines.iter().find(|l| l.order_line_id == w.order_line_id) else {
            continue;
        };
        let typed = w.quantity.trim();
        if typed.is_empty() {
            continue;
        }
        match typed.parse::<u32>() {
            Ok(0) => {}
            Ok(k) if k <= line.left() => out.push((line.clone(), k)),
            _ => problems.push(RequestProblem::Quantity(line.order_line_id, line.left())),
        }
    }
    if problems.is_empty() && out.is_empty() {
        problems.push(RequestProblem::NothingChosen);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Whether the return takes back everything still unreturned of the order (so delivery is
/// refunded as well).
pub fn completes_order(all_lines: &[ReturnableLine], chosen: &[(ReturnableLine, u32)]) -> bool {
    all_lines.iter().all(|l| {
        let now = chosen
            .iter()
            .find(|(c, _)| c.order_line_id == l.order_line_id)
            .map_or(0, |(_, k)| *k);
        l.left() == now
    })
}

/// The refund of an exchanged unit: the shelf-price difference, capped at what was paid per unit;
/// `None` when the replacement costs more (not allowed).
pub fn exchange_difference(paid_per_unit: i64, old_shelf: i64, new_shelf: i64) -> Option<i64> {
    if new_shelf > old_shelf {
        return None;
    }
    Some((old_shelf - new_shelf).min(paid_per_unit).max(0))
}

/// The life of a return: from which status each action may be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Receive,
    Refund,
    Exchange,
    Reject,
    Cancel,
}

impl Action {
    pub fn parse(s: &str) -> Option<Action> {
        match s {
            "receive" => Some(Action::Receive),
            "refund" => Some(Action::Refund),
            "exchange" => Some(Action::Exchange),
            "reject" => Some(Action::Reject),
            "cancel" => Some(Action::Cancel),
            _ => None,
        }
    }

    /// The status this action leads to, if it may be taken from `status` on a return of `kind`.
    pub fn from(self, status: &str, kind: Kind) -> Option<&'static str> {
        match (self, status, kind) {
            (Action::Receive, "requested", _) => Some("received"),
            (Action::Refund, "received", Kind::Return) => Some("refunded"),
            (Action::Exchange, "received", Kind::Exchange) => Some("exchanged"),
            (Action::Reject, "requested" | "received", _) => Some("rejected"),
            (Action::Cancel, "requested", _) => Some("cancelled"),
            _ => None,
        }
    }
}

/// Statuses whose units no longer count as returned (they may be asked for again).
pub fn releases_units(status: &str) -> bool {
    matches!(status, "rejected" | "cancelled")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn line(id: i64, ordered: u32, returned: u32, paid: i64) -> ReturnableLine {
        ReturnableLine {
            order_line_id: id,
            ordered,
            returned,
            paid_minor: paid,
        }
    }

    #[test]
    fn the_window_opens_at_shipping_and_closes_after_delivery() {
        // (status, delivered, now, expected)
        let cases = [
            ("paid", None, at(5), Window::NotShipped),
            ("packed", None, at(5), Window::NotShipped),
            ("cancelled", None, at(5), Window::NotShipped),
            ("shipped", None, at(5), Window::Open(None)),
            ("delivered", Some(at(1)), at(5), Window::Open(Some(at(15)))),
            ("delivered", Some(at(1)), at(15), Window::Closed(at(15))),
        ];
        for (status, delivered, now, expected) in cases {
            assert_eq!(
                window(status, delivered, 14, now),
                expected,
                "{status} {now}"
            );
        }
    }

    #[test]
    fn refunds_share_the_paid_line_exactly_over_partial_returns() {
        // 3 units, 100.00 paid: 33.33 + 33.33 + 33.34.
        let paid = 10_000;
        assert_eq!(line(1, 3, 0, paid).refund_for(1), 3_333);
        assert_eq!(line(1, 3, 1, paid).refund_for(1), 3_333);
        assert_eq!(line(1, 3, 2, paid).refund_for(1), 3_334);
        assert_eq!(line(1, 3, 0, paid).refund_for(3), paid);
        assert_eq!(line(1, 3, 1, paid).refund_for(2), paid - 3_333);
        // Never more than the line, whatever is asked.
        assert_eq!(line(1, 3, 2, paid).refund_for(5), 3_334);
        assert_eq!(line(1, 0, 0, paid).refund_for(1), 0);
    }

    #[test]
    fn quantities_are_whole_numbers_within_what_is_left() {
        let lines = [line(1, 3, 1, 300), line(2, 1, 0, 100)];
        let want = |a: &str, b: &str| {
            vec![
                Wanted {
                    order_line_id: 1,
                    quantity: a.into(),
                },
                Wanted {
                    order_line_id: 2,
                    quantity: b.into(),
                },
            ]
        };
        // (line 1, line 2, expected units or problems)
        type Case<'a> = (&'a str, &'a str, Result<Vec<u32>, Vec<RequestProblem>>);
        let cases: Vec<Case> = vec![
            ("2", "1", Ok(vec![2, 1])),
            ("1", "", Ok(vec![1])),
            (" 1 ", "0", Ok(vec![1])),
            ("", "", Err(vec![RequestProblem::NothingChosen])),
            ("0", "0", Err(vec![RequestProblem::NothingChosen])),
            ("3", "", Err(vec![RequestProblem::Quantity(1, 2)])),
            ("-1", "", Err(vec![RequestProblem::Quantity(1, 2)])),
            ("1.5", "", Err(vec![RequestProblem::Quantity(1, 2)])),
            ("two", "1", Err(vec![RequestProblem::Quantity(1, 2)])),
            ("99999999999", "", Err(vec![RequestProblem::Quantity(1, 2)])),
        ];
        for (a, b, expected) in cases {
            let got = chosen(&lines, &want(a, b)).map(|v| v.iter().map(|(_, k)| *k).collect());
            assert_eq!(got, expected, "{a:?} {b:?}");
        }
        let all = chosen(&lines, &want("2", "1")).unwrap();
        assert!(completes_order(&lines, &all));
        let some = chosen(&lines, &want("1", "1")).unwrap();
        assert!(!completes_order(&lines, &some));
    }

    #[test]
    fn exchanges_refund_the_difference_and_returns_follow_their_states() {
        // (paid per unit, old shelf, new shelf, expected)
        let cases = [
            (10_000, 12_500, 12_500, Some(0)),
            (10_000, 12_500, 9_900, Some(2_600)),
            (1_000, 12_500, 9_900, Some(1_000)),
            (10_000, 12_500, 12_600, None),
        ];
        for (paid, old, new, expected) in cases {
            assert_eq!(exchange_difference(paid, old, new), expected);
        }
        // (action, from, kind, to)
        let moves = [
            (Action::Receive, "requested", Kind::Return, Some("received")),
            (Action::Refund, "received", Kind::Return, Some("refunded")),
            (Action::Refund, "requested", Kind::Return, None),
            (Action::Refund, "received", Kind::Exchange, None),
            (
                Action::Exchange,
                "received",
                Kind::Exchange,
                Some("exchanged"),
            ),
            (Action::Exchange, "received", Kind::Return, None),
            (Action::Reject, "requested", Kind::Return, Some("rejected")),
            (Action::Reject, "received", Kind::Exchange, Some("rejected")),
            (Action::Reject, "refunded", Kind::Return, None),
            (Action::Cancel, "requested", Kind::Return, Some("cancelled")),
            (Action::Cancel, "received", Kind::Return, None),
            (Action::Receive, "received", Kind::Return, None),
        ];
        for (action, from, kind, to) in moves {
            assert_eq!(action.from(from, kind), to, "{action:?} {from} {kind:?}");
        }
        assert!(releases_units("rejected") && releases_units("cancelled"));
        assert!(!releases_units("requested") && !releases_units("refunded"));
        for r in REASONS {
            assert!(!r.contains('_'));
        }
        assert_eq!(Kind::parse("exchange").map(Kind::code), Some("exchange"));
    }
}
