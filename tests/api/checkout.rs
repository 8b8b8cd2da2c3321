//! One-page checkout and the test payment provider: a guest pays and gets a confirmation; bad
//! input is explained; a declined card leaves no order and no reservation; totals and prices from
//! the browser are never believed; double submits and races over the last units are safe.

use crate::helpers::{Page, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{order_lines, orders, outbox, products, stock_levels};
use std::collections::HashMap;

/// A consumer product in stock with simple rules: (id, sku, slug).
fn product(app: &TestApp) -> (i64, String, String) {
    products::table
        .inner_join(stock_levels::table)
        .filter(products::audience.eq("both"))
        .filter(products::active.eq(true))
        .filter(products::min_qty.eq(1))
        .filter(products::qty_step.eq(1))
        .filter(stock_levels::on_hand.ge(10))
        .filter(stock_levels::reserved.eq(0))
        .select((products::id, products::sku, products::slug))
        .order(products::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn stock(app: &TestApp, id: i64) -> (i32, i32) {
    stock_levels::table
        .find(id)
        .select((stock_levels::on_hand, stock_levels::reserved))
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn order_count(app: &TestApp) -> i64 {
    orders::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn add(app: &TestApp, sku: &str, slug: &str, quantity: &str) {
    let res = app
        .post_form(
            "/cart/add",
            &format!("/products/{slug}"),
            &[("sku", sku), ("quantity", quantity)],
        )
        .await;
    assert_eq!(res.status, 303, "added");
}

/// The checkout form's fields as the page sends them, with a good address.
fn fields(page: &Page) -> HashMap<String, String> {
    let mut f: HashMap<String, String> = HashMap::new();
    for name in ["csrf_token", "order_key", "shown_total"] {
        f.insert(
            name.into(),
            page.attr(&format!("form.checkout input[name={name}]"), "value")
                .unwrap_or_default(),
        );
    }
    for (k, v) in [
        ("email", "Guest.Buyer@Example.com"),
        ("name", "Gun Gäst"),
        ("line1", "Storgatan 1"),
        ("postal_code", "41138"),
        ("city", "Göteborg"),
        ("country", "SE"),
        ("delivery", "standard"),
        ("action", "pay"),
    ] {
        f.insert(k.into(), v.into());
    }
    f
}

async fn post(app: &TestApp, path: &str, f: &HashMap<String, String>) -> Page {
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_raw(path, &pairs).await
}

/// Pays on the test page with `card`; returns the shop's answer to the provider's return.
async fn pay(app: &TestApp, pay_url: &str, card: &str) -> Page {
    let page = app.get(pay_url).await;
    assert_eq!(page.status, 200, "{pay_url}");
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let res = app
        .post_raw(pay_url, &[("card_number", card), ("csrf_token", &token)])
        .await;
    assert_eq!(res.status, 303);
    let back = res.location();
    assert!(back.starts_with("/checkout/return?"), "{back}");
    app.get(&back).await
}

#[tokio::test]
async fn a_guest_checks_out_on_one_page_and_pays_with_a_test_card() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "2").await;
    let cart = app.get("/cart").await;
    assert_eq!(
        cart.attr(".cart-checkout", "href").as_deref(),
        Some("/checkout")
    );
    let page = app.get("/checkout").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2c");
    assert_eq!(page.count("input[name=delivery]"), 4);
    assert!(page.text(".checkout-lines").contains("× 2"));
    // Choosing express and asking for the summary again changes the delivery line.
    let mut f = fields(&page);
    f.insert("delivery".into(), "express".into());
    f.insert("action".into(), "update".into());
    let updated = post(&app, "/checkout", &f).await;
    assert_eq!(updated.status, 200);
    assert!(
        updated.text(".cart-summary").contains("149.00"),
        "{}",
        updated.text(".cart-summary")
    );
    assert_eq!(
        updated.attr("#email", "value").as_deref(),
        Some("Guest.Buyer@Example.com")
    );
    let mut f = fields(&updated);
    f.insert("delivery".into(), "express".into());
    let res = post(&app, "/checkout", &f).await;
    assert_eq!(res.status, 303);
    let pay_url = res.location();
    assert!(pay_url.starts_with("/pay/test/"), "{pay_url}");
    // The order waits for payment with the stock reserved.
    assert_eq!(stock(&app, id).1, 2);
    let done = pay(&app, &pay_url, "4242 4242 4242 4242").await;
    assert_eq!(done.status, 303);
    let order_url = done.location();
    assert!(order_url.starts_with("/orders/"), "{order_url}");
    let order = app.get(&order_url).await;
    assert_eq!(order.status, 200);
    assert_eq!(order.text("h1"), "Thank you for your order");
    assert_eq!(order.text(".order-status"), "Paid");
    assert!(order.text(".order-lines").contains(&sku));
    assert!(order.text("address").contains("411 38 Göteborg"));
    assert_eq!(order.count(".timeline li"), 2);
    assert_eq!(order.headers.get("referrer-policy").unwrap(), "no-referrer");
    // What was stored was computed here: the total is the goods plus express delivery.
    let (total, shipping, subtotal, email): (i64, i64, i64, String) = orders::table
        .select((
            orders::total_minor,
            orders::shipping_minor,
            orders::subtotal_minor,
            orders::email,
        ))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(shipping, 14_900);
    assert_eq!(total, subtotal + shipping);
    assert_eq!(email, "guest.buyer@example.com");
    let line_sum: i64 = order_lines::table
        .select(order_lines::line_total_minor)
        .load::<i64>(&mut app.pool.get().unwrap())
        .unwrap()
        .iter()
        .sum();
    assert_eq!(line_sum, subtotal, "the lines add up");
    // The confirmation e-mail with the order's link; the cart is empty.
    let mails: Vec<(String, String)> = outbox::table
        .filter(outbox::to_address.eq("guest.buyer@example.com"))
        .select((outbox::subject, outbox::body_text))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].1.contains(&order_url), "{}", mails[0].1);
    assert!(
        app.get("/cart")
            .await
            .text("main")
            .contains("Your cart is empty")
    );
    // Returning from the provider again (reload, Back) changes nothing and shows the order.
    let again = pay_return_again(&app, &order_url).await;
    assert_eq!(again, 1, "one e-mail, one paid event");
    // Someone with the number but not the token sees nothing.
    let number = order_url.split('?').next().unwrap();
    assert_eq!(app.another_browser().get(number).await.status, 404);
    assert_eq!(
        app.another_browser()
            .get(&format!("{number}?t=wrong"))
            .await
            .status,
        404
    );
}

/// Counts the paid events after the shop has seen the same approval twice.
async fn pay_return_again(app: &TestApp, order_url: &str) -> i64 {
    use duett::db::schema::order_events;
    let token = order_url.split("?t=").nth(1).unwrap();
    let result = duett::payment::PaymentResult {
        order_token: token.to_string(),
        approved: true,
        reference: "again".into(),
    };
    let key = app.settings.session_key().unwrap();
    let sig = {
        use duett::payment::PaymentProvider;
        duett::payment::TestProvider::new(&key).sign(&result)
    };
    let res = app
        .get(&format!(
            "/checkout/return?order={token}&result=approved&reference=again&signature={sig}"
        ))
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), order_url);
    order_events::table
        .filter(order_events::status.eq("paid"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn bad_input_is_explained_next_to_each_field_and_kept() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    add(&app, &sku, &slug, "1").await;
    let page = app.get("/checkout").await;
    let mut f = fields(&page);
    f.insert("email".into(), "not-an-address".into());
    f.insert("postal_code".into(), "4113".into());
    f.insert("name".into(), "".into());
    let res = post(&app, "/checkout", &f).await;
    assert_eq!(res.status, 422);
    assert!(res.text("#email-error").contains("name@example.com"));
    assert!(res.text("#postal_code-error").contains("postal code"));
    assert!(res.text("#name-error").contains("name"));
    assert_eq!(
        res.attr("#email", "value").as_deref(),
        Some("not-an-address")
    );
    assert_eq!(res.attr("#line1", "value").as_deref(), Some("Storgatan 1"));
    assert_eq!(res.count("[role=alert]"), 1);
    assert_eq!(order_count(&app), 0);
    // An empty cart has no checkout.
    let empty = app.another_browser().get("/checkout").await;
    assert_eq!(empty.status, 303);
    assert_eq!(empty.location(), "/cart");
}

#[tokio::test]
async fn a_declined_card_leaves_no_order_and_no_reserved_stock() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "3").await;
    let page = app.get("/checkout").await;
    let res = post(&app, "/checkout", &fields(&page)).await;
    let pay_url = res.location();
    assert_eq!(stock(&app, id).1, 3);
    // Not a test card: explained on the payment page, nothing happens.
    let token = app
        .get(&pay_url)
        .await
        .attr("input[name=csrf_token]", "value")
        .unwrap();
    let unknown = app
        .post_raw(
            &pay_url,
            &[
                ("card_number", "4111 1111 1111 1111"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(unknown.status, 422);
    assert!(unknown.text("#card-error").contains("test card"));
    let back = pay(&app, &pay_url, "4000 0000 0000 0002").await;
    assert_eq!(back.status, 303);
    assert_eq!(back.location(), "/checkout");
    assert_eq!(order_count(&app), 0);
    assert_eq!(stock(&app, id).1, 0);
    let again = app.get("/checkout").await;
    assert!(again.text("[role=status]").contains("nothing was charged"));
    assert_eq!(
        again.attr("#line1", "value").as_deref(),
        Some("Storgatan 1"),
        "kept"
    );
    assert!(
        again.text(".checkout-lines").contains("× 3"),
        "the cart is intact"
    );
    // A result not signed by the provider is refused.
    let forged = app
        .get("/checkout/return?order=x&result=approved&reference=r&signature=00")
        .await;
    assert_eq!(forged.status, 400);
}

#[tokio::test]
async fn prices_and_totals_from_the_browser_are_not_believed() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "1").await;
    let page = app.get("/checkout").await;
    let mut f = fields(&page);
    f.insert("shown_total".into(), "100".into());
    f.insert("unit_price".into(), "1".into());
    f.insert("total".into(), "1".into());
    let res = post(&app, "/checkout", &f).await;
    assert_eq!(res.status, 409);
    assert!(res.text("[role=alert]").contains("total changed"));
    assert_eq!(order_count(&app), 0);
    // The page shows the real total again; continuing with it places the order at that total.
    let f = {
        let mut g = fields(&res);
        g.insert("unit_price".into(), "1".into());
        g
    };
    let placed = post(&app, "/checkout", &f).await;
    assert_eq!(placed.status, 303);
    let total: i64 = orders::table
        .select(orders::total_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let list: i64 = products::table
        .find(id)
        .select(products::list_price_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(
        total > list,
        "the list price plus VAT (and delivery), not 1 öre: {total}"
    );
}

#[tokio::test]
async fn twenty_identical_submissions_place_one_order() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "2").await;
    let page = app.get("/checkout").await;
    let f = fields(&page);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let app = app.clone_browser();
        let f = f.clone();
        tasks.push(tokio::spawn(async move {
            post(&app, "/checkout", &f).await.status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 303);
    }
    assert_eq!(order_count(&app), 1);
    assert_eq!(stock(&app, id).1, 2, "reserved once");
}

#[tokio::test]
async fn fifty_buyers_race_for_the_last_five_units() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    let mut buyers = Vec::new();
    for _ in 0..50 {
        let buyer = app.another_browser();
        add(&buyer, &sku, &slug, "1").await;
        let page = buyer.get("/checkout").await;
        let f = fields(&page);
        buyers.push((buyer, f));
    }
    // Only now the stock falls to five.
    diesel::update(stock_levels::table.find(id))
        .set((stock_levels::on_hand.eq(5), stock_levels::reserved.eq(0)))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let mut tasks = Vec::new();
    for (buyer, f) in buyers {
        tasks.push(tokio::spawn(async move {
            post(&buyer, "/checkout", &f).await.status
        }));
    }
    let mut placed = 0;
    for t in tasks {
        match t.await.unwrap() {
            303 => placed += 1,
            409 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(placed, 5);
    assert_eq!(order_count(&app), 5);
    assert_eq!(stock(&app, id), (5, 5));
}

#[tokio::test]
async fn an_order_left_on_the_payment_page_gives_its_stock_back() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "2").await;
    let page = app.get("/checkout").await;
    let res = post(&app, "/checkout", &fields(&page)).await;
    let pay_url = res.location();
    assert_eq!(stock(&app, id).1, 2);
    let now = chrono::Utc::now().naive_utc();
    let sweep = |before| {
        duett::db::orders::expire_unpaid(&mut app.pool.get().unwrap(), before, now).unwrap()
    };
    // Younger than the limit: kept.
    assert_eq!(sweep(now - chrono::Duration::minutes(30)), 0);
    assert_eq!(order_count(&app), 1);
    // Older: released and gone; the payment page no longer exists, the cart still does.
    assert_eq!(sweep(now + chrono::Duration::minutes(1)), 1);
    assert_eq!(order_count(&app), 0);
    assert_eq!(stock(&app, id).1, 0);
    assert_eq!(app.get(&pay_url).await.status, 404);
    assert!(
        app.get("/cart")
            .await
            .text(".cart-summary")
            .contains("2 items")
    );
}

