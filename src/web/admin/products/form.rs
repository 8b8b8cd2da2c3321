//! A product's form: `GET /admin/products/new`, `POST /admin/products`, `GET|POST
//! /admin/products/{id}`. The form is multipart so new pictures come with it: the fields are
//! checked as a whole and the pictures by their content before anything is stored; pictures are
//! then resized to the storefront's widths and saved with the product in one transaction
//! (their files removed again if it fails). Audited; caches cleared.

use super::page::{ProductForm, form_of, form_page, load};
use super::pictures::{check_pictures, discard, store_pictures};
use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::domain::pictures as picture_rules;
use crate::domain::product_form::{self as rules, Draft, Known, Refusal};
use crate::web::cases::files::{self, Posted};
use crate::web::{render_status, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;

/// The form as posted, each field cut to a size a page can hold.
fn typed(p: &Posted) -> (ProductForm, String) {
    let clip = |name: &str, n: usize| p.field(name).chars().take(n).collect::<String>();
    let form = ProductForm {
        sku: clip("sku", 60),
        name: clip("name", rules::NAME_MAX + 50),
        slug: clip("slug", 160),
        summary: clip("summary", rules::SUMMARY_MAX + 100),
        description: clip("description", rules::DESCRIPTION_MAX + 1000),
        brand: clip("brand", 20),
        category: clip("category", 20),
        tax_class: clip("tax_class", 40),
        price: clip("price", 30),
        min_qty: clip("min_qty", 12),
        qty_step: clip("qty_step", 12),
        max_qty: clip("max_qty", 12),
        audience: clip("audience", 10),
        seo_title: clip("seo_title", rules::SEO_TITLE_MAX + 50),
        seo_description: clip("seo_description", rules::SEO_DESCRIPTION_MAX + 100),
        specs: clip("specs", 12_000),
        low_stock: clip("low_stock", 12),
        featured: !p.field("featured").is_empty(),
        active: !p.field("active").is_empty(),
    };
    (form, clip("picture_alt", picture_rules::ALT_MAX + 50))
}

/// The message of a refused field.
fn message(ctx: &PageContext, r: &Refusal) -> String {
    ctx.locale.t_args(r.key, &[("count", r.count.to_string())])
}

/// `GET /admin/products/new`.
pub async fn new(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let (choices, _) = load(&state, None).await?;
    let form = ProductForm::new_product();
    render(&form_page(&state, ctx, &staff, &choices, None, form, Vec::new()).await?)
}

/// `GET /admin/products/{id}`.
pub async fn edit(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let (choices, stored) = load(&state, Some(id.into_inner())).await?;
    let Some(e) = stored else {
        return Err(AppError::NotFound);
    };
    let form = form_of(&e, ctx.locale.code());
    let page = form_page(&state, ctx, &staff, &choices, Some(&e), form, Vec::new()).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// What the audit log keeps of a product.
fn audited(d: &Draft, featured: bool, active: bool) -> String {
    format!(
        "{} {} [/{}, category {}, {} öre excl. VAT, {}, {}, min {} step {}{}{}]",
        d.sku,
        d.name,
        d.slug,
        d.category_id,
        d.list_price_minor,
        d.tax_class,
        d.audience,
        d.min_qty,
        d.qty_step,
        if featured { ", featured" } else { "" },
        if active { "" } else { ", archived" },
    )
}

fn audited_row(r: &store::ProductRow) -> String {
    format!(
        "{} {} [/{}, category {}, {} öre excl. VAT, {}, {}, min {} step {}{}{}]",
        r.sku,
        r.name,
        r.slug,
        r.category_id,
        r.list_price_minor,
        r.tax_class,
        r.audience,
        r.min_qty,
        r.qty_step,
        if r.featured { ", featured" } else { "" },
        if r.active { "" } else { ", archived" },
    )
}

/// The form again with what was wrong (422).
async fn refused(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    choices: &store::Choices,
    stored: Option<&store::Editable>,
    (form, picture_alt): (ProductForm, String),
    errors: Vec<(&'static str, String)>,
) -> Result<HttpResponse, AppError> {
    let mut page = form_page(state, ctx, staff, choices, stored, form, errors).await?;
    page.picture_alt = picture_alt;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

/// Saves a new product (`id` None) or changes one, with any pictures sent along.
async fn save(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: Option<i64>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let posted = files::read_files(
        parts,
        "pictures",
        picture_rules::MAX_FILES,
        picture_rules::MAX_BYTES,
    )
    .await;
    let ctx = nav::staff_context(&req, &staff);
    let (choices, stored) = load(&state, id).await?;
    let (form, picture_alt) = typed(&posted);
    let category_ids: Vec<i64> = choices.categories.iter().map(|c| c.0).collect();
    let brand_ids: Vec<i64> = choices.brands.iter().map(|b| b.0).collect();
    let tax_codes: Vec<&str> = choices.tax_classes.iter().map(|t| t.0.as_str()).collect();
    let known = Known {
        categories: &category_ids,
        brands: &brand_ids,
        tax_classes: &tax_codes,
    };
    let checked = rules::check(&form.input(), &known);
    let pictures = check_pictures(&ctx, &posted.files);
    let mut errors: Vec<(&'static str, String)> = match &checked {
        Ok(_) => Vec::new(),
        Err(refused) => refused
            .iter()
            .map(|r| (r.field, message(&ctx, r)))
            .collect(),
    };
    if let Err(p) = &pictures {
        errors.push(("pictures", p.clone()));
    }
    let refuse = |ctx, form: ProductForm, errors| {
        let typed = (form, picture_alt.clone());
        refused(
            &state,
            ctx,
            &staff,
            &choices,
            stored.as_ref(),
            typed,
            errors,
        )
    };
    let (Ok(draft), Ok(accepted)) = (checked, pictures) else {
        if !posted.files.is_empty() && !errors.iter().any(|(f, _)| *f == "pictures") {
            errors.push(("pictures", ctx.t("picture-choose-again")));
        }
        return refuse(ctx, form, errors).await;
    };
    // A taken SKU or address is said before any picture is processed.
    let (sku, slug) = (draft.sku.clone(), draft.slug.clone());
    let (sku_taken, slug_taken) =
        db::run(&state.pool, move |c| store::taken(c, &sku, &slug, id)).await?;
    let had_files = !posted.files.is_empty();
    let taken_errors = move |ctx: &PageContext, sku_taken: bool, slug_taken: bool| {
        let mut e = Vec::new();
        if sku_taken {
            e.push(("sku", ctx.t("product-sku-taken")));
        }
        if slug_taken {
            e.push(("slug", ctx.t("product-slug-taken")));
        }
        if had_files {
            e.push(("pictures", ctx.t("picture-choose-again")));
        }
        e
    };
    if sku_taken || slug_taken {
        let errors = taken_errors(&ctx, sku_taken, slug_taken);
        return refuse(ctx, form, errors).await;
    }
    let names: Vec<String> = posted.files.iter().map(|f| f.name.clone()).collect();
    let stored_pictures = match store_pictures(&state, &ctx, posted.files, accepted).await? {
        Ok(s) => s,
        Err(problem) => return refuse(ctx, form, vec![("pictures", problem)]).await,
    };
    let alt = picture_rules::clean_alt(&picture_alt);
    let (featured, active) = (form.featured, form.active);
    let before = stored.as_ref().map(|e| audited_row(&e.row));
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let pics = stored_pictures.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let (sku_taken, slug_taken) = store::taken(c, &draft.sku, &draft.slug, id)?;
        if sku_taken || slug_taken {
            return Ok(Err((sku_taken, slug_taken)));
        }
        let saved_id = match id {
            Some(id) => {
                if !store::update(c, id, &draft, featured, active, now)? {
                    return Err(db::DbError::Query(diesel::result::Error::NotFound));
                }
                id
            }
            None => store::create(c, &draft, featured, active, now)?,
        };
        for (p, name) in pics.iter().zip(&names) {
            let alt = if alt.is_empty() {
                draft.name.clone()
            } else {
                alt.clone()
            };
            let media_id = store::add_picture(
                c,
                saved_id,
                &store::NewPicture {
                    url: &p.url,
                    srcset: &p.srcset,
                    alt: &alt,
                    width: i32::try_from(p.width).unwrap_or(0),
                    height: i32::try_from(p.height).unwrap_or(0),
                },
            )?;
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "product_picture_add",
                    subject_type: "product",
                    subject_id: &saved_id.to_string(),
                    before: None,
                    after: Some(&format!("picture {media_id} {} from “{name}”", p.url)),
                },
            )?;
        }
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if id.is_some() {
                    "product_update"
                } else {
                    "product_create"
                },
                subject_type: "product",
                subject_id: &saved_id.to_string(),
                before: before.as_deref(),
                after: Some(&audited(&draft, featured, active)),
            },
        )?;
        Ok(Ok(saved_id))
    })
    .await;
    match outcome {
        Ok(Ok(saved_id)) => {
            state.cache.clear();
            session::flash(&session, "product-saved");
            Ok(see_other(format!("{PATH}/{saved_id}")))
        }
        Ok(Err((sku_taken, slug_taken))) => {
            discard(&state, &stored_pictures);
            let errors = taken_errors(&ctx, sku_taken, slug_taken);
            refuse(ctx, form, errors).await
        }
        // Saved at the same moment by someone else: the unique index said no.
        Err(e) if e.is_unique_violation() => {
            discard(&state, &stored_pictures);
            let errors = taken_errors(&ctx, true, false);
            refuse(ctx, form, errors).await
        }
        Err(e) => {
            discard(&state, &stored_pictures);
            if e.is_not_found() {
                return Err(AppError::NotFound);
            }
            Err(e.into())
        }
    }
}

/// `POST /admin/products` (multipart).
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    save(req, staff, state, session, None, parts).await
}

/// `POST /admin/products/{id}` (multipart).
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    save(req, staff, state, session, Some(id.into_inner()), parts).await
}
