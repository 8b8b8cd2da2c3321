//! The connection type and the r2d2 manager that opens the right backend for a URL.

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

/// One connection to whichever backend the URL names.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// A parsed database URL: which backend and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    /// A file path (created when missing); `sqlite://data/duett.db` → `data/duett.db`.
    Sqlite(String),
    /// Passed as is to libpq.
    Postgres(String),
}

impl DbUrl {
    /// Accepts `sqlite://path`, `sqlite:path`, `postgres://…` and `postgresql://…`.
    pub fn parse(url: &str) -> Result<DbUrl, String> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(url.to_string()));
        }
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err("the sqlite URL has no file path; use sqlite://data/duett.db".into());
            }
            if path == ":memory:" {
                return Err("an in-memory SQLite database is not shared between pooled connections; use a file path".into());
            }
            return Ok(DbUrl::Sqlite(path.to_string()));
        }
        Err(format!(
            "unsupported database URL {:?}: use sqlite://path/to/file.db or postgres://user:password@host:port/database",
            redact(url)
        ))
    }

    /// The URL with any password hidden, for logs and error messages.
    pub fn redacted(&self) -> String {
        match self {
            DbUrl::Sqlite(path) => format!("sqlite://{path}"),
            DbUrl::Postgres(url) => redact(url),
        }
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, DbUrl::Sqlite(_))
    }
}

fn redact(url: &str) -> String {
    // scheme://user:password@host → scheme://user:***@host
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Per-connection SQLite settings for concurrent use: WAL lets readers run beside the one writer,
/// `busy_timeout` makes a second writer wait instead of failing, NORMAL sync is safe with WAL.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
    PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

/// r2d2 manager that opens an [`AnyConnection`] for a [`DbUrl`]. The derive's own `establish`
/// would guess the backend and hide the real connection error; this one does neither.
#[derive(Debug)]
pub struct Manager {
    url: DbUrl,
}

impl Manager {
    pub fn new(url: DbUrl) -> Manager {
        Manager { url }
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, Self::Error> {
        match &self.url {
            DbUrl::Sqlite(path) => {
                if let Some(dir) = std::path::Path::new(path).parent()
                    && !dir.as_os_str().is_empty()
                {
                    let _ = std::fs::create_dir_all(dir);
                }
                let mut conn = SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(AnyConnection::Sqlite(conn))
            }
            DbUrl::Postgres(url) => PgConnection::establish(url)
                .map(AnyConnection::Pg)
                .map_err(diesel::r2d2::Error::ConnectionError),
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut AnyConnection) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_the_backend_or_explain_the_accepted_forms() {
        let cases: &[(&str, Result<DbUrl, &str>)] = &[
            (
                "sqlite://data/duett.db",
                Ok(DbUrl::Sqlite("data/duett.db".into())),
            ),
            ("sqlite:/tmp/x.db", Ok(DbUrl::Sqlite("/tmp/x.db".into()))),
            (
                "postgres://u@h/db",
                Ok(DbUrl::Postgres("postgres://u@h/db".into())),
            ),
            (
                "postgresql://u@h/db",
                Ok(DbUrl::Postgres("postgresql://u@h/db".into())),
            ),
            ("mysql://u@h/db", Err("use sqlite://")),
            ("data/duett.db", Err("use sqlite://")),
            ("sqlite://", Err("no file path")),
            ("sqlite://:memory:", Err("in-memory")),
        ];
        for (input, expected) in cases {
            match (DbUrl::parse(input), expected) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{input}"),
                (Err(msg), Err(fragment)) => assert!(msg.contains(fragment), "{input}: {msg}"),
                (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn passwords_never_reach_the_logs() {
        let url = DbUrl::parse("postgres://shop:s3cret@db:5432/duett").unwrap();
        assert_eq!(url.redacted(), "postgres://shop:***@db:5432/duett");
        let err = DbUrl::parse("mysql://shop:s3cret@db/duett").unwrap_err();
        assert!(!err.contains("s3cret"));
    }
}
