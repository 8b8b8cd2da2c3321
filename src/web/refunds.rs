//! Giving money back without a return, the one way both admin forms do it (a support case's
//! "Refund" and the order page's "Give money back"): the amount is checked against what is left of
//! the order, the refund's place is held once per form before any money moves (so two people
//! cannot give back more than was paid, and a second click gives nothing), then the card provider
//! pays back — or an unpaid invoice is credited — and the refund is recorded on the order's
//! timeline together with what the caller adds (audit entry, case note, mail) in one transaction.

use crate::db::cases::{self as store, CaseRow};
use crate::db::{self, DbConn, DbError};
use crate::domain::cases::{RefundProblem, check_refund};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;

/// A refund as staff asked for it.
pub struct Ask {
    pub order_id: i64,
    /// The case it is given from, if any.
    pub case: Option<CaseRow>,
    /// The amount as typed ("149,50").
    pub amount: String,
    /// What the customer and the order's timeline read.
    pub note: String,
    /// The form's random key (16+ letters, digits, `-` or `_`).
    pub key: String,
    /// The case or order number the key is unique within.
    pub scope: String,
    pub actor: i64,
}

/// A refund given.
pub struct Given {
    pub minor: i64,
    /// The provider's reference, or "credited to invoice …".
    pub reference: String,
    /// "SEK 149.50 · the missing screws".
    pub detail: String,
}

pub enum Outcome {
    Given(Given),
    /// This form's refund was given already (a second click, a retry).
    Again,
    /// Refused: the field to mark and the message.
    Refused(&'static str, String),
}

/// Gives the money back; `record` runs in the transaction that records it.
pub async fn give_back<F>(
    state: &AppState,
    locale: Locale,
    ask: Ask,
    record: F,
) -> Result<Outcome, AppError>
where
    F: FnOnce(&mut DbConn, &Given) -> Result<(), DbError> + Send + 'static,
{
    let refused = |field: &'static str, key: &str| Ok(Outcome::Refused(field, locale.t(key)));
    if ask.key.len() < 16
        || !ask
            .key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return refused("amount", "admin-case-not-now");
    }
    let order_id = ask.order_id;
    let (order, refunded, payment, invoice) = db::run(&state.pool, move |c| {
        let order = crate::db::orders::by_id(c, order_id)?
            .ok_or(DbError::Query(diesel::result::Error::NotFound))?;
        Ok((
            order,
            store::refunded_so_far(c, order_id)?,
            crate::db::orders::payment_reference(c, order_id)?,
            crate::db::companies::open_invoice_of(c, order_id)?,
        ))
    })
    .await?;
    let money = |m: i64| Money::from_minor(m, Currency::Sek).format(locale.code());
    let too_much = |most: i64| {
        Ok(Outcome::Refused(
            "amount",
            locale.t_args("admin-case-refund-too-much", &[("details", money(most))]),
        ))
    };
    let minor = match check_refund(&ask.amount, order.total_minor - refunded) {
        Ok(m) => m,
        Err(RefundProblem::Unreadable(key)) => return refused("amount", key),
        Err(RefundProblem::Zero) => return refused("amount", "admin-case-refund-zero"),
        Err(RefundProblem::TooMuch(most)) => return too_much(most),
    };
    if ask.note.trim().is_empty() {
        return refused("note", "admin-case-refund-note-missing");
    }
    let unpaid = matches!(
        order.status.as_str(),
        "awaiting_payment" | "awaiting_approval"
    );
    if unpaid && invoice.is_none() {
        return refused("amount", "admin-case-refund-unpaid");
    }
    let now = chrono::Utc::now().naive_utc();
    let form_key = format!("{}-{}", ask.scope, ask.key);
    let hold = store::Hold {
        case_id: ask.case.as_ref().map(|c| c.id),
        order_id,
        total_minor: order.total_minor,
        amount_minor: minor,
        key: form_key.clone(),
        actor: ask.actor,
        now,
    };
    let id = match db::run_write(&state.pool, move |c| store::reserve_refund(c, &hold)).await? {
        store::Reserved::Held(id) => id,
        store::Reserved::Again => return Ok(Outcome::Again),
        store::Reserved::TooMuch(most) => return too_much(most),
    };
    // On invoice nothing was paid by card: the invoice is credited. Otherwise the provider pays
    // back, keyed by the form, so a retry refunds once.
    let reference = match &invoice {
        Some(number) => locale.t_args("admin-return-credited", &[("number", number.clone())]),
        None => match state
            .payments
            .refund(payment.as_deref().unwrap_or(""), minor, &form_key)
        {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, order = order_id, "refund refused by the provider");
                db::run_write(&state.pool, move |c| store::drop_refund(c, id)).await?;
                return refused("amount", "admin-return-refund-failed");
            }
        },
    };
    let given = Given {
        minor,
        detail: format!("{} · {}", money(minor), ask.note.trim()),
        reference,
    };
    let (actor, case, on_invoice) = (ask.actor, ask.case, invoice.is_some());
    db::run_write(&state.pool, move |c| {
        let on_order = format!("{} · {}", given.detail, given.reference);
        store::confirm_refund(
            c,
            &store::Refund {
                id,
                case: case.as_ref(),
                order_id,
                amount_minor: minor,
                note: &on_order,
                invoice: on_invoice,
                actor,
                now,
            },
        )?;
        record(c, &given)?;
        Ok(Outcome::Given(given))
    })
    .await
    .map_err(AppError::from)
}
