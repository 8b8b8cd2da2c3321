//! `POST /b2b/reorder`: an order's lines, checked again like a quick order.

use super::*;

/// `POST /b2b/reorder` (`number`, `t` — the order's link —, `line`: the SKUs to order again,
/// repeated; `selected=1` when the buyer chose lines, otherwise all of them): the order's lines
/// checked at today's prices and stock like a quick order, for the buyer to confirm. Only
/// orders of the active company.
pub async fn reorder(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = member(&principal)?;
    let fields = form.into_inner();
    let one = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.chars().take(64).collect::<String>())
            .unwrap_or_default()
    };
    let (number, token, selected) = (one("number"), one("t"), one("selected") == "1");
    let chosen: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "line")
        .map(|(_, v)| v.clone())
        .collect();
    let company = member.company.id;
    let lines = db::run(&state.pool, move |c| {
        let Some(order) = db::orders::by_link(c, &number, &token)? else {
            return Ok(None);
        };
        if db::orders::company_of(c, order.id)? != Some(company) {
            return Ok(None);
        }
        Ok(Some(db::orders::detail(c, order)?.lines))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let mut entries = Vec::new();
    let mut origins = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if selected && !chosen.contains(&l.sku) {
            continue;
        }
        origins.push(Origin::Line(i + 1));
        entries.push(Entry {
            line: origins.len(),
            sku: l.sku.clone(),
            quantity: l.quantity.to_string(),
        });
    }
    if entries.is_empty() {
        let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
        let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
        let mut v = page(ctx);
        v.paste_error = Some(locale.t("quick-reorder-none"));
        return render_status(&v, StatusCode::UNPROCESSABLE_ENTITY);
    }
    check_and_show(&req, &state, &session, entries, origins, Encoding::Utf8).await
}
