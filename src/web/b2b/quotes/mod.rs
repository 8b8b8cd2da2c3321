//! Quotes (RFQ) in the portal: `/b2b/quotes` lists the company's quotes (a buyer their own;
//! approvers and admins all), `/b2b/quotes/new` asks for one from the cart, and
//! `/b2b/quotes/{number}` shows the offer and the thread, where the buyer accepts (and orders at
//! the quoted prices through `/checkout?quote=`), counters, writes or withdraws. Another
//! company's quote is 404.

mod request;
mod thread;

pub use request::{create, new};
pub use thread::{act, show};

use crate::auth::{CompanyMember, Principal};
use crate::db::{self, quotes::QuoteRow};
use crate::domain::accounts::CompanyRole;
use crate::domain::money::{Currency, Money};
use crate::domain::quotes::{MESSAGE_MAX, Status};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::{PageContext, Theme, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

const PATH: &str = "/b2b/quotes";

pub fn money(minor: i64, locale: Locale) -> String {
    Money::from_minor(minor, Currency::Sek).format(locale.code())
}

/// A quote's status in words; an offer past its date reads "expired".
pub fn status_label(q: &QuoteRow, locale: Locale) -> String {
    let now = chrono::Utc::now().naive_utc();
    match q.status() {
        Status::Answered | Status::Accepted if q.expired(now) => locale.t("quote-status-expired"),
        s => locale.t(&format!("quote-status-{}", s.code())),
    }
}

/// A form as sent, each value cut to what a message may hold (plus room to say it is too long).
pub fn clipped(form: HashMap<String, String>) -> HashMap<String, String> {
    form.into_iter()
        .map(|(k, v)| (k, v.chars().take(MESSAGE_MAX + 100).collect()))
        .collect()
}

/// One entry of a quote's thread, ready to print (`templates/shared/quote_thread.html`).
pub struct EntryView {
    pub label: String,
    pub author: String,
    pub shop: bool,
    pub body: String,
    pub at: String,
}

/// The thread for a reader; buyers see the shop's people marked as the shop's.
pub fn thread_view(
    entries: Vec<db::quotes::Entry>,
    locale: Locale,
    for_buyer: bool,
) -> Vec<EntryView> {
    entries
        .into_iter()
        .map(|e| {
            let shop = e.author_kind == "staff";
            EntryView {
                label: locale.t(&format!("quote-entry-{}", e.kind)),
                author: if shop && for_buyer {
                    locale.t_args("quote-from-shop", &[("name", e.author)])
                } else {
                    e.author
                },
                shop,
                body: e.body,
                at: e.at.format("%Y-%m-%d %H:%M").to_string(),
            }
        })
        .collect()
}

/// Who sees every quote of the company (not only their own).
fn sees_all(role: CompanyRole) -> bool {
    matches!(role, CompanyRole::Approver | CompanyRole::Admin)
}

pub struct QuoteRowView {
    pub number: String,
    pub url: String,
    pub requester: String,
    pub created: String,
    pub status: String,
    pub status_code: &'static str,
    pub total: String,
    pub valid_until: String,
}

#[derive(Template)]
#[template(path = "b2b/quotes.html")]
pub struct QuotesPage {
    pub ctx: PageContext,
    pub open: Vec<QuoteRowView>,
    pub closed: Vec<QuoteRowView>,
    pub cart_has_lines: bool,
}

/// `GET /b2b/quotes`.
pub async fn index(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let (company, me) = (member.company.id, member.user.id);
    let only = (!sees_all(member.role)).then_some(me);
    let (rows, cart_items) = db::run(&state.pool, move |c| {
        let rows = db::quotes::for_company(c, company, only)?;
        let owner = db::carts::Owner::Person {
            user_id: me,
            company_id: Some(company),
        };
        let items = match db::carts::find(c, &owner)? {
            Some(id) => db::carts::items(c, id)?,
            None => 0,
        };
        Ok((rows, items))
    })
    .await?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let (mut open, mut closed) = (Vec::new(), Vec::new());
    for q in rows {
        let v = QuoteRowView {
            url: format!("{PATH}/{}", q.number),
            requester: q.requester.clone(),
            created: locale.date(q.created_at),
            status: status_label(&q, locale),
            status_code: q.status().code(),
            total: q.total_minor.map(|m| money(m, locale)).unwrap_or_default(),
            valid_until: q.valid_until.map(|d| locale.date(d)).unwrap_or_default(),
            number: q.number.clone(),
        };
        if q.status().is_open() {
            open.push(v);
        } else {
            closed.push(v);
        }
    }
    Ok(crate::web::cache_control(
        render(&QuotesPage {
            ctx,
            open,
            closed,
            cart_has_lines: cart_items > 0,
        })?,
        "no-store",
    ))
}
