//! The cart's rules, pure: what a quantity may be for a product and a buyer, and the exact totals of
//! priced lines.
//!
//! Rounding (one rule, everywhere): the unit price excl. VAT and the VAT on one unit are each
//! rounded to the minor unit by [`pricing::price`](crate::domain::pricing::price); a line is the
//! unit figures times the quantity, and a total is the sum of its lines — so the lines always add up
//! to the total exactly, and net + VAT = gross on every line.

use super::money::{Currency, Money};
use super::pricing::{PriceBreakdown, Segment, TaxRate};

/// At most this many of one product per line for a consumer.
pub const CONSUMER_MAX_PER_LINE: u32 = 999;
/// At most this many of one product per line for a company (product limits may be lower).
pub const COMPANY_MAX_PER_LINE: u32 = 99_999;

/// What quantities a product may be bought in by this buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuantityRules {
    pub min: u32,
    /// Quantities are whole multiples of this (packs of 12).
    pub step: u32,
    pub max: u32,
}

/// Why a quantity was refused; each becomes its own message next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuantityError {
    Missing,
    NotANumber,
    NotWhole,
    TooSmall { min: u32 },
    TooLarge { max: u32 },
    NotInSteps { step: u32 },
}

impl QuantityError {
    /// The message key and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            QuantityError::Missing => ("quantity-missing", vec![]),
            QuantityError::NotANumber => ("quantity-not-a-number", vec![]),
            QuantityError::NotWhole => ("quantity-not-whole", vec![]),
            QuantityError::TooSmall { min } => {
                ("quantity-too-small", vec![("min", min.to_string())])
            }
            QuantityError::TooLarge { max } => {
                ("quantity-too-large", vec![("max", max.to_string())])
            }
            QuantityError::NotInSteps { step } => {
                ("quantity-not-in-steps", vec![("step", step.to_string())])
            }
        }
    }
}

impl QuantityRules {
    /// The rules for a product (`min_qty`, `qty_step`, `max_qty` as stored) and a buyer.
    pub fn new(
        segment: Segment,
        min_qty: i32,
        qty_step: i32,
        max_qty: Option<i32>,
    ) -> QuantityRules {
        let cap = match segment {
            Segment::Consumer => CONSUMER_MAX_PER_LINE,
            Segment::Company => COMPANY_MAX_PER_LINE,
        };
        let step = u32::try_from(qty_step).unwrap_or(1).max(1);
        let min = u32::try_from(min_qty).unwrap_or(1).max(1);
        let max = max_qty
            .and_then(|m| u32::try_from(m).ok())
            .filter(|m| *m >= 1)
            .map_or(cap, |m| m.min(cap));
        QuantityRules { min, step, max }
    }

    /// Reads what was typed: a whole number within the rules.
    pub fn parse(&self, input: &str) -> Result<u32, QuantityError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(QuantityError::Missing);
        }
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        if digits.is_empty()
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(QuantityError::NotANumber);
        }
        if let Some((whole, fraction)) = digits.split_once(['.', ',']) {
            // "2.0" is two; "1.5" is not a whole number.
            if whole.is_empty()
                || !fraction.chars().all(|c| c == '0')
                || fraction.contains(['.', ','])
            {
                return Err(QuantityError::NotWhole);
            }
            return self.parse(&format!("{}{whole}", if negative { "-" } else { "" }));
        }
        if negative {
            return Err(QuantityError::TooSmall { min: self.min });
        }
        let value: u32 = match digits.parse::<u64>() {
            Ok(v) => u32::try_from(v).unwrap_or(u32::MAX),
            Err(_) => u32::MAX, // more digits than any u64: huge
        };
        self.check(value)
    }

    /// Checks a number against the rules.
    pub fn check(&self, quantity: u32) -> Result<u32, QuantityError> {
        if quantity < self.min {
            return Err(QuantityError::TooSmall { min: self.min });
        }
        if quantity > self.max {
            return Err(QuantityError::TooLarge { max: self.max });
        }
        if !quantity.is_multiple_of(self.step) {
            return Err(QuantityError::NotInSteps { step: self.step });
        }
        Ok(quantity)
    }
}

/// One priced line: the unit breakdown and how many.
#[derive(Debug, Clone)]
pub struct PricedLine {
    pub unit: PriceBreakdown,
    pub quantity: u32,
}

