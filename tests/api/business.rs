//! Business account applications: checked numbers, one application per organisation, staff see it.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::{self, schema::companies};

fn form<'a>(org: &'a str, vat: &'a str, email: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("company_name", "Bergsbyggarna AB"),
        ("org_no", org),
        ("vat_no", vat),
        ("industry", "construction"),
        ("size", "small"),
        ("contact_name", "Berit Berg"),
        ("contact_email", email),
        ("contact_phone", "070-123 45 67"),
    ]
}

fn pending(app: &TestApp) -> Vec<(String, String, Option<String>)> {
    companies::table
        .filter(companies::status.eq("pending"))
        .order(companies::id.asc())
        .select((companies::name, companies::org_no, companies::vat_no))
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_prospect_applies_and_staff_see_the_application() {
    let app = spawn_app().await;
    let page = app.get("/business").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.count("form[action='/business'] select[name=industry] option"),
        5
    );
    let res = app
        .post_form(
            "/business",
            "/business",
            &form(
                "5591234561",
                "se 5591 2345 6101",
                "Berit@Bergsbyggarna.example",
            ),
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/business/thanks");
    assert_eq!(
        app.get("/business/thanks").await.text("h1"),
        "Thank you for applying"
    );
    let all = pending(&app);
    assert_eq!(all.len(), 2, "the demo application and this one");
    assert_eq!(
        all[1],
        (
            "Bergsbyggarna AB".into(),
            "559123-4561".into(),
            Some("SE559123456101".into())
        )
    );
    let mail = db::outbox::recent(
        &mut app.pool.get().unwrap(),
        Some("berit@bergsbyggarna.example"),
        1,
    )
    .unwrap();
    assert!(mail[0].body_text.contains("Bergsbyggarna AB"));
    let staff = app.another_browser();
    staff.login("sales@duett.example").await;
    let queues = staff.get("/admin").await.select_texts(".queue");
    assert!(
        queues
            .iter()
            .any(|q| q.starts_with('2') && q.contains("Business applications")),
        "{queues:?}"
    );
}

#[tokio::test]
async fn wrong_numbers_are_explained_and_the_form_is_kept() {
    let app = spawn_app().await;
    let cases: &[(&str, &str, &str, &str)] = &[
        ("5591234562", "", "#org_no-error", "does not exist"),
        ("12345", "", "#org_no-error", "10 digits"),
        ("5591234561", "SE559123456102", "#vat_no-error", "format"),
        ("5591234561", "US12345", "#vat_no-error", "EU country code"),
        (
            "5591234561",
            "SE556677889901",
            "#vat_no-error",
            "SE, the organisation number and 01",
        ),
    ];
    for (org, vat, selector, message) in cases {
        let page = app
            .post_form("/business", "/business", &form(org, vat, "b@b.example"))
            .await;
        assert_eq!(page.status, 422, "{org} {vat}");
        assert!(
            page.text(selector).contains(message),
            "{selector}: {}",
            page.text(selector)
        );
        assert_eq!(
            page.attr("#company_name", "value").as_deref(),
            Some("Bergsbyggarna AB")
        );
        assert_eq!(
            page.attr("#industry option[selected]", "value").as_deref(),
            Some("construction")
        );
    }
    let empty = app.post_form("/business", "/business", &[]).await;
    assert_eq!(empty.status, 422);
    assert_eq!(empty.count(".field-error"), 6);
    assert_eq!(pending(&app).len(), 1, "nothing was filed");
}

#[tokio::test]
async fn an_organisation_applies_once() {
    let app = spawn_app().await;
    let page = app
        .post_form(
            "/business",
            "/business",
            &form("556677-8899", "", "x@x.example"),
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.text("#org_no-error").contains("already have"));
}

fn application_id(app: &TestApp, org: &str) -> i64 {
    companies::table
        .filter(companies::org_no.eq(org))
        .select(companies::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn status(app: &TestApp, id: i64) -> String {
    companies::table
        .find(id)
        .select(companies::status)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn staff_approve_and_the_invited_admin_sets_a_password_and_lands_in_the_portal() {
    let app = spawn_app().await;
    app.post_form(
        "/business",
        "/business",
        &form("5591234561", "", "berit@bergsbyggarna.example"),
    )
    .await;
    let id = application_id(&app, "559123-4561");
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    let list = sales.get("/admin/applications").await;
    assert_eq!(list.count(".application"), 2);
    assert!(
        list.select_texts(".application h2")
            .contains(&"Bergsbyggarna AB".to_string())
    );
    let res = sales
        .post_form(
            &format!("/admin/applications/{id}/approve"),
            "/admin/applications",
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    let after = sales.get("/admin/applications").await;
    assert!(after.text("[role=status]").contains("is active"));
    assert_eq!(after.count(".application"), 1);
    assert_eq!(status(&app, id), "active");
    // Deciding twice is not possible.
    assert_eq!(
        sales
            .post_form(
                &format!("/admin/applications/{id}/approve"),
                "/admin/applications",
                &[]
            )
            .await
            .status,
        404
    );

    let mail = db::outbox::recent(
        &mut app.pool.get().unwrap(),
        Some("berit@bergsbyggarna.example"),
        1,
    )
    .unwrap();
    let body = &mail[0].body_text;
    let start = body.find("/invitation?token=").unwrap();
    let link = body[start..].split_whitespace().next().unwrap().to_string();
    let berit = app.another_browser();
    let page = berit.get(&link).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attr("#name", "value").as_deref(), Some("Berit Berg"));
    let token = page.attr("input[name=token]", "value").unwrap();
    let weak = berit
        .post_form(
            "/invitation",
            &link,
            &[
                ("token", &token),
                ("name", "Berit Berg"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422);
    let done = berit
        .post_form(
            "/invitation",
            &link,
            &[
                ("token", &token),
                ("name", "Berit Berg"),
                ("password", "granite willow seventeen kites"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    let home = berit.get("/").await;
    assert_eq!(home.theme(), "b2b");
    assert!(home.text(".who").contains("Bergsbyggarna AB"));
    assert_eq!(
        app.another_browser().get(&link).await.status,
        410,
        "the invitation works once"
    );
}

#[tokio::test]
async fn staff_reject_with_a_reason_and_other_roles_cannot_decide() {
    let app = spawn_app().await;
    let id = application_id(&app, "559876-5435");
    let catalog = app.another_browser();
    catalog.login("catalog@duett.example").await;
    assert_eq!(catalog.get("/admin/applications").await.status, 403);
    assert_eq!(
        catalog
            .post_form(&format!("/admin/applications/{id}/approve"), "/admin", &[])
            .await
            .status,
        403
    );
    assert_eq!(status(&app, id), "pending");

    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let no_reason = admin
        .post_form(
            &format!("/admin/applications/{id}/reject"),
            "/admin/applications",
            &[("reason", "  ")],
        )
        .await;
    assert_eq!(no_reason.status, 303);
    assert!(
        admin
            .get("/admin/applications")
            .await
            .text("[role=status]")
            .contains("Write a reason")
    );
    assert_eq!(status(&app, id), "pending");
    admin
        .post_form(
            &format!("/admin/applications/{id}/reject"),
            "/admin/applications",
            &[("reason", "We could not verify the company.")],
        )
        .await;
    assert_eq!(status(&app, id), "rejected");
    let mail = db::outbox::recent(
        &mut app.pool.get().unwrap(),
        Some("hanna@fjallstugan.example"),
        1,
    )
    .unwrap();
    assert!(
        mail[0]
            .body_text
            .contains("We could not verify the company.")
    );
}

#[tokio::test]
async fn a_contact_address_that_belongs_to_a_consumer_is_not_approved() {
    let app = spawn_app().await;
    app.post_form(
        "/business",
        "/business",
        &form("5591234561", "", "shopper@example.com"),
    )
    .await;
    let id = application_id(&app, "559123-4561");
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    admin
        .post_form(
            &format!("/admin/applications/{id}/approve"),
            "/admin/applications",
            &[],
        )
        .await;
    assert!(
        admin
            .get("/admin/applications")
            .await
            .text("[role=status]")
            .contains("consumer or staff account")
    );
    assert_eq!(status(&app, id), "pending", "nothing changed");
}

#[tokio::test]
async fn staff_search_the_waiting_applications_by_words_and_industry() {
    let app = spawn_app().await;
    let mut fields = form("5591234561", "", "berit@bergsbyggarna.example");
    for f in fields.iter_mut().filter(|f| f.0 == "industry") {
        f.1 = "hospitality";
    }
    let res = app.post_form("/business", "/business", &fields).await;
    assert_eq!(res.status, 303);
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    let names = |p: &crate::helpers::Page| p.select_texts(".application h2");
    let all = sales.get("/admin/applications").await;
    assert_eq!(all.count(".application"), 2);
    // Words in any case, in the name, the numbers, the contact or the address; all must match.
    for (query, expected) in [
        ("bergsbyggarna", vec!["Bergsbyggarna AB"]),
        ("559123-4561", vec!["Bergsbyggarna AB"]),
        ("BERIT", vec!["Bergsbyggarna AB"]),
        (
            "fjallstugan.example",
            vec!["Fjällstugan Bygg & Snickeri AB"],
        ),
        ("SE559876543501", vec!["Fjällstugan Bygg & Snickeri AB"]),
        ("?industry=hospitality", vec!["Bergsbyggarna AB"]),
        (
            "?industry=construction",
            vec!["Fjällstugan Bygg & Snickeri AB"],
        ),
        (
            "?industry=mining",
            vec!["Fjällstugan Bygg & Snickeri AB", "Bergsbyggarna AB"],
        ),
    ] {
        let path = match query.strip_prefix('?') {
            Some(filter) => format!("/admin/applications?{filter}"),
            None => format!("/admin/applications?q={}", query.replace('&', "%26")),
        };
        let page = sales.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(names(&page), expected, "{path}");
    }
    let none = sales
        .get("/admin/applications?q=berit&industry=construction")
        .await;
    assert_eq!(none.count(".application"), 0);
    assert_eq!(none.text(".empty"), "No waiting applications match.");
    assert_eq!(none.attr("#q", "value").as_deref(), Some("berit"));
    assert_eq!(
        none.attr("#industry option[selected]", "value").as_deref(),
        Some("construction")
    );
}
