//! Orders: placing one from a cart (`place`: one transaction, idempotent by the checkout form's
//! key); then payment results, cancelling, expiry of unpaid orders, and the order as its owner
//! sees it.

pub mod change;
pub mod notes;
mod place;

use super::carts;
use super::catalog::Audience;
use super::schema::{
    cart_lines, delivery_methods, invoices, order_events, order_lines, orders, stock_levels,
};
use super::{DbConn, DbError};
use crate::domain::address::PostalAddress;
use crate::domain::cart::{PricedLine, QuantityError, QuantityRules};
use crate::domain::checkout::{DeliveryOption, OrderTotals, SetAside, order_totals};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::cart_rules::AppliedRule;
use crate::domain::pricing::coupons::{Coupon, CouponProblem};
use crate::domain::pricing::{Buyer, Segment, TaxRate};
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub use place::{
    NewOrder, PlaceError, PricedCartLine, Refusal, Source, delivery_options, place, priced_cart,
    priced_lines, totals_of,
};

/// The columns of an [`OrderRef`], in its field order.
pub(crate) const ORDER_REF: (
    orders::id,
    orders::number,
    orders::public_token,
    orders::status,
    orders::total_minor,
    orders::currency,
    orders::email,
) = (
    orders::id,
    orders::number,
    orders::public_token,
    orders::status,
    orders::total_minor,
    orders::currency,
    orders::email,
);

/// An order as its links need it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct OrderRef {
    pub id: i64,
    pub number: String,
    pub public_token: String,
    pub status: String,
    pub total_minor: i64,
    pub currency: String,
    pub email: String,
}

