//! `GET /orders/{number}/change?t=…` and `POST /orders/{number}/change`: a company buyer (the
//! one who placed it, or a company admin) changes an order before it is packed — quantities (0
//! takes a line out), purchase order number, requested delivery date, comment. "Review" prices
//! the change at today's prices and says what it means for approval; "Save" makes it, if the
//! total is still the one reviewed. An approved order that is changed goes back to the approvers.

use crate::auth::{CompanyMember, Principal, session};
use crate::db::orders::change::{self, ChangeRefusal, ChangeRequest, Changeable, Changed, Priced};
use crate::db::{self, orders};
use crate::domain::accounts::CompanyRole;
use crate::domain::money::{Currency, Money};
use crate::domain::order_change::{self, ApprovalAfter, NotChangeable};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::checkout::company::details_of;
use crate::web::shopper::Shopper;
use crate::web::{PageContext, Theme, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub struct ChangeLineView {
    pub id: i64,
    pub name: String,
    pub sku: String,
    pub ordered: u32,
    pub quantity: String,
    pub error: Option<String>,
}

/// The changed order as reviewed: lines at today's prices and the totals (excl. VAT first).
pub struct ReviewView {
    pub lines: Vec<(String, String, String, String)>,
    pub summary: Vec<(String, String)>,
    pub total: String,
    pub total_minor: i64,
    pub was: String,
    /// What saving means for approval, in words.
    pub approval: String,
}

#[derive(Template)]
#[template(path = "b2b/order_change.html")]
pub struct OrderChangePage {
    pub ctx: PageContext,
    pub title: String,
    pub number: String,
    pub token: String,
    pub order_url: String,
    pub lines: Vec<ChangeLineView>,
    pub po_number: String,
    pub requested_delivery: String,
    pub note: String,
    /// Field errors of the details: (field, message).
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
    pub review: Option<ReviewView>,
}

impl OrderChangePage {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

fn money(minor: i64, locale: Locale) -> String {
    Money::from_minor(minor, Currency::Sek).format(locale.code())
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    t: String,
}

/// The member and whether they administer the company.
fn member(principal: &Principal, number: &str) -> Result<(CompanyMember, bool), AppError> {
    let m = CompanyMember::of(principal, &format!("/orders/{number}"))?;
    let admin = m.role == CompanyRole::Admin;
    Ok((m, admin))
}

/// Loads the order of the member's company, or 404.
async fn load(
    state: &AppState,
    number: &str,
    token: &str,
    company: i64,
) -> Result<Changeable, AppError> {
    let (number, token) = (number.to_string(), token.to_string());
    db::run(&state.pool, move |c| {
        change::load(c, &number, &token, company)
    })
    .await?
    .ok_or(AppError::NotFound)
}

fn back_with(session: &Session, order: &orders::OrderRef, why: NotChangeable) -> HttpResponse {
    session::flash(session, why.message_key());
    see_other(crate::web::checkout::order_url(
        &order.number,
        &order.public_token,
    ))
}

/// `GET /orders/{number}/change?t=…`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    number: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let number = number.into_inner();
    let token: String = query.into_inner().t.chars().take(64).collect();
    let principal = Principal::of(&req).await?;
    let (m, admin) = member(&principal, &number)?;
    let order = load(&state, &number, &token, m.company.id).await?;
    if let Err(why) = order.check(m.user.id, admin) {
        return Ok(back_with(&session, &order.order, why));
    }
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let page = OrderChangePage {
        title: ctx
            .locale
            .t_args("order-change-title", &[("number", number.clone())]),
        ctx,
        number: order.order.number.clone(),
        token: order.order.public_token.clone(),
        order_url: crate::web::checkout::order_url(&order.order.number, &order.order.public_token),
        lines: order
            .lines
            .iter()
            .map(|l| ChangeLineView {
                id: l.id,
                name: l.name.clone(),
                sku: l.sku.clone(),
                ordered: l.quantity,
                quantity: l.quantity.to_string(),
                error: None,
            })
            .collect(),
        po_number: order.po_number.clone().unwrap_or_default(),
        requested_delivery: order
            .requested_delivery
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        note: order.note.clone(),
        errors: Vec::new(),
        alert: None,
        review: None,
    };
    Ok(crate::web::cache_control(
        render_status(&page, StatusCode::OK)?,
        "private, no-store",
    ))
}

fn field(form: &HashMap<String, String>, name: &str, max: usize) -> String {
    form.get(name)
        .map(|v| v.chars().take(max).collect())
        .unwrap_or_default()
}

fn approval_words(after: ApprovalAfter, locale: Locale) -> String {
    match after {
        ApprovalAfter::Ask(reason) => locale.t_args(
            "order-change-to-approval",
            &[(
                "reason",
                crate::web::b2b::approvals::reason_text(reason, locale),
            )],
        ),
        ApprovalAfter::Release => locale.t("order-change-released"),
        ApprovalAfter::Unchanged => locale.t("order-change-no-approval"),
    }
}

fn review_view(p: &Priced, was_minor: i64, locale: Locale) -> ReviewView {
    let code = locale.code();
    let t = &p.totals;
    let mut summary = vec![(locale.t("cart-subtotal-excl"), t.goods.net.format(code))];
    if !t.discount.amount().is_zero() {
        summary.push((
            locale.t("order-discounts"),
            format!("−{}", t.discount.format(code)),
        ));
    }
    summary.push((locale.t("checkout-delivery"), t.delivery.net.format(code)));
    summary.push((locale.t("checkout-vat"), t.vat.format(code)));
    ReviewView {
        lines: p
            .lines
            .iter()
            .zip(&t.goods.lines)
            .map(|(l, a)| {
                (
                    format!("{} ({})", l.name, l.sku),
                    l.line.quantity.to_string(),
                    l.line.unit.unit_net.format(code),
                    a.net.format(code),
                )
            })
            .collect(),
        summary,
        total: t.gross.format(code),
        total_minor: p.total_minor,
        was: locale.t_args("order-change-was", &[("amount", money(was_minor, locale))]),
        approval: approval_words(p.approval, locale),
    }
}

/// `POST /orders/{number}/change`: `t`, `qty_{line}`, `po_number`, `requested_delivery`,
/// `note`, `action` (`review` or `save`, with `shown_total`).
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    number: web::Path<String>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let number = number.into_inner();
    let token = field(&form, "t", 64);
    let principal = Principal::of(&req).await?;
    let (m, admin) = member(&principal, &number)?;
    let order = load(&state, &number, &token, m.company.id).await?;
    if let Err(why) = order.check(m.user.id, admin) {
        return Ok(back_with(&session, &order.order, why));
    }
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    // Every line's quantity as typed, checked; the details as at checkout.
    let mut lines: Vec<ChangeLineView> = Vec::new();
    let mut quantities = Vec::new();
    for l in &order.lines {
        let typed = form
            .get(&format!("qty_{}", l.id))
            .map(|v| v.chars().take(20).collect::<String>())
            .unwrap_or_else(|| l.quantity.to_string());
        let error = match order_change::parse_quantity(&typed) {
            Ok(q) => {
                quantities.push((l.id, q));
                None
            }
            Err(p) => Some(locale.t(p.message_key())),
        };
        lines.push(ChangeLineView {
            id: l.id,
            name: l.name.clone(),
            sku: l.sku.clone(),
            ordered: l.quantity,
            quantity: typed,
            error,
        });
    }
    let (po_raw, date_raw, note_raw) = (
        field(&form, "po_number", 100),
        field(&form, "requested_delivery", 20),
        field(&form, "note", 1100),
    );
    let mut errors = Vec::new();
    let (po_number, requested_delivery, note) = details_of(
        &po_raw,
        &date_raw,
        &note_raw,
        chrono::Utc::now().date_naive(),
        locale,
        &mut errors,
    );
    let save = field(&form, "action", 10) == "save";
    let shown_total = field(&form, "shown_total", 20).trim().parse::<i64>().ok();
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal.clone());
    let mut page = OrderChangePage {
        title: locale.t_args("order-change-title", &[("number", number.clone())]),
        ctx,
        number: order.order.number.clone(),
        token: order.order.public_token.clone(),
        order_url: crate::web::checkout::order_url(&order.order.number, &order.order.public_token),
        lines,
        po_number: po_raw,
        requested_delivery: date_raw,
        note: note_raw,
        errors,
        alert: None,
        review: None,
    };
    if page.lines.iter().any(|l| l.error.is_some()) || !page.errors.is_empty() {
        page.alert = Some(locale.t("order-change-fix-errors"));
        return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let shopper = Shopper::of(&principal, &state);
    let request = ChangeRequest {
        number: number.clone(),
        token: token.clone(),
        company_id: m.company.id,
        viewer: m.user.id,
        company_admin: admin,
        buyer: crate::domain::pricing::Buyer::Consumer,
        quantities,
        po_number,
        requested_delivery,
        note,
        save_with_total: if save {
            Some(shown_total.unwrap_or(-1))
        } else {
            None
        },
        now: chrono::Utc::now().naive_utc(),
    };
    let was_minor = order.order.total_minor;
    let mut reviewed = request.clone();
    let outcome = db::run(&state.pool, move |c| {
        let buyer = shopper.fresh_buyer(c)?;
        let request = ChangeRequest { buyer, ..request };
        let done = change::change(c, &request);
        // A refused save is shown reviewed as it would be now, so the buyer sees why.
        let review = match &done {
            Err(change::ChangeError::Refused(
                ChangeRefusal::TotalChanged | ChangeRefusal::NothingChanged,
            )) => {
                reviewed.buyer = request.buyer.clone();
                reviewed.save_with_total = None;
                match change::change(c, &reviewed) {
                    Ok(Some(Changed::Review(p))) => Some(p),
                    _ => None,
                }
            }
            _ => None,
        };
        Ok((done, review))
    })
    .await?;
    let (done, again) = outcome;
    match done {
        Ok(None) => Err(AppError::NotFound),
        Ok(Some(Changed::Review(p))) => {
            if p.scope == order_change::Scope::Nothing {
                page.alert = Some(locale.t("order-change-nothing"));
                return render_status(&page, StatusCode::OK);
            }
            page.review = Some(review_view(&p, was_minor, locale));
            render_status(&page, StatusCode::OK)
        }
        Ok(Some(Changed::Saved {
            order: saved,
            approval,
            ..
        })) => {
            if matches!(approval, ApprovalAfter::Ask(_)) {
                crate::web::checkout::notify_approvers(&state, &saved).await?;
            }
            session::flash(
                &session,
                match approval {
                    ApprovalAfter::Ask(_) => "order-changed-to-approval",
                    _ => "order-changed",
                },
            );
            Ok(see_other(crate::web::checkout::order_url(
                &saved.number,
                &saved.public_token,
            )))
        }
        Err(change::ChangeError::Refused(ChangeRefusal::NotChangeable(why))) => {
            Ok(back_with(&session, &order.order, why))
        }
        Err(change::ChangeError::Refused(refusal)) => {
            page.alert = Some(refusal_text(&refusal, locale));
            for l in &mut page.lines {
                match &refusal {
                    ChangeRefusal::Quantity { line_id, error, .. } if *line_id == l.id => {
                        let (key, args) = error.message();
                        l.error = Some(locale.t_args(key, &args));
                    }
                    ChangeRefusal::OutOfStock {
                        line_id, available, ..
                    } if *line_id == l.id => {
                        l.error = Some(locale.t_args(
                            "order-change-stock",
                            &[("available", available.to_string())],
                        ));
                    }
                    _ => {}
                }
            }
            page.review = again.map(|p| review_view(&p, was_minor, locale));
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(change::ChangeError::Db(e)) => Err(e.into()),
    }
}

fn refusal_text(r: &ChangeRefusal, locale: Locale) -> String {
    match r {
        ChangeRefusal::NotChangeable(why) => locale.t(why.message_key()),
        ChangeRefusal::NothingChanged => locale.t("order-change-nothing"),
        ChangeRefusal::AllRemoved => locale.t("order-change-all-removed"),
        ChangeRefusal::NoLongerSold { name } => {
            locale.t_args("order-change-not-sold", &[("name", name.clone())])
        }
        ChangeRefusal::Quantity { name, .. } => {
            locale.t_args("order-change-quantity-rule", &[("name", name.clone())])
        }
        ChangeRefusal::OutOfStock {
            name, available, ..
        } => locale.t_args(
            "order-change-out-of-stock",
            &[("name", name.clone()), ("available", available.to_string())],
        ),
        ChangeRefusal::DeliveryUnavailable => locale.t("order-change-delivery"),
        ChangeRefusal::TotalChanged => locale.t("order-change-total-changed"),
        ChangeRefusal::CreditLimit { available_minor } => {
            crate::web::checkout::credit_message(*available_minor, locale)
        }
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders/{number}/change", web::get().to(show))
        .route("/orders/{number}/change", web::post().to(submit));
}
