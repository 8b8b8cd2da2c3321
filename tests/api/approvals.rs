//! Purchase approvals: an order over the buyer's per-order or monthly limit waits for the
//! company's approvers, who are told; an approver (never the buyer) approves — on invoice the
//! order is confirmed with its invoice — or rejects with a comment and the stock is free again.
//! Another company's approvals are out of reach.

use crate::helpers::{TestApp, plain_product, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{
    approvals, companies, company_memberships, invoices, orders, outbox, stock_levels, users,
};

const DRILL: &str = "/products/cordless-drill-driver-18-v-compact-po-01000";

fn setup(app: &TestApp, per_order_kr: i64) -> i64 {
    let id = plain_product(app, "PO-01000", 100_000, 50);
    let mut c = app.pool.get().unwrap();
    let buyer: i64 = users::table
        .filter(users::email.eq("buyer@nordbygg.example"))
        .select(users::id)
        .first(&mut c)
        .unwrap();
    diesel::update(company_memberships::table.filter(company_memberships::user_id.eq(buyer)))
        .set(company_memberships::order_limit_minor.eq(Some(per_order_kr * 100)))
        .execute(&mut c)
        .unwrap();
    id
}

/// The buyer orders `qty` drills (1 000 kr each excl. VAT) with `payment`; returns the redirect.
async fn order(app: &TestApp, qty: &str, payment: &str) -> crate::helpers::Page {
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
                ("payment", payment),
                ("action", "update"),
                ("delivery", "pickup"),
            ],
        )
        .await;
    let total = page.attr("input[name=shown_total]", "value").unwrap();
    let key = page.attr("input[name=order_key]", "value").unwrap();
    app.post_form(
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
            ("payment", payment),
            ("shown_total", &total),
            ("order_key", &key),
            ("action", "pay"),
        ],
    )
    .await
}

