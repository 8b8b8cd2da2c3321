//! Outgoing e-mail. Every message is written to the `outbox` table in the transaction that causes
//! it; a sender delivers it (SMTP when configured — not yet; locally the log shows it).

use super::schema::outbox;
use super::{DbConn, DbError};
use diesel::prelude::*;

pub fn enqueue(
    conn: &mut DbConn,
    to: &str,
    subject: &str,
    body_text: &str,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(outbox::table)
        .values((
            outbox::to_address.eq(to),
            outbox::subject.eq(subject),
            outbox::body_text.eq(body_text),
            outbox::created_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .returning(outbox::id)
        .get_result(conn)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct Message {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub created_at: chrono::NaiveDateTime,
}

/// The newest messages first, optionally only those to one address.
pub fn recent(conn: &mut DbConn, to: Option<&str>, limit: i64) -> Result<Vec<Message>, DbError> {
    let mut query = outbox::table
        .order(outbox::id.desc())
        .limit(limit)
        .select((
            outbox::id,
            outbox::to_address,
            outbox::subject,
            outbox::body_text,
            outbox::status,
            outbox::created_at,
        ))
        .into_boxed();
    if let Some(to) = to {
        query = query.filter(outbox::to_address.eq(to.to_string()));
    }
    Ok(query.load(conn)?)
}
