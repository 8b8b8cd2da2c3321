//! Translations (Fluent files in `src/locales/<lang>/`) and locale choice.
//!
//! Every user-facing string goes through [`Locale::t`]. The locale is chosen from the user's saved
//! setting, then the `lang` cookie set by the language switcher, then `Accept-Language`, then the
//! shop default.

use chrono::NaiveDateTime;
use fluent_templates::{Loader, fluent_bundle::FluentValue};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;
use unic_langid::{LanguageIdentifier, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default; they end up in HTML attributes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static SV: LanguageIdentifier = langid!("sv");

/// The Fluent sources, for the table of messages that need no arguments.
const SOURCES: [(Locale, &str); 2] = [
    (Locale::En, include_str!("locales/en/main.ftl")),
    (Locale::Sv, include_str!("locales/sv/main.ftl")),
];

/// Every argument-free message, resolved once per locale: `t()` is called dozens of times per page
/// and a Fluent lookup costs far more than a map lookup.
static PLAIN: LazyLock<(HashMap<String, String>, HashMap<String, String>)> = LazyLock::new(|| {
    let table = |locale: Locale| -> HashMap<String, String> {
        SOURCES
            .iter()
            .filter(|(l, _)| *l == locale)
            .flat_map(|(_, src)| src.lines())
            .filter_map(|line| line.split_once(" =").map(|(k, _)| k))
            .filter(|k| !k.is_empty() && !k.starts_with([' ', '#', '*', '[', '.']))
            .filter_map(|k| {
                LOCALES
                    .try_lookup(locale.langid(), k)
                    .map(|v| (k.to_string(), v))
            })
            .collect()
    };
    (table(Locale::En), table(Locale::Sv))
});

/// A language the shop is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Sv,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Sv, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Sv => "sv",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Sv => "Svenska",
        }
    }

    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "sv" => Some(Locale::Sv),
            _ => None,
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::En => &EN,
            Locale::Sv => &SV,
        }
    }

    /// The translation of `key`; the key itself when it is missing (a test keeps that from happening).
    /// Messages without arguments come from a table resolved once, off the hot path.
    pub fn t(self, key: &str) -> String {
        let table = match self {
            Locale::En => &PLAIN.0,
            Locale::Sv => &PLAIN.1,
        };
        match table.get(key) {
            Some(text) => text.clone(),
            None => LOCALES
                .try_lookup(self.langid(), key)
                .unwrap_or_else(|| key.to_string()),
        }
    }

    /// The translation of `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(self.langid(), key, &map)
            .unwrap_or_else(|| key.to_string())
    }

    /// A count-dependent message (Fluent picks the plural form).
    pub fn t_count(self, key: &str, count: i64) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count));
        LOCALES
            .try_lookup_with_args(self.langid(), key, &map)
            .unwrap_or_else(|| key.to_string())
    }

    /// chrono's names for months and days in this language.
    pub fn chrono(self) -> chrono::Locale {
        match self {
            Locale::Sv => chrono::Locale::sv_SE,
            Locale::En => chrono::Locale::en_GB,
        }
    }

    /// A date for people: `29 nov. 2026` / `29 Nov 2026`.
    pub fn date(self, at: NaiveDateTime) -> String {
        match self {
            Locale::Sv => at
                .and_utc()
                .format_localized("%-d %b %Y", chrono::Locale::sv_SE)
                .to_string(),
            Locale::En => at
                .and_utc()
                .format_localized("%-d %b %Y", chrono::Locale::en_GB)
                .to_string(),
        }
    }

    /// Picks the best locale from an `Accept-Language` header value, honouring q-weights.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(locale) = Locale::parse(tag)
                && q > 0.0
                && best.is_none_or(|(_, bq)| q > bq)
            {
                best = Some((locale, q));
            }
        }
        best.map(|(l, _)| l)
    }

    /// The locale for a request: saved user setting, then cookie, then header, then the default.
    pub fn negotiate(
        user: Option<&str>,
        cookie: Option<&str>,
        accept: Option<&str>,
        default: Locale,
    ) -> Locale {
        user.and_then(Locale::parse)
            .or_else(|| cookie.and_then(Locale::parse))
            .or_else(|| accept.and_then(Locale::from_accept_language))
            .unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_order() {
        let cases = [
            (Some("en"), Some("sv"), Some("sv"), Locale::En),
            (None, Some("sv"), Some("en"), Locale::Sv),
            (None, Some("xx"), Some("en-GB,en;q=0.9"), Locale::En),
            (None, None, Some("de-DE, sv;q=0.8, en;q=0.5"), Locale::Sv),
            (None, None, Some("en;q=0.4, sv;q=0.9"), Locale::Sv),
            (None, None, Some("fr, de"), Locale::Sv),
            (None, None, Some("en;q=0"), Locale::Sv),
            (None, None, None, Locale::Sv),
        ];
        for (user, cookie, accept, want) in cases {
            assert_eq!(
                Locale::negotiate(user, cookie, accept, Locale::Sv),
                want,
                "{user:?} {cookie:?} {accept:?}"
            );
        }
    }

    fn keys(lang: &str) -> std::collections::BTreeSet<String> {
        let dir = format!("{}/src/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut out = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =")
                    && !key.starts_with([' ', '#', '.', '*', '['])
                    && !key.is_empty()
                {
                    out.insert(key.trim().to_string());
                }
            }
        }
        out
    }

    #[test]
    fn english_and_swedish_have_the_same_messages() {
        let en = keys("en");
        let sv = keys("sv");
        assert!(en.len() > 20);
        let missing_sv: Vec<_> = en.difference(&sv).collect();
        let missing_en: Vec<_> = sv.difference(&en).collect();
        assert!(missing_sv.is_empty(), "missing in sv: {missing_sv:?}");
        assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
        // Every variable any message uses, so messages with arguments resolve too.
        let args: Vec<(&'static str, String)> = [
            "name",
            "role",
            "rate",
            "vat",
            "min",
            "step",
            "limit",
            "email",
            "link",
            "company",
            "reason",
            "query",
            "available",
            "in_cart",
            "code",
            "max",
            "old",
            "new",
            "number",
            "left",
            "date",
            "tracking",
            "qty",
            "note",
            "adjustment",
            "read",
            "ready",
            "problems",
            "count",
            "sku",
            "lines",
            "quantity",
            "size",
            "amount",
            "comment",
            "until",
            "buyer",
            "topic",
            "when",
            "details",
            "opens",
            "closes",
            "zone",
            "used",
            "time",
            "status",
            "position",
            "transcript",
            "total",
            "best",
            "shop",
            "audience",
            "reserved",
            "most",
            "consumer",
            "changed",
            "terms",
            "limit",
            "unchanged",
            "products",
            "subcategories",
            "rules",
            "buy",
            "pay",
            "picture",
            "video",
            "captions",
        ]
        .iter()
        .map(|k| (*k, "x".to_string()))
        .collect();
        for key in &en {
            for locale in Locale::ALL {
                let plain = locale.t(key);
                let with_args = locale.t_args(key, &args);
                let counted = locale.t_count(key, 2);
                assert!(
                    plain != *key || with_args != *key || counted != *key,
                    "{key} does not resolve in {}",
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn plurals_and_dates() {
        assert_eq!(Locale::En.t_count("stock-only-left", 1), "Only 1 left");
        assert_eq!(Locale::Sv.t_count("stock-only-left", 3), "Endast 3 kvar");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        assert_eq!(Locale::En.date(at), "29 Nov 2026");
        assert!(Locale::Sv.date(at).starts_with("29 nov"));
    }
}
