//! The staff form for testimonials: who said it, what they said, an optional star rating, who
//! sees it and where it sorts. Pure; `db::testimonials` stores it and the homes show it.

/// Who sees a testimonial (the consumer home shows `b2c` and `both`).
pub const AUDIENCES: [&str; 3] = ["b2c", "b2b", "both"];
pub const AUTHOR_MAX: usize = 80;
pub const ROLE_MAX: usize = 120;
pub const QUOTE_MIN: usize = 10;
pub const QUOTE_MAX: usize = 600;

/// What staff typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub author: &'a str,
    pub role: &'a str,
    pub quote: &'a str,
    /// "1" to "5", or empty for none.
    pub rating: &'a str,
    pub audience: &'a str,
    pub position: &'a str,
}

/// A checked testimonial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub author: String,
    pub role: String,
    pub quote: String,
    pub rating: Option<i16>,
    pub audience: &'static str,
    pub position: i32,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks the form as a whole: every problem at once.
pub fn check(input: &Input) -> Result<Draft, Errors> {
    let mut errors = Errors::new();
    let author = one_line(input.author);
    match author.chars().count() {
        0 | 1 => errors.push(("author", "testimonial-form-author")),
        n if n > AUTHOR_MAX => errors.push(("author", "testimonial-form-author")),
        _ => {}
    }
    let role = one_line(input.role);
    if role.chars().count() > ROLE_MAX {
        errors.push(("role", "testimonial-form-role"));
    }
    let quote = one_line(input.quote);
    match quote.chars().count() {
        n if n < QUOTE_MIN => errors.push(("quote", "testimonial-form-quote-short")),
        n if n > QUOTE_MAX => errors.push(("quote", "testimonial-form-quote-long")),
        _ => {}
    }
    let rating = match input.rating.trim() {
        "" => Ok(None),
        t => t
            .parse::<i16>()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .map(Some)
            .ok_or(()),
    }
    .unwrap_or_else(|()| {
        errors.push(("rating", "testimonial-form-rating"));
        None
    });
    let audience = AUDIENCES
        .iter()
        .find(|a| **a == input.audience.trim())
        .copied();
    if audience.is_none() {
        errors.push(("audience", "content-form-audience"));
    }
    let position = match input.position.trim() {
        "" => Some(0),
        t => t.parse::<i32>().ok().filter(|p| (0..=9999).contains(p)),
    };
    if position.is_none() {
        errors.push(("position", "content-form-position"));
    }
    match (audience, position) {
        (Some(audience), Some(position)) if errors.is_empty() => Ok(Draft {
            author,
            role,
            quote,
            rating,
            audience,
            position,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Input<'static> {
        Input {
            author: " Anna  L. ",
            role: "Home cook, Malmö",
            quote: "Fast delivery and\nthe pans are great.",
            rating: "5",
            audience: "b2c",
            position: "",
        }
    }

    #[test]
    fn a_good_testimonial_is_tidied() {
        let d = check(&good()).unwrap();
        assert_eq!(d.author, "Anna L.");
        assert_eq!(d.quote, "Fast delivery and the pans are great.");
        assert_eq!((d.rating, d.audience, d.position), (Some(5), "b2c", 0));
        let unrated = check(&Input {
            rating: " ",
            ..good()
        })
        .unwrap();
        assert_eq!(unrated.rating, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let long_author = "a".repeat(AUTHOR_MAX + 1);
        let long_role = "r".repeat(ROLE_MAX + 1);
        let long_quote = "q".repeat(QUOTE_MAX + 1);
        let cases: Vec<(Input, Errors)> = vec![
            (
                Input {
                    author: " ",
                    ..good()
                },
                vec![("author", "testimonial-form-author")],
            ),
            (
                Input {
                    author: &long_author,
                    ..good()
                },
                vec![("author", "testimonial-form-author")],
            ),
            (
                Input {
                    role: &long_role,
                    ..good()
                },
                vec![("role", "testimonial-form-role")],
            ),
            (
                Input {
                    quote: "Great",
                    ..good()
                },
                vec![("quote", "testimonial-form-quote-short")],
            ),
            (
                Input {
                    quote: &long_quote,
                    ..good()
                },
                vec![("quote", "testimonial-form-quote-long")],
            ),
            (
                Input {
                    rating: "0",
                    ..good()
                },
                vec![("rating", "testimonial-form-rating")],
            ),
            (
                Input {
                    rating: "6",
                    ..good()
                },
                vec![("rating", "testimonial-form-rating")],
            ),
            (
                Input {
                    rating: "4.5",
                    ..good()
                },
                vec![("rating", "testimonial-form-rating")],
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
                    position: "-3",
                    ..good()
                },
                vec![("position", "content-form-position")],
            ),
            (
                Input {
                    author: "",
                    quote: "",
                    rating: "x",
                    ..good()
                },
                vec![
                    ("author", "testimonial-form-author"),
                    ("quote", "testimonial-form-quote-short"),
                    ("rating", "testimonial-form-rating"),
                ],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(check(&input).unwrap_err(), want, "{input:?}");
        }
    }
}
