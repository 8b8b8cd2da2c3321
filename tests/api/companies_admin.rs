//! Company accounts in admin: search, the details form checked as a whole, suspension (the
//! company's people lose access at once and regain it), a person's role and limits, the audit
//! trail, and who may do it.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, companies, company_memberships, users};

fn company_id(app: &TestApp, name: &str) -> i64 {
    companies::table
        .filter(companies::name.eq(name))
        .select(companies::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn form<'a>(credit: &'a str, status: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Nordbygg AB"),
        ("industry", "construction"),
        ("size", "medium"),
        ("contact_name", "Anna Berg"),
        ("contact_email", "anna@nordbygg.example"),
        ("contact_phone", "+46 8 555 123 00"),
        ("credit_limit", credit),
        ("status", status),
    ]
}

#[tokio::test]
async fn staff_change_a_company_suspend_it_and_set_a_buyers_limits() {
    let app = spawn_app().await;
    let id = company_id(&app, "Nordbygg AB");
    let path = format!("/admin/companies/{id}");
    let staff = app.another_browser();
    staff.login("sales@duett.example").await;
    let list = staff.get("/admin/companies?q=nordbygg").await;
    assert_eq!(
        list.select_texts(".admin-companies tbody a"),
        ["Nordbygg AB"]
    );
    let by_number = staff.get("/admin/companies?q=556677").await;
    assert_eq!(
        by_number.select_texts(".admin-companies tbody a"),
        ["Nordbygg AB"]
    );

    // A wrong form: every field said, what was typed kept, nothing saved.
    let mut bad = form("lots", "active");
    bad[0].1 = "N";
    bad[4].1 = "anna";
    let page = staff.post_form(&path, &path, &bad).await;
    assert_eq!(page.status, 422);
    assert!(page.text("#name-error").contains("2–120"));
    assert!(page.text("#contact_email-error").contains("e-mail address"));
    assert!(page.text("#credit_limit-error").contains("kronor"));
    assert_eq!(page.attr("#credit_limit", "value").as_deref(), Some("lots"));

    // A new credit limit shows on the buyer's side; suspension shuts the portal at once.
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    assert_eq!(buyer.get("/b2b/quick-order").await.status, 200);
    let res = staff
        .post_form(&path, &path, &form("300 000", "suspended"))
        .await;
    assert_eq!(res.status, 303);
    let page = staff.get(&path).await;
    assert!(page.text(".company-credit").contains("300,000.00"));
    assert_ne!(buyer.get("/b2b/quick-order").await.status, 200, "suspended");
    let res = staff
        .post_form(&path, &path, &form("300 000", "active"))
        .await;
    assert_eq!(res.status, 303);
    // Signing in again gives the portal back.
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    assert_eq!(buyer.get("/b2b/quick-order").await.status, 200);

    // The buyer's limits, set by staff.
    let membership: i64 = company_memberships::table
        .inner_join(users::table)
        .filter(users::email.eq("buyer@nordbygg.example"))
        .filter(company_memberships::company_id.eq(id))
        .select(company_memberships::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let member = format!("{path}/members/{membership}");
    let res = staff
        .post_form(
            &member,
            &path,
            &[
                ("role", "buyer"),
                ("order_limit", "ten"),
                ("monthly_limit", ""),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(!res.text(&format!("#member-{membership}-error")).is_empty());
    let res = staff
        .post_form(
            &member,
            &path,
            &[
                ("role", "buyer"),
                ("order_limit", "5 000"),
                ("monthly_limit", "20 000"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let limits: (Option<i64>, Option<i64>) = company_memberships::table
        .find(membership)
        .select((
            company_memberships::order_limit_minor,
            company_memberships::monthly_limit_minor,
        ))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(limits, (Some(500_000), Some(2_000_000)));
    // Another company's address cannot reach this person.
    let other = company_id(&app, "Kontorsgruppen i Lund AB");
    let res = staff
        .post_form(
            &format!("/admin/companies/{other}/members/{membership}"),
            &path,
            &[
                ("role", "admin"),
                ("order_limit", ""),
                ("monthly_limit", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 404);

    let actions: Vec<String> = audit_log::table
        .filter(
            audit_log::subject_id
                .eq(id.to_string())
                .or(audit_log::subject_id.eq(membership.to_string())),
        )
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    for a in [
        "company_suspend",
        "company_reactivate",
        "member_changed_by_staff",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
    // Catalog managers and support agents do not manage companies.
    for email in ["catalog@duett.example", "support@duett.example"] {
        let b = app.another_browser();
        b.login(email).await;
        assert_eq!(b.get(&path).await.status, 403, "{email}");
    }
}
