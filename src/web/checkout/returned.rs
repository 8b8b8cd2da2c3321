//! Coming back from the payment provider: `GET /checkout/return` (the buyer's browser) and
//! `POST /webhooks/payments` (the provider's server), both carrying a signed result that is
//! applied once whichever comes first.

use super::{SAVED_FORM, order_url};
use crate::auth::{Principal, session};
use crate::db::orders::{self, PaymentApplied};
use crate::db::{self, carts, carts::Owner};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::payment::PaymentResult;
use crate::startup::AppState;
use crate::web::cart::owner;
use crate::web::see_other;
use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct SignedResult {
    #[serde(default)]
    order: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    reference: String,
    #[serde(default)]
    signature: String,
}

impl SignedResult {
    /// The result, when the provider signed it (the browser's return and the webhook alike).
    fn verified(self, state: &AppState) -> Result<PaymentResult, AppError> {
        let claimed = PaymentResult {
            order_token: self.order.chars().take(64).collect(),
            approved: self.result == "approved",
            reference: self.reference.chars().take(64).collect(),
        };
        state
            .payments
            .verify(claimed, &self.signature)
            .ok_or_else(|| {
                AppError::BadRequest("the payment result is not signed by the provider".into())
            })
    }
}

/// `GET /checkout/return`: the provider's signed result. Applied once however often it arrives.
pub async fn payment_return(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    query: web::Query<SignedResult>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let result = q.verified(&state)?;
    let principal = Principal::of(&req).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let owner = owner(&principal, &session);
    let approved = result.approved;
    let (applied, order, items) = confirm(&state, result, owner, locale).await?;
    match (applied, order) {
        (PaymentApplied::Paid | PaymentApplied::AlreadyPaid, Some(order)) => {
            session.remove(SAVED_FORM);
            session::set_cart_items(&session, items);
            Ok(see_other(order_url(&order.number, &order.public_token)))
        }
        // Declined now, or before (the provider's webhook came first and removed the order).
        (PaymentApplied::Removed, _) | (PaymentApplied::Ignored, None) if !approved => {
            session::flash(&session, "checkout-declined");
            Ok(see_other("/checkout"))
        }
        (_, Some(order)) if order.status == "awaiting_payment" => {
            Ok(see_other(state.payments.start_url(&order.public_token)))
        }
        _ => Err(AppError::NotFound),
    }
}

/// Applies a verified payment result (from the buyer's return or the provider's webhook): paid
/// once, with the confirmation e-mail; declined, the order and its reservations go. Returns what
/// happened, the order, and the items left in the buyer's cart (when the buyer is known).
async fn confirm(
    state: &AppState,
    result: PaymentResult,
    owner: Option<Owner>,
    locale: Locale,
) -> Result<(PaymentApplied, Option<orders::OrderRef>, i64), AppError> {
    let now = chrono::Utc::now().naive_utc();
    let token = result.order_token.clone();
    let base = state.public_base_url();
    Ok(db::run(&state.pool, move |c| {
        let cart_id = match owner {
            Some(o) => carts::find(c, &o)?,
            None => None,
        };
        let applied =
            orders::apply_payment(c, &token, result.approved, &result.reference, cart_id, now)?;
        let order = orders::by_token(c, &token)?;
        if let (PaymentApplied::Paid, Some(order)) = (applied, &order) {
            let link = format!("{base}{}", order_url(&order.number, &order.public_token));
            let mail = crate::web::mail::Mail::order_confirmation(
                locale,
                &order.email,
                &order.number,
                &link,
            );
            db::outbox::enqueue(c, &mail.to, &mail.subject, &mail.body)?;
        }
        let items = match cart_id {
            Some(id) => carts::items(c, id)?,
            None => 0,
        };
        Ok((applied, order, items))
    })
    .await?)
}

/// `POST /webhooks/payments`: the provider's server-to-server confirmation. No session and no
/// CSRF token (the CSRF check skips `/webhooks/`): the signature is the proof. Answers 200 for a
/// result applied now or before, 400 for one that is not signed by the provider.
pub async fn webhook(
    state: web::Data<AppState>,
    form: web::Form<SignedResult>,
) -> Result<HttpResponse, AppError> {
    let f = form.into_inner();
    let result = f.verified(&state)?;
    let (applied, _, _) = confirm(&state, result, None, state.default_locale).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!("{applied:?}")))
}
