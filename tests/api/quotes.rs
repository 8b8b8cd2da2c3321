//! Quotes (RFQ): a company buyer asks for a quote on the cart, a sales representative offers
//! unit prices with a validity date, the buyer counters, accepts and orders at the quoted prices
//! (the order line's breakdown says so); expired offers cannot be taken; other companies, other
//! buyers and the wrong staff roles are kept out.

use crate::helpers::{Page, TestApp, plain_product, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, order_lines, orders, outbox, quote_lines, quotes};

const DRILL: &str = "/products/cordless-drill-driver-18-v-compact-po-01000";

/// The drill at 1 000 kr excl. VAT with no agreements, 50 in stock; returns its id.
fn setup(app: &TestApp) -> i64 {
    plain_product(app, "PO-01000", 100_000, 50)
}

/// The buyer puts `qty` drills in the cart and asks for a quote; returns the quote's address.
async fn request(app: &TestApp, product: i64, qty: &str, target: &str) -> String {
    app.post_form(
        "/cart/add",
        DRILL,
        &[("sku", "PO-01000"), ("quantity", qty)],
    )
    .await;
    let form = app.get("/b2b/quotes/new").await;
    assert_eq!(form.status, 200);
    assert_eq!(
        form.attr(&format!("input[name=qty_{product}]"), "value")
            .as_deref(),
        Some(qty)
    );
    let sent = app
        .post_form(
            "/b2b/quotes",
            "/b2b/quotes/new",
            &[
                (&format!("qty_{product}"), qty),
                (&format!("target_{product}"), target),
                ("message", "For the Umeå site, delivery in March."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.text("main"));
    sent.location()
}

fn line_id(app: &TestApp) -> i64 {
    quote_lines::table
        .select(quote_lines::id)
        .order(quote_lines::id.desc())
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn offer(rep: &TestApp, admin_url: &str, line: i64, price: &str, until: &str) -> Page {
    rep.post_form(
        admin_url,
        admin_url,
        &[
            ("action", "offer"),
            (&format!("price_{line}"), price),
            ("valid_until", until),
            ("message", "Our best price for this quantity."),
        ],
    )
    .await
}

#[tokio::test]
async fn a_quote_is_requested_offered_countered_accepted_and_ordered_at_its_prices() {
    let app = spawn_app().await;
    let product = setup(&app);
    app.login("buyer@nordbygg.example").await;
    let url = request(&app, product, "10", "800").await;
    assert!(url.starts_with("/b2b/quotes/Q"), "{url}");
    let number = url.trim_start_matches("/b2b/quotes/").to_string();

    // The lines left the cart; the quote waits for the shop, and the sales reps were told.
    let cart = app.get("/cart").await;
    assert_eq!(cart.count(".cart-line"), 0, "{}", cart.text("main"));
    let page = app.get(&url).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2b");
    assert!(page.text(".quote-status").contains("waiting for our offer"));
    assert!(page.text(".quote-thread").contains("delivery in March"));
    assert!(page.text(".quote-lines").contains("SEK 800.00"));
    assert_eq!(page.count(".quote-accept"), 0, "nothing to accept yet");
    let list = app.get("/b2b/quotes").await;
    assert!(list.text(".quotes-table").contains(&number));
    let mut c = app.pool.get().unwrap();
    let told: Vec<String> = outbox::table
        .filter(outbox::subject.like(format!("%{number}%")))
        .select(outbox::to_address)
        .load(&mut c)
        .unwrap();
    assert_eq!(told, vec!["sales@duett.example"]);

    // Only administrators and sales representatives open the inbox.
    let catalog = app.another_browser();
    catalog.login("catalog@duett.example").await;
    assert_eq!(catalog.get("/admin/quotes").await.status, 403);
    assert_eq!(
        catalog.get(&format!("/admin/quotes/{number}")).await.status,
        403
    );
    let rep = app.another_browser();
    rep.login("sales@duett.example").await;
    let inbox = rep.get("/admin/quotes").await;
    assert_eq!(inbox.status, 200);
    assert!(inbox.text(".admin-quotes").contains(&number));
    assert!(inbox.text(".admin-quotes").contains("Nordbygg"));
    let admin_url = format!("/admin/quotes/{number}");
    let answer = rep.get(&admin_url).await;
    assert!(
        answer.text(".quote-lines").contains("SEK 1,000.00"),
        "list price"
    );
    let line = line_id(&app);

    // A bad price or date is explained next to its field, and what was typed stays.
    let bad = offer(&rep, &admin_url, line, "abc", &in_days(10)).await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.text(&format!("#price-error-{line}"))
            .contains("as an amount")
    );
    assert_eq!(
        bad.attr(&format!("#price-{line}"), "value").as_deref(),
        Some("abc")
    );
    let bad = offer(&rep, &admin_url, line, "850", &in_days(-1)).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#valid-error").contains("has passed"));
    let bad = offer(&rep, &admin_url, line, "850", &in_days(91)).await;
    assert!(bad.text("#valid-error").contains("90 days"));
    let declined = rep
        .post_form(&admin_url, &admin_url, &[("action", "decline")])
        .await;
    assert_eq!(declined.status, 422, "declining needs a reason");
    assert!(
        declined
            .text("#quote-message-error")
            .contains("Write a message")
    );

    let sent = offer(&rep, &admin_url, line, "850", &in_days(10)).await;
    assert_eq!(sent.status, 303, "{}", sent.text("main"));
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("quote_offer"))
        .filter(audit_log::subject_id.eq(&number))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(audited, 1);
    let mail: i64 = outbox::table
        .filter(outbox::to_address.eq("buyer@nordbygg.example"))
        .filter(outbox::subject.like(&format!("%{number}%")))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(mail, 1, "the buyer hears of the offer");

    // The buyer reads the offer and counters with another quantity and target.
    let page = app.get(&url).await;
    assert!(page.text(".quote-status").contains("Offer received"));
    assert_eq!(page.text(".quote-offered"), "SEK 850.00");
    assert_eq!(page.text(".quote-total"), "SEK 8,500.00");
    let no_message = app
        .post_form(
            &url,
            &url,
            &[("action", "counter"), (&format!("qty_{line}"), "12")],
        )
        .await;
    assert_eq!(no_message.status, 422);
    assert_eq!(
        no_message.attr(&format!("#qty-{line}"), "value").as_deref(),
        Some("12"),
        "the typed quantity stays"
    );
    let bad_qty = app
        .post_form(
            &url,
            &url,
            &[
                ("action", "counter"),
                (&format!("qty_{line}"), "twelve"),
                ("message", "12?"),
            ],
        )
        .await;
    assert_eq!(bad_qty.status, 422);
    assert!(!bad_qty.text(&format!("#counter-error-{line}")).is_empty());
    let countered = app
        .post_form(
            &url,
            &url,
            &[
                ("action", "counter"),
                (&format!("qty_{line}"), "12"),
                (&format!("target_{line}"), "820"),
                ("message", "Twelve for 820 each?"),
            ],
        )
        .await;
    assert_eq!(countered.status, 303);
    let page = app.get(&url).await;
    assert!(page.text(".quote-status").contains("Counter-offer sent"));
    let early = app.post_form(&url, &url, &[("action", "accept")]).await;
    assert_eq!(
        early.status, 409,
        "nothing to accept while the shop answers"
    );
    // The rep who answered hears of it (in their language).
    let reps_told: i64 = outbox::table
        .filter(outbox::to_address.eq("sales@duett.example"))
        .filter(outbox::subject.like(format!("%{number}%")))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(reps_told, 2, "the request and the counter-offer");

    // The rep answers again; the buyer accepts and goes to checkout at the quoted prices.
    let again = offer(&rep, &admin_url, line, "830", &in_days(10)).await;
    assert_eq!(again.status, 303);
    let accepted = app.post_form(&url, &url, &[("action", "accept")]).await;
    assert_eq!(accepted.status, 303);
    let checkout_url = accepted.location();
    assert_eq!(checkout_url, format!("/checkout?quote={number}"));
    // Something else in the cart stays out of the quote's order.
    app.post_form(
        "/cart/add",
        "/products/cordless-drill-driver-18-v-compact-po-01000",
        &[("sku", "PO-01000"), ("quantity", "1")],
    )
    .await;
    let checkout = app.get(&checkout_url).await;
    assert_eq!(checkout.status, 200, "{}", checkout.text("main"));
    assert_eq!(checkout.count(".checkout-lines li"), 1);
    assert!(checkout.text(".checkout-lines").contains("× 12"));
    assert!(
        checkout.text(".summary").contains("SEK 9,960.00"),
        "{}",
        checkout.text(".summary")
    );
    assert!(checkout.text(".quote-order-note").contains(&number));
    assert_eq!(checkout.count("input[name=coupon]"), 0);
    let total = checkout.attr("input[name=shown_total]", "value").unwrap();
    let key = checkout.attr("input[name=order_key]", "value").unwrap();
    let placed = app
        .post_form(
            "/checkout",
            &checkout_url,
            &[
                ("quote", &number),
                ("email", "buyer@nordbygg.example"),
                ("name", "Nordbygg AB"),
                ("line1", "Industrivägen 4"),
                ("postal_code", "903 27"),
                ("city", "Umeå"),
                ("country", "SE"),
                ("delivery", "pickup"),
                ("payment", "invoice"),
                ("shown_total", &total),
                ("order_key", &key),
                ("action", "pay"),
            ],
        )
        .await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let (order_id, status): (i64, String) = orders::table
        .select((orders::id, orders::status))
        .first(&mut c)
        .unwrap();
    assert_eq!(status, "confirmed");
    let (unit, qty, breakdown): (i64, i32, String) = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select((
            order_lines::unit_price_minor,
            order_lines::quantity,
            order_lines::price_breakdown,
        ))
        .first(&mut c)
        .unwrap();
    assert_eq!((unit, qty), (83_000, 12));
    assert!(breakdown.contains("\"quoted\""), "{breakdown}");
    assert!(breakdown.contains(&number), "{breakdown}");
    let (qstatus, qorder): (String, Option<i64>) = quotes::table
        .filter(quotes::number.eq(&number))
        .select((quotes::status, quotes::order_id))
        .first(&mut c)
        .unwrap();
    assert_eq!((qstatus.as_str(), qorder), ("ordered", Some(order_id)));
    // The quoted prices were for these quantities: the order cannot be changed, only re-quoted.
    let order_page = app.get(&placed.location()).await;
    assert_eq!(order_page.count("a.order-change"), 0);
    let change = app
        .get(&placed.location().replacen("?t=", "/change?t=", 1))
        .await;
    assert_eq!(change.status, 303);
    assert!(
        app.get(&change.location())
            .await
            .text("[role=status]")
            .contains("placed from a quote")
    );

    // Ordered once: the quote cannot be accepted or checked out again; the cart kept its line.
    let page = app.get(&url).await;
    assert!(page.text(".quote-status").contains("Ordered"));
    assert_eq!(
        page.count(".quote-accept, .quote-checkout, .quote-reply"),
        0
    );
    assert_eq!(
        app.post_form(&url, &url, &[("action", "accept")])
            .await
            .status,
        409
    );
    let back = app.get(&checkout_url).await;
    assert_eq!(back.status, 303);
    assert_eq!(back.location(), url);
    assert_eq!(app.get("/cart").await.count(".cart-line"), 1);
}

#[tokio::test]
async fn quotes_stay_inside_their_company_and_with_their_buyer() {
    let app = spawn_app().await;
    let product = setup(&app);
    app.login("buyer@nordbygg.example").await;
    let url = request(&app, product, "5", "").await;
    let number = url.trim_start_matches("/b2b/quotes/").to_string();

    // Another company: 404 for the page and its actions; its list does not show it.
    let other = app.another_browser();
    other.login("buyer@kontorsgruppen.example").await;
    assert_eq!(other.get(&url).await.status, 404);
    let token = other.csrf_token("/b2b/quotes").await;
    let acted = other
        .post_raw(&url, &[("action", "withdraw"), ("csrf_token", &token)])
        .await;
    assert_eq!(acted.status, 404);
    assert!(
        !other
            .get("/b2b/quotes")
            .await
            .text("main")
            .contains(&number)
    );
    let checkout = other.get(&format!("/checkout?quote={number}")).await;
    assert_eq!(
        checkout.status, 303,
        "no checkout of another company's quote"
    );

    // The company's approver reads it but cannot act on it; a consumer is refused.
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    let seen = approver.get(&url).await;
    assert_eq!(seen.status, 200);
    assert_eq!(seen.count(".quote-withdraw, .quote-reply"), 0);
    let token = approver.csrf_token(&url).await;
    let refused = approver
        .post_raw(&url, &[("action", "withdraw"), ("csrf_token", &token)])
        .await;
    assert_eq!(refused.status, 403);
    let consumer = app.another_browser();
    consumer.login("shopper@example.com").await;
    assert_eq!(consumer.get("/b2b/quotes").await.status, 403);
    assert_eq!(consumer.get(&url).await.status, 403);
    let visitor = app.another_browser();
    let anon = visitor.get("/b2b/quotes").await;
    assert_eq!(anon.status, 303);
    assert!(anon.location().starts_with("/login"));
    // Buyers do not reach the admin inbox; an unknown action is a bad request.
    assert_eq!(
        app.get(&format!("/admin/quotes/{number}")).await.status,
        403
    );
    let unknown = app.post_form(&url, &url, &[("action", "approve")]).await;
    assert_eq!(unknown.status, 400);

    // The buyer withdraws it; a rep can no longer offer.
    let withdrawn = app.post_form(&url, &url, &[("action", "withdraw")]).await;
    assert_eq!(withdrawn.status, 303);
    assert!(
        app.get(&url)
            .await
            .text(".quote-status")
            .contains("Withdrawn")
    );
    let rep = app.another_browser();
    rep.login("sales@duett.example").await;
    let admin_url = format!("/admin/quotes/{number}");
    let late = offer(&rep, &admin_url, line_id(&app), "900", &in_days(5)).await;
    assert_eq!(late.status, 409);
}

#[tokio::test]
async fn an_expired_offer_cannot_be_taken_but_can_be_renewed() {
    let app = spawn_app().await;
    let product = setup(&app);
    app.login("buyer@nordbygg.example").await;
    let url = request(&app, product, "4", "").await;
    let number = url.trim_start_matches("/b2b/quotes/").to_string();
    let rep = app.another_browser();
    rep.login("admin@duett.example").await;
    let admin_url = format!("/admin/quotes/{number}");
    let line = line_id(&app);
    assert_eq!(
        offer(&rep, &admin_url, line, "900", &in_days(3))
            .await
            .status,
        303
    );
    let yesterday = chrono::Utc::now().naive_utc() - chrono::Duration::days(1);
    let mut c = app.pool.get().unwrap();
    diesel::update(quotes::table.filter(quotes::number.eq(&number)))
        .set(quotes::valid_until.eq(Some(yesterday)))
        .execute(&mut c)
        .unwrap();

    let page = app.get(&url).await;
    assert!(page.text(".quote-status").contains("expired"));
    assert_eq!(page.count(".quote-accept"), 0);
    assert_eq!(
        page.count(".quote-counter"),
        1,
        "a counter-offer asks for a new one"
    );
    let late = app.post_form(&url, &url, &[("action", "accept")]).await;
    assert_eq!(late.status, 409);
    assert!(late.text("[role=alert]").contains("expired"));

    // Accepted just before it ran out: the checkout no longer takes it.
    diesel::update(quotes::table.filter(quotes::number.eq(&number)))
        .set(quotes::status.eq("accepted"))
        .execute(&mut c)
        .unwrap();
    let checkout = app.get(&format!("/checkout?quote={number}")).await;
    assert_eq!(checkout.status, 303);
    assert_eq!(checkout.location(), url);

    // The rep renews the offer; now it can be taken.
    diesel::update(quotes::table.filter(quotes::number.eq(&number)))
        .set(quotes::status.eq("answered"))
        .execute(&mut c)
        .unwrap();
    assert_eq!(
        offer(&rep, &admin_url, line, "880", &in_days(7))
            .await
            .status,
        303
    );
    let accepted = app.post_form(&url, &url, &[("action", "accept")]).await;
    assert_eq!(accepted.status, 303);
    let checkout = app.get(&accepted.location()).await;
    assert_eq!(checkout.status, 200);
    assert!(checkout.text(".summary").contains("SEK 3,520.00"));
}

#[tokio::test]
async fn the_inbox_shows_quotes_waiting_for_the_shop_first_across_pages() {
    let app = spawn_app().await;
    let product = setup(&app);
    app.login("buyer@nordbygg.example").await;
    let url = request(&app, product, "2", "").await;
    let waiting = url.trim_start_matches("/b2b/quotes/").to_string();
    // Sixty newer quotes of the same company that no longer wait: more than one page of them.
    let mut c = app.pool.get().unwrap();
    let (company, buyer, old): (i64, i64, chrono::NaiveDateTime) = quotes::table
        .filter(quotes::number.eq(&waiting))
        .select((quotes::company_id, quotes::requested_by, quotes::updated_at))
        .first(&mut c)
        .unwrap();
    for n in 0..60 {
        let at = old + chrono::Duration::minutes(n + 1);
        diesel::insert_into(quotes::table)
            .values((
                quotes::number.eq(format!("Q-OLD-{n:03}")),
                quotes::company_id.eq(company),
                quotes::requested_by.eq(buyer),
                quotes::status.eq(if n % 2 == 0 { "withdrawn" } else { "declined" }),
                quotes::currency.eq("SEK"),
                quotes::created_at.eq(at),
                quotes::updated_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
    }
    drop(c);
    let rep = app.another_browser();
    rep.login("sales@duett.example").await;
    let first = rep.get("/admin/quotes").await;
    let rows = first.select_texts("tbody tr td:first-child a");
    let waits: Vec<bool> = (1..=rows.len())
        .map(|n| first.count(&format!("tbody tr.row-waiting:nth-child({n})")) == 1)
        .collect();
    assert_eq!(rows.len(), 50, "a page of fifty");
    let waiting_rows = waits.iter().take_while(|w| **w).count();
    assert!(
        waits[waiting_rows..].iter().all(|w| !w),
        "every waiting quote comes before the others"
    );
    assert!(
        rows[..waiting_rows].contains(&waiting),
        "the oldest quote waits and is on the first page: {rows:?}"
    );
    // The newest of those that do not wait follow; page two holds no waiting quote.
    assert_eq!(rows[waiting_rows], "Q-OLD-059");
    let second = rep.get("/admin/quotes?status=&q=&page=2").await;
    assert!(second.count("tbody tr") > 0);
    assert_eq!(second.count("tbody tr.row-waiting"), 0);
    assert!(!second.text("tbody").contains(&waiting));
}
