//! Returns and exchanges as stored: what an order can still send back, asking for a return in
//! one transaction (re-checked inside it), the return as the shopper's slip and staff see it,
//! and staff working it through (`domain::returns` holds the rules).

use super::orders::{OrderRef, noted_event};
use super::schema::{order_lines, orders, products, return_lines, returns};
use super::stock::{self, Reason};
use super::{DbConn, DbError};
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::{self, PriceInput, Segment, TaxRate};
use crate::domain::returns::{
    Action, Kind, RequestProblem, ReturnableLine, Wanted, Window, chosen, completes_order,
    exchange_difference, releases_units, window,
};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Days after delivery a return may be asked for, unless staff set `returns.window_days`.
pub const DEFAULT_WINDOW_DAYS: i64 = 30;

/// Another variant an exchange may swap to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub product_id: i64,
    pub name: String,
    /// Today's shelf price incl. VAT, minor units.
    pub shelf_minor: i64,
    pub available: i64,
}

/// An order line as the return form shows it.
#[derive(Debug, Clone)]
pub struct LineForReturn {
    pub returnable: ReturnableLine,
    pub name: String,
    pub sku: String,
    pub product_id: Option<i64>,
    /// Today's shelf price of the product incl. VAT (minor units), if it is still sold.
    pub shelf_minor: Option<i64>,
    /// Variants costing the same or less, in stock.
    pub variants: Vec<Variant>,
}

/// An earlier return of the order.
#[derive(Debug, Clone, Queryable)]
pub struct ReturnSummary {
    pub number: String,
    pub kind: String,
    pub status: String,
    pub refund_minor: i64,
    pub created_at: NaiveDateTime,
}

/// What an order can still send back.
#[derive(Debug, Clone)]
pub struct OrderForReturn {
    pub order: OrderRef,
    pub window: Window,
    pub shipping_minor: i64,
    pub lines: Vec<LineForReturn>,
    pub returns: Vec<ReturnSummary>,
}

/// A shelf price incl. VAT (minor units), as the consumer storefront shows it.
fn gross(net_minor: i64, bp: i32) -> i64 {
    pricing::price(&PriceInput {
        list_price: Money::from_minor(net_minor, Currency::Sek),
        tax_rate: TaxRate::from_bp(bp).unwrap_or(TaxRate::STANDARD),
        quantity: 1,
        segment: Segment::Consumer,
        agreement: None,
    })
    .unit_gross
    .to_minor()
    .unwrap_or(0)
}

/// The order's lines with what is left to return, the window and earlier returns.
pub fn for_order(
    conn: &mut DbConn,
    order: OrderRef,
    now: NaiveDateTime,
) -> Result<OrderForReturn, DbError> {
    let days = super::settings::number(conn, "returns.window_days", DEFAULT_WINDOW_DAYS)?;
    let delivered = super::fulfilment::delivered_at(conn, order.id)?;
    let shipping_minor: i64 = orders::table
        .find(order.id)
        .select(orders::shipping_minor)
        .first(conn)?;
    type LineRow = (i64, Option<i64>, String, String, i32, i64, i32);
    let rows: Vec<LineRow> = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .order(order_lines::id)
        .select((
            order_lines::id,
            order_lines::product_id,
            order_lines::sku,
            order_lines::name,
            order_lines::quantity,
            order_lines::line_total_minor,
            order_lines::tax_rate_bp,
        ))
        .load(conn)?;
    let counted = returned_units(conn, &rows.iter().map(|r| r.0).collect::<Vec<_>>())?;
    let mut lines = Vec::with_capacity(rows.len());
    for (id, product_id, sku, name, quantity, paid, bp) in rows {
        let mut shelf_minor = None;
        let mut variants = Vec::new();
        if let Some(pid) = product_id {
            let product: Option<(i64, Option<String>, bool)> = products::table
                .find(pid)
                .select((
                    products::list_price_minor,
                    products::variant_group,
                    products::active,
                ))
                .first(conn)
                .optional()?;
            if let Some((list, group, active)) = product {
                let shelf = gross(list, bp);
                if active {
                    shelf_minor = Some(shelf);
                }
                if let Some(group) = group {
                    variants = variants_of(conn, pid, &group, bp, shelf)?;
                }
            }
        }
        let returned = counted
            .iter()
            .filter(|(line, _)| *line == id)
            .map(|(_, k)| *k)
            .sum::<i64>();
        lines.push(LineForReturn {
            returnable: ReturnableLine {
                order_line_id: id,
                ordered: u32::try_from(quantity).unwrap_or(0),
                returned: u32::try_from(returned).unwrap_or(u32::MAX),
                paid_minor: paid,
            },
            name,
            sku,
            product_id,
            shelf_minor,
            variants,
        });
    }
    let returns = returns::table
        .filter(returns::order_id.eq(order.id))
        .order(returns::id)
        .select((
            returns::number,
            returns::kind,
            returns::status,
            returns::refund_minor,
            returns::created_at,
        ))
        .load(conn)?;
    Ok(OrderForReturn {
        window: window(&order.status, delivered, days, now),
        order,
        shipping_minor,
        lines,
        returns,
    })
}

