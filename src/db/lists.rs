//! Requisition lists: named lists of products and quantities a company buyer keeps for repeat
//! orders, private or shared inside the company. Every query names the company, and a list is
//! seen by its owner or, when shared, by the company's people; changed by its owner or a company
//! admin.

use super::catalog::{self, Audience, Card};
use super::schema::{products, requisition_lines, requisition_lists, users};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Who is asking, for visibility and rights.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub company_id: i64,
    pub user_id: i64,
    pub admin: bool,
}

impl Viewer {
    /// The viewer for a company user's active company.
    pub fn for_principal(p: &crate::auth::Principal) -> Option<Viewer> {
        match p {
            crate::auth::Principal::CompanyUser {
                user,
                company,
                role,
                ..
            } => Some(Viewer {
                company_id: company.id,
                user_id: user.id,
                admin: *role == crate::domain::accounts::CompanyRole::Admin,
            }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Queryable)]
pub struct ListRow {
    pub id: i64,
    pub name: String,
    pub shared: bool,
    pub owner_user_id: i64,
    pub owner: String,
    pub updated_at: NaiveDateTime,
}

impl ListRow {
    pub fn editable_by(&self, v: Viewer) -> bool {
        self.owner_user_id == v.user_id || v.admin
    }
}

macro_rules! visible {
    ($v:expr) => {
        requisition_lists::table
            .inner_join(users::table.on(users::id.eq(requisition_lists::owner_user_id)))
            .filter(requisition_lists::company_id.eq($v.company_id))
            .filter(
                requisition_lists::owner_user_id
                    .eq($v.user_id)
                    .or(requisition_lists::shared.eq(true)),
            )
            .select((
                requisition_lists::id,
                requisition_lists::name,
                requisition_lists::shared,
                requisition_lists::owner_user_id,
                users::name,
                requisition_lists::updated_at,
            ))
    };
}

/// The lists this viewer sees, theirs first, then by name; with their line counts.
pub fn visible(conn: &mut DbConn, v: Viewer) -> Result<Vec<(ListRow, i64)>, DbError> {
    let mut rows: Vec<ListRow> = visible!(v).load(conn)?;
    rows.sort_by(|a, b| {
        (a.owner_user_id != v.user_id, a.name.to_lowercase())
            .cmp(&(b.owner_user_id != v.user_id, b.name.to_lowercase()))
    });
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let lines: Vec<i64> = requisition_lines::table
        .filter(requisition_lines::list_id.eq_any(&ids))
        .select(requisition_lines::list_id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let n = lines.iter().filter(|l| **l == r.id).count() as i64;
            (r, n)
        })
        .collect())
}

/// One list this viewer sees, or `None` (another company's, or someone else's private list).
pub fn find(conn: &mut DbConn, v: Viewer, id: i64) -> Result<Option<ListRow>, DbError> {
    Ok(visible!(v)
        .filter(requisition_lists::id.eq(id))
        .first(conn)
        .optional()?)
}

pub fn create(
    conn: &mut DbConn,
    v: Viewer,
    name: &str,
    shared: bool,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(requisition_lists::table)
        .values((
            requisition_lists::company_id.eq(v.company_id),
            requisition_lists::owner_user_id.eq(v.user_id),
            requisition_lists::name.eq(name),
            requisition_lists::shared.eq(shared),
            requisition_lists::created_at.eq(now),
            requisition_lists::updated_at.eq(now),
        ))
        .returning(requisition_lists::id)
        .get_result(conn)?)
}

pub fn rename(
    conn: &mut DbConn,
    list: i64,
    name: &str,
    shared: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(requisition_lists::table.find(list))
        .set((
            requisition_lists::name.eq(name),
            requisition_lists::shared.eq(shared),
            requisition_lists::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConn, list: i64) -> Result<(), DbError> {
    diesel::delete(requisition_lines::table.filter(requisition_lines::list_id.eq(list)))
        .execute(conn)?;
    diesel::delete(requisition_lists::table.find(list)).execute(conn)?;
    Ok(())
}

/// A line with its product as a card (none when the product is gone or not for companies).
pub struct Line {
    pub id: i64,
    pub product_id: i64,
    pub quantity: i32,
    pub card: Option<Card>,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
}

pub fn lines(conn: &mut DbConn, list: i64) -> Result<Vec<Line>, DbError> {
    type Raw = (i64, i64, i32, i32, i32, Option<i32>, String, bool);
    let raw: Vec<Raw> = requisition_lines::table
        .inner_join(products::table)
        .filter(requisition_lines::list_id.eq(list))
        .order(requisition_lines::id)
        .select((
            requisition_lines::id,
            requisition_lines::product_id,
            requisition_lines::quantity,
            products::min_qty,
            products::qty_step,
            products::max_qty,
            products::audience,
            products::active,
        ))
        .load(conn)?;
    let sold: Vec<i64> = raw
        .iter()
        .filter(|r| r.7 && Audience::Companies.codes().contains(&r.6.as_str()))
        .map(|r| r.1)
        .collect();
    let mut cards: std::collections::HashMap<i64, Card> = catalog::cards_by_ids(conn, &sold)?
        .into_iter()
        .map(|c| (c.row.id, c))
        .collect();
    Ok(raw
        .into_iter()
        .map(|r| Line {
            id: r.0,
            product_id: r.1,
            quantity: r.2,
            card: cards.remove(&r.1),
            min_qty: r.3,
            qty_step: r.4,
            max_qty: r.5,
        })
        .collect())
}

/// Adds `quantity` of a product to the list (to the line it has, if any).
pub fn add(
    conn: &mut DbConn,
    list: i64,
    product: i64,
    quantity: i32,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    let had: Option<i32> = requisition_lines::table
        .filter(requisition_lines::list_id.eq(list))
        .filter(requisition_lines::product_id.eq(product))
        .select(requisition_lines::quantity)
        .first(conn)
        .optional()?;
    let total = had.unwrap_or(0).saturating_add(quantity);
    match had {
        Some(_) => {
            diesel::update(
                requisition_lines::table
                    .filter(requisition_lines::list_id.eq(list))
                    .filter(requisition_lines::product_id.eq(product)),
            )
            .set(requisition_lines::quantity.eq(total))
            .execute(conn)?;
        }
        None => {
            diesel::insert_into(requisition_lines::table)
                .values((
                    requisition_lines::list_id.eq(list),
                    requisition_lines::product_id.eq(product),
                    requisition_lines::quantity.eq(total),
                ))
                .execute(conn)?;
        }
    }
    diesel::update(requisition_lists::table.find(list))
        .set(requisition_lists::updated_at.eq(now))
        .execute(conn)?;
    Ok(total)
}

/// Sets a line's quantity; false when the list has no such line.
pub fn set_quantity(conn: &mut DbConn, list: i64, line: i64, qty: i32) -> Result<bool, DbError> {
    Ok(diesel::update(
        requisition_lines::table
            .filter(requisition_lines::id.eq(line))
            .filter(requisition_lines::list_id.eq(list)),
    )
    .set(requisition_lines::quantity.eq(qty))
    .execute(conn)?
        == 1)
}

pub fn remove(conn: &mut DbConn, list: i64, line: i64) -> Result<bool, DbError> {
    Ok(diesel::delete(
        requisition_lines::table
            .filter(requisition_lines::id.eq(line))
            .filter(requisition_lines::list_id.eq(list)),
    )
    .execute(conn)?
        == 1)
}
