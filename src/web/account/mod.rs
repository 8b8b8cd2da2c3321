//! Account area: sign-in, sign-out, the company chooser and the language switcher. (Registration, profiles and company
//! switching come with the accounts issue.)

mod company;
mod language;
mod login;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/login")
            .route(web::get().to(login::show))
            .route(web::post().to(login::submit)),
    )
    .service(
        web::resource("/company")
            .route(web::get().to(company::show))
            .route(web::post().to(company::switch)),
    )
    .route("/logout", web::post().to(login::logout))
    .route("/language", web::post().to(language::switch));
}
