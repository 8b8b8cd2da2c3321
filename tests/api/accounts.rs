//! The minimal sign-in: argon2 passwords, a new session on sign-in, sign-out, safe redirects.

use crate::helpers::{PASSWORD, spawn_app};

#[tokio::test]
async fn wrong_or_unknown_credentials_get_the_same_clear_message_and_keep_the_email() {
    let app = spawn_app().await;
    for (email, password) in [
        ("shopper@example.com", "not-the-password"),
        ("nobody@example.com", PASSWORD),
        ("not an email", PASSWORD),
        ("", ""),
    ] {
        let page = app
            .post_form(
                "/login",
                "/login",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(page.status, 200, "{email}");
        assert_eq!(page.theme(), "b2c");
        assert!(page.text("[role=alert]").contains("not correct"), "{email}");
        assert_eq!(
            page.attr("input[name=email]", "value").as_deref(),
            Some(email.trim())
        );
        assert_eq!(
            page.attr("input[name=password]", "value"),
            None,
            "the password is never echoed"
        );
    }
    assert_eq!(app.get("/").await.count(".who"), 0, "still signed out");
}

#[tokio::test]
async fn the_login_form_has_the_stable_fields_and_autocomplete() {
    let app = spawn_app().await;
    let page = app.get("/login").await;
    assert_eq!(
        page.attr("form[action='/login'] input[name=email]", "autocomplete")
            .as_deref(),
        Some("username")
    );
    assert_eq!(
        page.attr("input[name=password]", "autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(
        page.count("form[action='/login'] input[name=csrf_token]"),
        1
    );
    assert_eq!(page.count("label[for=email]"), 1);
    assert_eq!(page.count("label[for=password]"), 1);
}

#[tokio::test]
async fn sign_in_returns_to_a_local_next_path_only() {
    let app = spawn_app().await;
    let page = app
        .post_form(
            "/login",
            "/login",
            &[
                ("email", "shopper@example.com"),
                ("password", PASSWORD),
                ("next", "/categories/desks"),
            ],
        )
        .await;
    assert_eq!(page.location(), "/categories/desks");
    app.post_form("/logout", "/", &[]).await;
    let page = app
        .post_form(
            "/login",
            "/login",
            &[
                ("email", "shopper@example.com"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(page.location(), "/");
}

#[tokio::test]
async fn sign_in_issues_a_new_session_and_sign_out_ends_it() {
    let app = spawn_app().await;
    let before = app.get_raw("/login").await;
    let anon_cookie = before
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_string());
    let res = app.login("shopper@example.com").await;
    let signed_in_cookie = res
        .headers
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap();
    assert!(signed_in_cookie.contains("HttpOnly"));
    assert!(signed_in_cookie.contains("SameSite=Lax"));
    assert_ne!(anon_cookie, Some(signed_in_cookie));
    let out = app.post_form("/logout", "/", &[]).await;
    assert_eq!(out.status, 303);
    let page = app.get("/").await;
    assert_eq!(page.count(".who"), 0);
    assert_eq!(page.count("a[href='/login']"), 1);
}
