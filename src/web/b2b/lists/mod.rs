//! `/b2b/lists`: requisition lists — named lists of products and quantities for repeat orders,
//! private or shared inside the company. Add lines by SKU (or from a product page), change or
//! remove them, and order chosen lines, which are checked at today's prices and stock like a
//! quick order before anything reaches the cart. The owner (or a company admin) changes a list.

use super::quick_order::check_and_show;
use super::quick_order::report::Origin;
use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, lists, lists::Viewer};
use crate::domain::accounts::CompanyRole;
use crate::domain::bulk_order::{Encoding, Entry, normalise_sku};
use crate::domain::cart::QuantityRules;
use crate::domain::pricing::Segment;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::cart::quantity_message;
use crate::web::shopper::Shopper;
use crate::web::views::{StockView, price_row_qty};
use crate::web::{PageContext, Theme, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

mod lines;

pub use lines::{add, add_from_product, change_line, export, order};

const PATH: &str = "/b2b/lists";
const NAME_MAX: usize = 80;

fn viewer(principal: &Principal) -> Result<Viewer, AppError> {
    let m = CompanyMember::of(principal, PATH)?;
    Ok(Viewer {
        company_id: m.company.id,
        user_id: m.user.id,
        admin: m.role == CompanyRole::Admin,
    })
}

pub struct ListSummaryView {
    pub url: String,
    pub name: String,
    pub shared: bool,
    pub owner: String,
    pub mine: bool,
    pub lines: String,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "b2b/lists.html")]
pub struct ListsPage {
    pub ctx: PageContext,
    pub lists: Vec<ListSummaryView>,
    pub name: String,
    pub shared: bool,
    pub error: Option<String>,
}

pub struct LineView {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub sku: String,
    pub quantity: String,
    pub unit: String,
    pub stock: Option<StockView>,
    pub min: u32,
    pub step: u32,
    pub max: u32,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "b2b/list.html")]
pub struct ListPage {
    pub ctx: PageContext,
    pub id: i64,
    pub name: String,
    pub shared: bool,
    pub owner: String,
    pub editable: bool,
    pub lines: Vec<LineView>,
    pub add_sku: String,
    pub add_quantity: String,
    pub add_error: Option<String>,
    pub rename_error: Option<String>,
    pub typed_name: String,
}

fn name_problem(name: &str, locale: Locale) -> Option<String> {
    if name.is_empty() {
        Some(locale.t("lists-name-missing"))
    } else if name.chars().count() > NAME_MAX {
        Some(locale.t_args("lists-name-too-long", &[("max", NAME_MAX.to_string())]))
    } else {
        None
    }
}

async fn index_page(
    req: &HttpRequest,
    state: &AppState,
    typed: (String, bool, Option<String>),
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let v = viewer(&principal)?;
    let rows = db::run(&state.pool, move |c| lists::visible(c, v)).await?;
    let ctx = PageContext::with_principal(req, Theme::B2b, principal);
    let locale = ctx.locale;
    let lists = rows
        .into_iter()
        .map(|(r, n)| ListSummaryView {
            url: format!("{PATH}/{}", r.id),
            mine: r.owner_user_id == v.user_id,
            lines: locale.t_count("lists-line-count", n),
            updated: locale.date(r.updated_at),
            name: r.name,
            shared: r.shared,
            owner: r.owner,
        })
        .collect();
    let (name, shared, error) = typed;
    render_status(
        &ListsPage {
            ctx,
            lists,
            name,
            shared,
            error,
        },
        status,
    )
}

