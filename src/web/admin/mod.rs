//! Staff admin under `/admin`, in its own theme. Every route states the staff roles it admits.

mod dashboard;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin", web::get().to(dashboard::show));
}
