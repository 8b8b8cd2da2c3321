//! Changing the sign-in address: `POST /account/email` (the new address and the current password)
//! mails a single-use link to the new address and a warning to the old one;
//! `GET /account/email/confirm?token=…` shows what will change and `POST /account/email/confirm`
//! makes the change. Every other session of the person ends with it.

use super::profile::{FieldErrors, Forms, back_to_account, page, signed_in};
use super::register::{ConfirmLinkPage, NoticePage};
use crate::auth::{Principal, password, session};
use crate::db::{self, audit, tokens, users::EmailChange};
use crate::domain::accounts::Email;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, Theme, render, render_status};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Duration;
use serde::Deserialize;

const PURPOSE: &str = "change_email";

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    current_password: String,
}

/// `POST /account/email`.
pub async fn request(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (user_id, name, email) = signed_in(&principal)?;
    state.limits.sign_in_account.check(&email)?;
    let form = form.into_inner();
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let stored = db::run(&state.pool, move |c| db::users::find(c, user_id))
        .await?
        .map(|u| u.password_hash);
    let mut errors = FieldErrors::new();
    let new_email = match Email::parse(&form.new_email) {
        Ok(e) if e.as_str() == email => {
            errors.insert("new_email", locale.t("account-email-same"));
            None
        }
        Ok(e) => Some(e),
        Err(_) => {
            errors.insert("new_email", locale.t("register-email-invalid"));
            None
        }
    };
    if !password::verify(form.current_password, stored).await? {
        errors.insert("email_password", locale.t("account-current-password-wrong"));
    }
    let (Some(new_email), true) = (new_email, errors.is_empty()) else {
        let forms = Forms {
            new_email: form.new_email.trim().to_string(),
            email_errors: errors,
            ..Forms::default()
        };
        return page(&req, &state, forms, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let base = state.public_base_url();
    let now = chrono::Utc::now().naive_utc();
    let mails = db::run_write(&state.pool, move |c| {
        let new = new_email.as_str().to_string();
        // A newer request replaces older links.
        tokens::revoke(c, PURPOSE, user_id, now)?;
        let mut mails = Vec::new();
        if db::users::find_by_email(c, &new)?.is_some() {
            // The page answers the same; the owner of that address learns someone tried.
            mails.push(Mail::account_exists(locale, &new, &format!("{base}/login")));
        } else {
            let token = tokens::issue_with_payload(
                c,
                PURPOSE,
                user_id,
                Some(&new),
                now,
                Duration::hours(24),
            )?;
            let link = format!("{base}/account/email/confirm?token={token}");
            mails.push(Mail::confirm_new_email(locale, &new, &name, &link));
        }
        let reset = format!("{base}/password/forgot");
        mails.push(Mail::email_changing(locale, &email, &name, &new, &reset));
        for m in &mails {
            m.enqueue(c)?;
        }
        audit::log(
            c,
            Some(user_id),
            "email_change_requested",
            "user",
            &user_id.to_string(),
        )?;
        Ok(mails)
    })
    .await?;
    for m in &mails {
        mail::log_queued(state.settings.environment, m);
    }
    session::flash(&session, "account-email-sent");
    Ok(back_to_account())
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn link_failed(ctx: PageContext) -> Result<HttpResponse, AppError> {
    let page = NoticePage::new(
        ctx,
        "email-confirm-failed-title",
        "email-confirm-failed-text",
        "/account",
        "account-title",
    );
    render_status(&page, StatusCode::GONE)
}

/// `GET /account/email/confirm?token=…`: what the link will change, with a button that does it.
pub async fn show_confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let check = token.clone();
    let now = chrono::Utc::now().naive_utc();
    let found = db::run(&state.pool, move |c| {
        tokens::peek_with_payload(c, PURPOSE, &check, now)
    })
    .await?;
    let principal = Principal::of(&req).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let Some((_, Some(new_email))) = found else {
        return link_failed(ctx);
    };
    let message = ctx
        .locale
        .t_args("email-confirm-text", &[("email", new_email)]);
    render(&ConfirmLinkPage::new(
        ctx,
        "email-confirm-title",
        message,
        "/account/email/confirm",
        token,
        "email-confirm-submit",
    ))
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
}

/// `POST /account/email/confirm`: makes the change (once; the link is single-use).
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let token = form.into_inner().token;
    // Who this browser is, before the change ends the person's older sessions.
    let principal = Principal::of(&req).await?;
    let now = chrono::Utc::now().naive_utc();
    let outcome = db::run_write(&state.pool, move |c| {
        let Some((user_id, Some(new_email))) =
            tokens::redeem_with_payload(c, PURPOSE, &token, now)?
        else {
            return Ok(None);
        };
        let change = db::users::change_email(c, user_id, &new_email, now)?;
        if change == EmailChange::Changed {
            audit::log(
                c,
                Some(user_id),
                "email_changed",
                "user",
                &user_id.to_string(),
            )?;
        }
        Ok(Some((user_id, change)))
    })
    .await?;
    let signed_in_as = principal.user().map(|u| u.id);
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    match outcome {
        None => link_failed(ctx),
        Some((_, EmailChange::Taken)) => {
            let page = NoticePage::new(
                ctx,
                "email-confirm-failed-title",
                "email-change-taken",
                "/account",
                "account-title",
            );
            render_status(&page, StatusCode::CONFLICT)
        }
        Some((user_id, EmailChange::Changed)) if signed_in_as == Some(user_id) => {
            // This browser continues; every other session of the person has ended.
            session::reauthenticated(&session)?;
            session::flash(&session, "email-changed");
            Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, "/account"))
                .finish())
        }
        Some(_) => render(&NoticePage::sign_in(
            ctx,
            "email-changed-title",
            "email-changed",
        )),
    }
}
