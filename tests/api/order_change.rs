//! Changing a company order before it is packed: review at today's prices, then save; an
//! approved order that is changed goes back to the approvers (and its invoice is voided, a new
//! one issued on approval); quantities, stock, details and the reviewed total are checked with
//! the input kept; only the buyer who placed it or a company admin may change it, never another
//! company, and not once it is packed.

use crate::helpers::{Page, TestApp, plain_product, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{
    approvals, company_memberships, invoices, order_lines, orders, outbox, stock_levels, users,
};

const DRILL: &str = "/products/cordless-drill-driver-18-v-compact-po-01000";

/// A plain drill at 1 000 kr excl. VAT, 50 in stock; the buyer's per-order limit in kr.
fn setup(app: &TestApp, per_order_kr: Option<i64>) -> i64 {
    let id = plain_product(app, "PO-01000", 100_000, 50);
    let mut c = app.pool.get().unwrap();
    let buyer: i64 = users::table
        .filter(users::email.eq("buyer@nordbygg.example"))
        .select(users::id)
        .first(&mut c)
        .unwrap();
    diesel::update(company_memberships::table.filter(company_memberships::user_id.eq(buyer)))
        .set(company_memberships::order_limit_minor.eq(per_order_kr.map(|kr| kr * 100)))
        .execute(&mut c)
        .unwrap();
    id
}

/// The signed-in buyer orders `qty` drills on invoice; returns the order page's address.
async fn order_on_invoice(app: &TestApp, qty: &str) -> String {
    app.post_form(
        "/cart/add",
        DRILL,
        &[("sku", "PO-01000"), ("quantity", qty)],
    )
    .await;
    let page = app
        .post_form(
            "/checkout",
            "/checkout",
            &[
                ("payment", "invoice"),
                ("action", "update"),
                ("delivery", "pickup"),
            ],
        )
        .await;
    let total = page.attr("input[name=shown_total]", "value").unwrap();
    let key = page.attr("input[name=order_key]", "value").unwrap();
    let placed = app
        .post_form(
            "/checkout",
            "/checkout",
            &[
                ("email", "buyer@nordbygg.example"),
                ("name", "Nordbygg AB"),
                ("line1", "Industrivägen 4"),
                ("postal_code", "903 27"),
                ("city", "Umeå"),
                ("country", "SE"),
                ("delivery", "pickup"),
                ("payment", "invoice"),
                ("po_number", "PO-77"),
                ("shown_total", &total),
                ("order_key", &key),
                ("action", "pay"),
            ],
        )
        .await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    placed.location()
}

/// The change form's address from the order page's link.
async fn change_url(app: &TestApp, order_url: &str) -> String {
    app.get(order_url)
        .await
        .attr("a.order-change", "href")
        .expect("a change link")
}

/// Posts the change form with the line's new quantity (and details), as review or save.
async fn post_change(app: &TestApp, form_url: &str, qty: &str, extra: &[(&str, &str)]) -> Page {
    let form = app.get(form_url).await;
    assert_eq!(form.status, 200, "{}", form.text("main"));
    let action = form.attr(".order-change-form", "action").unwrap();
    let token = form.attr("input[name=t]", "value").unwrap();
    let qty_name = form.attr(".order-change-lines input", "name").unwrap();
    let csrf = form.attr("input[name=csrf_token]", "value").unwrap();
    let po = form.attr("#po_number", "value").unwrap_or_default();
    let mut fields: Vec<(&str, &str)> = vec![
        ("csrf_token", &csrf),
        ("t", &token),
        (&qty_name, qty),
        ("po_number", &po),
    ];
    for (k, v) in extra {
        fields.retain(|(f, _)| f != k);
        fields.push((k, v));
    }
    app.post_raw(&action, &fields).await
}

/// Reviews, then saves with the reviewed total.
async fn review_and_save(app: &TestApp, form_url: &str, qty: &str) -> (Page, Page) {
    let review = post_change(app, form_url, qty, &[("action", "review")]).await;
    assert_eq!(review.status, 200, "{}", review.text("main"));
    let total = review
        .attr("input[name=shown_total]", "value")
        .expect("the reviewed total");
    let saved = post_change(
        app,
        form_url,
        qty,
        &[("action", "save"), ("shown_total", &total)],
    )
    .await;
    (review, saved)
}

fn order_row(app: &TestApp) -> (i64, String, i64) {
    orders::table
        .select((orders::id, orders::status, orders::total_minor))
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn reserved(app: &TestApp, product: i64) -> i32 {
    stock_levels::table
        .find(product)
        .select(stock_levels::reserved)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

/// (number, amount, cancelled) of the order's invoices, oldest first.
fn invoices_of(app: &TestApp, order_id: i64) -> Vec<(String, i64, bool)> {
    invoices::table
        .filter(invoices::order_id.eq(order_id))
        .order(invoices::id)
        .select((
            invoices::number,
            invoices::amount_minor,
            invoices::cancelled_at.is_not_null(),
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn approve(approver: &TestApp) -> Page {
    let id: i64 = approvals::table
        .filter(approvals::status.eq("pending"))
        .select(approvals::id)
        .first(&mut approver.pool.get().unwrap())
        .unwrap();
    approver
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "approve"), ("comment", "OK")],
        )
        .await
}

#[tokio::test]
async fn an_approved_order_that_is_changed_goes_back_for_approval() {
    let app = spawn_app().await;
    let product = setup(&app, Some(5_000));
    app.login("buyer@nordbygg.example").await;
    let order_url = order_on_invoice(&app, "6").await;
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    assert_eq!(approve(&approver).await.status, 303);
    let (order_id, status, before) = order_row(&app);
    assert_eq!(status, "confirmed");
    let first_invoice = invoices_of(&app, order_id);
    assert_eq!(first_invoice.len(), 1);
    let number: String = orders::table
        .find(order_id)
        .select(orders::number)
        .first(&mut app.pool.get().unwrap())
        .unwrap();

    // Fewer drills: the review prices it and says the approvers decide again.
    let form_url = change_url(&app, &order_url).await;
    let form = app.get(&form_url).await;
    assert_eq!(
        form.attr(".order-change-lines input", "value").unwrap(),
        "6"
    );
    assert_eq!(form.attr("#po_number", "value").unwrap(), "PO-77");
    let (review, saved) = review_and_save(&app, &form_url, "4").await;
    assert!(
        review.text(".order-change-review").contains("4"),
        "{}",
        review.text(".order-change-review")
    );
    // 4 × 1 000 kr + 25 % VAT, pickup is free.
    assert_eq!(review.text(".order-change-total"), "SEK 5,000.00");
    assert!(
        review
            .text(".order-change-approval")
            .contains("changed after it was approved"),
        "{}",
        review.text(".order-change-approval")
    );
    assert_eq!(saved.status, 303, "{}", saved.text("main"));
    let (_, status, total) = order_row(&app);
    assert_eq!((status.as_str(), total), ("awaiting_approval", 500_000));
    assert!(before > total);
    assert_eq!(
        reserved(&app, product),
        4,
        "the stock held follows the change"
    );
    let lines: Vec<(i32, i64, String)> = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .select((
            order_lines::quantity,
            order_lines::unit_price_minor,
            order_lines::price_breakdown,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].0, lines[0].1), (4, 100_000));
    assert!(lines[0].2.contains("list"), "{}", lines[0].2);
    // The invoice of what it was is void; nothing new until it is approved again.
    assert_eq!(
        invoices_of(&app, order_id),
        vec![(format!("F{number}"), first_invoice[0].1, true)]
    );
    let page = app.get(&order_url).await;
    assert!(
        page.text("[role=status]")
            .contains("sent to your company's approvers")
    );
    assert!(page.text(".order-status").contains("Awaiting approval"));
    assert!(page.text(".timeline").contains("Changed"));
    assert!(
        page.text(".order-approval")
            .contains("changed after it was approved")
    );
    let approvals_now: Vec<String> = approvals::table
        .filter(approvals::order_id.eq(order_id))
        .order(approvals::id)
        .select(approvals::status)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(approvals_now, vec!["approved", "pending"]);
    let asked: i64 = outbox::table
        .filter(outbox::to_address.eq("approver@nordbygg.example"))
        .filter(outbox::body_text.like(format!("%{number}%")))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(asked, 2, "asked when placed and again after the change");

    // Approved again: confirmed with a new invoice for what it is now.
    assert_eq!(approve(&approver).await.status, 303);
    let (_, status, _) = order_row(&app);
    assert_eq!(status, "confirmed");
    assert_eq!(
        invoices_of(&app, order_id),
        vec![
            (format!("F{number}"), first_invoice[0].1, true),
            (format!("F{number}-2"), 500_000, false)
        ]
    );
}

/// Quantity typed, extra fields, status, the message and where it shows.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], u16, &'a str, &'a str);

#[tokio::test]
async fn a_change_is_checked_with_what_was_typed_kept() {
    let app = spawn_app().await;
    let product = setup(&app, Some(5_000));
    app.login("buyer@nordbygg.example").await;
    let order_url = order_on_invoice(&app, "2").await;
    let (order_id, status, before) = order_row(&app);
    assert_eq!(status, "confirmed", "within the limit: no approval");
    let form_url = change_url(&app, &order_url).await;

    // (quantity, extra fields, status, the message, where)
    let cases: [Case; 6] = [
        ("two", &[], 422, "Enter a whole number", ".field-error"),
        ("0", &[], 422, "At least one line must stay", "[role=alert]"),
        ("51", &[], 422, "Only 50", ".field-error"),
        (
            "2",
            &[("requested_delivery", "2020-01-01")],
            422,
            "Choose a date after today",
            "#requested_delivery-error",
        ),
        (
            "2",
            &[("po_number", "P12345678901234567890123456789012345")],
            422,
            "at most 35 characters",
            "#po_number-error",
        ),
        ("2", &[], 200, "Nothing was changed", "[role=alert]"),
    ];
    for (qty, extra, status, message, css) in cases {
        let mut fields = extra.to_vec();
        fields.push(("action", "review"));
        let page = post_change(&app, &form_url, qty, &fields).await;
        assert_eq!(
            page.status,
            status,
            "{qty} {extra:?}: {}",
            page.text("main")
        );
        assert!(
            page.text(css).contains(message),
            "{qty} {extra:?}: {css} says {:?}",
            page.text(css)
        );
        assert_eq!(
            page.attr(".order-change-lines input", "value").unwrap(),
            qty,
            "the quantity typed is kept"
        );
        for (field, value) in extra {
            assert_eq!(page.attr(&format!("#{field}"), "value").unwrap(), *value);
        }
    }
    // Saving with a total that is no longer the price: reviewed again, nothing written.
    let stale = post_change(
        &app,
        &form_url,
        "3",
        &[("action", "save"), ("shown_total", "1")],
    )
    .await;
    assert_eq!(stale.status, 422);
    assert!(stale.text("[role=alert]").contains("prices have changed"));
    assert!(stale.count("input[name=shown_total]") == 1);
    assert_eq!(order_row(&app).2, before);
    assert_eq!(reserved(&app, product), 2);

    // Three drills, still within the limit: confirmed, the invoice issued anew for the total.
    let (review, saved) = review_and_save(&app, &form_url, "3").await;
    assert!(
        review
            .text(".order-change-approval")
            .contains("No approval is needed")
    );
    assert_eq!(saved.status, 303);
    let (_, status, total) = order_row(&app);
    assert_eq!((status.as_str(), total), ("confirmed", 375_000));
    assert_eq!(reserved(&app, product), 3);
    let invoices = invoices_of(&app, order_id);
    assert_eq!(invoices.len(), 2);
    assert!(invoices[0].2 && !invoices[1].2);
    assert_eq!(invoices[1].1, 375_000);
    // The company's statement counts the new invoice only.
    let admin = app.another_browser();
    admin.login("admin@nordbygg.example").await;
    let statement = admin.get("/b2b/company/invoices").await;
    assert!(
        statement.text("main").contains("3,750.00"),
        "{}",
        statement.text("main")
    );

    // Six, over the per-order limit: now it needs approval; the invoice waits for it.
    let (review, saved) = review_and_save(&app, &form_url, "6").await;
    assert!(
        review
            .text(".order-change-approval")
            .contains("SEK 5,000.00 per order"),
        "{}",
        review.text(".order-change-approval")
    );
    assert_eq!(saved.status, 303);
    assert_eq!(order_row(&app).1, "awaiting_approval");
    assert!(invoices_of(&app, order_id).iter().all(|(_, _, void)| *void));

    // Back to two while it waits: within the limit again, released and invoiced.
    let (review, saved) = review_and_save(&app, &form_url, "2").await;
    assert!(
        review
            .text(".order-change-approval")
            .contains("no longer waits for approval")
    );
    assert_eq!(saved.status, 303);
    assert_eq!(order_row(&app).1, "confirmed");
    let statuses: Vec<String> = approvals::table
        .select(approvals::status)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(statuses, vec!["superseded"]);
    assert_eq!(invoices_of(&app, order_id).last().unwrap().1, 250_000);
    assert_eq!(reserved(&app, product), 2);
}

#[tokio::test]
async fn only_the_buyer_or_a_company_admin_changes_and_not_once_packed() {
    let app = spawn_app().await;
    setup(&app, None);
    app.login("buyer@nordbygg.example").await;
    let order_url = order_on_invoice(&app, "2").await;
    let form_url = change_url(&app, &order_url).await;
    let (order_id, ..) = order_row(&app);

    // An approver of the same company: no link, and the form sends them back with the reason.
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    assert_eq!(approver.get(&order_url).await.count("a.order-change"), 0);
    let refused = approver.get(&form_url).await;
    assert_eq!(refused.status, 303);
    let back = approver.get(&refused.location()).await;
    assert!(
        back.text("[role=status]")
            .contains("Only the person who placed")
    );
    // Another company, even with the link: no such order.
    let stranger = app.another_browser();
    stranger.login("admin@kontorsgruppen.example").await;
    assert_eq!(stranger.get(&form_url).await.status, 404);
    let token = stranger.csrf_token("/").await;
    let number = form_url.split('/').nth(2).unwrap().to_string();
    let t = form_url.split("t=").nth(1).unwrap().to_string();
    let posted = stranger
        .post_raw(
            &format!("/orders/{number}/change"),
            &[("csrf_token", &token), ("t", &t), ("action", "review")],
        )
        .await;
    assert_eq!(posted.status, 404);
    // Signed out: sign in first. A consumer: refused.
    let visitor = app.another_browser();
    assert_eq!(visitor.get(&form_url).await.status, 303);
    let consumer = app.another_browser();
    consumer.login("shopper@example.com").await;
    assert_eq!(consumer.get(&form_url).await.status, 403);
    // The company admin may change a colleague's order.
    let admin = app.another_browser();
    admin.login("admin@nordbygg.example").await;
    assert_eq!(admin.get(&form_url).await.status, 200);
    let (_, saved) = review_and_save(&admin, &form_url, "1").await;
    assert_eq!(saved.status, 303);
    assert_eq!(order_row(&app).2, 125_000);

    // Packed: too late, for everyone.
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let path = format!("/admin/orders/{number}");
    let csrf = staff.csrf_token(&path).await;
    let packed = staff
        .post_raw(
            &format!("{path}/step"),
            &[("csrf_token", &csrf), ("step", "pack"), ("tracking", "")],
        )
        .await;
    assert_eq!(packed.status, 303);
    assert_eq!(app.get(&order_url).await.count("a.order-change"), 0);
    let late = app.get(&form_url).await;
    assert_eq!(late.status, 303);
    assert!(
        app.get(&late.location())
            .await
            .text("[role=status]")
            .contains("can no longer be changed")
    );
    let token = app.csrf_token(&order_url).await;
    let posted = app
        .post_raw(
            &format!("/orders/{number}/change"),
            &[
                ("csrf_token", &token),
                ("t", &t),
                ("action", "save"),
                ("shown_total", "1"),
            ],
        )
        .await;
    assert_eq!(posted.status, 303);
    let status: String = orders::table
        .find(order_id)
        .select(orders::status)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(status, "packed");
}
