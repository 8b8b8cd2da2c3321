//! Checkout of an accepted quote (`/checkout?quote={number}`): the quote's lines at its offered
//! prices instead of the cart, for the person who asked for it or a company admin (`db::lists::Viewer`), while the
//! offer is valid. Coupons and cart offers do not apply; everything else (address, delivery,
//! payment on invoice within the credit, approvals) is the company checkout as usual.

use crate::db::lists::Viewer;
use crate::db::orders::Source;
use crate::db::{self, DbConn, DbError, carts};
use crate::domain::pricing::{Buyer, QuotedPrices};
use crate::domain::quotes::Status;
use crate::i18n::Locale;

/// The quote as the checkout shows it.
pub struct QuoteCheckoutView {
    pub number: String,
    /// "Quote Q… at the prices offered, valid through …".
    pub note: String,
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
        }
    }
}

/// Where the checkout's "back" goes: the cart, or the quote being ordered.
pub(super) fn back_to(quote: &str) -> String {
    match quote.trim() {
        "" => "/cart".to_string(),
        q => format!("/b2b/quotes/{}", crate::web::url_encode(q)),
    }
}

/// What the checkout orders and the buyer pricing it: the cart (`quote` empty), or the accepted
/// quote `quote` of the orderer's company at its prices — `None` when there is no cart, or the
/// quote is not theirs to order now.
pub(super) fn source(
    c: &mut DbConn,
    owner: &carts::Owner,
    quote: &str,
    orderer: Option<Viewer>,
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
