//! `GET /cases/{number}?t=`: a case's page for the customer — what it is about, its status and
//! answer times, the thread with photos, a reply form (with photos) and "Close case";
//! `POST /cases/{number}/reply` and `POST /cases/{number}/close`.

use super::files::{self, Posted, TokenQuery};
use crate::auth::{Principal, session};
use crate::db::{self, cases as store};
use crate::domain::cases::{Move, Status, check_reply};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

pub struct CaseLineView {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
}

pub struct CaseView {
    pub number: String,
    pub token: String,
    pub subject: String,
    pub kind: String,
    pub status: String,
    pub status_code: &'static str,
    pub opened: String,
    pub order: Option<(String, String)>,
    pub lines: Vec<CaseLineView>,
    /// "Answered after 12 minutes" / "We aim to answer by 18:20 CET".
    pub first_response: String,
    pub thread: Vec<super::MessageView>,
    pub closed: bool,
    pub return_number: Option<String>,
    pub reply: String,
    pub reply_error: Option<String>,
    pub photos_error: Option<String>,
    pub photo_hint: String,
}

storefront_page!(
    case_pages,
    render_case,
    CaseView,
    "b2c/case.html",
    "b2b/case.html"
);

/// The case if this request may read it.
async fn readable(
    state: &AppState,
    principal: &Principal,
    number: String,
    token: &str,
) -> Result<store::CaseRow, AppError> {
    let case = db::run(&state.pool, move |c| store::by_number(c, &number))
        .await?
        .ok_or(AppError::NotFound)?;
    if super::may_read(&case, principal, token) {
        Ok(case)
    } else {
        Err(AppError::NotFound)
    }
}

