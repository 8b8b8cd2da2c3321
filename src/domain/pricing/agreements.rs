//! What a company has agreed with the shop: its price list (group prices, volume breaks), its
//! contract prices and its payment terms. Loaded by `db::prices`, used by `pricing::price`.

use super::{PriceBreakdown, PriceInput, Segment, TaxRate};
use crate::domain::money::Money;
use std::collections::HashMap;
use std::sync::Arc;

/// One agreed unit price from a quantity on (`min_qty` 1 is the plain price).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tier {
    pub min_qty: u32,
    pub unit_price: Money,
}

/// The agreed prices of one product for one company, already limited to those valid now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deal {
    /// From the company's price list.
    pub price_list: Vec<Tier>,
    /// From the company's own contract.
    pub contract: Vec<Tier>,
}

impl Deal {
    /// Every quantity from which some agreed price starts, ascending, without 1.
    pub fn breaks(&self) -> Vec<u32> {
        let mut q: Vec<u32> = self
            .price_list
            .iter()
            .chain(&self.contract)
            .map(|t| t.min_qty)
            .filter(|&q| q > 1)
            .collect();
        q.sort_unstable();
        q.dedup();
        q
    }
}

/// Payment terms: invoice days and the price adjustment that goes with them (basis points of the
/// price, −200 = 2 % off for prepayment, +150 = 1.5 % on for 60 days).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    pub code: String,
    pub name: String,
    pub days: i32,
    pub adjustment_bp: i32,
}

/// Everything the pipeline needs to price any product for one company.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompanyPricing {
    pub company_id: i64,
    /// The name of the company's price list, when it has one.
    pub price_list_name: Option<String>,
    /// The note on the company's contract prices ("Framework agreement 2026").
    pub contract_note: Option<String>,
    /// The company's terms (prices are shown with them; checkout may choose others).
    pub terms: Option<Terms>,
    /// VAT is not charged: the buyer has a validated EU VAT number outside the shop's country.
    pub reverse_charge: bool,
    pub deals: HashMap<i64, Deal>,
}

/// The unit prices (excl. VAT) of an accepted quote, by product.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuotedPrices {
    pub number: String,
    pub prices: HashMap<i64, Money>,
}

/// Who is buying, for the pipeline: a consumer (VAT included) or a company with its agreements,
/// the payment terms the price is for and, when ordering an accepted quote, its prices.
#[derive(Debug, Clone)]
pub enum Buyer {
    Consumer,
    Company {
        pricing: Arc<CompanyPricing>,
        terms: Option<Terms>,
        quote: Option<Arc<QuotedPrices>>,
    },
}

impl Buyer {
    /// A company buyer paying on the company's own terms.
    pub fn company(pricing: Arc<CompanyPricing>) -> Buyer {
        let terms = pricing.terms.clone();
        Buyer::Company {
            pricing,
            terms,
            quote: None,
        }
    }

    /// The same buyer paying on other terms (card at checkout counts as prepayment).
    pub fn with_terms(&self, terms: Option<Terms>) -> Buyer {
        match self {
            Buyer::Consumer => Buyer::Consumer,
            Buyer::Company { pricing, quote, .. } => Buyer::Company {
                pricing: pricing.clone(),
                terms,
                quote: quote.clone(),
            },
        }
    }

    /// The same company buyer ordering an accepted quote at its prices (consumers get none).
    pub fn with_quote(&self, quoted: QuotedPrices) -> Buyer {
        match self {
            Buyer::Consumer => Buyer::Consumer,
            Buyer::Company { pricing, terms, .. } => Buyer::Company {
                pricing: pricing.clone(),
                terms: terms.clone(),
                quote: Some(Arc::new(quoted)),
            },
        }
    }

    /// The accepted quote being ordered, if any.
    pub fn quote(&self) -> Option<&QuotedPrices> {
        match self {
            Buyer::Consumer => None,
            Buyer::Company { quote, .. } => quote.as_deref(),
        }
    }

    pub fn segment(&self) -> Segment {
        match self {
            Buyer::Consumer => Segment::Consumer,
            Buyer::Company { .. } => Segment::Company,
        }
    }

    pub fn pricing(&self) -> Option<&CompanyPricing> {
        match self {
            Buyer::Consumer => None,
            Buyer::Company { pricing, .. } => Some(pricing),
        }
    }

    pub fn terms(&self) -> Option<&Terms> {
        match self {
            Buyer::Consumer => None,
            Buyer::Company { terms, .. } => terms.as_ref(),
        }
    }

    /// The agreed prices of a product for this buyer (none for consumers).
    pub fn deal(&self, product_id: i64) -> Option<&Deal> {
        self.pricing().and_then(|p| p.deals.get(&product_id))
    }

    /// The breakdown as an order line keeps it (JSON): every step with its amount and whether
    /// it was used, and the names of the agreements and terms behind them at the time.
    pub fn record(&self, b: &PriceBreakdown) -> String {
        let steps: Vec<serde_json::Value> = b
            .steps
            .iter()
            .map(|s| {
                let mut step = serde_json::json!({
                    "step": s.kind.code(),
                    "unit": s.unit_price.amount().to_string(),
                    "used": s.applied,
                });
                match s.kind {
                    super::StepKind::QuantityTier { min_qty, contract } => {
                        step["min_qty"] = min_qty.into();
                        step["contract"] = contract.into();
                    }
                    super::StepKind::PaymentTerms { adjustment_bp } => {
                        step["adjustment_bp"] = adjustment_bp.into();
                    }
                    _ => {}
                }
                step
            })
            .collect();
        let pricing = self.pricing();
        serde_json::json!({
            "steps": steps,
            "price_list": pricing.and_then(|p| p.price_list_name.clone()),
            "contract": pricing.and_then(|p| p.contract_note.clone()),
            "terms": self.terms().map(|t| t.code.clone()),
            "terms_name": self.terms().map(|t| t.name.clone()),
            "quote": self.quote().map(|q| q.number.clone()),
            "net": b.unit_net.amount().to_string(),
            "vat_bp": b.tax_rate.bp(),
            "reverse_charge": b.reverse_charge,
        })
        .to_string()
    }

    /// Prices `quantity` units of a product (per unit) through the one pipeline.
    pub fn price(
        &self,
        product_id: i64,
        list_price: Money,
        tax_rate: TaxRate,
        quantity: u32,
    ) -> PriceBreakdown {
        super::price(&PriceInput {
            list_price,
            tax_rate,
            quantity,
            segment: self.segment(),
            agreement: match self {
                Buyer::Consumer => None,
                Buyer::Company {
                    pricing,
                    terms,
                    quote,
                } => Some(super::Agreement {
                    deal: pricing.deals.get(&product_id),
                    terms: terms.as_ref(),
                    reverse_charge: pricing.reverse_charge,
                    quoted: quote
                        .as_ref()
                        .and_then(|q| q.prices.get(&product_id).copied()),
                }),
            },
        })
    }
}
