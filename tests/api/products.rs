//! Products in admin: a catalog manager adds a product with a picture and both storefronts show
//! it at once with their own prices and the picture in every stored width; the form checked as
//! a whole with what was typed kept; pictures judged by content; stock changed by hand through
//! the ledger, never below what orders hold; copies, archiving; who may do it; the audit trail.

use crate::helpers::{Page, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, companies, product_media, products, stock_movements};

const NEW: &str = "/admin/products/new";

/// The value of the first real option of a select on `page`.
fn first_option(page: &Page, select: &str) -> String {
    page.attrs(&format!("select#{select} option"), "value")
        .into_iter()
        .find(|v| !v.is_empty())
        .expect("an option")
}

/// The fields of a good product form for `sku`, CSRF token first.
fn fields(token: &str, category: &str, sku: &str, name: &str) -> Vec<(String, String)> {
    [
        ("csrf_token", token),
        ("sku", sku),
        ("name", name),
        ("slug", ""),
        ("category", category),
        ("brand", ""),
        ("summary", "Cuts straight, every time."),
        ("description", "A saw.\n\nWith a guide."),
        ("price", "800"),
        ("tax_class", "standard"),
        ("audience", "both"),
        ("min_qty", "1"),
        ("qty_step", "1"),
        ("max_qty", ""),
        ("low_stock", "3"),
        ("active", "1"),
        ("specs", "Blade: 190 mm\nWeight: 3,1 kg"),
        ("seo_title", ""),
        ("seo_description", ""),
        ("picture_alt", "The saw from the side"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

async fn post(
    staff: &TestApp,
    path: &str,
    fields: &[(String, String)],
    files: Vec<(&str, Vec<u8>, &str)>,
) -> Page {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    staff.post_parts(path, &borrowed, "pictures", files).await
}

/// Signs in as the catalog manager; the new-product form, its token and a category.
async fn catalog_manager(app: &TestApp) -> (TestApp, String, String) {
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let form = staff.get(NEW).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.theme(), "admin");
    let token = form.attr("input[name=csrf_token]", "value").unwrap();
    let category = first_option(&form, "category");
    (staff, token, category)
}

fn product_id(app: &TestApp, sku: &str) -> Option<i64> {
    let mut c = app.pool.get().unwrap();
    products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(&mut c)
        .optional()
        .unwrap()
}

fn media_dir(app: &TestApp) -> std::path::PathBuf {
    app.settings.session.data_dir.join("media")
}

fn files_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[tokio::test]
async fn a_product_added_with_a_picture_shows_in_both_shops_with_their_prices() {
    let app = spawn_app().await;
    let (staff, token, category) = catalog_manager(&app).await;
    let res = post(
        &staff,
        "/admin/products",
        &fields(&token, &category, "ts-9000", "Track saw 9000"),
        vec![("saw.jpg", crate::helpers::jpeg(1600, 1000), "image/jpeg")],
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let id = product_id(&app, "TS-9000").expect("saved with the SKU in capitals");
    assert_eq!(res.location(), format!("/admin/products/{id}"));
    let edit = staff.get(&res.location()).await;
    assert!(edit.text("main").contains("The product is saved"));
    // The stored price comes back as it would be typed, so saving the form again keeps it.
    assert_eq!(edit.attr("#price", "value").as_deref(), Some("800.00"));
    assert_eq!(edit.count(".picture-item"), 1);
    assert!(
        edit.text(".product-prices")
            .contains("SEK 1,000.00 incl. VAT"),
        "{}",
        edit.text(".product-prices")
    );
    // Four widths were written: 320, 640, 1280 and the picture's own 1600.
    assert_eq!(files_in(&media_dir(&app)), 4);

    // Nothing to sell yet: stock comes in through the ledger.
    let res = staff
        .post_form(
            &format!("/admin/products/{id}/stock"),
            &format!("/admin/products/{id}"),
            &[
                ("change", "+12"),
                ("reason", "received"),
                ("note", "PO 4711"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let edit = staff.get(&format!("/admin/products/{id}")).await;
    assert!(edit.text(".stock-level").starts_with("12 on hand"));
    assert_eq!(
        edit.select_texts(".stock-ledger tbody td")[1..4],
        ["+12", "Received", "PO 4711"]
    );

    // The consumer shop: the price with VAT, the picture in every width, the specs.
    let shopper = app.another_browser();
    let page = shopper.get("/products/track-saw-9000").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.theme(), "b2c");
    assert_eq!(page.text("h1"), "Track saw 9000");
    assert_eq!(page.text(".buybox .price-amount"), "SEK 1,000.00");
    let srcset = page.attr(".gallery-main img", "srcset").expect("a srcset");
    let widths: Vec<&str> = srcset
        .split(", ")
        .map(|e| e.rsplit(' ').next().unwrap())
        .collect();
    assert_eq!(widths, ["320w", "640w", "1280w", "1600w"]);
    assert_eq!(
        page.attr(".gallery-main img", "alt").as_deref(),
        Some("The saw from the side")
    );
    assert_eq!(
        page.attr(".gallery-main img", "width").as_deref(),
        Some("1600")
    );
    assert_eq!(
        page.attr(".gallery-main img", "height").as_deref(),
        Some("1000")
    );
    assert!(
        page.select_texts("table.specs td")
            .contains(&"190 mm".to_string())
    );
    let small = srcset.split(' ').next().unwrap();
    let file = shopper.get_raw(small).await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "image/jpeg");
    assert!(
        file.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let bytes = file.bytes().await.unwrap();
    let size = imagesize::blob_size(&bytes).unwrap();
    assert_eq!((size.width, size.height), (320, 200));
    // Search finds it at once (the index follows the table).
    let found = shopper.get("/search?q=track+saw").await;
    assert!(
        found
            .select_texts(".card-name")
            .contains(&"Track saw 9000".to_string())
    );

    // The business portal: excl. VAT, after the company's payment terms (net 60: +1.5 %).
    {
        let mut c = app.pool.get().unwrap();
        diesel::update(companies::table.filter(companies::name.eq("Nordbygg AB")))
            .set(companies::payment_terms.eq("net60"))
            .execute(&mut c)
            .unwrap();
    }
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let page = buyer.get("/products/track-saw-9000").await;
    assert_eq!(page.theme(), "b2b");
    assert_eq!(page.text(".why-total strong"), "SEK 812.00");

    // The audit trail says who added it and the picture.
    let mut c = app.pool.get().unwrap();
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject_type.eq("product"))
        .filter(audit_log::subject_id.eq(id.to_string()))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut c)
        .unwrap();
    assert_eq!(
        actions,
        ["product_picture_add", "product_create", "stock_adjust"]
    );
}

#[tokio::test]
async fn a_wrong_form_is_refused_field_by_field_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let (staff, token, category) = catalog_manager(&app).await;
    let mut bad = fields(&token, &category, "", "Bench vice");
    for (k, v) in bad.iter_mut() {
        match k.as_str() {
            "price" => *v = "tolv".into(),
            "specs" => *v = "Jaw width 100 mm".into(),
            "min_qty" => *v = "0".into(),
            _ => {}
        }
    }
    let page = post(
        &staff,
        "/admin/products",
        &bad,
        vec![(
            "notes.pdf",
            b"%PDF-1.7 not a picture".to_vec(),
            "image/jpeg",
        )],
    )
    .await;
    assert_eq!(page.status, 422);
    assert_eq!(page.text("#sku-error"), "Enter the SKU.");
    assert!(page.text("#price-error").contains("kronor"));
    assert_eq!(page.text("#specs-error"), "Line 1 is not \"Name: value\".");
    assert!(page.text("#min_qty-error").contains("whole number"));
    assert_eq!(
        page.text("#pictures-error"),
        "“notes.pdf” is not a JPEG, PNG or WebP picture."
    );
    assert_eq!(page.attr("#sku", "aria-invalid").as_deref(), Some("true"));
    // What was typed is still there.
    assert_eq!(page.attr("#name", "value").as_deref(), Some("Bench vice"));
    assert_eq!(page.text("#specs"), "Jaw width 100 mm");
    assert_eq!(page.attr("#price", "value").as_deref(), Some("tolv"));
    assert_eq!(
        page.attr("#category option[selected]", "value").as_deref(),
        Some(category.as_str())
    );
    assert!(product_id(&app, "").is_none());
    assert_eq!(files_in(&media_dir(&app)), 0);

    // A SKU another product has is refused next to the field; a good picture is not kept.
    let taken = {
        let mut c = app.pool.get().unwrap();
        products::table
            .select(products::sku)
            .first::<String>(&mut c)
            .unwrap()
    };
    let page = post(
        &staff,
        "/admin/products",
        &fields(&token, &category, &taken, "Bench vice"),
        vec![("vice.jpg", crate::helpers::jpeg(400, 400), "image/jpeg")],
    )
    .await;
    assert_eq!(page.status, 422);
    assert_eq!(page.text("#sku-error"), "Another product has this SKU.");
    assert!(page.text("#pictures-error").contains("choose them again"));
    assert_eq!(files_in(&media_dir(&app)), 0);

    // Too small a picture, by its pixels.
    let page = post(
        &staff,
        "/admin/products",
        &fields(&token, &category, "BV-100", "Bench vice"),
        vec![("tiny.jpg", crate::helpers::jpeg(120, 90), "image/jpeg")],
    )
    .await;
    assert_eq!(page.status, 422);
    assert!(page.text("#pictures-error").contains("at least 200 pixels"));
    assert!(product_id(&app, "BV-100").is_none());
}

#[tokio::test]
async fn stock_by_hand_never_goes_below_what_orders_hold() {
    let app = spawn_app().await;
    let (staff, token, category) = catalog_manager(&app).await;
    let res = post(
        &staff,
        "/admin/products",
        &fields(&token, &category, "ST-1", "Step stool"),
        vec![],
    )
    .await;
    assert_eq!(res.status, 303);
    let id = product_id(&app, "ST-1").unwrap();
    let path = format!("/admin/products/{id}");
    let stock = format!("{path}/stock");
    let change = |change: &'static str, reason: &'static str, note: &'static str| {
        let staff = staff.clone_browser();
        let (stock, path) = (stock.clone(), path.clone());
        async move {
            staff
                .post_form(
                    &stock,
                    &path,
                    &[("change", change), ("reason", reason), ("note", note)],
                )
                .await
        }
    };
    assert_eq!(change("10", "received", "").await.status, 303);
    {
        let mut c = app.pool.get().unwrap();
        diesel::update(duett::db::schema::stock_levels::table.find(id))
            .set(duett::db::schema::stock_levels::reserved.eq(4))
            .execute(&mut c)
            .unwrap();
    }
    let page = change("-7", "damaged", "Dropped").await;
    assert_eq!(page.status, 422);
    assert_eq!(
        page.text("#change-error"),
        "There are 10 on hand and 4 reserved for orders; at most 6 can be taken away."
    );
    assert_eq!(page.attr("#change", "value").as_deref(), Some("-7"));
    assert_eq!(page.attr("#note", "value").as_deref(), Some("Dropped"));
    let page = change("0", "counted", "").await;
    assert_eq!(page.text("#change-error"), "Enter a change other than 0.");
    let page = change("3", "correction", "").await;
    assert_eq!(page.text("#note-error"), "Say why in the note.");
    let page = change("3", "stolen", "").await;
    assert_eq!(page.text("#reason-error"), "Choose a reason.");
    assert_eq!(change("-6", "damaged", "Dropped").await.status, 303);
    let mut c = app.pool.get().unwrap();
    let ledger: Vec<(i32, String)> = stock_movements::table
        .filter(stock_movements::product_id.eq(id))
        .order(stock_movements::id)
        .select((stock_movements::delta, stock_movements::reason))
        .load(&mut c)
        .unwrap();
    assert_eq!(ledger, [(10, "received".into()), (-6, "damaged".into())]);
}

#[tokio::test]
async fn copies_archiving_and_pictures_follow_the_shops() {
    let app = spawn_app().await;
    let (staff, token, category) = catalog_manager(&app).await;
    let res = post(
        &staff,
        "/admin/products",
        &fields(&token, &category, "LV-2", "Laser level"),
        vec![
            ("front.jpg", crate::helpers::jpeg(800, 800), "image/jpeg"),
            ("side.jpg", crate::helpers::jpeg(640, 480), "image/jpeg"),
        ],
    )
    .await;
    assert_eq!(res.status, 303);
    let id = product_id(&app, "LV-2").unwrap();
    let path = format!("/admin/products/{id}");
    assert_eq!(files_in(&media_dir(&app)), 3 + 2);

    // A copy: free SKU and address, archived, same pictures (files shared).
    let res = staff
        .post_form(&format!("{path}/state"), &path, &[("action", "duplicate")])
        .await;
    assert_eq!(res.status, 303);
    let copy = product_id(&app, "LV-2-COPY").expect("the copy");
    assert_eq!(res.location(), format!("/admin/products/{copy}"));
    let copy_page = staff.get(&res.location()).await;
    assert_eq!(
        copy_page.attr("#slug", "value").as_deref(),
        Some("laser-level-copy")
    );
    assert_eq!(copy_page.count(".picture-item"), 2);
    assert_eq!(app.get("/products/laser-level-copy").await.status, 404);

    // Pictures: the second made first; its description changed; then removed from the
    // original — the copy still uses the files, so they stay.
    let original = staff.get(&path).await;
    let second = original.attrs(".picture-actions", "action")[1].clone();
    let res = staff.post_form(&second, &path, &[("action", "up")]).await;
    assert_eq!(res.status, 303);
    let res = staff
        .post_form(
            &second,
            &path,
            &[("action", "alt"), ("alt", "  From the\nside ")],
        )
        .await;
    assert_eq!(res.status, 303);
    let shop = app.get("/products/laser-level").await;
    assert_eq!(
        shop.attr(".gallery-main img", "alt").as_deref(),
        Some("From the side")
    );
    assert!(
        shop.attr(".gallery-main img", "srcset")
            .unwrap()
            .ends_with("640w")
    );
    let res = staff
        .post_form(&second, &path, &[("action", "remove")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(files_in(&media_dir(&app)), 5, "the copy still shows them");
    // Removing the copy's picture too deletes the files.
    let copy_second = staff
        .get(&format!("/admin/products/{copy}"))
        .await
        .attrs(".picture-actions", "action")[1]
        .clone();
    assert_eq!(
        staff
            .post_form(&copy_second, &path, &[("action", "remove")])
            .await
            .status,
        303
    );
    assert_eq!(files_in(&media_dir(&app)), 3);
    // Another product's picture cannot be reached through this product's address.
    let other = format!("/admin/products/{copy}/pictures/{}", {
        let mut c = app.pool.get().unwrap();
        product_media::table
            .filter(product_media::product_id.eq(id))
            .select(product_media::id)
            .first::<i64>(&mut c)
            .unwrap()
    });
    assert_eq!(
        staff
            .post_form(&other, &path, &[("action", "remove")])
            .await
            .status,
        404
    );

    // Archived: gone from both shops and from search; back on sale: shown again.
    let res = staff
        .post_form(&format!("{path}/state"), &path, &[("action", "archive")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(app.get("/products/laser-level").await.status, 404);
    let res = staff
        .post_form(&format!("{path}/state"), &path, &[("action", "restore")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(app.get("/products/laser-level").await.status, 200);

    // The list finds products by SKU start and by name (newest change first: the restored
    // original), and filters by state.
    let list = staff.get("/admin/products?q=lv-2").await;
    assert_eq!(
        list.select_texts(".admin-products tbody code"),
        ["LV-2", "LV-2-COPY"]
    );
    let list = staff.get("/admin/products?q=laser&state=archived").await;
    assert_eq!(
        list.select_texts(".admin-products tbody code"),
        ["LV-2-COPY"]
    );
    let list = staff.get("/admin/products?q=no+such+thing").await;
    assert_eq!(list.count(".admin-products"), 0);
    assert!(list.text(".empty").contains("No products match"));
}

#[tokio::test]
async fn only_administrators_and_catalog_managers_manage_products() {
    let app = spawn_app().await;
    let id = product_id(&app, "TO-01000")
        .or_else(|| {
            let mut c = app.pool.get().unwrap();
            products::table.select(products::id).first(&mut c).ok()
        })
        .unwrap();
    for email in ["sales@duett.example", "support@duett.example"] {
        let staff = app.another_browser();
        staff.login(email).await;
        for path in [
            "/admin/products".to_string(),
            NEW.to_string(),
            format!("/admin/products/{id}"),
        ] {
            assert_eq!(staff.get(&path).await.status, 403, "{email} {path}");
        }
        let res = staff
            .post_form(
                &format!("/admin/products/{id}/state"),
                "/admin",
                &[("action", "archive")],
            )
            .await;
        assert_eq!(res.status, 403, "{email} may not archive");
    }
    // A buyer is not staff at all.
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    assert_ne!(buyer.get("/admin/products").await.status, 200);
    // Without the form's token nothing changes.
    let staff = app.another_browser();
    staff.login("admin@duett.example").await;
    let res = staff
        .post_raw(
            &format!("/admin/products/{id}/state"),
            &[("action", "archive")],
        )
        .await;
    assert_eq!(res.status, 403);
    let mut c = app.pool.get().unwrap();
    let active: bool = products::table
        .find(id)
        .select(products::active)
        .first(&mut c)
        .unwrap();
    assert!(active);
}

/// Uploads a product file and waits for its job to finish a step; the job's page.
async fn import(staff: &TestApp, name: &str, csv: &str) -> (String, Page) {
    let token = staff.csrf_token("/admin/products/import").await;
    let res = staff
        .post_parts(
            "/admin/products/import",
            &[("csrf_token", token.as_str())],
            "file",
            vec![(name, csv.as_bytes().to_vec(), "text/csv")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let job = res.location();
    (job.clone(), settled(staff, &job).await)
}

/// The job's page once it is no longer working.
async fn settled(staff: &TestApp, job: &str) -> Page {
    for _ in 0..200 {
        let page = staff.get(job).await;
        if page.count("[data-refresh]") == 0 {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

fn price_of(app: &TestApp, sku: &str) -> i64 {
    let mut c = app.pool.get().unwrap();
    products::table
        .filter(products::sku.eq(sku))
        .select(products::list_price_minor)
        .first(&mut c)
        .unwrap()
}

#[tokio::test]
async fn a_product_file_is_checked_first_and_imported_on_request() {
    let app = spawn_app().await;
    let (staff, _, _) = catalog_manager(&app).await;
    let (existing, old_price, category_slug): (String, i64, String) = {
        let mut c = app.pool.get().unwrap();
        products::table
            .inner_join(duett::db::schema::categories::table)
            .order(products::id)
            .select((
                products::sku,
                products::list_price_minor,
                duett::db::schema::categories::slug,
            ))
            .first(&mut c)
            .unwrap()
    };
    // A file with problems: nothing is saved, each problem is named by line and column.
    let bad = format!(
        "sku;name;category;price;active\n\
         NEW-1;Planer;{category_slug};1200;yes\n\
         NEW-2;Chisel;Boats;100;yes\n\
         NEW-1;Planer again;{category_slug};1200;yes\n\
         NEW-3;=HYPERLINK(\"x\");{category_slug};100;maybe\n"
    );
    let (_, page) = import(&staff, "bad.csv", &bad).await;
    assert_eq!(page.text(".import-status .badge"), "Problems found");
    assert_eq!(page.count(".import-run"), 0);
    let cells: Vec<String> = page
        .select_texts(".import-problems tbody td")
        .chunks(4)
        .map(|row| row.join(" "))
        .collect();
    assert_eq!(
        cells,
        [
            "3 NEW-2 category No category has this name or web address.",
            "4 NEW-1 sku This SKU is on an earlier row too.",
            "5 NEW-3 name The cell starts like a spreadsheet formula; remove the =, +, - or @.",
            "5 NEW-3 active Write yes or no.",
        ]
    );
    assert!(
        product_id(&app, "NEW-1").is_none(),
        "a dry run saves nothing"
    );

    // Not a CSV at all: said on the upload page.
    let token = staff.csrf_token("/admin/products/import").await;
    let res = staff
        .post_parts(
            "/admin/products/import",
            &[("csrf_token", token.as_str())],
            "file",
            vec![],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.text("#file-error"), "Choose a CSV file.");
    let (_, page) = import(&staff, "book.xlsx", "PK\u{3}\u{4}binary").await;
    assert!(page.text("[role=alert]").contains("save it as CSV"));

    // A good file adds a product; another changes only an existing product's price.
    let good = format!(
        "sku,name,category,price,specs\n\
         NEW-1,Block plane,{category_slug},1200,\"Length: 160 mm\nWeight: 0,7 kg\"\n"
    );
    let (job, page) = import(&staff, "good.csv", &good).await;
    assert_eq!(
        page.text(".import-status .badge"),
        "Checked, ready to import"
    );
    assert_eq!(
        page.text(".import-summary"),
        "1 new products, 0 changes and 0 unchanged; 0 problems."
    );
    let prices = format!("sku,price\n{},123.45\n", existing.to_lowercase());
    let (price_job, page) = import(&staff, "prices.csv", &prices).await;
    assert_eq!(
        page.text(".import-summary"),
        "0 new products, 1 changes and 0 unchanged; 0 problems."
    );
    assert_ne!(old_price, 12_345);
    for job in [&job, &price_job] {
        let res = staff.post_form(job, job, &[]).await;
        assert_eq!(res.status, 303);
        let page = settled(&staff, job).await;
        assert_eq!(page.text(".import-status .badge"), "Imported");
        // A second press does not import again.
        assert_eq!(staff.post_form(job, job, &[]).await.status, 303);
    }
    assert_eq!(price_of(&app, &existing), 12_345);
    let id = product_id(&app, "NEW-1").expect("imported");
    let page = app.get("/products/block-plane").await;
    assert_eq!(page.status, 200);
    assert!(
        page.select_texts("table.specs td")
            .contains(&"160 mm".to_string())
    );
    let mut c = app.pool.get().unwrap();
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::action.like("product_import%"))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut c)
        .unwrap();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "product_import_create")
            .count(),
        1
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "product_import_update")
            .count(),
        1
    );
    let created: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("product_import_create"))
        .select(audit_log::subject_id)
        .load(&mut c)
        .unwrap();
    assert_eq!(created, [id.to_string()]);
}

#[tokio::test]
async fn an_export_lists_the_catalog_and_reads_back_unchanged() {
    let app = spawn_app().await;
    let (staff, _, _) = catalog_manager(&app).await;
    let res = staff.get_raw("/admin/products/export.csv").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, duett::domain::product_import::COLUMNS);
    let rows = reader.records().count();
    let total: i64 = {
        let mut c = app.pool.get().unwrap();
        products::table.count().get_result(&mut c).unwrap()
    };
    assert_eq!(rows as i64, total);
    // The filters apply.
    let some = staff
        .get_raw("/admin/products/export.csv?state=archived")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        some.lines().count(),
        1,
        "only the header: nothing is archived"
    );
    // Importing the export back is accepted row for row and would change nothing.
    let (_, page) = import(&staff, "export.csv", &text).await;
    assert_eq!(
        page.text(".import-status .badge"),
        "Checked, ready to import",
        "{}",
        page.text("main")
    );
    assert_eq!(
        page.text(".import-summary"),
        format!("0 new products, 0 changes and {total} unchanged; 0 problems.")
    );
    // Only catalog staff export.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(
        sales.get_raw("/admin/products/export.csv").await.status(),
        403
    );
    assert_eq!(sales.get("/admin/products/import").await.status, 403);
}

#[tokio::test]
async fn a_catalog_manager_sets_a_products_video_and_both_shops_play_it() {
    let app = spawn_app().await;
    let (id, _sku, slug) = crate::helpers::product_at_1000(&app);
    diesel::delete(
        product_media::table
            .filter(product_media::product_id.eq(id))
            .filter(product_media::kind.eq("video")),
    )
    .execute(&mut app.pool.get().unwrap())
    .unwrap();
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let path = format!("/admin/products/{id}");
    let post = format!("{path}/video");
    let page = staff.get(&path).await;
    assert_eq!(page.count("#video-section form.video-form"), 1);
    assert_eq!(page.count(".video-remove"), 0, "nothing to remove yet");

    // Refused with what was typed kept: not a file on this site, captions that are not WebVTT.
    let res = staff
        .post_form(
            &post,
            &path,
            &[
                ("video_url", "https://www.youtube.com/watch?v=abc"),
                ("video_poster", ""),
                ("video_captions", "/static/video/demo.srt"),
                ("video_title", ""),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#video_url-error").contains("on this site"));
    assert!(res.text("#video_captions-error").contains(".vtt"));
    assert_eq!(
        res.attr("#video_url", "value").as_deref(),
        Some("https://www.youtube.com/watch?v=abc")
    );
    assert!(
        res.attr("#name", "value").is_some(),
        "the product form is there too"
    );

    let res = staff
        .post_form(
            &post,
            &path,
            &[
                ("video_url", "/static/video/demo.webm"),
                ("video_poster", ""),
                ("video_captions", "/static/video/demo.en.vtt"),
                ("video_title", ""),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text("main"));
    let name = app.get(&format!("/products/{slug}")).await.text("h1");
    for browser in [app.another_browser(), {
        let b = app.another_browser();
        b.login("buyer@nordbygg.example").await;
        b
    }] {
        let shop = browser.get(&format!("/products/{slug}")).await;
        assert_eq!(
            shop.attr("video source", "src").as_deref(),
            Some("/static/video/demo.webm")
        );
        assert_eq!(
            shop.attr("video track", "src").as_deref(),
            Some("/static/video/demo.en.vtt")
        );
        assert_eq!(shop.attr("video", "poster"), None, "no still given");
        assert_eq!(shop.attr("video", "title").as_deref(), Some(name.as_str()));
    }
    let page = staff.get(&path).await;
    assert_eq!(
        page.attr("#video_url", "value").as_deref(),
        Some("/static/video/demo.webm")
    );
    let res = staff.post_form(&post, &path, &[("action", "remove")]).await;
    assert_eq!(res.status, 303);
    assert_eq!(
        app.get(&format!("/products/{slug}")).await.count("video"),
        0
    );
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("product_video"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 2);
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(
        sales
            .post_form(&post, "/admin", &[("action", "remove")])
            .await
            .status,
        403
    );
}
