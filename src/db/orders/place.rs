//! Placing an order from a cart in one write transaction: re-priced from the database, cart
//! rules and coupon re-checked, the shown total compared, stock reserved with a conditional
//! update per line, the company's credit and the buyer's approval limits checked, then the order,
//! its lines (with their price breakdown), its first events and, on invoice, its invoice.

use super::*;

/// The delivery methods offered, in order.
pub fn delivery_options(conn: &mut DbConn) -> Result<Vec<DeliveryOption>, DbError> {
    let rows: Vec<(String, String, i64, Option<i64>, i32, i32)> = delivery_methods::table
        .filter(delivery_methods::active.eq(true))
        .order(delivery_methods::position)
        .select((
            delivery_methods::code,
            delivery_methods::name,
            delivery_methods::price_minor,
            delivery_methods::free_over_minor,
            delivery_methods::min_days,
            delivery_methods::max_days,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(code, name, price, free, min_days, max_days)| DeliveryOption {
                code,
                name,
                price_net: Money::from_minor(price, Currency::Sek),
                free_over: free.map(|f| Money::from_minor(f, Currency::Sek)),
                min_days,
                max_days,
            },
        )
        .collect())
}

/// A cart line priced for the buyer, as the order will record it.
#[derive(Debug, Clone)]
pub struct PricedCartLine {
    pub product_id: i64,
    pub sku: String,
    pub name: String,
    pub line: PricedLine,
    pub available: i64,
    pub rules: QuantityRules,
}

/// The cart's lines (not saved for later) priced for `buyer`, and how many lines were left out
/// because their product is no longer sold to this buyer.
pub fn priced_cart(
    conn: &mut DbConn,
    cart_id: i64,
    audience: Audience,
    buyer: &Buyer,
) -> Result<(Vec<PricedCartLine>, usize), DbError> {
    Ok(priced(carts::lines(conn, cart_id, audience)?, buyer))
}

/// What an order is made of: the buyer's cart, or an accepted quote's lines (at its prices,
/// which the buyer carries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Cart(i64),
    Quote(i64),
}

/// The lines of `source` priced for `buyer`, and how many were left out as no longer sold.
pub fn priced_lines(
    conn: &mut DbConn,
    source: Source,
    audience: Audience,
    buyer: &Buyer,
) -> Result<(Vec<PricedCartLine>, usize), DbError> {
    match source {
        Source::Cart(id) => priced_cart(conn, id, audience, buyer),
        Source::Quote(id) => Ok(priced(
            crate::db::quotes::order_lines(conn, id, audience)?,
            buyer,
        )),
    }
}

pub(super) fn priced(lines: Vec<carts::Line>, buyer: &Buyer) -> (Vec<PricedCartLine>, usize) {
    let segment = buyer.segment();
    let mut priced = Vec::new();
    let mut gone = 0;
    for line in lines {
        if line.saved_for_later {
            continue;
        }
        let Some(card) = line.card else {
            gone += 1;
            continue;
        };
        let row = card.row;
        let unit = buyer.price(
            row.id,
            row.list_price.money(&row.currency),
            TaxRate::from_bp(row.tax_rate_bp).unwrap_or(TaxRate::STANDARD),
            u32::try_from(line.quantity).unwrap_or(0),
        );
        priced.push(PricedCartLine {
            product_id: row.id,
            sku: row.sku,
            name: row.name,
            available: i64::from(row.on_hand.unwrap_or(0)) - i64::from(row.reserved.unwrap_or(0)),
            rules: QuantityRules::new(segment, line.min_qty, line.qty_step, line.max_qty),
            line: PricedLine {
                unit,
                quantity: u32::try_from(line.quantity).unwrap_or(0),
            },
        });
    }
    (priced, gone)
}

/// The totals of priced lines with a delivery method, the cart rules that apply and an optional
/// (checked) coupon.
pub fn totals_of(
    lines: &[PricedCartLine],
    option: &DeliveryOption,
    segment: Segment,
    rules: &[AppliedRule],
    coupon: Option<&Coupon>,
) -> OrderTotals {
    let goods: Vec<PricedLine> = lines.iter().map(|l| l.line.clone()).collect();
    order_totals(&goods, option, segment, Currency::Sek, rules, coupon)
}

