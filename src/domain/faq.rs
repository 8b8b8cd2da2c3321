//! The help centre's FAQ: entries per audience (consumers, companies or both), grouped by topic
//! in a fixed order, and searched by words typed in any order and case. Small enough to filter
//! in memory, so the same rules hold on SQLite and Postgres.

/// Topics in the order the FAQ shows them; an entry with an unknown topic goes under "other".
pub const TOPICS: [&str; 10] = [
    "ordering",
    "delivery",
    "returns",
    "payment",
    "invoices",
    "approvals",
    "quotes",
    "account",
    "privacy",
    "accessibility",
];

/// The most words of a query that count.
pub const QUERY_WORDS_MAX: usize = 8;

/// Who reads the FAQ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Consumer,
    Company,
}

impl Reader {
    /// Whether an entry for `audience` (`b2c`, `b2b` or `both`) is shown to this reader.
    pub fn sees(self, audience: &str) -> bool {
        matches!(
            (self, audience),
            (_, "both") | (Reader::Consumer, "b2c") | (Reader::Company, "b2b")
        )
    }
}

/// Where a topic sorts: its place in [`TOPICS`], unknown ones last.
pub fn topic_rank(topic: &str) -> usize {
    TOPICS
        .iter()
        .position(|t| *t == topic)
        .unwrap_or(TOPICS.len())
}

/// A query as lower-case words: punctuation splits words, at most [`QUERY_WORDS_MAX`].
pub fn words(query: &str) -> Vec<String> {
    query
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(QUERY_WORDS_MAX)
        .map(str::to_string)
        .collect()
}

/// Whether every word occurs in the question or the answer (a word may be the start of a
/// longer one: "invoic" finds "invoices"). No words: everything matches.
pub fn matches(words: &[String], question: &str, answer: &str) -> bool {
    let text = format!("{} {}", question.to_lowercase(), answer.to_lowercase());
    words.iter().all(|w| text.contains(w.as_str()))
}

/// How well an entry answers: words found in the question count three times.
pub fn score(words: &[String], question: &str) -> usize {
    let q = question.to_lowercase();
    words.iter().filter(|w| q.contains(w.as_str())).count() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_see_their_audience_and_both() {
        let cases = [
            (Reader::Consumer, "b2c", true),
            (Reader::Consumer, "both", true),
            (Reader::Consumer, "b2b", false),
            (Reader::Company, "b2b", true),
            (Reader::Company, "both", true),
            (Reader::Company, "b2c", false),
            (Reader::Company, "everyone", false),
        ];
        for (reader, audience, seen) in cases {
            assert_eq!(reader.sees(audience), seen, "{reader:?} {audience}");
        }
    }

    #[test]
    fn queries_are_words_in_any_order_and_case() {
        assert_eq!(words("  Return, a PARCEL? "), vec!["return", "a", "parcel"]);
        assert_eq!(words("%_'; DROP--"), vec!["drop"]);
        assert_eq!(words("a b c d e f g h i j").len(), QUERY_WORDS_MAX);
        assert!(words("").is_empty());
        let (q, a) = (
            "How do I return an item?",
            "Open the order and choose Return.",
        );
        let cases = [
            ("", true),
            ("return", true),
            ("ORDER return", true),
            ("retur", true),
            ("return invoice", false),
            ("item choose", true),
            ("ångra", false),
        ];
        for (query, found) in cases {
            assert_eq!(matches(&words(query), q, a), found, "{query}");
        }
        assert_eq!(score(&words("return order"), q), 3);
        assert_eq!(score(&words("return item"), q), 6);
    }

    #[test]
    fn topics_keep_their_order_and_unknown_ones_go_last() {
        assert_eq!(topic_rank("ordering"), 0);
        assert!(topic_rank("returns") < topic_rank("invoices"));
        assert_eq!(topic_rank("gardening"), TOPICS.len());
    }
}
