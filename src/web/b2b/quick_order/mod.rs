//! `/b2b/quick-order`: bulk ordering for company buyers — a grid of SKU and quantity rows, pasted
//! lines, or a CSV file (`/b2b/quick-order/upload`, sample at `/b2b/quick-order/sample.csv`).
//! Everything is checked as a whole (`domain::bulk_order`) and reported line by line; nothing
//! goes into the cart until the buyer confirms the lines that are ready
//! (`/b2b/quick-order/confirm`, checked again in the same transaction that adds them).

mod confirm;
mod reorder;
pub(super) mod report;
mod upload;

pub use confirm::confirm;
pub use reorder::reorder;
pub use upload::upload;

use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, DbConn, DbError, carts};
use crate::domain::bulk_order::{
    self, Checked, Encoding, Entry, FileProblem, Found, MAX_BYTES, MAX_LINES,
};
use crate::domain::cart::QuantityRules;
use crate::domain::pricing::{Buyer, Segment};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::cart::owner;
use crate::web::shopper::Shopper;
use crate::web::views::price_row_qty;
use crate::web::{PageContext, Theme, render_status, see_other};
use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use futures_util::StreamExt;
use report::{FIX_ROWS, Origin, ReportView};
use std::collections::HashMap;

const PATH: &str = "/b2b/quick-order";
/// Empty rows the grid starts with, and how many "Add rows" adds.
const ROWS: usize = 10;
/// At most this many grid rows are kept.
const MAX_ROWS: usize = 500;

pub struct RowView {
    pub index: usize,
    pub sku: String,
    pub quantity: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "b2b/quick_order.html")]
pub struct QuickOrderPage {
    pub ctx: PageContext,
    pub rows: Vec<RowView>,
    pub paste: String,
    pub paste_error: Option<String>,
    pub file_error: Option<String>,
    pub report: Option<ReportView>,
    /// Lines already checked and ready, carried along while the buyer fixes the others.
    pub keep: String,
    pub file_hint: String,
}

fn empty_rows(n: usize) -> Vec<RowView> {
    (1..=n)
        .map(|index| RowView {
            index,
            sku: String::new(),
            quantity: String::new(),
            error: None,
        })
        .collect()
}

fn page(ctx: PageContext) -> QuickOrderPage {
    let file_hint = ctx.locale.t_args(
        "quick-file-hint",
        &[
            ("max", MAX_LINES.to_string()),
            ("size", format!("{} MB", MAX_BYTES / (1024 * 1024))),
        ],
    );
    QuickOrderPage {
        file_hint,
        ctx,
        rows: empty_rows(ROWS),
        paste: String::new(),
        paste_error: None,
        file_error: None,
        report: None,
        keep: String::new(),
    }
}

fn member(principal: &Principal) -> Result<CompanyMember, AppError> {
    CompanyMember::of(principal, PATH)
}

/// `GET /b2b/quick-order`.
pub async fn show(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    member(&principal)?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    render_status(&page(ctx), StatusCode::OK)
}

/// `GET /b2b/quick-order/sample.csv`.
pub async fn sample() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"quick-order-sample.csv\"",
        ))
        .body("sku,quantity\nPO-01000,2\nFA-01003,12\n")
}

fn file_problem(p: &FileProblem, locale: Locale) -> String {
    match p {
        FileProblem::Empty => locale.t("quick-file-empty"),
        FileProblem::TooLarge => locale.t("quick-file-too-large"),
        FileProblem::TooManyLines { lines } => locale.t_args(
            "quick-file-too-many",
            &[("count", lines.to_string()), ("max", MAX_LINES.to_string())],
        ),
        FileProblem::Spreadsheet => locale.t("quick-file-spreadsheet"),
        FileProblem::Binary => locale.t("quick-file-binary"),
    }
}

/// What checking needs from the database, read in one hop: the buyer, the cart's quantities and
/// the products named.
struct Looked {
    buyer: Buyer,
    in_cart: HashMap<i64, i32>,
    products: HashMap<String, (crate::db::catalog::CardRow, QuantityRules)>,
}

fn look_up(
    c: &mut DbConn,
    state: &(Shopper, std::sync::Arc<crate::db::cache::ReadCache>),
    cart_owner: Option<&carts::Owner>,
    entries: &[Entry],
) -> Result<Looked, DbError> {
    let (shopper, cache) = state;
    let buyer = shopper.buyer(cache, c)?;
    let in_cart = match cart_owner {
        Some(o) => match carts::find(c, o)? {
            Some(id) => carts::quantities(c, id)?,
            None => HashMap::new(),
        },
        None => HashMap::new(),
    };
    let mut skus: Vec<String> = entries
        .iter()
        .map(|e| bulk_order::normalise_sku(&e.sku))
        .filter(|s| !s.is_empty())
        .collect();
    skus.sort_unstable();
    skus.dedup();
    let products = db::catalog::orderable_by_skus(c, &skus, shopper.audience)?
        .into_iter()
        .map(|(row, min, step, max)| {
            let rules = QuantityRules::new(Segment::Company, min, step, max);
            (row.sku.clone(), (row, rules))
        })
        .collect();
    Ok(Looked {
        buyer,
        in_cart,
        products,
    })
}

fn checked(entries: &[Entry], looked: &Looked) -> Vec<Checked> {
    bulk_order::check(entries, |sku| {
        let (row, rules) = looked.products.get(sku)?;
        Some(Found {
            product_id: row.id,
            sku: row.sku.clone(),
            name: row.name.clone(),
            rules: *rules,
            available: i64::from(row.on_hand.unwrap_or(0)) - i64::from(row.reserved.unwrap_or(0)),
            in_cart: u32::try_from(looked.in_cart.get(&row.id).copied().unwrap_or(0)).unwrap_or(0),
        })
    })
}

