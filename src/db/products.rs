//! Products as staff manage them: the searchable list, one product with everything its form
//! shows, saving a checked form, copies, archiving. The storefront's reads are in `catalog`;
//! pictures are in `product_media`, stock in `stock`.

use super::schema::{
    brands, categories, product_media, product_specs, products, stock_levels, tax_classes,
};
use super::{DbConn, DbError};
use crate::domain::product_form::Draft;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const PER_PAGE: i64 = 50;

/// At most this many text matches narrow a staff list (newest change first among them).
pub const TEXT_MATCHES: i64 = 5_000;

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// Products a staff search finds: those whose SKU starts with `q` (when it could be one), and
/// those whose name, SKU, brand, category or text hold its words (the last may be the start of
/// one), through indexes both backends keep — never a scan of the catalog on SQLite.
fn text_matches(c: &mut DbConn, q: &str) -> Result<Vec<i64>, DbError> {
    use super::connection::AnyConnection;
    use diesel::sql_types::{BigInt, Text};
    let sku = q.trim().to_ascii_uppercase();
    let mut ids: Vec<i64> = Vec::new();
    if (2..=32).contains(&sku.len())
        && sku
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
    {
        // GLOB is case-sensitive, so SQLite answers it from the SKU's unique index.
        let starting: Vec<IdRow> = match c {
            AnyConnection::Sqlite(c) => {
                diesel::sql_query("SELECT id FROM products WHERE sku GLOB ? LIMIT ?")
                    .bind::<Text, _>(format!("{sku}*"))
                    .bind::<BigInt, _>(TEXT_MATCHES)
                    .load(c)?
            }
            AnyConnection::Pg(c) => {
                diesel::sql_query("SELECT id FROM products WHERE sku LIKE $1 LIMIT $2")
                    .bind::<Text, _>(format!("{sku}%"))
                    .bind::<BigInt, _>(TEXT_MATCHES)
                    .load(c)?
            }
        };
        ids.extend(starting.into_iter().map(|r| r.id));
    }
    let query = crate::domain::search::SearchQuery::parse(q);
    if query.is_empty() {
        return Ok(ids);
    }
    let found: Vec<IdRow> = match c {
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT rowid AS id FROM products_fts WHERE products_fts MATCH ? LIMIT ?",
        )
        .bind::<Text, _>(query.to_fts5())
        .bind::<BigInt, _>(TEXT_MATCHES)
        .load(c)?,
        AnyConnection::Pg(c) => diesel::sql_query(
            "SELECT id FROM products WHERE search_document @@ to_tsquery('simple', $1) LIMIT $2",
        )
        .bind::<Text, _>(query.to_tsquery())
        .bind::<BigInt, _>(TEXT_MATCHES)
        .load(c)?,
    };
    ids.extend(found.into_iter().map(|r| r.id));
    Ok(ids)
}

/// A product in the staff list.
#[derive(Debug, Clone, Queryable)]
pub struct Listed {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub slug: String,
    pub category: String,
    pub brand: Option<String>,
    pub list_price_minor: i64,
    pub audience: String,
    pub active: bool,
    pub on_hand: Option<i32>,
    pub reserved: Option<i32>,
    pub updated_at: NaiveDateTime,
}

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A SKU or words of the name, SKU, brand or text.
    pub q: String,
    pub category_id: Option<i64>,
    /// Some(true) on sale, Some(false) archived, None both.
    pub active: Option<bool>,
    pub audience: Option<&'static str>,
    pub page: i64,
}

/// One page of the list (newest change first) and whether another follows.
pub fn list(c: &mut DbConn, f: &Filter) -> Result<(Vec<Listed>, bool), DbError> {
    let mut query = products::table
        .inner_join(categories::table)
        .left_join(brands::table)
        .left_join(stock_levels::table)
        .select((
            products::id,
            products::sku,
            products::name,
            products::slug,
            categories::name,
            brands::name.nullable(),
            products::list_price_minor,
            products::audience,
            products::active,
            stock_levels::on_hand.nullable(),
            stock_levels::reserved.nullable(),
            products::updated_at,
        ))
        .into_boxed();
    if !f.q.trim().is_empty() {
        query = query.filter(products::id.eq_any(text_matches(c, &f.q)?));
    }
    if let Some(cat) = f.category_id {
        query = query.filter(products::category_id.eq(cat));
    }
    if let Some(active) = f.active {
        query = query.filter(products::active.eq(active));
    }
    if let Some(a) = f.audience {
        query = query.filter(products::audience.eq(a));
    }
    let rows = query
        .order((products::updated_at.desc(), products::id.desc()))
        .limit(PER_PAGE + 1)
        .offset(f.page.max(0) * PER_PAGE)
        .load(c)?;
    Ok(super::page_of(rows, PER_PAGE))
}

