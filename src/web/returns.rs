//! Returns and exchanges for shoppers, reached from the order page with the order link's token
//! (so a guest's link works and nobody else's does):
//! `GET|POST /orders/{number}/return?t=…` asks for one (lines and quantities, return or exchange
//! for another variant, reason, comment); `GET /returns/{number}?t=…` is the printable return
//! slip with the status; `POST /returns/{number}/cancel` withdraws a request not yet received.

use crate::auth::{Principal, session};
use crate::db::{self, orders, returns as store};
use crate::domain::money::{Currency, Money};
use crate::domain::returns::{Kind, REASONS, RequestProblem, Wanted, Window};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::{PageContext, Theme, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use std::collections::HashMap;

pub struct VariantView {
    pub id: i64,
    pub label: String,
    pub selected: bool,
}

pub struct ReturnLineView {
    pub id: i64,
    pub name: String,
    pub sku: String,
    pub ordered: u32,
    pub left: u32,
    pub typed: String,
    /// "Up to 2".
    pub hint: String,
    pub variants: Vec<VariantView>,
    pub error: Option<String>,
}

pub struct ChoiceView {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct ReturnFormView {
    pub order_number: String,
    pub token: String,
    pub order_url: String,
    /// "Return until 29 December 2026", or why nothing can be returned.
    pub window_note: String,
    pub open: bool,
    pub lines: Vec<ReturnLineView>,
    pub kinds: Vec<ChoiceView>,
    pub reasons: Vec<ChoiceView>,
    pub comment: String,
    pub errors: Vec<(&'static str, String)>,
}

impl ReturnFormView {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

storefront_page!(
    form_pages,
    render_form,
    ReturnFormView,
    "b2c/return_form.html",
    "b2b/return_form.html"
);

pub struct SlipLineView {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub exchange: Option<String>,
    pub refund: String,
}

pub struct SlipView {
    pub number: String,
    pub order_number: String,
    pub order_url: String,
    pub token: String,
    pub kind: String,
    pub status: String,
    pub status_code: String,
    pub reason: String,
    pub comment: String,
    pub staff_note: String,
    pub created: String,
    pub lines: Vec<SlipLineView>,
    pub refund: String,
    pub has_refund: bool,
    pub cancellable: bool,
    pub sender: Vec<String>,
    pub return_address: Vec<String>,
}

storefront_page!(
    slip_pages,
    render_slip,
    SlipView,
    "b2c/return_slip.html",
    "b2b/return_slip.html"
);

/// Where parcels go back to (printed on the slip).
const RETURN_ADDRESS: [&str; 4] = [
    "Duett Returns",
    "Lagergatan 12",
    "418 78 Göteborg",
    "Sweden",
];

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    t: String,
}

fn money(minor: i64, locale: Locale) -> String {
    Money::from_minor(minor, Currency::Sek).format(locale.code())
}

/// The order behind the link, if the token is its own.
async fn order_for(
    state: &AppState,
    number: String,
    token: String,
) -> Result<store::OrderForReturn, AppError> {
    let now = chrono::Utc::now().naive_utc();
    db::run(&state.pool, move |c| {
        let Some(order) = orders::by_link(c, &number, &token)? else {
            return Ok(None);
        };
        store::for_order(c, order, now).map(Some)
    })
    .await?
    .ok_or(AppError::NotFound)
}

fn reason_label(code: &str, locale: Locale) -> String {
    locale.t(&format!("return-reason-{code}"))
}

/// Builds the form from what the order allows and what was typed.
fn form_view(
    state: &store::OrderForReturn,
    typed: &HashMap<String, String>,
    errors: Vec<(&'static str, String)>,
    line_errors: &[(i64, String)],
    locale: Locale,
) -> ReturnFormView {
    let kind = typed.get("kind").map(String::as_str).unwrap_or("return");
    let reason = typed.get("reason").map(String::as_str).unwrap_or("");
    let (open, window_note) = match state.window {
        Window::Open(Some(until)) => (
            true,
            locale.t_args("return-window-until", &[("date", locale.date(until))]),
        ),
        Window::Open(None) => (true, locale.t("return-window-on-its-way")),
        Window::NotShipped => (false, locale.t("return-window-not-shipped")),
        Window::Closed(until) => (
            false,
            locale.t_args("return-window-closed", &[("date", locale.date(until))]),
        ),
    };
    let lines = state
        .lines
        .iter()
        .map(|l| {
            let id = l.returnable.order_line_id;
            let swap = typed
                .get(&format!("swap_{id}"))
                .cloned()
                .unwrap_or_default();
            ReturnLineView {
                id,
                name: l.name.clone(),
                sku: l.sku.clone(),
                ordered: l.returnable.ordered,
                left: l.returnable.left(),
                typed: typed.get(&format!("qty_{id}")).cloned().unwrap_or_default(),
                hint: locale.t_args("return-up-to", &[("left", l.returnable.left().to_string())]),
                variants: l
                    .variants
                    .iter()
                    .map(|v| VariantView {
                        id: v.product_id,
                        label: format!("{} · {}", v.name, money(v.shelf_minor, locale)),
                        selected: swap == v.product_id.to_string(),
                    })
                    .collect(),
                error: line_errors
                    .iter()
                    .find(|(l, _)| *l == id)
                    .map(|(_, m)| m.clone()),
            }
        })
        .collect();
    ReturnFormView {
        order_number: state.order.number.clone(),
        token: state.order.public_token.clone(),
        order_url: crate::web::checkout::order_url(&state.order.number, &state.order.public_token),
        window_note,
        open,
        lines,
        kinds: [Kind::Return, Kind::Exchange]
            .into_iter()
            .map(|k| ChoiceView {
                code: k.code(),
                label: locale.t(&format!("return-kind-{}", k.code())),
                selected: k.code() == kind,
            })
            .collect(),
        reasons: REASONS
            .iter()
            .map(|r| ChoiceView {
                code: r,
                label: reason_label(r, locale),
                selected: *r == reason,
            })
            .collect(),
        comment: typed.get("comment").cloned().unwrap_or_default(),
        errors,
    }
}

/// `GET /orders/{number}/return?t=…`.
pub async fn show_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token: String = query.into_inner().t.chars().take(64).collect();
    let order = order_for(&state, number.into_inner(), token).await?;
    let principal = Principal::of(&req).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let v = form_view(&order, &HashMap::new(), Vec::new(), &[], ctx.locale);
    Ok(crate::web::cache_control(
        render_form(ctx, v, StatusCode::OK)?,
        "private, no-store",
    ))
}

/// `POST /orders/{number}/return`: `t`, `kind`, `reason`, `comment`, `qty_{line}`,
/// `swap_{line}`.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let typed = form.into_inner();
    let token: String = typed
        .get("t")
        .map(|t| t.chars().take(64).collect())
        .unwrap_or_default();
    let number = number.into_inner();
    let order = order_for(&state, number.clone(), token.clone()).await?;
    let principal = Principal::of(&req).await?;
    let requested_by = principal.user().map(|u| u.id);
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let kind = typed.get("kind").and_then(|k| Kind::parse(k));
    if kind.is_none() {
        errors.push(("kind", locale.t("return-error-kind")));
    }
    let reason = typed.get("reason").cloned().unwrap_or_default();
    if !REASONS.contains(&reason.as_str()) {
        errors.push(("reason", locale.t("return-error-reason")));
    }
    let comment = typed.get("comment").cloned().unwrap_or_default();
    if comment.chars().count() > 1000 {
        errors.push(("comment", locale.t("return-error-comment")));
    }
    let wanted: Vec<Wanted> = order
        .lines
        .iter()
        .map(|l| Wanted {
            order_line_id: l.returnable.order_line_id,
            quantity: typed
                .get(&format!("qty_{}", l.returnable.order_line_id))
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let swaps: Vec<(i64, i64)> = order
        .lines
        .iter()
        .filter_map(|l| {
            let id = l.returnable.order_line_id;
            let p = typed.get(&format!("swap_{id}"))?.trim().parse().ok()?;
            Some((id, p))
        })
        .collect();
    let mut line_errors: Vec<(i64, String)> = Vec::new();
    // Quantities are checked now too, so every mistake shows at once (the transaction checks
    // them again against fresh counts).
    let all: Vec<_> = order.lines.iter().map(|l| l.returnable.clone()).collect();
    if let Err(problems) = crate::domain::returns::chosen(&all, &wanted)
        && !errors.is_empty()
    {
        for p in problems {
            match p {
                RequestProblem::Quantity(line, left) => line_errors.push((
                    line,
                    locale.t_args("return-error-quantity", &[("left", left.to_string())]),
                )),
                RequestProblem::NothingChosen => {
                    errors.push(("lines", locale.t("return-error-nothing")))
                }
                _ => {}
            }
        }
        if !line_errors.is_empty() {
            errors.push(("lines", locale.t("return-error-lines")));
        }
    }
    if let (Some(kind), true) = (kind, errors.is_empty()) {
        let new = store::NewReturn {
            order: order.order.clone(),
            kind,
            reason,
            comment: comment.trim().to_string(),
            wanted,
            swaps,
            requested_by,
            now: chrono::Utc::now().naive_utc(),
        };
        let base = state.public_base_url();
        let (email, link_token) = (order.order.email.clone(), token.clone());
        // The request and its confirmation e-mail are written together.
        let created = db::run_write(&state.pool, move |c| {
            let created = store::create(c, &new)?;
            if let Ok(return_number) = &created {
                let link = format!("{base}{}", slip_url(return_number, &link_token));
                let mail =
                    crate::web::mail::Mail::return_received(locale, &email, return_number, &link);
                db::outbox::enqueue(c, &mail.to, &mail.subject, &mail.body)?;
            }
            Ok(created)
        })
        .await?;
        match created {
            Ok(return_number) => return Ok(see_other(slip_url(&return_number, &token))),
            Err(store::CreateProblem::NotShipped | store::CreateProblem::WindowClosed) => {
                errors.push(("lines", locale.t("return-error-window")));
            }
            Err(store::CreateProblem::Request(problems)) => {
                for p in problems {
                    match p {
                        RequestProblem::NothingChosen => {
                            errors.push(("lines", locale.t("return-error-nothing")))
                        }
                        RequestProblem::Quantity(line, left) => line_errors.push((
                            line,
                            locale.t_args("return-error-quantity", &[("left", left.to_string())]),
                        )),
                        RequestProblem::Variant(line) => {
                            line_errors.push((line, locale.t("return-error-variant")))
                        }
                        RequestProblem::Reason | RequestProblem::CommentTooLong => {}
                    }
                }
                if !line_errors.is_empty() {
                    errors.push(("lines", locale.t("return-error-lines")));
                }
            }
        }
    }
    // Fresh counts and variants, with what was typed kept.
    let order = order_for(&state, number, token).await?;
    let v = form_view(&order, &typed, errors, &line_errors, locale);
    Ok(crate::web::cache_control(
        render_form(ctx, v, StatusCode::UNPROCESSABLE_ENTITY)?,
        "private, no-store",
    ))
}

pub fn slip_url(return_number: &str, order_token: &str) -> String {
    format!(
        "/returns/{}?t={}",
        return_number,
        crate::web::url_encode(order_token)
    )
}

/// The return, if the token is its order's.
async fn return_for(
    state: &AppState,
    number: String,
    token: String,
) -> Result<store::ReturnDetail, AppError> {
    db::run(&state.pool, move |c| {
        Ok(store::by_number(c, &number)?.filter(|r| r.order.public_token == token))
    })
    .await?
    .ok_or(AppError::NotFound)
}

/// "Requested", "Refunded": a return status in the reader's language.
pub fn status_label(status: &str, locale: Locale) -> String {
    locale.t(&format!("return-status-{status}"))
}

/// `GET /returns/{number}?t=…`: the printable slip and where the return stands.
pub async fn slip(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token: String = query.into_inner().t.chars().take(64).collect();
    let r = return_for(&state, number.into_inner(), token).await?;
    let principal = Principal::of(&req).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let v = SlipView {
        number: r.number.clone(),
        order_number: r.order.number.clone(),
        order_url: crate::web::checkout::order_url(&r.order.number, &r.order.public_token),
        token: r.order.public_token.clone(),
        kind: locale.t(&format!("return-kind-{}", r.kind.code())),
        status: status_label(&r.status, locale),
        status_code: r.status.clone(),
        reason: reason_label(&r.reason, locale),
        comment: r.comment.clone(),
        staff_note: r.staff_note.clone(),
        created: locale.date(r.created_at),
        lines: r
            .lines
            .iter()
            .map(|l| SlipLineView {
                name: l.name.clone(),
                sku: l.sku.clone(),
                quantity: l.quantity,
                exchange: l.exchange.as_ref().map(|(_, n)| n.clone()),
                refund: money(l.refund_minor, locale),
            })
            .collect(),
        refund: money(r.refund_minor, locale),
        has_refund: r.refund_minor > 0,
        cancellable: r.status == "requested",
        sender: r.shipping_address.lines().map(str::to_string).collect(),
        return_address: RETURN_ADDRESS.iter().map(|s| s.to_string()).collect(),
    };
    Ok(crate::web::cache_control(
        render_slip(ctx, v, StatusCode::OK)?,
        "private, no-store",
    ))
}

/// `POST /returns/{number}/cancel` (`t`): withdraws a request that has not arrived yet.
pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token: String = form.into_inner().t.chars().take(64).collect();
    let r = return_for(&state, number.into_inner(), token.clone()).await?;
    let actor = Principal::of(&req).await?.user().map(|u| u.id);
    let now = chrono::Utc::now().naive_utc();
    let number = r.number.clone();
    let done = db::run_write(&state.pool, move |c| {
        store::act(
            c,
            &number,
            crate::domain::returns::Action::Cancel,
            "",
            None,
            actor,
            now,
        )
    })
    .await?;
    session::flash(
        &session,
        if done.is_ok() {
            "return-cancelled"
        } else {
            "return-cancel-too-late"
        },
    );
    Ok(see_other(slip_url(&r.number, &token)))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders/{number}/return", web::get().to(show_form))
        .route("/orders/{number}/return", web::post().to(submit))
        .route("/returns/{number}", web::get().to(slip))
        .route("/returns/{number}/cancel", web::post().to(cancel));
}
