//! Forgotten passwords: same answer for every address, single-use expiring link, the policy applies.

use crate::helpers::{PASSWORD, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::{self, schema::account_tokens};

const NEW: &str = "violet harbour pencil thunder";

fn mails_to(app: &TestApp, to: &str) -> Vec<db::outbox::Message> {
    db::outbox::recent(&mut app.pool.get().unwrap(), Some(to), 10).unwrap()
}

fn reset_path(body: &str) -> String {
    let start = body.find("/password/reset?token=").expect("a reset link");
    body[start..].split_whitespace().next().unwrap().to_string()
}

#[tokio::test]
async fn a_shopper_resets_a_forgotten_password_once() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "Shopper@example.com")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/password/forgot/sent");
    let mails = mails_to(&app, "shopper@example.com");
    assert_eq!(mails.len(), 1);
    let link = reset_path(&mails[0].body_text);
    let form = app.get(&link).await;
    assert_eq!(form.status, 200);
    assert_eq!(
        form.attr("input[name=password]", "autocomplete").as_deref(),
        Some("new-password")
    );
    let token = form.attr("input[name=token]", "value").unwrap();

    // A weak password is refused on the same page and the link stays usable.
    let weak = app
        .post_form(
            "/password/reset",
            &link,
            &[("token", &token), ("password", "password1234")],
        )
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.text("#password-error").contains("too easy"));

    let done = app
        .post_form(
            "/password/reset",
            &link,
            &[("token", &token), ("password", NEW)],
        )
        .await;
    assert_eq!(done.status, 303);
    assert!(
        app.get("/").await.text(".who").contains("Sara Lind"),
        "signed in after the reset"
    );

    // The link is used up; the old password no longer works, the new one does.
    assert_eq!(app.another_browser().get(&link).await.status, 410);
    let other = app.another_browser();
    let old = other
        .post_form(
            "/login",
            "/login",
            &[("email", "shopper@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(old.status, 200);
    let new = other
        .post_form(
            "/login",
            "/login",
            &[("email", "shopper@example.com"), ("password", NEW)],
        )
        .await;
    assert_eq!(new.status, 303);
}

#[tokio::test]
async fn unknown_addresses_get_the_same_answer_and_no_email() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "nobody@example.com")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/password/forgot/sent");
    assert!(mails_to(&app, "nobody@example.com").is_empty());
    let bad = app
        .post_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "not an address")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.attr("input[name=email]", "value").as_deref(),
        Some("not an address")
    );
}

#[tokio::test]
async fn expired_forged_and_reused_links_are_refused() {
    let app = spawn_app().await;
    app.post_form(
        "/password/forgot",
        "/password/forgot",
        &[("email", "erik@example.com")],
    )
    .await;
    let link = reset_path(&mails_to(&app, "erik@example.com")[0].body_text);
    let token = link.split("token=").nth(1).unwrap().to_string();
    // Expire it.
    diesel::update(account_tokens::table)
        .set(
            account_tokens::expires_at
                .eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1)),
        )
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let page = app.get(&link).await;
    assert_eq!(page.status, 410);
    assert_eq!(
        page.attr(".form-page a.button", "href").as_deref(),
        Some("/password/forgot")
    );
    let post = app
        .post_form(
            "/password/reset",
            "/password/forgot",
            &[("token", &token), ("password", NEW)],
        )
        .await;
    assert_eq!(post.status, 410);
    for forged in ["nope", "", &"x".repeat(300)] {
        let page = app
            .post_form(
                "/password/reset",
                "/password/forgot",
                &[("token", forged), ("password", NEW)],
            )
            .await;
        assert_eq!(page.status, 410, "{forged}");
    }
}

#[tokio::test]
async fn reset_requests_are_rate_limited_per_address() {
    let app = spawn_app().await;
    for _ in 0..3 {
        let res = app
            .post_form(
                "/password/forgot",
                "/password/forgot",
                &[("email", "maja@example.com")],
            )
            .await;
        assert_eq!(res.status, 303);
    }
    let res = app
        .post_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "maja@example.com")],
        )
        .await;
    assert_eq!(res.status, 429);
    assert_eq!(mails_to(&app, "maja@example.com").len(), 3);
}
