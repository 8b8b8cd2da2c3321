//! `GET /search?q=…` (with the same facets, sort and pages as a category page) and
//! `GET /search/suggest?q=…` (up to eight product names as JSON, for the search box's
//! suggestions when JavaScript is on). Both storefront themes; results are what the caller's
//! audience may buy, priced for them.

use super::catalog::PER_PAGE;
use super::home::{CategoryTile, category_tiles};
use crate::auth::Principal;
use crate::db::{self, cache::ListingSet, cache::ReadCache, schema::products};
use crate::domain::listing;
use crate::domain::pricing::Buyer;
use crate::domain::search::SearchQuery;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::listing::{FacetsView, ListingParams};
use crate::web::shopper::{self, Shopper};
use crate::web::views::ProductCardView;
use crate::web::{PageContext, Theme, page_cache};
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Everything the search page shows, for either theme.
pub struct SearchView {
    /// What was typed, to show back in the box.
    pub q: String,
    /// Nothing searchable was typed.
    pub blank: bool,
    pub heading: String,
    pub products: Vec<ProductCardView>,
    pub total_label: String,
    /// More matched than were ranked and faceted.
    pub capped: bool,
    pub facets: FacetsView,
    /// Where to go instead when nothing matched (or nothing was asked).
    pub tiles: Vec<CategoryTile>,
    /// "Nothing matches …".
    pub none_message: String,
}

storefront_page!(
    search_pages,
    render_search,
    SearchView,
    "b2c/search.html",
    "b2b/search.html"
);

/// The page of results the shopper's choices select (its `considered` is how many matched before
/// filtering).
fn plan_search(
    cache: &ReadCache,
    (shopper, buyer): (&Shopper, &Buyer),
    set: &ListingSet,
    ranked: &db::search::Ranked,
    params: &ListingParams,
) -> Arc<listing::Outcome> {
    let url = params.url_with("/search", |p| p.page = params.page);
    cache.outcome(shopper.audience, &shopper.list_key(&url), || {
        shopper::list_outcome(
            set.ranked(&ranked.ids),
            buyer,
            &params.filter,
            params.sort,
            params.page,
            PER_PAGE,
        )
    })
}

/// `GET /search`.
pub async fn search(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let shopper = Shopper::of(&principal, &state);
    let audience = shopper.audience;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let shared = page_cache::key(&ctx);
    if let Some(hit) = page_cache::hit(&state.cache, shared.as_deref(), &ctx)? {
        return Ok(hit);
    }
    let pairs = query.into_inner();
    let cache = state.cache.clone();
    let cached = cache
        .peek_listing(audience)
        .zip(shopper.peek(&cache))
        .and_then(|((all, brands, set), buyer)| {
            let every: Vec<&db::catalog::Category> = all.iter().collect();
            let params = ListingParams::parse(&pairs, &every, &brands);
            let ranked = cache.peek_search(&SearchQuery::parse(&params.q), &params.q, audience)?;
            let outcome = plan_search(&cache, (&shopper, &buyer), &set, &ranked, &params);
            let cards = cache.peek_cards(&outcome.page_ids)?;
            Some((
                all.clone(),
                brands.clone(),
                params,
                outcome,
                cards,
                ranked.cut,
                buyer,
            ))
        });
    let (all, brands, params, outcome, cards, cut, buyer) = match cached {
        Some(hit) => hit,
        None => {
            db::run(&state.pool, move |c| {
                let all = cache.categories(c)?;
                let brands = cache.brands(c)?;
                let every: Vec<&db::catalog::Category> = all.iter().collect();
                let params = ListingParams::parse(&pairs, &every, &brands);
                let set = cache.listing_set(c, audience)?;
                let ranked =
                    cache.search(c, &SearchQuery::parse(&params.q), &params.q, audience, &set)?;
                let buyer = shopper.buyer(&cache, c)?;
                let outcome = plan_search(&cache, (&shopper, &buyer), &set, &ranked, &params);
                let cards = cache.cards(c, &outcome.page_ids)?;
                Ok((all, brands, params, outcome, cards, ranked.cut, buyer))
            })
            .await?
        }
    };
    let locale = ctx.locale;
    let every: Vec<&db::catalog::Category> = all.iter().collect();
    let blank = SearchQuery::parse(&params.q).is_empty();
    let heading = if blank {
        ctx.t("search-title")
    } else {
        locale.t_args("search-results-for", &[("query", params.q.clone())])
    };
    let v = SearchView {
        blank,
        heading,
        products: ProductCardView::list(&cards, &buyer, locale),
        total_label: locale.t_count("search-result-count", outcome.total as i64),
        capped: cut,
        facets: FacetsView::new("/search", &params, &outcome, &every, &brands, locale),
        tiles: if outcome.considered == 0 {
            category_tiles(&all)
        } else {
            Vec::new()
        },
        none_message: locale.t_args("search-none", &[("query", params.q.clone())]),
        q: params.q,
    };
    page_cache::render(&state.cache, shared, ctx, |ctx| {
        render_search(ctx, v, actix_web::http::StatusCode::OK)
    })
}

#[derive(Deserialize)]
pub struct SuggestQuery {
    #[serde(default)]
    q: String,
}

#[derive(Serialize)]
struct Suggestion {
    name: String,
    url: String,
}

/// `GET /search/suggest?q=…`: `[{"name": …, "url": …}]`, best first, at most eight.
pub async fn suggest(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<SuggestQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let audience = Shopper::of(&principal, &state).audience;
    let raw: String = query.into_inner().q.chars().take(200).collect();
    let parsed = SearchQuery::parse(&raw);
    let cache = state.cache.clone();
    let suggestions = db::run(&state.pool, move |c| {
        if parsed.is_empty() {
            return Ok(Vec::new());
        }
        let set = cache.listing_set(c, audience)?;
        let ranked = cache.search(c, &parsed, &raw, audience, &set)?;
        let ids: Vec<i64> = set
            .ranked(&ranked.ids)
            .iter()
            .take(8)
            .map(|r| r.id)
            .collect();
        let mut found: Vec<(i64, String, String)> = products::table
            .filter(products::id.eq_any(&ids))
            .select((products::id, products::name, products::slug))
            .load(c)?;
        found.sort_by_key(|(id, _, _)| ids.iter().position(|x| x == id));
        Ok(found
            .into_iter()
            .map(|(_, name, slug)| Suggestion {
                name,
                url: format!("/products/{slug}"),
            })
            .collect::<Vec<_>>())
    })
    .await?;
    let body = serde_json::to_string(&suggestions)
        .map_err(|_| AppError::internal("suggestions could not be encoded"))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/json"))
        .insert_header((CACHE_CONTROL, "private, max-age=60"))
        .body(body))
}
