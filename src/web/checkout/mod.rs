//! `/checkout`: one page — contact e-mail, delivery address, delivery method, payment — with the
//! order summary recomputed from the database on every submit. "Continue to payment" places the
//! order (`db::orders::place`: re-priced, stock reserved, idempotent by the form's `order_key`)
//! and sends the buyer to the payment provider's page; the signed result comes back to
//! `/checkout/return`. Nothing the browser sends about prices or totals is trusted: the summary's
//! total travels only so that a changed total is shown before anything is charged.

use crate::auth::{Principal, session};
use crate::db::orders::{self, NewOrder, Refusal};
use crate::db::{self, carts};
use crate::domain::accounts::Email;
use crate::domain::address::{COUNTRIES, PostalAddress};
use crate::domain::checkout::DeliveryOption;
use crate::domain::checkout::SetAside;
use crate::domain::pricing::coupons::{Coupon, CouponProblem};
use crate::domain::pricing::{Buyer, Segment};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::cart::owner;
use crate::web::mail::Mail;
use crate::web::shopper::Shopper;
use crate::web::{PageContext, Theme, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

pub(crate) mod company;
mod page;
mod quote;
mod returned;

use page::page;
pub(crate) use page::{credit_message, notify_approvers};

/// What the buyer typed, kept across submits (and in the session while they pay).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct CheckoutInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub line1: String,
    #[serde(default)]
    pub line2: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub delivery: String,
    #[serde(default)]
    pub coupon: String,
    /// A saved address to fill the fields with (`action=use_address`).
    #[serde(default)]
    pub saved_address: String,
    #[serde(default)]
    pub order_key: String,
    #[serde(default)]
    pub shown_total: String,
    /// `update` recomputes the summary; anything else places the order.
    #[serde(default)]
    pub action: String,
    /// `card` or (company buyers) `invoice`.
    #[serde(default)]
    pub payment: String,
    /// Company buyers: purchase order number, requested delivery date (YYYY-MM-DD), comment.
    #[serde(default)]
    pub po_number: String,
    #[serde(default)]
    pub requested_delivery: String,
    #[serde(default)]
    pub note: String,
    /// The accepted quote being ordered (its number), instead of the cart.
    #[serde(default)]
    pub quote: String,
}

pub struct CountryView {
    pub code: &'static str,
    pub name: String,
    pub selected: bool,
}

pub struct DeliveryView {
    pub code: String,
    pub name: String,
    pub price: String,
    pub days: String,
    pub checked: bool,
}

/// A saved address the signed-in buyer can pick.
pub struct SavedAddressView {
    pub id: i64,
    pub label: String,
}

pub struct SummaryLine {
    pub name: String,
    pub quantity: u32,
    pub total: String,
}

