//! After the order: staff pack, ship (with a tracking number; the reservation becomes a real
//! stock decrease) and deliver; the shopper asks for a return or an exchange from the order page
//! (quantities checked, input kept), prints the slip; staff receive it (back in stock) and refund
//! through the provider once, or send the replacement. Illegal steps are refused.

use crate::helpers::{Page, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, order_events, orders, outbox, products, stock_levels};
use std::collections::HashMap;

/// A consumer product in stock with simple rules and a variant: (id, sku, slug).
pub(crate) fn product(app: &TestApp) -> (i64, String, String) {
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

fn hidden(page: &Page, form: &str) -> HashMap<String, String> {
    let mut f = HashMap::new();
    for name in ["csrf_token", "order_key", "shown_total", "t"] {
        if let Some(v) = page.attr(&format!("{form} input[name={name}]"), "value") {
            f.insert(name.to_string(), v);
        }
    }
    f
}

async fn post(app: &TestApp, path: &str, f: &HashMap<String, String>) -> Page {
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_raw(path, &pairs).await
}

/// A guest buys `quantity` and pays; returns the order page's address.
pub(crate) async fn paid_order(app: &TestApp, sku: &str, slug: &str, quantity: &str) -> String {
    let res = app
        .post_form(
            "/cart/add",
            &format!("/products/{slug}"),
            &[("sku", sku), ("quantity", quantity)],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = app.get("/checkout").await;
    let mut f = hidden(&page, "form.checkout");
    for (k, v) in [
        ("email", "returning.guest@example.com"),
        ("name", "Rut Retur"),
        ("line1", "Storgatan 1"),
        ("postal_code", "41138"),
        ("city", "Göteborg"),
        ("country", "SE"),
        ("delivery", "standard"),
        ("action", "pay"),
    ] {
        f.insert(k.into(), v.into());
    }
    let res = post(app, "/checkout", &f).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let pay_url = res.location();
    let pay = app.get(&pay_url).await;
    let token = pay.attr("input[name=csrf_token]", "value").unwrap();
    let res = app
        .post_raw(
            &pay_url,
            &[
                ("card_number", "4242 4242 4242 4242"),
                ("csrf_token", &token),
            ],
        )
        .await;
    let back = app.get(&res.location()).await;
    back.location()
}

pub(crate) fn order_number(app: &TestApp) -> String {
    orders::table
        .select(orders::number)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

/// Staff takes `step` on the order; returns the answer.
pub(crate) async fn step(staff: &TestApp, number: &str, step: &str, tracking: &str) -> Page {
    let path = format!("/admin/orders/{number}");
    let token = staff.csrf_token(&path).await;
    staff
        .post_raw(
            &format!("{path}/step"),
            &[
                ("csrf_token", &token),
                ("step", step),
                ("tracking", tracking),
            ],
        )
        .await
}

#[tokio::test]
async fn staff_move_an_order_along_and_illegal_steps_are_refused() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "2").await;
    let number = order_number(&app);
    let (on_hand, reserved) = stock(&app, id);
    assert_eq!(reserved, 2);
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let list = staff.get(&format!("/admin/orders?q={number}")).await;
    assert_eq!(list.count("table.admin-orders tbody tr"), 1);
    assert_eq!(
        staff
            .get("/admin/orders?status=shipped")
            .await
            .count("table.admin-orders tbody tr"),
        0
    );
    // Shipping before packing is refused and explained; nothing changes.
    let early = step(&staff, &number, "ship", "JJSE12345678").await;
    assert_eq!(early.status, 422);
    assert!(early.text("[role=alert]").contains("no longer in a status"));
    assert_eq!(step(&staff, &number, "pack", "").await.status, 303);
    // Packing twice: the second is refused.
    assert_eq!(step(&staff, &number, "pack", "").await.status, 422);
    // A tracking number is required and checked; what was typed stays.
    let missing = step(&staff, &number, "ship", "").await;
    assert_eq!(missing.status, 422);
    assert!(missing.text("[role=alert]").contains("tracking number"));
    let bad = step(&staff, &number, "ship", "<b>x</b>").await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.attr("#tracking", "value").as_deref(), Some("<b>x</b>"));
    assert_eq!(
        step(&staff, &number, "ship", "jjse 1234 5678").await.status,
        303
    );
    // Shipping turns the reservation into a real decrease.
    assert_eq!(stock(&app, id), (on_hand - 2, 0));
    let shopper_view = app.get(&order_url).await;
    assert!(
        shopper_view.text(".timeline").contains("JJSE12345678"),
        "{}",
        shopper_view.text(".timeline")
    );
    assert_eq!(step(&staff, &number, "deliver", "").await.status, 303);
    assert_eq!(step(&staff, &number, "cancel", "").await.status, 422);
    assert_eq!(step(&staff, &number, "teleport", "").await.status, 422);
    let page = staff.get(&format!("/admin/orders/{number}")).await;
    assert_eq!(page.count("form.order-step"), 0, "delivered: no steps left");
    assert_eq!(page.text(".tracking-number"), "JJSE12345678");
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("order_step"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 3);
    // A catalog manager may not move orders.
    let catalog = app.another_browser();
    catalog.login("catalog@duett.example").await;
    assert_eq!(step(&catalog, &number, "deliver", "").await.status, 403);
}

