//! Quotes (RFQ): a company buyer asks for prices on products and quantities (with a target price
//! if they like), a sales representative offers unit prices valid until a date, and the buyer
//! accepts and orders at those prices, or counters; either side may end it. Here: the states, who
//! may move a quote between them, and the checks on what each side types.

use crate::domain::money::{Currency, Money, parse_amount_minor};
use chrono::{NaiveDate, NaiveDateTime};

/// The longest message on a quote's thread.
pub const MESSAGE_MAX: usize = 2000;
/// How far ahead an offer may be valid.
pub const VALID_MAX_DAYS: i64 = 90;
/// The most lines one quote holds.
pub const LINES_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Asked for; waits for the shop.
    Requested,
    /// The shop offered prices; waits for the buyer.
    Answered,
    /// The buyer countered; waits for the shop.
    Negotiating,
    /// The buyer accepted the offer and is ordering.
    Accepted,
    Ordered,
    Declined,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Requested,
        Status::Answered,
        Status::Negotiating,
        Status::Accepted,
        Status::Ordered,
        Status::Declined,
        Status::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Answered => "answered",
            Status::Negotiating => "negotiating",
            Status::Accepted => "accepted",
            Status::Ordered => "ordered",
            Status::Declined => "declined",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still going: someone has something to do.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Requested | Status::Answered | Status::Negotiating | Status::Accepted
        )
    }

    /// The shop has the next move.
    pub fn waits_for_shop(self) -> bool {
        matches!(self, Status::Requested | Status::Negotiating)
    }
}

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Buyer,
    Shop,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The shop offers (or revises) unit prices and a validity date.
    Offer,
    /// The buyer asks for other prices or quantities.
    Counter,
    /// The buyer takes the offer (and goes to checkout).
    Accept,
    /// The accepted quote became an order.
    Order,
    /// The shop will not offer.
    Decline,
    /// The buyer no longer wants it.
    Withdraw,
    /// A message that changes nothing else.
    Message,
}

impl Action {
    /// The thread entry's kind.
    pub fn code(self) -> &'static str {
        match self {
            Action::Offer => "offer",
            Action::Counter => "counter",
            Action::Accept => "accepted",
            Action::Order => "ordered",
            Action::Decline => "declined",
            Action::Withdraw => "withdrawn",
            Action::Message => "message",
        }
    }

    fn side(self) -> Side {
        match self {
            Action::Offer | Action::Decline => Side::Shop,
            _ => Side::Buyer,
        }
    }
}

/// Why an action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The other side's action.
    NotYours,
    /// Not from this state (already decided, ordered, ended).
    NotNow,
    /// The offer's validity date has passed.
    Expired,
}

impl Problem {
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::NotYours => "quote-problem-not-yours",
            Problem::NotNow => "quote-problem-not-now",
            Problem::Expired => "quote-problem-expired",
        }
    }
}

/// The state `action` by `side` leads to from `status`, or why it may not happen. `expired`:
/// the offer's validity has passed (an expired offer can be countered or revised, not taken).
pub fn next(status: Status, action: Action, side: Side, expired: bool) -> Result<Status, Problem> {
    use Status::*;
    if action == Action::Message {
        return if status.is_open() {
            Ok(status)
        } else {
            Err(Problem::NotNow)
        };
    }
    if action.side() != side {
        return Err(Problem::NotYours);
    }
    match (action, status) {
        (Action::Offer, Requested | Negotiating | Answered) => Ok(Answered),
        (Action::Decline, Requested | Negotiating | Answered) => Ok(Declined),
        (Action::Counter, Answered | Accepted) => Ok(Negotiating),
        (Action::Accept | Action::Order, Answered | Accepted) if expired => Err(Problem::Expired),
        (Action::Accept, Answered) => Ok(Accepted),
        (Action::Order, Accepted) => Ok(Ordered),
        (Action::Withdraw, s) if s.is_open() => Ok(Withdrawn),
        _ => Err(Problem::NotNow),
    }
}

/// The moment an offer valid through `date` ends: the end of that day (UTC).
pub fn valid_through(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(23, 59, 59).unwrap_or_default()
}

/// Whether an offer valid until `until` has run out at `now`.
pub fn expired(until: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    until.is_some_and(|u| u < now)
}

/// The validity date the representative typed (YYYY-MM-DD): today or later, at most
/// [`VALID_MAX_DAYS`] ahead.
pub fn parse_valid_until(typed: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("quote-valid-missing");
    }
    let date = NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| "quote-valid-invalid")?;
    if date < today {
        return Err("quote-valid-past");
    }
    if date > today + chrono::Duration::days(VALID_MAX_DAYS) {
        return Err("quote-valid-too-far");
    }
    Ok(date)
}

/// A unit price typed on a quote (excl. VAT): empty is "none" unless `required`; it must be a
/// readable amount above zero.
pub fn parse_unit_price(typed: &str, required: bool) -> Result<Option<Money>, &'static str> {
    if typed.trim().is_empty() {
        return if required {
            Err("quote-price-missing")
        } else {
            Ok(None)
        };
    }
    let minor = parse_amount_minor(typed).map_err(|_| "quote-price-invalid")?;
    if minor == 0 {
        return Err("quote-price-zero");
    }
    Ok(Some(Money::from_minor(minor, Currency::Sek)))
}

/// A message as typed: trimmed, at most [`MESSAGE_MAX`] characters.
pub fn parse_message(typed: &str) -> Result<String, &'static str> {
    let t = typed.trim();
    if t.chars().count() > MESSAGE_MAX {
        return Err("quote-message-too-long");
    }
    Ok(t.to_string())
}

