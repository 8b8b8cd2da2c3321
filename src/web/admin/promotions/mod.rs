//! Promotions for administrators and catalog managers: `GET /admin/promotions` (filter by state,
//! search titles; `?at=&audience=` previews what the homes show at a moment, with the
//! storefront's own query), `GET /admin/promotions/new` and `POST /admin/promotions` to add one,
//! `GET|POST /admin/promotions/{id}` (`action` = save | delete) to change one. Times are typed
//! and shown on the shop's clock, stored in UTC. Every change is audited and clears the shared
//! page caches so the homes show it at once.

mod form;

pub use form::{create, edit, new, update};

use super::nav::{self, Choice, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::promotions::{self as store, PromotionRow, Saved};
use crate::db::{self, audit};
use crate::domain::promotions::{self as rules, AUDIENCES, Input, KINDS, State, TIME_FORMAT};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/promotions";

pub struct RowView {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub audience: String,
    /// "1 Mar 2026 08:00 – 31 Mar 2026 23:59 CET" / "from 1 Mar 2026 08:00 CET".
    pub window: String,
    pub priority: i32,
    pub state: String,
    pub state_code: &'static str,
}

/// A promotion as the home would show it, for the preview.
pub struct PreviewView {
    pub title: String,
    pub body: String,
    pub link_label: String,
}

#[derive(Template)]
#[template(path = "admin/promotions.html")]
pub struct PromotionsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub states: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub at: String,
    pub audiences: Vec<OptionView>,
    /// "What consumers see at 1 Mar 2026 08:00 CET".
    pub preview_title: String,
    pub preview: Vec<PreviewView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    page: Option<i64>,
}

fn label(ctx: &PageContext, prefix: &str, code: &str) -> String {
    ctx.t(&format!("{prefix}-{}", code.replace('_', "-")))
}

fn window(state: &AppState, ctx: &PageContext, r: &PromotionRow) -> String {
    let when = |t| crate::web::b2b::demos::when_label(state, t, ctx.locale);
    match r.ends_at {
        Some(end) => format!("{} – {}", when(r.starts_at), when(end)),
        None => ctx
            .locale
            .t_args("promo-from", &[("time", when(r.starts_at))]),
    }
}

/// The audiences a home asks for when `who` looks at it (as `web::b2c::home` and the B2B home do).
fn seen_by(who: &str) -> &'static [&'static str] {
    match who {
        "signed_in" => &["everyone", "consumers", "signed_in"],
        "companies" => &["everyone", "companies", "signed_in"],
        _ => &["everyone", "consumers"],
    }
}

/// `GET /admin/promotions?state=&q=&at=&audience=&page=` (50 a page; filtered in Rust, as the
/// state depends on the moment).
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let wanted = State::parse(&query.state);
    let q: String = query.q.trim().chars().take(100).collect();
    let now = chrono::Utc::now().naive_utc();
    // The preview's moment: typed on the shop's clock, else now.
    let at_local = chrono::NaiveDateTime::parse_from_str(query.at.trim(), TIME_FORMAT)
        .unwrap_or_else(|_| state.local_now());
    let at_utc = state.to_utc(at_local);
    let who = ["consumers", "signed_in", "companies"]
        .into_iter()
        .find(|a| *a == query.audience)
        .unwrap_or("consumers");
    let (rows, preview) = db::run(&state.pool, move |c| {
        Ok((
            store::all(c)?,
            crate::db::content::current_promotions(c, at_utc, seen_by(who))?,
        ))
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let needle = q.to_lowercase();
    let rows: Vec<RowView> = rows
        .iter()
        .filter(|r| needle.is_empty() || r.title.to_lowercase().contains(&needle))
        .filter_map(|r| {
            let st = rules::state(r.active, r.starts_at, r.ends_at, now);
            (wanted.is_none() || wanted == Some(st)).then(|| RowView {
                id: r.id,
                title: r.title.clone(),
                kind: label(&ctx, "promo-kind", &r.kind),
                audience: label(&ctx, "promo-audience", &r.audience),
                window: window(&state, &ctx, r),
                priority: r.priority,
                state: label(&ctx, "promo-state", st.code()),
                state_code: st.code(),
            })
        })
        .collect();
    let states = nav::filter_options(
        &ctx,
        wanted.map(State::code),
        &State::ALL.map(State::code),
        |s| label(&ctx, "promo-state", s),
    );
    let audiences = ["consumers", "signed_in", "companies"]
        .into_iter()
        .map(|a| OptionView {
            value: a.to_string(),
            label: label(&ctx, "promo-seen-by", a),
            selected: a == who,
        })
        .collect();
    let preview_title = ctx.locale.t_args(
        "promo-preview-title",
        &[
            ("audience", label(&ctx, "promo-seen-by", who)),
            (
                "time",
                crate::web::b2b::demos::when_label(&state, at_utc, ctx.locale),
            ),
        ],
    );
    let (rows, prev, next) = nav::page_in_memory(rows, query.page, |n| {
        format!(
            "{PATH}?state={}&q={}&at={}&audience={who}&page={n}",
            wanted.map_or("", State::code),
            crate::web::url_encode(&q),
            crate::web::url_encode(&at_local.format(TIME_FORMAT).to_string()),
        )
    });
    let page = PromotionsPage {
        prev,
        next,
        nav: nav::menu(&ctx, staff.role, PATH),
        q,
        states,
        rows,
        at: at_local.format(TIME_FORMAT).to_string(),
        audiences,
        preview_title,
        preview: preview
            .into_iter()
            .map(|p| PreviewView {
                title: p.title,
                body: p.body,
                link_label: p.link_label,
            })
            .collect(),
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}
