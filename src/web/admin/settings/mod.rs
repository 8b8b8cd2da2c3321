//! Shop settings, for administrators: `GET /admin/settings` and one form per thing it sets —
//! `POST /admin/settings/shop` (the shop's name in every page's frame, the return window),
//! `POST /admin/settings/vat/{code}` (a VAT class's name and rate),
//! `POST /admin/settings/delivery` (a new delivery method) and
//! `POST /admin/settings/delivery/{code}` (price excl. VAT, free from, days, offered or not;
//! the last offered method cannot be switched off). Checked by `domain::settings_form`,
//! audited before → after, and the read caches and page frame follow at once.

mod delivery;

use super::nav::{self, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, settings as store};
use crate::domain::price_form::percent_text;
use crate::domain::settings_form as rules;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, export_amount, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
pub use delivery::{add_delivery, change_delivery};
use serde::Deserialize;

const PATH: &str = "/admin/settings";

type FieldErrors = Vec<(&'static str, String)>;

#[derive(Deserialize, Default, Clone)]
pub struct ShopForm {
    #[serde(default)]
    pub shop_name: String,
    #[serde(default)]
    pub return_days: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct RateForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub rate: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct DeliveryForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub price: String,
    #[serde(default)]
    pub free_over: String,
    #[serde(default)]
    pub min_days: String,
    #[serde(default)]
    pub max_days: String,
    #[serde(default)]
    pub active: Option<String>,
}

/// One row's form: its key (a code, empty for the new delivery method), what it shows and the
/// messages of a refused save.
pub struct Row<F> {
    pub code: String,
    pub form: F,
    pub errors: FieldErrors,
}

impl<F> Row<F> {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub shop: Row<ShopForm>,
    pub rates: Vec<Row<RateForm>>,
    pub methods: Vec<Row<DeliveryForm>>,
    pub new_method: Row<DeliveryForm>,
}

/// A refused form with what was typed.
pub(super) enum Refused {
    Shop(ShopForm, FieldErrors),
    Rate(String, RateForm, FieldErrors),
    Delivery(Option<String>, DeliveryForm, FieldErrors),
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    refused: Option<Refused>,
) -> Result<SettingsPage, AppError> {
    let default_name = state.settings.shop.name.clone();
    let (name, days, classes, methods) = db::run(&state.pool, move |c| {
        Ok((
            store::text(c, store::SHOP_NAME, &default_name)?,
            store::number(c, store::RETURN_WINDOW, db::returns::DEFAULT_WINDOW_DAYS)?,
            store::tax_classes(c)?,
            store::delivery_methods(c)?,
        ))
    })
    .await?;
    let mut shop = Row {
        code: String::new(),
        form: ShopForm {
            shop_name: name,
            return_days: days.to_string(),
        },
        errors: Vec::new(),
    };
    let mut rates: Vec<Row<RateForm>> = classes
        .into_iter()
        .map(|t| Row {
            form: RateForm {
                name: t.name,
                rate: percent_text(t.rate_bp),
            },
            code: t.code,
            errors: Vec::new(),
        })
        .collect();
    let mut methods: Vec<Row<DeliveryForm>> = methods
        .into_iter()
        .map(|m| Row {
            form: DeliveryForm {
                name: m.name,
                price: export_amount(m.price_minor),
                free_over: m.free_over_minor.map(export_amount).unwrap_or_default(),
                min_days: m.min_days.to_string(),
                max_days: m.max_days.to_string(),
                active: m.active.then(|| "1".into()),
            },
            code: m.code,
            errors: Vec::new(),
        })
        .collect();
    let mut new_method = Row {
        code: String::new(),
        form: DeliveryForm {
            active: Some("1".into()),
            ..DeliveryForm::default()
        },
        errors: Vec::new(),
    };
    match refused {
        Some(Refused::Shop(form, errors)) => {
            shop = Row {
                form,
                errors,
                ..shop
            }
        }
        Some(Refused::Rate(code, form, errors)) => {
            if let Some(row) = rates.iter_mut().find(|r| r.code == code) {
                (row.form, row.errors) = (form, errors);
            }
        }
        Some(Refused::Delivery(Some(code), form, errors)) => {
            if let Some(row) = methods.iter_mut().find(|r| r.code == code) {
                (row.form, row.errors) = (form, errors);
            }
        }
        Some(Refused::Delivery(None, form, errors)) => {
            (new_method.form, new_method.errors) = (form, errors)
        }
        None => {}
    }
    Ok(SettingsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        shop,
        rates,
        methods,
        new_method,
        ctx,
    })
}

