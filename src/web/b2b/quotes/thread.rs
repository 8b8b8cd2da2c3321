//! `GET /b2b/quotes/{number}`: the quote's lines (quantity, the buyer's target, the offered unit
//! price), its validity and thread; and `POST /b2b/quotes/{number}` with `action` = accept |
//! counter | withdraw | message. The person who asked (or a company admin) acts; approvers and
//! admins read every quote of the company, buyers their own.

use super::{EntryView, PATH, clipped, money, sees_all, status_label, thread_view};
use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, quotes::Changes, quotes::QuoteRow};
use crate::domain::accounts::CompanyRole;
use crate::domain::cart::QuantityRules;
use crate::domain::pricing::Segment;
use crate::domain::quotes::{Action, Problem, Side, Status, next, parse_message, parse_unit_price};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub struct LineView {
    pub id: i64,
    pub name: String,
    pub sku: String,
    pub url: String,
    pub quantity: i32,
    pub target: String,
    pub offered: String,
    pub line_total: String,
    /// The counter-offer fields as typed (or as they stand) and their problem.
    pub typed_quantity: String,
    pub typed_target: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "b2b/quote.html")]
pub struct QuotePage {
    pub ctx: PageContext,
    pub number: String,
    pub status: String,
    pub status_code: &'static str,
    pub requester: String,
    pub created: String,
    pub valid_until: String,
    pub total: String,
    pub lines: Vec<LineView>,
    pub thread: Vec<EntryView>,
    pub can_accept: bool,
    pub can_checkout: bool,
    pub can_counter: bool,
    pub can_withdraw: bool,
    pub can_message: bool,
    pub message: String,
    pub message_error: Option<String>,
    pub alert: Option<String>,
}

/// What the form sent back, to show again with its problems.
#[derive(Default)]
struct Sent {
    form: HashMap<String, String>,
    errors: HashMap<i64, String>,
    message_error: Option<String>,
    alert: Option<String>,
}

/// The member's view of the quote: `None` (404) when it is another company's, or another
/// buyer's for a plain buyer.
async fn load(
    state: &AppState,
    member: &CompanyMember,
    number: String,
) -> Result<(QuoteRow, Vec<db::quotes::LineRow>, Vec<db::quotes::Entry>), AppError> {
    let (company, me, all) = (member.company.id, member.user.id, sees_all(member.role));
    db::run(&state.pool, move |c| {
        let Some(q) = db::quotes::find(c, &number, Some(company))? else {
            return Ok(None);
        };
        if !all && q.requested_by != me {
            return Ok(None);
        }
        let lines = db::quotes::lines(c, q.id)?;
        let thread = db::quotes::thread(c, q.id)?;
        Ok(Some((q, lines, thread)))
    })
    .await?
    .ok_or(AppError::NotFound)
}

fn may_act(q: &QuoteRow, member: &CompanyMember) -> bool {
    q.requested_by == member.user.id || member.role == CompanyRole::Admin
}

async fn page(
    req: &HttpRequest,
    state: &AppState,
    number: String,
    sent: Sent,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let (q, lines, thread) = load(state, &member, number).await?;
    let ctx = PageContext::with_principal(req, Theme::B2b, principal);
    let locale = ctx.locale;
    let now = chrono::Utc::now().naive_utc();
    let (st, expired, actor) = (q.status(), q.expired(now), may_act(&q, &member));
    let can = |a: Action| actor && next(st, a, Side::Buyer, expired).is_ok();
    let lines = lines
        .into_iter()
        .map(|l| LineView {
            typed_quantity: sent
                .form
                .get(&format!("qty_{}", l.id))
                .cloned()
                .unwrap_or_else(|| l.quantity.to_string()),
            typed_target: sent
                .form
                .get(&format!("target_{}", l.id))
                .cloned()
                .unwrap_or_else(|| {
                    l.requested_minor
                        .map(crate::web::export_amount)
                        .unwrap_or_default()
                }),
            error: sent.errors.get(&l.id).cloned(),
            url: format!("/products/{}", l.slug),
            target: l
                .requested_minor
                .map(|m| money(m, locale))
                .unwrap_or_default(),
            offered: l
                .offered_minor
                .map(|m| money(m, locale))
                .unwrap_or_default(),
            line_total: l
                .offered_minor
                .map(|m| money(m * i64::from(l.quantity), locale))
                .unwrap_or_default(),
            id: l.id,
            name: l.name,
            sku: l.sku,
            quantity: l.quantity,
        })
        .collect();
    let page = QuotePage {
        status: status_label(&q, locale),
        status_code: if expired && st.is_open() {
            "expired"
        } else {
            st.code()
        },
        requester: q.requester.clone(),
        created: locale.date(q.created_at),
        valid_until: q.valid_until.map(|d| locale.date(d)).unwrap_or_default(),
        total: q.total_minor.map(|m| money(m, locale)).unwrap_or_default(),
        lines,
        thread: thread_view(thread, locale, true),
        can_accept: can(Action::Accept),
        can_checkout: actor && st == Status::Accepted && !expired,
        can_counter: can(Action::Counter),
        can_withdraw: can(Action::Withdraw),
        can_message: actor && st.is_open(),
        message: sent.form.get("message").cloned().unwrap_or_default(),
        message_error: sent.message_error,
        alert: sent.alert,
        number: q.number,
        ctx,
    };
    Ok(crate::web::cache_control(
        render_status(&page, status)?,
        "no-store",
    ))
}

