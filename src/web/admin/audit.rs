//! `GET /admin/audit`: the newest audit entries. Administrators only.

use super::nav::{self, NavItem};
use crate::auth::StaffUser;
use crate::db;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

const PATH: &str = "/admin/audit";

pub struct EntryView {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub entries: Vec<EntryView>,
}

pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let entries = db::run(&state.pool, |c| db::audit::recent(c, 200)).await?;
    let ctx = nav::staff_context(&req, &staff);
    render(&AuditPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        entries: entries
            .into_iter()
            .map(|e| EntryView {
                when: e.created_at.format("%Y-%m-%d %H:%M:%S").to_string(),
                actor: e
                    .actor_user_id
                    .map(|id| format!("#{id}"))
                    .unwrap_or_else(|| "—".into()),
                action: e.action,
                subject: format!("{} {}", e.subject_type, e.subject_id),
            })
            .collect(),
        ctx,
    })
}