/// Everything placing an order needs; prices and totals are never taken from the form.
#[derive(Debug, Clone)]
pub struct NewOrder {
    /// The cart, or an accepted quote (then `buyer` carries its prices, and neither cart rules
    /// nor coupons apply: the quoted prices are the deal).
    pub source: Source,
    pub audience: Audience,
    /// Who pays, with the company's agreements read just before placing.
    pub buyer: Buyer,
    pub user_id: Option<i64>,
    pub company_id: Option<i64>,
    pub email: String,
    pub address: PostalAddress,
    pub delivery_code: String,
    /// `card` (paid on the provider's page) or `invoice` (company buyers on their terms).
    pub payment_method: &'static str,
    /// The company's purchase order number, requested delivery date and comment.
    pub po_number: Option<String>,
    pub requested_delivery: Option<chrono::NaiveDate>,
    pub note: String,
    pub idempotency_key: String,
    /// The coupon code the buyer typed, if any.
    pub coupon_code: Option<String>,
    /// The total (incl. VAT) the buyer was shown; if the cart now costs something else, they are
    /// asked to look again instead of being charged it.
    pub shown_total_minor: i64,
    pub now: NaiveDateTime,
}

/// Why an order was not placed; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    EmptyCart,
    NoLongerSold,
    /// The quote is no longer accepted, or its offer has run out.
    QuoteClosed,
    DeliveryUnavailable,
    Quantity {
        name: String,
        error: QuantityError,
    },
    OutOfStock {
        name: String,
        available: i64,
    },
    TotalChanged,
    Coupon(CouponProblem),
    /// Invoice is not among this buyer's payment terms.
    InvoiceUnavailable,
    /// The order would take the company over its credit limit; this much is left.
    CreditLimit {
        available_minor: i64,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error("the order was refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for PlaceError {
    fn from(e: diesel::result::Error) -> Self {
        PlaceError::Db(DbError::Query(e))
    }
}

/// Places the order, or returns the one already placed with the same key (a double click, a
/// resubmit after Back, a retry). Call inside nothing: this is its own write transaction.
pub fn place(conn: &mut DbConn, order: &NewOrder) -> Result<(OrderRef, bool), PlaceError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match crate::db::write_transaction(conn, |c| place_in(c, order)) {
            // A unique index said no: either two identical submissions raced past the key check
            // (Postgres) — the loser returns the winner's order — or the random order number was
            // taken (one in a hundred million per order) — try again with a new one.
            Err(PlaceError::Db(DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                info,
            )))) => {
                if let Some(existing) = order_ref(conn, &order.idempotency_key)? {
                    return Ok((existing, false));
                }
                if attempts >= 3 {
                    return Err(PlaceError::Db(DbError::Query(
                        diesel::result::Error::DatabaseError(
                            diesel::result::DatabaseErrorKind::UniqueViolation,
                            info,
                        ),
                    )));
                }
            }
            other => return other,
        }
    }
}