#[tokio::test]
async fn an_order_over_the_limit_waits_and_an_approver_confirms_it_on_invoice() {
    let app = spawn_app().await;
    let product = setup(&app, 5_000);
    app.login("buyer@nordbygg.example").await;
    // The checkout says so before the order is placed.
    app.post_form(
        "/cart/add",
        DRILL,
        &[("sku", "PO-01000"), ("quantity", "6")],
    )
    .await;
    let page = app.get("/checkout").await;
    assert!(
        page.text(".coupon-feedback")
            .contains("needs your company's approval")
            && page
                .text(".coupon-feedback")
                .contains("SEK 5,000.00 per order"),
        "{}",
        page.text(".coupon-feedback")
    );
    let placed = order(&app, "0", "invoice").await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let order_page = app.get(&placed.location()).await;
    assert!(
        order_page
            .text(".order-status")
            .contains("Awaiting approval")
    );
    assert!(
        order_page
            .text(".order-approval")
            .contains("Waiting for your company's approval")
    );
    assert!(
        order_page
            .text("[role=status]")
            .contains("waiting for your company's approval")
    );
    let mut c = app.pool.get().unwrap();
    let (order_id, status): (i64, String) = orders::table
        .select((orders::id, orders::status))
        .first(&mut c)
        .unwrap();
    assert_eq!(status, "awaiting_approval");
    let reserved: i32 = stock_levels::table
        .find(product)
        .select(stock_levels::reserved)
        .first(&mut c)
        .unwrap();
    assert_eq!(reserved, 6, "the stock is held while it waits");
    // Staff watch it: the dashboard counts it, the list filters it, the order page says who decides.
    let staff = app.another_browser();
    staff.login("sales@duett.example").await;
    let dashboard = staff.get("/admin").await;
    assert_eq!(
        dashboard.count(".queue a[href='/admin/orders?status=awaiting_approval']"),
        1
    );
    let waiting = staff.get("/admin/orders?status=awaiting_approval").await;
    assert_eq!(waiting.count("table.admin-orders tbody tr"), 1);
    let number: String = orders::table.select(orders::number).first(&mut c).unwrap();
    let staff_page = staff.get(&format!("/admin/orders/{number}")).await;
    assert!(
        staff_page
            .text(".order-approval .approval-state")
            .contains("SEK 5,000.00"),
        "{}",
        staff_page.text(".order-approval")
    );
    assert!(staff_page.text(".order-approval").contains("Britt Bygg"));
    let approvers = staff_page.select_texts(".approval-approvers li");
    assert!(
        approvers
            .iter()
            .any(|a| a.contains("approver@nordbygg.example")),
        "{approvers:?}"
    );
    assert!(
        !approvers
            .iter()
            .any(|a| a.contains("buyer@nordbygg.example")),
        "{approvers:?}"
    );
    let no_invoice: i64 = invoices::table.count().get_result(&mut c).unwrap();
    assert_eq!(no_invoice, 0);
    let told: Vec<String> = outbox::table
        .filter(outbox::to_address.ne("buyer@nordbygg.example"))
        .select(outbox::to_address)
        .order(outbox::to_address)
        .load(&mut c)
        .unwrap();
    assert_eq!(
        told,
        vec!["admin@nordbygg.example", "approver@nordbygg.example"]
    );

    // The buyer sees it waiting, without a way to decide.
    let mine = app.get("/b2b/approvals").await;
    assert_eq!(mine.count(".approval"), 1);
    assert_eq!(mine.count(".approval-form"), 0);

    // The approver approves: confirmed, with its invoice; the buyer is told.
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    let queue = approver.get("/b2b/approvals").await;
    assert_eq!(queue.status, 200);
    assert_eq!(queue.count(".approval-form"), 1);
    assert!(
        queue
            .text(".approval-reason")
            .contains("SEK 5,000.00 per order")
    );
    let id: i64 = approvals::table
        .select(approvals::id)
        .first(&mut c)
        .unwrap();
    let done = approver
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "approve"), ("comment", "OK for the Umeå site")],
        )
        .await;
    assert_eq!(done.status, 303);
    let status: String = orders::table
        .find(order_id)
        .select(orders::status)
        .first(&mut c)
        .unwrap();
    assert_eq!(status, "confirmed");
    let invoiced: i64 = invoices::table
        .filter(invoices::order_id.eq(order_id))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(invoiced, 1);
    let mail: String = outbox::table
        .filter(outbox::to_address.eq("buyer@nordbygg.example"))
        .filter(outbox::subject.like("%is approved%"))
        .select(outbox::body_text)
        .first(&mut c)
        .unwrap();
    assert!(mail.contains("OK for the Umeå site"));
    // A second click changes nothing.
    let again = approver
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "reject"), ("comment", "late")],
        )
        .await;
    assert_eq!(again.status, 409);
    let decided = approver.get("/b2b/approvals").await;
    assert!(decided.text(".approvals-decided").contains("Approved"));
    // Approvers (and admins) see every order of the company with who placed it; buyers their own.
    let all = approver.get("/orders").await;
    assert_eq!(all.select_texts(".order-by"), vec!["Britt Bygg"]);
    assert_eq!(app.get("/orders").await.count(".order-by"), 0);
    let stranger = app.another_browser();
    stranger.login("admin@kontorsgruppen.example").await;
    assert_eq!(
        stranger.get("/orders").await.count(".orders-list tbody tr"),
        0
    );
}

