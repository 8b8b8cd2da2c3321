//! Demo quotes: Nordbygg's buyer has an offer to read (answered by the sales representative),
//! Kontorsgruppen's buyer waits for one, so the portal's dashboard and the admin inbox have
//! something in them from the first start.

use crate::db::quotes::{self, Changes, Requested};
use crate::db::schema::{products, quote_lines, users};
use crate::db::{DbConn, DbError};
use crate::domain::quotes::{Action, Status, valid_through};
use chrono::NaiveDateTime;
use diesel::prelude::*;

fn user(c: &mut DbConn, email: &str) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(c)?)
}

fn product(c: &mut DbConn, sku: &str) -> Result<Option<i64>, DbError> {
    Ok(products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(c)
        .optional()?)
}

fn company_of(c: &mut DbConn, user_id: i64) -> Result<i64, DbError> {
    use crate::db::schema::company_memberships;
    Ok(company_memberships::table
        .filter(company_memberships::user_id.eq(user_id))
        .select(company_memberships::company_id)
        .first(c)?)
}

pub fn seed(c: &mut DbConn, now: NaiveDateTime) -> Result<(), DbError> {
    let (Some(drill), Some(chair)) = (product(c, "PO-01024")?, product(c, "OF-01005")?) else {
        return Ok(());
    };
    let sales = user(c, "sales@duett.example")?;
    let buyer = user(c, "buyer@nordbygg.example")?;
    let asked = now - chrono::Duration::days(2);
    let company = company_of(c, buyer)?;
    let number = quotes::create(
        c,
        company,
        buyer,
        &[Requested {
            product_id: drill,
            quantity: 40,
            target_minor: Some(160_000),
        }],
        "40 hammer drills for the new site team in Luleå. Can you meet 1 600 kr each?",
        asked,
    )?;
    if let Some(q) = quotes::find(c, &number, None)? {
        let line: i64 = quote_lines::table
            .filter(quote_lines::quote_id.eq(q.id))
            .select(quote_lines::id)
            .first(c)?;
        let until = valid_through((now + chrono::Duration::days(21)).date());
        quotes::apply(
            c,
            q.id,
            Status::Requested,
            Status::Answered,
            Action::Offer,
            sales,
            "1 650 kr each for 40, delivered together. Valid three weeks.",
            &Changes {
                offered: vec![(line, 165_000)],
                valid_until: Some(until),
                total_minor: Some(40 * 165_000),
                assign_to: Some(sales),
                ..Changes::default()
            },
            asked + chrono::Duration::hours(3),
        )?;
    }
    let office = user(c, "buyer@kontorsgruppen.example")?;
    let company = company_of(c, office)?;
    quotes::create(
        c,
        company,
        office,
        &[Requested {
            product_id: chair,
            quantity: 25,
            target_minor: None,
        }],
        "25 task chairs for a new floor. What is your best price?",
        now - chrono::Duration::hours(5),
    )?;
    Ok(())
}
