//! Users, companies and memberships: what sign-in and the principal extractor need.

use super::schema::{companies, company_memberships, users};
use super::{DbConn, DbError};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub name: String,
    pub locale: Option<String>,
    pub kind: String,
    pub staff_role: Option<String>,
    pub disabled: bool,
    pub email_verified_at: Option<chrono::NaiveDateTime>,
    pub credentials_changed_at: Option<chrono::NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable)]
pub struct Membership {
    pub company_id: i64,
    pub company_name: String,
    pub industry: String,
    pub role: String,
    pub vat_verified: bool,
    pub payment_terms: String,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub name: &'a str,
    pub locale: Option<&'a str>,
    pub kind: &'a str,
    pub staff_role: Option<&'a str>,
    pub email_verified_at: Option<chrono::NaiveDateTime>,
}

/// Marks the e-mail address as confirmed (the person followed the link sent to it).
pub fn mark_verified(
    conn: &mut DbConn,
    user_id: i64,
    at: chrono::NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::email_verified_at.eq(Some(at)),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut DbConn, id: i64) -> Result<Option<User>, DbError> {
    Ok(users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert(conn: &mut DbConn, user: &NewUser<'_>) -> Result<i64, DbError> {
    Ok(diesel::insert_into(users::table)
        .values(user)
        .returning(users::id)
        .get_result(conn)?)
}

/// The active memberships of a user in active companies, by company name.
pub fn memberships(conn: &mut DbConn, user_id: i64) -> Result<Vec<Membership>, DbError> {
    Ok(company_memberships::table
        .inner_join(companies::table)
        .filter(company_memberships::user_id.eq(user_id))
        .filter(company_memberships::active.eq(true))
        .filter(companies::status.eq("active"))
        .order(companies::name.asc())
        .select((
            companies::id,
            companies::name,
            companies::industry,
            company_memberships::role,
            companies::vat_verified,
            companies::payment_terms,
        ))
        .load(conn)?)
}

pub fn set_locale(conn: &mut DbConn, user_id: i64, locale: &str) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::locale.eq(locale),
            users::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Replaces the password hash; every session signed in before `at` ends.
pub fn set_password(
    conn: &mut DbConn,
    user_id: i64,
    hash: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash),
            users::credentials_changed_at.eq(Some(at)),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Why a new sign-in address cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum EmailChange {
    Changed,
    /// Another account has taken the address since the link was sent.
    Taken,
}

/// Makes `email` (already confirmed by its owner) the sign-in address; every session signed in
/// before `at` ends.
pub fn change_email(
    conn: &mut DbConn,
    user_id: i64,
    email: &str,
    at: chrono::NaiveDateTime,
) -> Result<EmailChange, DbError> {
    let taken = users::table
        .filter(users::email.eq(email))
        .filter(users::id.ne(user_id))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if taken {
        return Ok(EmailChange::Taken);
    }
    diesel::update(users::table.find(user_id))
        .set((
            users::email.eq(email),
            users::email_verified_at.eq(Some(at)),
            users::credentials_changed_at.eq(Some(at)),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(EmailChange::Changed)
}

/// Sets the name and password of an invited person who accepts, and confirms their address.
pub fn accept_invitation(
    conn: &mut DbConn,
    user_id: i64,
    name: &str,
    hash: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::name.eq(name),
            users::password_hash.eq(hash),
            users::email_verified_at.eq(Some(at)),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// A company user a sales representative may act for.
#[derive(Debug, Clone, Queryable)]
pub struct CompanyPerson {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub company_id: i64,
    pub company: String,
    pub role: String,
}

macro_rules! people {
    () => {
        company_memberships::table
            .inner_join(companies::table)
            .inner_join(users::table)
            .filter(company_memberships::active.eq(true))
            .filter(companies::status.eq("active"))
            .filter(users::disabled.eq(false))
            .select((
                users::id,
                users::name,
                users::email,
                companies::id,
                companies::name,
                company_memberships::role,
            ))
    };
}

/// Active members of active companies whose name, e-mail or company matches `query` (all when
/// empty), by company and name; at most `limit`.
pub fn company_people(
    conn: &mut DbConn,
    query: &str,
    limit: i64,
) -> Result<Vec<CompanyPerson>, DbError> {
    let mut q = people!().into_boxed();
    let query = query.trim().to_lowercase();
    if !query.is_empty() {
        use super::lower;
        let like = super::contains_pattern(&query);
        q = q.filter(
            lower(users::name)
                .like(like.clone())
                .or(lower(users::email).like(like.clone()))
                .or(lower(companies::name).like(like)),
        );
    }
    Ok(q.order((companies::name.asc(), users::name.asc()))
        .limit(limit)
        .load(conn)?)
}

/// The membership `user_id` has in `company_id`, when both are active.
pub fn active_member(
    conn: &mut DbConn,
    user_id: i64,
    company_id: i64,
) -> Result<Option<CompanyPerson>, DbError> {
    Ok(people!()
        .filter(users::id.eq(user_id))
        .filter(companies::id.eq(company_id))
        .first(conn)
        .optional()?)
}