/// Pays, packs, ships and delivers an order of `quantity`; returns the order page's address.
pub(crate) async fn delivered(
    app: &TestApp,
    sku: &str,
    slug: &str,
    quantity: &str,
) -> (String, TestApp) {
    let order_url = paid_order(app, sku, slug, quantity).await;
    let number = order_number(app);
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    for (s, t) in [("pack", ""), ("ship", "JJSE12345678"), ("deliver", "")] {
        assert_eq!(step(&staff, &number, s, t).await.status, 303, "{s}");
    }
    (order_url, staff)
}

#[tokio::test]
async fn a_return_is_asked_for_checked_printed_received_and_refunded_once() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    // Before shipping there is no return link, and the form says why.
    let order_url = paid_order(&app, &sku, &slug, "3").await;
    let early = app.get(&order_url).await;
    assert_eq!(early.count("a.order-return"), 0);
    let number = order_number(&app);
    let token = order_url.split("t=").nth(1).unwrap().to_string();
    let form = app.get(&format!("/orders/{number}/return?t={token}")).await;
    assert!(form.text(".return-window").contains("shipped"));
    assert_eq!(form.count("form.return-form"), 0);
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    for (s, t) in [("pack", ""), ("ship", "JJSE12345678"), ("deliver", "")] {
        assert_eq!(step(&staff, &number, s, t).await.status, 303, "{s}");
    }
    let order = app.get(&order_url).await;
    let form_url = order.attr("a.order-return", "href").expect("a return link");
    let form = app.get(&form_url).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.count(".return-lines tbody tr"), 1);
    let qty_name = form
        .attr(".return-lines input[type=number]", "name")
        .unwrap();
    let path = form.attr("form.return-form", "action").unwrap();
    let mut f = hidden(&form, "form.return-form");
    // Too many, no reason: both explained, the input kept.
    f.insert(qty_name.clone(), "4".into());
    f.insert("kind".into(), "return".into());
    f.insert("comment".into(), "Too <b>big</b>".into());
    let refused = post(&app, &path, &f).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text(".field-error").contains("from 0 to 3"));
    assert!(refused.text("#reason-error").contains("reason"));
    assert_eq!(
        refused.attr(&format!("#{qty_name}"), "value").as_deref(),
        Some("4")
    );
    assert_eq!(refused.text("#comment"), "Too <b>big</b>");
    f.insert("reason".into(), "wrong-size".into());
    let refused = post(&app, &path, &f).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text(".field-error").contains("from 0 to 3"),
        "{}",
        refused.text("main")
    );
    for bad in ["1.5", "-1", "two", "0"] {
        f.insert(qty_name.clone(), bad.into());
        assert_eq!(post(&app, &path, &f).await.status, 422, "{bad}");
    }
    f.insert(qty_name.clone(), "2".into());
    let res = post(&app, &path, &f).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let slip_url = res.location();
    assert!(slip_url.starts_with("/returns/R"), "{slip_url}");
    let slip = app.get(&slip_url).await;
    assert_eq!(slip.status, 200);
    assert!(slip.text(".return-status").contains("Requested"));
    assert_eq!(slip.count(".slip-lines tbody tr"), 1);
    assert!(slip.text(".slip-addresses").contains("Duett Returns"));
    // The slip needs the order's token; a guessed number alone shows nothing.
    let number = slip_url.split('?').next().unwrap().to_string();
    assert_eq!(app.get(&number).await.status, 404);
    assert_eq!(app.get(&format!("{number}?t=wrong")).await.status, 404);
    // The confirmation e-mail carries the slip's link.
    let mails: Vec<String> = outbox::table
        .filter(outbox::to_address.eq("returning.guest@example.com"))
        .select(outbox::body_text)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(mails.iter().any(|m| m.contains("/returns/R")), "{mails:?}");
    // Only one unit is left to return now.
    let again = app.get(&form_url).await;
    assert!(again.text(".return-lines").contains("Up to 1"));
    // Staff: received puts two back on the shelf; refund once.
    let return_number = number.trim_start_matches("/returns/").to_string();
    let before = stock(&app, id);
    let admin_path = format!("/admin/returns/{return_number}");
    let queue = staff.get("/admin/returns").await;
    assert!(queue.text("table.admin-returns").contains(&return_number));
    let act = |action: &'static str| {
        let staff = staff.clone_browser();
        let admin_path = admin_path.clone();
        async move {
            let token = staff.csrf_token(&admin_path).await;
            staff
                .post_raw(
                    &format!("{admin_path}/act"),
                    &[("csrf_token", &token), ("action", action), ("note", "")],
                )
                .await
        }
    };
    assert_eq!(act("refund").await.status, 422, "not before it arrives");
    assert_eq!(act("receive").await.status, 303);
    assert_eq!(stock(&app, id), (before.0 + 2, before.1));
    assert_eq!(act("receive").await.status, 422, "received once");
    assert_eq!(
        act("exchange").await.status,
        422,
        "a return is refunded, not exchanged"
    );
    assert_eq!(act("refund").await.status, 303);
    assert_eq!(act("refund").await.status, 422, "refunded once");
    let refunds: Vec<String> = order_events::table
        .filter(order_events::status.eq("refunded"))
        .select(order_events::note)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(refunds.len(), 1);
    assert!(refunds[0].contains("re_test_"), "{refunds:?}");
    let slip = app.get(&slip_url).await;
    assert!(slip.text(".return-status").contains("Refunded"));
    // Two of three paid units: two thirds of the line, exactly (no delivery: not all returned).
    let (total, shipping): (i64, i64) = orders::table
        .select((orders::total_minor, orders::shipping_minor))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let line = total - shipping;
    let refund = slip.text(".return-refund");
    let expected = format!("{:.2}", (line * 2 / 3) as f64 / 100.0);
    assert!(refund.contains(&expected), "{refund} vs {expected}");
    // The staff order page says how much of the order has been given back.
    let order_page = staff
        .get(&format!("/admin/orders/{}", order_number(&app)))
        .await;
    let given_back = order_page.text(".order-refunded");
    assert!(
        given_back.contains(&expected) && given_back.ends_with("has been given back."),
        "{given_back}"
    );
    // The dashboard counts the refund today in the consumer shop's refunds and net revenue.
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let dashboard = admin.get("/admin").await;
    let refunds_today = dashboard.text(".sales-b2c tbody tr:nth-child(2) td");
    assert!(
        refunds_today.replace(',', "").contains(&expected),
        "{refunds_today}"
    );
    let net = format!("{:.2}", (total - line * 2 / 3) as f64 / 100.0);
    let net_today = dashboard.text(".sales-b2c tbody tr:nth-child(3) td");
    assert!(
        net_today.replace(',', "").contains(&net),
        "{net_today} vs {net}"
    );
}

