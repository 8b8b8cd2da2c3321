//! Files staff uploaded for the shop's pages (`media_files`): the searchable list, one file,
//! where the pages use it, and the recent ones the forms offer to pick from.

use super::schema::{content_pages, media_files, product_media, products, promotions, users};
use super::{DbConn, DbError, escaped_pattern, lower, page_of};
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const PER_PAGE: i64 = 50;

#[derive(Debug, Clone, Queryable)]
pub struct FileRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub url: String,
    pub srcset: Option<String>,
    pub bytes: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub created_at: NaiveDateTime,
    /// Who uploaded it (none once their account is gone).
    pub uploader: Option<String>,
}

/// A file to record.
pub struct NewFile<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub url: &'a str,
    pub srcset: Option<&'a str>,
    pub bytes: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub uploaded_by: i64,
    pub at: NaiveDateTime,
}

/// Records an uploaded file; its id.
pub fn insert(c: &mut DbConn, f: &NewFile) -> Result<i64, DbError> {
    diesel::insert_into(media_files::table)
        .values((
            media_files::kind.eq(f.kind),
            media_files::title.eq(f.title),
            media_files::url.eq(f.url),
            media_files::srcset.eq(f.srcset),
            media_files::bytes.eq(f.bytes),
            media_files::width.eq(f.width),
            media_files::height.eq(f.height),
            media_files::uploaded_by.eq(Some(f.uploaded_by)),
            media_files::created_at.eq(f.at),
        ))
        .execute(c)?;
    Ok(media_files::table
        .filter(media_files::url.eq(f.url))
        .select(media_files::id)
        .first(c)?)
}

macro_rules! columns {
    () => {
        (
            media_files::id,
            media_files::kind,
            media_files::title,
            media_files::url,
            media_files::srcset,
            media_files::bytes,
            media_files::width,
            media_files::height,
            media_files::created_at,
            users::name.nullable(),
        )
    };
}

/// One page (from 0) of files, newest first, narrowed by words of the title or address and by
/// kind; whether more follow.
pub fn list(
    c: &mut DbConn,
    q: &str,
    kind: Option<&str>,
    page: i64,
) -> Result<(Vec<FileRow>, bool), DbError> {
    let mut query = media_files::table
        .left_join(users::table.on(users::id.nullable().eq(media_files::uploaded_by)))
        .select(columns!())
        .into_boxed();
    for word in q.split_whitespace().take(8) {
        let pattern = escaped_pattern(&word.to_lowercase());
        query = query.filter(
            lower(media_files::title)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(media_files::url).like(pattern).escape('\\')),
        );
    }
    if let Some(k) = kind {
        query = query.filter(media_files::kind.eq(k.to_string()));
    }
    let rows = query
        .order((media_files::created_at.desc(), media_files::id.desc()))
        .limit(PER_PAGE + 1)
        .offset(page * PER_PAGE)
        .load(c)?;
    Ok(page_of(rows, PER_PAGE))
}

pub fn find(c: &mut DbConn, id: i64) -> Result<Option<FileRow>, DbError> {
    Ok(media_files::table
        .left_join(users::table.on(users::id.nullable().eq(media_files::uploaded_by)))
        .filter(media_files::id.eq(id))
        .select(columns!())
        .first(c)
        .optional()?)
}

/// Forgets a file's row (its files on disk are the caller's).
pub fn delete(c: &mut DbConn, id: i64) -> Result<usize, DbError> {
    Ok(diesel::delete(media_files::table.filter(media_files::id.eq(id))).execute(c)?)
}

/// The newest files of `kind` (address, title), for a form's list of choices.
pub fn recent(c: &mut DbConn, kind: &str, limit: i64) -> Result<Vec<(String, String)>, DbError> {
    Ok(media_files::table
        .filter(media_files::kind.eq(kind.to_string()))
        .order((media_files::created_at.desc(), media_files::id.desc()))
        .select((media_files::url, media_files::title))
        .limit(limit)
        .load(c)?)
}

/// What a page of the shop that uses a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum User {
    /// A product's video, its still or its captions (id, name).
    Product(i64, String),
    /// An article's text, video or captions (id, title).
    Article(i64, String),
    /// A promotion's picture (id, title).
    Promotion(i64, String),
}

/// Every product, article and promotion that refers to any of `urls` (a picture's addresses
/// are one per width), at most 50 of each.
pub fn users_of(c: &mut DbConn, urls: &[String]) -> Result<Vec<User>, DbError> {
    if urls.is_empty() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    // Films, stills and captions are a video row's (product pictures are the product's own):
    // one indexed lookup per column.
    let video = || {
        product_media::table
            .inner_join(products::table)
            .filter(product_media::kind.eq("video"))
            .select((products::id, products::name))
    };
    let mut products: Vec<(i64, String)> = video()
        .filter(product_media::url.eq_any(urls))
        .limit(50)
        .load(c)?;
    products.extend(
        video()
            .filter(product_media::poster_url.eq_any(urls))
            .limit(50)
            .load::<(i64, String)>(c)?,
    );
    products.extend(
        video()
            .filter(product_media::captions_url.eq_any(urls))
            .limit(50)
            .load::<(i64, String)>(c)?,
    );
    products.sort();
    products.dedup();
    found.extend(products.into_iter().map(|(id, n)| User::Product(id, n)));
    let mut articles = content_pages::table
        .filter(
            content_pages::video_url
                .eq_any(urls)
                .or(content_pages::captions_url.eq_any(urls)),
        )
        .select((content_pages::id, content_pages::title))
        .into_boxed();
    for url in urls {
        articles = articles.or_filter(
            content_pages::body_markdown
                .like(escaped_pattern(url))
                .escape('\\'),
        );
    }
    let articles: Vec<(i64, String)> = articles.order(content_pages::id).limit(50).load(c)?;
    found.extend(articles.into_iter().map(|(id, t)| User::Article(id, t)));
    let promos: Vec<(i64, String)> = promotions::table
        .filter(promotions::image_url.eq_any(urls))
        .select((promotions::id, promotions::title))
        .order(promotions::id)
        .limit(50)
        .load(c)?;
    found.extend(promos.into_iter().map(|(id, t)| User::Promotion(id, t)));
    Ok(found)
}
