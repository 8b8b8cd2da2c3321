//! Reviews on a product page: the summary and list (from the shared product cache), the signed-in
//! consumer's own review and form. The actions are in `review_actions`.

use crate::auth::Principal;
use crate::db;
use crate::db::cache::{ProductPage, REVIEWS_SHOWN};
use crate::db::reviews::Published;
use crate::domain::reviews::ReviewSort;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::views::paragraphs;
use crate::web::{PageContext, url_encode};
use std::borrow::Cow;
use std::collections::HashMap;

/// What only this viewer sees: their own review and the reviews they found helpful.
#[derive(Default)]
pub struct Personal {
    pub own: Option<db::reviews::Own>,
    pub voted: Vec<i64>,
    pub can_vote: bool,
}

/// Which reviews a product page lists: the order and the page (of `REVIEWS_SHOWN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewList {
    pub sort: ReviewSort,
    pub page: i64,
}

impl ReviewList {
    pub const FIRST: ReviewList = ReviewList {
        sort: ReviewSort::Newest,
        page: 1,
    };

    /// From `?reviews=helpful&reviews_page=2`; anything else means the first page, newest first.
    pub fn parse(sort: &str, page: &str) -> ReviewList {
        ReviewList {
            sort: ReviewSort::parse(sort),
            page: page
                .parse()
                .ok()
                .filter(|p| (1..=10_000).contains(p))
                .unwrap_or(1),
        }
    }

    /// The same list, on a page that exists for `total` reviews.
    pub fn clamped(self, total: i64) -> ReviewList {
        let pages = ((total + REVIEWS_SHOWN - 1) / REVIEWS_SHOWN).max(1);
        ReviewList {
            page: self.page.clamp(1, pages),
            ..self
        }
    }

    fn url(self, slug: &str, page: i64) -> String {
        let mut params = Vec::new();
        if self.sort == ReviewSort::Helpful {
            params.push("reviews=helpful".to_string());
        }
        if page > 1 {
            params.push(format!("reviews_page={page}"));
        }
        if params.is_empty() {
            format!("/products/{slug}#reviews")
        } else {
            format!("/products/{slug}?{}#reviews", params.join("&"))
        }
    }
}

/// The reviews a product page lists: the first page comes with the shared product data, later
/// pages are read for the request.
pub async fn shown<'a>(
    state: &AppState,
    page: &'a ProductPage,
    list: ReviewList,
) -> Result<Cow<'a, [Published]>, AppError> {
    if list.page <= 1 {
        return Ok(Cow::Borrowed(match list.sort {
            ReviewSort::Newest => &page.newest_reviews,
            ReviewSort::Helpful => &page.helpful_reviews,
        }));
    }
    let id = page.detail.card.id;
    let offset = (list.page - 1) * REVIEWS_SHOWN;
    let rows = db::run(&state.pool, move |c| {
        db::reviews::published(c, id, list.sort, REVIEWS_SHOWN, offset)
    })
    .await?;
    Ok(Cow::Owned(rows))
}

/// The reviews part of a product page as the viewer sees it: the list asked for (within the
/// pages there are), their own review and votes, and the form as sent back.
pub async fn for_viewer(
    state: &AppState,
    ctx: &PageContext,
    page: &ProductPage,
    list: ReviewList,
    sent: Option<ReviewForm>,
) -> Result<ReviewsView, AppError> {
    let list = list.clamped(page.distribution.iter().sum());
    let shown = shown(state, page, list).await?;
    let reviewer = match &ctx.principal {
        Principal::Consumer(u) => Some(u.id),
        _ => None,
    };
    let voter = ctx.principal.user().map(|u| u.id);
    let personal = personal(state, page.detail.card.id, reviewer, voter, &shown).await?;
    Ok(ReviewsView::new(ctx, page, list, &shown, personal, sent))
}

/// "Rated 4.3 of 5" and "12 reviews", when there are approved reviews.
pub struct RatingView {
    pub average: String,
    pub count_label: String,
}

impl RatingView {
    pub fn of(page: &ProductPage, locale: Locale) -> Option<RatingView> {
        average_rating(page).map(|a| RatingView {
            average: if locale.code() == "sv" {
                a.replace('.', ",")
            } else {
                a
            },
            count_label: locale.t_count("review-count", page.rating.0),
        })
    }
}

/// "4.3" from the product's approved reviews, when it has any.
pub fn average_rating(page: &ProductPage) -> Option<String> {
    let (reviews, stars) = page.rating;
    (reviews > 0).then(|| {
        let tenths = (stars * 10 + reviews / 2) / reviews;
        format!("{}.{}", tenths / 10, tenths % 10)
    })
}

/// What `shared/reviews.html` reads of a product page.
struct ReviewsOf<'a> {
    rating: &'a Option<RatingView>,
    reviews: &'a ReviewsView,
}

/// A product page's reviews section on its own, for the hole a shared page leaves for it.
#[derive(askama::Template)]
#[template(path = "shared/reviews.html")]
struct ReviewsSection<'a> {
    ctx: &'a PageContext,
    v: ReviewsOf<'a>,
}

pub fn section(
    ctx: &PageContext,
    rating: &Option<RatingView>,
    reviews: &ReviewsView,
) -> Result<String, AppError> {
    use askama::Template;
    ReviewsSection {
        ctx,
        v: ReviewsOf { rating, reviews },
    }
    .render()
    .map_err(|e| AppError::Internal(e.into()))
}