#[tokio::test]
async fn signed_in_shoppers_find_their_orders_and_nobody_elses() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    app.login("erik@example.com").await;
    add(&app, &sku, &slug, "1").await;
    let page = app.get("/checkout").await;
    assert_eq!(
        page.attr("#email", "value").as_deref(),
        Some("erik@example.com"),
        "prefilled"
    );
    let res = post(&app, "/checkout", &fields(&page)).await;
    let done = pay(&app, &res.location(), "4242424242424242").await;
    let order_url = done.location();
    let list = app.get("/orders").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.count(".orders-list tbody tr"), 1);
    assert_eq!(
        list.attr(".orders-list a", "href").as_deref(),
        Some(order_url.as_str())
    );
    assert!(list.text(".orders-list").contains("Paid"));
    let maja = app.another_browser();
    maja.login("maja@example.com").await;
    assert_eq!(maja.get("/orders").await.count(".orders-list tbody tr"), 0);
    let visitor = app.another_browser().get("/orders").await;
    assert_eq!(visitor.status, 303);
    assert_eq!(visitor.location(), "/login?next=/orders");
}

fn signed(app: &TestApp, token: &str, approved: bool, reference: &str) -> String {
    use duett::payment::PaymentProvider;
    let key = app.settings.session_key().unwrap();
    duett::payment::TestProvider::new(&key).sign(&duett::payment::PaymentResult {
        order_token: token.to_string(),
        approved,
        reference: reference.to_string(),
    })
}

