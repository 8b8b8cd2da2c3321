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
    // `Origin: null` (a page sent with `Referrer-Policy: no-referrer`, like the order page) is
    // believed only with the browser's own same-origin mark, and the token is still needed.
    let app = spawn_app().await;
    let token = app.csrf_token("/login").await;
    let form = [
        ("email", "shopper@example.com"),
        ("password", PASSWORD),
        ("csrf_token", token.as_str()),
    ];
    for (site, status) in [
        ("same-origin", 303),
        ("cross-site", 403),
        ("same-site", 403),
    ] {
        let res = app
            .client
            .post(app.url("/login"))
            .header("origin", "null")
            .header("sec-fetch-site", site)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "Origin: null with {site}");
    }
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

#[tokio::test]
async fn hsts_is_sent_only_when_served_over_https() {
    let plain = spawn_app().await;
    assert!(
        plain
            .get_raw("/")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    let https = crate::helpers::spawn_app_with(|s| s.server.secure_cookies = true).await;
    let res = https.get_raw("/").await;
    assert!(
        res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}

#[tokio::test]
async fn the_sixth_sign_in_attempt_in_a_minute_gets_429_even_with_the_right_password() {
    let app = spawn_app().await;
    for n in 1..=5 {
        let page = app
            .post_form(
                "/login",
                "/login",
                &[("email", "shopper@example.com"), ("password", "wrong")],
            )
            .await;
        assert_eq!(page.status, 200, "attempt {n}");
    }
    let page = app
        .post_form(
            "/login",
            "/login",
            &[("email", "Shopper@Example.com "), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(page.status, 429);
    assert_eq!(page.theme(), "b2c");
    assert_eq!(page.text("h1"), "Too many attempts");
    let wait: u64 = page.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=61).contains(&wait), "{wait}");
    assert_eq!(app.get("/").await.count(".who"), 0, "not signed in");
    // Another account from the same address is not locked out by this one.
    assert_eq!(app.login("erik@example.com").await.status, 303);
}
