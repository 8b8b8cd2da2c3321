//! Changing the cart: adding from product pages (`POST /cart/add`), changing a line's quantity,
//! removing it, saving it for later and back, and the CSV download.

use super::*;

#[derive(Deserialize)]
pub struct AddInput {
    #[serde(default)]
    sku: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    buy_now: String,
}

/// `POST /cart/add` (`sku`, `quantity`, `buy_now`): adds to the cart and returns to the product
/// page (or goes to the cart for "Buy now"); a refused quantity is explained on the product page.
pub async fn add(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<AddInput>,
) -> Result<HttpResponse, AppError> {
    let input = form.into_inner();
    let principal = Principal::of(&req).await?;
    let shopper = Shopper::of(&principal, &state);
    let (audience, segment) = (shopper.audience, shopper.segment());
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let sku = input.sku.trim().to_string();
    let wanted = sku.clone();
    let Some(product) = db::run(&state.pool, move |c| carts::buyable(c, &wanted, audience)).await?
    else {
        return Err(AppError::NotFound);
    };
    let rules = QuantityRules::new(segment, product.min_qty, product.qty_step, product.max_qty);
    let typed = if input.quantity.trim().is_empty() {
        rules.min.to_string()
    } else {
        input.quantity.clone()
    };
    let quantity = match rules.parse(&typed) {
        Ok(q) => q,
        Err(e) => {
            let message = quantity_message(&e, locale);
            return refuse_on_product(&req, &state, &product.slug, &input.quantity, message).await;
        }
    };
    let owner = owner_for_change(&principal, &session)?;
    let now = chrono::Utc::now().naive_utc();
    let product_id = product.id;
    let available = product.available();
    // In one transaction: what is already in the cart, the check against the stock and the rules,
    // and the new quantity with the price the buyer is shown.
    let cache = state.cache.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let cart_id = carts::find_or_create(c, &owner, now)?;
        let in_cart = carts::quantity_of(c, cart_id, product_id)?;
        let total = i64::from(in_cart) + i64::from(quantity);
        if available <= 0 {
            return Ok(Err(AddRefusal::SoldOut));
        }
        if total > available {
            return Ok(Err(AddRefusal::OnlyLeft { available, in_cart }));
        }
        let total_u32 = u32::try_from(total).unwrap_or(u32::MAX);
        if let Err(e) = rules.check(total_u32) {
            return Ok(Err(AddRefusal::Rules(e)));
        }
        let card = db::catalog::cards_by_ids(c, &[product_id])?
            .into_iter()
            .next()
            .ok_or(diesel::result::Error::NotFound)?;
        let buyer = shopper.buyer(&cache, c)?;
        let price_minor = price_row_qty(&card.row, &buyer, total_u32)
            .shown_unit()
            .to_minor()
            .unwrap_or(0);
        carts::put(c, cart_id, product_id, total as i32, price_minor, now)?;
        Ok(Ok(carts::items(c, cart_id)?))
    })
    .await?;
    match outcome {
        Ok(items) => {
            session::set_cart_items(&session, items);
            if input.buy_now.is_empty() {
                session::flash(&session, "cart-added");
                Ok(see_other(format!("/products/{}", product.slug)))
            } else {
                Ok(see_other("/cart"))
            }
        }
        Err(refusal) => {
            let message = match refusal {
                AddRefusal::SoldOut => locale.t("cart-sold-out"),
                AddRefusal::OnlyLeft { available, in_cart } => locale.t_args(
                    "cart-only-left",
                    &[
                        ("available", available.to_string()),
                        ("in_cart", in_cart.to_string()),
                    ],
                ),
                AddRefusal::Rules(e) => quantity_message(&e, locale),
            };
            refuse_on_product(&req, &state, &product.slug, &input.quantity, message).await
        }
    }
}

enum AddRefusal {
    SoldOut,
    OnlyLeft { available: i64, in_cart: i32 },
    Rules(QuantityError),
}

async fn refuse_on_product(
    req: &HttpRequest,
    state: &AppState,
    slug: &str,
    typed: &str,
    message: String,
) -> Result<HttpResponse, AppError> {
    let sent = crate::web::b2c::product::SentForms {
        add: Some(crate::web::b2c::product::AddForm {
            quantity: typed.trim().chars().take(20).collect(),
            error: Some(message),
        }),
        ..Default::default()
    };
    crate::web::b2c::product::page(
        req,
        state,
        slug,
        crate::web::b2c::reviews::ReviewList::FIRST,
        sent,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize)]
pub struct QuantityInput {
    #[serde(default)]
    quantity: String,
}

