//! One case for support staff: `GET /admin/cases/{number}` (details, timers, the whole thread
//! with internal notes and photos, the forms of `moves.rs` and `convert.rs`) and
//! `GET …/files/{id}`.

use super::*;
use crate::domain::cases::Move;
use crate::web::cases::files;
use actix_web::http::StatusCode;

pub struct LineView {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub ordered: i32,
}

/// A line the return form offers: how many may still go back, variants for an exchange.
pub struct ReturnLineView {
    pub id: i64,
    pub name: String,
    pub left: u32,
    pub typed: String,
    pub variants: Vec<OptionView>,
}

/// A line the replacement form offers: up to what was ordered.
pub struct ReplaceLineView {
    pub id: i64,
    pub name: String,
    pub ordered: i32,
    pub typed: String,
}

#[derive(Template)]
#[template(path = "admin/case.html")]
pub struct CasePage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub number: String,
    pub subject: String,
    pub kind: String,
    pub status: String,
    pub status_code: &'static str,
    pub customer: String,
    pub email: String,
    pub company: Option<String>,
    pub opened: String,
    pub order: Option<String>,
    pub lines: Vec<LineView>,
    pub first_response: String,
    pub first_late: bool,
    pub resolution: String,
    pub resolution_late: bool,
    pub thread: Vec<crate::web::cases::MessageView>,
    pub agents: Vec<OptionView>,
    pub closed: bool,
    pub can_resolve: bool,
    pub can_reopen: bool,
    pub reply: String,
    pub note: bool,
    pub after: Vec<OptionView>,
    pub photo_hint: String,
    pub return_number: Option<(String, String)>,
    /// Why no return can start now (empty when one can).
    pub return_blocked: String,
    pub return_lines: Vec<ReturnLineView>,
    pub return_kind: String,
    /// "Up to 1 249,00 kr" (empty when there is no order or nothing left).
    pub refund_left: String,
    pub refund_amount: String,
    pub refund_note: String,
    pub refund_key: String,
    /// Why no replacement can be sent now (empty when one can).
    pub replace_blocked: String,
    pub replace_lines: Vec<ReplaceLineView>,
    pub replace_key: String,
    pub errors: Vec<(&'static str, String)>,
}

