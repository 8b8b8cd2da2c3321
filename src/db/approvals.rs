//! Purchase approvals in the database: a buyer's limits and this month's spending, the request
//! made when an order is placed over them, the company's queue, and the decision — each scoped
//! by the company in the session and made with conditional updates, so an approval is decided
//! once.

use super::orders::{ORDER_REF, OrderRef};
use super::schema::{approvals, company_memberships, orders, users};
use super::{DbConn, DbError};
use crate::domain::approvals::{DecideProblem, Limits, Reason};
use chrono::{Datelike, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};

/// Order statuses that do not count as spending.
const NOT_SPENT: [&str; 2] = ["cancelled", "rejected"];

pub fn limits(conn: &mut DbConn, company_id: i64, user_id: i64) -> Result<Limits, DbError> {
    let row: Option<(Option<i64>, Option<i64>)> = company_memberships::table
        .filter(company_memberships::company_id.eq(company_id))
        .filter(company_memberships::user_id.eq(user_id))
        .select((
            company_memberships::order_limit_minor,
            company_memberships::monthly_limit_minor,
        ))
        .first(conn)
        .optional()?;
    Ok(
        row.map_or(Limits::default(), |(per_order, monthly)| Limits {
            per_order_minor: per_order,
            monthly_minor: monthly,
        }),
    )
}

/// What the buyer has ordered for the company since `since`, excluding VAT (and excluding the
/// order `except`, when one is being changed).
pub fn spent_since(
    conn: &mut DbConn,
    company_id: i64,
    user_id: i64,
    since: NaiveDateTime,
    except: Option<i64>,
) -> Result<i64, DbError> {
    let sum: Option<i64> = orders::table
        .filter(orders::id.ne(except.unwrap_or(0)))
        .filter(orders::company_id.eq(company_id))
        .filter(orders::user_id.eq(user_id))
        .filter(orders::placed_at.ge(since))
        .filter(orders::status.ne_all(NOT_SPENT))
        .select(sql::<Nullable<BigInt>>(
            "CAST(SUM(total_minor - tax_minor) AS BIGINT)",
        ))
        .first(conn)?;
    Ok(sum.unwrap_or(0))
}

/// The start of `now`'s calendar month.
pub fn month_start(now: NaiveDateTime) -> NaiveDateTime {
    now.date()
        .with_day(1)
        .unwrap_or(now.date())
        .and_hms_opt(0, 0, 0)
        .unwrap_or(now)
}

/// Whether an order of `net_minor` (excl. VAT) by this buyer needs approval now (`except`: the
/// order being changed, whose old amount is not counted as spent).
pub fn needed(
    conn: &mut DbConn,
    company_id: i64,
    user_id: i64,
    net_minor: i64,
    now: NaiveDateTime,
    except: Option<i64>,
) -> Result<Option<Reason>, DbError> {
    let limits = limits(conn, company_id, user_id)?;
    if limits == Limits::default() {
        return Ok(None);
    }
    let spent = spent_since(conn, company_id, user_id, month_start(now), except)?;
    Ok(crate::domain::approvals::needed(net_minor, spent, limits))
}

fn encode(reason: Reason) -> String {
    match reason {
        Reason::OverOrderLimit { limit_minor } => format!("order_limit:{limit_minor}"),
        Reason::OverMonthlyLimit {
            limit_minor,
            would_be_minor,
        } => format!("monthly_limit:{limit_minor}:{would_be_minor}"),
        Reason::Changed => "changed".into(),
    }
}

/// The reason as recorded.
pub fn decode(text: &str) -> Option<Reason> {
    let mut parts = text.split(':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("order_limit"), Some(limit), None) => Some(Reason::OverOrderLimit {
            limit_minor: limit.parse().ok()?,
        }),
        (Some("changed"), None, None) => Some(Reason::Changed),
        (Some("monthly_limit"), Some(limit), Some(would_be)) => Some(Reason::OverMonthlyLimit {
            limit_minor: limit.parse().ok()?,
            would_be_minor: would_be.parse().ok()?,
        }),
        _ => None,
    }
}

