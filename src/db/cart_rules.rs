//! Automatic cart rules as stored, and what they take off a priced cart (the arithmetic is
//! `domain::pricing::cart_rules`).

use super::orders::PricedCartLine;
use super::schema::{cart_rules, categories, products};
use super::{DbConn, DbError};
use crate::domain::pricing::cart_rules::{AppliedRule, CartRule, RuleKind, RuleLine, evaluate};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

fn rule(row: Listed) -> Option<CartRule> {
    let count = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok());
    let kind = match row.kind.as_str() {
        "buy_x_pay_y" => RuleKind::BuyXPayY {
            buy: count(row.buy_qty)?,
            pay: count(row.pay_qty)?,
        },
        "percent_off" => RuleKind::PercentOff(count(row.percent_bp)?),
        _ => return None,
    };
    Some(CartRule {
        id: row.id,
        name: row.name,
        kind,
        category_id: row.category_id,
        brand_id: row.brand_id,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        active: row.active,
    })
}

/// The rules that are switched on, oldest first (the order they are applied in).
pub fn switched_on(conn: &mut DbConn) -> Result<Vec<CartRule>, DbError> {
    let rows: Vec<Listed> = cart_rules::table
        .filter(cart_rules::active.eq(true))
        .order(cart_rules::id)
        .select(LISTED)
        .load(conn)?;
    Ok(rows.into_iter().filter_map(rule).collect())
}

/// The live rules and where the products they may cover sit (category path, brand).
#[derive(Debug, Clone, Default)]
pub struct Offers {
    rules: Vec<CartRule>,
    placed: HashMap<i64, (Vec<i64>, Option<i64>)>,
}

impl Offers {
    /// What the rules take off items of (product id, unit price shown in minor units, quantity).
    pub fn apply(&self, items: &[(i64, i64, u32)], now: NaiveDateTime) -> Vec<AppliedRule> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        let lines: Vec<RuleLine> = items
            .iter()
            .map(|(product, unit_minor, quantity)| {
                let (categories, brand_id) = self.placed.get(product).cloned().unwrap_or_default();
                RuleLine {
                    categories,
                    brand_id,
                    unit_minor: *unit_minor,
                    quantity: *quantity,
                }
            })
            .collect();
        evaluate(&self.rules, &lines, now)
    }
}

/// The offers that may apply to `product_ids` at `now`. Without live rules this is one small
/// query.
pub fn offers(
    conn: &mut DbConn,
    product_ids: &[i64],
    now: NaiveDateTime,
) -> Result<Offers, DbError> {
    let rules: Vec<CartRule> = switched_on(conn)?
        .into_iter()
        .filter(|r| r.live(now))
        .collect();
    if rules.is_empty() || product_ids.is_empty() {
        return Ok(Offers::default());
    }
    let parents: HashMap<i64, Option<i64>> = categories::table
        .select((categories::id, categories::parent_id))
        .load::<(i64, Option<i64>)>(conn)?
        .into_iter()
        .collect();
    let placed = products::table
        .filter(products::id.eq_any(product_ids))
        .select((products::id, products::category_id, products::brand_id))
        .load::<(i64, i64, Option<i64>)>(conn)?
        .into_iter()
        .map(|(id, category, brand)| {
            let mut path = vec![category];
            // Up the tree; the length bound guards against a loop in bad data.
            while let Some(Some(parent)) = path.last().and_then(|at| parents.get(at)) {
                if path.contains(parent) || path.len() > 16 {
                    break;
                }
                path.push(*parent);
            }
            (id, (path, brand))
        })
        .collect();
    Ok(Offers { rules, placed })
}

/// What the live rules take off priced cart lines at `now`.
pub fn applied(
    conn: &mut DbConn,
    lines: &[PricedCartLine],
    now: NaiveDateTime,
) -> Result<Vec<AppliedRule>, DbError> {
    let ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
    let items: Vec<(i64, i64, u32)> = lines
        .iter()
        .map(|l| {
            (
                l.product_id,
                l.line.unit.shown_unit().to_minor().unwrap_or(0),
                l.line.quantity,
            )
        })
        .collect();
    Ok(offers(conn, &ids, now)?.apply(&items, now))
}

/// A cart rule as staff see it, on or off.
#[derive(Debug, Clone, Queryable)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub category_id: Option<i64>,
    pub brand_id: Option<i64>,
    pub buy_qty: Option<i32>,
    pub pay_qty: Option<i32>,
    pub percent_bp: Option<i32>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub active: bool,
}

const LISTED: (
    cart_rules::id,
    cart_rules::name,
    cart_rules::kind,
    cart_rules::category_id,
    cart_rules::brand_id,
    cart_rules::buy_qty,
    cart_rules::pay_qty,
    cart_rules::percent_bp,
    cart_rules::starts_at,
    cart_rules::ends_at,
    cart_rules::active,
) = (
    cart_rules::id,
    cart_rules::name,
    cart_rules::kind,
    cart_rules::category_id,
    cart_rules::brand_id,
    cart_rules::buy_qty,
    cart_rules::pay_qty,
    cart_rules::percent_bp,
    cart_rules::starts_at,
    cart_rules::ends_at,
    cart_rules::active,
);

/// Every rule, in the order they are applied.
pub fn all(conn: &mut DbConn) -> Result<Vec<Listed>, DbError> {
    Ok(cart_rules::table
        .order(cart_rules::id)
        .select(LISTED)
        .load(conn)?)
}

pub fn find(conn: &mut DbConn, id: i64) -> Result<Option<Listed>, DbError> {
    Ok(cart_rules::table
        .find(id)
        .select(LISTED)
        .first(conn)
        .optional()?)
}

/// A rule to save (times in UTC).
#[derive(Debug, Clone)]
pub struct Saved {
    pub name: String,
    pub kind: &'static str,
    pub buy_qty: Option<i32>,
    pub pay_qty: Option<i32>,
    pub percent_bp: Option<i32>,
    pub category_id: Option<i64>,
    pub brand_id: Option<i64>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub active: bool,
}

/// Adds a rule (`id` `None`) or changes one; returns its id.
pub fn save(
    conn: &mut DbConn,
    id: Option<i64>,
    s: &Saved,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let values = (
        cart_rules::name.eq(&s.name),
        cart_rules::kind.eq(s.kind),
        cart_rules::buy_qty.eq(s.buy_qty),
        cart_rules::pay_qty.eq(s.pay_qty),
        cart_rules::percent_bp.eq(s.percent_bp),
        cart_rules::category_id.eq(s.category_id),
        cart_rules::brand_id.eq(s.brand_id),
        cart_rules::starts_at.eq(s.starts_at),
        cart_rules::ends_at.eq(s.ends_at),
        cart_rules::active.eq(s.active),
    );
    match id {
        Some(id) => {
            diesel::update(cart_rules::table.find(id))
                .set(values)
                .execute(conn)?;
            Ok(id)
        }
        None => Ok(diesel::insert_into(cart_rules::table)
            .values((values, cart_rules::created_at.eq(now)))
            .returning(cart_rules::id)
            .get_result(conn)?),
    }
}
