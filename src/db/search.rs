//! Full-text product search, one function over both backends: SQLite FTS5 (`products_fts`, bm25
//! with name and SKU weighted highest) and Postgres (`products.search_document`, a weighted
//! tsvector with a GIN index, `ts_rank`). Both get the same safe terms from
//! [`SearchQuery`](crate::domain::search::SearchQuery); an exact SKU goes first.

use super::catalog::Audience;
use super::connection::AnyConnection;
use super::schema::products;
use super::{DbConn, DbError};
use crate::domain::search::SearchQuery;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Text};

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Double)]
    score: f64,
}

/// Matches are scored in windows of this many, in catalog order.
const WINDOW: i64 = 2_000;

/// After a full window, another is scored only while fewer than this many shown matches were
/// found (a query whose first matches are mostly products this storefront does not show).
const ENOUGH: usize = 240;

/// A query's results: shown product ids, best first.
#[derive(Debug, Default)]
pub struct Ranked {
    pub ids: Vec<i64>,
    /// More matched than were scored or kept: the list is the best of the first matches only.
    pub cut: bool,
}

/// How many matches are scored at most. Scoring reads every match's term positions, about 1–2 ms
/// per 1 000 matches on this machine, and a broad query ("a", "pro", a category word) matches tens
/// of thousands on a large catalog. So matches are scored a window at a time, in catalog order,
/// until [`ENOUGH`] of them are ones the storefront shows (or this many were scored): exact for
/// every query with at most one window of matches, the best of the first thousands for a broader
/// one — whose page says the list was cut and offers filters. Measured in docs/PERFORMANCE.md.
pub const SCORED_AT_MOST: i64 = 3 * WINDOW;

/// Ids of the products `audience` may see (`shown`, e.g. the storefront's listing set) that
/// match every term, best first, at most `limit` (see [`SCORED_AT_MOST`] for queries that match
/// very many).
pub fn ranked(
    conn: &mut DbConn,
    query: &SearchQuery,
    raw: &str,
    audience: Audience,
    shown: &dyn Fn(i64) -> bool,
    limit: i64,
) -> Result<Ranked, DbError> {
    if query.is_empty() {
        return Ok(Ranked::default());
    }
    let limit = usize::try_from(limit).unwrap_or(0);
    let mut hits: Vec<Hit> = Vec::new();
    let mut after = 0_i64;
    let mut scored = 0_i64;
    let cut = loop {
        let window: Vec<Hit> = match &mut *conn {
            // bm25 is lower for better matches; FTS5 hands out matches in rowid order, so a
            // window continues after the last rowid of the one before.
            AnyConnection::Sqlite(c) => diesel::sql_query(
                "SELECT rowid AS id, -bm25(products_fts, 10.0, 8.0, 4.0, 3.0, 1.0) AS score \
                 FROM products_fts WHERE products_fts MATCH ? AND rowid > ? \
                 ORDER BY rowid LIMIT ?",
            )
            .bind::<Text, _>(query.to_fts5())
            .bind::<BigInt, _>(after)
            .bind::<BigInt, _>(WINDOW)
            .load(c)?,
            AnyConnection::Pg(c) => {
                let [a, b] = audience.codes();
                // The window's ids first, then the rank of just those.
                diesel::sql_query(
                    "SELECT id, ts_rank(search_document, to_tsquery('simple', $1))::float8 AS score \
                     FROM products WHERE id IN (\
                       SELECT id FROM products \
                       WHERE search_document @@ to_tsquery('simple', $1) AND id > $2 AND active \
                         AND audience IN ($3, $4) \
                       ORDER BY id LIMIT $5) \
                     ORDER BY id",
                )
                .bind::<Text, _>(query.to_tsquery())
                .bind::<BigInt, _>(after)
                .bind::<Text, _>(a)
                .bind::<Text, _>(b)
                .bind::<BigInt, _>(WINDOW)
                .load(c)?
            }
        };
        let read = window.len() as i64;
        scored += read;
        if let Some(last) = window.last() {
            after = last.id;
        }
        hits.extend(window.into_iter().filter(|h| shown(h.id)));
        if read < WINDOW {
            break false;
        }
        if hits.len() >= ENOUGH || scored >= SCORED_AT_MOST {
            break true;
        }
    };
    let cut = cut || hits.len() > limit;
    hits.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.id.cmp(&y.id)));
    let mut ids: Vec<i64> = hits.into_iter().take(limit).map(|h| h.id).collect();
    // Someone who types a SKU wants that product first.
    let sku = raw.trim().to_ascii_uppercase();
    if (2..=32).contains(&sku.len()) {
        let exact: Option<i64> = products::table
            .filter(products::sku.eq(&sku))
            .select(products::id)
            .first(conn)
            .optional()?;
        if let Some(id) = exact.filter(|id| shown(*id)) {
            ids.retain(|x| *x != id);
            ids.insert(0, id);
            ids.truncate(limit);
        }
    }
    Ok(Ranked { ids, cut })
}
