//! Persistence: one Diesel code path over SQLite and Postgres.
//!
//! `AnyConnection` is a `MultiConnection` picked by the URL scheme; [`Pool`] is an r2d2 pool of them.
//! Handlers never touch a connection directly: they call [`run`] (read or single statement) or
//! [`run_write`] (a write transaction; `BEGIN IMMEDIATE` on SQLite), both of which move the blocking
//! Diesel call off the async workers.

pub mod addresses;
pub mod admin;
pub mod approvals;
pub mod audit;
pub mod back_in_stock;
pub mod cache;
pub mod cart_rules;
pub mod carts;
pub mod cases;
pub mod catalog;
pub mod category_admin;
pub mod chat;
pub mod companies;
pub mod company_admin;
pub mod connection;
pub mod content;
pub mod content_admin;
pub mod coupons;
pub mod customers;
pub mod demos;
pub mod fresh;
pub mod fulfilment;
pub mod listing_set;
pub mod lists;
pub mod media_files;
pub mod money_sql;
pub mod orders;
pub mod outbox;
pub mod price_admin;
pub mod prices;
pub mod product_files;
pub mod product_video;
pub mod products;
pub mod promotions;
pub mod quotes;
pub mod returns;
pub mod reviews;
pub mod schema;
pub mod search;
pub mod seed;
pub mod settings;
pub mod sitemap;
pub mod staff;
pub mod stock;
pub mod testimonials;
pub mod tokens;
pub mod users;

use actix_web::web;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub use connection::{AnyConnection, DbUrl, Manager};

diesel::define_sql_function! {
    /// SQL `lower()`, the same on both backends: case-insensitive searches compare lower-cased
    /// text with a lower-cased needle.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// A `LIKE` pattern that finds `needle` anywhere (lower-case it first to compare with
/// [`lower`]); the wildcard and escape characters typed are dropped, so they match literally
/// nowhere rather than everywhere.
pub fn contains_pattern(needle: &str) -> String {
    format!("%{}%", needle.replace(['%', '_', '\\'], ""))
}

/// A `LIKE` pattern that finds `needle` anywhere with its wildcards escaped, not dropped (use
/// with `.escape('\\')`): addresses hold `_`, and a `%` typed finds only a `%`.
pub fn escaped_pattern(needle: &str) -> String {
    format!(
        "%{}%",
        needle
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// A page of a list read with `LIMIT per_page + 1`: the rows to show and whether more follow.
pub fn page_of<T>(mut rows: Vec<T>, per_page: i64) -> (Vec<T>, bool) {
    let keep = usize::try_from(per_page).unwrap_or(0);
    let more = rows.len() > keep;
    rows.truncate(keep);
    (rows, more)
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

pub type Pool = r2d2::Pool<Manager>;
pub type DbConn = AnyConnection;

/// Errors from the persistence layer: the pool, the blocking thread pool or Diesel itself.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database query failed")]
    Query(#[from] diesel::result::Error),
    #[error("no database connection available")]
    Pool(#[from] r2d2::Error),
    #[error("the blocking thread pool is gone")]
    Canceled,
    /// A transaction gave up because something it needed was taken meanwhile (the name says
    /// what); it was rolled back and the caller turns this into a message.
    #[error("{0} was taken meanwhile")]
    Conflict(String),
    /// An error from a cached load, shared by every request that waited for it.
    #[error("{0}")]
    Shared(std::sync::Arc<DbError>),
}

impl DbError {
    /// A unique index refused the write: two saves raced for the same value, and the other won.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ))
        )
    }

    pub fn is_not_found(&self) -> bool {
        match self {
            DbError::Query(diesel::result::Error::NotFound) => true,
            DbError::Shared(inner) => inner.is_not_found(),
            _ => false,
        }
    }
}

/// Builds the pool and checks that one connection can be made, so a wrong URL fails at start-up.
pub fn build_pool(url: &DbUrl, size: u32) -> anyhow::Result<Pool> {
    use anyhow::Context;
    let manager = Manager::new(url.clone());
    // SQLite allows one writer at a time; more connections only help readers (WAL).
    r2d2::Pool::builder()
        .max_size(size.max(1))
        .connection_timeout(std::time::Duration::from_secs(10))
        .build(manager)
        .with_context(|| format!("could not connect to the database at {}", url.redacted()))
}

/// Runs the embedded migrations of the pool's backend.
pub fn migrate(pool: &Pool) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    let applied = match &mut *conn {
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
        AnyConnection::Pg(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("database migrations failed: {e}"))?;
    for m in applied {
        tracing::info!(migration = %m, "applied migration");
    }
    Ok(())
}

/// Runs `f` with a pooled connection on the blocking thread pool.
pub async fn run<T, F>(pool: &Pool, f: F) -> Result<T, DbError>
where
    F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    })
    .await
    .map_err(|_| DbError::Canceled)?
}

/// Runs `f` inside a write transaction on the blocking thread pool.
pub async fn run_write<T, F>(pool: &Pool, f: F) -> Result<T, DbError>
where
    F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
    T: Send + 'static,
{
    run(pool, move |conn| write_transaction(conn, f)).await
}

/// A transaction meant to write. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write lock
/// up front: a deferred transaction that reads and then writes fails with "database is locked" when
/// another writer got there first, and `busy_timeout` cannot help it.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    if !matches!(conn, AnyConnection::Sqlite(_)) {
        return conn.transaction(f);
    }
    if let AnyConnection::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    match f(conn) {
        Ok(value) => {
            if let Err(e) = <DbConn as Connection>::TransactionManager::commit_transaction(conn) {
                let _ = <DbConn as Connection>::TransactionManager::rollback_transaction(conn);
                return Err(e.into());
            }
            Ok(value)
        }
        Err(e) => {
            <DbConn as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(e)
        }
    }
}

/// True when the database answers a trivial query (used by `/readyz`).
pub fn ping(conn: &mut DbConn) -> Result<(), DbError> {
    diesel::sql_query("SELECT 1").execute(conn)?;
    Ok(())
}