/// The offer's total excl. VAT: every line's quantity × offered unit price, when every line has
/// one.
pub fn offer_total(lines: &[(u32, Option<Money>)]) -> Option<Money> {
    let mut total = Money::from_minor(0, Currency::Sek);
    for (quantity, unit) in lines {
        let unit = (*unit)?;
        total = Money::new(
            total.amount() + unit.amount() * rust_decimal::Decimal::from(*quantity),
            total.currency(),
        );
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Side::*;
    use Status::*;

    #[test]
    fn who_moves_a_quote_where() {
        // (from, action, side, expired, result)
        type Case = (Status, Action, Side, bool, Result<Status, Problem>);
        let cases: [Case; 27] = [
            (Requested, Offer, Shop, false, Ok(Answered)),
            (Negotiating, Offer, Shop, false, Ok(Answered)),
            (Answered, Offer, Shop, true, Ok(Answered)), // a revised (or renewed) offer
            (Accepted, Offer, Shop, false, Err(Problem::NotNow)),
            (Requested, Offer, Buyer, false, Err(Problem::NotYours)),
            (Requested, Decline, Shop, false, Ok(Declined)),
            (Ordered, Decline, Shop, false, Err(Problem::NotNow)),
            (Answered, Counter, Buyer, false, Ok(Negotiating)),
            (Answered, Counter, Buyer, true, Ok(Negotiating)), // asking for a new offer
            (Accepted, Counter, Buyer, false, Ok(Negotiating)),
            (Requested, Counter, Buyer, false, Err(Problem::NotNow)),
            (Answered, Counter, Shop, false, Err(Problem::NotYours)),
            (Answered, Accept, Buyer, false, Ok(Accepted)),
            (Answered, Accept, Buyer, true, Err(Problem::Expired)),
            (Requested, Accept, Buyer, false, Err(Problem::NotNow)),
            (Accepted, Accept, Buyer, false, Err(Problem::NotNow)),
            (Answered, Accept, Shop, false, Err(Problem::NotYours)),
            (Accepted, Order, Buyer, false, Ok(Ordered)),
            (Accepted, Order, Buyer, true, Err(Problem::Expired)),
            (Answered, Order, Buyer, false, Err(Problem::NotNow)),
            (Ordered, Order, Buyer, false, Err(Problem::NotNow)),
            (Accepted, Withdraw, Buyer, false, Ok(Withdrawn)),
            (Declined, Withdraw, Buyer, false, Err(Problem::NotNow)),
            (Requested, Withdraw, Shop, false, Err(Problem::NotYours)),
            (Negotiating, Message, Shop, false, Ok(Negotiating)),
            (Answered, Message, Buyer, true, Ok(Answered)),
            (Withdrawn, Message, Buyer, false, Err(Problem::NotNow)),
        ];
        for (from, action, side, expired, want) in cases {
            assert_eq!(
                next(from, action, side, expired),
                want,
                "{from:?} {action:?} {side:?} expired={expired}"
            );
        }
    }

    #[test]
    fn statuses_round_trip_and_say_who_is_next() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        assert_eq!(Status::parse("open"), None);
        let waiting: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| s.waits_for_shop())
            .collect();
        assert_eq!(waiting, [Requested, Negotiating]);
        assert!(!Ordered.is_open() && Accepted.is_open());
    }

    #[test]
    fn validity_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let cases = [
            ("2026-12-31", Ok("2026-12-31")),
            (" 2026-12-02 ", Ok("2026-12-02")), // today is fine: through the end of the day
            ("2027-03-02", Ok("2027-03-02")),   // 90 days
            ("2027-03-03", Err("quote-valid-too-far")),
            ("2026-12-01", Err("quote-valid-past")),
            ("", Err("quote-valid-missing")),
            ("31/12/2026", Err("quote-valid-invalid")),
            ("2026-02-30", Err("quote-valid-invalid")),
        ];
        for (typed, want) in cases {
            let got = parse_valid_until(typed, today).map(|d| d.format("%Y-%m-%d").to_string());
            assert_eq!(got.as_deref().map_err(|e| *e), want, "{typed:?}");
        }
        let through = valid_through(today);
        assert!(!expired(
            Some(through),
            today.and_hms_opt(23, 59, 59).unwrap()
        ));
        assert!(expired(
            Some(through),
            (today + chrono::Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .unwrap()
        ));
        assert!(!expired(None, through));
    }

    #[test]
    fn unit_prices_and_totals() {
        let sek = |m: i64| Money::from_minor(m, Currency::Sek);
        let cases = [
            ("850", true, Ok(Some(sek(85_000)))),
            ("1 249,50", true, Ok(Some(sek(124_950)))),
            ("0,01", true, Ok(Some(sek(1)))),
            ("", false, Ok(None)),
            ("  ", true, Err("quote-price-missing")),
            ("0", true, Err("quote-price-zero")),
            ("-5", false, Err("quote-price-invalid")),
            ("1e5", false, Err("quote-price-invalid")),
            ("abc", true, Err("quote-price-invalid")),
        ];
        for (typed, required, want) in cases {
            assert_eq!(parse_unit_price(typed, required), want, "{typed:?}");
        }
        assert_eq!(
            offer_total(&[(12, Some(sek(85_050))), (3, Some(sek(1)))]),
            Some(sek(1_020_603))
        );
        assert_eq!(offer_total(&[(1, Some(sek(100))), (2, None)]), None);
        assert_eq!(
            parse_message(&"x".repeat(MESSAGE_MAX)).map(|m| m.len()),
            Ok(2000)
        );
        assert_eq!(
            parse_message(&"x".repeat(MESSAGE_MAX + 1)),
            Err("quote-message-too-long")
        );
    }
}
