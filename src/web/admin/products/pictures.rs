//! `POST /admin/products/{id}/pictures/{media}`: one picture of a product moved earlier or
//! later (`action` = up | down), given a new alternative text (`alt`), or removed (its files
//! are deleted once no product uses them). New pictures come with the product's form.

use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::domain::pictures::{self as picture_rules, clean_alt};
use crate::web::cases::files::Upload;
use crate::web::see_other;

#[derive(Deserialize)]
pub struct PictureForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    alt: String,
}

enum Change {
    Move(i32),
    Alt(String),
    Remove,
}

/// `POST /admin/products/{id}/pictures/{media}`.
pub async fn picture(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    path: web::Path<(i64, i64)>,
    form: web::Form<PictureForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (id, media_id) = path.into_inner();
    let form = form.into_inner();
    let change = match form.action.as_str() {
        "up" => Change::Move(-1),
        "down" => Change::Move(1),
        "alt" => Change::Alt(clean_alt(&form.alt)),
        "remove" => Change::Remove,
        _ => return Err(AppError::BadRequest("unknown picture action".into())),
    };
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let (found, unused, flash) = db::run_write(&state.pool, move |c| {
        let (found, unused, action, after, flash) = match &change {
            Change::Move(by) => (
                store::move_picture(c, id, media_id, *by)?,
                None,
                "product_picture_move",
                format!(
                    "picture {media_id} {}",
                    if *by < 0 { "earlier" } else { "later" }
                ),
                "product-picture-moved",
            ),
            Change::Alt(alt) => (
                store::set_alt(c, id, media_id, alt)?,
                None,
                "product_picture_alt",
                format!("picture {media_id}: {alt}"),
                "product-picture-saved",
            ),
            Change::Remove => match store::remove_picture(c, id, media_id)? {
                Some(unused) => (
                    true,
                    unused,
                    "product_picture_remove",
                    format!("picture {media_id} removed"),
                    "product-picture-removed",
                ),
                None => (false, None, "", String::new(), ""),
            },
        };
        if found {
            store::touch(c, id, now)?;
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action,
                    subject_type: "product",
                    subject_id: &id.to_string(),
                    before: None,
                    after: Some(&after),
                },
            )?;
        }
        Ok((found, unused, flash))
    })
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    if let Some(srcset) = unused {
        crate::pictures::remove(&state.media_dir, &crate::pictures::files_of(&srcset));
    }
    state.cache.clear();
    session::flash(&session, flash);
    Ok(see_other(format!("{PATH}/{id}#pictures-section")))
}

/// The words for a picture that was refused.
pub(crate) fn picture_problem(ctx: &PageContext, p: picture_rules::Problem, name: &str) -> String {
    ctx.locale.t_args(
        p.key(),
        &[
            ("name", name.to_string()),
            ("size", (picture_rules::MAX_BYTES / 1024 / 1024).to_string()),
            ("count", picture_rules::MAX_FILES.to_string()),
            ("min", picture_rules::MIN_SIDE.to_string()),
            ("max", picture_rules::MAX_SIDE.to_string()),
        ],
    )
}

/// Checks every picture by its content; the first problem in words naming the file.
pub(crate) fn check_pictures(
    ctx: &PageContext,
    uploads: &[Upload],
) -> Result<Vec<picture_rules::Accepted>, String> {
    if uploads.len() > picture_rules::MAX_FILES {
        return Err(picture_problem(ctx, picture_rules::Problem::TooMany, ""));
    }
    uploads
        .iter()
        .map(|u| {
            if u.too_large {
                Err(picture_rules::Problem::TooLarge)
            } else {
                picture_rules::check(&u.bytes)
            }
            .map_err(|p| picture_problem(ctx, p, &u.name))
        })
        .collect()
}

/// Resizes and writes the accepted pictures; a problem found while decoding is said in words
/// (the files written so far are removed).
pub(crate) async fn store_pictures(
    state: &AppState,
    ctx: &PageContext,
    uploads: Vec<Upload>,
    accepted: Vec<picture_rules::Accepted>,
) -> Result<Result<Vec<crate::pictures::Stored>, String>, AppError> {
    let mut stored: Vec<crate::pictures::Stored> = Vec::new();
    for (u, a) in uploads.into_iter().zip(accepted) {
        let name = u.name.clone();
        match crate::pictures::store(&state.media_dir, u.bytes, a).await {
            Ok(Ok(s)) => stored.push(s),
            Ok(Err(p)) => {
                discard(state, &stored);
                return Ok(Err(picture_problem(ctx, p, &name)));
            }
            Err(e) => {
                discard(state, &stored);
                return Err(e);
            }
        }
    }
    Ok(Ok(stored))
}

pub(crate) fn discard(state: &AppState, stored: &[crate::pictures::Stored]) {
    for s in stored {
        crate::pictures::remove(&state.media_dir, &s.files);
    }
}
