//! One quote for staff: its page with the company's own price per line, and the answer (offer,
//! decline, message).

use super::{DEFAULT_VALID_DAYS, PATH};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, quotes::Changes};
use crate::domain::pricing::{Buyer, TaxRate};
use crate::domain::quotes::{
    Action, Side, next, offer_total, parse_message, parse_unit_price, parse_valid_until,
    valid_through,
};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::admin::nav::{self, NavItem};
use crate::web::b2b::quotes::{EntryView, clipped, money, status_label, thread_view};
use crate::web::mail::Mail;
use crate::web::{PageContext, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub struct LineView {
    pub id: i64,
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub list_price: String,
    /// The company's own price for this quantity today (its agreements and terms).
    pub company_price: String,
    pub target: String,
    pub offered: String,
    pub typed_price: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/quote.html")]
pub struct QuotePage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub number: String,
    pub company: String,
    pub requester: String,
    pub requester_email: String,
    pub status: String,
    pub valid_until: String,
    pub total: String,
    pub lines: Vec<LineView>,
    pub thread: Vec<EntryView>,
    pub can_offer: bool,
    pub can_decline: bool,
    pub can_message: bool,
    pub typed_valid_until: String,
    pub valid_error: Option<String>,
    pub message: String,
    pub message_error: Option<String>,
    pub alert: Option<String>,
    pub min_date: String,
}

#[derive(Default)]
struct Sent {
    form: HashMap<String, String>,
    errors: HashMap<i64, String>,
    valid_error: Option<String>,
    message_error: Option<String>,
    alert: Option<String>,
}

async fn quote_page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    number: String,
    sent: Sent,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let country = state.settings.shop.country.clone();
    let (q, lines, thread, buyer) = db::run(&state.pool, move |c| {
        let Some(q) = db::quotes::find(c, &number, None)? else {
            return Ok(None);
        };
        let lines = db::quotes::lines(c, q.id)?;
        let thread = db::quotes::thread(c, q.id)?;
        let pricing = db::prices::company_pricing(c, q.company_id, &country, now)?;
        Ok(Some((q, lines, thread, Buyer::company(pricing.into()))))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(req, staff);
    let locale = ctx.locale;
    let st = q.status();
    let expired = q.expired(now);
    let can = |a: Action| next(st, a, Side::Shop, expired).is_ok();
    let today = now.date();
    let page = QuotePage {
        nav: nav::menu(&ctx, staff.role, PATH),
        status: status_label(&q, locale),
        valid_until: q.valid_until.map(|d| locale.date(d)).unwrap_or_default(),
        total: q.total_minor.map(|m| money(m, locale)).unwrap_or_default(),
        lines: lines
            .into_iter()
            .map(|l| {
                let own = buyer.price(
                    l.product_id,
                    crate::domain::money::Money::from_minor(
                        l.list_price_minor,
                        crate::domain::money::Currency::Sek,
                    ),
                    TaxRate::from_bp(l.tax_rate_bp).unwrap_or(TaxRate::STANDARD),
                    u32::try_from(l.quantity).unwrap_or(1),
                );
                LineView {
                    typed_price: sent
                        .form
                        .get(&format!("price_{}", l.id))
                        .cloned()
                        .unwrap_or_else(|| {
                            l.offered_minor
                                .map(crate::web::export_amount)
                                .unwrap_or_default()
                        }),
                    error: sent.errors.get(&l.id).cloned(),
                    list_price: money(l.list_price_minor, locale),
                    company_price: own.unit_net.format(locale.code()),
                    target: l
                        .requested_minor
                        .map(|m| money(m, locale))
                        .unwrap_or_default(),
                    offered: l
                        .offered_minor
                        .map(|m| money(m, locale))
                        .unwrap_or_default(),
                    id: l.id,
                    name: l.name,
                    sku: l.sku,
                    quantity: l.quantity,
                }
            })
            .collect(),
        thread: thread_view(thread, locale, false),
        can_offer: can(Action::Offer),
        can_decline: can(Action::Decline),
        can_message: st.is_open(),
        typed_valid_until: sent.form.get("valid_until").cloned().unwrap_or_else(|| {
            q.valid_until
                .map(|d| d.date())
                .filter(|d| *d >= today)
                .unwrap_or(today + chrono::Duration::days(DEFAULT_VALID_DAYS))
                .format("%Y-%m-%d")
                .to_string()
        }),
        valid_error: sent.valid_error,
        message: sent.form.get("message").cloned().unwrap_or_default(),
        message_error: sent.message_error,
        alert: sent.alert,
        min_date: today.format("%Y-%m-%d").to_string(),
        number: q.number,
        company: q.company,
        requester: q.requester,
        requester_email: q.requester_email,
        ctx,
    };
    render_status(&page, status)
}

/// `GET /admin/quotes/{number}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    quote_page(
        &req,
        &staff,
        &state,
        number.into_inner(),
        Sent::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/quotes/{number}`.
pub async fn answer(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let number = number.into_inner();
    let form = clipped(form.into_inner());
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let action = match form.get("action").map(String::as_str) {
        Some("offer") => Action::Offer,
        Some("decline") => Action::Decline,
        Some("message") => Action::Message,
        _ => return Err(AppError::BadRequest("unknown quote action".into())),
    };
    let lookup = number.clone();
    let (q, lines) = db::run(&state.pool, move |c| {
        let Some(q) = db::quotes::find(c, &lookup, None)? else {
            return Ok(None);
        };
        let lines = db::quotes::lines(c, q.id)?;
        Ok(Some((q, lines)))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now().naive_utc();
    let refuse =
        |sent: Sent, status| quote_page(&req, &staff, &state, number.clone(), sent, status);
    let to = match next(q.status(), action, Side::Shop, q.expired(now)) {
        Ok(to) => to,
        Err(problem) => {
            let sent = Sent {
                alert: Some(locale.t(problem.message_key())),
                form,
                ..Sent::default()
            };
            return refuse(sent, StatusCode::CONFLICT).await;
        }
    };
    let mut sent = Sent::default();
    let message = match parse_message(form.get("message").map_or("", String::as_str)) {
        Ok(m) => m,
        Err(key) => {
            sent.message_error = Some(locale.t(key));
            String::new()
        }
    };
    if sent.message_error.is_none()
        && message.is_empty()
        && matches!(action, Action::Message | Action::Decline)
    {
        sent.message_error = Some(locale.t("quote-message-missing"));
    }
    let mut changes = Changes::default();
    if action == Action::Offer {
        let mut priced = Vec::new();
        for l in &lines {
            let typed = form
                .get(&format!("price_{}", l.id))
                .map_or("", String::as_str);
            match parse_unit_price(typed, true) {
                Ok(Some(unit)) => {
                    let minor = unit.to_minor().unwrap_or(0);
                    changes.offered.push((l.id, minor));
                    priced.push((u32::try_from(l.quantity).unwrap_or(0), Some(unit)));
                }
                Ok(None) => {}
                Err(key) => {
                    sent.errors.insert(l.id, locale.t(key));
                }
            }
        }
        match parse_valid_until(
            form.get("valid_until").map_or("", String::as_str),
            now.date(),
        ) {
            Ok(date) => changes.valid_until = Some(valid_through(date)),
            Err(key) => sent.valid_error = Some(locale.t(key)),
        }
        changes.total_minor = offer_total(&priced).and_then(|m| m.to_minor().ok());
        changes.assign_to = Some(staff.user.id);
    }
    if sent.message_error.is_some() || sent.valid_error.is_some() || !sent.errors.is_empty() {
        sent.alert = Some(locale.t("quote-fix-errors"));
        sent.form = form;
        return refuse(sent, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let (id, from, actor) = (q.id, q.status(), staff.user.id);
    let base = state.public_base_url();
    let default = state.default_locale;
    let quote = q.clone();
    let moved = db::run_write(&state.pool, move |c| {
        if !db::quotes::apply(c, id, from, to, action, actor, &message, &changes, now)? {
            return Ok(false);
        }
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: &format!("quote_{}", action.code()),
                subject_type: "quote",
                subject_id: &quote.number,
                before: Some(from.code()),
                after: Some(to.code()),
            },
        )?;
        let what = match action {
            Action::Offer => "answered",
            Action::Decline => "declined",
            _ => "message",
        };
        let their = quote
            .requester_locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(default);
        let link = format!("{base}/b2b/quotes/{}", quote.number);
        Mail::quote_update(their, &quote.requester_email, what, &quote.number, &link).enqueue(c)?;
        Ok(true)
    })
    .await?;
    if !moved {
        let sent = Sent {
            alert: Some(locale.t("quote-problem-not-now")),
            ..Sent::default()
        };
        return refuse(sent, StatusCode::CONFLICT).await;
    }
    session::flash(&session, &format!("admin-quote-done-{}", action.code()));
    Ok(see_other(format!("{PATH}/{}", q.number)))
}
