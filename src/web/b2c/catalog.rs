//! `GET /categories/{slug}` and `GET /products/{slug}`, rendered in the caller's theme.

use crate::auth::Principal;
use crate::db::{self, cache::ListingSet, cache::ReadCache};
use crate::domain::catalog::Slug;
use crate::domain::listing;
use crate::domain::pricing::Buyer;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::listing::{FacetsView, ListingParams};
use crate::web::seo::{self, SeoView};
use crate::web::shopper::{self, Shopper};
use crate::web::views::ProductCardView;
use crate::web::{PageContext, Theme, page_cache};
use actix_web::{HttpRequest, HttpResponse, web};
use std::sync::Arc;

pub(crate) const PER_PAGE: usize = 24;

pub struct Crumb {
    pub url: String,
    pub name: String,
}

pub(crate) fn breadcrumbs(all: &[db::catalog::Category], leaf_id: i64, home: String) -> Vec<Crumb> {
    let mut chain = Vec::new();
    let mut current = all.iter().find(|c| c.id == leaf_id);
    while let Some(c) = current {
        chain.push(Crumb {
            url: format!("/categories/{}", c.slug),
            name: c.name.clone(),
        });
        current = c.parent_id.and_then(|pid| all.iter().find(|p| p.id == pid));
        if chain.len() > 8 {
            break;
        }
    }
    chain.push(Crumb {
        url: "/".into(),
        name: home,
    });
    chain.reverse();
    chain
}

/// Everything a category page shows, for either theme.
pub struct CategoryView {
    pub name: String,
    pub description: String,
    pub crumbs: Vec<Crumb>,
    pub products: Vec<ProductCardView>,
    pub total_label: String,
    pub facets: FacetsView,
    pub seo: SeoView,
}

storefront_page!(
    category_pages,
    render_category,
    CategoryView,
    "b2c/category.html",
    "b2b/category.html"
);

/// A category page lists the category and its direct subcategories.
fn scope(all: &[db::catalog::Category], id: i64) -> Vec<&db::catalog::Category> {
    all.iter()
        .filter(|x| x.id == id || x.parent_id == Some(id))
        .collect()
}

/// The category named by `slug` (with its direct subcategories), the shopper's choices and the
/// page of products they select; `None` for an unknown category.
fn plan_category(
    cache: &ReadCache,
    (shopper, buyer): (&Shopper, &Buyer),
    (all, brands, set): (&[db::catalog::Category], &[db::catalog::Brand], &ListingSet),
    slug: &Slug,
    pairs: &[(String, String)],
) -> Option<(db::catalog::Category, ListingParams, Arc<listing::Outcome>)> {
    let category = all.iter().find(|x| x.slug == slug.as_str())?.clone();
    let scope = scope(all, category.id);
    let params = ListingParams::parse(pairs, &scope, brands);
    let url = params.url_with(&format!("/categories/{}", category.slug), |p| {
        p.page = params.page
    });
    let outcome = cache.outcome(shopper.audience, &shopper.list_key(&url), || {
        let ids: Vec<i64> = scope.iter().map(|x| x.id).collect();
        shopper::list_outcome(
            set.in_categories(&ids),
            buyer,
            &params.filter,
            params.sort,
            params.page,
            PER_PAGE,
        )
    });
    Some((category, params, outcome))
}

/// `GET /categories/{slug}`: the category and its direct subcategories, with facets, sort and
/// pages (`?cat=&brand=&min=&max=&stock=1&rating=&sort=&page=`; bad values are ignored).
pub async fn category(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let principal = Principal::of(&req).await?;
    let shopper = Shopper::of(&principal, &state);
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let shared = page_cache::key(&ctx);
    if let Some(hit) = page_cache::hit(&state.cache, shared.as_deref(), &ctx)? {
        return Ok(hit);
    }
    let pairs = query.into_inner();
    let cache = state.cache.clone();
    // The hot path: everything cached, no hop to the database pool.
    let cached = cache
        .peek_listing(shopper.audience)
        .zip(shopper.peek(&cache))
        .and_then(|((all, brands, set), buyer)| {
            let (category, params, outcome) = plan_category(
                &cache,
                (&shopper, &buyer),
                (&all, &brands, &set),
                &slug,
                &pairs,
            )?;
            let cards = cache.peek_cards(&outcome.page_ids)?;
            Some((category, all, brands, params, outcome, cards, buyer))
        });
    let (category, all, brands, params, outcome, cards, buyer) = match cached {
        Some(hit) => hit,
        None => {
            db::run(&state.pool, move |c| {
                let all = cache.categories(c)?;
                let brands = cache.brands(c)?;
                let set = cache.listing_set(c, shopper.audience)?;
                let buyer = shopper.buyer(&cache, c)?;
                let Some((category, params, outcome)) = plan_category(
                    &cache,
                    (&shopper, &buyer),
                    (&all, &brands, &set),
                    &slug,
                    &pairs,
                ) else {
                    return Err(diesel::result::Error::NotFound.into());
                };
                let cards = cache.cards(c, &outcome.page_ids)?;
                Ok((category, all, brands, params, outcome, cards, buyer))
            })
            .await?
        }
    };
    let locale = ctx.locale;
    let base = format!("/categories/{}", category.slug);
    let scope = scope(&all, category.id);
    let public = state.public_base_url();
    let crumbs = breadcrumbs(&all, category.id, ctx.t("nav-home"));
    let crumb_pairs: Vec<(String, String)> = crumbs
        .iter()
        .map(|c| (format!("{public}{}", c.url), c.name.clone()))
        .collect();
    let seo = SeoView {
        // The unfiltered list is the one to index; its later pages are their own pages.
        canonical: if outcome.page > 1 && params.filter.is_empty() {
            format!("{public}{base}?page={}", outcome.page)
        } else {
            format!("{public}{base}")
        },
        description: category.description.clone(),
        og_type: "website",
        og_image: category.image_url.as_ref().map(|u| format!("{public}{u}")),
        noindex: !params.filter.is_empty() || params.sort != listing::Sort::Relevance,
        json_ld: Some(Arc::from(seo::json_ld(&serde_json::json!({
            "@context": "https://schema.org",
            "@graph": [seo::breadcrumb_list(&crumb_pairs)],
        })))),
    };
    let v = CategoryView {
        seo,
        crumbs,
        products: ProductCardView::list(&cards, &buyer, locale),
        total_label: locale.t_count("category-product-count", outcome.total as i64),
        facets: FacetsView::new(&base, &params, &outcome, &scope, &brands, locale),
        name: category.name,
        description: category.description,
    };
    page_cache::render(&state.cache, shared, ctx, |ctx| {
        render_category(ctx, v, actix_web::http::StatusCode::OK)
    })
}
