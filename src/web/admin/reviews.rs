//! `GET /admin/reviews?q=&stars=&page=` (the moderation queue, oldest first, searched by product
//! name, SKU or the reviewer's e-mail, filtered by stars, 50 a page) and the decisions
//! `POST /admin/reviews/{id}/approve` and `…/reject` (with a reason the reviewer sees), and
//! `POST /admin/reviews/bulk` (`ids`, repeated; `action` = approve | reject; one `reason` for
//! every rejected review; `back`) for the reviews ticked on the page.
//! Administrators, catalog managers and support agents.

use super::nav::{self, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::views::paragraphs;
use crate::web::{PageContext, render};
use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/reviews";

pub struct PendingView {
    pub id: i64,
    pub product: String,
    pub product_url: String,
    pub author: String,
    pub stars_label: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub verified: bool,
    pub received: String,
}

#[derive(Template)]
#[template(path = "admin/reviews.html")]
pub struct ReviewsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub stars: Vec<OptionView>,
    pub reviews: Vec<PendingView>,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// This page's address (a bulk decision comes back to it).
    pub here: String,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    stars: String,
    #[serde(default)]
    page: Option<i64>,
}

const PER_PAGE: i64 = 50;
const STARS: [&str; 5] = ["1", "2", "3", "4", "5"];

/// `GET /admin/reviews`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let q: String = query.q.trim().chars().take(100).collect();
    let stars = STARS.iter().find(|s| **s == query.stars).copied();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let filter = db::reviews::PendingFilter {
        query: q.clone(),
        stars: stars.and_then(|s| s.parse().ok()),
    };
    let (pending, more) = db::run(&state.pool, move |c| {
        db::reviews::pending(c, &filter, page, PER_PAGE)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let reviews = pending
        .into_iter()
        .map(|r| PendingView {
            id: r.id,
            product_url: format!("/products/{}", r.product_slug),
            product: r.product_name,
            author: format!("{} <{}>", r.author, r.author_email),
            stars_label: ctx
                .locale
                .t_count("rating-out-of-five", i64::from(r.rating)),
            title: r.title,
            paragraphs: paragraphs(&r.body, "\n"),
            verified: r.verified_buyer,
            received: ctx.locale.date(r.updated_at),
        })
        .collect();
    let link = |p: i64| {
        format!(
            "{PATH}?q={}&stars={}&page={p}",
            crate::web::url_encode(&q),
            stars.unwrap_or_default()
        )
    };
    let (prev, next) = (
        (page > 1).then(|| link(page - 1)),
        more.then(|| link(page + 1)),
    );
    render(&ReviewsPage {
        here: link(page),
        nav: nav::menu(&ctx, staff.role, PATH),
        stars: nav::filter_options(&ctx, stars, &STARS, |s| {
            ctx.locale
                .t_count("rating-out-of-five", s.parse().unwrap_or(0))
        }),
        reviews,
        prev,
        next,
        q,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

fn back() -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, PATH))
        .finish()
}

/// Decides the waiting reviews among `ids` in one transaction; how many were still waiting.
async fn decide(
    staff: &StaffUser,
    state: &AppState,
    ids: Vec<i64>,
    approve: bool,
    reason: String,
) -> Result<usize, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let actor = staff.user.id;
    let done = db::run_write(&state.pool, move |c| {
        let mut done = 0;
        for id in ids {
            if !db::reviews::decide(c, id, approve, &reason, now)? {
                continue;
            }
            done += 1;
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: if approve {
                        "review_approved"
                    } else {
                        "review_rejected"
                    },
                    subject_type: "review",
                    subject_id: &id.to_string(),
                    before: None,
                    after: (!approve).then_some(reason.as_str()),
                },
            )?;
        }
        Ok(done)
    })
    .await?;
    // Ratings and review lists show the decision at once.
    state.cache.clear();
    Ok(done)
}

/// `POST /admin/reviews/{id}/approve`.
pub async fn approve(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let done = decide(&staff, &state, vec![id.into_inner()], true, String::new()).await? > 0;
    session::flash(
        &session,
        if done {
            "admin-review-approved"
        } else {
            "admin-review-gone"
        },
    );
    Ok(back())
}

/// `POST /admin/reviews/{id}/reject`: a reason is required; the reviewer sees it.
pub async fn reject(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
    form: web::Form<RejectForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let reason: String = form.into_inner().reason.trim().chars().take(500).collect();
    if reason.is_empty() {
        session::flash(&session, "admin-review-reason-missing");
        return Ok(back());
    }
    let done = decide(&staff, &state, vec![id.into_inner()], false, reason).await? > 0;
    session::flash(
        &session,
        if done {
            "admin-review-rejected"
        } else {
            "admin-review-gone"
        },
    );
    Ok(back())
}

/// `POST /admin/reviews/bulk`.
pub async fn bulk(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = nav::Bulk::of(form.into_inner());
    let approve = match form.field("action") {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::BadRequest("unknown bulk action".into())),
    };
    let reason: String = form.field("reason").trim().chars().take(500).collect();
    let back = crate::web::see_other(form.back(PATH));
    if form.ids.is_empty() {
        session::flash(&session, "bulk-none-ticked");
        return Ok(back);
    }
    if !approve && reason.is_empty() {
        session::flash(&session, "admin-review-reason-missing");
        return Ok(back);
    }
    let done = decide(&staff, &state, form.ids, approve, reason).await?;
    session::flash_count(
        &session,
        if approve {
            "reviews-bulk-approved"
        } else {
            "reviews-bulk-rejected"
        },
        done,
    );
    Ok(back)
}
