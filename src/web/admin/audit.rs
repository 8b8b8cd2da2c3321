//! `GET /admin/audit?action=&actor=&subject_type=&subject=&from=&to=&page=`: the audit log for
//! administrators, newest first, 50 to a page: who (name and e-mail), what, on what, and the
//! change (before → after), at the shop's time. Filters by action, actor e-mail, subject kind
//! and id, and a span of shop days; a date that cannot be read is said next to its field and
//! left out of the filter.

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db::{self, audit};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/audit";
const PER_PAGE: i64 = 50;

pub struct EntryView {
    pub when: String,
    pub actor: String,
    pub actor_email: String,
    pub action: String,
    pub subject: String,
    /// "before → after", cut to a readable length.
    pub change: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub actions: Vec<OptionView>,
    pub subject_types: Vec<OptionView>,
    pub actor: String,
    pub subject: String,
    pub from: String,
    pub to: String,
    pub from_error: Option<String>,
    pub to_error: Option<String>,
    pub entries: Vec<EntryView>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    subject_type: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

fn clip(s: &str, n: usize) -> String {
    let s = s.trim();
    let short: String = s.chars().take(n).collect();
    if short.chars().count() < s.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}

/// A typed day (`YYYY-MM-DD`): `Ok(None)` when empty, `Err` when it cannot be read.
fn day(typed: &str) -> Result<Option<chrono::NaiveDate>, ()> {
    match typed.trim() {
        "" => Ok(None),
        t => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ()),
    }
}

/// `GET /admin/audit`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let ctx = nav::staff_context(&req, &staff);
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let from = day(&query.from);
    let to = day(&query.to);
    let midnight = |d: chrono::NaiveDate| state.to_utc(d.and_hms_opt(0, 0, 0).unwrap_or_default());
    let (actions, subject_types) = db::run(&state.pool, audit::kinds).await?;
    let pick = |typed: &str, known: &[String]| known.iter().find(|k| *k == typed).cloned();
    let filter = audit::Filter {
        action: pick(&query.action, &actions),
        actor: query.actor.trim().chars().take(100).collect(),
        subject_type: pick(&query.subject_type, &subject_types),
        subject: query.subject.trim().chars().take(100).collect(),
        from: from.ok().flatten().map(midnight),
        // The "to" day is included: entries before the next midnight.
        until: to
            .ok()
            .flatten()
            .map(|d| midnight(d + chrono::Duration::days(1))),
    };
    let wanted = filter.clone();
    let (rows, more) = db::run(&state.pool, move |c| {
        audit::search(c, &wanted, page, PER_PAGE)
    })
    .await?;
    let options = |known: &[String], chosen: &Option<String>| {
        let mut all = vec![OptionView {
            value: String::new(),
            label: ctx.t("admin-all"),
            selected: chosen.is_none(),
        }];
        all.extend(known.iter().map(|k| OptionView {
            value: k.clone(),
            label: k.clone(),
            selected: chosen.as_deref() == Some(k.as_str()),
        }));
        all
    };
    let link = |p: i64| {
        format!(
            "{PATH}?action={}&actor={}&subject_type={}&subject={}&from={}&to={}&page={p}",
            crate::web::url_encode(filter.action.as_deref().unwrap_or_default()),
            crate::web::url_encode(&filter.actor),
            crate::web::url_encode(filter.subject_type.as_deref().unwrap_or_default()),
            crate::web::url_encode(&filter.subject),
            crate::web::url_encode(query.from.trim()),
            crate::web::url_encode(query.to.trim()),
        )
    };
    let date_error = || Some(ctx.t("admin-audit-date-invalid"));
    let page_view = AuditPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        actions: options(&actions, &filter.action),
        subject_types: options(&subject_types, &filter.subject_type),
        actor: filter.actor.clone(),
        subject: filter.subject.clone(),
        from: clip(&query.from, 20),
        to: clip(&query.to, 20),
        from_error: from.is_err().then(date_error).flatten(),
        to_error: to.is_err().then(date_error).flatten(),
        entries: rows
            .into_iter()
            .map(|e| EntryView {
                when: state
                    .to_local(e.created_at)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string(),
                actor: e.actor_name.unwrap_or_else(|| "—".into()),
                actor_email: e.actor_email.unwrap_or_default(),
                action: e.action,
                subject: format!("{} {}", e.subject_type, e.subject_id),
                change: match (e.before, e.after) {
                    (Some(b), Some(a)) => format!("{} → {}", clip(&b, 150), clip(&a, 150)),
                    (None, Some(a)) => clip(&a, 300),
                    (Some(b), None) => format!("{} → —", clip(&b, 150)),
                    (None, None) => String::new(),
                },
            })
            .collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page_view)?,
        "private, no-store",
    ))
}
