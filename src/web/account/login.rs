//! `GET/POST /login`, `POST /logout`.

use crate::auth::Principal;
use crate::auth::{password, session};
use crate::db::{self, audit};
use crate::domain::accounts::{AccountKind, Email};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, Theme, local_path, render};
use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "b2c/login.html")]
pub struct LoginPage {
    pub ctx: PageContext,
    pub email: String,
    pub error: Option<String>,
    /// Information that is not an error (e.g. "confirm your e-mail first").
    pub notice: Option<String>,
    pub next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// `GET /login`: the sign-in form.
pub async fn show(
    req: HttpRequest,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    let next = local_path(query.next.as_deref()).unwrap_or_default();
    render(&LoginPage {
        ctx,
        email: String::new(),
        error: None,
        notice: None,
        next,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /login`: checks the password (argon2, off the workers) and starts a new session.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    // Limits first: a refused attempt costs no password hash.
    let ip = crate::web::client_ip(&req);
    state.limits.sign_in_ip.check(&ip)?;
    state
        .limits
        .sign_in_account
        .check(&form.email.trim().to_lowercase())?;
    let email = Email::parse(&form.email).ok();
    let user = match email.clone() {
        Some(e) => {
            db::run(&state.pool, move |c| {
                db::users::find_by_email(c, e.as_str())
            })
            .await?
        }
        None => None,
    };
    // Unknown e-mail and wrong password answer alike and take the same time.
    let ok = password::verify(
        form.password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let Some(user) = user.filter(|_| ok) else {
        let attempted = form.email.trim().to_lowercase();
        db::run_write(&state.pool, move |c| {
            audit::log(c, None, "sign_in_failed", "email", &attempted)
        })
        .await?;
        return refused(req, form, "login-failed").await;
    };
    let uid = user.id;
    // Only someone who knows the password learns why the account cannot be used.
    if user.disabled {
        db::run_write(&state.pool, move |c| {
            audit::log(c, Some(uid), "sign_in_refused", "user", &uid.to_string())
        })
        .await?;
        return refused(req, form, "login-disabled").await;
    }
    if user.kind == AccountKind::Consumer.code() && user.email_verified_at.is_none() {
        return unverified(req, state, user.clone(), form.next).await;
    }
    let memberships = if user.kind == AccountKind::CompanyMember.code() {
        db::run(&state.pool, move |c| db::users::memberships(c, uid)).await?
    } else {
        Vec::new()
    };
    if user.kind == AccountKind::CompanyMember.code() && memberships.is_empty() {
        db::run_write(&state.pool, move |c| {
            audit::log(c, Some(uid), "sign_in_refused", "user", &uid.to_string())
        })
        .await?;
        return refused(req, form, "login-no-company").await;
    }
    db::run_write(&state.pool, move |c| {
        audit::log(c, Some(uid), "sign_in", "user", &uid.to_string())
    })
    .await?;
    let company = memberships.first().map(|m| m.company_id);
    session::sign_in(&session, user.id, company)?;
    crate::web::cart::after_sign_in(&state, &session, user.id, company).await?;
    let fallback = if user.kind == AccountKind::Staff.code() {
        "/admin"
    } else if memberships.len() > 1 {
        // People who buy for several companies choose which one they are buying for.
        "/company"
    } else {
        "/"
    };
    let target = local_path(Some(&form.next)).unwrap_or_else(|| fallback.to_string());
    tracing::info!(user_id = user.id, "signed in");
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, target))
        .finish())
}

/// The sign-in form again, with what was typed (except the password) and why it did not work.
async fn refused(
    req: HttpRequest,
    form: LoginForm,
    message_key: &str,
) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    let error = Some(ctx.t(message_key));
    render(&LoginPage {
        ctx,
        email: form.email.trim().to_string(),
        error,
        notice: None,
        next: form.next,
    })
}

/// `POST /logout`: ends the session.
pub async fn logout(
    principal: Principal,
    state: web::Data<AppState>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    if let Some(user) = principal.user() {
        let uid = user.id;
        db::run_write(&state.pool, move |c| {
            audit::log(c, Some(uid), "sign_out", "user", &uid.to_string())
        })
        .await?;
    }
    session::sign_out(&session);
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}

/// A consumer who has not confirmed their address yet gets a fresh link instead of a session.
async fn unverified(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: db::users::User,
    next: String,
) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    let locale = ctx.locale;
    let base = state.public_base_url();
    let now = chrono::Utc::now().naive_utc();
    let (email, name, uid) = (user.email.clone(), user.name.clone(), user.id);
    let mail = db::run_write(&state.pool, move |c| {
        let token = db::tokens::issue(c, "verify_email", uid, now, chrono::Duration::hours(48))?;
        let mail = Mail::verify_email(
            locale,
            &email,
            &name,
            &format!("{base}/register/confirm?token={token}"),
        );
        mail.enqueue(c)?;
        Ok(mail)
    })
    .await?;
    mail::log_queued(state.settings.environment, &mail);
    let notice = Some(locale.t_args("login-unverified", &[("email", user.email.clone())]));
    render(&LoginPage {
        ctx,
        email: user.email,
        error: None,
        notice,
        next,
    })
}
