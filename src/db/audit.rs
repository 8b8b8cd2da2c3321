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

/// What the audit viewer filters by; empty or `None` means any.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<String>,
    /// Part of the actor's e-mail address.
    pub actor: String,
    pub subject_type: Option<String>,
    /// Part of the subject's id (an order or case number, a user id).
    pub subject: String,
    /// From this moment (UTC), inclusive.
    pub from: Option<chrono::NaiveDateTime>,
    /// Before this moment (UTC).
    pub until: Option<chrono::NaiveDateTime>,
}

/// An entry with who made it and what changed.
#[derive(Debug, Clone, Queryable)]
pub struct Found {
    pub id: i64,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub created_at: chrono::NaiveDateTime,
}

/// One page of the entries matching `f`, newest first, and whether more follow.
pub fn search(
    conn: &mut DbConn,
    f: &Filter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Found>, bool), DbError> {
    use super::schema::users;
    let mut q = audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_user_id)))
        .select((
            audit_log::id,
            users::name.nullable(),
            users::email.nullable(),
            audit_log::action,
            audit_log::subject_type,
            audit_log::subject_id,
            audit_log::before_value,
            audit_log::after_value,
            audit_log::created_at,
        ))
        .into_boxed();
    if let Some(action) = &f.action {
        q = q.filter(audit_log::action.eq(action.clone()));
    }
    if !f.actor.is_empty() {
        q = q.filter(users::email.like(super::contains_pattern(&f.actor.to_lowercase())));
    }
    if let Some(kind) = &f.subject_type {
        q = q.filter(audit_log::subject_type.eq(kind.clone()));
    }
    if !f.subject.is_empty() {
        q = q.filter(audit_log::subject_id.like(super::contains_pattern(&f.subject)));
    }
    if let Some(from) = f.from {
        q = q.filter(audit_log::created_at.ge(from));
    }
    if let Some(until) = f.until {
        q = q.filter(audit_log::created_at.lt(until));
    }
    let rows = q
        .order(audit_log::id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
        .load(conn)?;
    Ok(super::page_of(rows, per_page))
}

/// The actions and subject kinds that occur, for the viewer's filters.
pub fn kinds(conn: &mut DbConn) -> Result<(Vec<String>, Vec<String>), DbError> {
    let actions = audit_log::table
        .select(audit_log::action)
        .distinct()
        .order(audit_log::action)
        .load(conn)?;
    let subjects = audit_log::table
        .select(audit_log::subject_type)
        .distinct()
        .order(audit_log::subject_type)
        .load(conn)?;
    Ok((actions, subjects))
}
