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

#[tokio::test]
async fn support_gives_money_back_from_the_order_page_once_and_never_more_than_paid() {
    use duett::db::schema::{orders, outbox};
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "2").await;
    let number = order_number(&app);
    let total: i64 = orders::table
        .filter(orders::number.eq(&number))
        .select(orders::total_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let path = format!("/admin/orders/{number}");
    let give = format!("{path}/refund");
    let page = staff.get(&path).await;
    assert_eq!(page.count("form.order-refund"), 1);
    let key = page
        .attr("form.order-refund input[name=key]", "value")
        .unwrap();

    // Refused with the input kept: more than was paid, nothing, no reason.
    let too_much = format!("{},00", total / 100 + 1);
    let res = staff
        .post_form(
            &give,
            &path,
            &[
                ("amount", &too_much),
                ("note", "Price match"),
                ("key", &key),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text("#refund-amount-error").contains("is left"),
        "{}",
        res.text("#refund-amount-error")
    );
    assert_eq!(
        res.attr("#refund-amount", "value").as_deref(),
        Some(too_much.as_str())
    );
    assert_eq!(
        res.attr("#refund-note", "value").as_deref(),
        Some("Price match")
    );
    let res = staff
        .post_form(
            &give,
            &path,
            &[("amount", "0"), ("note", "Price match"), ("key", &key)],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.count("#refund-amount-error"), 1);
    let res = staff
        .post_form(
            &give,
            &path,
            &[("amount", "100,50"), ("note", " "), ("key", &key)],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.count("#refund-note-error"), 1);

    // Given: on the page, the timeline, the customer's mail and the audit log.
    let res = staff
        .post_form(
            &give,
            &path,
            &[("amount", "100,50"), ("note", "Price match"), ("key", &key)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    // The same form again (a second click) gives nothing more.
    let again = staff
        .post_form(
            &give,
            &path,
            &[("amount", "100,50"), ("note", "Price match"), ("key", &key)],
        )
        .await;
    assert_eq!(again.status, 303);
    let page = staff.get(&path).await;
    assert!(
        page.text(".order-refunded")
            .starts_with("SEK 100.50 of SEK "),
        "{}",
        page.text(".order-refunded")
    );
    assert!(page.text(".timeline").contains("SEK 100.50 · Price match"));
    let left = duett::domain::money::Money::from_minor(
        total - 10_050,
        duett::domain::money::Currency::Sek,
    )
    .format("en")
    .replace('\u{a0}', " ");
    assert!(
        page.text("#refund-amount-hint")
            .replace('\u{a0}', " ")
            .contains(&left),
        "{} / {left}",
        page.text("#refund-amount-hint")
    );
    let mails: Vec<(String, String)> = outbox::table
        .filter(outbox::to_address.eq("returning.guest@example.com"))
        .filter(
            outbox::subject
                .like("%Money back%")
                .or(outbox::subject.like("%Pengar tillbaka%")),
        )
        .select((outbox::subject, outbox::body_text))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].1.contains(&number));
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("order_refund"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 1);
    let customer = app.get(&order_url).await;
    assert_eq!(customer.status, 200);

    // The rest, on a fresh form: then nothing is left and the form goes away.
    let key = page
        .attr("form.order-refund input[name=key]", "value")
        .unwrap();
    let rest = format!("{},{:02}", (total - 10_050) / 100, (total - 10_050) % 100);
    let res = staff
        .post_form(
            &give,
            &path,
            &[("amount", &rest), ("note", "Goodwill"), ("key", &key)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let page = staff.get(&path).await;
    assert_eq!(page.count("form.order-refund"), 0);

    // Sales reps see the order but do not give money back.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get(&path).await.count("form.order-refund"), 0);
    let res = sales
        .post_form(
            &give,
            &path,
            &[
                ("amount", "1"),
                ("note", "x"),
                ("key", "abcdefghijklmnopqrstu"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
}