#[tokio::test]
async fn returning_everything_refunds_delivery_and_a_request_can_be_withdrawn() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let (order_url, _) = delivered(&app, &sku, &slug, "1").await;
    let order = app.get(&order_url).await;
    let form_url = order.attr("a.order-return", "href").unwrap();
    let form = app.get(&form_url).await;
    let qty_name = form
        .attr(".return-lines input[type=number]", "name")
        .unwrap();
    let path = form.attr("form.return-form", "action").unwrap();
    let mut f = hidden(&form, "form.return-form");
    f.insert(qty_name, "1".into());
    f.insert("kind".into(), "return".into());
    f.insert("reason".into(), "changed-mind".into());
    let res = post(&app, &path, &f).await;
    assert_eq!(res.status, 303);
    let slip_url = res.location();
    let slip = app.get(&slip_url).await;
    let total: i64 = orders::table
        .select(orders::total_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let expected = format!("{:.2}", total as f64 / 100.0);
    assert!(
        slip.text(".return-refund").contains(&expected),
        "all returned: goods and delivery, {expected}: {}",
        slip.text(".return-refund")
    );
    // Nothing left to return: the order page no longer offers it.
    assert_eq!(app.get(&order_url).await.count("a.order-return"), 0);
    // Withdraw: the units can be asked for again.
    let mut w = hidden(&slip, "form.cancel-return");
    w.insert(
        "t".into(),
        slip.attr("form.cancel-return input[name=t]", "value")
            .unwrap(),
    );
    let path = slip.attr("form.cancel-return", "action").unwrap();
    assert_eq!(post(&app, &path, &w).await.status, 303);
    let slip = app.get(&slip_url).await;
    assert!(slip.text(".return-status").contains("Withdrawn"));
    assert_eq!(slip.count("form.cancel-return"), 0);
    assert_eq!(app.get(&order_url).await.count("a.order-return"), 1);
}

