//! `POST /language`: the language switcher.

use crate::auth::Principal;
use crate::db;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::local_path;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// Keeps the choice in a cookie and, for a signed-in person, as their saved setting.
pub async fn switch(
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    let locale =
        Locale::parse(&form.lang).ok_or_else(|| AppError::BadRequest("unknown language".into()))?;
    if let Some(user) = principal.user() {
        let uid = user.id;
        db::run_write(&state.pool, move |c| {
            db::users::set_locale(c, uid, locale.code())
        })
        .await?;
    }
    let cookie = Cookie::build("lang", locale.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.settings.server.secure_cookies)
        .finish();
    let target = local_path(Some(&form.next)).unwrap_or_else(|| "/".into());
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((LOCATION, target))
        .finish())
}
