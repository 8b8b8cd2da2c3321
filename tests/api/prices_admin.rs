//! Agreed prices in admin: price lists with volume tiers and scheduled changes (windows that
//! overlap are refused), a company's list, terms and contract prices, the terms' adjustments —
//! and the preview, which must say what the storefront charges, because it is the same pipeline.

use crate::helpers::{Page, TestApp, product_at_1000, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, companies};

fn company_id(app: &TestApp, name: &str) -> i64 {
    companies::table
        .filter(companies::name.eq(name))
        .select(companies::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn today(app: &TestApp, days: i64) -> String {
    let tz: chrono_tz::Tz = app.settings.shop.time_zone.parse().unwrap();
    (chrono::Utc::now().with_timezone(&tz).date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn preview(
    staff: &TestApp,
    company: i64,
    sku: &str,
    qty: u32,
    terms: &str,
    day: &str,
) -> Page {
    staff
        .get(&format!(
            "/admin/prices?company={company}&sku={sku}&qty={qty}&terms={terms}&day={day}"
        ))
        .await
}

#[tokio::test]
async fn staff_set_agreed_prices_and_the_preview_says_what_the_buyer_pays() {
    let app = spawn_app().await;
    let (_, sku, slug) = product_at_1000(&app);
    let nordbygg = company_id(&app, "Nordbygg AB");
    let staff = app.another_browser();
    staff.login("sales@duett.example").await;

    // A new list with a plain price and a volume tier.
    let res = staff
        .post_form(
            "/admin/prices/lists",
            "/admin/prices",
            &[("code", "Site-2027"), ("name", "Site crews 2027")],
        )
        .await;
    assert_eq!(res.status, 303);
    let list = res.location();
    for (qty, price) in [("1", "800"), ("10", "700")] {
        let res = staff
            .post_form(
                &list,
                &list,
                &[
                    ("action", "add"),
                    ("sku", &sku),
                    ("min_qty", qty),
                    ("price", price),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text("main"));
    }
    // Nordbygg moves to the list, on 60 days (+1.5 %).
    let company = format!("/admin/prices/companies/{nordbygg}");
    let list_id = list.rsplit('/').next().unwrap().to_string();
    let res = staff
        .post_form(
            &company,
            &company,
            &[("price_list", list_id.as_str()), ("payment_terms", "net60")],
        )
        .await;
    assert_eq!(res.status, 303);

    // The preview and the buyer's product page agree: 800 × 1.015 for one, 700 × 1.015 from 10.
    let page = preview(&staff, nordbygg, &sku, 1, "", "").await;
    assert_eq!(page.text(".preview-result .why-total strong"), "SEK 812.00");
    let page = preview(&staff, nordbygg, &sku, 12, "", "").await;
    assert_eq!(page.text(".preview-result .why-total strong"), "SEK 710.50");
    assert_eq!(page.text(".preview-line strong"), "SEK 8,526.00");
    // On prepayment (−2 %) instead.
    let page = preview(&staff, nordbygg, &sku, 1, "prepay", "").await;
    assert_eq!(page.text(".preview-result .why-total strong"), "SEK 784.00");
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let product = buyer.get(&format!("/products/{slug}")).await;
    assert_eq!(product.text(".why-total strong"), "SEK 812.00");

    // A price change on a date: an overlapping price is refused, with what was typed kept …
    let tomorrow = today(&app, 1);
    let res = staff
        .post_form(
            &list,
            &list,
            &[
                ("action", "add"),
                ("sku", &sku),
                ("min_qty", "1"),
                ("price", "750"),
                ("valid_from", &tomorrow),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text("#valid_from-error")
            .contains("applies on some of these days")
    );
    assert_eq!(res.attr("#price", "value").as_deref(), Some("750"));
    // … so the current price gets a last day and the new one starts the day after.
    let list_page = staff.get(&list).await;
    let current = list_page
        .select_texts(".price-rows tbody tr")
        .iter()
        .position(|r| r.contains("800.00"))
        .unwrap();
    let entry = list_page.attrs(".price-rows input[name=id]", "value")[current].clone();
    assert_eq!(
        staff
            .post_form(&list, &list, &[("action", "remove"), ("id", &entry)])
            .await
            .status,
        303
    );
    let todays = today(&app, 0);
    for (price, from, to) in [("800", "", todays.as_str()), ("750", tomorrow.as_str(), "")] {
        let res = staff
            .post_form(
                &list,
                &list,
                &[
                    ("action", "add"),
                    ("sku", &sku),
                    ("min_qty", "1"),
                    ("price", price),
                    ("valid_from", from),
                    ("valid_to", to),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text("main"));
    }
    let list_page = staff.get(&list).await;
    assert_eq!(list_page.count(".price-scheduled"), 1);
    assert_eq!(list_page.count(".price-current"), 2);
    let page = preview(&staff, nordbygg, &sku, 1, "", &today(&app, 0)).await;
    assert_eq!(page.text(".preview-result .why-total strong"), "SEK 812.00");
    let page = preview(&staff, nordbygg, &sku, 1, "", &tomorrow).await;
    assert_eq!(page.text(".preview-result .why-total strong"), "SEK 761.25");

    // A contract price under the list beats it; the terms still apply.
    let res = staff
        .post_form(
            &format!("{company}/contracts"),
            &company,
            &[
                ("action", "add"),
                ("sku", &sku.to_lowercase()),
                ("min_qty", "1"),
                ("price", "650"),
                ("note", "Framework 2027"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = preview(&staff, nordbygg, &sku, 1, "", "").await;
    assert_eq!(page.text(".preview-result .why-total strong"), "SEK 659.75");
    assert!(page.text(".preview-result").contains("Framework 2027"));

    // Terms: +2.5 % on 60 days changes what the buyer is shown at once.
    let res = staff
        .post_form(
            "/admin/prices/terms/net60",
            "/admin/prices",
            &[("adjustment", "2,5")],
        )
        .await;
    assert_eq!(res.status, 303);
    let product = buyer.get(&format!("/products/{slug}")).await;
    assert_eq!(product.text(".why-total strong"), "SEK 666.25");
    let res = staff
        .post_form(
            "/admin/prices/terms/net60",
            "/admin/prices",
            &[("adjustment", "lots")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(
        res.text("#adjustment-net60-error"),
        "Enter a percentage such as -2 or 1,5."
    );
    assert_eq!(
        res.attr("#adjustment-net60", "value").as_deref(),
        Some("lots")
    );

    // Every change is in the audit log.
    let mut c = app.pool.get().unwrap();
    let actions: Vec<String> = audit_log::table
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut c)
        .unwrap();
    for a in [
        "price_list_create",
        "price_list_add",
        "price_list_remove",
        "company_pricing_assign",
        "contract_price_add",
        "payment_terms_adjust",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} not audited");
    }
}

#[tokio::test]
async fn price_forms_say_what_is_wrong_and_stay_within_the_company() {
    let app = spawn_app().await;
    let (_, sku, _) = product_at_1000(&app);
    let nordbygg = company_id(&app, "Nordbygg AB");
    let other = company_id(&app, "Kontorsgruppen i Lund AB");
    let staff = app.another_browser();
    staff.login("admin@duett.example").await;
    let company = format!("/admin/prices/companies/{nordbygg}");
    let res = staff
        .post_form(
            &format!("{company}/contracts"),
            &company,
            &[
                ("action", "add"),
                ("sku", "NO-SUCH-1"),
                ("min_qty", "0"),
                ("price", "0"),
                ("valid_from", "2027-03-01"),
                ("valid_to", "2027-02-01"),
                ("note", "Spring"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.text("#min_qty-error"), "Enter a whole number from 1.");
    assert!(res.text("#price-error").contains("above 0"));
    assert_eq!(
        res.text("#valid_to-error"),
        "The last day must not come before the first."
    );
    assert_eq!(res.attr("#note", "value").as_deref(), Some("Spring"));
    let res = staff
        .post_form(
            &format!("{company}/contracts"),
            &company,
            &[
                ("action", "add"),
                ("sku", "NO-SUCH-1"),
                ("min_qty", "1"),
                ("price", "10"),
            ],
        )
        .await;
    assert_eq!(res.text("#sku-error"), "No product has this SKU.");
    // A contract price of Nordbygg cannot be removed through another company's address.
    let res = staff
        .post_form(
            &format!("{company}/contracts"),
            &company,
            &[
                ("action", "add"),
                ("sku", &sku),
                ("min_qty", "1"),
                ("price", "10"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let before = staff.get(&company).await;
    let id = before
        .select_texts(".price-rows tbody tr")
        .iter()
        .position(|r| r.contains(&sku))
        .map(|i| before.attrs(".price-rows input[name=id]", "value")[i].clone())
        .unwrap();
    let res = staff
        .post_form(
            &format!("/admin/prices/companies/{other}/contracts"),
            &company,
            &[("action", "remove"), ("id", &id)],
        )
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(
        staff.get(&company).await.count(".price-rows tbody tr"),
        before.count(".price-rows tbody tr")
    );
    // A list code is checked and must be free.
    let res = staff
        .post_form(
            "/admin/prices/lists",
            "/admin/prices",
            &[("code", "a b"), ("name", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#code-error").contains("lower-case"));
    assert!(res.text("#name-error").contains("name"));
    // Only administrators and sales reps.
    for email in ["catalog@duett.example", "support@duett.example"] {
        let b = app.another_browser();
        b.login(email).await;
        assert_eq!(b.get("/admin/prices").await.status, 403, "{email}");
        assert_eq!(b.get(&company).await.status, 403, "{email}");
    }
}
