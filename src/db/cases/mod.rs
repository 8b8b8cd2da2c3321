//! After-sales cases: opened by a customer about an order, answered by support agents. Reads
//! for customers are scoped here (by the person, or by the company for its admins and
//! approvers); a guest's case is read by its number and token. Status moves are conditional on
//! the status read, so two people acting at once cannot both win. The staff queue is in
//! `queue.rs`, refunds from a case in `refunds.rs`.

use super::schema::{
    case_attachments, case_lines, case_messages, companies, order_lines, orders, support_cases,
    users,
};
use super::{DbConn, DbError};
use crate::domain::cases::{Clock, Move, Status, Targets, pause_change};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A case as every page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct CaseRow {
    pub id: i64,
    pub number: String,
    pub public_token: String,
    pub user_id: Option<i64>,
    pub company_id: Option<i64>,
    pub company: Option<String>,
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    pub order_token: Option<String>,
    pub email: String,
    pub customer: Option<String>,
    pub locale: String,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub assigned_to: Option<i64>,
    pub first_response_due_at: Option<NaiveDateTime>,
    pub first_response_at: Option<NaiveDateTime>,
    pub resolution_due_at: Option<NaiveDateTime>,
    pub paused_seconds: i64,
    pub waiting_since: Option<NaiveDateTime>,
    pub resolved_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub return_number: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl CaseRow {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Open)
    }

    pub fn clock(&self) -> Clock {
        Clock {
            opened: self.created_at,
            first_response_due: self.first_response_due_at.unwrap_or(self.created_at),
            first_response_at: self.first_response_at,
            resolution_due: self.resolution_due_at.unwrap_or(self.created_at),
            paused_seconds: self.paused_seconds,
            waiting_since: self.waiting_since,
            resolved_at: self.resolved_at,
        }
    }
}

macro_rules! case_query {
    () => {
        support_cases::table
            .left_join(companies::table)
            .left_join(orders::table)
            .left_join(users::table.on(users::id.nullable().eq(support_cases::user_id)))
            .select((
                support_cases::id,
                support_cases::number,
                support_cases::public_token,
                support_cases::user_id,
                support_cases::company_id,
                companies::name.nullable(),
                support_cases::order_id,
                orders::number.nullable(),
                orders::public_token.nullable(),
                support_cases::email,
                users::name.nullable(),
                support_cases::locale,
                support_cases::kind,
                support_cases::subject,
                support_cases::status,
                support_cases::assigned_to,
                support_cases::first_response_due_at,
                support_cases::first_response_at,
                support_cases::resolution_due_at,
                support_cases::paused_seconds,
                support_cases::waiting_since,
                support_cases::resolved_at,
                support_cases::closed_at,
                support_cases::return_number,
                support_cases::created_at,
                support_cases::updated_at,
            ))
    };
}

/// A photo as stored: its generated file name and what the checks found.
#[derive(Debug, Clone)]
pub struct NewFile {
    pub stored_name: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub width: i32,
    pub height: i32,
}

/// A case as opened.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub user_id: Option<i64>,
    pub company_id: Option<i64>,
    pub order_id: Option<i64>,
    pub email: String,
    pub locale: String,
    pub kind: String,
    pub subject: String,
    pub description: String,
    pub lines: Vec<(i64, u32)>,
    pub files: Vec<NewFile>,
    pub targets: Targets,
    pub now: NaiveDateTime,
}

