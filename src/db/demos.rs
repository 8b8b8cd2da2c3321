//! Live demo requests: created by a company user, read by their company (scoped here), answered
//! by sales representatives. Moves are conditional on the status read, so two people acting at
//! once cannot both win.

use super::schema::{companies, content_pages, demo_requests, users};
use super::{DbConn, DbError};
use crate::domain::demos::{Format, Request, Status, TimeOfDay};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::Integer;

/// A request with its company and requester, as every page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct DemoRow {
    pub id: i64,
    pub number: String,
    pub company_id: i64,
    pub company: String,
    pub industry: String,
    pub requested_by: i64,
    pub requester: String,
    pub requester_email: String,
    pub requester_locale: Option<String>,
    pub demo_slug: Option<String>,
    pub topic: String,
    pub preferred_date: NaiveDate,
    pub time_of_day: String,
    pub format: String,
    pub attendees: i32,
    pub phone: Option<String>,
    pub message: String,
    pub status: String,
    pub assigned_to: Option<i64>,
    pub scheduled_at: Option<NaiveDateTime>,
    pub meeting_details: Option<String>,
    pub staff_note: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl DemoRow {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Requested)
    }

    pub fn time_of_day(&self) -> TimeOfDay {
        TimeOfDay::parse(&self.time_of_day).unwrap_or(TimeOfDay::Any)
    }

    pub fn format(&self) -> Format {
        Format::parse(&self.format).unwrap_or(Format::Online)
    }
}

macro_rules! demo_query {
    () => {
        demo_requests::table
            .inner_join(companies::table)
            .inner_join(users::table.on(users::id.eq(demo_requests::requested_by)))
            .left_join(content_pages::table)
            .select((
                demo_requests::id,
                demo_requests::number,
                demo_requests::company_id,
                companies::name,
                companies::industry,
                demo_requests::requested_by,
                users::name,
                users::email,
                users::locale,
                content_pages::slug.nullable(),
                demo_requests::topic,
                demo_requests::preferred_date,
                demo_requests::time_of_day,
                demo_requests::format,
                demo_requests::attendees,
                demo_requests::phone,
                demo_requests::message,
                demo_requests::status,
                demo_requests::assigned_to,
                demo_requests::scheduled_at,
                demo_requests::meeting_details,
                demo_requests::staff_note,
                demo_requests::created_at,
                demo_requests::updated_at,
            ))
    };
}

/// A published demo page companies may read: (id, slug, title).
pub fn demo_page(
    c: &mut DbConn,
    slug: &str,
    now: NaiveDateTime,
) -> Result<Option<(i64, String, String)>, DbError> {
    Ok(content_pages::table
        .filter(content_pages::slug.eq(slug))
        .filter(content_pages::kind.eq("demo"))
        .filter(content_pages::audience.eq_any(["b2b", "both"]))
        .filter(content_pages::published_at.le(now))
        .select((content_pages::id, content_pages::slug, content_pages::title))
        .first(c)
        .optional()?)
}

