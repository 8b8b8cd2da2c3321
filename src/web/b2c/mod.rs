//! The storefront: home (B2C or B2B by principal), categories, search and product pages. Catalog pages are
//! shared handlers that render in the caller's theme with the caller's prices.

pub mod catalog;
pub mod content;
pub mod home;
pub mod product;
pub mod review_actions;
pub mod reviews;
pub mod search;
pub mod sitemap;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::home))
        .route("/categories/{slug}", web::get().to(catalog::category))
        .route("/products/{slug}", web::get().to(product::product))
        .route(
            "/products/{slug}/review",
            web::post().to(review_actions::submit),
        )
        .route("/products/{slug}/notify", web::post().to(product::notify))
        .route(
            "/reviews/{id}/helpful",
            web::post().to(review_actions::helpful),
        )
        .route("/content/{slug}", web::get().to(content::show))
        .route("/search", web::get().to(search::search))
        .route("/search/suggest", web::get().to(search::suggest))
        .route("/robots.txt", web::get().to(sitemap::robots))
        .route("/sitemap.xml", web::get().to(sitemap::index))
        .route("/sitemaps/{name}", web::get().to(sitemap::file));
}
