//! A product's video as staff set it: the film (WebM or MP4), an optional still shown before it
//! plays, optional captions (WebVTT) and a title for screen readers — all files on this site, as
//! the pages' content security policy plays media from this site only. Pure; `db::products`
//! stores it and the product page plays it.

use crate::domain::content_form::site_path;

pub const TITLE_MAX: usize = 200;

/// What staff typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub url: &'a str,
    pub poster: &'a str,
    pub captions: &'a str,
    pub title: &'a str,
}

/// A checked video.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Video {
    pub url: String,
    pub poster: Option<String>,
    pub captions: Option<String>,
    /// Empty: the product's name is used.
    pub title: String,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

fn ends_with_any(path: &str, endings: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    let lower = lower.split(['?', '#']).next().unwrap_or("");
    endings.iter().any(|e| lower.ends_with(e))
}

/// Checks the form as a whole: every problem at once.
pub fn check(input: &Input) -> Result<Video, Errors> {
    let mut errors = Errors::new();
    let url = match site_path(input.url) {
        Ok(Some(u)) if ends_with_any(&u, &[".webm", ".mp4"]) => Some(u),
        Ok(None) => {
            errors.push(("video_url", "product-video-missing"));
            None
        }
        _ => {
            errors.push(("video_url", "product-video-file"));
            None
        }
    };
    let poster = match site_path(input.poster) {
        Ok(p)
            if p.as_deref()
                .is_none_or(|p| ends_with_any(p, &[".jpg", ".jpeg", ".png", ".webp", ".svg"])) =>
        {
            p
        }
        _ => {
            errors.push(("video_poster", "product-video-poster"));
            None
        }
    };
    let captions = match site_path(input.captions) {
        Ok(c) if c.as_deref().is_none_or(|c| ends_with_any(c, &[".vtt"])) => c,
        _ => {
            errors.push(("video_captions", "product-video-captions"));
            None
        }
    };
    let title = input.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() > TITLE_MAX {
        errors.push(("video_title", "product-video-title"));
    }
    match url {
        Some(url) if errors.is_empty() => Ok(Video {
            url,
            poster,
            captions,
            title,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Input<'static> {
        Input {
            url: "/static/video/demo.webm",
            poster: "/media/p/abc-800.webp",
            captions: "/static/video/demo.en.vtt",
            title: "  The drill   in use ",
        }
    }

    #[test]
    fn a_good_video_is_kept() {
        let v = check(&good()).unwrap();
        assert_eq!(v.url, "/static/video/demo.webm");
        assert_eq!(v.poster.as_deref(), Some("/media/p/abc-800.webp"));
        assert_eq!(v.captions.as_deref(), Some("/static/video/demo.en.vtt"));
        assert_eq!(v.title, "The drill in use");
        let bare = check(&Input {
            url: "/static/video/DEMO.MP4",
            poster: "",
            captions: " ",
            title: "",
        })
        .unwrap();
        assert_eq!((bare.poster, bare.captions), (None, None));
    }

    #[test]
    fn every_wrong_field_is_named() {
        let long = "t".repeat(TITLE_MAX + 1);
        let cases: Vec<(Input, Errors)> = vec![
            (
                Input { url: "", ..good() },
                vec![("video_url", "product-video-missing")],
            ),
            (
                Input {
                    url: "https://youtube.com/watch?v=x",
                    ..good()
                },
                vec![("video_url", "product-video-file")],
            ),
            (
                Input {
                    url: "/static/video/demo.avi",
                    ..good()
                },
                vec![("video_url", "product-video-file")],
            ),
            (
                Input {
                    poster: "/static/a.gif",
                    ..good()
                },
                vec![("video_poster", "product-video-poster")],
            ),
            (
                Input {
                    poster: "//cdn/a.jpg",
                    ..good()
                },
                vec![("video_poster", "product-video-poster")],
            ),
            (
                Input {
                    captions: "/static/a.srt",
                    ..good()
                },
                vec![("video_captions", "product-video-captions")],
            ),
            (
                Input {
                    title: &long,
                    ..good()
                },
                vec![("video_title", "product-video-title")],
            ),
            (
                Input {
                    url: "x",
                    poster: "y",
                    captions: "z",
                    title: "",
                },
                vec![
                    ("video_url", "product-video-file"),
                    ("video_poster", "product-video-poster"),
                    ("video_captions", "product-video-captions"),
                ],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(check(&input).unwrap_err(), want, "{input:?}");
        }
    }
}
