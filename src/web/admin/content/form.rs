//! An article's form as shown: `GET /admin/content/new?kind=` and `GET /admin/content/{id}`, and
//! the page a preview or a refused save renders (`save` posts to it).

use super::{PATH, kind_label};
use crate::auth::StaffUser;
use crate::db::{self, content_admin as store};
use crate::domain::company_form::INDUSTRIES;
use crate::domain::content_form::{self as rules, AUDIENCES, KINDS, ROLES};
use crate::domain::coupon_form::TIME_FORMAT;
use crate::domain::markdown;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::admin::files::Library;
use crate::web::admin::nav::{self, NavItem, OptionView};
use crate::web::views::Choice;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The form as typed (the publishing time on the shop's clock).
#[derive(Deserialize, Default, Clone)]
pub struct ContentForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub video: String,
    #[serde(default)]
    pub captions: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub publish_at: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub action: String,
}

impl ContentForm {
    pub(super) fn of(state: &AppState, p: &store::Full) -> ContentForm {
        ContentForm {
            kind: p.kind.clone(),
            title: p.title.clone(),
            slug: p.slug.clone(),
            summary: p.summary.clone(),
            body: p.body.clone(),
            audience: p.audience.clone(),
            industry: p.industry.clone().unwrap_or_default(),
            role: p.role.clone().unwrap_or_default(),
            product: p.product_sku.clone().unwrap_or_default(),
            video: p.video_url.clone().unwrap_or_default(),
            captions: p.captions_url.clone().unwrap_or_default(),
            position: p.position.to_string(),
            publish_at: p
                .published_at
                .map(|t| state.to_local(t).format(TIME_FORMAT).to_string())
                .unwrap_or_default(),
            published: p.published_at.map(|_| "1".into()),
            action: String::new(),
        }
    }

    /// What was typed, cut to a little over each field's limit so a refused form shows it back.
    pub(super) fn clipped(mut self) -> ContentForm {
        for (field, n) in [
            (&mut self.title, rules::TITLE_MAX + 50),
            (&mut self.slug, rules::SLUG_MAX + 20),
            (&mut self.summary, rules::SUMMARY_MAX + 100),
            (&mut self.body, markdown::BODY_MAX + 1000),
            (&mut self.product, 40),
            (&mut self.video, rules::URL_MAX + 20),
            (&mut self.captions, rules::URL_MAX + 20),
            (&mut self.position, 10),
            (&mut self.publish_at, 30),
        ] {
            *field = field.chars().take(n).collect();
        }
        self
    }
}

/// The body as readers will see it, shown above the form.
pub struct Preview {
    pub title: String,
    pub summary: String,
    /// Sanitised by `domain::markdown`.
    pub body_html: String,
}

#[derive(Template)]
#[template(path = "admin/content_form.html")]
pub struct ContentFormPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: Option<i64>,
    /// The page readers open, once it is out.
    pub link: Option<String>,
    pub heading: String,
    pub form: ContentForm,
    pub kinds: Vec<Choice>,
    pub audiences: Vec<Choice>,
    pub industries: Vec<OptionView>,
    pub roles: Vec<OptionView>,
    pub preview: Option<Preview>,
    /// Why the page cannot be removed (demo bookings), when that is so.
    pub kept_by: Option<String>,
    pub errors: Vec<(&'static str, String)>,
    /// Uploaded files: films and captions to pick, pictures to paste into the text.
    pub library: Library,
}

impl ContentFormPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }

    pub fn action(&self) -> String {
        self.id
            .map_or_else(|| PATH.to_string(), |id| format!("{PATH}/{id}"))
    }
}

fn any_or(ctx: &PageContext, values: &[&str], selected: &str, prefix: &str) -> Vec<OptionView> {
    let mut out = vec![OptionView {
        value: String::new(),
        label: ctx.t("content-any"),
        selected: selected.is_empty(),
    }];
    out.extend(values.iter().map(|v| OptionView {
        value: v.to_string(),
        label: ctx.t(&format!("{prefix}-{v}")),
        selected: *v == selected,
    }));
    out
}

pub(super) struct Extra {
    pub(super) id: Option<i64>,
    pub(super) link: Option<String>,
    pub(super) kept_by: Option<String>,
    pub(super) preview: Option<Preview>,
}

pub(super) async fn form_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    extra: Extra,
    form: ContentForm,
    errors: Vec<(&'static str, String)>,
) -> Result<ContentFormPage, AppError> {
    let library = Library::load(state).await?;
    let heading = match extra.id {
        Some(_) => form.title.clone(),
        None => ctx.t("content-new"),
    };
    Ok(ContentFormPage {
        library,
        nav: nav::menu(&ctx, staff.role, PATH),
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: k,
                label: kind_label(&ctx, k),
                selected: *k == form.kind,
            })
            .collect(),
        audiences: AUDIENCES
            .iter()
            .map(|a| Choice {
                value: a,
                label: ctx.t(&format!("admin-faq-audience-{a}")),
                selected: *a == form.audience,
            })
            .collect(),
        industries: any_or(&ctx, &INDUSTRIES, &form.industry, "industry"),
        roles: any_or(&ctx, &ROLES, &form.role, "content-role"),
        id: extra.id,
        link: extra.link,
        kept_by: extra.kept_by,
        preview: extra.preview,
        heading,
        form,
        errors,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    kind: String,
}

/// `GET /admin/content/new?kind=guide`.
pub async fn new(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let kind = KINDS
        .iter()
        .find(|k| **k == query.kind)
        .copied()
        .unwrap_or("guide");
    let form = ContentForm {
        kind: kind.into(),
        audience: if matches!(kind, "demo" | "block") {
            "b2b"
        } else {
            "both"
        }
        .into(),
        position: "0".into(),
        ..ContentForm::default()
    };
    let ctx = nav::staff_context(&req, &staff);
    let extra = Extra {
        id: None,
        link: None,
        kept_by: None,
        preview: None,
    };
    render(&form_page(&state, ctx, &staff, extra, form, Vec::new()).await?)
}

/// Where readers find a page that is out (blocks have no page of their own).
pub(super) fn reader_link(p: &store::Full, now: chrono::NaiveDateTime) -> Option<String> {
    (p.kind != "block" && p.published_at.is_some_and(|t| t <= now))
        .then(|| format!("/content/{}", p.slug))
}

/// "Booked for 2 demos: switch it off (unpublish) instead", when bookings keep the page.
pub(super) fn kept_by(ctx: &PageContext, bookings: i64) -> Option<String> {
    (bookings > 0).then(|| ctx.locale.t_count("content-kept-by-bookings", bookings))
}

/// `GET /admin/content/{id}`.
pub async fn edit(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let (page, bookings) = db::run(&state.pool, move |c| {
        Ok((store::find(c, id)?, store::bookings(c, id)?))
    })
    .await?;
    let page = page.ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(&req, &staff);
    let now = chrono::Utc::now().naive_utc();
    let extra = Extra {
        id: Some(id),
        link: reader_link(&page, now),
        kept_by: kept_by(&ctx, bookings),
        preview: None,
    };
    let form = ContentForm::of(&state, &page);
    let page = form_page(&state, ctx, &staff, extra, form, Vec::new()).await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}
