//! Staff forms for agreed prices, pure: a price list (code, name), a price (a price-list tier or
//! a company's contract price: SKU, from quantity, unit price excl. VAT, the days it is valid),
//! payment terms' adjustment, and whether two validity windows overlap.

use crate::domain::catalog::Sku;
use crate::domain::money::parse_amount_minor;
use chrono::NaiveDate;

/// How `<input type="date">` sends a day.
pub const DATE_FORMAT: &str = "%Y-%m-%d";
/// The largest payment-terms adjustment either way, in basis points (20 %).
pub const ADJUSTMENT_MAX_BP: i32 = 2_000;
pub const NOTE_MAX: usize = 200;

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

/// A price as typed.
#[derive(Debug, Clone, Default)]
pub struct PriceInput<'a> {
    pub sku: &'a str,
    pub min_qty: &'a str,
    /// Kronor excl. VAT.
    pub price: &'a str,
    /// First day it applies (empty: from now).
    pub valid_from: &'a str,
    /// Last day it applies (empty: until further notice).
    pub valid_to: &'a str,
    pub note: &'a str,
}

/// A checked price. Days are the shop's; the window runs from the start of `from` to the end
/// of `to` (stored as the start of the next day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Price {
    pub sku: String,
    pub min_qty: i32,
    pub unit_price_minor: i64,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub note: String,
}

fn day(typed: &str) -> Result<Option<NaiveDate>, ()> {
    match typed.trim() {
        "" => Ok(None),
        t => NaiveDate::parse_from_str(t, DATE_FORMAT)
            .map(Some)
            .map_err(|_| ()),
    }
}

pub fn check_price(input: &PriceInput<'_>) -> Result<Price, Errors> {
    let mut errors = Errors::new();
    let sku = match Sku::parse(input.sku) {
        Ok(s) => s.to_string(),
        Err(_) => {
            errors.push(("sku", "price-sku-bad"));
            String::new()
        }
    };
    let min_qty = match input.min_qty.trim() {
        "" => 1,
        t => t
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=1_000_000).contains(n))
            .unwrap_or_else(|| {
                errors.push(("min_qty", "price-min-qty-bad"));
                1
            }),
    };
    let unit_price_minor = match parse_amount_minor(input.price) {
        Ok(m) if m > 0 && m <= 1_000_000_000 => m,
        _ => {
            errors.push(("price", "price-amount-bad"));
            0
        }
    };
    let from = day(input.valid_from).unwrap_or_else(|_| {
        errors.push(("valid_from", "price-day-bad"));
        None
    });
    let to = day(input.valid_to).unwrap_or_else(|_| {
        errors.push(("valid_to", "price-day-bad"));
        None
    });
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        errors.push(("valid_to", "price-to-before-from"));
    }
    let note = input.note.trim();
    if note.chars().count() > NOTE_MAX {
        errors.push(("note", "price-note-long"));
    }
    if errors.is_empty() {
        Ok(Price {
            sku,
            min_qty,
            unit_price_minor,
            from,
            to,
            note: note.to_string(),
        })
    } else {
        Err(errors)
    }
}

/// Whether two windows share a moment; `None` ends are open (the past, the future). Ends are
/// exclusive, as stored.
pub fn overlaps<T: PartialOrd + Copy>(
    a: (Option<T>, Option<T>),
    b: (Option<T>, Option<T>),
) -> bool {
    let starts_before_other_ends = |start: Option<T>, end: Option<T>| match (start, end) {
        (Some(s), Some(e)) => s < e,
        _ => true,
    };
    starts_before_other_ends(a.0, b.1) && starts_before_other_ends(b.0, a.1)
}

/// A price list's code and name as typed.
pub fn check_list(code: &str, name: &str) -> Result<(String, String), Errors> {
    let mut errors = Errors::new();
    let code = code.trim().to_lowercase();
    if code.len() < 2
        || code.len() > 40
        || !code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors.push(("code", "price-list-code-bad"));
    }
    let name = name.trim();
    if name.chars().count() < 2 || name.chars().count() > 100 {
        errors.push(("name", "price-list-name-bad"));
    }
    if errors.is_empty() {
        Ok((code, name.to_string()))
    } else {
        Err(errors)
    }
}

/// A payment-terms adjustment typed as a percentage ("-2", "1,5", "+0.5 %") in basis points.
pub fn check_adjustment(typed: &str) -> Result<i32, &'static str> {
    let t = typed
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace(',', ".")
        .replace('\u{2212}', "-");
    let t = t.strip_prefix('+').unwrap_or(&t);
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || whole.len() > 3
    {
        return Err("terms-adjustment-bad");
    }
    let whole: i32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "terms-adjustment-bad")?
    };
    let frac: i32 = format!("{frac:0<2}")
        .parse()
        .map_err(|_| "terms-adjustment-bad")?;
    let bp = whole * 100 + frac;
    let bp = if negative { -bp } else { bp };
    if bp.abs() > ADJUSTMENT_MAX_BP {
        return Err("terms-adjustment-range");
    }
    Ok(bp)
}

