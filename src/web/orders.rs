//! `GET /orders/{number}?t={token}`: an order's page — status timeline, lines, totals, delivery
//! address. The token from the confirmation link is required (order numbers can be guessed,
//! tokens cannot), so a guest's link works without an account and nobody else's does.

use crate::auth::Principal;
use crate::db::{self, orders};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, Theme};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

pub struct OrderLineView {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub total: String,
}

pub struct EventView {
    pub label: String,
    /// A tracking number or a return's number, if the step has one.
    pub note: String,
    pub at: String,
    /// Machine-readable, for `<time datetime>`.
    pub datetime: String,
}

pub struct OrderView {
    pub number: String,
    pub status: String,
    pub paid: bool,
    pub cancelled: bool,
    pub email: String,
    pub lines: Vec<OrderLineView>,
    pub summary: Vec<(String, String)>,
    pub total: String,
    pub address: Vec<String>,
    pub events: Vec<EventView>,
    pub offer_account: bool,
    /// Paid and not packed yet: the buyer may cancel.
    pub cancellable: bool,
    /// A company order's approval: why it was needed, and the decision.
    pub approval: Option<String>,
    /// Waiting for the card payment (after an approval, say): where to pay.
    pub pay_url: Option<String>,
    /// A company buyer looking at their company's order: "Order again" (lines by SKU).
    pub reorder: bool,
    /// The link's token, for the cancel form.
    pub token: String,
    /// "Change order": a company order not packed yet, for its buyer or a company admin.
    pub change_url: Option<String>,
    /// "Return or exchange items", while the order can be returned.
    pub return_url: Option<String>,
    /// Earlier returns: (number, status, link to the slip).
    pub returns: Vec<(String, String, String)>,
    /// "Report a problem": an after-sales case about the order.
    pub case_url: String,
    /// Live chat about this order (the token shows the order is the reader's).
    pub chat_url: String,
    /// Cases about the order: (number, subject, status, link).
    pub cases: Vec<(String, String, String, String)>,
}

storefront_page!(
    order_pages,
    render_order,
    OrderView,
    "b2c/order.html",
    "b2b/order.html"
);

/// The order's sums as (label, amount) rows: the goods before discounts, the discounts (naming
/// the code), delivery and VAT (`vat_key` says "of which VAT" or "VAT").
pub fn summary_rows(
    detail: &orders::OrderDetail,
    locale: crate::i18n::Locale,
    vat_key: &str,
) -> Vec<(String, String)> {
    let currency = Currency::parse(&detail.order.currency).unwrap_or(Currency::Sek);
    let money = |minor: i64| Money::from_minor(minor, currency).format(locale.code());
    let mut rows = vec![(
        locale.t("cart-subtotal"),
        money(detail.subtotal_minor + detail.discount_minor),
    )];
    if detail.discount_minor > 0 {
        rows.push((
            match &detail.coupon_code {
                Some(code) => locale.t_args("order-discounts-with", &[("code", code.clone())]),
                None => locale.t("order-discounts"),
            },
            format!("−{}", money(detail.discount_minor)),
        ));
    }
    rows.push((locale.t("checkout-delivery"), money(detail.shipping_minor)));
    rows.push((locale.t(vat_key), money(detail.tax_minor)));
    rows
}

/// "Paid", "Awaiting payment": an order status (`awaiting_payment`) in the reader's language.
pub fn status_label(status: &str, locale: crate::i18n::Locale) -> String {
    locale.t(&format!("order-status-{}", status.replace('_', "-")))
}

#[derive(Deserialize)]
pub struct OrderQuery {
    #[serde(default)]
    t: String,
}

