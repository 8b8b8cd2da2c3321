//! `POST /admin/products/{id}/state` (`action` = archive | restore | duplicate): an archived
//! product leaves both storefronts (its orders, lists and reviews keep it); a copy gets a free
//! SKU and address, the same texts, specifications and pictures, no stock, and starts archived
//! so staff look it over before it goes on sale. `POST /admin/products/bulk` (`ids`, repeated;
//! `action` = archive | restore; `back`) does the first two for the products ticked on the list,
//! in one transaction, each audited, and returns to the list as it was.

use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::domain::product_form::copy_names;
use crate::web::see_other;

#[derive(Deserialize)]
pub struct StateForm {
    #[serde(default)]
    action: String,
}

/// `POST /admin/products/{id}/state`.
pub async fn act(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<StateForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let action = form.into_inner().action;
    if !matches!(action.as_str(), "archive" | "restore" | "duplicate") {
        return Err(AppError::BadRequest("unknown product action".into()));
    }
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let result = db::run_write(&state.pool, move |c| {
        let Some(e) = store::find(c, id)? else {
            return Ok(None);
        };
        let record = |c: &mut db::DbConn, action: &str, subject: i64, after: String| {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action,
                    subject_type: "product",
                    subject_id: &subject.to_string(),
                    before: Some(&format!("{} {}", e.row.sku, e.row.name)),
                    after: Some(&after),
                },
            )
        };
        match action.as_str() {
            "duplicate" => {
                let mut free = None;
                for (sku, slug) in copy_names(&e.row.sku, &e.row.slug) {
                    if store::taken(c, &sku, &slug, None)? == (false, false) {
                        free = Some((sku, slug));
                        break;
                    }
                }
                let Some((sku, slug)) = free else {
                    return Ok(None);
                };
                let copy = store::duplicate(c, &e, &sku, &slug, now)?;
                record(
                    c,
                    "product_duplicate",
                    copy,
                    format!("{sku} copied from {id}"),
                )?;
                Ok(Some((copy, "product-duplicated")))
            }
            _ => {
                let active = action == "restore";
                store::set_active(c, id, active, now)?;
                record(
                    c,
                    if active {
                        "product_restore"
                    } else {
                        "product_archive"
                    },
                    id,
                    if active {
                        "on sale".into()
                    } else {
                        "archived".into()
                    },
                )?;
                Ok(Some((
                    id,
                    if active {
                        "product-restored"
                    } else {
                        "product-archived"
                    },
                )))
            }
        }
    })
    .await?;
    let Some((to, flash)) = result else {
        return Err(AppError::NotFound);
    };
    state.cache.clear();
    session::flash(&session, flash);
    Ok(see_other(format!("{PATH}/{to}")))
}

/// `POST /admin/products/bulk`.
pub async fn bulk(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = nav::Bulk::of(form.into_inner());
    let active = match form.field("action") {
        "archive" => false,
        "restore" => true,
        _ => return Err(AppError::BadRequest("unknown bulk action".into())),
    };
    let back = form.back(PATH);
    if form.ids.is_empty() {
        session::flash(&session, "bulk-none-ticked");
        return Ok(see_other(back));
    }
    let (actor, now, ids) = (staff.user.id, chrono::Utc::now().naive_utc(), form.ids);
    let changed = db::run_write(&state.pool, move |c| {
        let switched = store::switch_active(c, &ids, active, now)?;
        for (id, sku, name) in &switched {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: if active {
                        "product_restore"
                    } else {
                        "product_archive"
                    },
                    subject_type: "product",
                    subject_id: &id.to_string(),
                    before: Some(&format!("{sku} {name}")),
                    after: Some(if active {
                        "on sale (bulk)"
                    } else {
                        "archived (bulk)"
                    }),
                },
            )?;
        }
        Ok(switched.len())
    })
    .await?;
    state.cache.clear();
    session::flash_count(
        &session,
        if active {
            "products-bulk-restored"
        } else {
            "products-bulk-archived"
        },
        changed,
    );
    Ok(see_other(back))
}
