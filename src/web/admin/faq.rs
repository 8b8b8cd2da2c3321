//! The FAQ for staff (administrators and support agents): `GET /admin/faq` (filter by audience,
//! search the questions), `GET /admin/faq/new` and `POST /admin/faq` to add an entry,
//! `GET /admin/faq/{id}` and `POST /admin/faq/{id}` (`action` = save | preview | delete) to
//! change one. Answers are Markdown; "Preview" shows one as readers will see it, unsaved.
//! Fields `question`, `answer`, `topic`, `audience`, `position`, `published`. Every change is
//! audited with the entry before and after.

use super::nav::{self, Choice, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, content::FaqRow};
use crate::domain::faq::{self, AUDIENCES, EntryInput, TOPICS};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/faq";

pub struct RowView {
    pub id: i64,
    pub question: String,
    pub topic: String,
    pub audience: String,
    pub position: i32,
    pub published: bool,
    pub link: String,
}

#[derive(Template)]
#[template(path = "admin/faq_list.html")]
pub struct FaqListPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub audiences: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

fn audience_label(ctx: &PageContext, a: &str) -> String {
    ctx.t(&format!("admin-faq-audience-{a}"))
}

/// `GET /admin/faq`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let audience = AUDIENCES.iter().find(|a| **a == query.audience).copied();
    let q: String = query.q.trim().chars().take(100).collect();
    let search = q.clone();
    let rows = db::run(&state.pool, move |c| {
        db::content::faq_all(c, audience, &search)
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let audiences = nav::filter_options(&ctx, audience, &AUDIENCES, |a| audience_label(&ctx, a));
    let rows: Vec<RowView> = rows
        .into_iter()
        .map(|r| RowView {
            topic: ctx.t(&format!(
                "faq-topic-{}",
                r.topic.as_deref().unwrap_or("other")
            )),
            audience: audience_label(&ctx, &r.audience),
            published: r.published_at.is_some(),
            link: format!("/help/faq#faq-{}", r.slug),
            id: r.id,
            question: r.question,
            position: r.position,
        })
        .collect();
    // Tens of entries, searched by the query above: shown 50 a page.
    let (rows, prev, next) = nav::page_in_memory(rows, query.page, |n| {
        format!(
            "{PATH}?audience={}&q={}&page={n}",
            audience.unwrap_or_default(),
            crate::web::url_encode(&q)
        )
    });
    render(&FaqListPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows,
        prev,
        next,
        audiences,
        q,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "admin/faq_form.html")]
pub struct FaqFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    /// `None` for a new entry.
    pub id: Option<i64>,
    pub link: Option<String>,
    pub question: String,
    pub answer: String,
    pub topics: Vec<Choice>,
    pub audiences: Vec<Choice>,
    pub position: String,
    pub published: bool,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
    /// The answer as readers will see it (sanitised HTML), after "Preview".
    pub preview: Option<String>,
}

impl FaqFormPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }

    pub fn action(&self) -> String {
        match self.id {
            Some(id) => format!("{PATH}/{id}"),
            None => PATH.to_string(),
        }
    }
}

#[derive(Deserialize, Default)]
pub struct FaqForm {
    #[serde(default)]
    question: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    action: String,
}

impl FaqForm {
    fn of(r: &FaqRow) -> FaqForm {
        FaqForm {
            question: r.question.clone(),
            answer: r.answer.clone(),
            topic: r.topic.clone().unwrap_or_default(),
            audience: r.audience.clone(),
            position: r.position.to_string(),
            published: r.published_at.map(|_| "1".into()),
            action: String::new(),
        }
    }
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn form_page(
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    link: Option<String>,
    form: &FaqForm,
    errors: Vec<(&'static str, String)>,
) -> FaqFormPage {
    let alert = (!errors.is_empty()).then(|| ctx.t("faq-fix-errors"));
    FaqFormPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        topics: TOPICS
            .iter()
            .map(|t| Choice {
                value: t,
                label: ctx.t(&format!("faq-topic-{t}")),
                selected: *t == form.topic,
            })
            .collect(),
        audiences: AUDIENCES
            .iter()
            .map(|a| Choice {
                value: a,
                label: audience_label(&ctx, a),
                selected: *a == form.audience,
            })
            .collect(),
        question: clip(&form.question, faq::QUESTION_MAX + 100),
        answer: clip(&form.answer, faq::ANSWER_MAX + 100),
        position: clip(&form.position, 10),
        published: form.published.is_some(),
        preview: (form.action == "preview").then(|| crate::domain::markdown::to_html(&form.answer)),
        id,
        link,
        errors,
        alert,
        ctx,
    }
}

/// `GET /admin/faq/new`.
pub async fn new(req: HttpRequest, staff: StaffUser) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = FaqForm {
        audience: "both".into(),
        position: "0".into(),
        published: Some("1".into()),
        ..FaqForm::default()
    };
    render(&form_page(ctx, &staff, None, None, &form, Vec::new()))
}

