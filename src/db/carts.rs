//! Carts and their lines. A guest's cart is found by the random token kept in their session; a
//! signed-in person's by user (and company, for company buyers: one cart per company they buy
//! for). Every line query names the cart, so a line id from a form never reaches another cart.

use super::catalog::{self, Audience, Card};
use super::schema::{cart_lines, carts, products, stock_levels};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

/// Whose cart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Guest {
        token: String,
    },
    Person {
        user_id: i64,
        company_id: Option<i64>,
    },
}

/// The owner's cart, if they have one.
pub fn find(conn: &mut DbConn, owner: &Owner) -> Result<Option<i64>, DbError> {
    let found = match owner {
        Owner::Guest { token } => carts::table
            .filter(carts::token.eq(token))
            .filter(carts::user_id.is_null())
            .select(carts::id)
            .first(conn)
            .optional()?,
        Owner::Person {
            user_id,
            company_id,
        } => {
            let mut query = carts::table
                .filter(carts::user_id.eq(user_id))
                .select(carts::id)
                .order(carts::id)
                .into_boxed();
            query = match company_id {
                Some(cid) => query.filter(carts::company_id.eq(cid)),
                None => query.filter(carts::company_id.is_null()),
            };
            query.first(conn).optional()?
        }
    };
    Ok(found)
}

/// The owner's cart, created when they have none.
pub fn find_or_create(
    conn: &mut DbConn,
    owner: &Owner,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    if let Some(id) = find(conn, owner)? {
        return Ok(id);
    }
    let (token, user_id, company_id) = match owner {
        Owner::Guest { token } => (token.clone(), None, None),
        Owner::Person {
            user_id,
            company_id,
        } => (super::tokens::random_token(), Some(*user_id), *company_id),
    };
    Ok(diesel::insert_into(carts::table)
        .values((
            carts::token.eq(token),
            carts::user_id.eq(user_id),
            carts::company_id.eq(company_id),
            carts::created_at.eq(now),
            carts::updated_at.eq(now),
        ))
        .returning(carts::id)
        .get_result(conn)?)
}

/// What adding a product needs to know about it.
#[derive(Debug, Clone, Queryable)]
pub struct Buyable {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub name: String,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
    pub on_hand: Option<i32>,
    pub reserved: Option<i32>,
}

impl Buyable {
    /// Units that can still be sold.
    pub fn available(&self) -> i64 {
        i64::from(self.on_hand.unwrap_or(0)) - i64::from(self.reserved.unwrap_or(0))
    }
}

/// An active product `audience` may buy, by SKU.
pub fn buyable(
    conn: &mut DbConn,
    sku: &str,
    audience: Audience,
) -> Result<Option<Buyable>, DbError> {
    Ok(products::table
        .left_join(stock_levels::table)
        .filter(products::sku.eq(sku))
        .filter(products::active.eq(true))
        .filter(products::audience.eq_any(audience.codes()))
        .select((
            products::id,
            products::sku,
            products::slug,
            products::name,
            products::min_qty,
            products::qty_step,
            products::max_qty,
            stock_levels::on_hand.nullable(),
            stock_levels::reserved.nullable(),
        ))
        .first(conn)
        .optional()?)
}

