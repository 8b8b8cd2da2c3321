//! Acting for a company buyer: `GET /admin/act-for` finds company people (by name, e-mail or
//! company), `POST /admin/act-for` (`user_id`, `company_id`) starts acting for one — the portal
//! then shows their prices, cart, lists, quotes and orders under a banner — and `POST
//! /act-for/stop` ends it. Administrators and sales representatives. Starting, stopping and
//! every change made meanwhile are audited (`auth::acting`).

use super::nav::{self, NavItem};
use crate::auth::{Principal, StaffUser, session};
use crate::db::{self, audit};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, see_other};
use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/act-for";
const LIMIT: i64 = 100;

pub struct PersonView {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub company_id: i64,
    pub company: String,
    pub role: String,
    pub button: String,
}

#[derive(Template)]
#[template(path = "admin/act_for.html")]
pub struct ActForPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub people: Vec<PersonView>,
}

#[derive(Deserialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// `GET /admin/act-for`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let q: String = query.into_inner().q.trim().chars().take(100).collect();
    let search = q.clone();
    let people = db::run(&state.pool, move |c| {
        db::users::company_people(c, &search, LIMIT)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    render(&ActForPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        people: people
            .into_iter()
            .map(|p| PersonView {
                role: ctx.t(&format!("company-role-{}", p.role)),
                button: ctx
                    .locale
                    .t_args("admin-act-for-button", &[("name", p.name.clone())]),
                user_id: p.user_id,
                name: p.name,
                email: p.email,
                company_id: p.company_id,
                company: p.company,
            })
            .collect(),
        q,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct StartForm {
    user_id: i64,
    company_id: i64,
}

/// `POST /admin/act-for`.
pub async fn start(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<StartForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let StartForm {
        user_id,
        company_id,
    } = form.into_inner();
    let actor = staff.user.id;
    let items = db::run_write(&state.pool, move |c| {
        let Some(person) = db::users::active_member(c, user_id, company_id)? else {
            return Ok(None);
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "act_for_start",
                subject_type: "user",
                subject_id: &user_id.to_string(),
                before: None,
                after: Some(&format!("{} ({})", person.email, person.company)),
            },
        )?;
        let owner = db::carts::Owner::Person {
            user_id,
            company_id: Some(company_id),
        };
        Ok(Some(match db::carts::find(c, &owner)? {
            Some(cart) => db::carts::items(c, cart)?,
            None => 0,
        }))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    session::start_acting(&session, user_id, company_id, items).map_err(AppError::Internal)?;
    Ok(see_other("/"))
}

/// `POST /act-for/stop`: back to the staff member's own admin pages.
pub async fn stop(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (Some(staff), Some(user)) = (principal.acting(), principal.user()) else {
        // Not acting (any more): nothing to stop.
        session::stop_acting(&session);
        return Ok(see_other("/"));
    };
    let (actor, subject) = (staff.id, user.id.to_string());
    db::run_write(&state.pool, move |c| {
        audit::log(c, Some(actor), "act_for_stop", "user", &subject)
    })
    .await?;
    session::stop_acting(&session);
    Ok(see_other(PATH))
}
