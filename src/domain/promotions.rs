//! Promotions staff schedule: banners and carousel slides on the homes, shown to an audience
//! within a window, highest priority first. What the staff form may hold, and where a promotion
//! stands at a moment. Times here are on the shop's clock (the form's); the web layer turns them
//! into UTC for storage.

use chrono::NaiveDateTime;

pub const KINDS: [&str; 2] = ["banner", "slide"];
/// Who sees it: everyone, consumers (and visitors), signed-in people, company users.
pub const AUDIENCES: [&str; 4] = ["everyone", "consumers", "signed_in", "companies"];
pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 500;
pub const LABEL_MAX: usize = 40;
pub const PRIORITY_RANGE: std::ops::RangeInclusive<i32> = -1000..=1000;
/// How the form's `datetime-local` fields send a time.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// What staff typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub link_url: &'a str,
    pub link_label: &'a str,
    pub image_url: &'a str,
    pub audience: &'a str,
    pub starts: &'a str,
    pub ends: &'a str,
    pub priority: &'a str,
}

/// A checked promotion (times on the shop's clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promotion {
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub link_url: Option<String>,
    pub link_label: String,
    pub image_url: Option<String>,
    pub audience: &'static str,
    pub starts: NaiveDateTime,
    pub ends: Option<NaiveDateTime>,
    pub priority: i32,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A link a promotion may carry: a path in the shop, or an https address elsewhere. Nothing
/// that a browser would run (`javascript:`), nothing protocol-relative (`//host`).
pub fn link_ok(link: &str) -> bool {
    let clean = !link.is_empty()
        && link.len() <= 500
        && !link.chars().any(|c| c.is_control() || c.is_whitespace())
        && !link.contains('\\');
    let local = link.starts_with('/') && !link.starts_with("//");
    let https = link
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    clean && (local || https)
}

/// A picture a promotion may show: the shop's own files only (the page allows images from
/// its own address; a picture elsewhere could track visitors).
pub fn image_ok(url: &str) -> bool {
    (url.starts_with("/static/") || url.starts_with("/media/"))
        && url.len() <= 300
        && !url.contains("..")
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Checks the form as a whole: every problem at once.
pub fn check(input: &Input) -> Result<Promotion, Errors> {
    let mut errors = Errors::new();
    let kind = KINDS.iter().find(|k| **k == input.kind.trim()).copied();
    if kind.is_none() {
        errors.push(("kind", "promo-kind-invalid"));
    }
    let title = one_line(input.title);
    match title.chars().count() {
        0 => errors.push(("title", "promo-title-missing")),
        n if n > TITLE_MAX => errors.push(("title", "promo-title-long")),
        _ => {}
    }
    let body: String = input
        .body
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect::<String>()
        .trim()
        .to_string();
    if body.chars().count() > BODY_MAX {
        errors.push(("body", "promo-body-long"));
    }
    let link = input.link_url.trim();
    let label = one_line(input.link_label);
    let link_url = if link.is_empty() {
        if !label.is_empty() {
            errors.push(("link_url", "promo-link-missing"));
        }
        None
    } else if link_ok(link) {
        if label.is_empty() {
            errors.push(("link_label", "promo-label-missing"));
        }
        Some(link.to_string())
    } else {
        errors.push(("link_url", "promo-link-invalid"));
        None
    };
    if label.chars().count() > LABEL_MAX {
        errors.push(("link_label", "promo-label-long"));
    }
    let image = input.image_url.trim();
    let image_url = if image.is_empty() {
        None
    } else if image_ok(image) {
        Some(image.to_string())
    } else {
        errors.push(("image_url", "promo-image-invalid"));
        None
    };
    let audience = AUDIENCES
        .iter()
        .find(|a| **a == input.audience.trim())
        .copied();
    if audience.is_none() {
        errors.push(("audience", "promo-audience-invalid"));
    }
    let starts = NaiveDateTime::parse_from_str(input.starts.trim(), TIME_FORMAT).ok();
    if starts.is_none() {
        errors.push(("starts", "promo-starts-invalid"));
    }
    let ends = match input.ends.trim() {
        "" => Ok(None),
        typed => NaiveDateTime::parse_from_str(typed, TIME_FORMAT)
            .map(Some)
            .map_err(|_| ()),
    };
    match (&ends, starts) {
        (Err(()), _) => errors.push(("ends", "promo-ends-invalid")),
        (Ok(Some(end)), Some(start)) if *end <= start => {
            errors.push(("ends", "promo-ends-before"));
        }
        _ => {}
    }
    let typed = input.priority.trim();
    let priority = if typed.is_empty() {
        Some(0)
    } else {
        typed
            .parse::<i32>()
            .ok()
            .filter(|p| PRIORITY_RANGE.contains(p))
    };
    if priority.is_none() {
        errors.push(("priority", "promo-priority-invalid"));
    }
    match (kind, audience, starts, ends, priority) {
        (Some(kind), Some(audience), Some(starts), Ok(ends), Some(priority))
            if errors.is_empty() =>
        {
            Ok(Promotion {
                kind,
                title,
                body,
                link_url,
                link_label: label,
                image_url,
                audience,
                starts,
                ends,
                priority,
            })
        }
        _ => Err(errors),
    }
}

/// Where a promotion stands at a moment (the storefront shows only `Running` ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Switched off by staff.
    Off,
    Scheduled,
    Running,
    Ended,
}

