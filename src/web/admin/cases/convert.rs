//! Turning a case into what settles it: `POST /admin/cases/{number}/return` starts a return or
//! an exchange of the order's lines for the customer (the returns desk then receives it and
//! refunds or sends the replacement), `POST /admin/cases/{number}/refund` gives money back
//! without a return (a missing item, a late delivery) — by the card provider, or as a credit on
//! an unpaid invoice — never more than is left of the order.

use super::case::{Sent, case_page, load};
use super::moves::mail_customer;
use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::db::returns::{CreateProblem, NewReturn};
use crate::domain::cases::{RefundProblem, check_refund};
use crate::domain::returns::{Kind, RequestProblem, Wanted};
use crate::web::see_other;

/// The return reason a case's kind stands for.
fn reason_for(kind: &str) -> &'static str {
    match kind {
        "damaged" => "damaged",
        "wrong-item" => "wrong-item",
        _ => "other",
    }
}

pub(super) fn refused(fields: Vec<(String, String)>, field: &'static str, message: String) -> Sent {
    Sent {
        fields,
        errors: vec![(field, message)],
        ..Sent::default()
    }
}

/// `POST /admin/cases/{number}/return` (`kind` = return | exchange, `qty_{line}`, `swap_{line}`
/// for an exchange): the return is asked for on the customer's behalf, linked to the case, and
/// the customer is mailed its slip.
pub async fn start_return(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed("/admin/returns"))?;
    staff.require(nav::allowed(PATH))?;
    let fields = form.into_inner();
    let case = load(&state, number.into_inner()).await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let kind = Kind::parse(&field("kind")).unwrap_or(Kind::Return);
    let (Some(order_id), None) = (case.order_id, &case.return_number) else {
        let sent = refused(fields, "return", locale.t("admin-case-return-not-shipped"));
        return case_page(&req, &staff, &state, case, sent).await;
    };
    let now = chrono::Utc::now().naive_utc();
    let actor = staff.user.id;
    let base = state.public_base_url();
    let row = case.clone();
    let typed = fields.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(order) = crate::db::orders::by_id(c, order_id)? else {
            return Ok(Err(CreateProblem::NotShipped));
        };
        let lines = crate::db::returns::for_order(c, order.clone(), now)?.lines;
        let get = |name: String| {
            typed
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let wanted: Vec<Wanted> = lines
            .iter()
            .map(|l| Wanted {
                order_line_id: l.returnable.order_line_id,
                quantity: get(format!("qty_{}", l.returnable.order_line_id)),
            })
            .collect();
        let swaps: Vec<(i64, i64)> = lines
            .iter()
            .filter_map(|l| {
                let id = l.returnable.order_line_id;
                Some((id, get(format!("swap_{id}")).trim().parse().ok()?))
            })
            .collect();
        let new = NewReturn {
            order: order.clone(),
            kind,
            reason: reason_for(&row.kind).to_string(),
            comment: format!("{} {}", row.number, row.subject),
            wanted,
            swaps,
            requested_by: Some(actor),
            now,
        };
        let number = match crate::db::returns::create(c, &new)? {
            Ok(n) => n,
            Err(p) => return Ok(Err(p)),
        };
        store::link_return(c, row.id, &number)?;
        store::note_event(c, row.id, actor, "return", &number, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "case_return",
                subject_type: "case",
                subject_id: &row.number,
                before: None,
                after: Some(&number),
            },
        )?;
        let slip = format!(
            "{base}{}",
            crate::web::returns::slip_url(&number, &order.public_token)
        );
        mail_customer(c, &base, &row, "return", &format!("{number} · {slip}"))?;
        Ok(Ok(number))
    })
    .await?;
    match outcome {
        Ok(_) => {
            session::flash(&session, "admin-case-return-started");
            Ok(see_other(format!("{PATH}/{}", case.number)))
        }
        Err(problem) => {
            let message = match problem {
                CreateProblem::NotShipped => locale.t("admin-case-return-not-shipped"),
                CreateProblem::WindowClosed => locale.t("admin-case-return-window-closed"),
                CreateProblem::Request(ps) => {
                    if ps.iter().any(|p| matches!(p, RequestProblem::Variant(_))) {
                        locale.t("admin-case-return-variant")
                    } else if ps
                        .iter()
                        .any(|p| matches!(p, RequestProblem::NothingChosen))
                    {
                        locale.t("return-error-nothing")
                    } else {
                        locale.t("return-error-lines")
                    }
                }
            };
            let sent = refused(fields, "return", message);
            case_page(&req, &staff, &state, case, sent).await
        }
    }
}

