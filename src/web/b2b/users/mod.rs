//! Company admins manage their company's people: `GET/POST /b2b/company/users` (list, invite here),
//! `POST /b2b/company/users/{id}` and `…/{id}/active` (in `manage`). Everything is scoped to the
//! active company: another company's membership id is 404.

mod manage;

pub use manage::{set_active, update};

use crate::auth::{CompanyAdmin, CompanyMember, Principal, session};
use crate::db::{self, DbError, audit, tokens};
use crate::domain::accounts::{CompanyRole, Email};
use crate::domain::money::{Currency, Money, parse_amount_minor};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, Theme, render_status};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;

const PATH: &str = "/b2b/company/users";

/// The signed-in company admin: (user id, company id, company name).
pub(super) fn company_admin(principal: &Principal) -> Result<(i64, i64, String), AppError> {
    let admin = CompanyMember::of(principal, PATH)?.require(&[CompanyRole::Admin])?;
    Ok((admin.user.id, admin.company.id, admin.company.name))
}

pub struct RoleOption {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct MemberView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<RoleOption>,
    pub order_limit: String,
    pub monthly_limit: String,
    pub active: bool,
    pub invited: bool,
    pub is_me: bool,
}

#[derive(Default)]
pub struct InviteDraft {
    pub name: String,
    pub email: String,
    pub role: String,
    pub order_limit: String,
    pub monthly_limit: String,
}

#[derive(Template)]
#[template(path = "b2b/users.html")]
pub struct UsersPage {
    pub ctx: PageContext,
    pub company: String,
    pub members: Vec<MemberView>,
    pub draft: InviteDraft,
    pub invite_roles: Vec<RoleOption>,
    pub error: Option<String>,
}

fn roles(ctx: &PageContext, selected: &str) -> Vec<RoleOption> {
    CompanyRole::ALL
        .iter()
        .map(|r| RoleOption {
            code: r.code(),
            label: ctx.t(&format!("company-role-{}", r.code())),
            selected: r.code() == selected,
        })
        .collect()
}

pub(crate) fn amount_text(limit: Option<db::money_sql::MinorUnits>) -> String {
    limit
        .map(|m| {
            Money::from_minor(m.0, Currency::Sek)
                .amount()
                .normalize()
                .to_string()
        })
        .unwrap_or_default()
}

pub(super) async fn page(
    req: &HttpRequest,
    state: &AppState,
    draft: InviteDraft,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let (me, company_id, company) = company_admin(&principal)?;
    let members = db::run(&state.pool, move |c| db::companies::members(c, company_id)).await?;
    let ctx = PageContext::with_principal(req, Theme::B2b, principal);
    let members = members
        .into_iter()
        .map(|m| MemberView {
            roles: roles(&ctx, &m.role),
            order_limit: amount_text(m.order_limit),
            monthly_limit: amount_text(m.monthly_limit),
            invited: m.password_hash.starts_with('!'),
            is_me: m.user_id == me,
            id: m.membership_id,
            name: m.name,
            email: m.email,
            active: m.active,
        })
        .collect();
    let invite_roles = roles(
        &ctx,
        if draft.role.is_empty() {
            "buyer"
        } else {
            &draft.role
        },
    );
    render_status(
        &UsersPage {
            ctx,
            company,
            members,
            draft,
            invite_roles,
            error,
        },
        status,
    )
}

/// `GET /b2b/company/users`.
pub async fn list(
    req: HttpRequest,
    _admin: CompanyAdmin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    page(&req, &state, InviteDraft::default(), None, StatusCode::OK).await
}

pub(crate) fn optional_limit(input: &str) -> Result<Option<i64>, &'static str> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_amount_minor(input).map(Some)
    }
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    order_limit: String,
    #[serde(default)]
    monthly_limit: String,
}

enum InviteRefusal {
    Db(DbError),
    AlreadyMember,
    AddressTaken,
}

impl From<DbError> for InviteRefusal {
    fn from(e: DbError) -> Self {
        InviteRefusal::Db(e)
    }
}

impl From<diesel::result::Error> for InviteRefusal {
    fn from(e: diesel::result::Error) -> Self {
        InviteRefusal::Db(e.into())
    }
}

/// `POST /b2b/company/users`: invites a colleague (or adds an existing business user).
pub async fn invite(
    req: HttpRequest,
    admin: CompanyAdmin,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<InviteForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (me, company_id, company) = (admin.user.id, admin.company.id, admin.company.name.clone());
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let f = form.into_inner();
    let draft = InviteDraft {
        name: f.name.trim().into(),
        email: f.email.trim().into(),
        role: f.role.clone(),
        order_limit: f.order_limit.clone(),
        monthly_limit: f.monthly_limit.clone(),
    };
    let email = Email::parse(&f.email);
    let role = CompanyRole::parse(&f.role);
    let limits = (
        optional_limit(&f.order_limit),
        optional_limit(&f.monthly_limit),
    );
    let problem = if draft.name.is_empty() {
        Some("register-name-missing")
    } else if email.is_err() {
        Some("register-email-invalid")
    } else if role.is_none() {
        Some("users-role-missing")
    } else if let (Err(e), _) | (_, Err(e)) = &limits {
        Some(*e)
    } else {
        None
    };
    let (Ok(email), Some(role), (Ok(order_limit), Ok(monthly_limit)), None) =
        (email, role, limits, problem)
    else {
        let error = problem.map(|k| locale.t(k));
        return page(&req, &state, draft, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let base = state.public_base_url();
    let now = chrono::Utc::now().naive_utc();
    let name = draft.name.clone();
    let outcome = db::run(&state.pool, move |c| {
        Ok(db::write_transaction(
            c,
            |c| -> Result<Mail, InviteRefusal> {
                let (user_id, membership) = match db::companies::invite_member(
                    c,
                    company_id,
                    email.as_str(),
                    &name,
                    role.code(),
                )? {
                    Ok(ids) => ids,
                    Err(db::companies::InviteProblem::AlreadyMember) => {
                        return Err(InviteRefusal::AlreadyMember);
                    }
                    Err(db::companies::InviteProblem::AddressTaken) => {
                        return Err(InviteRefusal::AddressTaken);
                    }
                };
                db::companies::update_member(
                    c,
                    company_id,
                    membership,
                    role.code(),
                    order_limit,
                    monthly_limit,
                )?;
                let token = tokens::issue(c, "invitation", user_id, now, Duration::days(7))?;
                let mail = Mail::invitation(
                    locale,
                    email.as_str(),
                    &name,
                    &company,
                    &format!("{base}/invitation?token={token}"),
                );
                mail.enqueue(c)?;
                let sid = membership.to_string();
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(me),
                        action: "member_invited",
                        subject_type: "membership",
                        subject_id: &sid,
                        before: None,
                        after: Some(role.code()),
                    },
                )?;
                Ok(mail)
            },
        ))
    })
    .await?;
    match outcome {
        Ok(mail) => {
            mail::log_queued(state.settings.environment, &mail);
            session::flash(&session, "users-invited");
            Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, PATH))
                .finish())
        }
        Err(InviteRefusal::Db(e)) => Err(e.into()),
        Err(refusal) => {
            let key = if matches!(refusal, InviteRefusal::AlreadyMember) {
                "users-already-member"
            } else {
                "users-address-taken"
            };
            page(
                &req,
                &state,
                draft,
                Some(locale.t(key)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
