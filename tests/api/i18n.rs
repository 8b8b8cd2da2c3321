//! Language: Accept-Language, the switcher cookie, and per-locale money formats.

use crate::helpers::spawn_app;

#[tokio::test]
async fn swedish_browsers_get_swedish_text_and_kronor() {
    let app = spawn_app().await;
    let page = app
        .get_lang("/categories/desks", "sv-SE,sv;q=0.9,en;q=0.5")
        .await;
    assert_eq!(page.attr("html", "lang").as_deref(), Some("sv"));
    assert_eq!(page.text("label[for=sort]"), "Sortera efter");
    let price = page.text(".grid .price-amount");
    assert!(price.ends_with("kr") && price.contains(','), "{price}");
    assert_eq!(page.text(".grid .price-note"), "inkl. moms");
    let english = app.get_lang("/categories/desks", "en-GB").await;
    assert!(english.text(".grid .price-amount").starts_with("SEK"));
}

#[tokio::test]
async fn the_switcher_keeps_the_choice_in_a_cookie_and_returns_to_the_page() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/language",
            "/categories/desks",
            &[("lang", "sv"), ("next", "/categories/desks")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/categories/desks");
    // The cookie now wins over the English Accept-Language header.
    let page = app.get_lang("/", "en").await;
    assert_eq!(page.attr("html", "lang").as_deref(), Some("sv"));
    assert_eq!(
        page.attr("#lang-select option[selected]", "value")
            .as_deref(),
        Some("sv")
    );
    let bad = app.post_form("/language", "/", &[("lang", "xx")]).await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn a_signed_in_users_choice_is_saved_to_their_account() {
    let app = spawn_app().await;
    app.login("shopper@example.com").await;
    app.post_form("/language", "/", &[("lang", "sv"), ("next", "/")])
        .await;
    app.post_form("/logout", "/", &[]).await;
    // Another browser (no language cookie) signs in: the saved setting beats Accept-Language.
    let other = app.another_browser();
    other.login("shopper@example.com").await;
    let page = other.get_lang("/", "en").await;
    assert_eq!(page.attr("html", "lang").as_deref(), Some("sv"));
}