/// `POST /admin/cases/{number}/refund` (`amount` as typed, `note` the customer reads, `key`
/// from the form so that a second click refunds once).
pub async fn refund(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let fields = form.into_inner();
    let case = load(&state, number.into_inner()).await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().chars().take(500).collect::<String>())
            .unwrap_or_default()
    };
    let (amount, note, key) = (field("amount"), field("note"), field("key"));
    let Some(order_id) = case.order_id else {
        let sent = refused(fields, "amount", locale.t("admin-case-refund-no-order"));
        return case_page(&req, &staff, &state, case, sent).await;
    };
    if key.len() < 16
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let sent = refused(fields, "amount", locale.t("admin-case-not-now"));
        return case_page(&req, &staff, &state, case, sent).await;
    }
    let (order, refunded, payment, invoice) = db::run(&state.pool, move |c| {
        let order = crate::db::orders::by_id(c, order_id)?
            .ok_or(db::DbError::Query(diesel::result::Error::NotFound))?;
        Ok((
            order,
            store::refunded_so_far(c, order_id)?,
            crate::db::orders::payment_reference(c, order_id)?,
            crate::db::companies::open_invoice_of(c, order_id)?,
        ))
    })
    .await?;
    let money = |m: i64| {
        crate::domain::money::Money::from_minor(m, crate::domain::money::Currency::Sek)
            .format(locale.code())
    };
    let minor = match check_refund(&amount, order.total_minor - refunded) {
        Ok(m) => m,
        Err(p) => {
            let message = match p {
                RefundProblem::Unreadable(key) => locale.t(key),
                RefundProblem::Zero => locale.t("admin-case-refund-zero"),
                RefundProblem::TooMuch(most) => {
                    locale.t_args("admin-case-refund-too-much", &[("details", money(most))])
                }
            };
            let sent = refused(fields, "amount", message);
            return case_page(&req, &staff, &state, case, sent).await;
        }
    };
    if note.is_empty() {
        let sent = refused(fields, "note", locale.t("admin-case-refund-note-missing"));
        return case_page(&req, &staff, &state, case, sent).await;
    }
    let unpaid = matches!(
        order.status.as_str(),
        "awaiting_payment" | "awaiting_approval"
    );
    if unpaid && invoice.is_none() {
        let sent = refused(fields, "amount", locale.t("admin-case-refund-unpaid"));
        return case_page(&req, &staff, &state, case, sent).await;
    }
    let now = chrono::Utc::now().naive_utc();
    let actor = staff.user.id;
    let (case_id, total, form_key) = (case.id, order.total_minor, format!("{}-{key}", case.number));
    let held_key = form_key.clone();
    // The refund's place is held first (checked against what is left, once per form); only then
    // does money move, so two agents cannot give back more than was paid.
    let hold = store::Hold {
        case_id,
        order_id,
        total_minor: total,
        amount_minor: minor,
        key: held_key,
        actor,
        now,
    };
    let held = db::run_write(&state.pool, move |c| store::reserve_refund(c, &hold)).await?;
    let id = match held {
        store::Reserved::Held(id) => id,
        store::Reserved::Again => {
            session::flash(&session, "admin-case-refunded");
            return Ok(see_other(format!("{PATH}/{}", case.number)));
        }
        store::Reserved::TooMuch(most) => {
            let message = locale.t_args("admin-case-refund-too-much", &[("details", money(most))]);
            let sent = refused(fields, "amount", message);
            return case_page(&req, &staff, &state, case, sent).await;
        }
    };
    // On invoice nothing was paid by card: the invoice is credited. Otherwise the provider pays
    // back, keyed by the case and the form, so a retry refunds once.
    let reference = match &invoice {
        Some(number) => locale.t_args("admin-return-credited", &[("number", number.clone())]),
        None => match state
            .payments
            .refund(payment.as_deref().unwrap_or(""), minor, &form_key)
        {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, case = %case.number, "case refund refused by the provider");
                db::run_write(&state.pool, move |c| store::drop_refund(c, id)).await?;
                let sent = refused(fields, "amount", locale.t("admin-return-refund-failed"));
                return case_page(&req, &staff, &state, case, sent).await;
            }
        },
    };
    let base = state.public_base_url();
    let row = case.clone();
    let detail = format!("{} · {note}", money(minor));
    let on_order = format!("{detail} · {reference}");
    db::run_write(&state.pool, move |c| {
        store::confirm_refund(
            c,
            &store::Refund {
                id,
                case: &row,
                order_id,
                amount_minor: minor,
                note: &on_order,
                invoice: invoice.is_some(),
                actor,
                now,
            },
        )?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "case_refund",
                subject_type: "case",
                subject_id: &row.number,
                before: None,
                after: Some(&format!("{minor} {reference}")),
            },
        )?;
        mail_customer(c, &base, &row, "refund", &detail)
    })
    .await?;
    session::flash(&session, "admin-case-refunded");
    Ok(see_other(format!("{PATH}/{}", case.number)))
}
