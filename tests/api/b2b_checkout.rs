//! Company checkout: purchase order number, requested delivery date and comment (checked, kept
//! on error); invoice on the company's terms within its credit limit, or card as prepayment at
//! the prepayment price; an order on invoice is confirmed at once with its invoice, and
//! cancelling it gives the credit back.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{cart_lines, companies, invoices, orders, outbox};

/// Nordbygg's buyer with 2 cordless drills (plain list price 1 000 kr excl. VAT, no agreements)
/// in the cart; returns the checkout page's fields to post.
pub(crate) async fn buyer_with_cart(app: &TestApp) -> i64 {
    crate::helpers::plain_product(app, "PO-01000", 100_000, 50);
    let mut c = app.pool.get().unwrap();
    app.login("buyer@nordbygg.example").await;
    let added = app
        .post_form(
            "/cart/add",
            "/products/cordless-drill-driver-18-v-compact-po-01000",
            &[("sku", "PO-01000"), ("quantity", "2")],
        )
        .await;
    assert_eq!(added.status, 303);
    companies::table
        .filter(companies::name.eq("Nordbygg AB"))
        .select(companies::id)
        .first(&mut c)
        .unwrap()
}

pub(crate) async fn place(app: &TestApp, extra: &[(&str, &str)]) -> crate::helpers::Page {
    // The summary for the payment chosen, as the page shows it after choosing.
    let payment = extra
        .iter()
        .find(|(k, _)| *k == "payment")
        .map_or("invoice", |(_, v)| v);
    let page = app
        .post_form(
            "/checkout",
            "/checkout",
            &[
                ("payment", payment),
                ("action", "update"),
                ("delivery", "standard"),
            ],
        )
        .await;
    let total = page.attr("input[name=shown_total]", "value").unwrap();
    let key = page.attr("input[name=order_key]", "value").unwrap();
    let mut fields = vec![
        ("email", "buyer@nordbygg.example"),
        ("name", "Nordbygg AB"),
        ("line1", "Industrivägen 4"),
        ("postal_code", "903 27"),
        ("city", "Umeå"),
        ("country", "SE"),
        ("delivery", "standard"),
        ("shown_total", total.as_str()),
        ("order_key", key.as_str()),
        ("action", "pay"),
    ];
    fields.extend_from_slice(extra);
    app.post_form("/checkout", "/checkout", &fields).await
}

#[tokio::test]
async fn invoice_is_the_default_and_card_is_priced_as_prepayment() {
    let app = spawn_app().await;
    buyer_with_cart(&app).await;
    let page = app.get("/checkout").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2b");
    assert_eq!(page.count("#po_number"), 1);
    assert_eq!(page.count("#requested_delivery[type=date]"), 1);
    assert_eq!(
        page.attrs("input[name=payment]", "value"),
        vec!["invoice", "card"]
    );
    assert_eq!(
        page.attr("input[name=payment][checked]", "value")
            .as_deref(),
        Some("invoice")
    );
    assert!(
        page.text("label[for=payment-invoice]")
            .contains("Invoice 30 days")
    );
    assert!(
        page.text("label[for=payment-invoice]")
            .contains("credit available SEK 250,000.00")
    );
    assert!(
        page.text("label[for=payment-card]")
            .contains("2 % off for prepayment")
    );
    assert_eq!(page.text(".checkout-pay"), "Place order");
    let invoice_total: i64 = page
        .attr("input[name=shown_total]", "value")
        .unwrap()
        .parse()
        .unwrap();
    // 2 × 1 000 kr + delivery, + 25 % VAT.
    assert!(page.text(".checkout-lines").contains("SEK 2,000.00"));
    let card = app
        .post_form(
            "/checkout",
            "/checkout",
            &[
                ("payment", "card"),
                ("action", "update"),
                ("delivery", "standard"),
            ],
        )
        .await;
    assert_eq!(card.status, 200);
    assert!(
        card.text(".checkout-lines").contains("SEK 1,960.00"),
        "2 % off"
    );
    let card_total: i64 = card
        .attr("input[name=shown_total]", "value")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        invoice_total - card_total,
        4_000 * 125 / 100,
        "40 kr + VAT less"
    );
    assert_eq!(card.text(".checkout-pay"), "Continue to payment");
}

