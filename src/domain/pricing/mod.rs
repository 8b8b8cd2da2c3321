//! The only place that computes prices. `price()` walks the pipeline in DESIGN.md and records each
//! step, so the buyer's "why this price" and the order line store the same breakdown:
//!
//! list price → the company's price list (group price) → its contract price → the best volume
//! break for the quantity (from either) → payment-terms adjustment → rounding → VAT (shown to
//! consumers, added at checkout for companies, 0 % under reverse charge).
//!
//! An agreed price is used only when it is lower than the price so far — the buyer always pays
//! the lowest of the prices agreed for that quantity; one that is not lower is still recorded
//! (as not used) so the breakdown explains it. The terms adjustment applies to the exact price;
//! rounding to the minor unit happens once, at the end.
//!
//! A price a sales representative quoted (an accepted quote) replaces all of that: it is the
//! negotiated unit price excl. VAT whatever the terms, so the breakdown is the list price, the
//! quoted price and VAT.

pub mod agreements;
pub mod cart_rules;
pub mod coupons;
pub mod tax;

use crate::domain::money::Money;
pub use agreements::{Buyer, CompanyPricing, Deal, QuotedPrices, Terms, Tier};
use rust_decimal::Decimal;
pub use tax::TaxRate;

/// Who the price is for: consumers see VAT included, companies see it excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    Consumer,
    Company,
}

/// A company's agreements as they bear on one product.
#[derive(Debug, Clone, Copy)]
pub struct Agreement<'a> {
    pub deal: Option<&'a Deal>,
    pub terms: Option<&'a Terms>,
    pub reverse_charge: bool,
    /// The unit price of an accepted quote for this product.
    pub quoted: Option<Money>,
}

/// What the price of one product depends on.
#[derive(Debug, Clone)]
pub struct PriceInput<'a> {
    pub list_price: Money,
    pub tax_rate: TaxRate,
    pub quantity: u32,
    pub segment: Segment,
    /// The company's agreements; `None` for consumers.
    pub agreement: Option<Agreement<'a>>,
}

/// One step of the pipeline: what it was, the unit price it offered (excl. VAT) and whether it
/// was used (an agreed price that is not lower than the price so far is not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceStep {
    pub kind: StepKind,
    pub unit_price: Money,
    pub applied: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    ListPrice,
    /// The company's price list (its plain price, from one unit).
    PriceList,
    /// The company's contract price.
    Contract,
    /// A volume break from `min_qty` units, from the price list or the contract.
    QuantityTier {
        min_qty: u32,
        contract: bool,
    },
    /// The payment terms' adjustment in basis points.
    PaymentTerms {
        adjustment_bp: i32,
    },
    /// The unit price of an accepted quote.
    Quoted,
    Rounding,
}

impl StepKind {
    /// A stable name for records and styling.
    pub fn code(self) -> &'static str {
        match self {
            StepKind::ListPrice => "list_price",
            StepKind::PriceList => "price_list",
            StepKind::Contract => "contract",
            StepKind::QuantityTier { .. } => "quantity_tier",
            StepKind::PaymentTerms { .. } => "payment_terms",
            StepKind::Quoted => "quoted",
            StepKind::Rounding => "rounding",
        }
    }
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
    /// VAT is not charged (reverse charge); `tax_rate` is then 0 %.
    pub reverse_charge: bool,
}

impl PriceBreakdown {
    /// The unit price this segment is shown: gross for consumers, net for companies.
    pub fn shown_unit(&self) -> Money {
        match self.segment {
            Segment::Consumer => self.unit_gross,
            Segment::Company => self.unit_net,
        }
    }

    /// The list price the pipeline started from.
    pub fn list_price(&self) -> Money {
        self.steps[0].unit_price
    }

    /// Whether anything agreed or the terms changed the price from the list price.
    pub fn differs_from_list(&self) -> bool {
        self.unit_net != self.list_price().rounded()
    }
}

