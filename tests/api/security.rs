//! CSRF on every state-changing request and the baseline response headers.

use crate::helpers::{PASSWORD, spawn_app};

#[tokio::test]
async fn a_post_without_the_token_is_refused_with_a_themed_page() {
    let app = spawn_app().await;
    app.get("/login").await;
    let page = app
        .post_raw(
            "/login",
            &[("email", "shopper@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(page.theme(), "b2c");
    assert_eq!(page.text("h1"), "Please reload the form");
    assert_eq!(
        page.attr(".error-page a", "href").as_deref(),
        Some("/login")
    );
    let page = app
        .post_raw(
            "/login",
            &[
                ("email", "shopper@example.com"),
                ("password", PASSWORD),
                ("csrf_token", "forged"),
            ],
        )
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(app.get("/").await.count(".who"), 0, "not signed in");
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_a_token() {
    let app = spawn_app().await;
    let token = app.csrf_token("/login").await;
    let form = [
        ("email", "shopper@example.com"),
        ("password", PASSWORD),
        ("csrf_token", token.as_str()),
    ];
    for (header, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("origin", "null"),
    ] {
        let res = app
            .client
            .post(app.url("/login"))
            .header(header, value)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{header}: {value}");
    }
    let same = app
        .client
        .post(app.url("/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 303);
}

#[tokio::test]
async fn logout_needs_the_token_too() {
    let app = spawn_app().await;
    app.login("shopper@example.com").await;
    let page = app.post_raw("/logout", &[]).await;
    assert_eq!(page.status, 403);
    assert_eq!(app.get("/").await.count(".who"), 1, "still signed in");
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = spawn_app().await;
    let res = app.get_raw("/").await;
    let h = res.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
}
