//! Promotions in admin: who may manage them, the form checked as a whole with what was typed
//! kept, scheduling (past, current, future) as the homes show it at once, the preview, audit.

use crate::helpers::{Page, TestApp, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, promotions};

const PATH: &str = "/admin/promotions";

/// A time `hours` from now on the shop's clock, as the form's `datetime-local` sends it.
fn local(app: &TestApp, hours: i64) -> String {
    let tz: chrono_tz::Tz = app.settings.shop.time_zone.parse().unwrap();
    (chrono::Utc::now() + chrono::Duration::hours(hours))
        .with_timezone(&tz)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn save(staff: &TestApp, path: &str, form_page: &str, fields: &[(&str, &str)]) -> Page {
    staff.post_form(path, form_page, fields).await
}

fn banner<'a>(
    title: &'a str,
    audience: &'a str,
    starts: &'a str,
    ends: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "banner"),
        ("title", title),
        ("body", "Only this week."),
        ("link_url", "/categories/office"),
        ("link_label", "Shop now"),
        ("image_url", ""),
        ("audience", audience),
        ("starts", starts),
        ("ends", ends),
        ("priority", "50"),
        ("active", "1"),
        ("action", "save"),
    ]
}

#[tokio::test]
async fn staff_schedule_promotions_and_the_homes_show_only_current_ones_at_once() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    // The home is cached for visitors; a saved promotion must show without waiting.
    assert!(!app.get("/").await.text("main").contains("Desk week"));
    let (past_start, past_end) = (local(&app, -72), local(&app, -24));
    let (now_start, now_end) = (local(&app, -1), local(&app, 48));
    let (future_start, future_end) = (local(&app, 24), local(&app, 72));
    for (title, audience, starts, ends) in [
        (
            "Desk week",
            "consumers",
            now_start.as_str(),
            now_end.as_str(),
        ),
        (
            "Last month's sale",
            "everyone",
            past_start.as_str(),
            past_end.as_str(),
        ),
        (
            "Summer preview",
            "everyone",
            future_start.as_str(),
            future_end.as_str(),
        ),
        ("Partner days", "companies", now_start.as_str(), ""),
    ] {
        let res = save(
            &staff,
            PATH,
            "/admin/promotions/new",
            &banner(title, audience, starts, ends),
        )
        .await;
        assert_eq!(res.status, 303, "{title}");
    }
    let home = app.get("/").await;
    let shown = home.select_texts(".promos .promo h2");
    assert!(shown.contains(&"Desk week".to_string()), "{shown:?}");
    assert!(!shown.contains(&"Last month's sale".to_string()));
    assert!(!shown.contains(&"Summer preview".to_string()));
    assert!(
        !shown.contains(&"Partner days".to_string()),
        "companies only"
    );
    assert_eq!(shown[0], "Desk week", "priority 50 comes first");
    let buyer = app.another_browser();
    buyer.login("buyer@nordbygg.example").await;
    let b2b = buyer.get("/").await;
    assert!(
        b2b.select_texts(".promos .promo h2")
            .contains(&"Partner days".to_string())
    );
    assert!(!b2b.text("main").contains("Desk week"));

    // The list says where each stands, filters by state, and previews a later moment.
    let list = staff.get(PATH).await;
    assert_eq!(list.status, 200);
    let row = |page: &Page, title: &str| {
        page.select_texts(".admin-promotions tbody tr")
            .into_iter()
            .find(|r| r.contains(title))
            .unwrap_or_default()
    };
    assert!(row(&list, "Desk week").contains("Running"));
    assert!(row(&list, "Last month's sale").contains("Ended"));
    assert!(row(&list, "Summer preview").contains("Scheduled"));
    let scheduled = staff.get(&format!("{PATH}?state=scheduled")).await;
    let rows = scheduled.select_texts(".admin-promotions tbody tr");
    assert!(rows.iter().any(|r| r.contains("Summer preview")));
    assert!(rows.iter().all(|r| r.contains("Scheduled")), "{rows:?}");
    let later = local(&app, 30);
    let preview = staff
        .get(&format!(
            "{PATH}?at={}&audience=consumers",
            url::form_urlencoded::byte_serialize(later.as_bytes()).collect::<String>()
        ))
        .await;
    let previewed = preview.select_texts(".promo-preview-list li");
    assert!(
        previewed.iter().any(|p| p.contains("Summer preview")),
        "{previewed:?}"
    );
    assert!(previewed.iter().any(|p| p.contains("Desk week")));

    // Switching one off takes it off the home at once; deleting removes it; both audited.
    let id: i64 = promotions::table
        .filter(promotions::title.eq("Desk week"))
        .select(promotions::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let path = format!("{PATH}/{id}");
    let edit = staff.get(&path).await;
    assert_eq!(edit.attr("#title", "value").as_deref(), Some("Desk week"));
    assert_eq!(
        edit.attr("#starts", "value").as_deref(),
        Some(now_start.as_str()),
        "shown on the shop's clock as typed"
    );
    let mut off = banner("Desk week", "consumers", &now_start, &now_end);
    off.retain(|(k, _)| *k != "active");
    assert_eq!(save(&staff, &path, &path, &off).await.status, 303);
    assert!(!app.get("/").await.text("main").contains("Desk week"));
    assert_eq!(
        save(&staff, &path, &path, &[("action", "delete")])
            .await
            .status,
        303
    );
    assert_eq!(staff.get(&path).await.status, 404);
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject_type.eq("promotion"))
        .select(audit_log::action)
        .order(audit_log::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(
        actions,
        [
            "promotion_create",
            "promotion_create",
            "promotion_create",
            "promotion_create",
            "promotion_update",
            "promotion_delete"
        ]
    );
}

