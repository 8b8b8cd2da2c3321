//! Articles as staff list and edit them: guides, blog posts, case studies, demo pages and
//! targeted blocks (`content_pages` other than FAQ entries, which `content` keeps).

use super::schema::{content_pages, demo_requests, products};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The kinds this module reads and writes.
const KINDS: [&str; 5] = crate::domain::content_form::KINDS;

/// One row of the staff list.
#[derive(Debug, Clone, Queryable)]
pub struct Row {
    pub id: i64,
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub audience: String,
    pub industry: Option<String>,
    pub role: Option<String>,
    pub product_sku: Option<String>,
    pub position: i32,
    pub published_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

macro_rules! row {
    () => {
        (
            content_pages::id,
            content_pages::kind,
            content_pages::slug,
            content_pages::title,
            content_pages::audience,
            content_pages::industry,
            content_pages::role,
            products::sku.nullable(),
            content_pages::position,
            content_pages::published_at,
            content_pages::updated_at,
        )
    };
}

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<&'static str>,
    /// `draft`, `scheduled` or `published`.
    pub state: Option<&'static str>,
    /// Words in the title, as typed.
    pub query: String,
}

/// A page of the list, newest change first, and whether more follow.
pub fn list(
    conn: &mut DbConn,
    f: &Filter,
    now: NaiveDateTime,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Row>, bool), DbError> {
    let mut q = content_pages::table
        .left_join(products::table)
        .filter(content_pages::kind.eq_any(KINDS))
        .select(row!())
        .into_boxed();
    if let Some(kind) = f.kind {
        q = q.filter(content_pages::kind.eq(kind));
    }
    match f.state {
        Some("draft") => q = q.filter(content_pages::published_at.is_null()),
        Some("scheduled") => q = q.filter(content_pages::published_at.gt(now)),
        Some("published") => q = q.filter(content_pages::published_at.le(now)),
        _ => {}
    }
    let query = f.query.trim().to_lowercase();
    if !query.is_empty() {
        q = q.filter(super::lower(content_pages::title).like(super::contains_pattern(&query)));
    }
    let mut rows: Vec<Row> = q
        .order((content_pages::updated_at.desc(), content_pages::id.desc()))
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
        .load(conn)?;
    let more = rows.len() as i64 > per_page;
    rows.truncate(usize::try_from(per_page).unwrap_or(0));
    Ok((rows, more))
}

/// A page with everything the form shows.
#[derive(Debug, Clone, Queryable)]
pub struct Full {
    pub id: i64,
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub audience: String,
    pub industry: Option<String>,
    pub role: Option<String>,
    pub product_sku: Option<String>,
    pub video_url: Option<String>,
    pub captions_url: Option<String>,
    pub position: i32,
    pub published_at: Option<NaiveDateTime>,
}

pub fn find(conn: &mut DbConn, id: i64) -> Result<Option<Full>, DbError> {
    Ok(content_pages::table
        .left_join(products::table)
        .filter(content_pages::kind.eq_any(KINDS))
        .filter(content_pages::id.eq(id))
        .select((
            content_pages::id,
            content_pages::kind,
            content_pages::slug,
            content_pages::title,
            content_pages::summary,
            content_pages::body_markdown,
            content_pages::audience,
            content_pages::industry,
            content_pages::role,
            products::sku.nullable(),
            content_pages::video_url,
            content_pages::captions_url,
            content_pages::position,
            content_pages::published_at,
        ))
        .first(conn)
        .optional()?)
}

/// Whether another page (of any kind, FAQ included: they share addresses) has `slug`.
pub fn slug_taken(conn: &mut DbConn, slug: &str, except: Option<i64>) -> Result<bool, DbError> {
    let mut q = content_pages::table
        .filter(content_pages::slug.eq(slug))
        .select(content_pages::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(content_pages::id.ne(id));
    }
    Ok(q.first::<i64>(conn).optional()?.is_some())
}

/// The product with `sku` (archived ones too: an article may outlive the product).
pub fn product_by_sku(conn: &mut DbConn, sku: &str) -> Result<Option<i64>, DbError> {
    Ok(products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(conn)
        .optional()?)
}

/// What a page is saved as (times in UTC).
#[derive(Debug, Clone)]
pub struct Saved {
    pub kind: &'static str,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub audience: &'static str,
    pub industry: Option<&'static str>,
    pub role: Option<&'static str>,
    pub product_id: Option<i64>,
    pub video_url: Option<String>,
    pub captions_url: Option<String>,
    pub position: i32,
    pub published_at: Option<NaiveDateTime>,
}

/// Inserts (`id` None) or updates a page; the page's id, or None when `id` names no article.
pub fn save(
    conn: &mut DbConn,
    id: Option<i64>,
    s: &Saved,
    now: NaiveDateTime,
) -> Result<Option<i64>, DbError> {
    let values = (
        content_pages::kind.eq(s.kind),
        content_pages::slug.eq(&s.slug),
        content_pages::title.eq(&s.title),
        content_pages::summary.eq(&s.summary),
        content_pages::body_markdown.eq(&s.body),
        content_pages::audience.eq(s.audience),
        content_pages::industry.eq(s.industry),
        content_pages::role.eq(s.role),
        content_pages::product_id.eq(s.product_id),
        content_pages::video_url.eq(&s.video_url),
        content_pages::captions_url.eq(&s.captions_url),
        content_pages::position.eq(s.position),
        content_pages::published_at.eq(s.published_at),
        content_pages::updated_at.eq(now),
    );
    match id {
        None => Ok(Some(
            diesel::insert_into(content_pages::table)
                .values((values, content_pages::created_at.eq(now)))
                .returning(content_pages::id)
                .get_result(conn)?,
        )),
        Some(id) => {
            let n = diesel::update(
                content_pages::table
                    .filter(content_pages::kind.eq_any(KINDS))
                    .filter(content_pages::id.eq(id)),
            )
            .set(values)
            .execute(conn)?;
            Ok((n == 1).then_some(id))
        }
    }
}

/// How many demo bookings name this page (they keep it from being removed).
pub fn bookings(conn: &mut DbConn, id: i64) -> Result<i64, DbError> {
    Ok(demo_requests::table
        .filter(demo_requests::content_id.eq(id))
        .count()
        .get_result(conn)?)
}

pub fn delete(conn: &mut DbConn, id: i64) -> Result<bool, DbError> {
    Ok(diesel::delete(
        content_pages::table
            .filter(content_pages::kind.eq_any(KINDS))
            .filter(content_pages::id.eq(id)),
    )
    .execute(conn)?
        == 1)
}
