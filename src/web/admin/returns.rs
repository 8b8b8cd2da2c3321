//! `GET /admin/returns` (the queue, oldest first, by status), the return's page
//! `GET /admin/returns/{number}`, and `POST …/act` to work it through: received (back on the
//! shelf), refunded (through the payment provider, once per return), exchanged (replacements
//! sent if in stock) or rejected with a note the shopper sees. Administrators and support agents.

use super::nav::{self, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, returns as store};
use crate::domain::money::{Currency, Money};
use crate::domain::returns::{Action, Kind};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::returns::status_label;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/returns";
const PER_PAGE: i64 = 50;
const STATUSES: [&str; 6] = [
    "requested",
    "received",
    "refunded",
    "exchanged",
    "rejected",
    "cancelled",
];

pub struct RowView {
    pub number: String,
    pub created: String,
    pub kind: String,
    pub status: String,
    pub order_number: String,
    pub email: String,
    pub refund: String,
}

#[derive(Template)]
#[template(path = "admin/returns.html")]
pub struct ReturnsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub statuses: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

fn money(minor: i64, locale: crate::i18n::Locale) -> String {
    Money::from_minor(minor, Currency::Sek).format(locale.code())
}

/// `GET /admin/returns`: by default the ones waiting for the parcel.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let wanted = query.status.unwrap_or_else(|| "requested".into());
    let status = STATUSES
        .iter()
        .find(|s| **s == wanted)
        .map(|s| s.to_string());
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let filter = status.clone();
    let (rows, more) = db::run(&state.pool, move |c| {
        store::list(c, filter.as_deref(), page, PER_PAGE)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let link = |p: i64| format!("{PATH}?status={}&page={p}", status.as_deref().unwrap_or(""));
    let statuses = nav::filter_options(&ctx, status.as_deref(), &STATUSES, |s| {
        status_label(s, locale)
    });
    render(&ReturnsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows: rows
            .into_iter()
            .map(|r| RowView {
                created: r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                kind: ctx.t(&format!("return-kind-{}", r.kind)),
                status: status_label(&r.status, locale),
                refund: money(r.refund_minor, locale),
                number: r.number,
                order_number: r.order_number,
                email: r.email,
            })
            .collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        statuses,
        ctx,
    })
}

pub struct LineView {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub exchange: Option<String>,
    pub refund: String,
}

pub struct ActionView {
    pub code: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "admin/return.html")]
pub struct ReturnPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub number: String,
    pub order_number: String,
    pub email: String,
    pub kind: String,
    pub status: String,
    pub reason: String,
    pub comment: String,
    pub staff_note: String,
    pub created: String,
    pub lines: Vec<LineView>,
    pub refund: String,
    pub actions: Vec<ActionView>,
    pub error: Option<String>,
    pub typed_note: String,
}

async fn return_page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    number: String,
    error: Option<String>,
    typed_note: String,
) -> Result<HttpResponse, AppError> {
    let r = db::run(&state.pool, move |c| store::by_number(c, &number))
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(req, staff);
    let locale = ctx.locale;
    let actions = [
        Action::Receive,
        Action::Refund,
        Action::Exchange,
        Action::Reject,
    ]
    .into_iter()
    .filter(|a| a.from(&r.status, r.kind).is_some())
    .map(|a| {
        let code = match a {
            Action::Receive => "receive",
            Action::Refund => "refund",
            Action::Exchange => "exchange",
            Action::Reject => "reject",
            Action::Cancel => "cancel",
        };
        ActionView {
            code,
            label: ctx.t(&format!("admin-return-{code}")),
        }
    })
    .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render_status(
        &ReturnPage {
            nav: nav::menu(&ctx, staff.role, PATH),
            number: r.number.clone(),
            order_number: r.order.number.clone(),
            email: r.order.email.clone(),
            kind: ctx.t(&format!("return-kind-{}", r.kind.code())),
            status: status_label(&r.status, locale),
            reason: ctx.t(&format!("return-reason-{}", r.reason)),
            comment: r.comment.clone(),
            staff_note: r.staff_note.clone(),
            created: r.created_at.format("%Y-%m-%d %H:%M").to_string(),
            lines: r
                .lines
                .iter()
                .map(|l| LineView {
                    name: l.name.clone(),
                    sku: l.sku.clone(),
                    quantity: l.quantity,
                    exchange: l.exchange.as_ref().map(|(_, n)| n.clone()),
                    refund: money(l.refund_minor, locale),
                })
                .collect(),
            refund: money(r.refund_minor, locale),
            actions,
            error,
            typed_note,
            ctx,
        },
        status,
    )
}

