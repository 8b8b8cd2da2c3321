//! The business portal. Its home shares the `/` address with the consumer home; B2B-only pages
//! live under `/b2b/…` (added by the B2B issue).

pub mod home;
mod users;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/b2b/company/users")
            .route(web::get().to(users::list))
            .route(web::post().to(users::invite)),
    )
    .route("/b2b/company/users/{id}", web::post().to(users::update))
    .route(
        "/b2b/company/users/{id}/active",
        web::post().to(users::set_active),
    );
}
