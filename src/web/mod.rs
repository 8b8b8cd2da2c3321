//! HTTP: the page context every template gets, rendering, and the areas' routes.

/// Declares a page shown in either storefront theme. Askama binds one template to one type, so
/// each theme gets a struct in module `$module`; both hold the same view model and differ only in
/// the layout their template extends. `$render(ctx, v)` renders in `ctx.theme`.
macro_rules! storefront_page {
    ($module:ident, $render:ident, $view:ty, $b2c:tt, $b2b:tt) => {
        mod $module {
            use super::*;

            #[derive(askama::Template)]
            #[template(path = $b2c)]
            pub struct B2c {
                pub ctx: $crate::web::PageContext,
                pub v: $view,
            }

            #[derive(askama::Template)]
            #[template(path = $b2b)]
            pub struct B2b {
                pub ctx: $crate::web::PageContext,
                pub v: $view,
            }
        }

        fn $render(
            ctx: $crate::web::PageContext,
            v: $view,
            status: actix_web::http::StatusCode,
        ) -> Result<actix_web::HttpResponse, $crate::error::AppError> {
            match ctx.theme {
                $crate::web::Theme::B2b => {
                    $crate::web::render_status(&$module::B2b { ctx, v }, status)
                }
                _ => $crate::web::render_status(&$module::B2c { ctx, v }, status),
            }
        }
    };
}

pub mod account;
pub mod admin;
pub mod assets;
pub mod b2b;
pub mod b2c;
pub mod cart;
pub mod cases;
pub mod chat;
pub mod checkout;
pub mod context;
pub mod errors;
pub mod frame;
pub mod help;
pub mod listing;
pub mod mail;
pub mod media;
pub mod ops;
pub mod order_change;
pub mod orders;
pub mod page_cache;
pub mod payment;
pub mod price_explain;
pub mod refunds;
pub mod returns;
pub mod seo;
pub mod shopper;
pub mod views;

pub use context::{PageContext, Theme};

use crate::error::AppError;
use actix_web::HttpResponse;
use askama::Template;

/// Renders a page with status 200.
pub fn render<T: Template>(page: &T) -> Result<HttpResponse, AppError> {
    render_status(page, actix_web::http::StatusCode::OK)
}

/// Renders a page with another status (e.g. 422 for a form with errors).
pub fn render_status<T: Template>(
    page: &T,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(html))
}

/// `303 See Other` to `to` (after a form).
pub fn see_other(to: impl Into<String>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, to.into()))
        .finish()
}

/// Sets `Cache-Control` on a personal page (cart, checkout, payment, orders), e.g. `no-store`.
pub fn cache_control(mut response: HttpResponse, value: &'static str) -> HttpResponse {
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static(value),
    );
    response
}

/// A CSV download (from `domain::export::to_csv`), private to the person who asked.
pub fn csv_download(filename: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .body(body)
}

/// An amount for an export: "1234.50".
pub fn export_amount(minor: i64) -> String {
    format!(
        "{:.2}",
        crate::domain::money::Money::from_minor(minor, crate::domain::money::Currency::Sek)
            .amount()
    )
}

/// The client's address, the key for per-address rate limits. The peer address, not a forwarded
/// header: nothing here is behind a trusted proxy yet.
pub fn client_ip(req: &actix_web::HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

/// Percent-encodes a query value.
pub fn url_encode(value: &str) -> String {
    serde_urlencoded::to_string([("v", value)])
        .map(|s| s.trim_start_matches("v=").to_string())
        .unwrap_or_default()
}

/// A safe place to return to after a form: a local path only, never another site.
pub fn local_path(next: Option<&str>) -> Option<String> {
    let n = next?.trim();
    let ok = n.starts_with('/')
        && !n.starts_with("//")
        && !n.contains('\\')
        && !n.chars().any(char::is_control);
    ok.then(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        let cases = [
            (Some("/cart"), Some("/cart")),
            (Some("/b2b/quotes?x=1"), Some("/b2b/quotes?x=1")),
            (Some("//evil.example"), None),
            (Some("https://evil.example"), None),
            (Some("/\\evil.example"), None),
            (Some("/a\nb"), None),
            (None, None),
        ];
        for (input, want) in cases {
            assert_eq!(local_path(input).as_deref(), want, "{input:?}");
        }
        assert_eq!(url_encode("/a b?c=d&e"), "%2Fa+b%3Fc%3Dd%26e");
    }
}
