//! Coupons as stored, their per-customer use counts, and redeeming one inside an order's
//! transaction (a conditional update that must touch one row, like the stock).

use super::schema::{coupon_redemptions, coupons};
use super::{DbConn, DbError};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::coupons::{Coupon, CouponKind, normalize_code};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The coupon as checkout applies it (`None` for a kind it does not know).
fn coupon(row: Listed) -> Option<Coupon> {
    let sek = |m: i64| Money::from_minor(m, Currency::Sek);
    let kind = match row.kind.as_str() {
        "percent" => CouponKind::Percent(u32::try_from(row.value_bp).ok()?),
        "fixed" => CouponKind::Fixed(sek(row.value_minor)),
        "free_delivery" => CouponKind::FreeDelivery,
        _ => return None,
    };
    Some(Coupon {
        id: row.id,
        code: row.code,
        kind,
        min_subtotal: sek(row.min_subtotal_minor),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        max_uses: row.max_uses.and_then(|m| u32::try_from(m).ok()),
        max_uses_per_customer: row
            .max_uses_per_customer
            .and_then(|m| u32::try_from(m).ok()),
        uses: u32::try_from(row.uses).unwrap_or(0),
        stackable: row.stackable,
        active: row.active,
    })
}

/// The coupon a shopper typed (any case, stray spaces), if there is one.
pub fn by_code(conn: &mut DbConn, typed: &str) -> Result<Option<Coupon>, DbError> {
    let code = normalize_code(typed);
    if code.is_empty() {
        return Ok(None);
    }
    let row: Option<Listed> = coupons::table
        .filter(coupons::code.eq(&code))
        .select(LISTED)
        .first(conn)
        .optional()?;
    Ok(row.and_then(coupon))
}

/// How often this customer (by e-mail address, or by account when signed in) used the coupon.
pub fn customer_uses(
    conn: &mut DbConn,
    coupon_id: i64,
    email: &str,
    user_id: Option<i64>,
) -> Result<u32, DbError> {
    let by_email: i64 = coupon_redemptions::table
        .filter(coupon_redemptions::coupon_id.eq(coupon_id))
        .filter(coupon_redemptions::email.eq(email))
        .count()
        .get_result(conn)?;
    let by_user: i64 = match user_id {
        Some(uid) => coupon_redemptions::table
            .filter(coupon_redemptions::coupon_id.eq(coupon_id))
            .filter(coupon_redemptions::user_id.eq(uid))
            .count()
            .get_result(conn)?,
        None => 0,
    };
    Ok(u32::try_from(by_email.max(by_user)).unwrap_or(u32::MAX))
}

