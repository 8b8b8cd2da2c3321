//! The price preview: "what does company X pay for product S, N of them, on terms T, on day D",
//! through the storefront's own pipeline (`db::prices::company_pricing` and `Buyer::price`), so
//! it cannot differ from what the buyer is shown.

use super::*;

/// The preview's answer.
pub struct PreviewView {
    /// "Nordbygg AB buys 12 × TS-9000 Track saw on Invoice 60 days, 5 Dec 2026".
    pub title: String,
    pub why: WhyPriceView,
    /// The line's total excl. VAT.
    pub line_total: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct PreviewQuery {
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub sku: String,
    #[serde(default)]
    pub qty: String,
    #[serde(default)]
    pub terms: String,
    #[serde(default)]
    pub day: String,
}

/// The preview asked for, if any: the breakdown through the one pricing pipeline, or why not.
pub(super) async fn preview(
    state: &AppState,
    ctx: &PageContext,
    q: &PreviewQuery,
) -> Result<Result<Option<PreviewView>, String>, AppError> {
    if q.company.is_empty() && q.sku.trim().is_empty() {
        return Ok(Ok(None));
    }
    let Ok(company_id) = q.company.parse::<i64>() else {
        return Ok(Err(ctx.t("preview-company-missing")));
    };
    let Ok(sku) = crate::domain::catalog::Sku::parse(&q.sku) else {
        return Ok(Err(ctx.t("price-sku-bad")));
    };
    let qty = match q.qty.trim() {
        "" => 1,
        t => match t.parse::<u32>() {
            Ok(n) if (1..=1_000_000).contains(&n) => n,
            _ => return Ok(Err(ctx.t("price-min-qty-bad"))),
        },
    };
    let day = match q.day.trim() {
        "" => state.local_now().date(),
        t => match chrono::NaiveDate::parse_from_str(t, DATE_FORMAT) {
            Ok(d) => d,
            Err(_) => return Ok(Err(ctx.t("price-day-bad"))),
        },
    };
    let at = state.to_utc(day.and_hms_opt(12, 0, 0).unwrap_or_default());
    let country = state.settings.shop.country.clone();
    let terms_code = q.terms.clone();
    let sku_text = sku.to_string();
    let found = db::run(&state.pool, move |c| {
        let product = store::preview_product(c, &sku_text)?;
        let pricing = db::prices::company_pricing(c, company_id, &country, at)?;
        let name = store::company_name(c, company_id)?;
        let terms = match terms_code.as_str() {
            "" => None,
            code => Some(db::prices::terms(c, code)?),
        };
        Ok((product, pricing, name, terms))
    })
    .await?;
    let (product, pricing, company_name, terms) = found;
    let Some(company_name) = company_name else {
        return Ok(Err(ctx.t("preview-company-missing")));
    };
    let Some((product_id, product_name, list_minor, tax_bp)) = product else {
        return Ok(Err(ctx.t("preview-sku-unknown")));
    };
    let mut buyer = Buyer::company(Arc::new(pricing));
    if let Some(t) = terms {
        buyer = buyer.with_terms(t);
    }
    let terms_name = match &buyer {
        Buyer::Company { terms: Some(t), .. } => t.name.clone(),
        _ => ctx.t("preview-no-terms"),
    };
    let b = buyer.price(
        product_id,
        Money::from_minor(list_minor, Currency::Sek),
        TaxRate::from_bp(tax_bp).unwrap_or(TaxRate::STANDARD),
        qty,
    );
    let line_total = b.unit_net.times(qty).format(ctx.locale.code());
    let Some(why) = WhyPriceView::new(&b, &buyer, ctx.locale) else {
        return Ok(Ok(None));
    };
    Ok(Ok(Some(PreviewView {
        title: ctx.locale.t_args(
            "preview-title",
            &[
                ("company", company_name),
                ("qty", qty.to_string()),
                ("sku", sku.to_string()),
                ("name", product_name),
                ("terms", terms_name),
                ("date", day.format(DATE_FORMAT).to_string()),
            ],
        ),
        why,
        line_total,
    })))
}
