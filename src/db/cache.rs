//! Short-lived shared copies of the catalog reads every visitor makes: the category tree, the
//! consumer home's lists and each category's product order. Prices, stock and names shown on a
//! page are re-read with the cards of the page itself, except on the home page, which may be a few
//! seconds old. Writes that change the catalog call [`ReadCache::clear`].

use super::catalog::{self, Audience, Card, Category, Sort};
use super::content::{self, Promotion, Testimonial};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use moka::sync::Cache;
use std::sync::Arc;
use std::time::Duration;

/// What the consumer home shows, shared by every visitor in the same audience.
pub struct StorefrontHome {
    pub promotions: Vec<Promotion>,
    pub featured: Vec<Card>,
    pub newest: Vec<Card>,
    pub testimonials: Vec<Testimonial>,
}

pub struct ReadCache {
    categories: Cache<(), Arc<Vec<Category>>>,
    homes: Cache<&'static [&'static str], Arc<StorefrontHome>>,
    listings: Cache<(i64, Audience, Sort), Arc<Vec<i64>>>,
}

impl Default for ReadCache {
    fn default() -> Self {
        ReadCache::new(Duration::from_secs(5), Duration::from_secs(60))
    }
}

fn shared(e: Arc<DbError>) -> DbError {
    DbError::Shared(e)
}

impl ReadCache {
    /// `home_ttl` bounds how stale the home's promotions and stock labels may be; `catalog_ttl`
    /// how long the category tree and product orders are kept.
    pub fn new(home_ttl: Duration, catalog_ttl: Duration) -> ReadCache {
        ReadCache {
            categories: Cache::builder()
                .max_capacity(1)
                .time_to_live(catalog_ttl)
                .build(),
            homes: Cache::builder()
                .max_capacity(8)
                .time_to_live(home_ttl)
                .build(),
            listings: Cache::builder()
                .max_capacity(2_000)
                .time_to_live(catalog_ttl)
                .build(),
        }
    }

    /// Forgets everything (after a catalog, price or promotion change).
    pub fn clear(&self) {
        self.categories.invalidate_all();
        self.homes.invalidate_all();
        self.listings.invalidate_all();
    }

    /// The cached home and category tree when both are fresh, without touching the database (the
    /// hot path of the busiest page skips the blocking pool entirely).
    pub fn peek_storefront_home(
        &self,
        audiences: &'static [&'static str],
    ) -> Option<(Arc<StorefrontHome>, Arc<Vec<Category>>)> {
        Some((self.homes.get(&audiences)?, self.categories.get(&())?))
    }

    pub fn categories(&self, conn: &mut DbConn) -> Result<Arc<Vec<Category>>, DbError> {
        self.categories
            .try_get_with((), || catalog::categories(conn).map(Arc::new))
            .map_err(shared)
    }

    /// The consumer home for visitors who may see promotions for `audiences`.
    pub fn storefront_home(
        &self,
        conn: &mut DbConn,
        audiences: &'static [&'static str],
        now: NaiveDateTime,
    ) -> Result<Arc<StorefrontHome>, DbError> {
        self.homes
            .try_get_with(audiences, || {
                Ok(Arc::new(StorefrontHome {
                    promotions: content::current_promotions(conn, now, audiences)?,
                    featured: catalog::featured(conn, Audience::Consumers, 12)?,
                    newest: catalog::newest(conn, Audience::Consumers, 8)?,
                    testimonials: content::testimonials(conn, "b2c", 3)?,
                }))
            })
            .map_err(shared)
    }

    /// The product order of a category page (the category and its direct subcategories).
    pub fn listing(
        &self,
        conn: &mut DbConn,
        category_id: i64,
        audience: Audience,
        sort: Sort,
    ) -> Result<Arc<Vec<i64>>, DbError> {
        self.listings
            .try_get_with((category_id, audience, sort), || {
                let all = self.categories(conn)?;
                let mut ids = vec![category_id];
                ids.extend(
                    all.iter()
                        .filter(|c| c.parent_id == Some(category_id))
                        .map(|c| c.id),
                );
                catalog::listing(conn, &ids, audience, sort).map(Arc::new)
            })
            .map_err(shared)
    }
}
