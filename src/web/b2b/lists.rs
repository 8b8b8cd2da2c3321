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

#[derive(Deserialize)]
pub struct AddInput {
    #[serde(default)]
    sku: String,
    #[serde(default)]
    quantity: String,
    /// Where to go back to (a product page adds to a list too).
    #[serde(default)]
    back: String,
    #[serde(default)]
    list: String,
}

/// `POST /b2b/lists/{id}/lines` (`sku`, `quantity`): adds to the list (to its line, if any).
pub async fn add(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<AddInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    add_to(req, state, session, id, form.into_inner()).await
}

/// `POST /b2b/lists/add` (`list`, `sku`, `quantity`, `back`): from a product page.
pub async fn add_from_product(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<AddInput>,
) -> Result<HttpResponse, AppError> {
    let input = form.into_inner();
    let id = input
        .list
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::NotFound)?;
    add_to(req, state, session, id, input).await
}

async fn add_to(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    id: i64,
    input: AddInput,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    editable(&state, v, id).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let sku = normalise_sku(&input.sku);
    let typed = input.quantity.trim().to_string();
    let wanted = sku.clone();
    let product = db::run(&state.pool, move |c| {
        db::carts::buyable(c, &wanted, db::catalog::Audience::Companies)
    })
    .await?;
    let refuse = |message: String| Sent {
        add: Some((
            input.sku.trim().chars().take(64).collect(),
            typed.clone(),
            message,
        )),
        ..Default::default()
    };
    let Some(product) = product else {
        let sent = refuse(locale.t("quick-problem-unknown"));
        return list_page(&req, &state, id, sent, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let rules = QuantityRules::new(
        Segment::Company,
        product.min_qty,
        product.qty_step,
        product.max_qty,
    );
    let text = if typed.is_empty() {
        rules.min.to_string()
    } else {
        typed.clone()
    };
    let quantity = match rules.parse(&text) {
        Ok(q) => q,
        Err(e) => {
            let sent = refuse(quantity_message(&e, locale));
            return list_page(&req, &state, id, sent, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let now = chrono::Utc::now().naive_utc();
    let product_id = product.id;
    db::run_write(&state.pool, move |c| {
        lists::add(
            c,
            id,
            product_id,
            i32::try_from(quantity).unwrap_or(i32::MAX),
            now,
        )
    })
    .await?;
    session::flash(&session, "lists-added");
    Ok(see_other(
        crate::web::local_path(Some(&input.back)).unwrap_or_else(|| format!("{PATH}/{id}")),
    ))
}

#[derive(Deserialize)]
pub struct LineInput {
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    action: String,
}

/// `POST /b2b/lists/{id}/lines/{line}` (`quantity`, or `action=remove`).
pub async fn change_line(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(i64, i64)>,
    form: web::Form<LineInput>,
) -> Result<HttpResponse, AppError> {
    let (id, line) = path.into_inner();
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    editable(&state, v, id).await?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let input = form.into_inner();
    if input.action == "remove" {
        let found = db::run_write(&state.pool, move |c| lists::remove(c, id, line)).await?;
        if !found {
            return Err(AppError::NotFound);
        }
        session::flash(&session, "lists-saved");
        return Ok(see_other(format!("{PATH}/{id}")));
    }
    let lines = db::run(&state.pool, move |c| lists::lines(c, id)).await?;
    let Some(l) = lines.into_iter().find(|l| l.id == line) else {
        return Err(AppError::NotFound);
    };
    let rules = QuantityRules::new(Segment::Company, l.min_qty, l.qty_step, l.max_qty);
    match rules.parse(&input.quantity) {
        Ok(q) => {
            let q = i32::try_from(q).unwrap_or(i32::MAX);
            db::run_write(&state.pool, move |c| lists::set_quantity(c, id, line, q)).await?;
            session::flash(&session, "lists-saved");
            Ok(see_other(format!("{PATH}/{id}")))
        }
        Err(e) => {
            let sent = Sent {
                line: Some((
                    line,
                    input.quantity.trim().chars().take(20).collect(),
                    quantity_message(&e, locale),
                )),
                ..Default::default()
            };
            list_page(&req, &state, id, sent, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// `GET /b2b/lists/{id}/export.csv`: the list as CSV (SKU, name, quantity, today's unit price).
pub async fn export(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    use crate::domain::export::{Cell, to_csv};
    let id = path.into_inner();
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    let shopper = Shopper::of(&principal, &state);
    let cache = state.cache.clone();
    let (list, lines, buyer) = db::run(&state.pool, move |c| {
        let Some(list) = lists::find(c, v, id)? else {
            return Ok(None);
        };
        Ok(Some((
            list,
            lists::lines(c, id)?,
            shopper.buyer(&cache, c)?,
        )))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .filter_map(|l| {
            let card = l.card.as_ref()?;
            let qty = u32::try_from(l.quantity).unwrap_or(1);
            let unit = price_row_qty(&card.row, &buyer, qty).shown_unit();
            Some(vec![
                Cell::Text(card.row.sku.clone()),
                Cell::Text(card.row.name.clone()),
                Cell::Number(l.quantity.to_string()),
                Cell::Number(crate::web::export_amount(unit.to_minor().unwrap_or(0))),
            ])
        })
        .collect();
    let body = to_csv(&["sku", "name", "quantity", "unit_price_excl_vat"], &rows);
    let name: String = list
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    Ok(crate::web::csv_download(&format!("list-{name}.csv"), body))
}

/// `POST /b2b/lists/{id}/order` (`line`: line ids, repeated): the chosen lines checked like a
/// quick order, for the buyer to confirm into the cart. Anyone who sees the list may order it.
pub async fn order(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let principal = Principal::of(&req).await?;
    let v = viewer(&principal)?;
    let chosen: Vec<i64> = form
        .into_inner()
        .into_iter()
        .filter(|(k, _)| k == "line")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let lines = db::run(&state.pool, move |c| {
        if lists::find(c, v, id)?.is_none() {
            return Ok(None);
        }
        Ok(Some(lists::lines(c, id)?))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let mut entries = Vec::new();
    let mut origins = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(card) = &l.card else { continue };
        if !chosen.contains(&l.id) {
            continue;
        }
        origins.push(Origin::Line(i + 1));
        entries.push(Entry {
            line: origins.len(),
            sku: card.row.sku.clone(),
            quantity: l.quantity.to_string(),
        });
    }
    if entries.is_empty() {
        session::flash(&session, "lists-choose-lines");
        return Ok(see_other(format!("{PATH}/{id}")));
    }
    check_and_show(&req, &state, &session, entries, origins, Encoding::Utf8).await
}
