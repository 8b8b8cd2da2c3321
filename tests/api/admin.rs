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
                "/admin/faq",
                "/admin/promotions",
                "/admin/reviews",
                "/admin/outbox",
                "/admin/audit",
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
                "/admin/reviews",
                "/admin/outbox",
            ],
            &[
                "/admin/quotes",
                "/admin/demos",
                "/admin/act-for",
                "/admin/applications",
                "/admin/promotions",
                "/admin/audit",
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
            ],
            &[
                "/admin/cases",
                "/admin/chats",
                "/admin/returns",
                "/admin/faq",
                "/admin/promotions",
                "/admin/reviews",
                "/admin/outbox",
                "/admin/audit",
            ],
        ),
        (
            "catalog@duett.example",
            &["/admin", "/admin/promotions", "/admin/reviews"],
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
                "/admin/outbox",
                "/admin/audit",
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
