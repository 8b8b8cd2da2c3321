//! Whole storefront pages rendered once per cache period and shared.
//!
//! Visitors who are not signed in, and consumers who are, see the same page for the same address
//! in the same theme and language, apart from two things that are theirs: the CSRF token in the
//! page's forms and the header's personal part (the cart count, their name and account links).
//! The page is rendered with a mark where each of those goes, cut at the marks and kept in
//! [`ReadCache`](crate::db::cache::ReadCache) beside the data it was built from (forgotten with
//! it); each person's copy is the parts joined with their own token and their own header, which
//! is rendered per request. A page may have holes of its own (a consumer's product page: their
//! reviews section and e-mail address), filled by its handler per request. Nothing else personal
//! may appear on a shared page: pages with a one-time message or a form sent back, and anything
//! a company user or staff member sees, are not shared.

use super::PageContext;
use crate::auth::Principal;
use crate::db::cache::{ReadCache, RenderedPage};
use crate::error::AppError;
use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use askama::Template;
use std::sync::Arc;

/// Stands in for the token while a shared page renders; letters and dashes, so escaping keeps it.
const TOKEN_MARK: &str = "csrf-token-goes-here-4c1d9e";
/// Stands in for the header's personal part (written by `storefront_base.html` when
/// `ctx.shared`).
const HEADER_MARK: &str = "personal-header-goes-here-9f3a";
/// Stands in for a product page's reviews section on a page shared by consumers (written by
/// `product_body.html`): each has their own review form and votes.
pub const REVIEWS_MARK: &str = "personal-reviews-go-here-2d7c";
/// Stands in for the signed-in person's e-mail address, prefilled in a form.
pub const EMAIL_MARK: &str = "personal-email-goes-here-8a1f";
const MARKS: [&str; 4] = [TOKEN_MARK, HEADER_MARK, REVIEWS_MARK, EMAIL_MARK];

/// What a page's own holes are filled with for this request, beside the token and header:
/// (mark, HTML).
pub type Fillings<'a> = &'a [(&'static str, &'a str)];

/// The header's personal part, rendered for each request.
#[derive(Template)]
#[template(path = "shared/header_actions.html")]
struct HeaderActions<'a> {
    ctx: &'a PageContext,
}

/// The key the page is shared under for this person, or `None` when the page is theirs alone
/// (a company user, staff, or a one-time message on the page).
pub fn key(ctx: &PageContext) -> Option<String> {
    let class = match ctx.principal {
        Principal::Anonymous => "visitor",
        Principal::Consumer(_) => "consumer",
        Principal::CompanyUser { .. } | Principal::Staff { .. } => return None,
    };
    ctx.flash
        .is_none()
        .then(|| format!("{} {} {class} {}", ctx.theme.code(), ctx.lang(), ctx.here))
}

/// The shared page for `key`, with this person's token and header, when one is kept.
pub fn hit(
    cache: &ReadCache,
    key: Option<&str>,
    ctx: &PageContext,
) -> Result<Option<HttpResponse>, AppError> {
    match kept(cache, key) {
        Some(page) => answer(&page, ctx, &[]).map(Some),
        None => Ok(None),
    }
}

/// The page kept under `key`, if any (answered with [`answer`] once its own holes are filled).
pub fn kept(cache: &ReadCache, key: Option<&str>) -> Option<Arc<RenderedPage>> {
    key.and_then(|k| cache.rendered_page(k))
}

/// The kept page with this person's token, header and `fillings`.
pub fn answer(
    page: &RenderedPage,
    ctx: &PageContext,
    fillings: Fillings,
) -> Result<HttpResponse, AppError> {
    let header = header(ctx)?;
    Ok(respond(
        page,
        &ctx.csrf_token,
        &header,
        fillings,
        StatusCode::OK,
    ))
}

/// Renders the page with `render`; when `key` is set and the page is a 200, keeps it for the
/// next people under `key`.
pub fn render(
    cache: &ReadCache,
    key: Option<String>,
    ctx: PageContext,
    render: impl FnOnce(PageContext) -> Result<HttpResponse, AppError>,
) -> Result<HttpResponse, AppError> {
    render_with(cache, key, ctx, &[], render)
}

