//! Demo accounts: consumers, staff of every role, three companies with an admin, a buyer and an
//! approver each, and one person who buys for two companies. All use the demo password.

#![expect(clippy::type_complexity, reason = "demo data rows read best as tuples")]

use super::super::schema::*;
use super::super::{DbConn, DbError};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

/// (email, name, kind, staff role)
const PEOPLE: [(&str, &str, &str, Option<&str>); 8] = [
    ("shopper@example.com", "Sara Lind", "consumer", None),
    ("erik@example.com", "Erik Holm", "consumer", None),
    ("maja@example.com", "Maja Berg", "consumer", None),
    (
        "admin@duett.example",
        "Astrid Admin",
        "staff",
        Some("administrator"),
    ),
    (
        "sales@duett.example",
        "Sven Sälj",
        "staff",
        Some("sales_rep"),
    ),
    (
        "support@duett.example",
        "Sofia Support",
        "staff",
        Some("support_agent"),
    ),
    (
        "catalog@duett.example",
        "Karl Katalog",
        "staff",
        Some("catalog_manager"),
    ),
    (
        "consultant@example.com",
        "Nils Konsult",
        "company_member",
        None,
    ),
];

/// (name, org no, VAT no, industry, domain, terms, credit limit kr, price list)
const COMPANIES: [(&str, &str, &str, &str, &str, &str, i64, &str); 3] = [
    (
        "Nordbygg AB",
        "556677-8899",
        "SE556677889901",
        "construction",
        "nordbygg.example",
        "net30",
        250_000,
        "construction",
    ),
    (
        "Kontorsgruppen i Lund AB",
        "556123-4567",
        "SE556123456701",
        "office",
        "kontorsgruppen.example",
        "net60",
        150_000,
        "office",
    ),
    (
        "Smakbyrån Restaurang AB",
        "559012-3450",
        "SE559012345001",
        "hospitality",
        "smakbyran.example",
        "prepay",
        80_000,
        "hospitality",
    ),
];

pub struct People {
    pub consumers: Vec<i64>,
}

fn user(
    c: &mut DbConn,
    email: &str,
    name: &str,
    kind: &str,
    role: Option<&str>,
    hash: &str,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(users::table)
        .values((
            users::email.eq(email),
            users::name.eq(name),
            users::kind.eq(kind),
            users::staff_role.eq(role),
            users::password_hash.eq(hash),
            users::email_verified_at.eq(Some(chrono::Utc::now().naive_utc())),
        ))
        .returning(users::id)
        .get_result(c)?)
}

