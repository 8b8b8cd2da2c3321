//! `POST /admin/products/{id}/video` (`action` = save | remove; `video_url`, `video_poster`,
//! `video_captions`, `video_title`): the product's video — a file on this site with an optional
//! still and captions — set, replaced or removed. Checked by `domain::product_video`; audited;
//! the shops follow at once. A refused form comes back on the product's page with what was typed.

use super::page::{form_of, form_page, load};
use super::*;
use crate::auth::session;
use crate::db::{audit, product_video as store_video};
use crate::domain::product_video::{self as rules, Input};
use crate::web::{render_status, see_other};
use actix_web::http::StatusCode;

/// The video form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct VideoForm {
    #[serde(default)]
    pub video_url: String,
    #[serde(default)]
    pub video_poster: String,
    #[serde(default)]
    pub video_captions: String,
    #[serde(default)]
    pub video_title: String,
    #[serde(default)]
    pub action: String,
}

impl VideoForm {
    /// The stored video as the form shows it.
    pub fn of(stored: Option<rules::Video>) -> VideoForm {
        let Some(v) = stored else {
            return VideoForm::default();
        };
        VideoForm {
            video_url: v.url,
            video_poster: v.poster.unwrap_or_default(),
            video_captions: v.captions.unwrap_or_default(),
            video_title: v.title,
            action: String::new(),
        }
    }
}

/// `POST /admin/products/{id}/video`.
pub async fn video(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<VideoForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let mut form = form.into_inner();
    for field in [
        &mut form.video_url,
        &mut form.video_poster,
        &mut form.video_captions,
        &mut form.video_title,
    ] {
        *field = field.chars().take(400).collect();
    }
    let ctx = nav::staff_context(&req, &staff);
    let checked = match form.action.as_str() {
        "remove" => Ok(None),
        "save" => rules::check(&Input {
            url: &form.video_url,
            poster: &form.video_poster,
            captions: &form.video_captions,
            title: &form.video_title,
        })
        .map(Some),
        _ => return Err(AppError::BadRequest("unknown video action".into())),
    };
    match checked {
        Ok(video) => {
            let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
            let found = db::run_write(&state.pool, move |c| {
                if store::find(c, id)?.is_none() {
                    return Ok(false);
                }
                let before = store_video::of(c, id)?.map(|v| v.url);
                store_video::set(c, id, video.as_ref())?;
                store::touch(c, id, now)?;
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(actor),
                        action: "product_video",
                        subject_type: "product",
                        subject_id: &id.to_string(),
                        before: before.as_deref(),
                        after: video.as_ref().map(|v| v.url.as_str()),
                    },
                )?;
                Ok(true)
            })
            .await?;
            if !found {
                return Err(AppError::NotFound);
            }
            state.cache.clear();
            session::flash(
                &session,
                if form.action == "remove" {
                    "product-video-removed"
                } else {
                    "product-video-saved"
                },
            );
            Ok(see_other(format!("{PATH}/{id}#video-section")))
        }
        Err(errors) => {
            let (choices, stored) = load(&state, Some(id)).await?;
            let Some(e) = stored else {
                return Err(AppError::NotFound);
            };
            let errors = errors.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
            let product_form = form_of(&e, ctx.locale.code());
            let mut page = form_page(
                &state,
                ctx,
                &staff,
                &choices,
                Some(&e),
                product_form,
                Vec::new(),
            )
            .await?;
            if let Some(saved) = page.saved.as_mut() {
                saved.video_form = form;
                saved.video_errors = errors;
            }
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