/// How many of a product the cart holds (not counting saved-for-later).
pub fn quantity_of(conn: &mut DbConn, cart_id: i64, product_id: i64) -> Result<i32, DbError> {
    Ok(cart_lines::table
        .filter(cart_lines::cart_id.eq(cart_id))
        .filter(cart_lines::product_id.eq(product_id))
        .filter(cart_lines::saved_for_later.eq(false))
        .select(cart_lines::quantity)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// How many of each product the cart holds (not counting saved-for-later).
pub fn quantities(conn: &mut DbConn, cart_id: i64) -> Result<HashMap<i64, i32>, DbError> {
    Ok(cart_lines::table
        .filter(cart_lines::cart_id.eq(cart_id))
        .filter(cart_lines::saved_for_later.eq(false))
        .select((cart_lines::product_id, cart_lines::quantity))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect())
}

/// Sets the cart's quantity of a product (adding the line when there is none) and the unit price
/// the buyer saw.
pub fn put(
    conn: &mut DbConn,
    cart_id: i64,
    product_id: i64,
    quantity: i32,
    seen_price_minor: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let updated = diesel::update(
        cart_lines::table
            .filter(cart_lines::cart_id.eq(cart_id))
            .filter(cart_lines::product_id.eq(product_id))
            .filter(cart_lines::saved_for_later.eq(false)),
    )
    .set((
        cart_lines::quantity.eq(quantity),
        cart_lines::seen_unit_price_minor.eq(seen_price_minor),
    ))
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(cart_lines::table)
            .values((
                cart_lines::cart_id.eq(cart_id),
                cart_lines::product_id.eq(product_id),
                cart_lines::quantity.eq(quantity),
                cart_lines::seen_unit_price_minor.eq(seen_price_minor),
                cart_lines::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    touch(conn, cart_id, now)
}

fn touch(conn: &mut DbConn, cart_id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(carts::table.find(cart_id))
        .set(carts::updated_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// A cart line with what the cart page shows of its product.
#[derive(Debug, Clone)]
pub struct Line {
    pub id: i64,
    pub product_id: i64,
    pub quantity: i32,
    pub saved_for_later: bool,
    pub seen_price_minor: Option<i64>,
    /// The product as a card; `None` when it is no longer sold.
    pub card: Option<Card>,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
}

/// A line as read, before its product's card is attached: (line id, product id, quantity, saved
/// for later, price last seen, min qty, qty step, max qty, product audience, product active).
pub(super) type RawLine = (
    i64,
    i64,
    i32,
    bool,
    Option<i64>,
    i32,
    i32,
    Option<i32>,
    String,
    bool,
);

/// The cart's lines, oldest first (one query for the lines, one for the cards).
pub fn lines(conn: &mut DbConn, cart_id: i64, audience: Audience) -> Result<Vec<Line>, DbError> {
    let raw: Vec<RawLine> = cart_lines::table
        .inner_join(products::table)
        .filter(cart_lines::cart_id.eq(cart_id))
        .order(cart_lines::id)
        .select((
            cart_lines::id,
            cart_lines::product_id,
            cart_lines::quantity,
            cart_lines::saved_for_later,
            cart_lines::seen_unit_price_minor,
            products::min_qty,
            products::qty_step,
            products::max_qty,
            products::audience,
            products::active,
        ))
        .load(conn)?;
    with_cards(conn, raw, audience)
}

/// Attaches each line's product card (one query); a product no longer sold to `audience` gets
/// none.
pub(super) fn with_cards(
    conn: &mut DbConn,
    raw: Vec<RawLine>,
    audience: Audience,
) -> Result<Vec<Line>, DbError> {
    let sold: Vec<i64> = raw
        .iter()
        .filter(|r| r.9 && audience.codes().contains(&r.8.as_str()))
        .map(|r| r.1)
        .collect();
    let mut cards: HashMap<i64, Card> = catalog::cards_by_ids(conn, &sold)?
        .into_iter()
        .map(|c| (c.row.id, c))
        .collect();
    Ok(raw
        .into_iter()
        .map(|r| Line {
            id: r.0,
            product_id: r.1,
            quantity: r.2,
            saved_for_later: r.3,
            seen_price_minor: r.4,
            card: cards.remove(&r.1),
            min_qty: r.5,
            qty_step: r.6,
            max_qty: r.7,
        })
        .collect())
}

/// Changes a line's quantity; false when the cart has no such line.
pub fn set_quantity(
    conn: &mut DbConn,
    cart_id: i64,
    line_id: i64,
    quantity: i32,
) -> Result<bool, DbError> {
    let n = diesel::update(
        cart_lines::table
            .filter(cart_lines::id.eq(line_id))
            .filter(cart_lines::cart_id.eq(cart_id)),
    )
    .set(cart_lines::quantity.eq(quantity))
    .execute(conn)?;
    Ok(n == 1)
}

/// Remembers the unit price the buyer was shown for a line.
pub fn set_seen_price(
    conn: &mut DbConn,
    cart_id: i64,
    line_id: i64,
    price_minor: i64,
) -> Result<(), DbError> {
    diesel::update(
        cart_lines::table
            .filter(cart_lines::id.eq(line_id))
            .filter(cart_lines::cart_id.eq(cart_id)),
    )
    .set(cart_lines::seen_unit_price_minor.eq(price_minor))
    .execute(conn)?;
    Ok(())
}

/// Removes a line; false when the cart has no such line.
pub fn remove(conn: &mut DbConn, cart_id: i64, line_id: i64) -> Result<bool, DbError> {
    let n = diesel::delete(
        cart_lines::table
            .filter(cart_lines::id.eq(line_id))
            .filter(cart_lines::cart_id.eq(cart_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// Removes the cart's lines (not saved for later) of these products.
pub fn remove_products(
    conn: &mut DbConn,
    cart_id: i64,
    product_ids: &[i64],
) -> Result<(), DbError> {
    diesel::delete(
        cart_lines::table
            .filter(cart_lines::cart_id.eq(cart_id))
            .filter(cart_lines::saved_for_later.eq(false))
            .filter(cart_lines::product_id.eq_any(product_ids)),
    )
    .execute(conn)?;
    Ok(())
}

/// Moves a line to "saved for later" or back into the cart, joining a line of the same product
/// already there (quantities add up). False when the cart has no such line.
pub fn set_saved(
    conn: &mut DbConn,
    cart_id: i64,
    line_id: i64,
    saved: bool,
) -> Result<bool, DbError> {
    let line: Option<(i64, i32, bool)> = cart_lines::table
        .filter(cart_lines::id.eq(line_id))
        .filter(cart_lines::cart_id.eq(cart_id))
        .select((
            cart_lines::product_id,
            cart_lines::quantity,
            cart_lines::saved_for_later,
        ))
        .first(conn)
        .optional()?;
    let Some((product_id, quantity, was_saved)) = line else {
        return Ok(false);
    };
    if was_saved == saved {
        return Ok(true);
    }
    let other: Option<(i64, i32)> = cart_lines::table
        .filter(cart_lines::cart_id.eq(cart_id))
        .filter(cart_lines::product_id.eq(product_id))
        .filter(cart_lines::saved_for_later.eq(saved))
        .select((cart_lines::id, cart_lines::quantity))
        .first(conn)
        .optional()?;
    match other {
        Some((other_id, other_quantity)) => {
            diesel::update(cart_lines::table.find(other_id))
                .set(cart_lines::quantity.eq(other_quantity + quantity))
                .execute(conn)?;
            diesel::delete(cart_lines::table.find(line_id)).execute(conn)?;
        }
        None => {
            diesel::update(cart_lines::table.find(line_id))
                .set(cart_lines::saved_for_later.eq(saved))
                .execute(conn)?;
        }
    }
    Ok(true)
}

/// Items in the cart (the sum of the quantities, saved-for-later not counted).
pub fn items(conn: &mut DbConn, cart_id: i64) -> Result<i64, DbError> {
    let quantities: Vec<i32> = cart_lines::table
        .filter(cart_lines::cart_id.eq(cart_id))
        .filter(cart_lines::saved_for_later.eq(false))
        .select(cart_lines::quantity)
        .load(conn)?;
    Ok(quantities.into_iter().map(i64::from).sum())
}

/// Moves a guest cart's lines into a person's cart at sign-in. A product in both keeps the larger
/// quantity (the same shopping, seen twice, is not doubled); the guest cart is deleted.
pub fn merge(conn: &mut DbConn, from: i64, into: i64) -> Result<(), DbError> {
    if from == into {
        return Ok(());
    }
    let moving: Vec<(i64, i64, i32, bool)> = cart_lines::table
        .filter(cart_lines::cart_id.eq(from))
        .select((
            cart_lines::id,
            cart_lines::product_id,
            cart_lines::quantity,
            cart_lines::saved_for_later,
        ))
        .load(conn)?;
    for (line_id, product_id, quantity, saved) in moving {
        let existing: Option<(i64, i32)> = cart_lines::table
            .filter(cart_lines::cart_id.eq(into))
            .filter(cart_lines::product_id.eq(product_id))
            .filter(cart_lines::saved_for_later.eq(saved))
            .select((cart_lines::id, cart_lines::quantity))
            .first(conn)
            .optional()?;
        match existing {
            Some((id, q)) => {
                diesel::update(cart_lines::table.find(id))
                    .set(cart_lines::quantity.eq(q.max(quantity)))
                    .execute(conn)?;
            }
            None => {
                diesel::update(cart_lines::table.find(line_id))
                    .set(cart_lines::cart_id.eq(into))
                    .execute(conn)?;
            }
        }
    }
    diesel::delete(cart_lines::table.filter(cart_lines::cart_id.eq(from))).execute(conn)?;
    diesel::delete(carts::table.find(from)).execute(conn)?;
    Ok(())
}