#[tokio::test]
async fn nobody_approves_their_own_order_rejections_need_a_reason_and_free_the_stock() {
    let app = spawn_app().await;
    let product = setup(&app, 5_000);
    // The company admin has no limit of its own; give one so its order waits too.
    let mut c = app.pool.get().unwrap();
    let admin: i64 = users::table
        .filter(users::email.eq("admin@nordbygg.example"))
        .select(users::id)
        .first(&mut c)
        .unwrap();
    diesel::update(company_memberships::table.filter(company_memberships::user_id.eq(admin)))
        .set(company_memberships::monthly_limit_minor.eq(Some(100_000_i64)))
        .execute(&mut c)
        .unwrap();
    let admin_browser = app.another_browser();
    admin_browser.login("admin@nordbygg.example").await;
    let placed = {
        admin_browser
            .post_form(
                "/cart/add",
                DRILL,
                &[("sku", "PO-01000"), ("quantity", "2")],
            )
            .await;
        let page = admin_browser
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
        assert!(
            page.text(".coupon-feedback")
                .contains("monthly limit of SEK 1,000.00")
        );
        let total = page.attr("input[name=shown_total]", "value").unwrap();
        let key = page.attr("input[name=order_key]", "value").unwrap();
        admin_browser
            .post_form(
                "/checkout",
                "/checkout",
                &[
                    ("email", "admin@nordbygg.example"),
                    ("name", "Nordbygg AB"),
                    ("line1", "Industrivägen 4"),
                    ("postal_code", "903 27"),
                    ("city", "Umeå"),
                    ("delivery", "pickup"),
                    ("payment", "invoice"),
                    ("shown_total", &total),
                    ("order_key", &key),
                    ("action", "pay"),
                ],
            )
            .await
    };
    assert_eq!(placed.status, 303);
    let id: i64 = approvals::table
        .select(approvals::id)
        .first(&mut c)
        .unwrap();
    // The admin may approve others' orders, not their own.
    let queue = admin_browser.get("/b2b/approvals").await;
    assert_eq!(queue.count(".approval-form"), 0);
    assert!(queue.text(".approval").contains("another approver decides"));
    let own = admin_browser
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "approve"), ("comment", "")],
        )
        .await;
    assert_eq!(own.status, 409);
    assert!(
        own.text(".field-error")
            .contains("another approver must decide")
    );
    // A buyer cannot decide at all; another company cannot even see it.
    app.login("buyer@nordbygg.example").await;
    let buyer = app
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "approve"), ("comment", "")],
        )
        .await;
    assert_eq!(buyer.status, 403);
    let stranger = app.another_browser();
    stranger.login("approver@kontorsgruppen.example").await;
    let far = stranger
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "approve"), ("comment", "")],
        )
        .await;
    assert_eq!(far.status, 404);
    assert_eq!(stranger.get("/b2b/approvals").await.count(".approval"), 0);
    // The approver rejects: a reason is required and the buyer reads it.
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    let bare = approver
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "reject"), ("comment", " ")],
        )
        .await;
    assert_eq!(bare.status, 422);
    assert!(
        bare.text(&format!("#approval-error-{id}"))
            .contains("Say why")
    );
    let rejected = approver
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[
                ("decision", "reject"),
                ("comment", "Use the framework supplier"),
            ],
        )
        .await;
    assert_eq!(rejected.status, 303);
    let (status, reserved): (String, i32) = orders::table
        .inner_join(approvals::table)
        .select(orders::status)
        .first::<String>(&mut c)
        .map(|s| {
            (
                s,
                stock_levels::table
                    .find(product)
                    .select(stock_levels::reserved)
                    .first(&mut c)
                    .unwrap(),
            )
        })
        .unwrap();
    assert_eq!(status, "rejected");
    assert_eq!(reserved, 0, "the stock is free again");
    let company: i64 = companies::table
        .filter(companies::name.eq("Nordbygg AB"))
        .select(companies::id)
        .first(&mut c)
        .unwrap();
    let (_, available) = duett::db::companies::credit(&mut c, company).unwrap();
    assert_eq!(available, 25_000_000, "no invoice was issued");
}

#[tokio::test]
async fn a_card_order_approved_waits_for_the_buyers_payment() {
    let app = spawn_app().await;
    setup(&app, 1_000);
    app.login("buyer@nordbygg.example").await;
    let placed = order(&app, "2", "card").await;
    assert_eq!(placed.status, 303);
    assert!(
        placed.location().starts_with("/orders/"),
        "no payment before approval"
    );
    let mut c = app.pool.get().unwrap();
    let id: i64 = approvals::table
        .select(approvals::id)
        .first(&mut c)
        .unwrap();
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    approver
        .post_form(
            &format!("/b2b/approvals/{id}"),
            "/b2b/approvals",
            &[("decision", "approve"), ("comment", "")],
        )
        .await;
    let page = app.get(&placed.location()).await;
    assert!(page.text(".order-status").contains("Awaiting payment"));
    let pay = page.attr("a.order-pay", "href").unwrap();
    assert!(pay.starts_with("/pay/test/"));
    // The half-hour expiry of abandoned payments does not remove an approved order.
    let later = chrono::Utc::now().naive_utc() + chrono::Duration::hours(2);
    let expired = duett::db::orders::expire_unpaid(&mut c, later, later).unwrap();
    assert_eq!(expired, 0);
    let week = later + chrono::Duration::days(8);
    assert_eq!(
        duett::db::orders::expire_unpaid(&mut c, week, week).unwrap(),
        1
    );
}
