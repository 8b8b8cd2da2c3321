//! Checkout of an accepted quote (`/checkout?quote={number}`): the quote's lines at its offered
//! prices instead of the cart, for the person who asked for it or a company admin, while the
//! offer is valid. Coupons and cart offers do not apply; everything else (address, delivery,
//! payment on invoice within the credit, approvals) is the company checkout as usual.

use crate::auth::Principal;
use crate::db::orders::Source;
use crate::db::{self, DbConn, DbError, carts};
use crate::domain::accounts::CompanyRole;
use crate::domain::pricing::{Buyer, QuotedPrices};
use crate::domain::quotes::Status;
use crate::i18n::Locale;

/// The quote as the checkout shows it.
pub struct QuoteCheckoutView {
    pub number: String,
    /// "Quote Q… at the prices offered, valid through …".
    pub note: String,
    /// The quote's page.
    pub back: String,
}

impl QuoteCheckoutView {
    fn new(number: &str, until: Option<chrono::NaiveDateTime>, locale: Locale) -> Self {
        QuoteCheckoutView {
            number: number.to_string(),
            note: locale.t_args(
                "checkout-quote-note",
                &[
                    ("number", number.to_string()),
                    ("until", until.map(|u| locale.date(u)).unwrap_or_default()),
                ],
            ),
            back: format!("/b2b/quotes/{number}"),
        }
    }
}

/// Who orders a quote: the active company, the person, and whether they are its admin.
#[derive(Debug, Clone, Copy)]
pub(super) struct Orderer {
    company_id: i64,
    user_id: i64,
    admin: bool,
}

impl Orderer {
    pub(super) fn of(principal: &Principal) -> Option<Orderer> {
        match principal {
            Principal::CompanyUser {
                user,
                company,
                role,
                ..
            } => Some(Orderer {
                company_id: company.id,
                user_id: user.id,
                admin: *role == CompanyRole::Admin,
            }),
            _ => None,
        }
    }
}

/// What the checkout orders and the buyer pricing it: the cart (`quote` empty), or the accepted
/// quote `quote` of the orderer's company at its prices — `None` when there is no cart, or the
/// quote is not theirs to order now.
pub(super) fn source(
    c: &mut DbConn,
    owner: &carts::Owner,
    quote: &str,
    orderer: Option<Orderer>,
    buyer: Buyer,
    locale: Locale,
) -> Result<Option<(Source, Buyer, Option<QuoteCheckoutView>)>, DbError> {
    let quote = quote.trim();
    if quote.is_empty() {
        return Ok(carts::find(c, owner)?.map(|id| (Source::Cart(id), buyer, None)));
    }
    let Some(o) = orderer else {
        return Ok(None);
    };
    let now = chrono::Utc::now().naive_utc();
    let Some(q) = db::quotes::find(c, quote, Some(o.company_id))? else {
        return Ok(None);
    };
    if q.status() != Status::Accepted || q.expired(now) || !(q.requested_by == o.user_id || o.admin)
    {
        return Ok(None);
    }
    let prices = db::quotes::offered_prices(c, q.id)?;
    let view = QuoteCheckoutView::new(&q.number, q.valid_until, locale);
    let buyer = buyer.with_quote(QuotedPrices {
        number: q.number,
        prices,
    });
    Ok(Some((Source::Quote(q.id), buyer, Some(view))))
}
