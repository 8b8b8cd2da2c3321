//! The principal: who is making this request, resolved once per request from the session and the
//! database and cached in the request extensions. Handlers take the narrowest extractor they need
//! ([`Principal`], [`StaffUser`]), so authorization is visible in their signature.

use super::session;
use crate::db::{self, DbConn};
use crate::domain::accounts::{AccountKind, CompanyRole, StaffRole};
use crate::error::AppError;
use crate::startup::AppState;
use actix_session::SessionExt;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use std::future::Future;
use std::pin::Pin;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub locale: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyInfo {
    pub id: i64,
    pub name: String,
    pub industry: String,
    pub vat_verified: bool,
    pub payment_terms: String,
}

/// One company a person may buy for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyChoice {
    pub id: i64,
    pub name: String,
    pub role: CompanyRole,
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    Consumer(UserInfo),
    CompanyUser {
        user: UserInfo,
        company: CompanyInfo,
        role: CompanyRole,
        companies: Vec<CompanyChoice>,
        /// The sales representative (or administrator) acting for this user, when it is not
        /// the user themselves.
        acting: Option<UserInfo>,
    },
    Staff {
        user: UserInfo,
        role: StaffRole,
    },
}

impl Principal {
    pub fn user(&self) -> Option<&UserInfo> {
        match self {
            Principal::Anonymous => None,
            Principal::Consumer(u)
            | Principal::CompanyUser { user: u, .. }
            | Principal::Staff { user: u, .. } => Some(u),
        }
    }

    pub fn is_signed_in(&self) -> bool {
        !matches!(self, Principal::Anonymous)
    }

    /// The staff member acting for this company user, if any.
    pub fn acting(&self) -> Option<&UserInfo> {
        match self {
            Principal::CompanyUser { acting, .. } => acting.as_ref(),
            _ => None,
        }
    }

    /// The company user `user_id` in `company_id` as `staff` acts for them; `None` when they
    /// are not an active member there (any more).
    fn acted_for(
        conn: &mut DbConn,
        user_id: i64,
        company_id: i64,
        staff: UserInfo,
    ) -> Result<Option<Principal>, db::DbError> {
        let Some(u) = db::users::find(conn, user_id)? else {
            return Ok(None);
        };
        if u.disabled || AccountKind::parse(&u.kind) != Some(AccountKind::CompanyMember) {
            return Ok(None);
        }
        let memberships = db::users::memberships(conn, u.id)?;
        let info = UserInfo {
            id: u.id,
            name: u.name,
            email: u.email,
            locale: u.locale,
        };
        // Acting, only that company counts (no fallback to the person's first company).
        Ok(Principal::company_user(
            info,
            &memberships,
            Some(company_id),
            Some(staff),
        ))
    }

    /// A company user in the chosen company (or their first), with the companies they may
    /// switch to — only the chosen one while someone acts for them.
    fn company_user(
        user: UserInfo,
        memberships: &[db::users::Membership],
        chosen: Option<i64>,
        acting: Option<UserInfo>,
    ) -> Option<Principal> {
        let chosen = chosen
            .and_then(|cid| memberships.iter().find(|m| m.company_id == cid))
            .or(if acting.is_some() {
                None
            } else {
                memberships.first()
            });
        let (m, role) = chosen.and_then(|m| CompanyRole::parse(&m.role).map(|r| (m, r)))?;
        let companies = memberships
            .iter()
            .filter(|c| acting.is_none() || c.company_id == m.company_id)
            .filter_map(|m| {
                CompanyRole::parse(&m.role).map(|role| CompanyChoice {
                    id: m.company_id,
                    name: m.company_name.clone(),
                    role,
                })
            })
            .collect();
        Some(Principal::CompanyUser {
            company: CompanyInfo {
                id: m.company_id,
                name: m.company_name.clone(),
                industry: m.industry.clone(),
                vat_verified: m.vat_verified,
                payment_terms: m.payment_terms.clone(),
            },
            user,
            role,
            companies,
            acting,
        })
    }

