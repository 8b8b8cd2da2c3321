//! `/cart`: the storefront cart in the caller's theme — lines with prices as the buyer's segment
//! sees them, quantities, save for later, and notices when a price or the stock changed since the
//! line was added. Adding happens from product pages (`POST /cart/add`).

use crate::auth::{Principal, session};
use crate::db::{self, carts, carts::Owner};
use crate::domain::cart::{PricedLine, QuantityError, QuantityRules, totals};
use crate::domain::checkout::discounted_goods;
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::{Buyer, Segment};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::price_explain::WhyPriceView;
use crate::web::shopper::Shopper;
use crate::web::views::{StockView, price_row_qty};
use crate::web::{PageContext, Theme, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

mod lines;

pub use lines::{AddInput, QuantityInput, add, export, remove, restore, save, update};

/// One line as the cart page shows it.
pub struct CartLineView {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub sku: String,
    pub image_url: String,
    pub unit_price: String,
    pub line_total: String,
    /// A company buyer's breakdown of the unit price at this quantity.
    pub why: Option<WhyPriceView>,
    /// What the quantity field shows: the stored quantity, or what was typed when it was refused.
    pub quantity: String,
    pub error: Option<String>,
    pub rules: QuantityRules,
    pub stock: Option<StockView>,
    /// The product is no longer sold (or not to this buyer): only removing is offered.
    pub unavailable: bool,
}

pub struct SummaryRow {
    pub label: String,
    pub amount: String,
}

pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub saved: Vec<CartLineView>,
    pub notices: Vec<String>,
    pub items_label: String,
    pub summary: Vec<SummaryRow>,
    pub total_label: String,
    pub total: String,
    pub price_note: String,
    /// Company buyers may ask for a quote on the cart instead.
    pub quote_request: bool,
}

storefront_page!(
    cart_pages,
    render_cart,
    CartView,
    "b2c/cart.html",
    "b2b/cart.html"
);

/// The cart of this principal; a guest without a cart token has none.
pub(crate) fn owner(principal: &Principal, session: &Session) -> Option<Owner> {
    match principal {
        Principal::Anonymous => session::guest_cart(session).map(|token| Owner::Guest { token }),
        Principal::CompanyUser { user, company, .. } => Some(Owner::Person {
            user_id: user.id,
            company_id: Some(company.id),
        }),
        Principal::Consumer(user) | Principal::Staff { user, .. } => Some(Owner::Person {
            user_id: user.id,
            company_id: None,
        }),
    }
}

/// The owner for a change: a guest gets a cart token now.
fn owner_for_change(principal: &Principal, session: &Session) -> Result<Owner, AppError> {
    if let Some(owner) = owner(principal, session) {
        return Ok(owner);
    }
    let token = db::tokens::random_token();
    session::set_guest_cart(session, &token)?;
    Ok(Owner::Guest { token })
}

/// After any sign-in: the guest cart of this browser joins the person's cart, and the header
/// count is the person's.
pub async fn after_sign_in(
    state: &AppState,
    session: &Session,
    user_id: i64,
    company_id: Option<i64>,
) -> Result<(), AppError> {
    let guest = session::guest_cart(session);
    let now = chrono::Utc::now().naive_utc();
    let person = Owner::Person {
        user_id,
        company_id,
    };
    let items = db::run_write(&state.pool, move |c| {
        if let Some(token) = guest
            && let Some(from) = carts::find(c, &Owner::Guest { token })?
        {
            let into = carts::find_or_create(c, &person, now)?;
            carts::merge(c, from, into)?;
        }
        match carts::find(c, &person)? {
            Some(id) => carts::items(c, id),
            None => Ok(0),
        }
    })
    .await?;
    session::forget_guest_cart(session);
    session::set_cart_items(session, items);
    Ok(())
}

pub(crate) fn quantity_message(error: &QuantityError, locale: Locale) -> String {
    let (key, args) = error.message();
    locale.t_args(key, &args)
}

/// A refused quantity on a line, shown on the cart page.
struct Refused {
    line_id: i64,
    typed: String,
    message: String,
}

/// `GET /cart`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    page(&req, &state, &session, None, StatusCode::OK).await
}

