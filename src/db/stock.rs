//! Stock that physically moves (shipped, returned, sent as an exchange), kept as a ledger in
//! `stock_movements` beside the level it changes.

use super::schema::{stock_levels, stock_movements};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Why stock moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An order left the warehouse: its reservation becomes a real decrease.
    Shipped,
    /// Returned goods back on the shelf.
    Returned,
    /// Returned goods that were sent back to the shopper after all (a rejected return).
    ReturnRejected,
    /// A replacement sent for an exchange.
    ExchangeSent,
    /// Staff: goods received from a supplier.
    Received,
    /// Staff: the shelf was counted and the level corrected.
    Counted,
    /// Staff: broken, spoiled or lost goods written off.
    Damaged,
    /// Staff: any other correction (the note says why).
    Correction,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::Shipped => "shipped",
            Reason::Returned => "returned",
            Reason::ReturnRejected => "return rejected",
            Reason::ExchangeSent => "exchange sent",
            Reason::Received => "received",
            Reason::Counted => "counted",
            Reason::Damaged => "damaged",
            Reason::Correction => "correction",
        }
    }

    /// The reasons staff may give for a change by hand.
    pub const BY_HAND: [Reason; 4] = [
        Reason::Received,
        Reason::Counted,
        Reason::Damaged,
        Reason::Correction,
    ];

    /// A reason staff chose, by its code.
    pub fn by_hand(code: &str) -> Option<Reason> {
        Reason::BY_HAND.into_iter().find(|r| r.code() == code)
    }
}

/// A change by hand: `delta` units on hand with its reason and note, kept in the ledger. One
/// conditional update that never leaves fewer on hand than are reserved for orders; the level
/// after, or `None` when it would have (or the product has no stock level).
pub fn adjust(
    c: &mut DbConn,
    product: i64,
    delta: i32,
    reason: Reason,
    note: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Option<i32>, DbError> {
    let touched = diesel::update(
        stock_levels::table
            .filter(stock_levels::product_id.eq(product))
            .filter((stock_levels::on_hand + delta).ge(stock_levels::reserved))
            .filter((stock_levels::on_hand + delta).ge(0)),
    )
    .set((
        stock_levels::on_hand.eq(stock_levels::on_hand + delta),
        stock_levels::updated_at.eq(now),
    ))
    .execute(c)?;
    if touched != 1 {
        return Ok(None);
    }
    diesel::insert_into(stock_movements::table)
        .values((
            stock_movements::product_id.eq(product),
            stock_movements::delta.eq(delta),
            stock_movements::reason.eq(reason.code()),
            stock_movements::reference.eq(note),
            stock_movements::actor_user_id.eq(actor),
            stock_movements::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(Some(
        stock_levels::table
            .find(product)
            .select(stock_levels::on_hand)
            .first(c)?,
    ))
}

/// A line of a product's stock ledger.
#[derive(Debug, Clone, Queryable)]
pub struct Movement {
    pub delta: i32,
    pub reason: String,
    pub reference: String,
    pub actor: Option<String>,
    pub created_at: NaiveDateTime,
}

/// The latest `limit` lines of a product's ledger, newest first.
pub fn movements(c: &mut DbConn, product: i64, limit: i64) -> Result<Vec<Movement>, DbError> {
    use super::schema::users;
    Ok(stock_movements::table
        .left_join(users::table)
        .filter(stock_movements::product_id.eq(product))
        .order((
            stock_movements::created_at.desc(),
            stock_movements::id.desc(),
        ))
        .select((
            stock_movements::delta,
            stock_movements::reason,
            stock_movements::reference,
            users::email.nullable(),
            stock_movements::created_at,
        ))
        .limit(limit)
        .load(c)?)
}

/// Moves `delta` units of `product` on hand (and, for a shipment, out of the reservation) and
/// writes the ledger line.
pub fn record(
    c: &mut DbConn,
    product: i64,
    delta: i32,
    reason: Reason,
    reference: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let level = stock_levels::table.find(product);
    if reason == Reason::Shipped {
        diesel::update(level)
            .set((
                stock_levels::on_hand.eq(stock_levels::on_hand + delta),
                stock_levels::reserved.eq(stock_levels::reserved + delta),
                stock_levels::updated_at.eq(now),
            ))
            .execute(c)?;
    } else {
        diesel::update(level)
            .set((
                stock_levels::on_hand.eq(stock_levels::on_hand + delta),
                stock_levels::updated_at.eq(now),
            ))
            .execute(c)?;
    }
    diesel::insert_into(stock_movements::table)
        .values((
            stock_movements::product_id.eq(product),
            stock_movements::delta.eq(delta),
            stock_movements::reason.eq(reason.code()),
            stock_movements::reference.eq(reference),
            stock_movements::actor_user_id.eq(actor),
            stock_movements::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// Reserves `quantity` units of `product` for an order (a negative quantity gives units back):
/// one conditional update that finds enough unreserved stock or changes nothing. True when it
/// did it. Every order that holds stock — placed, changed, sent as a replacement — goes through
/// here, so none can oversell.
pub fn reserve(
    c: &mut DbConn,
    product: i64,
    quantity: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let touched = diesel::update(
        stock_levels::table
            .filter(stock_levels::product_id.eq(product))
            .filter((stock_levels::on_hand - stock_levels::reserved).ge(quantity.max(0))),
    )
    .set((
        stock_levels::reserved.eq(stock_levels::reserved + quantity),
        stock_levels::updated_at.eq(now),
    ))
    .execute(c)?;
    Ok(touched == 1)
}

/// Takes `quantity` units of `product` that nobody has reserved, if there are that many (a
/// conditional update, like an order's reservation); false when there are not.
pub fn take_unreserved(
    c: &mut DbConn,
    product: i64,
    quantity: i32,
    reference: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let taken = diesel::update(
        stock_levels::table
            .filter(stock_levels::product_id.eq(product))
            .filter((stock_levels::on_hand - stock_levels::reserved).ge(quantity)),
    )
    .set((
        stock_levels::on_hand.eq(stock_levels::on_hand - quantity),
        stock_levels::updated_at.eq(now),
    ))
    .execute(c)?;
    if taken != 1 {
        return Ok(false);
    }
    diesel::insert_into(stock_movements::table)
        .values((
            stock_movements::product_id.eq(product),
            stock_movements::delta.eq(-quantity),
            stock_movements::reason.eq(Reason::ExchangeSent.code()),
            stock_movements::reference.eq(reference),
            stock_movements::actor_user_id.eq(actor),
            stock_movements::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(true)
}
