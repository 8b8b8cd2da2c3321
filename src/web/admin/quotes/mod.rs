//! The quotes inbox for sales representatives and administrators: `GET /admin/quotes` (those
//! waiting for the shop first; filter by status, search by number or company), the quote page
//! `GET /admin/quotes/{number}` with the company's own price for each line as a reference, and
//! `POST /admin/quotes/{number}` with `action` = offer (a unit price `price_{line}` per line and
//! `valid_until`) | decline | message, and `message`. Every move is audited; the buyer is
//! e-mailed.

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db;
use crate::domain::quotes::Status;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::b2b::quotes::{money, status_label};
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

mod quote;
pub use quote::{answer, show};

const PATH: &str = "/admin/quotes";
const PER_PAGE: i64 = 50;
/// How long an offer is valid unless the representative says otherwise.
const DEFAULT_VALID_DAYS: i64 = 30;

pub struct RowView {
    pub number: String,
    pub company: String,
    pub requester: String,
    pub status: String,
    pub updated: String,
    pub total: String,
    pub waiting: bool,
}

#[derive(Template)]
#[template(path = "admin/quotes.html")]
pub struct QuotesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub statuses: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// `GET /admin/quotes`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<nav::StatusListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let status = Status::parse(&query.status);
    let (q, page) = (query.search(), query.page());
    let search = q.clone();
    let (rows, more) = db::run(&state.pool, move |c| {
        db::quotes::inbox(c, status, &search, page, PER_PAGE)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let (prev, next) = nav::page_links(PATH, status.map_or("", Status::code), &q, page, more);
    let codes: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    let statuses = nav::filter_options(&ctx, status.map(Status::code), &codes, |s| {
        locale.t(&format!("quote-status-{s}"))
    });
    render(&QuotesPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows: rows
            .into_iter()
            .map(|r| RowView {
                status: status_label(&r, locale),
                waiting: r.status().waits_for_shop(),
                updated: r.updated_at.format("%Y-%m-%d %H:%M").to_string(),
                total: r.total_minor.map(|m| money(m, locale)).unwrap_or_default(),
                company: r.company,
                requester: r.requester,
                number: r.number,
            })
            .collect(),
        prev,
        next,
        statuses,
        q: q.clone(),
        ctx,
    })
}
