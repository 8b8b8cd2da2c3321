//! Staff admin under `/admin`, in its own theme. Every route states the staff roles it admits.

mod audit;
mod dashboard;
pub mod nav;
mod outbox;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin", web::get().to(dashboard::show))
        .route("/admin/outbox", web::get().to(outbox::show))
        .route("/admin/audit", web::get().to(audit::show));
}
