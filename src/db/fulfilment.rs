//! Staff moving an order along (`domain::fulfilment`): packed, shipped with a tracking number
//! (the reservation becomes a real stock decrease), delivered; and the staff's order list.

use super::orders::{Cancelled, cancel_in, noted_event};
use super::schema::{companies, order_events, order_lines, orders};
use super::stock::{self, Reason};
use super::{DbConn, DbError};
use crate::domain::fulfilment::{Step, StepProblem, check};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Takes `step` on the order if its status still allows it. Two clicks take it once: the update
/// is conditional on the status the step starts from. Call inside a write transaction
/// (`db::run_write`).
pub fn advance(
    conn: &mut DbConn,
    order_id: i64,
    step: Step,
    tracking: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Result<(), StepProblem>, DbError> {
    let status: Option<(String, String)> = orders::table
        .find(order_id)
        .select((orders::status, orders::number))
        .first(conn)
        .optional()?;
    let Some((status, number)) = status else {
        return Ok(Err(StepProblem::NotFrom(String::new())));
    };
    let tracking = match check(step, &status, tracking) {
        Ok(t) => t,
        Err(problem) => return Ok(Err(problem)),
    };
    if step == Step::Cancel {
        return Ok(match cancel_in(conn, order_id, actor, now)? {
            Cancelled::Now => Ok(()),
            Cancelled::TooLate => Err(StepProblem::NotFrom(status)),
        });
    }
    let (from, to) = step.edge();
    let c = conn;
    let moved = diesel::update(
        orders::table
            .filter(orders::id.eq(order_id))
            .filter(orders::status.eq_any(from)),
    )
    .set((orders::status.eq(to), orders::updated_at.eq(now)))
    .execute(c)?;
    if moved != 1 {
        return Ok(Err(StepProblem::NotFrom(status.clone())));
    }
    if step == Step::Ship {
        diesel::update(orders::table.find(order_id))
            .set(orders::tracking_number.eq(tracking.clone()))
            .execute(c)?;
        let lines: Vec<(Option<i64>, i32)> = order_lines::table
            .filter(order_lines::order_id.eq(order_id))
            .select((order_lines::product_id, order_lines::quantity))
            .load(c)?;
        for (product, quantity) in lines {
            if let Some(product) = product {
                stock::record(c, product, -quantity, Reason::Shipped, &number, actor, now)?;
            }
        }
    }
    noted_event(
        c,
        order_id,
        to,
        tracking.as_deref().unwrap_or(""),
        actor,
        now,
    )?;
    Ok(Ok(()))
}

/// When the order was delivered, if it was.
pub fn delivered_at(conn: &mut DbConn, order_id: i64) -> Result<Option<NaiveDateTime>, DbError> {
    Ok(order_events::table
        .filter(order_events::order_id.eq(order_id))
        .filter(order_events::status.eq("delivered"))
        .select(order_events::created_at)
        .first(conn)
        .optional()?)
}

/// A row of the staff's order list.
#[derive(Debug, Clone, Queryable)]
pub struct Row {
    pub id: i64,
    pub number: String,
    pub segment: String,
    pub email: String,
    pub status: String,
    pub total_minor: i64,
    pub currency: String,
    pub placed_at: NaiveDateTime,
    pub company: Option<String>,
}

/// Filters of the staff's order list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<String>,
    pub segment: Option<String>,
    /// Part of the order number or the buyer's e-mail address.
    pub query: String,
    pub company_id: Option<i64>,
    /// Placed at or after (UTC).
    pub from: Option<NaiveDateTime>,
    /// Placed before (UTC).
    pub until: Option<NaiveDateTime>,
}

/// Orders matching `filter`, newest first: one page and whether there are more.
pub fn list(
    conn: &mut DbConn,
    filter: &Filter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Row>, bool), DbError> {
    let mut q = orders::table.left_join(companies::table).into_boxed();
    if let Some(company) = filter.company_id {
        q = q.filter(orders::company_id.eq(company));
    }
    if let Some(from) = filter.from {
        q = q.filter(orders::placed_at.ge(from));
    }
    if let Some(until) = filter.until {
        q = q.filter(orders::placed_at.lt(until));
    }
    if let Some(status) = &filter.status {
        q = q.filter(orders::status.eq(status.clone()));
    }
    if let Some(segment) = &filter.segment {
        q = q.filter(orders::segment.eq(segment.clone()));
    }
    let needle = filter.query.trim().to_lowercase();
    if !needle.is_empty() {
        let like = super::contains_pattern(&needle);
        q = q.filter(
            orders::number
                .like(like.clone())
                .or(orders::email.like(like)),
        );
    }
    let rows: Vec<Row> = q
        .order((orders::placed_at.desc(), orders::id.desc()))
        .offset((page.max(1) - 1) * per_page)
        .limit(per_page + 1)
        .select((
            orders::id,
            orders::number,
            orders::segment,
            orders::email,
            orders::status,
            orders::total_minor,
            orders::currency,
            orders::placed_at,
            companies::name.nullable(),
        ))
        .load(conn)?;
    Ok(super::page_of(rows, per_page))
}
