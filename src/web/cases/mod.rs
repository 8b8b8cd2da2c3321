//! After-sales cases in the shop (either theme). A case is opened from an order's page (its link
//! works for guests: `GET|POST /orders/{number}/case?t=`), read at `/cases/{number}` by the
//! person who opened it, their company's admins and approvers, or anyone holding the case link's
//! token (`?t=`, mailed to the customer); `/cases` lists a signed-in person's cases.

pub mod files;
pub mod list;
pub mod new;
pub mod one;

use crate::auth::Principal;
use crate::db::cases::{CaseRow, MessageRow};
use crate::domain::accounts::CompanyRole;
use crate::domain::cases::{self, Reader, Timer};
use crate::i18n::Locale;
use crate::startup::AppState;
use actix_web::web;

/// "Damaged goods".
pub fn kind_label(code: &str, locale: Locale) -> String {
    locale.t(&format!("case-kind-{code}"))
}

/// "Waiting for your reply".
pub fn status_label(code: &str, locale: Locale) -> String {
    locale.t(&format!("case-status-{}", code.replace('_', "-")))
}

/// The case's page for whoever holds the link.
pub fn case_url(number: &str, token: &str) -> String {
    format!("/cases/{number}?t={}", crate::web::url_encode(token))
}

/// The reader the rules know for a signed-in customer (staff read cases in admin).
pub fn reader_of(principal: &Principal) -> Option<Reader> {
    match principal {
        Principal::Consumer(u) => Some(Reader::Consumer { user: u.id }),
        Principal::CompanyUser {
            user,
            company,
            role,
            ..
        } => Some(Reader::Company {
            user: user.id,
            company: company.id,
            company_wide: matches!(role, CompanyRole::Admin | CompanyRole::Approver),
        }),
        _ => None,
    }
}

/// Whether this request may read `case`: by the rules for who is signed in, or with the link's
/// token.
pub fn may_read(case: &CaseRow, principal: &Principal, token: &str) -> bool {
    let by_link = !token.is_empty() && token == case.public_token;
    by_link
        || reader_of(principal).is_some_and(|r| cases::may_read(r, case.user_id, case.company_id))
}

/// "within 1 hour", "12 minutes", "2 days 3 hours".
pub fn span(d: chrono::Duration, locale: Locale) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(locale.t_count("duration-days", days));
    }
    if hours > 0 {
        parts.push(locale.t_count("duration-hours", hours));
    }
    if mins > 0 && days == 0 {
        parts.push(locale.t_count("duration-minutes", mins));
    }
    if parts.is_empty() {
        parts.push(locale.t_count("duration-minutes", 0));
    }
    parts.join(" ")
}

/// A timer in words ("Answered after 12 minutes", "Overdue by 5 minutes") and whether it shows
/// a missed target.
pub fn timer_text(which: &str, t: Timer, locale: Locale) -> (String, bool) {
    let (key, d) = match t {
        Timer::Met { margin } => ("met", margin),
        Timer::Late { by } => ("late", by),
        Timer::Running { left } => ("running", left),
        Timer::Paused { left } => ("paused", left),
        Timer::Overdue { by } => ("overdue", by),
    };
    (
        locale.t_args(
            &format!("case-timer-{which}-{key}"),
            &[("time", span(d, locale))],
        ),
        t.breached(),
    )
}

/// One photo in a thread.
pub struct PhotoView {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

/// One entry of a thread.
pub struct MessageView {
    pub id: i64,
    /// "You", "Duett customer service · Sam", "Internal note · Sam".
    pub author: String,
    pub body: String,
    pub at: String,
    pub datetime: String,
    pub from_staff: bool,
    pub internal: bool,
    /// A step (status changed, a return started) rather than a message.
    pub event: bool,
    pub photos: Vec<PhotoView>,
}

/// A time on the shop's clock with its zone ("3 Dec 2026 17:20 CET").
pub fn stamp(state: &AppState, utc: chrono::NaiveDateTime, locale: Locale) -> String {
    crate::web::b2b::demos::when_label(state, utc, locale)
}

/// Turns the thread into views; `photo_url(id)` is where a photo is served for this reader,
/// `staff` shows agents' names and internal notes.
pub fn thread_view(
    state: &AppState,
    rows: &[MessageRow],
    photos: &[crate::db::cases::AttachmentRow],
    photo_url: impl Fn(i64) -> String,
    staff: bool,
    locale: Locale,
) -> Vec<MessageView> {
    rows.iter()
        .map(|m| {
            let author = match (&m.event, m.from_staff, m.internal) {
                (Some(_), _, _) => m.author.clone().unwrap_or_default(),
                (None, true, true) => locale.t_args(
                    "case-internal-by",
                    &[("name", m.author.clone().unwrap_or_default())],
                ),
                (None, true, false) if staff => locale.t_args(
                    "case-agent-by",
                    &[("name", m.author.clone().unwrap_or_default())],
                ),
                (None, true, false) => locale.t("case-from-shop"),
                (None, false, _) => m
                    .author
                    .clone()
                    .unwrap_or_else(|| locale.t("case-from-customer")),
            };
            let body = match m.event.as_deref() {
                Some("status") => locale.t_args(
                    "case-event-status",
                    &[("status", status_label(&m.body, locale))],
                ),
                Some(e) => {
                    locale.t_args(&format!("case-event-{e}"), &[("details", m.body.clone())])
                }
                None => m.body.clone(),
            };
            MessageView {
                id: m.id,
                author,
                body,
                at: stamp(state, m.created_at, locale),
                datetime: m.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                from_staff: m.from_staff,
                internal: m.internal,
                event: m.event.is_some(),
                photos: photos
                    .iter()
                    .filter(|p| p.message_id == m.id)
                    .enumerate()
                    .map(|(i, p)| PhotoView {
                        url: photo_url(p.id),
                        alt: locale.t_args(
                            "case-photo-alt",
                            &[
                                ("count", (i + 1).to_string()),
                                ("name", p.original_name.clone()),
                            ],
                        ),
                        width: p.width,
                        height: p.height,
                    })
                    .collect(),
            }
        })
        .collect()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases", web::get().to(list::list))
        .route("/orders/{number}/case", web::get().to(new::form))
        .route("/orders/{number}/case", web::post().to(new::open))
        .route("/cases/{number}", web::get().to(one::show))
        .route("/cases/{number}/reply", web::post().to(one::reply))
        .route("/cases/{number}/close", web::post().to(one::close))
        .route("/cases/{number}/files/{id}", web::get().to(files::serve));
}