/// [`render`] for a page with holes of its own, filled with `fillings` for this person.
pub fn render_with(
    cache: &ReadCache,
    key: Option<String>,
    mut ctx: PageContext,
    fillings: Fillings,
    render: impl FnOnce(PageContext) -> Result<HttpResponse, AppError>,
) -> Result<HttpResponse, AppError> {
    let Some(key) = key else {
        return render(ctx);
    };
    let header = header(&ctx)?;
    let token = std::mem::replace(&mut ctx.csrf_token, TOKEN_MARK.to_string());
    ctx.shared = true;
    let response = render(ctx)?;
    let status = response.status();
    let (head, body) = response.into_parts();
    let bytes = body
        .try_into_bytes()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("a shared page has a streamed body")))?;
    let html = std::str::from_utf8(&bytes).map_err(|e| AppError::Internal(e.into()))?;
    let page = cut(html);
    let response = respond(&page, &token, &header, fillings, status);
    if status == StatusCode::OK && head.headers().get(CONTENT_TYPE) == Some(&html_type()) {
        cache.keep_rendered_page(key, page);
    }
    Ok(response)
}

fn header(ctx: &PageContext) -> Result<String, AppError> {
    HeaderActions { ctx }
        .render()
        .map_err(|e| AppError::Internal(e.into()))
}

/// Cuts `html` at every mark.
fn cut(html: &str) -> RenderedPage {
    let mut page = RenderedPage {
        parts: Vec::new(),
        holes: Vec::new(),
    };
    let mut rest = html;
    loop {
        let next = MARKS
            .into_iter()
            .filter_map(|mark| rest.find(mark).map(|at| (at, mark)))
            .min();
        let Some((at, mark)) = next else {
            page.parts.push(rest.to_string());
            return page;
        };
        page.parts.push(rest[..at].to_string());
        page.holes.push(mark);
        rest = &rest[at + mark.len()..];
    }
}

fn html_type() -> HeaderValue {
    HeaderValue::from_static("text/html; charset=utf-8")
}

/// The page with `token`, `header` and `fillings` in its holes (a hole nothing fills stays
/// empty).
fn fill(page: &RenderedPage, token: &str, header: &str, fillings: Fillings) -> String {
    let filling = |mark: &str| match mark {
        TOKEN_MARK => token,
        HEADER_MARK => header,
        _ => fillings
            .iter()
            .find(|(m, _)| *m == mark)
            .map_or("", |(_, text)| *text),
    };
    let size = page.parts.iter().map(String::len).sum::<usize>()
        + page.holes.iter().map(|m| filling(m).len()).sum::<usize>();
    let mut body = String::with_capacity(size);
    for (i, part) in page.parts.iter().enumerate() {
        body.push_str(part);
        if let Some(mark) = page.holes.get(i) {
            body.push_str(filling(mark));
        }
    }
    body
}

fn respond(
    page: &RenderedPage,
    token: &str,
    header: &str,
    fillings: Fillings,
    status: StatusCode,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, html_type()))
        .body(BoxBody::new(fill(page, token, header, fillings)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_every_mark_and_fills_each_hole() {
        let html = format!(
            "<form>{TOKEN_MARK}</form><header>{HEADER_MARK}</header><p>x</p><i>{TOKEN_MARK}</i>\
             <input value=\"{EMAIL_MARK}\">{REVIEWS_MARK}"
        );
        let page = cut(&html);
        assert_eq!(page.parts.len(), page.holes.len() + 1);
        assert_eq!(
            page.holes,
            vec![
                TOKEN_MARK,
                HEADER_MARK,
                TOKEN_MARK,
                EMAIL_MARK,
                REVIEWS_MARK
            ]
        );
        assert_eq!(
            fill(
                &page,
                "T0K",
                "<a>Ada</a>",
                &[(REVIEWS_MARK, "<section>R</section>")]
            ),
            "<form>T0K</form><header><a>Ada</a></header><p>x</p><i>T0K</i>\
             <input value=\"\"><section>R</section>"
        );
    }

    #[test]
    fn a_page_without_marks_is_one_part() {
        let page = cut("<p>plain</p>");
        assert_eq!(page.parts, vec!["<p>plain</p>".to_string()]);
        assert!(page.holes.is_empty());
        assert_eq!(fill(&page, "t", "h", &[]), "<p>plain</p>");
    }
}
