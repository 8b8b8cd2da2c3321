//! Staff roles: every admin route states who may use it, the menu shows only that, others get 403.

use crate::helpers::spawn_app;

#[tokio::test]
async fn each_role_sees_only_its_pages_and_is_refused_elsewhere() {
    let app = spawn_app().await;
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "admin@duett.example",
            &[
                "/admin",
                "/admin/orders",
                "/admin/quotes",
                "/admin/demos",
                "/admin/act-for",
                "/admin/cases",
                "/admin/chats",
                "/admin/returns",
                "/admin/applications",
                "/admin/content",
                "/admin/files",
                "/admin/testimonials",
                "/admin/faq",
                "/admin/customers",
                "/admin/companies",
                "/admin/prices",
                "/admin/products",
                "/admin/categories",
                "/admin/brands",
                "/admin/promotions",
                "/admin/coupons",
                "/admin/cart-rules",
                "/admin/reviews",
                "/admin/outbox",
                "/admin/staff",
                "/admin/audit",
                "/admin/settings",
            ],
            &[],
        ),
        (
            "support@duett.example",
            &[
                "/admin",
                "/admin/orders",
                "/admin/cases",
                "/admin/chats",
                "/admin/returns",
                "/admin/faq",
                "/admin/customers",
                "/admin/reviews",
                "/admin/outbox",
            ],
            &[
                "/admin/quotes",
                "/admin/demos",
                "/admin/act-for",
                "/admin/applications",
                "/admin/content",
                "/admin/files",
                "/admin/testimonials",
                "/admin/companies",
                "/admin/prices",
                "/admin/products",
                "/admin/categories",
                "/admin/brands",
                "/admin/promotions",
                "/admin/coupons",
                "/admin/cart-rules",
                "/admin/staff",
                "/admin/audit",
                "/admin/settings",
            ],
        ),
        (
            "sales@duett.example",
            &[
                "/admin",
                "/admin/orders",
                "/admin/quotes",
                "/admin/demos",
                "/admin/act-for",
                "/admin/applications",
                "/admin/content",
                "/admin/files",
                "/admin/customers",
                "/admin/companies",
                "/admin/prices",
            ],
            &[
                "/admin/cases",
                "/admin/chats",
                "/admin/returns",
                "/admin/testimonials",
                "/admin/faq",
                "/admin/products",
                "/admin/categories",
                "/admin/brands",
                "/admin/promotions",
                "/admin/coupons",
                "/admin/cart-rules",
                "/admin/reviews",
                "/admin/outbox",
                "/admin/staff",
                "/admin/audit",
                "/admin/settings",
            ],
        ),
        (
            "catalog@duett.example",
            &[
                "/admin",
                "/admin/content",
                "/admin/files",
                "/admin/testimonials",
                "/admin/products",
                "/admin/categories",
                "/admin/brands",
                "/admin/promotions",
                "/admin/coupons",
                "/admin/cart-rules",
                "/admin/reviews",
            ],
            &[
                "/admin/orders",
                "/admin/quotes",
                "/admin/demos",
                "/admin/act-for",
                "/admin/cases",
                "/admin/chats",
                "/admin/returns",
                "/admin/applications",
                "/admin/faq",
                "/admin/customers",
                "/admin/companies",
                "/admin/prices",
                "/admin/outbox",
                "/admin/staff",
                "/admin/audit",
                "/admin/settings",
            ],
        ),
    ];
    for (email, allowed, refused) in cases {
        let browser = app.another_browser();
        browser.login(email).await;
        let dashboard = browser.get("/admin").await;
        let menu: Vec<String> = dashboard
            .attrs(".admin-side nav a", "href")
            .into_iter()
            .filter(|h| h != "/")
            .collect();
        assert_eq!(&menu, allowed, "{email}'s menu");
        for path in *allowed {
            let page = browser.get(path).await;
            assert_eq!(page.status, 200, "{email} {path}");
            assert_eq!(page.theme(), "admin");
            assert_eq!(
                page.count(&format!(".admin-side a[href='{path}'][aria-current=page]")),
                1,
                "{path} is marked current"
            );
        }
        for path in *refused {
            let page = browser.get(path).await;
            assert_eq!(page.status, 403, "{email} {path}");
            assert_eq!(page.theme(), "admin");
        }
    }
    for path in ["/admin/outbox", "/admin/audit"] {
        assert_eq!(app.get(path).await.status, 303, "anonymous: sign in first");
    }
    let shopper = app.another_browser();
    shopper.login("shopper@example.com").await;
    assert_eq!(shopper.get("/admin/outbox").await.status, 403);
}

