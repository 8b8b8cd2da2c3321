//! Promotions for administrators and catalog managers: `GET /admin/promotions` (filter by state,
//! search titles; `?at=&audience=` previews what the homes show at a moment, with the
//! storefront's own query), `GET /admin/promotions/new` and `POST /admin/promotions` to add one,
//! `GET|POST /admin/promotions/{id}` (`action` = save | delete) to change one. Times are typed
//! and shown on the shop's clock, stored in UTC. Every change is audited and clears the shared
//! page caches so the homes show it at once.

use super::nav::{self, Choice, NavItem, OptionView};
use crate::auth::{StaffUser, session};
use crate::db::promotions::{self as store, PromotionRow, Saved};
use crate::db::{self, audit};
use crate::domain::promotions::{self as rules, AUDIENCES, Input, KINDS, State, TIME_FORMAT};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/promotions";

pub struct RowView {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub audience: String,
    /// "1 Mar 2026 08:00 – 31 Mar 2026 23:59 CET" / "from 1 Mar 2026 08:00 CET".
    pub window: String,
    pub priority: i32,
    pub state: String,
    pub state_code: &'static str,
}

/// A promotion as the home would show it, for the preview.
pub struct PreviewView {
    pub title: String,
    pub body: String,
    pub link_label: String,
}

#[derive(Template)]
#[template(path = "admin/promotions.html")]
pub struct PromotionsPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub states: Vec<OptionView>,
    pub rows: Vec<RowView>,
    pub at: String,
    pub audiences: Vec<OptionView>,
    /// "What consumers see at 1 Mar 2026 08:00 CET".
    pub preview_title: String,
    pub preview: Vec<PreviewView>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    audience: String,
}

fn label(ctx: &PageContext, prefix: &str, code: &str) -> String {
    ctx.t(&format!("{prefix}-{}", code.replace('_', "-")))
}

fn window(state: &AppState, ctx: &PageContext, r: &PromotionRow) -> String {
    let when = |t| crate::web::b2b::demos::when_label(state, t, ctx.locale);
    match r.ends_at {
        Some(end) => format!("{} – {}", when(r.starts_at), when(end)),
        None => ctx
            .locale
            .t_args("promo-from", &[("time", when(r.starts_at))]),
    }
}

/// The audiences a home asks for when `who` looks at it (as `web::b2c::home` and the B2B home do).
fn seen_by(who: &str) -> &'static [&'static str] {
    match who {
        "signed_in" => &["everyone", "consumers", "signed_in"],
        "companies" => &["everyone", "companies", "signed_in"],
        _ => &["everyone", "consumers"],
    }
}

/// `GET /admin/promotions?state=&q=&at=&audience=`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let wanted = State::parse(&query.state);
    let q: String = query.q.trim().chars().take(100).collect();
    let now = chrono::Utc::now().naive_utc();
    // The preview's moment: typed on the shop's clock, else now.
    let at_local = chrono::NaiveDateTime::parse_from_str(query.at.trim(), TIME_FORMAT)
        .unwrap_or_else(|_| state.local_now());
    let at_utc = state.to_utc(at_local);
    let who = ["consumers", "signed_in", "companies"]
        .into_iter()
        .find(|a| *a == query.audience)
        .unwrap_or("consumers");
    let (rows, preview) = db::run(&state.pool, move |c| {
        Ok((
            store::all(c)?,
            crate::db::content::current_promotions(c, at_utc, seen_by(who))?,
        ))
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let needle = q.to_lowercase();
    let rows = rows
        .iter()
        .filter(|r| needle.is_empty() || r.title.to_lowercase().contains(&needle))
        .filter_map(|r| {
            let st = rules::state(r.active, r.starts_at, r.ends_at, now);
            (wanted.is_none() || wanted == Some(st)).then(|| RowView {
                id: r.id,
                title: r.title.clone(),
                kind: label(&ctx, "promo-kind", &r.kind),
                audience: label(&ctx, "promo-audience", &r.audience),
                window: window(&state, &ctx, r),
                priority: r.priority,
                state: label(&ctx, "promo-state", st.code()),
                state_code: st.code(),
            })
        })
        .collect();
    let states = nav::filter_options(
        &ctx,
        wanted.map(State::code),
        &State::ALL.map(State::code),
        |s| label(&ctx, "promo-state", s),
    );
    let audiences = ["consumers", "signed_in", "companies"]
        .into_iter()
        .map(|a| OptionView {
            value: a.to_string(),
            label: label(&ctx, "promo-seen-by", a),
            selected: a == who,
        })
        .collect();
    let preview_title = ctx.locale.t_args(
        "promo-preview-title",
        &[
            ("audience", label(&ctx, "promo-seen-by", who)),
            (
                "time",
                crate::web::b2b::demos::when_label(&state, at_utc, ctx.locale),
            ),
        ],
    );
    let page = PromotionsPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        q,
        states,
        rows,
        at: at_local.format(TIME_FORMAT).to_string(),
        audiences,
        preview_title,
        preview: preview
            .into_iter()
            .map(|p| PreviewView {
                title: p.title,
                body: p.body,
                link_label: p.link_label,
            })
            .collect(),
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

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

fn form_page(
    ctx: PageContext,
    staff: &StaffUser,
    id: Option<i64>,
    form: PromotionForm,
    errors: Vec<(&'static str, String)>,
) -> PromotionFormPage {
    let alert = (!errors.is_empty()).then(|| ctx.t("promo-fix-errors"));
    PromotionFormPage {
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
    }
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
    render(&form_page(ctx, &staff, None, form, Vec::new()))
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
            let page = form_page(ctx, &staff, None, form, errors);
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
    render(&form_page(ctx, &staff, Some(id), form, Vec::new()))
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
            let page = form_page(ctx, &staff, Some(id), form, errors);
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
