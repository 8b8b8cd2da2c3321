//! Bulk actions on admin lists: the rows ticked are changed together, each audited, and staff
//! come back to the list as they left it with a count of what changed; nothing ticked or a
//! reject without a reason changes nothing; other roles are refused.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, products, reviews, users};

fn audited(app: &TestApp, action: &str) -> i64 {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

fn active(app: &TestApp, id: i64) -> bool {
    products::table
        .find(id)
        .select(products::active)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn catalog_managers_archive_and_restore_ticked_products_together() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let list = "/admin/products?q=drill&page=1";
    let page = staff.get(list).await;
    let ids = page.attrs("input[name=ids][form=bulk]", "value");
    assert!(ids.len() >= 3, "{ids:?}");
    let back = page.attr("#bulk input[name=back]", "value").unwrap();
    assert!(back.starts_with("/admin/products?q=drill&"), "{back}");
    let ticked: Vec<i64> = ids[..2].iter().map(|v| v.parse().unwrap()).collect();
    let token = staff.csrf_token(list).await;
    let post = |fields: Vec<(&'static str, String)>| {
        let mut all = vec![("csrf_token", token.clone()), ("back", back.clone())];
        all.extend(fields);
        let staff = &staff;
        async move {
            let borrowed: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            staff.post_raw("/admin/products/bulk", &borrowed).await
        }
    };
    // Nothing ticked: nothing changes, back to the list with a word.
    let none = post(vec![("action", "archive".into())]).await;
    assert_eq!(none.status, 303);
    assert_eq!(none.location(), back);
    assert!(
        staff
            .get(&back)
            .await
            .text("[role=status]")
            .contains("Nothing was ticked")
    );
    // Two ticked (one twice, and a row that is no product): both archived, counted, audited.
    let archived = post(vec![
        ("action", "archive".into()),
        ("ids", ticked[0].to_string()),
        ("ids", ticked[1].to_string()),
        ("ids", ticked[0].to_string()),
        ("ids", "999999".into()),
    ])
    .await;
    assert_eq!(archived.status, 303);
    assert_eq!(archived.location(), back);
    let after = staff.get(&back).await;
    assert_eq!(after.text("[role=status]"), "2 products archived.");
    assert!(!active(&app, ticked[0]) && !active(&app, ticked[1]));
    assert_eq!(audited(&app, "product_archive"), 2);
    // The shop no longer sells them.
    let slug: String = products::table
        .find(ticked[0])
        .select(products::slug)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(app.get(&format!("/products/{slug}")).await.status, 404);
    // Again: nothing left to archive; then restored.
    let again = post(vec![
        ("action", "archive".into()),
        ("ids", ticked[0].to_string()),
    ])
    .await;
    assert_eq!(again.status, 303);
    assert!(
        staff
            .get(&back)
            .await
            .text("[role=status]")
            .contains("No product changed")
    );
    let restored = post(vec![
        ("action", "restore".into()),
        ("ids", ticked[0].to_string()),
        ("ids", ticked[1].to_string()),
    ])
    .await;
    assert_eq!(restored.status, 303);
    assert!(active(&app, ticked[0]) && active(&app, ticked[1]));
    assert_eq!(audited(&app, "product_restore"), 2);
    // Somewhere else to go back to is not followed; an unknown action is refused.
    let away = post(vec![("action", "restore".into())]).await;
    assert_eq!(away.location(), back);
    let mut fields = vec![
        ("csrf_token", token.as_str()),
        ("back", "https://evil.example/"),
        ("action", "restore"),
    ];
    let elsewhere = staff.post_raw("/admin/products/bulk", &fields).await;
    assert_eq!(elsewhere.location(), "/admin/products");
    fields[2] = ("action", "delete");
    assert_eq!(
        staff.post_raw("/admin/products/bulk", &fields).await.status,
        400
    );
    // Without the form's token, or as a sales rep: refused.
    let forged = staff
        .post_raw(
            "/admin/products/bulk",
            &[("action", "archive"), ("ids", &ticked[0].to_string())],
        )
        .await;
    assert_eq!(forged.status, 403);
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    let token = sales.csrf_token("/admin").await;
    let refused = sales
        .post_raw(
            "/admin/products/bulk",
            &[
                ("csrf_token", token.as_str()),
                ("action", "archive"),
                ("ids", &ticked[0].to_string()),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert!(active(&app, ticked[0]));
}

#[tokio::test]
async fn moderators_publish_or_reject_ticked_reviews_together() {
    let app = spawn_app().await;
    let mut conn = app.pool.get().unwrap();
    let product: i64 = products::table
        .filter(products::active.eq(true))
        .select(products::id)
        .first(&mut conn)
        .unwrap();
    let mut waiting = Vec::new();
    for n in 0..4 {
        let user: i64 = diesel::insert_into(users::table)
            .values((
                users::email.eq(format!("bulk{n}@example.com")),
                users::password_hash.eq("x"),
                users::name.eq(format!("Bulk Reader{n}")),
                users::kind.eq("consumer"),
            ))
            .returning(users::id)
            .get_result(&mut conn)
            .unwrap();
        let id: i64 = diesel::insert_into(reviews::table)
            .values((
                reviews::product_id.eq(product),
                reviews::user_id.eq(user),
                reviews::rating.eq(2i16),
                reviews::body.eq(format!("Bulk review number {n}, waiting.")),
                reviews::status.eq("pending"),
            ))
            .returning(reviews::id)
            .get_result(&mut conn)
            .unwrap();
        waiting.push(id);
    }
    let status = |id: i64| -> (String, String) {
        reviews::table
            .find(id)
            .select((reviews::status, reviews::rejection_reason))
            .first(&mut app.pool.get().unwrap())
            .unwrap()
    };
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let list = "/admin/reviews?q=bulk";
    let page = staff.get(list).await;
    for id in &waiting {
        assert_eq!(page.count(&format!("input[name=ids][value='{id}']")), 1);
    }
    let back = page.attr("#bulk input[name=back]", "value").unwrap();
    let token = staff.csrf_token(list).await;
    let (a, b, c, d) = (
        waiting[0].to_string(),
        waiting[1].to_string(),
        waiting[2].to_string(),
        waiting[3].to_string(),
    );
    // Rejecting needs the reason: nothing changes without it.
    let no_reason = staff
        .post_raw(
            "/admin/reviews/bulk",
            &[
                ("csrf_token", token.as_str()),
                ("back", back.as_str()),
                ("action", "reject"),
                ("ids", &a),
                ("reason", "  "),
            ],
        )
        .await;
    assert_eq!(no_reason.status, 303);
    assert_eq!(status(waiting[0]).0, "pending");
    // Two published, two rejected with the one reason each reviewer sees.
    let published = staff
        .post_raw(
            "/admin/reviews/bulk",
            &[
                ("csrf_token", token.as_str()),
                ("back", back.as_str()),
                ("action", "approve"),
                ("ids", &a),
                ("ids", &b),
            ],
        )
        .await;
    assert_eq!(published.status, 303);
    assert_eq!(published.location(), back);
    assert_eq!(
        staff.get(&back).await.text("[role=status]"),
        "2 reviews published."
    );
    let rejected = staff
        .post_raw(
            "/admin/reviews/bulk",
            &[
                ("csrf_token", token.as_str()),
                ("back", back.as_str()),
                ("action", "reject"),
                ("ids", &c),
                ("ids", &d),
                ("ids", &a),
                ("reason", "Names a competitor's shop."),
            ],
        )
        .await;
    assert_eq!(rejected.status, 303);
    // The one already published is not rejected after all.
    assert_eq!(
        staff.get(&back).await.text("[role=status]"),
        "2 reviews rejected."
    );
    assert_eq!(status(waiting[0]).0, "approved");
    assert_eq!(status(waiting[1]).0, "approved");
    assert_eq!(
        status(waiting[2]),
        ("rejected".into(), "Names a competitor's shop.".into())
    );
    assert_eq!(status(waiting[3]).0, "rejected");
    assert_eq!(audited(&app, "review_approved"), 2);
    assert_eq!(audited(&app, "review_rejected"), 2);
    assert_eq!(staff.get(list).await.count("li.pending-review"), 0);
    // Sales reps do not moderate.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    let token = sales.csrf_token("/admin").await;
    let refused = sales
        .post_raw(
            "/admin/reviews/bulk",
            &[
                ("csrf_token", token.as_str()),
                ("action", "approve"),
                ("ids", &a),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);
}