/// Opens the case with its first message, lines and photos; returns (number, token).
pub fn create(c: &mut DbConn, new: &NewCase) -> Result<(String, String), DbError> {
    let number = format!(
        "C{}-{:06}",
        new.now.format("%y%m%d"),
        rand::random_range(0..1_000_000_u32)
    );
    let token = super::tokens::random_token();
    let clock = Clock::new(new.now, new.targets);
    let id: i64 = diesel::insert_into(support_cases::table)
        .values((
            support_cases::number.eq(&number),
            support_cases::public_token.eq(&token),
            support_cases::user_id.eq(new.user_id),
            support_cases::company_id.eq(new.company_id),
            support_cases::order_id.eq(new.order_id),
            support_cases::email.eq(&new.email),
            support_cases::locale.eq(&new.locale),
            support_cases::kind.eq(&new.kind),
            support_cases::subject.eq(&new.subject),
            support_cases::status.eq(Status::Open.code()),
            support_cases::first_response_due_at.eq(Some(clock.first_response_due)),
            support_cases::resolution_due_at.eq(Some(clock.resolution_due)),
            support_cases::created_at.eq(new.now),
            support_cases::updated_at.eq(new.now),
        ))
        .returning(support_cases::id)
        .get_result(c)?;
    for (line, quantity) in &new.lines {
        diesel::insert_into(case_lines::table)
            .values((
                case_lines::case_id.eq(id),
                case_lines::order_line_id.eq(line),
                case_lines::quantity.eq(i32::try_from(*quantity).unwrap_or(i32::MAX)),
            ))
            .execute(c)?;
    }
    let message = insert_message(
        c,
        id,
        &Message {
            author: new.user_id,
            from_staff: false,
            internal: false,
            event: None,
            body: new.description.clone(),
        },
        new.now,
    )?;
    insert_files(c, id, message, &new.files, new.now)?;
    Ok((number, token))
}

/// One entry of a thread as written.
#[derive(Debug, Clone)]
pub struct Message {
    pub author: Option<i64>,
    pub from_staff: bool,
    pub internal: bool,
    /// A step (`status`, `assigned`, `return`, `refund`) with its detail in `body`.
    pub event: Option<&'static str>,
    pub body: String,
}

fn insert_message(
    c: &mut DbConn,
    case_id: i64,
    m: &Message,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(case_messages::table)
        .values((
            case_messages::case_id.eq(case_id),
            case_messages::author_user_id.eq(m.author),
            case_messages::from_staff.eq(m.from_staff),
            case_messages::internal.eq(m.internal),
            case_messages::event.eq(m.event),
            case_messages::body.eq(&m.body),
            case_messages::created_at.eq(now),
        ))
        .returning(case_messages::id)
        .get_result(c)?)
}

fn insert_files(
    c: &mut DbConn,
    case_id: i64,
    message_id: i64,
    files: &[NewFile],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    for f in files {
        diesel::insert_into(case_attachments::table)
            .values((
                case_attachments::case_id.eq(case_id),
                case_attachments::message_id.eq(message_id),
                case_attachments::stored_name.eq(&f.stored_name),
                case_attachments::original_name.eq(&f.original_name),
                case_attachments::content_type.eq(&f.content_type),
                case_attachments::size_bytes.eq(f.size_bytes),
                case_attachments::width.eq(f.width),
                case_attachments::height.eq(f.height),
                case_attachments::created_at.eq(now),
            ))
            .execute(c)?;
    }
    Ok(())
}

pub fn by_number(c: &mut DbConn, number: &str) -> Result<Option<CaseRow>, DbError> {
    Ok(case_query!()
        .filter(support_cases::number.eq(number))
        .first(c)
        .optional()?)
}

/// Cases a person reads in the shop, newest first: their own, or every case of `company` for its
/// admins and approvers (`company_wide`). A consumer's list never holds a company's case.
pub fn for_reader(
    c: &mut DbConn,
    user: i64,
    company: Option<(i64, bool)>,
) -> Result<Vec<CaseRow>, DbError> {
    let mut q = case_query!().into_boxed();
    q = match company {
        Some((company, true)) => q.filter(support_cases::company_id.eq(company)),
        Some((company, false)) => q
            .filter(support_cases::company_id.eq(company))
            .filter(support_cases::user_id.eq(user)),
        None => q
            .filter(support_cases::company_id.is_null())
            .filter(support_cases::user_id.eq(user)),
    };
    Ok(q.order(support_cases::id.desc()).limit(200).load(c)?)
}

/// The cases about an order (its page lists them).
pub fn for_order(c: &mut DbConn, order_id: i64) -> Result<Vec<CaseRow>, DbError> {
    Ok(case_query!()
        .filter(support_cases::order_id.eq(order_id))
        .order(support_cases::id.asc())
        .load(c)?)
}

