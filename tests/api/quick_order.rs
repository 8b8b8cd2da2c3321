//! The quick order: SKU rows, pasted lines and CSV files are checked as a whole and reported line
//! by line; only confirmed, still-valid lines reach the cart. Company users only.

use crate::helpers::{TestApp, spawn_app, stock};
use diesel::prelude::*;
use duett::db::schema::{cart_lines, products};

const PAGE: &str = "/b2b/quick-order";

fn cart(app: &TestApp) -> Vec<(String, i32)> {
    cart_lines::table
        .inner_join(products::table)
        .order(products::sku)
        .select((products::sku, cart_lines::quantity))
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn only_company_users_order_in_bulk() {
    let app = spawn_app().await;
    let res = app.get(PAGE).await;
    assert_eq!(res.status, 303);
    assert!(res.location().starts_with("/login"), "{}", res.location());
    app.login("shopper@example.com").await;
    assert_eq!(app.get(PAGE).await.status, 403);
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let page = buyer.get(PAGE).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2b");
    assert_eq!(page.count(".sku-grid input[name=sku]"), 10);
    assert_eq!(
        page.count("form[enctype='multipart/form-data'] input[type=file]"),
        1
    );
    let sample = buyer.get_raw("/b2b/quick-order/sample.csv").await;
    assert_eq!(sample.status(), 200);
    assert!(sample.text().await.unwrap().starts_with("sku,quantity\n"));
}

#[tokio::test]
async fn grid_rows_are_checked_fixed_and_confirmed_into_the_cart() {
    let app = spawn_app().await;
    stock(&app, "PO-01000", 50);
    stock(&app, "FA-01003", 500);
    app.login("buyer@nordbygg.example").await;
    let report = app
        .post_form(
            PAGE,
            PAGE,
            &[
                ("sku", "po-01000"),
                ("quantity", "3"),
                ("sku", "FA-01003"),
                ("quantity", "15"),
                ("sku", "NOPE-1"),
                ("quantity", "1"),
                ("sku", ""),
                ("quantity", ""),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(report.status, 200);
    assert_eq!(
        report.text(".quick-summary"),
        "Lines read: 3. Ready to add: 1. Need attention: 2."
    );
    let problems = report.select_texts(".quick-problems tbody tr");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("row 2") && problems[0].contains("steps of 10"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("No product with this SKU"),
        "{problems:?}"
    );
    // The problems come back as rows to fix, with what was typed; the ready line is kept.
    assert_eq!(
        report.attrs(".sku-grid input[name=sku]", "value"),
        vec!["FA-01003", "NOPE-1"]
    );
    assert_eq!(report.count(".sku-grid [aria-invalid=true]"), 4);
    assert_eq!(
        report
            .attr(".quick-grid input[name=keep]", "value")
            .as_deref(),
        Some("PO-01000\t3\n")
    );
    assert!(cart(&app).is_empty(), "nothing is added before confirming");
    // Fix one, drop the other, check again: everything is ready.
    let fixed = app
        .post_form(
            PAGE,
            PAGE,
            &[
                ("keep", "PO-01000\t3\n"),
                ("sku", "FA-01003"),
                ("quantity", "20"),
                ("sku", ""),
                ("quantity", ""),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(
        fixed.text(".quick-summary"),
        "Lines read: 2. Ready to add: 2. Need attention: 0."
    );
    let lines = fixed
        .attr(".quick-confirm input[name=lines]", "value")
        .unwrap();
    assert_eq!(
        fixed.text(".quick-confirm button"),
        "Add 2 lines to the cart"
    );
    let added = app
        .post_form("/b2b/quick-order/confirm", PAGE, &[("lines", &lines)])
        .await;
    assert_eq!(added.status, 303);
    assert_eq!(added.location(), "/cart");
    assert_eq!(
        cart(&app),
        vec![("FA-01003".to_string(), 20), ("PO-01000".to_string(), 3)]
    );
    let page = app.get("/cart").await;
    assert!(page.text("[role=status]").contains("added to your cart"));
}

#[tokio::test]
async fn pasted_lines_merge_duplicates_and_refuse_formulas() {
    let app = spawn_app().await;
    stock(&app, "PO-01000", 50);
    app.login("buyer@nordbygg.example").await;
    let paste = "SKU;Quantity\nPO-01000;2\n=cmd|'/c calc'!A1;1\npo-01000;3\nPO-01000\n";
    let report = app
        .post_form(PAGE, PAGE, &[("paste", paste), ("action", "check")])
        .await;
    assert_eq!(report.status, 200);
    let merged = report.select_texts(".quick-merged li");
    assert_eq!(
        merged,
        vec!["PO-01000 appeared on line 2 and line 4: merged into one line of 5."]
    );
    let problems = report.select_texts(".quick-problems .quick-problem");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("spreadsheet formula"));
    assert!(problems[1].contains("quantity"), "{problems:?}");
    assert_eq!(report.select_texts(".quick-ready tbody td")[2], "5");
    // Too much to read: the text stays in the box with the reason.
    let many: String = (0..10_001).map(|i| format!("S{i},1\n")).collect();
    let refused = app
        .post_form(PAGE, PAGE, &[("paste", &many), ("action", "check")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#paste-error").contains("10001 lines"));
    let kept = refused.text("#paste");
    assert!(
        kept.starts_with("S0,1") && kept.contains("S10000,1"),
        "what was pasted is kept"
    );
}

#[tokio::test]
async fn csv_files_are_read_in_any_common_encoding_and_bad_files_are_explained() {
    let app = spawn_app().await;
    stock(&app, "PO-01000", 50);
    stock(&app, "OF-01005", 1);
    app.login("buyer@nordbygg.example").await;
    let token = app.csrf_token(PAGE).await;
    let upload = |bytes: Vec<u8>| {
        app.post_multipart(
            "/b2b/quick-order/upload",
            Some(&token),
            Some(("order.csv", bytes)),
        )
    };
    // Excel on Windows: semicolons, Windows-1252, CRLF, a header.
    let report =
        upload(b"Artikelnummer;Antal\r\nPO-01000;4\r\nOF-01005;2\r\n\xC5NGA;1\r\n".to_vec()).await;
    assert_eq!(report.status, 200, "{}", report.text("main"));
    assert!(
        report
            .text(".quick-report .alert-warning")
            .contains("Windows-1252")
    );
    let problems = report.select_texts(".quick-problems tbody tr");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("line 3") && problems[0].contains("Only 1 in stock"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("line 4") && problems[1].contains("ÅNGA"),
        "{problems:?}"
    );
    // (file, the message next to the field)
    let cases: [(Vec<u8>, &str); 4] = [
        (
            b"PK\x03\x04\x14\x00workbook".to_vec(),
            "Excel or OpenDocument",
        ),
        (vec![b'a'; 2 * 1024 * 1024 + 1], "larger than 2 MB"),
        (b"\x00\x01\x02\x03".to_vec(), "not text"),
        (b"sku,quantity\n\n".to_vec(), "no lines"),
    ];
    for (bytes, message) in cases {
        let page = upload(bytes).await;
        assert_eq!(page.status, 422, "{message}");
        assert!(
            page.text("#file-error").contains(message),
            "{}",
            page.text("#file-error")
        );
        assert_eq!(page.attr("#file", "aria-invalid").as_deref(), Some("true"));
    }
    // No file chosen.
    let page = app
        .post_multipart("/b2b/quick-order/upload", Some(&token), None)
        .await;
    assert_eq!(page.status, 422);
    assert!(page.text("#file-error").contains("Choose a CSV file"));
    // Without the token first, nothing is read.
    let forged = app
        .post_multipart(
            "/b2b/quick-order/upload",
            None,
            Some(("a.csv", b"PO-01000,1".to_vec())),
        )
        .await;
    assert_eq!(forged.status, 403);
    let wrong = app
        .post_multipart(
            "/b2b/quick-order/upload",
            Some("not-the-token"),
            Some(("a.csv", b"PO-01000,1".to_vec())),
        )
        .await;
    assert_eq!(wrong.status, 403);
}

#[tokio::test]
async fn confirming_checks_again_and_adds_nothing_when_something_changed() {
    let app = spawn_app().await;
    stock(&app, "PO-01000", 50);
    stock(&app, "OF-01005", 50);
    app.login("buyer@nordbygg.example").await;
    let report = app
        .post_form(
            PAGE,
            PAGE,
            &[("paste", "PO-01000,5\nOF-01005,5"), ("action", "check")],
        )
        .await;
    let lines = report
        .attr(".quick-confirm input[name=lines]", "value")
        .unwrap();
    stock(&app, "OF-01005", 2);
    let again = app
        .post_form("/b2b/quick-order/confirm", PAGE, &[("lines", &lines)])
        .await;
    assert_eq!(again.status, 409);
    assert!(again.text(".quick-problems").contains("Only 2 in stock"));
    assert!(cart(&app).is_empty(), "all or nothing");
    // Lines from the form are only SKUs and quantities: a product the company cannot buy is
    // refused like any unknown SKU.
    let consumer_only = "PO-01000";
    diesel::update(products::table.filter(products::sku.eq(consumer_only)))
        .set(products::audience.eq("b2c"))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let refused = app
        .post_form(
            "/b2b/quick-order/confirm",
            PAGE,
            &[("lines", &format!("{consumer_only}\t1\n"))],
        )
        .await;
    assert_eq!(refused.status, 409);
    assert!(
        refused
            .text(".quick-problems")
            .contains("No product with this SKU")
    );
}

#[tokio::test]
async fn a_past_order_is_ordered_again_at_todays_prices_by_its_company_only() {
    let app = spawn_app().await;
    stock(&app, "HA-01025", 50);
    stock(&app, "OF-01005", 50);
    app.login("buyer@nordbygg.example").await;
    let report = app
        .post_form(
            PAGE,
            PAGE,
            &[("paste", "HA-01025,2\nOF-01005,1"), ("action", "check")],
        )
        .await;
    let lines = report
        .attr(".quick-confirm input[name=lines]", "value")
        .unwrap();
    app.post_form("/b2b/quick-order/confirm", PAGE, &[("lines", &lines)])
        .await;
    let checkout = app
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
    let total = checkout.attr("input[name=shown_total]", "value").unwrap();
    let key = checkout.attr("input[name=order_key]", "value").unwrap();
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
                ("delivery", "pickup"),
                ("payment", "invoice"),
                ("shown_total", &total),
                ("order_key", &key),
                ("action", "pay"),
            ],
        )
        .await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let order_path = placed.location();
    let order = app.get(&order_path).await;
    let mut offered = order.attrs(".reorder input[name=line]", "value");
    offered.sort();
    assert_eq!(offered, vec!["HA-01025", "OF-01005"]);
    let number = order.attr(".reorder input[name=number]", "value").unwrap();
    let token = order.attr(".reorder input[name=t]", "value").unwrap();
    assert!(cart(&app).is_empty());
    // One line of it, checked like a quick order, then confirmed.
    let again = app
        .post_form(
            "/b2b/reorder",
            &order_path,
            &[
                ("number", &number),
                ("t", &token),
                ("selected", "1"),
                ("line", "HA-01025"),
            ],
        )
        .await;
    assert_eq!(again.status, 200);
    assert_eq!(
        again.text(".quick-summary"),
        "Lines read: 1. Ready to add: 1. Need attention: 0."
    );
    let lines = again
        .attr(".quick-confirm input[name=lines]", "value")
        .unwrap();
    assert_eq!(lines, "HA-01025\t2\n");
    app.post_form("/b2b/quick-order/confirm", PAGE, &[("lines", &lines)])
        .await;
    assert_eq!(cart(&app), vec![("HA-01025".to_string(), 2)]);
    // Nothing chosen is said so; the dashboard's button orders all of it.
    let none = app
        .post_form(
            "/b2b/reorder",
            &order_path,
            &[("number", &number), ("t", &token), ("selected", "1")],
        )
        .await;
    assert_eq!(none.status, 422);
    let home = app.get("/").await;
    assert_eq!(home.count(".recent-orders form[action='/b2b/reorder']"), 1);
    // The home's carousel starts with what the company orders most.
    let skus = home.attrs(".carousel .card input[name=sku]", "value");
    assert_eq!(&skus[..2], ["HA-01025", "OF-01005"], "{skus:?}");
    // Another company's buyer with the very same link: not found. A consumer: refused.
    let other = app.another_browser();
    other.login("buyer@kontorsgruppen.example").await;
    let far = other
        .post_form("/b2b/reorder", "/", &[("number", &number), ("t", &token)])
        .await;
    assert_eq!(far.status, 404);
    let consumer = app.another_browser();
    consumer.login("shopper@example.com").await;
    let refused = consumer
        .post_form("/b2b/reorder", "/", &[("number", &number), ("t", &token)])
        .await;
    assert_eq!(refused.status, 403);
}

#[tokio::test]
async fn an_order_exports_as_csv_with_its_link_only() {
    let app = spawn_app().await;
    stock(&app, "HA-01025", 50);
    app.login("buyer@nordbygg.example").await;
    let report = app
        .post_form(PAGE, PAGE, &[("paste", "HA-01025,2"), ("action", "check")])
        .await;
    let lines = report
        .attr(".quick-confirm input[name=lines]", "value")
        .unwrap();
    app.post_form("/b2b/quick-order/confirm", PAGE, &[("lines", &lines)])
        .await;
    let checkout = app.get("/checkout").await;
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
                ("delivery", "standard"),
                ("payment", "invoice"),
                (
                    "shown_total",
                    &checkout.attr("input[name=shown_total]", "value").unwrap(),
                ),
                (
                    "order_key",
                    &checkout.attr("input[name=order_key]", "value").unwrap(),
                ),
                ("action", "pay"),
            ],
        )
        .await;
    assert_eq!(placed.status, 303);
    let page = app.get(&placed.location()).await;
    let link = page.attr("a.order-export", "href").unwrap();
    let csv = app.get_raw(&link).await.text().await.unwrap();
    let mut rows = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        rows.next(),
        Some("sku,name,quantity,unit_price_excl_vat,vat_percent,line_total_incl_vat")
    );
    assert!(rows.next().unwrap().starts_with("HA-01025,"));
    let wrong = link.split("?t=").next().unwrap().to_string() + "?t=nope";
    assert_eq!(app.get_raw(&wrong).await.status(), 404);
}
