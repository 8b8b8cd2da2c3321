//! Requisition lists: private or shared inside the company, changed by their owner (or a company
//! admin), ordered through the quick order's check; never visible to another company.

use crate::helpers::{TestApp, spawn_app, stock};
use diesel::prelude::*;
use duett::db::schema::{cart_lines, products, requisition_lists};

async fn new_list(app: &TestApp, name: &str, shared: bool) -> String {
    let mut fields = vec![("name", name)];
    if shared {
        fields.push(("shared", "1"));
    }
    let res = app.post_form("/b2b/lists", "/b2b/lists", &fields).await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    res.location()
}

#[tokio::test]
async fn a_buyer_keeps_a_list_and_orders_chosen_lines_through_the_check() {
    let app = spawn_app().await;
    stock(&app, "HA-01025", 50);
    stock(&app, "FA-01003", 500);
    app.login("buyer@nordbygg.example").await;
    assert_eq!(app.get("/b2b/lists").await.status, 200);
    // Bad names are explained and kept.
    let bad = app
        .post_form("/b2b/lists", "/b2b/lists", &[("name", "  ")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.text("#list-name-error")
            .contains("Give the list a name")
    );
    let list = new_list(&app, "Site kit", true).await;
    let page = app.get(&list).await;
    assert_eq!(page.text("h1"), "Site kit");
    // Add by SKU: rules apply (screws come in tens), unknown SKUs are named.
    let add = format!("{list}/lines");
    let refused = app
        .post_form(&add, &list, &[("sku", "fa-01003"), ("quantity", "15")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#add-error").contains("steps of 10"));
    assert_eq!(
        refused.attr("#add-quantity", "value").as_deref(),
        Some("15")
    );
    let unknown = app
        .post_form(&add, &list, &[("sku", "NOPE"), ("quantity", "1")])
        .await;
    assert!(
        unknown
            .text("#add-error")
            .contains("No product with this SKU")
    );
    for (sku, qty) in [("fa-01003", "20"), ("HA-01025", "3"), ("HA-01025", "2")] {
        let ok = app
            .post_form(&add, &list, &[("sku", sku), ("quantity", qty)])
            .await;
        assert_eq!(ok.status, 303);
    }
    let page = app.get(&list).await;
    assert_eq!(
        page.count(".list-lines tbody tr"),
        2,
        "the same product adds up"
    );
    let qty = page.attrs(".list-lines input[name=quantity]", "value");
    assert_eq!(qty, vec!["20", "5"]);
    // Order only the knives: checked, then confirmed into the cart.
    let ids = page.attrs("input[form=order-form][name=line]", "value");
    let report = app
        .post_form(&format!("{list}/order"), &list, &[("line", &ids[1])])
        .await;
    assert_eq!(report.status, 200);
    assert_eq!(
        report.text(".quick-summary"),
        "Lines read: 1. Ready to add: 1. Need attention: 0."
    );
    let lines = report
        .attr(".quick-confirm input[name=lines]", "value")
        .unwrap();
    app.post_form(
        "/b2b/quick-order/confirm",
        "/b2b/quick-order",
        &[("lines", &lines)],
    )
    .await;
    let cart: Vec<i32> = cart_lines::table
        .select(cart_lines::quantity)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(cart, vec![5]);
    // From a product page too.
    let product = app.get("/products/wood-screws-4-0-40-200-fa-01003").await;
    assert_eq!(product.count("form.add-to-list option"), 1);
    let id = list.rsplit('/').next().unwrap();
    let back = app
        .post_form(
            "/b2b/lists/add",
            "/products/wood-screws-4-0-40-200-fa-01003",
            &[
                ("list", id),
                ("sku", "FA-01003"),
                ("quantity", "10"),
                ("back", "/products/wood-screws-4-0-40-200-fa-01003"),
            ],
        )
        .await;
    assert_eq!(back.location(), "/products/wood-screws-4-0-40-200-fa-01003");
    // A quantity that cannot be taken is said on the product page, with what was typed kept.
    let refused = app
        .post_form(
            "/b2b/lists/add",
            "/products/wood-screws-4-0-40-200-fa-01003",
            &[
                ("list", id),
                ("sku", "FA-01003"),
                ("quantity", "lots"),
                ("back", "/products/wood-screws-4-0-40-200-fa-01003"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.theme(), "b2b");
    assert!(!refused.text("form.add-to-list #list-error").is_empty());
    assert_eq!(
        refused
            .attr("#list-quantity", "aria-describedby")
            .as_deref(),
        Some("list-error")
    );
    assert_eq!(
        refused.attr("#list-quantity", "value").as_deref(),
        Some("lots")
    );
    assert_eq!(
        refused
            .attr("#list-choice option[selected]", "value")
            .as_deref(),
        Some(id)
    );
    let page = app.get(&list).await;
    assert_eq!(
        page.attrs(".list-lines input[name=quantity]", "value")[0],
        "30"
    );
}

#[tokio::test]
async fn shared_lists_are_seen_in_the_company_changed_by_their_owner_and_hidden_elsewhere() {
    let app = spawn_app().await;
    app.login("buyer@nordbygg.example").await;
    let shared = new_list(&app, "Shared kit", true).await;
    let private = new_list(&app, "My private kit", false).await;
    app.post_form(
        &format!("{shared}/lines"),
        &shared,
        &[("sku", "HA-01025"), ("quantity", "1")],
    )
    .await;
    // A colleague sees the shared list only, and may order it but not change it.
    let colleague = app.another_browser();
    colleague.login("approver@nordbygg.example").await;
    let index = colleague.get("/b2b/lists").await;
    assert_eq!(
        index.select_texts(".lists-table th[scope=row] a"),
        vec!["Shared kit"]
    );
    assert_eq!(colleague.get(&private).await.status, 404);
    let page = colleague.get(&shared).await;
    assert_eq!(page.count("#add-sku"), 0, "no changes offered");
    let change = colleague
        .post_form(
            &format!("{shared}/lines"),
            &shared,
            &[("sku", "HA-01025"), ("quantity", "1")],
        )
        .await;
    assert_eq!(change.status, 403);
    let delete = colleague
        .post_form(&format!("{shared}/delete"), &shared, &[])
        .await;
    assert_eq!(delete.status, 403);
    // The company admin may change it.
    let admin = app.another_browser();
    admin.login("admin@nordbygg.example").await;
    let renamed = admin
        .post_form(
            &shared,
            &shared,
            &[("name", "Site kit 2027"), ("shared", "1")],
        )
        .await;
    assert_eq!(renamed.status, 303);
    // Another company: not found, whatever the id.
    let stranger = app.another_browser();
    stranger.login("buyer@kontorsgruppen.example").await;
    assert_eq!(stranger.get(&shared).await.status, 404);
    assert_eq!(
        stranger
            .post_form(&format!("{shared}/order"), "/b2b/lists", &[("line", "1")])
            .await
            .status,
        404
    );
    assert_eq!(
        stranger
            .get("/b2b/lists")
            .await
            .count(".lists-table tbody tr"),
        0
    );
    // The owner deletes it.
    let gone = app
        .post_form(&format!("{private}/delete"), &private, &[])
        .await;
    assert_eq!(gone.location(), "/b2b/lists");
    let left: i64 = requisition_lists::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(left, 1);
    // Consumers have no lists.
    let consumer = app.another_browser();
    consumer.login("shopper@example.com").await;
    assert_eq!(consumer.get("/b2b/lists").await.status, 403);
}

#[tokio::test]
async fn carts_lists_and_orders_export_as_csv_only_to_those_who_may_see_them() {
    let app = spawn_app().await;
    stock(&app, "HA-01025", 50);
    app.login("buyer@nordbygg.example").await;
    let list = new_list(&app, "Export me", false).await;
    app.post_form(
        &format!("{list}/lines"),
        &list,
        &[("sku", "HA-01025"), ("quantity", "2")],
    )
    .await;
    // A product named like a formula is defused in every export.
    diesel::update(products::table.filter(products::sku.eq("HA-01025")))
        .set(products::name.eq("=HYPERLINK(\"http://evil.example\")"))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let res = app.get_raw(&format!("{list}/export.csv")).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let body = res.text().await.unwrap();
    let mut lines = body.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("sku,name,quantity,unit_price_excl_vat"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("HA-01025,\"'=HYPERLINK("), "{row}");
    assert!(row.contains(",2,"), "{row}");
    // The cart.
    app.post_form(
        "/cart/add",
        "/b2b/quick-order",
        &[("sku", "HA-01025"), ("quantity", "3")],
    )
    .await;
    let cart = app.get_raw("/cart/export.csv").await.text().await.unwrap();
    assert!(cart.contains("sku,name,quantity,unit_price_excl_vat,total_excl_vat"));
    assert!(cart.contains("HA-01025,\"'=HYPERLINK("), "{cart}");
    // Someone else's list: not found.
    let stranger = app.another_browser();
    stranger.login("buyer@kontorsgruppen.example").await;
    assert_eq!(
        stranger
            .get_raw(&format!("{list}/export.csv"))
            .await
            .status(),
        404
    );
}
