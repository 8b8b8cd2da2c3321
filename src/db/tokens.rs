//! Single-use, expiring account links (e-mail verification, password reset, invitations). The
//! token is 32 random bytes, URL-safe base64, sent only in the e-mail; the table keeps its SHA-256.

use super::schema::account_tokens;
use super::{DbConn, DbError};
use base64::Engine;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

/// Tokens are 43 characters; anything empty or far longer is refused without a query.
fn well_formed(token: &str) -> bool {
    !token.is_empty() && token.len() <= 100
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a token for `user_id` and returns it (the only time it is seen in clear).
pub fn issue(
    conn: &mut DbConn,
    purpose: &str,
    user_id: i64,
    now: NaiveDateTime,
    valid_for: Duration,
) -> Result<String, DbError> {
    issue_with_payload(conn, purpose, user_id, None, now, valid_for)
}

/// 32 random bytes, URL-safe base64: e-mailed links, cart and order tokens, idempotency keys.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Like [`issue`], with a value the link carries (the new address of an e-mail change).
pub fn issue_with_payload(
    conn: &mut DbConn,
    purpose: &str,
    user_id: i64,
    payload: Option<&str>,
    now: NaiveDateTime,
    valid_for: Duration,
) -> Result<String, DbError> {
    let token = random_token();
    diesel::insert_into(account_tokens::table)
        .values((
            account_tokens::purpose.eq(purpose),
            account_tokens::token_hash.eq(hash(&token)),
            account_tokens::user_id.eq(user_id),
            account_tokens::payload.eq(payload),
            account_tokens::expires_at.eq(now + valid_for),
            account_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user of a valid (unused, unexpired) token, without using it up — to show the form the link
/// leads to.
pub fn peek(
    conn: &mut DbConn,
    purpose: &str,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, DbError> {
    Ok(peek_with_payload(conn, purpose, token, now)?.map(|(user_id, _)| user_id))
}

/// Like [`peek`], also returning the value the token carries.
pub fn peek_with_payload(
    conn: &mut DbConn,
    purpose: &str,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<(i64, Option<String>)>, DbError> {
    if !well_formed(token) {
        return Ok(None);
    }
    Ok(account_tokens::table
        .filter(account_tokens::token_hash.eq(hash(token)))
        .filter(account_tokens::purpose.eq(purpose))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now))
        .select((account_tokens::user_id, account_tokens::payload))
        .first(conn)
        .optional()?)
}

/// Uses a token: returns its user when the token exists for `purpose`, is unused and unexpired, and
/// marks it used in the same statement, so a link works once even when clicked twice at once.
pub fn redeem(
    conn: &mut DbConn,
    purpose: &str,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, DbError> {
    Ok(redeem_with_payload(conn, purpose, token, now)?.map(|(user_id, _)| user_id))
}

/// Like [`redeem`], also returning the value the token carries.
pub fn redeem_with_payload(
    conn: &mut DbConn,
    purpose: &str,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<(i64, Option<String>)>, DbError> {
    if !well_formed(token) {
        return Ok(None);
    }
    let hashed = hash(token);
    let found: Option<(i64, i64, Option<String>)> = account_tokens::table
        .filter(account_tokens::token_hash.eq(&hashed))
        .filter(account_tokens::purpose.eq(purpose))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now))
        .select((
            account_tokens::id,
            account_tokens::user_id,
            account_tokens::payload,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, payload)) = found else {
        return Ok(None);
    };
    let updated = diesel::update(
        account_tokens::table
            .find(id)
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok((updated == 1).then_some((user_id, payload)))
}

/// Voids every unused token of `user_id` for `purpose` (a newer request replaces older links).
pub fn revoke(
    conn: &mut DbConn,
    purpose: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        account_tokens::table
            .filter(account_tokens::user_id.eq(user_id))
            .filter(account_tokens::purpose.eq(purpose))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(Some(now)))
    .execute(conn)?)
}
