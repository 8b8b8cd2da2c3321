//! One error type for every handler. It decides the status; the `web::errors` middleware then
//! renders the themed page (404 / 403 / 400 / 500) in the caller's theme and language. Causes are
//! logged with tracing and never shown.

use crate::db::DbError;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// A state-changing request without a valid CSRF token or from another site.
    #[error("the form has expired or came from another site")]
    Csrf,
    /// An anonymous visitor asked for a page that needs an account; carries where to return.
    #[error("sign-in required")]
    SignInRequired(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A rate limit refused the request; carries the seconds until a retry may succeed.
    #[error("too many requests")]
    TooManyRequests(u64),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// Marks a response whose body the error middleware should replace with a themed page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    NotFound,
    Forbidden,
    Csrf,
    BadRequest,
    TooManyRequests,
    Internal,
}

impl AppError {
    pub fn internal(message: &'static str) -> AppError {
        AppError::Internal(anyhow::anyhow!(message))
    }

    fn page(&self) -> ErrorPage {
        match self {
            AppError::NotFound => ErrorPage::NotFound,
            AppError::Forbidden => ErrorPage::Forbidden,
            AppError::Csrf => ErrorPage::Csrf,
            AppError::BadRequest(_) => ErrorPage::BadRequest,
            AppError::TooManyRequests(_) => ErrorPage::TooManyRequests,
            AppError::Internal(_) | AppError::SignInRequired(_) => ErrorPage::Internal,
        }
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> AppError {
        if e.is_not_found() {
            AppError::NotFound
        } else {
            AppError::Internal(e.into())
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> AppError {
        AppError::Internal(e)
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::SignInRequired(_) => StatusCode::SEE_OTHER,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::SignInRequired(next) = self {
            let target = format!("/login?next={}", crate::web::url_encode(next));
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .finish();
        }
        if let AppError::Internal(cause) = self {
            tracing::error!(error = ?cause, "request failed");
        }
        let mut builder = HttpResponse::build(self.status_code());
        if let AppError::TooManyRequests(wait) = self {
            builder.insert_header((header::RETRY_AFTER, wait.to_string()));
        }
        let mut res = builder
            .content_type("text/plain; charset=utf-8")
            .body(self.status_code().canonical_reason().unwrap_or("Error"));
        res.extensions_mut().insert(self.page());
        res
    }
}
