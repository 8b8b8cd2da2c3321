//! The cart: adding from product pages with quantity rules and stock checks, changing and removing
//! lines, saving for later, guest carts joining the person's cart at sign-in, prices per segment,
//! and notices when prices or stock changed. Lines of one cart are never reachable from another.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{cart_lines, products, stock_levels};

/// A consumer product in stock with simple quantity rules: (id, sku, slug).
fn in_stock(app: &TestApp, at_least: i32) -> (i64, String, String) {
    products::table
        .inner_join(stock_levels::table)
        .filter(products::audience.eq("both"))
        .filter(products::active.eq(true))
        .filter(products::min_qty.eq(1))
        .filter(products::qty_step.eq(1))
        .filter(stock_levels::on_hand.ge(at_least + 1))
        .filter(stock_levels::reserved.eq(0))
        .select((products::id, products::sku, products::slug))
        .order(products::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn set_stock(app: &TestApp, product: i64, on_hand: i32) {
    diesel::update(stock_levels::table.find(product))
        .set((
            stock_levels::on_hand.eq(on_hand),
            stock_levels::reserved.eq(0),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
}

async fn add(app: &TestApp, sku: &str, slug: &str, quantity: &str) -> crate::helpers::Page {
    app.post_form(
        "/cart/add",
        &format!("/products/{slug}"),
        &[("sku", sku), ("quantity", quantity)],
    )
    .await
}

#[tokio::test]
async fn a_guest_adds_a_product_and_sees_it_in_the_cart_with_vat_included() {
    let app = spawn_app().await;
    let (_, sku, slug) = in_stock(&app, 5);
    let path = format!("/products/{slug}");
    let page = app.get(&path).await;
    assert_eq!(
        page.attr(".add-form input[name=sku]", "value").as_deref(),
        Some(sku.as_str())
    );
    assert_eq!(page.attr("#add-quantity", "value").as_deref(), Some("1"));
    assert_eq!(page.text(".cart-link"), "Cart");
    let res = add(&app, &sku, &slug, "2").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), path);
    let back = app.get(&path).await;
    assert!(back.text("[role=status]").contains("Added to your cart"));
    assert_eq!(back.text(".cart-count"), "2");
    assert_eq!(
        back.attr(".cart-link", "aria-label").as_deref(),
        Some("Cart, 2 items")
    );
    // Adding again adds up.
    add(&app, &sku, &slug, "1").await;
    let cart = app.get("/cart").await;
    assert_eq!(cart.status, 200);
    assert_eq!(cart.theme(), "b2c");
    assert_eq!(cart.count(".cart-lines .cart-line"), 1);
    assert_eq!(
        cart.attr(".cart-quantity input[name=quantity]", "value")
            .as_deref(),
        Some("3")
    );
    assert!(cart.text(".cart-summary").contains("3 items"));
    assert!(cart.text(".cart-summary").contains("incl. VAT"));
    assert!(cart.text(".cart-summary").contains("of which VAT 25 %"));
    // Three times the unit price, as shown.
    let unit = cart.text(".cart-unit");
    let total = cart.text(".cart-total");
    let amount = |s: &str| -> i64 {
        s.chars()
            .filter(|c| c.is_ascii_digit())
            .collect::<String>()
            .parse()
            .unwrap()
    };
    assert_eq!(amount(&total), 3 * amount(&unit), "{unit} × 3 = {total}");
    assert_eq!(cart.headers.get("cache-control").unwrap(), "no-store");
}

#[tokio::test]
async fn bad_quantities_are_explained_on_the_product_page_and_change_nothing() {
    let app = spawn_app().await;
    let (_, sku, slug) = in_stock(&app, 5);
    for (typed, message) in [
        ("0", "The smallest quantity is 1."),
        ("-2", "The smallest quantity is 1."),
        ("1.5", "Enter a whole number"),
        ("two", "Enter the quantity as a number"),
        ("1000", "The largest quantity is 999."),
        ("99999999999999999999", "The largest quantity is 999."),
    ] {
        let page = add(&app, &sku, &slug, typed).await;
        assert_eq!(page.status, 422, "{typed}");
        assert!(
            page.text("#add-error").contains(message),
            "{typed}: {}",
            page.text("#add-error")
        );
        assert_eq!(
            page.attr("#add-quantity", "value").as_deref(),
            Some(typed),
            "kept"
        );
        assert_eq!(
            page.attr("#add-quantity", "aria-invalid").as_deref(),
            Some("true")
        );
    }
    let lines: i64 = cart_lines::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(lines, 0);
    // An unknown or hidden SKU is a 404, not an error page with a stack.
    let unknown = app
        .post_form(
            "/cart/add",
            &format!("/products/{slug}"),
            &[("sku", "NO-SUCH"), ("quantity", "1")],
        )
        .await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn the_stock_limits_what_can_be_added_and_the_cart_follows_it() {
    let app = spawn_app().await;
    let (id, sku, slug) = in_stock(&app, 5);
    set_stock(&app, id, 3);
    assert_eq!(add(&app, &sku, &slug, "2").await.status, 303);
    let more = add(&app, &sku, &slug, "2").await;
    assert_eq!(more.status, 422);
    assert!(
        more.text("#add-error")
            .contains("Only 3 left (you have 2 in your cart)")
    );
    // Stock drops below what is in the cart: the cart says so and holds what is left.
    set_stock(&app, id, 1);
    let cart = app.get("/cart").await;
    assert!(
        cart.text("[role=status]").contains("Only 1 of"),
        "{}",
        cart.text("main")
    );
    assert_eq!(
        cart.attr(".cart-quantity input[name=quantity]", "value")
            .as_deref(),
        Some("1")
    );
    set_stock(&app, id, 0);
    let out = app.get("/cart").await;
    assert!(out.text("[role=status]").contains("is out of stock"));
    assert!(out.text(".cart-summary").contains("0 items"), "not counted");
}

#[tokio::test]
async fn a_changed_price_is_pointed_out_once() {
    let app = spawn_app().await;
    let (id, sku, slug) = in_stock(&app, 5);
    add(&app, &sku, &slug, "1").await;
    assert!(!app.get("/cart").await.text("main").contains("changed"));
    diesel::update(products::table.find(id))
        .set(products::list_price_minor.eq(1_234_500))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    // Product data is cached for a few seconds; the cart reads the database.
    let cart = app.get("/cart").await;
    assert!(
        cart.text("[role=status]").contains("changed from"),
        "{}",
        cart.text("main")
    );
    assert!(
        cart.text("[role=status]").contains("15"),
        "new price incl. VAT: 15 431,25"
    );
    assert!(
        !app.get("/cart").await.text("main").contains("changed from"),
        "said once"
    );
}

#[tokio::test]
async fn lines_change_save_for_later_and_go() {
    let app = spawn_app().await;
    let (_, sku, slug) = in_stock(&app, 5);
    add(&app, &sku, &slug, "1").await;
    let cart = app.get("/cart").await;
    let action = cart.attr(".cart-quantity", "action").unwrap();
    let bad = app
        .post_form(&action, "/cart", &[("quantity", "abc")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.text(".cart-quantity .field-error")
            .contains("as a number")
    );
    assert_eq!(
        bad.attr(".cart-quantity input[name=quantity]", "value")
            .as_deref(),
        Some("abc")
    );
    let zero = app.post_form(&action, "/cart", &[("quantity", "0")]).await;
    assert_eq!(zero.status, 422);
    let ok = app.post_form(&action, "/cart", &[("quantity", "4")]).await;
    assert_eq!(ok.status, 303);
    let cart = app.get("/cart").await;
    assert!(cart.text("[role=status]").contains("updated"));
    assert_eq!(cart.text(".cart-count"), "4");
    let save = format!("{action}/save");
    assert_eq!(app.post_form(&save, "/cart", &[]).await.status, 303);
    let saved = app.get("/cart").await;
    assert_eq!(saved.count(".cart-lines .cart-line"), 0);
    assert_eq!(saved.count(".cart-saved .cart-line"), 1);
    assert_eq!(saved.count(".cart-count"), 0, "saved items are not counted");
    assert_eq!(
        app.post_form(&format!("{action}/restore"), "/cart", &[])
            .await
            .status,
        303
    );
    assert_eq!(app.get("/cart").await.count(".cart-lines .cart-line"), 1);
    assert_eq!(
        app.post_form(&format!("{action}/remove"), "/cart", &[])
            .await
            .status,
        303
    );
    let empty = app.get("/cart").await;
    assert!(empty.text("main").contains("Your cart is empty"));
    // The line is gone: acting on it again explains that.
    let again = app
        .post_form(&format!("{action}/remove"), "/cart", &[])
        .await;
    assert_eq!(again.status, 303);
    assert!(
        app.get("/cart")
            .await
            .text("[role=status]")
            .contains("no longer in your cart")
    );
}

#[tokio::test]
async fn nobody_reaches_the_lines_of_another_cart() {
    let app = spawn_app().await;
    let (_, sku, slug) = in_stock(&app, 5);
    add(&app, &sku, &slug, "2").await;
    let action = app
        .get("/cart")
        .await
        .attr(".cart-quantity", "action")
        .unwrap();
    let other = app.another_browser();
    other.login("maja@example.com").await;
    for path in [
        action.clone(),
        format!("{action}/remove"),
        format!("{action}/save"),
    ] {
        let res = other.post_form(&path, "/", &[("quantity", "9")]).await;
        assert_eq!(res.status, 303, "{path}");
    }
    assert!(
        other
            .get("/cart")
            .await
            .text("[role=status]")
            .contains("no longer in your cart")
    );
    let mine = app.get("/cart").await;
    assert_eq!(
        mine.attr(".cart-quantity input[name=quantity]", "value")
            .as_deref(),
        Some("2")
    );
}

#[tokio::test]
async fn a_guest_cart_joins_the_persons_cart_at_sign_in() {
    let app = spawn_app().await;
    let (_, sku, slug) = in_stock(&app, 5);
    // Erik has one in his stored cart from another device.
    let phone = app.another_browser();
    phone.login("erik@example.com").await;
    add(&phone, &sku, &slug, "1").await;
    // As a guest on this computer he adds two, then signs in.
    add(&app, &sku, &slug, "2").await;
    app.login("erik@example.com").await;
    let cart = app.get("/cart").await;
    assert_eq!(cart.count(".cart-lines .cart-line"), 1);
    assert_eq!(
        cart.attr(".cart-quantity input[name=quantity]", "value")
            .as_deref(),
        Some("2"),
        "the same shopping seen twice is not doubled"
    );
    assert_eq!(app.get("/").await.text(".cart-count"), "2");
    assert_eq!(phone.get("/cart").await.text(".cart-count"), "2");
}

#[tokio::test]
async fn company_buyers_have_a_cart_per_company_with_prices_excluding_vat() {
    let app = spawn_app().await;
    let (_, sku, slug) = in_stock(&app, 5);
    app.login("buyer@nordbygg.example").await;
    assert_eq!(add(&app, &sku, &slug, "2").await.status, 303);
    let cart = app.get("/cart").await;
    assert_eq!(cart.theme(), "b2b");
    assert!(cart.text(".cart-summary").contains("Subtotal excl. VAT"));
    assert!(cart.text(".cart-summary").contains("Total incl. VAT"));
    assert!(cart.text(".cart-summary").contains("VAT 25 %"));
    // The consumer's cart is another one.
    let consumer = app.another_browser();
    consumer.login("shopper@example.com").await;
    assert!(
        consumer
            .get("/cart")
            .await
            .text("main")
            .contains("Your cart is empty")
    );
}

#[tokio::test]
async fn buy_now_on_a_product_card_goes_to_the_cart_with_it() {
    let app = spawn_app().await;
    let list = app.get("/categories/office?stock=1").await;
    let sku = list
        .attr(".grid .card-buy input[name=sku]", "value")
        .expect("cards of products in stock can be bought directly");
    assert_eq!(
        list.count(".grid .card-buy"),
        list.count(".grid .card"),
        "every card of a product in stock"
    );
    let res = app
        .post_form(
            "/cart/add",
            "/categories/office?stock=1",
            &[("sku", &sku), ("buy_now", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/cart");
    let cart = app.get("/cart").await;
    assert!(cart.text(".cart-line").contains(&sku));
    assert_eq!(
        cart.attr(".cart-quantity input[name=quantity]", "value")
            .as_deref(),
        Some("1")
    );
    // Company buyers add to the cart from cards (no "Buy now"): prices there exclude VAT.
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let portal = buyer.get("/categories/office?stock=1").await;
    assert_eq!(portal.count(".grid .card-buy button[name=buy_now]"), 0);
    assert!(portal.count(".grid .card-buy button") > 0);
}
