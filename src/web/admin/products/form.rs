//! A product's form: `GET /admin/products/new`, `POST /admin/products`, `GET|POST
//! /admin/products/{id}`. The form is multipart so new pictures come with it: the fields are
//! checked as a whole and the pictures by their content before anything is stored; pictures are
//! then resized to the storefront's widths and saved with the product in one transaction
//! (their files removed again if it fails). Audited; caches cleared.

use super::*;
use crate::auth::session;
use crate::db::{audit, stock as ledger};
use crate::domain::pictures as picture_rules;
use crate::domain::pricing::{self, PriceInput, Segment, TaxRate};
use crate::domain::product_form::{self as rules, Draft, Known, Refusal};
use crate::web::admin::nav::Choice;
use crate::web::cases::files::{self, Posted, Upload};
use crate::web::{render_status, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;

/// A picture of the product as its form lists it.
pub struct PictureView {
    pub id: i64,
    pub url: String,
    pub alt: String,
    pub first: bool,
    pub last: bool,
}

/// A line of the stock ledger.
pub struct MovementView {
    pub when: String,
    pub delta: String,
    pub reason: String,
    pub note: String,
    pub who: String,
}

/// What an existing product's page shows beside its form.
pub struct Saved {
    pub active: bool,
    /// The product's address in the storefront.
    pub store_url: String,
    pub pictures: Vec<PictureView>,
    /// "1 video" when the product has any (videos are not managed here yet).
    pub videos: Option<String>,
    /// "Consumers pay 1 249,00 kr incl. VAT · companies without an agreement 999,20 kr excl. VAT".
    pub prices: String,
    pub on_hand: i32,
    pub reserved: i32,
    pub movements: Vec<MovementView>,
    pub reasons: Vec<Choice>,
    pub stock_form: stock::StockForm,
    pub stock_errors: Vec<(&'static str, String)>,
    pub picture_error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/product_form.html")]
pub struct ProductFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    /// `None` for a new product.
    pub id: Option<i64>,
    pub form: ProductForm,
    pub categories: Vec<OptionView>,
    pub brands: Vec<OptionView>,
    pub tax_classes: Vec<OptionView>,
    pub audiences: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
    pub saved: Option<Saved>,
    pub max_files: usize,
    /// The description typed for new pictures.
    pub picture_alt: String,
}

impl ProductFormPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }

    pub fn stock_error(&self, field: &str) -> Option<&str> {
        self.saved
            .as_ref()
            .and_then(|s| nav::field_error(&s.stock_errors, field))
    }

    pub fn action(&self) -> String {
        match self.id {
            Some(id) => format!("{PATH}/{id}"),
            None => PATH.to_string(),
        }
    }
}

/// The form as typed.
pub use crate::domain::product_form::Fields as ProductForm;

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

/// A stored product as its form shows it.
pub(super) fn form_of(e: &store::Editable, locale: &str) -> ProductForm {
    let r = &e.row;
    let price = Money::from_minor(r.list_price_minor, Currency::Sek).format(locale);
    ProductForm {
        sku: r.sku.clone(),
        name: r.name.clone(),
        slug: r.slug.clone(),
        summary: r.summary.clone(),
        description: r.description.clone(),
        brand: r.brand_id.map(|b| b.to_string()).unwrap_or_default(),
        category: r.category_id.to_string(),
        tax_class: r.tax_class.clone(),
        // The amount without the currency, as it is typed ("1 249,00").
        price: price
            .trim_end_matches(" kr")
            .trim_end_matches("\u{a0}kr")
            .trim_start_matches("SEK ")
            .to_string(),
        min_qty: r.min_qty.to_string(),
        qty_step: r.qty_step.to_string(),
        max_qty: r.max_qty.map(|m| m.to_string()).unwrap_or_default(),
        audience: r.audience.clone(),
        seo_title: r.seo_title.clone(),
        seo_description: r.seo_description.clone(),
        specs: rules::specs_text(&e.specs),
        low_stock: e.stock.low_stock_threshold.to_string(),
        featured: r.featured,
        active: r.active,
    }
}

/// The message of a refused field.
fn message(ctx: &PageContext, r: &Refusal) -> String {
    ctx.locale.t_args(r.key, &[("count", r.count.to_string())])
}

