//! Automatic cart rules: "3 for 2 on tableware" shows in the cart and at checkout and is stored
//! with the order; a coupon that does not combine gives way to it (and is not redeemed) when the
//! rule saves more; a stackable coupon comes on top; a rule out of its window does nothing.

use crate::helpers::{Page, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{
    cart_rules, categories, coupons, order_lines, orders, products, stock_levels,
};
use std::collections::HashMap;

/// A tableware product consumers can buy three of: (sku, slug).
fn cup(app: &TestApp) -> (String, String) {
    products::table
        .inner_join(stock_levels::table)
        .inner_join(categories::table)
        .filter(categories::slug.eq("tableware"))
        .filter(products::audience.eq("both"))
        .filter(products::active.eq(true))
        .filter(products::min_qty.eq(1))
        .filter(products::qty_step.eq(1))
        .filter(stock_levels::on_hand.ge(10))
        .select((products::sku, products::slug))
        .order(products::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn three_cups(app: &TestApp) {
    let (sku, slug) = cup(app);
    let res = app
        .post_form(
            "/cart/add",
            &format!("/products/{slug}"),
            &[("sku", sku.as_str()), ("quantity", "3")],
        )
        .await;
    assert_eq!(res.status, 303);
}

fn form(page: &Page, coupon: &str, action: &str) -> HashMap<String, String> {
    let mut f: HashMap<String, String> = HashMap::new();
    for name in ["csrf_token", "order_key", "shown_total"] {
        f.insert(
            name.into(),
            page.attr(&format!("form.checkout input[name={name}]"), "value")
                .unwrap_or_default(),
        );
    }
    for (k, v) in [
        ("email", "rule.user@example.com"),
        ("name", "Regina Regel"),
        ("line1", "Storgatan 1"),
        ("postal_code", "41138"),
        ("city", "Göteborg"),
        ("country", "SE"),
        ("delivery", "standard"),
        ("coupon", coupon),
        ("action", action),
    ] {
        f.insert(k.into(), v.into());
    }
    f
}

async fn post(app: &TestApp, f: &HashMap<String, String>) -> Page {
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_raw("/checkout", &pairs).await
}

/// (coupon code, discount, subtotal) of the one order.
fn placed(app: &TestApp) -> (Option<String>, i64, i64) {
    orders::table
        .select((
            orders::coupon_code,
            orders::discount_minor,
            orders::subtotal_minor,
        ))
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn uses(app: &TestApp, code: &str) -> i32 {
    coupons::table
        .filter(coupons::code.eq(code))
        .select(coupons::uses)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn three_for_two_shows_in_the_cart_and_checkout_and_is_kept_with_the_order() {
    let app = spawn_app().await;
    three_cups(&app).await;
    let cart = app.get("/cart").await;
    let summary = cart.text(".cart-summary");
    assert!(summary.contains("3 for 2 on tableware"), "{summary}");
    let page = app.get("/checkout").await;
    assert!(page.text(".cart-summary").contains("3 for 2 on tableware"));
    let res = post(&app, &form(&page, "", "pay")).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let (code, discount, subtotal) = placed(&app);
    assert_eq!(code, None);
    // One of three equal cups is free: a third of the goods, exactly (the stored subtotal is
    // after the discount).
    assert_eq!(discount * 2, subtotal);
    let line_discount: i64 = order_lines::table
        .select(order_lines::discount_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(line_discount, discount);
}

#[tokio::test]
async fn a_coupon_that_does_not_combine_gives_way_when_the_offer_saves_more() {
    let app = spawn_app().await;
    // 200 kr a cup incl. VAT: three reach WELCOME10's 300 kr minimum, and a free cup (200 kr)
    // beats 10 % (60 kr).
    let (sku, _) = cup(&app);
    diesel::update(products::table.filter(products::sku.eq(&sku)))
        .set(products::list_price_minor.eq(16_000))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    three_cups(&app).await;
    let page = app.get("/checkout").await;
    let with_code = post(&app, &form(&page, "welcome10", "update")).await;
    assert_eq!(with_code.status, 200);
    assert_eq!(
        with_code.count("#coupon-error"),
        0,
        "{}",
        with_code.text("main")
    );
    let summary = with_code.text(".cart-summary");
    assert!(summary.contains("3 for 2 on tableware"), "{summary}");
    assert!(summary.contains("−SEK 200.00"), "{summary}");
    assert!(!summary.contains("Discount (WELCOME10)"), "{summary}");
    assert!(
        with_code.text(".coupon-note").contains("WELCOME10"),
        "{}",
        with_code.text("main")
    );
    let res = post(&app, &form(&with_code, "welcome10", "pay")).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let (code, discount, subtotal) = placed(&app);
    assert_eq!(code, None, "a coupon that gave way is not recorded");
    assert_eq!((discount, subtotal), (20_000, 40_000));
    assert_eq!(uses(&app, "WELCOME10"), 0, "nor redeemed");
}

#[tokio::test]
async fn a_stackable_coupon_comes_on_top_of_the_offer() {
    let app = spawn_app().await;
    diesel::insert_into(coupons::table)
        .values((
            coupons::code.eq("ALSO5"),
            coupons::kind.eq("percent"),
            coupons::value_bp.eq(500),
            coupons::stackable.eq(true),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    three_cups(&app).await;
    let page = app.get("/checkout").await;
    let with_code = post(&app, &form(&page, "ALSO5", "update")).await;
    let summary = with_code.text(".cart-summary");
    assert!(summary.contains("3 for 2 on tableware"), "{summary}");
    assert!(summary.contains("Discount (ALSO5)"), "{summary}");
    assert_eq!(with_code.count(".coupon-note"), 0);
    let res = post(&app, &form(&with_code, "ALSO5", "pay")).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let (code, discount, subtotal) = placed(&app);
    assert_eq!(code.as_deref(), Some("ALSO5"));
    let goods = subtotal + discount;
    let after_rule = goods - goods / 3;
    // 5 % of what is left after the free cup, rounded half away from zero.
    let five = (after_rule * 5 + 50) / 100;
    assert_eq!(discount, goods / 3 + five);
    assert_eq!(uses(&app, "ALSO5"), 1);
}

#[tokio::test]
async fn a_rule_outside_its_window_or_switched_off_takes_nothing() {
    let app = spawn_app().await;
    three_cups(&app).await;
    let yesterday = chrono::Utc::now().naive_utc() - chrono::Duration::days(1);
    diesel::update(cart_rules::table)
        .set(cart_rules::ends_at.eq(Some(yesterday)))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let cart = app.get("/cart").await;
    assert!(!cart.text(".cart-summary").contains("3 for 2"));
    diesel::update(cart_rules::table)
        .set((
            cart_rules::ends_at.eq(None::<chrono::NaiveDateTime>),
            cart_rules::active.eq(false),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let page = app.get("/checkout").await;
    assert!(!page.text(".cart-summary").contains("3 for 2"));
    let res = post(&app, &form(&page, "", "pay")).await;
    assert_eq!(res.status, 303);
    assert_eq!(placed(&app).1, 0);
}

/// Staff manage the rules in admin: a refused form keeps what was typed; a rule switched off
/// leaves the cart at once; a new rule on a category applies at once; both audited.
#[tokio::test]
async fn catalog_managers_change_cart_rules_and_carts_follow() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let list = staff.get("/admin/cart-rules").await;
    assert_eq!(list.status, 200);
    assert!(
        list.text("table.admin-cart-rules")
            .contains("Buy 3, pay for 2")
    );
    // Searched by words in the name or what a rule covers, in any case.
    let found = staff.get("/admin/cart-rules?q=TABLEWARE+3").await;
    let names = found.select_texts("table.admin-cart-rules tbody td:first-child a");
    assert!(
        !names.is_empty() && names.iter().all(|n| n.to_lowercase().contains("tableware")),
        "{names:?}"
    );
    let none = staff.get("/admin/cart-rules?q=zebra").await;
    assert_eq!(none.count("table.admin-cart-rules"), 0);
    assert_eq!(none.attr("#q", "value").as_deref(), Some("zebra"));
    let rule: i64 = cart_rules::table
        .filter(cart_rules::name.eq("3 for 2 on tableware"))
        .select(cart_rules::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let tableware: i64 = categories::table
        .filter(categories::slug.eq("tableware"))
        .select(categories::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let path = format!("/admin/cart-rules/{rule}");
    let edit = staff.get(&path).await;
    assert_eq!(edit.attr("#buy", "value").as_deref(), Some("3"));
    assert_eq!(
        edit.attr("#category option[selected]", "value"),
        Some(tableware.to_string())
    );

    // Refused: paying for as many as bought; what was typed stays.
    let mut fields = vec![
        ("name", "3 for 2 on tableware"),
        ("kind", "buy_x_pay_y"),
        ("buy", "3"),
        ("pay", "3"),
        ("percent", ""),
        ("brand", ""),
        ("starts", ""),
        ("ends", ""),
    ];
    let tw = tableware.to_string();
    fields.push(("category", &tw));
    let res = staff.post_form(&path, &path, &fields).await;
    assert_eq!(res.status, 422);
    assert!(res.text("#pay-error").contains("fewer than"));
    assert_eq!(res.attr("#pay", "value").as_deref(), Some("3"));

    // Switched off (no `active`): the cart no longer takes it off.
    fields.retain(|(k, _)| *k != "pay");
    fields.push(("pay", "2"));
    let res = staff.post_form(&path, &path, &fields).await;
    assert_eq!(res.status, 303);
    three_cups(&app).await;
    let cart = app.get("/cart").await;
    assert!(!cart.text(".cart-summary").contains("3 for 2"));
    let list = staff.get("/admin/cart-rules").await;
    assert!(list.text("table.admin-cart-rules").contains("Switched off"));

    // A new rule: 20 % off tableware, on now.
    let res = staff
        .post_form(
            "/admin/cart-rules",
            "/admin/cart-rules/new",
            &[
                ("name", "Tableware week"),
                ("kind", "percent_off"),
                ("buy", ""),
                ("pay", ""),
                ("percent", "20"),
                ("category", &tw),
                ("brand", ""),
                ("starts", ""),
                ("ends", ""),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let cart = app.get("/cart").await;
    assert!(cart.text(".cart-summary").contains("Tableware week"));
    let audited: i64 = duett::db::schema::audit_log::table
        .filter(duett::db::schema::audit_log::action.like("cart_rule_%"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 2);
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get("/admin/cart-rules").await.status, 403);
}
