//! Company prices: the company's price list, its contract prices (only while valid), volume
//! breaks and payment terms, shown excl. VAT on lists, product pages and in the cart with the
//! breakdown ("why this price"), stored on the order line — and never shown to anyone else.

use crate::helpers::{TestApp, product_at_1000, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{companies, contract_prices, order_lines, price_list_entries, products};

/// Nordbygg's id and price list id.
fn nordbygg(app: &TestApp) -> (i64, i64) {
    let (id, list): (i64, Option<i64>) = companies::table
        .filter(companies::name.eq("Nordbygg AB"))
        .select((companies::id, companies::price_list_id))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    (id, list.unwrap())
}

/// Nordbygg: price list 900 kr, from 10 units 800 kr; contract 850 kr (valid now) and 500 kr
/// (from next month); terms net 60 (+1.5 %).
fn agree(app: &TestApp, product: i64) {
    let (company, list) = nordbygg(app);
    let mut c = app.pool.get().unwrap();
    let now = chrono::Utc::now().naive_utc();
    for (min_qty, minor) in [(1, 90_000_i64), (10, 80_000)] {
        diesel::insert_into(price_list_entries::table)
            .values((
                price_list_entries::price_list_id.eq(list),
                price_list_entries::product_id.eq(product),
                price_list_entries::min_qty.eq(min_qty),
                price_list_entries::unit_price_minor.eq(minor),
            ))
            .execute(&mut c)
            .unwrap();
    }
    for (minor, from) in [
        (85_000_i64, now - chrono::Duration::days(1)),
        (50_000, now + chrono::Duration::days(30)),
    ] {
        diesel::insert_into(contract_prices::table)
            .values((
                contract_prices::company_id.eq(company),
                contract_prices::product_id.eq(product),
                contract_prices::unit_price_minor.eq(minor),
                contract_prices::valid_from.eq(Some(from)),
                contract_prices::note.eq("Framework agreement 2026"),
            ))
            .execute(&mut c)
            .unwrap();
    }
    diesel::update(companies::table.find(company))
        .set(companies::payment_terms.eq("net60"))
        .execute(&mut c)
        .unwrap();
}

#[tokio::test]
async fn a_company_buyer_sees_its_agreed_price_explained_and_nobody_else_does() {
    let app = spawn_app().await;
    let (id, sku, slug) = product_at_1000(&app);
    agree(&app, id);
    let path = format!("/products/{slug}");

    // A guest sees the list price with VAT, and no breakdown.
    let guest = app.get(&path).await;
    assert_eq!(guest.text(".buybox .price-amount"), "SEK 1,250.00");
    assert_eq!(guest.count(".why-price"), 0);
    assert_eq!(guest.count(".volume-prices"), 0);

    // Nordbygg's buyer: contract 850 (under the price list's 900) with net 60: 850 × 1.015.
    app.login("buyer@nordbygg.example").await;
    let page = app.get(&path).await;
    assert_eq!(page.theme(), "b2b");
    assert_eq!(page.text(".buybox .price-amount"), "SEK 862.75");
    assert_eq!(page.text(".buybox .price-note"), "excl. VAT");
    assert_eq!(page.text(".buybox .price-was del"), "SEK 1,000.00");
    let steps = page.select_texts(".why-steps li");
    assert_eq!(
        steps,
        vec![
            "List price SEK 1,000.00",
            "Your price list (Construction partner prices) SEK 900.00",
            "Your contract price (Framework agreement 2026) SEK 850.00",
            "Payment terms: Invoice 60 days (+1.5 %) SEK 862.75",
        ],
        "the contract from next month is not there"
    );
    assert_eq!(page.text(".why-total strong"), "SEK 862.75");
    // From 10 units the price list's 800 beats the contract: 800 × 1.015.
    assert_eq!(
        page.select_texts(".volume-prices tbody td"),
        vec!["From 10 units", "SEK 812.00"]
    );

    // The cart prices each line at its quantity, and explains it.
    let added = app
        .post_form(
            "/cart/add",
            &path,
            &[("sku", sku.as_str()), ("quantity", "10")],
        )
        .await;
    assert_eq!(added.status, 303);
    let cart = app.get("/cart").await;
    assert_eq!(
        cart.text(".cart-unit"),
        "Price: SEK 812.00",
        "{}",
        cart.text("main")
    );
    assert_eq!(cart.text(".cart-line-total"), "Total: SEK 8,120.00");
    let steps = cart.select_texts(".cart-line .why-steps li");
    assert!(
        steps.contains(&"Volume price from 10 units (price list) SEK 800.00".to_string()),
        "{steps:?}"
    );
    assert_eq!(
        cart.count(".alert-warning"),
        0,
        "reaching a volume price is no price change"
    );

    // Another company's buyer sees the plain list price excl. VAT (their own terms apply).
    let other = app.another_browser();
    other.login("buyer@kontorsgruppen.example").await;
    let page = other.get(&path).await;
    assert_eq!(page.count(".why-steps li"), 2, "list price and terms only");
    assert_eq!(page.count(".price-was"), 0);
    assert_eq!(page.count(".volume-prices"), 0);
}

#[tokio::test]
async fn company_lists_filter_and_sort_by_the_company_price() {
    let app = spawn_app().await;
    let (id, _, slug) = product_at_1000(&app);
    agree(&app, id);
    let category: String = products::table
        .find(id)
        .inner_join(duett::db::schema::categories::table)
        .select(duett::db::schema::categories::slug)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    app.login("buyer@nordbygg.example").await;
    // 862.75 is in 850–870; the list price 1 000 is not.
    let page = app
        .get(&format!("/categories/{category}?min=850&max=870"))
        .await;
    let links = page.attrs(".card-link", "href");
    assert!(links.contains(&format!("/products/{slug}")), "{links:?}");
    let card = page.text(&format!(
        ".card:has(a[href='/products/{slug}']) .price-amount"
    ));
    assert_eq!(card, "SEK 862.75");
    let other = app.another_browser();
    other.login("buyer@kontorsgruppen.example").await;
    let page = other
        .get(&format!("/categories/{category}?min=850&max=870"))
        .await;
    assert!(
        !page
            .attrs(".card-link", "href")
            .contains(&format!("/products/{slug}")),
        "the same list for another company uses its own prices"
    );
}

#[tokio::test]
async fn the_order_line_keeps_the_breakdown() {
    let app = spawn_app().await;
    let (id, sku, slug) = product_at_1000(&app);
    agree(&app, id);
    app.login("buyer@nordbygg.example").await;
    let path = format!("/products/{slug}");
    app.post_form(
        "/cart/add",
        &path,
        &[("sku", sku.as_str()), ("quantity", "12")],
    )
    .await;
    let checkout = app.get("/checkout").await;
    assert_eq!(checkout.status, 200);
    let total = checkout.attr("input[name=shown_total]", "value").unwrap();
    let order_key = checkout.attr("input[name=order_key]", "value").unwrap();
    let placed = app
        .post_form(
            "/checkout",
            "/checkout",
            &[
                ("email", "buyer@nordbygg.example"),
                ("name", "Britt Bygg"),
                ("line1", "Industrivägen 4"),
                ("postal_code", "903 27"),
                ("city", "Umeå"),
                ("country", "SE"),
                ("delivery", "standard"),
                ("shown_total", &total),
                ("order_key", &order_key),
                ("action", "pay"),
            ],
        )
        .await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let (unit, record): (i64, String) = order_lines::table
        .filter(order_lines::product_id.eq(id))
        .select((order_lines::unit_price_minor, order_lines::price_breakdown))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(unit, 81_200);
    let record: serde_json::Value = serde_json::from_str(&record).unwrap();
    let steps: Vec<&str> = record["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "list_price",
            "price_list",
            "contract",
            "quantity_tier",
            "payment_terms"
        ]
    );
    assert_eq!(record["terms"], "net60");
    assert_eq!(record["price_list"], "Construction partner prices");
    assert_eq!(record["net"], "812.00");
}
