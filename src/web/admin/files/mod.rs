//! Files for the shop's pages, for administrators, catalog managers and sales reps (who write
//! articles): `GET /admin/files` (newest first, 50 a page; `?q=` words of the title or address,
//! `?kind=picture|video|captions`; the upload form on top), `POST /admin/files` (upload, see
//! `upload`), `GET /admin/files/{id}` (the file with its address, the text to paste and every
//! page that uses it) and `POST /admin/files/{id}/delete` (only a file nothing uses). Forms that
//! take a picture, film or captions address offer these files to pick from.

mod upload;

pub use upload::{remove, upload};

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db::{self, media_files as store};
use crate::domain::media_files::{self as rules, KINDS, Kind};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, url_encode};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/files";

pub struct FileView {
    pub id: i64,
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub url: String,
    pub srcset: String,
    pub size: String,
    /// "1920 × 1080" for pictures.
    pub dimensions: String,
    pub uploaded: String,
    pub uploader: String,
    /// What staff paste where the file is used.
    pub snippet: String,
}

#[derive(Template)]
#[template(path = "admin/files.html")]
pub struct FilesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub kinds: Vec<OptionView>,
    pub rows: Vec<FileView>,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The title typed in the upload form (kept when it is refused).
    pub title: String,
    /// Why the upload was refused.
    pub error: Option<String>,
}

/// A page of the shop that uses a file.
pub struct UseView {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "admin/file.html")]
pub struct FilePage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub file: FileView,
    pub uses: Vec<UseView>,
    /// Why removing was refused.
    pub error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    page: Option<i64>,
}

fn view(state: &AppState, ctx: &PageContext, f: store::FileRow) -> FileView {
    let kind = Kind::parse(&f.kind).unwrap_or(Kind::Video);
    FileView {
        id: f.id,
        kind: kind.as_str(),
        kind_label: ctx.t(&format!("file-kind-{}", kind.as_str())),
        snippet: rules::snippet(kind, &f.url, &f.title),
        dimensions: match (f.width, f.height) {
            (Some(w), Some(h)) => format!("{w} × {h}"),
            _ => String::new(),
        },
        size: rules::size_text(f.bytes),
        uploaded: crate::web::b2b::demos::when_label(state, f.created_at, ctx.locale),
        uploader: f.uploader.unwrap_or_default(),
        title: f.title,
        url: f.url,
        srcset: f.srcset.unwrap_or_default(),
    }
}

/// Every address a file answers at: a picture's widths, else its one address.
fn addresses(f: &store::FileRow) -> Vec<String> {
    match f.srcset.as_deref() {
        Some(srcset) => srcset
            .split(',')
            .filter_map(|e| e.split_whitespace().next())
            .map(str::to_string)
            .chain(std::iter::once(f.url.clone()))
            .collect(),
        None => vec![f.url.clone()],
    }
}

/// The list page: `q`, `kind` and `page` (from 1) as asked; `title` and `error` from a refused
/// upload.
async fn list_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    query: ListQuery,
    title: String,
    error: Option<String>,
) -> Result<FilesPage, AppError> {
    let q: String = query.q.trim().chars().take(100).collect();
    let kind = Kind::parse(&query.kind);
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let search = q.clone();
    let (rows, more) = db::run(&state.pool, move |c| {
        store::list(c, &search, kind.map(Kind::as_str), page - 1)
    })
    .await?;
    let link = |p: i64| {
        format!(
            "{PATH}?q={}&kind={}&page={p}",
            url_encode(&q),
            kind.map_or("", Kind::as_str)
        )
    };
    let kinds: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
    Ok(FilesPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        kinds: nav::filter_options(&ctx, kind.map(Kind::as_str), &kinds, |k| {
            ctx.t(&format!("file-kind-{k}"))
        }),
        rows: rows.into_iter().map(|f| view(state, &ctx, f)).collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        q,
        title,
        error,
        ctx,
    })
}

/// `GET /admin/files?q=&kind=&page=`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let page = list_page(&state, ctx, &staff, query.into_inner(), String::new(), None).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// The file's page; `None` when there is no such file.
async fn file_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    id: i64,
    error: Option<String>,
) -> Result<Option<FilePage>, AppError> {
    let found = db::run(&state.pool, move |c| {
        let Some(f) = store::find(c, id)? else {
            return Ok(None);
        };
        let users = store::users_of(c, &addresses(&f))?;
        Ok(Some((f, users)))
    })
    .await?;
    let Some((f, users)) = found else {
        return Ok(None);
    };
    let uses = users
        .into_iter()
        .map(|u| match u {
            store::User::Product(id, name) => UseView {
                label: ctx.locale.t_args("file-used-product", &[("name", name)]),
                href: format!("/admin/products/{id}"),
            },
            store::User::Article(id, title) => UseView {
                label: ctx.locale.t_args("file-used-article", &[("name", title)]),
                href: format!("/admin/content/{id}"),
            },
            store::User::Promotion(id, title) => UseView {
                label: ctx.locale.t_args("file-used-promotion", &[("name", title)]),
                href: format!("/admin/promotions/{id}"),
            },
        })
        .collect();
    Ok(Some(FilePage {
        nav: nav::menu(&ctx, staff.role, PATH),
        file: view(state, &ctx, f),
        uses,
        error,
        ctx,
    }))
}

/// `GET /admin/files/{id}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let page = file_page(&state, ctx, &staff, id.into_inner(), None)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// An uploaded file a form offers to pick (`<datalist>` beside an address field).
pub struct Pick {
    pub url: String,
    pub title: String,
    /// What to paste into an article's text.
    pub snippet: String,
}

/// The uploaded files forms offer to pick from, per kind, newest first (at most 200 of each).
#[derive(Default)]
pub struct Library {
    pub pictures: Vec<Pick>,
    pub videos: Vec<Pick>,
    pub captions: Vec<Pick>,
}

impl Library {
    pub async fn load(state: &AppState) -> Result<Library, AppError> {
        let picks = |kind: Kind, rows: Vec<(String, String)>| {
            rows.into_iter()
                .map(|(url, title)| Pick {
                    snippet: rules::snippet(kind, &url, &title),
                    url,
                    title,
                })
                .collect()
        };
        let (pictures, videos, captions) = db::run(&state.pool, |c| {
            Ok((
                store::recent(c, Kind::Picture.as_str(), 200)?,
                store::recent(c, Kind::Video.as_str(), 200)?,
                store::recent(c, Kind::Captions.as_str(), 200)?,
            ))
        })
        .await?;
        Ok(Library {
            pictures: picks(Kind::Picture, pictures),
            videos: picks(Kind::Video, videos),
            captions: picks(Kind::Captions, captions),
        })
    }
}
