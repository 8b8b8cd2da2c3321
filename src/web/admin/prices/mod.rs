//! Agreed prices for administrators and sales reps. `GET /admin/prices`: the price lists, each
//! company's list and payment terms, the terms' adjustments, and a preview — "the price for
//! company X, product S, quantity N, on terms T, on day D" — computed by the storefront's own
//! pipeline. `POST /admin/prices/lists` adds a list, `POST /admin/prices/terms/{code}` changes
//! an adjustment. A list's tiers are at `/admin/prices/lists/{id}` (`list`), a company's
//! agreements at `/admin/prices/companies/{id}` (`company`). Every change is audited and clears
//! the read caches, so buyers see new prices on their next page.

mod company;
mod list;
mod preview;
mod rows;

pub use company::{add_contract, assign, company};
pub use list::{change_list, list};
use preview::{PreviewQuery, PreviewView, preview};

use super::nav::{self, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, price_admin as store};
use crate::domain::money::{Currency, Money};
use crate::domain::price_form::{self as rules, DATE_FORMAT, check_adjustment, percent_text};
use crate::domain::pricing::{Buyer, TaxRate};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::price_explain::WhyPriceView;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::sync::Arc;

const PATH: &str = "/admin/prices";

pub struct ListView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub entries: i64,
    pub companies: String,
}

pub struct TermsView {
    pub code: String,
    pub name: String,
    pub days: i32,
    /// As typed: "-2", "1,5".
    pub adjustment: String,
    pub error: Option<String>,
}

pub struct CompanyView {
    pub id: i64,
    pub name: String,
    pub list: String,
    pub terms: String,
}

#[derive(Template)]
#[template(path = "admin/prices.html")]
pub struct PricesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub lists: Vec<ListView>,
    pub terms: Vec<TermsView>,
    pub companies: Vec<CompanyView>,
    pub preview_companies: Vec<OptionView>,
    pub preview_terms: Vec<OptionView>,
    pub query: PreviewQuery,
    pub preview: Option<PreviewView>,
    pub preview_error: Option<String>,
    pub list_form: (String, String),
    pub list_errors: Vec<(&'static str, String)>,
}

impl PricesPage {
    pub fn list_error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.list_errors, field)
    }
}

fn money(ctx: &PageContext, minor: i64) -> String {
    Money::from_minor(minor, Currency::Sek).format(ctx.locale.code())
}

/// Builds the overview.
pub(super) async fn overview_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    query: PreviewQuery,
    list_form: (String, String),
    list_errors: Vec<(&'static str, String)>,
    terms_error: Option<(String, String, String)>,
) -> Result<PricesPage, AppError> {
    let (lists, terms, companies) = db::run(&state.pool, |c| {
        Ok((store::lists(c)?, store::terms(c)?, store::companies(c)?))
    })
    .await?;
    let (preview, preview_error) = match preview(state, &ctx, &query).await? {
        Ok(p) => (p, None),
        Err(e) => (None, Some(e)),
    };
    let list_name = |id: Option<i64>| {
        id.and_then(|id| lists.iter().find(|l| l.id == id).map(|l| l.name.clone()))
            .unwrap_or_else(|| ctx.t("prices-no-list"))
    };
    let terms_name = |code: &str| {
        terms
            .iter()
            .find(|t| t.0 == code)
            .map_or(code.to_string(), |t| t.1.clone())
    };
    let mut preview_companies = vec![OptionView {
        value: String::new(),
        label: ctx.t("preview-company-choose"),
        selected: query.company.is_empty(),
    }];
    preview_companies.extend(companies.iter().map(|(id, name, _, _)| OptionView {
        value: id.to_string(),
        label: name.clone(),
        selected: id.to_string() == query.company,
    }));
    let mut preview_terms = vec![OptionView {
        value: String::new(),
        label: ctx.t("preview-terms-own"),
        selected: query.terms.is_empty(),
    }];
    preview_terms.extend(terms.iter().map(|(code, name, _, _)| OptionView {
        value: code.clone(),
        label: name.clone(),
        selected: *code == query.terms,
    }));
    Ok(PricesPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        companies: companies
            .iter()
            .map(|(id, name, list, terms)| CompanyView {
                id: *id,
                name: name.clone(),
                list: list_name(*list),
                terms: terms_name(terms),
            })
            .collect(),
        lists: lists
            .iter()
            .map(|l| ListView {
                id: l.id,
                code: l.code.clone(),
                name: l.name.clone(),
                entries: l.entries,
                companies: l.companies.join(", "),
            })
            .collect(),
        terms: terms
            .iter()
            .map(|(code, name, days, bp)| {
                let err = terms_error.as_ref().filter(|(c, _, _)| c == code);
                TermsView {
                    code: code.clone(),
                    name: name.clone(),
                    days: *days,
                    adjustment: err
                        .map_or_else(|| percent_text(*bp), |(_, typed, _)| typed.clone()),
                    error: err.map(|(_, _, e)| e.clone()),
                }
            })
            .collect(),
        preview_companies,
        preview_terms,
        query,
        preview,
        preview_error,
        list_form,
        list_errors,
        ctx,
    })
}

