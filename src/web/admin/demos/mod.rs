//! Live demo requests for sales representatives and administrators: `GET /admin/demos` (those
//! waiting to be scheduled first, then by their time; filter by status, search by number,
//! company or topic), `GET /admin/demos/{number}`, and `POST /admin/demos/{number}` with
//! `action` = schedule (`scheduled_at` on the shop's clock, `format`, `meeting_details`) |
//! hold | cancel (`reason`). Every move is audited; the buyer is e-mailed.

mod demo;

pub use demo::{act, show};

use super::nav::{self, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, demos::Changes};
use crate::domain::demos::{self, Action, Format, ScheduleInput, Status, next};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::b2b::demos::{Choice, format_label, preferred_label, status_label, when_label};
use crate::web::mail::Mail;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/demos";
const PER_PAGE: i64 = 50;

pub struct RowView {
    pub number: String,
    pub company: String,
    pub topic: String,
    pub status: String,
    pub preferred: String,
    pub when: String,
    pub waiting: bool,
}

#[derive(Template)]
#[template(path = "admin/demos.html")]
pub struct DemosPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub statuses: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// `GET /admin/demos`.
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
        db::demos::inbox(c, status, &search, page, PER_PAGE)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let (prev, next) = nav::page_links(PATH, status.map_or("", Status::code), &q, page, more);
    let codes: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    let statuses = nav::filter_options(&ctx, status.map(Status::code), &codes, |s| {
        locale.t(&format!("demo-status-{s}"))
    });
    render(&DemosPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows: rows
            .into_iter()
            .map(|d| RowView {
                status: status_label(d.status(), locale),
                waiting: d.status() == Status::Requested,
                preferred: preferred_label(&d, locale),
                when: d
                    .scheduled_at
                    .filter(|_| d.status() != Status::Requested)
                    .map(|t| when_label(&state, t, locale))
                    .unwrap_or_default(),
                company: d.company,
                topic: d.topic,
                number: d.number,
            })
            .collect(),
        prev,
        next,
        statuses,
        q: q.clone(),
        ctx,
    })
}
