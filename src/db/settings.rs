//! Shop settings staff may change (`settings` table), read with a default.

use super::schema::settings;
use super::{DbConn, DbError};
use diesel::prelude::*;

/// A whole-number setting, or `default` when it is missing or not a number.
pub fn number(conn: &mut DbConn, key: &str, default: i64) -> Result<i64, DbError> {
    let value: Option<String> = settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?;
    Ok(value.and_then(|v| v.trim().parse().ok()).unwrap_or(default))
}
