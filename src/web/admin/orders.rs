//! `GET /admin/orders` (filter by status, segment, number or e-mail; paginated), the order page
//! `GET /admin/orders/{number}` with its timeline and returns, and `POST …/step` to move it
//! along the state machine (pack, ship with a tracking number, deliver, cancel). Administrators,
//! sales representatives and support agents.

use super::nav::{self, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, fulfilment, orders};
use crate::domain::fulfilment::{Step, StepProblem, steps_from};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::orders::status_label;
use crate::web::{PageContext, render, see_other};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/orders";
const PER_PAGE: i64 = 50;
/// The statuses staff filter by, in the order an order goes through them.
const STATUSES: [&str; 9] = [
    "awaiting_approval",
    "awaiting_payment",
    "paid",
    "confirmed",
    "packed",
    "shipped",
    "delivered",
    "rejected",
    "cancelled",
];

pub struct RowView {
    pub company: String,
    pub number: String,
    pub placed: String,
    pub segment: String,
    pub email: String,
    pub status: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "admin/orders.html")]
pub struct OrdersPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub statuses: Vec<OptionView>,
    pub segments: Vec<OptionView>,
    pub companies: Vec<OptionView>,
    /// The days as typed.
    pub from: String,
    pub to: String,
    pub errors: Vec<(&'static str, String)>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl OrdersPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    segment: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

/// A typed day (`YYYY-MM-DD`): empty is no day, anything unreadable the message key.
fn day(typed: &str) -> Result<Option<chrono::NaiveDate>, &'static str> {
    match typed.trim() {
        "" => Ok(None),
        t => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| "admin-orders-day-bad"),
    }
}

fn money(minor: i64, currency: &str, locale: crate::i18n::Locale) -> String {
    Money::from_minor(minor, Currency::parse(currency).unwrap_or(Currency::Sek))
        .format(locale.code())
}

/// `GET /admin/orders`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    // Only known values filter; anything else shows everything.
    let status = STATUSES
        .iter()
        .find(|s| **s == query.status)
        .map(|s| s.to_string());
    let segment = ["b2c", "b2b"]
        .iter()
        .find(|s| **s == query.segment)
        .map(|s| s.to_string());
    let q: String = query.q.trim().chars().take(100).collect();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let ctx = nav::staff_context(&req, &staff);
    // A day that cannot be read is said next to its field and not used.
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let mut read_day = |field: &'static str, typed: &str| {
        day(typed).unwrap_or_else(|key| {
            errors.push((field, ctx.t(key)));
            None
        })
    };
    let (from_day, to_day) = (read_day("from", &query.from), read_day("to", &query.to));
    let midnight = |d: chrono::NaiveDate| state.to_utc(d.and_time(chrono::NaiveTime::MIN));
    let filter = fulfilment::Filter {
        status: status.clone(),
        segment: segment.clone(),
        query: q.clone(),
        company_id: query.company.trim().parse().ok(),
        from: from_day.map(midnight),
        until: to_day.and_then(|d| d.succ_opt()).map(midnight),
    };
    let company_id = filter.company_id;
    let (rows, more, companies) = db::run(&state.pool, move |c| {
        let (rows, more) = fulfilment::list(c, &filter, page, PER_PAGE)?;
        Ok((rows, more, db::company_admin::names(c)?))
    })
    .await?;
    let locale = ctx.locale;
    let link = |p: i64| {
        format!(
            "{PATH}?status={}&segment={}&q={}&company={}&from={}&to={}&page={p}",
            status.as_deref().unwrap_or(""),
            segment.as_deref().unwrap_or(""),
            crate::web::url_encode(&q),
            company_id.map(|c| c.to_string()).unwrap_or_default(),
            from_day.map(|d| d.to_string()).unwrap_or_default(),
            to_day.map(|d| d.to_string()).unwrap_or_default(),
        )
    };
    let mut company_options = vec![OptionView {
        value: String::new(),
        label: ctx.t("admin-all"),
        selected: company_id.is_none(),
    }];
    company_options.extend(companies.into_iter().map(|(id, name)| OptionView {
        value: id.to_string(),
        label: name,
        selected: company_id == Some(id),
    }));
    let statuses = nav::filter_options(&ctx, status.as_deref(), &STATUSES, |s| {
        status_label(s, locale)
    });
    let segments = nav::filter_options(&ctx, segment.as_deref(), &["b2c", "b2b"], |s| {
        ctx.t(&format!("admin-segment-{s}"))
    });
    render(&OrdersPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows: rows
            .into_iter()
            .map(|r| RowView {
                company: r.company.unwrap_or_default(),
                placed: r.placed_at.format("%Y-%m-%d %H:%M").to_string(),
                segment: ctx.t(&format!("admin-segment-{}", r.segment)),
                email: r.email,
                status: status_label(&r.status, locale),
                total: money(r.total_minor, &r.currency, locale),
                number: r.number,
            })
            .collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        statuses,
        segments,
        companies: company_options,
        from: query.from.trim().chars().take(20).collect(),
        to: query.to.trim().chars().take(20).collect(),
        errors,
        q: q.clone(),
        ctx,
    })
}

