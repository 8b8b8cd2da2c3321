//! `POST /admin/orders/{number}/refund` (`amount` incl. VAT as typed, `note` the customer reads,
//! `key` from the form): money given back straight from the order's page — a goodwill refund, a
//! price match — without a return or a support case. For the roles that handle returns
//! (administrators, support agents); never more than is left of the order, once per form, by the
//! card provider or as a credit on the unpaid invoice (`web::refunds`). Audited; the customer is
//! mailed; a refused form is shown again on the order page with what was typed.

use super::nav;
use super::orders::{Kept, order_page};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, orders};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::refunds::{Ask, Outcome, give_back};
use crate::web::see_other;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// The page whose roles may give money back (the returns desk's).
pub const ROLES_FROM: &str = "/admin/returns";

#[derive(Deserialize)]
pub struct RefundForm {
    #[serde(default)]
    amount: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    key: String,
}

pub async fn give(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<RefundForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed("/admin/orders"))?;
    staff.require(nav::allowed(ROLES_FROM))?;
    let number = number.into_inner();
    let form = form.into_inner();
    let clip = |s: &str| s.trim().chars().take(500).collect::<String>();
    let lookup = number.clone();
    let order = db::run(&state.pool, move |c| orders::by_number(c, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    let locale = nav::staff_context(&req, &staff).locale;
    let ask = Ask {
        order_id: order.id,
        case: None,
        amount: clip(&form.amount),
        note: clip(&form.note),
        key: clip(&form.key),
        scope: order.number.clone(),
        actor: staff.user.id,
    };
    let (actor, email, token) = (
        staff.user.id,
        order.email.clone(),
        order.public_token.clone(),
    );
    let (subject, base, order_id) = (order.number.clone(), state.public_base_url(), order.id);
    let outcome = give_back(&state, locale, ask, move |c, given| {
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "order_refund",
                subject_type: "order",
                subject_id: &subject,
                before: None,
                after: Some(&format!("{} {}", given.minor, given.reference)),
            },
        )?;
        let link = format!(
            "{base}{}",
            crate::web::checkout::order_url(&subject, &token)
        );
        // Guests' orders carry no language: the shop's own (as for cases without one).
        let customer = orders::customer_locale(c, order_id)?
            .and_then(|l| Locale::parse(&l))
            .unwrap_or(Locale::Sv);
        Mail::order_refunded(customer, &email, &subject, &given.detail, &link).enqueue(c)?;
        Ok(())
    })
    .await?;
    match outcome {
        Outcome::Given(_) | Outcome::Again => {
            session::flash(&session, "admin-order-refunded-now");
            Ok(see_other(format!("/admin/orders/{number}")))
        }
        Outcome::Refused(field, message) => {
            let kept = Kept {
                refund_amount: clip(&form.amount),
                refund_note: clip(&form.note),
                refund_error: Some((field, message)),
                ..Kept::default()
            };
            order_page(&req, &staff, &state, number, kept).await
        }
    }
}
