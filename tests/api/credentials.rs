//! Changing the sign-in address and the password: confirmation by the new address, a warning to
//! the old one, no enumeration, and every other session ends. Closed accounts say why (only to
//! someone who knows the password).

use crate::helpers::{PASSWORD, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::{self, schema::users};

const NEW_PASSWORD: &str = "copper meadow lantern quiet";

fn mails_to(app: &TestApp, to: &str) -> Vec<db::outbox::Message> {
    db::outbox::recent(&mut app.pool.get().unwrap(), Some(to), 10).unwrap()
}

fn link_in(body: &str, path: &str) -> Option<String> {
    let start = body.find(path)?;
    Some(body[start..].split_whitespace().next()?.to_string())
}

fn email_of(app: &TestApp, name: &str) -> String {
    users::table
        .filter(users::name.eq(name))
        .select(users::email)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn request_change(app: &TestApp, new_email: &str, password: &str) -> crate::helpers::Page {
    app.post_form(
        "/account/email",
        "/account",
        &[("new_email", new_email), ("current_password", password)],
    )
    .await
}

#[tokio::test]
async fn the_new_address_confirms_the_change_and_other_sessions_end() {
    let app = spawn_app().await;
    app.login("shopper@example.com").await;
    let laptop = app.another_browser();
    laptop.login("shopper@example.com").await;
    assert_eq!(laptop.get("/account").await.status, 200);

    let res = request_change(&app, "Sara.New@Example.com", PASSWORD).await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/account");
    let page = app.get("/account").await;
    assert!(page.text("[role=status]").contains("confirmation link"));
    // Nothing changes until the new address confirms.
    let name = "Sara Lind";
    assert_eq!(email_of(&app, name), "shopper@example.com");
    let to_new = mails_to(&app, "sara.new@example.com");
    assert_eq!(to_new.len(), 1);
    let link = link_in(&to_new[0].body_text, "/account/email/confirm?token=").expect("a link");
    let warning = &mails_to(&app, "shopper@example.com")[0];
    assert!(
        warning.subject.contains("about to change"),
        "{}",
        warning.subject
    );
    assert!(warning.body_text.contains("sara.new@example.com"));
    assert!(warning.body_text.contains("/password/forgot"));

    // Opening the link shows what will change and changes nothing; the button does it.
    let landing = app.get(&link).await;
    assert_eq!(landing.status, 200);
    assert!(landing.text("main .lead").contains("sara.new@example.com"));
    assert_eq!(email_of(&app, name), "shopper@example.com");
    let done = app.follow_link(&link).await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location(), "/account");
    let page = app.get("/account").await;
    assert!(page.text("[role=status]").contains("has been changed"));
    assert!(page.text(".lead").contains("sara.new@example.com"));
    assert_eq!(email_of(&app, name), "sara.new@example.com");

    // The other browser's session ended; the old address no longer signs in, the new one does.
    let ended = laptop.get("/account").await;
    assert_eq!(ended.status, 303);
    assert!(
        ended.location().starts_with("/login"),
        "{}",
        ended.location()
    );
    let old = app
        .another_browser()
        .post_form(
            "/login",
            "/login",
            &[("email", "shopper@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(old.status, 200);
    assert_eq!(old.count("#login-error"), 1);
    app.another_browser().login("sara.new@example.com").await;
    // The link works once.
    assert_eq!(app.another_browser().get(&link).await.status, 410);
}

#[tokio::test]
async fn mistakes_are_explained_on_the_same_page_and_nothing_is_sent() {
    let app = spawn_app().await;
    app.login("erik@example.com").await;
    let before = db::outbox::recent(&mut app.pool.get().unwrap(), None, 100)
        .unwrap()
        .len();
    let cases = [
        (
            "erik.new@example.com",
            "wrong password",
            "#email_password-error",
            "not correct",
        ),
        (
            "not-an-address",
            PASSWORD,
            "#new_email-error",
            "name@example.com",
        ),
        ("", PASSWORD, "#new_email-error", "name@example.com"),
        (
            "ERIK@example.com",
            PASSWORD,
            "#new_email-error",
            "already your",
        ),
    ];
    for (new_email, password, selector, message) in cases {
        let page = request_change(&app, new_email, password).await;
        assert_eq!(page.status, 422, "{new_email}");
        assert!(
            page.text(selector).contains(message),
            "{new_email}: {}",
            page.text(selector)
        );
        // What was typed is kept.
        assert_eq!(
            page.attr("#new_email", "value").unwrap_or_default(),
            new_email.trim(),
        );
    }
    let after = db::outbox::recent(&mut app.pool.get().unwrap(), None, 100)
        .unwrap()
        .len();
    assert_eq!(before, after, "no e-mail was sent");
    assert_eq!(email_of(&app, "Erik Holm"), "erik@example.com");
}

#[tokio::test]
async fn an_address_in_use_gets_the_same_answer_but_no_link() {
    let app = spawn_app().await;
    app.login("erik@example.com").await;
    let res = request_change(&app, "maja@example.com", PASSWORD).await;
    assert_eq!(res.status, 303, "the same answer as for a free address");
    assert!(
        app.get("/account")
            .await
            .text("[role=status]")
            .contains("confirmation link")
    );
    let to_owner = &mails_to(&app, "maja@example.com")[0];
    assert!(link_in(&to_owner.body_text, "/account/email/confirm").is_none());
    assert_eq!(email_of(&app, "Erik Holm"), "erik@example.com");
}

#[tokio::test]
async fn a_newer_request_voids_the_older_link_and_bad_links_are_refused() {
    let app = spawn_app().await;
    app.login("erik@example.com").await;
    request_change(&app, "first@example.com", PASSWORD).await;
    let first = link_in(
        &mails_to(&app, "first@example.com")[0].body_text,
        "/account/email/confirm?token=",
    )
    .unwrap();
    request_change(&app, "second@example.com", PASSWORD).await;
    assert_eq!(app.get(&first).await.status, 410);
    for path in [
        "/account/email/confirm",
        "/account/email/confirm?token=nope",
    ] {
        assert_eq!(app.get(path).await.status, 410, "{path}");
    }
    let forged = app
        .post_form("/account/email/confirm", "/account", &[("token", "nope")])
        .await;
    assert_eq!(forged.status, 410);
    assert_eq!(email_of(&app, "Erik Holm"), "erik@example.com");
    // Signed out, the form is not available.
    let stranger = app.another_browser();
    let res = stranger
        .post_form(
            "/account/email",
            "/login",
            &[
                ("new_email", "x@example.com"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(res.location().starts_with("/login"));
}

#[tokio::test]
async fn a_password_change_ends_every_other_session() {
    let app = spawn_app().await;
    app.login("maja@example.com").await;
    let phone = app.another_browser();
    phone.login("maja@example.com").await;
    let res = app
        .post_form(
            "/account/password",
            "/account",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    // This browser stays signed in; the phone is signed out.
    assert_eq!(app.get("/account").await.status, 200);
    let ended = phone.get("/account").await;
    assert_eq!(ended.status, 303);
    assert!(ended.location().starts_with("/login"));
    assert_eq!(phone.get("/").await.count(".who"), 0);
}

#[tokio::test]
async fn a_closed_account_says_so_only_to_whoever_knows_the_password() {
    let app = spawn_app().await;
    diesel::update(users::table.filter(users::email.eq("maja@example.com")))
        .set(users::disabled.eq(true))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let right = app
        .post_form(
            "/login",
            "/login",
            &[("email", "maja@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(right.status, 200);
    assert!(right.text("#login-error").contains("closed"));
    assert_eq!(app.get("/").await.count(".who"), 0);
    let wrong = app
        .another_browser()
        .post_form(
            "/login",
            "/login",
            &[
                ("email", "maja@example.com"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert!(wrong.text("#login-error").contains("not correct"));
}