/// Records that an order waits for approval (inside the order's transaction).
pub fn request(
    c: &mut DbConn,
    order_id: i64,
    company_id: i64,
    user_id: i64,
    reason: Reason,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(approvals::table)
        .values((
            approvals::order_id.eq(order_id),
            approvals::company_id.eq(company_id),
            approvals::requested_by.eq(user_id),
            approvals::status.eq("pending"),
            approvals::reason.eq(encode(reason)),
            approvals::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}

/// An approval as the company's pages show it.
#[derive(Debug, Clone)]
pub struct Approval {
    pub id: i64,
    pub status: String,
    pub reason: Option<Reason>,
    pub comment: String,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub requested_by: i64,
    pub requester: String,
    pub order: OrderRef,
    pub net_minor: i64,
    pub payment_method: String,
    pub po_number: Option<String>,
}

type Row = (
    (
        i64,
        String,
        String,
        String,
        NaiveDateTime,
        Option<NaiveDateTime>,
        i64,
    ),
    String,
    OrderRef,
    (i64, i64, String, Option<String>),
);

fn from_row(r: Row) -> Approval {
    let (
        (id, status, reason, comment, created_at, decided_at, requested_by),
        requester,
        order,
        extra,
    ) = r;
    let (total, tax, payment_method, po_number) = extra;
    Approval {
        id,
        status,
        reason: decode(&reason),
        comment,
        created_at,
        decided_at,
        requested_by,
        requester,
        order,
        net_minor: total - tax,
        payment_method,
        po_number,
    }
}

macro_rules! approval_query {
    () => {
        approvals::table
            .inner_join(orders::table)
            .inner_join(users::table.on(users::id.eq(approvals::requested_by)))
            .select((
                (
                    approvals::id,
                    approvals::status,
                    approvals::reason,
                    approvals::comment,
                    approvals::created_at,
                    approvals::decided_at,
                    approvals::requested_by,
                ),
                users::name,
                ORDER_REF,
                (
                    orders::total_minor,
                    orders::tax_minor,
                    orders::payment_method,
                    orders::po_number,
                ),
            ))
    };
}

/// The company's approvals waiting for a decision (oldest first), then the 20 decided last.
pub fn for_company(conn: &mut DbConn, company_id: i64) -> Result<Vec<Approval>, DbError> {
    let mut out: Vec<Approval> = approval_query!()
        .filter(approvals::company_id.eq(company_id))
        .filter(approvals::status.eq("pending"))
        .order(approvals::created_at.asc())
        .load::<Row>(conn)?
        .into_iter()
        .map(from_row)
        .collect();
    out.extend(
        approval_query!()
            .filter(approvals::company_id.eq(company_id))
            .filter(approvals::status.ne("pending"))
            .order(approvals::decided_at.desc())
            .limit(20)
            .load::<Row>(conn)?
            .into_iter()
            .map(from_row),
    );
    Ok(out)
}

/// The latest approval of an order, for its page.
pub fn of_order(conn: &mut DbConn, order_id: i64) -> Result<Option<Approval>, DbError> {
    Ok(approval_query!()
        .filter(approvals::order_id.eq(order_id))
        .order(approvals::id.desc())
        .first::<Row>(conn)
        .optional()?
        .map(from_row))
}

/// The company an approval belongs to.
pub fn company_of(conn: &mut DbConn, approval_id: i64) -> Result<i64, DbError> {
    Ok(approvals::table
        .find(approval_id)
        .select(approvals::company_id)
        .first(conn)?)
}

/// Who in the company may approve: approvers and admins, active (e-mail, name, language).
pub fn approvers(
    conn: &mut DbConn,
    company_id: i64,
) -> Result<Vec<(String, String, Option<String>)>, DbError> {
    Ok(company_memberships::table
        .inner_join(users::table)
        .filter(company_memberships::company_id.eq(company_id))
        .filter(company_memberships::active.eq(true))
        .filter(company_memberships::role.eq_any(["approver", "admin"]))
        .filter(users::disabled.eq(false))
        .select((users::email, users::name, users::locale))
        .load(conn)?)
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decided {
    /// On invoice: confirmed with its invoice. By card: waiting for the buyer to pay.
    Approved(OrderRef),
    Rejected(OrderRef),
    Refused(DecideProblem),
    /// Approving would take the company over its credit; this much is left.
    CreditLimit {
        available_minor: i64,
    },
}

/// Approves or rejects an approval of `company_id` (call inside a write transaction). `None`
/// when the company has no such approval.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    c: &mut DbConn,
    approval_id: i64,
    company_id: i64,
    approver: i64,
    can_approve: bool,
    approve: bool,
    comment: &str,
    now: NaiveDateTime,
) -> Result<Option<Decided>, DbError> {
    let found: Option<(i64, i64, String)> = approvals::table
        .filter(approvals::id.eq(approval_id))
        .filter(approvals::company_id.eq(company_id))
        .select((
            approvals::order_id,
            approvals::requested_by,
            approvals::status,
        ))
        .first(c)
        .optional()?;
    let Some((order_id, requested_by, status)) = found else {
        return Ok(None);
    };
    if let Err(problem) = crate::domain::approvals::may_decide(
        approver,
        can_approve,
        requested_by,
        status == "pending",
    ) {
        return Ok(Some(Decided::Refused(problem)));
    }
    let (total, method, terms): (i64, String, Option<String>) = orders::table
        .find(order_id)
        .select((
            orders::total_minor,
            orders::payment_method,
            orders::payment_terms,
        ))
        .first(c)?;
    let invoice_terms = match (approve, method.as_str(), terms) {
        (true, "invoice", Some(code)) => {
            super::companies::lock(c, company_id)?;
            let (_, available_minor) = super::companies::credit(c, company_id)?;
            if total > available_minor {
                return Ok(Some(Decided::CreditLimit { available_minor }));
            }
            super::prices::terms(c, &code)?
        }
        _ => None,
    };
    let moved = diesel::update(
        approvals::table
            .filter(approvals::id.eq(approval_id))
            .filter(approvals::status.eq("pending")),
    )
    .set((
        approvals::status.eq(if approve { "approved" } else { "rejected" }),
        approvals::decided_by.eq(Some(approver)),
        approvals::decided_at.eq(Some(now)),
        approvals::comment.eq(comment),
    ))
    .execute(c)?;
    let next = match (approve, &invoice_terms) {
        (false, _) => "rejected",
        (true, Some(_)) => "confirmed",
        (true, None) => "awaiting_payment",
    };
    let order_moved = diesel::update(
        orders::table
            .filter(orders::id.eq(order_id))
            .filter(orders::status.eq("awaiting_approval")),
    )
    .set((orders::status.eq(next), orders::updated_at.eq(now)))
    .execute(c)?;
    if moved != 1 || order_moved != 1 {
        return Ok(Some(Decided::Refused(DecideProblem::AlreadyDecided)));
    }
    let event = if approve { "approved" } else { "rejected" };
    super::orders::noted_event(c, order_id, event, comment, Some(approver), now)?;
    let order: OrderRef = orders::table.find(order_id).select(ORDER_REF).first(c)?;
    if !approve {
        super::orders::give_back(c, order_id, now)?;
        return Ok(Some(Decided::Rejected(order)));
    }
    if let Some(terms) = invoice_terms {
        super::companies::issue_invoice(
            c,
            order_id,
            &order.number,
            company_id,
            total,
            &terms,
            now,
        )?;
        super::orders::noted_event(c, order_id, "confirmed", &terms.name, Some(approver), now)?;
    }
    Ok(Some(Decided::Approved(order)))
}
