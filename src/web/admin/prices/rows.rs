//! What a price list's page and a company's page share: their table of prices (with each
//! price's window on the shop's clock and whether it applies now, later or no longer) and the
//! form that adds one.

use super::*;
use crate::db::price_admin::{NewPrice, PriceRow};
use crate::domain::price_form::{PriceInput, check_price};

/// A price as the table shows it.
pub struct PriceRowView {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub min_qty: i32,
    pub price: String,
    pub list_price: String,
    /// "1 Jan 2027 – 30 Jun 2027", "from 1 Jan 2027", "until further notice".
    pub window: String,
    /// current | scheduled | ended
    pub state: &'static str,
    pub state_label: String,
    pub note: String,
}

/// The add form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct PriceForm {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub sku: String,
    #[serde(default)]
    pub min_qty: String,
    #[serde(default)]
    pub price: String,
    #[serde(default)]
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: String,
    #[serde(default)]
    pub note: String,
}

impl PriceForm {
    pub fn clipped(mut self) -> PriceForm {
        let clip = |s: &mut String, n: usize| *s = s.chars().take(n).collect();
        clip(&mut self.sku, 40);
        clip(&mut self.min_qty, 12);
        clip(&mut self.price, 30);
        clip(&mut self.valid_from, 12);
        clip(&mut self.valid_to, 12);
        clip(&mut self.note, rules::NOTE_MAX + 50);
        self
    }
}

fn day_label(state: &AppState, utc: chrono::NaiveDateTime) -> String {
    state.to_local(utc).date().format(DATE_FORMAT).to_string()
}

pub fn views(state: &AppState, ctx: &PageContext, rows: Vec<PriceRow>) -> Vec<PriceRowView> {
    let now = chrono::Utc::now().naive_utc();
    rows.into_iter()
        .map(|r| {
            // The stored end is the start of the day after the last one.
            let last_day =
                |to: chrono::NaiveDateTime| day_label(state, to - chrono::Duration::days(1));
            let window = match (r.valid_from, r.valid_to) {
                (Some(f), Some(t)) => format!("{} – {}", day_label(state, f), last_day(t)),
                (Some(f), None) => ctx
                    .locale
                    .t_args("price-window-from", &[("date", day_label(state, f))]),
                (None, Some(t)) => ctx
                    .locale
                    .t_args("price-window-until", &[("date", last_day(t))]),
                (None, None) => ctx.t("price-window-open"),
            };
            let state_code = match (r.valid_from, r.valid_to) {
                (Some(f), _) if f > now => "scheduled",
                (_, Some(t)) if t <= now => "ended",
                _ => "current",
            };
            PriceRowView {
                id: r.id,
                sku: r.sku,
                name: r.name,
                min_qty: r.min_qty,
                price: money(ctx, r.unit_price_minor),
                list_price: money(ctx, r.list_price_minor),
                window,
                state: state_code,
                state_label: ctx.t(&format!("price-state-{state_code}")),
                note: r.note,
            }
        })
        .collect()
}

/// The form checked, its SKU looked up and its days turned into UTC moments; or the messages
/// for its fields.
pub async fn checked(
    state: &AppState,
    ctx: &PageContext,
    form: &PriceForm,
) -> Result<(NewPriceOwned, String), Vec<(&'static str, String)>> {
    let p = check_price(&PriceInput {
        sku: &form.sku,
        min_qty: &form.min_qty,
        price: &form.price,
        valid_from: &form.valid_from,
        valid_to: &form.valid_to,
        note: &form.note,
    })
    .map_err(|e| {
        e.into_iter()
            .map(|(f, k)| (f, ctx.t(k)))
            .collect::<Vec<_>>()
    })?;
    let sku = p.sku.clone();
    let product = db::run(&state.pool, move |c| store::product_id(c, &sku))
        .await
        .map_err(|_| vec![("sku", ctx.t("preview-sku-unknown"))])?;
    let Some(product_id) = product else {
        return Err(vec![("sku", ctx.t("preview-sku-unknown"))]);
    };
    let start = |d: chrono::NaiveDate| state.to_utc(d.and_hms_opt(0, 0, 0).unwrap_or_default());
    let summary = format!(
        "{} from {}: {} öre, {} – {}",
        p.sku,
        p.min_qty,
        p.unit_price_minor,
        p.from.map_or("open".into(), |d| d.to_string()),
        p.to.map_or("open".into(), |d| d.to_string()),
    );
    Ok((
        NewPriceOwned {
            product_id,
            min_qty: p.min_qty,
            unit_price_minor: p.unit_price_minor,
            valid_from: p.from.map(start),
            valid_to: p.to.and_then(|d| d.succ_opt()).map(start),
            note: p.note,
        },
        summary,
    ))
}