/// Reads the viewer's own review and votes (no database hop for visitors).
pub async fn personal(
    state: &AppState,
    product_id: i64,
    reviewer: Option<i64>,
    voter: Option<i64>,
    shown: &[Published],
) -> Result<Personal, AppError> {
    let Some(voter) = voter else {
        return Ok(Personal::default());
    };
    let cache = state.cache.clone();
    let mine = match cache.peek_reviews_mine(voter, product_id) {
        Some(kept) => kept,
        None => {
            let writes = reviewer.is_some();
            db::run(&state.pool, move |c| {
                cache.reviews_mine(c, voter, product_id, writes)
            })
            .await?
        }
    };
    Ok(Personal {
        own: mine.own.clone(),
        voted: shown
            .iter()
            .map(|r| r.id)
            .filter(|id| mine.voted.contains(id))
            .collect(),
        can_vote: true,
    })
}

/// The review form as shown: empty, the person's saved review, or what they sent with problems.
#[derive(Default)]
pub struct ReviewForm {
    pub rating: String,
    pub title: String,
    pub body: String,
    pub errors: HashMap<&'static str, String>,
}

impl ReviewForm {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
}

pub struct StarOption {
    pub value: u8,
    pub label: String,
    pub checked: bool,
}

pub struct Bar {
    pub stars: u8,
    pub label: String,
    pub count: i64,
    pub percent: i64,
}

pub struct ReviewItem {
    pub id: i64,
    pub stars: String,
    pub stars_label: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub author: String,
    pub date: String,
    pub verified: bool,
    pub helpful_label: String,
    pub can_vote: bool,
    pub voted: bool,
}

pub struct ReviewPageLink {
    pub number: i64,
    pub url: String,
    pub current: bool,
}

pub struct ReviewsView {
    pub total_label: String,
    /// Links to the pages of reviews, when there is more than one.
    pub pages: Vec<ReviewPageLink>,
    pub bars: Vec<Bar>,
    pub sort_helpful: bool,
    pub newest_url: String,
    pub helpful_url: String,
    pub items: Vec<ReviewItem>,
    /// The form, for signed-in consumers.
    pub form: Option<ReviewForm>,
    pub form_action: String,
    pub stars: Vec<StarOption>,
    /// "Your review is waiting for moderation" and the like.
    pub own_status: Option<String>,
    /// Where visitors sign in to write one.
    pub sign_in_url: Option<String>,
}

/// The first name only: reviews do not publish full names.
fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

impl ReviewsView {
    pub fn new(
        ctx: &PageContext,
        page: &ProductPage,
        list: ReviewList,
        shown: &[Published],
        personal: Personal,
        sent: Option<ReviewForm>,
    ) -> ReviewsView {
        let sort = list.sort;
        let locale = ctx.locale;
        let slug = &page.detail.card.slug;
        let total: i64 = page.distribution.iter().sum();
        let me = ctx.principal.user().map(|u| u.id);
        let items = shown
            .iter()
            .map(|r| ReviewItem {
                id: r.id,
                stars: "★".repeat(usize::try_from(r.rating).unwrap_or(0)),
                stars_label: locale.t_count("rating-out-of-five", i64::from(r.rating)),
                title: r.title.clone(),
                paragraphs: paragraphs(&r.body, "\n"),
                author: first_name(&r.author),
                date: locale.date(r.created_at),
                verified: r.verified_buyer,
                helpful_label: locale.t_count("review-helpful-count", i64::from(r.helpful_count)),
                can_vote: personal.can_vote && me != Some(r.user_id),
                voted: personal.voted.contains(&r.id),
            })
            .collect();
        let is_consumer = matches!(ctx.principal, Principal::Consumer(_));
        let own_status = personal.own.as_ref().map(|o| match o.status.as_str() {
            "approved" => locale.t("review-status-approved"),
            "rejected" => locale.t_args(
                "review-status-rejected",
                &[("reason", o.rejection_reason.clone())],
            ),
            _ => locale.t("review-status-pending"),
        });
        let form = is_consumer.then(|| {
            sent.unwrap_or_else(|| match &personal.own {
                Some(o) => ReviewForm {
                    rating: o.rating.to_string(),
                    title: o.title.clone(),
                    body: o.body.clone(),
                    errors: HashMap::new(),
                },
                None => ReviewForm::default(),
            })
        });
        let chosen = form.as_ref().map(|f| f.rating.clone()).unwrap_or_default();
        ReviewsView {
            total_label: locale.t_count("review-count", total),
            bars: (1..=5u8)
                .rev()
                .map(|stars| {
                    let count = page.distribution[usize::from(stars - 1)];
                    Bar {
                        stars,
                        label: locale.t_count("rating-out-of-five", i64::from(stars)),
                        count,
                        percent: if total > 0 { count * 100 / total } else { 0 },
                    }
                })
                .collect(),
            sort_helpful: sort == ReviewSort::Helpful,
            pages: {
                let pages = ((total + REVIEWS_SHOWN - 1) / REVIEWS_SHOWN).max(1);
                if pages > 1 {
                    (1..=pages)
                        .map(|n| ReviewPageLink {
                            number: n,
                            url: list.url(slug, n),
                            current: n == list.page,
                        })
                        .collect()
                } else {
                    Vec::new()
                }
            },
            newest_url: format!("/products/{slug}#reviews"),
            helpful_url: format!("/products/{slug}?reviews=helpful#reviews"),
            items,
            stars: (1..=5u8)
                .rev()
                .map(|value| StarOption {
                    value,
                    label: locale.t_count("rating-out-of-five", i64::from(value)),
                    checked: chosen == value.to_string(),
                })
                .collect(),
            form,
            form_action: format!("/products/{slug}/review"),
            own_status,
            sign_in_url: (!ctx.principal.is_signed_in()).then(|| {
                format!(
                    "/login?next={}",
                    url_encode(&format!("/products/{slug}#reviews"))
                )
            }),
        }
    }
}
