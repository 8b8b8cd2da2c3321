//! People who buy for several companies choose and switch the active company; nobody can switch to
//! a company they do not belong to.

use crate::helpers::spawn_app;
use duett::db;

#[tokio::test]
async fn a_multi_company_user_chooses_then_switches_company() {
    let app = spawn_app().await;
    let res = app.login("consultant@example.com").await;
    assert_eq!(res.location(), "/company", "asked to choose after sign-in");
    let chooser = app.get("/company").await;
    assert_eq!(chooser.status, 200);
    assert_eq!(chooser.theme(), "b2b");
    let names = chooser.select_texts(".company-name");
    assert_eq!(names, vec!["Kontorsgruppen i Lund AB", "Nordbygg AB"]);
    assert_eq!(chooser.count("button[aria-current]"), 1);
    let ids = chooser.attrs("input[name=company_id]", "value");
    let nordbygg = ids[1].clone();
    assert!(
        app.get("/").await.text(".who").contains("Kontorsgruppen"),
        "the first company is active until one is chosen"
    );
    let switched = app
        .post_form("/company", "/company", &[("company_id", &nordbygg)])
        .await;
    assert_eq!(switched.status, 303);
    assert!(
        switched.headers.get("set-cookie").is_some(),
        "a new session cookie at the privilege change"
    );
    let page = app.get("/").await;
    assert!(page.text(".who").contains("Nordbygg AB"));
    assert_eq!(page.count("a.switch-company[href='/company']"), 1);
    let mut conn = app.pool.get().unwrap();
    let actions: Vec<String> = db::audit::recent(&mut conn, 5)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions.first().map(String::as_str), Some("switch_company"));
}

#[tokio::test]
async fn switching_to_a_company_one_does_not_belong_to_is_not_found() {
    let app = spawn_app().await;
    app.login("buyer@nordbygg.example").await;
    let mut conn = app.pool.get().unwrap();
    use diesel::prelude::*;
    use duett::db::schema::companies;
    let other: i64 = companies::table
        .filter(companies::name.eq("Smakbyrån Restaurang AB"))
        .select(companies::id)
        .first(&mut conn)
        .unwrap();
    for value in [other.to_string(), "abc".into(), "-1".into(), "".into()] {
        let page = app
            .post_form("/company", "/company", &[("company_id", &value)])
            .await;
        assert_eq!(page.status, 404, "{value}");
        assert_eq!(page.theme(), "b2b");
    }
    assert!(
        app.get("/").await.text(".who").contains("Nordbygg AB"),
        "still Nordbygg"
    );
    // A single-company user has no switch link.
    assert_eq!(app.get("/").await.count("a.switch-company"), 0);
}

#[tokio::test]
async fn only_company_users_reach_the_chooser() {
    let app = spawn_app().await;
    let anon = app.get("/company").await;
    assert_eq!(anon.status, 303);
    assert_eq!(anon.location(), "/login?next=%2Fcompany");
    app.login("shopper@example.com").await;
    assert_eq!(app.get("/company").await.status, 403);
}

#[tokio::test]
async fn sign_ins_and_failures_are_audited() {
    let app = spawn_app().await;
    app.post_form(
        "/login",
        "/login",
        &[("email", "shopper@example.com"), ("password", "nope")],
    )
    .await;
    app.login("shopper@example.com").await;
    app.post_form("/logout", "/", &[]).await;
    let mut conn = app.pool.get().unwrap();
    let entries = db::audit::recent(&mut conn, 3).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["sign_out", "sign_in", "sign_in_failed"]);
    assert_eq!(entries[2].subject_id, "shopper@example.com");
    assert!(
        entries[0].actor_user_id.is_some() && entries[0].actor_user_id == entries[1].actor_user_id
    );
}
