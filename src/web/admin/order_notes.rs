//! `POST /admin/orders/{number}/notes`: a staff note on an order (1 to 2 000 characters), for
//! the people working it — never shown to the customer. Audited; a refused note is kept on the
//! order page with its message.

use super::nav;
use super::orders::{Kept, order_page};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, orders};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::see_other;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

const PATH: &str = "/admin/orders";
pub const NOTE_MAX: usize = 2_000;

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

pub async fn add(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<NoteForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let number = number.into_inner();
    let typed = form.into_inner().note;
    let note = typed.trim().to_string();
    let problem = if note.is_empty() {
        Some("admin-order-note-missing")
    } else if note.chars().count() > NOTE_MAX {
        Some("admin-order-note-long")
    } else {
        None
    };
    if let Some(key) = problem {
        let kept = Kept {
            note_error: Some(nav::staff_context(&req, &staff).t(key)),
            note: typed.chars().take(NOTE_MAX + 100).collect(),
            ..Kept::default()
        };
        return order_page(&req, &staff, &state, number, kept).await;
    }
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let lookup = number.clone();
    let found = db::run_write(&state.pool, move |c| {
        let Some(order) = orders::by_number(c, &lookup)? else {
            return Ok(false);
        };
        orders::notes::add(c, order.id, actor, &note, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "order_note",
                subject_type: "order",
                subject_id: &order.number,
                before: None,
                after: Some(&note),
            },
        )?;
        Ok(true)
    })
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    session::flash(&session, "admin-order-note-added");
    Ok(see_other(format!("{PATH}/{number}#notes")))
}
