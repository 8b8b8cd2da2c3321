//! A company's agreements as the pricing pipeline needs them: its price list's entries and its
//! contract prices valid at a moment, its payment terms, and whether VAT is reverse charged.
//! Every query here is scoped by the company id it is given.

use super::schema::{companies, contract_prices, payment_terms, price_list_entries, price_lists};
use super::{DbConn, DbError};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::{CompanyPricing, Deal, Terms, Tier};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

/// Payment terms by code (`prepay`, `net30`, `net60`, …).
pub fn terms(conn: &mut DbConn, code: &str) -> Result<Option<Terms>, DbError> {
    let row: Option<(String, String, i32, i32)> = payment_terms::table
        .find(code)
        .select((
            payment_terms::code,
            payment_terms::name,
            payment_terms::days,
            payment_terms::adjustment_bp,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(code, name, days, adjustment_bp)| Terms {
        code,
        name,
        days,
        adjustment_bp,
    }))
}

/// Everything that prices products for `company_id` at `now`. A company that is not found gets
/// no agreements (callers only ask for the company in the session).
pub fn company_pricing(
    conn: &mut DbConn,
    company_id: i64,
    home_country: &str,
    now: NaiveDateTime,
) -> Result<CompanyPricing, DbError> {
    type CompanyTerms = (Option<i64>, String, Option<String>, bool, String);
    let company: Option<CompanyTerms> = companies::table
        .find(company_id)
        .select((
            companies::price_list_id,
            companies::payment_terms,
            companies::vat_no,
            companies::vat_verified,
            companies::currency,
        ))
        .first(conn)
        .optional()?;
    let Some((list_id, terms_code, vat_no, vat_verified, currency)) = company else {
        return Ok(CompanyPricing {
            company_id,
            ..Default::default()
        });
    };
    let currency = Currency::parse(&currency).unwrap_or(Currency::Sek);
    let tier = |min_qty: i32, minor: i64| Tier {
        min_qty: u32::try_from(min_qty).unwrap_or(1),
        unit_price: Money::from_minor(minor, currency),
    };
    let mut deals: HashMap<i64, Deal> = HashMap::new();
    let mut price_list_name = None;
    if let Some(list_id) = list_id {
        price_list_name = price_lists::table
            .find(list_id)
            .select(price_lists::name)
            .first::<String>(conn)
            .optional()?;
        let entries: Vec<(i64, i32, i64)> = price_list_entries::table
            .filter(price_list_entries::price_list_id.eq(list_id))
            .filter(
                price_list_entries::valid_from
                    .is_null()
                    .or(price_list_entries::valid_from.le(now)),
            )
            .filter(
                price_list_entries::valid_to
                    .is_null()
                    .or(price_list_entries::valid_to.gt(now)),
            )
            .order((price_list_entries::product_id, price_list_entries::min_qty))
            .select((
                price_list_entries::product_id,
                price_list_entries::min_qty,
                price_list_entries::unit_price_minor,
            ))
            .load(conn)?;
        for (product_id, min_qty, minor) in entries {
            deals
                .entry(product_id)
                .or_default()
                .price_list
                .push(tier(min_qty, minor));
        }
    }
    let contracts: Vec<(i64, i32, i64, String)> = contract_prices::table
        .filter(contract_prices::company_id.eq(company_id))
        .filter(
            contract_prices::valid_from
                .is_null()
                .or(contract_prices::valid_from.le(now)),
        )
        .filter(
            contract_prices::valid_to
                .is_null()
                .or(contract_prices::valid_to.gt(now)),
        )
        .order((contract_prices::product_id, contract_prices::min_qty))
        .select((
            contract_prices::product_id,
            contract_prices::min_qty,
            contract_prices::unit_price_minor,
            contract_prices::note,
        ))
        .load(conn)?;
    let mut contract_note = None;
    for (product_id, min_qty, minor, note) in contracts {
        if contract_note.is_none() && !note.trim().is_empty() {
            contract_note = Some(note);
        }
        deals
            .entry(product_id)
            .or_default()
            .contract
            .push(tier(min_qty, minor));
    }
    let reverse_charge = vat_verified
        && vat_no
            .as_deref()
            .and_then(|v| v.get(..2))
            .is_some_and(|prefix| {
                // Greece's VAT numbers start with EL.
                let home = if home_country == "GR" {
                    "EL"
                } else {
                    home_country
                };
                !prefix.eq_ignore_ascii_case(home)
            });
    Ok(CompanyPricing {
        company_id,
        price_list_name,
        contract_note,
        terms: terms(conn, &terms_code)?,
        reverse_charge,
        deals,
    })
}