pub struct LineView {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub total: String,
}

pub struct EventView {
    pub label: String,
    pub note: String,
    pub at: String,
}

pub struct StepView {
    pub code: &'static str,
    pub label: String,
    pub needs_tracking: bool,
}

#[derive(Template)]
#[template(path = "admin/order.html")]
pub struct OrderPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub number: String,
    pub status: String,
    pub email: String,
    pub segment: String,
    pub placed: String,
    pub lines: Vec<LineView>,
    pub summary: Vec<(String, String)>,
    pub total: String,
    pub address: Vec<String>,
    pub delivery: String,
    pub tracking: Option<String>,
    pub events: Vec<EventView>,
    pub steps: Vec<StepView>,
    pub returns: Vec<(String, String)>,
    /// "SEK 200.00 of SEK 1,250.00 given back", once anything was.
    pub refunded: Option<String>,
    /// (author, note, when)
    pub notes: Vec<(String, String, String)>,
    /// "Give money back", for the roles that handle refunds while something is left to give.
    pub refund: Option<RefundView>,
    /// A company order's approval: where it stands and who may decide.
    pub approval: Option<ApprovalView>,
    pub kept: Kept,
}

/// A company order's approval on the staff order page.
pub struct ApprovalView {
    /// "Waiting for approval: over the order limit of …", "Approved: …".
    pub state: String,
    /// "Asked by Britt Bygg on 2026-12-05 09:12".
    pub asked: String,
    /// While it waits: the company's approvers and admins ("Name <e-mail>").
    pub approvers: Vec<String>,
}

/// The order page's refund form.
pub struct RefundView {
    /// "Up to SEK 1,050.00 is left to refund."
    pub left: String,
    /// This form's key: a second click gives nothing.
    pub key: String,
}

