//! Testimonials for administrators and catalog managers: `GET /admin/testimonials` (all, in the
//! order the homes show them), `GET /admin/testimonials/new`, `POST /admin/testimonials`,
//! `GET|POST /admin/testimonials/{id}` (`action` = save | delete). Checked as a whole
//! (`domain::testimonial_form`), audited; the consumer home follows at once.

use super::nav::{self, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, testimonials as store};
use crate::domain::testimonial_form::{self as rules, AUDIENCES, Input};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::views::Choice;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/testimonials";

fn audience_label(ctx: &PageContext, a: &str) -> String {
    ctx.t(&format!("admin-faq-audience-{a}"))
}

pub struct RowView {
    pub id: i64,
    pub author: String,
    pub role: String,
    pub quote: String,
    pub rating: String,
    pub audience: String,
    pub position: i32,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin/testimonials.html")]
pub struct TestimonialsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    /// Words searched for in the name, who they are and the quote.
    pub q: String,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

/// `GET /admin/testimonials`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let rows = db::run(&state.pool, store::all).await?;
    let ctx = nav::staff_context(&req, &staff);
    let q: String = query.q.trim().chars().take(100).collect();
    let words = crate::domain::faq::words(&q);
    let rows: Vec<RowView> = rows
        .into_iter()
        // A shop keeps a handful: filtered here by every word in name, role or quote.
        .filter(|r| {
            crate::domain::faq::matches(&words, &format!("{} {}", r.author, r.role), &r.quote)
        })
        .map(|r| RowView {
            rating: r
                .rating
                .map(|n| ctx.locale.t_count("testimonial-stars", i64::from(n)))
                .unwrap_or_default(),
            audience: audience_label(&ctx, &r.audience),
            id: r.id,
            author: r.author,
            role: r.role,
            quote: r.quote,
            position: r.position,
            active: r.active,
        })
        .collect();
    let (rows, prev, next) = nav::page_in_memory(rows, query.page, |n| {
        format!("{PATH}?q={}&page={n}", crate::web::url_encode(&q))
    });
    render(&TestimonialsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows,
        prev,
        next,
        q,
        ctx,
    })
}

/// The form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct TestimonialForm {
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub active: Option<String>,
    #[serde(default)]
    pub action: String,
}

impl TestimonialForm {
    fn of(r: &store::Row) -> TestimonialForm {
        TestimonialForm {
            author: r.author.clone(),
            role: r.role.clone(),
            quote: r.quote.clone(),
            rating: r.rating.map(|n| n.to_string()).unwrap_or_default(),
            audience: r.audience.clone(),
            position: r.position.to_string(),
            active: r.active.then(|| "1".into()),
            action: String::new(),
        }
    }

    fn clipped(mut self) -> TestimonialForm {
        for (field, n) in [
            (&mut self.author, rules::AUTHOR_MAX + 40),
            (&mut self.role, rules::ROLE_MAX + 40),
            (&mut self.quote, rules::QUOTE_MAX + 100),
            (&mut self.rating, 10),
            (&mut self.position, 10),
        ] {
            *field = field.chars().take(n).collect();
        }
        self
    }
}

#[derive(Template)]
#[template(path = "admin/testimonial_form.html")]
pub struct TestimonialFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: Option<i64>,
    pub form: TestimonialForm,
    pub audiences: Vec<Choice>,
    pub ratings: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
}

impl TestimonialFormPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }

    pub fn action(&self) -> String {
        self.id
            .map_or_else(|| PATH.to_string(), |id| format!("{PATH}/{id}"))
    }
}

fn form_page(
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    form: TestimonialForm,
    errors: Vec<(&'static str, String)>,
) -> TestimonialFormPage {
    let mut ratings = vec![Choice {
        value: "",
        label: ctx.t("testimonial-no-rating"),
        selected: form.rating.trim().is_empty(),
    }];
    ratings.extend(["5", "4", "3", "2", "1"].into_iter().map(|r| {
        Choice {
            value: r,
            label: ctx
                .locale
                .t_count("testimonial-stars", r.parse().unwrap_or(0)),
            selected: form.rating.trim() == r,
        }
    }));
    TestimonialFormPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        audiences: AUDIENCES
            .iter()
            .map(|a| Choice {
                value: a,
                label: audience_label(&ctx, a),
                selected: *a == form.audience,
            })
            .collect(),
        ratings,
        id,
        form,
        errors,
        ctx,
    }
}

