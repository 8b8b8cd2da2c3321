//! Saved addresses. Every query is scoped by its owner: a person sees and changes only their own.

use super::schema::addresses;
use super::{DbConn, DbError};
use crate::domain::address::PostalAddress;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable)]
pub struct Address {
    pub id: i64,
    pub label: String,
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub phone: String,
}

/// The columns of an [`Address`], in its field order.
const ADDRESS: (
    addresses::id,
    addresses::label,
    addresses::name,
    addresses::line1,
    addresses::line2,
    addresses::postal_code,
    addresses::city,
    addresses::country,
    addresses::phone,
) = (
    addresses::id,
    addresses::label,
    addresses::name,
    addresses::line1,
    addresses::line2,
    addresses::postal_code,
    addresses::city,
    addresses::country,
    addresses::phone,
);

pub fn for_user(conn: &mut DbConn, user_id: i64) -> Result<Vec<Address>, DbError> {
    Ok(addresses::table
        .filter(addresses::user_id.eq(user_id))
        .order((addresses::is_default.desc(), addresses::id.asc()))
        .select(ADDRESS)
        .load(conn)?)
}

/// The company's address book (shared by its people), default first.
pub fn for_company(conn: &mut DbConn, company_id: i64) -> Result<Vec<Address>, DbError> {
    Ok(addresses::table
        .filter(addresses::company_id.eq(company_id))
        .order((addresses::is_default.desc(), addresses::id.asc()))
        .select(ADDRESS)
        .load(conn)?)
}

/// The addresses a checkout offers: the person's own, and for a company buyer the company's.
pub fn for_checkout(
    conn: &mut DbConn,
    user_id: i64,
    company_id: Option<i64>,
) -> Result<Vec<Address>, DbError> {
    let mut all = match company_id {
        Some(company) => for_company(conn, company)?,
        None => Vec::new(),
    };
    all.extend(for_user(conn, user_id)?);
    Ok(all)
}

pub fn add_for_user(conn: &mut DbConn, user_id: i64, a: &PostalAddress) -> Result<i64, DbError> {
    let first = addresses::table
        .filter(addresses::user_id.eq(user_id))
        .count()
        .get_result::<i64>(conn)?
        == 0;
    Ok(diesel::insert_into(addresses::table)
        .values((
            addresses::user_id.eq(user_id),
            addresses::label.eq(&a.label),
            addresses::name.eq(&a.name),
            addresses::line1.eq(&a.line1),
            addresses::line2.eq(&a.line2),
            addresses::postal_code.eq(&a.postal_code),
            addresses::city.eq(&a.city),
            addresses::country.eq(&a.country),
            addresses::phone.eq(&a.phone),
            addresses::is_default.eq(first),
        ))
        .returning(addresses::id)
        .get_result(conn)?)
}

/// Deletes one of the user's addresses; `NotFound` when the id is not theirs.
pub fn delete_for_user(conn: &mut DbConn, user_id: i64, id: i64) -> Result<(), DbError> {
    let n = diesel::delete(
        addresses::table
            .filter(addresses::id.eq(id))
            .filter(addresses::user_id.eq(user_id)),
    )
    .execute(conn)?;
    if n == 1 {
        Ok(())
    } else {
        Err(diesel::result::Error::NotFound.into())
    }
}
