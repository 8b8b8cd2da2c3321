//! A promotion's form: `GET /admin/promotions/new`, `POST /admin/promotions`,
//! `GET|POST /admin/promotions/{id}` (`action` = save | delete). Checked as a whole, audited,
//! and the read caches cleared so the homes change at once.

use super::*;

#[derive(Template)]
#[template(path = "admin/promotion_form.html")]
pub struct PromotionFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    /// `None` for a new promotion.
    pub id: Option<i64>,
    pub form: PromotionForm,
    pub kinds: Vec<Choice>,
    pub audiences: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
    /// Uploaded pictures to pick.
    pub library: crate::web::admin::files::Library,
}

impl PromotionFormPage {
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

/// The form as typed (times on the shop's clock, as `datetime-local` sends them).
#[derive(Deserialize, Default, Clone)]
pub struct PromotionForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub link_url: String,
    #[serde(default)]
    pub link_label: String,
    #[serde(default)]
    pub image_url: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub priority: String,
    #[serde(default)]
    pub active: Option<String>,
    #[serde(default)]
    action: String,
}

impl PromotionForm {
    fn of(state: &AppState, r: &PromotionRow) -> PromotionForm {
        let local = |t| state.to_local(t).format(TIME_FORMAT).to_string();
        PromotionForm {
            kind: r.kind.clone(),
            title: r.title.clone(),
            body: r.body.clone(),
            link_url: r.link_url.clone().unwrap_or_default(),
            link_label: r.link_label.clone(),
            image_url: r.image_url.clone().unwrap_or_default(),
            audience: r.audience.clone(),
            starts: local(r.starts_at),
            ends: r.ends_at.map(local).unwrap_or_default(),
            priority: r.priority.to_string(),
            active: r.active.then(|| "1".into()),
            action: String::new(),
        }
    }

    /// Cut to sizes a page can hold (what is longer is refused anyway).
    fn clipped(mut self) -> PromotionForm {
        let clip = |s: &mut String, n: usize| *s = s.chars().take(n).collect();
        clip(&mut self.title, rules::TITLE_MAX + 50);
        clip(&mut self.body, rules::BODY_MAX + 100);
        clip(&mut self.link_url, 600);
        clip(&mut self.link_label, rules::LABEL_MAX + 20);
        clip(&mut self.image_url, 400);
        clip(&mut self.starts, 30);
        clip(&mut self.ends, 30);
        clip(&mut self.priority, 12);
        self
    }
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    form: PromotionForm,
    errors: Vec<(&'static str, String)>,
) -> Result<PromotionFormPage, AppError> {
    let library = crate::web::admin::files::Library::load(state).await?;
    let alert = (!errors.is_empty()).then(|| ctx.t("promo-fix-errors"));
    Ok(PromotionFormPage {
        library,
        nav: nav::menu(&ctx, staff.role, PATH),
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: k,
                label: label(&ctx, "promo-kind", k),
                selected: *k == form.kind,
            })
            .collect(),
        audiences: AUDIENCES
            .iter()
            .map(|a| Choice {
                value: a,
                label: label(&ctx, "promo-audience", a),
                selected: *a == form.audience,
            })
            .collect(),
        form: form.clipped(),
        id,
        errors,
        alert,
        ctx,
    })
}

/// `GET /admin/promotions/new`.
pub async fn new(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = PromotionForm {
        kind: "banner".into(),
        audience: "everyone".into(),
        starts: state.local_now().format(TIME_FORMAT).to_string(),
        priority: "0".into(),
        active: Some("1".into()),
        ..PromotionForm::default()
    };
    render(&form_page(&state, ctx, &staff, None, form, Vec::new()).await?)
}

