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
    let site = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok());
    if let Some(site) = site
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    if let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    {
        // A page sent with `Referrer-Policy: no-referrer` (the order page, whose address holds
        // its token) makes the browser send `Origin: null` even for its own forms; then only the
        // browser's `Sec-Fetch-Site: same-origin` vouches for it (and the token is still checked).
        if origin == "null" {
            return site == Some("same-origin");
        }
        let host = req.connection_info().host().to_string();
        let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
        if origin_host != host {
            return false;
        }
    }
    true
}

/// How far into a multipart body its first part (the token) must have ended.
const MAX_FIRST_PART: usize = 8 * 1024;

/// The boundary of a `multipart/form-data` content type.
fn multipart_boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|b| !b.is_empty() && b.len() <= 70)
    })
}

/// The token in a multipart body whose *first* part is the `csrf_token` field (our forms put
/// the hidden field first, and browsers send parts in document order). `None` while `prefix`
/// does not hold the whole first part yet, `Some(None)` when it is not the token.
fn field_from_multipart(prefix: &[u8], boundary: &str) -> Option<Option<String>> {
    let opening = format!("--{boundary}\r\n");
    if prefix.len() < opening.len() {
        return None;
    }
    if !prefix.starts_with(opening.as_bytes()) {
        return Some(None);
    }
    let rest = &prefix[opening.len()..];
    let head_end = rest.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&rest[..head_end]).to_ascii_lowercase();
    let named = head.lines().any(|l| {
        l.starts_with("content-disposition:")
            && l.contains("form-data")
            && l.contains(&format!("name=\"{FIELD}\""))
    });
    if !named {
        return Some(None);
    }
    let value = &rest[head_end + 4..];
    let closing = format!("\r\n--{boundary}");
    let end = value
        .windows(closing.len())
        .position(|w| w == closing.as_bytes())?;
    Some(std::str::from_utf8(&value[..end]).ok().map(str::to_string))
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
    let boundary = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(multipart_boundary);
    let presented = if let Some(boundary) = boundary {
        // Read only as far as the first part; the rest streams on to the handler untouched.
        let mut payload = req.take_payload();
        let mut prefix = BytesMut::new();
        let found = loop {
            if let Some(found) = field_from_multipart(&prefix, &boundary) {
                break found;
            }
            if prefix.len() > MAX_FIRST_PART {
                break None;
            }
            match payload.next().await {
                Some(chunk) => prefix.extend_from_slice(&chunk?),
                None => break None,
            }
        };
        let prefix = prefix.freeze();
        let rest: actix_http::BoxedPayloadStream =
            Box::pin(futures_util::stream::once(async move { Ok(prefix) }).chain(payload));
        req.set_payload(actix_web::dev::Payload::Stream { payload: rest });
        found
    } else if is_form {
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

    #[test]
    fn token_is_the_first_part_of_a_multipart_form() {
        assert_eq!(
            multipart_boundary("multipart/form-data; boundary=----x1").as_deref(),
            Some("----x1")
        );
        assert_eq!(multipart_boundary("text/plain; boundary=x"), None);
        let b = "----x1";
        let body = |first: &str| {
            format!(
                "------x1\r\nContent-Disposition: form-data; name=\"{first}\"\r\n\r\ntok\r\n------x1\r\n\
                 Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nA,1\r\n------x1--\r\n"
            )
        };
        // (body so far, outcome)
        let token = body("csrf_token");
        let other = body("file");
        let cases: [(&str, Option<Option<&str>>); 5] = [
            (&token, Some(Some("tok"))),
            (&token[..20], None),
            (&token[..token.find("tok").unwrap() + 3], None),
            (&other, Some(None)),
            ("garbage that is long enough", Some(None)),
        ];
        for (so_far, want) in cases {
            assert_eq!(
                field_from_multipart(so_far.as_bytes(), b),
                want.map(|o| o.map(str::to_string)),
                "{so_far:?}"
            );
        }
    }
}
