//! `POST /admin/products/{id}/stock`: a change of stock by hand (received, counted, written off,
//! corrected) with its reason, kept in the ledger. Never leaves fewer on hand than orders have
//! reserved; a product that comes back in stock is mailed to those who asked by the background
//! job that watches stock.

use super::page::{form_of, form_page, load};
use super::*;
use crate::auth::session;
use crate::db::{audit, stock as ledger};
use crate::domain::product_form::check_stock_change;
use crate::web::admin::nav::Choice;
use crate::web::{render_status, see_other};
use actix_web::http::StatusCode;

/// The stock form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct StockForm {
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// The reasons staff may choose, `selected` marked.
pub fn reasons(ctx: &PageContext, selected: &str) -> Vec<Choice> {
    ledger::Reason::BY_HAND
        .iter()
        .map(|r| Choice {
            value: r.code(),
            label: ctx.t(&format!("stock-reason-{}", r.code())),
            selected: r.code() == selected,
        })
        .collect()
}

/// `POST /admin/products/{id}/stock`.
pub async fn adjust(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<StockForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let mut form = form.into_inner();
    form.change = form.change.chars().take(20).collect();
    form.note = form.note.chars().take(300).collect();
    let ctx = nav::staff_context(&req, &staff);
    let reason = ledger::Reason::by_hand(&form.reason);
    let checked = check_stock_change(
        &form.change,
        reason.is_some(),
        reason == Some(ledger::Reason::Correction),
        &form.note,
    );
    let mut errors: Vec<(&'static str, String)> = match &checked {
        Ok(_) => Vec::new(),
        Err(refused) => refused
            .iter()
            .map(|r| {
                (
                    r.field,
                    ctx.locale.t_args(r.key, &[("count", r.count.to_string())]),
                )
            })
            .collect(),
    };
    if let (Ok(delta), Some(reason)) = (checked, reason) {
        let note = form.note.trim().to_string();
        let actor = staff.user.id;
        let now = chrono::Utc::now().naive_utc();
        let done = db::run_write(&state.pool, move |c| {
            let Some(after) = ledger::adjust(c, id, delta, reason, &note, Some(actor), now)? else {
                return Ok(None);
            };
            store::touch(c, id, now)?;
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "stock_adjust",
                    subject_type: "product",
                    subject_id: &id.to_string(),
                    before: Some(&(after - delta).to_string()),
                    after: Some(&format!("{after} ({delta:+}, {}: {note})", reason.code())),
                },
            )?;
            Ok(Some(after))
        })
        .await?;
        if done.is_some() {
            state.cache.clear();
            session::flash(&session, "product-stock-saved");
            return Ok(see_other(format!("{PATH}/{id}#stock-section")));
        }
        errors.push(("change", String::new()));
    }
    let (choices, stored) = load(&state, Some(id)).await?;
    let Some(e) = stored else {
        return Err(AppError::NotFound);
    };
    // A change the shelf cannot give: say how far it may go.
    for (field, text) in errors.iter_mut() {
        if *field == "change" && text.is_empty() {
            *text = ctx.locale.t_args(
                "stock-change-below-reserved",
                &[
                    ("count", e.stock.on_hand.to_string()),
                    ("reserved", e.stock.reserved.to_string()),
                    ("most", (e.stock.on_hand - e.stock.reserved).to_string()),
                ],
            );
        }
    }
    let product_form = form_of(&e, ctx.locale.code());
    let selected = form.reason.clone();
    let mut page = form_page(
        &state,
        ctx,
        &staff,
        &choices,
        Some(&e),
        product_form,
        Vec::new(),
    )
    .await?;
    if let Some(saved) = page.saved.as_mut() {
        saved.reasons = reasons(&page.ctx, &selected);
        saved.stock_form = form;
        saved.stock_errors = errors;
    }
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}
