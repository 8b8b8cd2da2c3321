//! Moving a quote between states: each move is one conditional update from the state it
//! starts from, with its line changes and its thread entry, in the caller's transaction.

use super::post;
use crate::db::schema::{quote_lines, quotes};
use crate::db::{DbConn, DbError};
use crate::domain::quotes::{Action, Status};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// What a move changes besides the status.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// An offer: unit price per line id, the validity end and the total.
    pub offered: Vec<(i64, i64)>,
    pub valid_until: Option<NaiveDateTime>,
    pub total_minor: Option<i64>,
    /// A counter-offer: (line id, quantity, target unit price) per line.
    pub countered: Vec<(i64, i32, Option<i64>)>,
    /// The representative who answers takes the quote.
    pub assign_to: Option<i64>,
}

/// Moves quote `id` from `from` to `to` for `action` by `author`, with `changes` and a thread
/// entry; false when the quote was no longer in `from` (someone else moved it first).
#[allow(clippy::too_many_arguments)]
pub fn apply(
    c: &mut DbConn,
    id: i64,
    from: Status,
    to: Status,
    action: Action,
    author: i64,
    message: &str,
    changes: &Changes,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let target = quotes::table
        .filter(quotes::id.eq(id))
        .filter(quotes::status.eq(from.code()));
    let moved = match (changes.valid_until, changes.assign_to) {
        (Some(until), Some(rep)) => diesel::update(target)
            .set((
                quotes::status.eq(to.code()),
                quotes::updated_at.eq(now),
                quotes::valid_until.eq(Some(until)),
                quotes::total_minor.eq(changes.total_minor),
                quotes::assigned_to.eq(Some(rep)),
            ))
            .execute(c)?,
        _ => diesel::update(target)
            .set((quotes::status.eq(to.code()), quotes::updated_at.eq(now)))
            .execute(c)?,
    };
    if moved != 1 {
        return Ok(false);
    }
    for (line, unit) in &changes.offered {
        diesel::update(
            quote_lines::table
                .filter(quote_lines::quote_id.eq(id))
                .filter(quote_lines::id.eq(line)),
        )
        .set(quote_lines::offered_unit_price_minor.eq(Some(*unit)))
        .execute(c)?;
    }
    for (line, quantity, target) in &changes.countered {
        diesel::update(
            quote_lines::table
                .filter(quote_lines::quote_id.eq(id))
                .filter(quote_lines::id.eq(line)),
        )
        .set((
            quote_lines::quantity.eq(quantity),
            quote_lines::requested_unit_price_minor.eq(target),
        ))
        .execute(c)?;
    }
    post(c, id, author, action.code(), message, now)?;
    Ok(true)
}

/// Marks an accepted quote of `company` ordered as `order_id` (inside the order's transaction),
/// while its offer is still valid; false when it is not (any more).
pub fn mark_ordered(
    c: &mut DbConn,
    quote_id: i64,
    company_id: i64,
    order_id: i64,
    author: i64,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let moved = diesel::update(
        quotes::table
            .filter(quotes::id.eq(quote_id))
            .filter(quotes::company_id.eq(company_id))
            .filter(quotes::status.eq(Status::Accepted.code()))
            .filter(quotes::order_id.is_null())
            .filter(quotes::valid_until.ge(now)),
    )
    .set((
        quotes::status.eq(Status::Ordered.code()),
        quotes::order_id.eq(Some(order_id)),
        quotes::updated_at.eq(now),
    ))
    .execute(c)?;
    if moved == 1 {
        post(c, quote_id, author, Action::Order.code(), "", now)?;
    }
    Ok(moved == 1)
}

/// An order that is removed before it was paid (declined card, left on the payment page) gives
/// its quote back to the buyer, accepted again.
pub fn order_removed(c: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(quotes::table.filter(quotes::order_id.eq(Some(order_id))))
        .set((
            quotes::status.eq(Status::Accepted.code()),
            quotes::order_id.eq(None::<i64>),
            quotes::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}