/// Checks the entries and shows the report (problems as editable rows, the rest kept).
pub(super) async fn check_and_show(
    req: &HttpRequest,
    state: &AppState,
    session: &Session,
    entries: Vec<Entry>,
    origins: Vec<Origin>,
    encoding: Encoding,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    member(&principal)?;
    let started = std::time::Instant::now();
    let shopper = (Shopper::of(&principal, state), state.cache.clone());
    let cart_owner = owner(&principal, session);
    let count = entries.len();
    let (checked, looked, entries) = db::run(&state.pool, move |c| {
        let looked = look_up(c, &shopper, cart_owner.as_ref(), &entries)?;
        Ok((checked(&entries, &looked), looked, entries))
    })
    .await?;
    let ctx = PageContext::with_principal(req, Theme::B2b, principal);
    let v = report_page(ctx, &checked, &origins, &looked, &entries, encoding);
    tracing::info!(
        lines = count,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "quick order checked"
    );
    render_status(&v, StatusCode::OK)
}

fn report_page(
    ctx: PageContext,
    checked: &[Checked],
    origins: &[Origin],
    looked: &Looked,
    entries: &[Entry],
    encoding: Encoding,
) -> QuickOrderPage {
    let locale = ctx.locale;
    let rows_by_id: HashMap<i64, crate::db::catalog::CardRow> = looked
        .products
        .values()
        .map(|(row, _)| (row.id, row.clone()))
        .collect();
    let report = report::build(
        checked,
        origins,
        &rows_by_id,
        &looked.in_cart,
        &looked.buyer,
        encoding,
        locale,
    );
    // Problems become rows to fix, with what was typed on their first line.
    let typed: HashMap<usize, &Entry> = entries.iter().map(|e| (e.line, e)).collect();
    let rows: Vec<RowView> = checked
        .iter()
        .zip(0..)
        .filter(|(c, _)| c.outcome.is_err())
        .take(FIX_ROWS)
        .enumerate()
        .map(|(i, (c, _))| {
            let first = c.lines.first().and_then(|l| typed.get(l));
            RowView {
                index: i + 1,
                sku: first.map(|e| e.sku.clone()).unwrap_or_default(),
                quantity: if c.lines.len() > 1 {
                    c.quantity.clone()
                } else {
                    first.map(|e| e.quantity.clone()).unwrap_or_default()
                },
                error: report.problems.get(i).map(|p| p.message.clone()),
            }
        })
        .collect();
    let mut v = page(ctx);
    v.keep = report.ready_text.clone();
    if !rows.is_empty() {
        v.rows = rows;
    }
    v.report = Some(report);
    v
}

/// `POST /b2b/quick-order`: the grid's rows (`sku`, `quantity`, repeated), pasted lines
/// (`paste`) and lines kept from an earlier check (`keep`); `action=add_rows` only adds rows.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    member(&principal)?;
    let fields = form.into_inner();
    let all = |name: &str| -> Vec<String> {
        fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let one = |name: &str| all(name).into_iter().next().unwrap_or_default();
    let skus = all("sku");
    let quantities = all("quantity");
    let paste = one("paste");
    let keep = one("keep");
    if one("action") == "add_rows" {
        let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
        let mut v = page(ctx);
        let n = (skus.len() + ROWS).min(MAX_ROWS);
        v.rows = empty_rows(n);
        for (row, (sku, qty)) in v.rows.iter_mut().zip(skus.iter().zip(&quantities)) {
            row.sku = sku.clone();
            row.quantity = qty.clone();
        }
        v.paste = paste;
        v.keep = keep;
        return render_status(&v, StatusCode::OK);
    }
    let mut entries = Vec::new();
    let mut origins = Vec::new();
    let mut push = |origin: Origin, sku: String, quantity: String| {
        origins.push(origin);
        entries.push(Entry {
            line: origins.len(),
            sku,
            quantity,
        });
    };
    // Kept lines were written by us ("SKU<tab>quantity").
    for line in keep.lines().take(MAX_LINES) {
        if let Some((sku, qty)) = line.split_once('\t') {
            push(Origin::Kept, sku.to_string(), qty.to_string());
        }
    }
    for (i, (sku, qty)) in skus.iter().zip(&quantities).enumerate().take(MAX_ROWS) {
        if !sku.trim().is_empty() || !qty.trim().is_empty() {
            push(
                Origin::Row(i + 1),
                sku.trim().to_string(),
                qty.trim().to_string(),
            );
        }
    }
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    if !paste.trim().is_empty() {
        match bulk_order::read(&paste) {
            Ok(lines) => {
                for e in lines {
                    push(Origin::Line(e.line), e.sku, e.quantity);
                }
            }
            Err(p) => {
                let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
                let mut v = page(ctx);
                v.paste_error = Some(file_problem(&p, locale));
                v.paste = paste;
                v.keep = keep;
                return render_status(&v, StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
    }
    if entries.is_empty() {
        let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
        let mut v = page(ctx);
        v.paste_error = Some(locale.t("quick-nothing"));
        return render_status(&v, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if entries.len() > MAX_LINES {
        let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
        let mut v = page(ctx);
        v.paste_error = Some(file_problem(
            &FileProblem::TooManyLines {
                lines: entries.len(),
            },
            locale,
        ));
        v.paste = paste;
        return render_status(&v, StatusCode::UNPROCESSABLE_ENTITY);
    }
    check_and_show(&req, &state, &session, entries, origins, Encoding::Utf8).await
}
