//! The catalog's structure as staff manage it: categories (the whole tree with product counts,
//! one category, new, changed, their order among siblings, removed when empty) and brands
//! (with product counts, new, renamed, removed when unused). The search index follows renames
//! through the triggers of the search migrations.

use super::schema::{brands, cart_rules, categories, products};
use super::{DbConn, DbError};
use crate::domain::category_form::{Draft, Node};
use diesel::dsl::count_star;
use diesel::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable)]
pub struct CategoryRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub industry: String,
    pub position: i32,
    pub active: bool,
    /// Its picture (the widest copy) and the widths written, when staff uploaded one.
    pub image_url: Option<String>,
    pub image_srcset: Option<String>,
}

impl CategoryRow {
    pub fn node(&self) -> Node {
        Node {
            id: self.id,
            parent_id: self.parent_id,
            active: self.active,
        }
    }
}

const COLUMNS: (
    categories::id,
    categories::parent_id,
    categories::slug,
    categories::name,
    categories::description,
    categories::industry,
    categories::position,
    categories::active,
    categories::image_url,
    categories::image_srcset,
) = (
    categories::id,
    categories::parent_id,
    categories::slug,
    categories::name,
    categories::description,
    categories::industry,
    categories::position,
    categories::active,
    categories::image_url,
    categories::image_srcset,
);

/// Sets (or with `None` removes) a category's picture: (widest copy's address, srcset). Returns
/// the srcset it had, `None` when the category does not exist.
pub fn set_picture(
    c: &mut DbConn,
    id: i64,
    picture: Option<(&str, &str)>,
) -> Result<Option<Option<String>>, DbError> {
    let Some(was): Option<Option<String>> = categories::table
        .find(id)
        .select(categories::image_srcset)
        .first(c)
        .optional()?
    else {
        return Ok(None);
    };
    diesel::update(categories::table.find(id))
        .set((
            categories::image_url.eq(picture.map(|(url, _)| url)),
            categories::image_srcset.eq(picture.map(|(_, set)| set)),
        ))
        .execute(c)?;
    Ok(Some(was))
}

/// Whether any category or product picture still uses a file of `srcset`.
pub fn picture_in_use(c: &mut DbConn, srcset: &str) -> Result<bool, DbError> {
    use super::schema::product_media;
    let categories: i64 = categories::table
        .filter(categories::image_srcset.eq(srcset))
        .count()
        .get_result(c)?;
    let products: i64 = product_media::table
        .filter(product_media::srcset.eq(srcset))
        .count()
        .get_result(c)?;
    Ok(categories + products > 0)
}

/// Every category, shown or hidden, in display order.
pub fn all(c: &mut DbConn) -> Result<Vec<CategoryRow>, DbError> {
    Ok(categories::table
        .order((categories::position, categories::name, categories::id))
        .select(COLUMNS)
        .load(c)?)
}

/// Products (on sale or archived) per category.
pub fn product_counts(c: &mut DbConn) -> Result<HashMap<i64, i64>, DbError> {
    let rows: Vec<(i64, i64)> = products::table
        .group_by(products::category_id)
        .select((products::category_id, count_star()))
        .load(c)?;
    Ok(rows.into_iter().collect())
}

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<CategoryRow>, DbError> {
    Ok(categories::table
        .find(id)
        .select(COLUMNS)
        .first(c)
        .optional()?)
}

/// Whether another category than `except` has `slug`.
pub fn slug_taken(c: &mut DbConn, slug: &str, except: Option<i64>) -> Result<bool, DbError> {
    let owner: Option<i64> = categories::table
        .filter(categories::slug.eq(slug))
        .select(categories::id)
        .first(c)
        .optional()?;
    Ok(owner.is_some_and(|o| Some(o) != except))
}

/// The next free place among `parent`'s subcategories.
fn next_position(c: &mut DbConn, parent: Option<i64>) -> Result<i32, DbError> {
    let last: Option<i32> = match parent {
        Some(p) => categories::table
            .filter(categories::parent_id.eq(p))
            .select(diesel::dsl::max(categories::position))
            .first(c)?,
        None => categories::table
            .filter(categories::parent_id.is_null())
            .select(diesel::dsl::max(categories::position))
            .first(c)?,
    };
    Ok(last.map_or(0, |p| p + 1))
}

/// Adds a category last among its siblings; returns its id.
pub fn insert(c: &mut DbConn, d: &Draft) -> Result<i64, DbError> {
    let position = next_position(c, d.parent_id)?;
    Ok(diesel::insert_into(categories::table)
        .values((
            categories::parent_id.eq(d.parent_id),
            categories::slug.eq(&d.slug),
            categories::name.eq(&d.name),
            categories::description.eq(&d.description),
            categories::industry.eq(d.industry),
            categories::position.eq(position),
            categories::active.eq(d.active),
        ))
        .returning(categories::id)
        .get_result(c)?)
}

