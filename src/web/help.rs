//! The help centre in the caller's storefront theme: `GET /help` (how to reach customer service
//! and whether the phone is open now, the expected answer time, where orders, returns and — for
//! companies — invoices, quotes and demos are, and the accessibility statement) and
//! `GET /help/faq?q=` (the FAQ for the reader's audience, grouped by topic, searchable, each
//! entry linkable as `/help/faq#faq-{slug}`).

use crate::auth::Principal;
use crate::db;
use crate::domain::faq::{self, Reader};
use crate::domain::support::PhoneHours;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::{PageContext, Theme};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// One FAQ entry on a page.
pub struct FaqItem {
    pub id: String,
    pub question: String,
    /// The Markdown answer as sanitised HTML.
    pub answer: std::sync::Arc<str>,
}

/// A topic with its entries.
pub struct FaqGroup {
    pub id: String,
    pub title: String,
    pub items: Vec<FaqItem>,
}

pub struct HelpView {
    pub company: bool,
    pub signed_in: bool,
    pub email: String,
    pub phone: String,
    /// `tel:` form of the number.
    pub phone_link: String,
    pub phone_hours: String,
    pub phone_now: String,
    pub phone_open: bool,
    pub response: String,
    /// A few common questions for this reader.
    pub top: Vec<FaqItem>,
}

pub struct FaqView {
    pub q: String,
    pub groups: Vec<FaqGroup>,
    /// "4 answers for "invoice"" when searching.
    pub found: Option<String>,
}

storefront_page!(
    help_pages,
    render_help,
    HelpView,
    "b2c/help.html",
    "b2b/help.html"
);

storefront_page!(
    faq_pages,
    render_faq,
    FaqView,
    "b2c/faq.html",
    "b2b/faq.html"
);

fn reader_of(principal: &Principal) -> Reader {
    match principal {
        Principal::CompanyUser { .. } => Reader::Company,
        _ => Reader::Consumer,
    }
}

/// The FAQ for `reader`, published now.
async fn entries(state: &AppState, reader: Reader) -> Result<Vec<db::content::FaqEntry>, AppError> {
    let audiences = reader.audiences();
    let now = chrono::Utc::now().naive_utc();
    Ok(db::run(&state.pool, move |c| db::content::faq(c, &audiences, now)).await?)
}

fn item(cache: &db::cache::ReadCache, e: db::content::FaqEntry) -> FaqItem {
    FaqItem {
        id: format!("faq-{}", e.slug),
        answer: crate::web::views::markdown_html(cache, &e.answer),
        question: e.question,
    }
}

/// "1 hour", "30 minutes", "2 hours".
fn duration_label(minutes: u32, locale: Locale) -> String {
    if minutes >= 60 && minutes.is_multiple_of(60) {
        locale.t_count("help-hours", i64::from(minutes / 60))
    } else {
        locale.t_count("help-minutes", i64::from(minutes))
    }
}

/// `GET /help`.
pub async fn centre(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let reader = reader_of(&principal);
    let all = entries(&state, reader).await?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let support = &state.settings.support;
    // The live estimate from the case queue (the target when there is nothing to go by).
    let expected = crate::web::cases::new::expected_response(&state).await?;
    let hours = PhoneHours::parse(&support.phone_opens, &support.phone_closes);
    let now = state.local_now();
    let zone = chrono::Utc::now()
        .with_timezone(&state.time_zone)
        .format("%Z")
        .to_string();
    let (phone_open, phone_now) = match hours {
        Some(h) if h.is_open(now) => (true, locale.t("help-phone-open")),
        Some(h) => {
            let next = h.next_opening(now);
            let when = format!("{} {}", locale.date(next), next.format("%H:%M"));
            (false, locale.t_args("help-phone-closed", &[("when", when)]))
        }
        None => (false, String::new()),
    };
    let v = HelpView {
        company: reader == Reader::Company,
        signed_in: ctx.is_signed_in(),
        phone_link: format!(
            "tel:{}",
            support
                .phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect::<String>()
        ),
        phone_hours: hours
            .map(|h| {
                locale.t_args(
                    "help-phone-hours",
                    &[
                        ("opens", h.opens.format("%H:%M").to_string()),
                        ("closes", h.closes.format("%H:%M").to_string()),
                        ("zone", zone.clone()),
                    ],
                )
            })
            .unwrap_or_default(),
        phone_now,
        phone_open,
        response: locale.t_args(
            "help-response",
            &[
                (
                    "when",
                    duration_label(support.first_response_minutes, locale),
                ),
                ("time", crate::web::cases::span(expected, locale)),
            ],
        ),
        email: support.email.clone(),
        phone: support.phone.clone(),
        top: all
            .into_iter()
            .take(5)
            .map(|e| item(&state.cache, e))
            .collect(),
    };
    let response = render_help(ctx, v, StatusCode::OK)?;
    // The phone's "open now" changes by the minute.
    Ok(crate::web::cache_control(response, "no-store"))
}

#[derive(Deserialize)]
pub struct FaqQuery {
    #[serde(default)]
    q: String,
}

/// `GET /help/faq?q=`.
pub async fn faq(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<FaqQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let reader = reader_of(&principal);
    let all = entries(&state, reader).await?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(&req, theme, principal);
    let locale = ctx.locale;
    let q: String = query.q.trim().chars().take(100).collect();
    let words = faq::words(&q);
    let mut shown: Vec<db::content::FaqEntry> = all
        .into_iter()
        .filter(|e| faq::matches(&words, &e.question, &e.answer))
        .collect();
    // Topics in their fixed order; within one, the best answers to a search first.
    shown.sort_by_key(|e| {
        (
            faq::topic_rank(e.topic.as_deref().unwrap_or("")),
            std::cmp::Reverse(faq::score(&words, &e.question)),
        )
    });
    let count = shown.len();
    let mut groups: Vec<FaqGroup> = Vec::new();
    for e in shown {
        let topic = e
            .topic
            .clone()
            .filter(|t| faq::TOPICS.contains(&t.as_str()))
            .unwrap_or_else(|| "other".into());
        if groups
            .last()
            .is_none_or(|g| g.id != format!("topic-{topic}"))
        {
            groups.push(FaqGroup {
                id: format!("topic-{topic}"),
                title: locale.t(&format!("faq-topic-{topic}")),
                items: Vec::new(),
            });
        }
        if let Some(g) = groups.last_mut() {
            g.items.push(item(&state.cache, e));
        }
    }
    let found = (!words.is_empty()).then(|| {
        let key = if count == 1 {
            "faq-found-one"
        } else {
            "faq-found"
        };
        locale.t_args(key, &[("count", count.to_string()), ("query", q.clone())])
    });
    let v = FaqView { q, groups, found };
    render_faq(ctx, v, StatusCode::OK)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/help", web::get().to(centre))
        .route("/help/faq", web::get().to(faq));
}