/// A message of the thread with its author's name.
#[derive(Debug, Clone, Queryable)]
pub struct MessageRow {
    pub id: i64,
    pub author: Option<String>,
    pub from_staff: bool,
    pub internal: bool,
    pub event: Option<String>,
    pub body: String,
    pub created_at: NaiveDateTime,
}

/// The thread, oldest first; internal notes only for staff.
pub fn thread(
    c: &mut DbConn,
    case_id: i64,
    with_internal: bool,
) -> Result<Vec<MessageRow>, DbError> {
    let mut q = case_messages::table
        .left_join(users::table.on(users::id.nullable().eq(case_messages::author_user_id)))
        .filter(case_messages::case_id.eq(case_id))
        .select((
            case_messages::id,
            users::name.nullable(),
            case_messages::from_staff,
            case_messages::internal,
            case_messages::event,
            case_messages::body,
            case_messages::created_at,
        ))
        .into_boxed();
    if !with_internal {
        q = q.filter(case_messages::internal.eq(false));
    }
    Ok(q.order(case_messages::id.asc()).load(c)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct AttachmentRow {
    pub id: i64,
    pub message_id: i64,
    pub stored_name: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub width: i32,
    pub height: i32,
}

const ATTACHMENT: (
    case_attachments::id,
    case_attachments::message_id,
    case_attachments::stored_name,
    case_attachments::original_name,
    case_attachments::content_type,
    case_attachments::size_bytes,
    case_attachments::width,
    case_attachments::height,
) = (
    case_attachments::id,
    case_attachments::message_id,
    case_attachments::stored_name,
    case_attachments::original_name,
    case_attachments::content_type,
    case_attachments::size_bytes,
    case_attachments::width,
    case_attachments::height,
);

pub fn attachments(c: &mut DbConn, case_id: i64) -> Result<Vec<AttachmentRow>, DbError> {
    Ok(case_attachments::table
        .filter(case_attachments::case_id.eq(case_id))
        .order(case_attachments::id.asc())
        .select(ATTACHMENT)
        .load(c)?)
}

/// One photo of the case (never another case's, whatever the id).
pub fn attachment(c: &mut DbConn, case_id: i64, id: i64) -> Result<Option<AttachmentRow>, DbError> {
    Ok(case_attachments::table
        .filter(case_attachments::case_id.eq(case_id))
        .filter(case_attachments::id.eq(id))
        .select(ATTACHMENT)
        .first(c)
        .optional()?)
}

/// A line the case names: (order line id, name, SKU, units concerned, units ordered, product).
#[derive(Debug, Clone, Queryable)]
pub struct CaseLine {
    pub order_line_id: i64,
    pub name: String,
    pub sku: String,
    pub quantity: i32,
    pub ordered: i32,
    pub product_id: Option<i64>,
}

pub fn lines(c: &mut DbConn, case_id: i64) -> Result<Vec<CaseLine>, DbError> {
    Ok(case_lines::table
        .inner_join(order_lines::table)
        .filter(case_lines::case_id.eq(case_id))
        .order(order_lines::id.asc())
        .select((
            case_lines::order_line_id,
            order_lines::name,
            order_lines::sku,
            case_lines::quantity,
            order_lines::quantity,
            order_lines::product_id,
        ))
        .load(c)?)
}

/// Takes `mv` on the case (with a message, or an event row for a bare status change): the
/// status, the first-response time (an agent's first reply the customer reads), the resolution
/// and closing times and the paused clock move with it. Only if the case is still in the status
/// it was read in; false when the move does not fit or someone else moved it first.
pub fn apply(
    c: &mut DbConn,
    case: &CaseRow,
    mv: Move,
    message: Option<&Message>,
    files: &[NewFile],
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let from = case.status();
    let Some(to) = mv.from(from) else {
        return Ok(false);
    };
    #[derive(AsChangeset)]
    #[diesel(table_name = support_cases)]
    struct Set<'a> {
        status: &'a str,
        updated_at: NaiveDateTime,
        waiting_since: Option<Option<NaiveDateTime>>,
        paused_seconds: i64,
        first_response_at: Option<Option<NaiveDateTime>>,
        resolved_at: Option<Option<NaiveDateTime>>,
        closed_at: Option<Option<NaiveDateTime>>,
    }
    let (waiting_since, add) = pause_change(from, to, case.waiting_since, now);
    let answers = matches!(mv, Move::AgentReply(_)) && case.first_response_at.is_none();
    let set = Set {
        status: to.code(),
        updated_at: now,
        waiting_since: Some(waiting_since),
        paused_seconds: case.paused_seconds + add,
        first_response_at: answers.then_some(Some(now)),
        resolved_at: match to {
            Status::Resolved if from != Status::Resolved => Some(Some(now)),
            Status::Open | Status::WaitingOnCustomer => Some(None),
            _ => None,
        },
        closed_at: match to {
            Status::Closed => Some(Some(now)),
            _ => Some(None),
        },
    };
    let n = diesel::update(
        support_cases::table
            .filter(support_cases::id.eq(case.id))
            .filter(support_cases::status.eq(from.code())),
    )
    .set(set)
    .execute(c)?;
    if n != 1 {
        return Ok(false);
    }
    let event;
    let message = match message {
        Some(m) => m,
        None => {
            event = Message {
                author: None,
                from_staff: true,
                internal: false,
                event: Some("status"),
                body: to.code().to_string(),
            };
            &event
        }
    };
    let id = insert_message(c, case.id, message, now)?;
    insert_files(c, case.id, id, files, now)?;
    if message.event.is_none() && from != to {
        insert_message(
            c,
            case.id,
            &Message {
                author: None,
                from_staff: true,
                internal: false,
                event: Some("status"),
                body: to.code().to_string(),
            },
            now,
        )?;
    }
    Ok(true)
}

/// Notes a step on the thread without moving the status (a return started, a refund).
pub fn note_event(
    c: &mut DbConn,
    case_id: i64,
    actor: i64,
    event: &'static str,
    detail: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    insert_message(
        c,
        case_id,
        &Message {
            author: Some(actor),
            from_staff: true,
            internal: false,
            event: Some(event),
            body: detail.to_string(),
        },
        now,
    )?;
    diesel::update(support_cases::table.find(case_id))
        .set(support_cases::updated_at.eq(now))
        .execute(c)?;
    Ok(())
}

/// Gives the case to a support agent (or nobody); false if it is closed.
pub fn assign(
    c: &mut DbConn,
    case_id: i64,
    to: Option<i64>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        support_cases::table
            .filter(support_cases::id.eq(case_id))
            .filter(support_cases::status.ne(Status::Closed.code())),
    )
    .set((
        support_cases::assigned_to.eq(to),
        support_cases::updated_at.eq(now),
    ))
    .execute(c)?;
    Ok(n == 1)
}

