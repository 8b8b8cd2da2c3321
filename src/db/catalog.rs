//! Catalog reads: product cards for lists, one product with its media and specs, categories.

use super::money_sql::MinorUnits;
use super::schema::{
    brands, categories, product_media, product_specs, products, stock_levels, tax_classes,
};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

/// Which products a storefront may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Consumers,
    Companies,
}

impl Audience {
    /// The `products.audience` values this audience sees.
    pub(crate) fn codes(self) -> [&'static str; 2] {
        match self {
            Audience::Consumers => ["b2c", "both"],
            Audience::Companies => ["b2b", "both"],
        }
    }
}

/// What a product card in a list needs.
#[derive(Debug, Clone, Queryable)]
pub struct CardRow {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub list_price: MinorUnits,
    pub currency: String,
    pub tax_rate_bp: i32,
    pub brand: Option<String>,
    pub on_hand: Option<i32>,
    pub reserved: Option<i32>,
    pub low_stock_threshold: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// A product card with its first image.
#[derive(Debug, Clone)]
pub struct Card {
    pub row: CardRow,
    pub image: Option<Image>,
}

#[derive(Debug, Clone, Queryable)]
pub struct Image {
    pub product_id: i64,
    pub url: String,
    pub alt: String,
    /// The widths an uploaded picture is stored in (`None` for the demo's drawings).
    pub srcset: Option<String>,
}

#[derive(Debug, Clone, Queryable)]
pub struct Category {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub industry: String,
    pub image_url: Option<String>,
    /// The widths of an uploaded picture, for `srcset` (none for the demo's motif pictures).
    pub image_srcset: Option<String>,
}

#[derive(Debug, Clone, Queryable)]
pub struct Media {
    pub kind: String,
    pub url: String,
    pub poster_url: Option<String>,
    pub captions_url: Option<String>,
    pub alt: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub srcset: Option<String>,
}

/// Everything the product page shows.
#[derive(Debug, Clone)]
pub struct ProductDetail {
    pub card: CardRow,
    pub description: String,
    pub category: Category,
    pub media: Vec<Media>,
    pub specs: Vec<(String, String)>,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
}

/// The columns of a [`CardRow`], in its field order (with its joins: tax class, brand, stock).
macro_rules! card_columns {
    () => {
        (
            products::id,
            products::sku,
            products::slug,
            products::name,
            products::summary,
            products::list_price_minor,
            products::currency,
            tax_classes::rate_bp,
            brands::name.nullable(),
            stock_levels::on_hand.nullable(),
            stock_levels::reserved.nullable(),
            stock_levels::low_stock_threshold.nullable(),
            products::created_at,
        )
    };
}

macro_rules! card_query {
    () => {
        products::table
            .inner_join(tax_classes::table)
            .left_join(brands::table)
            .left_join(stock_levels::table)
            .filter(products::active.eq(true))
            .select(card_columns!())
    };
}

fn with_images(conn: &mut DbConn, rows: Vec<CardRow>) -> Result<Vec<Card>, DbError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut first: HashMap<i64, Image> = HashMap::new();
    if !ids.is_empty() {
        let images: Vec<Image> = product_media::table
            .filter(product_media::product_id.eq_any(&ids))
            .filter(product_media::kind.eq("image"))
            .order((product_media::product_id, product_media::position))
            .select((
                product_media::product_id,
                product_media::url,
                product_media::alt,
                product_media::srcset,
            ))
            .load(conn)?;
        for img in images {
            first.entry(img.product_id).or_insert(img);
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| Card {
            image: first.remove(&row.id),
            row,
        })
        .collect())
}

/// Featured products for a storefront, best first.
pub fn featured(conn: &mut DbConn, audience: Audience, limit: i64) -> Result<Vec<Card>, DbError> {
    let rows = card_query!()
        .filter(products::featured.eq(true))
        .filter(products::audience.eq_any(audience.codes()))
        .order(products::id.asc())
        .limit(limit)
        .load::<CardRow>(conn)?;
    with_images(conn, rows)
}

