//! Whole pages shared between anonymous visitors, and between signed-in consumers
//! (`web::page_cache`): each person's copy carries their own CSRF token and their own header, and
//! nothing personal is ever shared.

use crate::helpers::spawn_app;

const SHARED: [&str; 4] = [
    "/",
    "/categories/desks",
    "/search?q=desk",
    "/products/desk-screen-oak-de-01234",
];

#[tokio::test]
async fn every_visitor_gets_the_shared_page_with_a_token_that_works_only_for_them() {
    let app = spawn_app().await;
    for path in SHARED {
        let first = app.another_browser();
        let second = app.another_browser();
        let a = first.get(path).await;
        let b = second.get(path).await;
        assert_eq!(a.status, 200, "{path}");
        assert_eq!(b.status, 200, "{path}");
        let token_a = a.attr("input[name=csrf_token]", "value").unwrap();
        let token_b = b.attr("input[name=csrf_token]", "value").unwrap();
        assert_ne!(token_a, token_b, "{path}: each visitor has their own token");
        assert_eq!(
            a.text("main"),
            b.text("main"),
            "{path}: the same page otherwise"
        );
        // Every form on the page carries the visitor's own token.
        assert!(
            b.attrs("input[name=csrf_token]", "value")
                .iter()
                .all(|t| *t == token_b),
            "{path}"
        );
        // Someone else's token is refused; one's own works.
        let stolen = second
            .post_raw(
                "/language",
                &[("lang", "sv"), ("next", path), ("csrf_token", &token_a)],
            )
            .await;
        assert_eq!(stolen.status, 403, "{path}");
        let own = second
            .post_raw(
                "/language",
                &[("lang", "sv"), ("next", path), ("csrf_token", &token_b)],
            )
            .await;
        assert_eq!(own.status, 303, "{path}");
        // The language is part of what is shared: the Swedish page now, not the English copy.
        let swedish = second.get(path).await;
        assert_eq!(
            swedish.attr("html", "lang").as_deref(),
            Some("sv"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn signed_in_people_never_get_the_shared_copy_and_visitors_never_get_theirs() {
    let app = spawn_app().await;
    let visitor = app.another_browser();
    let consumer = app.another_browser();
    consumer.login("erik@example.com").await;
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    for path in SHARED {
        // In both orders: a visitor first (the page is then shared), then the signed-in people.
        let before = visitor.get(path).await;
        assert!(!before.text("header").contains("Erik"), "{path}");
        let mine = consumer.get(path).await;
        assert!(
            mine.text("header").contains("Erik"),
            "{path}: {}",
            mine.text("header")
        );
        assert_eq!(mine.theme(), "b2c");
        let portal = buyer.get(path).await;
        assert_eq!(portal.theme(), "b2b", "{path}");
        let after = visitor.get(path).await;
        assert!(!after.text("header").contains("Erik"), "{path}");
        assert_eq!(after.theme(), "b2c");
    }
}

#[tokio::test]
async fn consumers_share_pages_but_each_gets_their_own_header_cart_count_and_token() {
    let app = spawn_app().await;
    let erik = app.another_browser();
    erik.login("erik@example.com").await;
    let sara = app.another_browser();
    sara.login("shopper@example.com").await;
    let (_, sku, slug) = crate::helpers::product_at_1000(&app);
    let product = format!("/products/{slug}");
    let added = sara
        .post_form("/cart/add", &product, &[("sku", &sku), ("quantity", "2")])
        .await;
    assert!(added.status < 400, "{}", added.status);
    // The cart's one-time "Added" message is shown (pages with it are Sara's alone).
    assert!(sara.get("/cart").await.text("main").contains("Added"));
    // The product page shows the person's own review form and address: never shared.
    for path in ["/", "/categories/desks", "/search?q=desk"] {
        // Erik first (the page is then kept), then Sara gets the kept copy, then Erik again.
        for round in 0..2 {
            let e = erik.get(path).await;
            let s = sara.get(path).await;
            assert_eq!((e.status, s.status), (200, 200), "{path}");
            let (eh, sh) = (e.text("header"), s.text("header"));
            assert!(
                eh.contains("Erik Holm") && !eh.contains("Sara"),
                "{path} {round}: {eh}"
            );
            assert!(
                sh.contains("Sara Lind") && !sh.contains("Erik"),
                "{path} {round}: {sh}"
            );
            assert_eq!(e.count(".cart-count"), 0, "{path} {round}");
            assert_eq!(s.text(".cart-count"), "2", "{path} {round}");
            assert_eq!(
                e.text("main"),
                s.text("main"),
                "{path}: the same page otherwise"
            );
            let (te, ts) = (
                e.attrs("input[name=csrf_token]", "value"),
                s.attrs("input[name=csrf_token]", "value"),
            );
            assert!(!te.is_empty() && te.iter().all(|t| *t == te[0]), "{path}");
            assert!(ts.iter().all(|t| *t == ts[0]), "{path}");
            assert_ne!(te[0], ts[0], "{path}");
            // Signed in, the header offers the account, not "Sign in" or "For business".
            assert_eq!(e.count("header a[href='/login']"), 0, "{path}");
            assert_eq!(e.count("header a[href='/business']"), 0, "{path}");
            assert_eq!(e.count("header a[href='/account']"), 1, "{path}");
        }
        let visitor = app.another_browser().get(path).await;
        assert_eq!(visitor.count("header a[href='/login']"), 1, "{path}");
        assert!(!visitor.text("header").contains("Erik"), "{path}");
    }
}
