//! What search engines and link previews read: the canonical address, description, OpenGraph
//! tags and JSON-LD (schema.org Product, Offer, AggregateRating, BreadcrumbList), rendered by
//! `shared/seo.html` into a page's head.

use serde_json::{Value, json};
use std::sync::Arc;

/// The head tags of one page.
pub struct SeoView {
    /// Absolute canonical URL.
    pub canonical: String,
    pub description: String,
    pub og_type: &'static str,
    pub og_image: Option<String>,
    /// Filtered or paged lists are not indexed (the canonical list is).
    pub noindex: bool,
    /// JSON-LD, already escaped for a `<script>` element.
    pub json_ld: Option<Arc<str>>,
}

/// Serialises JSON-LD so that no `</script>` (or any `<`) can end the element early.
pub fn json_ld(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// A BreadcrumbList from (absolute URL, name) pairs.
pub fn breadcrumb_list(crumbs: &[(String, String)]) -> Value {
    json!({
        "@type": "BreadcrumbList",
        "itemListElement": crumbs.iter().enumerate().map(|(i, (url, name))| json!({
            "@type": "ListItem",
            "position": i + 1,
            "name": name,
            "item": url,
        })).collect::<Vec<_>>(),
    })
}

/// What the Product JSON-LD says about one product.
pub struct ProductFacts<'a> {
    pub url: &'a str,
    pub name: &'a str,
    pub sku: &'a str,
    pub brand: &'a str,
    pub description: &'a str,
    pub images: Vec<String>,
    /// The price a consumer pays, e.g. "999.00", and its currency.
    pub price: String,
    pub currency: &'a str,
    pub in_stock: bool,
    /// (average to one decimal, number of approved reviews).
    pub rating: Option<(String, i64)>,
}

pub fn product(facts: &ProductFacts<'_>, crumbs: &[(String, String)]) -> String {
    let mut product = json!({
        "@type": "Product",
        "name": facts.name,
        "sku": facts.sku,
        "description": facts.description,
        "image": facts.images,
        "url": facts.url,
        "offers": {
            "@type": "Offer",
            "url": facts.url,
            "price": facts.price,
            "priceCurrency": facts.currency,
            "availability": if facts.in_stock {
                "https://schema.org/InStock"
            } else {
                "https://schema.org/OutOfStock"
            },
        },
    });
    if !facts.brand.is_empty() {
        product["brand"] = json!({"@type": "Brand", "name": facts.brand});
    }
    if let Some((average, count)) = &facts.rating {
        product["aggregateRating"] = json!({
            "@type": "AggregateRating",
            "ratingValue": average,
            "reviewCount": count,
            "bestRating": "5",
            "worstRating": "1",
        });
    }
    json_ld(&json!({
        "@context": "https://schema.org",
        "@graph": [product, breadcrumb_list(crumbs)],
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_the_script_element() {
        let out = json_ld(&json!({"name": "</script><script>alert(1)</script>"}));
        assert!(!out.contains('<'), "{out}");
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }

    #[test]
    fn product_json_ld_has_offer_rating_and_breadcrumbs() {
        let facts = ProductFacts {
            url: "https://shop.example/products/x",
            name: "Drill",
            sku: "PO-1",
            brand: "Nordverk",
            description: "Strong.",
            images: vec!["https://shop.example/i.svg".into()],
            price: "999.00".into(),
            currency: "SEK",
            in_stock: false,
            rating: Some(("4.5".into(), 12)),
        };
        let crumbs = vec![("https://shop.example/".to_string(), "Home".to_string())];
        let v: Value = serde_json::from_str(&product(&facts, &crumbs)).unwrap();
        let p = &v["@graph"][0];
        assert_eq!(p["@type"], "Product");
        assert_eq!(p["offers"]["price"], "999.00");
        assert_eq!(p["offers"]["availability"], "https://schema.org/OutOfStock");
        assert_eq!(p["brand"]["name"], "Nordverk");
        assert_eq!(p["aggregateRating"]["reviewCount"], 12);
        assert_eq!(v["@graph"][1]["itemListElement"][0]["position"], 1);
    }
}
