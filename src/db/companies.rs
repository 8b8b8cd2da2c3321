//! Company reads for the business portal: the dashboard strip figures.

use super::money_sql::MinorUnits;
use super::schema::{approvals, companies, invoices, orders, quotes};
use super::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};

#[derive(Debug, Clone, Queryable)]
pub struct RecentOrder {
    pub number: String,
    pub public_token: String,
    pub placed_at: NaiveDateTime,
    pub status: String,
    pub total: MinorUnits,
    pub currency: String,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub pending_approvals: i64,
    pub open_quotes: i64,
    pub credit_limit: MinorUnits,
    pub credit_used: MinorUnits,
    pub currency: String,
    pub recent_orders: Vec<RecentOrder>,
}

/// The products the company has ordered most (units, orders not cancelled or rejected).
pub fn frequently_bought(
    conn: &mut DbConn,
    company_id: i64,
    limit: usize,
) -> Result<Vec<i64>, DbError> {
    use super::schema::order_lines;
    let rows: Vec<(Option<i64>, i32)> = order_lines::table
        .inner_join(orders::table)
        .filter(orders::company_id.eq(company_id))
        .filter(orders::status.ne_all(["cancelled", "rejected", "awaiting_payment"]))
        .select((order_lines::product_id, order_lines::quantity))
        .load(conn)?;
    let mut units: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for (product, qty) in rows {
        if let Some(p) = product {
            *units.entry(p).or_default() += i64::from(qty);
        }
    }
    let mut ranked: Vec<(i64, i64)> = units.into_iter().collect();
    ranked.sort_by_key(|(id, n)| (std::cmp::Reverse(*n), *id));
    Ok(ranked.into_iter().take(limit).map(|(id, _)| id).collect())
}

/// What the company owes on invoices neither paid nor cancelled, in minor units.
pub fn open_invoices(conn: &mut DbConn, company_id: i64) -> Result<i64, DbError> {
    let used: Option<i64> = invoices::table
        .filter(invoices::company_id.eq(company_id))
        .filter(invoices::paid_at.is_null())
        .filter(invoices::cancelled_at.is_null())
        .select(sql::<Nullable<BigInt>>(
            "CAST(SUM(amount_minor - credited_minor) AS BIGINT)",
        ))
        .first(conn)?;
    Ok(used.unwrap_or(0))
}

/// The number of the order's invoice while it is open (neither paid nor cancelled).
pub fn open_invoice_of(conn: &mut DbConn, order_id: i64) -> Result<Option<String>, DbError> {
    Ok(invoices::table
        .filter(invoices::order_id.eq(order_id))
        .filter(invoices::paid_at.is_null())
        .filter(invoices::cancelled_at.is_null())
        .select(invoices::number)
        .first(conn)
        .optional()?)
}

/// Credits `minor` to the order's open invoice (a refunded return), never beyond what is still
/// owed on it; false when there is no such invoice or not that much left on it.
pub fn credit_invoice(conn: &mut DbConn, order_id: i64, minor: i64) -> Result<bool, DbError> {
    let n = diesel::update(
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .filter(invoices::paid_at.is_null())
            .filter(invoices::cancelled_at.is_null())
            .filter((invoices::amount_minor - invoices::credited_minor).ge(minor)),
    )
    .set(invoices::credited_minor.eq(invoices::credited_minor + minor))
    .execute(conn)?;
    Ok(n == 1)
}

/// Issues the invoice of an order placed on `terms` (number `F{order number}`, due after the
/// terms' days), inside the caller's transaction. An order changed after its invoice was issued
/// gets a new one in place of the voided one: `F{order number}-2`, `-3`, …
pub fn issue_invoice(
    c: &mut DbConn,
    order_id: i64,
    order_number: &str,
    company_id: i64,
    amount_minor: i64,
    terms: &crate::domain::pricing::Terms,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let earlier: i64 = invoices::table
        .filter(invoices::order_id.eq(order_id))
        .count()
        .get_result(c)?;
    let number = match earlier {
        0 => format!("F{order_number}"),
        n => format!("F{order_number}-{}", n + 1),
    };
    diesel::insert_into(invoices::table)
        .values((
            invoices::number.eq(number),
            invoices::order_id.eq(order_id),
            invoices::company_id.eq(Some(company_id)),
            invoices::amount_minor.eq(amount_minor),
            invoices::currency.eq("SEK"),
            invoices::issued_at.eq(now),
            invoices::due_at.eq(now + chrono::Duration::days(i64::from(terms.days))),
        ))
        .execute(c)?;
    Ok(())
}

/// Holds the company's row until the transaction ends, so two orders on invoice cannot both
/// spend the same credit (Postgres; SQLite's write transactions already run one at a time).
pub fn lock(conn: &mut DbConn, company_id: i64) -> Result<(), DbError> {
    if let super::connection::AnyConnection::Pg(pg) = conn {
        diesel::sql_query("SELECT id FROM companies WHERE id = $1 FOR UPDATE")
            .bind::<BigInt, _>(company_id)
            .execute(pg)?;
    }
    Ok(())
}

