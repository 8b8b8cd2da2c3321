//! Promotions as staff manage them (the storefront's read is `content::current_promotions`).
//! Times are stored in UTC.

use super::schema::promotions;
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable)]
pub struct PromotionRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub image_url: Option<String>,
    pub link_url: Option<String>,
    pub link_label: String,
    pub audience: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub priority: i32,
    pub active: bool,
}

const COLUMNS: (
    promotions::id,
    promotions::kind,
    promotions::title,
    promotions::body,
    promotions::image_url,
    promotions::link_url,
    promotions::link_label,
    promotions::audience,
    promotions::starts_at,
    promotions::ends_at,
    promotions::priority,
    promotions::active,
) = (
    promotions::id,
    promotions::kind,
    promotions::title,
    promotions::body,
    promotions::image_url,
    promotions::link_url,
    promotions::link_label,
    promotions::audience,
    promotions::starts_at,
    promotions::ends_at,
    promotions::priority,
    promotions::active,
);

/// A promotion as saved (times in UTC).
#[derive(Debug, Clone)]
pub struct Saved {
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub image_url: Option<String>,
    pub link_url: Option<String>,
    pub link_label: String,
    pub audience: &'static str,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub priority: i32,
    pub active: bool,
}

/// Every promotion, latest start first (a shop has tens to hundreds; the list is filtered and
/// paged in Rust, as a promotion's state depends on the moment).
pub fn all(c: &mut DbConn) -> Result<Vec<PromotionRow>, DbError> {
    Ok(promotions::table
        .select(COLUMNS)
        .order((promotions::starts_at.desc(), promotions::id.desc()))
        .load(c)?)
}

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<PromotionRow>, DbError> {
    Ok(promotions::table
        .find(id)
        .select(COLUMNS)
        .first(c)
        .optional()?)
}

pub fn create(c: &mut DbConn, p: &Saved, now: NaiveDateTime) -> Result<i64, DbError> {
    Ok(diesel::insert_into(promotions::table)
        .values((
            promotions::kind.eq(p.kind),
            promotions::title.eq(&p.title),
            promotions::body.eq(&p.body),
            promotions::image_url.eq(&p.image_url),
            promotions::link_url.eq(&p.link_url),
            promotions::link_label.eq(&p.link_label),
            promotions::audience.eq(p.audience),
            promotions::starts_at.eq(p.starts_at),
            promotions::ends_at.eq(p.ends_at),
            promotions::priority.eq(p.priority),
            promotions::active.eq(p.active),
            promotions::created_at.eq(now),
        ))
        .returning(promotions::id)
        .get_result(c)?)
}

/// Saves the changes; false if the promotion is gone.
pub fn update(c: &mut DbConn, id: i64, p: &Saved) -> Result<bool, DbError> {
    let n = diesel::update(promotions::table.find(id))
        .set((
            promotions::kind.eq(p.kind),
            promotions::title.eq(&p.title),
            promotions::body.eq(&p.body),
            promotions::image_url.eq(&p.image_url),
            promotions::link_url.eq(&p.link_url),
            promotions::link_label.eq(&p.link_label),
            promotions::audience.eq(p.audience),
            promotions::starts_at.eq(p.starts_at),
            promotions::ends_at.eq(p.ends_at),
            promotions::priority.eq(p.priority),
            promotions::active.eq(p.active),
        ))
        .execute(c)?;
    Ok(n == 1)
}

/// Deletes it; false if it was gone already.
pub fn delete(c: &mut DbConn, id: i64) -> Result<bool, DbError> {
    Ok(diesel::delete(promotions::table.find(id)).execute(c)? == 1)
}