async fn page(
    req: &HttpRequest,
    state: &AppState,
    principal: Principal,
    case: store::CaseRow,
    reply: String,
    reply_error: Option<String>,
    photos_error: Option<String>,
) -> Result<HttpResponse, AppError> {
    let id = case.id;
    let (thread, photos, lines) = db::run(&state.pool, move |c| {
        Ok((
            store::thread(c, id, false)?,
            store::attachments(c, id)?,
            store::lines(c, id)?,
        ))
    })
    .await?;
    let status = if reply_error.is_some() || photos_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let ctx = PageContext::with_principal(req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let clock = case.clock();
    let first_response = match clock.first_response_at {
        Some(at) => locale.t_args(
            "case-answered-after",
            &[("time", super::span(at - case.created_at, locale))],
        ),
        None if case.status().active() => locale.t_args(
            "case-answer-by",
            &[(
                "time",
                super::stamp(state, clock.first_response_due, locale),
            )],
        ),
        None => String::new(),
    };
    let token = case.public_token.clone();
    let number = case.number.clone();
    let photo_url = |pid: i64| {
        format!(
            "/cases/{number}/files/{pid}?t={}",
            crate::web::url_encode(&token)
        )
    };
    let v = CaseView {
        thread: super::thread_view(state, &thread, &photos, photo_url, false, locale),
        number: case.number.clone(),
        token: case.public_token.clone(),
        subject: case.subject.clone(),
        kind: super::kind_label(&case.kind, locale),
        status: super::status_label(&case.status, locale),
        status_code: case.status().code(),
        opened: super::stamp(state, case.created_at, locale),
        order: case
            .order_number
            .clone()
            .zip(case.order_token.clone())
            .map(|(n, t)| (crate::web::checkout::order_url(&n, &t), n)),
        lines: lines
            .into_iter()
            .map(|l| CaseLineView {
                name: l.name,
                sku: l.sku,
                quantity: l.quantity,
            })
            .collect(),
        first_response,
        closed: case.status() == Status::Closed,
        return_number: case.return_number.clone(),
        reply,
        reply_error,
        photos_error,
        photo_hint: locale.t_args(
            "case-photos-hint",
            &[
                ("count", crate::domain::cases::MAX_FILES.to_string()),
                (
                    "size",
                    (crate::domain::cases::MAX_FILE_BYTES / 1024 / 1024).to_string(),
                ),
            ],
        ),
    };
    let mut response = crate::web::cache_control(render_case(ctx, v, status)?, "private, no-store");
    // The link carries a secret: keep it out of Referer headers to other sites.
    response.headers_mut().insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

/// `GET /cases/{number}?t=…`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token: String = query.into_inner().t.chars().take(64).collect();
    let principal = Principal::of(&req).await?;
    let case = readable(&state, &principal, number.into_inner(), &token).await?;
    page(&req, &state, principal, case, String::new(), None, None).await
}

/// Where a customer's reply is announced: the agent the case is assigned to, else the team.
fn agent_address(
    c: &mut db::DbConn,
    case: &store::CaseRow,
    team: &str,
) -> Result<String, db::DbError> {
    use crate::db::schema::users;
    use diesel::prelude::*;
    let Some(agent) = case.assigned_to else {
        return Ok(team.to_string());
    };
    Ok(users::table
        .find(agent)
        .select(users::email)
        .first(c)
        .optional()?
        .unwrap_or_else(|| team.to_string()))
}

/// `POST /cases/{number}/reply` (multipart: `csrf_token` first, `t`, `body`, `photos` ×0–3):
/// the customer writes in the thread; a waiting or resolved case opens again. A closed case
/// takes no reply (its page says to open a new one).
pub async fn reply(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    let posted = files::read(parts).await;
    let token: String = posted.field("t").chars().take(64).collect();
    let principal = Principal::of(&req).await?;
    let case = readable(&state, &principal, number.into_inner(), &token).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let body = posted.field("body");
    let photos = files::check(&posted.files, locale);
    let text = check_reply(&body, !posted.files.is_empty());
    let (text, photos) = match (text, photos) {
        (Ok(t), Ok(p)) => (t, p),
        (text, photos) => {
            let reply_error = text.err().map(|p| match p {
                crate::domain::cases::Problem::DescriptionLong => locale.t_args(
                    "case-error-description-long",
                    &[("count", crate::domain::cases::TEXT_MAX.to_string())],
                ),
                _ => locale.t("case-error-reply-empty"),
            });
            let photos_error = match photos {
                Err(m) => Some(m),
                Ok(p) if !p.is_empty() => Some(locale.t("case-photos-choose-again")),
                Ok(_) => None,
            };
            return page(
                &req,
                &state,
                principal,
                case,
                body,
                reply_error,
                photos_error,
            )
            .await;
        }
    };
    if Move::CustomerReply.from(case.status()).is_none() {
        let error = Some(locale.t("case-closed-no-reply"));
        return page(&req, &state, principal, case, body, error, None).await;
    }
    let Posted { files: uploads, .. } = posted;
    let stored = files::save(&state.attachments_dir, uploads, photos).await?;
    let now = chrono::Utc::now().naive_utc();
    let author = principal.user().map(|u| u.id).or(case.user_id);
    let (team, base, shop_locale) = (
        state.settings.support.email.clone(),
        state.public_base_url(),
        state.default_locale,
    );
    let row = case.clone();
    let files_for_db = stored.clone();
    let done = db::run_write(&state.pool, move |c| {
        let message = store::Message {
            author,
            from_staff: false,
            internal: false,
            event: None,
            body: text,
        };
        let done = store::apply(
            c,
            &row,
            Move::CustomerReply,
            Some(&message),
            &files_for_db,
            now,
        )?;
        if done {
            let to = agent_address(c, &row, &team)?;
            Mail::case_update(
                shop_locale,
                &to,
                "customer-reply",
                &[
                    ("number", row.number.clone()),
                    ("link", format!("{base}/admin/cases/{}", row.number)),
                ],
            )
            .enqueue(c)?;
        }
        Ok(done)
    })
    .await;
    match done {
        Ok(true) => {
            session::flash(&session, "case-reply-sent");
            Ok(see_other(super::case_url(&case.number, &case.public_token)))
        }
        Ok(false) => {
            files::discard(&state.attachments_dir, &stored);
            // Someone moved the case meanwhile (an agent closed it): show it as it is now.
            let fresh =
                readable(&state, &principal, case.number.clone(), &case.public_token).await?;
            let error = Some(locale.t("case-changed-meanwhile"));
            page(&req, &state, principal, fresh, body, error, None).await
        }
        Err(e) => {
            files::discard(&state.attachments_dir, &stored);
            Err(e.into())
        }
    }
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    t: String,
}

/// `POST /cases/{number}/close` (`t`): the customer closes the case (settled, or no longer
/// needed).
pub async fn close(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<CloseForm>,
) -> Result<HttpResponse, AppError> {
    let token: String = form.into_inner().t.chars().take(64).collect();
    let principal = Principal::of(&req).await?;
    let case = readable(&state, &principal, number.into_inner(), &token).await?;
    let now = chrono::Utc::now().naive_utc();
    let row = case.clone();
    let done = db::run_write(&state.pool, move |c| {
        store::apply(c, &row, Move::Close, None, &[], now)
    })
    .await?;
    session::flash(
        &session,
        if done {
            "case-closed"
        } else {
            "case-changed-meanwhile"
        },
    );
    Ok(see_other(super::case_url(&case.number, &case.public_token)))
}
