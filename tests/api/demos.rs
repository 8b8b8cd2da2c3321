//! "Book a live demo": a company buyer asks from the B2B home or a demo page, the form checks
//! the whole request and keeps what was typed, sales representatives are told and schedule it on
//! the shop's clock, the buyer sees the time and the meeting details, and the request stays
//! inside its company and with the staff roles that may handle it.

use crate::helpers::{TestApp, spawn_app};
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Weekday};
use diesel::prelude::*;
use duett::db::schema::{audit_log, demo_requests, outbox};

const DEMO: &str = "demo-cordless-system";

fn shop_today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive()
}

/// The first day from `days` ahead that is (or is not, with `weekday` false) Monday to Friday.
fn day_ahead(days: i64, weekday: bool) -> NaiveDate {
    let mut d = shop_today() + Duration::days(days);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) == weekday {
        d += Duration::days(1);
    }
    d
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The buyer asks for a demo of the cordless system; returns its address.
pub(crate) async fn book(app: &TestApp) -> String {
    let form = format!("/b2b/demos/new?demo={DEMO}");
    let date = iso(day_ahead(7, true));
    let sent = app
        .post_form(
            "/b2b/demos",
            &form,
            &[
                ("demo", DEMO),
                ("topic", "Cordless system for our site crews"),
                ("preferred_date", &date),
                ("time_of_day", "morning"),
                ("format", "online"),
                ("attendees", "4"),
                ("phone", "+46 70-123 45 67"),
                ("message", "We have 30 electricians."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.text("main"));
    sent.location()
}

fn number_of(url: &str) -> String {
    url.trim_start_matches("/b2b/demos/").to_string()
}

#[tokio::test]
async fn a_buyer_books_a_demo_a_rep_schedules_it_and_the_buyer_sees_the_time() {
    let app = spawn_app().await;
    app.login("buyer@nordbygg.example").await;

    // From the home's demos: each demo has its own booking link.
    let home = app.get("/").await;
    let links = home.attrs("a.demo-book-this", "href");
    assert!(
        links.contains(&format!("/b2b/demos/new?demo={DEMO}")),
        "{links:?}"
    );
    let article = app.get(&format!("/content/{DEMO}")).await;
    assert_eq!(
        article.attr("a.demo-book", "href"),
        Some(format!("/b2b/demos/new?demo={DEMO}"))
    );
    let form = app.get(&format!("/b2b/demos/new?demo={DEMO}")).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.theme(), "b2b");
    assert_eq!(
        form.attr("input[name=demo]", "value").as_deref(),
        Some(DEMO)
    );
    assert!(!form.attr("#topic", "value").unwrap_or_default().is_empty());
    assert!(
        form.attr("#time-any", "checked").is_some()
            && form.attr("#format-online", "checked").is_some()
    );

    // Everything wrong at once is said field by field, with what was typed kept.
    let saturday = iso(day_ahead(2, false));
    let form_url = format!("/b2b/demos/new?demo={DEMO}");
    let refused = app
        .post_form(
            "/b2b/demos",
            &form_url,
            &[
                ("demo", DEMO),
                ("topic", "Cordless system"),
                ("preferred_date", &saturday),
                ("time_of_day", "night"),
                ("format", "online"),
                ("attendees", "0"),
                ("phone", "call me"),
                ("message", "Thirty electricians."),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#preferred_date-error").contains("weekdays"));
    assert!(refused.text("#time_of_day-error").contains("time of day"));
    assert!(refused.text("#attendees-error").contains("1 to 50"));
    assert!(refused.text("#phone-error").contains("6 to 15 digits"));
    assert_eq!(
        refused.count("#topic-error, #format-error, #message-error"),
        0
    );
    assert_eq!(
        refused.attr("#topic", "value").as_deref(),
        Some("Cordless system")
    );
    assert_eq!(refused.attr("#phone", "value").as_deref(), Some("call me"));
    assert_eq!(refused.attr("#preferred_date", "value"), Some(saturday));
    assert_eq!(refused.text("#message"), "Thirty electricians.");
    assert_eq!(
        refused.attr("#attendees", "aria-describedby").as_deref(),
        Some("attendees-error")
    );
    let none: i64 = demo_requests::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(none, 0, "nothing saved");

    let url = book(&app).await;
    let number = number_of(&url);
    let page = app.get(&url).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text("[role=status]")
            .contains("we have your demo request")
    );
    assert_eq!(page.text(".demo-status"), "Waiting for a time");
    assert_eq!(page.count(".demo-scheduled"), 0);
    assert_eq!(page.count("form.demo-withdraw"), 1);
    let told: Vec<String> = outbox::table
        .filter(outbox::subject.like(format!("%{number}%")))
        .select(outbox::to_address)
        .order(outbox::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(
        told,
        vec!["sales@duett.example", "buyer@nordbygg.example"],
        "the sales representatives, then a receipt for the buyer"
    );
    let list = app.get("/b2b/demos").await;
    assert!(list.text(".demos-table").contains(&number));

    // The rep sees it first in the list and on the dashboard, and schedules it.
    let rep = app.another_browser();
    rep.login("sales@duett.example").await;
    let dashboard = rep.get("/admin").await;
    assert!(
        dashboard
            .text(".queues")
            .contains("1 Demo requests to schedule")
    );
    let inbox = rep.get("/admin/demos").await;
    assert_eq!(
        inbox.select_texts("tbody tr.row-waiting td:first-child a"),
        vec![number.clone()]
    );
    let admin_url = format!("/admin/demos/{number}");
    let shown = rep.get(&admin_url).await;
    assert_eq!(shown.status, 200);
    assert!(
        shown
            .text(".demo-facts")
            .contains("Cordless system for our site crews")
    );
    assert_eq!(
        shown.count("form.demo-hold"),
        0,
        "nothing to hold before a time"
    );

    let past = (chrono::Utc::now().with_timezone(&chrono_tz::Europe::Stockholm)
        - Duration::hours(1))
    .format("%Y-%m-%dT%H:%M")
    .to_string();
    let bad = rep
        .post_form(
            &admin_url,
            &admin_url,
            &[
                ("action", "schedule"),
                ("scheduled_at", &past),
                ("format", "online"),
                ("meeting_details", " "),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#scheduled_at-error").contains("in the future"));
    assert!(bad.text("#meeting_details-error").contains("meeting link"));
    assert_eq!(bad.attr("#scheduled_at", "value"), Some(past));

    let day = day_ahead(8, true);
    let at = format!("{}T10:30", iso(day));
    let done = rep
        .post_form(
            &admin_url,
            &admin_url,
            &[
                ("action", "schedule"),
                ("scheduled_at", &at),
                ("format", "on_site"),
                ("meeting_details", "Storgatan 1, Umeå — ask for Eva"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text("main"));
    let (status, stored, assigned): (String, Option<chrono::NaiveDateTime>, Option<i64>) =
        demo_requests::table
            .select((
                demo_requests::status,
                demo_requests::scheduled_at,
                demo_requests::assigned_to,
            ))
            .first(&mut app.pool.get().unwrap())
            .unwrap();
    assert_eq!(status, "scheduled");
    assert!(assigned.is_some());
    let expected = chrono_tz::Europe::Stockholm
        .from_local_datetime(&day.and_hms_opt(10, 30, 0).unwrap())
        .single()
        .unwrap()
        .naive_utc();
    assert_eq!(
        stored,
        Some(expected),
        "kept in UTC, typed on the shop's clock"
    );
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("demo_schedule"))
        .filter(audit_log::subject_id.eq(&number))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 1);

    let page = app.get(&url).await;
    assert_eq!(page.text(".demo-status"), "Booked");
    let when = page.text(".demo-when");
    assert!(
        when.contains("10:30") && (when.contains("CET") || when.contains("CEST")),
        "{when}"
    );
    assert!(when.contains("On site at the company"));
    assert_eq!(
        page.text(".demo-details"),
        "Storgatan 1, Umeå — ask for Eva"
    );
    let booked: i64 = outbox::table
        .filter(outbox::to_address.eq("buyer@nordbygg.example"))
        .filter(outbox::subject.like(format!("%{number}%")))
        .filter(outbox::body_text.like("%10:30%"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(booked, 1);

    // Not held before its time; cancelling needs a reason, which the buyer reads.
    let early = rep
        .post_form(&admin_url, &admin_url, &[("action", "hold")])
        .await;
    assert_eq!(early.status, 409);
    let no_reason = rep
        .post_form(
            &admin_url,
            &admin_url,
            &[("action", "cancel"), ("reason", "")],
        )
        .await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason.text("#reason-error").contains("Say why"));
    let cancelled = rep
        .post_form(
            &admin_url,
            &admin_url,
            &[
                ("action", "cancel"),
                ("reason", "Eva is ill; we will call."),
            ],
        )
        .await;
    assert_eq!(cancelled.status, 303);
    let page = app.get(&url).await;
    assert_eq!(page.text(".demo-status"), "Cancelled");
    assert!(
        page.text(".demo-note")
            .contains("Eva is ill; we will call.")
    );
    assert_eq!(page.count("form.demo-withdraw, .demo-scheduled"), 0);
    let again = rep
        .post_form(
            &admin_url,
            &admin_url,
            &[
                ("action", "schedule"),
                ("scheduled_at", &at),
                ("format", "online"),
                ("meeting_details", "https://meet.example/abc"),
            ],
        )
        .await;
    assert_eq!(again.status, 409, "a cancelled demo is not scheduled again");
}

#[tokio::test]
async fn demo_requests_stay_inside_their_company_and_with_the_roles_that_handle_them() {
    let app = spawn_app().await;
    app.login("buyer@nordbygg.example").await;
    let url = book(&app).await;
    let number = number_of(&url);

    // Another company: 404 for the page and the withdrawal; its list does not show it.
    let other = app.another_browser();
    other.login("buyer@kontorsgruppen.example").await;
    assert_eq!(other.get(&url).await.status, 404);
    let token = other.csrf_token("/b2b/demos/new").await;
    let refused = other
        .post_raw(&format!("{url}/withdraw"), &[("csrf_token", &token)])
        .await;
    assert_eq!(refused.status, 404);
    assert!(!other.get("/b2b/demos").await.text("main").contains(&number));

    // The company's approver reads it but may not withdraw it; consumers and visitors are kept out.
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    let seen = approver.get(&url).await;
    assert_eq!(seen.status, 200);
    assert_eq!(seen.count("form.demo-withdraw"), 0);
    let token = approver.csrf_token(&url).await;
    let forbidden = approver
        .post_raw(&format!("{url}/withdraw"), &[("csrf_token", &token)])
        .await;
    assert_eq!(forbidden.status, 403);
    let consumer = app.another_browser();
    consumer.login("shopper@example.com").await;
    assert_eq!(consumer.get("/b2b/demos").await.status, 403);
    assert_eq!(consumer.get("/b2b/demos/new").await.status, 403);
    let visitor = app.another_browser();
    let anon = visitor.get("/b2b/demos/new").await;
    assert_eq!(anon.status, 303);
    assert!(anon.location().starts_with("/login"));
    // Without its CSRF token a request is refused and nothing is saved.
    let forged = app
        .post_raw("/b2b/demos", &[("topic", "x"), ("attendees", "1")])
        .await;
    assert_eq!(forged.status, 403);

    // Staff: sales reps and administrators handle demos; other roles are refused.
    for (email, status) in [
        ("catalog@duett.example", 403),
        ("support@duett.example", 403),
        ("sales@duett.example", 200),
        ("admin@duett.example", 200),
    ] {
        let staff = app.another_browser();
        staff.login(email).await;
        assert_eq!(staff.get("/admin/demos").await.status, status, "{email}");
        let one = staff.get(&format!("/admin/demos/{number}")).await;
        assert_eq!(one.status, status, "{email}");
        if status == 200 {
            assert_eq!(
                staff
                    .post_form(
                        &format!("/admin/demos/{number}"),
                        &format!("/admin/demos/{number}"),
                        &[("action", "withdraw")]
                    )
                    .await
                    .status,
                400,
                "a buyer's move is not staff's"
            );
        }
    }

    // A page that is not a demo gives a plain form; the buyer withdraws their request.
    let plain = app.get("/b2b/demos/new?demo=no-such-demo").await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.count("input[name=demo]"), 0);
    let withdrawn = app.post_form(&format!("{url}/withdraw"), &url, &[]).await;
    assert_eq!(withdrawn.status, 303);
    let page = app.get(&url).await;
    assert_eq!(page.text(".demo-status"), "Cancelled");
    assert!(page.text("[role=status]").contains("withdrawn"));
    let told: i64 = outbox::table
        .filter(outbox::to_address.eq("sales@duett.example"))
        .filter(outbox::subject.like(format!("%{number}%")))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(told, 2, "the request, then its withdrawal");
    let twice = app.post_form(&format!("{url}/withdraw"), &url, &[]).await;
    assert_eq!(twice.status, 303);
    assert!(
        app.get(&url)
            .await
            .text("[role=status]")
            .contains("cannot be changed")
    );
}
