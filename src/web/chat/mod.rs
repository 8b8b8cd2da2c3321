//! Live chat in the shop (either theme): `GET /chat` starts or shows this browser's
//! conversation, `POST /chat` starts one, `POST /chat/messages` writes, `POST /chat/close` ends
//! it, `GET /chat/events` streams it (Server-Sent Events). Without JavaScript the page is a
//! plain form that posts and shows the conversation; `static/shared/chat.js` opens the same
//! page in a panel on every storefront page and follows the stream. Agents answer in
//! `/admin/chats`.

pub mod hub;
pub mod page;
pub mod stream;
pub mod talk;

use crate::auth::{Principal, session};
use crate::db::chat::{ChatRow, MessageRow};
use crate::db::{self};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use actix_web::{HttpRequest, web};
use askama::Template;

/// One line of a conversation, ready to print.
pub struct LineView {
    pub id: i64,
    /// Written by whoever is reading.
    pub mine: bool,
    pub from_agent: bool,
    /// A step (an agent joined, the chat ended) rather than a message.
    pub event: bool,
    pub author: String,
    pub body: String,
    pub at: String,
    pub datetime: String,
}

/// One line on its own, for the event stream (the pages include the same template).
#[derive(Template)]
#[template(path = "shared/chat_line.html")]
pub struct LineFragment<'a> {
    pub l: &'a LineView,
}

/// Who is reading a conversation.
#[derive(Debug, Clone)]
pub enum Viewer {
    Customer,
    Agent { user: i64, customer: String },
}

/// The first word of a name ("Sam" of "Sam Support"): agents are shown by first name.
pub fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// A message as `viewer` reads it, with times on the shop's clock.
pub fn line_view(m: &MessageRow, viewer: &Viewer, tz: chrono_tz::Tz, locale: Locale) -> LineView {
    let agent_name = first_name(m.author.as_deref().unwrap_or_default());
    let mine = match viewer {
        Viewer::Customer => !m.from_agent,
        Viewer::Agent { user, .. } => m.from_agent && m.author_id == Some(*user),
    };
    let author = match (viewer, m.from_agent, mine) {
        (_, _, true) => locale.t("chat-you"),
        (_, true, false) => locale.t_args("chat-agent-name", &[("name", agent_name.clone())]),
        (Viewer::Agent { customer, .. }, false, false) => customer.clone(),
        (Viewer::Customer, false, false) => String::new(),
    };
    let body = match m.event.as_deref() {
        Some("taken") => locale.t_args("chat-event-taken", &[("name", agent_name)]),
        Some("closed") if m.body == "agent" => locale.t("chat-event-closed-agent"),
        Some("closed") => locale.t("chat-event-closed-customer"),
        Some("case") => locale.t_args("chat-event-case", &[("number", m.body.clone())]),
        Some(_) | None => m.body.clone(),
    };
    let local = m.created_at.and_utc().with_timezone(&tz);
    LineView {
        id: m.id,
        mine,
        from_agent: m.from_agent,
        event: m.event.is_some(),
        author,
        body,
        at: local.format("%H:%M").to_string(),
        datetime: m.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }
}

/// The conversation as plain text for an e-mail or a case: "[10:42] Ada:\nHello", steps left out.
pub fn transcript(
    chat: &ChatRow,
    messages: &[MessageRow],
    tz: chrono_tz::Tz,
    locale: Locale,
) -> String {
    messages
        .iter()
        .filter(|m| m.event.is_none())
        .map(|m| {
            let l = line_view(m, &Viewer::Customer, tz, locale);
            let who = if l.mine { chat.name.clone() } else { l.author };
            format!("[{}] {who}:\n{}", l.at, l.body)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A refused field's message in words, with the limit it names.
pub fn problem_text(p: crate::domain::chat::Problem, locale: Locale) -> String {
    use crate::domain::chat::{MESSAGE_MAX, NAME_MAX, Problem, SUBJECT_MAX};
    let limit = match p {
        Problem::MessageLong => MESSAGE_MAX,
        Problem::NameLong => NAME_MAX,
        Problem::SubjectLong => SUBJECT_MAX,
        _ => return locale.t(p.key()),
    };
    locale.t_args(p.key(), &[("count", limit.to_string())])
}

/// How a stream shows each message to `viewer`.
pub fn renderer(viewer: Viewer, tz: chrono_tz::Tz, locale: Locale) -> stream::Render {
    Box::new(move |m: &MessageRow| {
        let l = line_view(m, &viewer, tz, locale);
        LineFragment { l: &l }.render().unwrap_or_default()
    })
}

/// The conversation this request belongs to: the one whose token this browser's session holds
/// (unless it belongs to another account than the one signed in), else a signed-in person's
/// chat that has not ended.
pub async fn current(
    req: &HttpRequest,
    state: &AppState,
    principal: &Principal,
) -> Result<Option<ChatRow>, AppError> {
    let token = session::chat_token(&actix_session::SessionExt::get_session(req));
    let user = principal.user().map(|u| u.id);
    if token.is_none() && user.is_none() {
        return Ok(None);
    }
    Ok(db::run(&state.pool, move |c| {
        if let Some(chat) = crate::db::chat::by_token(c, token.as_deref().unwrap_or_default())?
            && (chat.user_id.is_none() || chat.user_id == user)
        {
            return Ok(Some(chat));
        }
        match user {
            Some(u) => crate::db::chat::open_for_user(c, u),
            None => Ok(None),
        }
    })
    .await?)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/chat")
            .route(web::get().to(page::show))
            .route(web::post().to(page::start)),
    )
    .route("/chat/messages", web::post().to(talk::write))
    .route("/chat/close", web::post().to(talk::close))
    .route("/chat/events", web::get().to(talk::events));
}
