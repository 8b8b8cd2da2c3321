//! The built-in test provider's hosted payment page, `/pay/test/{order token}`. It stands where a
//! real provider's page would: the buyer types a test card here, never on the shop's checkout,
//! and is sent back to `/checkout/return` with a signed result. Card numbers are not stored or
//! logged.

use crate::auth::Principal;
use crate::db::{self, orders};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::payment::{PaymentResult, TestProvider};
use crate::startup::AppState;
use crate::web::{PageContext, Theme, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

pub struct PayView {
    pub token: String,
    pub number: String,
    pub amount: String,
    pub error: Option<String>,
}

storefront_page!(
    pay_pages,
    render_pay,
    PayView,
    "b2c/pay_test.html",
    "b2b/pay_test.html"
);

async fn awaiting(state: &AppState, token: &str) -> Result<orders::OrderRef, AppError> {
    let token = token.chars().take(64).collect::<String>();
    let order = db::run(&state.pool, move |c| orders::by_token(c, &token))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(order)
}

async fn show_page(
    req: &HttpRequest,
    order: orders::OrderRef,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(req, theme, principal);
    let currency = Currency::parse(&order.currency).unwrap_or(Currency::Sek);
    let v = PayView {
        amount: Money::from_minor(order.total_minor, currency).format(ctx.locale.code()),
        token: order.public_token,
        number: order.number,
        error,
    };
    Ok(crate::web::cache_control(
        render_pay(ctx, v, status)?,
        "no-store",
    ))
}

/// `GET /pay/test/{token}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let order = awaiting(&state, &token).await?;
    if order.status != "awaiting_payment" {
        return Ok(see_other(super::checkout::order_url(
            &order.number,
            &order.public_token,
        )));
    }
    show_page(&req, order, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CardInput {
    #[serde(default)]
    card_number: String,
    #[serde(default)]
    cancel: String,
}

/// `POST /pay/test/{token}`: approve, decline or cancel, then back to the shop with a signed result.
pub async fn pay(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<CardInput>,
) -> Result<HttpResponse, AppError> {
    let order = awaiting(&state, &token).await?;
    let input = form.into_inner();
    let approved = if input.cancel.is_empty() {
        match TestProvider::decide(&input.card_number) {
            Some(approved) => approved,
            None => {
                let principal = Principal::of(&req).await?;
                let locale =
                    crate::web::context::request_locale(&req, &principal, state.default_locale);
                return show_page(
                    &req,
                    order,
                    Some(locale.t("pay-test-unknown-card")),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    } else {
        false
    };
    let result = PaymentResult {
        order_token: order.public_token.clone(),
        approved,
        reference: format!("test-{}", &crate::db::tokens::random_token()[..12]),
    };
    let signature = state.payments.sign(&result);
    let query = serde_urlencoded::to_string([
        ("order", result.order_token.as_str()),
        ("result", if approved { "approved" } else { "declined" }),
        ("reference", result.reference.as_str()),
        ("signature", signature.as_str()),
    ])
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(see_other(format!("/checkout/return?{query}")))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/pay/test/{token}", web::get().to(show))
        .route("/pay/test/{token}", web::post().to(pay));
}