impl CasePage {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// What a refused form sent, to show again with its errors.
#[derive(Default)]
pub struct Sent {
    pub reply: String,
    pub note: bool,
    pub after: String,
    pub fields: Vec<(String, String)>,
    pub errors: Vec<(&'static str, String)>,
}

impl Sent {
    fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

pub(super) async fn load(state: &AppState, number: String) -> Result<store::CaseRow, AppError> {
    db::run(&state.pool, move |c| store::by_number(c, &number))
        .await?
        .ok_or(AppError::NotFound)
}

pub(super) async fn case_page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    case: store::CaseRow,
    sent: Sent,
) -> Result<HttpResponse, AppError> {
    let id = case.id;
    let order_id = case.order_id;
    let now = chrono::Utc::now().naive_utc();
    let (thread, photos, lines, agents, returnable, refunded, total, originals) =
        db::run(&state.pool, move |c| {
            let (returnable, refunded, total, originals) = match order_id {
                Some(oid) => {
                    let order = crate::db::orders::by_id(c, oid)?;
                    let total = order.as_ref().map_or(0, |o| o.total_minor);
                    let originals = match &order {
                        Some(o) if super::replace::SENT_ON.contains(&o.status.as_str()) => {
                            Some(crate::db::cases::replacement::original_lines(c, oid)?)
                        }
                        _ => None,
                    };
                    let returnable = match order {
                        Some(o) if matches!(o.status.as_str(), "shipped" | "delivered") => {
                            Some(crate::db::returns::for_order(c, o, now)?)
                        }
                        _ => None,
                    };
                    (
                        returnable,
                        store::refunded_so_far(c, oid)?,
                        total,
                        originals,
                    )
                }
                None => (None, 0, 0, None),
            };
            Ok((
                store::thread(c, id, true)?,
                store::attachments(c, id)?,
                store::lines(c, id)?,
                store::agents(c)?,
                returnable,
                refunded,
                total,
                originals,
            ))
        })
        .await?;
    let status = if sent.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let ctx = nav::staff_context(req, staff);
    let locale = ctx.locale;
    let clock = case.clock();
    let (first_response, first_late) = timer_text("first", clock.first_response(now), locale);
    let (resolution, resolution_late) = timer_text("resolution", clock.resolution(now), locale);
    let number = case.number.clone();
    let photo_url = |pid: i64| format!("/admin/cases/{number}/files/{pid}");
    let current = case.status();
    let after_now = if sent.after.is_empty() {
        "waiting_on_customer".to_string()
    } else {
        sent.after.clone()
    };
    let after = ["waiting_on_customer", "open", "resolved"]
        .into_iter()
        .map(|a| OptionView {
            value: a.to_string(),
            label: locale.t(&format!("admin-case-after-{}", a.replace('_', "-"))),
            selected: a == after_now,
        })
        .collect();
    let mut agent_options = vec![OptionView {
        value: String::new(),
        label: locale.t("admin-cases-nobody"),
        selected: case.assigned_to.is_none(),
    }];
    agent_options.extend(agents.iter().map(|(aid, name)| OptionView {
        value: aid.to_string(),
        label: name.clone(),
        selected: case.assigned_to == Some(*aid),
    }));
    let in_case = |line: i64| lines.iter().find(|l| l.order_line_id == line);
    let (return_blocked, return_lines) = match (&case.return_number, &returnable) {
        (Some(_), _) => (String::new(), Vec::new()),
        (None, None) => (locale.t("admin-case-return-not-shipped"), Vec::new()),
        (None, Some(r)) => match r.window {
            crate::domain::returns::Window::Open(_) => (
                String::new(),
                r.lines
                    .iter()
                    .filter(|l| l.returnable.left() > 0)
                    .map(|l| {
                        let lid = l.returnable.order_line_id;
                        let typed = sent.field(&format!("qty_{lid}"));
                        let swap = sent.field(&format!("swap_{lid}"));
                        ReturnLineView {
                            id: lid,
                            name: format!("{} · {}", l.name, l.sku),
                            left: l.returnable.left(),
                            typed: if sent.fields.is_empty() {
                                in_case(lid)
                                    .map(|c| {
                                        c.quantity
                                            .min(i32::try_from(l.returnable.left()).unwrap_or(0))
                                            .to_string()
                                    })
                                    .unwrap_or_default()
                            } else {
                                typed
                            },
                            variants: l
                                .variants
                                .iter()
                                .map(|v| OptionView {
                                    value: v.product_id.to_string(),
                                    label: v.name.clone(),
                                    selected: swap == v.product_id.to_string(),
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            ),
            crate::domain::returns::Window::Closed(until) => (
                locale.t_args("return-window-closed", &[("date", locale.date(until))]),
                Vec::new(),
            ),
            crate::domain::returns::Window::NotShipped => {
                (locale.t("admin-case-return-not-shipped"), Vec::new())
            }
        },
    };
    let left = total - refunded;
    let money = |m: i64| {
        crate::domain::money::Money::from_minor(m, crate::domain::money::Currency::Sek)
            .format(locale.code())
    };
    let page = CasePage {
        nav: nav::menu(&ctx, staff.role, PATH),
        thread: crate::web::cases::thread_view(state, &thread, &photos, photo_url, true, locale),
        number: case.number.clone(),
        subject: case.subject.clone(),
        kind: kind_label(&case.kind, locale),
        status: status_label(&case.status, locale),
        status_code: current.code(),
        customer: case
            .customer
            .clone()
            .unwrap_or(locale.t("admin-case-guest")),
        email: case.email.clone(),
        company: case.company.clone(),
        opened: crate::web::cases::stamp(state, case.created_at, locale),
        order: case.order_number.clone(),
        lines: lines
            .iter()
            .map(|l| LineView {
                name: l.name.clone(),
                sku: l.sku.clone(),
                quantity: l.quantity,
                ordered: l.ordered,
            })
            .collect(),
        first_response,
        first_late,
        resolution,
        resolution_late,
        agents: agent_options,
        closed: current == Status::Closed,
        can_resolve: Move::Resolve.from(current).is_some(),
        can_reopen: Move::Reopen.from(current).is_some(),
        reply: sent.reply.clone(),
        note: sent.note,
        after,
        photo_hint: locale.t_args(
            "case-photos-hint",
            &[
                ("count", crate::domain::cases::MAX_FILES.to_string()),
                (
                    "size",
                    (crate::domain::cases::MAX_FILE_BYTES / 1024 / 1024).to_string(),
                ),
            ],
        ),
        return_number: case
            .return_number
            .clone()
            .map(|n| (format!("/admin/returns/{n}"), n)),
        return_blocked,
        return_lines,
        return_kind: match sent.field("kind").as_str() {
            "exchange" => "exchange".into(),
            _ => "return".into(),
        },
        refund_left: if case.order_id.is_some() && left > 0 {
            locale.t_args("admin-case-refund-left", &[("details", money(left))])
        } else {
            String::new()
        },
        refund_amount: sent.field("amount"),
        refund_note: sent.field("note"),
        refund_key: crate::db::tokens::random_token(),
        replace_blocked: match (&case.order_id, &originals) {
            (None, _) => locale.t("admin-case-replacement-no-order"),
            (Some(_), None) => locale.t("admin-case-replacement-not-shipped"),
            (Some(_), Some(_)) => String::new(),
        },
        replace_lines: originals
            .iter()
            .flatten()
            .map(|l| ReplaceLineView {
                id: l.id,
                name: format!("{} · {}", l.name, l.sku),
                ordered: l.quantity,
                typed: if sent.fields.is_empty() {
                    in_case(l.id)
                        .map(|c| c.quantity.to_string())
                        .unwrap_or_default()
                } else {
                    sent.field(&format!("qty_{}", l.id))
                },
            })
            .collect(),
        replace_key: crate::db::tokens::random_token(),
        errors: sent.errors,
        ctx,
    };
    Ok(crate::web::cache_control(
        crate::web::render_status(&page, status)?,
        "private, no-store",
    ))
}

/// `GET /admin/cases/{number}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let case = load(&state, number.into_inner()).await?;
    case_page(&req, &staff, &state, case, Sent::default()).await
}

/// `GET /admin/cases/{number}/files/{id}`: a photo of the case for staff.
pub async fn photo(
    staff: StaffUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (number, id) = path.into_inner();
    let found = db::run(&state.pool, move |c| {
        let Some(case) = store::by_number(c, &number)? else {
            return Ok(None);
        };
        store::attachment(c, case.id, id)
    })
    .await?;
    files::photo_response(&state, found.ok_or(AppError::NotFound)?).await
}
