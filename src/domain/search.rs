//! What a shopper typed into the search box, reduced to terms both full-text backends can match
//! safely: lower-case runs of letters and digits, at most [`MAX_TERMS`] of them. Punctuation,
//! quotes and operators never reach SQL, so no input can break or widen a query.

/// Terms beyond this are ignored.
pub const MAX_TERMS: usize = 8;
/// Longer terms are cut (no real word or SKU part is longer).
const MAX_TERM_CHARS: usize = 40;
/// Longer input is cut before it is looked at.
const MAX_INPUT_CHARS: usize = 200;

/// One word of the query. The last word of a query is matched as a prefix (people are still
/// typing it), except a single character, which would match nearly everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub prefix: bool,
}

/// A parsed query; empty when nothing searchable was typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    pub terms: Vec<Term>,
}

impl SearchQuery {
    pub fn parse(input: &str) -> SearchQuery {
        let input: String = input.chars().take(MAX_INPUT_CHARS).collect();
        let words: Vec<String> = input
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase().chars().take(MAX_TERM_CHARS).collect())
            .take(MAX_TERMS)
            .collect();
        let last = words.len().saturating_sub(1);
        SearchQuery {
            terms: words
                .into_iter()
                .enumerate()
                .map(|(i, text)| Term {
                    prefix: i == last && text.chars().count() > 1,
                    text,
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// SQLite FTS5 syntax: every term quoted (so words like `and` or `near` are just words), all
    /// required.
    pub fn to_fts5(&self) -> String {
        self.terms
            .iter()
            .map(|t| {
                if t.prefix {
                    format!("\"{}\"*", t.text)
                } else {
                    format!("\"{}\"", t.text)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Postgres `to_tsquery('simple', …)` syntax: all terms required, the last as a prefix.
    pub fn to_tsquery(&self) -> String {
        self.terms
            .iter()
            .map(|t| {
                if t.prefix {
                    format!("'{}':*", t.text)
                } else {
                    format!("'{}'", t.text)
                }
            })
            .collect::<Vec<_>>()
            .join(" & ")
    }

    /// The terms joined by spaces, for "results for …" and cache keys.
    pub fn normalized(&self) -> String {
        self.terms
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_becomes_safe_terms() {
        // (input, fts5, tsquery)
        let cases = [
            ("drill", "\"drill\"*", "'drill':*"),
            (
                "  Cordless   DRILL ",
                "\"cordless\" \"drill\"*",
                "'cordless' & 'drill':*",
            ),
            ("NB-1042", "\"nb\" \"1042\"*", "'nb' & '1042':*"),
            ("a", "\"a\"", "'a'"),
            ("drill a", "\"drill\" \"a\"", "'drill' & 'a'"),
            ("såg", "\"såg\"*", "'såg':*"),
            (
                "\"; DROP TABLE products; --",
                "\"drop\" \"table\" \"products\"*",
                "'drop' & 'table' & 'products':*",
            ),
            ("it's", "\"it\" \"s\"", "'it' & 's'"),
            (
                "near OR and NOT",
                "\"near\" \"or\" \"and\" \"not\"*",
                "'near' & 'or' & 'and' & 'not':*",
            ),
            ("(x*)", "\"x\"", "'x'"),
        ];
        for (input, fts5, tsquery) in cases {
            let q = SearchQuery::parse(input);
            assert_eq!(q.to_fts5(), fts5, "{input}");
            assert_eq!(q.to_tsquery(), tsquery, "{input}");
        }
    }

    #[test]
    fn nothing_searchable_is_empty() {
        for input in ["", "   ", "!!!", "-- ;", "\u{200b}"] {
            assert!(SearchQuery::parse(input).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn long_input_is_bounded() {
        let many = "word ".repeat(50);
        assert_eq!(SearchQuery::parse(&many).terms.len(), MAX_TERMS);
        let long = "x".repeat(500);
        let q = SearchQuery::parse(&long);
        assert_eq!(q.terms[0].text.len(), MAX_TERM_CHARS);
    }
}
