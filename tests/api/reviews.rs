//! Reviews: one per person and product, moderation before they show, plain text only, verified
//! buyers, "helpful" votes once per person, and who may do what.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{order_lines, orders, products, reviews, users};

/// A consumer-visible product nobody has reviewed: (id, slug).
fn unreviewed_product(app: &TestApp) -> (i64, String) {
    let reviewed: Vec<i64> = reviews::table
        .select(reviews::product_id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    products::table
        .filter(products::audience.ne("b2b"))
        .filter(products::id.ne_all(reviewed))
        .order(products::id.asc())
        .select((products::id, products::slug))
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn user_id(app: &TestApp, email: &str) -> i64 {
    users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn reviews_of(app: &TestApp, product: i64) -> Vec<(i64, String, String, bool)> {
    reviews::table
        .filter(reviews::product_id.eq(product))
        .select((
            reviews::user_id,
            reviews::status,
            reviews::body,
            reviews::verified_buyer,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn write(app: &TestApp, slug: &str, rating: &str, body: &str) -> crate::helpers::Page {
    let path = format!("/products/{slug}");
    app.post_form(
        &format!("{path}/review"),
        &path,
        &[("rating", rating), ("title", "My view"), ("body", body)],
    )
    .await
}

#[tokio::test]
async fn a_review_shows_only_after_moderation_and_edits_go_back_to_it() {
    let app = spawn_app().await;
    let (id, slug) = unreviewed_product(&app);
    let path = format!("/products/{slug}");
    // Visitors are invited to sign in; no form.
    let visitor = app.get(&path).await;
    assert_eq!(visitor.count(".review-form"), 0);
    assert!(
        visitor
            .attr("#reviews a[href^='/login']", "href")
            .unwrap()
            .contains("next=")
    );
    assert_eq!(visitor.text("#reviews .muted"), "0 reviews");

    app.login("erik@example.com").await;
    let res = write(&app, &slug, "4", "Sturdy and quiet.\nWould buy again.").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), format!("{path}#reviews"));
    let mine = app.get(&path).await;
    assert!(
        mine.text("[role=status]")
            .contains("once it has been checked")
    );
    assert!(
        mine.text(".reviews .note")
            .contains("waiting for moderation")
    );
    assert_eq!(mine.attr("#review-body", "value"), None);
    assert_eq!(
        mine.text("#review-body"),
        "Sturdy and quiet.\nWould buy again.".replace('\n', " ")
    );
    assert_eq!(
        mine.attr("input[name=rating][checked]", "value").as_deref(),
        Some("4")
    );
    // Not public yet.
    assert_eq!(
        app.another_browser()
            .get(&path)
            .await
            .count(".review-items li"),
        0
    );

    // Staff approve it; now everyone sees it, with the author's first name only.
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let queue = staff.get("/admin/reviews").await;
    assert!(
        queue
            .select_texts(".pending-review")
            .iter()
            .any(|t| t.contains("Sturdy and quiet."))
    );
    // The queue is searched by SKU (any case) and filtered by stars.
    let sku: String = duett::db::schema::products::table
        .find(id)
        .select(duett::db::schema::products::sku)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let texts = |page: &crate::helpers::Page| page.select_texts(".pending-review");
    let found = staff
        .get(&format!("/admin/reviews?q={}", sku.to_lowercase()))
        .await;
    assert_eq!(texts(&found).len(), 1);
    assert!(texts(&found)[0].contains("Sturdy and quiet."));
    let four = staff.get(&format!("/admin/reviews?q={sku}&stars=4")).await;
    assert_eq!(texts(&four).len(), 1);
    let one = staff.get(&format!("/admin/reviews?q={sku}&stars=1")).await;
    assert_eq!(texts(&one).len(), 0);
    let nothing = staff.get("/admin/reviews?q=zebra%25_").await;
    assert_eq!(nothing.status, 200);
    assert_eq!(texts(&nothing).len(), 0);
    assert_eq!(
        nothing.attr("#q", "value").as_deref(),
        Some("zebra%_"),
        "what was searched stays in the box"
    );
    let review_id = reviews::table
        .filter(reviews::product_id.eq(id))
        .select(reviews::id)
        .first::<i64>(&mut app.pool.get().unwrap())
        .unwrap();
    let res = staff
        .post_form(
            &format!("/admin/reviews/{review_id}/approve"),
            "/admin/reviews",
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    let public = app.another_browser().get(&path).await;
    assert_eq!(public.count(".review-items li"), 1);
    assert!(public.text(".review-meta").starts_with("Erik ·"));
    assert!(!public.text(".review-meta").contains("Holm"));
    assert_eq!(public.text("#reviews .muted"), "1 review");
    assert!(public.text(".buybox .rating").contains("4.0 / 5"));

    // One review per person: writing again replaces it and sends it back to moderation.
    let res = write(&app, &slug, "2", "Changed my mind after a month.").await;
    assert_eq!(res.status, 303);
    let rows = reviews_of(&app, id);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, "pending");
    assert_eq!(rows[0].2, "Changed my mind after a month.");
    assert_eq!(
        app.another_browser()
            .get(&path)
            .await
            .count(".review-items li"),
        0
    );
}

#[tokio::test]
async fn bad_reviews_are_explained_on_the_page_and_nothing_is_saved() {
    let app = spawn_app().await;
    let (id, slug) = unreviewed_product(&app);
    app.login("maja@example.com").await;
    let cases = [
        ("", "A perfectly fine text.", "#rating-error", "1 to 5"),
        ("9", "A perfectly fine text.", "#rating-error", "1 to 5"),
        ("3", "Too short", "#body-error", "at least 10"),
        (
            "3",
            "Great <script>alert(1)</script> stuff",
            "#body-error",
            "HTML",
        ),
    ];
    for (rating, body, selector, message) in cases {
        let page = write(&app, &slug, rating, body).await;
        assert_eq!(page.status, 422, "{body}");
        assert!(
            page.text(selector).contains(message),
            "{body}: {}",
            page.text(selector)
        );
        assert_eq!(page.text("#review-body"), body, "what was typed is kept");
        assert_eq!(page.count("main script"), 0);
    }
    assert!(reviews_of(&app, id).is_empty());
}

#[tokio::test]
async fn only_signed_in_consumers_write_reviews() {
    let app = spawn_app().await;
    let (id, slug) = unreviewed_product(&app);
    let anonymous = write(&app, &slug, "5", "I have not even bought it.").await;
    assert_eq!(anonymous.status, 303);
    assert!(anonymous.location().starts_with("/login"));
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let page = buyer.get(&format!("/products/{slug}")).await;
    assert_eq!(page.count(".review-form"), 0);
    let res = write(&buyer, &slug, "5", "A business buyer's opinion.").await;
    assert_eq!(res.status, 403);
    assert!(reviews_of(&app, id).is_empty());
    // Unknown products are 404.
    let shopper = app.another_browser();
    shopper.login("erik@example.com").await;
    assert_eq!(
        write(&shopper, "no-such-product", "5", "Does not exist at all.")
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn buyers_of_the_product_are_marked_verified() {
    let app = spawn_app().await;
    let (id, slug) = unreviewed_product(&app);
    let erik = user_id(&app, "erik@example.com");
    let mut conn = app.pool.get().unwrap();
    let order: i64 = diesel::insert_into(orders::table)
        .values((
            orders::number.eq("T-1"),
            orders::public_token.eq("t1"),
            orders::segment.eq("b2c"),
            orders::user_id.eq(erik),
            orders::email.eq("erik@example.com"),
            orders::status.eq("delivered"),
            orders::payment_method.eq("card"),
            orders::subtotal_minor.eq(100),
            orders::tax_minor.eq(25),
            orders::total_minor.eq(125),
            orders::idempotency_key.eq("k1"),
        ))
        .returning(orders::id)
        .get_result(&mut conn)
        .unwrap();
    diesel::insert_into(order_lines::table)
        .values((
            order_lines::order_id.eq(order),
            order_lines::product_id.eq(id),
            order_lines::sku.eq("X"),
            order_lines::name.eq("X"),
            order_lines::quantity.eq(1),
            order_lines::unit_price_minor.eq(100),
            order_lines::tax_rate_bp.eq(2500),
            order_lines::tax_minor.eq(25),
            order_lines::line_total_minor.eq(125),
        ))
        .execute(&mut conn)
        .unwrap();
    app.login("erik@example.com").await;
    write(&app, &slug, "5", "Bought it, love it.").await;
    let maja = app.another_browser();
    maja.login("maja@example.com").await;
    write(&maja, &slug, "3", "Tried it in the store.").await;
    let rows = reviews_of(&app, id);
    let verified: Vec<bool> = [erik, user_id(&app, "maja@example.com")]
        .iter()
        .map(|u| rows.iter().find(|r| r.0 == *u).unwrap().3)
        .collect();
    assert_eq!(verified, vec![true, false]);
}

#[tokio::test]
async fn helpful_votes_count_once_per_person_and_never_for_oneself() {
    let app = spawn_app().await;
    let mut conn = app.pool.get().unwrap();
    let (review, author, slug): (i64, i64, String) = reviews::table
        .inner_join(products::table)
        .filter(reviews::status.eq("approved"))
        .filter(products::audience.ne("b2b"))
        .select((reviews::id, reviews::user_id, products::slug))
        .first(&mut conn)
        .unwrap();
    let count = |conn: &mut duett::db::DbConn| -> i32 {
        reviews::table
            .find(review)
            .select(reviews::helpful_count)
            .first(conn)
            .unwrap()
    };
    let before = count(&mut conn);
    let voter_email = if user_id(&app, "erik@example.com") == author {
        "maja@example.com"
    } else {
        "erik@example.com"
    };
    app.login(voter_email).await;
    let path = format!("/products/{slug}");
    let res = app
        .post_form(&format!("/reviews/{review}/helpful"), &path, &[])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), format!("{path}#review-{review}"));
    assert_eq!(count(&mut conn), before + 1);
    assert!(
        app.get(&path)
            .await
            .text("[role=status]")
            .contains("Thank you for your vote")
    );
    app.post_form(&format!("/reviews/{review}/helpful"), &path, &[])
        .await;
    assert_eq!(count(&mut conn), before + 1, "a second vote is not counted");
    // The author cannot vote for their own review.
    let author_email: String = users::table
        .find(author)
        .select(users::email)
        .first(&mut conn)
        .unwrap();
    let own = app.another_browser();
    own.login(&author_email).await;
    own.post_form(&format!("/reviews/{review}/helpful"), &path, &[])
        .await;
    assert_eq!(count(&mut conn), before + 1);
    // Visitors must sign in; unknown reviews are 404.
    let visitor = app.another_browser();
    let res = visitor
        .post_form(&format!("/reviews/{review}/helpful"), &path, &[])
        .await;
    assert_eq!(res.status, 303);
    assert!(res.location().starts_with("/login"));
    assert_eq!(
        app.post_form("/reviews/999999/helpful", &path, &[])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn moderators_reject_with_a_reason_the_reviewer_sees() {
    let app = spawn_app().await;
    let (id, slug) = unreviewed_product(&app);
    app.login("maja@example.com").await;
    write(&app, &slug, "1", "Rude words about the courier.").await;
    let review: i64 = reviews::table
        .filter(reviews::product_id.eq(id))
        .select(reviews::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    // Sales reps do not moderate; the menu does not offer it either.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get("/admin/reviews").await.status, 403);
    assert_eq!(
        sales.get("/admin").await.count("a[href='/admin/reviews']"),
        0
    );
    let res = sales
        .post_form(&format!("/admin/reviews/{review}/approve"), "/admin", &[])
        .await;
    assert_eq!(res.status, 403);
    let support = app.another_browser();
    support.login("support@duett.example").await;
    // A rejection needs a reason.
    support
        .post_form(
            &format!("/admin/reviews/{review}/reject"),
            "/admin/reviews",
            &[("reason", "  ")],
        )
        .await;
    assert!(
        support
            .get("/admin/reviews")
            .await
            .text("[role=status]")
            .contains("Write a reason")
    );
    assert_eq!(reviews_of(&app, id)[0].1, "pending");
    support
        .post_form(
            &format!("/admin/reviews/{review}/reject"),
            "/admin/reviews",
            &[("reason", "Please keep to the product.")],
        )
        .await;
    assert_eq!(reviews_of(&app, id)[0].1, "rejected");
    let page = app.get(&format!("/products/{slug}")).await;
    assert!(
        page.text(".reviews .note")
            .contains("Please keep to the product.")
    );
    // Deciding again changes nothing.
    let again = support
        .post_form(
            &format!("/admin/reviews/{review}/approve"),
            "/admin/reviews",
            &[],
        )
        .await;
    assert_eq!(again.status, 303);
    assert_eq!(reviews_of(&app, id)[0].1, "rejected");
}

#[tokio::test]
async fn many_reviews_are_listed_twenty_to_a_page() {
    let app = spawn_app().await;
    let (id, slug) = unreviewed_product(&app);
    let mut conn = app.pool.get().unwrap();
    for n in 0..25 {
        let user: i64 = diesel::insert_into(users::table)
            .values((
                users::email.eq(format!("reader{n}@example.com")),
                users::password_hash.eq("x"),
                users::name.eq(format!("Reader{n} Person")),
                users::kind.eq("consumer"),
            ))
            .returning(users::id)
            .get_result(&mut conn)
            .unwrap();
        diesel::insert_into(reviews::table)
            .values((
                reviews::product_id.eq(id),
                reviews::user_id.eq(user),
                reviews::rating.eq(4i16),
                reviews::body.eq(format!("Review number {n} of this product.")),
                reviews::status.eq("approved"),
                reviews::helpful_count.eq(n),
                reviews::created_at.eq(chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
                    + chrono::Duration::minutes(n.into())),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let path = format!("/products/{slug}");
    let first = app.get(&path).await;
    assert_eq!(first.count(".review-items li"), 20);
    assert_eq!(first.text("#reviews .muted"), "25 reviews");
    assert!(
        first.text(".review-items li").contains("Review number 24"),
        "newest first"
    );
    assert_eq!(first.count("#reviews .pagination a"), 2);
    let second = app.get(&format!("{path}?reviews_page=2")).await;
    assert_eq!(second.count(".review-items li"), 5);
    assert!(second.text(".review-items li").contains("Review number 4"));
    assert_eq!(
        second
            .attr("#reviews .pagination a[aria-current=page]", "href")
            .as_deref(),
        Some(format!("{path}?reviews_page=2#reviews").as_str())
    );
    // Most helpful first keeps its order across pages; a page past the end shows the last one.
    let helpful = app
        .get(&format!("{path}?reviews=helpful&reviews_page=9"))
        .await;
    assert_eq!(helpful.count(".review-items li"), 5);
    assert!(helpful.text(".review-items li").contains("Review number 4"));
    for bad in [
        "?reviews_page=abc",
        "?reviews_page=-3",
        "?reviews=x&reviews_page=0",
    ] {
        assert_eq!(
            app.get(&format!("{path}{bad}"))
                .await
                .count(".review-items li"),
            20,
            "{bad}"
        );
    }
}