/// Changes a category; one moved to another parent goes last there. `hide` are categories to
/// hide with it (its subcategories, when it is hidden).
pub fn update(c: &mut DbConn, was: &CategoryRow, d: &Draft, hide: &[i64]) -> Result<(), DbError> {
    let position = if was.parent_id == d.parent_id {
        was.position
    } else {
        next_position(c, d.parent_id)?
    };
    diesel::update(categories::table.find(was.id))
        .set((
            categories::parent_id.eq(d.parent_id),
            categories::slug.eq(&d.slug),
            categories::name.eq(&d.name),
            categories::description.eq(&d.description),
            categories::industry.eq(d.industry),
            categories::position.eq(position),
            categories::active.eq(d.active),
        ))
        .execute(c)?;
    if !hide.is_empty() {
        diesel::update(categories::table.filter(categories::id.eq_any(hide)))
            .set(categories::active.eq(false))
            .execute(c)?;
    }
    Ok(())
}

/// Numbers `ids` (siblings, in their new order) from 0.
pub fn set_order(c: &mut DbConn, ids: &[i64]) -> Result<(), DbError> {
    for (position, id) in ids.iter().enumerate() {
        diesel::update(categories::table.find(id))
            .set(categories::position.eq(position as i32))
            .execute(c)?;
    }
    Ok(())
}

/// What still uses a category or brand, so it cannot be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InUse {
    pub products: i64,
    pub subcategories: i64,
    pub cart_rules: i64,
}

impl InUse {
    pub fn any(&self) -> bool {
        self.products + self.subcategories + self.cart_rules > 0
    }
}

/// What uses a category: its products, subcategories and cart rules.
pub fn category_uses(c: &mut DbConn, id: i64) -> Result<InUse, DbError> {
    Ok(InUse {
        products: products::table
            .filter(products::category_id.eq(id))
            .count()
            .get_result(c)?,
        subcategories: categories::table
            .filter(categories::parent_id.eq(id))
            .count()
            .get_result(c)?,
        cart_rules: cart_rules::table
            .filter(cart_rules::category_id.eq(id))
            .count()
            .get_result(c)?,
    })
}

/// Removes the category unless something uses it; what uses it otherwise.
pub fn delete(c: &mut DbConn, id: i64) -> Result<Result<(), InUse>, DbError> {
    let uses = category_uses(c, id)?;
    if uses.any() {
        return Ok(Err(uses));
    }
    diesel::delete(categories::table.find(id)).execute(c)?;
    Ok(Ok(()))
}

/// A brand with how many products carry it.
#[derive(Debug, Clone, Queryable)]
pub struct BrandRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

pub fn brands(c: &mut DbConn) -> Result<Vec<(BrandRow, i64)>, DbError> {
    let rows: Vec<BrandRow> = brands::table
        .order((brands::name, brands::id))
        .select((brands::id, brands::slug, brands::name))
        .load(c)?;
    let counts: HashMap<i64, i64> = products::table
        .filter(products::brand_id.is_not_null())
        .group_by(products::brand_id)
        .select((products::brand_id, count_star()))
        .load::<(Option<i64>, i64)>(c)?
        .into_iter()
        .filter_map(|(b, n)| b.map(|b| (b, n)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|b| {
            let n = counts.get(&b.id).copied().unwrap_or(0);
            (b, n)
        })
        .collect())
}

pub fn find_brand(c: &mut DbConn, id: i64) -> Result<Option<BrandRow>, DbError> {
    Ok(brands::table
        .find(id)
        .select((brands::id, brands::slug, brands::name))
        .first(c)
        .optional()?)
}

/// Whether another brand than `except` has this name (any case) or address: `(name, slug)`.
pub fn brand_taken(
    c: &mut DbConn,
    name: &str,
    slug: &str,
    except: Option<i64>,
) -> Result<(bool, bool), DbError> {
    let rows: Vec<(i64, String, String)> = brands::table
        .filter(
            super::lower(brands::name)
                .eq(name.to_lowercase())
                .or(brands::slug.eq(slug)),
        )
        .select((brands::id, brands::name, brands::slug))
        .load(c)?;
    let others = rows.iter().filter(|(id, _, _)| Some(*id) != except);
    let (mut by_name, mut by_slug) = (false, false);
    for (_, n, s) in others {
        by_name |= n.to_lowercase() == name.to_lowercase();
        by_slug |= s == slug;
    }
    Ok((by_name, by_slug))
}

/// Adds a brand (`id` `None`) or renames one; returns its id.
pub fn save_brand(c: &mut DbConn, id: Option<i64>, name: &str, slug: &str) -> Result<i64, DbError> {
    match id {
        Some(id) => {
            diesel::update(brands::table.find(id))
                .set((brands::name.eq(name), brands::slug.eq(slug)))
                .execute(c)?;
            Ok(id)
        }
        None => Ok(diesel::insert_into(brands::table)
            .values((brands::name.eq(name), brands::slug.eq(slug)))
            .returning(brands::id)
            .get_result(c)?),
    }
}

/// Removes the brand unless products or cart rules use it; what uses it otherwise.
pub fn delete_brand(c: &mut DbConn, id: i64) -> Result<Result<(), InUse>, DbError> {
    let uses = InUse {
        products: products::table
            .filter(products::brand_id.eq(id))
            .count()
            .get_result(c)?,
        subcategories: 0,
        cart_rules: cart_rules::table
            .filter(cart_rules::brand_id.eq(id))
            .count()
            .get_result(c)?,
    };
    if uses.any() {
        return Ok(Err(uses));
    }
    diesel::delete(brands::table.find(id)).execute(c)?;
    Ok(Ok(()))
}
