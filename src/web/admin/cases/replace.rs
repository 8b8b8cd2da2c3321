//! `POST /admin/cases/{number}/replacement` (`qty_{line}` per line of the case's order, `key`
//! from the form): sends the customer a replacement free of charge — a new order of those units
//! to the same address, ready for packing — for goods that arrived damaged or did not arrive.
//! Once per form; the case, both orders' timelines and the audit log say so, and the customer
//! is mailed the new order's number.

use super::case::{Sent, case_page, load};
use super::moves::mail_customer;
use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::db::cases::replacement::{self, NewReplacement};
use crate::domain::cases::{OrderLine, ReplacementProblem, check_replacement};
use crate::web::see_other;

/// The orders a replacement may be sent for: the goods have left the warehouse.
pub const SENT_ON: [&str; 2] = ["shipped", "delivered"];

fn refused(fields: Vec<(String, String)>, message: String) -> Sent {
    super::convert::refused(fields, "replacement", message)
}

pub async fn send(
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
    let locale = nav::staff_context(&req, &staff).locale;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let key = field("key");
    let Some(order_id) = case.order_id else {
        let sent = refused(fields, locale.t("admin-case-replacement-no-order"));
        return case_page(&req, &staff, &state, case, sent).await;
    };
    if key.len() < 16
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let sent = refused(fields, locale.t("admin-case-not-now"));
        return case_page(&req, &staff, &state, case, sent).await;
    }
    let (order, originals) = db::run(&state.pool, move |c| {
        Ok((
            crate::db::orders::by_id(c, order_id)?,
            replacement::original_lines(c, order_id)?,
        ))
    })
    .await?;
    let Some(order) = order.filter(|o| SENT_ON.contains(&o.status.as_str())) else {
        let sent = refused(fields, locale.t("admin-case-replacement-not-shipped"));
        return case_page(&req, &staff, &state, case, sent).await;
    };
    let typed: Vec<(i64, String)> = originals
        .iter()
        .map(|l| (l.id, field(&format!("qty_{}", l.id))))
        .collect();
    let ordered: Vec<OrderLine> = originals
        .iter()
        .map(|l| OrderLine {
            id: l.id,
            quantity: u32::try_from(l.quantity).unwrap_or(0),
        })
        .collect();
    let lines = match check_replacement(&typed, &ordered) {
        Ok(lines) => lines,
        Err(problems) => {
            let key = if problems.contains(&ReplacementProblem::Nothing) {
                "admin-case-replacement-nothing"
            } else {
                "admin-case-replacement-lines"
            };
            let sent = refused(fields, locale.t(key));
            return case_page(&req, &staff, &state, case, sent).await;
        }
    };
    let customer_locale = crate::i18n::Locale::parse(&case.locale).unwrap_or(state.default_locale);
    let note = customer_locale.t_args(
        "order-replacement-note",
        &[
            ("number", order.number.clone()),
            ("details", case.number.clone()),
        ],
    );
    let key = format!("replacement-{}-{key}", case.number);
    let now = chrono::Utc::now().naive_utc();
    let (row, base) = (case.clone(), state.public_base_url());
    let actor = staff.user.id;
    let done = db::run_write(&state.pool, move |c| {
        let sent = replacement::send(
            c,
            &NewReplacement {
                case: &row,
                order_id,
                lines,
                key,
                actor,
                note,
                now,
            },
        )?;
        if let replacement::Sent::New(made) = &sent {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "case_replacement",
                    subject_type: "case",
                    subject_id: &row.number,
                    before: None,
                    after: Some(&made.number),
                },
            )?;
            let link = format!(
                "{base}{}",
                crate::web::checkout::order_url(&made.number, &made.public_token)
            );
            mail_customer(
                c,
                &base,
                &row,
                "replacement",
                &format!("{} · {link}", made.number),
            )?;
        }
        Ok(sent)
    })
    .await;
    match done {
        Ok(_) => {
            session::flash(&session, "admin-case-replacement-sent");
            Ok(see_other(format!("{PATH}/{}", case.number)))
        }
        Err(db::DbError::Conflict(name)) => {
            let message = locale.t_args("admin-case-replacement-stock", &[("details", name)]);
            let sent = refused(fields, message);
            case_page(&req, &staff, &state, case, sent).await
        }
        // Two identical submissions raced (Postgres): the other one made it.
        Err(e) if e.is_unique_violation() => {
            session::flash(&session, "admin-case-replacement-sent");
            Ok(see_other(format!("{PATH}/{}", case.number)))
        }
        Err(e) => Err(e.into()),
    }
}