#[tokio::test]
async fn support_reads_the_outbox_filtered_by_recipient() {
    let app = spawn_app().await;
    app.post_form(
        "/password/forgot",
        "/password/forgot",
        &[("email", "erik@example.com")],
    )
    .await;
    app.post_form(
        "/password/forgot",
        "/password/forgot",
        &[("email", "maja@example.com")],
    )
    .await;
    let support = app.another_browser();
    support.login("support@duett.example").await;
    let all = support.get("/admin/outbox").await;
    assert_eq!(all.count("table.data tbody tr"), 2);
    let page = support.get("/admin/outbox?to=Erik@example.com").await;
    assert_eq!(
        page.select_texts("table.data tbody td:nth-child(2)"),
        vec!["erik@example.com"]
    );
    assert!(page.text("table.data summary").contains("Reset"));
    assert_eq!(
        page.attr("input[name=to]", "value").as_deref(),
        Some("erik@example.com")
    );
}

#[tokio::test]
async fn the_audit_log_lists_sign_ins() {
    let app = spawn_app().await;
    app.login("admin@duett.example").await;
    let page = app.get("/admin/audit").await;
    assert!(
        page.select_texts("table.data td:nth-child(3)")
            .contains(&"sign_in".to_string())
    );
}

#[tokio::test]
async fn the_audit_log_filters_by_action_person_subject_and_days_and_pages() {
    use diesel::prelude::*;
    use duett::db::schema::audit_log;
    let app = spawn_app().await;
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    app.another_browser().login("shopper@example.com").await;
    // Sixty more entries so the log runs over a page.
    for i in 0..60 {
        duett::db::audit::log(
            &mut app.pool.get().unwrap(),
            None,
            "test_step",
            "order",
            &format!("T-{i:03}"),
        )
        .unwrap();
    }
    let actions = |page: &crate::helpers::Page| page.select_texts(".audit-log td:nth-child(3)");
    let sign_ins = admin.get("/admin/audit?action=sign_in").await;
    assert_eq!(sign_ins.status, 200);
    let found = actions(&sign_ins);
    assert!(
        found.len() >= 2 && found.iter().all(|a| a == "sign_in"),
        "{found:?}"
    );
    let shopper = admin
        .get("/admin/audit?action=sign_in&actor=SHOPPER@example")
        .await;
    assert_eq!(actions(&shopper).len(), 1, "by e-mail, in any case");
    assert!(shopper.text(".audit-log").contains("shopper@example.com"));
    let one = admin
        .get("/admin/audit?subject_type=order&subject=T-042")
        .await;
    assert_eq!(
        one.select_texts(".audit-log td:nth-child(4)"),
        ["order T-042"]
    );
    // Days: two days ago and before hold nothing; a date that cannot be read is said and ignored.
    let two_days_ago = (chrono::Utc::now() - chrono::Duration::days(2)).format("%Y-%m-%d");
    let old = admin.get(&format!("/admin/audit?to={two_days_ago}")).await;
    assert_eq!(old.count(".audit-log"), 0);
    assert!(old.text("main").contains("No entries match"));
    let bad = admin
        .get("/admin/audit?from=last+week&action=test_step")
        .await;
    assert_eq!(bad.status, 200);
    assert!(bad.text("#from-error").contains("2026-12-04"));
    assert_eq!(actions(&bad).len(), 50, "a page holds 50");
    let next = bad
        .attr(".pagination a[rel=next]", "href")
        .expect("a next page");
    let second = admin.get(&next).await;
    assert_eq!(actions(&second).len(), 10);
    assert!(second.attr(".pagination a[rel=prev]", "href").is_some());
    // Unknown filter values are ignored, never an error.
    let odd = admin
        .get("/admin/audit?action=%3Cscript%3E&subject_type=nope&page=-5")
        .await;
    assert_eq!(odd.status, 200);
    let total: i64 = audit_log::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(actions(&odd).len() as i64, total.min(50));
}