/// `GET /b2b/lists`.
pub async fn index(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    index_page(&req, &state, (String::new(), true, None), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct ListInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    shared: String,
}

/// `POST /b2b/lists` (`name`, `shared`).
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ListInput>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let input = form.into_inner();
    let name = input.name.trim().to_string();
    let shared = !input.shared.is_empty();
    if let Some(problem) = name_problem(&name, locale) {
        let typed = (
            name.chars().take(NAME_MAX + 20).collect(),
            shared,
            Some(problem),
        );
        return index_page(&req, &state, typed, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let now = chrono::Utc::now().naive_utc();
    let id = db::run_write(&state.pool, move |c| {
        lists::create(c, v, &name, shared, now)
    })
    .await?;
    Ok(see_other(format!("{PATH}/{id}")))
}

#[derive(Default)]
struct Sent {
    add: Option<(String, String, String)>,
    line: Option<(i64, String, String)>,
    rename: Option<(String, String)>,
}

async fn list_page(
    req: &HttpRequest,
    state: &AppState,
    id: i64,
    sent: Sent,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let v = viewer(&principal)?;
    let shopper = Shopper::of(&principal, state);
    let cache = state.cache.clone();
    let (list, lines, buyer) = db::run(&state.pool, move |c| {
        let Some(list) = lists::find(c, v, id)? else {
            return Ok(None);
        };
        let lines = lists::lines(c, id)?;
        Ok(Some((list, lines, shopper.buyer(&cache, c)?)))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let ctx = PageContext::with_principal(req, Theme::B2b, principal);
    let locale = ctx.locale;
    let lines = lines
        .into_iter()
        .map(|l| {
            let rules = QuantityRules::new(Segment::Company, l.min_qty, l.qty_step, l.max_qty);
            let typed = sent.line.as_ref().filter(|(line, _, _)| *line == l.id);
            let mut view = LineView {
                id: l.id,
                name: locale.t("cart-unavailable-line"),
                url: String::new(),
                sku: String::new(),
                quantity: typed.map_or_else(|| l.quantity.to_string(), |t| t.1.clone()),
                unit: String::new(),
                stock: None,
                min: rules.min,
                step: rules.step,
                max: rules.max,
                error: typed.map(|t| t.2.clone()),
            };
            if let Some(card) = &l.card {
                let qty = u32::try_from(l.quantity).unwrap_or(1);
                view.name = card.row.name.clone();
                view.url = format!("/products/{}", card.row.slug);
                view.sku = card.row.sku.clone();
                view.unit = price_row_qty(&card.row, &buyer, qty)
                    .shown_unit()
                    .format(locale.code());
                view.stock = Some(StockView::new(&card.row, locale));
            }
            view
        })
        .collect();
    let (add_sku, add_quantity, add_error) = match sent.add {
        Some((s, q, e)) => (s, q, Some(e)),
        None => (String::new(), String::new(), None),
    };
    let (typed_name, rename_error) = match sent.rename {
        Some((n, e)) => (n, Some(e)),
        None => (list.name.clone(), None),
    };
    render_status(
        &ListPage {
            ctx,
            id,
            editable: list.editable_by(v),
            name: list.name,
            shared: list.shared,
            owner: list.owner,
            lines,
            add_sku,
            add_quantity,
            add_error,
            rename_error,
            typed_name,
        },
        status,
    )
}

/// `GET /b2b/lists/{id}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    list_page(
        &req,
        &state,
        path.into_inner(),
        Sent::default(),
        StatusCode::OK,
    )
    .await
}

/// The list if this viewer may change it: 404 when they cannot see it, 403 when it is not theirs.
async fn editable(state: &AppState, v: Viewer, id: i64) -> Result<(), AppError> {
    let list = db::run(&state.pool, move |c| lists::find(c, v, id))
        .await?
        .ok_or(AppError::NotFound)?;
    if list.editable_by(v) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `POST /b2b/lists/{id}` (`name`, `shared`).
pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<ListInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    editable(&state, v, id).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let input = form.into_inner();
    let name = input.name.trim().to_string();
    if let Some(problem) = name_problem(&name, locale) {
        let sent = Sent {
            rename: Some((name.chars().take(NAME_MAX + 20).collect(), problem)),
            ..Default::default()
        };
        return list_page(&req, &state, id, sent, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let shared = !input.shared.is_empty();
    let now = chrono::Utc::now().naive_utc();
    db::run_write(&state.pool, move |c| {
        lists::rename(c, id, &name, shared, now)
    })
    .await?;
    session::flash(&session, "lists-saved");
    Ok(see_other(format!("{PATH}/{id}")))
}

/// `POST /b2b/lists/{id}/delete`.
pub async fn delete(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    editable(&state, v, id).await?;
    db::run_write(&state.pool, move |c| lists::delete(c, id)).await?;
    session::flash(&session, "lists-deleted");
    Ok(see_other(PATH))
}
