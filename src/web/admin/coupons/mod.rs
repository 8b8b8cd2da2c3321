//! Coupon codes for administrators and catalog managers: `GET /admin/coupons` (search codes,
//! each with its kind, value, window, use count against its limit and state),
//! `GET /admin/coupons/new`, `POST /admin/coupons`, `GET|POST /admin/coupons/{id}`. A code is
//! unique; a coupon is switched off rather than deleted (orders name it). Every change is
//! audited. Checkout reads coupons afresh, so a change applies to the next order.

mod form;

pub use form::{create, edit, new, update};

use super::nav::{self, Choice, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::coupons::{self as store, Listed, Saved};
use crate::db::{self, audit};
use crate::domain::coupon_form::{self as rules, Input, KINDS, TIME_FORMAT};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/coupons";

pub struct RowView {
    pub id: i64,
    pub code: String,
    /// "12.5 % off", "SEK 100.00 off", "Free delivery".
    pub value: String,
    pub minimum: String,
    pub window: String,
    /// "3 of 100", "3 (no limit)".
    pub uses: String,
    pub state: String,
    pub state_code: &'static str,
}

#[derive(Template)]
#[template(path = "admin/coupons.html")]
pub struct CouponsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

fn money(minor: i64, ctx: &PageContext) -> String {
    Money::from_minor(minor, Currency::Sek).format(ctx.locale.code())
}

/// Where a coupon stands now: off, not yet, ended, used up, or usable.
fn state(c: &Listed, now: chrono::NaiveDateTime) -> &'static str {
    match c {
        c if !c.active => "off",
        c if c.starts_at.is_some_and(|s| s > now) => "scheduled",
        c if c.ends_at.is_some_and(|e| e <= now) => "ended",
        c if c.max_uses.is_some_and(|m| c.uses >= m) => "used-up",
        _ => "running",
    }
}

/// `GET /admin/coupons?q=&page=` (50 a page, newest first).
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state_: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let q: String = query.q.trim().chars().take(40).collect();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let part = q.to_uppercase();
    let (rows, more) = db::run(&state_.pool, move |c| store::page(c, &part, page - 1)).await?;
    let ctx = nav::staff_context(&req, &staff);
    let now = chrono::Utc::now().naive_utc();
    let when = |t| crate::web::b2b::demos::when_label(&state_, t, ctx.locale);
    let rows = rows
        .iter()
        .map(|c| {
            let st = state(c, now);
            RowView {
                id: c.id,
                code: c.code.clone(),
                value: match c.kind.as_str() {
                    "percent" => ctx.locale.t_args(
                        "coupon-value-percent",
                        &[(
                            "details",
                            (rust_decimal::Decimal::new(i64::from(c.value_bp), 2))
                                .normalize()
                                .to_string(),
                        )],
                    ),
                    "fixed" => ctx.locale.t_args(
                        "coupon-value-fixed",
                        &[("details", money(c.value_minor, &ctx))],
                    ),
                    _ => ctx.t("coupon-kind-free-delivery"),
                },
                minimum: if c.min_subtotal_minor > 0 {
                    money(c.min_subtotal_minor, &ctx)
                } else {
                    String::new()
                },
                window: match (c.starts_at, c.ends_at) {
                    (None, None) => ctx.t("coupon-always"),
                    (Some(s), None) => ctx.locale.t_args("promo-from", &[("time", when(s))]),
                    (None, Some(e)) => ctx.locale.t_args("coupon-until", &[("time", when(e))]),
                    (Some(s), Some(e)) => format!("{} – {}", when(s), when(e)),
                },
                uses: match c.max_uses {
                    Some(m) => ctx.locale.t_args(
                        "coupon-uses-of",
                        &[("count", c.uses.to_string()), ("details", m.to_string())],
                    ),
                    None => ctx
                        .locale
                        .t_args("coupon-uses-unlimited", &[("count", c.uses.to_string())]),
                },
                state: ctx.t(&format!("coupon-state-{st}")),
                state_code: st,
            }
        })
        .collect();
    let link = |p: i64| format!("{PATH}?q={}&page={p}", crate::web::url_encode(&q));
    let page = CouponsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        q,
        rows,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}