/// A checked price, owned (to move into the database call).
pub struct NewPriceOwned {
    pub product_id: i64,
    pub min_qty: i32,
    pub unit_price_minor: i64,
    pub valid_from: Option<chrono::NaiveDateTime>,
    pub valid_to: Option<chrono::NaiveDateTime>,
    pub note: String,
}

impl NewPriceOwned {
    pub fn borrowed(&self) -> NewPrice<'_> {
        NewPrice {
            product_id: self.product_id,
            min_qty: self.min_qty,
            unit_price_minor: self.unit_price_minor,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            note: &self.note,
        }
    }
}

/// Whose prices a form changes: a price list's tiers or a company's contract prices.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    List(i64),
    Company(i64),
}

impl Owner {
    fn subject(self) -> (&'static str, i64) {
        match self {
            Owner::List(id) => ("price_list", id),
            Owner::Company(id) => ("company", id),
        }
    }

    /// The audit actions of adding and removing a price.
    fn actions(self) -> (&'static str, &'static str) {
        match self {
            Owner::List(_) => ("price_list_add", "price_list_remove"),
            Owner::Company(_) => ("contract_price_add", "contract_price_remove"),
        }
    }

    fn exists(self, c: &mut db::DbConn) -> Result<bool, db::DbError> {
        Ok(match self {
            Owner::List(id) => store::list(c, id)?.is_some(),
            Owner::Company(id) => store::company_name(c, id)?.is_some(),
        })
    }

    fn remove(self, c: &mut db::DbConn, entry: i64) -> Result<Option<String>, db::DbError> {
        match self {
            Owner::List(id) => store::remove_entry(c, id, entry),
            Owner::Company(id) => store::remove_contract(c, id, entry),
        }
    }

    fn add(
        self,
        c: &mut db::DbConn,
        p: &NewPrice<'_>,
    ) -> Result<Result<i64, store::Clash>, db::DbError> {
        match self {
            Owner::List(id) => store::add_entry(c, id, p),
            Owner::Company(id) => store::add_contract(c, id, p),
        }
    }
}

/// Adds or removes one price of `owner` (scoped by it), audited, caches cleared; the redirect
/// to `back`, or the form's messages.
pub async fn apply(
    state: &AppState,
    ctx: &PageContext,
    session: &actix_session::Session,
    actor: i64,
    owner: Owner,
    form: &PriceForm,
    back: String,
) -> Result<Result<HttpResponse, Vec<(&'static str, String)>>, AppError> {
    let (subject_type, subject_id) = owner.subject();
    let (added_action, removed_action) = owner.actions();
    let record =
        move |c: &mut db::DbConn, action: &str, before: Option<&str>, after: Option<&str>| {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action,
                    subject_type,
                    subject_id: &subject_id.to_string(),
                    before,
                    after,
                },
            )
        };
    if form.action == "remove" {
        let entry: i64 = form.id.parse().map_err(|_| AppError::NotFound)?;
        let removed = db::run_write(&state.pool, move |c| {
            let Some(what) = owner.remove(c, entry)? else {
                return Ok(false);
            };
            record(c, removed_action, Some(&what), None)?;
            Ok(true)
        })
        .await?;
        if !removed {
            return Err(AppError::NotFound);
        }
        state.cache.clear();
        session::flash(session, "price-removed");
        return Ok(Ok(see_other(back)));
    }
    let (price, summary) = match checked(state, ctx, form).await {
        Ok(ok) => ok,
        Err(errors) => return Ok(Err(errors)),
    };
    let added = db::run_write(&state.pool, move |c| {
        if !owner.exists(c)? {
            return Ok(None);
        }
        let added = owner.add(c, &price.borrowed())?;
        if added.is_ok() {
            let after = match price.note.as_str() {
                "" => summary,
                note => format!("{summary} ({note})"),
            };
            record(c, added_action, None, Some(&after))?;
        }
        Ok(Some(added))
    })
    .await?;
    match added {
        None => Err(AppError::NotFound),
        Some(Ok(_)) => {
            state.cache.clear();
            session::flash(session, "price-added");
            Ok(Ok(see_other(back)))
        }
        Some(Err(_)) => Ok(Err(vec![("valid_from", ctx.t("price-overlap"))])),
    }
}
