//! `POST /admin/categories/{id}/picture` (multipart): a category's own picture, shown on its
//! tile on the consumer home and when the category is shared. Uploaded as `picture` (checked by
//! its content and resized to the shop's widths under a generated name, as product pictures
//! are) or removed with `action=remove` (the tile shows the shop's plain motif again). The
//! files of a replaced picture are deleted once nothing uses them. Audited.

use super::form::{FormPage, saved_page};
use super::{PATH, changed};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, category_admin as store};
use crate::domain::pictures::{self as picture_rules, Problem};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::nav;
use crate::web::admin::products::{check_pictures, discard, picture_problem, store_pictures};
use crate::web::cases::files;
use crate::web::{render_status, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// `POST /admin/categories/{id}/picture`.
pub async fn picture(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let posted = files::read_files(parts, "picture", 1, picture_rules::MAX_BYTES).await;
    let ctx = nav::staff_context(&req, &staff);
    let stored = if posted.field("action") == "remove" {
        None
    } else {
        let Some(name) = posted.files.first().map(|f| f.name.clone()) else {
            let message = picture_problem(&ctx, Problem::Empty, "");
            return refuse(&req, &staff, &state, id, message).await;
        };
        let accepted = match check_pictures(&ctx, &posted.files) {
            Ok(accepted) => accepted,
            Err(message) => return refuse(&req, &staff, &state, id, message).await,
        };
        match store_pictures(&state, &ctx, posted.files, accepted).await? {
            Ok(mut written) => written.pop().map(|s| (s, name)),
            Err(message) => return refuse(&req, &staff, &state, id, message).await,
        }
    };
    let actor = staff.user.id;
    let picture = stored
        .as_ref()
        .map(|(s, name)| (s.url.clone(), s.srcset.clone(), name.clone()));
    let outcome = db::run_write(&state.pool, move |c| {
        let set = picture
            .as_ref()
            .map(|(url, srcset, _)| (url.as_str(), srcset.as_str()));
        let Some(was) = store::set_picture(c, id, set)? else {
            return Ok(None);
        };
        let after = match &picture {
            Some((url, _, name)) => format!("picture {name} ({url})"),
            None => "no picture".to_string(),
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "category_picture",
                subject_type: "category",
                subject_id: &id.to_string(),
                before: was.as_deref(),
                after: Some(&after),
            },
        )?;
        // The old picture's files go once no category or product shows them.
        Ok(Some(match was {
            Some(srcset) if !store::picture_in_use(c, &srcset)? => Some(srcset),
            _ => None,
        }))
    })
    .await;
    let written: Vec<crate::pictures::Stored> = stored.into_iter().map(|(s, _)| s).collect();
    match outcome {
        Ok(Some(unused)) => {
            if let Some(srcset) = unused {
                crate::pictures::remove(&state.media_dir, &crate::pictures::files_of(&srcset));
            }
            changed(&state).await?;
            session::flash(
                &session,
                if written.is_empty() {
                    "category-picture-removed"
                } else {
                    "category-picture-saved"
                },
            );
            Ok(see_other(format!("{PATH}/{id}#picture")))
        }
        Ok(None) => {
            discard(&state, &written);
            Err(AppError::NotFound)
        }
        Err(e) => {
            discard(&state, &written);
            Err(e.into())
        }
    }
}

/// The category's page again, saying what was wrong with the picture next to its field.
async fn refuse(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    id: i64,
    message: String,
) -> Result<HttpResponse, AppError> {
    let page = FormPage {
        picture_error: Some(message),
        ..saved_page(req, staff, state, id).await?
    };
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}
