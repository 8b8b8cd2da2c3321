//! "Why this price": a company buyer's price breakdown as lines to read, and the volume prices
//! a product page offers, both from `domain::pricing` (nothing here computes a price).

use crate::db::catalog::CardRow;
use crate::domain::pricing::{Buyer, PriceBreakdown, StepKind};
use crate::i18n::Locale;
use crate::web::views::price_row_qty;

/// One step of the breakdown as the buyer reads it.
#[derive(Debug, Clone)]
pub struct StepView {
    pub label: String,
    pub amount: String,
    /// Recorded but not used: an agreed price that was not lower.
    pub unused: bool,
}

/// The whole explanation; `None` for consumers (their price is the shelf price).
#[derive(Debug, Clone)]
pub struct WhyPriceView {
    pub steps: Vec<StepView>,
    pub total_label: String,
    pub total: String,
}

/// A share in basis points as a percentage number, written for the locale: 150 → "1.5" / "1,5".
pub(crate) fn percent(bp: i32, locale: Locale) -> String {
    let pct = rust_decimal::Decimal::new(i64::from(bp), 2)
        .normalize()
        .to_string();
    if locale.code() == "sv" {
        pct.replace('.', ",")
    } else {
        pct
    }
}

/// "−2 %", "+1.5 %", "±0 %".
fn adjustment(bp: i32, locale: Locale) -> String {
    let pct = percent(bp.abs(), locale);
    match bp.signum() {
        -1 => format!("−{pct} %"),
        1 => format!("+{pct} %"),
        _ => "±0 %".into(),
    }
}

impl WhyPriceView {
    pub fn new(b: &PriceBreakdown, buyer: &Buyer, locale: Locale) -> Option<WhyPriceView> {
        let pricing = buyer.pricing()?;
        let code = locale.code();
        let steps = b
            .steps
            .iter()
            .map(|s| {
                let label = match s.kind {
                    StepKind::ListPrice => locale.t("why-list-price"),
                    StepKind::PriceList => locale.t_args(
                        "why-price-list",
                        &[("name", pricing.price_list_name.clone().unwrap_or_default())],
                    ),
                    StepKind::Contract => locale.t_args(
                        "why-contract",
                        &[("note", pricing.contract_note.clone().unwrap_or_default())],
                    ),
                    StepKind::QuantityTier { min_qty, contract } => locale.t_args(
                        if contract {
                            "why-tier-contract"
                        } else {
                            "why-tier-list"
                        },
                        &[("qty", min_qty.to_string())],
                    ),
                    StepKind::PaymentTerms { adjustment_bp } => locale.t_args(
                        "why-terms",
                        &[
                            (
                                "name",
                                buyer.terms().map(|t| t.name.clone()).unwrap_or_default(),
                            ),
                            ("adjustment", adjustment(adjustment_bp, locale)),
                        ],
                    ),
                    StepKind::Quoted => locale.t_args(
                        "why-quoted",
                        &[(
                            "number",
                            buyer.quote().map(|q| q.number.clone()).unwrap_or_default(),
                        )],
                    ),
                    StepKind::Rounding => locale.t("why-rounding"),
                };
                StepView {
                    label,
                    // Exact amounts before rounding are shown rounded; the rounding step says so.
                    amount: s.unit_price.format(code),
                    unused: !s.applied,
                }
            })
            .collect();
        Some(WhyPriceView {
            steps,
            total_label: locale.t("why-your-price"),
            total: b.unit_net.format(code),
        })
    }
}

/// One volume price: "from 10 units, 850,00 kr each".
#[derive(Debug, Clone)]
pub struct VolumeView {
    pub from: String,
    pub unit: String,
}

/// The prices this buyer pays from each agreed quantity break that lowers the one-unit price.
pub fn volume_prices(row: &CardRow, buyer: &Buyer, locale: Locale) -> Vec<VolumeView> {
    let Some(deal) = buyer.deal(row.id) else {
        return Vec::new();
    };
    let one = price_row_qty(row, buyer, 1).unit_net;
    let mut last = one.amount();
    deal.breaks()
        .into_iter()
        .filter_map(|q| {
            let unit = price_row_qty(row, buyer, q).unit_net;
            (unit.amount() < last).then(|| {
                last = unit.amount();
                VolumeView {
                    from: locale.t_args("volume-from", &[("qty", q.to_string())]),
                    unit: unit.format(locale.code()),
                }
            })
        })
        .collect()
}
