//! Case forms with photos: reading a multipart form within its limits, checking each photo by
//! its content, storing it under a generated name, and serving it only to those who may read
//! the case (`GET /cases/{number}/files/{id}?t=`; staff use the admin address).

use crate::auth::Principal;
use crate::db::{self, cases as store};
use crate::domain::cases::{FileProblem, MAX_FILE_BYTES, MAX_FILES, check_photo};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::Deserialize;
use std::path::Path;

/// The longest text field kept (a product description is up to 20 000 characters).
const MAX_FIELD: usize = 64 * 1024;

/// A file as the browser sent it.
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
    pub too_large: bool,
}

/// A multipart case form: its text fields and the files of its `photos` field.
pub struct Posted {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

impl Posted {
    /// The first value of a field ("" when missing).
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Reads a case form: its `photos` within the case limits.
pub async fn read(parts: Multipart) -> Posted {
    read_files(parts, "photos", MAX_FILES, MAX_FILE_BYTES).await
}

/// Reads a whole multipart form (so the browser hears the answer), keeping text fields up to
/// 16 KB and the files of field `files` (at most `max_files`, each up to `max_bytes`; a larger
/// one is kept as "too large", without its bytes; files past the count are kept empty so the
/// form can be refused).
pub async fn read_files(
    mut parts: Multipart,
    files: &str,
    max_files: usize,
    max_bytes: usize,
) -> Posted {
    let mut posted = Posted {
        fields: Vec::new(),
        files: Vec::new(),
    };
    while let Some(part) = parts.next().await {
        let Ok(mut part) = part else {
            break;
        };
        let name = part.name().unwrap_or_default().to_string();
        let filename = part
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_string);
        // Past the number of photos allowed, files are only counted (the form is refused).
        let limit = match &filename {
            Some(_) if posted.files.len() >= max_files => 0,
            Some(_) => max_bytes,
            None => MAX_FIELD,
        };
        let mut bytes = Vec::new();
        let mut too_large = false;
        while let Some(chunk) = part.next().await {
            let Ok(chunk) = chunk else {
                break;
            };
            if !too_large {
                if bytes.len() + chunk.len() > limit {
                    too_large = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(&chunk);
                }
            }
        }
        match filename {
            // An empty file input sends a part with no name and no bytes.
            Some(f) if name == files => {
                if !f.is_empty() || !bytes.is_empty() {
                    posted.files.push(Upload {
                        name: clean_name(&f),
                        bytes,
                        too_large,
                    });
                }
            }
            Some(_) => {}
            None => posted
                .fields
                .push((name, String::from_utf8_lossy(&bytes).into_owned())),
        }
    }
    posted
}

/// The uploaded name as shown (never used on disk): its last path part, printable, ≤ 80 chars.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(80).collect();
    if cleaned.trim().is_empty() {
        "photo".into()
    } else {
        cleaned
    }
}

/// Checks every photo; the first problem, in words naming the file.
pub fn check(
    files: &[Upload],
    locale: Locale,
) -> Result<Vec<(usize, crate::domain::cases::Photo)>, String> {
    if files.len() > MAX_FILES {
        return Err(problem_text(FileProblem::TooMany, "", locale));
    }
    let mut ok = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let checked = if f.too_large {
            Err(FileProblem::TooLarge)
        } else {
            check_photo(&f.bytes)
        };
        match checked {
            Ok(photo) => ok.push((i, photo)),
            Err(p) => return Err(problem_text(p, &f.name, locale)),
        }
    }
    Ok(ok)
}

fn problem_text(p: FileProblem, name: &str, locale: Locale) -> String {
    let key = match p {
        FileProblem::Empty => "case-photo-empty",
        FileProblem::TooLarge => "case-photo-too-large",
        FileProblem::NotAPhoto => "case-photo-not-a-photo",
        FileProblem::TooMany => "case-photo-too-many",
    };
    locale.t_args(
        key,
        &[
            ("name", name.to_string()),
            ("count", MAX_FILES.to_string()),
            ("size", (MAX_FILE_BYTES / 1024 / 1024).to_string()),
        ],
    )
}

/// Writes the checked photos under generated names (off the async workers); what to store.
pub async fn save(
    dir: &Path,
    files: Vec<Upload>,
    checked: Vec<(usize, crate::domain::cases::Photo)>,
) -> Result<Vec<store::NewFile>, AppError> {
    let dir = dir.to_path_buf();
    web::block(move || -> anyhow::Result<Vec<store::NewFile>> {
        let mut saved = Vec::new();
        for (i, photo) in checked {
            let Some(f) = files.get(i) else { continue };
            let stored_name = format!("{}.{}", db::tokens::random_token(), photo.extension);
            std::fs::write(dir.join(&stored_name), &f.bytes).map_err(|e| {
                anyhow::anyhow!("could not store a case photo in {}: {e}", dir.display())
            })?;
            saved.push(store::NewFile {
                stored_name,
                original_name: f.name.clone(),
                content_type: photo.content_type.to_string(),
                size_bytes: i64::try_from(f.bytes.len()).unwrap_or(i64::MAX),
                width: i32::try_from(photo.width).unwrap_or(0),
                height: i32::try_from(photo.height).unwrap_or(0),
            });
        }
        Ok(saved)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("photo storage panicked: {e}")))?
    .map_err(AppError::Internal)
}

/// Removes photos written for a form that was then not saved.
pub fn discard(dir: &Path, files: &[store::NewFile]) {
    for f in files {
        let _ = std::fs::remove_file(dir.join(&f.stored_name));
    }
}

/// Answers with a stored photo: its checked type, private caching, never sniffed or run.
pub async fn photo_response(
    state: &AppState,
    row: store::AttachmentRow,
) -> Result<HttpResponse, AppError> {
    // Stored names are generated (base64url + extension); anything else is not ours.
    if !row
        .stored_name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(AppError::NotFound);
    }
    let path = state.attachments_dir.join(&row.stored_name);
    let bytes = web::block(move || std::fs::read(path))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("photo read panicked: {e}")))?
        .map_err(|_| AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(row.content_type)
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "private, max-age=3600",
        ))
        .insert_header((actix_web::http::header::CONTENT_DISPOSITION, "inline"))
        .insert_header((
            actix_web::http::header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        ))
        .body(bytes))
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    pub t: String,
}

/// `GET /cases/{number}/files/{id}?t=`: a photo of the case, for those who may read it.
pub async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let (number, id) = path.into_inner();
    let token: String = query.into_inner().t.chars().take(64).collect();
    let principal = Principal::of(&req).await?;
    let found = db::run(&state.pool, move |c| {
        let Some(case) = store::by_number(c, &number)? else {
            return Ok(None);
        };
        let photo = store::attachment(c, case.id, id)?;
        Ok(photo.map(|p| (case, p)))
    })
    .await?;
    let (case, photo) = found.ok_or(AppError::NotFound)?;
    if !super::may_read(&case, &principal, &token) {
        return Err(AppError::NotFound);
    }
    photo_response(&state, photo).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_names_are_shown_without_paths_or_control_characters() {
        let table = [
            ("IMG_0001.JPG", "IMG_0001.JPG"),
            ("C:\\Users\\me\\box.png", "box.png"),
            ("../../etc/passwd", "passwd"),
            ("a\u{0}b\nc.jpg", "abc.jpg"),
            ("", "photo"),
        ];
        for (input, want) in table {
            assert_eq!(clean_name(input), want);
        }
    }
}
