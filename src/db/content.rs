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

/// Published articles about a product for an audience (`b2c` or `b2b`), newest first: the
/// product page links them.
pub fn about_product(
    conn: &mut DbConn,
    product_id: i64,
    audience: &str,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<ContentCard>, DbError> {
    Ok(content_pages::table
        .filter(content_pages::product_id.eq(product_id))
        .filter(content_pages::kind.ne_all(["faq", "block"]))
        .filter(content_pages::audience.eq_any([audience, "both"]))
        .filter(content_pages::published_at.le(now))
        .order((content_pages::published_at.desc(), content_pages::id.desc()))
        .limit(limit)
        .select((
            content_pages::kind,
            content_pages::slug,
            content_pages::title,
            content_pages::summary,
            content_pages::video_url,
        ))
        .load(conn)?)
}

/// A targeted block on the business home, its body rendered.
#[derive(Debug, Clone)]
pub struct Block {
    pub title: String,
    /// Sanitised HTML made from the Markdown (`domain::markdown`).
    pub body_html: String,
}

/// The published blocks for an industry and role, the most specific first (as
/// [`for_business`] orders them).
pub fn blocks_for(
    conn: &mut DbConn,
    now: NaiveDateTime,
    industry: &str,
    role: &str,
    limit: i64,
) -> Result<Vec<Block>, DbError> {
    let cards = for_business(conn, now, &["block"], industry, role, limit)?;
    let slugs: Vec<&str> = cards.iter().map(|c| c.slug.as_str()).collect();
    let bodies: Vec<(String, String)> = content_pages::table
        .filter(content_pages::slug.eq_any(&slugs))
        .select((content_pages::slug, content_pages::body_markdown))
        .load(conn)?;
    Ok(cards
        .into_iter()
        .filter_map(|c| {
            let (_, body) = bodies.iter().find(|(s, _)| *s == c.slug)?;
            Some(Block {
                title: c.title,
                body_html: crate::domain::markdown::to_html(body),
            })
        })
        .collect())
}

#[derive(Debug, Clone, Queryable)]
pub struct Page {
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub body_markdown: String,
    pub video_url: Option<String>,
    pub captions_url: Option<String>,
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
            content_pages::captions_url,
            content_pages::published_at,
        ))
        .filter(content_pages::kind.ne_all(["faq", "block"]))
        .first(conn)
        .optional()?)
}

/// One FAQ entry (`content_pages` of kind `faq`: the title is the question, the body the answer).
#[derive(Debug, Clone, Queryable)]
pub struct FaqEntry {
    pub slug: String,
    pub topic: Option<String>,
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
            content_pages::title,
            content_pages::body_markdown,
        ))
        .limit(500)
        .load(conn)?)
}

/// An FAQ entry as staff list and edit it.
#[derive(Debug, Clone, Queryable)]
pub struct FaqRow {
    pub id: i64,
    pub slug: String,
    pub topic: Option<String>,
    pub audience: String,
    pub question: String,
    pub answer: String,
    pub position: i32,
    pub published_at: Option<NaiveDateTime>,
}

macro_rules! faq_row {
    () => {
        (
            content_pages::id,
            content_pages::slug,
            content_pages::topic,
            content_pages::audience,
            content_pages::title,
            content_pages::body_markdown,
            content_pages::position,
            content_pages::published_at,
        )
    };
}

/// Every FAQ entry, published or not, for staff: filtered by audience and by words in the
/// question, in the order readers see them.
pub fn faq_all(
    conn: &mut DbConn,
    audience: Option<&str>,
    query: &str,
) -> Result<Vec<FaqRow>, DbError> {
    let mut q = content_pages::table
        .filter(content_pages::kind.eq("faq"))
        .select(faq_row!())
        .into_boxed();
    if let Some(a) = audience {
        q = q.filter(content_pages::audience.eq(a.to_string()));
    }
    let query = query.trim().to_lowercase();
    if !query.is_empty() {
        let like = super::contains_pattern(&query);
        q = q.filter(super::lower(content_pages::title).like(like));
    }
    Ok(
        q.order((content_pages::position.asc(), content_pages::id.asc()))
            .limit(500)
            .load(conn)?,
    )
}

pub fn faq_find(conn: &mut DbConn, id: i64) -> Result<Option<FaqRow>, DbError> {
    Ok(content_pages::table
        .filter(content_pages::kind.eq("faq"))
        .filter(content_pages::id.eq(id))
        .select(faq_row!())
        .first(conn)
        .optional()?)
}

/// Creates an entry with a slug made from its question (unique: `-2`, `-3`… when taken);
/// returns its id.
pub fn faq_create(
    conn: &mut DbConn,
    e: &crate::domain::faq::Entry,
    published: bool,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let base = crate::domain::catalog::Slug::from_text(&e.question)
        .as_str()
        .to_string();
    let base = if base.is_empty() {
        "faq".to_string()
    } else {
        base
    };
    let mut slug = base.clone();
    let mut n = 1;
    while content_pages::table
        .filter(content_pages::slug.eq(&slug))
        .count()
        .get_result::<i64>(conn)?
        > 0
    {
        n += 1;
        slug = format!("{base}-{n}");
    }
    Ok(diesel::insert_into(content_pages::table)
        .values((
            content_pages::kind.eq("faq"),
            content_pages::slug.eq(&slug),
            content_pages::title.eq(&e.question),
            content_pages::summary.eq(""),
            content_pages::body_markdown.eq(&e.answer),
            content_pages::audience.eq(e.audience),
            content_pages::topic.eq(e.topic),
            content_pages::position.eq(e.position),
            content_pages::published_at.eq(published.then_some(now)),
            content_pages::created_at.eq(now),
            content_pages::updated_at.eq(now),
        ))
        .returning(content_pages::id)
        .get_result(conn)?)
}

/// Saves an entry (its slug, and so its link, stays); an entry published before keeps its date.
pub fn faq_update(
    conn: &mut DbConn,
    id: i64,
    e: &crate::domain::faq::Entry,
    published: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let Some(before) = faq_find(conn, id)? else {
        return Ok(false);
    };
    let published_at = published.then(|| before.published_at.unwrap_or(now));
    let n = diesel::update(
        content_pages::table
            .filter(content_pages::kind.eq("faq"))
            .filter(content_pages::id.eq(id)),
    )
    .set((
        content_pages::title.eq(&e.question),
        content_pages::body_markdown.eq(&e.answer),
        content_pages::audience.eq(e.audience),
        content_pages::topic.eq(e.topic),
        content_pages::position.eq(e.position),
        content_pages::published_at.eq(published_at),
        content_pages::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn faq_delete(conn: &mut DbConn, id: i64) -> Result<bool, DbError> {
    Ok(diesel::delete(
        content_pages::table
            .filter(content_pages::kind.eq("faq"))
            .filter(content_pages::id.eq(id)),
    )
    .execute(conn)?
        == 1)
}
