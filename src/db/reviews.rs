//! Product reviews: what a product page lists, one review per person and product (editing sends
//! it back to moderation), "was this helpful" votes (one per person), and the moderation queue.

use super::schema::{order_lines, orders, products, review_votes, reviews, users};
use super::{DbConn, DbError};
use crate::domain::reviews::{ReviewDraft, ReviewSort};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// An approved review as a product page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct Published {
    pub id: i64,
    pub user_id: i64,
    pub author: String,
    pub rating: i16,
    pub title: String,
    pub body: String,
    pub verified_buyer: bool,
    pub helpful_count: i32,
    pub created_at: NaiveDateTime,
}

/// Approved reviews of a product, in the order asked for, at most `limit` after skipping `offset`.
pub fn published(
    conn: &mut DbConn,
    product_id: i64,
    sort: ReviewSort,
    limit: i64,
    offset: i64,
) -> Result<Vec<Published>, DbError> {
    let query = reviews::table
        .inner_join(users::table)
        .filter(reviews::product_id.eq(product_id))
        .filter(reviews::status.eq("approved"))
        .select((
            reviews::id,
            reviews::user_id,
            users::name,
            reviews::rating,
            reviews::title,
            reviews::body,
            reviews::verified_buyer,
            reviews::helpful_count,
            reviews::created_at,
        ))
        .limit(limit)
        .offset(offset);
    Ok(match sort {
        ReviewSort::Newest => query
            .order((reviews::created_at.desc(), reviews::id.desc()))
            .load(conn)?,
        ReviewSort::Helpful => query
            .order((
                reviews::helpful_count.desc(),
                reviews::created_at.desc(),
                reviews::id.desc(),
            ))
            .load(conn)?,
    })
}

/// How many approved reviews gave 1, 2, 3, 4 and 5 stars.
pub fn distribution(conn: &mut DbConn, product_id: i64) -> Result<[i64; 5], DbError> {
    let stars: Vec<i16> = reviews::table
        .filter(reviews::product_id.eq(product_id))
        .filter(reviews::status.eq("approved"))
        .select(reviews::rating)
        .load(conn)?;
    let mut out = [0i64; 5];
    for s in stars {
        if let Some(slot) = usize::try_from(s - 1).ok().and_then(|i| out.get_mut(i)) {
            *slot += 1;
        }
    }
    Ok(out)
}

/// The viewer's own review of a product, whatever its status.
#[derive(Debug, Clone, Queryable)]
pub struct Own {
    pub id: i64,
    pub rating: i16,
    pub title: String,
    pub body: String,
    pub status: String,
    pub rejection_reason: String,
}

pub fn own(conn: &mut DbConn, product_id: i64, user_id: i64) -> Result<Option<Own>, DbError> {
    Ok(reviews::table
        .filter(reviews::product_id.eq(product_id))
        .filter(reviews::user_id.eq(user_id))
        .select((
            reviews::id,
            reviews::rating,
            reviews::title,
            reviews::body,
            reviews::status,
            reviews::rejection_reason,
        ))
        .first(conn)
        .optional()?)
}

/// A person's part of a product's reviews: their own review (for consumers, who may write one)
/// and the ids of the product's reviews they voted helpful.
#[derive(Debug, Clone, Default)]
pub struct Mine {
    pub own: Option<Own>,
    pub voted: Vec<i64>,
}

pub fn mine(
    conn: &mut DbConn,
    product_id: i64,
    user_id: i64,
    writes_reviews: bool,
) -> Result<Mine, DbError> {
    Ok(Mine {
        own: if writes_reviews {
            own(conn, product_id, user_id)?
        } else {
            None
        },
        voted: review_votes::table
            .inner_join(reviews::table)
            .filter(review_votes::user_id.eq(user_id))
            .filter(reviews::product_id.eq(product_id))
            .select(review_votes::review_id)
            .load(conn)?,
    })
}

