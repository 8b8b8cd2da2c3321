//! Forgotten passwords: `GET/POST /password/forgot`, `GET /password/forgot/sent`,
//! `GET/POST /password/reset?token=…`. The same answer whether or not the address has an account;
//! the link is single-use and expires in an hour.

use crate::auth::{password, session};
use crate::db::{self, audit, tokens};
use crate::domain::accounts::{Email, NewPassword};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::account::register::NoticePage;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, Theme, render, render_status};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;

const PURPOSE: &str = "reset_password";

#[derive(Template)]
#[template(path = "b2c/forgot.html")]
pub struct ForgotPage {
    pub ctx: PageContext,
    pub email: String,
    pub error: Option<String>,
}

/// `GET /password/forgot`.
pub async fn forgot(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    render(&ForgotPage {
        ctx,
        email: String::new(),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// `POST /password/forgot`.
pub async fn request(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ForgotForm>,
) -> Result<HttpResponse, AppError> {
    let ip = crate::web::client_ip(&req);
    state.limits.reset_ip.check(&ip)?;
    let Ok(email) = Email::parse(&form.email) else {
        let ctx = PageContext::build(&req, Theme::B2c).await?;
        let error = Some(ctx.t("register-email-invalid"));
        return render_status(
            &ForgotPage {
                ctx,
                email: form.email.trim().to_string(),
                error,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    state.limits.reset_account.check(email.as_str())?;
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    let locale = ctx.locale;
    let base = state.public_base_url();
    let now = chrono::Utc::now().naive_utc();
    let mail = db::run_write(&state.pool, move |c| {
        let Some(user) = db::users::find_by_email(c, email.as_str())?.filter(|u| !u.disabled)
        else {
            return Ok(None);
        };
        let token = tokens::issue(c, PURPOSE, user.id, now, Duration::hours(1))?;
        let user_locale = user
            .locale
            .as_deref()
            .and_then(crate::i18n::Locale::parse)
            .unwrap_or(locale);
        let mail = Mail::reset_password(
            user_locale,
            &user.email,
            &user.name,
            &format!("{base}/password/reset?token={token}"),
        );
        mail.enqueue(c)?;
        Ok(Some(mail))
    })
    .await?;
    if let Some(mail) = &mail {
        mail::log_queued(state.settings.environment, mail);
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/password/forgot/sent"))
        .finish())
}

/// `GET /password/forgot/sent`.
pub async fn sent(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    render(&NoticePage::sign_in(
        ctx,
        "forgot-sent-title",
        "forgot-sent-text",
    ))
}

#[derive(Template)]
#[template(path = "b2c/reset.html")]
pub struct ResetPage {
    pub ctx: PageContext,
    pub token: String,
    pub error: Option<String>,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn link_failed(req: &HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(req, Theme::B2c).await?;
    let page = NoticePage::new(
        ctx,
        "reset-failed-title",
        "reset-failed-text",
        "/password/forgot",
        "reset-again",
    );
    render_status(&page, StatusCode::GONE)
}

/// `GET /password/reset?token=…`: the form, when the link is still good.
pub async fn show_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let now = chrono::Utc::now().naive_utc();
    let check = token.clone();
    let valid = db::run(&state.pool, move |c| tokens::peek(c, PURPOSE, &check, now))
        .await?
        .is_some();
    if !valid {
        return link_failed(&req).await;
    }
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    render(&ResetPage {
        ctx,
        token,
        error: None,
    })
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

/// `POST /password/reset`: sets the new password, uses up the link and signs the person in.
pub async fn reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<ResetForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let now = chrono::Utc::now().naive_utc();
    let token = form.token.clone();
    let user = db::run(&state.pool, move |c| {
        match tokens::peek(c, PURPOSE, &token, now)? {
            Some(id) => db::users::find(c, id),
            None => Ok(None),
        }
    })
    .await?;
    let Some(user) = user else {
        return link_failed(&req).await;
    };
    let new_password = match NewPassword::parse(&form.password, &user.email, &user.name) {
        Ok(p) => p,
        Err(problem) => {
            let ctx = PageContext::build(&req, Theme::B2c).await?;
            let error = Some(ctx.t(problem.message_key()));
            return render_status(
                &ResetPage {
                    ctx,
                    token: form.token,
                    error,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let hash = password::hash(new_password.expose().to_string()).await?;
    let token = form.token;
    let user_id = db::run_write(&state.pool, move |c| {
        // Redeemed in the same transaction as the change: two submits of one link change it once.
        let Some(user_id) = tokens::redeem(c, PURPOSE, &token, now)? else {
            return Ok(None);
        };
        db::users::set_password(c, user_id, &hash, now)?;
        // Following the link proved the address is theirs.
        db::users::mark_verified(c, user_id, now)?;
        let id = user_id.to_string();
        audit::log(c, Some(user_id), "password_reset", "user", &id)?;
        Ok(Some(user_id))
    })
    .await?;
    let Some(user_id) = user_id else {
        return link_failed(&req).await;
    };
    let memberships = db::run(&state.pool, move |c| db::users::memberships(c, user_id)).await?;
    let company = memberships.first().map(|m| m.company_id);
    session::sign_in(&session, user_id, company)?;
    crate::web::cart::after_sign_in(&state, &session, user_id, company).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}
