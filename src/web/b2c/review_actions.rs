//! The review actions: `POST /products/{slug}/review` (write or edit; it waits for moderation) and
//! `POST /reviews/{id}/helpful` (one vote per person).

use super::product;
use super::reviews::{ReviewForm, ReviewList};
use crate::auth::{Principal, session};
use crate::db::{self, audit, reviews::Vote};
use crate::domain::catalog::Slug;
use crate::domain::reviews::ReviewDraft;
use crate::error::AppError;
use crate::startup::AppState;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ReviewInput {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

/// `POST /products/{slug}/review`: signed-in consumers only; one review per person and product.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    slug: web::Path<String>,
    form: web::Form<ReviewInput>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .storefront_forms_ip
        .check(&crate::web::client_ip(&req))?;
    let slug = Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let back = format!("/products/{}", slug.as_str());
    let user_id = match Principal::of(&req).await? {
        Principal::Consumer(u) => u.id,
        Principal::Anonymous => return Err(AppError::SignInRequired(back)),
        _ => return Err(AppError::Forbidden),
    };
    let input = form.into_inner();
    let draft = match ReviewDraft::parse(&input.rating, &input.title, &input.body) {
        Ok(d) => d,
        Err(problems) => {
            let principal = Principal::of(&req).await?;
            let locale =
                crate::web::context::request_locale(&req, &principal, state.default_locale);
            let sent = ReviewForm {
                errors: problems
                    .into_iter()
                    .map(|p| (p.field(), locale.t(p.message_key())))
                    .collect(),
                rating: input.rating,
                title: input.title,
                body: input.body,
            };
            let forms = product::SentForms {
                review: Some(sent),
                ..Default::default()
            };
            return product::page(
                &req,
                &state,
                slug.as_str(),
                ReviewList::FIRST,
                forms,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let now = chrono::Utc::now().naive_utc();
    let wanted = slug.as_str().to_string();
    db::run_write(&state.pool, move |c| {
        let Some(product) =
            db::catalog::product_by_slug(c, &wanted, db::catalog::Audience::Consumers)?
        else {
            return Err(diesel::result::Error::NotFound.into());
        };
        let id = product.card.id;
        let verified = db::reviews::has_bought(c, user_id, id)?;
        let review = db::reviews::save(c, id, user_id, &draft, verified, now)?;
        audit::log(
            c,
            Some(user_id),
            "review_written",
            "review",
            &review.to_string(),
        )
    })
    .await?;
    // An edited review leaves the page at once (it waits for moderation again).
    state.cache.forget_product(slug.as_str());
    state.cache.forget_reviews_mine(user_id);
    session::flash(&session, "review-thanks");
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("{back}#reviews")))
        .finish())
}

/// `POST /reviews/{id}/helpful`: any signed-in person, once per review, never on their own.
pub async fn helpful(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let Some(user_id) = principal.user().map(|u| u.id) else {
        return Err(AppError::SignInRequired("/".into()));
    };
    let id = id.into_inner();
    let now = chrono::Utc::now().naive_utc();
    let (vote, slug) = db::run_write(&state.pool, move |c| {
        db::reviews::vote_helpful(c, id, user_id, now)
    })
    .await?;
    let key = match vote {
        Vote::NotFound => return Err(AppError::NotFound),
        Vote::Counted => "review-vote-thanks",
        Vote::AlreadyVoted => "review-vote-already",
        Vote::OwnReview => "review-vote-own",
    };
    if vote == Vote::Counted {
        state.cache.forget_product(&slug);
        state.cache.forget_reviews_mine(user_id);
    }
    session::flash(&session, key);
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/products/{slug}#review-{id}")))
        .finish())
}