/// `GET /orders/{number}?t=…`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
    query: web::Query<OrderQuery>,
) -> Result<HttpResponse, AppError> {
    let token: String = query.into_inner().t.chars().take(64).collect();
    let number = number.into_inner();
    let now = chrono::Utc::now().naive_utc();
    let principal = Principal::of(&req).await?;
    let changer = match &principal {
        Principal::CompanyUser {
            user,
            company,
            role,
            ..
        } => Some((
            user.id,
            company.id,
            *role == crate::domain::accounts::CompanyRole::Admin,
        )),
        _ => None,
    };
    let (detail, returnable, approval, company, changeable, cases) =
        db::run(&state.pool, move |c| {
            let Some(order) = orders::by_link(c, &number, &token)? else {
                return Ok(None);
            };
            let changeable = match changer {
                Some((user, company, admin)) => orders::change::load(c, &number, &token, company)?
                    .is_some_and(|o| o.check(user, admin).is_ok()),
                None => false,
            };
            let approval = db::approvals::of_order(c, order.id)?;
            let company = orders::company_of(c, order.id)?;
            // Only a shipped order has anything to return.
            let returnable = match order.status.as_str() {
                "shipped" | "delivered" => Some(db::returns::for_order(c, order.clone(), now)?),
                _ => None,
            };
            let cases = db::cases::for_order(c, order.id)?;
            Ok(Some((
                orders::detail(c, order)?,
                returnable,
                approval,
                company,
                changeable,
                cases,
            )))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let theme = Theme::storefront_for(&principal);
    let offer_account = !principal.is_signed_in();
    let reorder = company.is_some()
        && matches!(&principal, Principal::CompanyUser { company: mine, .. } if Some(mine.id) == company);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let code = locale.code();
    let currency = Currency::parse(&detail.order.currency).unwrap_or(Currency::Sek);
    let money = |minor: i64| Money::from_minor(minor, currency).format(code);
    let summary = summary_rows(&detail, locale, "checkout-vat-included");
    let v = OrderView {
        number: detail.order.number.clone(),
        status: status_label(&detail.order.status, locale),
        paid: !matches!(
            detail.order.status.as_str(),
            "awaiting_payment" | "awaiting_approval" | "rejected"
        ),
        approval: approval
            .as_ref()
            .map(|a| crate::web::b2b::approvals::order_note(a, locale)),
        reorder,
        pay_url: (detail.order.status == "awaiting_payment")
            .then(|| state.payments.start_url(&detail.order.public_token)),
        cancelled: detail.order.status == "cancelled",
        email: detail.order.email.clone(),
        lines: detail
            .lines
            .iter()
            .map(|l| OrderLineView {
                name: l.name.clone(),
                sku: l.sku.clone(),
                quantity: l.quantity,
                total: money(l.line_total_minor),
            })
            .collect(),
        summary,
        total: money(detail.order.total_minor),
        address: detail
            .shipping_address
            .lines()
            .map(str::to_string)
            .collect(),
        events: detail
            .events
            .iter()
            .map(|(status, note, at)| EventView {
                label: status_label(status, locale),
                note: match status.as_str() {
                    "shipped" if !note.is_empty() => {
                        locale.t_args("order-tracking", &[("tracking", note.clone())])
                    }
                    _ => note.clone(),
                },
                at: at.format("%Y-%m-%d %H:%M UTC").to_string(),
                datetime: at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            })
            .collect(),
        offer_account,
        cancellable: crate::domain::fulfilment::READY.contains(&detail.order.status.as_str()),
        token: detail.order.public_token.clone(),
        case_url: format!(
            "/orders/{}/case?t={}",
            detail.order.number,
            crate::web::url_encode(&detail.order.public_token)
        ),
        chat_url: format!(
            "/chat?order={}&t={}",
            crate::web::url_encode(&detail.order.number),
            crate::web::url_encode(&detail.order.public_token)
        ),
        cases: cases
            .into_iter()
            .map(|k| {
                (
                    k.number.clone(),
                    k.subject.clone(),
                    crate::web::cases::status_label(&k.status, locale),
                    crate::web::cases::case_url(&k.number, &k.public_token),
                )
            })
            .collect(),
        change_url: changeable.then(|| {
            format!(
                "/orders/{}/change?t={}",
                detail.order.number,
                crate::web::url_encode(&detail.order.public_token)
            )
        }),
        return_url: returnable
            .as_ref()
            .filter(|r| {
                matches!(r.window, crate::domain::returns::Window::Open(_))
                    && r.lines.iter().any(|l| l.returnable.left() > 0)
            })
            .map(|_| {
                format!(
                    "/orders/{}/return?t={}",
                    detail.order.number,
                    crate::web::url_encode(&detail.order.public_token)
                )
            }),
        returns: returnable
            .map(|r| {
                r.returns
                    .iter()
                    .map(|x| {
                        (
                            x.number.clone(),
                            crate::web::returns::status_label(&x.status, locale),
                            crate::web::returns::slip_url(&x.number, &detail.order.public_token),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    let mut response = crate::web::cache_control(
        render_order(ctx, v, actix_web::http::StatusCode::OK)?,
        "private, no-store",
    );
    // The link carries a secret: keep it out of Referer headers to other sites.
    response.headers_mut().insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

pub struct OrderRow {
    pub number: String,
    pub url: String,
    pub placed: String,
    pub datetime: String,
    pub status: String,
    pub total: String,
    /// Who placed it, on a company-wide list.
    pub by: Option<String>,
}

pub struct OrdersView {
    pub orders: Vec<OrderRow>,
    /// Every order of the company (its admins and approvers), not only the viewer's.
    pub company_wide: bool,
}

storefront_page!(
    orders_pages,
    render_orders,
    OrdersView,
    "b2c/orders.html",
    "b2b/orders.html"
);

/// `GET /orders`: the signed-in person's orders (visitors are asked to sign in).
pub async fn list(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (user_id, company_id) = match &principal {
        Principal::Anonymous => {
            return Ok(crate::web::see_other("/login?next=/orders"));
        }
        Principal::CompanyUser { user, company, .. } => (user.id, Some(company.id)),
        Principal::Consumer(u) | Principal::Staff { user: u, .. } => (u.id, None),
    };
    // Company admins and approvers see every order of the company, with who placed it.
    let company_wide = matches!(
        &principal,
        Principal::CompanyUser {
            role: crate::domain::accounts::CompanyRole::Admin
                | crate::domain::accounts::CompanyRole::Approver,
            ..
        }
    );
    let rows = db::run(&state.pool, move |c| match (company_wide, company_id) {
        (true, Some(company)) => orders::for_company(c, company, 200),
        _ => orders::for_person(c, user_id, company_id, 100),
    })
    .await?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let v = OrdersView {
        company_wide,
        orders: rows
            .into_iter()
            .map(|(o, placed, by)| OrderRow {
                by: if company_wide { Some(by) } else { None },
                url: super::checkout::order_url(&o.number, &o.public_token),
                placed: placed.format("%Y-%m-%d").to_string(),
                datetime: placed.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                status: status_label(&o.status, locale),
                total: Money::from_minor(
                    o.total_minor,
                    Currency::parse(&o.currency).unwrap_or(Currency::Sek),
                )
                .format(locale.code()),
                number: o.number,
            })
            .collect(),
    };
    Ok(crate::web::cache_control(
        render_orders(ctx, v, actix_web::http::StatusCode::OK)?,
        "private, no-store",
    ))
}

/// Gives a cancelled order's payment back through the provider, keyed by the order number so a
/// retry refunds once, and puts the refund on the timeline. A refusal is logged (and the order
/// stays cancelled: the stock is already free); staff see no "refunded" step on the order.
pub async fn refund_cancelled(
    state: &AppState,
    order: &orders::OrderRef,
    actor: Option<i64>,
) -> Result<(), AppError> {
    let id = order.id;
    let reference = db::run(&state.pool, move |c| orders::payment_reference(c, id)).await?;
    let Some(reference) = reference else {
        return Ok(());
    };
    let key = format!("cancel-{}", order.number);
    match state.payments.refund(&reference, order.total_minor, &key) {
        Ok(refund) => {
            let currency = Currency::parse(&order.currency).unwrap_or(Currency::Sek);
            let note = format!(
                "{} · {}",
                Money::from_minor(order.total_minor, currency),
                refund
            );
            let now = chrono::Utc::now().naive_utc();
            db::run_write(&state.pool, move |c| {
                orders::noted_event(c, id, "refunded", &note, actor, now)
            })
            .await?;
        }
        Err(e) => {
            tracing::error!(error = %e, order = %order.number, "refund of a cancelled order refused");
        }
    }
    Ok(())
}

#[derive(Deserialize)]
pub struct CancelInput {
    #[serde(default)]
    t: String,
}

/// `GET /orders/{number}/export.csv?t=…`: the order's lines as CSV (the link's token needed,
/// like the order page).
pub async fn export(
    state: web::Data<AppState>,
    number: web::Path<String>,
    query: web::Query<OrderQuery>,
) -> Result<HttpResponse, AppError> {
    use crate::domain::export::{Cell, to_csv};
    let token: String = query.into_inner().t.chars().take(64).collect();
    let number = number.into_inner();
    let wanted = number.clone();
    let detail = db::run(&state.pool, move |c| {
        let Some(order) = orders::by_link(c, &wanted, &token)? else {
            return Ok(None);
        };
        Ok(Some(orders::detail(c, order)?))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let rows: Vec<Vec<Cell>> = detail
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::Text(l.sku.clone()),
                Cell::Text(l.name.clone()),
                Cell::Number(l.quantity.to_string()),
                Cell::Number(crate::web::export_amount(l.unit_price_minor)),
                Cell::Number(format!(
                    "{}",
                    rust_decimal::Decimal::new(i64::from(l.tax_rate_bp), 2).normalize()
                )),
                Cell::Number(crate::web::export_amount(l.line_total_minor)),
            ]
        })
        .collect();
    let body = to_csv(
        &[
            "sku",
            "name",
            "quantity",
            "unit_price_excl_vat",
            "vat_percent",
            "line_total_incl_vat",
        ],
        &rows,
    );
    Ok(crate::web::csv_download(
        &format!("order-{number}.csv"),
        body,
    ))
}

/// `POST /orders/{number}/cancel` (`t` = the order link's token): cancels a paid order that is
/// not packed yet; the payment is refunded through the provider and the stock is free again.
pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<CancelInput>,
) -> Result<HttpResponse, AppError> {
    let token: String = form.into_inner().t.chars().take(64).collect();
    let number = number.into_inner();
    let principal = Principal::of(&req).await?;
    let actor = principal.user().map(|u| u.id);
    let now = chrono::Utc::now().naive_utc();
    let lookup = token.clone();
    let outcome = db::run(&state.pool, move |c| {
        let Some(order) = orders::by_link(c, &number, &lookup)? else {
            return Ok(None);
        };
        let done = orders::cancel(c, order.id, actor, now)?;
        Ok(Some((order, done)))
    })
    .await?;
    let (order, done) = outcome.ok_or(AppError::NotFound)?;
    if done == orders::Cancelled::Now {
        refund_cancelled(&state, &order, actor).await?;
    }
    crate::auth::session::flash(
        &session,
        match done {
            orders::Cancelled::Now => "order-cancelled",
            orders::Cancelled::TooLate => "order-cancel-too-late",
        },
    );
    Ok(crate::web::see_other(super::checkout::order_url(
        &order.number,
        &order.public_token,
    )))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders", web::get().to(list))
        .route("/orders/{number}", web::get().to(show))
        .route("/orders/{number}/export.csv", web::get().to(export))
        .route("/orders/{number}/cancel", web::post().to(cancel));
}
