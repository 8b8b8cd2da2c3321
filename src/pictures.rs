//! Product pictures on disk: an upload decoded within memory limits, turned upright (EXIF
//! orientation), stripped of its metadata, stored in the widths the storefront uses under a
//! generated name, and served back from `/media/p/{name}`. What is accepted and which widths are
//! made is decided in `domain::pictures`.

use crate::domain::pictures::{self as rules, Accepted, Problem};
use crate::error::AppError;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue, X_CONTENT_TYPE_OPTIONS};
use actix_web::{HttpRequest, HttpResponse, web};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader, Limits};
use std::io::Cursor;
use std::path::Path;

/// The address prefix of stored pictures.
pub const PREFIX: &str = "/media/p/";

/// The most memory one decode may take.
const MAX_ALLOC: u64 = 600 * 1024 * 1024;
const JPEG_QUALITY: u8 = 84;

/// A picture written to disk in its widths.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The widest copy's address.
    pub url: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
    /// The file names written (to remove them again if the save fails).
    pub files: Vec<String>,
}

/// One encoded copy.
struct Copy {
    width: u32,
    bytes: Vec<u8>,
}

/// Decodes, turns upright and encodes every width (CPU-bound: call off the async workers).
fn encode(
    bytes: &[u8],
    _accepted: Accepted,
) -> Result<(Vec<Copy>, &'static str, u32, u32), Problem> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| Problem::Unreadable)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(rules::MAX_SIDE);
    limits.max_image_height = Some(rules::MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| Problem::Unreadable)?;
    let orientation = decoder.orientation().map_err(|_| Problem::Unreadable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| Problem::Unreadable)?;
    img.apply_orientation(orientation);
    let (w, h) = (img.width(), img.height());
    rules::sides(w, h)?;
    // Only pictures that really are see-through stay PNG; the rest become JPEG.
    let transparent = img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < 255);
    let extension = if transparent { "png" } else { "jpg" };
    let mut copies = Vec::new();
    // Widest first, each smaller copy from the one before (quicker, and as sharp at ≥ 2×).
    let mut source = img;
    for width in rules::widths(w).into_iter().rev() {
        let height = rules::scaled_height(w, h, width);
        if source.width() != width {
            source = source.resize_exact(width, height, FilterType::CatmullRom);
        }
        let mut out = Vec::new();
        let written = if transparent {
            let rgba = source.to_rgba8();
            PngEncoder::new(&mut out).write_image(
                rgba.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgba8,
            )
        } else {
            let rgb = source.to_rgb8();
            JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(
                rgb.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
        };
        written.map_err(|_| Problem::Unreadable)?;
        copies.push(Copy { width, bytes: out });
    }
    copies.reverse();
    Ok((copies, extension, w, h))
}

/// Makes and writes every width of one checked upload under a new generated name. `Err(Ok(p))`
/// is a problem with the picture, `Err(Err(e))` one with the disk.
pub async fn store(
    dir: &Path,
    bytes: Vec<u8>,
    accepted: Accepted,
) -> Result<Result<Stored, Problem>, AppError> {
    let dir = dir.to_path_buf();
    web::block(move || -> anyhow::Result<Result<Stored, Problem>> {
        let (copies, extension, width, height) = match encode(&bytes, accepted) {
            Ok(done) => done,
            Err(p) => return Ok(Err(p)),
        };
        let stem = crate::db::tokens::random_token();
        let mut files = Vec::new();
        for c in &copies {
            let name = rules::file_name(&stem, c.width, extension);
            if let Err(e) = std::fs::write(dir.join(&name), &c.bytes) {
                remove(&dir, &files);
                anyhow::bail!(
                    "could not store a product picture in {}: {e}",
                    dir.display()
                );
            }
            files.push(name);
        }
        let widths: Vec<u32> = copies.iter().map(|c| c.width).collect();
        let top = widths.last().copied().unwrap_or(width);
        let base = format!("{PREFIX}{stem}");
        Ok(Ok(Stored {
            url: format!("{base}-{top}.{extension}"),
            srcset: rules::srcset(&base, extension, &widths),
            width: top,
            height: rules::scaled_height(width, height, top),
            files,
        }))
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("picture processing panicked: {e}")))?
    .map_err(AppError::Internal)
}

