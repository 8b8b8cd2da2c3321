//! Bad addresses and unknown ids give themed 404 pages, never 500.

use crate::helpers::spawn_app;

#[tokio::test]
async fn unknown_addresses_get_a_themed_404() {
    let app = spawn_app().await;
    for path in [
        "/no-such-page",
        "/products/no-such-product",
        "/products/UPPER-case",
        "/products/..%2F..%2Fetc%2Fpasswd",
        "/products/%00",
        "/categories/no-such-category",
        "/categories/a--b",
        "/content/unknown",
        "/products/x/extra",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert_eq!(page.theme(), "b2c", "{path}");
        assert_eq!(page.text("h1"), "Page not found", "{path}");
        assert_eq!(page.count(".error-page a[href='/']"), 1, "{path}: a way on");
    }
}

#[tokio::test]
async fn a_company_user_gets_the_404_in_the_business_theme() {
    let app = spawn_app().await;
    app.login("approver@nordbygg.example").await;
    let page = app.get("/products/no-such-product").await;
    assert_eq!(page.status, 404);
    assert_eq!(page.theme(), "b2b");
}

#[tokio::test]
async fn wrong_methods_and_malformed_forms_do_not_crash() {
    let app = spawn_app().await;
    let token = app.csrf_token("/login").await;
    // A form body that is not urlencoded text still gets a clear page.
    let res = app
        .client
        .post(app.url("/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf_token={token}&email=%ZZ"))
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_client_error() || res.status() == 200,
        "{}",
        res.status()
    );
    let res = app.client.put(app.url("/")).send().await.unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
}
