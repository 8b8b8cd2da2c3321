//! Files staff upload for the shop's pages (Admin → Files): what is accepted, told by the file's
//! content whatever its name says — pictures (JPEG, PNG, WebP; checked and resized by
//! `domain::pictures`), films (WebM, MP4) and captions (WebVTT) — the size each may have, the
//! title kept, and the text staff paste where the file is used. Pure; `web::admin::files`
//! stores and serves them.

/// The largest film accepted (a few minutes of 1080p).
pub const VIDEO_MAX_BYTES: u64 = 300 * 1024 * 1024;
/// The largest captions file accepted.
pub const CAPTIONS_MAX_BYTES: u64 = 1024 * 1024;
/// The longest title kept.
pub const TITLE_MAX: usize = 200;
/// The address prefix of stored films and captions (pictures use `crate::pictures::PREFIX`).
pub const PREFIX: &str = "/media/f/";

/// What a file is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Picture,
    Video,
    Captions,
}

pub const KINDS: [Kind; 3] = [Kind::Picture, Kind::Video, Kind::Captions];

impl Kind {
    /// As stored and as written in addresses (`?kind=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Picture => "picture",
            Kind::Video => "video",
            Kind::Captions => "captions",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        KINDS.into_iter().find(|k| k.as_str() == s)
    }

    /// The largest file of this kind accepted.
    pub fn max_bytes(self) -> u64 {
        match self {
            Kind::Picture => crate::domain::pictures::MAX_BYTES as u64,
            Kind::Video => VIDEO_MAX_BYTES,
            Kind::Captions => CAPTIONS_MAX_BYTES,
        }
    }
}

/// A file's type as its first bytes tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: Kind,
    /// The extension it is stored under (films and captions; pictures are re-encoded).
    pub extension: &'static str,
}

/// How many first bytes [`sniff`] needs.
pub const HEAD: usize = 64;

/// The type of a file from its first [`HEAD`] bytes, or `None` for anything not accepted.
pub fn sniff(head: &[u8]) -> Option<Sniffed> {
    let sniffed = |kind, extension| Some(Sniffed { kind, extension });
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return sniffed(Kind::Picture, "jpg");
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return sniffed(Kind::Picture, "png");
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return sniffed(Kind::Picture, "webp");
    }
    // Matroska's EBML header naming the "webm" document type.
    if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) && contains(head, b"webm") {
        return sniffed(Kind::Video, "webm");
    }
    // ISO base media: a `ftyp` box first, with an MP4 brand.
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        let brand = &head[8..12];
        let mp4 = [
            b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash",
            b"M4V ", b"mmp4",
        ];
        if mp4.iter().any(|b| brand == *b) {
            return sniffed(Kind::Video, "mp4");
        }
        return None;
    }
    let text = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    match text.strip_prefix(b"WEBVTT") {
        Some(rest) if rest.first().is_none_or(|b| b" \t\n\r".contains(b)) => {
            sniffed(Kind::Captions, "vtt")
        }
        _ => None,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Why an upload is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No file chosen, or an empty one.
    Empty,
    /// Larger than its kind allows (or than the largest kind, before its type was known).
    TooLarge,
    /// Not a picture, film or captions file we take.
    NotAccepted,
    /// A captions file that is not UTF-8 text or has no cue.
    BadCaptions,
}

impl Problem {
    /// The message key (arguments: `name`, `max`).
    pub fn key(self) -> &'static str {
        match self {
            Problem::Empty => "file-empty",
            Problem::TooLarge => "file-too-large",
            Problem::NotAccepted => "file-not-accepted",
            Problem::BadCaptions => "file-bad-captions",
        }
    }
}

/// Checks an upload of `size` bytes whose first bytes are `head`.
pub fn check(head: &[u8], size: u64, too_large: bool) -> Result<Sniffed, Problem> {
    if size == 0 && !too_large {
        return Err(Problem::Empty);
    }
    let sniffed = sniff(head).ok_or(if too_large {
        Problem::TooLarge
    } else {
        Problem::NotAccepted
    })?;
    if too_large || size > sniffed.kind.max_bytes() {
        return Err(Problem::TooLarge);
    }
    Ok(sniffed)
}

