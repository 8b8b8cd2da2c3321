//! Static files: versioned URLs (`/static/b2c/site.css?v=<hash>`) computed from the files' contents
//! at start-up, and long cache headers for versioned requests.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use actix_web::middleware::Next;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// Content hashes of the files under the static directory.
#[derive(Debug, Default)]
pub struct Assets {
    versions: HashMap<String, String>,
}

impl Assets {
    /// Hashes every file under `dir` (a missing directory gives unversioned URLs and a warning).
    pub fn scan(dir: &Path) -> Assets {
        let mut versions = HashMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                tracing::warn!(dir = %d.display(), "static directory not readable");
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let (Ok(bytes), Ok(rel)) = (std::fs::read(&path), path.strip_prefix(dir))
                {
                    let hash = hex::encode(Sha256::digest(&bytes));
                    versions.insert(
                        rel.to_string_lossy().replace('\\', "/"),
                        hash[..10].to_string(),
                    );
                }
            }
        }
        Assets { versions }
    }

    pub fn url(&self, path: &str) -> String {
        match self.versions.get(path) {
            Some(v) => format!("/static/{path}?v={v}"),
            None => format!("/static/{path}"),
        }
    }
}

/// Versioned static URLs never change content, so browsers may keep them for a year.
pub async fn cache_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let versioned = req.query_string().starts_with("v=");
    let mut res = next.call(req).await?;
    let value = if versioned {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    if res.status().is_success() {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    Ok(res)
}
