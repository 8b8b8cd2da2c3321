//! `GET /admin/orders/{number}/print`: the order on one sheet for the warehouse and the parcel —
//! shop, order number and date, customer, delivery address and method, lines with SKU and a box
//! to tick when picked, totals — without the admin's frame, laid out for paper.

use super::nav;
use crate::auth::StaffUser;
use crate::db::{self, orders};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::orders::status_label;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

const PATH: &str = "/admin/orders";

pub struct PrintLine {
    pub sku: String,
    pub name: String,
    pub quantity: i32,
    pub unit: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "admin/order_print.html")]
pub struct OrderPrintPage {
    pub ctx: PageContext,
    pub number: String,
    pub status: String,
    pub segment: String,
    pub placed: String,
    pub email: String,
    pub address: Vec<String>,
    pub delivery: String,
    pub tracking: Option<String>,
    pub lines: Vec<PrintLine>,
    pub units: i64,
    pub summary: Vec<(String, String)>,
    pub total: String,
}

pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let number = number.into_inner();
    let detail = db::run(&state.pool, move |c| match orders::by_number(c, &number)? {
        Some(order) => Ok(Some(orders::detail(c, order)?)),
        None => Ok(None),
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let currency = Currency::parse(&detail.order.currency).unwrap_or(Currency::Sek);
    let m = |minor: i64| Money::from_minor(minor, currency).format(locale.code());
    let page = OrderPrintPage {
        number: detail.order.number.clone(),
        status: status_label(&detail.order.status, locale),
        segment: ctx.t(&format!("admin-segment-{}", detail.segment)),
        placed: detail.placed_at.format("%Y-%m-%d %H:%M").to_string(),
        email: detail.order.email.clone(),
        address: detail
            .shipping_address
            .lines()
            .map(str::to_string)
            .collect(),
        delivery: detail.delivery_method.clone(),
        tracking: detail.tracking_number.clone(),
        units: detail.lines.iter().map(|l| i64::from(l.quantity)).sum(),
        lines: detail
            .lines
            .iter()
            .map(|l| PrintLine {
                sku: l.sku.clone(),
                name: l.name.clone(),
                quantity: l.quantity,
                unit: m(l.unit_price_minor),
                total: m(l.line_total_minor),
            })
            .collect(),
        summary: crate::web::orders::summary_rows(&detail, locale, "checkout-vat"),
        total: m(detail.order.total_minor),
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}
