//! Who is shopping, as far as catalog and prices care: the audience whose products they see and,
//! for a company user, the active company whose agreements price everything
//! (`domain::pricing::Buyer`).

use crate::auth::Principal;
use crate::db::cache::ReadCache;
use crate::db::catalog::Audience;
use crate::db::{DbConn, DbError};
use crate::domain::listing::{self, Row};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::{Buyer, Segment, TaxRate};
use crate::startup::AppState;

#[derive(Debug, Clone)]
pub struct Shopper {
    pub audience: Audience,
    /// The active company of a company user.
    pub company: Option<i64>,
    home_country: String,
}

impl Shopper {
    pub fn of(principal: &Principal, state: &AppState) -> Shopper {
        let company = match principal {
            Principal::CompanyUser { company, .. } => Some(company.id),
            _ => None,
        };
        Shopper {
            audience: if company.is_some() {
                Audience::Companies
            } else {
                Audience::Consumers
            },
            company,
            home_country: state.settings.shop.country.clone(),
        }
    }

    pub fn segment(&self) -> Segment {
        match self.company {
            Some(_) => Segment::Company,
            None => Segment::Consumer,
        }
    }

    /// The buyer when nothing needs reading (consumers always; a company when its agreements
    /// are cached).
    pub fn peek(&self, cache: &ReadCache) -> Option<Buyer> {
        match self.company {
            None => Some(Buyer::Consumer),
            Some(id) => cache.peek_company_pricing(id).map(Buyer::company),
        }
    }

    /// The buyer, with the company's agreements from the read cache (a few seconds old at most).
    pub fn buyer(&self, cache: &ReadCache, conn: &mut DbConn) -> Result<Buyer, DbError> {
        match self.company {
            None => Ok(Buyer::Consumer),
            Some(id) => Ok(Buyer::company(cache.company_pricing(
                conn,
                id,
                &self.home_country,
                chrono::Utc::now().naive_utc(),
            )?)),
        }
    }

    /// The buyer with the company's agreements read now, for placing an order.
    pub fn fresh_buyer(&self, conn: &mut DbConn) -> Result<Buyer, DbError> {
        match self.company {
            None => Ok(Buyer::Consumer),
            Some(id) => Ok(Buyer::company(std::sync::Arc::new(
                crate::db::prices::company_pricing(
                    conn,
                    id,
                    &self.home_country,
                    chrono::Utc::now().naive_utc(),
                )?,
            ))),
        }
    }

    /// Where a list outcome for this shopper is kept: lists priced for a company are its own.
    pub fn list_key(&self, canonical_url: &str) -> String {
        match self.company {
            None => canonical_url.to_string(),
            Some(id) => format!("company:{id}:{canonical_url}"),
        }
    }
}

/// Filters, counts, sorts and pages list rows (`domain::listing::apply`) with the price this
/// buyer pays for one unit, so price filters, bounds and sorting use it (a company's rows are
/// repriced copies; consumers' are used as they are).
pub fn list_outcome(
    rows: Vec<&Row>,
    buyer: &Buyer,
    filter: &listing::Filter,
    sort: listing::Sort,
    page: usize,
    per_page: usize,
) -> listing::Outcome {
    match buyer {
        Buyer::Consumer => listing::apply(rows, filter, sort, page, per_page),
        Buyer::Company { .. } => {
            let priced: Vec<Row> = rows
                .into_iter()
                .map(|r| Row {
                    // The company listing's rows hold the list price excl. VAT.
                    price_minor: buyer
                        .price(
                            r.id,
                            Money::from_minor(r.price_minor, Currency::Sek),
                            TaxRate::STANDARD,
                            1,
                        )
                        .shown_unit()
                        .to_minor()
                        .unwrap_or(r.price_minor),
                    ..*r
                })
                .collect();
            listing::apply(&priced, filter, sort, page, per_page)
        }
    }
}
