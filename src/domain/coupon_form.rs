//! The staff form for coupon codes: what a code may look like, its kind and value (a percentage,
//! an amount, or free delivery), the minimum order, the validity window, the use limits. Pure;
//! `db::coupons` stores it and `pricing::coupons` applies it at checkout.

use crate::domain::money::parse_amount_minor;
use crate::domain::pricing::coupons::normalize_code;
use chrono::NaiveDateTime;

pub const KINDS: [&str; 3] = ["percent", "fixed", "free_delivery"];
/// How the form's `datetime-local` fields send a time.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// What staff typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub code: &'a str,
    pub kind: &'a str,
    /// Percent ("10", "12,5") or an amount in kronor ("100", "99,50"); empty for free delivery.
    pub value: &'a str,
    pub min_subtotal: &'a str,
    pub starts: &'a str,
    pub ends: &'a str,
    pub max_uses: &'a str,
    pub max_uses_per_customer: &'a str,
}

/// A checked coupon (times on the shop's clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Upper case, no spaces.
    pub code: String,
    pub kind: &'static str,
    /// Basis points for a percentage (1000 = 10 %), else 0.
    pub value_bp: i32,
    /// Öre for a fixed amount, else 0.
    pub value_minor: i64,
    pub min_subtotal_minor: i64,
    pub starts: Option<NaiveDateTime>,
    pub ends: Option<NaiveDateTime>,
    pub max_uses: Option<i32>,
    pub max_uses_per_customer: Option<i32>,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

fn optional_count(typed: &str) -> Result<Option<i32>, ()> {
    match typed.trim() {
        "" => Ok(None),
        t => t
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=1_000_000).contains(n))
            .map(Some)
            .ok_or(()),
    }
}

/// An optional `datetime-local` time; the message key when it cannot be read.
pub fn optional_time(typed: &str) -> Result<Option<NaiveDateTime>, &'static str> {
    match typed.trim() {
        "" => Ok(None),
        t => NaiveDateTime::parse_from_str(t, TIME_FORMAT)
            .map(Some)
            .map_err(|_| "coupon-form-time"),
    }
}

/// Checks the form as a whole: every problem at once.
pub fn check(input: &Input) -> Result<Draft, Errors> {
    let mut errors = Errors::new();
    let code = normalize_code(input.code);
    let code_ok = (3..=40).contains(&code.chars().count())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !code_ok {
        errors.push(("code", "coupon-form-code"));
    }
    let kind = KINDS.iter().find(|k| **k == input.kind.trim()).copied();
    let (mut value_bp, mut value_minor) = (0, 0);
    match kind {
        None => errors.push(("kind", "coupon-form-kind")),
        Some("percent") => match parse_amount_minor(input.value) {
            // "12,5" read as an amount is 1250 hundredths: the same as basis points.
            Ok(bp) if (1..=10_000).contains(&bp) => value_bp = i32::try_from(bp).unwrap_or(0),
            _ => errors.push(("value", "coupon-form-percent")),
        },
        Some("fixed") => match parse_amount_minor(input.value) {
            Ok(minor) if minor > 0 => value_minor = minor,
            _ => errors.push(("value", "coupon-form-amount")),
        },
        Some(_) => {}
    }
    let min_subtotal_minor = match input.min_subtotal.trim() {
        "" => 0,
        t => parse_amount_minor(t).unwrap_or_else(|_| {
            errors.push(("min_subtotal", "coupon-form-minimum"));
            0
        }),
    };
    let starts = optional_time(input.starts).unwrap_or_else(|key| {
        errors.push(("starts", key));
        None
    });
    let ends = optional_time(input.ends).unwrap_or_else(|key| {
        errors.push(("ends", key));
        None
    });
    if let (Some(s), Some(e)) = (starts, ends)
        && e <= s
    {
        errors.push(("ends", "coupon-form-ends-before"));
    }
    let max_uses = optional_count(input.max_uses).unwrap_or_else(|()| {
        errors.push(("max_uses", "coupon-form-count"));
        None
    });
    let max_uses_per_customer = optional_count(input.max_uses_per_customer).unwrap_or_else(|()| {
        errors.push(("max_uses_per_customer", "coupon-form-count"));
        None
    });
    match kind {
        Some(kind) if errors.is_empty() => Ok(Draft {
            code,
            kind,
            value_bp,
            value_minor,
            min_subtotal_minor,
            starts,
            ends,
            max_uses,
            max_uses_per_customer,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: Input = Input {
        code: " spring 25 ",
        kind: "percent",
        value: "12,5",
        min_subtotal: "500",
        starts: "2026-03-01T00:00",
        ends: "2026-03-31T23:59",
        max_uses: "100",
        max_uses_per_customer: "1",
    };

    #[test]
    fn a_good_form_becomes_a_coupon() {
        let d = check(&GOOD).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.code, "SPRING25");
        assert_eq!((d.kind, d.value_bp, d.value_minor), ("percent", 1250, 0));
        assert_eq!(d.min_subtotal_minor, 50_000);
        assert_eq!((d.max_uses, d.max_uses_per_customer), (Some(100), Some(1)));
        let fixed = check(&Input {
            kind: "fixed",
            value: "99,50",
            ..GOOD
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((fixed.value_bp, fixed.value_minor), (0, 9_950));
        let free = check(&Input {
            kind: "free_delivery",
            value: "",
            min_subtotal: "",
            starts: "",
            ends: "",
            max_uses: "",
            max_uses_per_customer: "",
            ..GOOD
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (free.min_subtotal_minor, free.starts, free.max_uses),
            (0, None, None)
        );
    }

    #[test]
    fn every_problem_is_named_next_to_its_field() {
        let cases: [(Input, Errors); 9] = [
            (
                Input { code: "ab", ..GOOD },
                vec![("code", "coupon-form-code")],
            ),
            (
                Input {
                    code: "hej<då>",
                    ..GOOD
                },
                vec![("code", "coupon-form-code")],
            ),
            (
                Input {
                    kind: "gift",
                    ..GOOD
                },
                vec![("kind", "coupon-form-kind")],
            ),
            (
                Input { value: "0", ..GOOD },
                vec![("value", "coupon-form-percent")],
            ),
            (
                Input {
                    value: "101",
                    ..GOOD
                },
                vec![("value", "coupon-form-percent")],
            ),
            (
                Input {
                    kind: "fixed",
                    value: "-5",
                    ..GOOD
                },
                vec![("value", "coupon-form-amount")],
            ),
            (
                Input {
                    min_subtotal: "lots",
                    ..GOOD
                },
                vec![("min_subtotal", "coupon-form-minimum")],
            ),
            (
                Input {
                    ends: "2026-02-01T00:00",
                    max_uses: "0",
                    ..GOOD
                },
                vec![
                    ("ends", "coupon-form-ends-before"),
                    ("max_uses", "coupon-form-count"),
                ],
            ),
            (
                Input {
                    starts: "March",
                    max_uses_per_customer: "x",
                    ..GOOD
                },
                vec![
                    ("starts", "coupon-form-time"),
                    ("max_uses_per_customer", "coupon-form-count"),
                ],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(check(&input), Err(want), "{input:?}");
        }
    }
}
