//! Coupons at checkout: applied and shown in the summary, explained when they cannot be used,
//! redeemed once in the order's transaction (also when many race for the last use), and given
//! back when the payment is declined.

use crate::helpers::{Page, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{coupons, orders, products, stock_levels};
use std::collections::HashMap;

fn product(app: &TestApp) -> (String, String, i64) {
    products::table
        .inner_join(stock_levels::table)
        .filter(products::audience.eq("both"))
        .filter(products::active.eq(true))
        .filter(products::min_qty.eq(1))
        .filter(products::qty_step.eq(1))
        .filter(products::tax_class.eq("standard"))
        .filter(products::list_price_minor.ge(40_000))
        .filter(stock_levels::on_hand.ge(10))
        .select((products::sku, products::slug, products::id))
        .order(products::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn add_coupon(app: &TestApp, code: &str, kind: &str, bp: i32, max_uses: Option<i32>) {
    diesel::insert_into(coupons::table)
        .values((
            coupons::code.eq(code),
            coupons::kind.eq(kind),
            coupons::value_bp.eq(bp),
            coupons::max_uses.eq(max_uses),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
}

fn uses(app: &TestApp, code: &str) -> i32 {
    coupons::table
        .filter(coupons::code.eq(code))
        .select(coupons::uses)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn cart_with(app: &TestApp, sku: &str, slug: &str) {
    let res = app
        .post_form(
            "/cart/add",
            &format!("/products/{slug}"),
            &[("sku", sku), ("quantity", "1")],
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
        ("email", "coupon.user@example.com"),
        ("name", "Cia Kupong"),
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

#[tokio::test]
async fn a_coupon_shows_in_the_summary_and_is_redeemed_with_the_order() {
    let app = spawn_app().await;
    let (sku, slug, _) = product(&app);
    cart_with(&app, &sku, &slug).await;
    let page = app.get("/checkout").await;
    let before = page.text(".checkout-total");
    // Typed in lower case with a space: still the code.
    let applied = post(&app, &form(&page, " welcome10", "update")).await;
    assert_eq!(applied.status, 200);
    assert!(
        applied
            .text(".cart-summary")
            .contains("Discount (WELCOME10)"),
        "{}",
        applied.text(".cart-summary")
    );
    assert_ne!(applied.text(".checkout-total"), before);
    let placed = post(&app, &form(&applied, "welcome10", "pay")).await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let (code, discount, subtotal, total, shipping): (Option<String>, i64, i64, i64, i64) =
        orders::table
            .select((
                orders::coupon_code,
                orders::discount_minor,
                orders::subtotal_minor,
                orders::total_minor,
                orders::shipping_minor,
            ))
            .first(&mut app.pool.get().unwrap())
            .unwrap();
    assert_eq!(code.as_deref(), Some("WELCOME10"));
    assert!(discount > 0);
    assert_eq!(
        total,
        subtotal + shipping,
        "the subtotal is after the discount"
    );
    assert_eq!(uses(&app, "WELCOME10"), 1);
    // Once per customer: the same address cannot use it again.
    let again = app.another_browser();
    cart_with(&again, &sku, &slug).await;
    let page = again.get("/checkout").await;
    let refused = post(&again, &form(&page, "WELCOME10", "update")).await;
    assert!(refused.text("#coupon-error").contains("already used"));
}

#[tokio::test]
async fn codes_that_cannot_be_used_are_explained_next_to_the_field() {
    let app = spawn_app().await;
    let (sku, slug, _) = product(&app);
    cart_with(&app, &sku, &slug).await;
    diesel::insert_into(coupons::table)
        .values((
            coupons::code.eq("OLD"),
            coupons::kind.eq("percent"),
            coupons::value_bp.eq(500),
            coupons::ends_at.eq(chrono::Utc::now().naive_utc() - chrono::Duration::days(1)),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    diesel::insert_into(coupons::table)
        .values((
            coupons::code.eq("BIG"),
            coupons::kind.eq("percent"),
            coupons::value_bp.eq(500),
            coupons::min_subtotal_minor.eq(100_000_000),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let page = app.get("/checkout").await;
    for (code, message) in [
        ("NOPE", "do not know that code"),
        ("old", "has expired"),
        ("BIG", "at least"),
    ] {
        let res = post(&app, &form(&page, code, "update")).await;
        assert!(
            res.text("#coupon-error").contains(message),
            "{code}: {}",
            res.text("#coupon-error")
        );
        assert_eq!(res.attr("#coupon", "value").as_deref(), Some(code), "kept");
        // Paying with it places nothing and says why.
        let pay = post(&app, &form(&res, code, "pay")).await;
        assert_eq!(pay.status, 409, "{code}");
        assert!(pay.text("#coupon-error").contains(message));
    }
    let count: i64 = orders::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_one_use_coupon_raced_by_thirty_checkouts_is_redeemed_once() {
    let app = spawn_app().await;
    let (sku, slug, _) = product(&app);
    add_coupon(&app, "ONCE", "percent", 2000, Some(1));
    let mut buyers = Vec::new();
    for i in 0..30 {
        let buyer = app.another_browser();
        cart_with(&buyer, &sku, &slug).await;
        let page = buyer.get("/checkout").await;
        let applied = post(&buyer, &form(&page, "ONCE", "update")).await;
        assert!(applied.text(".cart-summary").contains("ONCE"));
        let mut f = form(&applied, "ONCE", "pay");
        f.insert("email".into(), format!("racer{i}@example.com"));
        buyers.push((buyer, f));
    }
    let mut tasks = Vec::new();
    for (buyer, f) in buyers {
        tasks.push(tokio::spawn(async move { post(&buyer, &f).await.status }));
    }
    let mut placed = 0;
    for t in tasks {
        match t.await.unwrap() {
            303 => placed += 1,
            409 => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(placed, 1);
    assert_eq!(uses(&app, "ONCE"), 1);
}

#[tokio::test]
async fn a_declined_payment_gives_the_coupon_use_back() {
    let app = spawn_app().await;
    let (sku, slug, _) = product(&app);
    add_coupon(&app, "LASTONE", "percent", 1000, Some(1));
    cart_with(&app, &sku, &slug).await;
    let page = app.get("/checkout").await;
    let applied = post(&app, &form(&page, "LASTONE", "update")).await;
    let res = post(&app, &form(&applied, "LASTONE", "pay")).await;
    assert_eq!(res.status, 303);
    assert_eq!(uses(&app, "LASTONE"), 1);
    let pay_url = res.location();
    let token = app
        .get(&pay_url)
        .await
        .attr("input[name=csrf_token]", "value")
        .unwrap();
    let back = app
        .post_raw(
            &pay_url,
            &[
                ("card_number", "4000 0000 0000 0002"),
                ("csrf_token", &token),
            ],
        )
        .await;
    let declined = app.get(&back.location()).await;
    assert_eq!(declined.location(), "/checkout");
    assert_eq!(uses(&app, "LASTONE"), 0, "the use is given back");
    let page = app.get("/checkout").await;
    assert_eq!(
        page.attr("#coupon", "value").as_deref(),
        Some("LASTONE"),
        "the form is kept"
    );
    assert!(
        page.text(".cart-summary").contains("LASTONE"),
        "and the code still applies"
    );
}

#[tokio::test]
async fn staff_make_a_coupon_that_checkout_honours_and_follow_its_uses() {
    use duett::db::schema::audit_log;
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    // Every problem at once, what was typed kept; then a code another coupon has.
    let refused = staff
        .post_form(
            "/admin/coupons",
            "/admin/coupons/new",
            &[
                ("code", "spring 25"),
                ("kind", "percent"),
                ("value", "150"),
                ("max_uses", "0"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#value-error").contains("at most 100"));
    assert!(refused.text("#max_uses-error").contains("whole number"));
    assert_eq!(refused.attr("#code", "value").as_deref(), Some("spring 25"));
    let taken = staff
        .post_form(
            "/admin/coupons",
            "/admin/coupons/new",
            &[
                ("code", "welcome10"),
                ("kind", "free_delivery"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(taken.status, 422);
    assert_eq!(taken.text("#code-error"), "Another coupon has this code.");

    let made = staff
        .post_form(
            "/admin/coupons",
            "/admin/coupons/new",
            &[
                ("code", "spring 25"),
                ("kind", "percent"),
                ("value", "25"),
                ("max_uses", "1"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text("main"));
    let edit_path = made.location();
    let row = |page: &Page| {
        page.select_texts(".admin-coupons tbody tr")
            .into_iter()
            .find(|r| r.contains("SPRING25"))
            .unwrap_or_default()
    };
    let list = staff.get("/admin/coupons").await;
    assert!(row(&list).contains("25 % off"), "{}", row(&list));
    assert!(row(&list).contains("0 of 1"));
    assert!(row(&list).contains("Usable"));

    // A shopper uses it at checkout.
    let (sku, slug, _) = product(&app);
    cart_with(&app, &sku, &slug).await;
    let page = app.get("/checkout").await;
    let applied = post(&app, &form(&page, "spring25", "update")).await;
    assert!(
        applied
            .text(".cart-summary")
            .contains("Discount (SPRING25)"),
        "{}",
        applied.text(".cart-summary")
    );
    let placed = post(&app, &form(&applied, "spring25", "pay")).await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let list = staff.get("/admin/coupons").await;
    assert!(row(&list).contains("1 of 1"), "{}", row(&list));
    assert!(row(&list).contains("Used up"));

    // Switching it off keeps its uses; both steps are audited.
    let edit = staff.get(&edit_path).await;
    assert_eq!(edit.attr("#value", "value").as_deref(), Some("25"));
    assert!(edit.text(".coupon-used").contains("once"));
    let off = staff
        .post_form(
            &edit_path,
            &edit_path,
            &[
                ("code", "SPRING25"),
                ("kind", "percent"),
                ("value", "25"),
                ("max_uses", "1"),
            ],
        )
        .await;
    assert_eq!(off.status, 303);
    assert_eq!(uses(&app, "SPRING25"), 1);
    assert!(row(&staff.get("/admin/coupons?q=spring").await).contains("Switched off"));
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject_type.eq("coupon"))
        .select(audit_log::action)
        .order(audit_log::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(actions, ["coupon_create", "coupon_update"]);
    // Only administrators and catalog managers.
    for (who, status) in [
        ("support@duett.example", 403),
        ("sales@duett.example", 403),
        ("admin@duett.example", 200),
    ] {
        let other = app.another_browser();
        other.login(who).await;
        assert_eq!(other.get("/admin/coupons").await.status, status, "{who}");
    }
}
