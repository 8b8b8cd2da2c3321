//! One live chat for an agent: `GET /admin/chats/{id}` (who it is, the order, the
//! conversation), `POST /admin/chats/{id}` with `action` = take | write | close | case, and `GET
//! /admin/chats/{id}/events` (the conversation as it happens). Taking, ending and turning a chat
//! into a case are audited.

use super::{PATH, nav};
use crate::auth::StaffUser;
use crate::db::audit;
use crate::db::chat::{self as store, ChatRow, Writer};
use crate::db::{self, cases as case_store};
use crate::domain::cases::KINDS;
use crate::domain::chat::{self as rules, Action, Side, Status};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::nav::{NavItem, OptionView};
use crate::web::chat::{LineView, Viewer, line_view, renderer, stream, talk::end};
use crate::web::mail::Mail;
use crate::web::{PageContext, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

pub struct AgentChatView {
    pub id: i64,
    pub status_code: &'static str,
    pub status: String,
    pub customer: String,
    pub email: String,
    pub guest: bool,
    pub company: Option<String>,
    pub order: Option<String>,
    pub case: Option<String>,
    pub started: String,
    pub lines: Vec<LineView>,
    pub last_id: i64,
    /// "Take this chat" / "Take over from Sam", when the agent may.
    pub take: Option<String>,
    /// Who has it now (0: nobody), sent back with Take.
    pub seen: i64,
    pub can_write: bool,
    pub closed: bool,
    pub body: String,
    pub kinds: Vec<OptionView>,
    pub subject: String,
    pub errors: Vec<(&'static str, String)>,
}

impl AgentChatView {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }
}

#[derive(Template)]
#[template(path = "admin/chat.html")]
pub struct ChatPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub v: AgentChatView,
}

/// The language a staff member reads in (for what is composed outside a page).
fn staff_locale(req: &HttpRequest, staff: &StaffUser, state: &AppState) -> crate::i18n::Locale {
    crate::web::context::request_locale(
        req,
        &crate::auth::Principal::Staff {
            user: staff.user.clone(),
            role: staff.role,
        },
        state.default_locale,
    )
}

async fn load(state: &AppState, id: i64) -> Result<ChatRow, AppError> {
    db::run(&state.pool, move |c| store::by_id(c, id))
        .await?
        .ok_or(AppError::NotFound)
}

/// What was typed, kept on a refused form.
#[derive(Deserialize, Default)]
pub struct ActForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    subject: String,
    /// Who had the chat when the agent pressed Take (0: nobody): a take is refused if that
    /// changed meanwhile, so "take" never becomes "take over" by accident.
    #[serde(default)]
    seen: String,
}

async fn page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    chat: ChatRow,
    typed: &ActForm,
    errors: Vec<(&'static str, String)>,
) -> Result<HttpResponse, AppError> {
    let id = chat.id;
    let messages = db::run(&state.pool, move |c| store::messages_after(c, id, 0)).await?;
    let ctx = nav::staff_context(req, staff);
    let locale = ctx.locale;
    let me = staff.user.id;
    let viewer = Viewer::Agent {
        user: me,
        customer: chat.name.clone(),
    };
    let lines: Vec<LineView> = messages
        .iter()
        .map(|m| line_view(m, &viewer, state.time_zone, locale))
        .collect();
    let status = chat.status();
    let assigned = chat.agent_user_id == Some(me);
    let agent = chat
        .agent
        .as_deref()
        .map(crate::web::chat::first_name)
        .unwrap_or_default();
    let take = rules::next(status, Side::Agent { assigned }, Action::Take)
        .ok()
        .map(|_| match status {
            Status::Active => locale.t_args("admin-chat-take-over", &[("name", agent.clone())]),
            _ => locale.t("admin-chat-take"),
        });
    let status_text = match status {
        Status::Waiting => locale.t("admin-chat-status-waiting"),
        Status::Active if assigned => locale.t("admin-chat-status-yours"),
        Status::Active => locale.t_args("admin-chat-status-active", &[("name", agent.clone())]),
        Status::Closed => locale.t("admin-chat-status-closed"),
    };
    let v = AgentChatView {
        id: chat.id,
        status_code: status.code(),
        status: status_text,
        customer: chat.name.clone(),
        email: chat.email.clone(),
        guest: chat.user_id.is_none(),
        company: chat.company.clone(),
        order: chat.order_number.clone(),
        case: chat.case_number.clone(),
        started: crate::web::cases::stamp(state, chat.created_at, locale),
        last_id: lines.last().map_or(0, |l| l.id),
        lines,
        take,
        seen: chat.agent_user_id.unwrap_or(0),
        can_write: rules::next(status, Side::Agent { assigned }, Action::Write).is_ok(),
        closed: status == Status::Closed,
        body: typed.body.clone(),
        kinds: KINDS
            .iter()
            .map(|k| OptionView {
                value: k.to_string(),
                label: crate::web::cases::kind_label(k, locale),
                selected: *k == typed.kind,
            })
            .collect(),
        subject: typed.subject.clone(),
        errors,
    };
    let code = if v.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ChatPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        ctx,
        v,
    };
    Ok(crate::web::cache_control(
        render_status(&page, code)?,
        "private, no-store",
    ))
}

