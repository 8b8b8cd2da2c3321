//! `POST /admin/content` and `POST /admin/content/{id}` (`action` = save | preview | delete).
//! "Preview" renders the Markdown as readers will see it without saving; "Save" checks the form
//! as a whole (`domain::content_form`), the address against every page and the product against
//! the catalog; "Remove" is refused while demo bookings name the page.

use super::PATH;
use super::form::{ContentForm, Extra, Preview, form_page, kept_by, reader_link};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, content_admin as store};
use crate::domain::content_form::{self as rules, Input, Publication};
use crate::domain::markdown;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::nav;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// What the audit log keeps of a page (as stored: before a change, and read back after it).
fn describe(p: &store::Full) -> String {
    format!(
        "{} /content/{} [{}, {}, industry {:?}, role {:?}, product {:?}, video {:?}, position {}, published {:?}, {} characters]",
        p.title,
        p.slug,
        p.kind,
        p.audience,
        p.industry,
        p.role,
        p.product_sku,
        p.video_url,
        p.position,
        p.published_at,
        p.body.chars().count()
    )
}

/// Saves, previews or removes; `id` None for a new page.
async fn act(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: Option<i64>,
    form: ContentForm,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = form.clipped();
    let now = chrono::Utc::now().naive_utc();
    let (before, bookings) = match id {
        Some(id) => {
            let (p, n) = db::run(&state.pool, move |c| {
                Ok((store::find(c, id)?, store::bookings(c, id)?))
            })
            .await?;
            (Some(p.ok_or(AppError::NotFound)?), n)
        }
        None => (None, 0),
    };
    let ctx = nav::staff_context(&req, &staff);
    let extra = |ctx: &PageContext, preview| Extra {
        id,
        link: before.as_ref().and_then(|p| reader_link(p, now)),
        kept_by: kept_by(ctx, bookings),
        preview,
    };
    match (form.action.as_str(), id) {
        ("delete", Some(id)) => {
            if bookings > 0 {
                let e = extra(&ctx, None);
                let shown = before.as_ref().map_or(form, |p| ContentForm::of(&state, p));
                let page = form_page(&state, ctx, &staff, e, shown, Vec::new()).await?;
                return render_status(&page, StatusCode::CONFLICT);
            }
            let was = before.as_ref().map(describe);
            let actor = staff.user.id;
            db::run_write(&state.pool, move |c| {
                if store::delete(c, id)? {
                    audit::record(
                        c,
                        &audit::Entry {
                            actor_user_id: Some(actor),
                            action: "content_deleted",
                            subject_type: "content",
                            subject_id: &id.to_string(),
                            before: was.as_deref(),
                            after: None,
                        },
                    )?;
                }
                Ok(())
            })
            .await?;
            state.cache.clear();
            session::flash(&session, "content-deleted");
            Ok(see_other(PATH))
        }
        ("preview", _) => {
            let preview = Preview {
                title: form.title.clone(),
                summary: form.summary.clone(),
                body_html: markdown::to_html(&form.body),
            };
            let e = extra(&ctx, Some(preview));
            render(&form_page(&state, ctx, &staff, e, form, Vec::new()).await?)
        }
        ("save", _) => {
            let e = extra(&ctx, None);
            save(ctx, staff, state, session, before, form, e).await
        }
        _ => Err(AppError::BadRequest("unknown content action".into())),
    }
}

/// Saves the form; a refused one is shown again with `extra` (the page's id, link and removal).
async fn save(
    ctx: PageContext,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    before: Option<store::Full>,
    form: ContentForm,
    extra: Extra,
) -> Result<HttpResponse, AppError> {
    let (id, now) = (extra.id, chrono::Utc::now().naive_utc());
    let checked = rules::check(&Input {
        kind: &form.kind,
        title: &form.title,
        slug: &form.slug,
        summary: &form.summary,
        body: &form.body,
        audience: &form.audience,
        industry: &form.industry,
        role: &form.role,
        product: &form.product,
        video: &form.video,
        captions: &form.captions,
        position: &form.position,
        publish_at: &form.publish_at,
        published: form.published.is_some(),
    });
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let draft = match checked {
        Ok(d) => Some(d),
        Err(e) => {
            errors.extend(e.into_iter().map(|(f, k)| (f, ctx.t(k))));
            None
        }
    };
    // The address and the product are checked against the database even when other fields are
    // wrong, so every problem shows at once.
    let slug = match (&draft, form.slug.trim()) {
        (Some(d), _) => Some(d.slug.clone()),
        (None, "") => None,
        (None, typed) => Some(typed.to_string()),
    };
    let sku = crate::domain::catalog::Sku::parse(&form.product)
        .ok()
        .map(|s| s.as_str().to_string());
    let (taken, product_id) = db::run(&state.pool, move |c| {
        let taken = match &slug {
            Some(s) => store::slug_taken(c, s, id)?,
            None => false,
        };
        let product = match &sku {
            Some(s) => Some(store::product_by_sku(c, s)?),
            None => None,
        };
        Ok((taken, product))
    })
    .await?;
    if taken {
        errors.push(("slug", ctx.t("content-form-slug-taken")));
    }
    if product_id == Some(None) {
        errors.push(("product", ctx.t("content-form-product-unknown")));
    }
    let Some(d) = draft.filter(|_| errors.is_empty()) else {
        let page = form_page(&state, ctx, &staff, extra, form, errors).await?;
        return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let published_at = match d.publication {
        Publication::Draft => None,
        // A page already out keeps its date; one going out now gets this moment.
        Publication::Now => Some(
            before
                .as_ref()
                .and_then(|p| p.published_at)
                .filter(|t| *t <= now)
                .unwrap_or(now),
        ),
        Publication::At(local) => Some(state.to_utc(local)),
    };
    let saved = store::Saved {
        kind: d.kind,
        slug: d.slug,
        title: d.title,
        summary: d.summary,
        body: d.body,
        audience: d.audience,
        industry: d.industry,
        role: d.role,
        product_id: product_id.flatten(),
        video_url: d.video_url,
        captions_url: d.captions_url,
        position: d.position,
        published_at,
    };
    let was = before.as_ref().map(describe);
    let actor = staff.user.id;
    let result = db::run_write(&state.pool, move |c| {
        let Some(saved_id) = store::save(c, id, &saved, now)? else {
            return Ok(None);
        };
        let after = store::find(c, saved_id)?.map(|p| describe(&p));
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if was.is_some() {
                    "content_changed"
                } else {
                    "content_created"
                },
                subject_type: "content",
                subject_id: &saved_id.to_string(),
                before: was.as_deref(),
                after: after.as_deref(),
            },
        )?;
        Ok(Some(saved_id))
    })
    .await;
    let saved_id = match result {
        Ok(found) => found.ok_or(AppError::NotFound)?,
        // Two saves raced for one address: the unique index refused the second.
        Err(e) if e.is_unique_violation() => {
            let errors = vec![("slug", ctx.t("content-form-slug-taken"))];
            let page = form_page(&state, ctx, &staff, extra, form, errors).await?;
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(e) => return Err(e.into()),
    };
    state.cache.clear();
    session::flash(&session, "content-saved");
    Ok(see_other(format!("{PATH}/{saved_id}")))
}

/// `POST /admin/content`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<ContentForm>,
) -> Result<HttpResponse, AppError> {
    act(req, staff, state, session, None, form.into_inner()).await
}

/// `POST /admin/content/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<ContentForm>,
) -> Result<HttpResponse, AppError> {
    let id = Some(id.into_inner());
    act(req, staff, state, session, id, form.into_inner()).await
}
