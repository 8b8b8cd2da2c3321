//! What staff do on a case: `POST /admin/cases/{number}/reply` (multipart: a reply the customer
//! reads, or an internal note; where the case goes after it), `POST …/status` (resolve, close,
//! reopen) and `POST …/assign`. Each is audited; the customer is mailed what they should know.

use super::case::{Sent, case_page, load};
use super::*;
use crate::auth::session;
use crate::db::audit;
use crate::domain::cases::{AfterReply, Move, check_reply};
use crate::web::cases::files::{self, Posted};
use crate::web::mail::Mail;
use crate::web::see_other;
use actix_multipart::Multipart;

/// Mails the customer about a step on their case, in the language they opened it in.
pub(super) fn mail_customer(
    c: &mut db::DbConn,
    state_base: &str,
    case: &store::CaseRow,
    what: &str,
    details: &str,
) -> Result<(), db::DbError> {
    let locale = crate::i18n::Locale::parse(&case.locale).unwrap_or(crate::i18n::Locale::Sv);
    Mail::case_update(
        locale,
        &case.email,
        what,
        &[
            ("number", case.number.clone()),
            (
                "link",
                format!(
                    "{state_base}{}",
                    crate::web::cases::case_url(&case.number, &case.public_token)
                ),
            ),
            ("details", details.to_string()),
        ],
    )
    .enqueue(c)?;
    Ok(())
}

/// `POST /admin/cases/{number}/reply` (multipart: `csrf_token` first, `body`, `photos` ×0–3,
/// `note=1` for an internal note, `after` = waiting_on_customer | open | resolved): the
/// customer is mailed a reply (not a note). The first reply stops the first-response timer.
pub async fn reply(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let posted = files::read(parts).await;
    let case = load(&state, number.into_inner()).await?;
    let ctx = nav::staff_context(&req, &staff);
    let locale = ctx.locale;
    let body = posted.field("body");
    let note = posted.field("note") == "1";
    let after_typed = posted.field("after");
    let after = AfterReply::parse(&after_typed);
    let mv = if note {
        Some(Move::AgentNote)
    } else {
        after.map(Move::AgentReply)
    };
    let mut errors = Vec::new();
    let text = check_reply(&body, !posted.files.is_empty());
    if text.is_err() {
        errors.push((
            "body",
            if body.trim().is_empty() {
                locale.t("case-error-reply-empty")
            } else {
                locale.t_args(
                    "case-error-description-long",
                    &[("count", crate::domain::cases::TEXT_MAX.to_string())],
                )
            },
        ));
    }
    if mv.is_none() {
        errors.push(("after", locale.t("admin-case-after-missing")));
    }
    if mv.is_some_and(|m| m.from(case.status()).is_none()) {
        errors.push(("body", locale.t("admin-case-closed-reopen")));
    }
    let photos = files::check(&posted.files, locale);
    match &photos {
        Err(m) => errors.push(("photos", m.clone())),
        Ok(p) if !p.is_empty() && !errors.is_empty() => {
            errors.push(("photos", locale.t("case-photos-choose-again")))
        }
        Ok(_) => {}
    }
    let (Ok(text), Ok(photos), Some(mv), true) = (text, photos, mv, errors.is_empty()) else {
        let sent = Sent {
            reply: body,
            note,
            after: after_typed,
            fields: Vec::new(),
            errors,
        };
        return case_page(&req, &staff, &state, case, sent).await;
    };
    let Posted { files: uploads, .. } = posted;
    let stored = files::save(&state.attachments_dir, uploads, photos).await?;
    let now = chrono::Utc::now().naive_utc();
    let actor = staff.user.id;
    let base = state.public_base_url();
    let row = case.clone();
    let for_db = stored.clone();
    let done = db::run_write(&state.pool, move |c| {
        let message = store::Message {
            author: Some(actor),
            from_staff: true,
            internal: note,
            event: None,
            body: text,
        };
        if !store::apply(c, &row, mv, Some(&message), &for_db, now)? {
            return Ok(false);
        }
        let to = mv.from(row.status()).map_or("", |s| s.code());
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: if note { "case_note" } else { "case_reply" },
                subject_type: "case",
                subject_id: &row.number,
                before: Some(&row.status),
                after: Some(to),
            },
        )?;
        if !note {
            let what = if to == Status::Resolved.code() {
                "resolved"
            } else {
                "reply"
            };
            mail_customer(c, &base, &row, what, "")?;
        }
        Ok(true)
    })
    .await;
    match done {
        Ok(true) => {
            session::flash(
                &session,
                if note {
                    "admin-case-noted"
                } else {
                    "admin-case-replied"
                },
            );
            Ok(see_other(format!("{PATH}/{}", case.number)))
        }
        Ok(false) => {
            files::discard(&state.attachments_dir, &stored);
            let fresh = load(&state, case.number.clone()).await?;
            let sent = Sent {
                reply: body,
                note,
                after: after_typed,
                fields: Vec::new(),
                errors: vec![("body", locale.t("case-changed-meanwhile"))],
            };
            case_page(&req, &staff, &state, fresh, sent).await
        }
        Err(e) => {
            files::discard(&state.attachments_dir, &stored);
            Err(e.into())
        }
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    action: String,
}

