//! `GET /products/{slug}`: gallery, video, price with VAT as the caller's segment sees it, stock,
//! specifications, related products, reviews and the head tags search engines read.

use super::catalog::{Crumb, breadcrumbs};
use super::reviews::{self, RatingView, ReviewForm, ReviewList, ReviewsView};
use crate::auth::Principal;
use crate::db;
use crate::domain::catalog::Slug;
use crate::domain::pricing::{Buyer, Segment};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::page_cache::{EMAIL_MARK, REVIEWS_MARK};
use crate::web::price_explain::{VolumeView, WhyPriceView, volume_prices};
use crate::web::seo::{self, SeoView};
use crate::web::shopper::Shopper;
use crate::web::views::{PriceView, ProductCardView, StockView, paragraphs, price_row};
use crate::web::{PageContext, Theme, page_cache};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
    /// The stored widths of an uploaded picture, for `srcset`.
    pub srcset: Option<String>,
}

pub struct VideoView {
    pub url: String,
    pub poster: String,
    pub captions: Option<String>,
    pub title: String,
}

/// Everything a product page shows, for either theme.
pub struct ProductView {
    pub name: String,
    pub sku: String,
    pub slug: String,
    pub brand: String,
    pub summary: String,
    pub description: Vec<String>,
    pub crumbs: Vec<Crumb>,
    pub images: Vec<ImageView>,
    pub video: Option<VideoView>,
    pub specs: Vec<(String, String)>,
    pub price: PriceView,
    /// A company buyer's breakdown ("why this price") and volume prices.
    pub why: Option<WhyPriceView>,
    pub volume: Vec<VolumeView>,
    /// A company buyer's requisition lists they may add this product to (id, name).
    pub lists: Vec<(i64, String)>,
    /// The add-to-list form as sent back: the list chosen, what was typed and what was wrong.
    pub list_form: ListForm,
    pub vat_line: String,
    pub stock: StockView,
    pub quantity_rule: Option<String>,
    pub delivery: String,
    pub related: Vec<ProductCardView>,
    /// Articles about this product: (kind, title, address).
    pub articles: Vec<(String, String, String)>,
    /// "Rated 4.3 of 5" and "12 reviews", when there are approved reviews.
    pub rating: Option<RatingView>,
    pub reviews: ReviewsView,
    /// The "notify me when it is back" form, when the product is out of stock.
    pub notify: Option<NotifyForm>,
    /// The add-to-cart form, when the product is in stock.
    pub add: Option<AddView>,
    pub seo: SeoView,
}

/// The back-in-stock form: the address (prefilled for signed-in people) and what was wrong.
#[derive(Default)]
pub struct NotifyForm {
    pub email: String,
    pub error: Option<String>,
}

/// The add-to-cart form as sent back: what was typed and what was wrong.
#[derive(Default)]
pub struct AddForm {
    pub quantity: String,
    pub error: Option<String>,
}

/// The add-to-cart form on the page: the product's SKU, the quantity field and its limits.
pub struct AddView {
    pub quantity: String,
    pub error: Option<String>,
    pub min: u32,
    pub step: u32,
    pub max: u32,
}

/// The add-to-list form as sent back: the list chosen, what was typed and what was wrong.
#[derive(Default)]
pub struct ListForm {
    pub list: i64,
    pub quantity: String,
    pub error: Option<String>,
}

/// Forms sent back to the product page with their problems.
#[derive(Default)]
pub struct SentForms {
    pub review: Option<ReviewForm>,
    pub notify: Option<NotifyForm>,
    pub add: Option<AddForm>,
    pub list: Option<ListForm>,
}

storefront_page!(
    product_pages,
    render_product_status,
    ProductView,
    "b2c/product.html",
    "b2b/product.html"
);

#[derive(Deserialize)]
pub struct ProductQuery {
    #[serde(default)]
    reviews: String,
    #[serde(default)]
    reviews_page: String,
}

/// `GET /products/{slug}` (`?reviews=helpful` lists the most helpful reviews first).
pub async fn product(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<ProductQuery>,
) -> Result<HttpResponse, AppError> {
    let list = ReviewList::parse(&query.reviews, &query.reviews_page);
    page(
        &req,
        &state,
        &slug,
        list,
        SentForms::default(),
        StatusCode::OK,
    )
    .await
}

