//! `GET /robots.txt`, `GET /sitemap.xml` (an index) and `GET /sitemaps/{name}.xml` (`pages` and
//! `products-1`, `products-2`, … of at most `db::sitemap::PER_FILE` URLs each). Only what an
//! anonymous visitor may see is listed.

use crate::db::{self, sitemap};
use crate::error::AppError;
use crate::startup::AppState;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use std::fmt::Write;

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/xml; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

/// Escapes text for XML (slugs are plain, but the base URL comes from configuration).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `GET /robots.txt`.
pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let base = state.public_base_url();
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(format!(
            "User-agent: *\nDisallow: /account\nDisallow: /admin\nDisallow: /b2b\nDisallow: /company\n\
             Disallow: /search\nDisallow: /login\nDisallow: /password\nDisallow: /invitation\n\
             Allow: /\n\nSitemap: {base}/sitemap.xml\n"
        ))
}

/// `GET /sitemap.xml`: the index of the sitemap files.
pub async fn index(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let products = db::run(&state.pool, sitemap::product_count).await?;
    let files = ((products + sitemap::PER_FILE - 1) / sitemap::PER_FILE).max(1);
    let base = esc(&state.public_base_url());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let _ = writeln!(
        out,
        "<sitemap><loc>{base}/sitemaps/pages.xml</loc></sitemap>"
    );
    for n in 1..=files {
        let _ = writeln!(
            out,
            "<sitemap><loc>{base}/sitemaps/products-{n}.xml</loc></sitemap>"
        );
    }
    out.push_str("</sitemapindex>\n");
    Ok(xml(out))
}

/// `GET /sitemaps/{name}.xml`.
pub async fn file(
    state: web::Data<AppState>,
    name: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let name = name.into_inner();
    let base = esc(&state.public_base_url());
    let now = chrono::Utc::now().naive_utc();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    if name == "pages.xml" {
        let (categories, content) = db::run(&state.pool, move |c| {
            Ok((sitemap::category_slugs(c)?, sitemap::content_slugs(c, now)?))
        })
        .await?;
        let _ = writeln!(out, "<url><loc>{base}/</loc></url>");
        for slug in categories {
            let _ = writeln!(
                out,
                "<url><loc>{base}/categories/{}</loc></url>",
                esc(&slug)
            );
        }
        for (slug, changed) in content {
            let _ = writeln!(
                out,
                "<url><loc>{base}/content/{}</loc><lastmod>{}</lastmod></url>",
                esc(&slug),
                changed.format("%Y-%m-%d")
            );
        }
    } else {
        let n: i64 = name
            .strip_prefix("products-")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|n| n.parse().ok())
            .filter(|n| (1..=10_000).contains(n))
            .ok_or(AppError::NotFound)?;
        let products = db::run(&state.pool, move |c| sitemap::product_slugs(c, n)).await?;
        if products.is_empty() && n > 1 {
            return Err(AppError::NotFound);
        }
        for (slug, changed) in products {
            let _ = writeln!(
                out,
                "<url><loc>{base}/products/{}</loc><lastmod>{}</lastmod></url>",
                esc(&slug),
                changed.format("%Y-%m-%d")
            );
        }
    }
    out.push_str("</urlset>\n");
    Ok(xml(out))
}
