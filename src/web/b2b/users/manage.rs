//! Changing a member: role and spending limits, and deactivating or reactivating. Never oneself.

use super::{InviteDraft, PATH, optional_limit, page};
use crate::auth::{CompanyAdmin, Principal, session};
use crate::db::{self, audit};
use crate::domain::accounts::CompanyRole;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    order_limit: String,
    #[serde(default)]
    monthly_limit: String,
}

/// `POST /b2b/company/users/{id}`: role and limits. An admin cannot change their own role.
pub async fn update(
    req: HttpRequest,
    admin: CompanyAdmin,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
    form: web::Form<UpdateForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (me, company_id) = (admin.user.id, admin.company.id);
    let locale: Locale =
        crate::web::context::request_locale(&req, &principal, state.default_locale);
    let id = id.into_inner();
    let f = form.into_inner();
    let role =
        CompanyRole::parse(&f.role).ok_or_else(|| AppError::BadRequest("unknown role".into()))?;
    let (order_limit, monthly_limit) = match (
        optional_limit(&f.order_limit),
        optional_limit(&f.monthly_limit),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            return page(
                &req,
                &state,
                InviteDraft::default(),
                Some(locale.t(e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let changed = db::run_write(&state.pool, move |c| {
        let members = db::companies::members(c, company_id)?;
        let Some(member) = members.iter().find(|m| m.membership_id == id) else {
            return Err(diesel::result::Error::NotFound.into());
        };
        if member.user_id == me && role != CompanyRole::Admin {
            return Ok(false);
        }
        db::companies::update_member(c, company_id, id, role.code(), order_limit, monthly_limit)?;
        let sid = id.to_string();
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(me),
                action: "member_changed",
                subject_type: "membership",
                subject_id: &sid,
                before: Some(&member.role),
                after: Some(role.code()),
            },
        )?;
        Ok(true)
    })
    .await?;
    Ok(back_to_list(&session, changed))
}

#[derive(Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    active: String,
}

/// `POST /b2b/company/users/{id}/active`: deactivate or reactivate; never oneself.
pub async fn set_active(
    admin: CompanyAdmin,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, AppError> {
    let (me, company_id) = (admin.user.id, admin.company.id);
    let id = id.into_inner();
    let active = form.active == "true";
    let changed = db::run_write(&state.pool, move |c| {
        let members = db::companies::members(c, company_id)?;
        let Some(member) = members.iter().find(|m| m.membership_id == id) else {
            return Err(diesel::result::Error::NotFound.into());
        };
        if member.user_id == me {
            return Ok(false);
        }
        db::companies::set_member_active(c, company_id, id, active)?;
        let sid = id.to_string();
        let action = if active {
            "member_reactivated"
        } else {
            "member_deactivated"
        };
        audit::log(c, Some(me), action, "membership", &sid)?;
        Ok(true)
    })
    .await?;
    Ok(back_to_list(&session, changed))
}

/// Back to the list, saying whether the change was made (an admin cannot change themself).
fn back_to_list(session: &Session, changed: bool) -> HttpResponse {
    session::flash(
        session,
        if changed {
            "users-updated"
        } else {
            "users-not-yourself"
        },
    );
    HttpResponse::SeeOther()
        .insert_header((LOCATION, PATH))
        .finish()
}
