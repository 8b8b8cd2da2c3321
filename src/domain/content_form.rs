//! The staff form for articles: buying guides, product blog posts, case studies, demo pages and
//! the targeted blocks on the business home. What each field may hold and how the kinds differ
//! (demos and blocks are for companies only; a block has no page of its own). Pure;
//! `db::content_admin` stores a page and `markdown` renders its body.

use crate::domain::catalog::Slug;
use crate::domain::company_form::INDUSTRIES;
use crate::domain::coupon_form::optional_time;
use crate::domain::markdown::BODY_MAX;
use chrono::NaiveDateTime;

/// The kinds staff edit here (FAQ entries have their own form).
pub const KINDS: [&str; 5] = ["guide", "blog", "case_study", "demo", "block"];
pub const AUDIENCES: [&str; 3] = ["b2c", "b2b", "both"];
/// The company roles a piece may aim at.
pub const ROLES: [&str; 3] = ["buyer", "approver", "admin"];
pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 400;
pub const SLUG_MAX: usize = 100;
pub const URL_MAX: usize = 300;

/// What staff typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    /// Empty: made from the title.
    pub slug: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub audience: &'a str,
    /// Empty: every industry.
    pub industry: &'a str,
    /// Empty: every role.
    pub role: &'a str,
    /// A product's SKU, or empty.
    pub product: &'a str,
    pub video: &'a str,
    pub captions: &'a str,
    pub position: &'a str,
    /// `datetime-local` on the shop's clock; empty with `published` means "now".
    pub publish_at: &'a str,
    pub published: bool,
}

/// When a checked page goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Draft,
    /// As soon as it is saved (a page already out keeps its date).
    Now,
    /// From this time on the shop's clock (may be in the past: back-dated).
    At(NaiveDateTime),
}

