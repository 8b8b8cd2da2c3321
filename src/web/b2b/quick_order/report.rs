//! The quick order's check report: every line that needs attention with its reason, the lines
//! ready to go into the cart priced for the company, merged duplicates, and the hidden text the
//! confirm and re-check forms carry.

use crate::db::catalog::CardRow;
use crate::domain::bulk_order::{Checked, Encoding, LineProblem};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::Buyer;
use crate::i18n::Locale;
use crate::web::cart::quantity_message;
use crate::web::views::price_row_qty;
use std::collections::HashMap;

/// At most this many ready lines are listed (all of them are added).
pub const READY_SHOWN: usize = 200;
/// At most this many problem lines become editable rows (all are listed).
pub const FIX_ROWS: usize = 200;

/// Where a line came from, to name it in the report.
#[derive(Debug, Clone)]
pub enum Origin {
    Row(usize),
    Line(usize),
    Kept,
}

impl Origin {
    fn label(&self, locale: Locale) -> String {
        match self {
            Origin::Row(n) => locale.t_args("quick-origin-row", &[("number", n.to_string())]),
            Origin::Line(n) => locale.t_args("quick-origin-line", &[("number", n.to_string())]),
            Origin::Kept => locale.t("quick-origin-kept"),
        }
    }
}

pub struct ProblemView {
    pub origin: String,
    pub sku: String,
    pub quantity: String,
    pub message: String,
}

pub struct ReadyView {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
    pub unit: String,
    pub total: String,
}

pub struct ReportView {
    pub summary: String,
    pub encoding_note: Option<String>,
    pub merged: Vec<String>,
    pub problems: Vec<ProblemView>,
    pub ready: Vec<ReadyView>,
    pub ready_more: Option<String>,
    pub ready_count: usize,
    pub total: String,
    /// The ready lines as "SKU<tab>quantity" lines, for the confirm and re-check forms.
    pub ready_text: String,
    pub confirm_label: String,
}

fn problem_text(problem: &LineProblem, locale: Locale) -> String {
    match problem {
        LineProblem::MissingSku => locale.t("quick-problem-missing-sku"),
        LineProblem::Formula => locale.t("quick-problem-formula"),
        LineProblem::Unknown => locale.t("quick-problem-unknown"),
        LineProblem::Quantity(e) => quantity_message(e, locale),
        LineProblem::Short { available, in_cart } if *in_cart > 0 => locale.t_args(
            "cart-only-left",
            &[
                ("available", available.to_string()),
                ("in_cart", in_cart.to_string()),
            ],
        ),
        LineProblem::Short { available, .. } => locale.t_args(
            "quick-problem-short",
            &[("available", available.to_string())],
        ),
    }
}

/// A list of names: "1, 4 and 11".
fn joined(items: &[String], locale: Locale) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), locale.t("list-and")),
    }
}

/// The report for checked lines. `rows` has each ready product's card row (for its price) and
/// `in_cart` what the cart already holds of it.
pub fn build(
    checked: &[Checked],
    origins: &[Origin],
    rows: &HashMap<i64, CardRow>,
    in_cart: &HashMap<i64, i32>,
    buyer: &Buyer,
    encoding: Encoding,
    locale: Locale,
) -> ReportView {
    let code = locale.code();
    let origin = |line: usize| origins.get(line.wrapping_sub(1)).map(|o| o.label(locale));
    let mut problems = Vec::new();
    let mut ready = Vec::new();
    let mut merged = Vec::new();
    let mut ready_text = String::new();
    let mut total = Money::zero(Currency::Sek);
    let mut ready_count = 0;
    for c in checked {
        if c.lines.len() > 1 {
            let names: Vec<String> = c.lines.iter().filter_map(|l| origin(*l)).collect();
            merged.push(locale.t_args(
                "quick-merged",
                &[
                    ("sku", c.sku.clone()),
                    ("lines", joined(&names, locale)),
                    ("quantity", c.quantity.clone()),
                ],
            ));
        }
        match &c.outcome {
            Err(problem) => problems.push(ProblemView {
                origin: c.lines.first().and_then(|l| origin(*l)).unwrap_or_default(),
                sku: c.sku.clone(),
                quantity: c.quantity.clone(),
                message: problem_text(problem, locale),
            }),
            Ok(r) => {
                ready_count += 1;
                ready_text.push_str(&format!("{}\t{}\n", r.sku, r.quantity));
                let Some(row) = rows.get(&r.product_id) else {
                    continue;
                };
                // The unit price at the quantity the cart will hold.
                let held = r.quantity
                    + u32::try_from(in_cart.get(&r.product_id).copied().unwrap_or(0)).unwrap_or(0);
                let unit = price_row_qty(row, buyer, held).shown_unit();
                let line = unit.times(r.quantity);
                total = Money::new(total.amount() + line.amount(), total.currency());
                if ready.len() < READY_SHOWN {
                    ready.push(ReadyView {
                        sku: r.sku.clone(),
                        name: r.name.clone(),
                        quantity: r.quantity,
                        unit: unit.format(code),
                        total: line.format(code),
                    });
                }
            }
        }
    }
    let read = checked.iter().map(|c| c.lines.len()).sum::<usize>();
    ReportView {
        summary: locale.t_args(
            "quick-summary",
            &[
                ("read", read.to_string()),
                ("ready", ready_count.to_string()),
                ("problems", problems.len().to_string()),
            ],
        ),
        encoding_note: (encoding == Encoding::Windows1252).then(|| locale.t("quick-windows-1252")),
        merged,
        ready_more: (ready_count > READY_SHOWN).then(|| {
            locale.t_args(
                "quick-ready-more",
                &[("count", (ready_count - READY_SHOWN).to_string())],
            )
        }),
        confirm_label: locale.t_count("quick-confirm", ready_count as i64),
        problems,
        ready,
        ready_count,
        total: total.format(code),
        ready_text,
    }
}
