//! Changing a company order before it is packed (`domain::order_change` decides who may and
//! what the change means for approval): the new quantities priced at today's prices on the
//! order's payment terms, stock reservations moved by the difference, the totals, the invoice
//! voided and issued anew, and the approval asked again — in one write transaction that starts
//! with a conditional update from a changeable status, so a change and a packing cannot cross.

use super::*;
use crate::domain::approvals::Reason;
use crate::domain::order_change::{
    self, ApprovalAfter, ApprovalBefore, CHANGEABLE, Facts, NotChangeable, Scope,
};
use chrono::NaiveDate;

/// A line of the order as the change form shows it.
#[derive(Debug, Clone)]
pub struct ChangeLine {
    pub id: i64,
    pub product_id: Option<i64>,
    pub sku: String,
    pub name: String,
    pub quantity: u32,
}

/// A company order as it can be changed: scoped by the company in the session.
#[derive(Debug, Clone)]
pub struct Changeable {
    pub order: OrderRef,
    pub placed_by: Option<i64>,
    pub payment_method: String,
    pub payment_terms: Option<String>,
    pub delivery_method: String,
    pub po_number: Option<String>,
    pub requested_delivery: Option<NaiveDate>,
    pub note: String,
    pub from_quote: bool,
    pub has_coupon: bool,
    pub lines: Vec<ChangeLine>,
}

impl Changeable {
    /// Whether `viewer` (an admin of the company or not) may change it now.
    pub fn check(&self, viewer: i64, company_admin: bool) -> Result<(), NotChangeable> {
        order_change::changeable(Facts {
            status: &self.order.status,
            company_order: true,
            from_quote: self.from_quote,
            has_coupon: self.has_coupon,
            placed_by_viewer: self.placed_by == Some(viewer),
            viewer_is_company_admin: company_admin,
        })
    }
}

/// Placed by, payment method, payment terms, delivery method, PO number, requested
/// delivery, note and coupon of an order.
type Extra = (
    Option<i64>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<NaiveDate>,
    String,
    Option<String>,
);

/// The order `number` with its link `token`, if it is `company_id`'s.
pub fn load(
    c: &mut DbConn,
    number: &str,
    token: &str,
    company_id: i64,
) -> Result<Option<Changeable>, DbError> {
    let Some(order) = by_link(c, number, token)? else {
        return Ok(None);
    };
    let row: Option<Extra> = orders::table
        .find(order.id)
        .filter(orders::company_id.eq(company_id))
        .select((
            orders::user_id,
            orders::payment_method,
            orders::payment_terms,
            orders::delivery_method,
            orders::po_number,
            orders::requested_delivery,
            orders::note,
            orders::coupon_code,
        ))
        .first(c)
        .optional()?;
    let Some((placed_by, payment_method, payment_terms, delivery_method, po, date, note, coupon)) =
        row
    else {
        return Ok(None);
    };
    let lines: Vec<(i64, Option<i64>, String, String, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .order(order_lines::id)
        .select((
            order_lines::id,
            order_lines::product_id,
            order_lines::sku,
            order_lines::name,
            order_lines::quantity,
        ))
        .load(c)?;
    let from_quote = crate::db::quotes::of_order(c, order.id)?.is_some();
    Ok(Some(Changeable {
        order,
        placed_by,
        payment_method,
        payment_terms,
        delivery_method,
        po_number: po,
        requested_delivery: date,
        note,
        from_quote,
        has_coupon: coupon.is_some_and(|c| !c.is_empty()),
        lines: lines
            .into_iter()
            .map(|(id, product_id, sku, name, q)| ChangeLine {
                id,
                product_id,
                sku,
                name,
                quantity: u32::try_from(q).unwrap_or(0),
            })
            .collect(),
    }))
}

/// What the buyer asks for.
#[derive(Debug, Clone)]
pub struct ChangeRequest {
    pub number: String,
    pub token: String,
    pub company_id: i64,
    pub viewer: i64,
    pub company_admin: bool,
    /// The company's agreements read now (the order's own payment terms are applied to it).
    pub buyer: Buyer,
    /// New quantity by order line id; lines not named keep theirs.
    pub quantities: Vec<(i64, u32)>,
    pub po_number: Option<String>,
    pub requested_delivery: Option<NaiveDate>,
    pub note: String,
    /// Saving (not only reviewing): the total the buyer reviewed, which must still be the price.
    pub save_with_total: Option<i64>,
    pub now: NaiveDateTime,
}

/// Why a change was not made; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeRefusal {
    NotChangeable(NotChangeable),
    NothingChanged,
    /// Every line at 0: that is cancelling, not changing.
    AllRemoved,
    NoLongerSold {
        name: String,
    },
    Quantity {
        line_id: i64,
        name: String,
        error: QuantityError,
    },
    OutOfStock {
        line_id: i64,
        name: String,
        available: i64,
    },
    DeliveryUnavailable,
    /// The prices moved between review and save.
    TotalChanged,
    CreditLimit {
        available_minor: i64,
    },
}

