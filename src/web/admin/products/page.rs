//! The product page in admin: its page struct and view models, what a stored product shows
//! beside its form (pictures, stock and its ledger, the prices both shops will show), and
//! loading what the form's selects offer.

use super::*;
use crate::db::stock as ledger;
use crate::domain::pictures as picture_rules;
use crate::domain::pricing::{self, PriceInput, Segment, TaxRate};
use crate::web::admin::nav::Choice;

/// The form as typed.
pub use crate::domain::product_form::Fields as ProductForm;

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
    /// Whether the product has a video (the form then offers to remove it).
    pub has_video: bool,
    /// The video form: the stored video, or what was typed when it was refused.
    pub video_form: super::video::VideoForm,
    pub video_errors: Vec<(&'static str, String)>,
    /// Uploaded files the video form offers to pick.
    pub library: crate::web::admin::files::Library,
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

    pub fn video_error(&self, field: &str) -> Option<&str> {
        self.saved
            .as_ref()
            .and_then(|s| nav::field_error(&s.video_errors, field))
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

/// A stored product as its form shows it (the price as people type it here: "1 249,00").
pub(super) fn form_of(e: &store::Editable, locale: &str) -> ProductForm {
    let price = Money::from_minor(e.row.list_price_minor, Currency::Sek).format(locale);
    ProductForm {
        price: price
            .trim_end_matches(" kr")
            .trim_end_matches("\u{a0}kr")
            .trim_start_matches("SEK ")
            .trim_start_matches("SEK\u{a0}")
            .to_string(),
        ..crate::db::product_files::fields_of(e)
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
            // "Standard rate 25 %" already says its rate; other names get it added.
            label: match TaxRate::from_bp(*bp) {
                Some(t) if !name.contains('%') => format!("{name} ({} %)", t.percent()),
                _ => name.clone(),
            },
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
    let (moves, video) = db::run(&state.pool, move |c| {
        Ok((ledger::movements(c, id, 20)?, db::product_video::of(c, id)?))
    })
    .await?;
    let library = crate::web::admin::files::Library::load(state).await?;
    let images: Vec<&store::MediaRow> = e.media.iter().filter(|m| m.kind == "image").collect();
    let count = images.len();
    Ok(Saved {
        library,
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
        has_video: video.is_some(),
        video_form: super::video::VideoForm::of(video),
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
        video_errors: Vec::new(),
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
