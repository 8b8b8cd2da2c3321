//! Testimonials as staff list and edit them (the homes read them through `content`).

use super::schema::testimonials;
use super::{DbConn, DbError};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable)]
pub struct Row {
    pub id: i64,
    pub audience: String,
    pub author: String,
    pub role: String,
    pub quote: String,
    pub rating: Option<i16>,
    pub position: i32,
    pub active: bool,
}

macro_rules! row {
    () => {
        (
            testimonials::id,
            testimonials::audience,
            testimonials::author,
            testimonials::role,
            testimonials::quote,
            testimonials::rating,
            testimonials::position,
            testimonials::active,
        )
    };
}

/// Every testimonial in the order the homes show them (few: a shop keeps a handful).
pub fn all(conn: &mut DbConn) -> Result<Vec<Row>, DbError> {
    Ok(testimonials::table
        .select(row!())
        .order((testimonials::position.asc(), testimonials::id.asc()))
        .limit(500)
        .load(conn)?)
}

pub fn find(conn: &mut DbConn, id: i64) -> Result<Option<Row>, DbError> {
    Ok(testimonials::table
        .filter(testimonials::id.eq(id))
        .select(row!())
        .first(conn)
        .optional()?)
}

/// What a testimonial is saved as.
#[derive(Debug, Clone)]
pub struct Saved {
    pub audience: &'static str,
    pub author: String,
    pub role: String,
    pub quote: String,
    pub rating: Option<i16>,
    pub position: i32,
    pub active: bool,
}

/// Inserts (`id` None) or updates; the id, or None when `id` names none.
pub fn save(conn: &mut DbConn, id: Option<i64>, s: &Saved) -> Result<Option<i64>, DbError> {
    let values = (
        testimonials::audience.eq(s.audience),
        testimonials::author.eq(&s.author),
        testimonials::role.eq(&s.role),
        testimonials::quote.eq(&s.quote),
        testimonials::rating.eq(s.rating),
        testimonials::position.eq(s.position),
        testimonials::active.eq(s.active),
    );
    match id {
        None => Ok(Some(
            diesel::insert_into(testimonials::table)
                .values(values)
                .returning(testimonials::id)
                .get_result(conn)?,
        )),
        Some(id) => {
            let n = diesel::update(testimonials::table.filter(testimonials::id.eq(id)))
                .set(values)
                .execute(conn)?;
            Ok((n == 1).then_some(id))
        }
    }
}

pub fn delete(conn: &mut DbConn, id: i64) -> Result<bool, DbError> {
    Ok(diesel::delete(testimonials::table.filter(testimonials::id.eq(id))).execute(conn)? == 1)
}