/// Counts one use for an order; false when the last use went to someone else first.
pub fn redeem(
    conn: &mut DbConn,
    coupon: &Coupon,
    order_id: i64,
    email: &str,
    user_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let mut update = diesel::update(coupons::table)
        .filter(coupons::id.eq(coupon.id))
        .into_boxed();
    if let Some(max) = coupon.max_uses {
        update = update.filter(coupons::uses.lt(i32::try_from(max).unwrap_or(i32::MAX)));
    }
    let counted = update
        .set(coupons::uses.eq(coupons::uses + 1))
        .execute(conn)?;
    if counted != 1 {
        return Ok(false);
    }
    diesel::insert_into(coupon_redemptions::table)
        .values((
            coupon_redemptions::coupon_id.eq(coupon.id),
            coupon_redemptions::order_id.eq(order_id),
            coupon_redemptions::email.eq(email),
            coupon_redemptions::user_id.eq(user_id),
            coupon_redemptions::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Gives back the uses an order took (its payment was declined or never came).
pub fn release(conn: &mut DbConn, order_id: i64) -> Result<(), DbError> {
    let used: Vec<i64> = coupon_redemptions::table
        .filter(coupon_redemptions::order_id.eq(order_id))
        .select(coupon_redemptions::coupon_id)
        .load(conn)?;
    for coupon_id in used {
        diesel::update(coupons::table.find(coupon_id))
            .set(coupons::uses.eq(coupons::uses - 1))
            .execute(conn)?;
    }
    diesel::delete(coupon_redemptions::table.filter(coupon_redemptions::order_id.eq(order_id)))
        .execute(conn)?;
    Ok(())
}

/// A coupon row as stored (staff list and edit it; checkout reads it through `coupon`).
#[derive(Debug, Clone, Queryable)]
pub struct Listed {
    pub id: i64,
    pub code: String,
    pub kind: String,
    pub value_bp: i32,
    pub value_minor: i64,
    pub min_subtotal_minor: i64,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub max_uses: Option<i32>,
    pub max_uses_per_customer: Option<i32>,
    pub uses: i32,
    pub stackable: bool,
    pub active: bool,
}

/// The columns of [`Listed`], in its order.
type ListedColumns = (
    coupons::id,
    coupons::code,
    coupons::kind,
    coupons::value_bp,
    coupons::value_minor,
    coupons::min_subtotal_minor,
    coupons::starts_at,
    coupons::ends_at,
    coupons::max_uses,
    coupons::max_uses_per_customer,
    coupons::uses,
    coupons::stackable,
    coupons::active,
);

const LISTED: ListedColumns = (
    coupons::id,
    coupons::code,
    coupons::kind,
    coupons::value_bp,
    coupons::value_minor,
    coupons::min_subtotal_minor,
    coupons::starts_at,
    coupons::ends_at,
    coupons::max_uses,
    coupons::max_uses_per_customer,
    coupons::uses,
    coupons::stackable,
    coupons::active,
);

/// Coupons shown on a list page.
pub const PER_PAGE: i64 = 50;

/// One page (from 0) of coupons, newest first, whose code holds `part` (upper case; the
/// wildcards typed match only themselves), with how often each has been used; whether more
/// follow.
pub fn page(conn: &mut DbConn, part: &str, page: i64) -> Result<(Vec<Listed>, bool), DbError> {
    let mut query = coupons::table.select(LISTED).into_boxed();
    if !part.is_empty() {
        let pattern = super::escaped_pattern(part);
        query = query.filter(coupons::code.like(pattern).escape('\\'));
    }
    let rows = query
        .order(coupons::id.desc())
        .limit(PER_PAGE + 1)
        .offset(page * PER_PAGE)
        .load(conn)?;
    Ok(super::page_of(rows, PER_PAGE))
}

pub fn find(conn: &mut DbConn, id: i64) -> Result<Option<Listed>, DbError> {
    Ok(coupons::table
        .find(id)
        .select(LISTED)
        .first(conn)
        .optional()?)
}

/// A coupon as saved (times in UTC).
#[derive(Debug, Clone)]
pub struct Saved {
    pub code: String,
    pub kind: &'static str,
    pub value_bp: i32,
    pub value_minor: i64,
    pub min_subtotal_minor: i64,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub max_uses: Option<i32>,
    pub max_uses_per_customer: Option<i32>,
    pub stackable: bool,
    pub active: bool,
}

/// Whether another coupon (not `except`) has this code.
pub fn code_taken(conn: &mut DbConn, code: &str, except: Option<i64>) -> Result<bool, DbError> {
    let n: i64 = coupons::table
        .filter(coupons::code.eq(code))
        .filter(coupons::id.ne(except.unwrap_or(0)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Saves a new coupon (`None`) or changes one; the use count is never touched here.
pub fn save(
    conn: &mut DbConn,
    id: Option<i64>,
    s: &Saved,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let values = (
        coupons::code.eq(&s.code),
        coupons::kind.eq(s.kind),
        coupons::value_bp.eq(s.value_bp),
        coupons::value_minor.eq(s.value_minor),
        coupons::min_subtotal_minor.eq(s.min_subtotal_minor),
        coupons::starts_at.eq(s.starts_at),
        coupons::ends_at.eq(s.ends_at),
        coupons::max_uses.eq(s.max_uses),
        coupons::max_uses_per_customer.eq(s.max_uses_per_customer),
        coupons::stackable.eq(s.stackable),
        coupons::active.eq(s.active),
    );
    match id {
        Some(id) => {
            diesel::update(coupons::table.find(id))
                .set(values)
                .execute(conn)?;
            Ok(id)
        }
        None => Ok(diesel::insert_into(coupons::table)
            .values((values, coupons::created_at.eq(now)))
            .returning(coupons::id)
            .get_result(conn)?),
    }
}
