//! The staff form for automatic cart rules ("3 for 2 on tableware", "10 % off Ljusa
//! lighting"): a name, the kind and its numbers, what it covers (a category and its
//! subcategories, a brand, both or the whole shop), the window on the shop's clock and whether it
//! is on. Pure; `db::cart_rules` stores it and `pricing::cart_rules` applies it.

use super::coupon_form::optional_time;
use crate::domain::money::parse_amount_minor;
use chrono::NaiveDateTime;

pub const KINDS: [&str; 2] = ["buy_x_pay_y", "percent_off"];

/// Field name → message key.
pub type Errors = Vec<(&'static str, &'static str)>;

#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub buy: &'a str,
    pub pay: &'a str,
    /// "10", "12,5".
    pub percent: &'a str,
    /// A category id, or empty for every category.
    pub category: &'a str,
    /// A brand id, or empty for every brand.
    pub brand: &'a str,
    pub starts: &'a str,
    pub ends: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub name: String,
    pub kind: &'static str,
    pub buy: Option<i32>,
    pub pay: Option<i32>,
    pub percent_bp: Option<i32>,
    pub category_id: Option<i64>,
    pub brand_id: Option<i64>,
    pub starts: Option<NaiveDateTime>,
    pub ends: Option<NaiveDateTime>,
}

/// Checks the whole form against the categories and brands that exist.
pub fn check(input: &Input<'_>, categories: &[i64], brands: &[i64]) -> Result<Draft, Errors> {
    let mut errors = Errors::new();
    let name = input.name.trim();
    if !(2..=80).contains(&name.chars().count()) {
        errors.push(("name", "cart-rule-name-bad"));
    }
    let kind = KINDS.iter().copied().find(|k| *k == input.kind.trim());
    let (mut buy, mut pay, mut percent_bp) = (None, None, None);
    match kind {
        None => errors.push(("kind", "cart-rule-kind-bad")),
        Some("buy_x_pay_y") => {
            let b = input
                .buy
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|b| (2..=100).contains(b));
            if b.is_none() {
                errors.push(("buy", "cart-rule-buy-bad"));
            }
            match input.pay.trim().parse::<i32>().ok() {
                Some(p) if p >= 1 && b.is_none_or(|b| p < b) => pay = Some(p),
                _ => errors.push(("pay", "cart-rule-pay-bad")),
            }
            buy = b;
        }
        Some(_) => match parse_amount_minor(input.percent.trim().trim_end_matches('%').trim()) {
            Ok(bp) if (1..=10_000).contains(&bp) => percent_bp = i32::try_from(bp).ok(),
            _ => errors.push(("percent", "coupon-form-percent")),
        },
    }
    let pick = |typed: &str, known: &[i64], field, errors: &mut Errors| match typed.trim() {
        "" => None,
        t => match t.parse::<i64>().ok().filter(|id| known.contains(id)) {
            Some(id) => Some(id),
            None => {
                errors.push((field, "cart-rule-scope-bad"));
                None
            }
        },
    };
    let category_id = pick(input.category, categories, "category", &mut errors);
    let brand_id = pick(input.brand, brands, "brand", &mut errors);
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
    match kind {
        Some(kind) if errors.is_empty() => Ok(Draft {
            name: name.to_string(),
            kind,
            buy,
            pay,
            percent_bp,
            category_id,
            brand_id,
            starts,
            ends,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Input<'static> {
        Input {
            name: " 3 for 2 on tableware ",
            kind: "buy_x_pay_y",
            buy: "3",
            pay: "2",
            percent: "",
            category: "7",
            brand: "",
            starts: "2026-12-01T00:00",
            ends: "2027-01-01T00:00",
        }
    }

    #[test]
    fn rules_are_checked_as_a_whole() {
        let d = check(&good(), &[7], &[3]).unwrap();
        assert_eq!(
            (d.name.as_str(), d.buy, d.pay, d.percent_bp, d.category_id),
            ("3 for 2 on tableware", Some(3), Some(2), None, Some(7))
        );
        let percent = check(
            &Input {
                kind: "percent_off",
                percent: "12,5 %",
                brand: "3",
                category: "",
                starts: "",
                ends: "",
                ..good()
            },
            &[7],
            &[3],
        )
        .unwrap();
        assert_eq!(
            (
                percent.percent_bp,
                percent.buy,
                percent.brand_id,
                percent.starts
            ),
            (Some(1250), None, Some(3), None)
        );
        let cases: Vec<(Input<'_>, Vec<&str>)> = vec![
            (
                Input {
                    name: "x",
                    ..good()
                },
                vec!["name"],
            ),
            (
                Input {
                    kind: "free",
                    ..good()
                },
                vec!["kind"],
            ),
            (Input { pay: "3", ..good() }, vec!["pay"]),
            (Input { pay: "0", ..good() }, vec!["pay"]),
            (
                Input {
                    buy: "1",
                    pay: "1",
                    ..good()
                },
                vec!["buy"],
            ),
            (
                Input {
                    buy: "",
                    pay: "",
                    ..good()
                },
                vec!["buy", "pay"],
            ),
            (
                Input {
                    kind: "percent_off",
                    percent: "0",
                    ..good()
                },
                vec!["percent"],
            ),
            (
                Input {
                    kind: "percent_off",
                    percent: "101",
                    ..good()
                },
                vec!["percent"],
            ),
            (
                Input {
                    category: "8",
                    brand: "x",
                    ..good()
                },
                vec!["category", "brand"],
            ),
            (
                Input {
                    ends: "2026-11-01T00:00",
                    ..good()
                },
                vec!["ends"],
            ),
            (
                Input {
                    starts: "tomorrow",
                    ..good()
                },
                vec!["starts"],
            ),
        ];
        for (input, fields) in cases {
            let got: Vec<&str> = check(&input, &[7], &[3])
                .expect_err(input.name)
                .iter()
                .map(|(f, _)| *f)
                .collect();
            assert_eq!(got, fields, "{input:?}");
        }
    }
}
