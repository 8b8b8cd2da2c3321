//! Money given back without a return — from a support case, or straight from the order's page in
//! admin: held first (checked against what is left of the order, once per form), then paid back
//! or credited, then recorded on the order (and the case, when there is one).

use super::{CaseRow, note_event};
use crate::db::schema::{case_refunds, returns};
use crate::db::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// What was given back for an order so far (minor units): refunded returns and exchanges, and
/// refunds from cases.
pub fn refunded_so_far(c: &mut DbConn, order_id: i64) -> Result<i64, DbError> {
    let from_returns: Vec<i64> = returns::table
        .filter(returns::order_id.eq(order_id))
        .filter(returns::status.eq_any(["refunded", "exchanged"]))
        .select(returns::refund_minor)
        .load(c)?;
    let from_cases: Vec<i64> = case_refunds::table
        .filter(case_refunds::order_id.eq(order_id))
        .select(case_refunds::amount_minor)
        .load(c)?;
    Ok(from_returns.iter().chain(from_cases.iter()).sum())
}

/// What holding a refund's place came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reserved {
    /// Held (the row's id): pay it back, then [`confirm_refund`] (or [`drop_refund`]).
    Held(i64),
    /// This form's refund was recorded already (a second click, a retry).
    Again,
    /// More than is left of the order now (what is left).
    TooMuch(i64),
}

/// A refund about to be given, from a case or (no case) from the order's page.
#[derive(Debug, Clone)]
pub struct Hold {
    pub case_id: Option<i64>,
    pub order_id: i64,
    pub total_minor: i64,
    pub amount_minor: i64,
    /// Unique per form (the case or order number and the form's random key).
    pub key: String,
    pub actor: i64,
    pub now: NaiveDateTime,
}

/// Holds a refund's place before any money moves, checked against what is left of the order
/// (`total_minor` less earlier refunds) inside the write transaction this must run in, so two
/// agents cannot give back more than was paid. `key` makes it once per form.
pub fn reserve_refund(c: &mut DbConn, hold: &Hold) -> Result<Reserved, DbError> {
    let Hold {
        case_id,
        order_id,
        total_minor,
        amount_minor,
        ref key,
        actor,
        now,
    } = *hold;
    // The form's key, unique: the row stands for this form's refund from now on.
    let reference = match case_id {
        Some(_) => format!("case-{key}"),
        None => format!("order-{key}"),
    };
    let seen: i64 = case_refunds::table
        .filter(case_refunds::reference.eq(&reference))
        .count()
        .get_result(c)?;
    if seen > 0 {
        return Ok(Reserved::Again);
    }
    let left = total_minor - refunded_so_far(c, order_id)?;
    if amount_minor > left {
        return Ok(Reserved::TooMuch(left.max(0)));
    }
    let id = diesel::insert_into(case_refunds::table)
        .values((
            case_refunds::case_id.eq(case_id),
            case_refunds::order_id.eq(order_id),
            case_refunds::amount_minor.eq(amount_minor),
            case_refunds::reference.eq(&reference),
            case_refunds::created_by.eq(Some(actor)),
            case_refunds::created_at.eq(now),
        ))
        .returning(case_refunds::id)
        .get_result(c)?;
    Ok(Reserved::Held(id))
}

/// Lets go of a held refund the provider refused.
pub fn drop_refund(c: &mut DbConn, id: i64) -> Result<(), DbError> {
    diesel::delete(case_refunds::table.find(id)).execute(c)?;
    Ok(())
}

/// A held refund that was paid back (or credited to the unpaid invoice: `invoice`).
pub struct Refund<'a> {
    pub id: i64,
    pub case: Option<&'a CaseRow>,
    pub order_id: i64,
    pub amount_minor: i64,
    /// What the customer and the order's timeline read ("149,50 kr · the missing screws").
    pub note: &'a str,
    pub invoice: bool,
    pub actor: i64,
    pub now: NaiveDateTime,
}

/// Records the refund on the order's timeline, the case (if any) and (on invoice) the invoice.
pub fn confirm_refund(c: &mut DbConn, r: &Refund) -> Result<(), DbError> {
    if r.invoice {
        crate::db::companies::credit_invoice(c, r.order_id, r.amount_minor)?;
    }
    crate::db::orders::noted_event(c, r.order_id, "refunded", r.note, Some(r.actor), r.now)?;
    match r.case {
        Some(case) => note_event(c, case.id, r.actor, "refund", r.note, r.now),
        None => Ok(()),
    }
}