pub struct CheckoutView {
    pub input: CheckoutInput,
    pub countries: Vec<CountryView>,
    pub deliveries: Vec<DeliveryView>,
    pub lines: Vec<SummaryLine>,
    pub summary: Vec<(String, String)>,
    pub total: String,
    pub total_minor: i64,
    /// Problems by field name.
    pub errors: Vec<(&'static str, String)>,
    /// A problem with the order as a whole (stock, prices, declined card).
    pub alert: Option<String>,
    /// How the coupon and the cart offers were combined, when one gave way.
    pub notices: Vec<String>,
    pub signed_in: bool,
    pub saved_addresses: Vec<SavedAddressView>,
    /// A company buyer: the order details fieldset and the choice of invoice.
    pub company: bool,
    pub payments: Vec<company::PaymentView>,
    /// The legal note when VAT is reverse charged.
    pub reverse_charge: Option<String>,
    /// The earliest delivery date that may be asked for (tomorrow), for the date field.
    pub min_date: String,
    pub pay_label: String,
    /// Where "back" goes: the cart, or the quote's page.
    pub back: String,
    /// Ordering an accepted quote.
    pub quote: Option<quote::QuoteCheckoutView>,
}

impl CheckoutView {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

storefront_page!(
    checkout_pages,
    render_checkout,
    CheckoutView,
    "b2c/checkout.html",
    "b2b/checkout.html"
);

const SAVED_FORM: &str = "checkout_form";

fn new_key() -> String {
    db::tokens::random_token()
}

#[derive(Deserialize)]
pub struct ShowQuery {
    /// An accepted quote to order instead of the cart.
    quote: Option<String>,
}

/// `GET /checkout` (`?quote={number}`: order an accepted quote).
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let mut input = session
        .get::<CheckoutInput>(SAVED_FORM)
        .ok()
        .flatten()
        .unwrap_or_default();
    input.quote = query
        .into_inner()
        .quote
        .map(|q| q.trim().chars().take(40).collect())
        .unwrap_or_default();
    if input.email.is_empty()
        && let Some(user) = principal.user()
    {
        input.email = user.email.clone();
        let user_id = user.id;
        let company = Shopper::of(&principal, &state).company;
        let saved = db::run(&state.pool, move |c| {
            db::addresses::for_checkout(c, user_id, company)
        })
        .await?;
        if let Some(a) = saved.into_iter().next() {
            input.name = a.name;
            input.line1 = a.line1;
            input.line2 = a.line2;
            input.postal_code = a.postal_code;
            input.city = a.city;
            input.country = a.country;
            input.phone = a.phone;
        } else {
            input.name = user.name.clone();
        }
    }
    if input.order_key.is_empty() {
        input.order_key = new_key();
    }
    page(
        &req,
        &state,
        &session,
        input,
        Vec::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /checkout`: recompute the summary, or place the order and go to payment.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<CheckoutInput>,
) -> Result<HttpResponse, AppError> {
    let mut input = form.into_inner();
    for field in [
        &mut input.email,
        &mut input.name,
        &mut input.line1,
        &mut input.line2,
        &mut input.postal_code,
        &mut input.city,
        &mut input.phone,
    ] {
        *field = field.chars().take(254).collect();
    }
    if input.order_key.len() < 16 || input.order_key.len() > 64 {
        input.order_key = new_key();
    }
    if input.action == "use_address" {
        // Only the signed-in person's own addresses; any other id changes nothing.
        let principal = Principal::of(&req).await?;
        if let (Some(user), Ok(id)) = (principal.user(), input.saved_address.trim().parse::<i64>())
        {
            let uid = user.id;
            let company = Shopper::of(&principal, &state).company;
            let saved = db::run(&state.pool, move |c| {
                db::addresses::for_checkout(c, uid, company)
            })
            .await?;
            if let Some(a) = saved.into_iter().find(|a| a.id == id) {
                input.name = a.name;
                input.line1 = a.line1;
                input.line2 = a.line2;
                input.postal_code = a.postal_code;
                input.city = a.city;
                input.country = a.country;
                input.phone = a.phone;
            }
        }
        return page(
            &req,
            &state,
            &session,
            input,
            Vec::new(),
            None,
            StatusCode::OK,
        )
        .await;
    }
    if input.action == "update" {
        return page(
            &req,
            &state,
            &session,
            input,
            Vec::new(),
            None,
            StatusCode::OK,
        )
        .await;
    }
    let principal = Principal::of(&req).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let email = match Email::parse(&input.email) {
        Ok(e) => Some(e),
        Err(_) => {
            errors.push(("email", locale.t("register-email-invalid")));
            None
        }
    };
    let address = match PostalAddress::parse(&PostalAddress {
        label: String::new(),
        name: input.name.clone(),
        line1: input.line1.clone(),
        line2: input.line2.clone(),
        postal_code: input.postal_code.clone(),
        city: input.city.clone(),
        country: if input.country.is_empty() {
            "SE".into()
        } else {
            input.country.clone()
        },
        phone: input.phone.clone(),
    }) {
        Ok(a) => Some(a),
        Err(problems) => {
            for p in problems {
                errors.push((p.field(), locale.t(p.message_key())));
            }
            None
        }
    };
    let is_company = matches!(principal, Principal::CompanyUser { .. });
    let (po_number, requested_delivery, note) = if is_company {
        company::details(&input, chrono::Utc::now().date_naive(), locale, &mut errors)
    } else {
        (None, None, String::new())
    };
    let typed_payment = input.payment.clone();
    let (Some(email), Some(address), true) = (email, address, errors.is_empty()) else {
        return page(
            &req,
            &state,
            &session,
            input,
            errors,
            Some(locale.t("checkout-fix-errors")),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let shopper = Shopper::of(&principal, &state);
    let audience = shopper.audience;
    let Some(owner) = owner(&principal, &session) else {
        return Ok(see_other("/cart"));
    };
    let (user_id, company_id) = match &principal {
        Principal::CompanyUser { user, company, .. } => (Some(user.id), Some(company.id)),
        Principal::Consumer(u) | Principal::Staff { user: u, .. } => (Some(u.id), None),
        Principal::Anonymous => (None, None),
    };
    let now = chrono::Utc::now().naive_utc();
    let new_order = NewOrder {
        source: orders::Source::Cart(0),
        audience,
        buyer: Buyer::Consumer,
        user_id,
        company_id,
        email: email.as_str().to_string(),
        address,
        delivery_code: input.delivery.clone(),
        payment_method: "card",
        po_number,
        requested_delivery,
        note,
        idempotency_key: input.order_key.clone(),
        coupon_code: Some(input.coupon.clone()).filter(|c| !c.trim().is_empty()),
        shown_total_minor: input.shown_total.trim().parse().unwrap_or(-1),
        now,
    };
    let quote_number = input.quote.clone();
    let orderer = db::lists::Viewer::for_principal(&principal);
    let placed = db::run(&state.pool, move |c| {
        let fresh = shopper.fresh_buyer(c)?;
        let Some((source, fresh, _)) =
            quote::source(c, &owner, &quote_number, orderer, fresh, locale)?
        else {
            return Ok(Err(orders::PlaceError::Refused(Refusal::EmptyCart)));
        };
        // The same choice the page showed: a company's own terms unless it chose card.
        let (buyer, payment_method) = match company::load(c, &fresh)? {
            Some(terms) => {
                let method = terms.method(&typed_payment);
                (terms.buyer(&fresh, method), method)
            }
            None => (fresh, "card"),
        };
        let placed = orders::place(
            c,
            &NewOrder {
                source,
                buyer,
                payment_method,
                ..new_order
            },
        );
        let items = match carts::find(c, &owner)? {
            Some(id) => carts::items(c, id)?,
            None => 0,
        };
        Ok(placed.map(|p| (p, items)))
    })
    .await?;
    match placed {
        Ok(((order, fresh), items)) => {
            let _ = session.insert(SAVED_FORM, &input);
            if order.status == "awaiting_approval" {
                session.remove(SAVED_FORM);
                session::set_cart_items(&session, items);
                session::flash(&session, "checkout-sent-for-approval");
                if fresh {
                    notify_approvers(&state, &order).await?;
                }
            }
            if order.status == "confirmed" {
                // On invoice: nothing to pay now; the confirmation goes out at once.
                session.remove(SAVED_FORM);
                session::set_cart_items(&session, items);
                if fresh {
                    let link = format!(
                        "{}{}",
                        state.public_base_url(),
                        order_url(&order.number, &order.public_token)
                    );
                    let mail = crate::web::mail::Mail::order_confirmation(
                        locale,
                        &order.email,
                        &order.number,
                        &link,
                    );
                    db::run_write(&state.pool, move |c| {
                        db::outbox::enqueue(c, &mail.to, &mail.subject, &mail.body)
                    })
                    .await?;
                }
            }
            if order.status == "awaiting_payment" {
                Ok(see_other(state.payments.start_url(&order.public_token)))
            } else {
                Ok(see_other(order_url(&order.number, &order.public_token)))
            }
        }
        Err(orders::PlaceError::Refused(Refusal::EmptyCart)) => {
            Ok(see_other(quote::back_to(&input.quote)))
        }
        Err(orders::PlaceError::Refused(refusal)) => {
            let alert = refusal_text(&refusal, locale);
            let field = match &refusal {
                Refusal::Coupon(problem) => Some(("coupon", coupon_message(problem, locale))),
                Refusal::CreditLimit { available_minor } => {
                    Some(("payment", credit_message(*available_minor, locale)))
                }
                Refusal::InvoiceUnavailable => {
                    Some(("payment", locale.t("checkout-invoice-unavailable")))
                }
                _ => None,
            };
            if let Some(error) = field {
                let errors = vec![error];
                input.order_key = new_key();
                return page(
                    &req,
                    &state,
                    &session,
                    input,
                    errors,
                    Some(alert),
                    StatusCode::CONFLICT,
                )
                .await;
            }
            // A new attempt gets a new key (the refused one placed nothing).
            input.order_key = new_key();
            page(
                &req,
                &state,
                &session,
                input,
                Vec::new(),
                Some(alert),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(orders::PlaceError::Db(e)) => Err(e.into()),
    }
}

fn refusal_text(refusal: &Refusal, locale: Locale) -> String {
    match refusal {
        Refusal::EmptyCart => locale.t("cart-empty"),
        Refusal::NoLongerSold => locale.t("cart-unavailable"),
        Refusal::QuoteClosed => locale.t("checkout-quote-closed"),
        Refusal::DeliveryUnavailable => locale.t("checkout-delivery-unavailable"),
        Refusal::Quantity { name, error } => {
            let (key, args) = error.message();
            format!("{name}: {}", locale.t_args(key, &args))
        }
        Refusal::OutOfStock { name, available } => locale.t_args(
            "checkout-out-of-stock",
            &[("name", name.clone()), ("available", available.to_string())],
        ),
        Refusal::TotalChanged => locale.t("checkout-total-changed"),
        Refusal::Coupon(problem) => coupon_message(problem, locale),
        Refusal::InvoiceUnavailable => locale.t("checkout-invoice-unavailable"),
        Refusal::CreditLimit { available_minor } => credit_message(*available_minor, locale),
    }
}

fn coupon_message(problem: &CouponProblem, locale: Locale) -> String {
    match problem {
        CouponProblem::BelowMinimum(min) => {
            locale.t_args(problem.message_key(), &[("min", min.format(locale.code()))])
        }
        _ => locale.t(problem.message_key()),
    }
}

pub fn order_url(number: &str, token: &str) -> String {
    format!("/orders/{number}?t={token}")
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/webhooks/payments", web::post().to(returned::webhook))
        .route("/checkout", web::get().to(show))
        .route("/checkout", web::post().to(submit))
        .route("/checkout/return", web::get().to(returned::payment_return));
}
