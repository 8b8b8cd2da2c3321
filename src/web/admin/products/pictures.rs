//! `POST /admin/products/{id}/pictures/{media}`: one picture of a product moved earlier or
//! later (`action` = up | down), given a new alternative text (`alt`), or removed (its files
//! are deleted once no product uses them). New pictures come with the product's form.

use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::domain::pictures::clean_alt;
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