/// `POST /cart/lines/{id}`: a new quantity for a line.
pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<QuantityInput>,
) -> Result<HttpResponse, AppError> {
    let line_id = path.into_inner();
    let principal = Principal::of(&req).await?;
    let shopper = Shopper::of(&principal, &state);
    let (audience, segment) = (shopper.audience, shopper.segment());
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let Some(owner) = owner(&principal, &session) else {
        return gone(&session);
    };
    let typed = form.into_inner().quantity;
    let check = typed.clone();
    let cache = state.cache.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(cart_id) = carts::find(c, &owner)? else {
            return Ok(None);
        };
        let lines = carts::lines(c, cart_id, audience)?;
        let Some(line) = lines.into_iter().find(|l| l.id == line_id) else {
            return Ok(None);
        };
        let rules = QuantityRules::new(segment, line.min_qty, line.qty_step, line.max_qty);
        let quantity = match rules.parse(&check) {
            Ok(q) => q,
            Err(e) => return Ok(Some(Err(quantity_message(&e, locale)))),
        };
        if let Some(card) = &line.card {
            let available = i64::from(card.row.on_hand.unwrap_or(0))
                - i64::from(card.row.reserved.unwrap_or(0));
            if !line.saved_for_later && i64::from(quantity) > available.max(0) {
                return Ok(Some(Err(if available <= 0 {
                    locale.t("cart-sold-out")
                } else {
                    locale.t_args(
                        "cart-only-left",
                        &[
                            ("available", available.to_string()),
                            ("in_cart", line.quantity.to_string()),
                        ],
                    )
                })));
            }
        }
        carts::set_quantity(c, cart_id, line_id, quantity as i32)?;
        // A volume price the buyer reached by changing the quantity is not a price change.
        if let Some(card) = &line.card {
            let buyer = shopper.buyer(&cache, c)?;
            let unit = price_row_qty(&card.row, &buyer, quantity).shown_unit();
            carts::set_seen_price(c, cart_id, line_id, unit.to_minor().unwrap_or(0))?;
        }
        Ok(Some(Ok(carts::items(c, cart_id)?)))
    })
    .await?;
    match outcome {
        None => gone(&session),
        Some(Ok(items)) => {
            session::set_cart_items(&session, items);
            session::flash(&session, "cart-updated");
            Ok(see_other("/cart"))
        }
        Some(Err(message)) => {
            let refused = Refused {
                line_id,
                typed: typed.trim().chars().take(20).collect(),
                message,
            };
            page(
                &req,
                &state,
                &session,
                Some(refused),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// A line that is not in this cart (removed in another tab, or someone else's id).
fn gone(session: &Session) -> Result<HttpResponse, AppError> {
    session::flash(session, "cart-line-gone");
    Ok(see_other("/cart"))
}

/// What a line button does.
#[derive(Clone, Copy)]
enum LineAction {
    Remove,
    Save,
    Restore,
}

async fn line_action(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    line_id: i64,
    action: LineAction,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let Some(owner) = owner(&principal, &session) else {
        return gone(&session);
    };
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(cart_id) = carts::find(c, &owner)? else {
            return Ok(None);
        };
        let done = match action {
            LineAction::Remove => carts::remove(c, cart_id, line_id)?,
            LineAction::Save => carts::set_saved(c, cart_id, line_id, true)?,
            LineAction::Restore => carts::set_saved(c, cart_id, line_id, false)?,
        };
        if !done {
            return Ok(None);
        }
        Ok(Some(carts::items(c, cart_id)?))
    })
    .await?;
    let Some(items) = outcome else {
        return gone(&session);
    };
    session::set_cart_items(&session, items);
    session::flash(
        &session,
        match action {
            LineAction::Remove => "cart-removed",
            LineAction::Save => "cart-saved",
            LineAction::Restore => "cart-restored",
        },
    );
    Ok(see_other("/cart"))
}

/// `POST /cart/lines/{id}/remove`.
pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    line_action(req, state, session, path.into_inner(), LineAction::Remove).await
}

/// `POST /cart/lines/{id}/save`.
pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    line_action(req, state, session, path.into_inner(), LineAction::Save).await
}

/// `POST /cart/lines/{id}/restore`.
pub async fn restore(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    line_action(req, state, session, path.into_inner(), LineAction::Restore).await
}

/// `GET /cart/export.csv`: the cart's lines (not saved for later) as the buyer sees them.
pub async fn export(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    use crate::domain::export::{Cell, to_csv};
    let principal = Principal::of(&req).await?;
    let shopper = Shopper::of(&principal, &state);
    let segment = shopper.segment();
    let owner = owner(&principal, &session);
    let cache = state.cache.clone();
    let lines = db::run(&state.pool, move |c| {
        let Some(owner) = owner else {
            return Ok(Vec::new());
        };
        let Some(cart_id) = carts::find(c, &owner)? else {
            return Ok(Vec::new());
        };
        let buyer = shopper.buyer(&cache, c)?;
        Ok(db::orders::priced_cart(c, cart_id, shopper.audience, &buyer)?.0)
    })
    .await?;
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .map(|l| {
            let unit = l.line.unit.shown_unit();
            vec![
                Cell::Text(l.sku.clone()),
                Cell::Text(l.name.clone()),
                Cell::Number(l.line.quantity.to_string()),
                Cell::Number(crate::web::export_amount(unit.to_minor().unwrap_or(0))),
                Cell::Number(crate::web::export_amount(
                    unit.times(l.line.quantity).to_minor().unwrap_or(0),
                )),
            ]
        })
        .collect();
    let header: [&str; 5] = match segment {
        Segment::Consumer => [
            "sku",
            "name",
            "quantity",
            "unit_price_incl_vat",
            "total_incl_vat",
        ],
        Segment::Company => [
            "sku",
            "name",
            "quantity",
            "unit_price_excl_vat",
            "total_excl_vat",
        ],
    };
    Ok(crate::web::csv_download("cart.csv", to_csv(&header, &rows)))
}
