//! A list's lines: adding (by SKU, or from a product page), changing and removing them,
//! ordering chosen lines through the quick order's check, and the CSV download.

use super::*;
use crate::web::b2c::product::{ListForm, SentForms};

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
    add_to(req, state, session, id, form.into_inner(), false).await
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
    add_to(req, state, session, id, input, true).await
}

async fn add_to(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    id: i64,
    input: AddInput,
    from_product: bool,
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
        Err(e) if from_product => {
            // Said next to the form on the product page it was sent from.
            let sent = SentForms {
                list: Some(ListForm {
                    list: id,
                    quantity: typed.chars().take(20).collect(),
                    error: Some(quantity_message(&e, locale)),
                }),
                ..Default::default()
            };
            return crate::web::b2c::product::page(
                &req,
                &state,
                &product.slug,
                crate::web::b2c::reviews::ReviewList::FIRST,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
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
