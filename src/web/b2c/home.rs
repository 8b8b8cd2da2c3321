//! `GET /`: the consumer home for visitors, consumers and staff; the business home for company users.

use crate::auth::Principal;
use crate::db;
use crate::domain::pricing::Buyer;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::views::ProductCardView;
use crate::web::{PageContext, Theme, b2b, page_cache, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

pub struct PromotionView {
    pub title: String,
    pub body: String,
    pub image_url: Option<String>,
    pub link_url: Option<String>,
    pub link_label: String,
}

impl From<&db::content::Promotion> for PromotionView {
    fn from(p: &db::content::Promotion) -> PromotionView {
        PromotionView {
            title: p.title.clone(),
            body: p.body.clone(),
            image_url: p.image_url.clone(),
            link_url: p.link_url.clone(),
            link_label: p.link_label.clone(),
        }
    }
}

pub struct CategoryTile {
    pub url: String,
    pub name: String,
    pub image_url: String,
    /// The widths of a picture staff uploaded.
    pub image_srcset: Option<String>,
}

pub struct TestimonialView {
    pub author: String,
    pub role: String,
    pub quote: String,
    pub stars: String,
    pub rating_label: String,
}

#[derive(Template)]
#[template(path = "b2c/home.html")]
pub struct B2cHomePage {
    pub ctx: PageContext,
    pub promotions: Vec<PromotionView>,
    pub featured: Vec<ProductCardView>,
    pub newest: Vec<ProductCardView>,
    pub categories: Vec<CategoryTile>,
    pub testimonials: Vec<TestimonialView>,
}

/// `GET /`.
pub async fn home(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    if let Principal::CompanyUser { .. } = principal {
        return b2b::home::page(req, state, principal).await;
    }
    let audiences: &'static [&'static str] = match principal {
        Principal::Anonymous => &["everyone", "consumers"],
        _ => &["everyone", "consumers", "signed_in"],
    };
    let ctx = PageContext::with_principal(&req, Theme::B2c, principal);
    let shared = page_cache::key(&ctx);
    if let Some(hit) = page_cache::hit(&state.cache, shared.as_deref(), &ctx)? {
        return Ok(hit);
    }
    let now = chrono::Utc::now().naive_utc();
    let cache = state.cache.clone();
    let (home, categories) = match cache.peek_storefront_home(audiences) {
        Some(cached) => cached,
        None => {
            db::run(&state.pool, move |c| {
                Ok((
                    cache.storefront_home(c, audiences, now)?,
                    cache.categories(c)?,
                ))
            })
            .await?
        }
    };
    let locale = ctx.locale;
    let page = B2cHomePage {
        promotions: home.promotions.iter().map(PromotionView::from).collect(),
        featured: ProductCardView::list(&home.featured, &Buyer::Consumer, locale),
        newest: ProductCardView::list(&home.newest, &Buyer::Consumer, locale),
        categories: category_tiles(&categories),
        testimonials: home
            .testimonials
            .iter()
            .map(|t| {
                let r = t.rating.unwrap_or(5).clamp(1, 5);
                TestimonialView {
                    author: t.author.clone(),
                    role: t.role.clone(),
                    quote: t.quote.clone(),
                    stars: "★".repeat(r as usize) + &"☆".repeat(5 - r as usize),
                    rating_label: locale.t_count("rating-out-of-five", i64::from(r)),
                }
            })
            .collect(),
        ctx,
    };
    page_cache::render(&state.cache, shared, page.ctx, |ctx| {
        render(&B2cHomePage { ctx, ..page })
    })
}

/// Tiles for the leaf categories (those with a parent), each with its motif picture.
pub fn category_tiles(categories: &[db::catalog::Category]) -> Vec<CategoryTile> {
    categories
        .iter()
        .filter(|c| c.parent_id.is_some())
        .map(|c| CategoryTile {
            url: format!("/categories/{}", c.slug),
            name: c.name.clone(),
            image_url: c
                .image_url
                .clone()
                .unwrap_or_else(|| "/media/demo/box-210-1.svg".into()),
            image_srcset: c.image_srcset.clone(),
        })
        .collect()
}
