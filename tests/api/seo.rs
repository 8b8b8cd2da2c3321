//! What search engines read: canonical links, descriptions, OpenGraph, JSON-LD, robots.txt and
//! the sitemap (only what an anonymous visitor may see).

use crate::helpers::spawn_app;
use diesel::prelude::*;
use duett::db::schema::{products, reviews};

fn json_ld(page: &crate::helpers::Page) -> serde_json::Value {
    let sel = scraper::Selector::parse("script[type='application/ld+json']").unwrap();
    let text: String = page
        .html
        .select(&sel)
        .next()
        .expect("JSON-LD")
        .text()
        .collect();
    serde_json::from_str(&text).expect("valid JSON-LD")
}

#[tokio::test]
async fn a_product_page_describes_itself_for_search_engines() {
    let app = spawn_app().await;
    let path = "/products/cordless-drill-driver-18-v-compact-po-01000";
    let page = app.get(path).await;
    let canonical = page.attr("link[rel=canonical]", "href").unwrap();
    assert!(canonical.ends_with(path), "{canonical}");
    assert!(canonical.starts_with("http"), "absolute: {canonical}");
    assert!(
        !page
            .attr("meta[name=description]", "content")
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        page.attr("meta[property='og:type']", "content").as_deref(),
        Some("product")
    );
    assert!(
        page.attr("meta[property='og:image']", "content")
            .unwrap()
            .starts_with("http")
    );
    let data = json_ld(&page);
    let product = &data["@graph"][0];
    assert_eq!(product["@type"], "Product");
    assert_eq!(product["name"], page.text("h1"));
    assert_eq!(product["sku"], "PO-01000");
    // The offer is the consumer price, VAT included, as the page shows it.
    let shown: String = page
        .text(".buybox .price-amount")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let offered: String = product["offers"]["price"]
        .as_str()
        .unwrap()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(shown, offered);
    assert_eq!(product["offers"]["priceCurrency"], "SEK");
    let crumbs = &data["@graph"][1];
    assert_eq!(crumbs["@type"], "BreadcrumbList");
    assert_eq!(
        crumbs["itemListElement"].as_array().unwrap().len(),
        page.select_texts(".breadcrumbs li").len()
    );
}

#[tokio::test]
async fn approved_reviews_show_as_a_rating_and_in_json_ld() {
    let app = spawn_app().await;
    let mut conn = app.pool.get().unwrap();
    let (slug, count): (String, i64) = reviews::table
        .inner_join(products::table)
        .filter(reviews::status.eq("approved"))
        .filter(products::audience.ne("b2b"))
        .group_by(products::slug)
        .select((products::slug, diesel::dsl::count_star()))
        .first(&mut conn)
        .expect("the demo data has approved reviews");
    let page = app.get(&format!("/products/{slug}")).await;
    assert!(page.text(".buybox .rating").contains("/ 5"));
    let rating = &json_ld(&page)["@graph"][0]["aggregateRating"];
    assert_eq!(rating["reviewCount"], count);
    let value: f64 = rating["ratingValue"].as_str().unwrap().parse().unwrap();
    assert!((1.0..=5.0).contains(&value));
}

#[tokio::test]
async fn filtered_lists_point_to_the_plain_list_and_are_not_indexed() {
    let app = spawn_app().await;
    let plain = app.get("/categories/office").await;
    assert!(
        plain
            .attr("link[rel=canonical]", "href")
            .unwrap()
            .ends_with("/categories/office")
    );
    assert_eq!(plain.count("meta[name=robots]"), 0);
    let second = app.get("/categories/office?page=2").await;
    assert!(
        second
            .attr("link[rel=canonical]", "href")
            .unwrap()
            .ends_with("/categories/office?page=2")
    );
    let filtered = app.get("/categories/office?stock=1&sort=price-asc").await;
    assert!(
        filtered
            .attr("link[rel=canonical]", "href")
            .unwrap()
            .ends_with("/categories/office")
    );
    assert_eq!(
        filtered.attr("meta[name=robots]", "content").as_deref(),
        Some("noindex, follow")
    );
    assert_eq!(
        app.get("/search?q=chair")
            .await
            .attr("meta[name=robots]", "content")
            .as_deref(),
        Some("noindex")
    );
}

#[tokio::test]
async fn robots_and_sitemaps_list_only_public_pages() {
    let app = spawn_app().await;
    let robots = app.get_raw("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains("Disallow: /admin"));
    assert!(robots.contains("Sitemap: ") && robots.contains("/sitemap.xml"));
    let index = app.get_raw("/sitemap.xml").await;
    assert!(
        index.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    let index = index.text().await.unwrap();
    assert!(index.contains("/sitemaps/pages.xml"));
    assert!(index.contains("/sitemaps/products-1.xml"));
    let pages = app
        .get_raw("/sitemaps/pages.xml")
        .await
        .text()
        .await
        .unwrap();
    assert!(pages.contains("/categories/office</loc>"));
    let listed = app
        .get_raw("/sitemaps/products-1.xml")
        .await
        .text()
        .await
        .unwrap();
    let mut conn = app.pool.get().unwrap();
    let public: i64 = products::table
        .filter(products::active.eq(true))
        .filter(products::audience.ne("b2b"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(listed.matches("<url>").count() as i64, public);
    let business_only: String = products::table
        .filter(products::audience.eq("b2b"))
        .select(products::slug)
        .first(&mut conn)
        .unwrap();
    assert!(
        !listed.contains(&business_only),
        "business-only products are not listed"
    );
    for path in [
        "/sitemaps/products-9.xml",
        "/sitemaps/products-0.xml",
        "/sitemaps/other.xml",
        "/sitemaps/products-x.xml",
    ] {
        assert_eq!(app.get_raw(path).await.status(), 404, "{path}");
    }
}
