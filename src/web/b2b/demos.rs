//! "Book a live demo" in the portal: `/b2b/demos/new` (from the home's demos or a demo page,
//! `?demo={slug}`) asks for one, `/b2b/demos` lists the company's requests (a buyer their own;
//! approvers and admins all) and `/b2b/demos/{number}` shows one with its time and meeting
//! details once a sales representative has scheduled it, where the requester or a company admin
//! withdraws it. Another company's request is 404.

use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, demos::DemoRow};
use crate::domain::accounts::CompanyRole;
use crate::domain::demos::{
    self, AHEAD_MAX_DAYS, Action, Format, RequestInput, Status, TimeOfDay, next,
};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, render, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

pub const PATH: &str = "/b2b/demos";

/// Who sees every request of the company (not only their own).
fn sees_all(role: CompanyRole) -> bool {
    matches!(role, CompanyRole::Approver | CompanyRole::Admin)
}

/// A request's status in words.
pub fn status_label(status: Status, locale: Locale) -> String {
    locale.t(&format!("demo-status-{}", status.code()))
}

/// "Mon 7 Dec 2026, morning".
pub fn preferred_label(d: &DemoRow, locale: Locale) -> String {
    format!(
        "{}, {}",
        locale.date(d.preferred_date.and_time(chrono::NaiveTime::MIN)),
        locale.t(&format!("demo-time-{}", d.time_of_day().code()))
    )
}

pub fn format_label(f: Format, locale: Locale) -> String {
    locale.t(&format!("demo-format-{}", f.code().replace('_', "-")))
}

/// A scheduled time on the shop's clock, with its zone ("7 Dec 2026 10:30 CET").
pub fn when_label(state: &AppState, utc: chrono::NaiveDateTime, locale: Locale) -> String {
    let local = utc.and_utc().with_timezone(&state.time_zone);
    format!(
        "{} {}",
        locale.date(local.naive_local()),
        local.format("%H:%M %Z")
    )
}

/// One choice of a radio group.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
    current: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|t| Choice {
            value: code(*t),
            label: label(*t),
            checked: code(*t) == current,
        })
        .collect()
}

pub struct DemoRowView {
    pub number: String,
    pub url: String,
    pub topic: String,
    pub requester: String,
    pub preferred: String,
    pub when: String,
    pub status: String,
    pub status_code: &'static str,
}

#[derive(Template)]
#[template(path = "b2b/demos.html")]
pub struct DemosPage {
    pub ctx: PageContext,
    pub rows: Vec<DemoRowView>,
}

/// `GET /b2b/demos`.
pub async fn index(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let (company, me) = (member.company.id, member.user.id);
    let only = (!sees_all(member.role)).then_some(me);
    let rows = db::run(&state.pool, move |c| {
        db::demos::for_company(c, company, only)
    })
    .await?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let rows = rows
        .into_iter()
        .map(|d| DemoRowView {
            url: format!("{PATH}/{}", d.number),
            preferred: preferred_label(&d, locale),
            when: d
                .scheduled_at
                .filter(|_| d.status() != Status::Requested)
                .map(|t| when_label(&state, t, locale))
                .unwrap_or_default(),
            status: status_label(d.status(), locale),
            status_code: d.status().code(),
            requester: d.requester,
            topic: d.topic,
            number: d.number,
        })
        .collect();
    Ok(crate::web::cache_control(
        render(&DemosPage { ctx, rows })?,
        "no-store",
    ))
}

#[derive(Template)]
#[template(path = "b2b/demo_new.html")]
pub struct NewDemoPage {
    pub ctx: PageContext,
    /// The demo page it was asked from: (slug, title).
    pub demo: Option<(String, String)>,
    pub topic: String,
    pub preferred_date: String,
    pub times: Vec<Choice>,
    pub formats: Vec<Choice>,
    pub attendees: String,
    pub phone: String,
    pub message: String,
    pub min_date: String,
    pub max_date: String,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
}