impl State {
    pub const ALL: [State; 4] = [State::Running, State::Scheduled, State::Ended, State::Off];

    pub fn code(self) -> &'static str {
        match self {
            State::Off => "off",
            State::Scheduled => "scheduled",
            State::Running => "running",
            State::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|st| st.code() == s)
    }
}

/// The same rule the storefront's query uses: on, started, and not yet ended.
pub fn state(
    active: bool,
    starts: NaiveDateTime,
    ends: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> State {
    match (active, ends) {
        (false, _) => State::Off,
        _ if starts > now => State::Scheduled,
        (true, Some(end)) if end <= now => State::Ended,
        _ => State::Running,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, TIME_FORMAT).unwrap_or_default()
    }

    const GOOD: Input = Input {
        kind: "banner",
        title: "  Spring\tsale ",
        body: "Up to 30 % off garden tools.\u{7}",
        link_url: "/categories/garden",
        link_label: "Shop the sale",
        image_url: "",
        audience: "consumers",
        starts: "2026-03-01T08:00",
        ends: "2026-03-31T23:59",
        priority: "",
    };

    #[test]
    fn a_good_form_is_cleaned_up() {
        let ok = check(&GOOD).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(ok.title, "Spring sale");
        assert_eq!(ok.body, "Up to 30 % off garden tools.");
        assert_eq!(ok.link_url.as_deref(), Some("/categories/garden"));
        assert_eq!(ok.priority, 0);
        assert_eq!(ok.starts, at("2026-03-01T08:00"));
        assert_eq!(ok.ends, Some(at("2026-03-31T23:59")));
    }

    #[test]
    fn every_problem_is_named_next_to_its_field() {
        let long_title = "t".repeat(TITLE_MAX + 1);
        let long_body = "b".repeat(BODY_MAX + 1);
        let cases: [(Input, Errors); 12] = [
            (
                Input {
                    kind: "popup",
                    ..GOOD
                },
                vec![("kind", "promo-kind-invalid")],
            ),
            (
                Input {
                    title: " \u{7} ",
                    ..GOOD
                },
                vec![("title", "promo-title-missing")],
            ),
            (
                Input {
                    title: &long_title,
                    ..GOOD
                },
                vec![("title", "promo-title-long")],
            ),
            (
                Input {
                    body: &long_body,
                    ..GOOD
                },
                vec![("body", "promo-body-long")],
            ),
            (
                Input {
                    link_url: "javascript:alert(1)",
                    ..GOOD
                },
                vec![("link_url", "promo-link-invalid")],
            ),
            (
                Input {
                    link_url: "//evil.example/x",
                    ..GOOD
                },
                vec![("link_url", "promo-link-invalid")],
            ),
            (
                Input {
                    link_url: "",
                    ..GOOD
                },
                vec![("link_url", "promo-link-missing")],
            ),
            (
                Input {
                    link_label: "",
                    ..GOOD
                },
                vec![("link_label", "promo-label-missing")],
            ),
            (
                Input {
                    image_url: "https://tracker.example/p.gif",
                    ..GOOD
                },
                vec![("image_url", "promo-image-invalid")],
            ),
            (
                Input {
                    audience: "staff",
                    starts: "1 March",
                    ..GOOD
                },
                vec![
                    ("audience", "promo-audience-invalid"),
                    ("starts", "promo-starts-invalid"),
                ],
            ),
            (
                Input {
                    ends: "2026-03-01T08:00",
                    ..GOOD
                },
                vec![("ends", "promo-ends-before")],
            ),
            (
                Input {
                    ends: "soon",
                    priority: "5000",
                    ..GOOD
                },
                vec![
                    ("ends", "promo-ends-invalid"),
                    ("priority", "promo-priority-invalid"),
                ],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(check(&input), Err(want), "{input:?}");
        }
        assert!(
            check(&Input {
                link_url: "https://partner.example/offer",
                ..GOOD
            })
            .is_ok()
        );
        assert!(
            check(&Input {
                link_url: "",
                link_label: "",
                ..GOOD
            })
            .is_ok()
        );
        assert!(
            check(&Input {
                image_url: "/static/img/spring.jpg",
                ends: "",
                ..GOOD
            })
            .is_ok()
        );
        assert!(!image_ok("/static/../secret"));
    }

    #[test]
    fn where_a_promotion_stands() {
        let now = at("2026-03-10T12:00");
        let cases = [
            (
                true,
                "2026-03-01T00:00",
                Some("2026-03-31T00:00"),
                State::Running,
            ),
            (true, "2026-03-01T00:00", None, State::Running),
            (true, "2026-03-10T12:00", None, State::Running),
            (true, "2026-03-11T00:00", None, State::Scheduled),
            (
                true,
                "2026-02-01T00:00",
                Some("2026-03-10T12:00"),
                State::Ended,
            ),
            (false, "2026-03-01T00:00", None, State::Off),
            (false, "2026-04-01T00:00", None, State::Off),
        ];
        for (active, starts, ends, want) in cases {
            assert_eq!(
                state(active, at(starts), ends.map(at), now),
                want,
                "{starts} {ends:?}"
            );
        }
    }
}