fn checked(form: &FaqForm, ctx: &PageContext) -> Result<faq::Entry, Vec<(&'static str, String)>> {
    faq::check_entry(&EntryInput {
        question: &form.question,
        answer: &form.answer,
        topic: &form.topic,
        audience: &form.audience,
        position: &form.position,
    })
    .map_err(|e| e.into_iter().map(|(f, k)| (f, ctx.t(k))).collect())
}

/// What the audit log keeps of an entry.
fn audited(question: &str, audience: &str, topic: &str, published: bool) -> String {
    format!(
        "{question} [{audience}, {topic}{}]",
        if published { ", published" } else { "" }
    )
}

/// `POST /admin/faq`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<FaqForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = form.into_inner();
    let ctx = nav::staff_context(&req, &staff);
    if form.action == "preview" {
        return render(&form_page(ctx, &staff, None, None, &form, Vec::new()));
    }
    let entry = match checked(&form, &ctx) {
        Ok(e) => e,
        Err(errors) => {
            let page = form_page(ctx, &staff, None, None, &form, errors);
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let published = form.published.is_some();
    let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
    let id = db::run_write(&state.pool, move |c| {
        let id = db::content::faq_create(c, &entry, published, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "faq_create",
                subject_type: "faq",
                subject_id: &id.to_string(),
                before: None,
                after: Some(&audited(
                    &entry.question,
                    entry.audience,
                    entry.topic,
                    published,
                )),
            },
        )?;
        Ok(id)
    })
    .await?;
    session::flash(&session, "faq-saved");
    Ok(see_other(format!("{PATH}/{id}")))
}

/// `GET /admin/faq/{id}`.
pub async fn edit(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let row = db::run(&state.pool, move |c| db::content::faq_find(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(&req, &staff);
    let link = Some(format!("/help/faq#faq-{}", row.slug));
    let form = FaqForm::of(&row);
    render(&form_page(ctx, &staff, Some(id), link, &form, Vec::new()))
}

/// `POST /admin/faq/{id}` (`action` = save | delete).
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<FaqForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let form = form.into_inner();
    let before = db::run(&state.pool, move |c| db::content::faq_find(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let was = audited(
        &before.question,
        &before.audience,
        before.topic.as_deref().unwrap_or(""),
        before.published_at.is_some(),
    );
    let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
    let ctx = nav::staff_context(&req, &staff);
    match form.action.as_str() {
        "delete" => {
            db::run_write(&state.pool, move |c| {
                if db::content::faq_delete(c, id)? {
                    audit::record(
                        c,
                        &audit::Entry {
                            actor_user_id: Some(actor),
                            action: "faq_delete",
                            subject_type: "faq",
                            subject_id: &id.to_string(),
                            before: Some(&was),
                            after: None,
                        },
                    )?;
                }
                Ok(())
            })
            .await?;
            session::flash(&session, "faq-deleted");
            Ok(see_other(PATH))
        }
        "preview" => {
            let link = Some(format!("/help/faq#faq-{}", before.slug));
            render(&form_page(ctx, &staff, Some(id), link, &form, Vec::new()))
        }
        "save" => {
            let link = Some(format!("/help/faq#faq-{}", before.slug));
            let entry = match checked(&form, &ctx) {
                Ok(e) => e,
                Err(errors) => {
                    let page = form_page(ctx, &staff, Some(id), link, &form, errors);
                    return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
                }
            };
            let published = form.published.is_some();
            let found = db::run_write(&state.pool, move |c| {
                if !db::content::faq_update(c, id, &entry, published, now)? {
                    return Ok(false);
                }
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(actor),
                        action: "faq_update",
                        subject_type: "faq",
                        subject_id: &id.to_string(),
                        before: Some(&was),
                        after: Some(&audited(
                            &entry.question,
                            entry.audience,
                            entry.topic,
                            published,
                        )),
                    },
                )?;
                Ok(true)
            })
            .await?;
            if !found {
                return Err(AppError::NotFound);
            }
            session::flash(&session, "faq-saved");
            Ok(see_other(format!("{PATH}/{id}")))
        }
        _ => Err(AppError::BadRequest("unknown FAQ action".into())),
    }
}
