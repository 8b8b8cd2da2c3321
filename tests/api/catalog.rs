//! Category and product pages: sorting, stable pagination, media, stock, audience and prices.

use crate::helpers::spawn_app;

fn parse_price(text: &str) -> u64 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_category_lists_its_subcategories_products_with_breadcrumbs_and_pages() {
    let app = spawn_app().await;
    let page = app.get("/categories/office").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Office & workplace");
    assert_eq!(page.text(".count"), "100 products");
    assert_eq!(page.count(".grid .card"), 24);
    assert_eq!(
        page.select_texts(".breadcrumbs a"),
        vec!["Home", "Office & workplace"]
    );
    // The four subcategories are a filter with counts, plus "All".
    assert_eq!(page.count("input[name=cat]"), 5);
    assert_eq!(page.count("input[name=cat][checked]"), 1);
    assert_eq!(page.count(".pagination a[aria-current=page]"), 1);
    let second = app.get("/categories/office?page=2").await;
    let first_names = page.select_texts(".grid .card-name");
    let second_names = second.select_texts(".grid .card-name");
    assert!(
        first_names.iter().all(|n| !second_names.contains(n)),
        "pages do not overlap"
    );
    assert_eq!(
        second.attr("a[rel=prev]", "href").as_deref(),
        Some("/categories/office")
    );
    let last = app.get("/categories/office?page=5").await;
    assert_eq!(last.count(".grid .card"), 4);
    assert_eq!(last.count("a[rel=next]"), 0);
}

#[tokio::test]
async fn sorting_by_price_orders_the_list_and_unknown_input_is_ignored() {
    let app = spawn_app().await;
    let page = app.get("/categories/power-tools?sort=price-asc").await;
    let prices: Vec<u64> = page
        .select_texts(".grid .price-amount")
        .iter()
        .map(|p| parse_price(p))
        .collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    assert_eq!(
        page.attr("select[name=sort] option[selected]", "value")
            .as_deref(),
        Some("price-asc")
    );
    let page = app
        .get("/categories/power-tools?sort=price-desc&page=2")
        .await;
    let prices: Vec<u64> = page
        .select_texts(".grid .price-amount")
        .iter()
        .map(|p| parse_price(p))
        .collect();
    assert!(prices.windows(2).all(|w| w[0] >= w[1]), "{prices:?}");
    for query in [
        "?sort=DROP%20TABLE",
        "?page=abc",
        "?page=-1",
        "?page=99999999999999999999",
        "?sort[]=x",
    ] {
        let page = app.get(&format!("/categories/power-tools{query}")).await;
        assert_eq!(page.status, 200, "{query}");
    }
    // A page past the end shows the last page (and says which it is).
    let past = app.get("/categories/power-tools?page=50").await;
    assert!(past.count(".grid .card") > 0);
    assert_eq!(past.count("a[rel=next]"), 0);
    assert_eq!(
        past.text(".pagination a[aria-current=page]"),
        past.select_texts(".pagination a:not([rel])")
            .last()
            .unwrap()
            .as_str()
    );
}

#[tokio::test]
async fn a_product_page_shows_gallery_specs_stock_and_vat_for_consumers() {
    let app = spawn_app().await;
    // In the demo data the first product has three images; the sixth has a video.
    let video_product = "/products/cordless-drill-driver-18-v-compact-po-01000";
    let page = app.get(video_product).await;
    assert_eq!(page.status, 200, "{video_product}");
    assert_eq!(page.text("h1"), "Cordless drill driver 18 V Compact");
    assert_eq!(page.count(".thumbs img"), 3);
    assert!(
        page.attr(".gallery-main img", "alt")
            .unwrap()
            .contains("Cordless drill driver")
    );
    assert_eq!(page.count("table.specs tr"), 3);
    assert_eq!(page.text(".price-note"), "incl. VAT");
    assert!(page.text(".buybox").contains("Price includes 25 % VAT"));
    assert_eq!(page.count(".buybox .stock"), 1);
    assert_eq!(page.select_texts(".breadcrumbs a").len(), 4);
    let product_with_video = app
        .get("/products/ergonomic-task-chair-mesh-of-01005")
        .await;
    assert_eq!(product_with_video.status, 200);
    assert_eq!(
        product_with_video.count("video source[type='video/webm']"),
        1
    );
    assert_eq!(product_with_video.count("video track[kind=captions]"), 1);
}

