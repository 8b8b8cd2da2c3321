//! The support queue: filters, urgency order, timers worked out in Rust; the dashboard's counts;
//! the answer times the help centre's estimate goes by; the staff who work cases.

use super::CaseRow;
use crate::db::schema::{companies, orders, support_cases, users};
use crate::db::{DbConn, DbError};
use crate::domain::cases::Status;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Staff who work cases: (id, name), for the assignment list.
pub fn agents(c: &mut DbConn) -> Result<Vec<(i64, String)>, DbError> {
    Ok(users::table
        .filter(users::kind.eq("staff"))
        .filter(users::staff_role.eq_any(["administrator", "support_agent"]))
        .filter(users::disabled.eq(false))
        .order(users::name.asc())
        .select((users::id, users::name))
        .load(c)?)
}

/// Whose cases the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assigned {
    Anyone,
    To(i64),
    Nobody,
}

/// The queue's filters.
#[derive(Debug, Clone)]
pub struct QueueFilter {
    /// `None`: the active ones (open or waiting on the customer).
    pub status: Option<Status>,
    pub assigned: Assigned,
    pub kind: Option<String>,
    /// `Some(true)`: company cases, `Some(false)`: consumers' and guests'.
    pub business: Option<bool>,
    pub breached_only: bool,
    pub query: String,
}

/// Most cases the queue reads to sort and filter by their timers.
const QUEUE_WINDOW: i64 = 2000;

/// The support queue, most urgent first (unanswered by their first-response due time, then by
/// the resolution due time), filtered; one page and whether more follow. Timers are worked out
/// in Rust over at most the 2,000 most urgent matching cases (a pause moves a due time, which
/// SQL cannot compare portably).
pub fn queue(
    c: &mut DbConn,
    filter: &QueueFilter,
    now: NaiveDateTime,
    page: i64,
    per_page: i64,
) -> Result<(Vec<CaseRow>, bool), DbError> {
    let mut q = case_query!().into_boxed();
    q = match filter.status {
        Some(s) => q.filter(support_cases::status.eq(s.code())),
        None => q.filter(
            support_cases::status.eq_any([Status::Open.code(), Status::WaitingOnCustomer.code()]),
        ),
    };
    q = match filter.assigned {
        Assigned::Anyone => q,
        Assigned::To(id) => q.filter(support_cases::assigned_to.eq(id)),
        Assigned::Nobody => q.filter(support_cases::assigned_to.is_null()),
    };
    if let Some(kind) = &filter.kind {
        q = q.filter(support_cases::kind.eq(kind.clone()));
    }
    q = match filter.business {
        Some(true) => q.filter(support_cases::company_id.is_not_null()),
        Some(false) => q.filter(support_cases::company_id.is_null()),
        None => q,
    };
    let query = filter.query.trim().to_lowercase();
    if !query.is_empty() {
        use crate::db::lower;
        let like = crate::db::contains_pattern(&query);
        q = q.filter(
            lower(support_cases::number)
                .like(like.clone())
                .or(lower(support_cases::email).like(like.clone()))
                .or(lower(support_cases::subject).like(like.clone()))
                .or(lower(orders::number.assume_not_null()).like(like.clone()))
                .or(lower(companies::name.assume_not_null()).like(like)),
        );
    }
    let mut rows: Vec<CaseRow> = q
        .order(support_cases::first_response_at.is_not_null())
        .then_order_by(support_cases::first_response_due_at.asc())
        .then_order_by(support_cases::resolution_due_at.asc())
        .then_order_by(support_cases::id.asc())
        .limit(QUEUE_WINDOW)
        .load(c)?;
    if filter.breached_only {
        rows.retain(|r| r.clock().breached(now));
    }
    let skip = usize::try_from((page - 1) * per_page).unwrap_or(0);
    let rows: Vec<CaseRow> = rows.into_iter().skip(skip).collect();
    Ok(crate::db::page_of(rows, per_page))
}

/// The dashboard's figures: (active cases, of which breaching a target).
pub fn queue_counts(c: &mut DbConn, now: NaiveDateTime) -> Result<(i64, i64), DbError> {
    let filter = QueueFilter {
        status: None,
        assigned: Assigned::Anyone,
        kind: None,
        business: None,
        breached_only: false,
        query: String::new(),
    };
    let (rows, _) = queue(c, &filter, now, 1, QUEUE_WINDOW)?;
    let breached = rows.iter().filter(|r| r.clock().breached(now)).count();
    Ok((
        i64::try_from(rows.len()).unwrap_or(0),
        i64::try_from(breached).unwrap_or(0),
    ))
}

/// What the answer-time estimate goes by.
#[derive(Debug, Clone, Default)]
pub struct ResponseTimes {
    /// (opened, first answered) of cases opened lately and answered.
    pub answered: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// When the oldest open case still without an answer was opened.
    pub oldest_unanswered: Option<NaiveDateTime>,
}

/// The answer times of cases opened since `since`, and the oldest one still waiting.
pub fn response_times(c: &mut DbConn, since: NaiveDateTime) -> Result<ResponseTimes, DbError> {
    let answered: Vec<(NaiveDateTime, Option<NaiveDateTime>)> = support_cases::table
        .filter(support_cases::created_at.ge(since))
        .filter(support_cases::first_response_at.is_not_null())
        .select((support_cases::created_at, support_cases::first_response_at))
        .order(support_cases::id.desc())
        .limit(500)
        .load(c)?;
    let oldest = support_cases::table
        .filter(support_cases::first_response_at.is_null())
        .filter(support_cases::status.eq(Status::Open.code()))
        .select(support_cases::created_at)
        .order(support_cases::created_at.asc())
        .first(c)
        .optional()?;
    Ok(ResponseTimes {
        answered: answered
            .into_iter()
            .filter_map(|(a, b)| b.map(|b| (a, b)))
            .collect(),
        oldest_unanswered: oldest,
    })
}
