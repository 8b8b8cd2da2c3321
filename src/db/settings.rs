//! Shop settings staff may change: the `settings` table (key → text, read with a default), the
//! VAT rates of the tax classes and the delivery methods, and what every page's frame shows
//! (the shop's name and the top-level categories of the storefront menu).

use super::schema::{categories, delivery_methods, settings, tax_classes};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const SHOP_NAME: &str = "shop.name";
pub const RETURN_WINDOW: &str = "returns.window_days";

fn value(conn: &mut DbConn, key: &str) -> Result<Option<String>, DbError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

/// A whole-number setting, or `default` when it is missing or not a number.
pub fn number(conn: &mut DbConn, key: &str, default: i64) -> Result<i64, DbError> {
    Ok(value(conn, key)?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default))
}

/// A text setting, or `default` when it is missing or empty.
pub fn text(conn: &mut DbConn, key: &str, default: &str) -> Result<String, DbError> {
    Ok(value(conn, key)?
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_string()))
}

/// Sets `key` to `value`, adding the row when it is missing.
pub fn set(conn: &mut DbConn, key: &str, value: &str, now: NaiveDateTime) -> Result<(), DbError> {
    let changed = diesel::update(settings::table.find(key))
        .set((settings::value.eq(value), settings::updated_at.eq(now)))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(key),
                settings::value.eq(value),
                settings::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The frame of every page: the shop's name (`default_name` until staff set one) and the
/// shown top-level categories, in their order, as (address, name).
pub fn frame(
    conn: &mut DbConn,
    default_name: &str,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let name = text(conn, SHOP_NAME, default_name)?;
    let menu = categories::table
        .filter(categories::parent_id.is_null())
        .filter(categories::active.eq(true))
        .order((categories::position, categories::name))
        .select((categories::slug, categories::name))
        .load(conn)?;
    Ok((name, menu))
}

#[derive(Debug, Clone, Queryable)]
pub struct TaxClass {
    pub code: String,
    pub name: String,
    pub rate_bp: i32,
}

pub fn tax_classes(conn: &mut DbConn) -> Result<Vec<TaxClass>, DbError> {
    Ok(tax_classes::table
        .order((tax_classes::rate_bp.desc(), tax_classes::code))
        .select((tax_classes::code, tax_classes::name, tax_classes::rate_bp))
        .load(conn)?)
}

/// Changes a tax class's name and rate; false when there is no such class.
pub fn update_tax_class(
    conn: &mut DbConn,
    code: &str,
    name: &str,
    rate_bp: i32,
) -> Result<bool, DbError> {
    Ok(diesel::update(tax_classes::table.find(code))
        .set((tax_classes::name.eq(name), tax_classes::rate_bp.eq(rate_bp)))
        .execute(conn)?
        > 0)
}

#[derive(Debug, Clone, Queryable)]
pub struct DeliveryMethod {
    pub code: String,
    pub name: String,
    pub price_minor: i64,
    pub free_over_minor: Option<i64>,
    pub min_days: i32,
    pub max_days: i32,
    pub position: i32,
    pub active: bool,
}

/// Every delivery method, offered or not, in their order.
pub fn delivery_methods(conn: &mut DbConn) -> Result<Vec<DeliveryMethod>, DbError> {
    Ok(delivery_methods::table
        .order((delivery_methods::position, delivery_methods::code))
        .select((
            delivery_methods::code,
            delivery_methods::name,
            delivery_methods::price_minor,
            delivery_methods::free_over_minor,
            delivery_methods::min_days,
            delivery_methods::max_days,
            delivery_methods::position,
            delivery_methods::active,
        ))
        .load(conn)?)
}

/// Adds a delivery method last (`add`) or changes the one with its code; false when asked to
/// change a method that does not exist or to add one whose code is taken.
pub fn save_delivery_method(
    conn: &mut DbConn,
    m: &DeliveryMethod,
    add: bool,
) -> Result<bool, DbError> {
    let exists = delivery_methods::table
        .find(&m.code)
        .count()
        .get_result::<i64>(conn)?
        > 0;
    // Adding needs a free code, changing an existing one.
    if exists == add {
        return Ok(false);
    }
    if add {
        let last: Option<i32> = delivery_methods::table
            .select(diesel::dsl::max(delivery_methods::position))
            .first(conn)?;
        diesel::insert_into(delivery_methods::table)
            .values((
                delivery_methods::code.eq(&m.code),
                delivery_methods::name.eq(&m.name),
                delivery_methods::price_minor.eq(m.price_minor),
                delivery_methods::free_over_minor.eq(m.free_over_minor),
                delivery_methods::min_days.eq(m.min_days),
                delivery_methods::max_days.eq(m.max_days),
                delivery_methods::position.eq(last.map_or(0, |p| p + 1)),
                delivery_methods::active.eq(m.active),
            ))
            .execute(conn)?;
    } else {
        diesel::update(delivery_methods::table.find(&m.code))
            .set((
                delivery_methods::name.eq(&m.name),
                delivery_methods::price_minor.eq(m.price_minor),
                delivery_methods::free_over_minor.eq(m.free_over_minor),
                delivery_methods::min_days.eq(m.min_days),
                delivery_methods::max_days.eq(m.max_days),
                delivery_methods::active.eq(m.active),
            ))
            .execute(conn)?;
    }
    Ok(true)
}

/// Delivery methods still offered, apart from `except`.
pub fn other_active_methods(conn: &mut DbConn, except: &str) -> Result<i64, DbError> {
    Ok(delivery_methods::table
        .filter(delivery_methods::active.eq(true))
        .filter(delivery_methods::code.ne(except))
        .count()
        .get_result(conn)?)
}
