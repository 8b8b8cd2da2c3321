//! Quotes (RFQ) in the database: a company buyer's request, its lines and thread, the sales
//! representatives' offers, and the moves between states — each a conditional update on the
//! state it starts from (`domain::quotes::next` decides which), so two clicks or two people move
//! a quote once. Storefront reads name the company in the session; staff reads do not.

use super::carts::{self, RawLine};
use super::catalog::Audience;
use super::schema::{companies, products, quote_lines, quote_messages, quotes, tax_classes, users};
use super::{DbConn, DbError};
use crate::domain::money::{Currency, Money};
use crate::domain::quotes::Status;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Integer;
use std::collections::HashMap;

mod moves;
pub use moves::{Changes, apply, mark_ordered, order_removed};

/// A line asked for: product, quantity and (optionally) the buyer's target unit price.
#[derive(Debug, Clone, Copy)]
pub struct Requested {
    pub product_id: i64,
    pub quantity: i32,
    pub target_minor: Option<i64>,
}

/// Creates a quote request with its lines and the first entry of its thread; returns its number.
pub fn create(
    c: &mut DbConn,
    company_id: i64,
    user_id: i64,
    lines: &[Requested],
    message: &str,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let number = format!(
        "Q{}-{:06}",
        now.format("%y%m%d"),
        rand::random_range(0..1_000_000_u32)
    );
    let id: i64 = diesel::insert_into(quotes::table)
        .values((
            quotes::number.eq(&number),
            quotes::company_id.eq(company_id),
            quotes::requested_by.eq(user_id),
            quotes::status.eq(Status::Requested.code()),
            quotes::currency.eq("SEK"),
            quotes::created_at.eq(now),
            quotes::updated_at.eq(now),
        ))
        .returning(quotes::id)
        .get_result(c)?;
    for l in lines {
        diesel::insert_into(quote_lines::table)
            .values((
                quote_lines::quote_id.eq(id),
                quote_lines::product_id.eq(l.product_id),
                quote_lines::quantity.eq(l.quantity),
                quote_lines::requested_unit_price_minor.eq(l.target_minor),
            ))
            .execute(c)?;
    }
    post(c, id, user_id, "request", message, now)?;
    Ok(number)
}

