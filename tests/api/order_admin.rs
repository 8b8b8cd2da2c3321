//! The staff order page's notes (for colleagues, never shown to the customer) and its printed
//! sheet (the lines to pick, the address, the totals, without the admin's frame).

use crate::helpers::spawn_app;
use crate::returns::{order_number, paid_order, product};
use diesel::prelude::*;
use duett::db::schema::audit_log;

#[tokio::test]
async fn staff_note_an_order_and_print_it() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "2").await;
    let number = order_number(&app);
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let path = format!("/admin/orders/{number}");
    let page = staff.get(&path).await;
    assert_eq!(page.text(".order-notes .muted"), "No notes yet.");

    let res = staff
        .post_form(&format!("{path}/notes"), &path, &[("note", "   ")])
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.text("#note-error"), "Write the note first.");
    let long = "x".repeat(2_001);
    let res = staff
        .post_form(&format!("{path}/notes"), &path, &[("note", &long)])
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.text("#note").len(), 2_001, "what was typed is kept");
    let note = "Customer called: <b>leave at the back door</b>";
    let res = staff
        .post_form(&format!("{path}/notes"), &path, &[("note", note)])
        .await;
    assert_eq!(res.status, 303);
    let page = staff.get(&path).await;
    assert_eq!(page.text(".order-note .note-body"), note);
    assert!(
        page.text(".order-note .muted")
            .starts_with("Sofia Support · ")
    );
    assert_eq!(page.count(".order-note b"), 0, "escaped");
    // The customer never sees it.
    let shopper_view = app.get(&order_url).await;
    assert_eq!(shopper_view.status, 200);
    assert!(!shopper_view.text("main").contains("back door"));
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("order_note"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 1);

    // The printed sheet: the order, its lines to pick and totals, no admin frame.
    let sheet = staff.get(&format!("{path}/print")).await;
    assert_eq!(sheet.status, 200);
    assert_eq!(sheet.count(".admin-side"), 0);
    assert_eq!(sheet.text("h1 .order-number"), number);
    assert_eq!(sheet.count(".print-lines tbody tr"), 1);
    assert_eq!(sheet.text(".print-lines tbody td:nth-child(2)"), sku);
    assert_eq!(sheet.text(".print-lines tbody td:nth-child(4)"), "2");
    assert!(sheet.text(".print-lines caption").contains("2 items"));
    assert!(!sheet.text(".print-total dd").is_empty());
    assert_eq!(
        page.attr("a.order-print", "href"),
        Some(format!("{path}/print"))
    );

    // The list narrows by company and by the days an order was placed (on the shop's clock);
    // a day that cannot be read is said next to its field and left out.
    let count = |page: &crate::helpers::Page| page.count("table.admin-orders tbody tr");
    let today = chrono::Utc::now().date_naive();
    let around = format!(
        "/admin/orders?from={}&to={}",
        today.pred_opt().unwrap(),
        today.succ_opt().unwrap()
    );
    assert_eq!(count(&staff.get(&around).await), 1);
    assert_eq!(
        count(
            &staff
                .get("/admin/orders?from=2000-01-01&to=2000-01-02")
                .await
        ),
        0
    );
    let nordbygg: i64 = duett::db::schema::companies::table
        .filter(duett::db::schema::companies::name.like("Nordbygg%"))
        .select(duett::db::schema::companies::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let by_company = staff
        .get(&format!("/admin/orders?company={nordbygg}"))
        .await;
    assert_eq!(count(&by_company), 0, "a consumer's order is no company's");
    assert_eq!(
        by_company.attr("#company option[selected]", "value"),
        Some(nordbygg.to_string())
    );
    let bad = staff.get("/admin/orders?from=31/12").await;
    assert_eq!(bad.status, 200);
    assert!(bad.text("#from-error").contains("2026-12-01"));
    assert_eq!(count(&bad), 1);

    // A catalog manager may do neither.
    let catalog = app.another_browser();
    catalog.login("catalog@duett.example").await;
    assert_eq!(catalog.get(&format!("{path}/print")).await.status, 403);
    let res = catalog
        .post_form(&format!("{path}/notes"), "/admin", &[("note", "hi")])
        .await;
    assert_eq!(res.status, 403);
}