/// A whole captions file: UTF-8 text starting `WEBVTT` with at least one cue timing.
pub fn check_captions(bytes: &[u8]) -> Result<(), Problem> {
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::BadCaptions)?;
    let text = text.trim_start_matches('\u{feff}');
    if !text.starts_with("WEBVTT") || !text.lines().any(|l| l.contains("-->")) {
        return Err(Problem::BadCaptions);
    }
    Ok(())
}

/// The title kept: what staff typed, else the uploaded file's name without its extension;
/// whitespace folded, cut to [`TITLE_MAX`] characters.
pub fn title(typed: &str, file_name: &str) -> String {
    let from_name = || {
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem);
        stem.replace(['_', '-'], " ")
    };
    let chosen = if typed.trim().is_empty() {
        from_name()
    } else {
        typed.to_string()
    };
    let folded = chosen.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = folded.chars().take(TITLE_MAX).collect();
    if cut.is_empty() { "file".into() } else { cut }
}

/// What staff paste where the file is used: a picture as Markdown (the title as its
/// alternative text), a film or captions file as its address.
pub fn snippet(kind: Kind, url: &str, title: &str) -> String {
    match kind {
        Kind::Picture => {
            let alt: String = title
                .chars()
                .filter(|c| !matches!(c, '[' | ']' | '\\'))
                .collect();
            format!("![{alt}]({url})")
        }
        Kind::Video | Kind::Captions => url.to_string(),
    }
}

/// The type a `<source>` names for a film at `url` (MP4 by its extension, else WebM).
pub fn video_type(url: &str) -> &'static str {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path.to_ascii_lowercase().ends_with(".mp4") {
        "video/mp4"
    } else {
        "video/webm"
    }
}

