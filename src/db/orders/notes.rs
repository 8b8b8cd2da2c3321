//! Staff notes on an order: added by whoever works it, listed oldest first with the author's
//! name. Never shown to the customer.

use crate::db::schema::{order_notes, users};
use crate::db::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// (author, note, when)
pub fn list(
    c: &mut DbConn,
    order_id: i64,
) -> Result<Vec<(String, String, NaiveDateTime)>, DbError> {
    Ok(order_notes::table
        .inner_join(users::table)
        .filter(order_notes::order_id.eq(order_id))
        .order((order_notes::created_at, order_notes::id))
        .select((users::name, order_notes::body, order_notes::created_at))
        .load(c)?)
}

pub fn add(
    c: &mut DbConn,
    order_id: i64,
    author_id: i64,
    body: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(order_notes::table)
        .values((
            order_notes::order_id.eq(order_id),
            order_notes::author_id.eq(author_id),
            order_notes::body.eq(body),
            order_notes::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}