/// The order placed with this idempotency key, if any.
pub(crate) fn order_ref(conn: &mut DbConn, key: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .filter(orders::idempotency_key.eq(key))
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// A new order number: `YYMMDD-NNNNNNNN` (random; the unique index catches the rare repeat).
pub(crate) fn new_number(now: NaiveDateTime) -> String {
    format!(
        "{}-{:08}",
        now.format("%y%m%d"),
        rand::random_range(0..100_000_000_u32)
    )
}

fn event(
    c: &mut DbConn,
    order_id: i64,
    status: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    noted_event(c, order_id, status, "", actor, now)
}

/// A step on the order's timeline with a note (a tracking number, a refund).
pub(crate) fn noted_event(
    c: &mut DbConn,
    order_id: i64,
    status: &str,
    note: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(order_id),
            order_events::status.eq(status),
            order_events::note.eq(note),
            order_events::actor_user_id.eq(actor),
            order_events::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// The payment provider's reference of a paid order.
pub fn payment_reference(conn: &mut DbConn, order_id: i64) -> Result<Option<String>, DbError> {
    Ok(orders::table
        .find(order_id)
        .select(orders::payment_reference)
        .first::<Option<String>>(conn)?)
}

/// An order by its number (staff pages; shoppers' links use the token).
/// The language the customer chose on their account, for mail about the order (guests: none).
pub fn customer_locale(conn: &mut DbConn, order_id: i64) -> Result<Option<String>, DbError> {
    use crate::db::schema::users;
    Ok(orders::table
        .inner_join(users::table.on(orders::user_id.eq(users::id.nullable())))
        .filter(orders::id.eq(order_id))
        .select(users::locale)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

pub fn by_number(conn: &mut DbConn, number: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .filter(orders::number.eq(number))
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// An order by its id (a case's order).
pub fn by_id(conn: &mut DbConn, id: i64) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .find(id)
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// The order a shopper's link points at: its number and the token from the confirmation (numbers
/// can be guessed, tokens cannot), or nothing when they do not belong together.
pub fn by_link(conn: &mut DbConn, number: &str, token: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(by_token(conn, token)?.filter(|o| o.number == number))
}

/// The company an order was placed for, if any.
pub fn company_of(conn: &mut DbConn, order_id: i64) -> Result<Option<i64>, DbError> {
    Ok(orders::table
        .find(order_id)
        .select(orders::company_id)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten())
}

/// An order by its public token (the link in the confirmation).
pub fn by_token(conn: &mut DbConn, token: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .filter(orders::public_token.eq(token))
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// What a payment result did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentApplied {
    /// The order is now paid.
    Paid,
    /// It already was (a repeated confirmation).
    AlreadyPaid,
    /// The payment was declined: the order and its reservations are gone.
    Removed,
    /// Nothing to do (unknown order, or declined after it was paid).
    Ignored,
}

/// Applies a verified payment result to an order awaiting payment, exactly once: the status
/// changes only from `awaiting_payment` (a conditional update), so repeated or racing
/// confirmations do nothing more. Paid: the event and the cart's ordered lines go. Declined: the
/// stock reservations are released and the order removed.
pub fn apply_payment(
    conn: &mut DbConn,
    token: &str,
    approved: bool,
    reference: &str,
    cart_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<PaymentApplied, DbError> {
    super::write_transaction(conn, |c| {
        let Some(order) = by_token(c, token)? else {
            return Ok(PaymentApplied::Ignored);
        };
        if approved {
            let changed = diesel::update(
                orders::table
                    .filter(orders::id.eq(order.id))
                    .filter(orders::status.eq("awaiting_payment")),
            )
            .set((
                orders::status.eq("paid"),
                orders::payment_reference.eq(reference),
                orders::updated_at.eq(now),
            ))
            .execute(c)?;
            if changed == 0 {
                if order.status == "awaiting_payment" {
                    return Ok(PaymentApplied::Ignored);
                }
                // Paid before (e.g. the provider's webhook came first): this browser's cart
                // still loses what was ordered.
                clear_ordered(c, order.id, cart_id)?;
                return Ok(PaymentApplied::AlreadyPaid);
            }
            event(c, order.id, "paid", None, now)?;
            clear_ordered(c, order.id, cart_id)?;
            return Ok(PaymentApplied::Paid);
        }
        if order.status != "awaiting_payment" {
            return Ok(PaymentApplied::Ignored);
        }
        release_and_remove(c, order.id, now)?;
        Ok(PaymentApplied::Removed)
    })
}

/// What asking to cancel did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Now,
    /// Too late: packed, shipped or delivered (or cancelled already).
    TooLate,
}

/// Cancels a paid order that is not packed yet: the stock reserved for it is free again, a
/// coupon use is given back, and the timeline says so. A conditional update, so two clicks cancel
/// once.
pub fn cancel(
    conn: &mut DbConn,
    order_id: i64,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Cancelled, DbError> {
    super::write_transaction(conn, |c| cancel_in(c, order_id, actor, now))
}

/// [`cancel`] inside the caller's write transaction.
pub fn cancel_in(
    c: &mut DbConn,
    order_id: i64,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Cancelled, DbError> {
    let changed = diesel::update(
        orders::table
            .filter(orders::id.eq(order_id))
            .filter(orders::status.eq_any(crate::domain::fulfilment::READY)),
    )
    .set((orders::status.eq("cancelled"), orders::updated_at.eq(now)))
    .execute(c)?;
    if changed == 0 {
        return Ok(Cancelled::TooLate);
    }
    // An order on invoice: the invoice no longer counts against the company's credit.
    diesel::update(
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .filter(invoices::paid_at.is_null()),
    )
    .set(invoices::cancelled_at.eq(Some(now)))
    .execute(c)?;
    give_back(c, order_id, now)?;
    event(c, order_id, "cancelled", actor, now)?;
    Ok(Cancelled::Now)
}

/// The ordered products leave the buyer's cart (saved-for-later lines stay).
fn clear_ordered(c: &mut DbConn, order_id: i64, cart_id: Option<i64>) -> Result<(), DbError> {
    let Some(cart_id) = cart_id else {
        return Ok(());
    };
    // An order of a quote was not made from the cart.
    if crate::db::quotes::of_order(c, order_id)?.is_some() {
        return Ok(());
    }
    let ordered: Vec<Option<i64>> = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select(order_lines::product_id)
        .load(c)?;
    let ordered: Vec<i64> = ordered.into_iter().flatten().collect();
    diesel::delete(
        cart_lines::table
            .filter(cart_lines::cart_id.eq(cart_id))
            .filter(cart_lines::saved_for_later.eq(false))
            .filter(cart_lines::product_id.eq_any(ordered)),
    )
    .execute(c)?;
    Ok(())
}

/// Orders left on the payment page longer than this give their stock back.
pub const UNPAID_MINUTES: i64 = 30;
/// Approved company orders to be paid by card wait this long for the payment.
pub const APPROVED_UNPAID_DAYS: i64 = 7;

/// Releases the reservations of orders still awaiting payment that were placed before `before`
/// and removes them (the buyer left the payment page); returns how many.
pub fn expire_unpaid(
    conn: &mut DbConn,
    before: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    // An order approved by the buyer's company waits longer for its card payment: a week
    // after the approval.
    let approved = || {
        super::schema::approvals::table
            .filter(super::schema::approvals::status.eq("approved"))
            .select(super::schema::approvals::order_id)
    };
    let mut stale: Vec<i64> = orders::table
        .filter(orders::status.eq("awaiting_payment"))
        .filter(orders::placed_at.lt(before))
        .filter(orders::id.ne_all(approved()))
        .select(orders::id)
        .limit(500)
        .load(conn)?;
    stale.extend(
        orders::table
            .filter(orders::status.eq("awaiting_payment"))
            .filter(orders::updated_at.lt(now - chrono::Duration::days(APPROVED_UNPAID_DAYS)))
            .filter(orders::id.eq_any(approved()))
            .select(orders::id)
            .limit(500)
            .load::<i64>(conn)?,
    );
    let mut expired = 0;
    for id in stale {
        // Each in its own transaction, and only if it is still unpaid (a payment may just have
        // arrived).
        let done = super::write_transaction(conn, |c| -> Result<bool, DbError> {
            let still: i64 = orders::table
                .filter(orders::id.eq(id))
                .filter(orders::status.eq("awaiting_payment"))
                .count()
                .get_result(c)?;
            if still == 0 {
                return Ok(false);
            }
            release_and_remove(c, id, now)?;
            Ok(true)
        })?;
        if done {
            expired += 1;
        }
    }
    Ok(expired)
}

/// What an order held goes back: its stock reservations and its coupon use.
pub(crate) fn give_back(c: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    let reserved: Vec<(Option<i64>, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select((order_lines::product_id, order_lines::quantity))
        .load(c)?;
    for (product, quantity) in reserved {
        if let Some(product) = product {
            diesel::update(stock_levels::table.find(product))
                .set((
                    stock_levels::reserved.eq(stock_levels::reserved - quantity),
                    stock_levels::updated_at.eq(now),
                ))
                .execute(c)?;
        }
    }
    super::coupons::release(c, order_id)
}

fn release_and_remove(c: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    give_back(c, order_id, now)?;
    crate::db::quotes::order_removed(c, order_id, now)?;
    diesel::delete(order_events::table.filter(order_events::order_id.eq(order_id))).execute(c)?;
    diesel::delete(order_lines::table.filter(order_lines::order_id.eq(order_id))).execute(c)?;
    diesel::delete(orders::table.find(order_id)).execute(c)?;
    Ok(())
}

/// One line of a placed order, as the order page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct OrderLine {
    pub sku: String,
    pub name: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
    pub tax_rate_bp: i32,
    pub tax_minor: i64,
    pub line_total_minor: i64,
}

/// The full order for its page.
#[derive(Debug, Clone)]
pub struct OrderDetail {
    pub order: OrderRef,
    pub segment: String,
    pub subtotal_minor: i64,
    /// Everything taken off the goods (cart offers and coupon); the subtotal is after it.
    pub discount_minor: i64,
    pub coupon_code: Option<String>,
    pub shipping_minor: i64,
    pub tax_minor: i64,
    pub delivery_method: String,
    pub shipping_address: String,
    pub placed_at: NaiveDateTime,
    pub lines: Vec<OrderLine>,
    /// (status, note, when): the note holds a tracking number or a return's number.
    pub events: Vec<(String, String, NaiveDateTime)>,
    pub tracking_number: Option<String>,
}

pub fn detail(conn: &mut DbConn, order: OrderRef) -> Result<OrderDetail, DbError> {
    #[allow(clippy::type_complexity)]
    let (
        segment,
        subtotal_minor,
        discount_minor,
        coupon_code,
        shipping_minor,
        tax_minor,
        delivery_method,
        shipping_address,
        placed_at,
    ): (
        String,
        i64,
        i64,
        Option<String>,
        i64,
        i64,
        String,
        String,
        NaiveDateTime,
    ) = orders::table
        .find(order.id)
        .select((
            orders::segment,
            orders::subtotal_minor,
            orders::discount_minor,
            orders::coupon_code,
            orders::shipping_minor,
            orders::tax_minor,
            orders::delivery_method,
            orders::shipping_address,
            orders::placed_at,
        ))
        .first(conn)?;
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .order(order_lines::id)
        .select((
            order_lines::sku,
            order_lines::name,
            order_lines::quantity,
            order_lines::unit_price_minor,
            order_lines::tax_rate_bp,
            order_lines::tax_minor,
            order_lines::line_total_minor,
        ))
        .load(conn)?;
    let events = order_events::table
        .filter(order_events::order_id.eq(order.id))
        .order(order_events::id)
        .select((
            order_events::status,
            order_events::note,
            order_events::created_at,
        ))
        .load(conn)?;
    let tracking_number = orders::table
        .find(order.id)
        .select(orders::tracking_number)
        .first(conn)?;
    Ok(OrderDetail {
        order,
        segment,
        subtotal_minor,
        discount_minor,
        coupon_code,
        shipping_minor,
        tax_minor,
        delivery_method,
        shipping_address,
        placed_at,
        lines,
        events,
        tracking_number,
    })
}

/// A person's orders, newest first (a company buyer's for the active company only).
pub fn for_person(
    conn: &mut DbConn,
    user_id: i64,
    company_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(OrderRef, NaiveDateTime, String)>, DbError> {
    orders_of(conn, Some(user_id), company_id, limit)
}

/// Every order of a company, whoever placed it (for its admins and approvers).
pub fn for_company(
    conn: &mut DbConn,
    company_id: i64,
    limit: i64,
) -> Result<Vec<(OrderRef, NaiveDateTime, String)>, DbError> {
    orders_of(conn, None, Some(company_id), limit)
}

fn orders_of(
    conn: &mut DbConn,
    user_id: Option<i64>,
    company_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(OrderRef, NaiveDateTime, String)>, DbError> {
    use super::schema::users;
    let mut query = orders::table
        .left_join(users::table.on(orders::user_id.eq(users::id.nullable())))
        .order((orders::placed_at.desc(), orders::id.desc()))
        .limit(limit)
        .select((ORDER_REF, orders::placed_at, users::name.nullable()))
        .into_boxed();
    if let Some(uid) = user_id {
        query = query.filter(orders::user_id.eq(uid));
    }
    query = match company_id {
        Some(cid) => query.filter(orders::company_id.eq(cid)),
        None => query.filter(orders::company_id.is_null()),
    };
    let rows: Vec<(OrderRef, NaiveDateTime, Option<String>)> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(o, at, by)| (o, at, by.unwrap_or_default()))
        .collect())
}
