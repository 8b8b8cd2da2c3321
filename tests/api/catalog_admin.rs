//! The catalog's structure in admin: categories (new, changed, refused against the tree, hidden
//! with their subcategories, reordered, removed only when empty) and brands (added, renamed so
//! search follows, removed only when unused) — with the shops following at once, audited.

use crate::helpers::{TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, categories};

fn category_id(app: &TestApp, slug: &str) -> i64 {
    categories::table
        .filter(categories::slug.eq(slug))
        .select(categories::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn audited(app: &TestApp, action: &str) -> i64 {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_catalog_manager_shapes_the_category_tree_and_the_shops_follow() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let list = staff.get("/admin/categories").await;
    assert_eq!(list.status, 200);
    // The tree in order: a group, then its categories indented under it.
    let names = list.select_texts(".admin-categories tbody th a");
    assert_eq!(names[0], "Construction & workshop");
    assert_eq!(names[1], "Power tools");
    assert_eq!(list.count(".admin-categories .tree-depth-1"), 12);
    let tools = category_id(&app, "power-tools");
    let construction = category_id(&app, "construction");

    // Refused as a whole, input kept: a one-letter name, a taken address, and no parent loop.
    let form = "/admin/categories/new";
    let res = staff
        .post_form(
            "/admin/categories",
            form,
            &[
                ("name", "S"),
                ("slug", "office"),
                ("parent", &tools.to_string()),
                ("industry", "construction"),
                ("description", "Saws of every kind."),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#name-error").contains("2 to 80"));
    assert_eq!(res.attr("#description", "value"), None);
    assert_eq!(res.text("#description"), "Saws of every kind.");
    let res = staff
        .post_form(
            "/admin/categories",
            form,
            &[
                ("name", "Saws"),
                ("slug", "office"),
                ("parent", &tools.to_string()),
                ("industry", "construction"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(
        res.text("#slug-error"),
        "Another category has this web address."
    );
    let res = staff
        .post_form(
            &format!("/admin/categories/{construction}"),
            &format!("/admin/categories/{construction}"),
            &[
                ("name", "Construction & workshop"),
                ("slug", "construction"),
                ("parent", &tools.to_string()),
                ("industry", "construction"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text("#parent-error").contains("under itself"));

    // Saws under Power tools: the third level, shown in the shop with its breadcrumb.
    let res = staff
        .post_form(
            "/admin/categories",
            form,
            &[
                ("name", "Saws"),
                ("slug", ""),
                ("parent", &tools.to_string()),
                ("industry", "construction"),
                ("description", "Saws of every kind."),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let saws = category_id(&app, "saws");
    assert_eq!(res.location(), format!("/admin/categories/{saws}"));
    let shopper = app.another_browser();
    let page = shopper.get("/categories/saws").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Saws");
    assert!(page.text(".breadcrumbs").contains("Power tools"));
    // Nothing goes under Saws: that would be a fourth level, so it is not offered either.
    let new_form = staff.get("/admin/categories/new").await;
    assert_eq!(
        new_form.count(&format!("#parent option[value='{saws}']")),
        0
    );

    // Hiding Power tools hides Saws too; the products stay on sale.
    let product_slug = shopper
        .get("/categories/power-tools")
        .await
        .attr(".card a.card-link", "href")
        .unwrap();
    let res = staff
        .post_form(
            &format!("/admin/categories/{tools}"),
            &format!("/admin/categories/{tools}"),
            &[
                ("name", "Power tools"),
                ("slug", "power-tools"),
                ("parent", &construction.to_string()),
                ("industry", "construction"),
                ("description", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(shopper.get("/categories/power-tools").await.status, 404);
    assert_eq!(shopper.get("/categories/saws").await.status, 404);
    assert_eq!(shopper.get(&product_slug).await.status, 200);
    // Saws cannot be shown again under its hidden parent.
    let res = staff
        .post_form(
            &format!("/admin/categories/{saws}"),
            &format!("/admin/categories/{saws}"),
            &[
                ("name", "Saws"),
                ("slug", "saws"),
                ("parent", &tools.to_string()),
                ("industry", "construction"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text("#active-error")
            .contains("parent category is hidden")
    );

    // Order: Office moved up, its categories come before Construction's on the home.
    let office = category_id(&app, "office");
    let home = shopper.get("/").await;
    let tiles = home.attrs(".tiles a", "href");
    let at = |tiles: &[String], slug: &str| {
        tiles
            .iter()
            .position(|t| t == &format!("/categories/{slug}"))
            .unwrap()
    };
    assert!(at(&tiles, "hand-tools") < at(&tiles, "office-chairs"));
    let res = staff
        .post_form(
            &format!("/admin/categories/{office}/move"),
            "/admin/categories",
            &[("direction", "up")],
        )
        .await;
    assert_eq!(res.status, 303);
    let tiles = shopper.get("/").await.attrs(".tiles a", "href");
    assert!(at(&tiles, "office-chairs") < at(&tiles, "hand-tools"));
    let list = staff.get("/admin/categories").await;
    assert_eq!(list.text(".alert-success"), "The order is saved.");
    assert_eq!(
        list.select_texts(".admin-categories tbody th a")[0],
        "Office & workplace"
    );

    // Removing: refused while products use it (said with the counts), done when empty.
    let res = staff
        .post_form(
            &format!("/admin/categories/{tools}/delete"),
            &format!("/admin/categories/{tools}"),
            &[],
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(
        res.text(".field-error[role=alert]")
            .contains("subcategories: 1")
    );
    let res = staff
        .post_form(
            &format!("/admin/categories/{saws}/delete"),
            &format!("/admin/categories/{saws}"),
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        staff.get(&format!("/admin/categories/{saws}")).await.status,
        404
    );
    for action in [
        "category_created",
        "category_changed",
        "category_moved",
        "category_deleted",
    ] {
        assert_eq!(audited(&app, action), 1, "{action}");
    }

    // Sales reps have no business here.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get("/admin/categories").await.status, 403);
    let res = sales
        .post_form(
            &format!("/admin/categories/{office}/move"),
            "/account",
            &[("direction", "down")],
        )
        .await;
    assert_eq!(res.status, 403);
}

#[tokio::test]
async fn brands_are_added_renamed_so_search_follows_and_removed_only_when_unused() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let page = staff.get("/admin/brands").await;
    assert_eq!(page.status, 200);
    let nordverk: i64 = {
        use duett::db::schema::brands;
        brands::table
            .filter(brands::name.eq("Nordverk"))
            .select(brands::id)
            .first(&mut app.pool.get().unwrap())
            .unwrap()
    };
    // A name that exists in another case is refused, with the input kept.
    let res = staff
        .post_form(
            "/admin/brands",
            "/admin/brands",
            &[("name", "nordverk"), ("slug", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(
        res.text("#name-error"),
        "There is a brand with this name already."
    );
    assert_eq!(res.attr("#name", "value").as_deref(), Some("nordverk"));
    let res = staff
        .post_form(
            "/admin/brands",
            "/admin/brands",
            &[("name", "Verkstadsproffs"), ("slug", "")],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = staff.get("/admin/brands").await;
    let new_id = page
        .attrs(".brand-row", "id")
        .into_iter()
        .find(|id| {
            page.attr(&format!("#{id} input[name=name]"), "value")
                .as_deref()
                == Some("Verkstadsproffs")
        })
        .unwrap()
        .trim_start_matches("brand-")
        .to_string();
    assert_eq!(
        page.attr(&format!("#slug-{new_id}"), "value").as_deref(),
        Some("verkstadsproffs")
    );

    // Renamed: search finds its products by the new name at once.
    let shopper = app.another_browser();
    assert_eq!(shopper.get("/search?q=skogsverk").await.count(".card"), 0);
    let res = staff
        .post_form(
            &format!("/admin/brands/{nordverk}"),
            "/admin/brands",
            &[("name", "Skogsverk"), ("slug", "skogsverk")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(shopper.get("/search?q=skogsverk").await.count(".card") > 0);

    // In use: not removed, and said why. Unused: removed.
    let res = staff
        .post_form(
            &format!("/admin/brands/{nordverk}/delete"),
            "/admin/brands",
            &[],
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(
        res.text(&format!("#brand-{nordverk} .field-error"))
            .contains("cannot be removed")
    );
    let res = staff
        .post_form(
            &format!("/admin/brands/{new_id}/delete"),
            "/admin/brands",
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        staff
            .get("/admin/brands")
            .await
            .count(&format!("#brand-{new_id}")),
        0
    );
    for (action, n) in [
        ("brand_created", 1),
        ("brand_changed", 1),
        ("brand_deleted", 1),
    ] {
        assert_eq!(audited(&app, action), n, "{action}");
    }
}

#[tokio::test]
async fn the_brand_list_is_searched_by_name_or_address() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let all = staff.get("/admin/brands").await;
    let every = all.count(".brand-row");
    assert!(every > 3, "{every}");
    let names = |p: &crate::helpers::Page| p.attrs(".brand-row input[name=name]", "value");
    let one = staff.get("/admin/brands?q=NORDV").await;
    assert_eq!(names(&one), vec!["Nordverk".to_string()]);
    let by_address = staff.get("/admin/brands?q=bergstrom").await;
    assert_eq!(names(&by_address), vec!["Bergström & Co".to_string()]);
    assert_eq!(by_address.attr("#q", "value").as_deref(), Some("bergstrom"));
    let none = staff.get("/admin/brands?q=zebra").await;
    assert_eq!(none.count(".brand-row"), 0);
    assert_eq!(none.text(".empty"), "No brands match.");
    // The new-brand form stays, whatever is searched.
    assert_eq!(none.count("form.brand-new"), 1);
}

#[tokio::test]
async fn a_category_gets_a_picture_of_its_own_on_its_home_tile_and_loses_it_again() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let id: i64 = categories::table
        .filter(categories::slug.eq("desks"))
        .select(categories::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let path = format!("/admin/categories/{id}");
    let action = format!("{path}/picture");
    let token = staff.csrf_token(&path).await;
    let fields = [("csrf_token", token.as_str())];
    let tile = "a.tile[href='/categories/desks'] img";
    // The demo's motif until then.
    let before = app.another_browser().get("/").await;
    let motif = before.attr(tile, "src").unwrap();
    assert!(motif.starts_with("/media/demo/"), "{motif}");
    assert_eq!(before.attr(tile, "srcset"), None);
    // Refused, next to the field: not a picture, and no file at all. Nothing changes.
    let refused = staff
        .post_parts(
            &action,
            &fields,
            "picture",
            vec![("notes.txt", b"hello".to_vec(), "text/plain")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text("#category-picture-error")
            .contains("notes.txt"),
        "{}",
        refused.text("#category-picture-error")
    );
    assert_eq!(
        refused.attr("#category-picture", "aria-invalid").as_deref(),
        Some("true")
    );
    let nothing = staff.post_parts(&action, &fields, "picture", vec![]).await;
    assert_eq!(nothing.status, 422);
    assert!(!nothing.text("#category-picture-error").is_empty());
    // Uploaded: resized under a generated name; the home's tile shows it with its widths.
    let saved = staff
        .post_parts(
            &action,
            &fields,
            "picture",
            vec![(
                "desk photo.jpg",
                crate::helpers::jpeg(900, 700),
                "image/jpeg",
            )],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert_eq!(saved.location(), format!("{path}#picture"));
    let page = staff.get(&path).await;
    let own = page.attr("img.category-picture", "src").unwrap();
    assert!(own.starts_with("/media/p/"), "{own}");
    assert_eq!(page.count(".category-picture-remove"), 1);
    let home = app.another_browser().get("/").await;
    assert_eq!(home.attr(tile, "src").as_deref(), Some(own.as_str()));
    let srcset = home.attr(tile, "srcset").unwrap();
    assert!(
        srcset.contains("/media/p/") && srcset.contains("w"),
        "{srcset}"
    );
    assert_eq!(app.get_raw(&own).await.status(), 200);
    // Removed: the motif again, and the files are gone.
    let removed = staff
        .post_parts(
            &action,
            &[("csrf_token", token.as_str()), ("action", "remove")],
            "picture",
            vec![],
        )
        .await;
    assert_eq!(removed.status, 303);
    let home = app.another_browser().get("/").await;
    assert!(home.attr(tile, "src").unwrap().starts_with("/media/demo/"));
    assert_eq!(home.attr(tile, "srcset"), None);
    assert_eq!(app.get_raw(&own).await.status(), 404);
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("category_picture"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 2);
    // Sales reps do not manage the catalog.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    let token = sales.csrf_token("/admin").await;
    let refused = sales
        .post_parts(
            &action,
            &[("csrf_token", token.as_str())],
            "picture",
            vec![("desk.jpg", crate::helpers::jpeg(400, 400), "image/jpeg")],
        )
        .await;
    assert_eq!(refused.status, 403);
}
