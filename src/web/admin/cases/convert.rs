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
use crate::domain::returns::{Kind, RequestProblem, Wanted};
use crate::web::refunds::{Ask, Outcome, give_back};
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
    let Some(order_id) = case.order_id else {
        let sent = refused(fields, "amount", locale.t("admin-case-refund-no-order"));
        return case_page(&req, &staff, &state, case, sent).await;
    };
    let ask = Ask {
        order_id,
        case: Some(case.clone()),
        amount: field("amount"),
        note: field("note"),
        key: field("key"),
        scope: case.number.clone(),
        actor: staff.user.id,
    };
    let (base, row, actor) = (state.public_base_url(), case.clone(), staff.user.id);
    let outcome = give_back(&state, locale, ask, move |c, given| {
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "case_refund",
                subject_type: "case",
                subject_id: &row.number,
                before: None,
                after: Some(&format!("{} {}", given.minor, given.reference)),
            },
        )?;
        mail_customer(c, &base, &row, "refund", &given.detail)
    })
    .await?;
    if let Outcome::Refused(field, message) = outcome {
        let sent = refused(fields, field, message);
        return case_page(&req, &staff, &state, case, sent).await;
    }
    session::flash(&session, "admin-case-refunded");
    Ok(see_other(format!("{PATH}/{}", case.number)))
}
