//! A sales representative (or administrator) acting for a company user: the session holds the
//! staff member and the user they act for (`session::start_acting`), the principal is that
//! company user with the staff member beside them (`Principal::acting`), and every page shows a
//! banner with a way to stop. This middleware keeps what the staff member does on someone's
//! behalf to buying: it refuses the person's own account, approvals and company administration,
//! and writes every other change (each unsafe request that succeeds) to the audit log with the
//! staff member as actor.

use super::session;
use crate::db;
use crate::error::AppError;
use crate::startup::AppState;
use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{ResponseError, web};

/// What nobody does on someone else's behalf: their password, e-mail and addresses, decisions
/// of an approver, the company's people, and switching to another company.
const REFUSED: [&str; 4] = ["/account", "/b2b/approvals", "/b2b/company", "/company"];
/// Where acting ends (audited by its handler).
pub const STOP: &str = "/act-for/stop";

fn refused(path: &str) -> bool {
    REFUSED.iter().any(|p| {
        path == *p
            || path
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let acting = session::acting_for(&req.get_session());
    let (Some((user_id, _)), true) = (acting, unsafe_method) else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    };
    let path = req.path().to_string();
    if path == STOP || path == "/logout" {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    if refused(&path) {
        tracing::warn!(%path, "refused while acting for a company user");
        return Ok(req
            .into_response(AppError::Forbidden.error_response())
            .map_into_right_body());
    }
    let staff = session::user_id(&req.get_session());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let method = req.method().to_string();
    let res = next.call(req).await?;
    if res.status().as_u16() < 400
        && let Some(state) = state
    {
        let entry = format!("{method} {path}");
        db::run_write(&state.pool, move |c| {
            db::audit::record(
                c,
                &db::audit::Entry {
                    actor_user_id: staff,
                    action: "acted_for",
                    subject_type: "user",
                    subject_id: &user_id.to_string(),
                    before: None,
                    after: Some(&entry),
                },
            )
        })
        .await
        .map_err(AppError::from)?;
    }
    Ok(res.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::refused;

    #[test]
    fn what_is_refused_on_someone_elses_behalf() {
        for (path, no) in [
            ("/account", true),
            ("/account/email", true),
            ("/b2b/approvals/12", true),
            ("/b2b/company/users/3", true),
            ("/company", true),
            ("/cart/add", false),
            ("/checkout", false),
            ("/b2b/quotes", false),
            ("/b2b/quick-order", false),
            ("/accounts-payable", false),
            ("/companyx", false),
        ] {
            assert_eq!(refused(path), no, "{path}");
        }
    }
}