/// The product page, with any forms sent back with their problems.
pub(crate) async fn page(
    req: &HttpRequest,
    state: &AppState,
    slug: &str,
    list: ReviewList,
    sent: SentForms,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(slug).ok_or(AppError::NotFound)?;
    let principal = Principal::of(req).await?;
    let shopper = Shopper::of(&principal, state);
    let (audience, segment) = (shopper.audience, shopper.segment());
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(req, theme, principal);
    let untouched = sent.review.is_none()
        && sent.notify.is_none()
        && sent.add.is_none()
        && sent.list.is_none()
        && status == StatusCode::OK;
    let shared = page_cache::key(&ctx).filter(|_| untouched);
    // Consumers share the page too, with their own reviews section and address in its holes.
    let holes = shared.is_some() && ctx.is_signed_in();
    if let Some(kept) = page_cache::kept(&state.cache, shared.as_deref()) {
        if !holes {
            return page_cache::answer(&kept, &ctx, &[]);
        }
        if let Some(page) = state.cache.peek_product_page(slug.as_str(), audience) {
            let view = reviews::for_viewer(state, &ctx, &page, list, None).await?;
            let rating = RatingView::of(&page, ctx.locale);
            let section = reviews::section(&ctx, &rating, &view)?;
            let email = own_email(&ctx);
            return page_cache::answer(
                &kept,
                &ctx,
                &[(REVIEWS_MARK, &section), (EMAIL_MARK, &email)],
            );
        }
    }
    let cache = state.cache.clone();
    let cached = cache
        .peek_product_page(slug.as_str(), audience)
        .zip(cache.peek_categories())
        .zip(shopper.peek(&cache));
    let ((page, all), buyer) = match cached {
        Some(hit) => hit,
        None => {
            db::run(&state.pool, move |c| {
                let Some(page) = cache.product_page(c, slug.as_str(), audience)? else {
                    return Err(diesel::result::Error::NotFound.into());
                };
                Ok(((page, cache.categories(c)?), shopper.buyer(&cache, c)?))
            })
            .await?
        }
    };
    let lists = match crate::db::lists::Viewer::for_principal(&ctx.principal) {
        Some(v) => db::run(&state.pool, move |c| db::lists::visible(c, v))
            .await?
            .into_iter()
            .filter(|(l, _)| l.editable_by(v))
            .map(|(l, _)| (l.id, l.name))
            .collect(),
        None => Vec::new(),
    };
    let detail = &page.detail;
    let related = &page.related;
    let locale = ctx.locale;
    let breakdown = price_row(&detail.card, &buyer);
    let stock = StockView::new(&detail.card, locale);
    let vat_line = locale.t_args(
        match segment {
            Segment::Consumer => "price-vat-included-line",
            Segment::Company => "price-vat-excluded-line",
        },
        &[
            ("rate", breakdown.tax_rate.percent().to_string()),
            ("vat", breakdown.unit_vat.format(locale.code())),
        ],
    );
    let mut crumbs = breadcrumbs(&all, detail.category.id, ctx.t("nav-home"));
    crumbs.push(Crumb {
        url: format!("/products/{}", detail.card.slug),
        name: detail.card.name.clone(),
    });
    let quantity_rule = (detail.min_qty > 1 || detail.qty_step > 1).then(|| {
        locale.t_args(
            "quantity-rule",
            &[
                ("min", detail.min_qty.to_string()),
                ("step", detail.qty_step.to_string()),
            ],
        )
    });
    let video = detail
        .media
        .iter()
        .find(|m| m.kind == "video")
        .map(|m| VideoView {
            url: m.url.clone(),
            poster: m.poster_url.clone().unwrap_or_default(),
            captions: m.captions_url.clone(),
            title: if m.alt.is_empty() {
                detail.card.name.clone()
            } else {
                m.alt.clone()
            },
        });
    let public = state.public_base_url();
    let reviews = page.rating.0;
    let average = reviews::average_rating(&page);
    let consumer_price = price_row(&detail.card, &Buyer::Consumer).unit_gross;
    let url = format!("{public}/products/{}", detail.card.slug);
    let crumb_pairs: Vec<(String, String)> = crumbs
        .iter()
        .map(|c| (format!("{public}{}", c.url), c.name.clone()))
        .collect();
    let images: Vec<String> = detail
        .media
        .iter()
        .filter(|m| m.kind == "image")
        .map(|m| format!("{public}{}", m.url))
        .collect();
    // The same for every visitor in a language: built once per cache period.
    let json_ld = state.cache.fragment(&detail.card.slug, locale.code(), || {
        seo::product(
            &seo::ProductFacts {
                url: &url,
                name: &detail.card.name,
                sku: &detail.card.sku,
                brand: detail.card.brand.as_deref().unwrap_or_default(),
                description: &detail.card.summary,
                images: images.clone(),
                price: format!("{:.2}", consumer_price.amount()),
                currency: consumer_price.currency().code(),
                in_stock: !stock.is_out(),
                rating: average.clone().map(|a| (a, reviews)),
            },
            &crumb_pairs,
        )
    });
    let seo = SeoView {
        canonical: url.clone(),
        description: detail.card.summary.clone(),
        og_type: "product",
        og_image: images.first().cloned(),
        noindex: false,
        json_ld: Some(json_ld),
    };
    let rating = RatingView::of(&page, locale);
    let reviews = reviews::for_viewer(state, &ctx, &page, list, sent.review).await?;
    // On a shared page the reviews section and address are holes, filled per person.
    let (section, email) = if holes {
        (reviews::section(&ctx, &rating, &reviews)?, own_email(&ctx))
    } else {
        (String::new(), String::new())
    };
    let notify = stock.is_out().then(|| {
        sent.notify.unwrap_or_else(|| NotifyForm {
            email: if holes {
                EMAIL_MARK.to_string()
            } else {
                ctx.principal
                    .user()
                    .map(|u| u.email.clone())
                    .unwrap_or_default()
            },
            error: None,
        })
    });
    let add = (!stock.is_out()).then(|| {
        let rules = crate::domain::cart::QuantityRules::new(
            segment,
            detail.min_qty,
            detail.qty_step,
            detail.max_qty,
        );
        let sent = sent.add.unwrap_or_default();
        AddView {
            quantity: if sent.error.is_some() {
                sent.quantity
            } else {
                rules.min.to_string()
            },
            error: sent.error,
            min: rules.min,
            step: rules.step,
            max: rules.max,
        }
    });
    let v = ProductView {
        add,
        seo,
        rating,
        reviews,
        notify,
        images: detail
            .media
            .iter()
            .filter(|m| m.kind == "image")
            .map(|m| ImageView {
                url: m.url.clone(),
                alt: m.alt.clone(),
                width: m.width.unwrap_or(800),
                height: m.height.unwrap_or(800),
                srcset: m.srcset.clone(),
            })
            .collect(),
        video,
        description: paragraphs(&detail.description, "\n\n"),
        specs: detail.specs.clone(),
        price: PriceView::from_breakdown(&breakdown, locale),
        why: WhyPriceView::new(&breakdown, &buyer, locale),
        volume: volume_prices(&detail.card, &buyer, locale),
        lists,
        list_form: sent.list.unwrap_or_default(),
        vat_line,
        delivery: if stock.is_out() {
            locale.t("delivery-when-back")
        } else {
            locale.t("delivery-estimate")
        },
        stock,
        quantity_rule,
        related: ProductCardView::list(related, &buyer, locale),
        articles: page
            .articles
            .iter()
            .map(|a| {
                (
                    locale.t(&format!("content-kind-{}", a.kind.replace('_', "-"))),
                    a.title.clone(),
                    format!("/content/{}", a.slug),
                )
            })
            .collect(),
        crumbs,
        name: detail.card.name.clone(),
        sku: detail.card.sku.clone(),
        slug: detail.card.slug.clone(),
        brand: detail.card.brand.clone().unwrap_or_default(),
        summary: detail.card.summary.clone(),
    };
    page_cache::render_with(
        &state.cache,
        shared,
        ctx,
        &[(REVIEWS_MARK, &section), (EMAIL_MARK, &email)],
        |ctx| render_product_status(ctx, v, status),
    )
}

