//! `GET/POST /register` (consumer sign-up), `GET /register/sent`, `GET /register/confirm`.
//!
//! No user enumeration: a new and a taken address get the same answer; the owner of a taken
//! address gets an e-mail instead. The account can sign in once the address is confirmed.

use crate::auth::{password, session};
use crate::db::{self, audit, tokens};
use crate::domain::accounts::{AccountKind, Email, NewPassword};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, Theme, render, render_status};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;

/// How long a confirmation link works.
const LINK_VALID_HOURS: i64 = 48;

#[derive(Default)]
pub struct FieldErrors {
    pub name: Option<String>,
    pub email: Option<String>,
    pub password: Option<String>,
}

impl FieldErrors {
    pub fn any(&self) -> bool {
        self.name.is_some() || self.email.is_some() || self.password.is_some()
    }
}

#[derive(Template)]
#[template(path = "b2c/register.html")]
pub struct RegisterPage {
    pub ctx: PageContext,
    pub name: String,
    pub email: String,
    pub errors: FieldErrors,
}

/// A short page with a title and a message (sent, link failed).
#[derive(Template)]
#[template(path = "b2c/notice.html")]
pub struct NoticePage {
    pub ctx: PageContext,
    pub title: String,
    pub message: String,
    pub action_href: &'static str,
    pub action_label: String,
}

impl NoticePage {
    /// A notice whose way on is signing in.
    pub fn sign_in(ctx: PageContext, title_key: &str, message_key: &str) -> NoticePage {
        NoticePage::new(ctx, title_key, message_key, "/login", "sign-in")
    }

    pub fn new(
        ctx: PageContext,
        title_key: &str,
        message_key: &str,
        action_href: &'static str,
        label_key: &str,
    ) -> NoticePage {
        NoticePage {
            title: ctx.t(title_key),
            message: ctx.t(message_key),
            action_href,
            action_label: ctx.t(label_key),
            ctx,
        }
    }
}

/// Where an e-mailed link leads: a button that does what the link is for.
#[derive(Template)]
#[template(path = "shared/confirm_link.html")]
pub struct ConfirmLinkPage {
    pub ctx: PageContext,
    pub title: String,
    pub message: String,
    pub action: &'static str,
    pub token: String,
    pub submit_label: String,
}

impl ConfirmLinkPage {
    pub fn new(
        ctx: PageContext,
        title_key: &str,
        message: String,
        action: &'static str,
        token: String,
        submit_key: &str,
    ) -> ConfirmLinkPage {
        ConfirmLinkPage {
            title: ctx.t(title_key),
            submit_label: ctx.t(submit_key),
            message,
            action,
            token,
            ctx,
        }
    }
}

/// `GET /register`.
pub async fn show(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    if ctx.is_signed_in() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, "/"))
            .finish());
    }
    render(&RegisterPage {
        ctx,
        name: String::new(),
        email: String::new(),
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// `POST /register`.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let ip = crate::web::client_ip(&req);
    state.limits.register_ip.check(&ip)?;
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    let form = form.into_inner();
    let name = form.name.trim().to_string();
    let mut errors = FieldErrors::default();
    if name.is_empty() {
        errors.name = Some(ctx.t("register-name-missing"));
    } else if name.chars().count() > 100 {
        errors.name = Some(ctx.t("register-name-too-long"));
    }
    let email = Email::parse(&form.email);
    if email.is_err() {
        errors.email = Some(ctx.t("register-email-invalid"));
    }
    let new_password = NewPassword::parse(&form.password, form.email.trim(), &name);
    if let Err(problem) = &new_password {
        errors.password = Some(ctx.t(problem.message_key()));
    }
    let (Ok(email), Ok(new_password), false) = (email, new_password, errors.any()) else {
        let page = RegisterPage {
            ctx,
            name,
            email: form.email.trim().to_string(),
            errors,
        };
        return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    // Hash before looking the address up, so a taken address answers in the same time.
    let hash = password::hash(new_password.expose().to_string()).await?;
    let locale = ctx.locale;
    let base = state.public_base_url();
    let now = chrono::Utc::now().naive_utc();
    let mail = db::run_write(&state.pool, move |c| {
        if db::users::find_by_email(c, email.as_str())?.is_some() {
            let mail = Mail::account_exists(locale, email.as_str(), &format!("{base}/login"));
            mail.enqueue(c)?;
            return Ok(mail);
        }
        let user_id = db::users::insert(
            c,
            &db::users::NewUser {
                email: email.as_str(),
                password_hash: &hash,
                name: &name,
                locale: Some(locale.code()),
                kind: AccountKind::Consumer.code(),
                staff_role: None,
                email_verified_at: None,
            },
        )?;
        let token = tokens::issue(
            c,
            "verify_email",
            user_id,
            now,
            Duration::hours(LINK_VALID_HOURS),
        )?;
        let mail = Mail::verify_email(
            locale,
            email.as_str(),
            &name,
            &format!("{base}/register/confirm?token={token}"),
        );
        mail.enqueue(c)?;
        let id = user_id.to_string();
        audit::log(c, Some(user_id), "register", "user", &id)?;
        Ok(mail)
    })
    .await?;
    mail::log_queued(state.settings.environment, &mail);
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/register/sent"))
        .finish())
}

/// `GET /register/sent`: the same answer for every address.
pub async fn sent(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    render(&NoticePage::sign_in(
        ctx,
        "register-sent-title",
        "register-sent-text",
    ))
}

#[derive(Deserialize)]
pub struct ConfirmQuery {
    #[serde(default)]
    token: String,
}

fn confirm_failed(ctx: PageContext) -> Result<HttpResponse, AppError> {
    let page = NoticePage::sign_in(
        ctx,
        "register-confirm-failed-title",
        "register-confirm-failed-text",
    );
    render_status(&page, StatusCode::GONE)
}

/// `GET /register/confirm?token=…`: the page the e-mailed link opens, with the button that
/// confirms (a GET changes nothing, so a mail scanner opening the link uses nothing up).
pub async fn show_confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ConfirmQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let check = token.clone();
    let now = chrono::Utc::now().naive_utc();
    let valid = db::run(&state.pool, move |c| {
        tokens::peek(c, "verify_email", &check, now)
    })
    .await?;
    let ctx = PageContext::build(&req, Theme::B2c).await?;
    if valid.is_none() {
        return confirm_failed(ctx);
    }
    let message = ctx.t("register-confirm-text");
    render(&ConfirmLinkPage::new(
        ctx,
        "register-confirm-title",
        message,
        "/register/confirm",
        token,
        "register-confirm-submit",
    ))
}

/// `POST /register/confirm`: confirms the address and signs the person in. The token is
/// single-use, so a repeat changes nothing.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<ConfirmQuery>,
) -> Result<HttpResponse, AppError> {
    let token = form.into_inner().token;
    let now = chrono::Utc::now().naive_utc();
    let user_id = db::run_write(&state.pool, move |c| {
        let Some(user_id) = tokens::redeem(c, "verify_email", &token, now)? else {
            return Ok(None);
        };
        db::users::mark_verified(c, user_id, now)?;
        let id = user_id.to_string();
        audit::log(c, Some(user_id), "email_verified", "user", &id)?;
        Ok(Some(user_id))
    })
    .await?;
    let Some(user_id) = user_id else {
        let ctx = PageContext::build(&req, Theme::B2c).await?;
        return confirm_failed(ctx);
    };
    session::sign_in(&session, user_id, None)?;
    crate::web::cart::after_sign_in(&state, &session, user_id, None).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}
