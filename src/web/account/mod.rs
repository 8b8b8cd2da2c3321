//! Account area: registration, sign-in and sign-out, password reset, the account page (password,
//! e-mail address, saved addresses), business applications and invitations, the company chooser
//! and the language switcher.

mod business;
mod company;
mod email;
mod invitation;
mod language;
mod login;
mod password;
mod profile;
pub mod register;

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
    .service(
        web::resource("/register/confirm")
            .route(web::get().to(register::show_confirm))
            .route(web::post().to(register::confirm)),
    )
    .service(
        web::resource("/password/forgot")
            .route(web::get().to(password::forgot))
            .route(web::post().to(password::request)),
    )
    .route("/password/forgot/sent", web::get().to(password::sent))
    .service(
        web::resource("/password/reset")
            .route(web::get().to(password::show_reset))
            .route(web::post().to(password::reset)),
    )
    .route("/account", web::get().to(profile::show))
    .route(
        "/account/password",
        web::post().to(profile::change_password),
    )
    .route("/account/email", web::post().to(email::request))
    .service(
        web::resource("/account/email/confirm")
            .route(web::get().to(email::show_confirm))
            .route(web::post().to(email::confirm)),
    )
    .route("/account/addresses", web::post().to(profile::add_address))
    .route(
        "/account/addresses/{id}/delete",
        web::post().to(profile::delete_address),
    )
    .service(
        web::resource("/business")
            .route(web::get().to(business::show))
            .route(web::post().to(business::apply)),
    )
    .route("/business/thanks", web::get().to(business::thanks))
    .service(
        web::resource("/invitation")
            .route(web::get().to(invitation::show))
            .route(web::post().to(invitation::accept)),
    )
    .route("/logout", web::post().to(login::logout))
    .route("/language", web::post().to(language::switch));
}
