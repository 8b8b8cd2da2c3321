//! `GET /categories/{slug}` and `GET /products/{slug}`, rendered in the caller's theme.

use crate::auth::Principal;
use crate::db::{self, catalog::Audience, catalog::Sort};
use crate::domain::catalog::Slug;
use crate::domain::pricing::Segment;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::views::{PriceView, ProductCardView, StockView, price_row};
use crate::web::{PageContext, Theme};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

const PER_PAGE: i64 = 24;

fn audience_and_segment(principal: &Principal) -> (Audience, Segment) {
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

pub struct SortOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct PageLink {
    pub number: i64,
    pub url: String,
    pub current: bool,
}

/// Everything a category page shows, for either theme.
pub struct CategoryView {
    pub name: String,
    pub description: String,
    pub crumbs: Vec<Crumb>,
    pub subcategories: Vec<Crumb>,
    pub products: Vec<ProductCardView>,
    pub total_label: String,
    pub sorts: Vec<SortOption>,
    pub pages: Vec<PageLink>,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
}

storefront_page!(
    category_pages,
    render_category,
    CategoryView,
    "b2c/category.html",
    "b2b/category.html"
);

#[derive(Deserialize)]
pub struct CategoryQuery {
    sort: Option<String>,
    page: Option<String>,
}

fn parse_sort(s: Option<&str>) -> (Sort, &'static str) {
    match s {
        Some("price-asc") => (Sort::PriceAsc, "price-asc"),
        Some("price-desc") => (Sort::PriceDesc, "price-desc"),
        Some("newest") => (Sort::Newest, "newest"),
        _ => (Sort::Relevance, "relevance"),
    }
}

/// `GET /categories/{slug}`.
pub async fn category(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<CategoryQuery>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let principal = Principal::of(&req).await?;
    let (audience, segment) = audience_and_segment(&principal);
    let (sort, sort_code) = parse_sort(query.sort.as_deref());
    // Anything that is not a page number shows the first page.
    let page: i64 = query
        .page
        .as_deref()
        .and_then(|p| p.parse().ok())
        .filter(|p| *p >= 1 && *p <= 10_000)
        .unwrap_or(1);
    let cache = state.cache.clone();
    let (category, all, cards, total) = db::run(&state.pool, move |c| {
        let all = cache.categories(c)?;
        let Some(category) = all.iter().find(|x| x.slug == slug.as_str()).cloned() else {
            return Err(diesel::result::Error::NotFound.into());
        };
        let order = cache.listing(c, category.id, audience, sort)?;
        let start = usize::try_from((page - 1) * PER_PAGE)
            .unwrap_or(usize::MAX)
            .min(order.len());
        let end = (start + PER_PAGE as usize).min(order.len());
        let cards = db::catalog::cards_by_ids(c, &order[start..end])?;
        Ok((category, all, cards, order.len() as i64))
    })
    .await?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let pages_total = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let base = format!("/categories/{}", category.slug);
    let url_for = |p: i64| {
        let mut params = Vec::new();
        if sort_code != "relevance" {
            params.push(format!("sort={sort_code}"));
        }
        if p > 1 {
            params.push(format!("page={p}"));
        }
        if params.is_empty() {
            base.clone()
        } else {
            format!("{base}?{}", params.join("&"))
        }
    };
    let v = CategoryView {
        crumbs: breadcrumbs(&all, category.id, ctx.t("nav-home")),
        subcategories: all
            .iter()
            .filter(|x| x.parent_id == Some(category.id))
            .map(|x| Crumb {
                url: format!("/categories/{}", x.slug),
                name: x.name.clone(),
            })
            .collect(),
        products: ProductCardView::list(&cards, segment, locale),
        total_label: locale.t_count("category-product-count", total),
        sorts: [
            ("relevance", "sort-relevance"),
            ("price-asc", "sort-price-asc"),
            ("price-desc", "sort-price-desc"),
            ("newest", "sort-newest"),
        ]
        .into_iter()
        .map(|(value, key)| SortOption {
            value,
            label: locale.t(key),
            selected: value == sort_code,
        })
        .collect(),
        pages: (1..=pages_total)
            .map(|n| PageLink {
                number: n,
                url: url_for(n),
                current: n == page,
            })
            .collect(),
        prev_url: (page > 1).then(|| url_for(page - 1)),
        next_url: (page < pages_total).then(|| url_for(page + 1)),
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
    let (detail, all, related) = db::run(&state.pool, move |c| {
        let Some(detail) = db::catalog::product_by_slug(c, slug.as_str(), audience)? else {
            return Err(diesel::result::Error::NotFound.into());
        };
        let all = cache.categories(c)?;
        let related = db::catalog::related(c, detail.card.id, detail.category.id, audience, 4)?;
        Ok((detail, all, related))
    })
    .await?;
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
    let v = ProductView {
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
        specs: detail.specs,
        price: PriceView::from_breakdown(&breakdown, locale),
        vat_line,
        delivery: if stock.is_out() {
            locale.t("delivery-when-back")
        } else {
            locale.t("delivery-estimate")
        },
        stock,
        quantity_rule,
        related: ProductCardView::list(&related, segment, locale),
        crumbs,
        name: detail.card.name,
        sku: detail.card.sku,
        brand: detail.card.brand.unwrap_or_default(),
        summary: detail.card.summary,
    };
    render_product(ctx, v)
}
