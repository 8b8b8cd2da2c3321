//! `GET/POST /invitation?token=…`: an invited business user chooses a name and password and is
//! signed in to their company.

use crate::auth::{password, session};
use crate::db::{self, audit, tokens};
use crate::domain::accounts::NewPassword;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::account::register::NoticePage;
use crate::web::{PageContext, Theme, render, render_status};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::collections::HashMap;

const PURPOSE: &str = "invitation";

#[derive(Template)]
#[template(path = "b2b/invitation.html")]
pub struct InvitationPage {
    pub ctx: PageContext,
    pub token: String,
    pub email: String,
    pub name: String,
    pub errors: HashMap<&'static str, String>,
}

impl InvitationPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn failed(req: &HttpRequest) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::build(req, Theme::B2b).await?;
    let page = NoticePage::sign_in(ctx, "invitation-failed-title", "invitation-failed-text");
    render_status(&page, StatusCode::GONE)
}

/// The invited user, while the link is good.
async fn invited(state: &AppState, token: &str) -> Result<Option<db::users::User>, AppError> {
    let token = token.to_string();
    let now = chrono::Utc::now().naive_utc();
    Ok(db::run(&state.pool, move |c| {
        match tokens::peek(c, PURPOSE, &token, now)? {
            Some(id) => db::users::find(c, id),
            None => Ok(None),
        }
    })
    .await?)
}

/// `GET /invitation`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let Some(user) = invited(&state, &token).await? else {
        return failed(&req).await;
    };
    let ctx = PageContext::build(&req, Theme::B2b).await?;
    render(&InvitationPage {
        ctx,
        token,
        email: user.email,
        name: user.name,
        errors: HashMap::new(),
    })
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
}

/// `POST /invitation`.
pub async fn accept(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<AcceptForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let Some(user) = invited(&state, &form.token).await? else {
        return failed(&req).await;
    };
    let ctx = PageContext::build(&req, Theme::B2b).await?;
    let name = form.name.trim().to_string();
    let mut errors = HashMap::new();
    if name.is_empty() || name.chars().count() > 100 {
        errors.insert("name", ctx.t("register-name-missing"));
    }
    let new_password = NewPassword::parse(&form.password, &user.email, &name);
    if let Err(problem) = &new_password {
        errors.insert("password", ctx.t(problem.message_key()));
    }
    let (Ok(new_password), true) = (new_password, errors.is_empty()) else {
        let page = InvitationPage {
            ctx,
            token: form.token,
            email: user.email,
            name,
            errors,
        };
        return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let hash = password::hash(new_password.expose().to_string()).await?;
    let now = chrono::Utc::now().naive_utc();
    let token = form.token;
    let accepted = db::run_write(&state.pool, move |c| {
        let Some(user_id) = tokens::redeem(c, PURPOSE, &token, now)? else {
            return Ok(None);
        };
        db::users::accept_invitation(c, user_id, &name, &hash, now)?;
        let id = user_id.to_string();
        audit::log(c, Some(user_id), "invitation_accepted", "user", &id)?;
        Ok(Some((user_id, db::users::memberships(c, user_id)?)))
    })
    .await?;
    let Some((user_id, memberships)) = accepted else {
        return failed(&req).await;
    };
    let company = memberships.first().map(|m| m.company_id);
    session::sign_in(&session, user_id, company)?;
    crate::web::cart::after_sign_in(&state, &session, user_id, company).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}
