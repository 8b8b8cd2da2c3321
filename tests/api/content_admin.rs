//! Content in admin: articles written in Markdown (previewed without saving, rendered sanitised,
//! published now, scheduled or kept as drafts, refused field by field with the input kept),
//! targeted blocks on the business home, articles linked from their product's page, removal
//! kept from pages that demo bookings name, and testimonials on the consumer home — audited.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, content_pages, products};

fn audited(app: &TestApp, action: &str) -> i64 {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

fn pages(app: &TestApp) -> i64 {
    content_pages::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

fn page_id(app: &TestApp, slug: &str) -> i64 {
    content_pages::table
        .filter(content_pages::slug.eq(slug))
        .select(content_pages::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

/// A product sold to consumers, with its SKU and address.
fn consumer_product(app: &TestApp) -> (String, String) {
    products::table
        .filter(products::audience.eq_any(["both", "b2c"]))
        .filter(products::active.eq(true))
        .order(products::id.asc())
        .select((products::sku, products::slug))
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

/// POSTs owned fields (the form's values as built by a test).
async fn post(
    staff: &TestApp,
    path: &str,
    form: &str,
    fields: &[(&'static str, String)],
) -> crate::helpers::Page {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    staff.post_form(path, form, &pairs).await
}

const BODY: &str = "Pick the battery first.\r\n\r\n## What to check\r\n\r\n- **Torque** for screws\r\n- Weight\r\n\r\n<script>alert('x')</script>\r\n\r\n[Drills](/categories/power-tools) and [more](javascript:alert(1))\r\n\r\n| Job | Volt |\r\n|---|---|\r\n| Shelves | 12 V |";

#[tokio::test]
async fn staff_write_preview_schedule_and_publish_an_article() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let list = staff.get("/admin/content").await;
    assert_eq!(list.status, 200);
    assert_eq!(
        list.count(".admin-content tbody tr"),
        15,
        "the demo's articles"
    );
    let blocks = staff.get("/admin/content?kind=block").await;
    assert_eq!(
        blocks.select_texts(".admin-content tbody td:first-child a"),
        ["Winter on site: order before the break"]
    );
    let found = staff.get("/admin/content?q=SCREWS&state=published").await;
    assert_eq!(found.count(".admin-content tbody tr"), 1);
    assert_eq!(
        staff
            .get("/admin/content?state=draft")
            .await
            .count(".admin-content tbody tr"),
        0
    );

    let (sku, product_slug) = consumer_product(&app);
    let form = "/admin/content/new?kind=guide";
    let fields = |action: &'static str| {
        vec![
            ("kind", "guide".to_string()),
            ("title", "Buying guide: cordless drills".to_string()),
            ("slug", String::new()),
            ("summary", "Which drill for which job.".to_string()),
            ("body", BODY.to_string()),
            ("audience", "both".to_string()),
            ("industry", String::new()),
            ("role", String::new()),
            ("product", sku.to_lowercase()),
            ("video", String::new()),
            ("captions", String::new()),
            ("position", "3".to_string()),
            ("publish_at", String::new()),
            ("published", "1".to_string()),
            ("action", action.to_string()),
        ]
    };
    // Preview: the Markdown as readers will see it, sanitised; nothing saved, input kept.
    let before = pages(&app);
    let preview = post(&staff, "/admin/content", form, &fields("preview")).await;
    assert_eq!(preview.status, 200);
    assert_eq!(
        preview.text(".content-preview .markdown h2"),
        "What to check"
    );
    assert_eq!(
        preview.text(".content-preview .markdown li strong"),
        "Torque"
    );
    assert_eq!(preview.count(".content-preview .markdown table td"), 2);
    assert_eq!(preview.count(".content-preview script"), 0);
    assert!(
        preview
            .text(".content-preview .markdown")
            .contains("<script>alert('x')</script>"),
        "typed HTML shows as text"
    );
    assert_eq!(
        preview.attrs(".content-preview .markdown a[href]", "href"),
        ["/categories/power-tools"],
        "a javascript: link loses its address"
    );
    assert!(preview.text("#body").contains("## What to check"));
    assert_eq!(pages(&app), before, "a preview saves nothing");

    // Refused field by field, input kept, also when the product and address are the problem.
    let mut bad = fields("save");
    for (k, v) in bad.iter_mut() {
        match *k {
            "title" => *v = "Ab".into(),
            "slug" => *v = "guide-choosing-fasteners".into(),
            "product" => *v = "NO-SUCH-SKU".into(),
            "video" => *v = "https://cdn.example.com/v.webm".into(),
            "kind" => *v = "guide".into(),
            _ => {}
        }
    }
    let refused = post(&staff, "/admin/content", form, &bad).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#title-error").contains("at least 3"));
    assert_eq!(
        refused.text("#slug-error"),
        "Another page has this address; choose another."
    );
    assert_eq!(refused.text("#product-error"), "No product has this SKU.");
    assert!(refused.text("#video-error").contains("on this site"));
    assert_eq!(
        refused.attr("#slug", "value").as_deref(),
        Some("guide-choosing-fasteners")
    );
    assert!(refused.text("#body").contains("| Shelves | 12 V |"));
    let mut demo_for_consumers = fields("save");
    demo_for_consumers[0].1 = "demo".into();
    demo_for_consumers[5].1 = "b2c".into();
    let refused = post(&staff, "/admin/content", form, &demo_for_consumers).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#audience-error").contains("for companies"));
    assert_eq!(pages(&app), before);

    // Saved and published: the address is made from the title; the product page links to it.
    let saved = post(&staff, "/admin/content", form, &fields("save")).await;
    assert_eq!(saved.status, 303, "{}", saved.text("main"));
    let edit = staff.get(&saved.location()).await;
    assert!(edit.text(".flash, [role=status]").contains("saved"));
    assert_eq!(
        edit.attr("#slug", "value").as_deref(),
        Some("buying-guide-cordless-drills")
    );
    assert_eq!(
        edit.attr("#product", "value").as_deref(),
        Some(sku.as_str())
    );
    let shopper = app.another_browser();
    let article = shopper.get("/content/buying-guide-cordless-drills").await;
    assert_eq!(article.status, 200);
    assert_eq!(article.theme(), "b2c");
    assert_eq!(article.text("h1"), "Buying guide: cordless drills");
    assert_eq!(article.text(".article .markdown h2"), "What to check");
    assert_eq!(article.count(".article .markdown script"), 0);
    assert_eq!(
        article
            .attr(".article .markdown a[href^='/categories']", "rel")
            .as_deref(),
        Some("noopener noreferrer nofollow")
    );
    let product = shopper.get(&format!("/products/{product_slug}")).await;
    assert_eq!(
        product.attrs(".product-articles a", "href"),
        ["/content/buying-guide-cordless-drills"]
    );
    assert_eq!(audited(&app, "content_created"), 1);

    // Scheduled for tomorrow: gone from the shop until then, listed as scheduled.
    let id = page_id(&app, "buying-guide-cordless-drills");
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let mut later = fields("save");
    later[12].1 = tomorrow;
    let path = format!("/admin/content/{id}");
    assert_eq!(post(&staff, &path, &path, &later).await.status, 303);
    assert_eq!(
        shopper
            .get("/content/buying-guide-cordless-drills")
            .await
            .status,
        404
    );
    let scheduled = staff.get("/admin/content?state=scheduled").await;
    assert_eq!(
        scheduled.select_texts(".admin-content tbody td:first-child a"),
        ["Buying guide: cordless drills"]
    );
    // A draft is not shown either; published again it is.
    let mut draft = fields("save");
    draft.retain(|(k, _)| *k != "published");
    assert_eq!(post(&staff, &path, &path, &draft).await.status, 303);
    assert_eq!(
        shopper
            .get("/content/buying-guide-cordless-drills")
            .await
            .status,
        404
    );
    assert_eq!(
        post(&staff, &path, &path, &fields("save")).await.status,
        303
    );
    assert_eq!(
        shopper
            .get("/content/buying-guide-cordless-drills")
            .await
            .status,
        200
    );
    assert_eq!(audited(&app, "content_changed"), 3);

    // Removed: audited, and gone.
    let gone = staff.post_form(&path, &path, &[("action", "delete")]).await;
    assert_eq!(gone.status, 303);
    assert_eq!(
        shopper
            .get("/content/buying-guide-cordless-drills")
            .await
            .status,
        404
    );
    assert_eq!(audited(&app, "content_deleted"), 1);
    assert_eq!(staff.get(&path).await.status, 404);
}

#[tokio::test]
async fn a_targeted_block_reaches_its_industry_and_role_and_a_booked_demo_stays() {
    let app = spawn_app().await;
    // The demo's block is for construction buyers: Nordbygg's buyer sees it, its approver not.
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let home = buyer.get("/").await;
    assert_eq!(
        home.text(".targeted-block h2"),
        "Winter on site: order before the break"
    );
    assert_eq!(
        home.text(".targeted-block strong"),
        "hi-vis, gloves and site heaters"
    );
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    assert_eq!(approver.get("/").await.count(".targeted-block"), 0);
    // Blocks have no page of their own.
    assert_eq!(
        buyer
            .get("/content/block-construction-buyers-winter")
            .await
            .status,
        404
    );

    // A sales rep rewrites it for approvers; the homes follow at once.
    let staff = app.another_browser();
    staff.login("sales@duett.example").await;
    let id = page_id(&app, "block-construction-buyers-winter");
    let path = format!("/admin/content/{id}");
    let res = staff
        .post_form(
            &path,
            &path,
            &[
                ("kind", "block"),
                ("title", "Approvals before the holidays"),
                ("slug", "block-construction-buyers-winter"),
                ("summary", ""),
                ("body", "Approve open orders by **20 December**."),
                ("audience", "b2b"),
                ("industry", "construction"),
                ("role", "approver"),
                ("position", "0"),
                ("published", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    assert_eq!(buyer.get("/").await.count(".targeted-block"), 0);
    let home = approver.get("/").await;
    assert_eq!(
        home.text(".targeted-block h2"),
        "Approvals before the holidays"
    );
    assert_eq!(home.text(".targeted-block strong"), "20 December");

    // A demo page a company has booked cannot be removed; it can be unpublished.
    crate::demos::book(&buyer).await;
    let demo = page_id(&app, "demo-cordless-system");
    let path = format!("/admin/content/{demo}");
    let page = staff.get(&path).await;
    assert!(page.text(".content-kept").contains("One demo booking"));
    assert_eq!(page.count(".content-delete"), 0);
    let refused = staff.post_form(&path, &path, &[("action", "delete")]).await;
    assert_eq!(refused.status, 409);
    assert_eq!(
        refused.attr("#title", "value").as_deref(),
        Some("Live demo: one battery system for the whole site")
    );
    assert_eq!(
        app.get("/content/demo-cordless-system").await.status,
        404,
        "b2b only"
    );
    assert_eq!(buyer.get("/content/demo-cordless-system").await.status, 200);
    assert_eq!(audited(&app, "content_deleted"), 0);

    // Support agents do not edit content.
    let support = app.another_browser();
    support.login("support@duett.example").await;
    assert_eq!(support.get(&path).await.status, 403);
    assert_eq!(
        support
            .post_form(&path, "/admin/faq", &[("action", "delete")])
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn testimonials_are_kept_by_staff_and_shown_on_the_consumer_home() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let list = staff.get("/admin/testimonials").await;
    assert_eq!(list.status, 200);
    let seeded = list.count(".admin-testimonials tbody tr");
    assert!(seeded >= 3, "{seeded}");
    let form = "/admin/testimonials/new";
    let refused = staff
        .post_form(
            "/admin/testimonials",
            form,
            &[
                ("author", "A"),
                ("role", "Home cook"),
                ("quote", "Great"),
                ("rating", "7"),
                ("audience", "b2c"),
                ("position", "0"),
                ("active", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#author-error").contains("2 to 80"));
    assert!(refused.text("#quote-error").contains("at least 10"));
    assert!(refused.text("#rating-error").contains("1 to 5"));
    assert_eq!(refused.attr("#role", "value").as_deref(), Some("Home cook"));
    let quote = "Ordered on <b>Sunday</b>, the pans came Tuesday.";
    let saved = staff
        .post_form(
            "/admin/testimonials",
            form,
            &[
                ("author", "Lena Ek"),
                ("role", "Home cook, Umeå"),
                ("quote", quote),
                ("rating", "5"),
                ("audience", "both"),
                ("position", "0"),
                ("active", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text("main"));
    let home = app.get("/").await;
    let html = home.html.html();
    assert!(home.text("main").contains(quote), "shown first, as typed");
    assert!(!html.contains("<b>Sunday</b>"), "escaped");
    // The list is searched by words in the name, who they are or the quote.
    let found = staff.get("/admin/testimonials?q=ume%C3%A5+PANS").await;
    assert_eq!(
        found.select_texts(".admin-testimonials tbody td:first-child a"),
        ["Lena Ek"]
    );
    let none = staff.get("/admin/testimonials?q=zebra").await;
    assert_eq!(none.count(".admin-testimonials"), 0);
    assert!(none.text(".empty").contains("No testimonials match"));
    // Switched off: gone from the home at once.
    let path = saved.location();
    let off = staff
        .post_form(
            &path,
            &path,
            &[
                ("author", "Lena Ek"),
                ("role", "Home cook, Umeå"),
                ("quote", quote),
                ("rating", ""),
                ("audience", "both"),
                ("position", "0"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(off.status, 303);
    assert!(!app.get("/").await.text("main").contains("Lena Ek"));
    let removed = staff.post_form(&path, &path, &[("action", "delete")]).await;
    assert_eq!(removed.status, 303);
    assert_eq!(staff.get(&path).await.status, 404);
    assert_eq!(
        (
            audited(&app, "testimonial_created"),
            audited(&app, "testimonial_changed"),
            audited(&app, "testimonial_deleted")
        ),
        (1, 1, 1)
    );
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get("/admin/testimonials").await.status, 403);
}
