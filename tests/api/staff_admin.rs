//! Staff accounts: an administrator adds a person, who chooses a password from the e-mailed
//! link and signs in to the pages of their role; roles change and accounts are switched off
//! (their session ends); nobody locks themselves or the shop out; only administrators.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, outbox, users};

fn user_id(app: &TestApp, email: &str) -> i64 {
    users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn an_administrator_adds_a_staff_member_who_signs_in_with_that_role() {
    let app = spawn_app().await;
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    // Refused: a taken address, a bad name and role — said next to each field.
    let res = admin
        .post_form(
            "/admin/staff",
            "/admin/staff",
            &[
                ("name", "S"),
                ("email", "sales@duett.example"),
                ("role", "boss"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#name-error").contains("2–100"));
    assert_eq!(res.text("#role-error"), "Choose a role.");
    let res = admin
        .post_form(
            "/admin/staff",
            "/admin/staff",
            &[
                ("name", "Sara Lind"),
                ("email", "sales@duett.example"),
                ("role", "sales_rep"),
            ],
        )
        .await;
    assert_eq!(
        res.text("#email-error"),
        "This address already has an account."
    );
    assert_eq!(res.attr("#name", "value").as_deref(), Some("Sara Lind"));

    let res = admin
        .post_form(
            "/admin/staff",
            "/admin/staff",
            &[
                ("name", "Sara Lind"),
                ("email", "sara@duett.example"),
                ("role", "catalog_manager"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let body: String = outbox::table
        .filter(outbox::to_address.eq("sara@duett.example"))
        .select(outbox::body_text)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(body.contains("Catalog manager"));
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/invitation?token="))
        .unwrap()
        .to_string();
    let path = link[link.find("/invitation?token=").unwrap()..].to_string();
    let sara = app.another_browser();
    let token = path.split("token=").nth(1).unwrap().to_string();
    let res = sara
        .post_form(
            "/invitation",
            &path,
            &[
                ("token", token.as_str()),
                ("name", "Sara Lind"),
                ("password", "kanelbulle-ränta-2027"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let menu = sara.get("/admin").await.attrs(".admin-side nav a", "href");
    assert!(menu.contains(&"/admin/products".to_string()));
    assert!(!menu.contains(&"/admin/staff".to_string()));

    // Switched off: her session ends on the next request.
    let id = user_id(&app, "sara@duett.example");
    let res = admin
        .post_form(
            &format!("/admin/staff/{id}"),
            "/admin/staff",
            &[("role", "catalog_manager"), ("disabled", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_ne!(sara.get("/admin/products").await.status, 200);

    // Nobody changes their own role, and the last administrator stays one.
    let me = user_id(&app, "admin@duett.example");
    let res = admin
        .post_form(
            &format!("/admin/staff/{me}"),
            "/admin/staff",
            &[("role", "sales_rep")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text(&format!("#person-{me}-error"))
            .contains("your own role")
    );
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject_id.eq(id.to_string()))
        .select(audit_log::action)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(actions.contains(&"staff_invited".to_string()));
    assert!(actions.contains(&"staff_changed".to_string()));
    // Only administrators.
    for email in [
        "sales@duett.example",
        "catalog@duett.example",
        "support@duett.example",
    ] {
        let b = app.another_browser();
        b.login(email).await;
        assert_eq!(b.get("/admin/staff").await.status, 403, "{email}");
    }
}

#[tokio::test]
async fn administrators_search_staff_by_name_or_address_role_and_state() {
    let app = spawn_app().await;
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    // An invited person (not signed in yet) and a switched-off one.
    let res = admin
        .post_form(
            "/admin/staff",
            "/admin/staff",
            &[
                ("name", "Nils Nyanställd"),
                ("email", "nils@duett.example"),
                ("role", "support_agent"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let sales = user_id(&app, "sales@duett.example");
    let res = admin
        .post_form(
            &format!("/admin/staff/{sales}"),
            "/admin/staff",
            &[("role", "sales_rep"), ("disabled", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    let emails = |p: &crate::helpers::Page| {
        let mut found: Vec<String> = p
            .select_texts(".staff-person .member-who .muted")
            .iter()
            .map(|t| t.split(' ').next().unwrap_or_default().to_string())
            .collect();
        found.sort();
        found
    };
    let all = admin.get("/admin/staff").await;
    assert_eq!(emails(&all).len(), 5, "{:?}", emails(&all));
    for (query, expected) in [
        ("q=NILS", vec!["nils@duett.example"]),
        ("q=catalog%40duett", vec!["catalog@duett.example"]),
        (
            "role=support_agent",
            vec!["nils@duett.example", "support@duett.example"],
        ),
        ("state=invited", vec!["nils@duett.example"]),
        ("state=off", vec!["sales@duett.example"]),
        (
            "role=support_agent&state=active",
            vec!["support@duett.example"],
        ),
        (
            "q=duett&role=boss&state=gone",
            emails(&all).iter().map(String::as_str).collect(),
        ),
    ] {
        let page = admin.get(&format!("/admin/staff?{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        assert_eq!(emails(&page), expected, "{query}");
    }
    let none = admin.get("/admin/staff?q=zebra&role=catalog_manager").await;
    assert_eq!(none.count(".staff-person"), 0);
    assert_eq!(none.text(".empty"), "Nobody matches.");
    assert_eq!(
        none.attr("#filter-role option[selected]", "value")
            .as_deref(),
        Some("catalog_manager")
    );
}
