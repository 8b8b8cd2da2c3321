//! One company for staff: `GET /admin/companies/{id}`, `POST /admin/companies/{id}` (the form:
//! name, industry, size, contact, credit limit, active or suspended — a suspended company's
//! people cannot act for it until it is active again) and `POST
//! /admin/companies/{id}/members/{membership}` (a person's role, limits, and whether they may
//! act for the company). Everything is scoped by the company in the address and audited.

use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::domain::accounts::CompanyRole;
use crate::domain::company_form::{self as rules, INDUSTRIES, Input, SIZES};
use crate::web::admin::nav::{Choice, choices};
use crate::web::b2b::users::{amount_text, optional_limit};
use crate::web::{render_status, see_other};
use actix_web::http::StatusCode;

/// A person of the company as the staff page lists them.
pub struct MemberView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<Choice>,
    pub order_limit: String,
    pub monthly_limit: String,
    pub active: bool,
    /// Invited and not signed in yet.
    pub invited: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/company.html")]
pub struct CompanyPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub org_no: String,
    pub vat: String,
    pub since: String,
    /// "SEK 180,000.00 of SEK 250,000.00 left".
    pub credit: String,
    pub editable: bool,
    pub form: CompanyForm,
    pub industries: Vec<Choice>,
    pub sizes: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
    pub members: Vec<MemberView>,
    pub may_price: bool,
}

impl CompanyPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

/// The form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct CompanyForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub size: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub credit_limit: String,
    #[serde(default)]
    pub status: String,
}

