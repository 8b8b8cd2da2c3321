//! A sales representative acts for a company buyer: the portal in the buyer's name under a
//! banner, buying allowed, the buyer's account, approvals and company settings refused, every
//! change audited with the representative as actor; only sales reps and administrators may.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, cart_lines, carts, users};

fn user_id(app: &TestApp, email: &str) -> i64 {
    users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_sales_rep_acts_for_a_buyer_under_a_banner_and_every_change_is_audited() {
    let app = spawn_app().await;
    app.login("sales@duett.example").await;
    let people = app.get("/admin/act-for?q=NORDBYGG").await;
    assert_eq!(people.status, 200);
    assert!(
        people
            .text(".act-for-people")
            .contains("buyer@nordbygg.example")
    );
    assert!(!people.text(".act-for-people").contains("kontorsgruppen"));
    let buyer = user_id(&app, "buyer@nordbygg.example");
    let company: i64 = people
        .attr("input[name=company_id]", "value")
        .unwrap()
        .parse()
        .unwrap();
    let started = app
        .post_form(
            "/admin/act-for",
            "/admin/act-for",
            &[
                ("user_id", &buyer.to_string()),
                ("company_id", &company.to_string()),
            ],
        )
        .await;
    assert_eq!(started.status, 303);

    // The portal as the buyer sees it, with the banner.
    let home = app.get("/").await;
    assert_eq!(home.theme(), "b2b");
    let banner = home.text(".acting-bar");
    assert!(
        banner.contains("Sven Sälj") && banner.contains("Nordbygg AB"),
        "{banner}"
    );
    assert_eq!(
        app.get("/admin").await.status,
        403,
        "admin pages wait until they stop"
    );

    // Buying works and is recorded in the rep's name.
    let added = app
        .post_form(
            "/cart/add",
            "/cart",
            &[("sku", "DE-01150"), ("quantity", "2")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.text("main"));
    let mut c = app.pool.get().unwrap();
    let in_cart: i64 = cart_lines::table
        .inner_join(carts::table)
        .filter(carts::user_id.eq(buyer))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(in_cart, 1, "the line is in the buyer's own cart");
    let rep = user_id(&app, "sales@duett.example");
    let acted: Vec<(Option<i64>, String, Option<String>)> = audit_log::table
        .filter(audit_log::action.eq_any(["act_for_start", "acted_for"]))
        .order(audit_log::id)
        .select((
            audit_log::actor_user_id,
            audit_log::subject_id,
            audit_log::after_value,
        ))
        .load(&mut c)
        .unwrap();
    assert_eq!(acted.len(), 2, "{acted:?}");
    assert!(
        acted
            .iter()
            .all(|(a, s, _)| *a == Some(rep) && *s == buyer.to_string())
    );
    assert_eq!(acted[1].2.as_deref(), Some("POST /cart/add"));

    // Not their password, approvals or company.
    for path in [
        "/account/password",
        "/b2b/approvals/1",
        "/b2b/company/users",
        "/company",
    ] {
        let refused = app.post_form(path, "/", &[]).await;
        assert_eq!(refused.status, 403, "{path}");
    }

    // Stopping: back to the admin pages, the banner gone, audited.
    let stopped = app.post_form("/act-for/stop", "/", &[]).await;
    assert_eq!(stopped.status, 303);
    assert_eq!(stopped.location(), "/admin/act-for");
    let admin = app.get("/admin").await;
    assert_eq!(admin.status, 200);
    assert_eq!(admin.theme(), "admin");
    assert_eq!(app.get("/").await.count(".acting-bar"), 0);
    let stops: i64 = audit_log::table
        .filter(audit_log::action.eq("act_for_stop"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(stops, 1);
}

#[tokio::test]
async fn only_sales_reps_and_administrators_act_and_only_for_company_people() {
    let app = spawn_app().await;
    let buyer = user_id(&app, "buyer@nordbygg.example").to_string();
    for email in ["catalog@duett.example", "support@duett.example"] {
        let staff = app.another_browser();
        staff.login(email).await;
        assert_eq!(staff.get("/admin/act-for").await.status, 403, "{email}");
        let token = staff.csrf_token("/admin").await;
        let tried = staff
            .post_raw(
                "/admin/act-for",
                &[
                    ("user_id", &buyer),
                    ("company_id", "1"),
                    ("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(tried.status, 403, "{email}");
    }
    let company_buyer = app.another_browser();
    company_buyer.login("buyer@kontorsgruppen.example").await;
    assert_eq!(company_buyer.get("/admin/act-for").await.status, 403);

    // A consumer, a member of another company, or nobody: 404, and nothing starts.
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let shopper = user_id(&app, "shopper@example.com").to_string();
    let kontor = user_id(&app, "buyer@kontorsgruppen.example").to_string();
    let nordbygg: String = {
        let page = admin.get("/admin/act-for?q=buyer@nordbygg").await;
        page.attr("input[name=company_id]", "value").unwrap()
    };
    for (user, company) in [
        (&shopper, &nordbygg),
        (&kontor, &nordbygg),
        (&"999999".to_string(), &nordbygg),
    ] {
        let tried = admin
            .post_form(
                "/admin/act-for",
                "/admin/act-for",
                &[("user_id", user), ("company_id", company)],
            )
            .await;
        assert_eq!(tried.status, 404, "{user}");
    }
    assert_eq!(admin.get("/").await.count(".acting-bar"), 0);
    assert_eq!(admin.get("/admin").await.status, 200);
}
