//! Articles for staff (administrators, catalog managers, sales reps): buying guides, product blog
//! posts, case studies, demo pages and the targeted blocks on the business home.
//! `GET /admin/content` (filter by kind and state, search titles, paginated),
//! `GET /admin/content/new?kind=`, `POST /admin/content`, `GET|POST /admin/content/{id}`
//! (`action` = save | preview | delete). Bodies are Markdown, previewed on the server and shown
//! sanitised (`domain::markdown`); every change is audited and the shops follow at once.

mod form;
mod save;

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db::{self, content_admin as store};
use crate::domain::content_form::{KINDS, state_of};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
pub use form::{edit, new};
pub use save::{create, update};
use serde::Deserialize;

const PATH: &str = "/admin/content";
const PER_PAGE: i64 = 50;
const STATES: [&str; 3] = ["draft", "scheduled", "published"];

pub struct RowView {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub aimed_at: String,
    pub product: String,
    pub state_code: &'static str,
    pub state: String,
    pub when: String,
    /// The page readers open (none for a block or a draft).
    pub link: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/content_list.html")]
pub struct ContentListPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub kinds: Vec<OptionView>,
    pub states: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

/// "Buying guide", "Case study", … for a kind code.
pub fn kind_label(ctx: &PageContext, kind: &str) -> String {
    ctx.t(&format!("content-kind-{}", kind.replace('_', "-")))
}

/// Who a piece is aimed at: audience, then industry and role when set.
fn aimed_at(ctx: &PageContext, r: &store::Row) -> String {
    let mut parts = vec![ctx.t(&format!("admin-faq-audience-{}", r.audience))];
    if let Some(i) = &r.industry {
        parts.push(ctx.t(&format!("industry-{i}")));
    }
    if let Some(role) = &r.role {
        parts.push(ctx.t(&format!("content-role-{role}")));
    }
    parts.join(" · ")
}

/// `GET /admin/content`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let kind = KINDS.iter().find(|k| **k == query.kind).copied();
    let st = STATES.iter().find(|s| **s == query.state).copied();
    let q: String = query.q.trim().chars().take(100).collect();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let now = chrono::Utc::now().naive_utc();
    let filter = store::Filter {
        kind,
        state: st,
        query: q.clone(),
    };
    let (rows, more) = db::run(&state.pool, move |c| {
        store::list(c, &filter, now, page, PER_PAGE)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let local = |t: chrono::NaiveDateTime| state.to_local(t).format("%Y-%m-%d %H:%M").to_string();
    let rows = rows
        .into_iter()
        .map(|r| {
            let code = state_of(r.published_at, now);
            RowView {
                kind: kind_label(&ctx, &r.kind),
                aimed_at: aimed_at(&ctx, &r),
                product: r.product_sku.clone().unwrap_or_default(),
                state: ctx.t(&format!("content-state-{code}")),
                when: r.published_at.map(local).unwrap_or_default(),
                link: (code == "published" && r.kind != "block")
                    .then(|| format!("/content/{}", r.slug)),
                state_code: code,
                id: r.id,
                title: r.title,
            }
        })
        .collect();
    let link = |p: i64| {
        format!(
            "{PATH}?kind={}&state={}&q={}&page={p}",
            kind.unwrap_or_default(),
            st.unwrap_or_default(),
            crate::web::url_encode(&q)
        )
    };
    let (prev, next) = (
        (page > 1).then(|| link(page - 1)),
        more.then(|| link(page + 1)),
    );
    render(&ContentListPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        kinds: nav::filter_options(&ctx, kind, &KINDS, |k| kind_label(&ctx, k)),
        states: nav::filter_options(&ctx, st, &STATES, |s| ctx.t(&format!("content-state-{s}"))),
        rows,
        prev,
        next,
        q,
        ctx,
    })
}
