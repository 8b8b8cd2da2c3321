//! Automatic cart rules as stored, and what they take off a priced cart (the arithmetic is
//! `domain::pricing::cart_rules`).

use super::orders::PricedCartLine;
use super::schema::{cart_rules, categories, products};
use super::{DbConn, DbError};
use crate::domain::pricing::cart_rules::{AppliedRule, CartRule, RuleKind, RuleLine, evaluate};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

type Row = (
    i64,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    bool,
);

fn rule(row: Row) -> Option<CartRule> {
    let (id, name, kind, category_id, brand_id, buy, pay, bp, starts_at, ends_at, active) = row;
    let count = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok());
    let kind = match kind.as_str() {
        "buy_x_pay_y" => RuleKind::BuyXPayY {
            buy: count(buy)?,
            pay: count(pay)?,
        },
        "percent_off" => RuleKind::PercentOff(count(bp)?),
        _ => return None,
    };
    Some(CartRule {
        id,
        name,
        kind,
        category_id,
        brand_id,
        starts_at,
        ends_at,
        active,
    })
}

/// The rules that are switched on, oldest first (the order they are applied in).
pub fn switched_on(conn: &mut DbConn) -> Result<Vec<CartRule>, DbError> {
    let rows: Vec<Row> = cart_rules::table
        .filter(cart_rules::active.eq(true))
        .order(cart_rules::id)
        .select((
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
        ))
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
