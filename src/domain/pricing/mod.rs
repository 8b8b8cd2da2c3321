//! The only place that computes prices. `price()` walks the pipeline in DESIGN.md and records each
//! step, so the buyer's "why this price" and the order line store the same breakdown.
//!
//! This first cut has the list price, rounding and VAT; company price lists, contract prices,
//! quantity tiers, payment terms and promotions plug in as further steps.

pub mod cart_rules;
pub mod coupons;
pub mod tax;

use crate::domain::money::Money;
pub use tax::TaxRate;

/// Who the price is for: consumers see VAT included, companies see it excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    Consumer,
    Company,
}

/// What the price of one product depends on.
#[derive(Debug, Clone)]
pub struct PriceInput {
    pub list_price: Money,
    pub tax_rate: TaxRate,
    pub quantity: u32,
    pub segment: Segment,
}

/// One step of the pipeline: what it was, and the unit price after it (excl. VAT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceStep {
    pub kind: StepKind,
    pub unit_price: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    ListPrice,
    Rounding,
}

/// The result: unit price excl. VAT, the VAT on it, and the price to show for the segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceBreakdown {
    pub steps: Vec<PriceStep>,
    pub unit_net: Money,
    pub unit_vat: Money,
    pub unit_gross: Money,
    pub tax_rate: TaxRate,
    pub segment: Segment,
}

impl PriceBreakdown {
    /// The unit price this segment is shown: gross for consumers, net for companies.
    pub fn shown_unit(&self) -> Money {
        match self.segment {
            Segment::Consumer => self.unit_gross,
            Segment::Company => self.unit_net,
        }
    }
}

/// Prices one unit of a product for the given context.
pub fn price(input: &PriceInput) -> PriceBreakdown {
    let mut steps = vec![PriceStep {
        kind: StepKind::ListPrice,
        unit_price: input.list_price,
    }];
    let net = input.list_price.rounded();
    if net != input.list_price {
        steps.push(PriceStep {
            kind: StepKind::Rounding,
            unit_price: net,
        });
    }
    let vat = input.tax_rate.vat_on(net);
    let gross = Money::new(net.amount() + vat.amount(), net.currency());
    PriceBreakdown {
        steps,
        unit_net: net,
        unit_vat: vat,
        unit_gross: gross,
        tax_rate: input.tax_rate,
        segment: input.segment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    fn sek(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Sek)
    }

    #[test]
    fn consumers_see_vat_included_companies_excluded() {
        // (list price öre, VAT bp, segment, shown öre, vat öre)
        let cases = [
            (79_920, 2500, Segment::Consumer, 99_900, 19_980),
            (79_920, 2500, Segment::Company, 79_920, 19_980),
            (10_000, 1200, Segment::Consumer, 11_200, 1_200),
            (10_000, 600, Segment::Consumer, 10_600, 600),
            (999, 2500, Segment::Consumer, 1_249, 250), // 2.4975 → 2.50: VAT rounds half away
            (1, 2500, Segment::Consumer, 1, 0),         // 0.0025 → 0.00
            (0, 2500, Segment::Consumer, 0, 0),
        ];
        for (list, bp, segment, shown, vat) in cases {
            let b = price(&PriceInput {
                list_price: sek(list),
                tax_rate: TaxRate::from_bp(bp).unwrap(),
                quantity: 1,
                segment,
            });
            assert_eq!(b.shown_unit(), sek(shown), "{list} {bp} {segment:?}");
            assert_eq!(b.unit_vat, sek(vat), "{list} {bp}");
            assert_eq!(
                b.unit_net.amount() + b.unit_vat.amount(),
                b.unit_gross.amount()
            );
            assert_eq!(b.steps[0].kind, StepKind::ListPrice);
        }
    }
}