/// Removes written files (a save that failed, a picture deleted).
pub fn remove(dir: &Path, files: &[String]) {
    for f in files {
        if safe_name(f) {
            let _ = std::fs::remove_file(dir.join(f));
        }
    }
}

/// The file names of a stored picture, from its `srcset` (empty for pictures not ours).
pub fn files_of(srcset: &str) -> Vec<String> {
    srcset
        .split(',')
        .filter_map(|entry| entry.split_whitespace().next())
        .filter_map(|url| url.strip_prefix(PREFIX))
        .filter(|name| safe_name(name))
        .map(str::to_string)
        .collect()
}

/// Generated names only: base64url, a hyphen or a dot, an extension (never a dot first).
pub(crate) fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `GET /media/p/{name}`: a stored picture, cached for a year (names never change content).
pub async fn serve(
    req: HttpRequest,
    name: web::Path<String>,
    state: web::Data<crate::startup::AppState>,
) -> Result<HttpResponse, AppError> {
    let name = name.into_inner();
    let content_type = match name.rsplit_once('.').map(|(_, e)| e) {
        Some("jpg") => "image/jpeg",
        Some("png") => "image/png",
        _ => return Err(AppError::NotFound),
    };
    serve_named(&req, &state.media_dir, &name, content_type).await
}

/// A generated file in `dir` as `content_type`, with byte ranges, cached for a year and never
/// sniffed as anything else.
pub(crate) async fn serve_named(
    req: &HttpRequest,
    dir: &Path,
    name: &str,
    content_type: &'static str,
) -> Result<HttpResponse, AppError> {
    if !safe_name(name) {
        return Err(AppError::NotFound);
    }
    let file = actix_files::NamedFile::open_async(dir.join(name))
        .await
        .map_err(|_| AppError::NotFound)?;
    let mut res = file
        .set_content_type(content_type.parse().map_err(|_| AppError::NotFound)?)
        .disable_content_disposition()
        .into_response(req);
    let headers = res.headers_mut();
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_are_files() {
        let srcset = "/media/p/Ab_c-320.jpg 320w, /media/p/Ab_c-640.jpg 640w";
        assert_eq!(files_of(srcset), ["Ab_c-320.jpg", "Ab_c-640.jpg"]);
        assert!(files_of("/media/demo/drill-1-1.svg 800w").is_empty());
        assert!(files_of("/media/p/../etc/passwd 1w").is_empty());
        assert!(!safe_name(".hidden"));
    }

    #[test]
    fn a_photo_becomes_upright_copies_in_each_width() {
        let mut img = image::RgbImage::new(900, 500);
        for (x, _, p) in img.enumerate_pixels_mut() {
            *p = image::Rgb([u8::try_from(x % 256).unwrap_or(0), 80, 160]);
        }
        let mut bytes = Vec::new();
        DynamicImage::ImageRgb8(img)
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap_or_default();
        let accepted = rules::check(&bytes).unwrap_or(Accepted {
            format: rules::Format::Png,
            width: 0,
            height: 0,
        });
        assert_eq!((accepted.width, accepted.height), (900, 500));
        let Ok((copies, ext, w, h)) = encode(&bytes, accepted) else {
            panic!("the picture should encode");
        };
        // An opaque PNG is stored as JPEG.
        assert_eq!((ext, w, h), ("jpg", 900, 500));
        let widths: Vec<u32> = copies.iter().map(|c| c.width).collect();
        assert_eq!(widths, [320, 640, 900]);
        for c in &copies {
            let size = imagesize::blob_size(&c.bytes).map(|s| (s.width, s.height));
            let want = usize::try_from(rules::scaled_height(900, 500, c.width)).unwrap_or(0);
            assert_eq!(size.ok(), Some((c.width as usize, want)));
        }
    }

    #[test]
    fn a_truncated_picture_is_unreadable_not_a_crash() {
        let mut bytes = Vec::new();
        DynamicImage::ImageRgb8(image::RgbImage::new(400, 400))
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap_or_default();
        bytes.truncate(bytes.len() / 2);
        let accepted = rules::check(&bytes);
        assert!(accepted.is_ok());
        if let Ok(a) = accepted {
            assert_eq!(encode(&bytes, a).err(), Some(Problem::Unreadable));
        }
    }
}
