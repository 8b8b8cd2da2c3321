//! `POST /b2b/quick-order/confirm`: the ready lines checked again and added all or none.

use super::*;

/// `POST /b2b/quick-order/confirm` (`lines`: the ready lines as the report wrote them): checks
/// them again and adds them all to the cart in one transaction, or none and shows what changed.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    member(&principal)?;
    let text = form
        .into_inner()
        .into_iter()
        .find(|(k, _)| k == "lines")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let entries: Vec<Entry> = text
        .lines()
        .take(MAX_LINES)
        .filter_map(|l| l.split_once('\t'))
        .enumerate()
        .map(|(i, (sku, qty))| Entry {
            line: i + 1,
            sku: sku.to_string(),
            quantity: qty.to_string(),
        })
        .collect();
    if entries.is_empty() {
        return Ok(see_other(PATH));
    }
    let origins: Vec<Origin> = entries.iter().map(|_| Origin::Kept).collect();
    let shopper = (Shopper::of(&principal, &state), state.cache.clone());
    let Some(cart_owner) = owner(&principal, &session) else {
        return Err(AppError::Forbidden);
    };
    let now = chrono::Utc::now().naive_utc();
    let outcome = db::run_write(&state.pool, move |c| {
        let looked = look_up(c, &shopper, Some(&cart_owner), &entries)?;
        let checked = checked(&entries, &looked);
        if checked.iter().any(|c| c.outcome.is_err()) {
            return Ok(Err((checked, looked, entries)));
        }
        let cart_id = carts::find_or_create(c, &cart_owner, now)?;
        let rows: HashMap<i64, &crate::db::catalog::CardRow> = looked
            .products
            .values()
            .map(|(row, _)| (row.id, row))
            .collect();
        for ready in checked.iter().filter_map(|c| c.outcome.as_ref().ok()) {
            let held = ready.quantity
                + u32::try_from(looked.in_cart.get(&ready.product_id).copied().unwrap_or(0))
                    .unwrap_or(0);
            let seen = rows
                .get(&ready.product_id)
                .map(|row| price_row_qty(row, &looked.buyer, held).shown_unit())
                .and_then(|m| m.to_minor().ok())
                .unwrap_or(0);
            carts::put(
                c,
                cart_id,
                ready.product_id,
                i32::try_from(held).unwrap_or(i32::MAX),
                seen,
                now,
            )?;
        }
        Ok(Ok(carts::items(c, cart_id)?))
    })
    .await?;
    match outcome {
        Ok(items) => {
            session::set_cart_items(&session, items);
            session::flash(&session, "quick-added");
            Ok(see_other("/cart"))
        }
        Err((checked, looked, entries)) => {
            let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
            let v = report_page(ctx, &checked, &origins, &looked, &entries, Encoding::Utf8);
            render_status(&v, StatusCode::CONFLICT)
        }
    }
}