fn post(
    c: &mut DbConn,
    quote_id: i64,
    author: i64,
    kind: &str,
    body: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(quote_messages::table)
        .values((
            quote_messages::quote_id.eq(quote_id),
            quote_messages::author_user_id.eq(author),
            quote_messages::kind.eq(kind),
            quote_messages::body.eq(body),
            quote_messages::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// A quote with its company and requester.
#[derive(Debug, Clone, Queryable)]
pub struct QuoteRow {
    pub id: i64,
    pub number: String,
    pub company_id: i64,
    pub company: String,
    pub requested_by: i64,
    pub requester: String,
    pub requester_email: String,
    pub requester_locale: Option<String>,
    pub assigned_to: Option<i64>,
    pub status: String,
    pub total_minor: Option<i64>,
    pub valid_until: Option<NaiveDateTime>,
    pub order_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl QuoteRow {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Withdrawn)
    }

    pub fn expired(&self, now: NaiveDateTime) -> bool {
        crate::domain::quotes::expired(self.valid_until, now)
    }
}

macro_rules! quote_query {
    () => {
        quotes::table
            .inner_join(companies::table)
            .inner_join(users::table.on(users::id.eq(quotes::requested_by)))
            .select((
                quotes::id,
                quotes::number,
                quotes::company_id,
                companies::name,
                quotes::requested_by,
                users::name,
                users::email,
                users::locale,
                quotes::assigned_to,
                quotes::status,
                quotes::total_minor,
                quotes::valid_until,
                quotes::order_id,
                quotes::created_at,
                quotes::updated_at,
            ))
    };
}

/// A company's quotes, newest first; only `user`'s when given (a buyer sees their own).
pub fn for_company(
    c: &mut DbConn,
    company_id: i64,
    user: Option<i64>,
) -> Result<Vec<QuoteRow>, DbError> {
    let mut q = quote_query!()
        .filter(quotes::company_id.eq(company_id))
        .order(quotes::id.desc())
        .limit(200)
        .into_boxed();
    if let Some(u) = user {
        q = q.filter(quotes::requested_by.eq(u));
    }
    Ok(q.load(c)?)
}

/// One quote by number, in `company` (storefront) or any (staff: `None`).
pub fn find(
    c: &mut DbConn,
    number: &str,
    company: Option<i64>,
) -> Result<Option<QuoteRow>, DbError> {
    let mut q = quote_query!()
        .filter(quotes::number.eq(number))
        .into_boxed();
    if let Some(id) = company {
        q = q.filter(quotes::company_id.eq(id));
    }
    Ok(q.first(c).optional()?)
}

/// Staff's inbox: quotes in `status` (or those waiting for the shop first, then the rest),
/// matching a number or company name, newest change first; one more than `per_page` tells that
/// there is a next page.
pub fn inbox(
    c: &mut DbConn,
    status: Option<Status>,
    query: &str,
    page: i64,
    per_page: i64,
) -> Result<(Vec<QuoteRow>, bool), DbError> {
    let mut q = quote_query!().into_boxed();
    if let Some(s) = status {
        q = q.filter(quotes::status.eq(s.code()));
    }
    let query = query.trim().to_lowercase();
    if !query.is_empty() {
        use super::lower;
        let like = super::contains_pattern(&query);
        q = q.filter(
            lower(quotes::number)
                .like(like.clone())
                .or(lower(companies::name).like(like)),
        );
    }
    // Those waiting for the shop first, across every page.
    let waiting = [Status::Requested.code(), Status::Negotiating.code()];
    let rows: Vec<QuoteRow> = q
        .order(
            diesel::dsl::case_when(quotes::status.eq_any(waiting), 0.into_sql::<Integer>())
                .otherwise(1.into_sql::<Integer>()),
        )
        .then_order_by(quotes::updated_at.desc())
        .then_order_by(quotes::id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
        .load(c)?;
    Ok(super::page_of(rows, per_page))
}

/// How many quotes wait for the shop (the admin dashboard's queue).
pub fn waiting_for_shop(c: &mut DbConn) -> Result<i64, DbError> {
    Ok(quotes::table
        .filter(quotes::status.eq_any([Status::Requested.code(), Status::Negotiating.code()]))
        .count()
        .get_result(c)?)
}

/// A quote line with what the pages show of its product.
#[derive(Debug, Clone, Queryable)]
pub struct LineRow {
    pub id: i64,
    pub product_id: i64,
    pub quantity: i32,
    pub requested_minor: Option<i64>,
    pub offered_minor: Option<i64>,
    pub sku: String,
    pub name: String,
    pub slug: String,
    pub list_price_minor: i64,
    pub tax_rate_bp: i32,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
}

pub fn lines(c: &mut DbConn, quote_id: i64) -> Result<Vec<LineRow>, DbError> {
    Ok(quote_lines::table
        .inner_join(products::table.inner_join(tax_classes::table))
        .filter(quote_lines::quote_id.eq(quote_id))
        .order(quote_lines::id)
        .select((
            quote_lines::id,
            quote_lines::product_id,
            quote_lines::quantity,
            quote_lines::requested_unit_price_minor,
            quote_lines::offered_unit_price_minor,
            products::sku,
            products::name,
            products::slug,
            products::list_price_minor,
            tax_classes::rate_bp,
            products::min_qty,
            products::qty_step,
            products::max_qty,
        ))
        .load(c)?)
}

/// An accepted quote's lines as an order reads them (like cart lines, with their products'
/// cards and stock).
pub fn order_lines(
    c: &mut DbConn,
    quote_id: i64,
    audience: Audience,
) -> Result<Vec<carts::Line>, DbError> {
    // Quote lines are never "saved for later": `id < 0` is a portable false.
    let raw: Vec<RawLine> = quote_lines::table
        .inner_join(products::table)
        .filter(quote_lines::quote_id.eq(quote_id))
        .order(quote_lines::id)
        .select((
            quote_lines::id,
            quote_lines::product_id,
            quote_lines::quantity,
            quote_lines::id.lt(0_i64),
            quote_lines::offered_unit_price_minor,
            products::min_qty,
            products::qty_step,
            products::max_qty,
            products::audience,
            products::active,
        ))
        .load(c)?;
    carts::with_cards(c, raw, audience)
}

/// The offered unit prices of a quote, by product.
pub fn offered_prices(c: &mut DbConn, quote_id: i64) -> Result<HashMap<i64, Money>, DbError> {
    let rows: Vec<(i64, Option<i64>)> = quote_lines::table
        .filter(quote_lines::quote_id.eq(quote_id))
        .select((
            quote_lines::product_id,
            quote_lines::offered_unit_price_minor,
        ))
        .load(c)?;
    Ok(rows
        .into_iter()
        .filter_map(|(p, m)| m.map(|m| (p, Money::from_minor(m, Currency::Sek))))
        .collect())
}

/// One entry of a quote's thread.
#[derive(Debug, Clone, Queryable)]
pub struct Entry {
    pub kind: String,
    pub body: String,
    pub author: String,
    /// The author's account kind: `staff` is the shop's side.
    pub author_kind: String,
    pub at: NaiveDateTime,
}

pub fn thread(c: &mut DbConn, quote_id: i64) -> Result<Vec<Entry>, DbError> {
    Ok(quote_messages::table
        .inner_join(users::table.on(users::id.eq(quote_messages::author_user_id)))
        .filter(quote_messages::quote_id.eq(quote_id))
        .order(quote_messages::id)
        .select((
            quote_messages::kind,
            quote_messages::body,
            users::name,
            users::kind,
            quote_messages::created_at,
        ))
        .load(c)?)
}

/// The number of the quote an order was placed from, if any.
pub fn of_order(c: &mut DbConn, order_id: i64) -> Result<Option<String>, DbError> {
    Ok(quotes::table
        .filter(quotes::order_id.eq(Some(order_id)))
        .select(quotes::number)
        .first(c)
        .optional()?)
}

/// Who hears of new requests and counter-offers: the representative who answered the quote, or,
/// before anyone has, every active sales representative. (e-mail, language)
pub fn shop_side(
    c: &mut DbConn,
    assigned_to: Option<i64>,
) -> Result<Vec<(String, Option<String>)>, DbError> {
    let mut q = users::table
        .filter(users::kind.eq("staff"))
        .filter(users::disabled.eq(false))
        .select((users::email, users::locale))
        .into_boxed();
    q = match assigned_to {
        Some(id) => q.filter(users::id.eq(id)),
        None => q.filter(users::staff_role.eq("sales_rep")),
    };
    Ok(q.order(users::id).load(c)?)
}
