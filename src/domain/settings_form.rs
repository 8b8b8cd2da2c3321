//! The staff forms of the settings page, pure: the shop's name and return window, a VAT rate,
//! and a delivery method (name, price excl. VAT, free from an order value, delivery days, offered
//! or not). `db::settings` stores them.

use super::catalog::Slug;
use super::money::parse_amount_minor;

/// Field name → message key.
pub type Errors = Vec<(&'static str, &'static str)>;

pub const SHOP_NAME_MAX: usize = 60;
pub const RETURN_DAYS_MAX: i64 = 365;
/// The highest delivery price or free-delivery threshold: 1 million kronor.
pub const DELIVERY_MAX_MINOR: i64 = 100_000_000;
pub const DELIVERY_DAYS_MAX: i32 = 90;

/// The shop's name and how many days after delivery a return may be asked for.
pub fn check_shop(name: &str, return_days: &str) -> Result<(String, i64), Errors> {
    let mut errors = Errors::new();
    let name = name.trim();
    if !(2..=SHOP_NAME_MAX).contains(&name.chars().count()) {
        errors.push(("shop_name", "settings-name-bad"));
    }
    let days = match return_days.trim().parse::<i64>() {
        Ok(d) if (0..=RETURN_DAYS_MAX).contains(&d) => d,
        _ => {
            errors.push(("return_days", "settings-return-days-bad"));
            0
        }
    };
    if errors.is_empty() {
        Ok((name.to_string(), days))
    } else {
        Err(errors)
    }
}

/// A VAT class's name and its rate typed as a percentage ("25", "12,5 %") in basis points.
pub fn check_rate(name: &str, rate: &str) -> Result<(String, i32), Errors> {
    let mut errors = Errors::new();
    let name = name.trim();
    if !(2..=40).contains(&name.chars().count()) {
        errors.push(("name", "settings-rate-name-bad"));
    }
    let typed = rate.trim().trim_end_matches('%').trim();
    let bp = match parse_amount_minor(typed) {
        Ok(bp) if bp <= 10_000 => i32::try_from(bp).unwrap_or(0),
        _ => {
            errors.push(("rate", "settings-rate-bad"));
            0
        }
    };
    if errors.is_empty() {
        Ok((name.to_string(), bp))
    } else {
        Err(errors)
    }
}

/// A delivery method as typed; `code` is empty for a new one (made from the name).
#[derive(Debug, Clone, Default)]
pub struct DeliveryInput<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub price: &'a str,
    pub free_over: &'a str,
    pub min_days: &'a str,
    pub max_days: &'a str,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub code: String,
    pub name: String,
    pub price_minor: i64,
    pub free_over_minor: Option<i64>,
    pub min_days: i32,
    pub max_days: i32,
    pub active: bool,
}