/// A checked page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: &'static str,
    pub title: String,
    pub slug: String,
    pub summary: String,
    /// Markdown, line ends `\n`, no other control characters.
    pub body: String,
    pub audience: &'static str,
    pub industry: Option<&'static str>,
    pub role: Option<&'static str>,
    /// Upper-case SKU as typed; the store checks that it exists.
    pub product_sku: Option<String>,
    pub video_url: Option<String>,
    pub captions_url: Option<String>,
    pub position: i32,
    pub publication: Publication,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn one_of(all: &[&'static str], typed: &str) -> Option<&'static str> {
    all.iter().find(|a| **a == typed.trim()).copied()
}

/// An optional file on this site (`/static/…`, `/media/…`): the content security policy plays
/// media from this site only.
pub fn site_path(typed: &str) -> Result<Option<String>, NotOnSite> {
    match typed.trim() {
        "" => Ok(None),
        t if t.starts_with('/')
            && !t.starts_with("//")
            && t.len() <= URL_MAX
            && !t.contains(char::is_whitespace)
            && !t.contains(['"', '<', '>', '\\']) =>
        {
            Ok(Some(t.to_string()))
        }
        _ => Err(NotOnSite),
    }
}

/// A typed address that is not a file on this site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotOnSite;

/// Checks the form as a whole: every problem at once.
pub fn check(input: &Input) -> Result<Draft, Errors> {
    let mut errors = Errors::new();
    let kind = one_of(&KINDS, input.kind);
    if kind.is_none() {
        errors.push(("kind", "content-form-kind"));
    }
    let title = one_line(input.title);
    match title.chars().count() {
        0..=2 => errors.push(("title", "content-form-title-short")),
        n if n > TITLE_MAX => errors.push(("title", "content-form-title-long")),
        _ => {}
    }
    // An address made from the title is always well formed; a typed one is checked.
    let slug = match input.slug.trim() {
        "" => Slug::from_text(&title)
            .as_str()
            .chars()
            .take(SLUG_MAX)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string(),
        typed => {
            if typed.len() > SLUG_MAX || Slug::parse(typed).is_none() {
                errors.push(("slug", "content-form-slug"));
            }
            typed.to_string()
        }
    };
    let summary = one_line(input.summary);
    if summary.chars().count() > SUMMARY_MAX {
        errors.push(("summary", "content-form-summary-long"));
    }
    let body: String = input
        .body
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_string();
    if body.is_empty() {
        errors.push(("body", "content-form-body-missing"));
    } else if body.chars().count() > BODY_MAX {
        errors.push(("body", "content-form-body-long"));
    }
    let audience = one_of(&AUDIENCES, input.audience);
    match (kind, audience) {
        (_, None) => errors.push(("audience", "content-form-audience")),
        // Demos are booked by companies; blocks show on the business home.
        (Some("demo" | "block"), Some("b2c")) => {
            errors.push(("audience", "content-form-audience-business"));
        }
        _ => {}
    }
    let industry = match input.industry.trim() {
        "" => None,
        t => {
            let found = one_of(&INDUSTRIES, t);
            if found.is_none() {
                errors.push(("industry", "content-form-industry"));
            }
            found
        }
    };
    let role = match input.role.trim() {
        "" => None,
        t => {
            let found = one_of(&ROLES, t);
            if found.is_none() {
                errors.push(("role", "content-form-role"));
            }
            found
        }
    };
    let product_sku = match input.product.trim() {
        "" => None,
        t => match crate::domain::catalog::Sku::parse(t) {
            Ok(sku) => Some(sku.as_str().to_string()),
            Err(_) => {
                errors.push(("product", "content-form-product"));
                None
            }
        },
    };
    let video_url = site_path(input.video).unwrap_or_else(|NotOnSite| {
        errors.push(("video", "content-form-site-path"));
        None
    });
    let captions_url = site_path(input.captions).unwrap_or_else(|NotOnSite| {
        errors.push(("captions", "content-form-site-path"));
        None
    });
    if captions_url.is_some() && video_url.is_none() && !errors.iter().any(|e| e.0 == "video") {
        errors.push(("captions", "content-form-captions-alone"));
    }
    let position = match input.position.trim() {
        "" => Some(0),
        t => t.parse::<i32>().ok().filter(|p| (0..=9999).contains(p)),
    };
    if position.is_none() {
        errors.push(("position", "content-form-position"));
    }
    let at = optional_time(input.publish_at).unwrap_or_else(|_| {
        errors.push(("publish_at", "content-form-publish-at"));
        None
    });
    let publication = match (input.published, at) {
        (false, _) => Publication::Draft,
        (true, None) => Publication::Now,
        (true, Some(t)) => Publication::At(t),
    };
    match (kind, audience, position) {
        (Some(kind), Some(audience), Some(position)) if errors.is_empty() => Ok(Draft {
            kind,
            title,
            slug,
            summary,
            body,
            audience,
            industry,
            role,
            product_sku,
            video_url,
            captions_url,
            position,
            publication,
        }),
        _ => Err(errors),
    }
}

/// Whether a page is out at `now`, waits for a set time, or is a draft.
pub fn state_of(published_at: Option<NaiveDateTime>, now: NaiveDateTime) -> &'static str {
    match published_at {
        None => "draft",
        Some(t) if t > now => "scheduled",
        Some(_) => "published",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn good() -> Input<'static> {
        Input {
            kind: "guide",
            title: "  Choosing   screws ",
            slug: "",
            summary: "Thread and drive.\n",
            body: "## Wood\r\n\r\nUse *coarse* threads.\u{7}",
            audience: "b2b",
            industry: "construction",
            role: "",
            product: "",
            video: "",
            captions: "",
            position: "",
            publish_at: "",
            published: true,
        }
    }

    #[test]
    fn a_good_page_is_tidied() {
        let d = check(&good()).unwrap();
        assert_eq!(d.title, "Choosing screws");
        assert_eq!(d.slug, "choosing-screws");
        assert_eq!(d.summary, "Thread and drive.");
        assert_eq!(d.body, "## Wood\n\nUse *coarse* threads.");
        assert_eq!((d.kind, d.audience), ("guide", "b2b"));
        assert_eq!(
            (d.industry, d.role, d.position),
            (Some("construction"), None, 0)
        );
        assert_eq!(d.publication, Publication::Now);
        let at = check(&Input {
            publish_at: "2026-12-24T08:00",
            product: " pt-1001 ",
            video: "/static/video/demo.webm",
            captions: "/static/video/demo.en.vtt",
            ..good()
        })
        .unwrap();
        let eve = NaiveDate::from_ymd_opt(2026, 12, 24)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        assert_eq!(at.publication, Publication::At(eve));
        assert_eq!(at.product_sku.as_deref(), Some("PT-1001"));
        assert_eq!(
            at.captions_url.as_deref(),
            Some("/static/video/demo.en.vtt")
        );
        let draft = check(&Input {
            published: false,
            publish_at: "2026-12-24T08:00",
            ..good()
        })
        .unwrap();
        assert_eq!(draft.publication, Publication::Draft);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let long_title = "t".repeat(TITLE_MAX + 1);
        let long_summary = "s".repeat(SUMMARY_MAX + 1);
        let long_body = "b".repeat(BODY_MAX + 1);
        let long_slug = "a".repeat(SLUG_MAX + 1);
        let cases: Vec<(Input, Errors)> = vec![
            (
                Input {
                    kind: "faq",
                    ..good()
                },
                vec![("kind", "content-form-kind")],
            ),
            (
                Input {
                    title: " a ",
                    ..good()
                },
                vec![("title", "content-form-title-short")],
            ),
            (
                Input {
                    title: &long_title,
                    ..good()
                },
                vec![("title", "content-form-title-long")],
            ),
            (
                Input {
                    slug: "Bad Slug",
                    ..good()
                },
                vec![("slug", "content-form-slug")],
            ),
            (
                Input {
                    slug: "a--b",
                    ..good()
                },
                vec![("slug", "content-form-slug")],
            ),
            (
                Input {
                    slug: &long_slug,
                    ..good()
                },
                vec![("slug", "content-form-slug")],
            ),
            (
                Input {
                    summary: &long_summary,
                    ..good()
                },
                vec![("summary", "content-form-summary-long")],
            ),
            (
                Input {
                    body: " \r\n ",
                    ..good()
                },
                vec![("body", "content-form-body-missing")],
            ),
            (
                Input {
                    body: &long_body,
                    ..good()
                },
                vec![("body", "content-form-body-long")],
            ),
            (
                Input {
                    audience: "all",
                    ..good()
                },
                vec![("audience", "content-form-audience")],
            ),
            (
                Input {
                    kind: "demo",
                    audience: "b2c",
                    ..good()
                },
                vec![("audience", "content-form-audience-business")],
            ),
            (
                Input {
                    kind: "block",
                    audience: "b2c",
                    ..good()
                },
                vec![("audience", "content-form-audience-business")],
            ),
            (
                Input {
                    industry: "mining",
                    ..good()
                },
                vec![("industry", "content-form-industry")],
            ),
            (
                Input {
                    role: "owner",
                    ..good()
                },
                vec![("role", "content-form-role")],
            ),
            (
                Input {
                    product: "no such sku!",
                    ..good()
                },
                vec![("product", "content-form-product")],
            ),
            (
                Input {
                    video: "https://cdn.example.com/v.webm",
                    ..good()
                },
                vec![("video", "content-form-site-path")],
            ),
            (
                Input {
                    video: "//cdn.example.com/v.webm",
                    ..good()
                },
                vec![("video", "content-form-site-path")],
            ),
            (
                Input {
                    video: "/static/a b.webm",
                    ..good()
                },
                vec![("video", "content-form-site-path")],
            ),
            (
                Input {
                    captions: "/static/video/demo.en.vtt",
                    ..good()
                },
                vec![("captions", "content-form-captions-alone")],
            ),
            (
                Input {
                    position: "-1",
                    ..good()
                },
                vec![("position", "content-form-position")],
            ),
            (
                Input {
                    position: "x",
                    ..good()
                },
                vec![("position", "content-form-position")],
            ),
            (
                Input {
                    publish_at: "24/12/2026",
                    ..good()
                },
                vec![("publish_at", "content-form-publish-at")],
            ),
            (
                Input {
                    title: "",
                    audience: "",
                    body: "",
                    ..good()
                },
                vec![
                    ("title", "content-form-title-short"),
                    ("body", "content-form-body-missing"),
                    ("audience", "content-form-audience"),
                ],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(check(&input).unwrap_err(), want, "{input:?}");
        }
    }

    #[test]
    fn state_follows_the_date() {
        let now = NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let cases = [
            (None, "draft"),
            (Some(now - chrono::Duration::days(1)), "published"),
            (Some(now), "published"),
            (Some(now + chrono::Duration::minutes(1)), "scheduled"),
        ];
        for (at, want) in cases {
            assert_eq!(state_of(at, now), want, "{at:?}");
        }
    }
}
