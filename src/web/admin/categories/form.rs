//! A category's form: `GET /admin/categories/new`, `POST /admin/categories`,
//! `GET|POST /admin/categories/{id}` and `POST /admin/categories/{id}/delete` (only an empty
//! category; otherwise the form again, saying what uses it).

use super::{PATH, changed, describe, describe_row, in_use_message, tree_order};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, category_admin as store};
use crate::domain::category_form::{self as rules, Input, Node};
use crate::domain::company_form::INDUSTRIES;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::nav::{self, NavItem, OptionView};
use crate::web::admin::products::indented;
use crate::web::views::{Choice, choices};
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
pub struct CategoryForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub active: Option<String>,
}

impl CategoryForm {
    fn of(row: &store::CategoryRow) -> CategoryForm {
        CategoryForm {
            name: row.name.clone(),
            slug: row.slug.clone(),
            parent: row.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            description: row.description.clone(),
            industry: row.industry.clone(),
            active: row.active.then(|| "1".into()),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/category_form.html")]
pub struct FormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: Option<i64>,
    pub form: CategoryForm,
    pub parents: Vec<OptionView>,
    pub industries: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
    /// Why it cannot be removed (or `None` when it can), for a saved category.
    pub in_use: Option<String>,
    /// The storefront address, when the category is shown.
    pub link: Option<String>,
    /// A saved category's picture as shown now (its own, or the shop's motif) and whether it
    /// is one staff uploaded.
    pub picture: Option<(String, bool)>,
    /// What was wrong with a picture sent.
    pub picture_error: Option<String>,
}

impl FormPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }

    pub fn action(&self) -> String {
        self.id
            .map_or_else(|| PATH.to_string(), |id| format!("{PATH}/{id}"))
    }
}

/// The form page; `rows` is the whole tree, to offer parents (not the category itself nor
/// anything under it).
fn form_page(
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    rows: &[store::CategoryRow],
    form: CategoryForm,
    errors: Vec<(&'static str, String)>,
    in_use: Option<String>,
) -> FormPage {
    let nodes: Vec<Node> = rows.iter().map(|r| r.node()).collect();
    let below = id
        .map(|me| rules::descendants(&nodes, me))
        .unwrap_or_default();
    let mut parents = vec![OptionView {
        value: String::new(),
        label: ctx.t("category-top-level"),
        selected: form.parent.is_empty(),
    }];
    parents.extend(
        tree_order(rows)
            .into_iter()
            .filter(|(r, depth)| {
                Some(r.id) != id && !below.contains(&r.id) && depth + 1 < rules::MAX_DEPTH
            })
            .map(|(r, depth)| OptionView {
                value: r.id.to_string(),
                label: indented(depth, &r.name),
                selected: form.parent == r.id.to_string(),
            }),
    );
    let link = id
        .and_then(|me| rows.iter().find(|r| r.id == me))
        .filter(|r| r.active)
        .map(|r| format!("/categories/{}", r.slug));
    let picture = id
        .and_then(|me| rows.iter().find(|r| r.id == me))
        .and_then(|r| {
            r.image_url
                .clone()
                .map(|url| (url, r.image_srcset.is_some()))
        });
    FormPage {
        picture,
        picture_error: None,
        nav: nav::menu(&ctx, staff.role, PATH),
        industries: choices(&ctx, "industry", &INDUSTRIES, &form.industry),
        id,
        form,
        parents,
        errors,
        in_use,
        link,
        ctx,
    }
}

/// `GET /admin/categories/new`: `?parent=` starts it under a category (and its industry).
pub async fn new(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let rows = db::run(&state.pool, store::all).await?;
    let parent = query
        .iter()
        .find(|(k, _)| k == "parent")
        .and_then(|(_, v)| rows.iter().find(|r| r.id.to_string() == *v));
    let form = CategoryForm {
        parent: parent.map(|p| p.id.to_string()).unwrap_or_default(),
        industry: parent.map_or_else(|| "other".into(), |p| p.industry.clone()),
        active: Some("1".into()),
        ..CategoryForm::default()
    };
    let ctx = nav::staff_context(&req, &staff);
    render(&form_page(ctx, &staff, None, &rows, form, Vec::new(), None))
}

/// A saved category's page as stored, with what keeps it from being removed.
pub(super) async fn saved_page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    id: i64,
) -> Result<FormPage, AppError> {
    let (rows, uses) = db::run(&state.pool, move |c| {
        Ok((store::all(c)?, store::category_uses(c, id)?))
    })
    .await?;
    let row = rows.iter().find(|r| r.id == id).ok_or(AppError::NotFound)?;
    let form = CategoryForm::of(row);
    let ctx = nav::staff_context(req, staff);
    let in_use = in_use_message(&ctx, &uses);
    Ok(form_page(
        ctx,
        staff,
        Some(id),
        &rows,
        form,
        Vec::new(),
        in_use,
    ))
}

