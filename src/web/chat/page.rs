//! `GET /chat` (the start form, or the conversation) and `POST /chat` (start). Writing, ending
//! and the stream: `talk.rs`.

use super::{LineView, Viewer, current, line_view};
use crate::auth::{Principal, session};
use crate::db::chat::{self as store, ChatRow};
use crate::db::{self};
use crate::domain::chat::{self as rules, Starter, Status};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, Theme, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// A choice of order the chat is about.
pub struct OrderOption {
    pub number: String,
    pub label: String,
    pub selected: bool,
}

/// The form that starts a chat, with what was typed and what was wrong with it.
pub struct StartForm {
    pub guest: bool,
    pub name: String,
    pub email: String,
    pub body: String,
    pub orders: Vec<OrderOption>,
    /// (number, token) of the order whose page the customer came from.
    pub from_order: Option<(String, String)>,
    pub errors: Vec<(&'static str, String)>,
    /// "2 people are waiting" / "An agent can answer you now".
    pub queue_note: String,
}

impl StartForm {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }
}

/// A conversation as the customer reads it.
pub struct ConversationView {
    pub status_code: &'static str,
    /// "You are number 2 in the queue…", "You are chatting with Sam", "This chat has ended".
    pub status_text: String,
    pub lines: Vec<LineView>,
    pub last_id: i64,
    pub closed: bool,
    pub body: String,
    pub body_error: Option<String>,
    /// (url, number) of the order it is about.
    pub order: Option<(String, String)>,
    /// (url, number) of the case it became.
    pub case: Option<(String, String)>,
}

pub struct ChatView {
    pub conversation: Option<ConversationView>,
    pub start: Option<StartForm>,
}

storefront_page!(
    chat_pages,
    render_chat,
    ChatView,
    "b2c/chat.html",
    "b2b/chat.html"
);

/// The chat page in the reader's theme; personal, so never cached.
pub(super) fn respond(
    ctx: PageContext,
    v: ChatView,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    Ok(crate::web::cache_control(
        render_chat(ctx, v, status)?,
        "private, no-store",
    ))
}

pub(super) async fn conversation_view(
    state: &AppState,
    chat: ChatRow,
    locale: crate::i18n::Locale,
    body: String,
    body_error: Option<String>,
) -> Result<ConversationView, AppError> {
    let id = chat.id;
    let for_db = chat.clone();
    let (messages, before) = db::run(&state.pool, move |c| {
        let before = if for_db.status() == Status::Waiting {
            store::waiting_before(c, &for_db)?
        } else {
            0
        };
        Ok((store::messages_after(c, id, 0)?, before))
    })
    .await?;
    let status = chat.status();
    let status_text = match status {
        Status::Waiting => locale.t_args(
            "chat-status-waiting",
            &[("position", rules::queue_position(before).to_string())],
        ),
        Status::Active => locale.t_args(
            "chat-status-active",
            &[(
                "name",
                super::first_name(chat.agent.as_deref().unwrap_or_default()),
            )],
        ),
        Status::Closed => locale.t("chat-status-closed"),
    };
    let lines: Vec<LineView> = messages
        .iter()
        .map(|m| line_view(m, &Viewer::Customer, state.time_zone, locale))
        .collect();
    Ok(ConversationView {
        status_code: status.code(),
        status_text,
        last_id: lines.last().map_or(0, |l| l.id),
        lines,
        closed: status == Status::Closed,
        body,
        body_error,
        order: chat
            .order_number
            .clone()
            .zip(chat.order_token.clone())
            .map(|(n, t)| (crate::web::checkout::order_url(&n, &t), n)),
        case: chat
            .case_number
            .clone()
            .zip(chat.case_token.clone())
            .map(|(n, t)| (crate::web::cases::case_url(&n, &t), n)),
    })
}

