//! Company admins manage their own company's people; nobody else can, and never across companies.

use crate::helpers::{PASSWORD, spawn_app};
use diesel::prelude::*;
use duett::db::{self, schema::company_memberships};

#[tokio::test]
async fn an_admin_invites_a_buyer_who_signs_in_to_the_portal() {
    let app = spawn_app().await;
    app.login("admin@nordbygg.example").await;
    let page = app.get("/b2b/company/users").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2b");
    assert_eq!(
        page.count("table.members tbody tr"),
        4,
        "admin, buyer, approver and the consultant"
    );
    let bad = app
        .post_form(
            "/b2b/company/users",
            "/b2b/company/users",
            &[
                ("name", "Nils"),
                ("email", "nils@nordbygg.example"),
                ("role", "buyer"),
                ("order_limit", "lots"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#users-error").contains("amount"));
    assert_eq!(
        bad.attr("#invite-email", "value").as_deref(),
        Some("nils@nordbygg.example")
    );
    let res = app
        .post_form(
            "/b2b/company/users",
            "/b2b/company/users",
            &[
                ("name", "Nils Nord"),
                ("email", "nils@nordbygg.example"),
                ("role", "buyer"),
                ("order_limit", "25 000"),
                ("monthly_limit", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let list = app.get("/b2b/company/users").await;
    assert_eq!(list.count("table.members tbody tr"), 5);
    assert!(
        list.text("[role=status]")
            .contains("invitation has been sent")
    );
    let mail = db::outbox::recent(
        &mut app.pool.get().unwrap(),
        Some("nils@nordbygg.example"),
        1,
    )
    .unwrap();
    let body = &mail[0].body_text;
    let link = body[body.find("/invitation?token=").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let nils = app.another_browser();
    let form = nils.get(&link).await;
    let token = form.attr("input[name=token]", "value").unwrap();
    let done = nils
        .post_form(
            "/invitation",
            &link,
            &[
                ("token", &token),
                ("name", "Nils Nord"),
                ("password", "granite willow seventeen kites"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    let home = nils.get("/").await;
    assert_eq!(home.theme(), "b2b");
    assert!(home.text(".who").contains("Nordbygg AB"));
    assert_eq!(
        nils.get("/b2b/company/users").await.status,
        403,
        "a buyer cannot manage people"
    );
}

#[tokio::test]
async fn roles_and_limits_change_only_inside_the_company_and_never_for_oneself() {
    let app = spawn_app().await;
    let mut conn = app.pool.get().unwrap();
    let other_company: i64 = {
        use duett::db::schema::companies;
        let kontor: i64 = companies::table
            .filter(companies::name.eq("Kontorsgruppen i Lund AB"))
            .select(companies::id)
            .first(&mut conn)
            .unwrap();
        company_memberships::table
            .filter(company_memberships::company_id.eq(kontor))
            .select(company_memberships::id)
            .first(&mut conn)
            .unwrap()
    };
    // A buyer cannot reach the page or grant themself a role.
    app.login("buyer@nordbygg.example").await;
    assert_eq!(app.get("/b2b/company/users").await.status, 403);
    let own: i64 = {
        use duett::db::schema::users;
        let uid: i64 = users::table
            .filter(users::email.eq("buyer@nordbygg.example"))
            .select(users::id)
            .first(&mut conn)
            .unwrap();
        company_memberships::table
            .filter(company_memberships::user_id.eq(uid))
            .select(company_memberships::id)
            .first(&mut conn)
            .unwrap()
    };
    let res = app
        .post_form(
            &format!("/b2b/company/users/{own}"),
            "/",
            &[("role", "admin")],
        )
        .await;
    assert_eq!(res.status, 403);
    let role: String = company_memberships::table
        .find(own)
        .select(company_memberships::role)
        .first(&mut conn)
        .unwrap();
    assert_eq!(role, "buyer");
    app.post_form("/logout", "/", &[]).await;

    let admin = app.another_browser();
    admin.login("admin@nordbygg.example").await;
    // Another company's membership id is not found.
    let res = admin
        .post_form(
            &format!("/b2b/company/users/{other_company}"),
            "/b2b/company/users",
            &[("role", "buyer")],
        )
        .await;
    assert_eq!(res.status, 404);
    let res = admin
        .post_form(
            &format!("/b2b/company/users/{other_company}/active"),
            "/b2b/company/users",
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status, 404);
    // Change the buyer's limits; deactivate them.
    let res = admin
        .post_form(
            &format!("/b2b/company/users/{own}"),
            "/b2b/company/users",
            &[
                ("role", "approver"),
                ("order_limit", "10 000,50"),
                ("monthly_limit", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let (role, limit): (String, Option<i64>) = company_memberships::table
        .find(own)
        .select((
            company_memberships::role,
            company_memberships::order_limit_minor,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!((role.as_str(), limit), ("approver", Some(1_000_050)));
    admin
        .post_form(
            &format!("/b2b/company/users/{own}/active"),
            "/b2b/company/users",
            &[("active", "false")],
        )
        .await;
    let page = admin.get("/b2b/company/users").await;
    assert!(
        page.select_texts("tr.inactive th")
            .iter()
            .any(|t| t.contains("buyer@nordbygg.example"))
    );
    // The deactivated buyer's next sign-in does not reach the portal, and says why.
    let buyer = app.another_browser();
    let refused = buyer
        .post_form(
            "/login",
            "/login",
            &[("email", "buyer@nordbygg.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.status, 200);
    assert!(
        refused
            .text("#login-error")
            .contains("company's administrator")
    );
    assert_eq!(buyer.get("/").await.theme(), "b2c");
    assert_eq!(buyer.get("/").await.count(".who"), 0);
}
