//! Categories, for administrators and catalog managers: `GET /admin/categories` (the tree with
//! product counts, shown or hidden, move earlier / later among siblings), `GET
//! /admin/categories/new`, `POST /admin/categories`, `GET|POST /admin/categories/{id}` (name,
//! address, parent, description, industry, shown), `POST /admin/categories/{id}/move` and
//! `POST /admin/categories/{id}/delete` (only an empty category). The form is checked against
//! the tree (`domain::category_form`); every change is audited and clears the read caches so
//! both shops' menus and pages follow at once.

mod form;
mod picture;

use super::nav::{self, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, category_admin as store};
use crate::domain::category_form::{self as rules, Draft};
use crate::domain::company_form::INDUSTRIES;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, see_other};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
pub use form::{create, edit, new, remove, update};
pub use picture::picture;
use serde::Deserialize;

const PATH: &str = "/admin/categories";

pub struct Line {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub depth: usize,
    pub industry: String,
    pub products: i64,
    pub active: bool,
    pub first: bool,
    pub last: bool,
}

#[derive(Template)]
#[template(path = "admin/categories.html")]
pub struct ListPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub lines: Vec<Line>,
}

/// After a change: the shops' read caches and their menu follow at once.
async fn changed(state: &AppState) -> Result<(), AppError> {
    state.cache.clear();
    crate::web::frame::refresh(state).await?;
    Ok(())
}

/// The tree in display order: (row, depth).
fn tree_order(rows: &[store::CategoryRow]) -> Vec<(&store::CategoryRow, usize)> {
    crate::domain::catalog::tree_order(rows.iter().collect(), |r| (r.id, r.parent_id))
}

/// `GET /admin/categories`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let (rows, counts) = db::run(&state.pool, |c| {
        Ok((store::all(c)?, store::product_counts(c)?))
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let lines = tree_order(&rows)
        .into_iter()
        .map(|(r, depth)| {
            let siblings: Vec<i64> = rows
                .iter()
                .filter(|s| s.parent_id == r.parent_id)
                .map(|s| s.id)
                .collect();
            Line {
                id: r.id,
                name: r.name.clone(),
                slug: r.slug.clone(),
                depth,
                industry: ctx.t(&format!("industry-{}", r.industry)),
                products: counts.get(&r.id).copied().unwrap_or(0),
                active: r.active,
                first: siblings.first() == Some(&r.id),
                last: siblings.last() == Some(&r.id),
            }
        })
        .collect();
    let page = ListPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        lines,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// "Used by 3 products and 1 subcategory", or `None` when nothing uses it.
fn in_use_message(ctx: &PageContext, uses: &store::InUse) -> Option<String> {
    uses.any().then(|| {
        ctx.locale.t_args(
            "category-in-use",
            &[
                ("products", uses.products.to_string()),
                ("subcategories", uses.subcategories.to_string()),
                ("rules", uses.cart_rules.to_string()),
            ],
        )
    })
}

fn describe(d: &Draft) -> String {
    format!(
        "{} /{} parent={} {}{}",
        d.name,
        d.slug,
        d.parent_id.map_or_else(|| "-".into(), |p| p.to_string()),
        d.industry,
        if d.active { "" } else { ", hidden" }
    )
}

fn describe_row(r: &store::CategoryRow) -> String {
    describe(&Draft {
        name: r.name.clone(),
        slug: r.slug.clone(),
        parent_id: r.parent_id,
        description: r.description.clone(),
        industry: INDUSTRIES
            .iter()
            .copied()
            .find(|i| *i == r.industry)
            .unwrap_or("other"),
        active: r.active,
    })
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

/// `POST /admin/categories/{id}/move`: one place earlier (`direction=up`) or later among its
/// siblings. Already first or last: nothing changes.
pub async fn move_one(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let up = match form.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest("direction is up or down".into())),
    };
    let actor = staff.user.id;
    let moved = db::run_write(&state.pool, move |c| {
        let rows = store::all(c)?;
        let Some(row) = rows.iter().find(|r| r.id == id) else {
            return Ok(None);
        };
        let siblings: Vec<i64> = rows
            .iter()
            .filter(|r| r.parent_id == row.parent_id)
            .map(|r| r.id)
            .collect();
        let Some(order) = rules::moved(&siblings, id, up) else {
            return Ok(Some(false));
        };
        store::set_order(c, &order)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "category_moved",
                subject_type: "category",
                subject_id: &id.to_string(),
                before: Some(&format!("{siblings:?}")),
                after: Some(&format!("{order:?}")),
            },
        )?;
        Ok(Some(true))
    })
    .await?;
    match moved {
        None => Err(AppError::NotFound),
        Some(moved) => {
            if moved {
                changed(&state).await?;
                session::flash(&session, "category-moved");
            }
            Ok(see_other(format!("{PATH}#category-{id}")))
        }
    }
}