/// Units per order line in returns that still count.
fn returned_units(conn: &mut DbConn, line_ids: &[i64]) -> Result<Vec<(i64, i64)>, DbError> {
    let rows: Vec<(i64, i32, String)> = return_lines::table
        .inner_join(returns::table)
        .filter(return_lines::order_line_id.eq_any(line_ids))
        .select((
            return_lines::order_line_id,
            return_lines::quantity,
            returns::status,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, _, status)| !releases_units(status))
        .map(|(line, k, _)| (line, i64::from(k)))
        .collect())
}

fn variants_of(
    conn: &mut DbConn,
    product_id: i64,
    group: &str,
    bp: i32,
    shelf: i64,
) -> Result<Vec<Variant>, DbError> {
    use super::schema::stock_levels;
    type Row = (i64, String, i64, Option<i32>, Option<i32>);
    let rows: Vec<Row> = products::table
        .left_join(stock_levels::table)
        .filter(products::variant_group.eq(group))
        .filter(products::id.ne(product_id))
        .filter(products::active.eq(true))
        .order(products::name)
        .limit(20)
        .select((
            products::id,
            products::name,
            products::list_price_minor,
            stock_levels::on_hand.nullable(),
            stock_levels::reserved.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, list, on_hand, reserved)| Variant {
            product_id: id,
            name,
            shelf_minor: gross(list, bp),
            available: i64::from(on_hand.unwrap_or(0)) - i64::from(reserved.unwrap_or(0)),
        })
        .filter(|v| v.shelf_minor <= shelf && v.available > 0)
        .collect())
}

