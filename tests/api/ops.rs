//! Liveness, readiness and static files.

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let health = app.get_raw("/healthz").await;
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok");
    let ready = app.get_raw("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let app = spawn_app().await;
    // Exhaust the pool so no connection can be had: the check must answer 503, not hang or 500.
    let held: Vec<_> = (0..app.settings.database.pool_size)
        .map(|_| app.pool.get().unwrap())
        .collect();
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap();
    let res = client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    drop(held);
    assert_eq!(app.get_raw("/readyz").await.status(), 200);
}

#[tokio::test]
async fn static_files_have_versioned_urls_and_long_cache_headers() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    let css = page
        .attr("link[rel=stylesheet][href*='b2c/site.css']", "href")
        .unwrap();
    assert!(css.contains("?v="), "{css}");
    let res = app.get_raw(&css).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let script = page.attr("script[src*='enhance.js']", "src").unwrap();
    assert_eq!(app.get_raw(&script).await.status(), 200);
    assert_eq!(app.get_raw("/static/nope.css").await.status(), 404);
}

#[tokio::test]
async fn head_requests_get_the_headers_of_get_without_a_body() {
    let app = spawn_app().await;
    for path in ["/", "/healthz", "/login"] {
        let res = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/")
        );
        assert!(res.text().await.unwrap().is_empty(), "{path}");
    }
    let missing = app
        .client
        .head(app.url("/no-such-page"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    // HEAD is not a way around a form: POST-only addresses still refuse it.
    let res = app.client.head(app.url("/logout")).send().await.unwrap();
    assert_ne!(res.status(), 200);
}