#[tokio::test]
async fn an_order_on_invoice_is_confirmed_with_its_invoice_and_cancelling_frees_the_credit() {
    let app = spawn_app().await;
    let company = buyer_with_cart(&app).await;
    let placed = place(
        &app,
        &[
            ("payment", "invoice"),
            ("po_number", "PO-4711"),
            (
                "requested_delivery",
                &(chrono::Utc::now().date_naive() + chrono::Duration::days(7)).to_string(),
            ),
            ("note", "Deliver to gate 3"),
        ],
    )
    .await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    assert!(placed.location().starts_with("/orders/"), "no payment page");
    let mut c = app.pool.get().unwrap();
    let (id, status, po, note, terms, total): (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        i64,
    ) = orders::table
        .filter(orders::company_id.eq(company))
        .select((
            orders::id,
            orders::status,
            orders::po_number,
            orders::note,
            orders::payment_terms,
            orders::total_minor,
        ))
        .first(&mut c)
        .unwrap();
    assert_eq!(status, "confirmed");
    assert_eq!(po.as_deref(), Some("PO-4711"));
    assert_eq!(note, "Deliver to gate 3");
    assert_eq!(terms.as_deref(), Some("net30"));
    let (amount, issued, due): (i64, chrono::NaiveDateTime, chrono::NaiveDateTime) =
        invoices::table
            .filter(invoices::order_id.eq(id))
            .select((
                invoices::amount_minor,
                invoices::issued_at,
                invoices::due_at,
            ))
            .first(&mut c)
            .unwrap();
    assert_eq!(amount, total);
    assert_eq!((due - issued).num_days(), 30);
    let left: i64 = cart_lines::table.count().get_result(&mut c).unwrap();
    assert_eq!(left, 0, "the ordered lines left the cart");
    let mails: i64 = outbox::table
        .filter(outbox::to_address.eq("buyer@nordbygg.example"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(mails, 1, "the confirmation");
    let order = app.get(&placed.location()).await;
    assert_eq!(order.status, 200);
    assert!(order.text("main").contains("Confirmed (invoice)"));
    let (_, available) = duett::db::companies::credit(&mut c, company).unwrap();
    assert_eq!(available, 25_000_000 - total);
    // The company admin's statement lists it; buyers and other companies do not see it.
    let admin = app.another_browser();
    admin.login("admin@nordbygg.example").await;
    let statement = admin.get("/b2b/company/invoices").await;
    assert_eq!(statement.status, 200);
    assert_eq!(statement.count(".invoices-open tbody tr"), 1);
    assert_eq!(
        statement.text(".invoices-balance"),
        statement.text(".invoices-open tbody td:nth-child(5)")
    );
    assert_eq!(app.get("/b2b/company/invoices").await.status, 403);
    let other = app.another_browser();
    other.login("admin@kontorsgruppen.example").await;
    assert_eq!(
        other
            .get("/b2b/company/invoices")
            .await
            .count(".invoices-open tbody tr"),
        0
    );
    // Cancelling (staff or buyer) voids the invoice: the credit is back.
    duett::db::orders::cancel(&mut c, id, None, chrono::Utc::now().naive_utc()).unwrap();
    let (_, available) = duett::db::companies::credit(&mut c, company).unwrap();
    assert_eq!(available, 25_000_000);
}

#[tokio::test]
async fn the_credit_limit_blocks_invoice_with_the_reason_and_card_still_works() {
    let app = spawn_app().await;
    let company = buyer_with_cart(&app).await;
    diesel::update(companies::table.find(company))
        .set(companies::credit_limit_minor.eq(100_000_i64))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let page = app.get("/checkout").await;
    assert!(
        page.text("#payment-error")
            .contains("more than your company's available credit (SEK 1,000.00)"),
        "{}",
        page.text("#payment-error")
    );
    let refused = place(&app, &[("payment", "invoice")]).await;
    assert_eq!(refused.status, 409);
    assert!(refused.text("#payment-error").contains("available credit"));
    let count: i64 = orders::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(count, 0);
    // Card: the prepayment price, to the payment page.
    let paid = place(&app, &[("payment", "card")]).await;
    assert_eq!(paid.status, 303);
    assert!(
        paid.location().starts_with("/pay/test/"),
        "{}",
        paid.location()
    );
}

#[tokio::test]
async fn order_details_are_checked_and_kept() {
    let app = spawn_app().await;
    buyer_with_cart(&app).await;
    let long = "P".repeat(36);
    let cases = [
        ("po_number", long.as_str(), "at most 35 characters"),
        ("requested_delivery", "2020-01-01", "after today"),
        ("requested_delivery", "next week", "year-month-day"),
        ("requested_delivery", "2099-01-01", "within a year"),
    ];
    for (field, value, message) in cases {
        let page = place(&app, &[("payment", "invoice"), (field, value)]).await;
        assert_eq!(page.status, 422, "{field}={value}");
        assert!(
            page.text(&format!("#{field}-error")).contains(message),
            "{field}: {}",
            page.text(&format!("#{field}-error"))
        );
        assert_eq!(
            page.attr(&format!("#{field}"), "value").as_deref(),
            Some(value)
        );
        assert_eq!(
            page.attr(&format!("#{field}"), "aria-invalid").as_deref(),
            Some("true")
        );
    }
    // A consumer cannot choose invoice: the order waits for the card.
    let shopper = app.another_browser();
    shopper.login("shopper@example.com").await;
    shopper
        .post_form(
            "/cart/add",
            "/products/cordless-drill-driver-18-v-compact-po-01000",
            &[("sku", "PO-01000"), ("quantity", "1")],
        )
        .await;
    let page = shopper.get("/checkout").await;
    assert_eq!(page.count("#po_number"), 0);
    assert_eq!(page.attrs("input[name=payment]", "value"), vec!["card"]);
    let total = page.attr("input[name=shown_total]", "value").unwrap();
    let key = page.attr("input[name=order_key]", "value").unwrap();
    let placed = shopper
        .post_form(
            "/checkout",
            "/checkout",
            &[
                ("email", "shopper@example.com"),
                ("name", "Sara Lind"),
                ("line1", "Storgatan 12"),
                ("postal_code", "411 38"),
                ("city", "Göteborg"),
                ("country", "SE"),
                ("delivery", "standard"),
                ("payment", "invoice"),
                ("shown_total", &total),
                ("order_key", &key),
                ("action", "pay"),
            ],
        )
        .await;
    assert!(
        placed.location().starts_with("/pay/test/"),
        "{}",
        placed.location()
    );
}

#[tokio::test]
async fn a_refunded_return_of_an_order_on_invoice_credits_the_invoice() {
    let app = spawn_app().await;
    let company = buyer_with_cart(&app).await;
    let placed = place(&app, &[("payment", "invoice")]).await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let order_url = placed.location();
    let mut c = app.pool.get().unwrap();
    let (order_id, number): (i64, String) = orders::table
        .filter(orders::company_id.eq(company))
        .select((orders::id, orders::number))
        .first(&mut c)
        .unwrap();
    let owed = |c: &mut diesel::r2d2::PooledConnection<_>| -> (i64, i64) {
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .select((invoices::amount_minor, invoices::credited_minor))
            .first(c)
            .unwrap()
    };
    let (amount, credited) = owed(&mut c);
    assert_eq!(credited, 0);
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let path = format!("/admin/orders/{number}");
    for (s, t) in [("pack", ""), ("ship", "JJSE12345678"), ("deliver", "")] {
        let token = staff.csrf_token(&path).await;
        let moved = staff
            .post_raw(
                &format!("{path}/step"),
                &[("csrf_token", &token), ("step", s), ("tracking", t)],
            )
            .await;
        assert_eq!(moved.status, 303, "{s}");
    }
    // The buyer sends one of the two drills back.
    let order = app.get(&order_url).await;
    let form_url = order.attr("a.order-return", "href").expect("a return link");
    let form = app.get(&form_url).await;
    let qty = form
        .attr(".return-lines input[type=number]", "name")
        .unwrap();
    let action = form.attr("form.return-form", "action").unwrap();
    let mut fields: Vec<(String, String)> = form
        .html
        .select(&scraper::Selector::parse("form.return-form input[type=hidden]").unwrap())
        .filter_map(|i| {
            Some((
                i.value().attr("name")?.to_string(),
                i.value().attr("value").unwrap_or("").to_string(),
            ))
        })
        .collect();
    fields.extend([
        (qty, "1".to_string()),
        ("kind".into(), "return".into()),
        ("reason".into(), "damaged".into()),
    ]);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let asked = app.post_raw(&action, &pairs).await;
    assert_eq!(asked.status, 303, "{}", asked.text("main"));
    let return_number = asked
        .location()
        .trim_start_matches("/returns/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let admin_path = format!("/admin/returns/{return_number}");
    for step in ["receive", "refund"] {
        let token = staff.csrf_token(&admin_path).await;
        let done = staff
            .post_raw(
                &format!("{admin_path}/act"),
                &[("csrf_token", &token), ("action", step), ("note", "")],
            )
            .await;
        assert_eq!(done.status, 303, "{step}: {}", done.text("main"));
    }
    // The refund (one drill incl. VAT, 1 250 kr) came off the invoice, not a card.
    let (after_amount, credited) = owed(&mut c);
    assert_eq!(after_amount, amount);
    assert_eq!(credited, 125_000);
    let timeline = staff.get(&path).await.text(".timeline");
    assert!(timeline.contains("credited to invoice F"), "{timeline}");
    app.login("admin@nordbygg.example").await;
    let statement = app.get("/b2b/company/invoices").await;
    assert!(
        statement
            .text(".invoice-credited")
            .contains("SEK 1,250.00 credited"),
        "{}",
        statement.text("main")
    );
}