/// A line's amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineAmounts {
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

impl LineAmounts {
    /// What the buyer's segment is shown: gross for consumers, net for companies.
    pub fn shown(&self, segment: Segment) -> Money {
        match segment {
            Segment::Consumer => self.gross,
            Segment::Company => self.net,
        }
    }
}

/// The cart's totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub lines: Vec<LineAmounts>,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
    /// VAT per rate, highest rate first (rates with no lines left out).
    pub vat_by_rate: Vec<(TaxRate, Money)>,
    /// Items (the sum of the quantities).
    pub items: u32,
}

/// Adds up priced lines (see the module's rounding rule).
pub fn totals(lines: &[PricedLine], currency: Currency) -> Totals {
    let zero = Money::zero(currency);
    let mut out = Totals {
        lines: Vec::with_capacity(lines.len()),
        net: zero,
        vat: zero,
        gross: zero,
        vat_by_rate: Vec::new(),
        items: 0,
    };
    for line in lines {
        let net = line.unit.unit_net.times(line.quantity);
        let vat = line.unit.unit_vat.times(line.quantity);
        let gross = Money::new(net.amount() + vat.amount(), currency);
        out.lines.push(LineAmounts { net, vat, gross });
        out.net = Money::new(out.net.amount() + net.amount(), currency);
        out.vat = Money::new(out.vat.amount() + vat.amount(), currency);
        out.gross = Money::new(out.gross.amount() + gross.amount(), currency);
        out.items = out.items.saturating_add(line.quantity);
        match out
            .vat_by_rate
            .iter_mut()
            .find(|(r, _)| *r == line.unit.tax_rate)
        {
            Some((_, sum)) => *sum = Money::new(sum.amount() + vat.amount(), currency),
            None => out.vat_by_rate.push((line.unit.tax_rate, vat)),
        }
    }
    out.vat_by_rate
        .sort_by_key(|(r, _)| std::cmp::Reverse(r.bp()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::{PriceInput, price};

    #[test]
    fn quantities_are_whole_numbers_within_the_rules() {
        let consumer = QuantityRules::new(Segment::Consumer, 1, 1, None);
        let packs = QuantityRules::new(Segment::Company, 24, 12, Some(240));
        let cases: &[(&QuantityRules, &str, Result<u32, QuantityError>)] = &[
            (&consumer, "1", Ok(1)),
            (&consumer, " 3 ", Ok(3)),
            (&consumer, "+2", Ok(2)),
            (&consumer, "2.0", Ok(2)),
            (&consumer, "999", Ok(999)),
            (&consumer, "", Err(QuantityError::Missing)),
            (&consumer, "  ", Err(QuantityError::Missing)),
            (&consumer, "0", Err(QuantityError::TooSmall { min: 1 })),
            (&consumer, "-1", Err(QuantityError::TooSmall { min: 1 })),
            (&consumer, "-1.5", Err(QuantityError::NotWhole)),
            (&consumer, "1.5", Err(QuantityError::NotWhole)),
            (&consumer, "1,5", Err(QuantityError::NotWhole)),
            (&consumer, ".5", Err(QuantityError::NotWhole)),
            (&consumer, "1.0.0", Err(QuantityError::NotWhole)),
            (&consumer, "two", Err(QuantityError::NotANumber)),
            (&consumer, "1e3", Err(QuantityError::NotANumber)),
            (&consumer, "-", Err(QuantityError::NotANumber)),
            (&consumer, "1000", Err(QuantityError::TooLarge { max: 999 })),
            (
                &consumer,
                "4294967296",
                Err(QuantityError::TooLarge { max: 999 }),
            ),
            (
                &consumer,
                "99999999999999999999999999",
                Err(QuantityError::TooLarge { max: 999 }),
            ),
            (&packs, "24", Ok(24)),
            (&packs, "36", Ok(36)),
            (&packs, "240", Ok(240)),
            (&packs, "12", Err(QuantityError::TooSmall { min: 24 })),
            (&packs, "30", Err(QuantityError::NotInSteps { step: 12 })),
            (&packs, "252", Err(QuantityError::TooLarge { max: 240 })),
        ];
        for (rules, input, expected) in cases {
            assert_eq!(&rules.parse(input), expected, "{input:?} with {rules:?}");
        }
    }

    #[test]
    fn limits_combine_product_and_buyer() {
        // (segment, min, step, max, expected rules)
        let cases = [
            (Segment::Consumer, 1, 1, None, (1, 1, 999)),
            (Segment::Consumer, 1, 1, Some(5), (1, 1, 5)),
            (Segment::Consumer, 1, 1, Some(5000), (1, 1, 999)),
            (Segment::Company, 1, 1, Some(5000), (1, 1, 5000)),
            (Segment::Company, 0, 0, Some(0), (1, 1, 99_999)),
            (Segment::Company, -3, -1, None, (1, 1, 99_999)),
        ];
        for (segment, min, step, max, (emin, estep, emax)) in cases {
            let r = QuantityRules::new(segment, min, step, max);
            assert_eq!(
                (r.min, r.step, r.max),
                (emin, estep, emax),
                "{segment:?} {min} {step} {max:?}"
            );
        }
    }

    fn line(list_minor: i64, bp: i32, segment: Segment, quantity: u32) -> PricedLine {
        PricedLine {
            unit: price(&PriceInput {
                list_price: Money::from_minor(list_minor, Currency::Sek),
                tax_rate: TaxRate::from_bp(bp).unwrap(),
                quantity,
                segment,
                agreement: None,
            }),
            quantity,
        }
    }

    #[test]
    fn lines_add_up_to_the_total_exactly() {
        let sek = |m: i64| Money::from_minor(m, Currency::Sek);
        // (lines as (list öre, VAT bp, qty), net, vat, gross, vat by rate)
        type Case<'a> = (&'a [(i64, i32, u32)], i64, i64, i64, &'a [(u32, i64)]);
        let cases: &[Case] = &[
            (&[], 0, 0, 0, &[]),
            (
                &[(79_920, 2500, 1)],
                79_920,
                19_980,
                99_900,
                &[(2500, 19_980)],
            ),
            (
                &[(79_920, 2500, 3)],
                239_760,
                59_940,
                299_700,
                &[(2500, 59_940)],
            ),
            // 9.99 net at 25 %: VAT 2.4975 → 2.50 per unit, times 3.
            (&[(999, 2500, 3)], 2_997, 750, 3_747, &[(2500, 750)]),
            (
                &[(10_000, 1200, 2), (10_000, 600, 1), (999, 2500, 1)],
                30_999,
                2_400 + 600 + 250,
                30_999 + 3_250,
                &[(2500, 250), (1200, 2_400), (600, 600)],
            ),
        ];
        for (lines, net, vat, gross, by_rate) in cases {
            let priced: Vec<PricedLine> = lines
                .iter()
                .map(|(l, bp, q)| line(*l, *bp, Segment::Consumer, *q))
                .collect();
            let t = totals(&priced, Currency::Sek);
            assert_eq!(
                (t.net, t.vat, t.gross),
                (sek(*net), sek(*vat), sek(*gross)),
                "{lines:?}"
            );
            let rates: Vec<(u32, Money)> =
                t.vat_by_rate.iter().map(|(r, m)| (r.bp(), *m)).collect();
            let expected: Vec<(u32, Money)> =
                by_rate.iter().map(|(bp, m)| (*bp, sek(*m))).collect();
            assert_eq!(rates, expected);
            let sum = t
                .lines
                .iter()
                .fold(0_i64, |acc, l| acc + l.gross.to_minor().unwrap());
            assert_eq!(sek(sum), t.gross, "lines sum to the total");
            for l in &t.lines {
                assert_eq!(l.net.amount() + l.vat.amount(), l.gross.amount());
            }
            assert_eq!(t.items, lines.iter().map(|(_, _, q)| q).sum::<u32>());
        }
    }

    #[test]
    fn companies_are_shown_net_consumers_gross() {
        let t = totals(&[line(10_000, 2500, Segment::Company, 2)], Currency::Sek);
        assert_eq!(
            t.lines[0].shown(Segment::Company),
            Money::from_minor(20_000, Currency::Sek)
        );
        assert_eq!(
            t.lines[0].shown(Segment::Consumer),
            Money::from_minor(25_000, Currency::Sek)
        );
    }
}
