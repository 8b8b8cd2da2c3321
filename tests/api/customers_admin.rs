//! Consumers in admin: found by name or e-mail with their orders and what they spent; one
//! person's page lists their orders; switching an account off signs them out and keeps them
//! out until it is switched on again. Audited; not for catalog managers.

use crate::helpers::spawn_app;
use crate::returns::{order_number, paid_order, product};
use diesel::prelude::*;
use duett::db::schema::{audit_log, users};

#[tokio::test]
async fn support_finds_a_consumer_with_their_orders_and_switches_the_account_off() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let shopper = app.another_browser();
    shopper.login("shopper@example.com").await;
    paid_order(&shopper, &sku, &slug, "1").await;
    let number = order_number(&app);
    let id: i64 = users::table
        .filter(users::email.eq("shopper@example.com"))
        .select(users::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();

    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let list = staff.get("/admin/customers?q=SHOPPER@example").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.count("table.admin-customers tbody tr"), 1);
    assert_eq!(
        list.text("table.admin-customers tbody td:nth-child(4)"),
        "1"
    );
    assert!(
        list.text("table.admin-customers tbody td:nth-child(5)")
            .starts_with("SEK")
    );
    // Staff and company buyers are not consumers; a search with LIKE wildcards matches nothing.
    let list = staff.get("/admin/customers?q=duett.example").await;
    assert_eq!(list.count("table.admin-customers tbody tr"), 0);
    let list = staff.get("/admin/customers?q=%25").await;
    assert_eq!(list.count("table.admin-customers tbody tr"), 0);
    assert_eq!(
        staff
            .get("/admin/customers?q=nordbygg")
            .await
            .count("table.admin-customers tbody tr"),
        0
    );

    let page = staff.get(&format!("/admin/customers/{id}")).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.attr(".customer-orders tbody a", "href"),
        Some(format!("/admin/orders/{number}"))
    );
    // A company buyer's id is not a consumer's page.
    let buyer: i64 = users::table
        .filter(users::email.eq("buyer@nordbygg.example"))
        .select(users::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(
        staff.get(&format!("/admin/customers/{buyer}")).await.status,
        404
    );

    // Switched off: signed out at once, and cannot sign in again until switched on.
    let path = format!("/admin/customers/{id}");
    let res = staff.post_form(&path, &path, &[("disabled", "1")]).await;
    assert_eq!(res.status, 303);
    assert_eq!(shopper.get("/account").await.status, 303);
    let again = app.another_browser();
    let token = again.csrf_token("/login").await;
    let res = again
        .post_raw(
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "shopper@example.com"),
                ("password", duett::db::seed::DEMO_PASSWORD),
            ],
        )
        .await;
    assert_ne!(res.status, 303, "a switched-off account cannot sign in");
    let list = staff.get("/admin/customers?status=off").await;
    assert_eq!(list.count("table.admin-customers tbody tr"), 1);
    let res = staff.post_form(&path, &path, &[]).await;
    assert_eq!(res.status, 303);
    again.login("shopper@example.com").await;
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("customer_changed"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 2);

    let catalog = app.another_browser();
    catalog.login("catalog@duett.example").await;
    assert_eq!(catalog.get("/admin/customers").await.status, 403);
    assert_eq!(
        catalog
            .post_form(&path, "/admin", &[("disabled", "1")])
            .await
            .status,
        403
    );
}
