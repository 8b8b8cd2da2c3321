//! The audit log: who did what to which record. Written in the same transaction as the change it
//! describes where there is one.

use super::schema::audit_log;
use super::{DbConn, DbError};
use diesel::prelude::*;

/// One audit entry.
pub struct Entry<'a> {
    pub actor_user_id: Option<i64>,
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

pub fn record(conn: &mut DbConn, e: &Entry<'_>) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_user_id.eq(e.actor_user_id),
            audit_log::action.eq(e.action),
            audit_log::subject_type.eq(e.subject_type),
            audit_log::subject_id.eq(e.subject_id),
            audit_log::before_value.eq(e.before),
            audit_log::after_value.eq(e.after),
            audit_log::created_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records an action without before/after values, the common case.
pub fn log(
    conn: &mut DbConn,
    actor_user_id: Option<i64>,
    action: &str,
    subject_type: &str,
    subject_id: &str,
) -> Result<(), DbError> {
    record(
        conn,
        &Entry {
            actor_user_id,
            action,
            subject_type,
            subject_id,
            before: None,
            after: None,
        },
    )
}

/// A stored entry, as the viewer lists it.
#[derive(Debug, Clone, Queryable)]
pub struct Recorded {
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub created_at: chrono::NaiveDateTime,
}

/// The newest entries first (for the admin viewer and tests).
pub fn recent(conn: &mut DbConn, limit: i64) -> Result<Vec<Recorded>, DbError> {
    Ok(audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .select((
            audit_log::actor_user_id,
            audit_log::action,
            audit_log::subject_type,
            audit_log::subject_id,
            audit_log::created_at,
        ))
        .load(conn)?)
}
