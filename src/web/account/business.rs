//! `GET/POST /business`: what the business portal offers, and the application form.
//! `GET /business/thanks` after applying. Staff review applications in admin.

use crate::auth::Principal;
use crate::db::{self, audit};
use crate::domain::accounts::Email;
use crate::domain::company::{OrgNumber, VatNumber};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::account::register::NoticePage;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, Theme, render, render_status};
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::collections::HashMap;

pub use crate::domain::company_form::{INDUSTRIES, SIZES};

pub use crate::web::views::{Choice, choices};

#[derive(Default, Deserialize)]
pub struct ApplicationForm {
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub org_no: String,
    #[serde(default)]
    pub vat_no: String,
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
}

#[derive(Template)]
#[template(path = "shared/business.html")]
pub struct BusinessPage {
    pub ctx: PageContext,
    pub form: ApplicationForm,
    pub industries: Vec<Choice>,
    pub sizes: Vec<Choice>,
    pub errors: HashMap<&'static str, String>,
}

impl BusinessPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
}

async fn page(
    req: &HttpRequest,
    form: ApplicationForm,
    errors: HashMap<&'static str, String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let ctx = PageContext::with_principal(req, Theme::storefront_for(&principal), principal);
    let industries = choices(&ctx, "industry", &INDUSTRIES, &form.industry);
    let sizes = choices(&ctx, "size", &SIZES, &form.size);
    render_status(
        &BusinessPage {
            ctx,
            form,
            industries,
            sizes,
            errors,
        },
        status,
    )
}

/// `GET /business`.
pub async fn show(req: HttpRequest) -> Result<HttpResponse, AppError> {
    page(
        &req,
        ApplicationForm {
            size: "small".into(),
            ..Default::default()
        },
        HashMap::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /business`.
pub async fn apply(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ApplicationForm>,
) -> Result<HttpResponse, AppError> {
    let ip = crate::web::client_ip(&req);
    state.limits.register_ip.check(&ip)?;
    let form = form.into_inner();
    let principal = Principal::of(&req).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let mut errors: HashMap<&'static str, String> = HashMap::new();
    let name = form.company_name.trim().to_string();
    if name.is_empty() || name.chars().count() > 120 {
        errors.insert("company_name", locale.t("business-name-missing"));
    }
    let org = OrgNumber::parse(&form.org_no)
        .map_err(|key| errors.insert("org_no", locale.t(key)))
        .ok();
    let vat = if form.vat_no.trim().is_empty() {
        None
    } else {
        VatNumber::parse(&form.vat_no)
            .map_err(|key| errors.insert("vat_no", locale.t(key)))
            .ok()
    };
    if let (Some(org), Some(vat)) = (&org, &vat)
        && vat.country() == "SE"
        && !vat.as_str().contains(&org.digits())
    {
        errors.insert("vat_no", locale.t("vat-org-mismatch"));
    }
    if !INDUSTRIES.contains(&form.industry.as_str()) {
        errors.insert("industry", locale.t("business-industry-missing"));
    }
    if !SIZES.contains(&form.size.as_str()) {
        errors.insert("size", locale.t("business-size-missing"));
    }
    let contact = form.contact_name.trim().to_string();
    if contact.is_empty() || contact.chars().count() > 100 {
        errors.insert("contact_name", locale.t("register-name-missing"));
    }
    let email = Email::parse(&form.contact_email)
        .map_err(|_| errors.insert("contact_email", locale.t("register-email-invalid")))
        .ok();
    let (Some(org), Some(email), true) = (org, email, errors.is_empty()) else {
        return page(&req, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let phone = form
        .contact_phone
        .trim()
        .chars()
        .take(40)
        .collect::<String>();
    let (industry, size) = (form.industry.clone(), form.size.clone());
    let vat_text = vat.as_ref().map(|v| v.as_str().to_string());
    let mail = Mail::application_received(locale, email.as_str(), &contact, &name);
    let queued = mail.clone();
    let filed = db::run_write(&state.pool, move |c| {
        let application = db::companies::Application {
            name: &name,
            org_no: org.as_str(),
            vat_no: vat_text.as_deref(),
            industry: &industry,
            size: &size,
            contact_name: &contact,
            contact_email: email.as_str(),
            contact_phone: &phone,
        };
        let Some(id) = db::companies::apply(c, &application)? else {
            return Ok(false);
        };
        queued.enqueue(c)?;
        let sid = id.to_string();
        audit::log(c, None, "business_application", "company", &sid)?;
        Ok(true)
    })
    .await?;
    if !filed {
        let mut errors = HashMap::new();
        errors.insert("org_no", locale.t("business-org-known"));
        return page(&req, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    mail::log_queued(state.settings.environment, &mail);
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/business/thanks"))
        .finish())
}

/// `GET /business/thanks`.
pub async fn thanks(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    render(&NoticePage::new(
        ctx,
        "business-thanks-title",
        "business-thanks-text",
        "/",
        "error-go-home",
    ))
}
