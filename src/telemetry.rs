//! Tracing setup: human-readable logs to stdout, filtered by `RUST_LOG` (default `info`).

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls (tests) are ignored.
pub fn init(default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// The span each request is logged in. Unlike tracing-actix-web's default it records the route
/// pattern (`/pay/test/{token}`, `/orders/{number}`) instead of the full address, and no query
/// string: links carry single-use tokens and order secrets (`?token=`, `?t=`, payment
/// signatures) that must not end up in logs.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        let request_id = request
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(|id| id.to_string())
            .unwrap_or_default();
        let span = tracing::info_span!(
            "request",
            http.method = %request.method(),
            http.route = tracing::field::Empty,
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
            request_id = %request_id,
        );
        // Finding the pattern walks every route's pattern (regular expressions): only when the
        // span is logged at all (not with `RUST_LOG=warn`).
        if !span.is_disabled() {
            let route = request
                .match_pattern()
                .unwrap_or_else(|| "(unmatched)".to_string());
            span.record("http.route", tracing::field::display(&route));
        }
        span
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tracing_actix_web::RootSpanBuilder;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn request_logs_show_the_method_but_never_the_query_or_the_secret_address() {
        let out = Captured::default();
        let writer = out.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            let req = actix_web::test::TestRequest::get()
                .uri("/orders/261129-12345678?t=secret-token")
                .to_srv_request();
            let span = RequestSpan::on_request_start(&req);
            let _inside = span.enter();
            tracing::warn!("something happened while serving");
        });
        let logged = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert!(logged.contains("something happened"), "{logged}");
        assert!(logged.contains("http.method=GET"), "{logged}");
        // The route is found when the span is logged (this test request has no routes).
        assert!(logged.contains("http.route=(unmatched)"), "{logged}");
        assert!(!logged.contains("secret-token"), "{logged}");
        assert!(!logged.contains("12345678"), "{logged}");
    }
}