/// `GET /admin/settings`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let page = page(&state, ctx, &staff, None).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// The answer to a save: back to the page with a confirmation, or the page again with the form
/// refused. The caches and the frame are refreshed after a change.
pub(super) async fn answer(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    outcome: Result<&'static str, Refused>,
    anchor: &str,
) -> Result<HttpResponse, AppError> {
    match outcome {
        Ok(flash) => {
            state.cache.clear();
            crate::web::frame::refresh(&state).await?;
            session::flash(&session, flash);
            Ok(see_other(format!("{PATH}#{anchor}")))
        }
        Err(refused) => {
            let ctx = nav::staff_context(&req, &staff);
            let page = page(&state, ctx, &staff, Some(refused)).await?;
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

pub(super) fn messages(ctx: &PageContext, errors: rules::Errors) -> FieldErrors {
    errors.into_iter().map(|(f, k)| (f, ctx.t(k))).collect()
}

pub(super) fn record(
    c: &mut db::DbConn,
    actor: i64,
    subject: &str,
    before: String,
    after: String,
) -> Result<(), db::DbError> {
    audit::record(
        c,
        &audit::Entry {
            actor_user_id: Some(actor),
            action: "settings_changed",
            subject_type: "setting",
            subject_id: subject,
            before: Some(&before),
            after: Some(&after),
        },
    )
}

/// `POST /admin/settings/shop`.
pub async fn save_shop(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<ShopForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = form.into_inner();
    let outcome = match rules::check_shop(&form.shop_name, &form.return_days) {
        Err(e) => {
            let ctx = nav::staff_context(&req, &staff);
            Err(Refused::Shop(form, messages(&ctx, e)))
        }
        Ok((name, days)) => {
            let actor = staff.user.id;
            let default_name = state.settings.shop.name.clone();
            let now = chrono::Utc::now().naive_utc();
            db::run_write(&state.pool, move |c| {
                let was_name = store::text(c, store::SHOP_NAME, &default_name)?;
                let was_days =
                    store::number(c, store::RETURN_WINDOW, db::returns::DEFAULT_WINDOW_DAYS)?;
                store::set(c, store::SHOP_NAME, &name, now)?;
                store::set(c, store::RETURN_WINDOW, &days.to_string(), now)?;
                record(
                    c,
                    actor,
                    "shop",
                    format!("{was_name}, returns {was_days} days"),
                    format!("{name}, returns {days} days"),
                )
            })
            .await?;
            Ok("settings-saved")
        }
    };
    answer(req, staff, state, session, outcome, "shop").await
}

/// `POST /admin/settings/vat/{code}`.
pub async fn save_rate(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    code: web::Path<String>,
    form: web::Form<RateForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let code = code.into_inner();
    let form = form.into_inner();
    let outcome = match rules::check_rate(&form.name, &form.rate) {
        Err(e) => {
            let ctx = nav::staff_context(&req, &staff);
            Err(Refused::Rate(code.clone(), form, messages(&ctx, e)))
        }
        Ok((name, bp)) => {
            let actor = staff.user.id;
            let key = code.clone();
            let found = db::run_write(&state.pool, move |c| {
                let Some(was) = store::tax_classes(c)?.into_iter().find(|t| t.code == key) else {
                    return Ok(false);
                };
                store::update_tax_class(c, &key, &name, bp)?;
                record(
                    c,
                    actor,
                    &format!("vat:{key}"),
                    format!("{} {} %", was.name, percent_text(was.rate_bp)),
                    format!("{name} {} %", percent_text(bp)),
                )?;
                Ok(true)
            })
            .await?;
            if !found {
                return Err(AppError::NotFound);
            }
            Ok("settings-saved")
        }
    };
    answer(req, staff, state, session, outcome, &format!("vat-{code}")).await
}
