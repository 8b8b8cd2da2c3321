//! Consumers, for administrators, sales reps and support agents: `GET /admin/customers` (search
//! by name or e-mail, filter by state; orders, spent and last order per person) and
//! `GET|POST /admin/customers/{id}` (the person with their orders; switch the account off or on
//! — a switched-off account cannot sign in and its sessions end on their next request).
//! Audited.

use super::nav::{self, NavItem, OptionView, StatusListQuery};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, customers as store};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::orders::status_label;
use crate::web::{PageContext, render, see_other};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/customers";
const STATES: [&str; 2] = ["active", "off"];

pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub joined: String,
    pub verified: bool,
    pub disabled: bool,
    pub orders: i64,
    pub spent: String,
    pub last: String,
}

#[derive(Template)]
#[template(path = "admin/customers.html")]
pub struct CustomersPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub states: Vec<OptionView>,
    pub rows: Vec<PersonView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

pub struct OrderView {
    pub number: String,
    pub placed: String,
    pub status: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "admin/customer.html")]
pub struct CustomerPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub person: PersonView,
    pub language: String,
    pub orders: Vec<OrderView>,
}

fn money(ctx: &PageContext, minor: i64) -> String {
    Money::from_minor(minor, Currency::Sek).format(ctx.locale.code())
}

fn view(ctx: &PageContext, c: store::Consumer, t: store::Totals) -> PersonView {
    PersonView {
        id: c.id,
        name: c.name,
        email: c.email,
        joined: c.created_at.format("%Y-%m-%d").to_string(),
        verified: c.email_verified_at.is_some(),
        disabled: c.disabled,
        orders: t.orders,
        spent: money(ctx, t.spent_minor),
        last: t
            .last
            .map(|l| l.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    }
}

/// `GET /admin/customers?q=&status=active|off&page=`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<StatusListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (q, page) = (query.search(), query.page());
    let status = STATES.iter().copied().find(|s| *s == query.status);
    let disabled = status.map(|s| s == "off");
    let search = q.clone();
    let (rows, more) = db::run(&state.pool, move |c| {
        store::list(c, &search, disabled, page - 1)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let (prev, next) = nav::page_links(PATH, status.unwrap_or(""), &q, page, more);
    let page = CustomersPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        states: nav::filter_options(&ctx, status, &STATES, |s| {
            ctx.t(&format!("customers-state-{s}"))
        }),
        rows: rows.into_iter().map(|(c, t)| view(&ctx, c, t)).collect(),
        q,
        prev,
        next,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// `GET /admin/customers/{id}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let (person, orders) = db::run(&state.pool, move |c| {
        Ok(match store::find(c, id)? {
            Some(p) => Some((p, store::orders_of(c, id)?)),
            None => None,
        })
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(&req, &staff);
    let language = person
        .0
        .locale
        .as_deref()
        .and_then(crate::i18n::Locale::parse)
        .map_or_else(
            || ctx.t("customers-language-default"),
            |l| l.native_name().to_string(),
        );
    let page = CustomerPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        orders: orders
            .into_iter()
            .map(|o| OrderView {
                placed: o.placed_at.format("%Y-%m-%d %H:%M").to_string(),
                status: status_label(&o.status, ctx.locale),
                total: Money::from_minor(
                    o.total_minor,
                    Currency::parse(&o.currency).unwrap_or(Currency::Sek),
                )
                .format(ctx.locale.code()),
                number: o.number,
            })
            .collect(),
        person: view(&ctx, person.0, person.1),
        language,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

#[derive(Deserialize)]
pub struct StateForm {
    #[serde(default)]
    disabled: Option<String>,
}

/// `POST /admin/customers/{id}`: switches the account off (`disabled=1`) or on.
pub async fn change(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<StateForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let disabled = form.disabled.is_some();
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let found = db::run_write(&state.pool, move |c| {
        let Some((was, _)) = store::find(c, id)? else {
            return Ok(false);
        };
        store::set_disabled(c, id, disabled, now)?;
        let label = |off: bool| format!("{}{}", was.email, if off { ", off" } else { "" });
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "customer_changed",
                subject_type: "user",
                subject_id: &id.to_string(),
                before: Some(&label(was.disabled)),
                after: Some(&label(disabled)),
            },
        )?;
        Ok(true)
    })
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    session::flash(&session, "customers-saved");
    Ok(see_other(format!("{PATH}/{id}")))
}
