//! `GET /admin/orders` (filter by status, segment, company, days, number or e-mail; paginated),
//! the order page (`page`: timeline, returns, approval, refunds, notes) and `POST …/step` to move
//! it along the state machine (`step`: pack, ship with a tracking number, deliver, cancel).
//! Administrators, sales representatives and support agents.

mod page;
mod step;

pub(crate) use page::{Kept, order_page, show};
pub use step::step;

use super::nav::{self, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, fulfilment, orders};
use crate::domain::fulfilment::{Step, StepProblem, steps_from};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::orders::status_label;
use crate::web::{PageContext, render, see_other};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/orders";
const PER_PAGE: i64 = 50;
/// The statuses staff filter by, in the order an order goes through them.
const STATUSES: [&str; 9] = [
    "awaiting_approval",
    "awaiting_payment",
    "paid",
    "confirmed",
    "packed",
    "shipped",
    "delivered",
    "rejected",
    "cancelled",
];

pub struct RowView {
    pub company: String,
    pub number: String,
    pub placed: String,
    pub segment: String,
    pub email: String,
    pub status: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "admin/orders.html")]
pub struct OrdersPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub statuses: Vec<OptionView>,
    pub segments: Vec<OptionView>,
    pub companies: Vec<OptionView>,
    /// The days as typed.
    pub from: String,
    pub to: String,
    pub errors: Vec<(&'static str, String)>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl OrdersPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    segment: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

/// A typed day (`YYYY-MM-DD`): empty is no day, anything unreadable the message key.
fn day(typed: &str) -> Result<Option<chrono::NaiveDate>, &'static str> {
    match typed.trim() {
        "" => Ok(None),
        t => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| "admin-orders-day-bad"),
    }
}

fn money(minor: i64, currency: &str, locale: crate::i18n::Locale) -> String {
    Money::from_minor(minor, Currency::parse(currency).unwrap_or(Currency::Sek))
        .format(locale.code())
}

/// `GET /admin/orders`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    // Only known values filter; anything else shows everything.
    let status = STATUSES
        .iter()
        .find(|s| **s == query.status)
        .map(|s| s.to_string());
    let segment = ["b2c", "b2b"]
        .iter()
        .find(|s| **s == query.segment)
        .map(|s| s.to_string());
    let q: String = query.q.trim().chars().take(100).collect();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let ctx = nav::staff_context(&req, &staff);
    // A day that cannot be read is said next to its field and not used.
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let mut read_day = |field: &'static str, typed: &str| {
        day(typed).unwrap_or_else(|key| {
            errors.push((field, ctx.t(key)));
            None
        })
    };
    let (from_day, to_day) = (read_day("from", &query.from), read_day("to", &query.to));
    let midnight = |d: chrono::NaiveDate| state.to_utc(d.and_time(chrono::NaiveTime::MIN));
    let filter = fulfilment::Filter {
        status: status.clone(),
        segment: segment.clone(),
        query: q.clone(),
        company_id: query.company.trim().parse().ok(),
        from: from_day.map(midnight),
        until: to_day.and_then(|d| d.succ_opt()).map(midnight),
    };
    let company_id = filter.company_id;
    let (rows, more, companies) = db::run(&state.pool, move |c| {
        let (rows, more) = fulfilment::list(c, &filter, page, PER_PAGE)?;
        Ok((rows, more, db::company_admin::names(c)?))
    })
    .await?;
    let locale = ctx.locale;
    let link = |p: i64| {
        format!(
            "{PATH}?status={}&segment={}&q={}&company={}&from={}&to={}&page={p}",
            status.as_deref().unwrap_or(""),
            segment.as_deref().unwrap_or(""),
            crate::web::url_encode(&q),
            company_id.map(|c| c.to_string()).unwrap_or_default(),
            from_day.map(|d| d.to_string()).unwrap_or_default(),
            to_day.map(|d| d.to_string()).unwrap_or_default(),
        )
    };
    let mut company_options = vec![OptionView {
        value: String::new(),
        label: ctx.t("admin-all"),
        selected: company_id.is_none(),
    }];
    company_options.extend(companies.into_iter().map(|(id, name)| OptionView {
        value: id.to_string(),
        label: name,
        selected: company_id == Some(id),
    }));
    let statuses = nav::filter_options(&ctx, status.as_deref(), &STATUSES, |s| {
        status_label(s, locale)
    });
    let segments = nav::filter_options(&ctx, segment.as_deref(), &["b2c", "b2b"], |s| {
        ctx.t(&format!("admin-segment-{s}"))
    });
    render(&OrdersPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows: rows
            .into_iter()
            .map(|r| RowView {
                company: r.company.unwrap_or_default(),
                placed: r.placed_at.format("%Y-%m-%d %H:%M").to_string(),
                segment: ctx.t(&format!("admin-segment-{}", r.segment)),
                email: r.email,
                status: status_label(&r.status, locale),
                total: money(r.total_minor, &r.currency, locale),
                number: r.number,
            })
            .collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        statuses,
        segments,
        companies: company_options,
        from: query.from.trim().chars().take(20).collect(),
        to: query.to.trim().chars().take(20).collect(),
        errors,
        q: q.clone(),
        ctx,
    })
}
