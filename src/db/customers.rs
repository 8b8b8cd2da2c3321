//! Consumer accounts as staff see them: the searchable list with each person's orders and what
//! they spent, one person with their orders, and switching an account off or on.

use super::schema::{orders, users};
use super::{DbConn, DbError, lower};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

pub const PER_PAGE: i64 = 50;

#[derive(Debug, Clone, Queryable)]
pub struct Consumer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub locale: Option<String>,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
    pub email_verified_at: Option<NaiveDateTime>,
}

/// A person's orders: how many, spent (not cancelled), the last one's time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    pub orders: i64,
    pub spent_minor: i64,
    pub last: Option<NaiveDateTime>,
}

const COLUMNS: (
    users::id,
    users::name,
    users::email,
    users::locale,
    users::disabled,
    users::created_at,
    users::email_verified_at,
) = (
    users::id,
    users::name,
    users::email,
    users::locale,
    users::disabled,
    users::created_at,
    users::email_verified_at,
);

/// One page of consumers, newest first, narrowed by a part of the name or e-mail address and
/// by state (`Some(true)` switched off); with their order totals, read in one query for the page.
pub fn list(
    c: &mut DbConn,
    q: &str,
    disabled: Option<bool>,
    page: i64,
) -> Result<(Vec<(Consumer, Totals)>, bool), DbError> {
    let mut query = users::table
        .filter(users::kind.eq("consumer"))
        .select(COLUMNS)
        .into_boxed();
    let q = q.trim().to_lowercase();
    if !q.is_empty() {
        let pattern = super::escaped_pattern(&q);
        query = query.filter(
            lower(users::email)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(users::name).like(pattern).escape('\\')),
        );
    }
    if let Some(d) = disabled {
        query = query.filter(users::disabled.eq(d));
    }
    let rows: Vec<Consumer> = query
        .order((users::created_at.desc(), users::id.desc()))
        .limit(PER_PAGE + 1)
        .offset(page.max(0) * PER_PAGE)
        .load(c)?;
    let (rows, more) = super::page_of(rows, PER_PAGE);
    let totals = totals(c, &rows.iter().map(|r| r.id).collect::<Vec<_>>())?;
    Ok((
        rows.into_iter()
            .map(|r| {
                let t = totals.get(&r.id).copied().unwrap_or_default();
                (r, t)
            })
            .collect(),
        more,
    ))
}

/// Order totals per person, folded here: sums of money stay integers on both backends.
fn totals(c: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Totals>, DbError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Option<i64>, String, i64, NaiveDateTime)> = orders::table
        .filter(orders::user_id.eq_any(ids))
        .select((
            orders::user_id,
            orders::status,
            orders::total_minor,
            orders::placed_at,
        ))
        .load(c)?;
    let mut out: HashMap<i64, Totals> = HashMap::new();
    for (user, status, total, placed) in rows {
        let Some(u) = user else { continue };
        let t = out.entry(u).or_default();
        t.orders += 1;
        if !matches!(status.as_str(), "cancelled" | "awaiting_payment") {
            t.spent_minor += total;
        }
        t.last = t.last.max(Some(placed));
    }
    Ok(out)
}

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<(Consumer, Totals)>, DbError> {
    let Some(row) = users::table
        .filter(users::id.eq(id))
        .filter(users::kind.eq("consumer"))
        .select(COLUMNS)
        .first::<Consumer>(c)
        .optional()?
    else {
        return Ok(None);
    };
    let t = totals(c, &[id])?.get(&id).copied().unwrap_or_default();
    Ok(Some((row, t)))
}

/// One of a person's orders.
#[derive(Debug, Clone, Queryable)]
pub struct OrderRow {
    pub number: String,
    pub placed_at: NaiveDateTime,
    pub status: String,
    pub total_minor: i64,
    pub currency: String,
}

/// A person's orders, newest first (the last 200).
pub fn orders_of(c: &mut DbConn, user_id: i64) -> Result<Vec<OrderRow>, DbError> {
    Ok(orders::table
        .filter(orders::user_id.eq(user_id))
        .order((orders::placed_at.desc(), orders::id.desc()))
        .limit(200)
        .select((
            orders::number,
            orders::placed_at,
            orders::status,
            orders::total_minor,
            orders::currency,
        ))
        .load(c)?)
}

/// Switches a consumer's account off or on; false when there is no such consumer.
pub fn set_disabled(
    c: &mut DbConn,
    id: i64,
    disabled: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::kind.eq("consumer")),
    )
    .set((users::disabled.eq(disabled), users::updated_at.eq(now)))
    .execute(c)?
        > 0)
}
