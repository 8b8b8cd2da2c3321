//! Account area: registration, sign-in, sign-out, the company chooser and the language switcher. (Registration, profiles and company
//! switching come with the accounts issue.)

mod company;
mod language;
mod login;
mod register;

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
    .service(
        web::resource("/register")
            .route(web::get().to(register::show))
            .route(web::post().to(register::submit)),
    )
    .route("/register/sent", web::get().to(register::sent))
    .route("/register/confirm", web::get().to(register::confirm))
    .route("/logout", web::post().to(login::logout))
    .route("/language", web::post().to(language::switch));
}
