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

    /// The audiences whose entries this reader sees.
    pub fn audiences(self) -> Vec<&'static str> {
        AUDIENCES.into_iter().filter(|a| self.sees(a)).collect()
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

/// Who an entry is for.
pub const AUDIENCES: [&str; 3] = ["b2c", "b2b", "both"];
pub const QUESTION_MAX: usize = 200;
pub const ANSWER_MAX: usize = 5000;

/// What staff typed for an entry, as sent.
#[derive(Debug, Clone, Default)]
pub struct EntryInput<'a> {
    pub question: &'a str,
    pub answer: &'a str,
    pub topic: &'a str,
    pub audience: &'a str,
    pub position: &'a str,
}

/// A checked entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub question: String,
    /// Paragraphs separated by a blank line; other control characters dropped.
    pub answer: String,
    pub topic: &'static str,
    pub audience: &'static str,
    pub position: i32,
}

/// Field name → message key, for each field that is wrong.
pub type Errors = Vec<(&'static str, &'static str)>;

/// Checks an entry as a whole: every problem at once.
pub fn check_entry(input: &EntryInput) -> Result<Entry, Errors> {
    let mut errors = Errors::new();
    let question: String = input
        .question
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if question.chars().count() < 5 {
        errors.push(("question", "faq-question-short"));
    } else if question.chars().count() > QUESTION_MAX {
        errors.push(("question", "faq-question-long"));
    }
    let answer: String = input
        .answer
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_string();
    if answer.is_empty() {
        errors.push(("answer", "faq-answer-missing"));
    } else if answer.chars().count() > ANSWER_MAX {
        errors.push(("answer", "faq-answer-long"));
    }
    let topic = TOPICS.iter().find(|t| **t == input.topic.trim()).copied();
    if topic.is_none() {
        errors.push(("topic", "faq-topic-invalid"));
    }
    let audience = AUDIENCES
        .iter()
        .find(|a| **a == input.audience.trim())
        .copied();
    if audience.is_none() {
        errors.push(("audience", "faq-audience-invalid"));
    }
    let typed = input.position.trim();
    let position = if typed.is_empty() {
        Some(0)
    } else {
        typed.parse::<i32>().ok().filter(|p| (0..=9999).contains(p))
    };
    if position.is_none() {
        errors.push(("position", "faq-position-invalid"));
    }
    match (topic, audience, position) {
        (Some(topic), Some(audience), Some(position)) if errors.is_empty() => Ok(Entry {
            question,
            answer,
            topic,
            audience,
            position,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_checked_as_a_whole() {
        let good = EntryInput {
            question: "  How do I\treturn   an item? ",
            answer: "Open the order.\r\n\r\nChoose Return.\u{7}",
            topic: "returns",
            audience: "b2c",
            position: "",
        };
        let ok = check_entry(&good).unwrap();
        assert_eq!(ok.question, "How do I return an item?");
        assert_eq!(ok.answer, "Open the order.\n\nChoose Return.");
        assert_eq!((ok.topic, ok.audience, ok.position), ("returns", "b2c", 0));
        let long_q = "q".repeat(QUESTION_MAX + 1);
        let long_a = "a".repeat(ANSWER_MAX + 1);
        let cases: [(EntryInput, Errors); 7] = [
            (
                EntryInput {
                    question: "Why",
                    ..good.clone()
                },
                vec![("question", "faq-question-short")],
            ),
            (
                EntryInput {
                    question: &long_q,
                    ..good.clone()
                },
                vec![("question", "faq-question-long")],
            ),
            (
                EntryInput {
                    answer: " \n ",
                    ..good.clone()
                },
                vec![("answer", "faq-answer-missing")],
            ),
            (
                EntryInput {
                    answer: &long_a,
                    ..good.clone()
                },
                vec![("answer", "faq-answer-long")],
            ),
            (
                EntryInput {
                    topic: "gardening",
                    ..good.clone()
                },
                vec![("topic", "faq-topic-invalid")],
            ),
            (
                EntryInput {
                    audience: "everyone",
                    ..good.clone()
                },
                vec![("audience", "faq-audience-invalid")],
            ),
            (
                EntryInput {
                    position: "-1",
                    topic: "",
                    ..good.clone()
                },
                vec![
                    ("topic", "faq-topic-invalid"),
                    ("position", "faq-position-invalid"),
                ],
            ),
        ];
        for (input, errors) in cases {
            assert_eq!(check_entry(&input).unwrap_err(), errors, "{input:?}");
        }
        let placed = EntryInput {
            position: "12",
            ..good
        };
        assert_eq!(check_entry(&placed).unwrap().position, 12);
    }

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
