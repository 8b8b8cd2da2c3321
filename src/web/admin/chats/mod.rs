//! Live chats for support agents and administrators: `GET /admin/chats` (waiting chats oldest
//! first, active ones, those ended in the last 24 hours), kept current by `GET
//! /admin/chats/events` (Server-Sent Events; without JavaScript a Refresh link). One chat:
//! `chat.rs`.

mod chat;

use super::nav::{self, NavItem};
use crate::auth::StaffUser;
use crate::db::chat::{self as store, ChatRow, MessageRow};
use crate::db::{self};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::chat::stream;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

const PATH: &str = "/admin/chats";

/// A line of the queue.
pub struct RowView {
    pub id: i64,
    pub customer: String,
    pub company: Option<String>,
    pub email: String,
    pub order: Option<String>,
    pub started: String,
    /// "waiting 4 minutes" / "ended 10:42".
    pub since: String,
    pub agent: String,
    pub mine: bool,
    pub latest: String,
}

#[derive(Template)]
#[template(path = "admin/chats.html")]
pub struct ChatsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub waiting_title: String,
    pub waiting: Vec<RowView>,
    pub active: Vec<RowView>,
    pub ended: Vec<RowView>,
}

fn preview(text: &str) -> String {
    let short: String = text.chars().take(120).collect();
    if short.chars().count() < text.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}

fn row_view(
    chat: &ChatRow,
    latest: &[MessageRow],
    me: i64,
    since: String,
    state: &AppState,
) -> RowView {
    RowView {
        id: chat.id,
        customer: chat.name.clone(),
        company: chat.company.clone(),
        email: chat.email.clone(),
        order: chat.order_number.clone(),
        started: state.to_local(chat.created_at).format("%H:%M").to_string(),
        since,
        agent: chat
            .agent
            .as_deref()
            .map(crate::web::chat::first_name)
            .unwrap_or_default(),
        mine: chat.agent_user_id == Some(me),
        latest: latest
            .iter()
            .find(|m| m.conversation_id == chat.id)
            .map(|m| preview(&m.body))
            .unwrap_or_default(),
    }
}

/// `GET /admin/chats`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let now = chrono::Utc::now().naive_utc();
    let since = now - chrono::Duration::hours(24);
    let q = db::run(&state.pool, move |c| store::queue(c, since)).await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let me = staff.user.id;
    let waited = |chat: &ChatRow| {
        locale.t_args(
            "admin-chat-waiting-for",
            &[(
                "time",
                crate::web::cases::span(now - chat.created_at, locale),
            )],
        )
    };
    let page = ChatsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        waiting_title: locale.t_count("admin-chats-waiting", q.waiting.len() as i64),
        waiting: q
            .waiting
            .iter()
            .map(|c| row_view(c, &q.latest, me, waited(c), &state))
            .collect(),
        active: q
            .active
            .iter()
            .map(|c| row_view(c, &q.latest, me, String::new(), &state))
            .collect(),
        ended: q
            .ended
            .iter()
            .map(|c| {
                let ended = c
                    .closed_at
                    .map(|t| state.to_local(t).format("%H:%M").to_string())
                    .unwrap_or_default();
                row_view(c, &q.latest, me, ended, &state)
            })
            .collect(),
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// `GET /admin/chats/events`: an event whenever the queue changed.
pub async fn events(
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    Ok(stream::respond(stream::queue(state.chat.watch_queue())))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(list))
        .route("/admin/chats/events", web::get().to(events))
        .service(
            web::resource("/admin/chats/{id}")
                .route(web::get().to(chat::show))
                .route(web::post().to(chat::act)),
        )
        .route("/admin/chats/{id}/events", web::get().to(chat::events));
}