/// Builds the page; `form` None shows the stored values, `member_error` marks one person's row.
async fn page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    id: i64,
    form: Option<CompanyForm>,
    errors: Vec<(&'static str, String)>,
    member_error: Option<(i64, String)>,
) -> Result<CompanyPage, AppError> {
    let (row, members, credit) = db::run(&state.pool, move |c| {
        let Some(row) = store::find(c, id)? else {
            return Ok(None);
        };
        Ok(Some((
            row,
            db::companies::members(c, id)?,
            db::companies::credit(c, id)?,
        )))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let form = form.unwrap_or_else(|| CompanyForm {
        name: row.name.clone(),
        industry: row.industry.clone(),
        size: row.size.clone(),
        contact_name: row.contact_name.clone(),
        contact_email: row.contact_email.clone(),
        contact_phone: row.contact_phone.clone(),
        credit_limit: amount_text(Some(db::money_sql::MinorUnits(row.credit_limit_minor))),
        status: row.status.clone(),
    });
    let members = members
        .into_iter()
        .map(|m| MemberView {
            id: m.membership_id,
            roles: CompanyRole::ALL
                .iter()
                .map(|r| Choice {
                    value: r.code(),
                    label: ctx.t(&format!("company-role-{}", r.code())),
                    selected: r.code() == m.role,
                })
                .collect(),
            order_limit: amount_text(m.order_limit),
            monthly_limit: amount_text(m.monthly_limit),
            active: m.active,
            invited: m.password_hash.starts_with('!'),
            error: member_error
                .as_ref()
                .filter(|(mid, _)| *mid == m.membership_id)
                .map(|(_, e)| e.clone()),
            name: m.name,
            email: m.email,
        })
        .collect();
    Ok(CompanyPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        id,
        org_no: row.org_no,
        vat: match row.vat_no {
            Some(v) if row.vat_verified => {
                ctx.locale.t_args("company-vat-verified", &[("number", v)])
            }
            Some(v) => v,
            None => "–".into(),
        },
        since: crate::web::b2b::demos::when_label(state, row.created_at, ctx.locale),
        credit: ctx.locale.t_args(
            "company-credit-left",
            &[
                ("left", money(&ctx, credit.1)),
                ("limit", money(&ctx, credit.0)),
            ],
        ),
        editable: matches!(row.status.as_str(), "active" | "suspended"),
        industries: choices(&ctx, "industry", &INDUSTRIES, &form.industry),
        sizes: choices(&ctx, "size", &SIZES, &form.size),
        statuses: choices(&ctx, "company-status", &rules::STATUSES, &form.status),
        form,
        errors,
        members,
        may_price: nav::allowed("/admin/prices").contains(&staff.role),
        ctx,
    })
}

/// `GET /admin/companies/{id}`.
pub async fn company(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let page = page(&state, ctx, &staff, id.into_inner(), None, Vec::new(), None).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// `POST /admin/companies/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<CompanyForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let mut form = form.into_inner();
    for (field, max) in [
        (&mut form.name, 150),
        (&mut form.contact_name, 150),
        (&mut form.contact_email, 200),
        (&mut form.contact_phone, 60),
        (&mut form.credit_limit, 30),
    ] {
        *field = field.chars().take(max).collect();
    }
    let ctx = nav::staff_context(&req, &staff);
    let checked = rules::check(&Input {
        name: &form.name,
        industry: &form.industry,
        size: &form.size,
        contact_name: &form.contact_name,
        contact_email: &form.contact_email,
        contact_phone: &form.contact_phone,
        credit_limit: &form.credit_limit,
        status: &form.status,
    });
    let draft = match checked {
        Ok(d) => d,
        Err(e) => {
            let errors = e.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
            let page = page(&state, ctx, &staff, id, Some(form), errors, None).await?;
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let saved = db::run_write(&state.pool, move |c| {
        let Some(before) = store::find(c, id)? else {
            return Ok(false);
        };
        if !store::update(c, id, &draft, now)? {
            return Ok(false);
        }
        let text = |name: &str, status: &str, credit: i64, industry: &str, size: &str| {
            format!("{name} [{status}, credit {credit} öre, {industry}, {size}]")
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if before.status != draft.status {
                    if draft.status == "suspended" {
                        "company_suspend"
                    } else {
                        "company_reactivate"
                    }
                } else {
                    "company_update"
                },
                subject_type: "company",
                subject_id: &id.to_string(),
                before: Some(&text(
                    &before.name,
                    &before.status,
                    before.credit_limit_minor,
                    &before.industry,
                    &before.size,
                )),
                after: Some(&text(
                    &draft.name,
                    draft.status,
                    draft.credit_limit_minor,
                    draft.industry,
                    draft.size,
                )),
            },
        )?;
        Ok(true)
    })
    .await?;
    if !saved {
        return Err(AppError::NotFound);
    }
    state.cache.clear();
    session::flash(&session, "company-saved");
    Ok(see_other(format!("{PATH}/{id}")))
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    order_limit: String,
    #[serde(default)]
    monthly_limit: String,
    #[serde(default)]
    active: Option<String>,
}

/// `POST /admin/companies/{id}/members/{membership}`.
pub async fn member(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    path: web::Path<(i64, i64)>,
    form: web::Form<MemberForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (id, membership) = path.into_inner();
    let f = form.into_inner();
    let role =
        CompanyRole::parse(&f.role).ok_or_else(|| AppError::BadRequest("unknown role".into()))?;
    let ctx = nav::staff_context(&req, &staff);
    let (order_limit, monthly_limit) = match (
        optional_limit(&f.order_limit),
        optional_limit(&f.monthly_limit),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            let message = ctx.t(e);
            let page = page(
                &state,
                ctx,
                &staff,
                id,
                None,
                Vec::new(),
                Some((membership, message)),
            )
            .await?;
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let active = f.active.is_some();
    let actor = staff.user.id;
    let found = db::run_write(&state.pool, move |c| {
        let members = db::companies::members(c, id)?;
        let Some(m) = members.iter().find(|m| m.membership_id == membership) else {
            return Ok(false);
        };
        db::companies::update_member(c, id, membership, role.code(), order_limit, monthly_limit)?;
        db::companies::set_member_active(c, id, membership, active)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "member_changed_by_staff",
                subject_type: "membership",
                subject_id: &membership.to_string(),
                before: Some(&format!(
                    "{} {} [{:?} / {:?}]{}",
                    m.email,
                    m.role,
                    m.order_limit.map(|l| l.0),
                    m.monthly_limit.map(|l| l.0),
                    if m.active { "" } else { ", inactive" }
                )),
                after: Some(&format!(
                    "{} {} [{order_limit:?} / {monthly_limit:?}]{}",
                    m.email,
                    role.code(),
                    if active { "" } else { ", inactive" }
                )),
            },
        )?;
        Ok(true)
    })
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    session::flash(&session, "member-saved");
    Ok(see_other(format!("{PATH}/{id}#people")))
}
