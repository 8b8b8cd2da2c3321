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

#[tokio::test]
async fn consumers_share_a_product_page_with_their_own_review_form_votes_and_address() {
    use diesel::prelude::*;
    use duett::db::schema::{products, reviews, users};
    let app = spawn_app().await;
    let mut conn = app.pool.get().unwrap();
    // An approved review on a consumer product with few enough reviews to be on its first page.
    let candidates: Vec<(i64, i64, i64, String, String)> = reviews::table
        .inner_join(products::table)
        .filter(reviews::status.eq("approved"))
        .filter(products::audience.ne("b2b"))
        .select((
            reviews::id,
            reviews::user_id,
            products::id,
            products::slug,
            products::sku,
        ))
        .load(&mut conn)
        .unwrap();
    let (review, author, _, slug, sku) = candidates
        .into_iter()
        .find(|(_, _, product, _, _)| {
            let n: i64 = reviews::table
                .filter(reviews::product_id.eq(product))
                .filter(reviews::status.eq("approved"))
                .count()
                .get_result(&mut app.pool.get().unwrap())
                .unwrap();
            n <= 5
        })
        .expect("a reviewed product");
    let author_email: String = users::table
        .find(author)
        .select(users::email)
        .first(&mut conn)
        .unwrap();
    let mut others = [
        "erik@example.com",
        "maja@example.com",
        "shopper@example.com",
    ]
    .into_iter()
    .filter(|e| *e != author_email);
    let (voter_email, bystander_email) = (others.next().unwrap(), others.next().unwrap());
    // Out of stock, so the page has the "tell me when it is back" form with the address filled.
    crate::helpers::stock(&app, &sku, 0);
    let path = format!("/products/{slug}");
    let voter = app.another_browser();
    voter.login(voter_email).await;
    let bystander = app.another_browser();
    bystander.login(bystander_email).await;
    // The bystander first: the page is then kept and shared.
    let first = bystander.get(&path).await;
    assert_eq!(first.status, 200);
    let voted = voter
        .post_form(&format!("/reviews/{review}/helpful"), &path, &[])
        .await;
    assert_eq!(voted.status, 303);
    let wrote = voter
        .post_form(
            &format!("{path}/review"),
            &path,
            &[
                ("rating", "4"),
                ("title", "Sturdy"),
                ("body", "My own words, for my eyes until approved."),
            ],
        )
        .await;
    assert_eq!(wrote.status, 303);
    let vote_form = format!("#review-{review} form");
    for round in 0..3 {
        let v = voter.get(&path).await;
        let b = bystander.get(&path).await;
        assert_eq!((v.status, b.status), (200, 200), "{round}");
        assert_eq!(
            v.attr("#notify-email", "value").as_deref(),
            Some(voter_email),
            "{round}"
        );
        assert_eq!(
            b.attr("#notify-email", "value").as_deref(),
            Some(bystander_email),
            "{round}"
        );
        assert!(
            v.text("textarea[name=body]")
                .contains("My own words, for my eyes"),
            "{round}"
        );
        assert_eq!(b.text("textarea[name=body]"), "", "{round}");
        assert!(!b.text("main").contains("My own words"), "{round}");
        assert_eq!(
            v.count("#reviews .note"),
            1,
            "{round}: waiting for moderation"
        );
        assert_eq!(b.count("#reviews .note"), 0, "{round}");
        assert_eq!(v.count(&vote_form), 0, "{round}: already voted");
        assert_eq!(b.count(&vote_form), 1, "{round}: may vote");
        assert_eq!(v.text("h1"), b.text("h1"));
        let own = |p: &crate::helpers::Page| p.attrs("input[name=csrf_token]", "value");
        let (tv, tb) = (own(&v), own(&b));
        assert!(tv.iter().all(|t| *t == tv[0]) && tb.iter().all(|t| *t == tb[0]));
        assert_ne!(tv[0], tb[0]);
        for page in [&v, &b] {
            let text = page.text("body");
            assert!(
                !text.contains("goes-here") && !text.contains("go-here"),
                "{round}"
            );
        }
    }
    // A visitor still gets "sign in to write a review" and an empty address.
    let visitor = app.another_browser().get(&path).await;
    assert_eq!(visitor.count("textarea[name=body]"), 0);
    assert_eq!(visitor.attr("#notify-email", "value").as_deref(), Some(""));
}

#[tokio::test]
async fn reading_pages_leaves_the_session_cookie_alone() {
    let app = spawn_app().await;
    let visitor = app.another_browser();
    let consumer = app.another_browser();
    consumer.login("erik@example.com").await;
    for browser in [&visitor, &consumer] {
        // The first page may set the cookie (a new CSRF token); reading more pages does not
        // re-send it.
        browser.get("/").await;
        for path in [
            "/",
            "/categories/desks",
            "/search?q=desk",
            "/products/desk-screen-oak-de-01234",
            "/cart",
        ] {
            let page = browser.get(path).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(
                page.headers.get("set-cookie").is_none(),
                "{path}: {:?}",
                page.headers.get("set-cookie")
            );
        }
    }
}