#[tokio::test]
async fn the_dashboard_counts_todays_paid_orders_per_shop_and_draws_them() {
    use diesel::prelude::*;
    use duett::db::schema::orders;
    let app = spawn_app().await;
    let (_, sku, slug) = crate::returns::product(&app);
    // A figure's cells (today, 7 days, 30 days): rows are revenue, refunds, net revenue, orders,
    // average order, new customers.
    let cells = |page: &crate::helpers::Page, shop: &str, row: usize| -> Vec<String> {
        page.select_texts(&format!(".sales-{shop} tbody tr:nth-child({row}) td"))
    };
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let before = admin.get("/admin").await;
    assert_eq!(cells(&before, "b2c", 4), ["0", "0", "0"], "no demo orders");
    // A guest pays an order: the consumer shop's figures grow by it, the business portal's do not.
    crate::returns::paid_order(&app, &sku, &slug, "2").await;
    let total: i64 = orders::table
        .select(orders::total_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let after = admin.get("/admin").await;
    assert_eq!(after.status, 200);
    let amount =
        duett::domain::money::Money::from_minor(total, duett::domain::money::Currency::Sek)
            .format("en")
            .replace('\u{a0}', " ");
    assert_eq!(
        cells(&after, "b2c", 1),
        [amount.clone(), amount.clone(), amount.clone()]
    );
    assert_eq!(cells(&after, "b2c", 4), ["1", "1", "1"]);
    assert_eq!(
        cells(&after, "b2c", 5),
        [amount.clone(), amount.clone(), amount.clone()]
    );
    assert_eq!(cells(&after, "b2b", 4), ["0", "0", "0"]);
    let zero = "SEK 0.00".to_string();
    assert_eq!(
        cells(&after, "b2c", 2),
        [zero.clone(), zero.clone(), zero.clone()]
    );
    assert!(after.text(".top-products").contains(&sku));
    // The chart: an accessible picture with 30 bars, the same figures as a table.
    assert_eq!(after.count("svg.bar-chart[role=img]"), 2);
    assert_eq!(
        after.count(".sales-shop:first-of-type svg rect.chart-bar"),
        30
    );
    assert!(
        after
            .text("#chart-b2c-desc")
            .replace('\u{a0}', " ")
            .contains(&amount)
    );
    assert_eq!(
        after.count(".sales-shop:first-of-type .chart-data tbody tr"),
        30
    );
    // Queues link to the page that works them, for a role that may open it.
    assert_eq!(after.count(".queues a[href='/admin/chats']"), 1);
    // Money given back from the order's page counts as refunds; revenue stays as ordered and
    // the net is the difference.
    let number: String = orders::table
        .select(orders::number)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let path = format!("/admin/orders/{number}");
    let key = admin
        .get(&path)
        .await
        .attr("form.order-refund input[name=key]", "value")
        .unwrap();
    let given = admin
        .post_form(
            &format!("{path}/refund"),
            &path,
            &[("amount", "100"), ("note", "Price match"), ("key", &key)],
        )
        .await;
    assert_eq!(given.status, 303);
    let refunded = admin.get("/admin").await;
    let hundred = "SEK 100.00".to_string();
    assert_eq!(
        cells(&refunded, "b2c", 1),
        [amount.clone(), amount.clone(), amount.clone()]
    );
    assert_eq!(
        cells(&refunded, "b2c", 2),
        [hundred.clone(), hundred.clone(), hundred.clone()]
    );
    let net = duett::domain::money::Money::from_minor(
        total - 10_000,
        duett::domain::money::Currency::Sek,
    )
    .format("en")
    .replace('\u{a0}', " ");
    assert_eq!(cells(&refunded, "b2c", 3), [net.clone(), net.clone(), net]);
    assert_eq!(
        cells(&refunded, "b2b", 2),
        [zero.clone(), zero.clone(), zero]
    );
    // Support agents and catalog managers see the queues, not the sales.
    for who in ["support@duett.example", "catalog@duett.example"] {
        let staff = app.another_browser();
        staff.login(who).await;
        let page = staff.get("/admin").await;
        assert_eq!(page.status, 200);
        assert_eq!(page.count(".sales"), 0, "{who}");
        assert_eq!(
            page.count(".queues a[href='/admin/quotes']"),
            0,
            "{who} cannot open quotes"
        );
    }
}