/// Prices one unit of a product for the given context.
pub fn price(input: &PriceInput) -> PriceBreakdown {
    let mut steps = vec![PriceStep {
        kind: StepKind::ListPrice,
        unit_price: input.list_price,
        applied: true,
    }];
    let mut unit = input.list_price;
    let agreement = input
        .agreement
        .filter(|_| input.segment == Segment::Company);
    let quoted = agreement.and_then(|a| a.quoted);
    if let Some(q) = quoted {
        unit = q;
        steps.push(PriceStep {
            kind: StepKind::Quoted,
            unit_price: q,
            applied: true,
        });
    }
    let mut offer = |kind: StepKind, offered: Money, unit: &mut Money| {
        let applied = offered.amount() < unit.amount();
        if applied {
            *unit = offered;
        }
        steps.push(PriceStep {
            kind,
            unit_price: offered,
            applied,
        });
    };
    if let Some(deal) = agreement.and_then(|a| a.deal).filter(|_| quoted.is_none()) {
        let plain = |tiers: &[Tier]| tiers.iter().find(|t| t.min_qty <= 1).map(|t| t.unit_price);
        if let Some(p) = plain(&deal.price_list) {
            offer(StepKind::PriceList, p, &mut unit);
        }
        if let Some(p) = plain(&deal.contract) {
            offer(StepKind::Contract, p, &mut unit);
        }
        // The lowest volume break this quantity reaches, from either source (the larger
        // quantity and the contract win a tie, as the more specific agreement).
        let best = deal
            .price_list
            .iter()
            .map(|t| (t, false))
            .chain(deal.contract.iter().map(|t| (t, true)))
            .filter(|(t, _)| t.min_qty > 1 && t.min_qty <= input.quantity)
            .min_by(|(a, ac), (b, bc)| {
                a.unit_price
                    .amount()
                    .cmp(&b.unit_price.amount())
                    .then(b.min_qty.cmp(&a.min_qty))
                    .then(bc.cmp(ac))
            });
        if let Some((t, contract)) = best {
            offer(
                StepKind::QuantityTier {
                    min_qty: t.min_qty,
                    contract,
                },
                t.unit_price,
                &mut unit,
            );
        }
    }
    if let Some(terms) = agreement.and_then(|a| a.terms).filter(|_| quoted.is_none()) {
        let factor = Decimal::from(10_000 + i64::from(terms.adjustment_bp)) / Decimal::from(10_000);
        unit = unit.scale(factor);
        steps.push(PriceStep {
            kind: StepKind::PaymentTerms {
                adjustment_bp: terms.adjustment_bp,
            },
            unit_price: unit,
            applied: true,
        });
    }
    let net = unit.rounded();
    if net != unit {
        steps.push(PriceStep {
            kind: StepKind::Rounding,
            unit_price: net,
            applied: true,
        });
    }
    let reverse_charge = agreement.is_some_and(|a| a.reverse_charge);
    let tax_rate = if reverse_charge {
        TaxRate::ZERO
    } else {
        input.tax_rate
    };
    let vat = tax_rate.vat_on(net);
    let gross = Money::new(net.amount() + vat.amount(), net.currency());
    PriceBreakdown {
        steps,
        unit_net: net,
        unit_vat: vat,
        unit_gross: gross,
        tax_rate,
        segment: input.segment,
        reverse_charge,
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
                agreement: None,
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

    fn tiers(t: &[(u32, i64)]) -> Vec<Tier> {
        t.iter()
            .map(|&(min_qty, minor)| Tier {
                min_qty,
                unit_price: sek(minor),
            })
            .collect()
    }

    #[test]
    fn the_company_pipeline_step_by_step() {
        // (case, list öre, price list tiers, contract tiers, quantity, terms bp,
        //  net öre, the steps used as "code:öre", the steps not used)
        type Case = (
            &'static str,
            i64,
            &'static [(u32, i64)],
            &'static [(u32, i64)],
            u32,
            Option<i32>,
            i64,
            &'static [&'static str],
            &'static [&'static str],
        );
        let cases: [Case; 14] = [
            (
                "no agreements, no terms",
                100_000,
                &[],
                &[],
                1,
                None,
                100_000,
                &["list_price:100000"],
                &[],
            ),
            (
                "net 30 changes nothing but is shown",
                100_000,
                &[],
                &[],
                1,
                Some(0),
                100_000,
                &["list_price:100000", "payment_terms:100000"],
                &[],
            ),
            (
                "price list",
                100_000,
                &[(1, 92_000)],
                &[],
                1,
                Some(0),
                92_000,
                &[
                    "list_price:100000",
                    "price_list:92000",
                    "payment_terms:92000",
                ],
                &[],
            ),
            (
                "price list volume break reached",
                100_000,
                &[(1, 92_000), (10, 85_000)],
                &[],
                10,
                Some(0),
                85_000,
                &[
                    "list_price:100000",
                    "price_list:92000",
                    "quantity_tier:85000",
                    "payment_terms:85000",
                ],
                &[],
            ),
            (
                "volume break not reached",
                100_000,
                &[(1, 92_000), (10, 85_000)],
                &[],
                9,
                Some(0),
                92_000,
                &[
                    "list_price:100000",
                    "price_list:92000",
                    "payment_terms:92000",
                ],
                &[],
            ),
            (
                "only a volume break, below it the list price",
                100_000,
                &[(10, 85_000)],
                &[],
                3,
                None,
                100_000,
                &["list_price:100000"],
                &[],
            ),
            (
                "contract under the price list",
                100_000,
                &[(1, 92_000)],
                &[(1, 80_000)],
                1,
                None,
                80_000,
                &["list_price:100000", "price_list:92000", "contract:80000"],
                &[],
            ),
            (
                "contract above the price list is recorded, not used",
                100_000,
                &[(1, 92_000)],
                &[(1, 95_000)],
                1,
                None,
                92_000,
                &["list_price:100000", "price_list:92000"],
                &["contract:95000"],
            ),
            (
                "volume break above the contract is not used",
                100_000,
                &[(1, 92_000), (10, 85_000)],
                &[(1, 80_000)],
                20,
                None,
                80_000,
                &["list_price:100000", "price_list:92000", "contract:80000"],
                &["quantity_tier:85000"],
            ),
            (
                "best break of both sources",
                100_000,
                &[(10, 85_000), (50, 78_000)],
                &[(1, 90_000), (25, 79_000)],
                60,
                None,
                78_000,
                &["list_price:100000", "contract:90000", "quantity_tier:78000"],
                &[],
            ),
            (
                "prepayment 2 % off, exact",
                100_000,
                &[(1, 92_000)],
                &[],
                1,
                Some(-200),
                90_160,
                &[
                    "list_price:100000",
                    "price_list:92000",
                    "payment_terms:90160",
                ],
                &[],
            ),
            (
                "net 60 +1.5 %, rounded once at the end",
                12_345,
                &[],
                &[],
                1,
                Some(150),
                12_530,
                &[
                    "list_price:12345",
                    "payment_terms:12530.175",
                    "rounding:12530",
                ],
                &[],
            ),
            (
                "prepayment on an odd price rounds half away from zero",
                1_025,
                &[],
                &[],
                1,
                Some(-200),
                1_005,
                &["list_price:1025", "payment_terms:1004.5", "rounding:1005"],
                &[],
            ),
            (
                "a free product stays free",
                0,
                &[(1, 0)],
                &[],
                1,
                Some(150),
                0,
                &["list_price:0", "payment_terms:0"],
                &["price_list:0"],
            ),
        ];
        for (case, list, pl, contract, qty, bp, net, used, unused) in cases {
            let deal = Deal {
                price_list: tiers(pl),
                contract: tiers(contract),
            };
            let terms = bp.map(|adjustment_bp| Terms {
                code: "t".into(),
                name: "Terms".into(),
                days: 30,
                adjustment_bp,
            });
            let b = price(&PriceInput {
                list_price: sek(list),
                tax_rate: TaxRate::STANDARD,
                quantity: qty,
                segment: Segment::Company,
                agreement: Some(Agreement {
                    deal: Some(&deal),
                    terms: terms.as_ref(),
                    reverse_charge: false,
                    quoted: None,
                }),
            });
            assert_eq!(b.unit_net, sek(net), "{case}");
            assert_eq!(b.shown_unit(), sek(net), "{case}");
            let fmt = |s: &PriceStep| {
                format!(
                    "{}:{}",
                    s.kind.code(),
                    (s.unit_price.amount() * Decimal::from(100)).normalize()
                )
            };
            let got: Vec<String> = b.steps.iter().filter(|s| s.applied).map(fmt).collect();
            assert_eq!(got, used, "{case}: used");
            let got: Vec<String> = b.steps.iter().filter(|s| !s.applied).map(fmt).collect();
            assert_eq!(got, unused, "{case}: not used");
        }
    }

    #[test]
    fn a_quoted_price_replaces_agreements_and_terms_but_not_vat() {
        let deal = Deal {
            price_list: tiers(&[(1, 90_000), (10, 80_000)]),
            contract: tiers(&[(1, 85_000)]),
        };
        let net60 = Terms {
            code: "net60".into(),
            name: "Invoice 60 days".into(),
            days: 60,
            adjustment_bp: 150,
        };
        // (case, segment, quoted öre, reverse charge, net öre, vat öre, steps)
        type Case = (
            &'static str,
            Segment,
            Option<i64>,
            bool,
            i64,
            i64,
            &'static [&'static str],
        );
        let cases: [Case; 5] = [
            (
                "no quote: volume break and terms",
                Segment::Company,
                None,
                false,
                81_200,
                20_300,
                &[
                    "list_price",
                    "price_list",
                    "contract",
                    "quantity_tier",
                    "payment_terms",
                ],
            ),
            (
                "quoted below every agreement",
                Segment::Company,
                Some(70_000),
                false,
                70_000,
                17_500,
                &["list_price", "quoted"],
            ),
            (
                "quoted above an agreement is still the quoted price",
                Segment::Company,
                Some(95_000),
                false,
                95_000,
                23_750,
                &["list_price", "quoted"],
            ),
            (
                "quoted under reverse charge",
                Segment::Company,
                Some(70_000),
                true,
                70_000,
                0,
                &["list_price", "quoted"],
            ),
            (
                "consumers never get one",
                Segment::Consumer,
                Some(70_000),
                false,
                100_000,
                25_000,
                &["list_price"],
            ),
        ];
        for (case, segment, quoted, rc, net, vat, steps) in cases {
            let b = price(&PriceInput {
                list_price: sek(100_000),
                tax_rate: TaxRate::STANDARD,
                quantity: 10,
                segment,
                agreement: Some(Agreement {
                    deal: Some(&deal),
                    terms: Some(&net60),
                    reverse_charge: rc,
                    quoted: quoted.map(sek),
                }),
            });
            assert_eq!(b.unit_net, sek(net), "{case}");
            assert_eq!(b.unit_vat, sek(vat), "{case}");
            let got: Vec<&str> = b.steps.iter().map(|s| s.kind.code()).collect();
            assert_eq!(got, steps, "{case}");
        }
    }

    #[test]
    fn agreements_never_reach_consumers_and_reverse_charge_drops_vat() {
        let deal = Deal {
            price_list: tiers(&[(1, 50_000)]),
            contract: vec![],
        };
        let agreement = |reverse_charge| {
            Some(Agreement {
                deal: Some(&deal),
                terms: None,
                reverse_charge,
                quoted: None,
            })
        };
        // (segment, reverse charge, shown öre, vat öre, rate bp)
        let cases = [
            (Segment::Consumer, false, 125_000, 25_000, 2500),
            (Segment::Consumer, true, 125_000, 25_000, 2500),
            (Segment::Company, false, 50_000, 12_500, 2500),
            (Segment::Company, true, 50_000, 0, 0),
        ];
        for (segment, rc, shown, vat, bp) in cases {
            let b = price(&PriceInput {
                list_price: sek(100_000),
                tax_rate: TaxRate::STANDARD,
                quantity: 1,
                segment,
                agreement: agreement(rc),
            });
            assert_eq!(b.shown_unit(), sek(shown), "{segment:?} {rc}");
            assert_eq!(b.unit_vat, sek(vat), "{segment:?} {rc}");
            assert_eq!(b.tax_rate.bp(), bp, "{segment:?} {rc}");
            assert_eq!(b.reverse_charge, rc && segment == Segment::Company);
        }
    }

    #[test]
    fn a_buyer_prices_with_its_own_deals_and_chosen_terms() {
        let mut deals = std::collections::HashMap::new();
        deals.insert(
            7,
            Deal {
                price_list: tiers(&[(1, 90_000), (10, 80_000)]),
                contract: vec![],
            },
        );
        let net30 = Terms {
            code: "net30".into(),
            name: "Invoice 30 days".into(),
            days: 30,
            adjustment_bp: 0,
        };
        let prepay = Terms {
            code: "prepay".into(),
            name: "Prepayment".into(),
            days: 0,
            adjustment_bp: -200,
        };
        let buyer = Buyer::company(std::sync::Arc::new(CompanyPricing {
            company_id: 1,
            terms: Some(net30),
            deals,
            ..Default::default()
        }));
        // (buyer, product, qty, net öre)
        let card = buyer.with_terms(Some(prepay));
        let cases = [
            (&buyer, 7, 1, 90_000),
            (&buyer, 7, 12, 80_000),
            (&buyer, 8, 12, 100_000),
            (&card, 7, 1, 88_200),
            (&card, 8, 1, 98_000),
            (&Buyer::Consumer, 7, 12, 125_000),
        ];
        for (b, product, qty, net) in cases {
            let p = b.price(product, sek(100_000), TaxRate::STANDARD, qty);
            assert_eq!(p.shown_unit(), sek(net), "{product} {qty}");
        }
        assert_eq!(buyer.deal(7).unwrap().breaks(), vec![10]);
    }
}
