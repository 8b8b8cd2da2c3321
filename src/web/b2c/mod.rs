//! The storefront: home (B2C or B2B by principal), categories and product pages. Catalog pages are
//! shared handlers that render in the caller's theme with the caller's prices.

pub mod catalog;
pub mod content;
pub mod home;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::home))
        .route("/categories/{slug}", web::get().to(catalog::category))
        .route("/products/{slug}", web::get().to(catalog::product))
        .route("/content/{slug}", web::get().to(content::show));
}
