//! View models shared by pages: prices, stock and product cards, ready to print.

use crate::db::catalog::{Card, CardRow};
use crate::domain::catalog::{Availability, availability};
use crate::domain::pricing::{Buyer, PriceBreakdown, Segment, TaxRate};
use crate::i18n::Locale;

/// A price as shown: the amount, and whether VAT is in it.
#[derive(Debug, Clone)]
pub struct PriceView {
    pub amount: String,
    pub note: String,
    /// The list price, when a company's agreements make the price lower ("was" for the eye,
    /// named for screen readers by `was_label`).
    pub was: Option<String>,
    pub was_label: String,
}

impl PriceView {
    pub fn from_breakdown(b: &PriceBreakdown, locale: Locale) -> PriceView {
        let note = match b.segment {
            Segment::Consumer => locale.t("price-incl-vat"),
            Segment::Company => locale.t("price-excl-vat"),
        };
        let list = b.list_price().rounded();
        let was = (b.segment == Segment::Company && b.unit_net.amount() < list.amount())
            .then(|| list.format(locale.code()));
        PriceView {
            amount: b.shown_unit().format(locale.code()),
            note,
            was_label: if was.is_some() {
                locale.t("price-list-price")
            } else {
                String::new()
            },
            was,
        }
    }
}

/// Stock as a label and a level for styling (`in`, `low`, `out`).
#[derive(Debug, Clone)]
pub struct StockView {
    pub label: String,
    pub level: &'static str,
}

impl StockView {
    pub fn new(row: &CardRow, locale: Locale) -> StockView {
        match availability(
            row.on_hand.unwrap_or(0),
            row.reserved.unwrap_or(0),
            row.low_stock_threshold.unwrap_or(5),
        ) {
            Availability::InStock => StockView {
                label: locale.t("stock-in"),
                level: "in",
            },
            Availability::Low(n) => StockView {
                label: locale.t_count("stock-only-left", i64::from(n)),
                level: "low",
            },
            Availability::OutOfStock => StockView {
                label: locale.t("stock-out"),
                level: "out",
            },
        }
    }

    pub fn is_out(&self) -> bool {
        self.level == "out"
    }
}

/// Prices one unit of a card's product for a buyer through the one pricing pipeline.
pub fn price_row(row: &CardRow, buyer: &Buyer) -> PriceBreakdown {
    price_row_qty(row, buyer, 1)
}

/// Prices a card's product per unit when `quantity` units are bought.
pub fn price_row_qty(row: &CardRow, buyer: &Buyer, quantity: u32) -> PriceBreakdown {
    buyer.price(
        row.id,
        row.list_price.money(&row.currency),
        TaxRate::from_bp(row.tax_rate_bp).unwrap_or(TaxRate::STANDARD),
        quantity,
    )
}

/// A product in a list or carousel.
#[derive(Debug, Clone)]
pub struct ProductCardView {
    pub url: String,
    pub sku: String,
    pub name: String,
    pub brand: String,
    pub image_url: String,
    pub image_alt: String,
    /// The stored widths of an uploaded picture, for `srcset`.
    pub image_srcset: Option<String>,
    pub price: PriceView,
    pub stock: StockView,
}

impl ProductCardView {
    pub fn new(card: &Card, buyer: &Buyer, locale: Locale) -> ProductCardView {
        let row = &card.row;
        ProductCardView {
            url: format!("/products/{}", row.slug),
            sku: row.sku.clone(),
            name: row.name.clone(),
            brand: row.brand.clone().unwrap_or_default(),
            image_url: card
                .image
                .as_ref()
                .map(|i| i.url.clone())
                .unwrap_or_else(|| "/media/demo/box-210-1.svg".into()),
            image_alt: card
                .image
                .as_ref()
                .map(|i| i.alt.clone())
                .unwrap_or_else(|| row.name.clone()),
            image_srcset: card.image.as_ref().and_then(|i| i.srcset.clone()),
            price: PriceView::from_breakdown(&price_row(row, buyer), locale),
            stock: StockView::new(row, locale),
        }
    }

    pub fn list(cards: &[Card], buyer: &Buyer, locale: Locale) -> Vec<ProductCardView> {
        cards
            .iter()
            .map(|c| ProductCardView::new(c, buyer, locale))
            .collect()
    }
}

/// Plain text cut into paragraphs at `separator` ("\n" for reviews, a blank line for
/// descriptions), trimmed, without empty ones; each becomes a `<p>` (escaped) in the template.
pub fn paragraphs(text: &str, separator: &str) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Staff's Markdown as sanitised HTML, rendered once per text and cache period: the key is the
/// text's hash, so an edited text is a new entry and nothing needs forgetting.
pub fn markdown_html(cache: &crate::db::cache::ReadCache, markdown: &str) -> std::sync::Arc<str> {
    use sha2::Digest;
    let key = format!(
        "md {}",
        hex::encode(sha2::Sha256::digest(markdown.as_bytes()))
    );
    cache.fragment(&key, "", || crate::domain::markdown::to_html(markdown))
}

/// One choice of a form's select whose values are fixed codes.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// The choices for `values`, each labelled by the message `{prefix}-{value}`.
pub fn choices(
    ctx: &crate::web::PageContext,
    prefix: &str,
    values: &[&'static str],
    selected: &str,
) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v,
            label: ctx.t(&format!("{prefix}-{v}")),
            selected: *v == selected,
        })
        .collect()
}