/// A product as its form shows it.
#[derive(Debug, Clone, Queryable)]
pub struct ProductRow {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub brand_id: Option<i64>,
    pub category_id: i64,
    pub tax_class: String,
    pub list_price_minor: i64,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
    pub audience: String,
    pub featured: bool,
    pub active: bool,
    pub seo_title: String,
    pub seo_description: String,
    pub variant_group: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// A picture or video of a product.
#[derive(Debug, Clone, Queryable)]
pub struct MediaRow {
    pub id: i64,
    pub kind: String,
    pub url: String,
    pub srcset: Option<String>,
    pub alt: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub position: i32,
}

/// Stock on hand, reserved for orders, and the level called low.
#[derive(Debug, Clone, Copy, Default, Queryable)]
pub struct Stock {
    pub on_hand: i32,
    pub reserved: i32,
    pub low_stock_threshold: i32,
}

/// Everything the product form shows.
#[derive(Debug, Clone)]
pub struct Editable {
    pub row: ProductRow,
    pub specs: Vec<(String, String)>,
    pub media: Vec<MediaRow>,
    pub stock: Stock,
}

type ProductColumns = (
    products::id,
    products::sku,
    products::slug,
    products::name,
    products::summary,
    products::description,
    products::brand_id,
    products::category_id,
    products::tax_class,
    products::list_price_minor,
    products::min_qty,
    products::qty_step,
    products::max_qty,
    products::audience,
    products::featured,
    products::active,
    products::seo_title,
    products::seo_description,
    products::variant_group,
    products::updated_at,
);

const PRODUCT_COLUMNS: ProductColumns = (
    products::id,
    products::sku,
    products::slug,
    products::name,
    products::summary,
    products::description,
    products::brand_id,
    products::category_id,
    products::tax_class,
    products::list_price_minor,
    products::min_qty,
    products::qty_step,
    products::max_qty,
    products::audience,
    products::featured,
    products::active,
    products::seo_title,
    products::seo_description,
    products::variant_group,
    products::updated_at,
);

type MediaColumns = (
    product_media::id,
    product_media::kind,
    product_media::url,
    product_media::srcset,
    product_media::alt,
    product_media::width,
    product_media::height,
    product_media::position,
);

const MEDIA_COLUMNS: MediaColumns = (
    product_media::id,
    product_media::kind,
    product_media::url,
    product_media::srcset,
    product_media::alt,
    product_media::width,
    product_media::height,
    product_media::position,
);

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<Editable>, DbError> {
    let Some(row) = products::table
        .find(id)
        .select(PRODUCT_COLUMNS)
        .first::<ProductRow>(c)
        .optional()?
    else {
        return Ok(None);
    };
    let specs = product_specs::table
        .filter(product_specs::product_id.eq(id))
        .order((product_specs::position, product_specs::id))
        .select((product_specs::name, product_specs::value))
        .load(c)?;
    let media = media(c, id)?;
    let stock = stock_levels::table
        .find(id)
        .select((
            stock_levels::on_hand,
            stock_levels::reserved,
            stock_levels::low_stock_threshold,
        ))
        .first(c)
        .optional()?
        .unwrap_or_default();
    Ok(Some(Editable {
        row,
        specs,
        media,
        stock,
    }))
}

pub fn media(c: &mut DbConn, product_id: i64) -> Result<Vec<MediaRow>, DbError> {
    Ok(product_media::table
        .filter(product_media::product_id.eq(product_id))
        .order((product_media::position, product_media::id))
        .select(MEDIA_COLUMNS)
        .load(c)?)
}

/// What the form's selects offer.
pub struct Choices {
    /// (id, parent, name) in tree order.
    pub categories: Vec<(i64, Option<i64>, String)>,
    pub brands: Vec<(i64, String)>,
    /// (code, name, rate in basis points).
    pub tax_classes: Vec<(String, String, i32)>,
}

pub fn choices(c: &mut DbConn) -> Result<Choices, DbError> {
    Ok(Choices {
        categories: categories::table
            .order((categories::position, categories::name))
            .select((categories::id, categories::parent_id, categories::name))
            .load(c)?,
        brands: brands::table
            .order(brands::name)
            .select((brands::id, brands::name))
            .load(c)?,
        tax_classes: tax_classes::table
            .order(tax_classes::rate_bp.desc())
            .select((tax_classes::code, tax_classes::name, tax_classes::rate_bp))
            .load(c)?,
    })
}

/// Whether the SKU, the address, are used by another product than `except`.
pub fn taken(
    c: &mut DbConn,
    sku: &str,
    slug: &str,
    except: Option<i64>,
) -> Result<(bool, bool), DbError> {
    let other = except.unwrap_or(0);
    let sku_taken: i64 = products::table
        .filter(products::sku.eq(sku))
        .filter(products::id.ne(other))
        .count()
        .get_result(c)?;
    let slug_taken: i64 = products::table
        .filter(products::slug.eq(slug))
        .filter(products::id.ne(other))
        .count()
        .get_result(c)?;
    Ok((sku_taken > 0, slug_taken > 0))
}

fn write_specs(c: &mut DbConn, id: i64, specs: &[(String, String)]) -> Result<(), DbError> {
    diesel::delete(product_specs::table.filter(product_specs::product_id.eq(id))).execute(c)?;
    for (i, (name, value)) in specs.iter().enumerate() {
        diesel::insert_into(product_specs::table)
            .values((
                product_specs::product_id.eq(id),
                product_specs::name.eq(name),
                product_specs::value.eq(value),
                product_specs::position.eq(i32::try_from(i).unwrap_or(i32::MAX)),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Adds a product (with an empty stock level) from a checked form; its id.
pub fn create(
    c: &mut DbConn,
    d: &Draft,
    featured: bool,
    active: bool,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let id: i64 = diesel::insert_into(products::table)
        .values((
            products::sku.eq(&d.sku),
            products::slug.eq(&d.slug),
            products::name.eq(&d.name),
            products::summary.eq(&d.summary),
            products::description.eq(&d.description),
            products::brand_id.eq(d.brand_id),
            products::category_id.eq(d.category_id),
            products::tax_class.eq(&d.tax_class),
            products::list_price_minor.eq(d.list_price_minor),
            products::min_qty.eq(d.min_qty),
            products::qty_step.eq(d.qty_step),
            products::max_qty.eq(d.max_qty),
            products::audience.eq(d.audience),
            products::featured.eq(featured),
            products::active.eq(active),
            products::seo_title.eq(&d.seo_title),
            products::seo_description.eq(&d.seo_description),
            products::created_at.eq(now),
            products::updated_at.eq(now),
        ))
        .returning(products::id)
        .get_result(c)?;
    write_specs(c, id, &d.specs)?;
    diesel::insert_into(stock_levels::table)
        .values((
            stock_levels::product_id.eq(id),
            stock_levels::on_hand.eq(0),
            stock_levels::reserved.eq(0),
            stock_levels::low_stock_threshold.eq(d.low_stock),
            stock_levels::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(id)
}

/// Saves a checked form over a product; false when it is gone.
pub fn update(
    c: &mut DbConn,
    id: i64,
    d: &Draft,
    featured: bool,
    active: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(products::table.find(id))
        .set((
            products::sku.eq(&d.sku),
            products::slug.eq(&d.slug),
            products::name.eq(&d.name),
            products::summary.eq(&d.summary),
            products::description.eq(&d.description),
            products::brand_id.eq(d.brand_id),
            products::category_id.eq(d.category_id),
            products::tax_class.eq(&d.tax_class),
            products::list_price_minor.eq(d.list_price_minor),
            products::min_qty.eq(d.min_qty),
            products::qty_step.eq(d.qty_step),
            products::max_qty.eq(d.max_qty),
            products::audience.eq(d.audience),
            products::featured.eq(featured),
            products::active.eq(active),
            products::seo_title.eq(&d.seo_title),
            products::seo_description.eq(&d.seo_description),
            products::updated_at.eq(now),
        ))
        .execute(c)?;
    if n != 1 {
        return Ok(false);
    }
    write_specs(c, id, &d.specs)?;
    diesel::update(stock_levels::table.find(id))
        .set(stock_levels::low_stock_threshold.eq(d.low_stock))
        .execute(c)?;
    Ok(true)
}

/// Puts a product on sale or archives it; false when it is gone.
pub fn set_active(
    c: &mut DbConn,
    id: i64,
    active: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(products::table.find(id))
        .set((products::active.eq(active), products::updated_at.eq(now)))
        .execute(c)?
        == 1)
}

/// Among `ids`, the products not yet `active` (on sale) or archived as asked — (id, SKU,
/// name) — switched in one update; the switched ones.
pub fn switch_active(
    c: &mut DbConn,
    ids: &[i64],
    active: bool,
    now: NaiveDateTime,
) -> Result<Vec<(i64, String, String)>, DbError> {
    let switching: Vec<(i64, String, String)> = products::table
        .filter(products::id.eq_any(ids))
        .filter(products::active.ne(active))
        .order(products::id)
        .select((products::id, products::sku, products::name))
        .load(c)?;
    let found: Vec<i64> = switching.iter().map(|(id, _, _)| *id).collect();
    diesel::update(products::table.filter(products::id.eq_any(&found)))
        .set((products::active.eq(active), products::updated_at.eq(now)))
        .execute(c)?;
    Ok(switching)
}

/// Copies a product under a new SKU and address, archived (so staff look it over first), with
/// its specifications and media (the same picture files) and no stock; the copy's id.
pub fn duplicate(
    c: &mut DbConn,
    e: &Editable,
    sku: &str,
    slug: &str,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let r = &e.row;
    let id: i64 = diesel::insert_into(products::table)
        .values((
            products::sku.eq(sku),
            products::slug.eq(slug),
            products::name.eq(&r.name),
            products::summary.eq(&r.summary),
            products::description.eq(&r.description),
            products::brand_id.eq(r.brand_id),
            products::category_id.eq(r.category_id),
            products::tax_class.eq(&r.tax_class),
            products::list_price_minor.eq(r.list_price_minor),
            products::min_qty.eq(r.min_qty),
            products::qty_step.eq(r.qty_step),
            products::max_qty.eq(r.max_qty),
            products::audience.eq(&r.audience),
            products::featured.eq(false),
            products::active.eq(false),
            products::seo_title.eq(&r.seo_title),
            products::seo_description.eq(&r.seo_description),
            products::variant_group.eq(&r.variant_group),
            products::created_at.eq(now),
            products::updated_at.eq(now),
        ))
        .returning(products::id)
        .get_result(c)?;
    write_specs(c, id, &e.specs)?;
    let media = product_media::table
        .filter(product_media::product_id.eq(r.id))
        .select((
            product_media::kind,
            product_media::url,
            product_media::poster_url,
            product_media::captions_url,
            product_media::alt,
            product_media::width,
            product_media::height,
            product_media::position,
            product_media::srcset,
        ))
        .load::<(
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            Option<i32>,
            Option<i32>,
            i32,
            Option<String>,
        )>(c)?;
    for (kind, url, poster, captions, alt, width, height, position, srcset) in media {
        diesel::insert_into(product_media::table)
            .values((
                product_media::product_id.eq(id),
                product_media::kind.eq(kind),
                product_media::url.eq(url),
                product_media::poster_url.eq(poster),
                product_media::captions_url.eq(captions),
                product_media::alt.eq(alt),
                product_media::width.eq(width),
                product_media::height.eq(height),
                product_media::position.eq(position),
                product_media::srcset.eq(srcset),
            ))
            .execute(c)?;
    }
    diesel::insert_into(stock_levels::table)
        .values((
            stock_levels::product_id.eq(id),
            stock_levels::on_hand.eq(0),
            stock_levels::reserved.eq(0),
            stock_levels::low_stock_threshold.eq(e.stock.low_stock_threshold),
            stock_levels::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(id)
}

/// A stored picture to add to a product.
pub struct NewPicture<'a> {
    pub url: &'a str,
    pub srcset: &'a str,
    pub alt: &'a str,
    pub width: i32,
    pub height: i32,
}

/// Adds a picture after the product's others; its id.
pub fn add_picture(c: &mut DbConn, product_id: i64, p: &NewPicture<'_>) -> Result<i64, DbError> {
    let last: Option<i32> = product_media::table
        .filter(product_media::product_id.eq(product_id))
        .filter(product_media::kind.eq("image"))
        .select(diesel::dsl::max(product_media::position))
        .first(c)?;
    Ok(diesel::insert_into(product_media::table)
        .values((
            product_media::product_id.eq(product_id),
            product_media::kind.eq("image"),
            product_media::url.eq(p.url),
            product_media::srcset.eq(p.srcset),
            product_media::alt.eq(p.alt),
            product_media::width.eq(p.width),
            product_media::height.eq(p.height),
            product_media::position.eq(last.map_or(0, |l| l + 1)),
        ))
        .returning(product_media::id)
        .get_result(c)?)
}

/// Removes a picture of this product; its `srcset` when the files are now unused by any product
/// (so they may be deleted), `Some(None)` when removed but the files are still used.
pub fn remove_picture(
    c: &mut DbConn,
    product_id: i64,
    media_id: i64,
) -> Result<Option<Option<String>>, DbError> {
    let row: Option<(String, Option<String>)> = product_media::table
        .filter(product_media::id.eq(media_id))
        .filter(product_media::product_id.eq(product_id))
        .filter(product_media::kind.eq("image"))
        .select((product_media::url, product_media::srcset))
        .first(c)
        .optional()?;
    let Some((url, srcset)) = row else {
        return Ok(None);
    };
    diesel::delete(product_media::table.find(media_id)).execute(c)?;
    let still_used: i64 = product_media::table
        .filter(product_media::url.eq(&url))
        .count()
        .get_result(c)?;
    Ok(Some(srcset.filter(|_| still_used == 0)))
}

/// Changes a picture's alternative text; false when it is not this product's.
pub fn set_alt(c: &mut DbConn, product_id: i64, media_id: i64, alt: &str) -> Result<bool, DbError> {
    Ok(diesel::update(
        product_media::table
            .filter(product_media::id.eq(media_id))
            .filter(product_media::product_id.eq(product_id)),
    )
    .set(product_media::alt.eq(alt))
    .execute(c)?
        == 1)
}

/// Moves a picture one place earlier (`-1`) or later (`1`) among the product's pictures, by
/// renumbering them all; false when it is not this product's.
pub fn move_picture(
    c: &mut DbConn,
    product_id: i64,
    media_id: i64,
    by: i32,
) -> Result<bool, DbError> {
    let mut ids: Vec<i64> = product_media::table
        .filter(product_media::product_id.eq(product_id))
        .filter(product_media::kind.eq("image"))
        .order((product_media::position, product_media::id))
        .select(product_media::id)
        .load(c)?;
    let Some(at) = ids.iter().position(|id| *id == media_id) else {
        return Ok(false);
    };
    let to = if by < 0 {
        at.saturating_sub(1)
    } else {
        (at + 1).min(ids.len() - 1)
    };
    ids.swap(at, to);
    for (i, id) in ids.iter().enumerate() {
        diesel::update(product_media::table.find(id))
            .set(product_media::position.eq(i32::try_from(i).unwrap_or(i32::MAX)))
            .execute(c)?;
    }
    Ok(true)
}

/// Marks the product changed (pictures do not touch its row otherwise).
pub fn touch(c: &mut DbConn, id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(products::table.find(id))
        .set(products::updated_at.eq(now))
        .execute(c)?;
    Ok(())
}

/// Up to `limit` ids of products matching `f` after id `after`, in id order (an export reads
/// the whole catalog this way, a batch at a time).
pub fn matching_ids(
    c: &mut DbConn,
    f: &Filter,
    after: i64,
    limit: i64,
) -> Result<Vec<i64>, DbError> {
    let mut query = products::table
        .filter(products::id.gt(after))
        .select(products::id)
        .into_boxed();
    if !f.q.trim().is_empty() {
        query = query.filter(products::id.eq_any(text_matches(c, &f.q)?));
    }
    if let Some(cat) = f.category_id {
        query = query.filter(products::category_id.eq(cat));
    }
    if let Some(active) = f.active {
        query = query.filter(products::active.eq(active));
    }
    if let Some(a) = f.audience {
        query = query.filter(products::audience.eq(a));
    }
    Ok(query.order(products::id).limit(limit).load(c)?)
}

/// These products with their specifications and stock (not their media), in id order: three
/// queries however many there are.
pub fn find_many(c: &mut DbConn, ids: &[i64]) -> Result<Vec<Editable>, DbError> {
    let rows: Vec<ProductRow> = products::table
        .filter(products::id.eq_any(ids))
        .order(products::id)
        .select(PRODUCT_COLUMNS)
        .load(c)?;
    let mut specs: std::collections::HashMap<i64, Vec<(String, String)>> =
        std::collections::HashMap::new();
    for (id, name, value) in product_specs::table
        .filter(product_specs::product_id.eq_any(ids))
        .order((
            product_specs::product_id,
            product_specs::position,
            product_specs::id,
        ))
        .select((
            product_specs::product_id,
            product_specs::name,
            product_specs::value,
        ))
        .load::<(i64, String, String)>(c)?
    {
        specs.entry(id).or_default().push((name, value));
    }
    let stock: std::collections::HashMap<i64, Stock> = stock_levels::table
        .filter(stock_levels::product_id.eq_any(ids))
        .select((
            stock_levels::product_id,
            (
                stock_levels::on_hand,
                stock_levels::reserved,
                stock_levels::low_stock_threshold,
            ),
        ))
        .load::<(i64, Stock)>(c)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| Editable {
            specs: specs.remove(&row.id).unwrap_or_default(),
            stock: stock.get(&row.id).copied().unwrap_or_default(),
            media: Vec::new(),
            row,
        })
        .collect())
}
