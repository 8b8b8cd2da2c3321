//! Brands, for administrators and catalog managers: `GET /admin/brands` (every brand with its
//! products; `?q=` words in the name or address), `POST /admin/brands` (add), `POST /admin/brands/{id}` (rename; the search index
//! follows) and `POST /admin/brands/{id}/delete` (only a brand no product or cart rule uses).
//! Names are unique whatever their case, addresses unique. Audited; the read caches are cleared.

use super::nav::{self, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, category_admin as store};
use crate::domain::category_form::check_brand;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/brands";

pub struct BrandView {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub products: i64,
    /// The message for this row's form, after a refused change.
    pub errors: Vec<(&'static str, String)>,
}

impl BrandView {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Template)]
#[template(path = "admin/brands.html")]
pub struct BrandsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub brands: Vec<BrandView>,
    /// Words searched for in the names and addresses.
    pub q: String,
    pub form: BrandForm,
    pub errors: Vec<(&'static str, String)>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl BrandsPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct BrandForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub slug: String,
}

/// Refused input: for the new-brand form (`None`) or a brand's row, with what was typed.
type Refused = (Option<i64>, BrandForm, Vec<(&'static str, String)>);

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    q: String,
    asked: Option<i64>,
    refused: Option<Refused>,
) -> Result<BrandsPage, AppError> {
    let rows = db::run(&state.pool, store::brands).await?;
    let words = crate::domain::faq::words(&q);
    let (target, typed, errors) = match refused {
        Some((t, f, e)) => (t, Some(f), e),
        None => (None, None, Vec::new()),
    };
    let brands: Vec<BrandView> = rows
        .into_iter()
        // A shop has tens: filtered here by every word in the name or address.
        .filter(|(b, _)| crate::domain::faq::matches(&words, &b.name, &b.slug))
        .map(|(b, products)| {
            let mine = target == Some(b.id);
            let typed = typed.as_ref().filter(|_| mine);
            BrandView {
                name: typed.map_or(b.name, |f| f.name.clone()),
                slug: typed.map_or(b.slug, |f| f.slug.clone()),
                errors: if mine { errors.clone() } else { Vec::new() },
                id: b.id,
                products,
            }
        })
        .collect();
    // A refused row is shown on its page, with its message.
    let asked = target
        .and_then(|t| brands.iter().position(|b| b.id == t))
        .map(nav::page_of_index)
        .or(asked);
    let (brands, prev, next) = nav::page_in_memory(brands, asked, |n| {
        format!("{PATH}?q={}&page={n}", crate::web::url_encode(&q))
    });
    let new_form_refused = target.is_none();
    Ok(BrandsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        brands,
        prev,
        next,
        q,
        form: typed.filter(|_| new_form_refused).unwrap_or_default(),
        errors: if new_form_refused { errors } else { Vec::new() },
        ctx,
    })
}

/// `GET /admin/brands`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let q = query.q.trim().chars().take(100).collect();
    let page = page(&state, ctx, &staff, q, query.page, None).await?;
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
    form: BrandForm,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let actor = staff.user.id;
    let (name, slug) = (form.name.clone(), form.slug.clone());
    let outcome = db::run_write(&state.pool, move |c| {
        let was = match id {
            Some(id) => match store::find_brand(c, id)? {
                Some(b) => Some(b),
                None => return Ok(None),
            },
            None => None,
        };
        let (name, slug) = match check_brand(&name, &slug) {
            Ok(ok) => ok,
            Err(e) => return Ok(Some(Err(e))),
        };
        let (name_taken, slug_taken) = store::brand_taken(c, &name, &slug, id)?;
        if name_taken || slug_taken {
            let mut e = Vec::new();
            if name_taken {
                e.push(("name", "brand-name-taken"));
            }
            if slug_taken {
                e.push(("slug", "brand-slug-taken"));
            }
            return Ok(Some(Err(e)));
        }
        let saved = store::save_brand(c, id, &name, &slug)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if was.is_some() {
                    "brand_changed"
                } else {
                    "brand_created"
                },
                subject_type: "brand",
                subject_id: &saved.to_string(),
                before: was.map(|b| format!("{} /{}", b.name, b.slug)).as_deref(),
                after: Some(&format!("{name} /{slug}")),
            },
        )?;
        Ok(Some(Ok(())))
    })
    .await;
    let refused = match outcome {
        Ok(None) => return Err(AppError::NotFound),
        Ok(Some(Ok(()))) => {
            state.cache.clear();
            session::flash(&session, "brand-saved");
            return Ok(see_other(PATH));
        }
        Ok(Some(Err(e))) => e,
        Err(e) if e.is_unique_violation() => vec![("slug", "brand-slug-taken")],
        Err(e) => return Err(e.into()),
    };
    let ctx = nav::staff_context(&req, &staff);
    let errors = refused.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
    let page = page(
        &state,
        ctx,
        &staff,
        String::new(),
        None,
        Some((id, form, errors)),
    )
    .await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `POST /admin/brands`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<BrandForm>,
) -> Result<HttpResponse, AppError> {
    save(req, staff, state, session, None, form.into_inner()).await
}

/// `POST /admin/brands/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<BrandForm>,
) -> Result<HttpResponse, AppError> {
    let id = Some(id.into_inner());
    save(req, staff, state, session, id, form.into_inner()).await
}

/// `POST /admin/brands/{id}/delete`.
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
        let Some(brand) = store::find_brand(c, id)? else {
            return Ok(None);
        };
        let result = store::delete_brand(c, id)?;
        if result.is_ok() {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "brand_deleted",
                    subject_type: "brand",
                    subject_id: &id.to_string(),
                    before: Some(&format!("{} /{}", brand.name, brand.slug)),
                    after: None,
                },
            )?;
        }
        Ok(Some((brand, result)))
    })
    .await?;
    match outcome {
        None => Err(AppError::NotFound),
        Some((_, Ok(()))) => {
            state.cache.clear();
            session::flash(&session, "brand-deleted");
            Ok(see_other(PATH))
        }
        Some((brand, Err(uses))) => {
            let ctx = nav::staff_context(&req, &staff);
            let message = ctx.locale.t_args(
                "brand-in-use",
                &[
                    ("products", uses.products.to_string()),
                    ("rules", uses.cart_rules.to_string()),
                ],
            );
            let form = BrandForm {
                name: brand.name,
                slug: brand.slug,
            };
            let refused = (Some(id), form, vec![("delete", message)]);
            let page = page(&state, ctx, &staff, String::new(), None, Some(refused)).await?;
            render_status(&page, StatusCode::CONFLICT)
        }
    }
}
