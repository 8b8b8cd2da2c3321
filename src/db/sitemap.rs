//! What the public sitemap lists: consumer-visible products, active categories and published
//! public content, each with its last change.

use super::schema::{categories, content_pages, products};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// URLs per sitemap file (the protocol allows 50 000).
pub const PER_FILE: i64 = 40_000;

/// (slug, last change) of one file's worth of products, by id.
pub fn product_slugs(
    conn: &mut DbConn,
    file: i64,
) -> Result<Vec<(String, NaiveDateTime)>, DbError> {
    Ok(products::table
        .filter(products::active.eq(true))
        .filter(products::audience.ne("b2b"))
        .order(products::id.asc())
        .offset((file - 1) * PER_FILE)
        .limit(PER_FILE)
        .select((products::slug, products::updated_at))
        .load(conn)?)
}

pub fn product_count(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(products::table
        .filter(products::active.eq(true))
        .filter(products::audience.ne("b2b"))
        .count()
        .get_result(conn)?)
}

pub fn category_slugs(conn: &mut DbConn) -> Result<Vec<String>, DbError> {
    Ok(categories::table
        .filter(categories::active.eq(true))
        .order(categories::id.asc())
        .select(categories::slug)
        .load(conn)?)
}

/// Published content a visitor may read.
pub fn content_slugs(
    conn: &mut DbConn,
    now: NaiveDateTime,
) -> Result<Vec<(String, NaiveDateTime)>, DbError> {
    Ok(content_pages::table
        .filter(content_pages::audience.ne("b2b"))
        .filter(content_pages::kind.ne_all(["block", "faq"]))
        .filter(content_pages::published_at.le(now))
        .order(content_pages::id.asc())
        .select((content_pages::slug, content_pages::updated_at))
        .load(conn)?)
}
