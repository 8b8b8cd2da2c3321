//! `GET /b2b/quotes/new`: the cart's lines as a quote request — quantity (0 leaves a line out)
//! and an optional target unit price per line, and a message — and `POST /b2b/quotes`, which
//! checks it as a whole, creates the quote, moves its lines out of the cart and tells the sales
//! representatives.

use super::PATH;
use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, orders, quotes::Requested};
use crate::domain::quotes::{LINES_MAX, parse_message, parse_unit_price};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::shopper::Shopper;
use crate::web::{PageContext, Theme, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub struct NewLineView {
    pub product_id: i64,
    pub name: String,
    pub sku: String,
    /// The buyer's price per unit today, excl. VAT.
    pub unit: String,
    pub quantity: String,
    pub target: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "b2b/quote_new.html")]
pub struct NewQuotePage {
    pub ctx: PageContext,
    pub lines: Vec<NewLineView>,
    pub message: String,
    pub message_error: Option<String>,
    pub alert: Option<String>,
}

/// The cart's lines priced for the member's company (what the form offers).
async fn cart_lines(
    state: &AppState,
    principal: &Principal,
    session: &Session,
) -> Result<Vec<orders::PricedCartLine>, AppError> {
    let shopper = Shopper::of(principal, state);
    let Some(owner) = crate::web::cart::owner(principal, session) else {
        return Ok(Vec::new());
    };
    let cache = state.cache.clone();
    Ok(db::run(&state.pool, move |c| {
        let Some(cart) = db::carts::find(c, &owner)? else {
            return Ok(Vec::new());
        };
        let buyer = shopper.buyer(&cache, c)?;
        Ok(orders::priced_cart(c, cart, shopper.audience, &buyer)?.0)
    })
    .await?)
}

fn typed(form: &HashMap<String, String>, field: String) -> Option<String> {
    form.get(&field).map(|v| v.chars().take(40).collect())
}

/// `GET /b2b/quotes/new`.
pub async fn new(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    CompanyMember::of(&principal, "/b2b/quotes/new")?;
    let lines = cart_lines(&state, &principal, &session).await?;
    if lines.is_empty() {
        session::flash(&session, "quote-cart-empty");
        return Ok(see_other("/cart"));
    }
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let lines = lines
        .into_iter()
        .map(|l| NewLineView {
            product_id: l.product_id,
            unit: l.line.unit.unit_net.format(locale.code()),
            quantity: l.line.quantity.to_string(),
            target: String::new(),
            error: None,
            name: l.name,
            sku: l.sku,
        })
        .collect();
    render_status(
        &NewQuotePage {
            ctx,
            lines,
            message: String::new(),
            message_error: None,
            alert: None,
        },
        StatusCode::OK,
    )
}

/// `POST /b2b/quotes`: `qty_{product}`, `target_{product}` per cart line, `message`.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, "/b2b/quotes/new")?;
    let lines = cart_lines(&state, &principal, &session).await?;
    if lines.is_empty() {
        session::flash(&session, "quote-cart-empty");
        return Ok(see_other("/cart"));
    }
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let mut views = Vec::new();
    let mut requested = Vec::new();
    let mut failed = false;
    for l in lines {
        let quantity = typed(&form, format!("qty_{}", l.product_id))
            .unwrap_or_else(|| l.line.quantity.to_string());
        let target = typed(&form, format!("target_{}", l.product_id)).unwrap_or_default();
        let mut error = None;
        if quantity.trim() != "0" {
            match l.rules.parse(&quantity) {
                Err(e) => {
                    let (key, args) = e.message();
                    error = Some(locale.t_args(key, &args));
                }
                Ok(q) => match parse_unit_price(&target, false) {
                    Err(key) => error = Some(locale.t(key)),
                    Ok(t) => requested.push(Requested {
                        product_id: l.product_id,
                        quantity: i32::try_from(q).unwrap_or(i32::MAX),
                        target_minor: t.and_then(|m| m.to_minor().ok()),
                    }),
                },
            }
        }
        failed |= error.is_some();
        views.push(NewLineView {
            product_id: l.product_id,
            unit: l.line.unit.unit_net.format(locale.code()),
            quantity,
            target,
            error,
            name: l.name,
            sku: l.sku,
        });
    }
    let raw_message = form.get("message").cloned().unwrap_or_default();
    let message = parse_message(&raw_message);
    let alert = if failed || message.is_err() {
        Some(locale.t("quote-fix-errors"))
    } else if requested.is_empty() {
        Some(locale.t("quote-no-lines"))
    } else if requested.len() > LINES_MAX {
        Some(locale.t_args("quote-too-many-lines", &[("max", LINES_MAX.to_string())]))
    } else {
        None
    };
    let (Ok(message), None) = (message.clone(), &alert) else {
        let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
        return render_status(
            &NewQuotePage {
                ctx,
                lines: views,
                message: raw_message
                    .chars()
                    .take(crate::domain::quotes::MESSAGE_MAX + 100)
                    .collect(),
                message_error: message.err().map(|k| locale.t(k)),
                alert,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let (company, me) = (member.company.id, member.user.id);
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let default = state.default_locale;
    let (number, items) = db::run_write(&state.pool, move |c| {
        let number = db::quotes::create(c, company, me, &requested, &message, now)?;
        let owner = db::carts::Owner::Person {
            user_id: me,
            company_id: Some(company),
        };
        let mut items = 0;
        if let Some(cart) = db::carts::find(c, &owner)? {
            let ids: Vec<i64> = requested.iter().map(|r| r.product_id).collect();
            db::carts::remove_products(c, cart, &ids)?;
            items = db::carts::items(c, cart)?;
        }
        let link = format!("{base}/admin/quotes/{number}");
        for (email, lang) in db::quotes::shop_side(c, None)? {
            let their = lang
                .as_deref()
                .and_then(crate::i18n::Locale::parse)
                .unwrap_or(default);
            Mail::quote_update(their, &email, "requested", &number, &link).enqueue(c)?;
        }
        Ok((number, items))
    })
    .await?;
    session::set_cart_items(&session, items);
    session::flash(&session, "quote-requested");
    Ok(see_other(format!("{PATH}/{number}")))
}