    /// Loads the principal for the session's ids; `Anonymous` when the user is gone or disabled.
    fn load(conn: &mut DbConn, ids: session::SessionIds) -> Result<(Principal, bool), db::DbError> {
        let Some(u) = db::users::find(conn, ids.user_id)? else {
            return Ok((Principal::Anonymous, true));
        };
        if u.disabled {
            return Ok((Principal::Anonymous, true));
        }
        // A password or e-mail change ends every session signed in before it.
        if u.credentials_changed_at
            .is_some_and(|at| at.and_utc().timestamp_millis() > ids.signed_in_ms)
        {
            return Ok((Principal::Anonymous, true));
        }
        let info = UserInfo {
            id: u.id,
            name: u.name,
            email: u.email,
            locale: u.locale,
        };
        let principal = match AccountKind::parse(&u.kind) {
            Some(AccountKind::Consumer) => Principal::Consumer(info),
            Some(AccountKind::Staff) => match u.staff_role.as_deref().and_then(StaffRole::parse) {
                // A sales representative or administrator acting for a company user sees the
                // portal as they do; if that user is gone, the staff member is themselves again.
                Some(role) => {
                    let acting = ids
                        .acting_for
                        .filter(|_| matches!(role, StaffRole::SalesRep | StaffRole::Administrator));
                    let acted = match acting {
                        Some((uid, cid)) => Principal::acted_for(conn, uid, cid, info.clone())?,
                        None => None,
                    };
                    acted.unwrap_or(Principal::Staff { user: info, role })
                }
                None => return Ok((Principal::Anonymous, true)),
            },
            Some(AccountKind::CompanyMember) => {
                let memberships = db::users::memberships(conn, u.id)?;
                match Principal::company_user(info, &memberships, ids.company_id, None) {
                    Some(p) => p,
                    // A company user without an active company sees the shop as a visitor.
                    None => return Ok((Principal::Anonymous, true)),
                }
            }
            None => return Ok((Principal::Anonymous, true)),
        };
        Ok((principal, false))
    }

    /// Resolves (or returns the cached) principal of a request.
    pub async fn of(req: &HttpRequest) -> Result<Principal, AppError> {
        if let Some(p) = req.extensions().get::<Principal>() {
            return Ok(p.clone());
        }
        let state = req
            .app_data::<web::Data<AppState>>()
            .ok_or_else(|| AppError::internal("app state missing"))?;
        let session = req.get_session();
        let principal = match session::current(
            &session,
            state.settings.session.idle_timeout_minutes,
            state.settings.session.absolute_timeout_hours,
        ) {
            None => Principal::Anonymous,
            Some(ids) => match state.principals.get(&ids) {
                Some(known) => known,
                None => {
                    let generation = state.principals.generation();
                    let (p, stale) = db::run(&state.pool, move |c| Principal::load(c, ids)).await?;
                    if stale {
                        session::sign_out(&session);
                    } else {
                        state.principals.keep(ids, generation, p.clone());
                    }
                    p
                }
            },
        };
        req.extensions_mut().insert(principal.clone());
        Ok(principal)
    }
}

impl FromRequest for Principal {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Principal, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Principal::of(&req).await })
    }
}

/// A signed-in staff member; anyone else is sent to sign in (anonymous) or refused (403).
#[derive(Debug, Clone)]
pub struct StaffUser {
    pub user: UserInfo,
    pub role: StaffRole,
}

impl StaffUser {
    /// Refuses with 403 unless the staff member's role is one of `allowed`.
    pub fn require(&self, allowed: &[StaffRole]) -> Result<(), AppError> {
        if allowed.contains(&self.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl FromRequest for StaffUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<StaffUser, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            match Principal::of(&req).await? {
                Principal::Staff { user, role } => Ok(StaffUser { user, role }),
                Principal::Anonymous => Err(AppError::SignInRequired(return_path(&req))),
                _ => Err(AppError::Forbidden),
            }
        })
    }
}

/// A signed-in member of the active company, with their role there.
#[derive(Debug, Clone)]
pub struct CompanyMember {
    pub user: UserInfo,
    pub company: CompanyInfo,
    pub role: CompanyRole,
}

impl CompanyMember {
    /// The company member of `principal`; anyone else is sent to sign in (anonymous, back to
    /// `path`) or refused (403).
    pub fn of(principal: &Principal, path: &str) -> Result<CompanyMember, AppError> {
        match principal {
            Principal::CompanyUser {
                user,
                company,
                role,
                ..
            } => Ok(CompanyMember {
                user: user.clone(),
                company: company.clone(),
                role: *role,
            }),
            Principal::Anonymous => Err(AppError::SignInRequired(path.to_string())),
            _ => Err(AppError::Forbidden),
        }
    }

    /// Refuses with 403 unless the member's role in the active company is one of `allowed`.
    pub fn require(self, allowed: &[CompanyRole]) -> Result<CompanyMember, AppError> {
        if allowed.contains(&self.role) {
            Ok(self)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl FromRequest for CompanyMember {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<CompanyMember, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let principal = Principal::of(&req).await?;
            CompanyMember::of(&principal, &return_path(&req))
        })
    }
}

/// Where to return after signing in: the page asked for, or the home page after a form post.
fn return_path(req: &HttpRequest) -> String {
    if req.method() == actix_web::http::Method::GET {
        req.uri().to_string()
    } else {
        "/".to_string()
    }
}

/// A company admin of the active company (manages its people, addresses and all its orders).
#[derive(Debug, Clone)]
pub struct CompanyAdmin(pub CompanyMember);

impl std::ops::Deref for CompanyAdmin {
    type Target = CompanyMember;

    fn deref(&self) -> &CompanyMember {
        &self.0
    }
}

impl FromRequest for CompanyAdmin {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<CompanyAdmin, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let principal = Principal::of(&req).await?;
            CompanyMember::of(&principal, &return_path(&req))?
                .require(&[CompanyRole::Admin])
                .map(CompanyAdmin)
        })
    }
}