/// A file size for people: bytes, kB or MB (1 000-based, one decimal from 100 kB).
pub fn size_text(bytes: i64) -> String {
    let tenths = |unit: i64| {
        let t = (bytes * 10 + unit / 2) / unit;
        format!("{}.{}", t / 10, t % 10)
    };
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 100_000 => format!("{} kB", tenths(1_000)),
        b if b < 1_000_000 => format!("{} kB", (b + 500) / 1_000),
        _ => format!("{} MB", tenths(1_000_000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn padded(start: &[u8]) -> Vec<u8> {
        let mut v = start.to_vec();
        v.resize(HEAD, 0);
        v
    }

    #[test]
    fn files_are_told_by_their_content() {
        let webm = {
            let mut v = vec![
                0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82,
            ];
            v.extend_from_slice(b"\x84webm");
            padded(&v)
        };
        let matroska = {
            let mut v = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82];
            v.extend_from_slice(b"\x88matroska");
            padded(&v)
        };
        type Case = (&'static str, Vec<u8>, Option<(Kind, &'static str)>);
        let cases: &[Case] = &[
            (
                "jpeg",
                padded(&[0xFF, 0xD8, 0xFF, 0xE0]),
                Some((Kind::Picture, "jpg")),
            ),
            (
                "png",
                padded(b"\x89PNG\r\n\x1a\n"),
                Some((Kind::Picture, "png")),
            ),
            (
                "webp",
                padded(b"RIFF\0\0\0\0WEBPVP8 "),
                Some((Kind::Picture, "webp")),
            ),
            ("wav is RIFF too", padded(b"RIFF\0\0\0\0WAVEfmt "), None),
            ("webm", webm, Some((Kind::Video, "webm"))),
            ("matroska that is not webm", matroska, None),
            (
                "mp4",
                padded(b"\0\0\0\x20ftypisom\0\0\x02\0"),
                Some((Kind::Video, "mp4")),
            ),
            (
                "mp4 v2",
                padded(b"\0\0\0\x18ftypmp42"),
                Some((Kind::Video, "mp4")),
            ),
            ("quicktime", padded(b"\0\0\0\x14ftypqt  "), None),
            ("heic", padded(b"\0\0\0\x18ftypheic"), None),
            (
                "captions",
                b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi".to_vec(),
                Some((Kind::Captions, "vtt")),
            ),
            (
                "captions with a BOM",
                "\u{feff}WEBVTT - Title\n".as_bytes().to_vec(),
                Some((Kind::Captions, "vtt")),
            ),
            (
                "header alone",
                b"WEBVTT".to_vec(),
                Some((Kind::Captions, "vtt")),
            ),
            ("not the header", b"WEBVTTX\n".to_vec(), None),
            (
                "subrip",
                b"1\n00:00:01,000 --> 00:00:02,000\n".to_vec(),
                None,
            ),
            ("html named .jpg", b"<html><script>".to_vec(), None),
            ("svg", b"<svg xmlns=".to_vec(), None),
            ("pdf", padded(b"%PDF-1.7"), None),
            ("empty", Vec::new(), None),
        ];
        for (name, bytes, want) in cases {
            let got = sniff(bytes).map(|s| (s.kind, s.extension));
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn sizes_and_emptiness_are_checked_per_kind() {
        let jpeg = padded(&[0xFF, 0xD8, 0xFF, 0xE0]);
        let vtt = b"WEBVTT\n".to_vec();
        let mp4 = padded(b"\0\0\0\x20ftypisom");
        type Case<'a> = (&'a str, &'a [u8], u64, bool, Result<Kind, Problem>);
        let cases: &[Case] = &[
            ("nothing", b"", 0, false, Err(Problem::Empty)),
            ("a picture", &jpeg, 2_000_000, false, Ok(Kind::Picture)),
            (
                "a picture too large",
                &jpeg,
                16 * 1024 * 1024,
                false,
                Err(Problem::TooLarge),
            ),
            (
                "a film of 200 MB",
                &mp4,
                200 * 1024 * 1024,
                false,
                Ok(Kind::Video),
            ),
            (
                "a film past the limit",
                &mp4,
                VIDEO_MAX_BYTES + 1,
                false,
                Err(Problem::TooLarge),
            ),
            (
                "cut off while reading",
                &mp4,
                0,
                true,
                Err(Problem::TooLarge),
            ),
            (
                "captions of 2 MB",
                &vtt,
                2 * 1024 * 1024,
                false,
                Err(Problem::TooLarge),
            ),
            ("unknown", b"hello", 5, false, Err(Problem::NotAccepted)),
            (
                "unknown and huge",
                b"hello",
                0,
                true,
                Err(Problem::TooLarge),
            ),
        ];
        for (name, head, size, cut, want) in cases {
            let got = check(head, *size, *cut).map(|s| s.kind);
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn captions_are_text_with_cues() {
        let cases: &[(&[u8], bool)] = &[
            (b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", true),
            (
                "\u{feff}WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHej då\n".as_bytes(),
                true,
            ),
            (b"WEBVTT\n\nNOTE no cues\n", false),
            (b"WEBVTT\n\n00:00.000 --> 00:02.000\n\xff\xfe", false),
        ];
        for (bytes, ok) in cases {
            assert_eq!(check_captions(bytes).is_ok(), *ok, "{bytes:?}");
        }
    }

    #[test]
    fn titles_and_snippets() {
        let cases = [
            ("", "drill_in-use.jpg", "drill in use"),
            ("  Drill   in use ", "x.jpg", "Drill in use"),
            ("", "", "file"),
            ("", "noextension", "noextension"),
        ];
        for (typed, name, want) in cases {
            assert_eq!(title(typed, name), want, "{typed:?} {name:?}");
        }
        assert_eq!(title(&"a".repeat(300), "").chars().count(), TITLE_MAX);
        assert_eq!(
            snippet(Kind::Picture, "/media/p/x-1280.jpg", "A [drill]"),
            "![A drill](/media/p/x-1280.jpg)"
        );
        assert_eq!(
            snippet(Kind::Video, "/media/f/x.mp4", "Film"),
            "/media/f/x.mp4"
        );
        assert_eq!(video_type("/media/f/x.MP4?v=2"), "video/mp4");
        assert_eq!(video_type("/static/video/demo.webm"), "video/webm");
        for (bytes, want) in [
            (999, "999 B"),
            (1_500, "1.5 kB"),
            (250_400, "250 kB"),
            (12_345_678, "12.3 MB"),
        ] {
            assert_eq!(size_text(bytes), want);
        }
    }
}