/// An order as the case form needs it: who placed it, for which company, and its lines.
#[derive(Debug, Clone)]
pub struct OrderForCase {
    pub order: super::orders::OrderRef,
    pub user_id: Option<i64>,
    pub company_id: Option<i64>,
    /// (order line id, name, SKU, units ordered).
    pub lines: Vec<(i64, String, String, i32)>,
}

pub fn order_for_case(
    c: &mut DbConn,
    order: super::orders::OrderRef,
) -> Result<OrderForCase, DbError> {
    let (user_id, company_id) = orders::table
        .find(order.id)
        .select((orders::user_id, orders::company_id))
        .first(c)?;
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .order(order_lines::id.asc())
        .select((
            order_lines::id,
            order_lines::name,
            order_lines::sku,
            order_lines::quantity,
        ))
        .load(c)?;
    Ok(OrderForCase {
        order,
        user_id,
        company_id,
        lines,
    })
}

/// Records that the case became return `number`.
pub fn link_return(c: &mut DbConn, case_id: i64, number: &str) -> Result<(), DbError> {
    diesel::update(support_cases::table.find(case_id))
        .set(support_cases::return_number.eq(Some(number)))
        .execute(c)?;
    Ok(())
}

mod queue;
mod refunds;
pub mod replacement;

pub use queue::*;
pub use refunds::*;
