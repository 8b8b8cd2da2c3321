//! What checkout adds for a company buyer: purchase order number, requested delivery date and
//! a comment (checked here), and the choice between invoice on the company's terms — within its
//! credit — and card, which counts as prepayment (`payment_terms` code `prepay`). The choice
//! changes the price through the pipeline's terms step, so the summary is recomputed with it.

use super::CheckoutInput;
use crate::db::{self, DbConn, DbError};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::{Buyer, Terms};
use crate::i18n::Locale;
use crate::web::price_explain::percent;
use chrono::NaiveDate;

/// The longest purchase order number and comment accepted.
const PO_MAX: usize = 35;
const NOTE_MAX: usize = 1000;
/// How far ahead a delivery date may be asked for.
const DATE_MAX_DAYS: i64 = 365;

/// The company's side of checkout, read with the cart.
#[derive(Debug, Clone)]
pub struct CompanyTerms {
    /// The company's own terms, when they are invoice terms (days > 0).
    pub invoice: Option<Terms>,
    /// Prepayment terms, used when paying by card.
    pub prepay: Option<Terms>,
    pub credit_limit_minor: i64,
    pub credit_available_minor: i64,
}

pub fn load(conn: &mut DbConn, buyer: &Buyer) -> Result<Option<CompanyTerms>, DbError> {
    let Some(pricing) = buyer.pricing() else {
        return Ok(None);
    };
    let (limit, available) = db::companies::credit(conn, pricing.company_id)?;
    Ok(Some(CompanyTerms {
        invoice: pricing.terms.clone().filter(|t| t.days > 0),
        prepay: db::prices::terms(conn, "prepay")?,
        credit_limit_minor: limit,
        credit_available_minor: available,
    }))
}

impl CompanyTerms {
    /// The payment chosen, or the company's usual one: invoice when it has invoice terms.
    pub fn method(&self, typed: &str) -> &'static str {
        match typed {
            "card" => "card",
            "invoice" if self.invoice.is_some() => "invoice",
            _ if self.invoice.is_some() => "invoice",
            _ => "card",
        }
    }

    /// The buyer paying this way: invoice on the company's terms, card as prepayment.
    pub fn buyer(&self, buyer: &Buyer, method: &str) -> Buyer {
        match method {
            "invoice" => buyer.with_terms(self.invoice.clone()),
            _ => buyer.with_terms(self.prepay.clone()),
        }
    }
}

/// One way to pay, as the payment fieldset shows it.
pub struct PaymentView {
    pub code: &'static str,
    pub name: String,
    pub note: String,
    pub checked: bool,
}

fn adjustment_note(terms: Option<&Terms>, locale: Locale) -> String {
    match terms.map(|t| t.adjustment_bp) {
        Some(bp) if bp < 0 => locale.t_args(
            "checkout-terms-discount",
            &[("adjustment", percent(-bp, locale))],
        ),
        Some(bp) if bp > 0 => locale.t_args(
            "checkout-terms-surcharge",
            &[("adjustment", percent(bp, locale))],
        ),
        _ => String::new(),
    }
}

/// The payment choices for a company buyer (invoice first when the company has invoice terms).
pub fn payments(terms: &CompanyTerms, method: &str, locale: Locale) -> Vec<PaymentView> {
    let code = locale.code();
    let mut out = Vec::new();
    if let Some(invoice) = &terms.invoice {
        let available = Money::from_minor(terms.credit_available_minor.max(0), Currency::Sek);
        let limit = Money::from_minor(terms.credit_limit_minor, Currency::Sek);
        let mut note = locale.t_args(
            "checkout-invoice-credit",
            &[
                ("available", available.format(code)),
                ("limit", limit.format(code)),
            ],
        );
        let adjust = adjustment_note(Some(invoice), locale);
        if !adjust.is_empty() {
            note = format!("{adjust} · {note}");
        }
        out.push(PaymentView {
            code: "invoice",
            name: invoice.name.clone(),
            note,
            checked: method == "invoice",
        });
    }
    out.push(PaymentView {
        code: "card",
        name: locale.t("checkout-card"),
        note: [
            locale.t("checkout-card-note"),
            adjustment_note(terms.prepay.as_ref(), locale),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · "),
        checked: method == "card",
    });
    out
}

/// The purchase order number, requested delivery date and comment, checked; every problem is
/// returned with its field.
pub fn details(
    input: &CheckoutInput,
    today: NaiveDate,
    locale: Locale,
    errors: &mut Vec<(&'static str, String)>,
) -> (Option<String>, Option<NaiveDate>, String) {
    details_of(
        &input.po_number,
        &input.requested_delivery,
        &input.note,
        today,
        locale,
        errors,
    )
}

/// [`details`] from the three fields as typed (the order change form has them too).
pub fn details_of(
    po_number: &str,
    requested_delivery: &str,
    note: &str,
    today: NaiveDate,
    locale: Locale,
    errors: &mut Vec<(&'static str, String)>,
) -> (Option<String>, Option<NaiveDate>, String) {
    let po = po_number.trim();
    if po.chars().count() > PO_MAX || po.chars().any(char::is_control) {
        errors.push((
            "po_number",
            locale.t_args("checkout-po-invalid", &[("max", PO_MAX.to_string())]),
        ));
    }
    let typed = requested_delivery.trim();
    let date = if typed.is_empty() {
        None
    } else {
        match NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
            Ok(d) if d <= today => {
                errors.push(("requested_delivery", locale.t("checkout-date-too-early")));
                None
            }
            Ok(d) if d > today + chrono::Duration::days(DATE_MAX_DAYS) => {
                errors.push(("requested_delivery", locale.t("checkout-date-too-late")));
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(("requested_delivery", locale.t("checkout-date-invalid")));
                None
            }
        }
    };
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        errors.push((
            "note",
            locale.t_args("checkout-note-too-long", &[("max", NOTE_MAX.to_string())]),
        ));
    }
    (
        Some(po.to_string()).filter(|p| !p.is_empty()),
        date,
        note.to_string(),
    )
}
