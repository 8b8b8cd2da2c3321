//! Catalog value types: SKUs, slugs, quantities and the per-product quantity rules.

use std::fmt;

/// A stock-keeping unit: 2–32 characters of A–Z, 0–9 and `-`, stored upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sku(String);

impl Sku {
    pub fn parse(input: &str) -> Result<Sku, String> {
        let s = input.trim().to_ascii_uppercase();
        if s.len() < 2 || s.len() > 32 {
            return Err(format!(
                "“{}” is not a SKU: a SKU has 2 to 32 characters",
                input.trim()
            ));
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!(
                "“{}” is not a SKU: use only letters, digits and hyphens",
                input.trim()
            ));
        }
        Ok(Sku(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A URL slug: lower-case ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    /// Accepts only a well-formed slug (for URL path segments).
    pub fn parse(input: &str) -> Option<Slug> {
        let ok = !input.is_empty()
            && input.len() <= 120
            && input
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-')
            && !input.contains("--");
        ok.then(|| Slug(input.to_string()))
    }

    /// Makes a slug from any text: Swedish letters are folded (å→a, ä→a, ö→o), everything else that is
    /// not a letter or digit becomes one hyphen.
    pub fn from_text(text: &str) -> Slug {
        let mut out = String::with_capacity(text.len());
        for ch in text.to_lowercase().chars() {
            let mapped = match ch {
                'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
                'ö' | 'ø' | 'ó' | 'ô' => 'o',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'ü' | 'ú' => 'u',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if mapped == '-' && (out.is_empty() || out.ends_with('-')) {
                continue;
            }
            out.push(mapped);
        }
        while out.ends_with('-') {
            out.pop();
        }
        if out.is_empty() {
            out.push_str("item");
        }
        Slug(out)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How much of a product may be ordered in one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuantityRules {
    pub min: u32,
    pub step: u32,
    pub max: Option<u32>,
}

/// Why a quantity was refused, in words a buyer can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("enter the quantity as a whole number, e.g. 1 or 12")]
    NotANumber,
    #[error("the quantity must be at least {0}")]
    BelowMinimum(u32),
    #[error("the quantity must be at most {0}")]
    AboveMaximum(u32),
    #[error("this product is sold in packs of {step}; try {lower} or {upper}")]
    NotAStep { step: u32, lower: u32, upper: u32 },
}

impl QuantityRules {
    /// Consumer default: 1 to 999 per line.
    pub const CONSUMER: QuantityRules = QuantityRules {
        min: 1,
        step: 1,
        max: Some(999),
    };

    /// Parses what a person typed ("12", " 3 ") and checks it against the rules.
    pub fn parse(&self, input: &str) -> Result<u32, QuantityError> {
        let t = input.trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(QuantityError::NotANumber);
        }
        let qty: u32 = match t.parse() {
            Ok(q) => q,
            Err(_) => return Err(QuantityError::AboveMaximum(self.max.unwrap_or(u32::MAX))),
        };
        self.check(qty)
    }

    pub fn check(&self, qty: u32) -> Result<u32, QuantityError> {
        if qty < self.min.max(1) {
            return Err(QuantityError::BelowMinimum(self.min.max(1)));
        }
        if let Some(max) = self.max
            && qty > max
        {
            return Err(QuantityError::AboveMaximum(max));
        }
        let step = self.step.max(1);
        if !(qty - self.min.max(1)).is_multiple_of(step) {
            let base = self.min.max(1);
            let lower = base + (qty - base) / step * step;
            return Err(QuantityError::NotAStep {
                step,
                lower,
                upper: lower + step,
            });
        }
        Ok(qty)
    }
}

/// Items of a tree in display order, depth first, each with its depth (0 at the top): siblings
/// keep the order they come in. Items whose parent is not among them (a hidden parent) are left
/// out with everything under them; `key` gives an item's id and parent id.
pub fn tree_order<T>(items: Vec<T>, key: impl Fn(&T) -> (i64, Option<i64>)) -> Vec<(T, usize)> {
    /// Children of `parent` in input order, each followed by its own; capped against bad data.
    fn walk(
        keys: &[(i64, Option<i64>)],
        parent: Option<i64>,
        depth: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        if depth > 8 {
            return;
        }
        for (i, (id, p)) in keys.iter().enumerate() {
            if *p == parent {
                out.push((i, depth));
                walk(keys, Some(*id), depth + 1, out);
            }
        }
    }
    let keys: Vec<(i64, Option<i64>)> = items.iter().map(key).collect();
    let mut order = Vec::with_capacity(items.len());
    walk(&keys, None, 0, &mut order);
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(i, depth)| slots[i].take().map(|t| (t, depth)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skus_are_normalised_or_refused() {
        assert_eq!(Sku::parse(" nb-1001 ").unwrap().as_str(), "NB-1001");
        for bad in ["", "x", "has space", "ÅÄÖ-1", &"A".repeat(33)] {
            assert!(Sku::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn trees_come_depth_first_without_orphans() {
        // (id, parent): 6 hangs under 9, which is not there (hidden).
        let items = vec![
            (1, None),
            (2, None),
            (3, Some(1)),
            (4, Some(3)),
            (5, Some(2)),
            (6, Some(9)),
        ];
        let got: Vec<(i64, usize)> = tree_order(items, |&(id, p)| (id, p))
            .into_iter()
            .map(|((id, _), d)| (id, d))
            .collect();
        assert_eq!(got, [(1, 0), (3, 1), (4, 2), (2, 0), (5, 1)]);
    }

    #[test]
    fn slugs_from_text_and_parse() {
        let cases = [
            ("Borrmaskin 18 V – Pro", "borrmaskin-18-v-pro"),
            ("Skyddshjälm Åre", "skyddshjalm-are"),
            ("  --  ", "item"),
            ("Kök & bad", "kok-bad"),
        ];
        for (text, want) in cases {
            assert_eq!(Slug::from_text(text).as_str(), want);
        }
        assert!(Slug::parse("ok-slug-1").is_some());
        for bad in ["", "Upper", "a--b", "-a", "a-", "a/b", "a b", "ä"] {
            assert!(Slug::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn quantities_follow_the_rules() {
        let packs = QuantityRules {
            min: 12,
            step: 12,
            max: Some(240),
        };
        let cases: &[(&QuantityRules, &str, Result<u32, QuantityError>)] = &[
            (&QuantityRules::CONSUMER, "1", Ok(1)),
            (&QuantityRules::CONSUMER, " 999 ", Ok(999)),
            (
                &QuantityRules::CONSUMER,
                "0",
                Err(QuantityError::BelowMinimum(1)),
            ),
            (
                &QuantityRules::CONSUMER,
                "1000",
                Err(QuantityError::AboveMaximum(999)),
            ),
            (
                &QuantityRules::CONSUMER,
                "-1",
                Err(QuantityError::NotANumber),
            ),
            (
                &QuantityRules::CONSUMER,
                "1.5",
                Err(QuantityError::NotANumber),
            ),
            (
                &QuantityRules::CONSUMER,
                "two",
                Err(QuantityError::NotANumber),
            ),
            (&QuantityRules::CONSUMER, "", Err(QuantityError::NotANumber)),
            (
                &QuantityRules::CONSUMER,
                "99999999999999999999",
                Err(QuantityError::AboveMaximum(999)),
            ),
            (&packs, "24", Ok(24)),
            (
                &packs,
                "13",
                Err(QuantityError::NotAStep {
                    step: 12,
                    lower: 12,
                    upper: 24,
                }),
            ),
            (&packs, "6", Err(QuantityError::BelowMinimum(12))),
            (&packs, "252", Err(QuantityError::AboveMaximum(240))),
        ];
        for (rules, input, want) in cases {
            assert_eq!(&rules.parse(input), want, "{input}");
        }
    }
}

/// Stock as a shopper sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    InStock,
    /// Few left: show the number.
    Low(u32),
    OutOfStock,
}

/// Availability from stock on hand, units reserved by open orders and the low-stock threshold.
pub fn availability(on_hand: i32, reserved: i32, low_threshold: i32) -> Availability {
    let free = on_hand.saturating_sub(reserved);
    if free <= 0 {
        Availability::OutOfStock
    } else if free <= low_threshold {
        Availability::Low(free.unsigned_abs())
    } else {
        Availability::InStock
    }
}

#[cfg(test)]
mod availability_tests {
    use super::*;

    #[test]
    fn availability_from_stock() {
        let cases = [
            ((100, 0, 5), Availability::InStock),
            ((5, 0, 5), Availability::Low(5)),
            ((8, 5, 5), Availability::Low(3)),
            ((1, 0, 5), Availability::Low(1)),
            ((0, 0, 5), Availability::OutOfStock),
            ((3, 3, 5), Availability::OutOfStock),
            ((2, 4, 5), Availability::OutOfStock),
            ((6, 0, 5), Availability::InStock),
        ];
        for ((on_hand, reserved, threshold), want) in cases {
            assert_eq!(
                availability(on_hand, reserved, threshold),
                want,
                "{on_hand} {reserved} {threshold}"
            );
        }
    }
}
