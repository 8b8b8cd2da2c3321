//! Orders: placing one from a cart in a single transaction (re-price, reserve stock with a
//! conditional update per line, write the order, its lines and first event), idempotently by the
//! key in the checkout form; then payment results and the order as its owner sees it.

use super::carts;
use super::catalog::Audience;
use super::schema::{
    cart_lines, delivery_methods, invoices, order_events, order_lines, orders, stock_levels,
};
use super::{DbConn, DbError};
use crate::domain::address::PostalAddress;
use crate::domain::cart::{PricedLine, QuantityError, QuantityRules};
use crate::domain::checkout::{DeliveryOption, OrderTotals, SetAside, order_totals};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::cart_rules::AppliedRule;
use crate::domain::pricing::coupons::{Coupon, CouponProblem};
use crate::domain::pricing::{Buyer, Segment, TaxRate};
use chrono::NaiveDateTime;
use diesel::prelude::*;

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
    let segment = buyer.segment();
    let mut priced = Vec::new();
    let mut gone = 0;
    for line in carts::lines(conn, cart_id, audience)? {
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
    Ok((priced, gone))
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
    pub cart_id: i64,
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

/// The columns of an [`OrderRef`], in its field order.
pub(crate) const ORDER_REF: (
    orders::id,
    orders::number,
    orders::public_token,
    orders::status,
    orders::total_minor,
    orders::currency,
    orders::email,
) = (
    orders::id,
    orders::number,
    orders::public_token,
    orders::status,
    orders::total_minor,
    orders::currency,
    orders::email,
);

/// An order as its links need it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct OrderRef {
    pub id: i64,
    pub number: String,
    pub public_token: String,
    pub status: String,
    pub total_minor: i64,
    pub currency: String,
    pub email: String,
}