impl NewDemoPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Deserialize, Default)]
pub struct DemoForm {
    #[serde(default)]
    demo: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    preferred_date: String,
    #[serde(default)]
    time_of_day: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    attendees: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    message: String,
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn new_page(
    ctx: PageContext,
    state: &AppState,
    demo: Option<(String, String)>,
    form: &DemoForm,
    errors: Vec<(&'static str, String)>,
) -> NewDemoPage {
    let locale = ctx.locale;
    let today = state.local_now().date();
    let alert = (!errors.is_empty()).then(|| locale.t("demo-fix-errors"));
    NewDemoPage {
        times: choices(
            &TimeOfDay::ALL,
            TimeOfDay::code,
            |t| locale.t(&format!("demo-time-{}", t.code())),
            form.time_of_day.trim(),
        ),
        formats: choices(
            &Format::ALL,
            Format::code,
            |f| format_label(f, locale),
            form.format.trim(),
        ),
        topic: clip(&form.topic, demos::TOPIC_MAX + 50),
        preferred_date: clip(&form.preferred_date, 20),
        attendees: clip(&form.attendees, 10),
        phone: clip(&form.phone, 40),
        message: clip(&form.message, demos::MESSAGE_MAX + 100),
        min_date: (today + chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string(),
        max_date: (today + chrono::Duration::days(AHEAD_MAX_DAYS))
            .format("%Y-%m-%d")
            .to_string(),
        demo,
        errors,
        alert,
        ctx,
    }
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    demo: String,
}

/// The published demo page `slug`, if any: (id, slug, title).
async fn demo_page(
    state: &AppState,
    slug: &str,
) -> Result<Option<(i64, String, String)>, AppError> {
    let Some(slug) = crate::domain::catalog::Slug::parse(slug.trim()) else {
        return Ok(None);
    };
    let now = chrono::Utc::now().naive_utc();
    Ok(db::run(&state.pool, move |c| {
        db::demos::demo_page(c, slug.as_str(), now)
    })
    .await?)
}

/// `GET /b2b/demos/new` (`?demo={slug}` names the demo page it was asked from).
pub async fn new(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    CompanyMember::of(&principal, "/b2b/demos/new")?;
    let demo = demo_page(&state, &query.demo).await?;
    let form = DemoForm {
        topic: demo.as_ref().map(|d| d.2.clone()).unwrap_or_default(),
        time_of_day: TimeOfDay::Any.code().into(),
        format: Format::Online.code().into(),
        attendees: "1".into(),
        ..DemoForm::default()
    };
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let page = new_page(ctx, &state, demo.map(|d| (d.1, d.2)), &form, Vec::new());
    render(&page)
}

/// `POST /b2b/demos`: `demo`, `topic`, `preferred_date`, `time_of_day`, `format`, `attendees`,
/// `phone`, `message`.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<DemoForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, "/b2b/demos/new")?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let demo = demo_page(&state, &form.demo).await?;
    let checked = demos::check_request(
        &RequestInput {
            topic: &form.topic,
            preferred_date: &form.preferred_date,
            time_of_day: &form.time_of_day,
            format: &form.format,
            attendees: &form.attendees,
            phone: &form.phone,
            message: &form.message,
        },
        state.local_now().date(),
    );
    let request = match checked {
        Ok(r) => r,
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|(field, key)| (field, locale.t(key)))
                .collect();
            let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
            let page = new_page(ctx, &state, demo.map(|d| (d.1, d.2)), &form, errors);
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (company, company_name, me) = (
        member.company.id,
        member.company.name.clone(),
        member.user.id,
    );
    let (my_email, my_locale) = (member.user.email.clone(), locale);
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let default = state.default_locale;
    let content = demo.map(|d| d.0);
    let number = db::run_write(&state.pool, move |c| {
        let number = db::demos::create(c, company, me, content, &request, now)?;
        let args = |link: String| {
            vec![
                ("number", number.clone()),
                ("company", company_name.clone()),
                ("topic", request.topic.clone()),
                ("link", link),
            ]
        };
        for (email, lang) in db::demos::shop_side(c, None)? {
            let their = lang.as_deref().and_then(Locale::parse).unwrap_or(default);
            let link = format!("{base}/admin/demos/{number}");
            Mail::demo_update(their, &email, "requested", &args(link)).enqueue(c)?;
        }
        let link = format!("{base}{PATH}/{number}");
        Mail::demo_update(my_locale, &my_email, "received", &args(link)).enqueue(c)?;
        Ok(number)
    })
    .await?;
    session::flash(&session, "demo-requested");
    Ok(see_other(format!("{PATH}/{number}")))
}

#[derive(Template)]
#[template(path = "b2b/demo.html")]
pub struct DemoPage {
    pub ctx: PageContext,
    pub number: String,
    pub topic: String,
    pub status: String,
    pub status_code: &'static str,
    pub requester: String,
    pub preferred: String,
    pub format: String,
    pub attendees: i32,
    pub phone: String,
    pub message: String,
    pub demo: Option<(String, String)>,
    pub when: Option<String>,
    pub meeting_details: Option<String>,
    pub staff_note: Option<String>,
    pub created: String,
    pub can_withdraw: bool,
}

/// The request `number` as `member` may see it (404 otherwise).
async fn visible(
    state: &AppState,
    member: &CompanyMember,
    number: String,
) -> Result<DemoRow, AppError> {
    let company = member.company.id;
    let row = db::run(&state.pool, move |c| {
        db::demos::find(c, &number, Some(company))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    if sees_all(member.role) || row.requested_by == member.user.id {
        Ok(row)
    } else {
        Err(AppError::NotFound)
    }
}

/// Whether `member` may withdraw it: the requester or a company admin, while it is open.
fn may_withdraw(member: &CompanyMember, d: &DemoRow) -> bool {
    (d.requested_by == member.user.id || member.role == CompanyRole::Admin)
        && next(d.status(), Action::Withdraw, false).is_some()
}

/// `GET /b2b/demos/{number}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let d = visible(&state, &member, number.into_inner()).await?;
    let can_withdraw = may_withdraw(&member, &d);
    let demo_title = match &d.demo_slug {
        Some(slug) => demo_page(&state, slug).await?.map(|p| (p.1, p.2)),
        None => None,
    };
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let scheduled = d.status() == Status::Scheduled || d.status() == Status::Held;
    let page = DemoPage {
        status: status_label(d.status(), locale),
        status_code: d.status().code(),
        preferred: preferred_label(&d, locale),
        format: format_label(d.format(), locale),
        when: d
            .scheduled_at
            .filter(|_| scheduled)
            .map(|t| when_label(&state, t, locale)),
        meeting_details: d.meeting_details.clone().filter(|_| scheduled),
        staff_note: d
            .staff_note
            .clone()
            .filter(|_| d.status() == Status::Cancelled),
        created: locale.date(d.created_at),
        demo: demo_title,
        can_withdraw,
        attendees: d.attendees,
        phone: d.phone.unwrap_or_default(),
        message: d.message,
        requester: d.requester,
        topic: d.topic,
        number: d.number,
        ctx,
    };
    Ok(crate::web::cache_control(render(&page)?, "no-store"))
}

/// `POST /b2b/demos/{number}/withdraw`.
pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let d = visible(&state, &member, number.into_inner()).await?;
    if d.requested_by != member.user.id && member.role != CompanyRole::Admin {
        return Err(AppError::Forbidden);
    }
    let Some(to) = next(d.status(), Action::Withdraw, false) else {
        session::flash(&session, "demo-not-now");
        return Ok(see_other(format!("{PATH}/{}", d.number)));
    };
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let default = state.default_locale;
    let (id, from, url) = (d.id, d.status(), format!("{PATH}/{}", d.number));
    let moved = db::run_write(&state.pool, move |c| {
        let changes = db::demos::Changes::default();
        if !db::demos::apply(c, id, from, to, &changes, now)? {
            return Ok(false);
        }
        let args = vec![
            ("number", d.number.clone()),
            ("company", d.company.clone()),
            ("topic", d.topic.clone()),
            ("link", format!("{base}/admin/demos/{}", d.number)),
        ];
        for (email, lang) in db::demos::shop_side(c, d.assigned_to)? {
            let their = lang.as_deref().and_then(Locale::parse).unwrap_or(default);
            Mail::demo_update(their, &email, "withdrawn", &args).enqueue(c)?;
        }
        Ok(true)
    })
    .await?;
    session::flash(
        &session,
        if moved {
            "demo-withdrawn"
        } else {
            "demo-not-now"
        },
    );
    Ok(see_other(url))
}
