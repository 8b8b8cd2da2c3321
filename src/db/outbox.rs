//! Outgoing e-mail. Every message is written to the `outbox` table in the transaction that causes
//! it; `crate::delivery` sends it over SMTP when configured (locally the log shows it).

use super::schema::outbox;
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
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
    pub attempts: i32,
    pub last_error: Option<String>,
}

/// Messages shown on a page of the outbox.
pub const PER_PAGE: i64 = 50;

/// One page (from 0) of messages, newest first, optionally only those to one address; whether
/// more follow.
pub fn page(
    conn: &mut DbConn,
    to: Option<&str>,
    page: i64,
) -> Result<(Vec<Message>, bool), DbError> {
    let rows = recent_from(conn, to, PER_PAGE + 1, page * PER_PAGE)?;
    Ok(super::page_of(rows, PER_PAGE))
}

/// The newest messages first, optionally only those to one address.
pub fn recent(conn: &mut DbConn, to: Option<&str>, limit: i64) -> Result<Vec<Message>, DbError> {
    recent_from(conn, to, limit, 0)
}

fn recent_from(
    conn: &mut DbConn,
    to: Option<&str>,
    limit: i64,
    skip: i64,
) -> Result<Vec<Message>, DbError> {
    let mut query = outbox::table
        .order(outbox::id.desc())
        .limit(limit)
        .offset(skip)
        .select((
            outbox::id,
            outbox::to_address,
            outbox::subject,
            outbox::body_text,
            outbox::status,
            outbox::created_at,
            outbox::attempts,
            outbox::last_error,
        ))
        .into_boxed();
    if let Some(to) = to {
        query = query.filter(outbox::to_address.eq(to.to_string()));
    }
    Ok(query.load(conn)?)
}

/// A message due for delivery.
#[derive(Debug, Clone, Queryable)]
pub struct Due {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i32,
}

/// Queued messages whose next attempt is due, oldest first.
pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> Result<Vec<Due>, DbError> {
    Ok(outbox::table
        .filter(outbox::status.eq("queued"))
        .filter(
            outbox::next_attempt_at
                .is_null()
                .or(outbox::next_attempt_at.le(now)),
        )
        .order(outbox::id.asc())
        .limit(limit)
        .select((
            outbox::id,
            outbox::to_address,
            outbox::subject,
            outbox::body_text,
            outbox::attempts,
        ))
        .load(conn)?)
}

/// Takes a message for one attempt: counts the attempt and holds it for `lease` so no other
/// sender (another process) takes it meanwhile. False when someone else took it first.
pub fn claim(
    conn: &mut DbConn,
    message: &Due,
    now: NaiveDateTime,
    lease: chrono::Duration,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        outbox::table
            .find(message.id)
            .filter(outbox::status.eq("queued"))
            .filter(outbox::attempts.eq(message.attempts)),
    )
    .set((
        outbox::attempts.eq(message.attempts + 1),
        outbox::next_attempt_at.eq(Some(now + lease)),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn mark_sent(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(Some(now)),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: tried again at `retry_at`, or marked failed for good when `None`.
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    id: i64,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> Result<(), DbError> {
    let error: String = error.chars().take(500).collect();
    match retry_at {
        Some(at) => diesel::update(outbox::table.find(id))
            .set((
                outbox::last_error.eq(Some(error)),
                outbox::next_attempt_at.eq(Some(at)),
            ))
            .execute(conn)?,
        None => diesel::update(outbox::table.find(id))
            .set((
                outbox::status.eq("failed"),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
    };
    Ok(())
}
