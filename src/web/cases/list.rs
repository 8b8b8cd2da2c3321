//! `GET /cases`: the signed-in person's after-sales cases (a company's admins and approvers see
//! every case of the company, with who opened it).

use crate::auth::Principal;
use crate::db::{self, cases as store};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, Theme};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

pub struct CaseRowView {
    pub number: String,
    pub url: String,
    pub subject: String,
    pub status: String,
    pub status_code: &'static str,
    pub opened: String,
    pub datetime: String,
    pub updated: String,
    /// Who opened it, on a company-wide list.
    pub by: Option<String>,
}

pub struct CasesView {
    pub cases: Vec<CaseRowView>,
    pub company_wide: bool,
}

storefront_page!(
    list_pages,
    render_list,
    CasesView,
    "b2c/cases.html",
    "b2b/cases.html"
);

/// `GET /cases` (visitors are asked to sign in; staff work cases in admin).
pub async fn list(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    match &principal {
        Principal::Anonymous => return Ok(crate::web::see_other("/login?next=/cases")),
        Principal::Staff { .. } => return Ok(crate::web::see_other("/admin/cases")),
        _ => {}
    }
    let Some(reader) = super::reader_of(&principal) else {
        return Err(AppError::NotFound);
    };
    let (user, company, company_wide) = match reader {
        crate::domain::cases::Reader::Consumer { user } => (user, None, false),
        crate::domain::cases::Reader::Company {
            user,
            company,
            company_wide,
        } => (user, Some((company, company_wide)), company_wide),
    };
    let rows = db::run(&state.pool, move |c| store::for_reader(c, user, company)).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let v = CasesView {
        company_wide,
        cases: rows
            .into_iter()
            .map(|r| CaseRowView {
                url: super::case_url(&r.number, &r.public_token),
                subject: r.subject.clone(),
                status: super::status_label(&r.status, locale),
                status_code: r.status().code(),
                opened: locale.date(r.created_at),
                datetime: r.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                updated: super::stamp(&state, r.updated_at, locale),
                by: company_wide.then(|| r.customer.clone().unwrap_or(r.email.clone())),
                number: r.number,
            })
            .collect(),
    };
    Ok(crate::web::cache_control(
        render_list(ctx, v, StatusCode::OK)?,
        "private, no-store",
    ))
}
