//! `GET /company` (choose the active company) and `POST /company` (switch to it), for people who
//! buy for more than one company.

use crate::auth::principal::CompanyChoice;
use crate::auth::{Principal, session};
use crate::db::{self, audit};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, Theme, render};
use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

pub struct ChoiceView {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "b2b/company.html")]
pub struct CompanyPage {
    pub ctx: PageContext,
    pub choices: Vec<ChoiceView>,
}

/// The signed-in company user and their companies; others are sent to sign in or refused.
fn company_user(
    principal: &Principal,
    here: &str,
) -> Result<(i64, i64, Vec<CompanyChoice>), AppError> {
    match principal {
        Principal::CompanyUser {
            user,
            company,
            companies,
            ..
        } => Ok((user.id, company.id, companies.clone())),
        Principal::Anonymous => Err(AppError::SignInRequired(here.to_string())),
        _ => Err(AppError::Forbidden),
    }
}

/// `GET /company`.
pub async fn show(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (_, current, companies) = company_user(&principal, req.path())?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let choices = companies
        .into_iter()
        .map(|c| ChoiceView {
            role: ctx.t(&format!("company-role-{}", c.role.code())),
            current: c.id == current,
            id: c.id,
            name: c.name,
        })
        .collect();
    render(&CompanyPage { ctx, choices })
}

#[derive(Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    company_id: String,
}

/// `POST /company`: only to a company the person is an active member of; anything else is 404.
pub async fn switch(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<SwitchForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (user_id, current, companies) = company_user(&principal, "/company")?;
    let target: i64 = form
        .company_id
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound)?;
    if !companies.iter().any(|c| c.id == target) {
        return Err(AppError::NotFound);
    }
    db::run_write(&state.pool, move |c| {
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(user_id),
                action: "switch_company",
                subject_type: "company",
                subject_id: &target.to_string(),
                before: Some(&current.to_string()),
                after: Some(&target.to_string()),
            },
        )
    })
    .await?;
    session::switch_company(&session, target)?;
    // Each company has its own cart: the header counts the one now in use.
    crate::web::cart::after_sign_in(&state, &session, user_id, Some(target)).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}
