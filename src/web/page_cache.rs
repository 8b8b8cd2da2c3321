//! Whole pages for anonymous visitors, rendered once per cache period and shared.
//!
//! A visitor who is not signed in, has nothing in the session that changes the page (a one-time
//! message) and asks for the same address in the same theme and language gets the same HTML except
//! for the CSRF token in its forms. The page is rendered with a mark where the token goes, split
//! there, and kept in [`ReadCache`](crate::db::cache::ReadCache) beside the data it was built from
//! (forgotten with it); each visitor's copy is the parts joined with their own token.

use super::PageContext;
use crate::auth::Principal;
use crate::db::cache::{ReadCache, RenderedPage};
use crate::error::AppError;
use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};

/// Stands in for the token while a shared page renders; letters and dashes, so escaping keeps it.
const TOKEN_MARK: &str = "csrf-token-goes-here-4c1d9e";

/// The key the page is shared under for this visitor, or `None` when the page is theirs alone
/// (signed in, a one-time message, or items in the cart, which the header counts).
pub fn key(ctx: &PageContext) -> Option<String> {
    let shareable =
        matches!(ctx.principal, Principal::Anonymous) && ctx.flash.is_none() && ctx.cart_items == 0;
    shareable.then(|| format!("{} {} {}", ctx.theme.code(), ctx.lang(), ctx.here))
}

/// The shared page for `key`, with this visitor's token, when one is kept.
pub fn hit(cache: &ReadCache, key: Option<&str>, ctx: &PageContext) -> Option<HttpResponse> {
    let page = cache.rendered_page(key?)?;
    Some(respond(&page.parts, &ctx.csrf_token, StatusCode::OK))
}

/// Renders the page with `render`; when `key` is set and the page is a 200, keeps it for the
/// next visitors under `key`.
pub fn render(
    cache: &ReadCache,
    key: Option<String>,
    mut ctx: PageContext,
    render: impl FnOnce(PageContext) -> Result<HttpResponse, AppError>,
) -> Result<HttpResponse, AppError> {
    let Some(key) = key else {
        return render(ctx);
    };
    let token = std::mem::replace(&mut ctx.csrf_token, TOKEN_MARK.to_string());
    let response = render(ctx)?;
    let status = response.status();
    let (head, body) = response.into_parts();
    let bytes = body
        .try_into_bytes()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("a shared page has a streamed body")))?;
    let html = std::str::from_utf8(&bytes).map_err(|e| AppError::Internal(e.into()))?;
    let parts: Vec<String> = html.split(TOKEN_MARK).map(str::to_string).collect();
    let response = respond(&parts, &token, status);
    if status == StatusCode::OK && head.headers().get(CONTENT_TYPE) == Some(&html_type()) {
        cache.keep_rendered_page(key, RenderedPage { parts });
    }
    Ok(response)
}

fn html_type() -> HeaderValue {
    HeaderValue::from_static("text/html; charset=utf-8")
}

fn respond(parts: &[String], token: &str, status: StatusCode) -> HttpResponse {
    let size = parts.iter().map(String::len).sum::<usize>() + token.len() * parts.len();
    let mut body = String::with_capacity(size);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            body.push_str(token);
        }
        body.push_str(part);
    }
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, html_type()))
        .body(BoxBody::new(body))
}