/// `GET /admin/chats/{id}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let chat = load(&state, id.into_inner()).await?;
    page(&req, &staff, &state, chat, &ActForm::default(), Vec::new()).await
}

/// `POST /admin/chats/{id}` (`action` = take | write (`body`) | close | case (`kind`,
/// `subject`)). A refused step shows the page again with the reason and what was typed.
pub async fn act(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let chat = load(&state, id.into_inner()).await?;
    let typed = form.into_inner();
    let locale = staff_locale(&req, &staff, &state);
    let me = staff.user.id;
    let assigned = chat.agent_user_id == Some(me);
    let side = Side::Agent { assigned };
    let now = chrono::Utc::now().naive_utc();
    let refuse = |field: &'static str, key: &str| vec![(field, locale.t(key))];
    let (cid, status, previous) = (chat.id, chat.status(), chat.agent_user_id);
    let errors = match typed.action.as_str() {
        "take" => match rules::next(status, side, Action::Take) {
            Err(r) => refuse("action", r.key()),
            Ok(_) if typed.seen.trim().parse::<i64>().ok() != Some(previous.unwrap_or(0)) => {
                refuse("action", "admin-chat-moved")
            }
            Ok(_) => {
                let from_agent = (status == Status::Active).then_some(previous).flatten();
                let taken = db::run_write(&state.pool, move |c| {
                    let event = store::take(c, cid, me, status, from_agent, now)?;
                    if event.is_some() {
                        audit::log(c, Some(me), "chat_take", "chat", &cid.to_string())?;
                    }
                    Ok(event)
                })
                .await?;
                match taken {
                    Some(event) => {
                        state.chat.publish(event);
                        state.chat.queue_changed();
                        Vec::new()
                    }
                    None => refuse("action", "admin-chat-moved"),
                }
            }
        },
        "write" => match (
            rules::next(status, side, Action::Write),
            rules::check_message(&typed.body),
        ) {
            (Err(r), _) => refuse("body", r.key()),
            (_, Err(p)) => vec![("body", crate::web::chat::problem_text(p, locale))],
            (Ok(_), Ok(body)) => {
                let written = db::run_write(&state.pool, move |c| {
                    store::write(c, cid, Writer::Agent { user: me }, &body, now)
                })
                .await?;
                match written {
                    Some(m) => {
                        state.chat.publish(m);
                        state.chat.queue_changed();
                        Vec::new()
                    }
                    None => refuse("body", "admin-chat-moved"),
                }
            }
        },
        "close" => match rules::next(status, side, Action::Close) {
            Err(r) => refuse("action", r.key()),
            Ok(_) => {
                if let Some(event) = end(&state, chat.clone(), Some(me), true).await? {
                    db::run_write(&state.pool, move |c| {
                        audit::log(c, Some(me), "chat_close", "chat", &cid.to_string())
                    })
                    .await?;
                    state.chat.publish(event);
                    state.chat.queue_changed();
                }
                Vec::new()
            }
        },
        "case" => open_case(&state, &chat, &typed, me, locale).await?,
        _ => refuse("action", "admin-chat-unknown-action"),
    };
    if errors.is_empty() {
        return Ok(see_other(format!("{PATH}/{cid}")));
    }
    let fresh = load(&state, cid).await?;
    page(&req, &staff, &state, fresh, &typed, errors).await
}

