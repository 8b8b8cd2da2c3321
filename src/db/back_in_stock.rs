//! "Notify me when it is back": who asked to hear about which product (one row per product and
//! address; asking again after a notification asks again).

use super::schema::stock_notifications;
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Records the wish; returns false when the address was already waiting for this product.
pub fn subscribe(
    conn: &mut DbConn,
    product_id: i64,
    email: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let existing: Option<(i64, Option<NaiveDateTime>)> = stock_notifications::table
        .filter(stock_notifications::product_id.eq(product_id))
        .filter(stock_notifications::email.eq(email))
        .select((stock_notifications::id, stock_notifications::notified_at))
        .first(conn)
        .optional()?;
    match existing {
        Some((_, None)) => Ok(false),
        Some((id, Some(_))) => {
            diesel::update(stock_notifications::table.find(id))
                .set((
                    stock_notifications::notified_at.eq(None::<NaiveDateTime>),
                    stock_notifications::created_at.eq(now),
                ))
                .execute(conn)?;
            Ok(true)
        }
        None => {
            diesel::insert_into(stock_notifications::table)
                .values((
                    stock_notifications::product_id.eq(product_id),
                    stock_notifications::email.eq(email),
                    stock_notifications::created_at.eq(now),
                ))
                .execute(conn)?;
            Ok(true)
        }
    }
}

/// How many people wait for a product (shown to staff).
pub fn waiting(conn: &mut DbConn, product_id: i64) -> Result<i64, DbError> {
    Ok(stock_notifications::table
        .filter(stock_notifications::product_id.eq(product_id))
        .filter(stock_notifications::notified_at.is_null())
        .count()
        .get_result(conn)?)
}
