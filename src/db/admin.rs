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
    /// Company orders waiting for the company's own approver (staff watch, companies decide).
    pub awaiting_approval: i64,
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
            .filter(orders::status.eq_any(["placed", "paid", "confirmed"]))
            .count()
            .get_result(conn)?,
        awaiting_approval: orders::table
            .filter(orders::status.eq("awaiting_approval"))
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

/// Orders that count as sales: paid, or confirmed on invoice, and on their way (not waiting for
/// payment or approval, not cancelled; replacements sent free of charge left out).
pub const COUNTED: [&str; 5] = ["paid", "confirmed", "packed", "shipped", "delivered"];

/// Counted orders placed since `since` (UTC): (placed, business, total incl. VAT).
pub fn sales_since(
    conn: &mut DbConn,
    since: chrono::NaiveDateTime,
) -> Result<Vec<(chrono::NaiveDateTime, bool, i64)>, DbError> {
    let rows: Vec<(chrono::NaiveDateTime, String, i64)> = orders::table
        .filter(orders::placed_at.ge(since))
        .filter(orders::status.eq_any(COUNTED))
        .filter(orders::payment_method.ne("replacement"))
        .select((orders::placed_at, orders::segment, orders::total_minor))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, segment, total)| (at, segment == "b2b", total))
        .collect())
}

/// Money given back since `since` (UTC): (when, business, amount incl. VAT) — refunded
/// returns (when they were closed) and refunds from an order's page or a support case.
pub fn refunds_since(
    conn: &mut DbConn,
    since: chrono::NaiveDateTime,
) -> Result<Vec<(chrono::NaiveDateTime, bool, i64)>, DbError> {
    use super::schema::{case_refunds, returns};
    let mut rows: Vec<(chrono::NaiveDateTime, String, i64)> = case_refunds::table
        .inner_join(orders::table)
        .filter(case_refunds::created_at.ge(since))
        .select((
            case_refunds::created_at,
            orders::segment,
            case_refunds::amount_minor,
        ))
        .load(conn)?;
    let returned: Vec<(Option<chrono::NaiveDateTime>, String, i64)> = returns::table
        .inner_join(orders::table)
        .filter(returns::status.eq("refunded"))
        .filter(returns::closed_at.ge(since))
        .select((returns::closed_at, orders::segment, returns::refund_minor))
        .load(conn)?;
    rows.extend(
        returned
            .into_iter()
            .filter_map(|(at, segment, amount)| at.map(|at| (at, segment, amount))),
    );
    Ok(rows
        .into_iter()
        .map(|(at, segment, amount)| (at, segment == "b2b", amount))
        .collect())
}

/// A line of a counted order: (business, sku, name, units, line total).
pub type SoldLine = (bool, String, String, i64, i64);

/// The lines of counted orders placed since `since`.
pub fn lines_since(
    conn: &mut DbConn,
    since: chrono::NaiveDateTime,
) -> Result<Vec<SoldLine>, DbError> {
    use super::schema::order_lines;
    let rows: Vec<(String, String, String, i32, i64)> = order_lines::table
        .inner_join(orders::table)
        .filter(orders::placed_at.ge(since))
        .filter(orders::status.eq_any(COUNTED))
        .filter(orders::payment_method.ne("replacement"))
        .select((
            orders::segment,
            order_lines::sku,
            order_lines::name,
            order_lines::quantity,
            order_lines::line_total_minor,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(segment, sku, name, units, total)| {
            (segment == "b2b", sku, name, i64::from(units), total)
        })
        .collect())
}

/// When new customers joined since `since`: consumers' accounts, and companies (their
/// application; counted once active).
pub fn joined_since(
    conn: &mut DbConn,
    since: chrono::NaiveDateTime,
) -> Result<(Vec<chrono::NaiveDateTime>, Vec<chrono::NaiveDateTime>), DbError> {
    use super::schema::users;
    let consumers = users::table
        .filter(users::kind.eq("consumer"))
        .filter(users::created_at.ge(since))
        .select(users::created_at)
        .load(conn)?;
    let companies = companies::table
        .filter(companies::status.eq("active"))
        .filter(companies::created_at.ge(since))
        .select(companies::created_at)
        .load(conn)?;
    Ok((consumers, companies))
}