/// The company's credit limit and what is left of it after its open invoices (minor units).
pub fn credit(conn: &mut DbConn, company_id: i64) -> Result<(i64, i64), DbError> {
    let limit: i64 = companies::table
        .find(company_id)
        .select(companies::credit_limit_minor)
        .first(conn)?;
    Ok((limit, limit - open_invoices(conn, company_id)?))
}

/// Everything in the dashboard strip, always scoped to `company_id`.
pub fn dashboard(conn: &mut DbConn, company_id: i64) -> Result<Dashboard, DbError> {
    let pending_approvals = approvals::table
        .filter(approvals::company_id.eq(company_id))
        .filter(approvals::status.eq("pending"))
        .count()
        .get_result(conn)?;
    let open_quotes = quotes::table
        .filter(quotes::company_id.eq(company_id))
        .filter(quotes::status.eq_any(["requested", "answered", "negotiating"]))
        .count()
        .get_result(conn)?;
    let (credit_limit, currency): (MinorUnits, String) = companies::table
        .find(company_id)
        .select((companies::credit_limit_minor, companies::currency))
        .first(conn)?;
    let used = open_invoices(conn, company_id)?;
    let recent_orders = orders::table
        .filter(orders::company_id.eq(company_id))
        .order(orders::placed_at.desc())
        .limit(3)
        .select((
            orders::number,
            orders::public_token,
            orders::placed_at,
            orders::status,
            orders::total_minor,
            orders::currency,
        ))
        .load(conn)?;
    Ok(Dashboard {
        pending_approvals,
        open_quotes,
        credit_limit,
        credit_used: MinorUnits(used),
        currency,
        recent_orders,
    })
}

/// A business account application, as checked by the form.
pub struct Application<'a> {
    pub name: &'a str,
    pub org_no: &'a str,
    pub vat_no: Option<&'a str>,
    pub industry: &'a str,
    pub size: &'a str,
    pub contact_name: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
}

/// Files an application (a pending company). `None` when the organisation number is already known.
pub fn apply(conn: &mut DbConn, a: &Application<'_>) -> Result<Option<i64>, DbError> {
    let exists: i64 = companies::table
        .filter(companies::org_no.eq(a.org_no))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(None);
    }
    let id = diesel::insert_into(companies::table)
        .values((
            companies::name.eq(a.name),
            companies::org_no.eq(a.org_no),
            companies::vat_no.eq(a.vat_no),
            companies::industry.eq(a.industry),
            companies::size.eq(a.size),
            companies::status.eq("pending"),
            companies::contact_name.eq(a.contact_name),
            companies::contact_email.eq(a.contact_email),
            companies::contact_phone.eq(a.contact_phone),
        ))
        .returning(companies::id)
        .get_result(conn)?;
    Ok(Some(id))
}

#[derive(Debug, Clone, Queryable)]
pub struct PendingApplication {
    pub id: i64,
    pub name: String,
    pub org_no: String,
    pub vat_no: Option<String>,
    pub industry: String,
    pub size: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub created_at: NaiveDateTime,
}

/// Applications waiting for staff, oldest first.
pub fn pending_applications(conn: &mut DbConn) -> Result<Vec<PendingApplication>, DbError> {
    Ok(companies::table
        .filter(companies::status.eq("pending"))
        .order(companies::created_at.asc())
        .select((
            companies::id,
            companies::name,
            companies::org_no,
            companies::vat_no,
            companies::industry,
            companies::size,
            companies::contact_name,
            companies::contact_email,
            companies::contact_phone,
            companies::created_at,
        ))
        .load(conn)?)
}

