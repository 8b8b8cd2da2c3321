//! Short-lived shared copies of the catalog reads every visitor makes: the category tree, the
//! home's lists, the listing sets, list outcomes, cards, product pages and search results (see
//! docs/ARCHITECTURE.md, "Caching"). Writes that change the catalog call [`ReadCache::clear`].

use super::catalog::{self, Audience, Brand, Card, Category, ProductDetail};
use super::content::{self, Promotion, Testimonial};
use super::fresh::Fresh;
pub use super::listing_set::ListingSet;
use super::search::Ranked;
use super::{DbConn, DbError};
use crate::domain::listing::Outcome;
use crate::domain::pricing::{CompanyPricing, Segment};
use crate::domain::reviews::ReviewSort;
use crate::domain::search::SearchQuery;
use chrono::NaiveDateTime;
use moka::sync::Cache;
use std::sync::Arc;
use std::time::Duration;

/// How many reviews a product page lists.
pub const REVIEWS_SHOWN: i64 = 20;

/// How many ranked search results are kept (and faceted) per query.
pub const SEARCH_LIMIT: i64 = 1_000;

/// What the business home shows every company user of one industry and role: promotions,
/// product demos and the guides, case studies and posts picked for them.
pub struct BusinessHome {
    pub promotions: Vec<Promotion>,
    pub demos: Vec<content::ContentCard>,
    pub content: Vec<content::ContentCard>,
    /// The targeted block for this industry and role, if staff wrote one.
    pub blocks: Vec<content::Block>,
}

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
    consumer_listing: Fresh<ListingSet>,
    company_listing: Fresh<ListingSet>,
    brands: Cache<(), Arc<Vec<Brand>>>,
    searches: Cache<(Audience, String), Arc<Ranked>>,
    page_cards: Cache<Vec<i64>, Arc<Vec<Card>>>,
    outcomes: Cache<(Audience, String), Arc<Outcome>>,
    fragments: Cache<(String, &'static str), Arc<str>>,
    products: Cache<(String, Audience), Arc<ProductPage>>,
    pages: Cache<String, Arc<RenderedPage>>,
    company_pricing: Cache<i64, Arc<CompanyPricing>>,
    business_homes: Cache<(String, &'static str), Arc<BusinessHome>>,
    company_carousels: Cache<i64, Arc<Vec<Card>>>,
    /// A person's own review and votes on a product: (user, product).
    reviews_mine: Cache<(i64, i64), Arc<super::reviews::Mine>>,
}

/// A whole page as every visitor or every consumer gets it, opaque here (the web layer renders it
/// and fills each person's CSRF token and header into its holes). Kept as long as the data it was
/// built from.
pub struct RenderedPage {
    /// The page's text between its holes (one more than there are holes).
    pub parts: Vec<String>,
    /// What goes after each part but the last: the mark it stood for, filled per request.
    pub holes: Vec<&'static str>,
}

impl RenderedPage {
    fn weight(&self) -> u32 {
        let bytes: usize = self.parts.iter().map(String::len).sum();
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }
}

/// At most this many bytes of rendered pages are kept.
const RENDERED_PAGES_BYTES: u64 = 64 * 1024 * 1024;

/// The category tree, the brands and an audience's listing set.
pub type CachedListing = (Arc<Vec<Category>>, Arc<Vec<Brand>>, Arc<ListingSet>);

/// What a product page reads, shared by every visitor in the same audience for a few seconds.
pub struct ProductPage {
    pub detail: ProductDetail,
    pub related: Vec<Card>,
    /// (approved reviews, sum of their stars).
    pub rating: (i64, i64),
    /// Approved reviews by 1–5 stars, and the first of them newest first and most helpful first.
    pub distribution: [i64; 5],
    pub newest_reviews: Vec<super::reviews::Published>,
    pub helpful_reviews: Vec<super::reviews::Published>,
    /// Guides, blog posts and case studies about this product for the audience.
    pub articles: Vec<content::ContentCard>,
}

impl Default for ReadCache {
    fn default() -> Self {
        ReadCache::new(Duration::from_secs(5), Duration::from_secs(60))
    }
}

/// Searches that differ only in case, spacing or punctuation share a cache entry (the raw text
/// matters only as a possible SKU).
fn search_key(query: &SearchQuery, raw: &str) -> String {
    format!(
        "{}\u{1f}{}",
        query.to_fts5(),
        raw.trim().to_ascii_uppercase()
    )
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
            consumer_listing: Fresh::new(home_ttl * 6),
            company_listing: Fresh::new(home_ttl * 6),
            brands: Cache::builder()
                .max_capacity(1)
                .time_to_live(catalog_ttl)
                .build(),
            searches: Cache::builder()
                .max_capacity(20_000)
                .time_to_live(catalog_ttl)
                .build(),
            page_cards: Cache::builder()
                .max_capacity(10_000)
                .time_to_live(home_ttl)
                .build(),
            outcomes: Cache::builder()
                .max_capacity(20_000)
                .time_to_live(home_ttl)
                .build(),
            fragments: Cache::builder()
                .max_capacity(20_000)
                .time_to_live(home_ttl)
                .support_invalidation_closures()
                .build(),
            products: Cache::builder()
                .max_capacity(20_000)
                .time_to_live(home_ttl)
                .build(),
            pages: Cache::builder()
                .max_capacity(RENDERED_PAGES_BYTES)
                .weigher(|_, page: &Arc<RenderedPage>| page.weight())
                .time_to_live(home_ttl)
                .support_invalidation_closures()
                .build(),
            company_pricing: Cache::builder()
                .max_capacity(10_000)
                .time_to_live(home_ttl)
                .build(),
            business_homes: Cache::builder()
                .max_capacity(1_000)
                .time_to_live(home_ttl)
                .build(),
            reviews_mine: Cache::builder()
                .max_capacity(100_000)
                .time_to_live(home_ttl)
                .support_invalidation_closures()
                .build(),
            company_carousels: Cache::builder()
                .max_capacity(10_000)
                .time_to_live(home_ttl)
                .build(),
        }
    }

    /// Forgets everything (after a catalog, price or promotion change).
    pub fn clear(&self) {
        self.categories.invalidate_all();
        self.homes.invalidate_all();
        self.consumer_listing.clear();
        self.company_listing.clear();
        self.brands.invalidate_all();
        self.searches.invalidate_all();
        self.page_cards.invalidate_all();
        self.outcomes.invalidate_all();
        self.fragments.invalidate_all();
        self.products.invalidate_all();
        self.pages.invalidate_all();
        self.company_pricing.invalidate_all();
        self.business_homes.invalidate_all();
        self.company_carousels.invalidate_all();
        self.reviews_mine.invalidate_all();
    }

    /// The person's own review and votes on a product, when kept.
    pub fn peek_reviews_mine(
        &self,
        user_id: i64,
        product_id: i64,
    ) -> Option<Arc<super::reviews::Mine>> {
        self.reviews_mine.get(&(user_id, product_id))
    }

    /// The person's own review (`writes_reviews`: consumers) and votes on a product, read at most
    /// a few seconds ago; their own review and vote posts forget it at once
    /// ([`forget_reviews_mine`](Self::forget_reviews_mine)), moderation with everything else.
    pub fn reviews_mine(
        &self,
        conn: &mut DbConn,
        user_id: i64,
        product_id: i64,
        writes_reviews: bool,
    ) -> Result<Arc<super::reviews::Mine>, DbError> {
        let mine = Arc::new(super::reviews::mine(
            conn,
            product_id,
            user_id,
            writes_reviews,
        )?);
        self.reviews_mine
            .insert((user_id, product_id), Arc::clone(&mine));
        Ok(mine)
    }

    /// Forgets the person's own review and votes on every product (after they wrote or voted).
    pub fn forget_reviews_mine(&self, user_id: i64) {
        self.reviews_mine
            .invalidate_entries_if(move |(user, _), _| *user == user_id)
            .ok();
    }

    /// The business home's shared content for an industry and role, a few seconds old at most.
    pub fn business_home(
        &self,
        conn: &mut DbConn,
        industry: &str,
        role: &'static str,
        now: NaiveDateTime,
    ) -> Result<Arc<BusinessHome>, DbError> {
        self.business_homes
            .try_get_with((industry.to_string(), role), || {
                Ok(Arc::new(BusinessHome {
                    promotions: content::current_promotions(
                        conn,
                        now,
                        &["everyone", "companies", "signed_in"],
                    )?,
                    demos: content::for_business(conn, now, &["demo"], industry, role, 3)?,
                    content: content::for_business(
                        conn,
                        now,
                        &["guide", "case_study", "blog"],
                        industry,
                        role,
                        6,
                    )?,
                    blocks: content::blocks_for(conn, now, industry, role, 1)?,
                }))
            })
            .map_err(shared)
    }

    /// A company's carousel (`load` picks it), a few seconds old at most.
    pub fn company_carousel(
        &self,
        company_id: i64,
        load: impl FnOnce() -> Result<Vec<Card>, DbError>,
    ) -> Result<Arc<Vec<Card>>, DbError> {
        self.company_carousels
            .try_get_with(company_id, || load().map(Arc::new))
            .map_err(shared)
    }

    /// A company's agreements when cached (no database hop).
    pub fn peek_company_pricing(&self, company_id: i64) -> Option<Arc<CompanyPricing>> {
        self.company_pricing.get(&company_id)
    }

    /// A company's agreements valid now, a few seconds old at most (checkout re-reads them).
    pub fn company_pricing(
        &self,
        conn: &mut DbConn,
        company_id: i64,
        home_country: &str,
        now: NaiveDateTime,
    ) -> Result<Arc<CompanyPricing>, DbError> {
        self.company_pricing
            .try_get_with(company_id, || {
                super::prices::company_pricing(conn, company_id, home_country, now).map(Arc::new)
            })
            .map_err(shared)
    }

    /// A rendered page kept under `key` (the web layer's choice: theme, language, address).
    pub fn rendered_page(&self, key: &str) -> Option<Arc<RenderedPage>> {
        self.pages.get(key)
    }

    pub fn keep_rendered_page(&self, key: String, page: RenderedPage) {
        self.pages.insert(key, Arc::new(page));
    }

    /// What a category or search page needs when all of it is cached: the category tree, the
    /// brands and the audience's listing set (no database hop).
    pub fn peek_listing(&self, audience: Audience) -> Option<CachedListing> {
        Some((
            self.categories.get(&())?,
            self.brands.get(&())?,
            self.listing(audience).peek()?,
        ))
    }

    fn listing(&self, audience: Audience) -> &Fresh<ListingSet> {
        match audience {
            Audience::Consumers => &self.consumer_listing,
            Audience::Companies => &self.company_listing,
        }
    }

    /// The filtered, counted and sorted list a canonical list URL shows (`compute` runs when it is
    /// not cached; a few seconds old at most).
    pub fn outcome(
        &self,
        audience: Audience,
        canonical_url: &str,
        compute: impl FnOnce() -> Outcome,
    ) -> Arc<Outcome> {
        self.outcomes.get_with(
            (audience, canonical_url.to_string()),
            || Arc::new(compute()),
        )
    }

    /// The cards of one page of a list (`ids` in order) when cached.
    pub fn peek_cards(&self, ids: &[i64]) -> Option<Arc<Vec<Card>>> {
        self.page_cards.get(ids)
    }

    /// The cards of one page of a list, in order (inactive products left out). Requests for the
    /// same page while it loads wait for that one load.
    pub fn cards(&self, conn: &mut DbConn, ids: &[i64]) -> Result<Arc<Vec<Card>>, DbError> {
        self.page_cards
            .try_get_with(ids.to_vec(), || {
                catalog::cards_by_ids(conn, ids).map(Arc::new)
            })
            .map_err(shared)
    }

    pub fn peek_search(
        &self,
        query: &SearchQuery,
        raw: &str,
        audience: Audience,
    ) -> Option<Arc<Ranked>> {
        self.searches.get(&(audience, search_key(query, raw)))
    }

    pub fn peek_categories(&self) -> Option<Arc<Vec<Category>>> {
        self.categories.get(&())
    }

    /// Forgets one product's page (after a change to it or its reviews).
    pub fn forget_product(&self, slug: &str) {
        for audience in [Audience::Consumers, Audience::Companies] {
            self.products.invalidate(&(slug.to_string(), audience));
        }
        self.fragments
            .invalidate_entries_if({
                let key = slug.to_string();
                move |(k, _), _| *k == key
            })
            .ok();
        // Rendered pages end with their address; every page of this product goes (its review
        // lists too, and, harmlessly, a product whose slug starts with this one).
        let path = format!("/products/{slug}");
        self.pages
            .invalidate_entries_if(move |k, _| k.contains(&path))
            .ok();
    }

    /// A piece of a page that is the same for every visitor with the same key and language (e.g. a
    /// product's JSON-LD), built once per cache period.
    pub fn fragment(
        &self,
        key: &str,
        language: &'static str,
        build: impl FnOnce() -> String,
    ) -> Arc<str> {
        self.fragments
            .get_with((key.to_string(), language), || Arc::from(build()))
    }

    pub fn peek_product_page(&self, slug: &str, audience: Audience) -> Option<Arc<ProductPage>> {
        self.products.get(&(slug.to_string(), audience))
    }

    /// A product page's data; `None` when the product is unknown, inactive or not for `audience`
    /// (not cached, so a product that appears is seen at once).
    pub fn product_page(
        &self,
        conn: &mut DbConn,
        slug: &str,
        audience: Audience,
    ) -> Result<Option<Arc<ProductPage>>, DbError> {
        let key = (slug.to_string(), audience);
        if let Some(page) = self.products.get(&key) {
            return Ok(Some(page));
        }
        let Some(detail) = catalog::product_by_slug(conn, slug, audience)? else {
            return Ok(None);
        };
        let related = catalog::related(conn, detail.card.id, detail.category.id, audience, 4)?;
        let rating = catalog::rating_of(conn, detail.card.id)?;
        let id = detail.card.id;
        let page = Arc::new(ProductPage {
            distribution: super::reviews::distribution(conn, id)?,
            newest_reviews: super::reviews::published(
                conn,
                id,
                ReviewSort::Newest,
                REVIEWS_SHOWN,
                0,
            )?,
            helpful_reviews: super::reviews::published(
                conn,
                id,
                ReviewSort::Helpful,
                REVIEWS_SHOWN,
                0,
            )?,
            articles: content::about_product(
                conn,
                id,
                match audience {
                    Audience::Companies => "b2b",
                    Audience::Consumers => "b2c",
                },
                chrono::Utc::now().naive_utc(),
                3,
            )?,
            detail,
            related,
            rating,
        });
        self.products.insert(key, page.clone());
        Ok(Some(page))
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

    /// Every product `audience` may see, priced for it (stock and ratings at most 30 s old; the
    /// cards of the page shown are read live).
    pub fn listing_set(
        &self,
        conn: &mut DbConn,
        audience: Audience,
    ) -> Result<Arc<ListingSet>, DbError> {
        self.listing(audience).get(|| {
            let segment = match audience {
                Audience::Consumers => Segment::Consumer,
                Audience::Companies => Segment::Company,
            };
            let records = catalog::listing_records(conn, audience)?;
            let ratings = catalog::rating_totals(conn)?;
            Ok(ListingSet::build(records, ratings, segment))
        })
    }

    pub fn brands(&self, conn: &mut DbConn) -> Result<Arc<Vec<Brand>>, DbError> {
        self.brands
            .try_get_with((), || catalog::brands(conn).map(Arc::new))
            .map_err(shared)
    }

    /// Ranked ids of the products `audience` sees (those in its listing `set`) for a query.
    pub fn search(
        &self,
        conn: &mut DbConn,
        query: &SearchQuery,
        raw: &str,
        audience: Audience,
        set: &ListingSet,
    ) -> Result<Arc<Ranked>, DbError> {
        self.searches
            .try_get_with((audience, search_key(query, raw)), || {
                let shown = |id: i64| set.get(id).is_some();
                super::search::ranked(conn, query, raw, audience, &shown, SEARCH_LIMIT)
                    .map(Arc::new)
            })
            .map_err(shared)
    }
}
