//! `/` picks the theme by principal: B2C for visitors and consumers, B2B for company users.

use crate::helpers::spawn_app;

#[tokio::test]
async fn visitors_get_the_consumer_home_with_current_promotions_and_vat_included() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2c");
    assert_eq!(page.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(page.count("h1"), 1);
    let promos = page.select_texts(".promo h2");
    assert!(
        promos.iter().any(|t| t.contains("Winter tool week")),
        "{promos:?}"
    );
    // Scheduled for later, already over, members-only and business-only banners stay hidden.
    for hidden in [
        "Spring garden preview",
        "Black Week is over",
        "Members get free delivery",
        "Net 60",
    ] {
        assert!(
            !promos.iter().any(|t| t.contains(hidden)),
            "{hidden} should not show: {promos:?}"
        );
    }
    assert!(page.count("#featured-track .card") >= 6);
    assert!(page.count("#newest-track .card") >= 6);
    assert_eq!(page.count(".tiles .tile"), 12);
    let notes = page.select_texts("#featured-track .price-note");
    assert!(notes.iter().all(|n| n == "incl. VAT"), "{notes:?}");
    // Every card links to a product page that exists.
    let href = page.attr("#featured-track .card-link", "href").unwrap();
    assert_eq!(app.get(&href).await.status, 200);
}

#[tokio::test]
async fn signed_in_consumers_stay_in_the_consumer_theme_and_see_member_promotions() {
    let app = spawn_app().await;
    let res = app.login("shopper@example.com").await;
    assert_eq!(res.location(), "/");
    let page = app.get("/").await;
    assert_eq!(page.theme(), "b2c");
    assert!(page.text(".who").contains("Sara Lind"));
    assert!(
        page.select_texts(".promo h2")
            .iter()
            .any(|t| t.contains("Members get free delivery"))
    );
}

#[tokio::test]
async fn a_company_buyer_gets_the_business_home_at_the_same_address() {
    let app = spawn_app().await;
    app.login("buyer@nordbygg.example").await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2b");
    assert!(page.text("h1").contains("Britt Bygg"));
    assert!(page.text(".who").contains("Nordbygg AB"));
    // Content targeted at the company's industry comes first; other industries' demos do not show.
    let demos = page.select_texts(".demo h3");
    assert!(
        demos.iter().any(|d| d.contains("battery system")),
        "{demos:?}"
    );
    assert!(!demos.iter().any(|d| d.contains("kitchen")), "{demos:?}");
    let content = page.select_texts(".content-cards h3");
    assert!(
        content.first().is_some_and(|c| c.contains("screws")
            || c.contains("Nordbygg")
            || c.contains("brushless")),
        "{content:?}"
    );
    assert!(
        !content.iter().any(|c| c.contains("restaurant")),
        "{content:?}"
    );
    let notes = page.select_texts("#b2b-track .price-note");
    assert!(
        !notes.is_empty() && notes.iter().all(|n| n == "excl. VAT"),
        "{notes:?}"
    );
    let stats = page.select_texts(".stats li");
    assert!(
        stats.iter().any(|s| s.contains("SEK 250,000.00")),
        "credit limit shows: {stats:?}"
    );
    assert!(
        page.text(".credit-used").starts_with("(used SEK ")
            && page.text(".credit-used").ends_with(" of SEK 250,000.00)"),
        "credit used shows: {stats:?}"
    );
    assert_eq!(page.count(".stats a[href='/b2b/quotes']"), 1);
    // Business-only content opens for a company user.
    let href = page.attr(".demo h3 a", "href").unwrap();
    let article = app.get(&href).await;
    assert_eq!(article.status, 200);
    assert_eq!(article.theme(), "b2b");
}

#[tokio::test]
async fn a_person_in_two_companies_gets_the_business_home() {
    let app = spawn_app().await;
    app.login("consultant@example.com").await;
    let page = app.get("/").await;
    assert_eq!(page.theme(), "b2b");
}

#[tokio::test]
async fn staff_land_in_admin_and_see_the_shop_as_consumers() {
    let app = spawn_app().await;
    let res = app.login("admin@duett.example").await;
    assert_eq!(res.location(), "/admin");
    let admin = app.get("/admin").await;
    assert_eq!(admin.status, 200);
    assert_eq!(admin.theme(), "admin");
    let queues = admin.select_texts(".queue");
    assert!(
        queues
            .iter()
            .any(|q| q.contains("Business applications") && q.starts_with('1')),
        "{queues:?}"
    );
    assert!(
        queues
            .iter()
            .any(|q| q.contains("Active products") && q.starts_with("300")),
        "{queues:?}"
    );
    let shop = app.get("/").await;
    assert_eq!(shop.theme(), "b2c");
    assert_eq!(shop.count(".staff-bar a[href='/admin']"), 1);
}

#[tokio::test]
async fn every_staff_role_opens_the_dashboard_and_nobody_else_does() {
    let app = spawn_app().await;
    for email in [
        "admin@duett.example",
        "sales@duett.example",
        "support@duett.example",
        "catalog@duett.example",
    ] {
        app.login(email).await;
        assert_eq!(app.get("/admin").await.status, 200, "{email}");
        app.post_form("/logout", "/", &[]).await;
    }
    for (email, theme) in [
        ("shopper@example.com", "b2c"),
        ("buyer@nordbygg.example", "b2b"),
    ] {
        app.login(email).await;
        let page = app.get("/admin").await;
        assert_eq!(page.status, 403, "{email}");
        assert_eq!(page.theme(), theme, "{email}");
        app.post_form("/logout", "/", &[]).await;
    }
    let anon = app.get("/admin").await;
    assert_eq!(anon.status, 303);
    assert_eq!(anon.location(), "/login?next=%2Fadmin");
}