/// Moves a pending application to `status` (`active` or `rejected`). `NotFound` when it is not
/// pending any more, so two staff deciding at once cannot both win.
pub fn decide(conn: &mut DbConn, id: i64, status: &str) -> Result<PendingApplication, DbError> {
    let application = pending_applications(conn)?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(diesel::result::Error::NotFound)?;
    let n = diesel::update(
        companies::table
            .find(id)
            .filter(companies::status.eq("pending")),
    )
    .set((
        companies::status.eq(status),
        companies::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    if n == 1 {
        Ok(application)
    } else {
        Err(diesel::result::Error::NotFound.into())
    }
}

/// Adds a person to a company with a role.
pub fn add_member(
    conn: &mut DbConn,
    user_id: i64,
    company_id: i64,
    role: &str,
) -> Result<i64, DbError> {
    use super::schema::company_memberships as m;
    Ok(diesel::insert_into(m::table)
        .values((
            m::user_id.eq(user_id),
            m::company_id.eq(company_id),
            m::role.eq(role),
        ))
        .returning(m::id)
        .get_result(conn)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct Member {
    pub membership_id: i64,
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub order_limit: Option<MinorUnits>,
    pub monthly_limit: Option<MinorUnits>,
    pub active: bool,
}

/// The people of one company, by name.
pub fn members(conn: &mut DbConn, company_id: i64) -> Result<Vec<Member>, DbError> {
    use super::schema::{company_memberships as m, users as u};
    Ok(m::table
        .inner_join(u::table)
        .filter(m::company_id.eq(company_id))
        .order(u::name.asc())
        .select((
            m::id,
            u::id,
            u::name,
            u::email,
            u::password_hash,
            m::role,
            m::order_limit_minor,
            m::monthly_limit_minor,
            m::active,
        ))
        .load(conn)?)
}

/// Changes a member's role and limits, only inside `company_id` (`NotFound` otherwise).
pub fn update_member(
    conn: &mut DbConn,
    company_id: i64,
    membership_id: i64,
    role: &str,
    order_limit: Option<i64>,
    monthly_limit: Option<i64>,
) -> Result<(), DbError> {
    use super::schema::company_memberships as m;
    let n = diesel::update(
        m::table
            .filter(m::id.eq(membership_id))
            .filter(m::company_id.eq(company_id)),
    )
    .set((
        m::role.eq(role),
        m::order_limit_minor.eq(order_limit),
        m::monthly_limit_minor.eq(monthly_limit),
    ))
    .execute(conn)?;
    if n == 1 {
        Ok(())
    } else {
        Err(diesel::result::Error::NotFound.into())
    }
}

/// Activates or deactivates a member, only inside `company_id`.
pub fn set_member_active(
    conn: &mut DbConn,
    company_id: i64,
    membership_id: i64,
    active: bool,
) -> Result<(), DbError> {
    use super::schema::company_memberships as m;
    let n = diesel::update(
        m::table
            .filter(m::id.eq(membership_id))
            .filter(m::company_id.eq(company_id)),
    )
    .set(m::active.eq(active))
    .execute(conn)?;
    if n == 1 {
        Ok(())
    } else {
        Err(diesel::result::Error::NotFound.into())
    }
}

/// Why a person could not be added to a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    /// They are already in this company.
    AlreadyMember,
    /// The address belongs to a consumer or staff account.
    AddressTaken,
}

/// Adds the person with `email` to a company with `role`: an existing business user is added, an
/// unknown address gets a new account that cannot sign in until the invitation is accepted.
/// Returns the user and membership ids.
pub fn invite_member(
    conn: &mut DbConn,
    company_id: i64,
    email: &str,
    name: &str,
    role: &str,
) -> Result<Result<(i64, i64), InviteProblem>, DbError> {
    let user_id = match super::users::find_by_email(conn, email)? {
        Some(u) if u.kind != "company_member" => return Ok(Err(InviteProblem::AddressTaken)),
        Some(u) => {
            if members(conn, company_id)?.iter().any(|m| m.user_id == u.id) {
                return Ok(Err(InviteProblem::AlreadyMember));
            }
            u.id
        }
        None => super::users::insert(
            conn,
            &super::users::NewUser {
                email,
                // Not a password hash: nothing verifies against it until the invitation is accepted.
                password_hash: "!invited",
                name,
                // No saved language yet: their browser decides until they choose one.
                locale: None,
                kind: "company_member",
                staff_role: None,
                email_verified_at: None,
            },
        )?,
    };
    let membership = add_member(conn, user_id, company_id, role)?;
    Ok(Ok((user_id, membership)))
}

/// One of the company's invoices, as its statement lists it.
#[derive(Debug, Clone, Queryable)]
pub struct InvoiceRow {
    pub number: String,
    pub order_number: String,
    pub order_token: String,
    pub amount: MinorUnits,
    /// Credited for refunded returns.
    pub credited: MinorUnits,
    pub currency: String,
    pub issued_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
    pub paid_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
}

/// The company's invoices, open ones first by due date, then the 50 settled last.
pub fn invoices(conn: &mut DbConn, company_id: i64) -> Result<Vec<InvoiceRow>, DbError> {
    let columns = (
        invoices::number,
        orders::number,
        orders::public_token,
        invoices::amount_minor,
        invoices::credited_minor,
        invoices::currency,
        invoices::issued_at,
        invoices::due_at,
        invoices::paid_at,
        invoices::cancelled_at,
    );
    let mut rows: Vec<InvoiceRow> = invoices::table
        .inner_join(orders::table)
        .filter(invoices::company_id.eq(company_id))
        .filter(invoices::paid_at.is_null())
        .filter(invoices::cancelled_at.is_null())
        .order(invoices::due_at.asc())
        .select(columns)
        .load(conn)?;
    rows.extend(
        invoices::table
            .inner_join(orders::table)
            .filter(invoices::company_id.eq(company_id))
            .filter(
                invoices::paid_at
                    .is_not_null()
                    .or(invoices::cancelled_at.is_not_null()),
            )
            .order(invoices::issued_at.desc())
            .limit(50)
            .select(columns)
            .load::<InvoiceRow>(conn)?,
    );
    Ok(rows)
}