#[tokio::test]
async fn a_bad_form_is_explained_field_by_field_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("admin@duett.example").await;
    let before: i64 = promotions::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    let res = save(
        &staff,
        PATH,
        "/admin/promotions/new",
        &[
            ("kind", "popup"),
            ("title", ""),
            ("body", "<script>alert(1)</script>"),
            ("link_url", "javascript:alert(1)"),
            ("link_label", "Click"),
            ("image_url", "https://tracker.example/p.gif"),
            ("audience", "everyone"),
            ("starts", "2026-05-10T10:00"),
            ("ends", "2026-05-01T10:00"),
            ("priority", "lots"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(res.status, 422);
    for (field, says) in [
        ("kind", "banner or carousel"),
        ("title", "title"),
        ("link_url", "https://"),
        ("image_url", "own files"),
        ("ends", "after the start"),
        ("priority", "whole number"),
    ] {
        assert!(
            res.text(&format!("#{field}-error")).contains(says),
            "{field}: {}",
            res.text(&format!("#{field}-error"))
        );
    }
    assert_eq!(
        res.attr("#link_url", "value").as_deref(),
        Some("javascript:alert(1)")
    );
    assert_eq!(
        res.text("#body"),
        "<script>alert(1)</script>",
        "kept, as text"
    );
    assert_eq!(res.count("script:not([src])"), 0);
    let after: i64 = promotions::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(after, before, "nothing saved");
}

#[tokio::test]
async fn only_administrators_and_catalog_managers_manage_promotions() {
    let app = spawn_app().await;
    for (who, status) in [
        ("admin@duett.example", 200),
        ("catalog@duett.example", 200),
        ("sales@duett.example", 403),
        ("support@duett.example", 403),
    ] {
        let staff = app.another_browser();
        staff.login(who).await;
        assert_eq!(staff.get(PATH).await.status, status, "{who}");
        assert_eq!(
            staff.get("/admin/promotions/new").await.status,
            status,
            "{who}"
        );
    }
    let shopper = app.another_browser();
    shopper.login("shopper@example.com").await;
    assert_eq!(shopper.get(PATH).await.status, 403);
    assert_eq!(app.get(PATH).await.status, 303, "visitors sign in first");
    // A form without its token changes nothing.
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let starts = local(&app, -1);
    let mut fields = banner("Forged", "everyone", &starts, "");
    fields.push(("csrf_token", "not-the-token"));
    assert_eq!(staff.post_raw(PATH, &fields).await.status, 403);
}