/// The form checked and turned into what is saved (UTC), or the messages for its fields.
fn checked(
    state: &AppState,
    form: &PromotionForm,
    ctx: &PageContext,
) -> Result<Saved, Vec<(&'static str, String)>> {
    let p = rules::check(&Input {
        kind: &form.kind,
        title: &form.title,
        body: &form.body,
        link_url: &form.link_url,
        link_label: &form.link_label,
        image_url: &form.image_url,
        audience: &form.audience,
        starts: &form.starts,
        ends: &form.ends,
        priority: &form.priority,
    })
    .map_err(|e| {
        e.into_iter()
            .map(|(f, k)| {
                let message = match k {
                    "promo-title-long" => ctx
                        .locale
                        .t_args(k, &[("count", rules::TITLE_MAX.to_string())]),
                    "promo-body-long" => ctx
                        .locale
                        .t_args(k, &[("count", rules::BODY_MAX.to_string())]),
                    "promo-label-long" => ctx
                        .locale
                        .t_args(k, &[("count", rules::LABEL_MAX.to_string())]),
                    _ => ctx.t(k),
                };
                (f, message)
            })
            .collect::<Vec<_>>()
    })?;
    Ok(Saved {
        kind: p.kind,
        title: p.title,
        body: p.body,
        image_url: p.image_url,
        link_url: p.link_url,
        link_label: p.link_label,
        audience: p.audience,
        starts_at: state.to_utc(p.starts),
        ends_at: p.ends.map(|t| state.to_utc(t)),
        priority: p.priority,
        active: form.active.is_some(),
    })
}

/// What the audit log keeps of a promotion.
fn audited(
    title: &str,
    audience: &str,
    starts: chrono::NaiveDateTime,
    ends: Option<chrono::NaiveDateTime>,
    priority: i32,
    active: bool,
) -> String {
    format!(
        "{title} [{audience}, {} – {}, priority {priority}{}]",
        starts.format("%Y-%m-%d %H:%M UTC"),
        ends.map_or("open".to_string(), |e| e
            .format("%Y-%m-%d %H:%M UTC")
            .to_string()),
        if active { "" } else { ", off" }
    )
}

fn audited_saved(p: &Saved) -> String {
    audited(
        &p.title,
        p.audience,
        p.starts_at,
        p.ends_at,
        p.priority,
        p.active,
    )
}

fn audited_row(r: &PromotionRow) -> String {
    audited(
        &r.title,
        &r.audience,
        r.starts_at,
        r.ends_at,
        r.priority,
        r.active,
    )
}

/// `POST /admin/promotions`.
pub async fn create(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<PromotionForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let form = form.into_inner();
    let ctx = nav::staff_context(&req, &staff);
    let saved = match checked(&state, &form, &ctx) {
        Ok(p) => p,
        Err(errors) => {
            let page = form_page(&state, ctx, &staff, None, form, errors).await?;
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (actor, now) = (staff.user.id, chrono::Utc::now().naive_utc());
    let id = db::run_write(&state.pool, move |c| {
        let id = store::create(c, &saved, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "promotion_create",
                subject_type: "promotion",
                subject_id: &id.to_string(),
                before: None,
                after: Some(&audited_saved(&saved)),
            },
        )?;
        Ok(id)
    })
    .await?;
    state.cache.clear();
    session::flash(&session, "promo-saved");
    Ok(see_other(format!("{PATH}/{id}")))
}

/// `GET /admin/promotions/{id}`.
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
    let form = PromotionForm::of(&state, &row);
    render(&form_page(&state, ctx, &staff, Some(id), form, Vec::new()).await?)
}

/// `POST /admin/promotions/{id}` (`action` = save | delete).
pub async fn update(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<PromotionForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let form = form.into_inner();
    let before = db::run(&state.pool, move |c| store::find(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let was = audited_row(&before);
    let actor = staff.user.id;
    let ctx = nav::staff_context(&req, &staff);
    if form.action == "delete" {
        db::run_write(&state.pool, move |c| {
            if store::delete(c, id)? {
                audit::record(
                    c,
                    &audit::Entry {
                        actor_user_id: Some(actor),
                        action: "promotion_delete",
                        subject_type: "promotion",
                        subject_id: &id.to_string(),
                        before: Some(&was),
                        after: None,
                    },
                )?;
            }
            Ok(())
        })
        .await?;
        state.cache.clear();
        session::flash(&session, "promo-deleted");
        return Ok(see_other(PATH));
    }
    let saved = match checked(&state, &form, &ctx) {
        Ok(p) => p,
        Err(errors) => {
            let page = form_page(&state, ctx, &staff, Some(id), form, errors).await?;
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let found = db::run_write(&state.pool, move |c| {
        let found = store::update(c, id, &saved)?;
        if found {
            audit::record(
                c,
                &audit::Entry {
                    actor_user_id: Some(actor),
                    action: "promotion_update",
                    subject_type: "promotion",
                    subject_id: &id.to_string(),
                    before: Some(&was),
                    after: Some(&audited_saved(&saved)),
                },
            )?;
        }
        Ok(found)
    })
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    state.cache.clear();
    session::flash(&session, "promo-saved");
    Ok(see_other(format!("{PATH}/{id}")))
}
