//! Products for administrators and catalog managers: `GET /admin/products` (search by SKU or
//! words, through the full-text index, filter by category, state and shop, newest change first, 50 a page),
//! `GET /admin/products/new` and `POST /admin/products` to add one, `GET|POST
//! /admin/products/{id}` to change, copy, archive or restore one, with pictures
//! (`/admin/products/{id}/pictures/{media}`) and stock (`/admin/products/{id}/stock`). Every
//! change is audited and clears the shared page caches so both storefronts show it at once.

mod files;
mod form;
mod import_job;
mod lifecycle;
mod page;
mod pictures;
mod stock;
mod video;

pub use files::{export, import_form, job, run, upload};
pub use form::{create, edit, new, update};
pub use lifecycle::act;
pub use lifecycle::bulk;
pub use pictures::picture;
pub(crate) use pictures::{check_pictures, discard, picture_problem, store_pictures};
pub use stock::adjust;
pub use video::video;

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db::{self, products as store};
use crate::domain::money::{Currency, Money};
use crate::domain::product_form::AUDIENCES;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/products";

pub struct RowView {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub category: String,
    pub brand: String,
    /// The list price excl. VAT.
    pub price: String,
    pub audience: String,
    pub active: bool,
    /// "12 (3 reserved)".
    pub stock: String,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "admin/products.html")]
pub struct ProductsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub categories: Vec<OptionView>,
    pub states: Vec<OptionView>,
    pub audiences: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The export of what the filters show.
    pub export_url: String,
    /// This page's address (a bulk action comes back to it).
    pub here: String,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    audience: String,
    page: Option<i64>,
}

fn money(ctx: &PageContext, minor: i64) -> String {
    Money::from_minor(minor, Currency::Sek).format(ctx.locale.code())
}

fn audience_label(ctx: &PageContext, code: &str) -> String {
    ctx.t(&format!("product-audience-{code}"))
}

/// Categories in tree order with their depth, for selects ("— Drills" under "Tools").
pub fn category_tree(all: &[(i64, Option<i64>, String)]) -> Vec<(i64, usize, String)> {
    crate::domain::catalog::tree_order(all.to_vec(), |(id, parent, _)| (*id, *parent))
        .into_iter()
        .map(|((id, _, name), depth)| (id, depth, name))
        .collect()
}

/// A category's label in a select: indented by its depth.
pub fn indented(depth: usize, name: &str) -> String {
    format!("{}{name}", "— ".repeat(depth))
}

/// The list's filter and page (from 1) as asked for.
fn filter_of(query: &ListQuery) -> (store::Filter, i64) {
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let filter = store::Filter {
        q: query.q.trim().chars().take(100).collect(),
        category_id: query.category.parse::<i64>().ok(),
        active: match query.state.as_str() {
            "active" => Some(true),
            "archived" => Some(false),
            _ => None,
        },
        audience: AUDIENCES.iter().copied().find(|a| *a == query.audience),
        page: page - 1,
    };
    (filter, page)
}

/// `GET /admin/products?q=&category=&state=&audience=&page=`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let (filter, page) = filter_of(&query);
    let (q, category_id, active, audience) = (
        filter.q.clone(),
        filter.category_id,
        filter.active,
        filter.audience,
    );
    let (choices, (rows, more)) = db::run(&state.pool, move |c| {
        Ok((store::choices(c)?, store::list(c, &filter)?))
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let mut categories = vec![OptionView {
        value: String::new(),
        label: ctx.t("admin-all"),
        selected: category_id.is_none(),
    }];
    categories.extend(
        category_tree(&choices.categories)
            .into_iter()
            .map(|(id, depth, name)| OptionView {
                value: id.to_string(),
                label: indented(depth, &name),
                selected: Some(id) == category_id,
            }),
    );
    let states = nav::filter_options(
        &ctx,
        active.map(|a| if a { "active" } else { "archived" }),
        &["active", "archived"],
        |s| ctx.t(&format!("product-state-{s}")),
    );
    let audiences = nav::filter_options(&ctx, audience, &AUDIENCES, |a| audience_label(&ctx, a));
    let rows = rows
        .into_iter()
        .map(|r| RowView {
            id: r.id,
            sku: r.sku,
            name: r.name,
            category: r.category,
            brand: r.brand.unwrap_or_default(),
            price: money(&ctx, r.list_price_minor),
            audience: audience_label(&ctx, &r.audience),
            active: r.active,
            stock: match (r.on_hand, r.reserved) {
                (Some(on_hand), Some(reserved)) if reserved > 0 => ctx.locale.t_args(
                    "product-stock-reserved",
                    &[
                        ("count", on_hand.to_string()),
                        ("reserved", reserved.to_string()),
                    ],
                ),
                (Some(on_hand), _) => on_hand.to_string(),
                _ => "–".into(),
            },
            updated: crate::web::b2b::demos::when_label(&state, r.updated_at, ctx.locale),
        })
        .collect();
    let link = |p: i64| {
        format!(
            "{PATH}?q={}&category={}&state={}&audience={}&page={p}",
            crate::web::url_encode(&q),
            category_id.map(|c| c.to_string()).unwrap_or_default(),
            crate::web::url_encode(&query.state),
            audience.unwrap_or_default(),
        )
    };
    let page_view = ProductsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        q: q.clone(),
        categories,
        states,
        audiences,
        rows,
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        export_url: link(1).replacen(PATH, "/admin/products/export.csv", 1),
        here: link(page),
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page_view)?,
        "private, no-store",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_come_in_tree_order() {
        let all = vec![
            (1, None, "Tools".to_string()),
            (2, None, "Office".to_string()),
            (3, Some(1), "Drills".to_string()),
            (4, Some(3), "Bits".to_string()),
            (5, Some(2), "Chairs".to_string()),
        ];
        let tree: Vec<(i64, usize)> = category_tree(&all)
            .into_iter()
            .map(|(id, d, _)| (id, d))
            .collect();
        assert_eq!(tree, [(1, 0), (3, 1), (4, 2), (2, 0), (5, 1)]);
        assert_eq!(indented(2, "Bits"), "— — Bits");
    }
}
