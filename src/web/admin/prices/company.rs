//! One company's agreements: `GET /admin/prices/companies/{id}` (its price list and payment
//! terms, its contract prices), `POST /admin/prices/companies/{id}` (`price_list`,
//! `payment_terms`) and `POST /admin/prices/companies/{id}/contracts` (`action` = add with
//! `sku`, `min_qty`, `price`, `valid_from`, `valid_to`, `note`; remove with `id`). Every query
//! is scoped by the company in the address.

use super::rows::{Owner, PriceForm, PriceRowView, apply, views};
use super::*;

#[derive(Template)]
#[template(path = "admin/company_prices.html")]
pub struct CompanyPricesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub name: String,
    pub lists: Vec<OptionView>,
    pub terms: Vec<OptionView>,
    pub rows: Vec<PriceRowView>,
    pub form: PriceForm,
    pub errors: Vec<(&'static str, String)>,
    /// Where the table's and the form's buttons post.
    pub action: String,
    /// Contract prices carry a note; list tiers do not.
    pub with_note: bool,
}

impl CompanyPricesPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    id: i64,
    form: PriceForm,
    errors: Vec<(&'static str, String)>,
) -> Result<CompanyPricesPage, AppError> {
    let (companies, lists, terms, rows) = db::run(&state.pool, move |c| {
        Ok((
            store::companies(c)?,
            store::lists(c)?,
            store::terms(c)?,
            store::contracts(c, id)?,
        ))
    })
    .await?;
    let (_, name, list, own_terms) = companies
        .into_iter()
        .find(|(cid, _, _, _)| *cid == id)
        .ok_or(AppError::NotFound)?;
    let mut list_options = vec![OptionView {
        value: String::new(),
        label: ctx.t("prices-no-list"),
        selected: list.is_none(),
    }];
    list_options.extend(lists.iter().map(|l| OptionView {
        value: l.id.to_string(),
        label: l.name.clone(),
        selected: Some(l.id) == list,
    }));
    Ok(CompanyPricesPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        terms: terms
            .iter()
            .map(|(code, tname, _, bp)| OptionView {
                value: code.clone(),
                label: format!("{tname} ({} %)", percent_text(*bp)),
                selected: *code == own_terms,
            })
            .collect(),
        lists: list_options,
        rows: views(state, &ctx, rows),
        id,
        name,
        form,
        errors,
        action: format!("{PATH}/companies/{id}/contracts"),
        with_note: true,
        ctx,
    })
}

/// `GET /admin/prices/companies/{id}`.
pub async fn company(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = PriceForm {
        min_qty: "1".into(),
        ..PriceForm::default()
    };
    let page = page(&state, ctx, &staff, id.into_inner(), form, Vec::new()).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    price_list: String,
    #[serde(default)]
    payment_terms: String,
}

/// `POST /admin/prices/companies/{id}`: the company's price list and payment terms.
pub async fn assign(
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<AssignForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let form = form.into_inner();
    let list = match form.price_list.as_str() {
        "" => None,
        t => Some(
            t.parse::<i64>()
                .map_err(|_| AppError::BadRequest("price list".into()))?,
        ),
    };
    let terms = form.payment_terms;
    let actor = staff.user.id;
    let done = db::run_write(&state.pool, move |c| {
        if list.is_some_and(|l| store::list(c, l).ok().flatten().is_none())
            || !store::terms(c)?.iter().any(|t| t.0 == terms)
        {
            return Ok(Err(()));
        }
        let Some((old_list, old_terms)) = store::assign(c, id, list, &terms)? else {
            return Ok(Ok(false));
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "company_pricing_assign",
                subject_type: "company",
                subject_id: &id.to_string(),
                before: Some(&format!("list {old_list:?}, {old_terms}")),
                after: Some(&format!("list {list:?}, {terms}")),
            },
        )?;
        Ok(Ok(true))
    })
    .await?;
    match done {
        Err(()) => Err(AppError::BadRequest("unknown price list or terms".into())),
        Ok(false) => Err(AppError::NotFound),
        Ok(true) => {
            state.cache.clear();
            session::flash(&session, "company-pricing-saved");
            Ok(see_other(format!("{PATH}/companies/{id}")))
        }
    }
}

/// `POST /admin/prices/companies/{id}/contracts`.
pub async fn add_contract(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<PriceForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let company_id = id.into_inner();
    let form = form.into_inner().clipped();
    let ctx = nav::staff_context(&req, &staff);
    let back = format!("{PATH}/companies/{company_id}");
    let owner = Owner::Company(company_id);
    let errors = match apply(&state, &ctx, &session, staff.user.id, owner, &form, back).await? {
        Ok(done) => return Ok(done),
        Err(errors) => errors,
    };
    let page = page(&state, ctx, &staff, company_id, form, errors).await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}
