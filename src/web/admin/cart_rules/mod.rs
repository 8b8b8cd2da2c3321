//! Automatic cart rules, for administrators and catalog managers: `GET /admin/cart-rules` (every
//! rule with what it covers, its window and state, in the order they apply),
//! `GET /admin/cart-rules/new`, `POST /admin/cart-rules`, `GET|POST /admin/cart-rules/{id}`.
//! Checked as a whole (`domain::cart_rule_form`), times on the shop's clock, switched off rather
//! than deleted (orders name the rules they used), audited; carts and checkout follow at once.

mod form;

use super::nav::{self, NavItem};
use super::products::category_tree;
use crate::auth::StaffUser;
use crate::db::{self, cart_rules as store};
use crate::domain::price_form::percent_text;
use crate::domain::promotions::{State, state};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
pub use form::{create, edit, new, update};

const PATH: &str = "/admin/cart-rules";

pub struct RuleView {
    pub id: i64,
    pub name: String,
    pub offer: String,
    pub covers: String,
    pub window: String,
    pub state_code: &'static str,
    pub state: String,
}

#[derive(Template)]
#[template(path = "admin/cart_rules.html")]
pub struct RulesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    /// Words searched for in the rules' names and what they cover.
    pub q: String,
    pub rows: Vec<RuleView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

/// Categories in tree order (id, depth, name) and brands (id, name).
type Scope = (Vec<(i64, usize, String)>, Vec<(i64, String)>);

async fn scope(state: &AppState) -> Result<Scope, AppError> {
    let (cats, brands) = db::run(&state.pool, |c| {
        Ok((db::category_admin::all(c)?, db::catalog::brands(c)?))
    })
    .await?;
    let all: Vec<(i64, Option<i64>, String)> = cats
        .into_iter()
        .map(|r| (r.id, r.parent_id, r.name))
        .collect();
    Ok((
        category_tree(&all),
        brands.into_iter().map(|b| (b.id, b.name)).collect(),
    ))
}

/// `GET /admin/cart-rules`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let rows = db::run(&state.pool, store::all).await?;
    let (categories, brands) = scope(&state).await?;
    let categories: Vec<(i64, String)> = categories.into_iter().map(|(id, _, n)| (id, n)).collect();
    let ctx = nav::staff_context(&req, &staff);
    let q: String = query.q.trim().chars().take(100).collect();
    let words = crate::domain::faq::words(&q);
    let now = chrono::Utc::now().naive_utc();
    let name_of = |all: &[(i64, String)], id: Option<i64>| {
        id.and_then(|id| all.iter().find(|(i, _)| *i == id))
            .map(|(_, n)| n.clone())
    };
    let local = |t: chrono::NaiveDateTime| state.to_local(t).format("%Y-%m-%d %H:%M").to_string();
    let rows = rows
        .into_iter()
        .map(|r| {
            let st = state_of(&r, now);
            let covers: Vec<String> = [
                name_of(&categories, r.category_id),
                name_of(&brands, r.brand_id),
            ]
            .into_iter()
            .flatten()
            .collect();
            RuleView {
                id: r.id,
                offer: match r.kind.as_str() {
                    "buy_x_pay_y" => ctx.locale.t_args(
                        "cart-rule-offer-bxpy",
                        &[
                            ("buy", r.buy_qty.unwrap_or(0).to_string()),
                            ("pay", r.pay_qty.unwrap_or(0).to_string()),
                        ],
                    ),
                    _ => ctx.locale.t_args(
                        "cart-rule-offer-percent",
                        &[("rate", percent_text(r.percent_bp.unwrap_or(0)))],
                    ),
                },
                covers: if covers.is_empty() {
                    ctx.t("cart-rule-whole-shop")
                } else {
                    covers.join(" · ")
                },
                window: format!(
                    "{} – {}",
                    r.starts_at.map(local).unwrap_or_default(),
                    r.ends_at.map(local).unwrap_or_default()
                ),
                state_code: st.code(),
                state: ctx.t(&format!("promo-state-{}", st.code())),
                name: r.name,
            }
        })
        // A shop has tens of rules: filtered here, by every word in the name or what it covers.
        .filter(|v: &RuleView| crate::domain::faq::matches(&words, &v.name, &v.covers))
        .collect();
    let (rows, prev, next) = nav::page_in_memory(rows, query.page, |n| {
        format!("{PATH}?q={}&page={n}", crate::web::url_encode(&q))
    });
    let page = RulesPage {
        prev,
        next,
        nav: nav::menu(&ctx, staff.role, PATH),
        rows,
        q,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

fn state_of(r: &store::Listed, now: chrono::NaiveDateTime) -> State {
    state(
        r.active,
        r.starts_at.unwrap_or(chrono::NaiveDateTime::MIN),
        r.ends_at,
        now,
    )
}
