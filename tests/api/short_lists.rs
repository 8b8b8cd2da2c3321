//! The short admin lists — brands, staff, business applications, cart rules, testimonials; tens
//! in a shop, searched in memory — are shown 50 a page: the page links keep the search and the
//! filters, a page past the end shows the last one, and a refused row is shown on its page.

use crate::helpers::spawn_app;
use diesel::prelude::*;
use duett::db::schema::{brands, cart_rules, companies, testimonials, users};

const ROWS: usize = 60;

#[tokio::test]
async fn short_admin_lists_are_paged_keeping_their_search_and_filters() {
    let app = spawn_app().await;
    let now = chrono::Utc::now().naive_utc();
    let mut c = app.pool.get().unwrap();
    for i in 0..ROWS {
        let at = now + chrono::Duration::seconds(i as i64);
        diesel::insert_into(brands::table)
            .values((
                brands::slug.eq(format!("paged-brand-{i:02}")),
                brands::name.eq(format!("Paged brand {i:02}")),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(testimonials::table)
            .values((
                testimonials::audience.eq("both"),
                testimonials::author.eq(format!("Paged author {i:02}")),
                testimonials::role.eq(""),
                testimonials::quote.eq("Quick delivery."),
                testimonials::position.eq(i as i32),
                testimonials::active.eq(false),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(cart_rules::table)
            .values((
                cart_rules::name.eq(format!("Paged rule {i:02}")),
                cart_rules::kind.eq("percent_off"),
                cart_rules::percent_bp.eq(Some(500)),
                cart_rules::active.eq(false),
                cart_rules::created_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(companies::table)
            .values((
                companies::name.eq(format!("Paged company {i:02}")),
                companies::org_no.eq(format!("55{i:08}")),
                companies::vat_verified.eq(false),
                companies::industry.eq("construction"),
                companies::size.eq("small"),
                companies::status.eq("pending"),
                companies::payment_terms.eq("prepay"),
                companies::credit_limit_minor.eq(0_i64),
                companies::currency.eq("SEK"),
                companies::contact_name.eq("Kim Paged"),
                companies::contact_email.eq(format!("kim{i}@paged.example")),
                companies::contact_phone.eq("+46 8 123 456"),
                companies::created_at.eq(at),
                companies::updated_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(users::table)
            .values((
                users::email.eq(format!("paged{i:02}@duett.example")),
                users::password_hash.eq("!invited"),
                users::name.eq(format!("Paged person {i:02}")),
                users::kind.eq("staff"),
                users::staff_role.eq(Some("support_agent")),
                users::disabled.eq(false),
                users::created_at.eq(at),
                users::updated_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
    }
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    // (list searched and filtered, one row's selector, the filters the links keep)
    let cases = [
        ("/admin/brands?q=paged", ".brand-row", vec!["q=paged"]),
        (
            "/admin/staff?q=paged&role=support_agent&state=invited",
            ".staff-person",
            vec!["q=paged", "role=support_agent", "state=invited"],
        ),
        (
            "/admin/applications?q=paged&industry=construction",
            "li.application",
            vec!["q=paged", "industry=construction"],
        ),
        (
            "/admin/cart-rules?q=paged",
            "table tbody tr",
            vec!["q=paged"],
        ),
        (
            "/admin/testimonials?q=paged",
            "table tbody tr",
            vec!["q=paged"],
        ),
    ];
    for (path, row, keeps) in cases {
        let first = admin.get(path).await;
        assert_eq!(first.status, 200, "{path}");
        assert_eq!(first.count(row), 50, "{path}");
        assert_eq!(first.count("a[rel=prev]"), 0, "{path}");
        let next = first.attr("a[rel=next]", "href").unwrap();
        for k in &keeps {
            assert!(next.contains(k), "{path}: {next}");
        }
        assert!(next.ends_with("page=2"), "{next}");
        let second = admin.get(&next).await;
        assert_eq!(second.count(row), ROWS - 50, "{next}");
        assert_eq!(second.count("a[rel=next]"), 0, "{next}");
        let prev = second.attr("a[rel=prev]", "href").unwrap();
        assert!(prev.ends_with("page=1"), "{prev}");
        // The two pages show every row once.
        let mut seen = first.select_texts(row);
        seen.extend(second.select_texts(row));
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), ROWS, "{path}");
        // Past the end: the last page; nonsense: the first.
        let past = admin.get(&format!("{path}&page=99")).await;
        assert_eq!(past.count(row), ROWS - 50, "{path}");
        let bad = admin.get(&format!("{path}&page=x")).await;
        assert!(matches!(bad.status, 200 | 400), "{path}: {}", bad.status);
    }
    // A refused rename on the second page comes back on that page with its message.
    let last: i64 = brands::table
        .filter(brands::slug.eq("paged-brand-59"))
        .select(brands::id)
        .first(&mut c)
        .unwrap();
    let refused = admin
        .post_form(
            &format!("/admin/brands/{last}"),
            "/admin/brands",
            &[("name", "Paged brand 00"), ("slug", "paged-brand-59")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused
            .attr(&format!("#name-{last}"), "aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(refused.count("a[rel=prev]"), 1);
}

#[tokio::test]
async fn coupons_promotions_faq_and_the_outbox_are_paged_too() {
    use duett::db::schema::{content_pages, coupons, outbox, promotions};
    let app = spawn_app().await;
    let now = chrono::Utc::now().naive_utc();
    let mut c = app.pool.get().unwrap();
    for i in 0..ROWS {
        let at = now - chrono::Duration::minutes(i as i64);
        diesel::insert_into(coupons::table)
            .values((
                coupons::code.eq(format!("PAGED{i:02}")),
                coupons::kind.eq("percent"),
                coupons::value_bp.eq(500),
                coupons::value_minor.eq(0_i64),
                coupons::min_subtotal_minor.eq(0_i64),
                coupons::uses.eq(0),
                coupons::stackable.eq(false),
                coupons::active.eq(true),
                coupons::created_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(promotions::table)
            .values((
                promotions::kind.eq("banner"),
                promotions::title.eq(format!("Paged promotion {i:02}")),
                promotions::body.eq(""),
                promotions::link_label.eq(""),
                promotions::audience.eq("everyone"),
                promotions::starts_at.eq(at),
                promotions::priority.eq(0),
                promotions::active.eq(false),
                promotions::created_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(content_pages::table)
            .values((
                content_pages::kind.eq("faq"),
                content_pages::slug.eq(format!("paged-question-{i:02}")),
                content_pages::title.eq(format!("Paged question {i:02}?")),
                content_pages::summary.eq(""),
                content_pages::body_markdown.eq("An answer."),
                content_pages::audience.eq("both"),
                content_pages::position.eq(i as i32),
                content_pages::created_at.eq(at),
                content_pages::updated_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(outbox::table)
            .values((
                outbox::to_address.eq("paged@example.com"),
                outbox::subject.eq(format!("Paged mail {i:02}")),
                outbox::body_text.eq("Hello"),
                outbox::status.eq("sent"),
                outbox::attempts.eq(1),
                outbox::created_at.eq(at),
            ))
            .execute(&mut c)
            .unwrap();
    }
    let admin = app.another_browser();
    admin.login("admin@duett.example").await;
    let cases = [
        ("/admin/coupons?q=paged", vec!["q=paged"]),
        (
            "/admin/promotions?q=paged&state=off",
            vec!["q=paged", "state=off"],
        ),
        (
            "/admin/faq?q=paged&audience=both",
            vec!["q=paged", "audience=both"],
        ),
        (
            "/admin/outbox?to=paged%40example.com",
            vec!["to=paged%40example.com"],
        ),
    ];
    let row = "table tbody tr";
    for (path, keeps) in cases {
        let first = admin.get(path).await;
        assert_eq!(first.status, 200, "{path}");
        assert_eq!(first.count(row), 50, "{path}");
        let next = first.attr("a[rel=next]", "href").unwrap();
        for k in &keeps {
            assert!(next.contains(k), "{path}: {next}");
        }
        let second = admin.get(&next).await;
        assert_eq!(second.count(row), ROWS - 50, "{next}");
        assert_eq!(second.count("a[rel=next]"), 0, "{next}");
        assert!(
            second
                .attr("a[rel=prev]", "href")
                .unwrap()
                .ends_with("page=1")
        );
        let mut seen = first.select_texts(row);
        seen.extend(second.select_texts(row));
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), ROWS, "{path}");
    }
}