pub fn seed(
    c: &mut DbConn,
    hash: &str,
    product_ids: &[i64],
    now: NaiveDateTime,
) -> Result<People, DbError> {
    let mut ids = Vec::new();
    for (email, name, kind, role) in PEOPLE {
        ids.push(user(c, email, name, kind, role, hash)?);
    }
    diesel::insert_into(addresses::table)
        .values((
            addresses::user_id.eq(ids[0]),
            addresses::label.eq("Home"),
            addresses::name.eq("Sara Lind"),
            addresses::line1.eq("Storgatan 12"),
            addresses::postal_code.eq("411 38"),
            addresses::city.eq("Göteborg"),
            addresses::is_default.eq(true),
        ))
        .execute(c)?;
    let mut companies_out = Vec::new();
    for (n, (name, org, vat, industry, domain, terms, credit_kr, list_code)) in
        COMPANIES.into_iter().enumerate()
    {
        let list_id: i64 = diesel::insert_into(price_lists::table)
            .values((
                price_lists::code.eq(list_code),
                price_lists::name.eq(format!("{} partner prices", capitalise(industry))),
            ))
            .returning(price_lists::id)
            .get_result(c)?;
        let company_id: i64 = diesel::insert_into(companies::table)
            .values((
                companies::name.eq(name),
                companies::org_no.eq(org),
                companies::vat_no.eq(vat),
                companies::vat_verified.eq(true),
                companies::industry.eq(industry),
                companies::size.eq(if n == 0 { "medium" } else { "small" }),
                companies::status.eq("active"),
                companies::price_list_id.eq(list_id),
                companies::payment_terms.eq(terms),
                companies::credit_limit_minor.eq(credit_kr * 100),
                companies::contact_name.eq(format!("Admin at {name}")),
                companies::contact_email.eq(format!("admin@{domain}")),
            ))
            .returning(companies::id)
            .get_result(c)?;
        for role in ["admin", "buyer", "approver"] {
            let first = match (n, role) {
                (0, "admin") => "Anders Nord",
                (0, "buyer") => "Britt Bygg",
                (0, _) => "Gunnar Godkänd",
                (1, "admin") => "Lena Lund",
                (1, "buyer") => "Oskar Ordning",
                (1, _) => "Petra Papper",
                (_, "admin") => "Rut Restaurang",
                (_, "buyer") => "Tore Tallrik",
                _ => "Ulla Ugn",
            };
            let uid = user(
                c,
                &format!("{role}@{domain}"),
                first,
                "company_member",
                None,
                hash,
            )?;
            diesel::insert_into(company_memberships::table)
                .values((
                    company_memberships::user_id.eq(uid),
                    company_memberships::company_id.eq(company_id),
                    company_memberships::role.eq(role),
                    company_memberships::order_limit_minor.eq(if role == "buyer" {
                        Some(2_500_000_i64)
                    } else {
                        None
                    }),
                    company_memberships::monthly_limit_minor.eq(if role == "buyer" {
                        Some(10_000_000_i64)
                    } else {
                        None
                    }),
                ))
                .execute(c)?;
        }
        diesel::insert_into(addresses::table)
            .values((
                addresses::company_id.eq(company_id),
                addresses::label.eq("Head office"),
                addresses::name.eq(name),
                addresses::line1.eq(["Industrivägen 4", "Stora Södergatan 8", "Hamngatan 21"][n]),
                addresses::postal_code.eq(["903 27", "222 23", "111 47"][n]),
                addresses::city.eq(["Umeå", "Lund", "Stockholm"][n]),
                addresses::is_default.eq(true),
            ))
            .execute(c)?;
        // Partner prices: 8 % under list on this industry's products, 15 % from 10 units.
        let from = n * 4;
        for (k, pid) in product_ids
            .iter()
            .enumerate()
            .filter(|(k, _)| (k % 12) / 4 == n % 3 && k % 12 >= from)
            .take(60)
        {
            let list: i64 = products::table
                .find(pid)
                .select(products::list_price_minor)
                .first(c)?;
            for (min_qty, pct) in [(1, 92), (10, 85)] {
                diesel::insert_into(price_list_entries::table)
                    .values((
                        price_list_entries::price_list_id.eq(list_id),
                        price_list_entries::product_id.eq(pid),
                        price_list_entries::min_qty.eq(min_qty),
                        price_list_entries::unit_price_minor.eq(list * pct / 100),
                    ))
                    .execute(c)?;
            }
            if k % 12 == from && k < 48 {
                diesel::insert_into(contract_prices::table)
                    .values((
                        contract_prices::company_id.eq(company_id),
                        contract_prices::product_id.eq(pid),
                        contract_prices::unit_price_minor.eq(list * 80 / 100),
                        contract_prices::valid_from.eq(now - Duration::days(30)),
                        contract_prices::valid_to.eq(now + Duration::days(335)),
                        contract_prices::note.eq("Framework agreement 2026"),
                    ))
                    .execute(c)?;
            }
        }
        companies_out.push((company_id, industry));
    }
    // The consultant buys for Nordbygg and approves for Kontorsgruppen.
    for ((company_id, _), role) in companies_out.iter().take(2).zip(["buyer", "approver"]) {
        diesel::insert_into(company_memberships::table)
            .values((
                company_memberships::user_id.eq(ids[7]),
                company_memberships::company_id.eq(company_id),
                company_memberships::role.eq(role),
            ))
            .execute(c)?;
    }
    // One business application waiting for staff.
    diesel::insert_into(companies::table)
        .values((
            companies::name.eq("Fjällstugan Bygg & Snickeri AB"),
            companies::org_no.eq("559876-5435"),
            companies::vat_no.eq("SE559876543501"),
            companies::industry.eq("construction"),
            companies::status.eq("pending"),
            companies::contact_name.eq("Hanna Fjäll"),
            companies::contact_email.eq("hanna@fjallstugan.example"),
        ))
        .execute(c)?;
    Ok(People {
        consumers: ids[..3].to_vec(),
    })
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Prints the demo sign-ins to the log, as README lists them.
pub fn log_accounts() {
    tracing::info!(
        "demo accounts (password {}): shopper@example.com (consumer); buyer@nordbygg.example, \
         approver@nordbygg.example, admin@nordbygg.example (company); consultant@example.com (two companies); \
         admin@duett.example, sales@duett.example, support@duett.example, catalog@duett.example (staff)",
        super::DEMO_PASSWORD
    );
}