#[tokio::test]
async fn prices_include_vat_for_consumers_and_exclude_it_for_companies() {
    let app = spawn_app().await;
    let path = "/products/cordless-drill-driver-18-v-compact-po-01000";
    let consumer = parse_price(&app.get(path).await.text(".buybox .price-amount"));
    app.login("buyer@nordbygg.example").await;
    let page = app.get(path).await;
    assert_eq!(page.theme(), "b2b");
    assert_eq!(page.text(".buybox .price-note"), "excl. VAT");
    // Nordbygg has agreed prices on this product; the list price it starts from is the
    // consumer's price without VAT (25 %: gross = net × 1.25, exactly, in öre).
    let first_step = page.select_texts(".why-steps li").remove(0);
    let list = parse_price(first_step.trim_start_matches("List price "));
    assert_eq!(consumer * 100, list * 125, "{consumer} vs {list}");
    let company = parse_price(&page.text(".buybox .price-amount"));
    assert!(company < list, "{company} is the agreed price under {list}");
}

#[tokio::test]
async fn business_only_products_are_hidden_from_consumers() {
    let app = spawn_app().await;
    let path = "/products/wood-screws-4-0-40-200-fa-01003";
    assert_eq!(app.get(path).await.status, 404);
    assert_eq!(
        app.get("/categories/fasteners").await.text(".count"),
        "0 products"
    );
    app.login("buyer@nordbygg.example").await;
    let page = app.get(path).await;
    assert_eq!(page.status, 200);
    assert!(page.text(".note").contains("minimum 10"));
}

#[tokio::test]
async fn demo_images_are_real_svg_and_cached() {
    let app = spawn_app().await;
    let res = app.get_raw("/media/demo/drill-24-1.svg").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(res.text().await.unwrap().starts_with("<svg"));
    assert_eq!(app.get_raw("/media/demo/nope-1-1.svg").await.status(), 404);
}

fn count_of(page: &crate::helpers::Page) -> usize {
    page.text(".count")
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn category_facets_narrow_the_list_and_bad_values_are_ignored_or_explained() {
    use diesel::prelude::*;
    use duett::db::schema::{categories, products};
    let app = spawn_app().await;
    let all = app.get("/categories/office").await;
    assert_eq!(count_of(&all), 100);
    // A subcategory: the count is what the database holds for consumers.
    let desks: i64 = products::table
        .inner_join(categories::table)
        .filter(categories::slug.eq("desks"))
        .filter(products::active.eq(true))
        .filter(products::audience.ne("b2b"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    let page = app.get("/categories/office?cat=desks").await;
    assert_eq!(count_of(&page) as i64, desks);
    assert_eq!(
        page.attr("input[name=cat][checked]", "value").as_deref(),
        Some("desks")
    );
    // In stock only: no card says out of stock, and the count matches the facet's.
    let facet_count: usize = all
        .text("label[for=stock] .facet-count")
        .trim_matches(|c| c == '(' || c == ')')
        .parse()
        .unwrap();
    let stocked = app.get("/categories/office?stock=1").await;
    assert_eq!(count_of(&stocked), facet_count);
    assert_eq!(stocked.count(".grid .stock-out"), 0);
    // A price range typed the wrong way round is read the right way round.
    let ranged = app
        .get("/categories/office?min=9000&max=3000&sort=price-asc")
        .await;
    let prices: Vec<u64> = ranged
        .select_texts(".grid .price-amount")
        .iter()
        .map(|p| parse_price(p) / 100)
        .collect();
    assert!(!prices.is_empty());
    assert!(
        prices.iter().all(|p| (3000..=9000).contains(p)),
        "{prices:?}"
    );
    // A price that is not a number is explained, kept in the box, and filters nothing.
    let typo = app.get("/categories/office?min=abc").await;
    assert_eq!(typo.status, 200);
    assert!(typo.text("#price-error").contains("499"));
    assert_eq!(typo.attr("#price-min", "value").as_deref(), Some("abc"));
    assert_eq!(count_of(&typo), 100);
    // Values that do not belong here are ignored.
    for query in [
        "?cat=power-tools",
        "?brand=no-such-brand",
        "?rating=9",
        "?stock=yes",
        "?sort=rating%27",
        "?cat[]=x",
    ] {
        let page = app.get(&format!("/categories/office{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        assert_eq!(count_of(&page), 100, "{query}");
    }
    // Filters combine, and each chosen filter has a link that removes only it.
    let brand = all.attr("input[name=brand]", "value").unwrap();
    let combined = app
        .get(&format!(
            "/categories/office?brand={brand}&stock=1&rating=1"
        ))
        .await;
    assert_eq!(combined.count(".active-filters .chip"), 3);
    assert_eq!(
        combined.attrs(".active-filters .chip", "href"),
        vec![
            "/categories/office?stock=1&rating=1".to_string(),
            format!("/categories/office?brand={brand}&rating=1"),
            format!("/categories/office?brand={brand}&stock=1"),
        ]
    );
    assert!(count_of(&combined) <= count_of(&stocked));
}