#[tokio::test]
async fn the_providers_webhook_is_verified_and_applied_once() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "1").await;
    let page = app.get("/checkout").await;
    let res = post(&app, "/checkout", &fields(&page)).await;
    let token = res.location().trim_start_matches("/pay/test/").to_string();
    // From the provider's server: no session, no CSRF token, another origin.
    let provider = reqwest::Client::new();
    let send = |sig: String| {
        let provider = provider.clone();
        let url = app.url("/webhooks/payments");
        let token = token.clone();
        async move {
            provider
                .post(url)
                .header("origin", "https://payments.example")
                .form(&[
                    ("order", token.as_str()),
                    ("result", "approved"),
                    ("reference", "wh-1"),
                    ("signature", sig.as_str()),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let forged = send("00".repeat(32)).await;
    assert_eq!(forged.status(), 400);
    let first = send(signed(&app, &token, true, "wh-1")).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.text().await.unwrap(), "Paid");
    let again = send(signed(&app, &token, true, "wh-1")).await;
    assert_eq!(again.text().await.unwrap(), "AlreadyPaid");
    let mails: i64 = outbox::table
        .filter(outbox::to_address.eq("guest.buyer@example.com"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(mails, 1, "one confirmation");
    assert_eq!(stock(&app, id).1, 1, "still reserved for the paid order");
    // The buyer's browser comes back afterwards: the order page, and the cart is emptied.
    let sig = signed(&app, &token, true, "wh-1");
    let back = app
        .get(&format!(
            "/checkout/return?order={token}&result=approved&reference=wh-1&signature={sig}"
        ))
        .await;
    assert_eq!(back.status, 303);
    assert!(back.location().starts_with("/orders/"));
    assert!(
        app.get("/cart")
            .await
            .text("main")
            .contains("Your cart is empty")
    );
}

#[tokio::test]
async fn a_paid_order_can_be_cancelled_before_packing_and_its_stock_is_free_again() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    add(&app, &sku, &slug, "2").await;
    let page = app.get("/checkout").await;
    let res = post(&app, "/checkout", &fields(&page)).await;
    let order_url = pay(&app, &res.location(), "4242 4242 4242 4242")
        .await
        .location();
    assert_eq!(stock(&app, id).1, 2);
    let order = app.get(&order_url).await;
    let action = order
        .attr(".cancel-order", "action")
        .expect("a cancel button while paid");
    let token = order.attr(".cancel-order input[name=t]", "value").unwrap();
    // The token is needed; someone with only the number cannot cancel.
    let stranger = app.another_browser();
    let refused = stranger.post_form(&action, "/", &[("t", "wrong")]).await;
    assert_eq!(refused.status, 404);
    let done = app.post_form(&action, &order_url, &[("t", &token)]).await;
    assert_eq!(done.status, 303);
    let after = app.get(&order_url).await;
    assert!(after.text("[role=status]").contains("cancelled"));
    assert_eq!(after.text(".order-status"), "Cancelled");
    assert_eq!(after.count(".cancel-order"), 0);
    // placed, paid, cancelled, refunded (through the provider, with its reference)
    assert_eq!(after.count(".timeline li"), 4);
    assert!(
        after.text(".timeline").contains("re_test_"),
        "{}",
        after.text(".timeline")
    );
    assert_eq!(stock(&app, id).1, 0, "the reserved units are free again");
    // Twice is once.
    let again = app.post_form(&action, &order_url, &[("t", &token)]).await;
    assert_eq!(again.status, 303);
    assert!(
        app.get(&order_url)
            .await
            .text("[role=status]")
            .contains("no longer be cancelled")
    );
    assert_eq!(stock(&app, id).1, 0);
    assert_eq!(
        app.get(&order_url).await.count(".timeline li"),
        4,
        "refunded once"
    );
}

#[tokio::test]
async fn a_signed_in_buyer_picks_one_of_their_saved_addresses() {
    use duett::db::schema::{addresses, users};
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let user_of = |email: &str| -> i64 {
        users::table
            .filter(users::email.eq(email))
            .select(users::id)
            .first(&mut app.pool.get().unwrap())
            .unwrap()
    };
    let address = |user: i64, label: &str, line1: &str, postal: &str, city: &str| -> i64 {
        diesel::insert_into(addresses::table)
            .values((
                addresses::user_id.eq(user),
                addresses::label.eq(label),
                addresses::name.eq("Erik Holm"),
                addresses::line1.eq(line1),
                addresses::postal_code.eq(postal),
                addresses::city.eq(city),
                addresses::country.eq("SE"),
            ))
            .returning(addresses::id)
            .get_result(&mut app.pool.get().unwrap())
            .unwrap()
    };
    let erik = user_of("erik@example.com");
    address(erik, "Home", "Hemgatan 1", "111 22", "Stockholm");
    let summer = address(erik, "Summer house", "Sjövägen 9", "762 91", "Rimbo");
    let someone_else = address(
        user_of("maja@example.com"),
        "Maja",
        "Majavägen 5",
        "222 33",
        "Lund",
    );
    app.login("erik@example.com").await;
    add(&app, &sku, &slug, "1").await;
    let page = app.get("/checkout").await;
    assert!(page.count("#saved_address option") >= 2);
    let mut f = fields(&page);
    f.insert("action".into(), "use_address".into());
    f.insert("saved_address".into(), summer.to_string());
    let picked = post(&app, "/checkout", &f).await;
    assert_eq!(picked.status, 200);
    assert_eq!(
        picked.attr("#line1", "value").as_deref(),
        Some("Sjövägen 9")
    );
    assert_eq!(picked.attr("#city", "value").as_deref(), Some("Rimbo"));
    // Someone else's address id changes nothing and shows nothing of theirs.
    f.insert("saved_address".into(), someone_else.to_string());
    let other = post(&app, "/checkout", &f).await;
    assert_eq!(
        other.attr("#line1", "value").as_deref(),
        Some("Storgatan 1")
    );
    assert!(!other.text("main").contains("Majavägen"));
}

#[tokio::test]
async fn a_company_buyer_checks_out_with_prices_excluding_vat() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    app.login("buyer@nordbygg.example").await;
    add(&app, &sku, &slug, "1").await;
    let page = app.get("/checkout").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2b");
    let summary = page.text(".cart-summary");
    assert!(summary.contains("Subtotal excl. VAT"), "{summary}");
    assert!(summary.contains("VAT"), "{summary}");
    assert_eq!(
        page.attr("#email", "value").as_deref(),
        Some("buyer@nordbygg.example")
    );
    let res = post(&app, "/checkout", &fields(&page)).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let (segment, company, total, subtotal, shipping, tax): (
        String,
        Option<i64>,
        i64,
        i64,
        i64,
        i64,
    ) = orders::table
        .select((
            orders::segment,
            orders::company_id,
            orders::total_minor,
            orders::subtotal_minor,
            orders::shipping_minor,
            orders::tax_minor,
        ))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(segment, "b2b");
    assert!(
        company.is_some(),
        "the order belongs to the buyer's company"
    );
    assert_eq!(
        total,
        subtotal + shipping,
        "stored incl. VAT, the parts add up"
    );
    assert!(tax > 0);
}
