//! A cart rule's form: `GET /admin/cart-rules/new`, `POST /admin/cart-rules`,
//! `GET|POST /admin/cart-rules/{id}`. Checked as a whole, times on the shop's clock, audited.

use super::{PATH, scope};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, cart_rules as store};
use crate::domain::cart_rule_form::{self as rules, Input, KINDS};
use crate::domain::coupon_form::TIME_FORMAT;
use crate::domain::price_form::percent_text;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::nav::{self, NavItem, OptionView};
use crate::web::admin::products::indented;
use crate::web::views::Choice;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
pub struct RuleForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub buy: String,
    #[serde(default)]
    pub pay: String,
    #[serde(default)]
    pub percent: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub brand: String,
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub active: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/cart_rule_form.html")]
pub struct RuleFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: Option<i64>,
    pub form: RuleForm,
    pub kinds: Vec<Choice>,
    pub categories: Vec<OptionView>,
    pub brands: Vec<OptionView>,
    pub errors: Vec<(&'static str, String)>,
}

impl RuleFormPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }

    pub fn action(&self) -> String {
        self.id
            .map_or_else(|| PATH.to_string(), |id| format!("{PATH}/{id}"))
    }
}

fn options(ctx: &PageContext, all: &[(i64, String)], selected: &str) -> Vec<OptionView> {
    let mut out = vec![OptionView {
        value: String::new(),
        label: ctx.t("cart-rule-any"),
        selected: selected.is_empty(),
    }];
    out.extend(all.iter().map(|(id, label)| OptionView {
        value: id.to_string(),
        label: label.clone(),
        selected: selected == id.to_string(),
    }));
    out
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    form: RuleForm,
    errors: Vec<(&'static str, String)>,
) -> Result<RuleFormPage, AppError> {
    let (categories, brands) = scope(state).await?;
    Ok(RuleFormPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: k,
                label: ctx.t(&format!("cart-rule-kind-{}", k.replace('_', "-"))),
                selected: *k == form.kind,
            })
            .collect(),
        categories: options(
            &ctx,
            &categories
                .iter()
                .map(|(id, depth, name)| (*id, indented(*depth, name)))
                .collect::<Vec<_>>(),
            &form.category,
        ),
        brands: options(&ctx, &brands, &form.brand),
        id,
        form,
        errors,
        ctx,
    })
}

/// `GET /admin/cart-rules/new`.
pub async fn new(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = RuleForm {
        kind: "buy_x_pay_y".into(),
        buy: "3".into(),
        pay: "2".into(),
        active: Some("1".into()),
        ..RuleForm::default()
    };
    render(&form_page(&state, ctx, &staff, None, form, Vec::new()).await?)
}

/// `GET /admin/cart-rules/{id}`.
pub async fn edit(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let r = db::run(&state.pool, move |c| store::find(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let local = |t| state.to_local(t).format(TIME_FORMAT).to_string();
    let form = RuleForm {
        name: r.name,
        kind: r.kind,
        buy: r.buy_qty.map(|n| n.to_string()).unwrap_or_default(),
        pay: r.pay_qty.map(|n| n.to_string()).unwrap_or_default(),
        percent: r.percent_bp.map(percent_text).unwrap_or_default(),
        category: r.category_id.map(|n| n.to_string()).unwrap_or_default(),
        brand: r.brand_id.map(|n| n.to_string()).unwrap_or_default(),
        starts: r.starts_at.map(local).unwrap_or_default(),
        ends: r.ends_at.map(local).unwrap_or_default(),
        active: r.active.then(|| "1".into()),
    };
    let ctx = nav::staff_context(&req, &staff);
    let page = form_page(&state, ctx, &staff, Some(id), form, Vec::new()).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

fn describe(s: &store::Saved) -> String {
    format!(
        "{} [{} {:?}/{:?} {:?}bp, category {:?}, brand {:?}, {:?} – {:?}{}]",
        s.name,
        s.kind,
        s.buy_qty,
        s.pay_qty,
        s.percent_bp,
        s.category_id,
        s.brand_id,
        s.starts_at,
        s.ends_at,
        if s.active { "" } else { ", off" }
    )
}

async fn save(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: Option<i64>,
    form: RuleForm,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (categories, brands) = scope(&state).await?;
    let ctx = nav::staff_context(&req, &staff);
    let category_ids: Vec<i64> = categories.iter().map(|(id, _, _)| *id).collect();
    let brand_ids: Vec<i64> = brands.iter().map(|(id, _)| *id).collect();
    let checked = rules::check(
        &Input {
            name: &form.name,
            kind: &form.kind,
            buy: &form.buy,
            pay: &form.pay,
            percent: &form.percent,
            category: &form.category,
            brand: &form.brand,
            starts: &form.starts,
            ends: &form.ends,
        },
        &category_ids,
        &brand_ids,
    );
    let d = match checked {
        Ok(d) => d,
        Err(e) => {
            let errors = e.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
            let page = form_page(&state, ctx, &staff, id, form, errors).await?;
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let saved = store::Saved {
        name: d.name,
        kind: d.kind,
        buy_qty: d.buy,
        pay_qty: d.pay,
        percent_bp: d.percent_bp,
        category_id: d.category_id,
        brand_id: d.brand_id,
        starts_at: d.starts.map(|t| state.to_utc(t)),
        ends_at: d.ends.map(|t| state.to_utc(t)),
        active: form.active.is_some(),
    };
    let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
    let saved_id = db::run_write(&state.pool, move |c| {
        let before = match id {
            Some(id) => match store::find(c, id)? {
                Some(r) => Some(describe(&store::Saved {
                    kind: KINDS
                        .iter()
                        .copied()
                        .find(|k| *k == r.kind)
                        .unwrap_or("percent_off"),
                    name: r.name,
                    buy_qty: r.buy_qty,
                    pay_qty: r.pay_qty,
                    percent_bp: r.percent_bp,
                    category_id: r.category_id,
                    brand_id: r.brand_id,
                    starts_at: r.starts_at,
                    ends_at: r.ends_at,
                    active: r.active,
                })),
                None => return Ok(None),
            },
            None => None,
        };
        let saved_id = store::save(c, id, &saved, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if before.is_some() {
                    "cart_rule_changed"
                } else {
                    "cart_rule_created"
                },
                subject_type: "cart_rule",
                subject_id: &saved_id.to_string(),
                before: before.as_deref(),
                after: Some(&describe(&saved)),
            },
        )?;
        Ok(Some(saved_id))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    state.cache.clear();
    session::flash(&session, "cart-rule-saved");
    Ok(see_other(format!("{PATH}/{saved_id}")))
}

/// `POST /admin/cart-rules`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<RuleForm>,
) -> Result<HttpResponse, AppError> {
    save(req, staff, state, session, None, form.into_inner()).await
}

/// `POST /admin/cart-rules/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<RuleForm>,
) -> Result<HttpResponse, AppError> {
    let id = Some(id.into_inner());
    save(req, staff, state, session, id, form.into_inner()).await
}
