//! The staff order page: lines, totals, address, timeline, returns, a company order's approval,
//! what was given back and the form to give more, staff notes. Refused forms posted from it come
//! back here with what was typed (`Kept`).

use super::*;

/// A line as the customer's order page shows it.
pub use crate::web::orders::OrderLineView as LineView;

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

pub(crate) async fn order_page(
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
            (left > 0
                && nav::allowed(crate::web::admin::order_refund::ROLES_FROM).contains(&staff.role))
            .then(|| RefundView {
                left: locale.t_args("admin-case-refund-left", &[("details", m(left))]),
                key: crate::db::tokens::random_token(),
            })
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