/// `GET /b2b/quotes/{number}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    page(
        &req,
        &state,
        number.into_inner(),
        Sent::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /b2b/quotes/{number}`: `action` = accept | counter | withdraw | message, `message`,
/// and for a counter-offer `qty_{line}` and `target_{line}`.
pub async fn act(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    number: web::Path<String>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let number = number.into_inner();
    let form = clipped(form.into_inner());
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let action = match form.get("action").map(String::as_str) {
        Some("accept") => Action::Accept,
        Some("counter") => Action::Counter,
        Some("withdraw") => Action::Withdraw,
        Some("message") => Action::Message,
        _ => return Err(AppError::BadRequest("unknown quote action".into())),
    };
    let (q, lines, _) = load(&state, &member, number.clone()).await?;
    if !may_act(&q, &member) {
        return Err(AppError::Forbidden);
    }
    let refuse = |sent: Sent| {
        page(
            &req,
            &state,
            number.clone(),
            sent,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let now = chrono::Utc::now().naive_utc();
    // Accepting twice (a double click) goes on to the same checkout.
    if action == Action::Accept && q.status() == Status::Accepted && !q.expired(now) {
        return Ok(see_other(format!("/checkout?quote={}", q.number)));
    }
    let to = match next(q.status(), action, Side::Buyer, q.expired(now)) {
        Ok(to) => to,
        Err(problem) => {
            let sent = Sent {
                alert: Some(locale.t(problem.message_key())),
                form,
                ..Sent::default()
            };
            return page(&req, &state, number, sent, StatusCode::CONFLICT).await;
        }
    };
    let message = match parse_message(form.get("message").map_or("", String::as_str)) {
        Ok(m) => m,
        Err(key) => {
            return refuse(Sent {
                message_error: Some(locale.t(key)),
                alert: Some(locale.t("quote-fix-errors")),
                form,
                ..Sent::default()
            })
            .await;
        }
    };
    if matches!(action, Action::Message | Action::Counter) && message.is_empty() {
        return refuse(Sent {
            message_error: Some(locale.t("quote-message-missing")),
            alert: Some(locale.t("quote-fix-errors")),
            form,
            ..Sent::default()
        })
        .await;
    }
    let mut changes = Changes::default();
    if action == Action::Counter {
        let mut errors = HashMap::new();
        for l in &lines {
            let rules = QuantityRules::new(Segment::Company, l.min_qty, l.qty_step, l.max_qty);
            let qty = form
                .get(&format!("qty_{}", l.id))
                .cloned()
                .unwrap_or_else(|| l.quantity.to_string());
            let target = form
                .get(&format!("target_{}", l.id))
                .map_or("", String::as_str);
            match (rules.parse(&qty), parse_unit_price(target, false)) {
                (Err(e), _) => {
                    let (key, args) = e.message();
                    errors.insert(l.id, locale.t_args(key, &args));
                }
                (_, Err(key)) => {
                    errors.insert(l.id, locale.t(key));
                }
                (Ok(qty), Ok(target)) => changes.countered.push((
                    l.id,
                    i32::try_from(qty).unwrap_or(i32::MAX),
                    target.and_then(|m| m.to_minor().ok()),
                )),
            }
        }
        if !errors.is_empty() {
            return refuse(Sent {
                errors,
                alert: Some(locale.t("quote-fix-errors")),
                form,
                ..Sent::default()
            })
            .await;
        }
    }
    let (id, from, me, assigned) = (q.id, q.status(), member.user.id, q.assigned_to);
    let base = state.public_base_url();
    let default = state.default_locale;
    let quote_number = q.number.clone();
    let moved = db::run_write(&state.pool, move |c| {
        if !db::quotes::apply(c, id, from, to, action, me, &message, &changes, now)? {
            return Ok(false);
        }
        // The shop hears of counter-offers and messages (not of its own offer being taken: the
        // inbox shows that).
        let what = match action {
            Action::Counter => Some("countered"),
            Action::Message => Some("message"),
            Action::Withdraw => Some("withdrawn"),
            _ => None,
        };
        if let Some(what) = what {
            let link = format!("{base}/admin/quotes/{quote_number}");
            for (email, lang) in db::quotes::shop_side(c, assigned)? {
                let their = lang.as_deref().and_then(Locale::parse).unwrap_or(default);
                Mail::quote_update(their, &email, what, &quote_number, &link).enqueue(c)?;
            }
        }
        Ok(true)
    })
    .await?;
    if !moved {
        let sent = Sent {
            alert: Some(locale.t(Problem::NotNow.message_key())),
            ..Sent::default()
        };
        return page(&req, &state, number, sent, StatusCode::CONFLICT).await;
    }
    if action == Action::Accept {
        return Ok(see_other(format!("/checkout?quote={}", q.number)));
    }
    session::flash(&session, &format!("quote-done-{}", action.code()));
    Ok(see_other(format!("{PATH}/{}", q.number)))
}
