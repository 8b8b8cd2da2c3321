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

/// A waiting wish whose product can be bought again.
#[derive(Debug, Clone, Queryable)]
pub struct Due {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub slug: String,
}

/// Sends (queues in the outbox) the e-mails for every wish whose product is active and has
/// unreserved stock again — after a delivery, a cancelled order or an unpaid one that expired —
/// and marks them notified, in one transaction. `compose(name, slug)` gives subject and body.
/// Returns how many were queued.
pub fn notify_available(
    conn: &mut DbConn,
    compose: &dyn Fn(&str, &str) -> (String, String),
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    use super::schema::{products, stock_levels};
    super::write_transaction(conn, |c| -> Result<usize, DbError> {
        let due: Vec<Due> = stock_notifications::table
            .inner_join(products::table.inner_join(stock_levels::table))
            .filter(stock_notifications::notified_at.is_null())
            .filter(products::active.eq(true))
            .filter((stock_levels::on_hand - stock_levels::reserved).gt(0))
            .select((
                stock_notifications::id,
                stock_notifications::email,
                products::name,
                products::slug,
            ))
            .limit(500)
            .load(c)?;
        for wish in &due {
            let (subject, body) = compose(&wish.name, &wish.slug);
            super::outbox::enqueue(c, &wish.email, &subject, &body)?;
            diesel::update(stock_notifications::table.find(wish.id))
                .set(stock_notifications::notified_at.eq(Some(now)))
                .execute(c)?;
        }
        Ok(due.len())
    })
}
