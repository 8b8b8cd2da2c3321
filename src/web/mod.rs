//! HTTP: the page context every template gets, rendering, and the areas' routes.

pub mod account;
pub mod admin;
pub mod assets;
pub mod b2b;
pub mod b2c;
pub mod context;
pub mod errors;
pub mod media;
pub mod ops;
pub mod views;

pub use context::{PageContext, Theme};

use crate::error::AppError;
use actix_web::HttpResponse;
use askama::Template;

/// Renders a page with status 200.
pub fn render<T: Template>(page: &T) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html))
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
