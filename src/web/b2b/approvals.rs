//! `/b2b/approvals`: orders placed over a buyer's spending limits wait here for the company's
//! approvers (and admins), who approve or reject them with a comment (`POST
//! /b2b/approvals/{id}`). Buyers see their own waiting orders. Everything is scoped to the active
//! company; another company's approval id is 404, and nobody decides their own order.

use crate::auth::{CompanyMember, Principal, session};
use crate::db::{self, approvals::Approval, approvals::Decided};
use crate::domain::accounts::CompanyRole;
use crate::domain::approvals::{DecideProblem, Reason};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::checkout::order_url;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, render_status, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

const PATH: &str = "/b2b/approvals";
const COMMENT_MAX: usize = 500;

fn money(minor: i64, currency: &str, locale: Locale) -> String {
    Money::from_minor(minor, Currency::parse(currency).unwrap_or(Currency::Sek))
        .format(locale.code())
}

/// Why approval is needed, in words.
pub fn reason_text(reason: Reason, locale: Locale) -> String {
    let sek = |m: i64| money(m, "SEK", locale);
    match reason {
        Reason::OverOrderLimit { limit_minor } => {
            locale.t_args("approval-reason-order", &[("limit", sek(limit_minor))])
        }
        Reason::OverMonthlyLimit {
            limit_minor,
            would_be_minor,
        } => locale.t_args(
            "approval-reason-monthly",
            &[("limit", sek(limit_minor)), ("amount", sek(would_be_minor))],
        ),
        Reason::Changed => locale.t("approval-reason-changed"),
    }
}

/// One line for the order page: waiting (and why), approved or rejected (with the comment).
pub fn order_note(a: &Approval, locale: Locale) -> String {
    let why = a.reason.map(|r| reason_text(r, locale)).unwrap_or_default();
    match a.status.as_str() {
        "pending" => locale.t_args("approval-note-pending", &[("reason", why)]),
        "approved" => locale.t_args("approval-note-approved", &[("comment", a.comment.clone())]),
        "superseded" => locale.t("approval-note-superseded"),
        _ => locale.t_args("approval-note-rejected", &[("comment", a.comment.clone())]),
    }
}

pub struct ApprovalView {
    pub id: i64,
    pub number: String,
    pub url: String,
    pub requester: String,
    pub placed: String,
    pub amount: String,
    pub payment: String,
    pub po_number: String,
    pub reason: String,
    pub status: String,
    pub comment: String,
    /// The viewer may decide (an approver or admin, not the requester, still pending).
    pub decidable: bool,
    /// The viewer placed it.
    pub own: bool,
    pub error: Option<String>,
    pub typed: String,
}

#[derive(Template)]
#[template(path = "b2b/approvals.html")]
pub struct ApprovalsPage {
    pub ctx: PageContext,
    pub approver: bool,
    pub pending: Vec<ApprovalView>,
    pub decided: Vec<ApprovalView>,
}

fn can_approve(role: CompanyRole) -> bool {
    matches!(role, CompanyRole::Approver | CompanyRole::Admin)
}

/// A refused decision shown next to its form.
struct Sent {
    id: i64,
    typed: String,
    error: String,
}

async fn page(
    req: &HttpRequest,
    state: &AppState,
    sent: Option<Sent>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let approver = can_approve(member.role);
    let (company, me) = (member.company.id, member.user.id);
    let all = db::run(&state.pool, move |c| db::approvals::for_company(c, company)).await?;
    let ctx = PageContext::with_principal(req, Theme::B2b, principal);
    let locale = ctx.locale;
    let mut pending = Vec::new();
    let mut decided = Vec::new();
    for a in all {
        // Buyers see their own; approvers and admins the company's.
        if !approver && a.requested_by != me {
            continue;
        }
        let is_pending = a.status == "pending";
        let mut v = ApprovalView {
            id: a.id,
            number: a.order.number.clone(),
            url: order_url(&a.order.number, &a.order.public_token),
            requester: a.requester.clone(),
            placed: locale.date(a.created_at),
            amount: money(a.net_minor, &a.order.currency, locale),
            payment: locale.t(if a.payment_method == "invoice" {
                "approval-payment-invoice"
            } else {
                "approval-payment-card"
            }),
            po_number: a.po_number.clone().unwrap_or_default(),
            reason: a.reason.map(|r| reason_text(r, locale)).unwrap_or_default(),
            status: locale.t(&format!("approval-status-{}", a.status)),
            comment: a.comment.clone(),
            decidable: approver && is_pending && a.requested_by != me,
            own: a.requested_by == me,
            error: None,
            typed: String::new(),
        };
        if let Some(s) = sent.as_ref().filter(|s| s.id == a.id) {
            v.error = Some(s.error.clone());
            v.typed = s.typed.clone();
        }
        if is_pending {
            pending.push(v);
        } else {
            decided.push(v);
        }
    }
    render_status(
        &ApprovalsPage {
            ctx,
            approver,
            pending,
            decided,
        },
        status,
    )
}

/// `GET /b2b/approvals`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    page(&req, &state, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

/// `POST /b2b/approvals/{id}` (`decision` = approve | reject, `comment`; a rejection needs one).
pub async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<DecisionInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let input = form.into_inner();
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let approve = match input.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::BadRequest("unknown decision".into())),
    };
    let comment = input.comment.trim().to_string();
    let refuse = |error: String| Sent {
        id,
        typed: comment.chars().take(COMMENT_MAX + 50).collect(),
        error,
    };
    if comment.chars().count() > COMMENT_MAX {
        let sent = refuse(locale.t_args(
            "approval-comment-too-long",
            &[("max", COMMENT_MAX.to_string())],
        ));
        return page(&req, &state, Some(sent), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if !approve && comment.is_empty() {
        let sent = refuse(locale.t("approval-reject-needs-comment"));
        return page(&req, &state, Some(sent), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let (company, me, may) = (member.company.id, member.user.id, can_approve(member.role));
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let saved = comment.clone();
    let decided = db::run_write(&state.pool, move |c| {
        let decided = db::approvals::decide(c, id, company, me, may, approve, &saved, now)?;
        // The buyer hears about it in the same transaction.
        if let Some(Decided::Approved(order) | Decided::Rejected(order)) = &decided {
            let link = format!("{base}{}", order_url(&order.number, &order.public_token));
            let mail = Mail::approval_decided(
                locale,
                &order.email,
                &order.number,
                matches!(decided, Some(Decided::Approved(_))),
                &saved,
                &link,
            );
            mail.enqueue(c)?;
        }
        Ok(decided)
    })
    .await?;
    let problem = match decided {
        None => return Err(AppError::NotFound),
        Some(Decided::Approved(_)) => {
            session::flash(&session, "approval-approved");
            return Ok(see_other(PATH));
        }
        Some(Decided::Rejected(_)) => {
            session::flash(&session, "approval-rejected");
            return Ok(see_other(PATH));
        }
        Some(Decided::Refused(DecideProblem::NotAnApprover)) => return Err(AppError::Forbidden),
        Some(Decided::Refused(DecideProblem::OwnOrder)) => locale.t("approval-own-order"),
        Some(Decided::Refused(DecideProblem::AlreadyDecided)) => {
            locale.t("approval-already-decided")
        }
        Some(Decided::CreditLimit { available_minor }) => locale.t_args(
            "approval-credit",
            &[("available", money(available_minor.max(0), "SEK", locale))],
        ),
    };
    page(&req, &state, Some(refuse(problem)), StatusCode::CONFLICT).await
}