/// The newest products for a storefront.
pub fn newest(conn: &mut DbConn, audience: Audience, limit: i64) -> Result<Vec<Card>, DbError> {
    let rows = card_query!()
        .filter(products::audience.eq_any(audience.codes()))
        .order((products::created_at.desc(), products::id.desc()))
        .limit(limit)
        .load::<CardRow>(conn)?;
    with_images(conn, rows)
}

/// Cards for the given product ids, in the order given (inactive products are left out).
pub fn cards_by_ids(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<Card>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = card_query!()
        .filter(products::id.eq_any(ids))
        .load::<CardRow>(conn)?;
    let position: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    rows.sort_by_key(|r| position.get(&r.id).copied().unwrap_or(usize::MAX));
    with_images(conn, rows)
}

/// A product's card row and its quantity rules (`min_qty`, `qty_step`, `max_qty`).
pub type Orderable = (CardRow, i32, i32, Option<i32>);

/// Active products `audience` may buy with these SKUs (as stored: upper case), with their
/// quantity rules (`min_qty`, `qty_step`, `max_qty`): what a bulk order looks up. Queried 500
/// SKUs at a time.
pub fn orderable_by_skus(
    conn: &mut DbConn,
    skus: &[String],
    audience: Audience,
) -> Result<Vec<Orderable>, DbError> {
    let mut out = Vec::with_capacity(skus.len());
    for chunk in skus.chunks(500) {
        let rows = products::table
            .inner_join(tax_classes::table)
            .left_join(brands::table)
            .left_join(stock_levels::table)
            .filter(products::active.eq(true))
            .filter(products::audience.eq_any(audience.codes()))
            .filter(products::sku.eq_any(chunk))
            .select((
                card_columns!(),
                products::min_qty,
                products::qty_step,
                products::max_qty,
            ))
            .load::<Orderable>(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

const CATEGORY_COLUMNS: (
    categories::id,
    categories::parent_id,
    categories::slug,
    categories::name,
    categories::description,
    categories::industry,
    categories::image_url,
    categories::image_srcset,
) = (
    categories::id,
    categories::parent_id,
    categories::slug,
    categories::name,
    categories::description,
    categories::industry,
    categories::image_url,
    categories::image_srcset,
);

/// All shown categories in tree order (each followed by its subcategories, siblings by their
/// position); one under a hidden category is left out with it.
pub fn categories(conn: &mut DbConn) -> Result<Vec<Category>, DbError> {
    let rows: Vec<Category> = categories::table
        .filter(categories::active.eq(true))
        .order((categories::position.asc(), categories::name.asc()))
        .select(CATEGORY_COLUMNS)
        .load(conn)?;
    Ok(
        crate::domain::catalog::tree_order(rows, |c| (c.id, c.parent_id))
            .into_iter()
            .map(|(c, _)| c)
            .collect(),
    )
}

/// A product by its slug, with media, specs and category; `None` when unknown or inactive.
pub fn product_by_slug(
    conn: &mut DbConn,
    slug: &str,
    audience: Audience,
) -> Result<Option<ProductDetail>, DbError> {
    let Some(card) = card_query!()
        .filter(products::slug.eq(slug))
        .filter(products::audience.eq_any(audience.codes()))
        .first::<CardRow>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let (description, category_id, min_qty, qty_step, max_qty): (
        String,
        i64,
        i32,
        i32,
        Option<i32>,
    ) = products::table
        .find(card.id)
        .select((
            products::description,
            products::category_id,
            products::min_qty,
            products::qty_step,
            products::max_qty,
        ))
        .first(conn)?;
    let category = categories::table
        .find(category_id)
        .select(CATEGORY_COLUMNS)
        .first(conn)?;
    let media = product_media::table
        .filter(product_media::product_id.eq(card.id))
        .order(product_media::position.asc())
        .select((
            product_media::kind,
            product_media::url,
            product_media::poster_url,
            product_media::captions_url,
            product_media::alt,
            product_media::width,
            product_media::height,
            product_media::srcset,
        ))
        .load(conn)?;
    let specs = product_specs::table
        .filter(product_specs::product_id.eq(card.id))
        .order(product_specs::position.asc())
        .select((product_specs::name, product_specs::value))
        .load(conn)?;
    Ok(Some(ProductDetail {
        card,
        description,
        category,
        media,
        specs,
        min_qty,
        qty_step,
        max_qty,
    }))
}

/// Other products from the same category.
pub fn related(
    conn: &mut DbConn,
    product_id: i64,
    category_id: i64,
    audience: Audience,
    limit: i64,
) -> Result<Vec<Card>, DbError> {
    let rows = card_query!()
        .filter(products::category_id.eq(category_id))
        .filter(products::id.ne(product_id))
        .filter(products::audience.eq_any(audience.codes()))
        .order((products::featured.desc(), products::id.asc()))
        .limit(limit)
        .load::<CardRow>(conn)?;
    with_images(conn, rows)
}

/// What a product list needs of one product, before pricing (see `cache::ListingSet`).
#[derive(Debug, Clone, Queryable)]
pub struct ListingRecord {
    pub id: i64,
    pub category_id: i64,
    pub brand_id: Option<i64>,
    pub name: String,
    pub list_price: MinorUnits,
    pub currency: String,
    pub tax_rate_bp: i32,
    pub on_hand: Option<i32>,
    pub reserved: Option<i32>,
    pub created_at: NaiveDateTime,
    pub featured: bool,
}

/// Every active product an audience may see, featured first, then by name: the default order of
/// a category page.
pub fn listing_records(
    conn: &mut DbConn,
    audience: Audience,
) -> Result<Vec<ListingRecord>, DbError> {
    Ok(products::table
        .inner_join(tax_classes::table)
        .left_join(stock_levels::table)
        .filter(products::active.eq(true))
        .filter(products::audience.eq_any(audience.codes()))
        .order((
            products::featured.desc(),
            products::name.asc(),
            products::id.asc(),
        ))
        .select((
            products::id,
            products::category_id,
            products::brand_id,
            products::name,
            products::list_price_minor,
            products::currency,
            tax_classes::rate_bp,
            stock_levels::on_hand.nullable(),
            stock_levels::reserved.nullable(),
            products::created_at,
            products::featured,
        ))
        .load(conn)?)
}

/// (product id, number of approved reviews, sum of their stars).
pub fn rating_totals(conn: &mut DbConn) -> Result<Vec<(i64, i64, i64)>, DbError> {
    use super::schema::reviews;
    use diesel::dsl::count_star;
    use diesel::sql_types::{BigInt, Nullable};
    let rows: Vec<(i64, i64, Option<i64>)> = reviews::table
        .filter(reviews::status.eq("approved"))
        .group_by(reviews::product_id)
        .select((
            reviews::product_id,
            count_star(),
            diesel::dsl::sql::<Nullable<BigInt>>("CAST(SUM(reviews.rating) AS BIGINT)"),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, n, total)| (id, n, total.unwrap_or(0)))
        .collect())
}

/// (number of approved reviews, sum of their stars) of one product.
pub fn rating_of(conn: &mut DbConn, product_id: i64) -> Result<(i64, i64), DbError> {
    use super::schema::reviews;
    use diesel::dsl::count_star;
    use diesel::sql_types::{BigInt, Nullable};
    let (n, total): (i64, Option<i64>) = reviews::table
        .filter(reviews::product_id.eq(product_id))
        .filter(reviews::status.eq("approved"))
        .select((
            count_star(),
            diesel::dsl::sql::<Nullable<BigInt>>("CAST(SUM(reviews.rating) AS BIGINT)"),
        ))
        .first(conn)?;
    Ok((n, total.unwrap_or(0)))
}

#[derive(Debug, Clone, Queryable)]
pub struct Brand {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// All brands by name.
pub fn brands(conn: &mut DbConn) -> Result<Vec<Brand>, DbError> {
    Ok(brands::table
        .order((brands::name.asc(), brands::id.asc()))
        .select((brands::id, brands::slug, brands::name))
        .load(conn)?)
}

pub fn count_products(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(products::table.count().get_result(conn)?)
}