/// What a refused form on the order page keeps: its message and what was typed.
#[derive(Default)]
pub struct Kept {
    pub error: Option<String>,
    /// The tracking number as typed.
    pub tracking: String,
    pub note: String,
    pub note_error: Option<String>,
    /// The refund form as typed, and the field it was refused on with the message.
    pub refund_amount: String,
    pub refund_note: String,
    pub refund_error: Option<(&'static str, String)>,
}

impl Kept {
    /// The refund form's message for `field`, when it was refused there.
    pub fn refund_error(&self, field: &str) -> Option<&str> {
        self.refund_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

pub(super) async fn order_page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    number: String,
    kept: Kept,
) -> Result<HttpResponse, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let (detail, returnable, notes, refunded, approval) = db::run(&state.pool, move |c| {
        let Some(order) = orders::by_number(c, &number)? else {
            return Ok(None);
        };
        let id = order.id;
        let returnable = db::returns::for_order(c, order.clone(), now)?;
        let notes = orders::notes::list(c, id)?;
        let refunded = db::cases::refunded_so_far(c, id)?;
        let approval = match db::approvals::of_order(c, id)? {
            Some(a) => {
                let approvers = if a.status == "pending" {
                    let company = db::approvals::company_of(c, a.id)?;
                    db::approvals::approvers(c, company)?
                } else {
                    Vec::new()
                };
                Some((a, approvers))
            }
            None => None,
        };
        Ok(Some((
            orders::detail(c, order)?,
            returnable,
            notes,
            refunded,
            approval,
        )))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(req, staff);
    let locale = ctx.locale;
    let m = |minor: i64| money(minor, &detail.order.currency, locale);
    let summary = crate::web::orders::summary_rows(&detail, locale, "checkout-vat");
    let status = detail.order.status.clone();
    let page = OrderPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        number: detail.order.number.clone(),
        status: status_label(&status, locale),
        email: detail.order.email.clone(),
        segment: ctx.t(&format!("admin-segment-{}", detail.segment)),
        placed: detail.placed_at.format("%Y-%m-%d %H:%M").to_string(),
        lines: detail
            .lines
            .iter()
            .map(|l| LineView {
                name: l.name.clone(),
                sku: l.sku.clone(),
                quantity: l.quantity,
                total: m(l.line_total_minor),
            })
            .collect(),
        summary,
        total: m(detail.order.total_minor),
        address: detail
            .shipping_address
            .lines()
            .map(str::to_string)
            .collect(),
        delivery: detail.delivery_method.clone(),
        tracking: detail.tracking_number.clone(),
        events: detail
            .events
            .iter()
            .map(|(s, note, at)| EventView {
                label: status_label(s, locale),
                note: note.clone(),
                at: at.format("%Y-%m-%d %H:%M").to_string(),
            })
            .collect(),
        steps: steps_from(&status)
            .into_iter()
            .map(|s| StepView {
                code: s.code(),
                label: ctx.t(&format!("admin-order-step-{}", s.code())),
                needs_tracking: s == Step::Ship,
            })
            .collect(),
        returns: returnable
            .returns
            .iter()
            .map(|r| {
                (
                    r.number.clone(),
                    crate::web::returns::status_label(&r.status, locale),
                )
            })
            .collect(),
        refunded: (refunded > 0).then(|| {
            locale.t_args(
                "admin-order-refunded",
                &[
                    ("amount", m(refunded)),
                    ("total", m(detail.order.total_minor)),
                ],
            )
        }),
        notes: notes
            .into_iter()
            .map(|(who, body, at)| (who, body, at.format("%Y-%m-%d %H:%M").to_string()))
            .collect(),
        refund: {
            let left = detail.order.total_minor - refunded;
            (left > 0 && nav::allowed(super::order_refund::ROLES_FROM).contains(&staff.role)).then(
                || RefundView {
                    left: locale.t_args("admin-case-refund-left", &[("details", m(left))]),
                    key: crate::db::tokens::random_token(),
                },
            )
        },
        approval: approval.map(|(a, approvers)| ApprovalView {
            state: crate::web::b2b::approvals::order_note(&a, locale),
            asked: locale.t_args(
                "admin-order-approval-asked",
                &[
                    ("name", a.requester.clone()),
                    (
                        "when",
                        state
                            .to_local(a.created_at)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                    ),
                ],
            ),
            approvers: approvers
                .into_iter()
                .map(|(email, name, _)| format!("{name} <{email}>"))
                .collect(),
        }),
        kept,
        ctx,
    };
    let status = if page.kept.error.is_some()
        || page.kept.note_error.is_some()
        || page.kept.refund_error.is_some()
    {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        actix_web::http::StatusCode::OK
    };
    crate::web::render_status(&page, status)
}

/// `GET /admin/orders/{number}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    order_page(&req, &staff, &state, number.into_inner(), Kept::default()).await
}

#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    tracking: String,
}

/// `POST /admin/orders/{number}/step`: `step` (pack, ship, deliver, cancel), `tracking`.
pub async fn step(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<StepForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let number = number.into_inner();
    let form = form.into_inner();
    let ctx = nav::staff_context(&req, &staff);
    let Some(step) = Step::parse(&form.step) else {
        let kept = Kept {
            error: Some(ctx.t("admin-order-step-unknown")),
            tracking: form.tracking,
            ..Kept::default()
        };
        return order_page(&req, &staff, &state, number, kept).await;
    };
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let lookup = number.clone();
    let tracking = form.tracking.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(order) = orders::by_number(c, &lookup)? else {
            return Ok(None);
        };
        let done = fulfilment::advance(c, order.id, step, &tracking, Some(actor), now)?;
        if done.is_ok() {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "order_step",
                    subject_type: "order",
                    subject_id: &order.number,
                    before: Some(order.status.as_str()),
                    after: Some(step.edge().1),
                },
            )?;
        }
        Ok(Some((order, done)))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let (order, outcome) = outcome;
    match outcome {
        Ok(()) => {
            if step == Step::Cancel {
                crate::web::orders::refund_cancelled(&state, &order, Some(actor)).await?;
            }
            session::flash(&session, "admin-order-moved");
            Ok(see_other(format!("{PATH}/{number}")))
        }
        Err(problem) => {
            let error = Some(match problem {
                StepProblem::TrackingMissing => ctx.t("admin-order-tracking-missing"),
                StepProblem::TrackingInvalid => ctx.t("admin-order-tracking-invalid"),
                StepProblem::NotFrom(_) => ctx.t("admin-order-step-not-now"),
            });
            let kept = Kept {
                error,
                tracking: form.tracking,
                ..Kept::default()
            };
            order_page(&req, &staff, &state, number, kept).await
        }
    }
}
