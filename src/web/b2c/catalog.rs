//! `GET /categories/{slug}` and `GET /products/{slug}`, rendered in the caller's theme.

use crate::auth::Principal;
use crate::db::{self, cache::ListingSet, cache::ReadCache, catalog::Audience};
use crate::domain::catalog::Slug;
use crate::domain::listing;
use crate::domain::pricing::Segment;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::listing::{FacetsView, ListingParams};
use crate::web::seo::{self, SeoView};
use crate::web::views::{PriceView, ProductCardView, StockView, price_row};
use crate::web::{PageContext, Theme};
use actix_web::{HttpRequest, HttpResponse, web};
use std::sync::Arc;

pub(crate) const PER_PAGE: usize = 24;

pub(crate) fn audience_and_segment(principal: &Principal) -> (Audience, Segment) {
    match principal {
        Principal::CompanyUser { .. } => (Audience::Companies, Segment::Company),
        _ => (Audience::Consumers, Segment::Consumer),
    }
}

pub struct Crumb {
    pub url: String,
    pub name: String,
}

fn breadcrumbs(all: &[db::catalog::Category], leaf_id: i64, home: String) -> Vec<Crumb> {
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

/// The category named by `slug` (with its direct subcategories), the shopper's choices and the
/// page of products they select; `None` for an unknown category.
fn plan_category(
    cache: &ReadCache,
    audience: Audience,
    (all, brands, set): (&[db::catalog::Category], &[db::catalog::Brand], &ListingSet),
    slug: &Slug,
    pairs: &[(String, String)],
) -> Option<(db::catalog::Category, ListingParams, Arc<listing::Outcome>)> {
    let category = all.iter().find(|x| x.slug == slug.as_str())?.clone();
    let scope: Vec<&db::catalog::Category> = all
        .iter()
        .filter(|x| x.id == category.id || x.parent_id == Some(category.id))
        .collect();
    let params = ListingParams::parse(pairs, &scope, brands);
    let url = params.url_with(&format!("/categories/{}", category.slug), |p| {
        p.page = params.page
    });
    let outcome = cache.outcome(audience, &url, || {
        let ids: Vec<i64> = scope.iter().map(|x| x.id).collect();
        listing::apply(
            set.in_categories(&ids),
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
    let (audience, segment) = audience_and_segment(&principal);
    let pairs = query.into_inner();
    let cache = state.cache.clone();
    // The hot path: everything cached, no hop to the database pool.
    let cached = cache.peek_listing(audience).and_then(|(all, brands, set)| {
        let (category, params, outcome) =
            plan_category(&cache, audience, (&all, &brands, &set), &slug, &pairs)?;
        let cards = cache.peek_cards(&outcome.page_ids)?;
        Some((category, all, brands, params, outcome, cards))
    });
    let (category, all, brands, params, outcome, cards) = match cached {
        Some(hit) => hit,
        None => {
            db::run(&state.pool, move |c| {
                let all = cache.categories(c)?;
                let brands = cache.brands(c)?;
                let set = cache.listing_set(c, audience)?;
                let Some((category, params, outcome)) =
                    plan_category(&cache, audience, (&all, &brands, &set), &slug, &pairs)
                else {
                    return Err(diesel::result::Error::NotFound.into());
                };
                let cards = cache.cards(c, &outcome.page_ids)?;
                Ok((category, all, brands, params, outcome, cards))
            })
            .await?
        }
    };
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let base = format!("/categories/{}", category.slug);
    let scope: Vec<&db::catalog::Category> = all
        .iter()
        .filter(|x| x.id == category.id || x.parent_id == Some(category.id))
        .collect();
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
        json_ld: Some(seo::json_ld(&serde_json::json!({
            "@context": "https://schema.org",
            "@graph": [seo::breadcrumb_list(&crumb_pairs)],
        }))),
    };
    let v = CategoryView {
        seo,
        crumbs,
        products: ProductCardView::list(&cards, segment, locale),
        total_label: locale.t_count("category-product-count", outcome.total as i64),
        facets: FacetsView::new(&base, &params, &outcome, &scope, &brands, locale),
        name: category.name,
        description: category.description,
    };
    render_category(ctx, v)
}

pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

pub struct VideoView {
    pub url: String,
    pub poster: String,
    pub captions: Option<String>,
    pub title: String,
}

/// Everything a product page shows, for either theme.
pub struct ProductView {
    pub name: String,
    pub sku: String,
    pub brand: String,
    pub summary: String,
    pub description: Vec<String>,
    pub crumbs: Vec<Crumb>,
    pub images: Vec<ImageView>,
    pub video: Option<VideoView>,
    pub specs: Vec<(String, String)>,
    pub price: PriceView,
    pub vat_line: String,
    pub stock: StockView,
    pub quantity_rule: Option<String>,
    pub delivery: String,
    pub related: Vec<ProductCardView>,
    /// "Rated 4.3 of 5" and "12 reviews", when there are approved reviews.
    pub rating: Option<RatingView>,
    pub seo: SeoView,
}

pub struct RatingView {
    pub average: String,
    pub count_label: String,
}

storefront_page!(
    product_pages,
    render_product,
    ProductView,
    "b2c/product.html",
    "b2b/product.html"
);

/// `GET /products/{slug}`.
pub async fn product(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let principal = Principal::of(&req).await?;
    let (audience, segment) = audience_and_segment(&principal);
    let cache = state.cache.clone();
    let cached = cache
        .peek_product_page(slug.as_str(), audience)
        .zip(cache.peek_categories());
    let (page, all) = match cached {
        Some(hit) => hit,
        None => {
            db::run(&state.pool, move |c| {
                let Some(page) = cache.product_page(c, slug.as_str(), audience)? else {
                    return Err(diesel::result::Error::NotFound.into());
                };
                Ok((page, cache.categories(c)?))
            })
            .await?
        }
    };
    let detail = &page.detail;
    let related = &page.related;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let breakdown = price_row(&detail.card, segment);
    let stock = StockView::new(&detail.card, locale);
    let vat_line = locale.t_args(
        match segment {
            Segment::Consumer => "price-vat-included-line",
            Segment::Company => "price-vat-excluded-line",
        },
        &[
            ("rate", breakdown.tax_rate.percent().to_string()),
            ("vat", breakdown.unit_vat.format(locale.code())),
        ],
    );
    let mut crumbs = breadcrumbs(&all, detail.category.id, ctx.t("nav-home"));
    crumbs.push(Crumb {
        url: format!("/products/{}", detail.card.slug),
        name: detail.card.name.clone(),
    });
    let quantity_rule = (detail.min_qty > 1 || detail.qty_step > 1).then(|| {
        locale.t_args(
            "quantity-rule",
            &[
                ("min", detail.min_qty.to_string()),
                ("step", detail.qty_step.to_string()),
            ],
        )
    });
    let video = detail
        .media
        .iter()
        .find(|m| m.kind == "video")
        .map(|m| VideoView {
            url: m.url.clone(),
            poster: m.poster_url.clone().unwrap_or_default(),
            captions: m.captions_url.clone(),
            title: m.alt.clone(),
        });
    let public = state.public_base_url();
    let (reviews, stars) = page.rating;
    let average = (reviews > 0).then(|| {
        let tenths = (stars * 10 + reviews / 2) / reviews;
        format!("{}.{}", tenths / 10, tenths % 10)
    });
    let consumer_price = price_row(&detail.card, Segment::Consumer).unit_gross;
    let url = format!("{public}/products/{}", detail.card.slug);
    let crumb_pairs: Vec<(String, String)> = crumbs
        .iter()
        .map(|c| (format!("{public}{}", c.url), c.name.clone()))
        .collect();
    let images: Vec<String> = detail
        .media
        .iter()
        .filter(|m| m.kind == "image")
        .map(|m| format!("{public}{}", m.url))
        .collect();
    let json_ld = seo::product(
        &seo::ProductFacts {
            url: &url,
            name: &detail.card.name,
            sku: &detail.card.sku,
            brand: detail.card.brand.as_deref().unwrap_or_default(),
            description: &detail.card.summary,
            images: images.clone(),
            price: format!("{:.2}", consumer_price.amount()),
            currency: consumer_price.currency().code(),
            in_stock: !stock.is_out(),
            rating: average.clone().map(|a| (a, reviews)),
        },
        &crumb_pairs,
    );
    let seo = SeoView {
        canonical: url.clone(),
        description: detail.card.summary.clone(),
        og_type: "product",
        og_image: images.first().cloned(),
        noindex: false,
        json_ld: Some(json_ld),
    };
    let rating = average.map(|a| RatingView {
        average: if locale.code() == "sv" {
            a.replace('.', ",")
        } else {
            a
        },
        count_label: locale.t_count("review-count", reviews),
    });
    let v = ProductView {
        seo,
        rating,
        images: detail
            .media
            .iter()
            .filter(|m| m.kind == "image")
            .map(|m| ImageView {
                url: m.url.clone(),
                alt: m.alt.clone(),
                width: m.width.unwrap_or(800),
                height: m.height.unwrap_or(800),
            })
            .collect(),
        video,
        description: detail
            .description
            .split("\n\n")
            .map(str::to_string)
            .filter(|p| !p.trim().is_empty())
            .collect(),
        specs: detail.specs.clone(),
        price: PriceView::from_breakdown(&breakdown, locale),
        vat_line,
        delivery: if stock.is_out() {
            locale.t("delivery-when-back")
        } else {
            locale.t("delivery-estimate")
        },
        stock,
        quantity_rule,
        related: ProductCardView::list(related, segment, locale),
        crumbs,
        name: detail.card.name.clone(),
        sku: detail.card.sku.clone(),
        brand: detail.card.brand.clone().unwrap_or_default(),
        summary: detail.card.summary.clone(),
    };
    render_product(ctx, v)
}