/// Turns the chat into an after-sales case: the transcript is its first message, the customer
/// is mailed the case's link, and the chat says which case it became. Once per chat.
async fn open_case(
    state: &AppState,
    chat: &ChatRow,
    typed: &ActForm,
    me: i64,
    locale: crate::i18n::Locale,
) -> Result<Vec<(&'static str, String)>, AppError> {
    let mut errors = Vec::new();
    let kind = KINDS.into_iter().find(|k| *k == typed.kind);
    if kind.is_none() {
        errors.push(("kind", locale.t("case-error-kind")));
    }
    let subject = match rules::check_subject(&typed.subject) {
        Ok(s) => s,
        Err(p) => {
            errors.push(("subject", crate::web::chat::problem_text(p, locale)));
            String::new()
        }
    };
    if chat.case_id.is_some() {
        errors.push(("kind", locale.t("admin-chat-case-exists")));
    }
    let Some(kind) = kind else {
        return Ok(errors);
    };
    if !errors.is_empty() {
        return Ok(errors);
    }
    let chat = chat.clone();
    let tz = state.time_zone;
    let targets = state.settings.support.targets();
    let base = state.public_base_url();
    let when = crate::web::cases::span(targets.first_response, locale);
    let now = chrono::Utc::now().naive_utc();
    let linked = db::run_write(&state.pool, move |c| {
        let messages = store::messages_after(c, chat.id, 0)?;
        let customer_locale =
            crate::i18n::Locale::parse(&chat.locale).unwrap_or(crate::i18n::Locale::Sv);
        let new = case_store::NewCase {
            user_id: chat.user_id,
            company_id: chat.company_id,
            order_id: chat.order_id,
            email: chat.email.clone(),
            locale: chat.locale.clone(),
            kind: kind.to_string(),
            subject: subject.clone(),
            description: crate::web::chat::transcript(&chat, &messages, tz, customer_locale),
            lines: Vec::new(),
            files: Vec::new(),
            targets,
            now,
        };
        let (number, token) = case_store::create(c, &new)?;
        let case = case_store::by_number(c, &number)?
            .ok_or(db::DbError::Query(diesel::result::Error::NotFound))?;
        let Some(event) = store::link_case(c, chat.id, case.id, &number, me, now)? else {
            // Another agent made a case of it meanwhile: this one is not kept.
            return Err(db::DbError::Conflict("the chat's case".into()));
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(me),
                action: "chat_case",
                subject_type: "chat",
                subject_id: &chat.id.to_string(),
                before: None,
                after: Some(&number),
            },
        )?;
        Mail::case_update(
            customer_locale,
            &chat.email,
            "opened",
            &[
                ("number", number.clone()),
                (
                    "link",
                    format!("{base}{}", crate::web::cases::case_url(&number, &token)),
                ),
                ("when", when.clone()),
                ("topic", subject.clone()),
            ],
        )
        .enqueue(c)?;
        Ok(event)
    })
    .await;
    match linked {
        Ok(event) => {
            state.chat.publish(event);
            Ok(Vec::new())
        }
        Err(db::DbError::Conflict(_)) => Ok(vec![("kind", locale.t("admin-chat-case-exists"))]),
        Err(e) => Err(e.into()),
    }
}

/// `GET /admin/chats/{id}/events?after=`.
pub async fn events(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<stream::AfterQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let chat = load(&state, id.into_inner()).await?;
    let locale = staff_locale(&req, &staff, &state);
    let after = stream::last_seen(&req, query.after);
    let watch = state.chat.watch(chat.id);
    let cid = chat.id;
    let backlog = db::run(&state.pool, move |c| store::messages_after(c, cid, after)).await?;
    let viewer = Viewer::Agent {
        user: staff.user.id,
        customer: chat.name,
    };
    Ok(stream::respond(stream::conversation(
        watch,
        backlog,
        after,
        renderer(viewer, state.time_zone, locale),
    )))
}
