//! Figures for the staff dashboard's work queues.

use super::schema::{companies, orders, products, reviews, stock_levels, support_cases};
use super::{DbConn, DbError};
use diesel::prelude::*;

#[derive(Debug, Clone, Default)]
pub struct Queues {
    pub products: i64,
    pub low_stock: i64,
    pub out_of_stock: i64,
    pub applications: i64,
    pub orders_to_handle: i64,
    pub reviews_to_moderate: i64,
    pub open_cases: i64,
    pub chats_waiting: i64,
    /// Quote requests and counter-offers waiting for a sales representative.
    pub quotes_to_answer: i64,
    /// Live demo requests no one has scheduled yet.
    pub demos_to_schedule: i64,
}

pub fn queues(conn: &mut DbConn) -> Result<Queues, DbError> {
    Ok(Queues {
        products: products::table
            .filter(products::active.eq(true))
            .count()
            .get_result(conn)?,
        low_stock: stock_levels::table
            .filter(
                (stock_levels::on_hand - stock_levels::reserved)
                    .le(stock_levels::low_stock_threshold),
            )
            .filter((stock_levels::on_hand - stock_levels::reserved).gt(0))
            .count()
            .get_result(conn)?,
        out_of_stock: stock_levels::table
            .filter((stock_levels::on_hand - stock_levels::reserved).le(0))
            .count()
            .get_result(conn)?,
        applications: companies::table
            .filter(companies::status.eq("pending"))
            .count()
            .get_result(conn)?,
        quotes_to_answer: super::quotes::waiting_for_shop(conn)?,
        demos_to_schedule: super::demos::waiting(conn)?,
        orders_to_handle: orders::table
            .filter(orders::status.eq_any(["placed", "paid", "confirmed", "awaiting_approval"]))
            .count()
            .get_result(conn)?,
        reviews_to_moderate: reviews::table
            .filter(reviews::status.eq("pending"))
            .count()
            .get_result(conn)?,
        chats_waiting: super::chat::waiting_count(conn)?,
        open_cases: support_cases::table
            .filter(support_cases::status.eq_any(["open", "waiting_on_customer"]))
            .count()
            .get_result(conn)?,
    })
}
