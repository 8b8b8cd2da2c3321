//! One price list: `GET /admin/prices/lists/{id}?sku=` (its tiers, by SKU, with their windows)
//! and `POST /admin/prices/lists/{id}` (`action` = add with `sku`, `min_qty`, `price`,
//! `valid_from`, `valid_to`; remove with `id`). A price change is scheduled by ending the old
//! tier and adding the new one from the next day; windows that overlap are refused.

use super::rows::{Owner, PriceForm, PriceRowView, apply, views};
use super::*;

#[derive(Template)]
#[template(path = "admin/price_list.html")]
pub struct PriceListPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub code: String,
    pub name: String,
    pub sku: String,
    pub rows: Vec<PriceRowView>,
    pub form: PriceForm,
    pub errors: Vec<(&'static str, String)>,
    /// Where the table's and the form's buttons post.
    pub action: String,
    /// Contract prices carry a note; list tiers do not.
    pub with_note: bool,
}

impl PriceListPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    sku: String,
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    id: i64,
    sku: String,
    form: PriceForm,
    errors: Vec<(&'static str, String)>,
) -> Result<PriceListPage, AppError> {
    let filter = sku.trim().to_uppercase();
    let (list, rows) = db::run(&state.pool, move |c| {
        Ok((store::list(c, id)?, store::entries(c, id, &filter)?))
    })
    .await?;
    let (code, name) = list.ok_or(AppError::NotFound)?;
    Ok(PriceListPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        rows: views(state, &ctx, rows),
        code,
        name,
        sku,
        form,
        errors,
        action: format!("{PATH}/lists/{id}"),
        with_note: false,
        ctx,
    })
}

/// `GET /admin/prices/lists/{id}?sku=`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let sku: String = query.into_inner().sku.chars().take(40).collect();
    let form = PriceForm {
        min_qty: "1".into(),
        ..PriceForm::default()
    };
    let page = page(&state, ctx, &staff, id.into_inner(), sku, form, Vec::new()).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// `POST /admin/prices/lists/{id}`.
pub async fn change_list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<PriceForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let list_id = id.into_inner();
    let form = form.into_inner().clipped();
    let ctx = nav::staff_context(&req, &staff);
    let back = format!("{PATH}/lists/{list_id}");
    let owner = Owner::List(list_id);
    let errors = match apply(&state, &ctx, &session, staff.user.id, owner, &form, back).await? {
        Ok(done) => return Ok(done),
        Err(errors) => errors,
    };
    let page = page(&state, ctx, &staff, list_id, String::new(), form, errors).await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}
