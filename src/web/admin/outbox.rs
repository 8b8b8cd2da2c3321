//! `GET /admin/outbox?to=&page=`: the e-mails the shop has queued, newest first, 50 a page,
//! filterable by recipient.
//! Administrators and support agents.

use super::nav::{self, NavItem};
use crate::auth::StaffUser;
use crate::db;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/outbox";

pub struct MessageView {
    pub when: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub status: String,
    /// "2 attempts", once it was tried.
    pub attempts: Option<String>,
    pub last_error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
pub struct OutboxPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub to: String,
    pub messages: Vec<MessageView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub struct Filter {
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let filter = filter.into_inner();
    let to = filter.to.trim().to_lowercase();
    let page = filter.page.unwrap_or(1).clamp(1, 10_000);
    let wanted = (!to.is_empty()).then(|| to.clone());
    let (messages, more) = db::run(&state.pool, move |c| {
        db::outbox::page(c, wanted.as_deref(), page - 1)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let messages = messages
        .into_iter()
        .map(|m| MessageView {
            when: crate::web::b2b::demos::when_label(&state, m.created_at, ctx.locale),
            to: m.to_address,
            subject: m.subject,
            body: m.body_text,
            status: ctx.t(&format!("admin-outbox-status-{}", m.status)),
            attempts: (m.attempts > 0).then(|| {
                ctx.locale
                    .t_count("admin-outbox-attempts", m.attempts.into())
            }),
            last_error: m.last_error,
        })
        .collect();
    let link = |p: i64| format!("{PATH}?to={}&page={p}", crate::web::url_encode(&to));
    render(&OutboxPage {
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        nav: nav::menu(&ctx, staff.role, PATH),
        messages,
        to,
        ctx,
    })
}