fn place_in(c: &mut DbConn, order: &NewOrder) -> Result<(OrderRef, bool), PlaceError> {
    if let Some(existing) = order_ref(c, &order.idempotency_key)? {
        return Ok((existing, false));
    }
    let refuse = |r: Refusal| Err(PlaceError::Refused(r));
    let (lines, gone) = priced_lines(c, order.source, order.audience, &order.buyer)?;
    let (cart_id, quote_id) = match order.source {
        Source::Cart(id) => (Some(id), None),
        Source::Quote(id) => (None, Some(id)),
    };
    let segment = order.buyer.segment();
    if gone > 0 {
        return refuse(Refusal::NoLongerSold);
    }
    if lines.is_empty() {
        return refuse(Refusal::EmptyCart);
    }
    let options = delivery_options(c)?;
    let Some(option) = options.iter().find(|o| o.code == order.delivery_code) else {
        return refuse(Refusal::DeliveryUnavailable);
    };
    for line in &lines {
        if let Err(error) = line.rules.check(line.line.quantity) {
            return refuse(Refusal::Quantity {
                name: line.name.clone(),
                error,
            });
        }
    }
    let rules = match quote_id {
        None => crate::db::cart_rules::applied(c, &lines, order.now)?,
        Some(_) => Vec::new(),
    };
    let coupon = match order
        .coupon_code
        .as_deref()
        .filter(|c| !c.trim().is_empty() && quote_id.is_none())
    {
        None => None,
        Some(code) => {
            let Some(coupon) = crate::db::coupons::by_code(c, code)? else {
                return refuse(Refusal::Coupon(CouponProblem::Unknown));
            };
            let before = totals_of(&lines, option, segment, &[], None);
            let shown = match segment {
                Segment::Consumer => before.goods.gross,
                Segment::Company => before.goods.net,
            };
            let used =
                crate::db::coupons::customer_uses(c, coupon.id, &order.email, order.user_id)?;
            if let Err(problem) = coupon.check(shown, order.now, used) {
                return refuse(Refusal::Coupon(problem));
            }
            Some(coupon)
        }
    };
    let totals = totals_of(&lines, option, segment, &rules, coupon.as_ref());
    // A coupon that gave way to the cart rules is neither recorded nor redeemed.
    let coupon = coupon.filter(|_| totals.coupon_used && totals.set_aside != SetAside::Coupon);
    let total_minor = totals.gross.to_minor().map_err(|_| DbError::Canceled)?;
    if total_minor != order.shown_total_minor {
        return refuse(Refusal::TotalChanged);
    }
    // On invoice: the company's terms, within what is left of its credit.
    let invoice = if order.payment_method == "invoice" {
        let (Some(company), Some(terms)) = (
            order.company_id,
            order.buyer.terms().filter(|t| t.days > 0).cloned(),
        ) else {
            return refuse(Refusal::InvoiceUnavailable);
        };
        crate::db::companies::lock(c, company)?;
        let (_, available_minor) = crate::db::companies::credit(c, company)?;
        if total_minor > available_minor {
            return refuse(Refusal::CreditLimit { available_minor });
        }
        Some((company, terms))
    } else {
        None
    };
    // Reserve: each update must find enough unreserved stock, or nothing of this order stays.
    for line in &lines {
        let quantity = i32::try_from(line.line.quantity).unwrap_or(i32::MAX);
        if !crate::db::stock::reserve(c, line.product_id, quantity, order.now)? {
            return refuse(Refusal::OutOfStock {
                name: line.name.clone(),
                available: line.available.max(0),
            });
        }
    }
    let a = &order.address;
    let address = [
        a.name.as_str(),
        a.line1.as_str(),
        a.line2.as_str(),
        &format!("{} {}", a.postal_code, a.city),
        a.country.as_str(),
        a.phone.as_str(),
    ]
    .iter()
    .filter(|s| !s.trim().is_empty())
    .cloned()
    .collect::<Vec<&str>>()
    .join("\n");
    let minor = |m: Money| m.to_minor().unwrap_or(0);
    // Over the buyer's limits: the company's approvers decide first (then the invoice is
    // issued, or the buyer pays by card).
    let approval = match (order.company_id, order.user_id) {
        (Some(company), Some(user)) => {
            let net_minor = total_minor - minor(totals.vat);
            crate::db::approvals::needed(c, company, user, net_minor, order.now, None)?
                .map(|reason| (company, user, reason))
        }
        _ => None,
    };
    let status = match (&invoice, &approval) {
        (_, Some(_)) => "awaiting_approval",
        (Some(_), None) => "confirmed",
        (None, None) => "awaiting_payment",
    };
    let number = super::new_number(order.now);
    let token = crate::db::tokens::random_token();
    let id: i64 = diesel::insert_into(orders::table)
        .values((
            orders::number.eq(&number),
            orders::public_token.eq(&token),
            orders::segment.eq(match segment {
                Segment::Consumer => "b2c",
                Segment::Company => "b2b",
            }),
            orders::user_id.eq(order.user_id),
            orders::company_id.eq(order.company_id),
            orders::email.eq(&order.email),
            orders::status.eq(status),
            orders::payment_method.eq(order.payment_method),
            orders::payment_terms.eq(order.buyer.terms().map(|t| t.code.clone())),
            orders::po_number.eq(&order.po_number),
            orders::requested_delivery.eq(order.requested_delivery),
            orders::reverse_charge.eq(order.buyer.pricing().is_some_and(|p| p.reverse_charge)),
            orders::currency.eq("SEK"),
            orders::subtotal_minor.eq(minor(totals.goods.gross)),
            orders::discount_minor.eq(minor(totals.discount)),
            orders::coupon_code.eq(coupon.as_ref().map(|c| c.code.clone())),
            orders::shipping_minor.eq(minor(totals.delivery.gross)),
            orders::tax_minor.eq(minor(totals.vat)),
            orders::total_minor.eq(total_minor),
            orders::delivery_method.eq(&option.code),
            orders::shipping_address.eq(&address),
            orders::billing_address.eq(&address),
            orders::note.eq(&order.note),
            orders::idempotency_key.eq(&order.idempotency_key),
            orders::placed_at.eq(order.now),
            orders::updated_at.eq(order.now),
        ))
        .returning(orders::id)
        .get_result(c)?;
    if let Some(coupon) = &coupon
        && !crate::db::coupons::redeem(c, coupon, id, &order.email, order.user_id, order.now)?
    {
        return refuse(Refusal::Coupon(CouponProblem::UsedUp));
    }
    for ((line, amounts), off) in lines
        .iter()
        .zip(totals.goods.lines.iter())
        .zip(totals.line_discounts.iter())
    {
        let breakdown = order.buyer.record(&line.line.unit);
        diesel::insert_into(order_lines::table)
            .values((
                order_lines::order_id.eq(id),
                order_lines::product_id.eq(Some(line.product_id)),
                order_lines::sku.eq(&line.sku),
                order_lines::name.eq(&line.name),
                order_lines::quantity.eq(i32::try_from(line.line.quantity).unwrap_or(i32::MAX)),
                order_lines::unit_price_minor.eq(minor(line.line.unit.unit_net)),
                order_lines::discount_minor.eq(*off),
                order_lines::tax_rate_bp
                    .eq(i32::try_from(line.line.unit.tax_rate.bp()).unwrap_or(0)),
                order_lines::tax_minor.eq(minor(amounts.vat)),
                order_lines::line_total_minor.eq(minor(amounts.gross)),
                order_lines::price_breakdown.eq(&breakdown),
            ))
            .execute(c)?;
    }
    if let Some(quote) = quote_id {
        let marked = match (order.company_id, order.user_id) {
            (Some(company), Some(user)) => {
                crate::db::quotes::mark_ordered(c, quote, company, id, user, order.now)?
            }
            _ => false,
        };
        if !marked {
            return refuse(Refusal::QuoteClosed);
        }
    }
    event(c, id, "placed", order.user_id, order.now)?;
    match (&invoice, approval) {
        (_, Some((company, user, reason))) => {
            crate::db::approvals::request(c, id, company, user, reason, order.now)?;
            event(c, id, "awaiting_approval", order.user_id, order.now)?;
            clear_ordered(c, id, cart_id)?;
        }
        (Some((company, terms)), None) => {
            crate::db::companies::issue_invoice(
                c,
                id,
                &number,
                *company,
                total_minor,
                terms,
                order.now,
            )?;
            noted_event(c, id, "confirmed", &terms.name, order.user_id, order.now)?;
            clear_ordered(c, id, cart_id)?;
        }
        (None, None) => {}
    }
    Ok((
        OrderRef {
            id,
            number,
            public_token: token,
            status: status.into(),
            total_minor,
            currency: "SEK".into(),
            email: order.email.clone(),
        },
        true,
    ))
}
