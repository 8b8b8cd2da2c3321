//! Product files: the import jobs (state, progress, report), what a file's rows are checked
//! against (categories, brands, tax classes, the current products by SKU), applying checked rows
//! in batches, and reading products for an export a batch at a time.

use super::products::{self, Editable};
use super::schema::{brands, categories, product_imports, products as p, tax_classes};
use super::{DbConn, DbError, audit};
use crate::domain::product_form::{Draft, Fields, specs_text};
use crate::domain::product_import::Lookups;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

/// An import job as its page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct Job {
    pub id: i64,
    pub actor_user_id: i64,
    pub file_name: String,
    pub stored_name: String,
    pub state: String,
    pub total_rows: i32,
    pub done_rows: i32,
    pub new_count: i32,
    pub update_count: i32,
    pub error_count: i32,
    pub report: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn create_job(
    c: &mut DbConn,
    actor: i64,
    file_name: &str,
    stored_name: &str,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(product_imports::table)
        .values((
            product_imports::actor_user_id.eq(actor),
            product_imports::file_name.eq(file_name),
            product_imports::stored_name.eq(stored_name),
            product_imports::state.eq("checking"),
            product_imports::created_at.eq(now),
            product_imports::updated_at.eq(now),
        ))
        .returning(product_imports::id)
        .get_result(c)?)
}

pub fn job(c: &mut DbConn, id: i64) -> Result<Option<Job>, DbError> {
    Ok(product_imports::table.find(id).first(c).optional()?)
}

/// The latest jobs, newest first.
pub fn recent_jobs(c: &mut DbConn, limit: i64) -> Result<Vec<Job>, DbError> {
    Ok(product_imports::table
        .order(product_imports::id.desc())
        .limit(limit)
        .load(c)?)
}

