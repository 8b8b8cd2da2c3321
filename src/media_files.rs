//! Uploaded films and captions on disk: an upload streamed to a temporary file beside the shop's
//! media (never held whole in memory, cut off past the largest size any kind may have), kept
//! under a generated name once checked, and served back from `/media/f/{name}` with byte ranges
//! (players seek). What is accepted is decided in `domain::media_files`; pictures go through
//! `crate::pictures` instead.

use crate::domain::media_files::{HEAD, PREFIX, VIDEO_MAX_BYTES};
use crate::error::AppError;
use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use std::path::Path;
use tokio::io::AsyncWriteExt;

/// The longest text field kept.
const MAX_FIELD: usize = 16 * 1024;

/// The file part of a form, as received.
pub struct Received {
    /// The name the browser gave (shown, never used on disk).
    pub file_name: String,
    /// Where the bytes are; removed when dropped unless kept.
    pub temp: tempfile::TempPath,
    /// The first bytes, to tell the type.
    pub head: Vec<u8>,
    pub size: u64,
    /// Past the largest size accepted: the rest was not written.
    pub too_large: bool,
}

/// A multipart form with one file field.
pub struct Posted {
    pub fields: Vec<(String, String)>,
    pub file: Option<Received>,
}

impl Posted {
    /// The first value of a field ("" when missing).
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

fn disk(e: impl std::fmt::Display, dir: &Path) -> AppError {
    AppError::Internal(anyhow::anyhow!(
        "could not write an upload in {}: {e}",
        dir.display()
    ))
}

/// Reads a whole form (so the browser hears the answer), writing the first non-empty file of
/// `field` to a temporary file in `dir`.
pub async fn receive(mut parts: Multipart, field: &str, dir: &Path) -> Result<Posted, AppError> {
    let mut posted = Posted {
        fields: Vec::new(),
        file: None,
    };
    while let Some(part) = parts.next().await {
        let Ok(mut part) = part else {
            break;
        };
        let name = part.name().unwrap_or_default().to_string();
        let file_name = part
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_string);
        match file_name {
            Some(file_name) if name == field && posted.file.is_none() => {
                let (file, temp) = tempfile::Builder::new()
                    .prefix(".upload-")
                    .tempfile_in(dir)
                    .map_err(|e| disk(e, dir))?
                    .into_parts();
                let mut file = tokio::fs::File::from_std(file);
                let (mut head, mut size, mut too_large) = (Vec::new(), 0_u64, false);
                let mut broken = false;
                while let Some(chunk) = part.next().await {
                    let Ok(chunk) = chunk else {
                        broken = true;
                        break;
                    };
                    if head.len() < HEAD {
                        let take = (HEAD - head.len()).min(chunk.len());
                        head.extend_from_slice(&chunk[..take]);
                    }
                    size += chunk.len() as u64;
                    if size > VIDEO_MAX_BYTES {
                        too_large = true;
                    }
                    if !too_large {
                        file.write_all(&chunk).await.map_err(|e| disk(e, dir))?;
                    }
                }
                file.flush().await.map_err(|e| disk(e, dir))?;
                // An empty file input sends a part with no name and no bytes; a broken one is
                // dropped (its temporary file with it).
                if !broken && (size > 0 || !file_name.is_empty()) {
                    posted.file = Some(Received {
                        file_name: clean_name(&file_name),
                        temp,
                        head,
                        size,
                        too_large,
                    });
                }
            }
            Some(_) => while part.next().await.is_some() {},
            None => {
                let mut bytes = Vec::new();
                while let Some(Ok(chunk)) = part.next().await {
                    if bytes.len() + chunk.len() <= MAX_FIELD {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                posted
                    .fields
                    .push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    Ok(posted)
}

/// The uploaded name as shown: its last path part, printable, at most 120 characters.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    base.chars().filter(|c| !c.is_control()).take(120).collect()
}

/// Keeps a received file under a new generated name with `extension`; its address.
pub fn keep(temp: tempfile::TempPath, dir: &Path, extension: &str) -> Result<String, AppError> {
    let name = format!("{}.{extension}", crate::db::tokens::random_token());
    temp.persist(dir.join(&name)).map_err(|e| disk(e, dir))?;
    Ok(format!("{PREFIX}{name}"))
}

/// The file name behind one of our addresses (`None` for anything else).
pub fn file_of(url: &str) -> Option<&str> {
    url.strip_prefix(PREFIX)
        .filter(|n| crate::pictures::safe_name(n))
}

/// Removes a kept file (a save that failed, a file deleted).
pub fn remove(dir: &Path, url: &str) {
    if let Some(name) = file_of(url) {
        let _ = std::fs::remove_file(dir.join(name));
    }
}

/// How old a temporary upload must be before start-up removes it (another server sharing the
/// folder may be receiving one right now).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes temporary uploads (`.upload-*`) older than an hour that a stopped server left in
/// `dir`; how many went.
pub fn remove_stale_uploads(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".upload-"))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > STALE_AFTER)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// `GET /media/f/{name}`: a kept film or captions file, with byte ranges (players seek),
/// cached for a year (names never change content).
pub async fn serve(
    req: HttpRequest,
    name: web::Path<String>,
    state: web::Data<crate::startup::AppState>,
) -> Result<HttpResponse, AppError> {
    let name = name.into_inner();
    let content_type = match name.rsplit_once('.').map(|(_, e)| e) {
        Some("webm") => "video/webm",
        Some("mp4") => "video/mp4",
        Some("vtt") => "text/vtt; charset=utf-8",
        _ => return Err(AppError::NotFound),
    };
    crate::pictures::serve_named(&req, &state.media_dir, &name, content_type).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_up_removes_only_old_temporary_uploads() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let old = dir.path().join(".upload-old");
        let fresh = dir.path().join(".upload-fresh");
        let kept = dir.path().join("Kept-1.mp4");
        for f in [&old, &fresh, &kept] {
            std::fs::write(f, b"x").unwrap_or_else(|e| panic!("{e}"));
        }
        let two_hours_ago = std::time::SystemTime::now() - STALE_AFTER * 2;
        for f in [&old, &kept] {
            std::fs::File::options()
                .write(true)
                .open(f)
                .and_then(|h| h.set_modified(two_hours_ago))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(remove_stale_uploads(dir.path()), 1);
        assert!(!old.exists() && fresh.exists() && kept.exists());
    }

    #[test]
    fn only_our_addresses_name_files() {
        assert_eq!(file_of("/media/f/Ab_c-1.mp4"), Some("Ab_c-1.mp4"));
        assert_eq!(file_of("/media/f/../duett.db"), None);
        assert_eq!(file_of("/media/f/.upload-x"), None);
        assert_eq!(file_of("/media/p/x-320.jpg"), None);
        assert_eq!(file_of("/static/video/demo.mp4"), None);
    }
}
