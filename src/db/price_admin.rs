//! Agreed prices as staff manage them: price lists and their tiers (scheduled by validity
//! windows that never overlap for one product and quantity), a company's contract prices, its
//! price list and payment terms, and the terms' adjustments. The storefront reads them through
//! `prices::company_pricing`. Every company query is scoped by the company id it is given.

use super::schema::{
    companies, contract_prices, payment_terms, price_list_entries, price_lists, products,
};
use super::{DbConn, DbError};
use crate::domain::price_form::overlaps;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A price list in the overview.
#[derive(Debug, Clone)]
pub struct ListRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub entries: i64,
    pub companies: Vec<String>,
}

/// Every list with its number of prices and the companies on it: three queries however many
/// lists there are.
pub fn lists(c: &mut DbConn) -> Result<Vec<ListRow>, DbError> {
    use std::collections::HashMap;
    let rows: Vec<(i64, String, String)> = price_lists::table
        .order(price_lists::name)
        .select((price_lists::id, price_lists::code, price_lists::name))
        .load(c)?;
    let entries: HashMap<i64, i64> = price_list_entries::table
        .group_by(price_list_entries::price_list_id)
        .select((price_list_entries::price_list_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(c)?
        .into_iter()
        .collect();
    let mut on_list: HashMap<i64, Vec<String>> = HashMap::new();
    for (list, name) in companies::table
        .filter(companies::price_list_id.is_not_null())
        .order(companies::name)
        .select((companies::price_list_id.assume_not_null(), companies::name))
        .load::<(i64, String)>(c)?
    {
        on_list.entry(list).or_default().push(name);
    }
    Ok(rows
        .into_iter()
        .map(|(id, code, name)| ListRow {
            entries: entries.get(&id).copied().unwrap_or(0),
            companies: on_list.remove(&id).unwrap_or_default(),
            id,
            code,
            name,
        })
        .collect())
}

pub fn list(c: &mut DbConn, id: i64) -> Result<Option<(String, String)>, DbError> {
    Ok(price_lists::table
        .find(id)
        .select((price_lists::code, price_lists::name))
        .first(c)
        .optional()?)
}

/// Adds a list; `None` when the code is taken.
pub fn create_list(
    c: &mut DbConn,
    code: &str,
    name: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, DbError> {
    let taken: i64 = price_lists::table
        .filter(price_lists::code.eq(code))
        .count()
        .get_result(c)?;
    if taken > 0 {
        return Ok(None);
    }
    Ok(Some(
        diesel::insert_into(price_lists::table)
            .values((
                price_lists::code.eq(code),
                price_lists::name.eq(name),
                price_lists::created_at.eq(now),
            ))
            .returning(price_lists::id)
            .get_result(c)?,
    ))
}

/// A price-list tier or a contract price, with its product.
#[derive(Debug, Clone, Queryable)]
pub struct PriceRow {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub list_price_minor: i64,
    pub min_qty: i32,
    pub unit_price_minor: i64,
    pub valid_from: Option<NaiveDateTime>,
    pub valid_to: Option<NaiveDateTime>,
    pub note: String,
}

/// A list's tiers, by SKU and quantity, those starting first first (at most 500; `sku` narrows
/// to SKUs starting with it).
pub fn entries(c: &mut DbConn, list_id: i64, sku: &str) -> Result<Vec<PriceRow>, DbError> {
    let mut q = price_list_entries::table
        .inner_join(products::table)
        .filter(price_list_entries::price_list_id.eq(list_id))
        .select((
            price_list_entries::id,
            products::sku,
            products::name,
            products::list_price_minor,
            price_list_entries::min_qty,
            price_list_entries::unit_price_minor,
            price_list_entries::valid_from,
            price_list_entries::valid_to,
            diesel::dsl::sql::<diesel::sql_types::Text>("''"),
        ))
        .into_boxed();
    if !sku.is_empty() {
        q = q.filter(products::sku.like(format!("{}%", sku.replace(['%', '_', '\\'], ""))));
    }
    Ok(q.order((
        products::sku,
        price_list_entries::min_qty,
        price_list_entries::valid_from,
    ))
    .limit(500)
    .load(c)?)
}

/// A company's contract prices.
pub fn contracts(c: &mut DbConn, company_id: i64) -> Result<Vec<PriceRow>, DbError> {
    Ok(contract_prices::table
        .inner_join(products::table)
        .filter(contract_prices::company_id.eq(company_id))
        .select((
            contract_prices::id,
            products::sku,
            products::name,
            products::list_price_minor,
            contract_prices::min_qty,
            contract_prices::unit_price_minor,
            contract_prices::valid_from,
            contract_prices::valid_to,
            contract_prices::note,
        ))
        .order((
            products::sku,
            contract_prices::min_qty,
            contract_prices::valid_from,
        ))
        .load(c)?)
}

/// The product of a SKU.
pub fn product_id(c: &mut DbConn, sku: &str) -> Result<Option<i64>, DbError> {
    Ok(products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(c)
        .optional()?)
}

/// A price to add.
pub struct NewPrice<'a> {
    pub product_id: i64,
    pub min_qty: i32,
    pub unit_price_minor: i64,
    pub valid_from: Option<NaiveDateTime>,
    pub valid_to: Option<NaiveDateTime>,
    pub note: &'a str,
}

/// Why a price was not added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// Another price for this product and quantity is valid at some of the same time.
    Overlap,
}

type Window = (Option<NaiveDateTime>, Option<NaiveDateTime>);

fn clashes(existing: &[Window], new: Window) -> bool {
    existing.iter().any(|w| overlaps(*w, new))
}

/// Adds a tier to a list unless its window overlaps one for the same product and quantity.
pub fn add_entry(
    c: &mut DbConn,
    list_id: i64,
    p: &NewPrice<'_>,
) -> Result<Result<i64, Clash>, DbError> {
    let existing: Vec<Window> = price_list_entries::table
        .filter(price_list_entries::price_list_id.eq(list_id))
        .filter(price_list_entries::product_id.eq(p.product_id))
        .filter(price_list_entries::min_qty.eq(p.min_qty))
        .select((price_list_entries::valid_from, price_list_entries::valid_to))
        .load(c)?;
    if clashes(&existing, (p.valid_from, p.valid_to)) {
        return Ok(Err(Clash::Overlap));
    }
    Ok(Ok(diesel::insert_into(price_list_entries::table)
        .values((
            price_list_entries::price_list_id.eq(list_id),
            price_list_entries::product_id.eq(p.product_id),
            price_list_entries::min_qty.eq(p.min_qty),
            price_list_entries::unit_price_minor.eq(p.unit_price_minor),
            price_list_entries::valid_from.eq(p.valid_from),
            price_list_entries::valid_to.eq(p.valid_to),
        ))
        .returning(price_list_entries::id)
        .get_result(c)?))
}

/// Adds a contract price for the company unless it overlaps one for the same product and
/// quantity.
pub fn add_contract(
    c: &mut DbConn,
    company_id: i64,
    p: &NewPrice<'_>,
) -> Result<Result<i64, Clash>, DbError> {
    let existing: Vec<Window> = contract_prices::table
        .filter(contract_prices::company_id.eq(company_id))
        .filter(contract_prices::product_id.eq(p.product_id))
        .filter(contract_prices::min_qty.eq(p.min_qty))
        .select((contract_prices::valid_from, contract_prices::valid_to))
        .load(c)?;
    if clashes(&existing, (p.valid_from, p.valid_to)) {
        return Ok(Err(Clash::Overlap));
    }
    Ok(Ok(diesel::insert_into(contract_prices::table)
        .values((
            contract_prices::company_id.eq(company_id),
            contract_prices::product_id.eq(p.product_id),
            contract_prices::min_qty.eq(p.min_qty),
            contract_prices::unit_price_minor.eq(p.unit_price_minor),
            contract_prices::valid_from.eq(p.valid_from),
            contract_prices::valid_to.eq(p.valid_to),
            contract_prices::note.eq(p.note),
        ))
        .returning(contract_prices::id)
        .get_result(c)?))
}

/// Removes a tier of this list; what it was ("SKU from N: price") or `None` when not this
/// list's.
pub fn remove_entry(c: &mut DbConn, list_id: i64, id: i64) -> Result<Option<String>, DbError> {
    let row: Option<(String, i32, i64)> = price_list_entries::table
        .inner_join(products::table)
        .filter(price_list_entries::id.eq(id))
        .filter(price_list_entries::price_list_id.eq(list_id))
        .select((
            products::sku,
            price_list_entries::min_qty,
            price_list_entries::unit_price_minor,
        ))
        .first(c)
        .optional()?;
    let Some((sku, min_qty, minor)) = row else {
        return Ok(None);
    };
    diesel::delete(price_list_entries::table.find(id)).execute(c)?;
    Ok(Some(format!("{sku} from {min_qty}: {minor} öre")))
}

/// Removes a contract price of this company; what it was, or `None` when not this company's.
pub fn remove_contract(
    c: &mut DbConn,
    company_id: i64,
    id: i64,
) -> Result<Option<String>, DbError> {
    let row: Option<(String, i32, i64)> = contract_prices::table
        .inner_join(products::table)
        .filter(contract_prices::id.eq(id))
        .filter(contract_prices::company_id.eq(company_id))
        .select((
            products::sku,
            contract_prices::min_qty,
            contract_prices::unit_price_minor,
        ))
        .first(c)
        .optional()?;
    let Some((sku, min_qty, minor)) = row else {
        return Ok(None);
    };
    diesel::delete(contract_prices::table.find(id)).execute(c)?;
    Ok(Some(format!("{sku} from {min_qty}: {minor} öre")))
}

/// Payment terms in their order: (code, name, days, adjustment in basis points).
pub fn terms(c: &mut DbConn) -> Result<Vec<(String, String, i32, i32)>, DbError> {
    Ok(payment_terms::table
        .order(payment_terms::position)
        .select((
            payment_terms::code,
            payment_terms::name,
            payment_terms::days,
            payment_terms::adjustment_bp,
        ))
        .load(c)?)
}

/// Sets a term's adjustment; the old value, or `None` for an unknown code.
pub fn set_adjustment(c: &mut DbConn, code: &str, bp: i32) -> Result<Option<i32>, DbError> {
    let old: Option<i32> = payment_terms::table
        .find(code)
        .select(payment_terms::adjustment_bp)
        .first(c)
        .optional()?;
    if old.is_some() {
        diesel::update(payment_terms::table.find(code))
            .set(payment_terms::adjustment_bp.eq(bp))
            .execute(c)?;
    }
    Ok(old)
}

/// A company for the selects: (id, name, price list id, payment terms code).
pub type CompanyTerms = (i64, String, Option<i64>, String);

pub fn companies(c: &mut DbConn) -> Result<Vec<CompanyTerms>, DbError> {
    Ok(companies::table
        .filter(companies::status.eq("active"))
        .order(companies::name)
        .select((
            companies::id,
            companies::name,
            companies::price_list_id,
            companies::payment_terms,
        ))
        .load(c)?)
}

/// Gives a company a price list (or none) and payment terms; the old pair, or `None` when
/// the company is unknown.
pub fn assign(
    c: &mut DbConn,
    company_id: i64,
    list: Option<i64>,
    terms: &str,
) -> Result<Option<(Option<i64>, String)>, DbError> {
    let old: Option<(Option<i64>, String)> = companies::table
        .find(company_id)
        .select((companies::price_list_id, companies::payment_terms))
        .first(c)
        .optional()?;
    if old.is_some() {
        diesel::update(companies::table.find(company_id))
            .set((
                companies::price_list_id.eq(list),
                companies::payment_terms.eq(terms),
            ))
            .execute(c)?;
    }
    Ok(old)
}

/// A product for the preview by SKU (archived ones too): (id, name, list price, VAT rate bp).
pub fn preview_product(
    c: &mut DbConn,
    sku: &str,
) -> Result<Option<(i64, String, i64, i32)>, DbError> {
    use super::schema::tax_classes;
    Ok(products::table
        .inner_join(tax_classes::table)
        .filter(products::sku.eq(sku))
        .select((
            products::id,
            products::name,
            products::list_price_minor,
            tax_classes::rate_bp,
        ))
        .first(c)
        .optional()?)
}

/// A company's name.
pub fn company_name(c: &mut DbConn, id: i64) -> Result<Option<String>, DbError> {
    Ok(companies::table
        .find(id)
        .select(companies::name)
        .first(c)
        .optional()?)
}