pub fn check_delivery(input: &DeliveryInput<'_>) -> Result<Delivery, Errors> {
    let mut errors = Errors::new();
    let name = input.name.trim();
    if !(2..=60).contains(&name.chars().count()) {
        errors.push(("name", "settings-delivery-name-bad"));
    }
    let code = match input.code.trim() {
        "" => Slug::from_text(name).to_string().replace('-', "_"),
        c => c.to_string(),
    };
    let price_minor = match parse_amount_minor(input.price) {
        Ok(m) if m <= DELIVERY_MAX_MINOR => m,
        _ => {
            errors.push(("price", "settings-delivery-price-bad"));
            0
        }
    };
    let free_over_minor = match input.free_over.trim() {
        "" => None,
        typed => match parse_amount_minor(typed) {
            Ok(m) if m <= DELIVERY_MAX_MINOR => Some(m),
            _ => {
                errors.push(("free_over", "settings-delivery-price-bad"));
                None
            }
        },
    };
    let days = |typed: &str| {
        typed
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|d| (0..=DELIVERY_DAYS_MAX).contains(d))
    };
    let min_days = days(input.min_days).unwrap_or_else(|| {
        errors.push(("min_days", "settings-delivery-days-bad"));
        0
    });
    let max_days = match days(input.max_days) {
        Some(d) if d >= min_days => d,
        Some(_) => {
            errors.push(("max_days", "settings-delivery-days-order"));
            0
        }
        None => {
            errors.push(("max_days", "settings-delivery-days-bad"));
            0
        }
    };
    if errors.is_empty() {
        Ok(Delivery {
            code,
            name: name.to_string(),
            price_minor,
            free_over_minor,
            min_days,
            max_days,
            active: input.active,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shop_name_and_return_window() {
        assert_eq!(check_shop(" Duett ", "30"), Ok(("Duett".into(), 30)));
        assert_eq!(check_shop("Duett", "0"), Ok(("Duett".into(), 0)));
        let cases: &[(&str, &str, &[&str])] = &[
            ("D", "30", &["shop_name"]),
            ("Duett", "366", &["return_days"]),
            ("Duett", "-1", &["return_days"]),
            ("Duett", "two weeks", &["return_days"]),
            ("", "", &["shop_name", "return_days"]),
        ];
        for (name, days, fields) in cases {
            let got: Vec<&str> = check_shop(name, days)
                .expect_err(name)
                .iter()
                .map(|(f, _)| *f)
                .collect();
            assert_eq!(&got, fields, "{name:?} {days:?}");
        }
    }

    #[test]
    fn vat_rates_as_typed() {
        let cases: &[(&str, Option<i32>)] = &[
            ("25", Some(2500)),
            ("12,5 %", Some(1250)),
            ("6.00", Some(600)),
            ("0", Some(0)),
            ("100", Some(10_000)),
            ("100,01", None),
            ("-6", None),
            ("six", None),
            ("", None),
        ];
        for (typed, want) in cases {
            let got = check_rate("Standard rate", typed).ok().map(|(_, bp)| bp);
            assert_eq!(got, *want, "{typed:?}");
        }
        assert!(check_rate("x", "25").is_err());
    }

    #[test]
    fn delivery_methods_are_checked() {
        let good = DeliveryInput {
            code: "",
            name: " Home delivery – evening ",
            price: "149",
            free_over: "1 500",
            min_days: "1",
            max_days: "3",
            active: true,
        };
        let d = check_delivery(&good).unwrap();
        assert_eq!(d.code, "home_delivery_evening");
        assert_eq!(
            (d.price_minor, d.free_over_minor, d.min_days, d.max_days),
            (14_900, Some(150_000), 1, 3)
        );
        let kept = check_delivery(&DeliveryInput {
            code: "express",
            free_over: "",
            ..good.clone()
        })
        .unwrap();
        assert_eq!(
            (kept.code.as_str(), kept.free_over_minor),
            ("express", None)
        );
        let cases: Vec<(DeliveryInput<'_>, &[&str])> = vec![
            (
                DeliveryInput {
                    name: "X",
                    ..good.clone()
                },
                &["name"],
            ),
            (
                DeliveryInput {
                    price: "free",
                    free_over: "-5",
                    ..good.clone()
                },
                &["price", "free_over"],
            ),
            (
                DeliveryInput {
                    min_days: "4",
                    max_days: "2",
                    ..good.clone()
                },
                &["max_days"],
            ),
            (
                DeliveryInput {
                    min_days: "",
                    max_days: "91",
                    ..good.clone()
                },
                &["min_days", "max_days"],
            ),
            (
                DeliveryInput {
                    price: "2 000 000",
                    ..good.clone()
                },
                &["price"],
            ),
        ];
        for (input, fields) in cases {
            let got: Vec<&str> = check_delivery(&input)
                .expect_err(input.name)
                .iter()
                .map(|(f, _)| *f)
                .collect();
            assert_eq!(&got, fields, "{input:?}");
        }
    }
}