async fn page(
    req: &HttpRequest,
    state: &AppState,
    session: &Session,
    refused: Option<Refused>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let shopper = Shopper::of(&principal, state);
    let (audience, segment) = (shopper.audience, shopper.segment());
    let owner = owner(&principal, session);
    let theme = Theme::storefront_for(&principal);
    let locale = crate::web::context::request_locale(req, &principal, state.default_locale);
    let cache = state.cache.clone();
    // Re-check every line: prices against what the buyer saw, quantities against the stock.
    let checked = db::run_write(&state.pool, move |c| {
        let Some(owner) = owner else {
            return Ok(Vec::new());
        };
        let Some(cart_id) = carts::find(c, &owner)? else {
            return Ok(Vec::new());
        };
        let buyer = shopper.buyer(&cache, c)?;
        let mut lines = carts::lines(c, cart_id, audience)?;
        let mut notices = Vec::new();
        for line in lines.iter_mut() {
            let Some(card) = &line.card else {
                notices.push(Notice::Unavailable);
                continue;
            };
            if line.saved_for_later {
                continue;
            }
            let quantity = u32::try_from(line.quantity).unwrap_or(0);
            let shown = price_row_qty(&card.row, &buyer, quantity).shown_unit();
            let shown_minor = shown.to_minor().unwrap_or(0);
            if let Some(seen) = line.seen_price_minor.filter(|seen| *seen != shown_minor) {
                notices.push(Notice::PriceChanged {
                    name: card.row.name.clone(),
                    old: Money::from_minor(seen, shown.currency()),
                    new: shown,
                });
            }
            if line.seen_price_minor != Some(shown_minor) {
                carts::set_seen_price(c, cart_id, line.id, shown_minor)?;
            }
            let available = i64::from(card.row.on_hand.unwrap_or(0))
                - i64::from(card.row.reserved.unwrap_or(0));
            if available <= 0 {
                notices.push(Notice::OutOfStock(card.row.name.clone()));
            } else if i64::from(line.quantity) > available {
                let now = i32::try_from(available).unwrap_or(i32::MAX);
                carts::set_quantity(c, cart_id, line.id, now)?;
                line.quantity = now;
                notices.push(Notice::Reduced {
                    name: card.row.name.clone(),
                    available,
                });
            }
        }
        let ids: Vec<i64> = lines
            .iter()
            .filter_map(|l| l.card.as_ref().map(|card| card.row.id))
            .collect();
        let offers = db::cart_rules::offers(c, &ids, chrono::Utc::now().naive_utc())?;
        Ok(vec![(lines, notices, offers, buyer)])
    })
    .await?;
    let (lines, notices, offers, buyer) = checked.into_iter().next().unwrap_or((
        Vec::new(),
        Vec::new(),
        Default::default(),
        Buyer::Consumer,
    ));
    let mut ctx = PageContext::with_principal(req, theme, principal);
    let mut refused = refused;
    let mut shown_lines = Vec::new();
    let mut saved = Vec::new();
    let mut priced = Vec::new();
    let mut items = Vec::new();
    let mut currency = Currency::Sek;
    for line in &lines {
        let rules = QuantityRules::new(segment, line.min_qty, line.qty_step, line.max_qty);
        let typed = refused.take_if(|r| r.line_id == line.id);
        let mut view = CartLineView {
            id: line.id,
            name: String::new(),
            url: String::new(),
            sku: String::new(),
            image_url: "/media/demo/box-210-1.svg".into(),
            unit_price: String::new(),
            line_total: String::new(),
            why: None,
            quantity: typed
                .as_ref()
                .map_or_else(|| line.quantity.to_string(), |r| r.typed.clone()),
            error: typed.map(|r| r.message),
            rules,
            stock: None,
            unavailable: true,
        };
        if let Some(card) = &line.card {
            let quantity = u32::try_from(line.quantity).unwrap_or(0);
            let breakdown = price_row_qty(&card.row, &buyer, quantity);
            currency = breakdown.unit_net.currency();
            view.why = WhyPriceView::new(&breakdown, &buyer, locale);
            let stock = StockView::new(&card.row, locale);
            let counted = !line.saved_for_later && !stock.is_out();
            let amounts = totals(
                &[PricedLine {
                    unit: breakdown.clone(),
                    quantity,
                }],
                currency,
            );
            view.name = card.row.name.clone();
            view.url = format!("/products/{}", card.row.slug);
            view.sku = card.row.sku.clone();
            if let Some(img) = &card.image {
                view.image_url = img.url.clone();
            }
            view.unit_price = breakdown.shown_unit().format(locale.code());
            view.line_total = amounts.lines[0].shown(segment).format(locale.code());
            view.stock = Some(stock);
            view.unavailable = false;
            if counted {
                items.push((
                    card.row.id,
                    breakdown.shown_unit().to_minor().unwrap_or(0),
                    quantity,
                ));
                priced.push(PricedLine {
                    unit: breakdown,
                    quantity,
                });
            }
        } else {
            view.name = locale.t("cart-unavailable-line");
        }
        if line.saved_for_later {
            saved.push(view);
        } else {
            shown_lines.push(view);
        }
    }
    let rules = offers.apply(&items, chrono::Utc::now().naive_utc());
    let before = totals(&priced, currency);
    let discounted = discounted_goods(&priced, segment, currency, &rules, None);
    let t = discounted.goods;
    let offer_rows = || {
        discounted.rules.iter().map(|(name, off)| SummaryRow {
            label: name.clone(),
            amount: format!("−{}", off.format(locale.code())),
        })
    };
    session::set_cart_items(session, i64::from(t.items));
    ctx.cart_items = t.items;
    let code = locale.code();
    let mut summary = Vec::new();
    let (total_label, total) = match segment {
        Segment::Consumer => {
            summary.push(SummaryRow {
                label: locale.t("cart-subtotal"),
                amount: before.gross.format(code),
            });
            summary.extend(offer_rows());
            for (rate, vat) in &t.vat_by_rate {
                summary.push(SummaryRow {
                    label: locale
                        .t_args("cart-vat-included", &[("rate", rate.percent().to_string())]),
                    amount: vat.format(code),
                });
            }
            (locale.t("cart-total"), t.gross.format(code))
        }
        Segment::Company => {
            summary.push(SummaryRow {
                label: locale.t("cart-subtotal-excl"),
                amount: before.net.format(code),
            });
            summary.extend(offer_rows());
            for (rate, vat) in &t.vat_by_rate {
                summary.push(SummaryRow {
                    label: locale.t_args("cart-vat", &[("rate", rate.percent().to_string())]),
                    amount: vat.format(code),
                });
            }
            (locale.t("cart-total-incl"), t.gross.format(code))
        }
    };
    let v = CartView {
        lines: shown_lines,
        saved,
        notices: notices.iter().map(|n| n.text(locale)).collect(),
        items_label: locale.t_count("cart-items", i64::from(t.items)),
        summary,
        total_label,
        total,
        price_note: match segment {
            Segment::Consumer => locale.t("price-incl-vat"),
            Segment::Company => locale.t("price-excl-vat"),
        },
        quote_request: segment == Segment::Company,
    };
    Ok(crate::web::cache_control(
        render_cart(ctx, v, status)?,
        "no-store",
    ))
}

