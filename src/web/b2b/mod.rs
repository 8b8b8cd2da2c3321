//! The business portal. Its home shares the `/` address with the consumer home; B2B-only pages
//! live under `/b2b/…` (added by the B2B issue).

pub mod approvals;
pub mod demos;
pub mod home;
mod invoices;
mod lists;
mod quick_order;
pub mod quotes;
pub(crate) mod users;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/b2b/lists")
            .route(web::get().to(lists::index))
            .route(web::post().to(lists::create)),
    )
    .route("/b2b/lists/add", web::post().to(lists::add_from_product))
    .service(
        web::resource("/b2b/lists/{id}")
            .route(web::get().to(lists::show))
            .route(web::post().to(lists::update)),
    )
    .route("/b2b/lists/{id}/delete", web::post().to(lists::delete))
    .route("/b2b/lists/{id}/lines", web::post().to(lists::add))
    .route(
        "/b2b/lists/{id}/lines/{line}",
        web::post().to(lists::change_line),
    )
    .route("/b2b/lists/{id}/order", web::post().to(lists::order))
    .route("/b2b/lists/{id}/export.csv", web::get().to(lists::export))
    .service(
        web::resource("/b2b/quotes")
            .route(web::get().to(quotes::index))
            .route(web::post().to(quotes::create)),
    )
    .route("/b2b/quotes/new", web::get().to(quotes::new))
    .service(
        web::resource("/b2b/quotes/{number}")
            .route(web::get().to(quotes::show))
            .route(web::post().to(quotes::act)),
    )
    .service(
        web::resource("/b2b/demos")
            .route(web::get().to(demos::index))
            .route(web::post().to(demos::create)),
    )
    .route("/b2b/demos/new", web::get().to(demos::new))
    .route("/b2b/demos/{number}", web::get().to(demos::show))
    .route(
        "/b2b/demos/{number}/withdraw",
        web::post().to(demos::withdraw),
    )
    .route("/b2b/company/invoices", web::get().to(invoices::show))
    .route("/b2b/approvals", web::get().to(approvals::show))
    .route("/b2b/approvals/{id}", web::post().to(approvals::decide))
    .service(
        web::resource("/b2b/quick-order")
            .route(web::get().to(quick_order::show))
            .route(web::post().to(quick_order::submit)),
    )
    .route("/b2b/reorder", web::post().to(quick_order::reorder))
    .route(
        "/b2b/quick-order/upload",
        web::post().to(quick_order::upload),
    )
    .route(
        "/b2b/quick-order/confirm",
        web::post().to(quick_order::confirm),
    )
    .route(
        "/b2b/quick-order/sample.csv",
        web::get().to(quick_order::sample),
    )
    .service(
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
