//! Consumer sign-up: validation on the same page, no user enumeration, single-use confirmation link.

use crate::helpers::{PASSWORD, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::{self, schema::users};

const GOOD: &str = "lamp river orange bicycle";

fn user_count(app: &TestApp) -> i64 {
    users::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

fn last_mail_to(app: &TestApp, to: &str) -> db::outbox::Message {
    db::outbox::recent(&mut app.pool.get().unwrap(), Some(to), 1)
        .unwrap()
        .into_iter()
        .next()
        .expect("a queued e-mail")
}

fn confirm_path(body: &str) -> String {
    let start = body
        .find("/register/confirm?token=")
        .expect("a confirmation link");
    body[start..].split_whitespace().next().unwrap().to_string()
}

#[tokio::test]
async fn a_shopper_registers_confirms_and_is_signed_in() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/register",
            "/register",
            &[
                ("name", "Nora Nyström"),
                ("email", "Nora@Example.com"),
                ("password", GOOD),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/register/sent");
    assert_eq!(
        app.get("/register/sent").await.text("h1"),
        "Check your inbox"
    );
    let mail = last_mail_to(&app, "nora@example.com");
    assert!(mail.subject.contains("Confirm"), "{}", mail.subject);
    assert!(mail.body_text.contains("Nora Nyström"));
    let link = confirm_path(&mail.body_text);

    // Before confirming, sign-in explains and sends a fresh link instead of signing in.
    let page = app
        .post_form(
            "/login",
            "/login",
            &[("email", "nora@example.com"), ("password", GOOD)],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text("[role=status]")
            .contains("Confirm your e-mail address first")
    );
    assert_eq!(app.get("/").await.count(".who"), 0);
    assert_ne!(
        confirm_path(&last_mail_to(&app, "nora@example.com").body_text),
        link,
        "a new link was sent"
    );

    // Opening the link changes nothing (mail scanners open links); its button confirms.
    let landing = app.get(&link).await;
    assert_eq!(landing.text("h1"), "Confirm your e-mail address");
    assert_eq!(app.get(&link).await.status, 200, "still valid after a GET");
    assert_eq!(app.get("/").await.count(".who"), 0);
    let confirmed = app.follow_link(&link).await;
    assert_eq!(confirmed.status, 303);
    assert_eq!(confirmed.location(), "/");
    assert!(app.get("/").await.text(".who").contains("Nora Nyström"));
    // The link works once.
    let again = app.another_browser().get(&link).await;
    assert_eq!(again.status, 410);
    assert_eq!(again.text("h1"), "This link cannot be used");
    // And now the password signs in.
    app.post_form("/logout", "/", &[]).await;
    let other = app.another_browser();
    let res = other
        .post_form(
            "/login",
            "/login",
            &[("email", "nora@example.com"), ("password", GOOD)],
        )
        .await;
    assert_eq!(res.status, 303);
}

#[tokio::test]
async fn bad_input_is_explained_on_the_same_page_and_nothing_is_saved() {
    let app = spawn_app().await;
    let before = user_count(&app);
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        ("", "a@example.com", GOOD, "#name-error", "Enter your name."),
        (
            &"x".repeat(101),
            "a@example.com",
            GOOD,
            "#name-error",
            "at most 100",
        ),
        (
            "Ann",
            "not-an-email",
            GOOD,
            "#email-error",
            "name@example.com",
        ),
        (
            "Ann",
            "a@example.com",
            "short",
            "#password-error",
            "at least 12",
        ),
        (
            "Ann",
            "a@example.com",
            "password1234",
            "#password-error",
            "too easy to guess",
        ),
        (
            "Ann",
            "annalind@example.com",
            "annalind-2026-xyz",
            "#password-error",
            "e-mail address",
        ),
    ];
    for (name, email, password, selector, message) in cases {
        let page = app
            .post_form(
                "/register",
                "/register",
                &[("name", name), ("email", email), ("password", password)],
            )
            .await;
        assert_eq!(page.status, 422, "{selector} {message}");
        assert_eq!(page.theme(), "b2c");
        assert!(
            page.text(selector).contains(message),
            "{}: {}",
            selector,
            page.text(selector)
        );
        assert_eq!(
            page.attr("input[name=name]", "value").as_deref(),
            Some(name.trim())
        );
        assert_eq!(
            page.attr("input[name=email]", "value").as_deref(),
            Some(*email)
        );
        assert_eq!(
            page.attr("input[name=password]", "value"),
            None,
            "never echoed"
        );
        assert_eq!(page.count("[aria-invalid=true]"), 1);
    }
    assert_eq!(user_count(&app), before);
}

#[tokio::test]
async fn a_taken_address_gets_the_same_answer_and_its_owner_an_email() {
    let app = spawn_app().await;
    let before = user_count(&app);
    let res = app
        .post_form(
            "/register",
            "/register",
            &[
                ("name", "Someone"),
                ("email", "shopper@example.com"),
                ("password", GOOD),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/register/sent");
    assert_eq!(user_count(&app), before);
    let mail = last_mail_to(&app, "shopper@example.com");
    assert!(
        mail.subject.contains("tried to create an account"),
        "{}",
        mail.subject
    );
    assert!(!mail.body_text.contains("/register/confirm"));
    // The existing account is untouched.
    assert_eq!(app.login("shopper@example.com").await.location(), "/");
    let _ = PASSWORD;
}

#[tokio::test]
async fn unknown_or_malformed_links_are_refused() {
    let app = spawn_app().await;
    for path in [
        "/register/confirm?token=nope",
        "/register/confirm",
        "/register/confirm?token=",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 410, "{path}");
        assert_eq!(page.theme(), "b2c");
    }
    let long = format!("/register/confirm?token={}", "a".repeat(500));
    assert_eq!(app.get(&long).await.status, 410);
}

#[tokio::test]
async fn registration_is_rate_limited_per_address() {
    let app = spawn_app().await;
    for n in 0..10 {
        let email = format!("bulk{n}@example.com");
        let res = app
            .post_form(
                "/register",
                "/register",
                &[("name", "Bulk"), ("email", &email), ("password", GOOD)],
            )
            .await;
        assert_eq!(res.status, 303, "{n}");
    }
    let res = app
        .post_form(
            "/register",
            "/register",
            &[
                ("name", "Bulk"),
                ("email", "bulk10@example.com"),
                ("password", GOOD),
            ],
        )
        .await;
    assert_eq!(res.status, 429);
    assert!(res.headers.get("retry-after").is_some());
}
