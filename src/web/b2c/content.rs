//! `GET /content/{slug}`: a buying guide, blog post, case study or demo page, in the caller's theme.

use crate::auth::Principal;
use crate::db;
use crate::domain::catalog::Slug;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, Theme};
use actix_web::{HttpRequest, HttpResponse, web};

pub struct ArticleView {
    pub kind_label: String,
    pub title: String,
    pub summary: String,
    /// The Markdown body as sanitised HTML (`domain::markdown`).
    pub body_html: std::sync::Arc<str>,
    pub video_url: Option<String>,
    pub captions_url: Option<String>,
    pub published: String,
    /// The same date for `<time datetime>`.
    pub published_iso: String,
    /// "Book a live demo" of this one (a demo page read by a company user).
    pub book_url: Option<String>,
}

storefront_page!(
    article_pages,
    render_article,
    ArticleView,
    "b2c/article.html",
    "b2b/article.html"
);

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let principal = Principal::of(&req).await?;
    let audience = match principal {
        Principal::CompanyUser { .. } => "b2b",
        _ => "b2c",
    };
    let now = chrono::Utc::now().naive_utc();
    let book_url = (audience == "b2b").then(|| format!("/b2b/demos/new?demo={}", slug.as_str()));
    let page = db::run(&state.pool, move |c| {
        db::content::published_page(c, slug.as_str(), audience, now)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let v = ArticleView {
        kind_label: ctx.t(&format!("content-kind-{}", page.kind.replace('_', "-"))),
        body_html: crate::web::views::markdown_html(&state.cache, &page.body_markdown),
        published: page
            .published_at
            .map(|d| ctx.locale.date(d))
            .unwrap_or_default(),
        published_iso: page
            .published_at
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        book_url: book_url.filter(|_| page.kind == "demo"),
        title: page.title,
        summary: page.summary,
        video_url: page.video_url,
        captions_url: page.captions_url,
    };
    render_article(ctx, v, actix_web::http::StatusCode::OK)
}
