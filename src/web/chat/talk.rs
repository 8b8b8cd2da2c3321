//! An open conversation for the customer: `POST /chat/messages` (write), `POST /chat/close`
//! (end, with the transcript mailed) and `GET /chat/events` (the stream).

use super::page::{ChatView, conversation_view, respond};
use super::{Viewer, current, renderer, stream};
use crate::auth::Principal;
use crate::db::chat::{self as store, ChatRow, Writer};
use crate::db::{self};
use crate::domain::chat::{self as rules, Action, Side};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct WriteForm {
    #[serde(default)]
    body: String,
}

/// `POST /chat/messages` (`body`): the customer writes; everyone watching sees it at once.
pub async fn write(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<WriteForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let Some(chat) = current(&req, &state, &principal).await? else {
        return Ok(see_other("/chat"));
    };
    state.limits.chat_messages.check(&chat.token)?;
    let typed = form.into_inner().body;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let refusal = match (
        rules::check_message(&typed),
        rules::next(chat.status(), Side::Customer, Action::Write),
    ) {
        (_, Err(r)) => Err(locale.t(r.key())),
        (Err(p), _) => Err(super::problem_text(p, locale)),
        (Ok(body), Ok(_)) => {
            let (id, user) = (chat.id, chat.user_id);
            let now = chrono::Utc::now().naive_utc();
            match db::run_write(&state.pool, move |c| {
                store::write(c, id, Writer::Customer { user }, &body, now)
            })
            .await?
            {
                Some(m) => Ok(m),
                None => Err(locale.t(rules::Refusal::Closed.key())),
            }
        }
    };
    match refusal {
        Ok(m) => {
            state.chat.publish(m);
            state.chat.queue_changed();
            Ok(see_other("/chat"))
        }
        Err(e) => {
            let fresh = db::run(&state.pool, {
                let id = chat.id;
                move |c| store::by_id(c, id)
            })
            .await?
            .unwrap_or(chat);
            let v = ChatView {
                conversation: Some(conversation_view(&state, fresh, locale, typed, Some(e)).await?),
                start: None,
            };
            respond(ctx, v, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// `POST /chat/close`: the customer ends the chat; a transcript goes to their address.
pub async fn close(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let Some(chat) = current(&req, &state, &principal).await? else {
        return Ok(see_other("/chat"));
    };
    let author = chat.user_id;
    if let Some(m) = end(&state, chat, author, false).await? {
        state.chat.publish(m);
        state.chat.queue_changed();
    }
    Ok(see_other("/chat"))
}

/// Ends `chat` (once) and queues the transcript for the customer, in one transaction.
pub async fn end(
    state: &AppState,
    chat: ChatRow,
    author: Option<i64>,
    by_agent: bool,
) -> Result<Option<crate::db::chat::MessageRow>, AppError> {
    let tz = state.time_zone;
    let now = chrono::Utc::now().naive_utc();
    Ok(db::run_write(&state.pool, move |c| {
        let Some(event) = store::close(c, chat.id, author, by_agent, now)? else {
            return Ok(None);
        };
        if !chat.email.is_empty() {
            let locale =
                crate::i18n::Locale::parse(&chat.locale).unwrap_or(crate::i18n::Locale::Sv);
            let messages = store::messages_after(c, chat.id, 0)?;
            let text = super::transcript(&chat, &messages, tz, locale);
            Mail::chat_transcript(locale, &chat.email, &chat.name, &text).enqueue(c)?;
        }
        Ok(Some(event))
    })
    .await?)
}

/// `GET /chat/events?after=`: the conversation as it happens (Server-Sent Events).
pub async fn events(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<stream::AfterQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let Some(chat) = current(&req, &state, &principal).await? else {
        return Err(AppError::NotFound);
    };
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let after = stream::last_seen(&req, query.after);
    let watch = state.chat.watch(chat.id);
    let id = chat.id;
    let backlog = db::run(&state.pool, move |c| store::messages_after(c, id, after)).await?;
    let render = renderer(Viewer::Customer, state.time_zone, ctx.locale);
    Ok(stream::respond(stream::conversation(
        watch, backlog, after, render,
    )))
}
