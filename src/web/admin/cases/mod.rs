//! The support queue for support agents and administrators: `GET /admin/cases` (active cases,
//! most urgent first; filters for status, who has it, kind, shop, missed targets, and a search
//! by number, e-mail, subject, order or company). One case: `case.rs`; turning it into a return
//! or a refund: `convert.rs`; replies, statuses and assignment: `moves.rs`.

mod case;
mod convert;
mod moves;
mod replace;

pub use case::{photo, show};
pub use convert::{refund, start_return};
pub use moves::{assign, reply, status};

use super::nav::{self, NavItem, OptionView};
use crate::auth::StaffUser;
use crate::db::{self, cases as store};
use crate::domain::cases::{KINDS, Status};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::cases::{kind_label, timer_text};
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/admin/cases";

/// A status as staff read it ("Waiting on the customer", where the customer reads "Waiting for
/// your reply").
fn status_label(code: &str, locale: crate::i18n::Locale) -> String {
    locale.t(&format!("admin-case-status-{}", code.replace('_', "-")))
}
const PER_PAGE: i64 = 50;

pub struct RowView {
    pub number: String,
    pub subject: String,
    pub customer: String,
    pub company: Option<String>,
    pub status: String,
    pub assignee: String,
    pub first_response: String,
    pub resolution: String,
    pub breached: bool,
    pub opened: String,
}

#[derive(Template)]
#[template(path = "admin/cases.html")]
pub struct CasesPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub q: String,
    pub statuses: Vec<OptionView>,
    pub assigned: Vec<OptionView>,
    pub kinds: Vec<OptionView>,
    pub segments: Vec<OptionView>,
    pub breached: bool,
    pub rows: Vec<RowView>,
    pub counts: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct QueueQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    assigned: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    segment: String,
    #[serde(default)]
    breached: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

fn option(value: &str, label: String, current: &str) -> OptionView {
    OptionView {
        value: value.to_string(),
        label,
        selected: value == current,
    }
}

/// `GET /admin/cases?status=&assigned=&kind=&segment=&breached=1&q=&page=`. Unknown filter
/// values count as "any".
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let query = query.into_inner();
    let status = Status::parse(&query.status);
    let assigned = match query.assigned.as_str() {
        "me" => store::Assigned::To(staff.user.id),
        "nobody" => store::Assigned::Nobody,
        _ => store::Assigned::Anyone,
    };
    let kind = KINDS.into_iter().find(|k| *k == query.kind);
    let business = match query.segment.as_str() {
        "b2b" => Some(true),
        "b2c" => Some(false),
        _ => None,
    };
    let q: String = query.q.trim().chars().take(100).collect();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let filter = store::QueueFilter {
        status,
        assigned,
        kind: kind.map(str::to_string),
        business,
        breached_only: query.breached == "1",
        query: q.clone(),
    };
    let now = chrono::Utc::now().naive_utc();
    let (rows, more, agents, (active, breached)) = db::run(&state.pool, move |c| {
        let (rows, more) = store::queue(c, &filter, now, page, PER_PAGE)?;
        Ok((rows, more, store::agents(c)?, store::queue_counts(c, now)?))
    })
    .await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let mut statuses = vec![option("", ctx.t("admin-cases-active"), &query.status)];
    statuses.extend(
        Status::ALL
            .iter()
            .map(|s| option(s.code(), status_label(s.code(), locale), &query.status)),
    );
    let assigned_now = match assigned {
        store::Assigned::To(_) => "me",
        store::Assigned::Nobody => "nobody",
        store::Assigned::Anyone => "",
    };
    let assigned_options = vec![
        option("", ctx.t("admin-all"), assigned_now),
        option("me", ctx.t("admin-cases-mine"), assigned_now),
        option("nobody", ctx.t("admin-cases-unassigned"), assigned_now),
    ];
    let kinds = nav::filter_options(&ctx, kind, &KINDS, |k| kind_label(k, locale));
    let segment_now = match business {
        Some(true) => "b2b",
        Some(false) => "b2c",
        None => "",
    };
    let segments = vec![
        option("", ctx.t("admin-all"), segment_now),
        option("b2c", ctx.t("admin-segment-b2c"), segment_now),
        option("b2b", ctx.t("admin-segment-b2b"), segment_now),
    ];
    let link = |p: i64| {
        format!(
            "{PATH}?status={}&assigned={assigned_now}&kind={}&segment={segment_now}&breached={}&q={}&page={p}",
            status.map_or("", Status::code),
            kind.unwrap_or(""),
            if query.breached == "1" { "1" } else { "" },
            crate::web::url_encode(&q)
        )
    };
    let name_of = |id: Option<i64>| {
        id.and_then(|id| agents.iter().find(|(a, _)| *a == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| locale.t("admin-cases-nobody"))
    };
    render(&CasesPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        counts: locale.t_args(
            "admin-cases-counts",
            &[
                ("count", active.to_string()),
                ("used", breached.to_string()),
            ],
        ),
        rows: rows
            .into_iter()
            .map(|r| {
                let clock = r.clock();
                let (first_response, late_1) =
                    timer_text("first", clock.first_response(now), locale);
                let (resolution, late_2) = timer_text("resolution", clock.resolution(now), locale);
                RowView {
                    status: status_label(&r.status, locale),
                    assignee: name_of(r.assigned_to),
                    customer: r.customer.clone().unwrap_or(r.email.clone()),
                    company: r.company.clone(),
                    first_response,
                    resolution,
                    breached: late_1 || late_2,
                    opened: crate::web::cases::stamp(&state, r.created_at, locale),
                    subject: r.subject,
                    number: r.number,
                }
            })
            .collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        statuses,
        assigned: assigned_options,
        kinds,
        segments,
        breached: query.breached == "1",
        q,
        ctx,
    })
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(list))
        .route("/admin/cases/{number}", web::get().to(show))
        .route("/admin/cases/{number}/reply", web::post().to(reply))
        .route("/admin/cases/{number}/status", web::post().to(status))
        .route("/admin/cases/{number}/assign", web::post().to(assign))
        .route("/admin/cases/{number}/return", web::post().to(start_return))
        .route("/admin/cases/{number}/refund", web::post().to(refund))
        .route(
            "/admin/cases/{number}/replacement",
            web::post().to(replace::send),
        )
        .route("/admin/cases/{number}/files/{id}", web::get().to(photo));
}
