//! Delivery methods on the settings page: `POST /admin/settings/delivery` (a new one, its code
//! made from the name) and `POST /admin/settings/delivery/{code}` (price excl. VAT, free from,
//! days, offered or not; the last offered method cannot be switched off).

use super::{DeliveryForm, PATH, Refused, answer, messages, record};
use crate::auth::StaffUser;
use crate::db::{self, settings as store};
use crate::domain::settings_form::{self as rules, DeliveryInput};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::nav;
use crate::web::export_amount;
use actix_web::{HttpRequest, HttpResponse, web};

async fn save_delivery(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    code: Option<String>,
    form: DeliveryForm,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let input = DeliveryInput {
        code: code.as_deref().unwrap_or_default(),
        name: &form.name,
        price: &form.price,
        free_over: &form.free_over,
        min_days: &form.min_days,
        max_days: &form.max_days,
        active: form.active.is_some(),
    };
    let draft = match rules::check_delivery(&input) {
        Ok(d) => d,
        Err(e) => {
            let refused = Refused::Delivery(code, form, messages(&ctx, e));
            return answer(req, staff, state, session, Err(refused), "delivery").await;
        }
    };
    let actor = staff.user.id;
    let add = code.is_none();
    let saved = draft.code.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let all = store::delivery_methods(c)?;
        let was = all.iter().find(|m| m.code == draft.code);
        if !add && was.is_none() {
            return Ok(None);
        }
        if add && was.is_some() {
            return Ok(Some(Err(("name", "settings-delivery-taken"))));
        }
        if !draft.active && store::other_active_methods(c, &draft.code)? == 0 {
            return Ok(Some(Err(("active", "settings-delivery-last"))));
        }
        let method = store::DeliveryMethod {
            code: draft.code.clone(),
            name: draft.name.clone(),
            price_minor: draft.price_minor,
            free_over_minor: draft.free_over_minor,
            min_days: draft.min_days,
            max_days: draft.max_days,
            position: 0,
            active: draft.active,
        };
        let describe = |m: &store::DeliveryMethod| {
            format!(
                "{} {} free over {} {}-{} days{}",
                m.name,
                export_amount(m.price_minor),
                m.free_over_minor.map_or_else(|| "-".into(), export_amount),
                m.min_days,
                m.max_days,
                if m.active { "" } else { ", off" }
            )
        };
        let before = was.map(describe).unwrap_or_default();
        store::save_delivery_method(c, &method, add)?;
        record(
            c,
            actor,
            &format!("delivery:{}", method.code),
            before,
            describe(&method),
        )?;
        Ok(Some(Ok(())))
    })
    .await?;
    let outcome = match outcome {
        None => return Err(AppError::NotFound),
        Some(Ok(())) => Ok("settings-saved"),
        Some(Err((field, key))) => Err(Refused::Delivery(code, form, vec![(field, ctx.t(key))])),
    };
    answer(
        req,
        staff,
        state,
        session,
        outcome,
        &format!("delivery-{saved}"),
    )
    .await
}

/// `POST /admin/settings/delivery`.
pub async fn add_delivery(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<DeliveryForm>,
) -> Result<HttpResponse, AppError> {
    save_delivery(req, staff, state, session, None, form.into_inner()).await
}

/// `POST /admin/settings/delivery/{code}`.
pub async fn change_delivery(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    code: web::Path<String>,
    form: web::Form<DeliveryForm>,
) -> Result<HttpResponse, AppError> {
    let code = Some(code.into_inner());
    save_delivery(req, staff, state, session, code, form.into_inner()).await
}
