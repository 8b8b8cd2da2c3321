//! "Notify me when it is back": offered only for products out of stock, open to guests, checked,
//! and recorded once per address.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{products, stock_levels};

fn product_where(app: &TestApp, out_of_stock: bool) -> (i64, String) {
    let rows: Vec<(i64, String, i32, i32)> = products::table
        .inner_join(stock_levels::table)
        .filter(products::audience.ne("b2b"))
        .filter(products::active.eq(true))
        .select((
            products::id,
            products::slug,
            stock_levels::on_hand,
            stock_levels::reserved,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    rows.into_iter()
        .find(|(_, _, on_hand, reserved)| (on_hand - reserved <= 0) == out_of_stock)
        .map(|(id, slug, _, _)| (id, slug))
        .expect("the demo data has such a product")
}

#[tokio::test]
async fn a_guest_asks_to_hear_when_a_product_is_back() {
    let app = spawn_app().await;
    let (id, slug) = product_where(&app, true);
    let path = format!("/products/{slug}");
    let page = app.get(&path).await;
    assert_eq!(page.text(".buybox .stock"), "Out of stock");
    assert_eq!(page.count(".notify-form"), 1);
    let action = format!("{path}/notify");
    let bad = app
        .post_form(&action, &path, &[("email", "not-an-address")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#notify-error").contains("name@example.com"));
    assert_eq!(
        bad.attr("#notify-email", "value").as_deref(),
        Some("not-an-address")
    );
    let waiting = |app: &TestApp| {
        duett::db::back_in_stock::waiting(&mut app.pool.get().unwrap(), id).unwrap()
    };
    assert_eq!(waiting(&app), 0);
    let ok = app
        .post_form(&action, &path, &[("email", "Guest@Example.com")])
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.location(), path);
    assert!(
        app.get(&path)
            .await
            .text("[role=status]")
            .contains("back in stock")
    );
    app.post_form(&action, &path, &[("email", "guest@example.com")])
        .await;
    assert_eq!(waiting(&app), 1, "one wish per address");
}

#[tokio::test]
async fn the_form_is_only_for_products_out_of_stock_and_prefilled_for_members() {
    let app = spawn_app().await;
    let (_, in_stock) = product_where(&app, false);
    assert_eq!(
        app.get(&format!("/products/{in_stock}"))
            .await
            .count(".notify-form"),
        0
    );
    let (_, out) = product_where(&app, true);
    app.login("erik@example.com").await;
    let page = app.get(&format!("/products/{out}")).await;
    assert_eq!(
        page.attr("#notify-email", "value").as_deref(),
        Some("erik@example.com")
    );
    assert_eq!(
        app.post_form(
            "/products/no-such-thing/notify",
            "/",
            &[("email", "a@example.com")]
        )
        .await
        .status,
        404
    );
}

#[tokio::test]
async fn waiting_people_are_mailed_once_when_the_product_can_be_bought_again() {
    let app = spawn_app().await;
    let (id, slug) = product_where(&app, true);
    let path = format!("/products/{slug}");
    let action = format!("{path}/notify");
    app.post_form(&action, &path, &[("email", "waiting@example.com")])
        .await;
    let compose = |name: &str, slug: &str| (format!("{name} is back"), format!("/products/{slug}"));
    let now = chrono::Utc::now().naive_utc();
    let run = || {
        duett::db::back_in_stock::notify_available(&mut app.pool.get().unwrap(), &compose, now)
            .unwrap()
    };
    assert_eq!(run(), 0, "still out of stock: nothing sent");
    // Stock arrives (a delivery, a cancelled order, an unpaid one that expired).
    diesel::update(stock_levels::table.find(id))
        .set((stock_levels::on_hand.eq(3), stock_levels::reserved.eq(0)))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(run(), 1);
    assert_eq!(run(), 0, "once");
    let mails: Vec<(String, String)> = duett::db::schema::outbox::table
        .filter(duett::db::schema::outbox::to_address.eq("waiting@example.com"))
        .select((
            duett::db::schema::outbox::subject,
            duett::db::schema::outbox::body_text,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].1.contains(&path));
    assert_eq!(
        duett::db::back_in_stock::waiting(&mut app.pool.get().unwrap(), id).unwrap(),
        0
    );
}