/// Something that changed since the buyer last looked.
enum Notice {
    PriceChanged {
        name: String,
        old: Money,
        new: Money,
    },
    Reduced {
        name: String,
        available: i64,
    },
    OutOfStock(String),
    Unavailable,
}

impl Notice {
    fn text(&self, locale: Locale) -> String {
        match self {
            Notice::PriceChanged { name, old, new } => locale.t_args(
                "cart-price-changed",
                &[
                    ("name", name.clone()),
                    ("old", old.format(locale.code())),
                    ("new", new.format(locale.code())),
                ],
            ),
            Notice::Reduced { name, available } => locale.t_args(
                "cart-stock-reduced",
                &[("name", name.clone()), ("available", available.to_string())],
            ),
            Notice::OutOfStock(name) => {
                locale.t_args("cart-out-of-stock", &[("name", name.clone())])
            }
            Notice::Unavailable => locale.t("cart-unavailable"),
        }
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/cart", web::get().to(show))
        .route("/cart/export.csv", web::get().to(export))
        .route("/cart/add", web::post().to(add))
        .route("/cart/lines/{id}", web::post().to(update))
        .route("/cart/lines/{id}/remove", web::post().to(remove))
        .route("/cart/lines/{id}/save", web::post().to(save))
        .route("/cart/lines/{id}/restore", web::post().to(restore));
}