/// A return as asked for.
#[derive(Debug, Clone)]
pub struct NewReturn {
    pub order: OrderRef,
    pub kind: Kind,
    pub reason: String,
    pub comment: String,
    pub wanted: Vec<Wanted>,
    /// For an exchange: (order line id, the variant's product id).
    pub swaps: Vec<(i64, i64)>,
    pub requested_by: Option<i64>,
    pub now: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateProblem {
    NotShipped,
    WindowClosed,
    Request(Vec<RequestProblem>),
}

/// Asks for the return; everything is checked again inside the write transaction this must be
/// called in (`db::run_write`), so two tabs cannot return the same unit twice. Returns the new
/// return's number.
pub fn create(c: &mut DbConn, new: &NewReturn) -> Result<Result<String, CreateProblem>, DbError> {
    {
        let state = for_order(c, new.order.clone(), new.now)?;
        match state.window {
            Window::Open(_) => {}
            Window::NotShipped => return Ok(Err(CreateProblem::NotShipped)),
            Window::Closed(_) => return Ok(Err(CreateProblem::WindowClosed)),
        }
        let all: Vec<ReturnableLine> = state.lines.iter().map(|l| l.returnable.clone()).collect();
        let picked = match chosen(&all, &new.wanted) {
            Ok(p) => p,
            Err(problems) => return Ok(Err(CreateProblem::Request(problems))),
        };
        // (order line id, units, refund, replacement)
        let mut rows: Vec<(i64, i32, i64, Option<i64>)> = Vec::new();
        let mut problems = Vec::new();
        for (line, k) in &picked {
            let k32 = i32::try_from(*k).unwrap_or(i32::MAX);
            match new.kind {
                Kind::Return => rows.push((line.order_line_id, k32, line.refund_for(*k), None)),
                Kind::Exchange => {
                    let full = state
                        .lines
                        .iter()
                        .find(|l| l.returnable.order_line_id == line.order_line_id);
                    let swap = new
                        .swaps
                        .iter()
                        .find(|(id, _)| *id == line.order_line_id)
                        .map(|(_, p)| *p);
                    let variant = full.zip(swap).and_then(|(f, p)| {
                        f.variants
                            .iter()
                            .find(|v| v.product_id == p && v.available >= i64::from(*k))
                            .map(|v| (f, v))
                    });
                    let refund = variant.and_then(|(f, v)| {
                        let paid_per_unit = line.refund_for(1);
                        exchange_difference(paid_per_unit, f.shelf_minor?, v.shelf_minor)
                    });
                    match (variant, refund) {
                        (Some((_, v)), Some(diff)) => rows.push((
                            line.order_line_id,
                            k32,
                            diff * i64::from(*k),
                            Some(v.product_id),
                        )),
                        _ => problems.push(RequestProblem::Variant(line.order_line_id)),
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Ok(Err(CreateProblem::Request(problems)));
        }
        let mut refund: i64 = rows.iter().map(|r| r.2).sum();
        if new.kind == Kind::Return && completes_order(&all, &picked) {
            refund += state.shipping_minor;
        }
        let number = format!(
            "R{}-{:06}",
            new.now.format("%y%m%d"),
            rand::random_range(0..1_000_000_u32)
        );
        let id: i64 = diesel::insert_into(returns::table)
            .values((
                returns::number.eq(&number),
                returns::order_id.eq(new.order.id),
                returns::kind.eq(new.kind.code()),
                returns::status.eq("requested"),
                returns::reason.eq(&new.reason),
                returns::comment.eq(&new.comment),
                returns::refund_minor.eq(refund),
                returns::requested_by.eq(new.requested_by),
                returns::created_at.eq(new.now),
                returns::updated_at.eq(new.now),
            ))
            .returning(returns::id)
            .get_result(c)?;
        for (line, k, line_refund, swap) in rows {
            diesel::insert_into(return_lines::table)
                .values((
                    return_lines::return_id.eq(id),
                    return_lines::order_line_id.eq(line),
                    return_lines::quantity.eq(k),
                    return_lines::refund_minor.eq(line_refund),
                    return_lines::exchange_product_id.eq(swap),
                ))
                .execute(c)?;
        }
        noted_event(
            c,
            new.order.id,
            "return_requested",
            &number,
            new.requested_by,
            new.now,
        )?;
        Ok(Ok(number))
    }
}

/// One line of a return.
#[derive(Debug, Clone)]
pub struct ReturnLine {
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub refund_minor: i64,
    pub product_id: Option<i64>,
    pub exchange: Option<(i64, String)>,
}

/// A return in full, for the slip and for staff.
#[derive(Debug, Clone)]
pub struct ReturnDetail {
    pub id: i64,
    pub number: String,
    pub order: OrderRef,
    pub kind: Kind,
    pub status: String,
    pub reason: String,
    pub comment: String,
    pub staff_note: String,
    pub refund_minor: i64,
    pub shipping_address: String,
    pub created_at: NaiveDateTime,
    pub received_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub lines: Vec<ReturnLine>,
}

/// A return by its number.
pub fn by_number(conn: &mut DbConn, number: &str) -> Result<Option<ReturnDetail>, DbError> {
    type Row = (
        i64,
        String,
        i64,
        String,
        String,
        String,
        String,
        String,
        i64,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    );
    let row: Option<Row> = returns::table
        .filter(returns::number.eq(number))
        .select((
            returns::id,
            returns::number,
            returns::order_id,
            returns::kind,
            returns::status,
            returns::reason,
            returns::comment,
            returns::staff_note,
            returns::refund_minor,
            returns::created_at,
            returns::received_at,
            returns::closed_at,
        ))
        .first(conn)
        .optional()?;
    let Some((
        id,
        number,
        order_id,
        kind,
        status,
        reason,
        comment,
        staff_note,
        refund_minor,
        created_at,
        received_at,
        closed_at,
    )) = row
    else {
        return Ok(None);
    };
    let order: OrderRef = orders::table
        .find(order_id)
        .select(super::orders::ORDER_REF)
        .first(conn)?;
    let shipping_address: String = orders::table
        .find(order_id)
        .select(orders::shipping_address)
        .first(conn)?;
    type LineRow = (String, String, i32, i64, Option<i64>, Option<i64>);
    let rows: Vec<LineRow> = return_lines::table
        .inner_join(order_lines::table)
        .filter(return_lines::return_id.eq(id))
        .order(return_lines::id)
        .select((
            order_lines::name,
            order_lines::sku,
            return_lines::quantity,
            return_lines::refund_minor,
            order_lines::product_id,
            return_lines::exchange_product_id,
        ))
        .load(conn)?;
    let mut lines = Vec::with_capacity(rows.len());
    for (name, sku, quantity, refund_minor, product_id, swap) in rows {
        let exchange = match swap {
            Some(pid) => products::table
                .find(pid)
                .select(products::name)
                .first::<String>(conn)
                .optional()?
                .map(|n| (pid, n)),
            None => None,
        };
        lines.push(ReturnLine {
            name,
            sku,
            quantity,
            refund_minor,
            product_id,
            exchange,
        });
    }
    Ok(Some(ReturnDetail {
        id,
        number,
        order,
        kind: Kind::parse(&kind).unwrap_or(Kind::Return),
        status,
        reason,
        comment,
        staff_note,
        refund_minor,
        shipping_address,
        created_at,
        received_at,
        closed_at,
        lines,
    }))
}

/// Why staff's action was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActProblem {
    /// Not from this status (someone else moved it first, or the action does not fit).
    NotAllowed(String),
    /// The replacement is no longer in stock.
    OutOfStock(String),
    NoteMissing,
}

/// Takes `action` on the return: received puts the units back on the shelf; an exchange sends
/// the replacements (if they are in stock, else nothing changes); a rejection after receipt
/// sends the goods back to the shopper (off the shelf again); a refund records the provider's
/// reference on the order's timeline. Conditional on the status, so two clicks act once. Call
/// inside a write transaction (`db::run_write`): a replacement out of stock returns
/// `DbError::Conflict` so that the transaction rolls back; [`conflict`] reads it.
pub fn act(
    c: &mut DbConn,
    number: &str,
    action: Action,
    note: &str,
    refund_reference: Option<&str>,
    actor: Option<i64>,
    now: NaiveDateTime,
) -> Result<Result<&'static str, ActProblem>, DbError> {
    {
        let Some(r) = by_number(c, number)? else {
            return Ok(Err(ActProblem::NotAllowed(String::new())));
        };
        let Some(to) = action.from(&r.status, r.kind) else {
            return Ok(Err(ActProblem::NotAllowed(r.status)));
        };
        if action == Action::Reject && note.trim().is_empty() {
            return Ok(Err(ActProblem::NoteMissing));
        }
        let moved = diesel::update(
            returns::table
                .filter(returns::id.eq(r.id))
                .filter(returns::status.eq(&r.status)),
        )
        .set((
            returns::status.eq(to),
            returns::updated_at.eq(now),
            returns::staff_note.eq(note.trim()),
        ))
        .execute(c)?;
        if moved != 1 {
            return Ok(Err(ActProblem::NotAllowed(r.status)));
        }
        match action {
            Action::Receive => {
                diesel::update(returns::table.find(r.id))
                    .set(returns::received_at.eq(Some(now)))
                    .execute(c)?;
                for line in &r.lines {
                    if let Some(pid) = line.product_id {
                        stock::record(
                            c,
                            pid,
                            line.quantity,
                            Reason::Returned,
                            &r.number,
                            actor,
                            now,
                        )?;
                    }
                }
            }
            Action::Reject if r.status == "received" => {
                for line in &r.lines {
                    if let Some(pid) = line.product_id {
                        stock::record(
                            c,
                            pid,
                            -line.quantity,
                            Reason::ReturnRejected,
                            &r.number,
                            actor,
                            now,
                        )?;
                    }
                }
            }
            // An order on invoice: the refund is a credit on its invoice (the web layer skips
            // the card provider for it).
            Action::Refund if r.refund_minor > 0 => {
                crate::db::companies::credit_invoice(c, r.order.id, r.refund_minor)?;
            }
            Action::Exchange => {
                for line in &r.lines {
                    if let Some((pid, name)) = &line.exchange
                        && !stock::take_unreserved(c, *pid, line.quantity, &r.number, actor, now)?
                    {
                        // Roll the whole action back: nothing is sent, the status stays.
                        return Err(DbError::Conflict(name.clone()));
                    }
                }
            }
            _ => {}
        }
        if matches!(
            action,
            Action::Refund | Action::Exchange | Action::Reject | Action::Cancel
        ) {
            diesel::update(returns::table.find(r.id))
                .set(returns::closed_at.eq(Some(now)))
                .execute(c)?;
        }
        let event = match action {
            Action::Refund => Some("refunded"),
            Action::Exchange => Some("exchanged"),
            _ => None,
        };
        if let Some(event) = event {
            let note = match refund_reference {
                Some(reference) if r.refund_minor > 0 => format!(
                    "{} · {} · {}",
                    r.number,
                    Money::from_minor(r.refund_minor, Currency::Sek),
                    reference
                ),
                _ => r.number.clone(),
            };
            noted_event(c, r.order.id, event, &note, actor, now)?;
        }
        Ok(Ok(to))
    }
}

/// Turns a rolled-back exchange (a replacement out of stock) into its problem.
pub fn conflict<T>(
    result: Result<Result<T, ActProblem>, DbError>,
) -> Result<Result<T, ActProblem>, DbError> {
    result.or_else(|e| match e {
        DbError::Conflict(name) => Ok(Err(ActProblem::OutOfStock(name))),
        other => Err(other),
    })
}

/// A row of the staff's returns list.
#[derive(Debug, Clone, Queryable)]
pub struct ListRow {
    pub number: String,
    pub kind: String,
    pub status: String,
    pub refund_minor: i64,
    pub created_at: NaiveDateTime,
    pub order_number: String,
    pub email: String,
}

/// Returns in `status` (all when `None`), oldest open first; one page and whether there are more.
pub fn list(
    conn: &mut DbConn,
    status: Option<&str>,
    page: i64,
    per_page: i64,
) -> Result<(Vec<ListRow>, bool), DbError> {
    let mut q = returns::table.inner_join(orders::table).into_boxed();
    if let Some(status) = status {
        q = q.filter(returns::status.eq(status.to_string()));
    }
    let rows: Vec<ListRow> = q
        .order((returns::created_at.asc(), returns::id.asc()))
        .offset((page.max(1) - 1) * per_page)
        .limit(per_page + 1)
        .select((
            returns::number,
            returns::kind,
            returns::status,
            returns::refund_minor,
            returns::created_at,
            orders::number,
            orders::email,
        ))
        .load(conn)?;
    Ok(super::page_of(rows, per_page))
}