/// `GET /admin/testimonials/new`.
pub async fn new(req: HttpRequest, staff: StaffUser) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = TestimonialForm {
        audience: "b2c".into(),
        position: "0".into(),
        rating: "5".into(),
        active: Some("1".into()),
        ..TestimonialForm::default()
    };
    render(&form_page(ctx, &staff, None, form, Vec::new()))
}

/// `GET /admin/testimonials/{id}`.
pub async fn edit(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let row = db::run(&state.pool, move |c| store::find(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(&req, &staff);
    render(&form_page(
        ctx,
        &staff,
        Some(id),
        TestimonialForm::of(&row),
        Vec::new(),
    ))
}

fn describe(author: &str, quote: &str, rating: Option<i16>, audience: &str, on: bool) -> String {
    format!(
        "{author}: “{quote}” [{audience}, rating {rating:?}{}]",
        if on { "" } else { ", off" }
    )
}

async fn act(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: Option<i64>,
    form: TestimonialForm,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = form.clipped();
    let before = match id {
        Some(id) => Some(
            db::run(&state.pool, move |c| store::find(c, id))
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let was = before
        .as_ref()
        .map(|b| describe(&b.author, &b.quote, b.rating, &b.audience, b.active));
    let actor = staff.user.id;
    let ctx = nav::staff_context(&req, &staff);
    if let ("delete", Some(id)) = (form.action.as_str(), id) {
        db::run_write(&state.pool, move |c| {
            if store::delete(c, id)? {
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(actor),
                        action: "testimonial_deleted",
                        subject_type: "testimonial",
                        subject_id: &id.to_string(),
                        before: was.as_deref(),
                        after: None,
                    },
                )?;
            }
            Ok(())
        })
        .await?;
        state.cache.clear();
        session::flash(&session, "testimonial-deleted");
        return Ok(see_other(PATH));
    }
    if form.action != "save" {
        return Err(AppError::BadRequest("unknown testimonial action".into()));
    }
    let d = match rules::check(&Input {
        author: &form.author,
        role: &form.role,
        quote: &form.quote,
        rating: &form.rating,
        audience: &form.audience,
        position: &form.position,
    }) {
        Ok(d) => d,
        Err(e) => {
            let errors = e.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
            let page = form_page(ctx, &staff, id, form, errors);
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let saved = store::Saved {
        audience: d.audience,
        author: d.author,
        role: d.role,
        quote: d.quote,
        rating: d.rating,
        position: d.position,
        active: form.active.is_some(),
    };
    let after = describe(
        &saved.author,
        &saved.quote,
        saved.rating,
        saved.audience,
        saved.active,
    );
    let saved_id = db::run_write(&state.pool, move |c| {
        let Some(saved_id) = store::save(c, id, &saved)? else {
            return Ok(None);
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if was.is_some() {
                    "testimonial_changed"
                } else {
                    "testimonial_created"
                },
                subject_type: "testimonial",
                subject_id: &saved_id.to_string(),
                before: was.as_deref(),
                after: Some(&after),
            },
        )?;
        Ok(Some(saved_id))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    state.cache.clear();
    session::flash(&session, "testimonial-saved");
    Ok(see_other(format!("{PATH}/{saved_id}")))
}

/// `POST /admin/testimonials`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<TestimonialForm>,
) -> Result<HttpResponse, AppError> {
    act(req, staff, state, session, None, form.into_inner()).await
}

/// `POST /admin/testimonials/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<TestimonialForm>,
) -> Result<HttpResponse, AppError> {
    let id = Some(id.into_inner());
    act(req, staff, state, session, id, form.into_inner()).await
}