/// The signed-in person's address for a form's value, escaped.
fn own_email(ctx: &PageContext) -> String {
    ctx.principal
        .user()
        .map(|u| ammonia::clean_text(&u.email))
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct NotifyInput {
    #[serde(default)]
    email: String,
}

/// `POST /products/{slug}/notify`: anyone, signed in or not, asks for an e-mail when the product
/// is back in stock.
pub async fn notify(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: actix_session::Session,
    slug: web::Path<String>,
    form: web::Form<NotifyInput>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .storefront_forms_ip
        .check(&crate::web::client_ip(&req))?;
    let slug = Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let typed = form.into_inner().email;
    let Ok(email) = crate::domain::accounts::Email::parse(&typed) else {
        let principal = Principal::of(&req).await?;
        let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
        let sent = SentForms {
            notify: Some(NotifyForm {
                email: typed.trim().to_string(),
                error: Some(locale.t("register-email-invalid")),
            }),
            ..Default::default()
        };
        return page(
            &req,
            &state,
            slug.as_str(),
            ReviewList::FIRST,
            sent,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let principal = Principal::of(&req).await?;
    let audience = Shopper::of(&principal, &state).audience;
    let wanted = slug.as_str().to_string();
    let now = chrono::Utc::now().naive_utc();
    db::run_write(&state.pool, move |c| {
        let Some(product) = db::catalog::product_by_slug(c, &wanted, audience)? else {
            return Err(diesel::result::Error::NotFound.into());
        };
        db::back_in_stock::subscribe(c, product.card.id, email.as_str(), now)
    })
    .await?;
    crate::auth::session::flash(&session, "notify-thanks");
    Ok(HttpResponse::SeeOther()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/products/{}", slug.as_str()),
        ))
        .finish())
}
