//! `GET /admin/applications` (oldest first; `?q=` and `?industry=` search the queue) and the
//! decisions `POST /admin/applications/{id}/approve` and
//! `…/reject`. Administrators and sales representatives.
//!
//! Approving activates the company, creates (or reuses) the contact's business account as company
//! admin, and e-mails a single-use invitation to set a password.

use super::nav::{self, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::{self, DbError, audit, tokens};
use crate::domain::company_form::INDUSTRIES;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, render};
use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;

const PATH: &str = "/admin/applications";
/// How long an invitation link works.
const INVITATION_DAYS: i64 = 7;

pub struct ApplicationView {
    pub id: i64,
    pub name: String,
    pub org_no: String,
    pub vat_no: String,
    pub industry: String,
    pub size: String,
    pub contact: String,
    pub email: String,
    pub phone: String,
    pub received: String,
}

#[derive(Template)]
#[template(path = "admin/applications.html")]
pub struct ApplicationsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub applications: Vec<ApplicationView>,
    /// How many are waiting in all, whatever the search.
    pub waiting: usize,
    pub q: String,
    pub industries: Vec<nav::OptionView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// `?q=` words in the company's name, organisation or VAT number, contact, e-mail or phone;
/// `?industry=`.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    industry: String,
    #[serde(default)]
    page: Option<i64>,
}

/// `GET /admin/applications`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let pending = db::run(&state.pool, db::companies::pending_applications).await?;
    let ctx = nav::staff_context(&req, &staff);
    let q: String = query.q.trim().chars().take(100).collect();
    let words = crate::domain::faq::words(&q);
    let industry = INDUSTRIES.into_iter().find(|i| *i == query.industry);
    let waiting = pending.len();
    let applications: Vec<ApplicationView> = pending
        .into_iter()
        // A queue of a few at a time: searched here.
        .filter(|a| industry.is_none_or(|i| a.industry == i))
        .filter(|a| {
            let company = format!(
                "{} {} {}",
                a.name,
                a.org_no,
                a.vat_no.as_deref().unwrap_or_default()
            );
            let contact = format!("{} {} {}", a.contact_name, a.contact_email, a.contact_phone);
            crate::domain::faq::matches(&words, &company, &contact)
        })
        .map(|a| ApplicationView {
            industry: ctx.t(&format!("industry-{}", a.industry)),
            size: ctx.t(&format!("size-{}", a.size)),
            received: ctx.locale.date(a.created_at),
            id: a.id,
            name: a.name,
            org_no: a.org_no,
            vat_no: a.vat_no.unwrap_or_default(),
            contact: a.contact_name,
            email: a.contact_email,
            phone: a.contact_phone,
        })
        .collect();
    let (applications, prev, next) = nav::page_in_memory(applications, query.page, |n| {
        format!(
            "{PATH}?q={}&industry={}&page={n}",
            crate::web::url_encode(&q),
            industry.unwrap_or_default()
        )
    });
    render(&ApplicationsPage {
        prev,
        next,
        nav: nav::menu(&ctx, staff.role, PATH),
        industries: nav::filter_options(&ctx, industry, &INDUSTRIES, |i| {
            ctx.t(&format!("industry-{i}"))
        }),
        applications,
        waiting,
        q,
        ctx,
    })
}

/// Why an approval could not go ahead.
enum Refusal {
    Db(DbError),
    /// The contact's address belongs to a consumer or staff account.
    AddressTaken,
}

impl From<DbError> for Refusal {
    fn from(e: DbError) -> Self {
        Refusal::Db(e)
    }
}

impl From<diesel::result::Error> for Refusal {
    fn from(e: diesel::result::Error) -> Self {
        Refusal::Db(e.into())
    }
}

/// `POST /admin/applications/{id}/approve`.
pub async fn approve(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (id, staff_id) = (id.into_inner(), staff.user.id);
    let base = state.public_base_url();
    let locale = Locale::parse(&state.settings.shop.default_locale).unwrap_or(Locale::Sv);
    let now = chrono::Utc::now().naive_utc();
    let outcome = db::run(&state.pool, move |c| {
        let result = db::write_transaction(c, |c| -> Result<Mail, Refusal> {
            let app = db::companies::decide(c, id, "active")?;
            // A new company has no members, so the only problem can be a consumer or staff address.
            let (user_id, _) = db::companies::invite_member(
                c,
                id,
                &app.contact_email,
                &app.contact_name,
                "admin",
            )?
            .map_err(|_| Refusal::AddressTaken)?;
            let token = tokens::issue(
                c,
                "invitation",
                user_id,
                now,
                Duration::days(INVITATION_DAYS),
            )?;
            let mail = Mail::invitation(
                locale,
                &app.contact_email,
                &app.contact_name,
                &app.name,
                &format!("{base}/invitation?token={token}"),
            );
            mail.enqueue(c)?;
            let sid = id.to_string();
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(staff_id),
                    action: "company_approved",
                    subject_type: "company",
                    subject_id: &sid,
                    before: Some("pending"),
                    after: Some("active"),
                },
            )?;
            Ok(mail)
        });
        Ok(result)
    })
    .await?;
    match outcome {
        Ok(mail) => {
            mail::log_queued(state.settings.environment, &mail);
            session::flash(&session, "admin-application-approved");
        }
        Err(Refusal::AddressTaken) => session::flash(&session, "admin-application-address-taken"),
        Err(Refusal::Db(e)) => return Err(e.into()),
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, PATH))
        .finish())
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

/// `POST /admin/applications/{id}/reject`: the reason goes to the applicant.
pub async fn reject(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
    form: web::Form<RejectForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let reason = form
        .into_inner()
        .reason
        .trim()
        .chars()
        .take(1000)
        .collect::<String>();
    if reason.is_empty() {
        session::flash(&session, "admin-application-reason-missing");
        return Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, PATH))
            .finish());
    }
    let (id, staff_id) = (id.into_inner(), staff.user.id);
    let locale = Locale::parse(&state.settings.shop.default_locale).unwrap_or(Locale::Sv);
    let mail = db::run_write(&state.pool, move |c| {
        let app = db::companies::decide(c, id, "rejected")?;
        let mail = Mail::application_rejected(
            locale,
            &app.contact_email,
            &app.contact_name,
            &app.name,
            &reason,
        );
        mail.enqueue(c)?;
        let sid = id.to_string();
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(staff_id),
                action: "company_rejected",
                subject_type: "company",
                subject_id: &sid,
                before: Some("pending"),
                after: Some(&reason),
            },
        )?;
        Ok(mail)
    })
    .await?;
    mail::log_queued(state.settings.environment, &mail);
    session::flash(&session, "admin-application-rejected");
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, PATH))
        .finish())
}