/// `GET /admin/returns/{number}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    return_page(
        &req,
        &staff,
        &state,
        number.into_inner(),
        None,
        String::new(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ActForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
}

/// `POST /admin/returns/{number}/act`: `action` (receive, refund, exchange, reject), `note`
/// (required to reject; the shopper sees it).
pub async fn act(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<ActForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let number = number.into_inner();
    let form = form.into_inner();
    let note: String = form.note.trim().chars().take(500).collect();
    let ctx = nav::staff_context(&req, &staff);
    let Some(action) = Action::parse(&form.action).filter(|a| *a != Action::Cancel) else {
        let error = Some(ctx.t("admin-return-not-now"));
        return return_page(&req, &staff, &state, number, error, note).await;
    };
    // A refund goes to the payment provider first, keyed by the return number so that a retry
    // or a second click refunds once; the return is then marked refunded with its reference.
    let lookup = number.clone();
    let found = db::run(&state.pool, move |c| {
        let Some(r) = store::by_number(c, &lookup)? else {
            return Ok(None);
        };
        let payment = db::orders::payment_reference(c, r.order.id)?;
        let invoice = db::companies::open_invoice_of(c, r.order.id)?;
        Ok(Some((r, payment, invoice)))
    })
    .await?;
    let (r, payment, invoice) = found.ok_or(AppError::NotFound)?;
    let mut reference = None;
    // On invoice nothing was paid by card: the refund credits the invoice instead (in `act`).
    if let Some(invoice) = invoice.filter(|_| action == Action::Refund) {
        reference = Some(
            ctx.locale
                .t_args("admin-return-credited", &[("number", invoice)]),
        );
    } else if action == Action::Refund
        && action.from(&r.status, r.kind).is_some()
        && r.refund_minor > 0
        && r.kind == Kind::Return
    {
        match state
            .payments
            .refund(payment.as_deref().unwrap_or(""), r.refund_minor, &r.number)
        {
            Ok(re) => reference = Some(re),
            Err(e) => {
                tracing::warn!(error = %e, return_number = %r.number, "refund refused by the provider");
                let error = Some(ctx.t("admin-return-refund-failed"));
                return return_page(&req, &staff, &state, number, error, note).await;
            }
        }
    }
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let (n, typed) = (number.clone(), note.clone());
    let before = r.status.clone();
    let done = store::conflict(
        db::run_write(&state.pool, move |c| {
            let done = store::act(
                c,
                &n,
                action,
                &typed,
                reference.as_deref(),
                Some(actor),
                now,
            )?;
            if let Ok(to) = &done {
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(actor),
                        action: "return_step",
                        subject_type: "return",
                        subject_id: &n,
                        before: Some(before.as_str()),
                        after: Some(to),
                    },
                )?;
            }
            Ok(done)
        })
        .await,
    )?;
    match done {
        Ok(_) => {
            session::flash(&session, "admin-return-moved");
            Ok(see_other(format!("{PATH}/{number}")))
        }
        Err(problem) => {
            let error = Some(match problem {
                store::ActProblem::NoteMissing => ctx.t("admin-return-note-missing"),
                store::ActProblem::OutOfStock(name) => ctx
                    .locale
                    .t_args("admin-return-out-of-stock", &[("name", name)]),
                store::ActProblem::NotAllowed(_) => ctx.t("admin-return-not-now"),
            });
            return_page(&req, &staff, &state, number, error, note).await
        }
    }
}