#[tokio::test]
async fn the_window_closes_after_the_set_number_of_days() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let (order_url, _) = delivered(&app, &sku, &slug, "1").await;
    let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(31);
    diesel::update(order_events::table.filter(order_events::status.eq("delivered")))
        .set(order_events::created_at.eq(long_ago))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let order = app.get(&order_url).await;
    assert_eq!(order.count("a.order-return"), 0);
    let token = order_url.split("t=").nth(1).unwrap();
    let number = order_number(&app);
    let form = app.get(&format!("/orders/{number}/return?t={token}")).await;
    assert!(form.text(".return-window").contains("closed"));
    assert_eq!(form.count("form.return-form"), 0);
}

#[tokio::test]
async fn an_exchange_swaps_to_a_variant_in_stock_and_sends_it() {
    let app = spawn_app().await;
    // Two variants of the same thing at the same price, both in stock.
    let (id, sku, slug) = product(&app);
    let (group, price): (Option<String>, i64) = products::table
        .find(id)
        .select((products::variant_group, products::list_price_minor))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let other: i64 = products::table
        .inner_join(stock_levels::table)
        .filter(products::variant_group.eq(group))
        .filter(products::id.ne(id))
        .filter(stock_levels::on_hand.ge(2))
        .select(products::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    diesel::update(products::table.find(other))
        .set(products::list_price_minor.eq(price))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let (order_url, staff) = delivered(&app, &sku, &slug, "1").await;
    let form_url = app
        .get(&order_url)
        .await
        .attr("a.order-return", "href")
        .unwrap();
    let form = app.get(&form_url).await;
    let qty_name = form
        .attr(".return-lines input[type=number]", "name")
        .unwrap();
    let swap_name = qty_name.replace("qty_", "swap_");
    assert!(form.count(&format!("select[name={swap_name}] option[value='{other}']")) == 1);
    let path = form.attr("form.return-form", "action").unwrap();
    let mut f = hidden(&form, "form.return-form");
    f.insert(qty_name, "1".into());
    f.insert("kind".into(), "exchange".into());
    f.insert("reason".into(), "wrong-size".into());
    // An exchange without a variant is explained.
    let refused = post(&app, &path, &f).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text(".field-error").contains("variant"));
    f.insert(swap_name, other.to_string());
    let res = post(&app, &path, &f).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let slip_url = res.location();
    let return_number = slip_url
        .trim_start_matches("/returns/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let before = stock(&app, other);
    let admin_path = format!("/admin/returns/{return_number}");
    for action in ["receive", "exchange"] {
        let token = staff.csrf_token(&admin_path).await;
        let res = staff
            .post_raw(
                &format!("{admin_path}/act"),
                &[("csrf_token", &token), ("action", action)],
            )
            .await;
        assert_eq!(res.status, 303, "{action}: {}", res.text("main"));
    }
    assert_eq!(
        stock(&app, other).0,
        before.0 - 1,
        "the replacement left the shelf"
    );
    let slip = app.get(&slip_url).await;
    assert!(slip.text(".return-status").contains("Exchanged"));
}

#[tokio::test]
async fn rejecting_needs_a_note_the_shopper_sees() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let (order_url, staff) = delivered(&app, &sku, &slug, "1").await;
    let form_url = app
        .get(&order_url)
        .await
        .attr("a.order-return", "href")
        .unwrap();
    let form = app.get(&form_url).await;
    let qty_name = form
        .attr(".return-lines input[type=number]", "name")
        .unwrap();
    let path = form.attr("form.return-form", "action").unwrap();
    let mut f = hidden(&form, "form.return-form");
    f.insert(qty_name, "1".into());
    f.insert("kind".into(), "return".into());
    f.insert("reason".into(), "other".into());
    let slip_url = post(&app, &path, &f).await.location();
    let number = slip_url
        .trim_start_matches("/returns/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let admin_path = format!("/admin/returns/{number}");
    let token = staff.csrf_token(&admin_path).await;
    let refused = staff
        .post_raw(
            &format!("{admin_path}/act"),
            &[("csrf_token", &token), ("action", "reject"), ("note", " ")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("[role=alert]").contains("note"));
    let done = staff
        .post_raw(
            &format!("{admin_path}/act"),
            &[
                ("csrf_token", &token),
                ("action", "reject"),
                ("note", "Used <i>items</i> cannot be returned."),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    let slip = app.get(&slip_url).await;
    assert!(slip.text(".return-status").contains("Not accepted"));
    assert!(
        slip.text(".note")
            .contains("Used <i>items</i> cannot be returned.")
    );
    // Nobody but staff acts on returns: a visitor is sent to sign in, a shopper is refused.
    let token = app.csrf_token(&slip_url).await;
    let act = [("csrf_token", token.as_str()), ("action", "receive")];
    let res = app.post_raw(&format!("{admin_path}/act"), &act).await;
    assert!(res.location().starts_with("/login"), "{}", res.location());
    let shopper = app.another_browser();
    shopper.login("shopper@example.com").await;
    let token = shopper.csrf_token("/").await;
    let res = shopper
        .post_raw(
            &format!("{admin_path}/act"),
            &[("csrf_token", &token), ("action", "receive")],
        )
        .await;
    assert_eq!(res.status, 403);
    let slip = app.get(&slip_url).await;
    assert!(slip.text(".return-status").contains("Not accepted"));
}

#[tokio::test]
async fn staff_cancelling_a_paid_order_frees_the_stock_and_refunds_it() {
    let app = spawn_app().await;
    let (id, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "1").await;
    let number = order_number(&app);
    let staff = app.another_browser();
    staff.login("sales@duett.example").await;
    assert_eq!(step(&staff, &number, "cancel", "").await.status, 303);
    assert_eq!(stock(&app, id).1, 0);
    let timeline = app.get(&order_url).await.text(".timeline");
    assert!(
        timeline.contains("Cancelled") && timeline.contains("re_test_"),
        "{timeline}"
    );
}