/// Basis points as people type a percentage: "1,5" / "-2" / "0".
pub fn percent_text(bp: i32) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    let (w, f) = (bp.abs() / 100, bp.abs() % 100);
    match f {
        0 => format!("{sign}{w}"),
        f if f % 10 == 0 => format!("{sign}{w},{}", f / 10),
        f => format!("{sign}{w},{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> PriceInput<'static> {
        PriceInput {
            sku: "to-01000",
            min_qty: "10",
            price: "899,50",
            valid_from: "2027-01-01",
            valid_to: "2027-06-30",
            note: " Framework 2027 ",
        }
    }

    #[test]
    fn a_good_price_is_read() {
        let p = check_price(&good());
        assert_eq!(
            p,
            Ok(Price {
                sku: "TO-01000".into(),
                min_qty: 10,
                unit_price_minor: 89_950,
                from: NaiveDate::from_ymd_opt(2027, 1, 1),
                to: NaiveDate::from_ymd_opt(2027, 6, 30),
                note: "Framework 2027".into(),
            })
        );
        let open = check_price(&PriceInput {
            min_qty: "",
            valid_from: "",
            valid_to: "",
            ..good()
        });
        assert!(matches!(
            open,
            Ok(Price {
                min_qty: 1,
                from: None,
                to: None,
                ..
            })
        ));
    }

    #[test]
    fn each_wrong_field_is_named() {
        let long = "n".repeat(NOTE_MAX + 1);
        let table: Vec<(PriceInput<'_>, &str, &str)> = vec![
            (PriceInput { sku: "", ..good() }, "sku", "price-sku-bad"),
            (
                PriceInput {
                    min_qty: "0",
                    ..good()
                },
                "min_qty",
                "price-min-qty-bad",
            ),
            (
                PriceInput {
                    min_qty: "ten",
                    ..good()
                },
                "min_qty",
                "price-min-qty-bad",
            ),
            (
                PriceInput {
                    price: "0",
                    ..good()
                },
                "price",
                "price-amount-bad",
            ),
            (
                PriceInput {
                    price: "lots",
                    ..good()
                },
                "price",
                "price-amount-bad",
            ),
            (
                PriceInput {
                    valid_from: "1/1/2027",
                    ..good()
                },
                "valid_from",
                "price-day-bad",
            ),
            (
                PriceInput {
                    valid_to: "2027-02-30",
                    ..good()
                },
                "valid_to",
                "price-day-bad",
            ),
            (
                PriceInput {
                    valid_to: "2026-12-31",
                    ..good()
                },
                "valid_to",
                "price-to-before-from",
            ),
            (
                PriceInput {
                    note: &long,
                    ..good()
                },
                "note",
                "price-note-long",
            ),
        ];
        for (input, field, key) in table {
            assert_eq!(
                check_price(&input),
                Err(vec![(field, key)]),
                "{field} {key}"
            );
        }
    }

    #[test]
    fn windows_overlap_unless_one_ends_before_the_other_starts() {
        type Span = (Option<i32>, Option<i32>);
        let table: [(Span, Span, bool); 7] = [
            ((None, None), (Some(5), Some(9)), true),
            ((None, Some(5)), (Some(5), None), false),
            ((None, Some(6)), (Some(5), None), true),
            ((Some(1), Some(3)), (Some(3), Some(4)), false),
            ((Some(1), Some(4)), (Some(2), Some(3)), true),
            ((Some(7), None), (None, Some(7)), false),
            ((Some(7), None), (Some(9), None), true),
        ];
        for (a, b, want) in table {
            assert_eq!(overlaps(a, b), want, "{a:?} {b:?}");
            assert_eq!(overlaps(b, a), want, "{b:?} {a:?}");
        }
    }

    #[test]
    fn lists_and_adjustments_are_checked() {
        assert_eq!(
            check_list(" Retail-2027 ", " Retail 2027 "),
            Ok(("retail-2027".into(), "Retail 2027".into()))
        );
        assert_eq!(
            check_list("a b", "x"),
            Err(vec![
                ("code", "price-list-code-bad"),
                ("name", "price-list-name-bad")
            ])
        );
        let table: [(&str, Result<i32, &str>); 9] = [
            ("-2", Ok(-200)),
            ("1,5", Ok(150)),
            ("+0.25 %", Ok(25)),
            ("\u{2212}1,5", Ok(-150)),
            ("0", Ok(0)),
            ("", Err("terms-adjustment-bad")),
            ("1,234", Err("terms-adjustment-bad")),
            ("two", Err("terms-adjustment-bad")),
            ("25", Err("terms-adjustment-range")),
        ];
        for (typed, want) in table {
            assert_eq!(check_adjustment(typed), want, "{typed:?}");
        }
        for bp in [-200, 150, 25, 0, -5] {
            assert_eq!(check_adjustment(&percent_text(bp)), Ok(bp), "{bp}");
        }
    }
}
