//! Renders error responses as themed pages: whatever produced a 4xx/5xx (an `AppError`, an actix
//! extractor, an unknown route), the person sees a page in their theme and language with a way on.

use super::{PageContext, Theme};
use crate::auth::Principal;
use crate::error::ErrorPage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

/// What an error page says.
pub struct ErrorView {
    pub status: u16,
    pub status_label: String,
    pub title: String,
    pub message: String,
    pub action_href: String,
    pub action_label: String,
}

#[derive(Template)]
#[template(path = "b2c/error.html")]
struct B2cErrorPage<'a> {
    ctx: &'a PageContext,
    e: &'a ErrorView,
}

#[derive(Template)]
#[template(path = "b2b/error.html")]
struct B2bErrorPage<'a> {
    ctx: &'a PageContext,
    e: &'a ErrorView,
}

#[derive(Template)]
#[template(path = "admin/error.html")]
struct AdminErrorPage<'a> {
    ctx: &'a PageContext,
    e: &'a ErrorView,
    nav: Vec<crate::web::admin::nav::NavItem>,
}

fn kind_for(status: StatusCode) -> ErrorPage {
    match status.as_u16() {
        404 | 405 => ErrorPage::NotFound,
        403 => ErrorPage::Forbidden,
        429 => ErrorPage::TooManyRequests,
        400..=499 => ErrorPage::BadRequest,
        _ => ErrorPage::Internal,
    }
}

fn view(kind: ErrorPage, status: StatusCode, ctx: &PageContext) -> ErrorView {
    let (title, message, label) = match kind {
        ErrorPage::NotFound => ("error-404-title", "error-404-text", "error-go-home"),
        ErrorPage::Forbidden => ("error-403-title", "error-403-text", "error-go-home"),
        ErrorPage::Csrf => ("error-csrf-title", "error-csrf-text", "error-csrf-action"),
        ErrorPage::BadRequest => ("error-400-title", "error-400-text", "error-go-home"),
        ErrorPage::TooManyRequests => ("error-429-title", "error-429-text", "error-go-home"),
        ErrorPage::Internal => ("error-500-title", "error-500-text", "error-go-home"),
    };
    // A refused form was posted to the page that shows it; reloading that page gives a fresh token.
    let action_href = match kind {
        ErrorPage::Csrf => ctx.here.split('?').next().unwrap_or("/").to_string(),
        _ => "/".to_string(),
    };
    ErrorView {
        status: status.as_u16(),
        status_label: ctx
            .locale
            .t_count("error-status", i64::from(status.as_u16())),
        title: ctx.t(title),
        message: ctx.t(message),
        action_href,
        action_label: ctx.t(label),
    }
}

async fn render(req: &HttpRequest, kind: ErrorPage, status: StatusCode) -> Option<String> {
    // The error page must not fail itself; a broken database still gets a page (as a visitor).
    let principal = Principal::of(req).await.unwrap_or(Principal::Anonymous);
    let theme = if req.path().starts_with("/admin") && matches!(principal, Principal::Staff { .. })
    {
        Theme::Admin
    } else {
        Theme::storefront_for(&principal)
    };
    let ctx = PageContext::with_principal(req, theme, principal);
    let e = view(kind, status, &ctx);
    let html = match theme {
        Theme::B2c => B2cErrorPage { ctx: &ctx, e: &e }.render(),
        Theme::B2b => B2bErrorPage { ctx: &ctx, e: &e }.render(),
        Theme::Admin => {
            let nav = match &ctx.principal {
                Principal::Staff { role, .. } => crate::web::admin::nav::menu(&ctx, *role, ""),
                _ => Vec::new(),
            };
            AdminErrorPage {
                ctx: &ctx,
                e: &e,
                nav,
            }
            .render()
        }
    };
    html.map_err(|err| tracing::error!(error = %err, "error page failed to render"))
        .ok()
}

fn themeable(res: &HttpResponse) -> bool {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    (res.status().is_client_error() || res.status().is_server_error()) && !is_html
}

/// The middleware; mount it outside everything that can fail (CSRF, session, handlers).
pub async fn themed(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let path = req.path().to_string();
    // Errors that escape as `Err` (none of ours do) are rendered plainly by actix.
    let res = next.call(req).await?.map_into_boxed_body();
    let machine = ["/static/", "/media/", "/healthz", "/readyz"]
        .iter()
        .any(|p| path.starts_with(p));
    if machine || !themeable(res.response()) {
        return Ok(res);
    }
    let status = res.status();
    let kind = res
        .response()
        .extensions()
        .get::<ErrorPage>()
        .copied()
        .unwrap_or_else(|| kind_for(status));
    let http_req = res.request().clone();
    let Some(html) = render(&http_req, kind, status).await else {
        return Ok(res);
    };
    let mut builder = HttpResponse::build(status);
    for (name, value) in res.response().headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            builder.append_header((name.clone(), value.clone()));
        }
    }
    let response = builder.content_type("text/html; charset=utf-8").body(html);
    Ok(ServiceResponse::new(http_req, response))
}
