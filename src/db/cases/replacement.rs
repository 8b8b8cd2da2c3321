//! A replacement sent from a case: a new order, free of charge, of some of the original order's
//! lines, to the same address, ready for packing. Stock is reserved with the same conditional
//! update as a placed order; the form's key is the order's idempotency key, so a second click
//! finds the order already made.

use super::super::orders::{ORDER_REF, OrderRef, new_number, noted_event};
use super::super::schema::{order_lines, orders};
use super::{CaseRow, DbConn, DbError, note_event};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// An original order's line as a replacement needs it.
#[derive(Debug, Clone, Queryable)]
pub struct OriginalLine {
    pub id: i64,
    pub product_id: Option<i64>,
    pub sku: String,
    pub name: String,
    pub quantity: i32,
    pub tax_rate_bp: i32,
}

/// The lines of an order, in order.
pub fn original_lines(c: &mut DbConn, order_id: i64) -> Result<Vec<OriginalLine>, DbError> {
    Ok(order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select((
            order_lines::id,
            order_lines::product_id,
            order_lines::sku,
            order_lines::name,
            order_lines::quantity,
            order_lines::tax_rate_bp,
        ))
        .order(order_lines::id)
        .load(c)?)
}

pub struct NewReplacement<'a> {
    pub case: &'a CaseRow,
    pub order_id: i64,
    /// (original order line, units).
    pub lines: Vec<(i64, u32)>,
    /// The idempotency key (from the form).
    pub key: String,
    pub actor: i64,
    /// "Replacement for order … (case …)", on the new order and its lines.
    pub note: String,
    pub now: NaiveDateTime,
}

/// What sending did: a new order, or the one the same form already made.
pub enum Sent {
    New(OrderRef),
    Again(OrderRef),
}

/// Makes the replacement order. Call inside a write transaction: `DbError::Conflict(name)`
/// (a product no longer sold, or not enough unreserved stock of it) rolls everything back.
pub fn send(c: &mut DbConn, r: &NewReplacement<'_>) -> Result<Sent, DbError> {
    if let Some(existing) = super::super::orders::order_ref(c, &r.key)? {
        return Ok(Sent::Again(existing));
    }
    let (segment, user, company, email, delivery, shipping, billing): (
        String,
        Option<i64>,
        Option<i64>,
        String,
        String,
        String,
        String,
    ) = orders::table
        .find(r.order_id)
        .select((
            orders::segment,
            orders::user_id,
            orders::company_id,
            orders::email,
            orders::delivery_method,
            orders::shipping_address,
            orders::billing_address,
        ))
        .first(c)?;
    let originals = original_lines(c, r.order_id)?;
    let mut chosen = Vec::new();
    for (line_id, units) in &r.lines {
        let Some(line) = originals.iter().find(|l| l.id == *line_id) else {
            continue;
        };
        let Some(product) = line.product_id else {
            return Err(DbError::Conflict(line.name.clone()));
        };
        let quantity = i32::try_from(*units).unwrap_or(i32::MAX);
        if !super::super::stock::reserve(c, product, quantity, r.now)? {
            return Err(DbError::Conflict(line.name.clone()));
        }
        chosen.push((line, product, quantity));
    }
    if chosen.is_empty() {
        return Err(DbError::Conflict(String::new()));
    }
    let number = new_number(r.now);
    let token = super::super::tokens::random_token();
    let id: i64 = diesel::insert_into(orders::table)
        .values((
            orders::number.eq(&number),
            orders::public_token.eq(&token),
            orders::segment.eq(&segment),
            orders::user_id.eq(user),
            orders::company_id.eq(company),
            orders::email.eq(&email),
            // Nothing to pay: ready for packing like a paid order.
            orders::status.eq("paid"),
            orders::payment_method.eq("replacement"),
            orders::currency.eq("SEK"),
            orders::subtotal_minor.eq(0),
            orders::discount_minor.eq(0),
            orders::shipping_minor.eq(0),
            orders::tax_minor.eq(0),
            orders::total_minor.eq(0),
            orders::delivery_method.eq(&delivery),
            orders::shipping_address.eq(&shipping),
            orders::billing_address.eq(&billing),
            orders::note.eq(&r.note),
            orders::idempotency_key.eq(&r.key),
            orders::placed_at.eq(r.now),
            orders::updated_at.eq(r.now),
        ))
        .returning(orders::id)
        .get_result(c)?;
    for (line, product, quantity) in &chosen {
        diesel::insert_into(order_lines::table)
            .values((
                order_lines::order_id.eq(id),
                order_lines::product_id.eq(Some(*product)),
                order_lines::sku.eq(&line.sku),
                order_lines::name.eq(&line.name),
                order_lines::quantity.eq(*quantity),
                order_lines::unit_price_minor.eq(0),
                order_lines::discount_minor.eq(0),
                order_lines::tax_rate_bp.eq(line.tax_rate_bp),
                order_lines::tax_minor.eq(0),
                order_lines::line_total_minor.eq(0),
                order_lines::price_breakdown.eq(&r.note),
            ))
            .execute(c)?;
    }
    let actor = Some(r.actor);
    noted_event(c, id, "placed", &r.note, actor, r.now)?;
    noted_event(c, id, "paid", "", actor, r.now)?;
    noted_event(c, r.order_id, "replacement", &number, actor, r.now)?;
    note_event(c, r.case.id, r.actor, "replacement", &number, r.now)?;
    let made = orders::table
        .find(id)
        .select(ORDER_REF)
        .first::<OrderRef>(c)?;
    Ok(Sent::New(made))
}
