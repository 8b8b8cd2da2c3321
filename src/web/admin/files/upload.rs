//! `POST /admin/files` (multipart: `title`, `file`): one file, told by its content — a picture
//! is checked and resized to the shop's widths under a generated name (as product pictures
//! are; its metadata dropped), a film or captions file is streamed to disk and kept under a
//! generated name. A refused upload comes back on the list with the reason next to the field
//! and the title typed. `POST /admin/files/{id}/delete` removes a file nothing uses (a forced
//! post for one in use gets 409 and the list of its uses). Both audited.

use super::{PATH, file_page, list_page};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, media_files as store};
use crate::domain::media_files::{self as rules, Kind, Problem};
use crate::domain::pictures as picture_rules;
use crate::error::AppError;
use crate::media_files::{self as disk, Received};
use crate::startup::AppState;
use crate::web::admin::nav;
use crate::web::admin::products::picture_problem;
use crate::web::{PageContext, render_status, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// A file written to disk, before its row is saved.
struct Kept {
    kind: Kind,
    url: String,
    srcset: Option<String>,
    width: Option<i32>,
    height: Option<i32>,
}

/// Removes a file's copies on disk (its save failed, or it was deleted): a picture's widths
/// (from its `srcset`), else the one file at `url`.
fn discard(state: &AppState, url: &str, srcset: Option<&str>) {
    match srcset {
        Some(srcset) => {
            crate::pictures::remove(&state.media_dir, &crate::pictures::files_of(srcset))
        }
        None => disk::remove(&state.media_dir, url),
    }
}

fn problem(ctx: &PageContext, p: Problem, name: &str) -> String {
    let mb = |bytes: u64| (bytes / 1024 / 1024).to_string();
    ctx.locale.t_args(
        p.key(),
        &[
            ("name", name.to_string()),
            ("picture", mb(Kind::Picture.max_bytes())),
            ("video", mb(Kind::Video.max_bytes())),
            ("captions", mb(Kind::Captions.max_bytes())),
        ],
    )
}

/// Checks and writes the received file; the reason in words when it is refused.
async fn keep(
    state: &AppState,
    ctx: &PageContext,
    file: Received,
) -> Result<Result<(Kept, i64), String>, AppError> {
    let name = file.file_name.clone();
    let sniffed = match rules::check(&file.head, file.size, file.too_large) {
        Ok(s) => s,
        Err(p) => return Ok(Err(problem(ctx, p, &name))),
    };
    let bytes = i64::try_from(file.size).unwrap_or(i64::MAX);
    let read = |path: std::path::PathBuf| async move {
        tokio::fs::read(path)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("reading an upload: {e}")))
    };
    let kept = match sniffed.kind {
        Kind::Picture => {
            let content = read(file.temp.to_path_buf()).await?;
            let accepted = match picture_rules::check(&content) {
                Ok(a) => a,
                Err(p) => return Ok(Err(picture_problem(ctx, p, &name))),
            };
            match crate::pictures::store(&state.media_dir, content, accepted).await? {
                Ok(s) => Kept {
                    kind: Kind::Picture,
                    url: s.url,
                    srcset: Some(s.srcset),
                    width: i32::try_from(s.width).ok(),
                    height: i32::try_from(s.height).ok(),
                },
                Err(p) => return Ok(Err(picture_problem(ctx, p, &name))),
            }
        }
        Kind::Captions => {
            if let Err(p) = rules::check_captions(&read(file.temp.to_path_buf()).await?) {
                return Ok(Err(problem(ctx, p, &name)));
            }
            Kept {
                kind: Kind::Captions,
                url: disk::keep(file.temp, &state.media_dir, sniffed.extension)?,
                srcset: None,
                width: None,
                height: None,
            }
        }
        Kind::Video => Kept {
            kind: Kind::Video,
            url: disk::keep(file.temp, &state.media_dir, sniffed.extension)?,
            srcset: None,
            width: None,
            height: None,
        },
    };
    Ok(Ok((kept, bytes)))
}

/// The list again, with why the upload was refused next to the file field and the title typed.
async fn refuse(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    message: String,
    typed: String,
) -> Result<HttpResponse, AppError> {
    let query = super::ListQuery::default();
    let page = list_page(state, ctx, staff, query, typed, Some(message)).await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `POST /admin/files`.
pub async fn upload(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let posted = disk::receive(parts, "file", &state.media_dir).await?;
    let typed: String = posted.field("title").chars().take(400).collect();
    let Some(file) = posted.file else {
        let message = problem(&ctx, Problem::Empty, "");
        return refuse(&state, ctx, &staff, message, typed).await;
    };
    let title = rules::title(&typed, &file.file_name);
    let (kept, bytes) = match keep(&state, &ctx, file).await? {
        Ok(k) => k,
        Err(message) => return refuse(&state, ctx, &staff, message, typed).await,
    };
    let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
    let row = (kept.url.clone(), kept.srcset.clone(), title.clone());
    let (width, height, kind) = (kept.width, kept.height, kept.kind);
    let saved = db::run_write(&state.pool, move |c| {
        let (url, srcset, title) = row;
        let id = store::insert(
            c,
            &store::NewFile {
                kind: kind.as_str(),
                title: &title,
                url: &url,
                srcset: srcset.as_deref(),
                bytes,
                width,
                height,
                uploaded_by: actor,
                at: now,
            },
        )?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "file_uploaded",
                subject_type: "media_file",
                subject_id: &id.to_string(),
                before: None,
                after: Some(&format!("{} “{title}” {url}", kind.as_str())),
            },
        )?;
        Ok(id)
    })
    .await;
    match saved {
        Ok(id) => {
            session::flash(&session, "file-uploaded-flash");
            Ok(see_other(format!("{PATH}/{id}")))
        }
        Err(e) => {
            discard(&state, &kept.url, kept.srcset.as_deref());
            Err(e.into())
        }
    }
}

/// `POST /admin/files/{id}/delete`.
pub async fn remove(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let actor = staff.user.id;
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(f) = store::find(c, id)? else {
            return Ok(None);
        };
        if !store::users_of(c, &super::addresses(&f))?.is_empty() {
            return Ok(Some(None));
        }
        store::delete(c, id)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "file_deleted",
                subject_type: "media_file",
                subject_id: &id.to_string(),
                before: Some(&format!("{} “{}” {}", f.kind, f.title, f.url)),
                after: None,
            },
        )?;
        Ok(Some(Some(f)))
    })
    .await?;
    match outcome {
        None => Err(AppError::NotFound),
        Some(Some(f)) => {
            discard(&state, &f.url, f.srcset.as_deref());
            session::flash(&session, "file-deleted-flash");
            Ok(see_other(PATH))
        }
        Some(None) => {
            let ctx = nav::staff_context(&req, &staff);
            let message = ctx.t("file-in-use");
            let page = file_page(&state, ctx, &staff, id, Some(message))
                .await?
                .ok_or(AppError::NotFound)?;
            render_status(&page, StatusCode::CONFLICT)
        }
    }
}
