//! `POST /admin/orders/{number}/step`: an order moved along the state machine.

use super::*;

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