/// Saves a request; returns its number.
pub fn create(
    c: &mut DbConn,
    company_id: i64,
    user_id: i64,
    content_id: Option<i64>,
    r: &Request,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let number = format!(
        "D{}-{:06}",
        now.format("%y%m%d"),
        rand::random_range(0..1_000_000_u32)
    );
    diesel::insert_into(demo_requests::table)
        .values((
            demo_requests::number.eq(&number),
            demo_requests::company_id.eq(company_id),
            demo_requests::requested_by.eq(user_id),
            demo_requests::content_id.eq(content_id),
            demo_requests::topic.eq(&r.topic),
            demo_requests::preferred_date.eq(r.preferred_date),
            demo_requests::time_of_day.eq(r.time_of_day.code()),
            demo_requests::format.eq(r.format.code()),
            demo_requests::attendees.eq(i32::try_from(r.attendees).unwrap_or(1)),
            demo_requests::phone.eq(&r.phone),
            demo_requests::message.eq(&r.message),
            demo_requests::status.eq(Status::Requested.code()),
            demo_requests::created_at.eq(now),
            demo_requests::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(number)
}

/// The request `number`; only when it is `company_id`'s, if given (staff pass `None`).
pub fn find(
    c: &mut DbConn,
    number: &str,
    company_id: Option<i64>,
) -> Result<Option<DemoRow>, DbError> {
    let mut q = demo_query!()
        .filter(demo_requests::number.eq(number))
        .into_boxed();
    if let Some(company) = company_id {
        q = q.filter(demo_requests::company_id.eq(company));
    }
    Ok(q.first(c).optional()?)
}

/// A company's requests, newest first; only `user`'s when given.
pub fn for_company(
    c: &mut DbConn,
    company_id: i64,
    user: Option<i64>,
) -> Result<Vec<DemoRow>, DbError> {
    let mut q = demo_query!()
        .filter(demo_requests::company_id.eq(company_id))
        .into_boxed();
    if let Some(u) = user {
        q = q.filter(demo_requests::requested_by.eq(u));
    }
    Ok(q.order(demo_requests::id.desc()).limit(200).load(c)?)
}

/// The staff list: those waiting to be scheduled first (oldest first), then scheduled ones by
/// their time, then the rest, newest first; filtered by status and by number, company or topic.
pub fn inbox(
    c: &mut DbConn,
    status: Option<Status>,
    query: &str,
    page: i64,
    per_page: i64,
) -> Result<(Vec<DemoRow>, bool), DbError> {
    let mut q = demo_query!().into_boxed();
    if let Some(s) = status {
        q = q.filter(demo_requests::status.eq(s.code()));
    }
    let query = query.trim().to_lowercase();
    if !query.is_empty() {
        use super::lower;
        let like = super::contains_pattern(&query);
        q = q.filter(
            lower(demo_requests::number)
                .like(like.clone())
                .or(lower(companies::name).like(like.clone()))
                .or(lower(demo_requests::topic).like(like)),
        );
    }
    let rank = diesel::dsl::case_when(
        demo_requests::status.eq(Status::Requested.code()),
        0.into_sql::<Integer>(),
    )
    .when(
        demo_requests::status.eq(Status::Scheduled.code()),
        1.into_sql::<Integer>(),
    )
    .otherwise(2.into_sql::<Integer>());
    let rows: Vec<DemoRow> = q
        .order(rank)
        .then_order_by(demo_requests::scheduled_at.asc())
        .then_order_by(demo_requests::created_at.asc())
        .then_order_by(demo_requests::id.asc())
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
        .load(c)?;
    Ok(super::page_of(rows, per_page))
}

/// How many requests wait to be scheduled (the admin dashboard's queue).
pub fn waiting(c: &mut DbConn) -> Result<i64, DbError> {
    Ok(demo_requests::table
        .filter(demo_requests::status.eq(Status::Requested.code()))
        .count()
        .get_result(c)?)
}

/// What a move sets besides the status.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub assign_to: Option<i64>,
    pub scheduled_at: Option<NaiveDateTime>,
    pub format: Option<Format>,
    pub meeting_details: Option<String>,
    pub staff_note: Option<String>,
}

/// Moves request `id` from `from` to `to` with `changes`, only if it is still `from` (false
/// when someone else moved it first).
pub fn apply(
    c: &mut DbConn,
    id: i64,
    from: Status,
    to: Status,
    changes: &Changes,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    /// One statement: the status and whatever the move sets (`None` leaves a column alone).
    #[derive(AsChangeset)]
    #[diesel(table_name = demo_requests)]
    struct Set<'a> {
        status: &'a str,
        updated_at: NaiveDateTime,
        assigned_to: Option<i64>,
        scheduled_at: Option<NaiveDateTime>,
        format: Option<&'a str>,
        meeting_details: Option<&'a str>,
        staff_note: Option<&'a str>,
    }
    let target = demo_requests::table
        .filter(demo_requests::id.eq(id))
        .filter(demo_requests::status.eq(from.code()));
    let n = diesel::update(target)
        .set(Set {
            status: to.code(),
            updated_at: now,
            assigned_to: changes.assign_to,
            scheduled_at: changes.scheduled_at,
            format: changes.format.map(Format::code),
            meeting_details: changes.meeting_details.as_deref(),
            staff_note: changes.staff_note.as_deref(),
        })
        .execute(c)?;
    Ok(n == 1)
}

/// Who hears of a new request: the sales representatives, or the one it is assigned to.
pub fn shop_side(
    c: &mut DbConn,
    assigned_to: Option<i64>,
) -> Result<Vec<(String, Option<String>)>, DbError> {
    super::quotes::shop_side(c, assigned_to)
}

/// The name of a staff member (who a demo is assigned to).
pub fn staff_name(c: &mut DbConn, id: i64) -> Result<Option<String>, DbError> {
    Ok(users::table
        .find(id)
        .filter(users::kind.eq("staff"))
        .select(users::name)
        .first(c)
        .optional()?)
}
