//! "Book a live demo" in the portal: `/b2b/demos/new` (from the home's demos or a demo page,
//! `?demo={slug}`) asks for one, `/b2b/demos` lists the company's requests (a buyer their own;
//! approvers and admins all) and `/b2b/demos/{number}` shows one with its time and meeting
//! details once a sales representative has scheduled it, where the requester or a company admin
//! withdraws it. Another company's request is 404.

mod one;
mod request;

pub use one::{show, withdraw};
pub use request::{create, new};

use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, demos::DemoRow};
use crate::domain::accounts::CompanyRole;
use crate::domain::demos::{
    self, AHEAD_MAX_DAYS, Action, Format, RequestInput, Status, TimeOfDay, next,
};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, render, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

pub const PATH: &str = "/b2b/demos";

/// Who sees every request of the company (not only their own).
fn sees_all(role: CompanyRole) -> bool {
    matches!(role, CompanyRole::Approver | CompanyRole::Admin)
}

/// A request's status in words.
pub fn status_label(status: Status, locale: Locale) -> String {
    locale.t(&format!("demo-status-{}", status.code()))
}

/// "Mon 7 Dec 2026, morning".
pub fn preferred_label(d: &DemoRow, locale: Locale) -> String {
    format!(
        "{}, {}",
        locale.date(d.preferred_date.and_time(chrono::NaiveTime::MIN)),
        locale.t(&format!("demo-time-{}", d.time_of_day().code()))
    )
}

pub fn format_label(f: Format, locale: Locale) -> String {
    locale.t(&format!("demo-format-{}", f.code().replace('_', "-")))
}

/// A scheduled time on the shop's clock, with its zone ("7 Dec 2026 10:30 CET").
pub fn when_label(state: &AppState, utc: chrono::NaiveDateTime, locale: Locale) -> String {
    let local = utc.and_utc().with_timezone(&state.time_zone);
    format!(
        "{} {}",
        locale.date(local.naive_local()),
        local.format("%H:%M %Z")
    )
}

/// One choice of a radio group.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
    current: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|t| Choice {
            value: code(*t),
            label: label(*t),
            checked: code(*t) == current,
        })
        .collect()
}

pub struct DemoRowView {
    pub number: String,
    pub url: String,
    pub topic: String,
    pub requester: String,
    pub preferred: String,
    pub when: String,
    pub status: String,
    pub status_code: &'static str,
}

#[derive(Template)]
#[template(path = "b2b/demos.html")]
pub struct DemosPage {
    pub ctx: PageContext,
    pub rows: Vec<DemoRowView>,
}

/// `GET /b2b/demos`.
pub async fn index(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let (company, me) = (member.company.id, member.user.id);
    let only = (!sees_all(member.role)).then_some(me);
    let rows = db::run(&state.pool, move |c| {
        db::demos::for_company(c, company, only)
    })
    .await?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let rows = rows
        .into_iter()
        .map(|d| DemoRowView {
            url: format!("{PATH}/{}", d.number),
            preferred: preferred_label(&d, locale),
            when: d
                .scheduled_at
                .filter(|_| d.status() != Status::Requested)
                .map(|t| when_label(&state, t, locale))
                .unwrap_or_default(),
            status: status_label(d.status(), locale),
            status_code: d.status().code(),
            requester: d.requester,
            topic: d.topic,
            number: d.number,
        })
        .collect();
    Ok(crate::web::cache_control(
        render(&DemosPage { ctx, rows })?,
        "no-store",
    ))
}

/// The published demo page `slug`, if any: (id, slug, title).
async fn demo_page(
    state: &AppState,
    slug: &str,
) -> Result<Option<(i64, String, String)>, AppError> {
    let Some(slug) = crate::domain::catalog::Slug::parse(slug.trim()) else {
        return Ok(None);
    };
    let now = chrono::Utc::now().naive_utc();
    Ok(db::run(&state.pool, move |c| {
        db::demos::demo_page(c, slug.as_str(), now)
    })
    .await?)
}