/// Whether the user has bought the product (an order that was not cancelled).
pub fn has_bought(conn: &mut DbConn, user_id: i64, product_id: i64) -> Result<bool, DbError> {
    let n: i64 = order_lines::table
        .inner_join(orders::table)
        .filter(orders::user_id.eq(user_id))
        .filter(orders::status.ne("cancelled"))
        .filter(order_lines::product_id.eq(product_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Writes the user's review of a product (new, or replacing theirs), waiting for moderation.
pub fn save(
    conn: &mut DbConn,
    product_id: i64,
    user_id: i64,
    draft: &ReviewDraft,
    verified_buyer: bool,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    if let Some(existing) = own(conn, product_id, user_id)? {
        diesel::update(reviews::table.find(existing.id))
            .set((
                reviews::rating.eq(draft.rating),
                reviews::title.eq(&draft.title),
                reviews::body.eq(&draft.body),
                reviews::status.eq("pending"),
                reviews::rejection_reason.eq(""),
                reviews::verified_buyer.eq(verified_buyer),
                reviews::updated_at.eq(now),
            ))
            .execute(conn)?;
        return Ok(existing.id);
    }
    Ok(diesel::insert_into(reviews::table)
        .values((
            reviews::product_id.eq(product_id),
            reviews::user_id.eq(user_id),
            reviews::rating.eq(draft.rating),
            reviews::title.eq(&draft.title),
            reviews::body.eq(&draft.body),
            reviews::verified_buyer.eq(verified_buyer),
            reviews::created_at.eq(now),
            reviews::updated_at.eq(now),
        ))
        .returning(reviews::id)
        .get_result(conn)?)
}

/// Why a helpful vote was not counted.
#[derive(Debug, PartialEq, Eq)]
pub enum Vote {
    Counted,
    AlreadyVoted,
    OwnReview,
    /// No approved review with that id.
    NotFound,
}

/// Counts the user's "helpful" vote on an approved review, once.
pub fn vote_helpful(
    conn: &mut DbConn,
    review_id: i64,
    user_id: i64,
    now: NaiveDateTime,
) -> Result<(Vote, String), DbError> {
    let Some((author, slug)) = reviews::table
        .inner_join(products::table)
        .filter(reviews::id.eq(review_id))
        .filter(reviews::status.eq("approved"))
        .select((reviews::user_id, products::slug))
        .first::<(i64, String)>(conn)
        .optional()?
    else {
        return Ok((Vote::NotFound, String::new()));
    };
    if author == user_id {
        return Ok((Vote::OwnReview, slug));
    }
    // Runs in a write transaction (one writer at a time on SQLite); the primary key on
    // (review, user) refuses a second vote should two ever race on Postgres.
    let before: i64 = review_votes::table
        .filter(review_votes::review_id.eq(review_id))
        .filter(review_votes::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    if before > 0 {
        return Ok((Vote::AlreadyVoted, slug));
    }
    diesel::insert_into(review_votes::table)
        .values((
            review_votes::review_id.eq(review_id),
            review_votes::user_id.eq(user_id),
            review_votes::created_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(reviews::table.find(review_id))
        .set(reviews::helpful_count.eq(reviews::helpful_count + 1))
        .execute(conn)?;
    Ok((Vote::Counted, slug))
}

/// A review waiting for a moderator.
#[derive(Debug, Clone, Queryable)]
pub struct Pending {
    pub id: i64,
    pub product_name: String,
    pub product_slug: String,
    pub author: String,
    pub author_email: String,
    pub rating: i16,
    pub title: String,
    pub body: String,
    pub verified_buyer: bool,
    pub updated_at: NaiveDateTime,
}

/// Reviews waiting for moderation, oldest first.
pub fn pending(
    conn: &mut DbConn,
    filter: &PendingFilter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Pending>, bool), DbError> {
    let mut q = reviews::table
        .inner_join(products::table)
        .inner_join(users::table)
        .filter(reviews::status.eq("pending"))
        .into_boxed();
    if let Some(stars) = filter.stars {
        q = q.filter(reviews::rating.eq(stars));
    }
    let words = filter.query.trim().to_lowercase();
    if !words.is_empty() {
        let like = super::contains_pattern(&words);
        q = q.filter(
            super::lower(products::name)
                .like(like.clone())
                .or(super::lower(products::sku).like(like.clone()))
                .or(super::lower(users::email).like(like)),
        );
    }
    let mut rows: Vec<Pending> = q
        .order((reviews::updated_at.asc(), reviews::id.asc()))
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
        .select((
            reviews::id,
            products::name,
            products::slug,
            users::name,
            users::email,
            reviews::rating,
            reviews::title,
            reviews::body,
            reviews::verified_buyer,
            reviews::updated_at,
        ))
        .load(conn)?;
    let more = rows.len() as i64 > per_page;
    rows.truncate(usize::try_from(per_page).unwrap_or(0));
    Ok((rows, more))
}

/// What the moderation queue is narrowed to: words in the product's name or SKU or the
/// reviewer's e-mail, and a star rating.
#[derive(Debug, Clone, Default)]
pub struct PendingFilter {
    pub query: String,
    pub stars: Option<i16>,
}

/// Approves, or rejects with a reason, a pending review. False when it is not pending (any more).
pub fn decide(
    conn: &mut DbConn,
    review_id: i64,
    approve: bool,
    reason: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        reviews::table
            .find(review_id)
            .filter(reviews::status.eq("pending")),
    )
    .set((
        reviews::status.eq(if approve { "approved" } else { "rejected" }),
        reviews::rejection_reason.eq(if approve { "" } else { reason }),
        reviews::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}
