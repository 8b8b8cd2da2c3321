//! Product pictures staff upload: which files are accepted, the widths the storefront is given
//! and the `srcset` that lists them. Decoding and resizing live in `crate::pictures`.

/// The largest picture file accepted.
pub const MAX_BYTES: usize = 15 * 1024 * 1024;
/// Pictures one form may carry.
pub const MAX_FILES: usize = 8;
/// The longest side accepted (a larger picture would take too much memory to decode).
pub const MAX_SIDE: u32 = 12_000;
/// The narrowest side accepted: smaller pictures look blurred on a product page.
pub const MIN_SIDE: u32 = 200;
/// The widths the storefront asks for: thumbnails and cards, cards on wide screens and the
/// gallery, the gallery on sharp screens, the zoomed picture.
pub const WIDTHS: [u32; 4] = [320, 640, 1280, 1920];
/// The longest alternative text kept.
pub const ALT_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

/// An upload that passed the first look (type by content, size, sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accepted {
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooLarge,
    /// Not a JPEG, PNG or WebP picture (by its content, whatever its name says).
    NotAPicture,
    TooSmall,
    TooBig,
    TooMany,
    /// It looked like a picture but could not be decoded.
    Unreadable,
}

impl Problem {
    /// The message key (arguments: `name`, `size`, `count`, `min`, `max`).
    pub fn key(self) -> &'static str {
        match self {
            Problem::Empty => "picture-empty",
            Problem::TooLarge => "picture-too-large",
            Problem::NotAPicture => "picture-not-a-picture",
            Problem::TooSmall => "picture-too-small",
            Problem::TooBig => "picture-too-big",
            Problem::TooMany => "picture-too-many",
            Problem::Unreadable => "picture-unreadable",
        }
    }
}

/// The first look at an upload: its type by content and its size in pixels, before decoding.
pub fn check(bytes: &[u8]) -> Result<Accepted, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(Problem::TooLarge);
    }
    let format = match imagesize::image_type(bytes) {
        Ok(imagesize::ImageType::Jpeg) => Format::Jpeg,
        Ok(imagesize::ImageType::Png) => Format::Png,
        Ok(imagesize::ImageType::Webp) => Format::Webp,
        _ => return Err(Problem::NotAPicture),
    };
    let size = imagesize::blob_size(bytes).map_err(|_| Problem::NotAPicture)?;
    let (width, height) = (
        u32::try_from(size.width).map_err(|_| Problem::TooBig)?,
        u32::try_from(size.height).map_err(|_| Problem::TooBig)?,
    );
    sides(width, height)?;
    Ok(Accepted {
        format,
        width,
        height,
    })
}

/// Whether a picture of these sides is accepted (checked again after EXIF rotation).
pub fn sides(width: u32, height: u32) -> Result<(), Problem> {
    if width == 0 || height == 0 {
        return Err(Problem::NotAPicture);
    }
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(Problem::TooBig);
    }
    if width < MIN_SIDE || height < MIN_SIDE {
        return Err(Problem::TooSmall);
    }
    Ok(())
}

/// The widths a picture `width` pixels wide is stored in: each of [`WIDTHS`] it is wider than,
/// and its own width (up to the widest) so the sharpest copy is never upscaled.
pub fn widths(width: u32) -> Vec<u32> {
    let top = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < top).collect();
    out.push(top);
    out
}

/// The height of a copy `width` wide of a `w`×`h` picture (rounded, at least 1).
pub fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    let exact = u64::from(h) * u64::from(width);
    let w = u64::from(w.max(1));
    u32::try_from((exact + w / 2) / w)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// The stored name of one width of a picture: `{stem}-{width}.{ext}`.
pub fn file_name(stem: &str, width: u32, extension: &str) -> String {
    format!("{stem}-{width}.{extension}")
}

/// The `srcset` of a picture stored in `widths` under `base` (the address prefix, e.g.
/// `/media/p/abc`): `/media/p/abc-320.jpg 320w, /media/p/abc-640.jpg 640w`.
pub fn srcset(base: &str, extension: &str, widths: &[u32]) -> String {
    widths
        .iter()
        .map(|w| format!("{base}-{w}.{extension} {w}w"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Alternative text as typed: control characters dropped, spaces collapsed, at most
/// [`ALT_MAX`] characters; empty means "use the product's name".
pub fn clean_alt(typed: &str) -> String {
    typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .take(ALT_MAX)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        // A PNG signature and IHDR chunk are all `imagesize` reads.
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn uploads_are_judged_by_content_and_size() {
        let table: Vec<(Vec<u8>, Result<Accepted, Problem>)> = vec![
            (
                png(800, 600),
                Ok(Accepted {
                    format: Format::Png,
                    width: 800,
                    height: 600,
                }),
            ),
            (Vec::new(), Err(Problem::Empty)),
            (
                b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
                Err(Problem::NotAPicture),
            ),
            (b"%PDF-1.7".to_vec(), Err(Problem::NotAPicture)),
            (
                b"GIF89a\x01\x00\x01\x00".to_vec(),
                Err(Problem::NotAPicture),
            ),
            (png(199, 800), Err(Problem::TooSmall)),
            (png(800, 12_001), Err(Problem::TooBig)),
            (png(0, 800), Err(Problem::NotAPicture)),
            (vec![0xff; MAX_BYTES + 1], Err(Problem::TooLarge)),
        ];
        for (bytes, want) in table {
            assert_eq!(check(&bytes), want, "{} bytes", bytes.len());
        }
    }

    #[test]
    fn widths_never_upscale() {
        let table: [(u32, &[u32]); 6] = [
            (200, &[200]),
            (320, &[320]),
            (500, &[320, 500]),
            (1280, &[320, 640, 1280]),
            (1600, &[320, 640, 1280, 1600]),
            (4000, &[320, 640, 1280, 1920]),
        ];
        for (w, want) in table {
            assert_eq!(widths(w), want, "{w}");
        }
    }

    #[test]
    fn heights_keep_the_shape() {
        assert_eq!(scaled_height(4000, 3000, 320), 240);
        assert_eq!(scaled_height(1000, 333, 640), 213);
        assert_eq!(scaled_height(3000, 1, 320), 1);
        assert_eq!(scaled_height(300, 900, 300), 900);
    }

    #[test]
    fn srcset_lists_every_width() {
        assert_eq!(
            srcset("/media/p/abc", "jpg", &[320, 640, 900]),
            "/media/p/abc-320.jpg 320w, /media/p/abc-640.jpg 640w, /media/p/abc-900.jpg 900w"
        );
        assert_eq!(file_name("abc", 320, "png"), "abc-320.png");
    }

    #[test]
    fn alt_text_is_one_clean_line() {
        assert_eq!(
            clean_alt("  Red\n drill\t from the side "),
            "Red drill from the side"
        );
        assert_eq!(clean_alt("a\u{7}b"), "ab");
        assert_eq!(clean_alt(&"x".repeat(300)).len(), ALT_MAX);
    }
}