/// `POST /admin/cases/{number}/status` (`action` = resolve | close | reopen).
pub async fn status(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let case = load(&state, number.into_inner()).await?;
    let mv = match form.action.as_str() {
        "resolve" => Some(Move::Resolve),
        "close" => Some(Move::Close),
        "reopen" => Some(Move::Reopen),
        _ => None,
    };
    let Some(mv) = mv.filter(|m| m.from(case.status()).is_some()) else {
        let ctx = nav::staff_context(&req, &staff);
        let sent = Sent {
            errors: vec![("status", ctx.t("admin-case-not-now"))],
            ..Sent::default()
        };
        return case_page(&req, &staff, &state, case, sent).await;
    };
    let now = chrono::Utc::now().naive_utc();
    let actor = staff.user.id;
    let base = state.public_base_url();
    let row = case.clone();
    let done = db::run_write(&state.pool, move |c| {
        if !store::apply(c, &row, mv, None, &[], now)? {
            return Ok(false);
        }
        let to = mv.from(row.status()).map_or("", |s| s.code());
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "case_status",
                subject_type: "case",
                subject_id: &row.number,
                before: Some(&row.status),
                after: Some(to),
            },
        )?;
        match mv {
            Move::Resolve => mail_customer(c, &base, &row, "resolved", "")?,
            Move::Close => mail_customer(c, &base, &row, "closed", "")?,
            _ => {}
        }
        Ok(true)
    })
    .await?;
    session::flash(
        &session,
        if done {
            "admin-case-moved"
        } else {
            "case-changed-meanwhile"
        },
    );
    Ok(see_other(format!("{PATH}/{}", case.number)))
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    agent: String,
    /// "Take it": the button sends `take=me` (the select's `agent` is ignored then).
    #[serde(default)]
    take: String,
}

/// `POST /admin/cases/{number}/assign` (`agent` = a support agent's or administrator's id,
/// `me`, or empty for nobody; `take=me` assigns it to the one asking).
pub async fn assign(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<AssignForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let case = load(&state, number.into_inner()).await?;
    let form = form.into_inner();
    let typed = if form.take == "me" {
        "me".to_string()
    } else {
        form.agent
    };
    let me = staff.user.id;
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let row = case.clone();
    let done = db::run_write(&state.pool, move |c| {
        let agents = store::agents(c)?;
        let to = match typed.trim() {
            "" => None,
            "me" => Some(me),
            id => match id.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => return Ok(None),
            },
        };
        if to.is_some_and(|id| !agents.iter().any(|(a, _)| *a == id)) {
            return Ok(None);
        }
        if !store::assign(c, row.id, to, now)? {
            return Ok(None);
        }
        let before = row.assigned_to.map(|i| i.to_string());
        let after = to.map(|i| i.to_string());
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "case_assign",
                subject_type: "case",
                subject_id: &row.number,
                before: before.as_deref(),
                after: after.as_deref(),
            },
        )?;
        Ok(Some(()))
    })
    .await?;
    if done.is_none() {
        let ctx = nav::staff_context(&req, &staff);
        let sent = Sent {
            errors: vec![("agent", ctx.t("admin-case-assign-refused"))],
            ..Sent::default()
        };
        return case_page(&req, &staff, &state, case, sent).await;
    }
    session::flash(&session, "admin-case-assigned");
    Ok(see_other(format!("{PATH}/{}", case.number)))
}