/// `GET /admin/prices?company=&sku=&qty=&terms=&day=`.
pub async fn overview(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let mut query = query.into_inner();
    query.sku = query.sku.chars().take(40).collect();
    query.qty = query.qty.chars().take(12).collect();
    query.day = query.day.chars().take(12).collect();
    let page = overview_page(
        &state,
        ctx,
        &staff,
        query,
        Default::default(),
        Vec::new(),
        None,
    )
    .await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

#[derive(Deserialize)]
pub struct ListForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
}

/// `POST /admin/prices/lists`: a new, empty price list.
pub async fn create_list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<ListForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = form.into_inner();
    let typed = (
        form.code.chars().take(60).collect::<String>(),
        form.name.chars().take(120).collect::<String>(),
    );
    let errors = match rules::check_list(&form.code, &form.name) {
        Ok((code, name)) => {
            let actor = staff.user.id;
            let now = chrono::Utc::now().naive_utc();
            let made = db::run_write(&state.pool, move |c| {
                let Some(id) = store::create_list(c, &code, &name, now)? else {
                    return Ok(None);
                };
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(actor),
                        action: "price_list_create",
                        subject_type: "price_list",
                        subject_id: &id.to_string(),
                        before: None,
                        after: Some(&format!("{code}: {name}")),
                    },
                )?;
                Ok(Some(id))
            })
            .await?;
            if let Some(id) = made {
                session::flash(&session, "price-list-created");
                return Ok(see_other(format!("{PATH}/lists/{id}")));
            }
            vec![("code", ctx.t("price-list-code-taken"))]
        }
        Err(e) => e.into_iter().map(|(f, k)| (f, ctx.t(k))).collect(),
    };
    let page = overview_page(
        &state,
        ctx,
        &staff,
        PreviewQuery::default(),
        typed,
        errors,
        None,
    )
    .await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(Deserialize)]
pub struct TermsForm {
    #[serde(default)]
    adjustment: String,
}

/// `POST /admin/prices/terms/{code}`: a payment term's adjustment, typed as a percentage.
pub async fn set_terms(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    code: web::Path<String>,
    form: web::Form<TermsForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let code = code.into_inner();
    let typed: String = form.into_inner().adjustment.chars().take(20).collect();
    let ctx = nav::staff_context(&req, &staff);
    let key = match check_adjustment(&typed) {
        Ok(bp) => {
            let actor = staff.user.id;
            let c_code = code.clone();
            let old = db::run_write(&state.pool, move |c| {
                let old = store::set_adjustment(c, &c_code, bp)?;
                if let Some(old) = old {
                    audit::record(
                        c,
                        &audit::Entry {
                            actor_user_id: Some(actor),
                            action: "payment_terms_adjust",
                            subject_type: "payment_terms",
                            subject_id: &c_code,
                            before: Some(&format!("{old} bp")),
                            after: Some(&format!("{bp} bp")),
                        },
                    )?;
                }
                Ok(old)
            })
            .await?;
            if old.is_none() {
                return Err(AppError::NotFound);
            }
            state.cache.clear();
            session::flash(&session, "terms-saved");
            return Ok(see_other(format!("{PATH}#payment-terms")));
        }
        Err(key) => key,
    };
    let message = ctx
        .locale
        .t_args(key, &[("max", percent_text(rules::ADJUSTMENT_MAX_BP))]);
    let page = overview_page(
        &state,
        ctx,
        &staff,
        PreviewQuery::default(),
        Default::default(),
        Vec::new(),
        Some((code, typed, message)),
    )
    .await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}