async fn start_form(
    state: &AppState,
    principal: &Principal,
    locale: crate::i18n::Locale,
    typed: &StartTyped,
    errors: Vec<(&'static str, String)>,
) -> Result<StartForm, AppError> {
    let user = principal.user().map(|u| u.id);
    let company = company_of(principal);
    let (number, token) = (typed.order.trim().to_string(), typed.t.trim().to_string());
    let (orders, waiting, from_order) = db::run(&state.pool, move |c| {
        let orders = match user {
            Some(u) => store::recent_orders(c, u, company)?,
            None => Vec::new(),
        };
        let from_order = if token.is_empty() || number.is_empty() {
            None
        } else {
            store::order_for_chat(c, &number, &token, None, None)?.map(|_| (number, token))
        };
        Ok((orders, store::waiting_count(c)?, from_order))
    })
    .await?;
    let chosen = typed.order.trim();
    Ok(StartForm {
        guest: user.is_none(),
        name: typed.name.clone(),
        email: typed.email.clone(),
        body: typed.body.clone(),
        orders: orders
            .into_iter()
            .map(|(number, placed)| OrderOption {
                selected: number == chosen,
                label: format!("{number} · {}", locale.date(placed)),
                number,
            })
            .collect(),
        from_order,
        errors,
        queue_note: if waiting == 0 {
            locale.t("chat-queue-empty")
        } else {
            locale.t_count("chat-queue-count", waiting)
        },
    })
}

fn company_of(principal: &Principal) -> Option<i64> {
    match principal {
        Principal::CompanyUser { company, .. } => Some(company.id),
        _ => None,
    }
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    new: String,
    #[serde(default)]
    order: String,
    #[serde(default)]
    t: String,
}

/// `GET /chat?new=1&order=&t=`: this browser's conversation, or the form to start one (also
/// after a chat ended and `new=1`). From an order's page, `order` and its link token `t` tie
/// the chat to that order.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let chat = current(&req, &state, &principal).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let wants_new = query.new == "1";
    let v = match chat {
        Some(chat) if !(wants_new && chat.status() == Status::Closed) => ChatView {
            conversation: Some(conversation_view(&state, chat, locale, String::new(), None).await?),
            start: None,
        },
        _ => {
            let typed = StartTyped {
                order: query.order.chars().take(40).collect(),
                t: query.t.chars().take(64).collect(),
                ..StartTyped::default()
            };
            ChatView {
                conversation: None,
                start: Some(start_form(&state, &ctx.principal, locale, &typed, Vec::new()).await?),
            }
        }
    };
    respond(ctx, v, StatusCode::OK)
}

/// The start form as posted.
#[derive(Deserialize, Default)]
pub struct StartTyped {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    order: String,
    /// The order link's token, when started from an order's page.
    #[serde(default)]
    t: String,
    #[serde(default)]
    body: String,
}

/// `POST /chat` (`name`, `email` for guests; `order` and `t` optional; `body`): starts a chat
/// and tells the agents' queue.
pub async fn start(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<StartTyped>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .chat_start_ip
        .check(&crate::web::client_ip(&req))?;
    let typed = form.into_inner();
    let principal = Principal::of(&req).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let user = ctx.principal.user().cloned();
    let company = company_of(&ctx.principal);
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let checked = rules::check_start(user.is_some(), &typed.name, &typed.email, &typed.body)
        .map_err(|problems| {
            for p in problems {
                errors.push((p.field(), super::problem_text(p, locale)));
            }
        });
    let order_id = if typed.order.trim().is_empty() {
        None
    } else {
        let (number, token) = (typed.order.trim().to_string(), typed.t.trim().to_string());
        let uid = user.as_ref().map(|u| u.id);
        let found = db::run(&state.pool, move |c| {
            store::order_for_chat(c, &number, &token, uid, company)
        })
        .await?;
        if found.is_none() {
            errors.push(("order", locale.t("chat-order-unknown")));
        }
        found
    };
    let Ok(start) = checked else {
        return refused_start(&state, ctx, &typed, errors).await;
    };
    if !errors.is_empty() {
        return refused_start(&state, ctx, &typed, errors).await;
    }
    let (name, email) = match (start.starter, &user) {
        (Starter::Guest { name, email }, _) => (name, email.as_str().to_string()),
        (Starter::SignedIn, Some(u)) => (u.name.clone(), u.email.clone()),
        (Starter::SignedIn, None) => return Err(AppError::internal("signed in without a user")),
    };
    let new = store::NewChat {
        user_id: user.as_ref().map(|u| u.id),
        company_id: company,
        order_id,
        name,
        email,
        locale: locale.code().to_string(),
        message: start.message,
        now: chrono::Utc::now().naive_utc(),
    };
    let (chat, first) = db::run_write(&state.pool, move |c| store::start(c, &new)).await?;
    session::set_chat_token(&actix_session::SessionExt::get_session(&req), &chat.token)
        .map_err(AppError::Internal)?;
    state.chat.publish(first);
    state.chat.queue_changed();
    Ok(see_other("/chat"))
}

async fn refused_start(
    state: &AppState,
    ctx: PageContext,
    typed: &StartTyped,
    errors: Vec<(&'static str, String)>,
) -> Result<HttpResponse, AppError> {
    let form = start_form(state, &ctx.principal, ctx.locale, typed, errors).await?;
    let v = ChatView {
        conversation: None,
        start: Some(form),
    };
    respond(ctx, v, StatusCode::UNPROCESSABLE_ENTITY)
}
