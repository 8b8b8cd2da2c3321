//! Company accounts for administrators and sales reps: `GET /admin/companies` (search by name
//! or organisation number, filter by status, 50 a page) and each company at
//! `/admin/companies/{id}` (`company`): its details, credit, people and their roles and limits.
//! Prices and terms are on `/admin/prices/companies/{id}`; applications on
//! `/admin/applications`.

mod company;

pub use company::{company, member, update};

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db::{self, company_admin as store};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/companies";
const STATUSES: [&str; 4] = ["active", "suspended", "pending", "rejected"];

pub struct RowView {
    pub id: i64,
    pub name: String,
    pub org_no: String,
    pub industry: String,
    pub status: String,
    pub status_code: String,
    pub price_list: String,
    pub terms: String,
    pub credit_limit: String,
}

#[derive(Template)]
#[template(path = "admin/companies.html")]
pub struct CompaniesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub statuses: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    page: Option<i64>,
}

fn money(ctx: &PageContext, minor: i64) -> String {
    Money::from_minor(minor, Currency::Sek).format(ctx.locale.code())
}

/// `GET /admin/companies?q=&status=&page=`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let q: String = query.q.trim().chars().take(100).collect();
    let status = STATUSES.iter().copied().find(|s| *s == query.status);
    let filter_q = q.clone();
    let (rows, more) = db::run(&state.pool, move |c| {
        store::list(c, &filter_q, status, page - 1)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let statuses = nav::filter_options(&ctx, status, &STATUSES, |s| {
        ctx.t(&format!("company-status-{s}"))
    });
    let rows = rows
        .into_iter()
        .map(|r| RowView {
            id: r.id,
            name: r.name,
            org_no: r.org_no,
            industry: ctx.t(&format!("industry-{}", r.industry)),
            status: ctx.t(&format!("company-status-{}", r.status)),
            status_code: r.status,
            price_list: r.price_list.unwrap_or_else(|| ctx.t("prices-no-list")),
            terms: r.terms.unwrap_or_default(),
            credit_limit: money(&ctx, r.credit_limit_minor),
        })
        .collect();
    let (prev, next) = nav::page_links(PATH, status.unwrap_or_default(), &q, page, more);
    let page = CompaniesPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        q,
        statuses,
        rows,
        prev,
        next,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}