/// `GET /admin/categories/{id}`.
pub async fn edit(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let page = saved_page(&req, &staff, &state, id.into_inner()).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

async fn save(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: Option<i64>,
    form: CategoryForm,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let actor = staff.user.id;
    let typed = form.clone();
    let outcome = db::run_write(&state.pool, move |c| {
        let rows = store::all(c)?;
        let was = match id {
            Some(me) => match rows.iter().find(|r| r.id == me) {
                Some(r) => Some(r.clone()),
                None => return Ok(None),
            },
            None => None,
        };
        let nodes: Vec<Node> = rows.iter().map(|r| r.node()).collect();
        let input = Input {
            name: &typed.name,
            slug: &typed.slug,
            parent: &typed.parent,
            description: &typed.description,
            industry: &typed.industry,
            active: typed.active.is_some(),
        };
        let draft = match rules::check(&input, id, &nodes) {
            Ok(d) => d,
            Err(e) => return Ok(Some(Err(e))),
        };
        if store::slug_taken(c, &draft.slug, id)? {
            return Ok(Some(Err(vec![("slug", "category-slug-taken")])));
        }
        let (saved, before) = match &was {
            Some(row) => {
                let hide = if draft.active {
                    Vec::new()
                } else {
                    rules::descendants(&nodes, row.id)
                };
                store::update(c, row, &draft, &hide)?;
                (row.id, Some(describe_row(row)))
            }
            None => (store::insert(c, &draft)?, None),
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if was.is_some() {
                    "category_changed"
                } else {
                    "category_created"
                },
                subject_type: "category",
                subject_id: &saved.to_string(),
                before: before.as_deref(),
                after: Some(&describe(&draft)),
            },
        )?;
        Ok(Some(Ok(saved)))
    })
    .await;
    let refused = match outcome {
        Ok(None) => return Err(AppError::NotFound),
        Ok(Some(Ok(saved))) => {
            changed(&state).await?;
            session::flash(&session, "category-saved");
            return Ok(see_other(format!("{PATH}/{saved}")));
        }
        Ok(Some(Err(errors))) => errors,
        // Two saves raced for the same address: the unique index decides.
        Err(e) if e.is_unique_violation() => vec![("slug", "category-slug-taken")],
        Err(e) => return Err(e.into()),
    };
    let rows = db::run(&state.pool, store::all).await?;
    let ctx = nav::staff_context(&req, &staff);
    let errors = refused.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
    let page = form_page(ctx, &staff, id, &rows, form, errors, None);
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `POST /admin/categories`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<CategoryForm>,
) -> Result<HttpResponse, AppError> {
    save(req, staff, state, session, None, form.into_inner()).await
}

/// `POST /admin/categories/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<CategoryForm>,
) -> Result<HttpResponse, AppError> {
    let id = Some(id.into_inner());
    save(req, staff, state, session, id, form.into_inner()).await
}

/// `POST /admin/categories/{id}/delete`: only a category nothing uses.
pub async fn remove(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let actor = staff.user.id;
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(row) = store::find(c, id)? else {
            return Ok(None);
        };
        let result = store::delete(c, id)?;
        if result.is_ok() {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "category_deleted",
                    subject_type: "category",
                    subject_id: &id.to_string(),
                    before: Some(&describe_row(&row)),
                    after: None,
                },
            )?;
        }
        Ok(Some(result))
    })
    .await?;
    match outcome {
        None => Err(AppError::NotFound),
        Some(Ok(())) => {
            changed(&state).await?;
            session::flash(&session, "category-deleted");
            Ok(see_other(PATH))
        }
        Some(Err(uses)) => {
            let rows = db::run(&state.pool, store::all).await?;
            let row = rows.iter().find(|r| r.id == id).ok_or(AppError::NotFound)?;
            let form = CategoryForm::of(row);
            let ctx = nav::staff_context(&req, &staff);
            let message = in_use_message(&ctx, &uses);
            let errors = vec![("delete", message.clone().unwrap_or_default())];
            let page = form_page(ctx, &staff, Some(id), &rows, form, errors, message);
            render_status(&page, StatusCode::CONFLICT)
        }
    }
}
