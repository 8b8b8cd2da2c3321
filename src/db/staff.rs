//! Staff accounts: the list, adding a person (an account that cannot sign in until the
//! invitation is accepted), a role or the account switched off, and how many administrators
//! are active.

use super::schema::users;
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable)]
pub struct StaffRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Option<String>,
    pub disabled: bool,
    /// Not a hash: invited, not signed in yet.
    pub password_hash: String,
    pub created_at: NaiveDateTime,
}

pub fn list(c: &mut DbConn) -> Result<Vec<StaffRow>, DbError> {
    Ok(users::table
        .filter(users::kind.eq("staff"))
        .order((users::disabled, users::name))
        .select((
            users::id,
            users::name,
            users::email,
            users::staff_role,
            users::disabled,
            users::password_hash,
            users::created_at,
        ))
        .load(c)?)
}

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<StaffRow>, DbError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .filter(users::kind.eq("staff"))
        .select((
            users::id,
            users::name,
            users::email,
            users::staff_role,
            users::disabled,
            users::password_hash,
            users::created_at,
        ))
        .first(c)
        .optional()?)
}

/// Adds an invited staff member; `None` when the address has an account already.
pub fn invite(c: &mut DbConn, name: &str, email: &str, role: &str) -> Result<Option<i64>, DbError> {
    if super::users::find_by_email(c, email)?.is_some() {
        return Ok(None);
    }
    Ok(Some(super::users::insert(
        c,
        &super::users::NewUser {
            email,
            // Not a password hash: nothing verifies against it until the invitation is accepted.
            password_hash: "!invited",
            name,
            locale: None,
            kind: "staff",
            staff_role: Some(role),
            email_verified_at: None,
        },
    )?))
}

/// Sets a staff member's role and whether the account is switched off.
pub fn update(
    c: &mut DbConn,
    id: i64,
    role: &str,
    disabled: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::kind.eq("staff")),
    )
    .set((
        users::staff_role.eq(role),
        users::disabled.eq(disabled),
        users::updated_at.eq(now),
    ))
    .execute(c)?
        == 1)
}

pub fn active_administrators(c: &mut DbConn) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::kind.eq("staff"))
        .filter(users::staff_role.eq("administrator"))
        .filter(users::disabled.eq(false))
        .count()
        .get_result(c)?)
}