/// The words for a picture that was refused.
pub fn picture_problem(ctx: &PageContext, p: picture_rules::Problem, name: &str) -> String {
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
pub fn check_pictures(
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
pub async fn store_pictures(
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

pub fn discard(state: &AppState, stored: &[crate::pictures::Stored]) {
    for s in stored {
        crate::pictures::remove(&state.media_dir, &s.files);
    }
}

/// The prices the storefronts show for a list price, through the one pricing pipeline.
fn prices_line(ctx: &PageContext, list_minor: i64, tax_bp: i32) -> String {
    let tax = TaxRate::from_bp(tax_bp).unwrap_or(TaxRate::STANDARD);
    let at = |segment| {
        pricing::price(&PriceInput {
            list_price: Money::from_minor(list_minor, Currency::Sek),
            tax_rate: tax,
            quantity: 1,
            segment,
            agreement: None,
        })
        .shown_unit()
        .format(ctx.locale.code())
    };
    ctx.locale.t_args(
        "product-prices-shown",
        &[
            ("consumer", at(Segment::Consumer)),
            ("company", at(Segment::Company)),
        ],
    )
}

/// The selects' choices for what `form` holds.
fn options(
    ctx: &PageContext,
    choices: &store::Choices,
    form: &ProductForm,
) -> (Vec<OptionView>, Vec<OptionView>, Vec<OptionView>) {
    let mut categories = vec![OptionView {
        value: String::new(),
        label: ctx.t("product-category-choose"),
        selected: form.category.is_empty(),
    }];
    categories.extend(
        category_tree(&choices.categories)
            .into_iter()
            .map(|(id, depth, name)| OptionView {
                selected: id.to_string() == form.category,
                value: id.to_string(),
                label: indented(depth, &name),
            }),
    );
    let mut brands = vec![OptionView {
        value: String::new(),
        label: ctx.t("product-brand-none"),
        selected: form.brand.is_empty(),
    }];
    brands.extend(choices.brands.iter().map(|(id, name)| OptionView {
        selected: id.to_string() == form.brand,
        value: id.to_string(),
        label: name.clone(),
    }));
    let tax_classes = choices
        .tax_classes
        .iter()
        .map(|(code, name, bp)| OptionView {
            selected: *code == form.tax_class,
            value: code.clone(),
            label: format!(
                "{name} ({} %)",
                TaxRate::from_bp(*bp)
                    .map(|t| t.percent().to_string())
                    .unwrap_or_default()
            ),
        })
        .collect();
    (categories, brands, tax_classes)
}

/// What the page of a stored product shows beside its form.
async fn saved_view(
    state: &AppState,
    ctx: &PageContext,
    e: &store::Editable,
    tax_bp: i32,
) -> Result<Saved, AppError> {
    let id = e.row.id;
    let moves = db::run(&state.pool, move |c| ledger::movements(c, id, 20)).await?;
    let images: Vec<&store::MediaRow> = e.media.iter().filter(|m| m.kind == "image").collect();
    let count = images.len();
    Ok(Saved {
        active: e.row.active,
        store_url: format!("/products/{}", e.row.slug),
        pictures: images
            .iter()
            .enumerate()
            .map(|(i, m)| PictureView {
                id: m.id,
                url: m.url.clone(),
                alt: m.alt.clone(),
                first: i == 0,
                last: i + 1 == count,
            })
            .collect(),
        videos: match e.media.iter().filter(|m| m.kind == "video").count() {
            0 => None,
            n => Some(ctx.locale.t_count("product-videos", n as i64)),
        },
        prices: prices_line(ctx, e.row.list_price_minor, tax_bp),
        on_hand: e.stock.on_hand,
        reserved: e.stock.reserved,
        movements: moves
            .into_iter()
            .map(|m| MovementView {
                when: crate::web::b2b::demos::when_label(state, m.created_at, ctx.locale),
                delta: if m.delta > 0 {
                    format!("+{}", m.delta)
                } else {
                    m.delta.to_string()
                },
                reason: ctx.t(&format!("stock-reason-{}", m.reason.replace(' ', "-"))),
                note: m.reference,
                who: m.actor.unwrap_or_default(),
            })
            .collect(),
        reasons: stock::reasons(ctx, ""),
        stock_form: stock::StockForm::default(),
        stock_errors: Vec::new(),
        picture_error: None,
    })
}

/// Builds the page for `form` (and, for a stored product, what it shows beside the form).
#[allow(clippy::too_many_arguments)]
pub(super) async fn form_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    choices: &store::Choices,
    stored: Option<&store::Editable>,
    form: ProductForm,
    errors: Vec<(&'static str, String)>,
) -> Result<ProductFormPage, AppError> {
    let (categories, brands, tax_classes) = options(&ctx, choices, &form);
    let saved = match stored {
        Some(e) => {
            let bp = choices
                .tax_classes
                .iter()
                .find(|(code, _, _)| *code == e.row.tax_class)
                .map_or(2500, |(_, _, bp)| *bp);
            Some(saved_view(state, &ctx, e, bp).await?)
        }
        None => None,
    };
    let alert = (!errors.is_empty()).then(|| ctx.t("product-fix-errors"));
    Ok(ProductFormPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        id: stored.map(|e| e.row.id),
        audiences: AUDIENCES
            .iter()
            .map(|a| Choice {
                value: a,
                label: audience_label(&ctx, a),
                selected: *a == form.audience,
            })
            .collect(),
        form,
        categories,
        brands,
        tax_classes,
        errors,
        alert,
        saved,
        max_files: picture_rules::MAX_FILES,
        picture_alt: String::new(),
        ctx,
    })
}

/// Loads the form's choices and, for `id`, the product (404 when it is gone).
pub(super) async fn load(
    state: &AppState,
    id: Option<i64>,
) -> Result<(store::Choices, Option<store::Editable>), AppError> {
    let (choices, stored) = db::run(&state.pool, move |c| {
        Ok((
            store::choices(c)?,
            match id {
                Some(id) => store::find(c, id)?,
                None => None,
            },
        ))
    })
    .await?;
    if id.is_some() && stored.is_none() {
        return Err(AppError::NotFound);
    }
    Ok((choices, stored))
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
        Err(db::DbError::Query(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ))) => {
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
