//! `POST /b2b/quick-order/upload`: a CSV file, read within its limits and checked.

use super::*;

/// `POST /b2b/quick-order/upload` (multipart: `csrf_token` first, then `file`).
pub async fn upload(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    mut parts: Multipart,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    member(&principal)?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let mut bytes = Vec::new();
    let mut too_large = false;
    let mut named = false;
    while let Some(part) = parts.next().await {
        let Ok(mut part) = part else {
            break;
        };
        let is_file = part.name() == Some("file");
        named |= is_file
            && part
                .content_disposition()
                .and_then(|d| d.get_filename())
                .is_some_and(|f| !f.is_empty());
        // Everything is read (so the browser hears the answer), but only the file is kept, and
        // only up to the limit.
        while let Some(chunk) = part.next().await {
            let Ok(chunk) = chunk else {
                break;
            };
            if is_file && !too_large {
                if bytes.len() + chunk.len() > MAX_BYTES {
                    too_large = true;
                    bytes.clear();
                } else {
                    bytes.extend_from_slice(&chunk);
                }
            }
        }
    }
    let decoded = if too_large {
        Err(FileProblem::TooLarge)
    } else if !named && bytes.is_empty() {
        Err(FileProblem::Empty)
    } else {
        bulk_order::decode(&bytes)
            .and_then(|(text, enc)| bulk_order::read(&text).map(|entries| (entries, enc)))
    };
    match decoded {
        Ok((entries, encoding)) => {
            let origins = entries.iter().map(|e| Origin::Line(e.line)).collect();
            // Entry lines index the origins from here on.
            let entries = entries
                .into_iter()
                .enumerate()
                .map(|(i, e)| Entry { line: i + 1, ..e })
                .collect();
            check_and_show(&req, &state, &session, entries, origins, encoding).await
        }
        Err(p) => {
            let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
            let mut v = page(ctx);
            v.file_error = Some(if !named && p == FileProblem::Empty {
                locale.t("quick-file-missing")
            } else {
                file_problem(&p, locale)
            });
            render_status(&v, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
