//! A coupon's form: `GET /admin/coupons/new`, `POST /admin/coupons`,
//! `GET|POST /admin/coupons/{id}`. Checked as a whole, codes unique, audited.

use super::*;

#[derive(Template)]
#[template(path = "admin/coupon_form.html")]
pub struct CouponFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: Option<i64>,
    /// "Used 3 times" on an existing coupon.
    pub used: Option<String>,
    pub form: CouponForm,
    pub kinds: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
}

impl CouponFormPage {
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

/// The form as typed (times on the shop's clock).
#[derive(Deserialize, Default, Clone)]
pub struct CouponForm {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub min_subtotal: String,
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub max_uses: String,
    #[serde(default)]
    pub max_uses_per_customer: String,
    #[serde(default)]
    pub stackable: Option<String>,
    #[serde(default)]
    pub active: Option<String>,
}

impl CouponForm {
    fn of(state: &AppState, c: &Listed) -> CouponForm {
        let local = |t| state.to_local(t).format(TIME_FORMAT).to_string();
        let amount = |m: i64| {
            Money::from_minor(m, Currency::Sek)
                .amount()
                .normalize()
                .to_string()
        };
        CouponForm {
            code: c.code.clone(),
            kind: c.kind.clone(),
            value: match c.kind.as_str() {
                "percent" => rust_decimal::Decimal::new(i64::from(c.value_bp), 2)
                    .normalize()
                    .to_string(),
                "fixed" => amount(c.value_minor),
                _ => String::new(),
            },
            min_subtotal: if c.min_subtotal_minor > 0 {
                amount(c.min_subtotal_minor)
            } else {
                String::new()
            },
            starts: c.starts_at.map(local).unwrap_or_default(),
            ends: c.ends_at.map(local).unwrap_or_default(),
            max_uses: c.max_uses.map(|m| m.to_string()).unwrap_or_default(),
            max_uses_per_customer: c
                .max_uses_per_customer
                .map(|m| m.to_string())
                .unwrap_or_default(),
            stackable: c.stackable.then(|| "1".into()),
            active: c.active.then(|| "1".into()),
        }
    }

    fn clipped(mut self) -> CouponForm {
        for (field, n) in [
            (&mut self.code, 60),
            (&mut self.value, 20),
            (&mut self.min_subtotal, 20),
            (&mut self.starts, 30),
            (&mut self.ends, 30),
            (&mut self.max_uses, 12),
            (&mut self.max_uses_per_customer, 12),
        ] {
            *field = field.chars().take(n).collect();
        }
        self
    }
}

fn form_page(
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    used: Option<String>,
    form: CouponForm,
    errors: Vec<(&'static str, String)>,
) -> CouponFormPage {
    let alert = (!errors.is_empty()).then(|| ctx.t("promo-fix-errors"));
    CouponFormPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: k,
                label: ctx.t(&format!("coupon-kind-{}", k.replace('_', "-"))),
                selected: *k == form.kind,
            })
            .collect(),
        form: form.clipped(),
        id,
        used,
        errors,
        alert,
        ctx,
    }
}

/// `GET /admin/coupons/new`.
pub async fn new(req: HttpRequest, staff: StaffUser) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = CouponForm {
        kind: "percent".into(),
        active: Some("1".into()),
        ..CouponForm::default()
    };
    render(&form_page(ctx, &staff, None, None, form, Vec::new()))
}

fn checked(
    state: &AppState,
    form: &CouponForm,
    ctx: &PageContext,
) -> Result<Saved, Vec<(&'static str, String)>> {
    let d = rules::check(&Input {
        code: &form.code,
        kind: &form.kind,
        value: &form.value,
        min_subtotal: &form.min_subtotal,
        starts: &form.starts,
        ends: &form.ends,
        max_uses: &form.max_uses,
        max_uses_per_customer: &form.max_uses_per_customer,
    })
    .map_err(|e| {
        e.into_iter()
            .map(|(f, k)| (f, ctx.t(k)))
            .collect::<Vec<_>>()
    })?;
    Ok(Saved {
        code: d.code,
        kind: d.kind,
        value_bp: d.value_bp,
        value_minor: d.value_minor,
        min_subtotal_minor: d.min_subtotal_minor,
        starts_at: d.starts.map(|t| state.to_utc(t)),
        ends_at: d.ends.map(|t| state.to_utc(t)),
        max_uses: d.max_uses,
        max_uses_per_customer: d.max_uses_per_customer,
        stackable: form.stackable.is_some(),
        active: form.active.is_some(),
    })
}

fn audited(s: &Saved) -> String {
    format!(
        "{} [{} {}{}, min {}, uses ≤ {}{}{}]",
        s.code,
        s.kind,
        s.value_bp,
        if s.kind == "fixed" {
            format!(" / {} öre", s.value_minor)
        } else {
            String::new()
        },
        s.min_subtotal_minor,
        s.max_uses.map_or("∞".to_string(), |m| m.to_string()),
        if s.stackable { ", stackable" } else { "" },
        if s.active { "" } else { ", off" }
    )
}

/// Saves a new coupon or a change; a code another coupon has is refused next to the field.
async fn save(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: Option<i64>,
    form: CouponForm,
) -> Result<HttpResponse, AppError> {
    let ctx = nav::staff_context(&req, &staff);
    let before = match id {
        Some(id) => Some(
            db::run(&state.pool, move |c| store::find(c, id))
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let used = before
        .as_ref()
        .map(|b| ctx.locale.t_count("coupon-used-times", i64::from(b.uses)));
    let saved = match checked(&state, &form, &ctx) {
        Ok(s) => s,
        Err(errors) => {
            let page = form_page(ctx, &staff, id, used, form, errors);
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
    let was = before.as_ref().map(|b| {
        format!(
            "{} [{} {} / {} öre, min {}, uses {}]",
            b.code, b.kind, b.value_bp, b.value_minor, b.min_subtotal_minor, b.uses
        )
    });
    let outcome = db::run_write(&state.pool, move |c| {
        if store::code_taken(c, &saved.code, id)? {
            return Ok(None);
        }
        let id = store::save(c, id, &saved, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if was.is_some() {
                    "coupon_update"
                } else {
                    "coupon_create"
                },
                subject_type: "coupon",
                subject_id: &id.to_string(),
                before: was.as_deref(),
                after: Some(&audited(&saved)),
            },
        )?;
        Ok(Some(id))
    })
    .await;
    // Taken by one saved at the same moment: the unique index said no.
    let outcome = match outcome {
        Err(e) if e.is_unique_violation() => Ok(None),
        other => other,
    };
    match outcome {
        Ok(Some(saved_id)) => {
            session::flash(&session, "coupon-saved");
            Ok(see_other(format!("{PATH}/{saved_id}")))
        }
        // Taken: by another coupon, or by one saved at the same moment.
        Ok(None) => {
            let errors = vec![("code", ctx.t("coupon-form-code-taken"))];
            let page = form_page(ctx, &staff, id, used, form, errors);
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/coupons`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<CouponForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    save(req, staff, state, session, None, form.into_inner()).await
}

/// `GET /admin/coupons/{id}`.
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
    let used = Some(ctx.locale.t_count("coupon-used-times", i64::from(row.uses)));
    let form = CouponForm::of(&state, &row);
    render(&form_page(ctx, &staff, Some(id), used, form, Vec::new()))
}

/// `POST /admin/coupons/{id}`.
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<CouponForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    save(
        req,
        staff,
        state,
        session,
        Some(id.into_inner()),
        form.into_inner(),
    )
    .await
}
