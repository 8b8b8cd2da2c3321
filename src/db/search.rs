//! Full-text product search, one function over both backends: SQLite FTS5 (`products_fts`, bm25
//! with name and SKU weighted highest) and Postgres (`products.search_document`, a weighted
//! tsvector with a GIN index, `ts_rank`). Both get the same safe terms from
//! [`SearchQuery`](crate::domain::search::SearchQuery); an exact SKU goes first.

use super::connection::AnyConnection;
use super::schema::products;
use super::{DbConn, DbError};
use crate::domain::search::SearchQuery;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Active and inactive product ids matching every term, best first, at most `limit`. The caller
/// drops the products its audience may not see.
pub fn ranked_ids(
    conn: &mut DbConn,
    query: &SearchQuery,
    raw: &str,
    limit: i64,
) -> Result<Vec<i64>, DbError> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let hits: Vec<Hit> = match &mut *conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT rowid AS id FROM products_fts WHERE products_fts MATCH ? \
             ORDER BY bm25(products_fts, 10.0, 8.0, 4.0, 1.0), rowid LIMIT ?",
        )
        .bind::<Text, _>(query.to_fts5())
        .bind::<BigInt, _>(limit)
        .load(c)?,
        AnyConnection::Pg(c) => diesel::sql_query(
            "SELECT id FROM products, to_tsquery('simple', $1) AS q \
             WHERE search_document @@ q \
             ORDER BY ts_rank(search_document, q) DESC, id LIMIT $2",
        )
        .bind::<Text, _>(query.to_tsquery())
        .bind::<BigInt, _>(limit)
        .load(c)?,
    };
    let mut ids: Vec<i64> = hits.into_iter().map(|h| h.id).collect();
    // Someone who types a SKU wants that product first.
    let sku = raw.trim().to_ascii_uppercase();
    if (2..=32).contains(&sku.len()) {
        let exact: Option<i64> = products::table
            .filter(products::sku.eq(&sku))
            .select(products::id)
            .first(conn)
            .optional()?;
        if let Some(id) = exact {
            ids.retain(|x| *x != id);
            ids.insert(0, id);
        }
    }
    Ok(ids)
}