/// Progress: rows done so far of the total.
pub fn progress(
    c: &mut DbConn,
    id: i64,
    done: i32,
    total: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(product_imports::table.find(id))
        .set((
            product_imports::done_rows.eq(done),
            product_imports::total_rows.eq(total),
            product_imports::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// What a finished step found.
pub struct Outcome<'a> {
    pub state: &'a str,
    pub total: i32,
    pub new_count: i32,
    pub update_count: i32,
    pub error_count: i32,
    pub report: &'a str,
}

pub fn finish(c: &mut DbConn, id: i64, o: &Outcome<'_>, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(product_imports::table.find(id))
        .set((
            product_imports::state.eq(o.state),
            product_imports::total_rows.eq(o.total),
            product_imports::done_rows.eq(o.total),
            product_imports::new_count.eq(o.new_count),
            product_imports::update_count.eq(o.update_count),
            product_imports::error_count.eq(o.error_count),
            product_imports::report.eq(o.report),
            product_imports::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// Moves a checked job on to running; false when it is not (any longer) checked, so one
/// click of two starts it.
pub fn start_run(c: &mut DbConn, id: i64, now: NaiveDateTime) -> Result<bool, DbError> {
    Ok(diesel::update(
        product_imports::table
            .filter(product_imports::id.eq(id))
            .filter(product_imports::state.eq("checked")),
    )
    .set((
        product_imports::state.eq("running"),
        product_imports::done_rows.eq(0),
        product_imports::updated_at.eq(now),
    ))
    .execute(c)?
        == 1)
}

/// Jobs left checking or running by a server that stopped: failed, so staff start again.
pub fn fail_abandoned(c: &mut DbConn, now: NaiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::update(
        product_imports::table.filter(product_imports::state.eq_any(["checking", "running"])),
    )
    .set((
        product_imports::state.eq("failed"),
        product_imports::updated_at.eq(now),
    ))
    .execute(c)?)
}

/// Categories and brands by slug and by name (lower case), and the tax classes.
pub fn lookups(c: &mut DbConn) -> Result<Lookups, DbError> {
    let cats: Vec<(i64, String, String)> = categories::table
        .select((categories::id, categories::slug, categories::name))
        .load(c)?;
    let brand_rows: Vec<(i64, String, String)> = brands::table
        .select((brands::id, brands::slug, brands::name))
        .load(c)?;
    let by_words = |rows: &[(i64, String, String)]| {
        let mut map = HashMap::new();
        for (id, slug, name) in rows {
            map.insert(name.to_lowercase(), *id);
            map.insert(slug.to_lowercase(), *id);
        }
        map
    };
    Ok(Lookups {
        categories: by_words(&cats),
        brands: by_words(&brand_rows),
        category_ids: cats.iter().map(|r| r.0).collect(),
        brand_ids: brand_rows.iter().map(|r| r.0).collect(),
        tax_classes: tax_classes::table.select(tax_classes::code).load(c)?,
    })
}

/// A stored product as text, the way a file carries it (ids for category and brand, the price
/// in kronor with a point).
pub fn fields_of(e: &Editable) -> Fields {
    let r = &e.row;
    Fields {
        sku: r.sku.clone(),
        name: r.name.clone(),
        slug: r.slug.clone(),
        summary: r.summary.clone(),
        description: r.description.clone(),
        brand: r.brand_id.map(|b| b.to_string()).unwrap_or_default(),
        category: r.category_id.to_string(),
        tax_class: r.tax_class.clone(),
        price: format!(
            "{}.{:02}",
            r.list_price_minor / 100,
            r.list_price_minor % 100
        ),
        min_qty: r.min_qty.to_string(),
        qty_step: r.qty_step.to_string(),
        max_qty: r.max_qty.map(|m| m.to_string()).unwrap_or_default(),
        audience: r.audience.clone(),
        seo_title: r.seo_title.clone(),
        seo_description: r.seo_description.clone(),
        specs: specs_text(&e.specs),
        low_stock: e.stock.low_stock_threshold.to_string(),
        featured: r.featured,
        active: r.active,
    }
}

/// The current products with these SKUs, as text, by SKU.
pub fn current(c: &mut DbConn, skus: &[String]) -> Result<HashMap<String, (i64, Fields)>, DbError> {
    let ids: Vec<i64> = p::table.filter(p::sku.eq_any(skus)).select(p::id).load(c)?;
    Ok(products::find_many(c, &ids)?
        .into_iter()
        .map(|e| (e.row.sku.clone(), (e.row.id, fields_of(&e))))
        .collect())
}

/// Addresses used by products other than those with these SKUs (a file may not give two
/// products one address).
pub fn slug_owner(c: &mut DbConn, slugs: &[String]) -> Result<HashMap<String, String>, DbError> {
    Ok(p::table
        .filter(p::slug.eq_any(slugs))
        .select((p::slug, p::sku))
        .load::<(String, String)>(c)?
        .into_iter()
        .collect())
}

/// One checked row to save: the product it changes (None: a new one) and what it becomes.
pub struct Apply {
    pub id: Option<i64>,
    pub draft: Draft,
    pub active: bool,
    pub featured: bool,
    /// The product before, for the audit log.
    pub before: Option<String>,
}

/// Saves a batch of rows (in the caller's transaction), each audited; (created, updated).
pub fn apply(
    c: &mut DbConn,
    rows: &[Apply],
    actor: i64,
    job: i64,
    now: NaiveDateTime,
) -> Result<(i32, i32), DbError> {
    let (mut created, mut updated) = (0, 0);
    for a in rows {
        let id = match a.id {
            Some(id) => {
                products::update(c, id, &a.draft, a.featured, a.active, now)?;
                updated += 1;
                id
            }
            None => {
                created += 1;
                products::create(c, &a.draft, a.featured, a.active, now)?
            }
        };
        let after = format!(
            "{} {} [{} öre excl. VAT, {}{}] (import {job})",
            a.draft.sku,
            a.draft.name,
            a.draft.list_price_minor,
            a.draft.audience,
            if a.active { "" } else { ", archived" }
        );
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if a.id.is_some() {
                    "product_import_update"
                } else {
                    "product_import_create"
                },
                subject_type: "product",
                subject_id: &id.to_string(),
                before: a.before.as_deref(),
                after: Some(&after),
            },
        )?;
    }
    Ok((created, updated))
}

/// A product as an export row needs it.
#[derive(Debug, Clone)]
pub struct Exported {
    pub fields: Fields,
    pub category_slug: String,
    pub brand: String,
    pub price_minor: i64,
}

/// What an export writes for category and brand ids: category slugs and brand names.
#[derive(Debug, Clone, Default)]
pub struct ExportNames {
    pub categories: HashMap<i64, String>,
    pub brands: HashMap<i64, String>,
}

/// Read once per export.
pub fn export_names(c: &mut DbConn) -> Result<ExportNames, DbError> {
    Ok(ExportNames {
        categories: categories::table
            .select((categories::id, categories::slug))
            .load::<(i64, String)>(c)?
            .into_iter()
            .collect(),
        brands: brands::table
            .select((brands::id, brands::name))
            .load::<(i64, String)>(c)?
            .into_iter()
            .collect(),
    })
}

/// Up to `limit` products after id `after`, in id order, matching the list's filter.
pub fn export_batch(
    c: &mut DbConn,
    filter: &products::Filter,
    names: &ExportNames,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, Exported)>, DbError> {
    let ids = products::matching_ids(c, filter, after, limit)?;
    let (cats, brand_names) = (&names.categories, &names.brands);
    let mut out = Vec::with_capacity(ids.len());
    for e in products::find_many(c, &ids)? {
        let fields = fields_of(&e);
        out.push((
            e.row.id,
            Exported {
                category_slug: cats.get(&e.row.category_id).cloned().unwrap_or_default(),
                brand: e
                    .row
                    .brand_id
                    .and_then(|b| brand_names.get(&b).cloned())
                    .unwrap_or_default(),
                price_minor: e.row.list_price_minor,
                fields,
            },
        ));
    }
    Ok(out)
}
