//! `GET /admin`: the staff dashboard with its work queues. All staff roles.

use crate::auth::StaffUser;
use crate::db;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

pub struct QueueView {
    pub label: String,
    pub count: i64,
    pub attention: bool,
    /// The page that works the queue, when this role may open it.
    pub href: Option<&'static str>,
}

/// Who sees the shops' sales figures.
const SEES_SALES: &[crate::domain::accounts::StaffRole] = &[
    crate::domain::accounts::StaffRole::Administrator,
    crate::domain::accounts::StaffRole::SalesRep,
];

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageContext,
    pub welcome: String,
    pub nav: Vec<super::nav::NavItem>,
    pub queues: Vec<QueueView>,
    /// Each shop's figures (administrators and sales reps only).
    pub shops: Vec<super::sales::ShopView>,
    pub periods: Vec<String>,
}

pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(super::nav::allowed("/admin"))?;
    let now = chrono::Utc::now().naive_utc();
    let (q, (_, cases_breached)) = db::run(&state.pool, move |c| {
        Ok((db::admin::queues(c)?, db::cases::queue_counts(c, now)?))
    })
    .await?;
    let ctx = super::nav::staff_context(&req, &staff);
    let role = staff.role;
    let page_for = |key: &str| -> Option<&'static str> {
        let (path, href) = match key {
            "admin-queue-orders" => ("/admin/orders", "/admin/orders"),
            "admin-queue-approvals" => ("/admin/orders", "/admin/orders?status=awaiting_approval"),
            "admin-queue-quotes" => ("/admin/quotes", "/admin/quotes"),
            "admin-queue-demos" => ("/admin/demos", "/admin/demos"),
            "admin-queue-applications" => ("/admin/applications", "/admin/applications"),
            "admin-queue-reviews" => ("/admin/reviews", "/admin/reviews"),
            "admin-queue-chats" => ("/admin/chats", "/admin/chats"),
            "admin-queue-cases" => ("/admin/cases", "/admin/cases"),
            "admin-queue-cases-breached" => ("/admin/cases", "/admin/cases?breached=1"),
            _ => return None,
        };
        super::nav::allowed(path).contains(&role).then_some(href)
    };
    let queue = |key: &str, count: i64, attention: bool| QueueView {
        label: ctx.t(key),
        count,
        attention,
        href: page_for(key),
    };
    let queues = vec![
        queue(
            "admin-queue-orders",
            q.orders_to_handle,
            q.orders_to_handle > 0,
        ),
        queue("admin-queue-approvals", q.awaiting_approval, false),
        queue(
            "admin-queue-quotes",
            q.quotes_to_answer,
            q.quotes_to_answer > 0,
        ),
        queue(
            "admin-queue-demos",
            q.demos_to_schedule,
            q.demos_to_schedule > 0,
        ),
        queue(
            "admin-queue-applications",
            q.applications,
            q.applications > 0,
        ),
        queue(
            "admin-queue-reviews",
            q.reviews_to_moderate,
            q.reviews_to_moderate > 0,
        ),
        queue("admin-queue-chats", q.chats_waiting, q.chats_waiting > 0),
        queue("admin-queue-cases", q.open_cases, q.open_cases > 0),
        queue(
            "admin-queue-cases-breached",
            cases_breached,
            cases_breached > 0,
        ),
        queue("admin-queue-low-stock", q.low_stock, q.low_stock > 0),
        queue(
            "admin-queue-out-of-stock",
            q.out_of_stock,
            q.out_of_stock > 0,
        ),
        queue("admin-queue-products", q.products, false),
    ];
    let role = ctx.t(&format!(
        "staff-role-{}",
        staff.role.code().replace('_', "-")
    ));
    let welcome = ctx.locale.t_args(
        "admin-welcome",
        &[("name", staff.user.name.clone()), ("role", role)],
    );
    let shops = if SEES_SALES.contains(&staff.role) {
        super::sales::shops(&state, ctx.locale).await?
    } else {
        Vec::new()
    };
    render(&DashboardPage {
        welcome,
        nav: super::nav::menu(&ctx, staff.role, "/admin"),
        queues,
        shops,
        periods: ["admin-period-today", "admin-period-7", "admin-period-30"]
            .iter()
            .map(|k| ctx.t(k))
            .collect(),
        ctx,
    })
}
