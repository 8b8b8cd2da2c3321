//! CSRF protection, checked centrally for every state-changing request.
//!
//! Two layers: the browser's own `Sec-Fetch-Site` / `Origin` headers must not name another site,
//! and a synchronizer token kept in the session must come back in the form field `csrf_token`
//! (or the `X-CSRF-Token` header for non-form requests). GET and HEAD never change state.

use super::session::CSRF;
use crate::error::AppError;
use actix_session::{Session, SessionExt};
use actix_web::HttpMessage;
use actix_web::ResponseError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use base64::Engine;
use futures_util::StreamExt;

/// Paths under this prefix are exempt (signed by their callers instead).
pub const WEBHOOKS: &str = "/webhooks/";

/// Form field that carries the token.
pub const FIELD: &str = "csrf_token";
/// Largest form body the check reads (bulk paste forms are large; uploads are multipart).
const MAX_FORM_BYTES: usize = 4 * 1024 * 1024;

/// The session's token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(CSRF) {
        return t;
    }
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    let t = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let _ = session.insert(CSRF, &t);
    t
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// False when the browser says the request came from another site.
fn same_origin(req: &ServiceRequest) -> bool {
    if let Some(site) = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    if let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    {
        let host = req.connection_info().host().to_string();
        let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
        if origin == "null" || origin_host != host {
            return false;
        }
    }
    true
}

fn field_from_form(body: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v)
}

/// The middleware: refuses unsafe requests without a matching token with a themed 403.
pub async fn protect(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    // Safe methods change nothing; `/webhooks/` are server-to-server calls that carry their own
    // signature, checked by their handlers.
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.path().starts_with(WEBHOOKS)
    {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    if !same_origin(&req) {
        tracing::warn!(path = %req.path(), "refused a cross-site request");
        return Ok(refuse(req, AppError::Csrf));
    }
    let expected = req.get_session().get::<String>(CSRF).ok().flatten();
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let presented = if is_form {
        let mut payload = req.take_payload();
        let mut body = BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk?;
            if body.len() + chunk.len() > MAX_FORM_BYTES {
                return Ok(refuse(
                    req,
                    AppError::BadRequest("the form is too large".into()),
                ));
            }
            body.extend_from_slice(&chunk);
        }
        let body: Bytes = body.freeze();
        let found = field_from_form(&body);
        req.set_payload(bytes_payload(body));
        found
    } else {
        req.headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    match (expected, presented) {
        (Some(e), Some(p)) if constant_time_eq(e.as_bytes(), p.as_bytes()) => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body),
        _ => {
            tracing::warn!(path = %req.path(), "refused a request with a missing or stale CSRF token");
            Ok(refuse(req, AppError::Csrf))
        }
    }
}

/// Answers without calling the handler; the error middleware renders the themed page.
fn refuse<B>(req: ServiceRequest, error: AppError) -> ServiceResponse<EitherBody<B>> {
    req.into_response(error.error_response())
        .map_into_right_body()
}

fn bytes_payload(body: Bytes) -> actix_web::dev::Payload {
    let (_, mut payload) = actix_http::h1::Payload::create(true);
    payload.unread_data(body);
    actix_web::dev::Payload::from(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_field_is_found_in_a_form() {
        assert_eq!(
            field_from_form(b"a=1&csrf_token=abc%2B&b=2").as_deref(),
            Some("abc+")
        );
        assert_eq!(field_from_form(b"a=1"), None);
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
