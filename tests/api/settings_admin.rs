//! Shop settings in admin: the shop's name (every page's frame follows at once), the return
//! window, VAT rates (consumer prices follow) and delivery methods (checkout follows) — each
//! form checked with its input kept, audited, for administrators only.

use crate::helpers::{TestApp, product_at_1000, spawn_app};
use diesel::prelude::*;
use duett::db::schema::audit_log;

fn setting_changes(app: &TestApp) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.eq("settings_changed"))
        .order(audit_log::id)
        .select(audit_log::subject_id)
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn an_administrator_renames_the_shop_and_every_frame_follows() {
    let app = spawn_app().await;
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let page = admin.get("/admin/settings").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attr("#shop_name", "value").as_deref(), Some("Duett"));
    assert_eq!(page.attr("#return_days", "value").as_deref(), Some("30"));

    let res = admin
        .post_form(
            "/admin/settings/shop",
            "/admin/settings",
            &[("shop_name", "D"), ("return_days", "two weeks")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#shop_name-error").contains("2 to 60"));
    assert!(res.text("#return_days-error").contains("0 to 365"));
    assert_eq!(
        res.attr("#return_days", "value").as_deref(),
        Some("two weeks")
    );

    let res = admin
        .post_form(
            "/admin/settings/shop",
            "/admin/settings",
            &[("shop_name", "Duett Nord"), ("return_days", "14")],
        )
        .await;
    assert_eq!(res.status, 303);
    let shopper = app.another_browser();
    let home = shopper.get("/").await;
    assert!(home.text(".site-header .logo").contains("Duett Nord"));
    assert!(home.text("title").ends_with("· Duett Nord"));
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    assert!(
        buyer
            .get("/")
            .await
            .text(".site-header .logo")
            .contains("Duett Nord")
    );
    let page = admin.get("/admin/settings").await;
    assert!(page.text(".admin-side .logo").contains("Duett Nord"));
    assert_eq!(page.attr("#return_days", "value").as_deref(), Some("14"));
    // The storefront menu is the shown top-level categories, translated where the shop has it.
    assert_eq!(
        home.attrs(".main-nav a[href^='/categories/']", "href"),
        [
            "/categories/construction",
            "/categories/office",
            "/categories/hospitality"
        ]
    );
    assert_eq!(
        home.text(".main-nav a[href='/categories/office']"),
        "Office"
    );
    assert_eq!(setting_changes(&app), ["shop"]);

    // Not for other staff.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get("/admin/settings").await.status, 403);
    let res = sales
        .post_form(
            "/admin/settings/shop",
            "/account",
            &[("shop_name", "Mine"), ("return_days", "1")],
        )
        .await;
    assert_eq!(res.status, 403);
}

#[tokio::test]
async fn vat_rates_and_delivery_methods_change_what_shoppers_pay() {
    let app = spawn_app().await;
    let (_, sku, slug) = product_at_1000(&app);
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let shopper = app.another_browser();
    let before = shopper.get(&format!("/products/{slug}")).await;
    assert_eq!(before.text(".buybox .price-amount"), "SEK 1,250.00");

    // A rate over 100 % is refused next to the field, the typed value kept.
    let res = admin
        .post_form(
            "/admin/settings/vat/standard",
            "/admin/settings",
            &[("name", "Standard rate"), ("rate", "250")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#rate-standard-rate-error").contains("0 to 100"));
    assert_eq!(
        res.attr("#rate-standard-rate", "value").as_deref(),
        Some("250")
    );
    let res = admin
        .post_form(
            "/admin/settings/vat/standard",
            "/admin/settings",
            &[("name", "Standard rate"), ("rate", "12,5")],
        )
        .await;
    assert_eq!(res.status, 303);
    let after = shopper.get(&format!("/products/{slug}")).await;
    assert_eq!(after.text(".buybox .price-amount"), "SEK 1,125.00");
    assert_eq!(
        admin
            .get("/admin/settings")
            .await
            .attr("#rate-standard-rate", "value")
            .as_deref(),
        Some("12,5")
    );
    assert_eq!(
        admin
            .post_form(
                "/admin/settings/vat/nothing",
                "/admin/settings",
                &[("name", "Nothing"), ("rate", "5")],
            )
            .await
            .status,
        404
    );

    // A new delivery method is offered at checkout; one switched off is not.
    let res = admin
        .post_form(
            "/admin/settings/delivery",
            "/admin/settings",
            &[
                ("name", "Evening delivery"),
                ("price", "79"),
                ("free_over", ""),
                ("min_days", "3"),
                ("max_days", "1"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text("#new-max_days-error")
            .contains("cannot be quicker")
    );
    assert_eq!(
        res.attr("#new-name", "value").as_deref(),
        Some("Evening delivery")
    );
    let res = admin
        .post_form(
            "/admin/settings/delivery",
            "/admin/settings",
            &[
                ("name", "Evening delivery"),
                ("price", "79"),
                ("free_over", ""),
                ("min_days", "1"),
                ("max_days", "2"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = admin
        .post_form(
            "/admin/settings/delivery/express",
            "/admin/settings",
            &[
                ("name", "Express next day"),
                ("price", "119.20"),
                ("free_over", ""),
                ("min_days", "1"),
                ("max_days", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let added = shopper
        .post_form("/cart/add", "/cart", &[("sku", &sku), ("quantity", "1")])
        .await;
    assert_eq!(added.status, 303);
    let checkout = shopper.get("/checkout").await;
    assert_eq!(checkout.status, 200);
    // 79 kr excl. VAT is 98.75 with 25 % VAT.
    assert!(
        checkout
            .text("label[for='delivery-evening_delivery']")
            .contains("SEK 98.75"),
        "{}",
        checkout.text("label[for='delivery-evening_delivery']")
    );
    assert_eq!(checkout.count("#delivery-express"), 0);

    // The last method offered cannot be switched off.
    let page = admin.get("/admin/settings").await;
    let codes: Vec<String> = page
        .attrs("form.delivery-method[id^='delivery-']", "id")
        .into_iter()
        .map(|id| id.trim_start_matches("delivery-").to_string())
        .collect();
    let mut last = None;
    for code in &codes {
        let res = admin
            .post_form(
                &format!("/admin/settings/delivery/{code}"),
                "/admin/settings",
                &[
                    ("name", "Some method"),
                    ("price", "10"),
                    ("free_over", ""),
                    ("min_days", "1"),
                    ("max_days", "2"),
                ],
            )
            .await;
        if res.status == 422 {
            last = Some((code.clone(), res));
        }
    }
    let (code, res) = last.expect("the last offered method is kept");
    assert!(
        res.text(&format!("#method-{code}-active-error"))
            .contains("only method offered")
    );
    let changes = setting_changes(&app);
    assert_eq!(changes[0], "vat:standard");
    assert!(changes.contains(&"delivery:evening_delivery".to_string()));
    assert!(changes.contains(&"delivery:express".to_string()));
}
