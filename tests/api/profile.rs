//! The account page: change password, saved addresses (only one's own).

use crate::helpers::{PASSWORD, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{addresses, users};

const NEW: &str = "copper meadow lantern quiet";

#[tokio::test]
async fn changing_the_password_needs_the_current_one() {
    let app = spawn_app().await;
    app.login("erik@example.com").await;
    let page = app.get("/account").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2c");
    let wrong = app
        .post_form(
            "/account/password",
            "/account",
            &[("current_password", "nope"), ("new_password", NEW)],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong
            .text("#current_password-error")
            .contains("not correct")
    );
    let weak = app
        .post_form(
            "/account/password",
            "/account",
            &[("current_password", PASSWORD), ("new_password", "short")],
        )
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.text("#new_password-error").contains("12"));
    let ok = app
        .post_form(
            "/account/password",
            "/account",
            &[("current_password", PASSWORD), ("new_password", NEW)],
        )
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.location(), "/account");
    let after = app.get("/account").await;
    assert_eq!(
        after.text("[role=status]"),
        "Your password has been changed."
    );
    assert_eq!(
        app.get("/account").await.count("[role=status]"),
        0,
        "the message shows once"
    );
    let other = app.another_browser();
    let res = other
        .post_form(
            "/login",
            "/login",
            &[("email", "erik@example.com"), ("password", NEW)],
        )
        .await;
    assert_eq!(res.status, 303);
}

#[tokio::test]
async fn addresses_are_validated_saved_and_deleted_only_by_their_owner() {
    let app = spawn_app().await;
    app.login("erik@example.com").await;
    let fields = |postal: &'static str| {
        vec![
            ("label", "Home"),
            ("name", "Erik Holm"),
            ("line1", "Kungsgatan 5"),
            ("postal_code", postal),
            ("city", "Uppsala"),
            ("country", "SE"),
        ]
    };
    let bad = app
        .post_form("/account/addresses", "/account", &fields("7531"))
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#postal_code-error").contains("postal code"));
    assert_eq!(
        bad.attr("#line1", "value").as_deref(),
        Some("Kungsgatan 5"),
        "typed values are kept"
    );
    let empty = app
        .post_form("/account/addresses", "/account", &[("country", "SE")])
        .await;
    assert_eq!(empty.count(".field-error"), 4);
    let ok = app
        .post_form("/account/addresses", "/account", &fields("75310"))
        .await;
    assert_eq!(ok.status, 303);
    let page = app.get("/account").await;
    assert!(page.text(".addresses address").contains("753 10 Uppsala"));

    // Sara's address id is not Erik's to delete.
    let mut conn = app.pool.get().unwrap();
    let sara: i64 = users::table
        .filter(users::email.eq("shopper@example.com"))
        .select(users::id)
        .first(&mut conn)
        .unwrap();
    let saras: i64 = addresses::table
        .filter(addresses::user_id.eq(sara))
        .select(addresses::id)
        .first(&mut conn)
        .unwrap();
    let refused = app
        .post_form(
            &format!("/account/addresses/{saras}/delete"),
            "/account",
            &[],
        )
        .await;
    assert_eq!(refused.status, 404);
    assert_eq!(
        addresses::table
            .find(saras)
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap(),
        1
    );
    for bad_id in ["abc", "-1", "99999999"] {
        assert_eq!(
            app.post_form(
                &format!("/account/addresses/{bad_id}/delete"),
                "/account",
                &[]
            )
            .await
            .status,
            404,
            "{bad_id}"
        );
    }
    let action = page.attr(".addresses form", "action").unwrap();
    assert_eq!(app.post_form(&action, "/account", &[]).await.status, 303);
    assert_eq!(app.get("/account").await.count(".addresses address"), 0);
}

#[tokio::test]
async fn the_account_page_needs_a_sign_in_and_follows_the_theme() {
    let app = spawn_app().await;
    let anon = app.get("/account").await;
    assert_eq!(anon.status, 303);
    assert_eq!(anon.location(), "/login?next=%2Faccount");
    app.login("buyer@nordbygg.example").await;
    assert_eq!(app.get("/account").await.theme(), "b2b");
}