fn order_ref(conn: &mut DbConn, key: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .filter(orders::idempotency_key.eq(key))
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// Places the order, or returns the one already placed with the same key (a double click, a
/// resubmit after Back, a retry). Call inside nothing: this is its own write transaction.
pub fn place(conn: &mut DbConn, order: &NewOrder) -> Result<(OrderRef, bool), PlaceError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match super::write_transaction(conn, |c| place_in(c, order)) {
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
    let (lines, gone) = priced_cart(c, order.cart_id, order.audience, &order.buyer)?;
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
    let rules = super::cart_rules::applied(c, &lines, order.now)?;
    let coupon = match order
        .coupon_code
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        None => None,
        Some(code) => {
            let Some(coupon) = super::coupons::by_code(c, code)? else {
                return refuse(Refusal::Coupon(CouponProblem::Unknown));
            };
            let before = totals_of(&lines, option, segment, &[], None);
            let shown = match segment {
                Segment::Consumer => before.goods.gross,
                Segment::Company => before.goods.net,
            };
            let used = super::coupons::customer_uses(c, coupon.id, &order.email, order.user_id)?;
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
        super::companies::lock(c, company)?;
        let (_, available_minor) = super::companies::credit(c, company)?;
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
        let reserved = diesel::update(
            stock_levels::table
                .filter(stock_levels::product_id.eq(line.product_id))
                .filter((stock_levels::on_hand - stock_levels::reserved).ge(quantity)),
        )
        .set((
            stock_levels::reserved.eq(stock_levels::reserved + quantity),
            stock_levels::updated_at.eq(order.now),
        ))
        .execute(c)?;
        if reserved != 1 {
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
    let number = format!(
        "{}-{:08}",
        order.now.format("%y%m%d"),
        rand::random_range(0..100_000_000_u32)
    );
    let token = super::tokens::random_token();
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
            orders::status.eq(if invoice.is_some() {
                "confirmed"
            } else {
                "awaiting_payment"
            }),
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
        && !super::coupons::redeem(c, coupon, id, &order.email, order.user_id, order.now)?
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
    event(c, id, "placed", order.user_id, order.now)?;
    // Over the buyer's limits: the company's approvers decide first (then the invoice is
    // issued, or the buyer pays by card).
    let net_minor = total_minor - minor(totals.vat);
    let approval = match (order.company_id, order.user_id) {
        (Some(company), Some(user)) => {
            super::approvals::needed(c, company, user, net_minor, order.now)?
                .map(|reason| (company, user, reason))
        }
        _ => None,
    };
    let status = match (&invoice, approval) {
        (_, Some((company, user, reason))) => {
            super::approvals::request(c, id, company, user, reason, order.now)?;
            diesel::update(orders::table.find(id))
                .set(orders::status.eq("awaiting_approval"))
                .execute(c)?;
            event(c, id, "awaiting_approval", order.user_id, order.now)?;
            clear_ordered(c, id, Some(order.cart_id))?;
            "awaiting_approval"
        }
        (None, None) => "awaiting_payment",
        (Some((company, terms)), None) => {
            diesel::insert_into(invoices::table)
                .values((
                    invoices::number.eq(format!("F{number}")),
                    invoices::order_id.eq(id),
                    invoices::company_id.eq(Some(*company)),
                    invoices::amount_minor.eq(total_minor),
                    invoices::currency.eq("SEK"),
                    invoices::issued_at.eq(order.now),
                    invoices::due_at.eq(order.now + chrono::Duration::days(i64::from(terms.days))),
                ))
                .execute(c)?;
            noted_event(c, id, "confirmed", &terms.name, order.user_id, order.now)?;
            clear_ordered(c, id, Some(order.cart_id))?;
            "confirmed"
        }
    };
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

fn event(
    c: &mut DbConn,
    order_id: i64,
    status: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    noted_event(c, order_id, status, "", actor, now)
}

/// A step on the order's timeline with a note (a tracking number, a refund).
pub(crate) fn noted_event(
    c: &mut DbConn,
    order_id: i64,
    status: &str,
    note: &str,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(order_id),
            order_events::status.eq(status),
            order_events::note.eq(note),
            order_events::actor_user_id.eq(actor),
            order_events::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// The payment provider's reference of a paid order.
pub fn payment_reference(conn: &mut DbConn, order_id: i64) -> Result<Option<String>, DbError> {
    Ok(orders::table
        .find(order_id)
        .select(orders::payment_reference)
        .first::<Option<String>>(conn)?)
}

/// An order by its number (staff pages; shoppers' links use the token).
pub fn by_number(conn: &mut DbConn, number: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .filter(orders::number.eq(number))
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// The order a shopper's link points at: its number and the token from the confirmation (numbers
/// can be guessed, tokens cannot), or nothing when they do not belong together.
pub fn by_link(conn: &mut DbConn, number: &str, token: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(by_token(conn, token)?.filter(|o| o.number == number))
}

/// The company an order was placed for, if any.
pub fn company_of(conn: &mut DbConn, order_id: i64) -> Result<Option<i64>, DbError> {
    Ok(orders::table
        .find(order_id)
        .select(orders::company_id)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten())
}

/// An order by its public token (the link in the confirmation).
pub fn by_token(conn: &mut DbConn, token: &str) -> Result<Option<OrderRef>, DbError> {
    Ok(orders::table
        .filter(orders::public_token.eq(token))
        .select(ORDER_REF)
        .first(conn)
        .optional()?)
}

/// What a payment result did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentApplied {
    /// The order is now paid.
    Paid,
    /// It already was (a repeated confirmation).
    AlreadyPaid,
    /// The payment was declined: the order and its reservations are gone.
    Removed,
    /// Nothing to do (unknown order, or declined after it was paid).
    Ignored,
}

/// Applies a verified payment result to an order awaiting payment, exactly once: the status
/// changes only from `awaiting_payment` (a conditional update), so repeated or racing
/// confirmations do nothing more. Paid: the event and the cart's ordered lines go. Declined: the
/// stock reservations are released and the order removed.
pub fn apply_payment(
    conn: &mut DbConn,
    token: &str,
    approved: bool,
    reference: &str,
    cart_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<PaymentApplied, DbError> {
    super::write_transaction(conn, |c| {
        let Some(order) = by_token(c, token)? else {
            return Ok(PaymentApplied::Ignored);
        };
        if approved {
            let changed = diesel::update(
                orders::table
                    .filter(orders::id.eq(order.id))
                    .filter(orders::status.eq("awaiting_payment")),
            )
            .set((
                orders::status.eq("paid"),
                orders::payment_reference.eq(reference),
                orders::updated_at.eq(now),
            ))
            .execute(c)?;
            if changed == 0 {
                if order.status == "awaiting_payment" {
                    return Ok(PaymentApplied::Ignored);
                }
                // Paid before (e.g. the provider's webhook came first): this browser's cart
                // still loses what was ordered.
                clear_ordered(c, order.id, cart_id)?;
                return Ok(PaymentApplied::AlreadyPaid);
            }
            event(c, order.id, "paid", None, now)?;
            clear_ordered(c, order.id, cart_id)?;
            return Ok(PaymentApplied::Paid);
        }
        if order.status != "awaiting_payment" {
            return Ok(PaymentApplied::Ignored);
        }
        release_and_remove(c, order.id, now)?;
        Ok(PaymentApplied::Removed)
    })
}

/// What asking to cancel did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Now,
    /// Too late: packed, shipped or delivered (or cancelled already).
    TooLate,
}

/// Cancels a paid order that is not packed yet: the stock reserved for it is free again, a
/// coupon use is given back, and the timeline says so. A conditional update, so two clicks cancel
/// once.
pub fn cancel(
    conn: &mut DbConn,
    order_id: i64,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Cancelled, DbError> {
    super::write_transaction(conn, |c| cancel_in(c, order_id, actor, now))
}

/// [`cancel`] inside the caller's write transaction.
pub fn cancel_in(
    c: &mut DbConn,
    order_id: i64,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Cancelled, DbError> {
    let changed = diesel::update(
        orders::table
            .filter(orders::id.eq(order_id))
            .filter(orders::status.eq_any(crate::domain::fulfilment::READY)),
    )
    .set((orders::status.eq("cancelled"), orders::updated_at.eq(now)))
    .execute(c)?;
    if changed == 0 {
        return Ok(Cancelled::TooLate);
    }
    // An order on invoice: the invoice no longer counts against the company's credit.
    diesel::update(
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .filter(invoices::paid_at.is_null()),
    )
    .set(invoices::cancelled_at.eq(Some(now)))
    .execute(c)?;
    give_back(c, order_id, now)?;
    event(c, order_id, "cancelled", actor, now)?;
    Ok(Cancelled::Now)
}

/// The ordered products leave the buyer's cart (saved-for-later lines stay).
fn clear_ordered(c: &mut DbConn, order_id: i64, cart_id: Option<i64>) -> Result<(), DbError> {
    let Some(cart_id) = cart_id else {
        return Ok(());
    };
    let ordered: Vec<Option<i64>> = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select(order_lines::product_id)
        .load(c)?;
    let ordered: Vec<i64> = ordered.into_iter().flatten().collect();
    diesel::delete(
        cart_lines::table
            .filter(cart_lines::cart_id.eq(cart_id))
            .filter(cart_lines::saved_for_later.eq(false))
            .filter(cart_lines::product_id.eq_any(ordered)),
    )
    .execute(c)?;
    Ok(())
}

/// Orders left on the payment page longer than this give their stock back.
pub const UNPAID_MINUTES: i64 = 30;
/// Approved company orders to be paid by card wait this long for the payment.
pub const APPROVED_UNPAID_DAYS: i64 = 7;

/// Releases the reservations of orders still awaiting payment that were placed before `before`
/// and removes them (the buyer left the payment page); returns how many.
pub fn expire_unpaid(
    conn: &mut DbConn,
    before: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    // An order approved by the buyer's company waits longer for its card payment: a week
    // after the approval.
    let approved = || {
        super::schema::approvals::table
            .filter(super::schema::approvals::status.eq("approved"))
            .select(super::schema::approvals::order_id)
    };
    let mut stale: Vec<i64> = orders::table
        .filter(orders::status.eq("awaiting_payment"))
        .filter(orders::placed_at.lt(before))
        .filter(orders::id.ne_all(approved()))
        .select(orders::id)
        .limit(500)
        .load(conn)?;
    stale.extend(
        orders::table
            .filter(orders::status.eq("awaiting_payment"))
            .filter(orders::updated_at.lt(now - chrono::Duration::days(APPROVED_UNPAID_DAYS)))
            .filter(orders::id.eq_any(approved()))
            .select(orders::id)
            .limit(500)
            .load::<i64>(conn)?,
    );
    let mut expired = 0;
    for id in stale {
        // Each in its own transaction, and only if it is still unpaid (a payment may just have
        // arrived).
        let done = super::write_transaction(conn, |c| -> Result<bool, DbError> {
            let still: i64 = orders::table
                .filter(orders::id.eq(id))
                .filter(orders::status.eq("awaiting_payment"))
                .count()
                .get_result(c)?;
            if still == 0 {
                return Ok(false);
            }
            release_and_remove(c, id, now)?;
            Ok(true)
        })?;
        if done {
            expired += 1;
        }
    }
    Ok(expired)
}

/// What an order held goes back: its stock reservations and its coupon use.
pub(crate) fn give_back(c: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    let reserved: Vec<(Option<i64>, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select((order_lines::product_id, order_lines::quantity))
        .load(c)?;
    for (product, quantity) in reserved {
        if let Some(product) = product {
            diesel::update(stock_levels::table.find(product))
                .set((
                    stock_levels::reserved.eq(stock_levels::reserved - quantity),
                    stock_levels::updated_at.eq(now),
                ))
                .execute(c)?;
        }
    }
    super::coupons::release(c, order_id)
}

fn release_and_remove(c: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    give_back(c, order_id, now)?;
    diesel::delete(order_events::table.filter(order_events::order_id.eq(order_id))).execute(c)?;
    diesel::delete(order_lines::table.filter(order_lines::order_id.eq(order_id))).execute(c)?;
    diesel::delete(orders::table.find(order_id)).execute(c)?;
    Ok(())
}

/// One line of a placed order, as the order page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct OrderLine {
    pub sku: String,
    pub name: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
    pub tax_rate_bp: i32,
    pub tax_minor: i64,
    pub line_total_minor: i64,
}

/// The full order for its page.
#[derive(Debug, Clone)]
pub struct OrderDetail {
    pub order: OrderRef,
    pub segment: String,
    pub subtotal_minor: i64,
    /// Everything taken off the goods (cart offers and coupon); the subtotal is after it.
    pub discount_minor: i64,
    pub coupon_code: Option<String>,
    pub shipping_minor: i64,
    pub tax_minor: i64,
    pub delivery_method: String,
    pub shipping_address: String,
    pub placed_at: NaiveDateTime,
    pub lines: Vec<OrderLine>,
    /// (status, note, when): the note holds a tracking number or a return's number.
    pub events: Vec<(String, String, NaiveDateTime)>,
    pub tracking_number: Option<String>,
}

pub fn detail(conn: &mut DbConn, order: OrderRef) -> Result<OrderDetail, DbError> {
    #[allow(clippy::type_complexity)]
    let (
        segment,
        subtotal_minor,
        discount_minor,
        coupon_code,
        shipping_minor,
        tax_minor,
        delivery_method,
        shipping_address,
        placed_at,
    ): (
        String,
        i64,
        i64,
        Option<String>,
        i64,
        i64,
        String,
        String,
        NaiveDateTime,
    ) = orders::table
        .find(order.id)
        .select((
            orders::segment,
            orders::subtotal_minor,
            orders::discount_minor,
            orders::coupon_code,
            orders::shipping_minor,
            orders::tax_minor,
            orders::delivery_method,
            orders::shipping_address,
            orders::placed_at,
        ))
        .first(conn)?;
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .order(order_lines::id)
        .select((
            order_lines::sku,
            order_lines::name,
            order_lines::quantity,
            order_lines::unit_price_minor,
            order_lines::tax_rate_bp,
            order_lines::tax_minor,
            order_lines::line_total_minor,
        ))
        .load(conn)?;
    let events = order_events::table
        .filter(order_events::order_id.eq(order.id))
        .order(order_events::id)
        .select((
            order_events::status,
            order_events::note,
            order_events::created_at,
        ))
        .load(conn)?;
    let tracking_number = orders::table
        .find(order.id)
        .select(orders::tracking_number)
        .first(conn)?;
    Ok(OrderDetail {
        order,
        segment,
        subtotal_minor,
        discount_minor,
        coupon_code,
        shipping_minor,
        tax_minor,
        delivery_method,
        shipping_address,
        placed_at,
        lines,
        events,
        tracking_number,
    })
}

/// A person's orders, newest first (a company buyer's for the active company only).
pub fn for_person(
    conn: &mut DbConn,
    user_id: i64,
    company_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(OrderRef, NaiveDateTime, String)>, DbError> {
    orders_of(conn, Some(user_id), company_id, limit)
}

/// Every order of a company, whoever placed it (for its admins and approvers).
pub fn for_company(
    conn: &mut DbConn,
    company_id: i64,
    limit: i64,
) -> Result<Vec<(OrderRef, NaiveDateTime, String)>, DbError> {
    orders_of(conn, None, Some(company_id), limit)
}

fn orders_of(
    conn: &mut DbConn,
    user_id: Option<i64>,
    company_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(OrderRef, NaiveDateTime, String)>, DbError> {
    use super::schema::users;
    let mut query = orders::table
        .left_join(users::table.on(orders::user_id.eq(users::id.nullable())))
        .order((orders::placed_at.desc(), orders::id.desc()))
        .limit(limit)
        .select((ORDER_REF, orders::placed_at, users::name.nullable()))
        .into_boxed();
    if let Some(uid) = user_id {
        query = query.filter(orders::user_id.eq(uid));
    }
    query = match company_id {
        Some(cid) => query.filter(orders::company_id.eq(cid)),
        None => query.filter(orders::company_id.is_null()),
    };
    let rows: Vec<(OrderRef, NaiveDateTime, Option<String>)> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(o, at, by)| (o, at, by.unwrap_or_default()))
        .collect())
}
