//! Company accounts as staff manage them: the searchable list and one company's details. Its
//! people are changed through `companies::{update_member, set_member_active}`, which are scoped
//! by the company id like everything here.

use super::schema::{companies, company_memberships, payment_terms, price_lists};
use super::{DbConn, DbError, contains_pattern, lower};
use crate::domain::company_form::Draft;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const PER_PAGE: i64 = 50;

/// A company in the list.
#[derive(Debug, Clone, Queryable)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub org_no: String,
    pub industry: String,
    pub status: String,
    pub price_list: Option<String>,
    pub terms: Option<String>,
    pub credit_limit_minor: i64,
    pub created_at: NaiveDateTime,
}

/// One page of companies by name, narrowed by a status and a name or organisation number.
pub fn list(
    c: &mut DbConn,
    q: &str,
    status: Option<&str>,
    page: i64,
) -> Result<(Vec<Listed>, bool), DbError> {
    let mut query = companies::table
        .left_join(price_lists::table)
        .left_join(payment_terms::table)
        .select((
            companies::id,
            companies::name,
            companies::org_no,
            companies::industry,
            companies::status,
            price_lists::name.nullable(),
            payment_terms::name.nullable(),
            companies::credit_limit_minor,
            companies::created_at,
        ))
        .into_boxed();
    let q = q.trim();
    if !q.is_empty() {
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let by_name = lower(companies::name).like(contains_pattern(&q.to_lowercase()));
        query = if digits.len() >= 4 {
            query.filter(by_name.or(companies::org_no.like(contains_pattern(&digits))))
        } else {
            query.filter(by_name)
        };
    }
    if let Some(s) = status {
        query = query.filter(companies::status.eq(s));
    }
    let rows = query
        .order((companies::name, companies::id))
        .limit(PER_PAGE + 1)
        .offset(page.max(0) * PER_PAGE)
        .load(c)?;
    Ok(super::page_of(rows, PER_PAGE))
}

/// A company as its staff page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct CompanyRow {
    pub id: i64,
    pub name: String,
    pub org_no: String,
    pub vat_no: Option<String>,
    pub vat_verified: bool,
    pub industry: String,
    pub size: String,
    pub status: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub credit_limit_minor: i64,
    pub created_at: NaiveDateTime,
}

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<CompanyRow>, DbError> {
    Ok(companies::table
        .find(id)
        .select((
            companies::id,
            companies::name,
            companies::org_no,
            companies::vat_no,
            companies::vat_verified,
            companies::industry,
            companies::size,
            companies::status,
            companies::contact_name,
            companies::contact_email,
            companies::contact_phone,
            companies::credit_limit_minor,
            companies::created_at,
        ))
        .first(c)
        .optional()?)
}

/// Saves the staff form over a company that is active or suspended (an application still
/// pending or rejected is decided on its own page); false when there is no such company.
pub fn update(c: &mut DbConn, id: i64, d: &Draft, now: NaiveDateTime) -> Result<bool, DbError> {
    Ok(diesel::update(
        companies::table
            .filter(companies::id.eq(id))
            .filter(companies::status.eq_any(["active", "suspended"])),
    )
    .set((
        companies::name.eq(&d.name),
        companies::industry.eq(d.industry),
        companies::size.eq(d.size),
        companies::contact_name.eq(&d.contact_name),
        companies::contact_email.eq(&d.contact_email),
        companies::contact_phone.eq(&d.contact_phone),
        companies::credit_limit_minor.eq(d.credit_limit_minor),
        companies::status.eq(d.status),
        companies::updated_at.eq(now),
    ))
    .execute(c)?
        == 1)
}

/// How many active people the company has.
pub fn active_members(c: &mut DbConn, id: i64) -> Result<i64, DbError> {
    Ok(company_memberships::table
        .filter(company_memberships::company_id.eq(id))
        .filter(company_memberships::active.eq(true))
        .count()
        .get_result(c)?)
}

/// Every company that has been approved (active or suspended), by name: (id, name).
pub fn names(c: &mut DbConn) -> Result<Vec<(i64, String)>, DbError> {
    Ok(companies::table
        .filter(companies::status.eq_any(["active", "suspended"]))
        .order((companies::name, companies::id))
        .select((companies::id, companies::name))
        .load(c)?)
}
