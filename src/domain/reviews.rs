//! A product review as a shopper writes it: 1–5 stars, an optional title and a text, plain text
//! only. Problems come back per field with a message key.

pub const TITLE_MAX: usize = 100;
pub const BODY_MIN: usize = 10;
pub const BODY_MAX: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDraft {
    pub rating: i16,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewProblem {
    Rating,
    TitleTooLong,
    BodyTooShort,
    BodyTooLong,
    Markup,
}

impl ReviewProblem {
    pub fn field(self) -> &'static str {
        match self {
            ReviewProblem::Rating => "rating",
            ReviewProblem::TitleTooLong => "title",
            ReviewProblem::BodyTooShort | ReviewProblem::BodyTooLong | ReviewProblem::Markup => {
                "body"
            }
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            ReviewProblem::Rating => "review-rating-missing",
            ReviewProblem::TitleTooLong => "review-title-too-long",
            ReviewProblem::BodyTooShort => "review-body-too-short",
            ReviewProblem::BodyTooLong => "review-body-too-long",
            ReviewProblem::Markup => "review-markup",
        }
    }
}

/// Text that looks like an HTML tag (`<b>`, `</p>`, `<!--`); a lone "<" or "3 < 5" is fine.
fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

impl ReviewDraft {
    pub fn parse(rating: &str, title: &str, body: &str) -> Result<ReviewDraft, Vec<ReviewProblem>> {
        let mut problems = Vec::new();
        let rating = rating
            .trim()
            .parse::<i16>()
            .ok()
            .filter(|r| (1..=5).contains(r));
        if rating.is_none() {
            problems.push(ReviewProblem::Rating);
        }
        let title = title.trim();
        if title.chars().count() > TITLE_MAX {
            problems.push(ReviewProblem::TitleTooLong);
        }
        // Line breaks are kept; other control characters are not.
        let body: String = body
            .trim()
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .collect();
        let length = body.chars().count();
        if length < BODY_MIN {
            problems.push(ReviewProblem::BodyTooShort);
        } else if length > BODY_MAX {
            problems.push(ReviewProblem::BodyTooLong);
        }
        if has_markup(title) || has_markup(&body) {
            problems.push(ReviewProblem::Markup);
        }
        match (rating, problems.is_empty()) {
            (Some(rating), true) => Ok(ReviewDraft {
                rating,
                title: title.to_string(),
                body,
            }),
            _ => Err(problems),
        }
    }
}

/// How reviews are listed on a product page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewSort {
    #[default]
    Newest,
    Helpful,
}

impl ReviewSort {
    pub fn parse(code: &str) -> ReviewSort {
        match code {
            "helpful" => ReviewSort::Helpful,
            _ => ReviewSort::Newest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewProblem::*;

    #[test]
    fn drafts_are_checked_field_by_field() {
        let long_title = "t".repeat(TITLE_MAX + 1);
        let long_body = "b".repeat(BODY_MAX + 1);
        // (rating, title, body, problems)
        let cases: Vec<(&str, &str, &str, Vec<ReviewProblem>)> = vec![
            ("5", "Great", "Works really well.", vec![]),
            ("1", "", "Broke after a week of use.", vec![]),
            ("0", "", "Broke after a week.", vec![Rating]),
            ("6", "", "Broke after a week.", vec![Rating]),
            ("4.5", "", "Broke after a week.", vec![Rating]),
            ("", "", "Broke after a week.", vec![Rating]),
            ("abc", "", "Broke after a week.", vec![Rating]),
            ("3", &long_title, "Broke after a week.", vec![TitleTooLong]),
            ("3", "", "Too short", vec![BodyTooShort]),
            ("3", "", "   \n  ", vec![BodyTooShort]),
            ("3", "", &long_body, vec![BodyTooLong]),
            ("3", "", "Nice <b>bold</b> claims here", vec![Markup]),
            (
                "3",
                "<script>x</script>",
                "Fine product overall.",
                vec![Markup],
            ),
            ("3", "", "<!-- hidden --> comment text", vec![Markup]),
            ("3", "", "Scores 3 < 5 but still fine", vec![]),
            ("", "", "<p>", vec![Rating, BodyTooShort, Markup]),
        ];
        for (rating, title, body, expected) in cases {
            let got = ReviewDraft::parse(rating, title, body)
                .err()
                .unwrap_or_default();
            assert_eq!(got, expected, "{rating:?} {title:?} {body:?}");
        }
    }

    #[test]
    fn text_is_trimmed_and_control_characters_dropped() {
        let d = ReviewDraft::parse(" 4 ", "  Good  ", " First line\nsecond\u{0007} line ").unwrap();
        assert_eq!(d.rating, 4);
        assert_eq!(d.title, "Good");
        assert_eq!(d.body, "First line\nsecond line");
    }
}