/// The changed order, priced (what review shows and save writes).
#[derive(Debug, Clone)]
pub struct Priced {
    pub lines: Vec<PricedCartLine>,
    pub totals: OrderTotals,
    pub total_minor: i64,
    pub scope: Scope,
    /// What saving it means for its approval.
    pub approval: ApprovalAfter,
}

/// What a change did.
#[derive(Debug, Clone)]
pub enum Changed {
    /// Reviewed, nothing written.
    Review(Box<Priced>),
    Saved {
        order: OrderRef,
        before_minor: i64,
        approval: ApprovalAfter,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("the change was refused: {0:?}")]
    Refused(ChangeRefusal),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ChangeError {
    fn from(e: diesel::result::Error) -> Self {
        ChangeError::Db(DbError::Query(e))
    }
}

/// `None` when the company has no such order (or the token is wrong).
pub fn change(conn: &mut DbConn, r: &ChangeRequest) -> Result<Option<Changed>, ChangeError> {
    match r.save_with_total {
        None => review(conn, r),
        Some(_) => crate::db::write_transaction(conn, |c| save(c, r)),
    }
}

fn refuse<T>(r: ChangeRefusal) -> Result<T, ChangeError> {
    Err(ChangeError::Refused(r))
}

fn review(c: &mut DbConn, r: &ChangeRequest) -> Result<Option<Changed>, ChangeError> {
    let Some(order) = load(c, &r.number, &r.token, r.company_id)? else {
        return Ok(None);
    };
    if let Err(e) = order.check(r.viewer, r.company_admin) {
        return refuse(ChangeRefusal::NotChangeable(e));
    }
    Ok(Some(Changed::Review(Box::new(price(c, &order, r)?))))
}

/// The order with the new quantities at today's prices, checked line by line.
fn price(c: &mut DbConn, order: &Changeable, r: &ChangeRequest) -> Result<Priced, ChangeError> {
    let wanted = |line: &ChangeLine| {
        r.quantities
            .iter()
            .find(|(id, _)| *id == line.id)
            .map_or(line.quantity, |(_, q)| *q)
    };
    let old: Vec<u32> = order.lines.iter().map(|l| l.quantity).collect();
    let new: Vec<u32> = order.lines.iter().map(wanted).collect();
    let details_changed = r.po_number != order.po_number
        || r.requested_delivery != order.requested_delivery
        || r.note != order.note;
    let scope = order_change::scope(&old, &new, details_changed);
    if new.iter().all(|q| *q == 0) {
        return refuse(ChangeRefusal::AllRemoved);
    }
    let mut raw: Vec<carts::RawLine> = Vec::new();
    for (line, quantity) in order.lines.iter().zip(&new) {
        if *quantity == 0 {
            continue;
        }
        let Some(product_id) = line.product_id else {
            return refuse(ChangeRefusal::NoLongerSold {
                name: line.name.clone(),
            });
        };
        let product: Option<(i32, i32, Option<i32>, String, bool)> =
            super::super::schema::products::table
                .find(product_id)
                .select((
                    super::super::schema::products::min_qty,
                    super::super::schema::products::qty_step,
                    super::super::schema::products::max_qty,
                    super::super::schema::products::audience,
                    super::super::schema::products::active,
                ))
                .first(c)
                .optional()?;
        let Some((min, step, max, audience, active)) = product else {
            return refuse(ChangeRefusal::NoLongerSold {
                name: line.name.clone(),
            });
        };
        raw.push((
            line.id,
            product_id,
            i32::try_from(*quantity).unwrap_or(i32::MAX),
            false,
            None,
            min,
            step,
            max,
            audience,
            active,
        ));
    }
    let cards = carts::with_cards(c, raw, Audience::Companies)?;
    if let Some(gone) = cards.iter().find(|l| l.card.is_none()) {
        let name = order
            .lines
            .iter()
            .find(|l| l.id == gone.id)
            .map(|l| l.name.clone())
            .unwrap_or_default();
        return refuse(ChangeRefusal::NoLongerSold { name });
    }
    let line_ids: Vec<i64> = cards.iter().map(|l| l.id).collect();
    let terms = match &order.payment_terms {
        Some(code) => crate::db::prices::terms(c, code)?,
        None => None,
    };
    let buyer = r.buyer.with_terms(terms);
    let (lines, _) = super::place::priced(cards, &buyer);
    for (line, line_id) in lines.iter().zip(&line_ids) {
        if let Err(error) = line.rules.check(line.line.quantity) {
            return refuse(ChangeRefusal::Quantity {
                line_id: *line_id,
                name: line.name.clone(),
                error,
            });
        }
        // What is reserved for this order is there for it.
        let mine = order
            .lines
            .iter()
            .filter(|l| l.product_id == Some(line.product_id))
            .map(|l| i64::from(l.quantity))
            .sum::<i64>();
        let available = line.available + mine;
        if i64::from(line.line.quantity) > available {
            return refuse(ChangeRefusal::OutOfStock {
                line_id: *line_id,
                name: line.name.clone(),
                available: available.max(0),
            });
        }
    }
    let options = delivery_options(c)?;
    let Some(option) = options.iter().find(|o| o.code == order.delivery_method) else {
        return refuse(ChangeRefusal::DeliveryUnavailable);
    };
    let rules = crate::db::cart_rules::applied(c, &lines, r.now)?;
    let totals = totals_of(&lines, option, Segment::Company, &rules, None);
    let total_minor = totals.gross.to_minor().map_err(|_| DbError::Canceled)?;
    let approval = approval_of(c, order, r, &totals, total_minor, scope)?;
    Ok(Priced {
        lines,
        totals,
        total_minor,
        scope,
        approval,
    })
}

/// What the change means for the order's approval: the latest approval, and the limits of the
/// person who placed it checked against the new amount (their month without this order).
fn approval_of(
    c: &mut DbConn,
    order: &Changeable,
    r: &ChangeRequest,
    totals: &OrderTotals,
    total_minor: i64,
    scope: Scope,
) -> Result<ApprovalAfter, DbError> {
    let id = order.order.id;
    let before = match crate::db::approvals::of_order(c, id)?.map(|a| a.status) {
        Some(s) if s == "pending" => ApprovalBefore::Pending,
        Some(s) if s == "approved" => ApprovalBefore::Approved,
        _ => ApprovalBefore::None,
    };
    let needed = if scope == Scope::Lines {
        let net_minor = total_minor - totals.vat.to_minor().unwrap_or(0);
        let placed_by = order.placed_by.unwrap_or(r.viewer);
        crate::db::approvals::needed(c, r.company_id, placed_by, net_minor, r.now, Some(id))?
    } else {
        None
    };
    Ok(order_change::approval_after(before, scope, needed))
}

fn save(c: &mut DbConn, r: &ChangeRequest) -> Result<Option<Changed>, ChangeError> {
    let Some(order) = load(c, &r.number, &r.token, r.company_id)? else {
        return Ok(None);
    };
    if let Err(e) = order.check(r.viewer, r.company_admin) {
        return refuse(ChangeRefusal::NotChangeable(e));
    }
    // Claim the order from the status read: a packing (or another change) waits or misses.
    let claimed = diesel::update(
        orders::table
            .filter(orders::id.eq(order.order.id))
            .filter(orders::status.eq(&order.order.status))
            .filter(orders::status.eq_any(CHANGEABLE)),
    )
    .set(orders::updated_at.eq(r.now))
    .execute(c)?;
    if claimed != 1 {
        return refuse(ChangeRefusal::NotChangeable(NotChangeable::Status));
    }
    let priced = price(c, &order, r)?;
    if priced.scope == Scope::Nothing {
        return refuse(ChangeRefusal::NothingChanged);
    }
    if priced.scope == Scope::Lines && r.save_with_total != Some(priced.total_minor) {
        return refuse(ChangeRefusal::TotalChanged);
    }
    let id = order.order.id;
    let before_minor = order.order.total_minor;
    let minor = |m: Money| m.to_minor().unwrap_or(0);
    let approval = priced.approval;
    let latest = crate::db::approvals::of_order(c, id)?;
    let on_invoice = order.payment_method == "invoice";
    let mut status = order.order.status.clone();
    if priced.scope == Scope::Lines {
        // The invoice (if one was issued) is for what the order was: void it, and check the
        // credit for what it is now.
        diesel::update(
            invoices::table
                .filter(invoices::order_id.eq(id))
                .filter(invoices::paid_at.is_null())
                .filter(invoices::cancelled_at.is_null()),
        )
        .set(invoices::cancelled_at.eq(Some(r.now)))
        .execute(c)?;
        if on_invoice {
            crate::db::companies::lock(c, r.company_id)?;
            let (_, available_minor) = crate::db::companies::credit(c, r.company_id)?;
            if priced.total_minor > available_minor {
                return refuse(ChangeRefusal::CreditLimit { available_minor });
            }
        }
        move_reservations(c, &order, &priced.lines, r.now)?;
        rewrite_lines(c, id, &priced, &r.buyer, &order.payment_terms)?;
    }
    if let (Some(latest), ApprovalAfter::Ask(_) | ApprovalAfter::Release) = (&latest, approval)
        && latest.status == "pending"
    {
        diesel::update(
            super::super::schema::approvals::table
                .filter(super::super::schema::approvals::id.eq(latest.id))
                .filter(super::super::schema::approvals::status.eq("pending")),
        )
        .set((
            super::super::schema::approvals::status.eq("superseded"),
            super::super::schema::approvals::decided_at.eq(Some(r.now)),
        ))
        .execute(c)?;
    }
    let goes_ahead = match approval {
        ApprovalAfter::Ask(reason) => {
            status = "awaiting_approval".into();
            request_again(c, id, r, reason)?;
            false
        }
        ApprovalAfter::Release => {
            status = if on_invoice {
                "confirmed".into()
            } else {
                "awaiting_payment".into()
            };
            true
        }
        ApprovalAfter::Unchanged => status != "awaiting_approval",
    };
    let invoice_terms = match (&order.payment_terms, on_invoice) {
        (Some(code), true) => crate::db::prices::terms(c, code)?,
        _ => None,
    };
    diesel::update(orders::table.find(id))
        .set((
            orders::status.eq(&status),
            orders::po_number.eq(&r.po_number),
            orders::requested_delivery.eq(r.requested_delivery),
            orders::note.eq(&r.note),
            orders::subtotal_minor.eq(minor(priced.totals.goods.gross)),
            orders::discount_minor.eq(minor(priced.totals.discount)),
            orders::shipping_minor.eq(minor(priced.totals.delivery.gross)),
            orders::tax_minor.eq(minor(priced.totals.vat)),
            orders::total_minor.eq(priced.total_minor),
            orders::updated_at.eq(r.now),
        ))
        .execute(c)?;
    let note = if priced.scope == Scope::Lines {
        format!(
            "{} → {}",
            Money::from_minor(before_minor, Currency::Sek),
            Money::from_minor(priced.total_minor, Currency::Sek)
        )
    } else {
        String::new()
    };
    noted_event(c, id, "changed", &note, Some(r.viewer), r.now)?;
    if status == "awaiting_approval" && approval != ApprovalAfter::Unchanged {
        event(c, id, "awaiting_approval", Some(r.viewer), r.now)?;
    }
    if goes_ahead
        && priced.scope == Scope::Lines
        && status == "confirmed"
        && let Some(terms) = invoice_terms
    {
        crate::db::companies::issue_invoice(
            c,
            id,
            &order.order.number,
            r.company_id,
            priced.total_minor,
            &terms,
            r.now,
        )?;
        noted_event(c, id, "confirmed", &terms.name, Some(r.viewer), r.now)?;
    }
    Ok(Some(Changed::Saved {
        order: OrderRef {
            status,
            total_minor: priced.total_minor,
            ..order.order
        },
        before_minor,
        approval,
    }))
}

/// Moves each product's reservation by the difference between the old and the new quantity;
/// an increase must find the stock unreserved (checked again here, under the write lock).
fn move_reservations(
    c: &mut DbConn,
    order: &Changeable,
    lines: &[PricedCartLine],
    now: NaiveDateTime,
) -> Result<(), ChangeError> {
    let mut products: Vec<i64> = order.lines.iter().filter_map(|l| l.product_id).collect();
    products.extend(lines.iter().map(|l| l.product_id));
    products.sort_unstable();
    products.dedup();
    for product in products {
        let old: i64 = order
            .lines
            .iter()
            .filter(|l| l.product_id == Some(product))
            .map(|l| i64::from(l.quantity))
            .sum();
        let new: i64 = lines
            .iter()
            .filter(|l| l.product_id == product)
            .map(|l| i64::from(l.line.quantity))
            .sum();
        let delta = i32::try_from(new - old).unwrap_or(i32::MAX);
        if delta == 0 {
            continue;
        }
        let moved = crate::db::stock::reserve(c, product, delta, now)?;
        if !moved && delta > 0 {
            let line = lines.iter().find(|l| l.product_id == product);
            return refuse(ChangeRefusal::OutOfStock {
                line_id: 0,
                name: line.map(|l| l.name.clone()).unwrap_or_default(),
                available: line.map_or(0, |l| l.available.max(0) + old),
            });
        }
    }
    Ok(())
}

/// Replaces the order's lines with the changed ones, each with its price breakdown.
fn rewrite_lines(
    c: &mut DbConn,
    order_id: i64,
    priced: &Priced,
    buyer: &Buyer,
    terms_code: &Option<String>,
) -> Result<(), ChangeError> {
    let terms = match terms_code {
        Some(code) => crate::db::prices::terms(c, code)?,
        None => None,
    };
    let buyer = buyer.with_terms(terms);
    let minor = |m: Money| m.to_minor().unwrap_or(0);
    diesel::delete(order_lines::table.filter(order_lines::order_id.eq(order_id))).execute(c)?;
    for ((line, amounts), off) in priced
        .lines
        .iter()
        .zip(priced.totals.goods.lines.iter())
        .zip(priced.totals.line_discounts.iter())
    {
        diesel::insert_into(order_lines::table)
            .values((
                order_lines::order_id.eq(order_id),
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
                order_lines::price_breakdown.eq(buyer.record(&line.line.unit)),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// The approvers are asked (again): a new pending approval, requested by whoever changed it.
fn request_again(
    c: &mut DbConn,
    order_id: i64,
    r: &ChangeRequest,
    reason: Reason,
) -> Result<(), ChangeError> {
    crate::db::approvals::request(c, order_id, r.company_id, r.viewer, reason, r.now)?;
    Ok(())
}
