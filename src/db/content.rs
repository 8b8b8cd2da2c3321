//! Promotions, testimonials and targeted content blocks.

use super::schema::{content_pages, promotions, testimonials};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable)]
pub struct Promotion {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub image_url: Option<String>,
    pub link_url: Option<String>,
    pub link_label: String,
}

/// Promotions running at `now` for the given audiences, highest priority first.
pub fn current_promotions(
    conn: &mut DbConn,
    now: NaiveDateTime,
    audiences: &[&str],
) -> Result<Vec<Promotion>, DbError> {
    Ok(promotions::table
        .filter(promotions::active.eq(true))
        .filter(promotions::starts_at.le(now))
        .filter(
            promotions::ends_at
                .is_null()
                .or(promotions::ends_at.gt(now)),
        )
        .filter(promotions::audience.eq_any(audiences))
        .order((promotions::priority.desc(), promotions::id.asc()))
        .select((
            promotions::id,
            promotions::kind,
            promotions::title,
            promotions::body,
            promotions::image_url,
            promotions::link_url,
            promotions::link_label,
        ))
        .load(conn)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct Testimonial {
    pub author: String,
    pub role: String,
    pub quote: String,
    pub rating: Option<i16>,
}

pub fn testimonials(
    conn: &mut DbConn,
    audience: &str,
    limit: i64,
) -> Result<Vec<Testimonial>, DbError> {
    Ok(testimonials::table
        .filter(testimonials::active.eq(true))
        .filter(testimonials::audience.eq_any([audience, "both"]))
        .order(testimonials::position.asc())
        .limit(limit)
        .select((
            testimonials::author,
            testimonials::role,
            testimonials::quote,
            testimonials::rating,
        ))
        .load(conn)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct ContentCard {
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub video_url: Option<String>,
}

/// Published B2B content for an industry and role: pieces aimed at exactly this industry or role
/// come first, then general ones.
pub fn for_business(
    conn: &mut DbConn,
    now: NaiveDateTime,
    kinds: &[&str],
    industry: &str,
    role: &str,
    limit: i64,
) -> Result<Vec<ContentCard>, DbError> {
    let rows: Vec<(ContentCard, Option<String>, Option<String>)> = content_pages::table
        .filter(content_pages::kind.eq_any(kinds))
        .filter(content_pages::audience.eq_any(["b2b", "both"]))
        .filter(content_pages::published_at.le(now))
        .filter(
            content_pages::industry
                .is_null()
                .or(content_pages::industry.eq(industry)),
        )
        .filter(
            content_pages::role
                .is_null()
                .or(content_pages::role.eq(role)),
        )
        .order((content_pages::position.asc(), content_pages::id.asc()))
        .select((
            (
                content_pages::kind,
                content_pages::slug,
                content_pages::title,
                content_pages::summary,
                content_pages::video_url,
            ),
            content_pages::industry,
            content_pages::role,
        ))
        .load(conn)?;
    let mut scored: Vec<(u8, ContentCard)> = rows
        .into_iter()
        .map(|(card, ind, r)| (u8::from(ind.is_some()) * 2 + u8::from(r.is_some()), card))
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    Ok(scored
        .into_iter()
        .take(usize::try_from(limit).unwrap_or(0))
        .map(|(_, c)| c)
        .collect())
}

#[derive(Debug, Clone, Queryable)]
pub struct Page {
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub body_markdown: String,
    pub video_url: Option<String>,
    pub published_at: Option<NaiveDateTime>,
}

/// A published page for an audience (`b2c` or `b2b`; pages for `both` show to either).
pub fn published_page(
    conn: &mut DbConn,
    slug: &str,
    audience: &str,
    now: NaiveDateTime,
) -> Result<Option<Page>, DbError> {
    Ok(content_pages::table
        .filter(content_pages::slug.eq(slug))
        .filter(content_pages::audience.eq_any([audience, "both"]))
        .filter(content_pages::published_at.le(now))
        .select((
            content_pages::kind,
            content_pages::title,
            content_pages::summary,
            content_pages::body_markdown,
            content_pages::video_url,
            content_pages::published_at,
        ))
        .first(conn)
        .optional()?)
}

/// One FAQ entry (`content_pages` of kind `faq`: the title is the question, the body the answer).
#[derive(Debug, Clone, Queryable)]
pub struct FaqEntry {
    pub slug: String,
    pub topic: Option<String>,
    pub audience: String,
    pub question: String,
    pub answer: String,
}

/// Every published FAQ entry for `audiences` (e.g. `["b2c", "both"]`), in their set order.
pub fn faq(
    conn: &mut DbConn,
    audiences: &[&str],
    now: NaiveDateTime,
) -> Result<Vec<FaqEntry>, DbError> {
    Ok(content_pages::table
        .filter(content_pages::kind.eq("faq"))
        .filter(content_pages::audience.eq_any(audiences))
        .filter(content_pages::published_at.le(now))
        .order((content_pages::position.asc(), content_pages::id.asc()))
        .select((
            content_pages::slug,
            content_pages::topic,
            content_pages::audience,
            content_pages::title,
            content_pages::body_markdown,
        ))
        .limit(500)
        .load(conn)?)
}
