//! After-sales cases: opened from the order page (a guest's link works), checked as a whole with
//! what was typed kept, photos checked by their content and served only to those who may read
//! the case; the thread between customer and agents with internal notes; status moves and the
//! service-level timers; who reads a case (own, company per role, the link); the staff queue's
//! filters; turning a case into a return or a refund, once.

use crate::helpers::{Page, TestApp, spawn_app};
use crate::returns::{delivered, order_number, paid_order, product};
use diesel::prelude::*;
use duett::db::schema::{
    audit_log, case_messages, case_refunds, order_events, outbox, returns, support_cases,
};

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn token_of(url: &str) -> String {
    url.split("t=").nth(1).unwrap().to_string()
}

/// The case form's address for the order at `order_url` (from its page's link).
async fn case_form(app: &TestApp, order_url: &str) -> String {
    let page = app.get(order_url).await;
    page.attr("a.order-report", "href")
        .expect("the order page offers to report a problem")
}

/// Opens a case from the form at `form_url` with `fields` (the form's hidden fields added).
async fn open_case(
    app: &TestApp,
    form_url: &str,
    fields: &[(&str, &str)],
    photos: Vec<(&str, Vec<u8>, &str)>,
) -> Page {
    let form = app.get(form_url).await;
    assert_eq!(form.status, 200, "{form_url}");
    let csrf = form.attr("input[name=csrf_token]", "value").unwrap();
    let t = form.attr("form.case-form input[name=t]", "value").unwrap();
    let action = form.attr("form.case-form", "action").unwrap();
    let mut all = vec![("csrf_token", csrf.as_str()), ("t", t.as_str())];
    all.extend_from_slice(fields);
    app.post_parts(&action, &all, "photos", photos).await
}

/// The first order line's quantity field name (`qty_{id}`).
fn line_field(form: &Page) -> String {
    form.attr("table.case-lines input", "name").unwrap()
}

async fn staff_reply(staff: &TestApp, number: &str, body: &str, after: &str, note: bool) -> Page {
    let path = format!("/admin/cases/{number}");
    let csrf = staff.csrf_token(&path).await;
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("body", body),
        ("after", after),
    ];
    if note {
        fields.push(("note", "1"));
    }
    staff
        .post_parts(&format!("{path}/reply"), &fields, "photos", vec![])
        .await
}

async fn staff_status(staff: &TestApp, number: &str, action: &str) -> Page {
    let path = format!("/admin/cases/{number}");
    staff
        .post_form(&format!("{path}/status"), &path, &[("action", action)])
        .await
}

async fn customer_reply(app: &TestApp, case_url: &str, body: &str) -> Page {
    let page = app.get(case_url).await;
    let csrf = page.attr("input[name=csrf_token]", "value").unwrap();
    let t = page.attr("form.case-reply input[name=t]", "value").unwrap();
    let number = page.text(".case-number");
    app.post_parts(
        &format!("/cases/{number}/reply"),
        &[("csrf_token", &csrf), ("t", &t), ("body", body)],
        "photos",
        vec![],
    )
    .await
}

fn case_row(app: &TestApp) -> (String, String, Option<chrono::NaiveDateTime>) {
    support_cases::table
        .select((
            support_cases::number,
            support_cases::status,
            support_cases::first_response_at,
        ))
        .order(support_cases::id.desc())
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

fn mails_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    outbox::table
        .filter(outbox::to_address.eq(to))
        .select((outbox::subject, outbox::body_text))
        .order(outbox::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_guest_opens_a_case_with_a_photo_and_an_agent_answers_it() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let (order_url, staff) = delivered(&app, &sku, &slug, "2").await;
    let form_url = case_form(&app, &order_url).await;
    let form = app.get(&form_url).await;
    assert_eq!(form.count("input[name=kind]"), 6);
    assert!(form.text(".lead").contains("We answer within about"));
    let qty = line_field(&form);
    // Everything wrong at once: each message next to its field, what was typed kept.
    let bad = open_case(
        &app,
        &form_url,
        &[("description", "broken"), (&qty, "9")],
        vec![("box.jpg", b"<svg onload=alert(1)>".to_vec(), "image/jpeg")],
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#kind-error").contains("Choose what"));
    assert!(bad.text("#description-error").contains("at least 10"));
    assert!(bad.text(".case-lines .field-error").contains("0 to 2"));
    assert!(
        bad.text("#photos-error")
            .contains("box.jpg is not a JPEG, PNG or WebP")
    );
    assert_eq!(bad.text("#description"), "broken");
    assert_eq!(
        bad.attr(&format!("input[name={qty}]"), "value").as_deref(),
        Some("9")
    );
    // Four photos are too many; a file over 5 MB is too large.
    let many = open_case(
        &app,
        &form_url,
        &[
            ("kind", "damaged"),
            ("description", "The drill case was crushed."),
            (&qty, "1"),
        ],
        (0..4)
            .map(|_| ("p.png", PNG.to_vec(), "image/png"))
            .collect(),
    )
    .await;
    assert_eq!(many.status, 422);
    assert!(many.text("#photos-error").contains("at most 3"));
    let mut big = PNG.to_vec();
    big.resize(5 * 1024 * 1024 + 10, 0);
    let large = open_case(
        &app,
        &form_url,
        &[
            ("kind", "damaged"),
            ("description", "The drill case was crushed."),
            (&qty, "1"),
        ],
        vec![("huge.png", big, "image/png")],
    )
    .await;
    assert_eq!(large.status, 422);
    assert!(large.text("#photos-error").contains("larger than 5 MB"));
    assert_eq!(
        support_cases::table
            .count()
            .get_result::<i64>(&mut app.pool.get().unwrap())
            .unwrap(),
        0
    );
    // A good one.
    let done = open_case(
        &app,
        &form_url,
        &[
            ("kind", "damaged"),
            ("description", "The drill case was crushed <b>badly</b>."),
            (&qty, "1"),
        ],
        vec![("IMG 0001.png", PNG.to_vec(), "image/png")],
    )
    .await;
    assert_eq!(done.status, 303, "{}", done.text("main"));
    let case_url = done.location();
    assert!(case_url.starts_with("/cases/C"), "{case_url}");
    let page = app.get(&case_url).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text(".case-status"), "Open");
    assert!(page.text(".case-lines").contains("× 1"));
    // Text is shown as typed, never as HTML.
    assert!(page.text(".case-message-body").contains("<b>badly</b>"));
    assert_eq!(page.count(".case-message-body b"), 0);
    let photo = page.attr(".case-photos img", "src").unwrap();
    assert_eq!(
        page.attr(".case-photos img", "alt").as_deref(),
        Some("Photo 1: IMG 0001.png")
    );
    let res = app.get_raw(&photo).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);
    // Stored under a generated name, not the uploaded one.
    let stored: String = duett::db::schema::case_attachments::table
        .select(duett::db::schema::case_attachments::stored_name)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(
        stored.ends_with(".png") && !stored.contains("IMG"),
        "{stored}"
    );
    // Without the case's token nobody else reads it or its photo.
    let stranger = app.another_browser();
    let number = page.text(".case-number");
    assert_eq!(stranger.get(&format!("/cases/{number}")).await.status, 404);
    assert_eq!(
        stranger
            .get(&format!("/cases/{number}?t=wrong"))
            .await
            .status,
        404
    );
    let bare_photo = photo.split('?').next().unwrap().to_string();
    assert_eq!(stranger.get_raw(&bare_photo).await.status(), 404);
    // The customer is mailed the case's link; customer service hears of the new case.
    let to_guest = mails_to(&app, "returning.guest@example.com");
    assert!(
        to_guest
            .iter()
            .any(|(s, b)| s.contains(&number) && b.contains(&format!("/cases/{number}?t=")))
    );
    assert!(
        mails_to(&app, "support@duett.example")
            .iter()
            .any(|(s, b)| s.contains(&number) && b.contains(&format!("/admin/cases/{number}")))
    );
    // The order page lists the case.
    assert!(
        app.get(&order_url)
            .await
            .text(".order-cases")
            .contains(&number)
    );

    // Customer service: in the queue, unanswered; an internal note is not an answer.
    let queue = staff.get("/admin/cases").await;
    assert_eq!(queue.status, 200);
    assert!(queue.text("table.admin-cases").contains(&number));
    assert!(
        queue
            .text("table.admin-cases")
            .contains("First answer due in")
    );
    assert_eq!(
        staff_reply(
            &staff,
            &number,
            "Checking stock for a new case.",
            "open",
            true
        )
        .await
        .status,
        303
    );
    assert_eq!(
        case_row(&app).2,
        None,
        "a note does not stop the first-response timer"
    );
    assert!(
        !app.get(&case_url)
            .await
            .text(".case-thread")
            .contains("Checking stock")
    );
    // A reply the customer reads; the case waits on them.
    let empty = staff_reply(&staff, &number, "  ", "waiting_on_customer", false).await;
    assert_eq!(empty.status, 422);
    assert!(empty.text("#body-error").contains("Write a message"));
    assert_eq!(
        staff_reply(
            &staff,
            &number,
            "Sorry! Is the drill itself damaged too?",
            "waiting_on_customer",
            false
        )
        .await
        .status,
        303
    );
    let (_, status, answered) = case_row(&app);
    assert_eq!(status, "waiting_on_customer");
    assert!(answered.is_some());
    let page = app.get(&case_url).await;
    assert_eq!(page.text(".case-status"), "Waiting for your reply");
    assert!(
        page.text(".case-thread")
            .contains("Is the drill itself damaged")
    );
    assert!(page.text(".case-thread").contains("Duett customer service"));
    assert!(page.text(".case-first-response").contains("Answered after"));
    assert!(
        mails_to(&app, "returning.guest@example.com")
            .iter()
            .any(|(s, _)| s.contains("New answer"))
    );
    // The customer answers: open again, and the team hears of it.
    assert_eq!(
        customer_reply(&app, &case_url, "Only the case.")
            .await
            .status,
        303
    );
    assert_eq!(case_row(&app).1, "open");
    let to_team = mails_to(&app, "support@duett.example");
    assert_eq!(to_team.len(), 2, "the new case and the customer's reply");
    assert!(to_team[1].1.contains(&format!("/admin/cases/{number}")));
    // Resolve, the customer closes; a closed case takes no more replies; reopen is staff's.
    assert_eq!(staff_status(&staff, &number, "resolve").await.status, 303);
    assert_eq!(staff_status(&staff, &number, "resolve").await.status, 422);
    let page = app.get(&case_url).await;
    let csrf = page
        .attr("form.case-close input[name=csrf_token]", "value")
        .unwrap();
    let t = page.attr("form.case-close input[name=t]", "value").unwrap();
    let closed = app
        .post_raw(
            &format!("/cases/{number}/close"),
            &[("csrf_token", &csrf), ("t", &t)],
        )
        .await;
    assert_eq!(closed.status, 303);
    assert_eq!(case_row(&app).1, "closed");
    let page = app.get(&case_url).await;
    assert_eq!(page.count("form.case-reply"), 0);
    assert!(page.text(".case-closed-note").contains("closed"));
    let late = app
        .post_parts(
            &format!("/cases/{number}/reply"),
            &[("csrf_token", &csrf), ("t", &t), ("body", "One more thing")],
            "photos",
            vec![],
        )
        .await;
    assert_eq!(late.status, 422);
    assert!(late.text("#body-error").contains("closed"));
    assert_eq!(staff_status(&staff, &number, "reopen").await.status, 303);
    assert_eq!(case_row(&app).1, "open");
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject_type.eq("case"))
        .select(audit_log::action)
        .order(audit_log::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(
        actions,
        ["case_note", "case_reply", "case_status", "case_status"]
    );
    let internal: i64 = case_messages::table
        .filter(case_messages::internal.eq(true))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(internal, 1);
}

#[tokio::test]
async fn a_case_is_read_by_its_opener_their_company_per_role_or_the_link() {
    let app = spawn_app().await;
    crate::b2b_checkout::buyer_with_cart(&app).await;
    let placed = crate::b2b_checkout::place(&app, &[("payment", "invoice")]).await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let order_url = placed.location();
    let form_url = case_form(&app, &order_url).await;
    let done = open_case(
        &app,
        &form_url,
        &[
            ("kind", "invoice"),
            ("description", "Our PO number is missing on the invoice."),
        ],
        vec![],
    )
    .await;
    assert_eq!(done.status, 303, "{}", done.text("main"));
    let (number, ..) = case_row(&app);
    let bare = format!("/cases/{number}");
    // The buyer who opened it reads it signed in, without the link, in the portal.
    let mine = app.get(&bare).await;
    assert_eq!(mine.status, 200);
    assert_eq!(mine.theme(), "b2b");
    assert!(
        app.get("/cases")
            .await
            .text("table.cases-list")
            .contains(&number)
    );
    // The company's approver and admin see every case of the company, with who opened it.
    for who in ["approver@nordbygg.example", "admin@nordbygg.example"] {
        let colleague = app.another_browser();
        colleague.login(who).await;
        assert_eq!(colleague.get(&bare).await.status, 200, "{who}");
        let list = colleague.get("/cases").await;
        assert!(list.text("table.cases-list").contains(&number), "{who}");
        assert_eq!(list.count("td.case-by"), 1);
    }
    // Another company, a consumer, a visitor: not found, and not listed.
    for who in ["buyer@kontorsgruppen.example", "shopper@example.com"] {
        let other = app.another_browser();
        other.login(who).await;
        assert_eq!(other.get(&bare).await.status, 404, "{who}");
        assert_eq!(
            other.get("/cases").await.count("table.cases-list"),
            0,
            "{who}"
        );
        // Nor may they post in it.
        let csrf = other.csrf_token("/").await;
        let res = other
            .post_parts(
                &format!("{bare}/reply"),
                &[("csrf_token", &csrf), ("body", "hello")],
                "photos",
                vec![],
            )
            .await;
        assert_eq!(res.status, 404, "{who}");
    }
    let visitor = app.another_browser();
    assert_eq!(visitor.get(&bare).await.status, 404);
    assert_eq!(visitor.get("/cases").await.location(), "/login?next=/cases");
    // Staff work cases in admin: support and administrators only.
    for (who, code) in [
        ("support@duett.example", 200),
        ("admin@duett.example", 200),
        ("sales@duett.example", 403),
        ("catalog@duett.example", 403),
    ] {
        let staff = app.another_browser();
        staff.login(who).await;
        assert_eq!(
            staff.get(&format!("/admin/cases/{number}")).await.status,
            code,
            "{who}"
        );
        assert_eq!(staff.get("/admin/cases").await.status, code, "{who}");
    }
    // Without the session's CSRF token nothing is written.
    let forged = app
        .post_parts(
            &format!("{bare}/reply"),
            &[("body", "forged")],
            "photos",
            vec![],
        )
        .await;
    assert_eq!(forged.status, 403);
    let messages: i64 = case_messages::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(messages, 1);
}

#[tokio::test]
async fn the_queue_highlights_missed_targets_and_filters_by_agent_kind_and_shop() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "1").await;
    let form_url = case_form(&app, &order_url).await;
    for (kind, text) in [
        ("delivery", "Tracking has not moved in days."),
        ("other", "Can I add gift wrapping?"),
    ] {
        let res = open_case(
            &app,
            &form_url,
            &[("kind", kind), ("description", text)],
            vec![],
        )
        .await;
        assert_eq!(res.status, 303, "{}", res.text("main"));
    }
    let numbers: Vec<String> = support_cases::table
        .select(support_cases::number)
        .order(support_cases::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    // The first was opened two hours ago and never answered: past its 1-hour target.
    let two_hours_ago = chrono::Utc::now().naive_utc() - chrono::Duration::hours(2);
    diesel::update(support_cases::table.filter(support_cases::number.eq(&numbers[0])))
        .set((
            support_cases::created_at.eq(two_hours_ago),
            support_cases::first_response_due_at
                .eq(Some(two_hours_ago + chrono::Duration::hours(1))),
            support_cases::resolution_due_at.eq(Some(two_hours_ago + chrono::Duration::hours(72))),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let queue = staff.get("/admin/cases").await;
    assert_eq!(queue.count("table.admin-cases tbody tr"), 2);
    assert_eq!(queue.count("tr.row-breached"), 1);
    assert!(queue.text("tr.row-breached").contains(&numbers[0]));
    assert!(
        queue
            .text("tr.row-breached")
            .contains("No answer yet, 1 hour past the target")
    );
    // Most urgent first.
    assert!(
        queue
            .text("table.admin-cases tbody tr:first-child")
            .contains(&numbers[0])
    );
    assert!(
        queue
            .text(".cases-counts")
            .contains("2 active cases, 1 past a target")
    );
    let only = staff.get("/admin/cases?breached=1").await;
    assert_eq!(only.count("table.admin-cases tbody tr"), 1);
    let dashboard = staff.get("/admin").await;
    assert!(
        dashboard
            .text(".queues")
            .contains("1 Cases past their answer or resolution target")
    );
    // Kind and shop filters; nonsense values count as "any".
    assert_eq!(
        staff
            .get("/admin/cases?kind=other")
            .await
            .count("table.admin-cases tbody tr"),
        1
    );
    assert_eq!(
        staff
            .get("/admin/cases?segment=b2b")
            .await
            .count("table.admin-cases tbody tr"),
        0
    );
    assert_eq!(
        staff
            .get("/admin/cases?segment=b2c&kind=%27;drop")
            .await
            .count("table.admin-cases tbody tr"),
        2
    );
    assert_eq!(
        staff
            .get(&format!("/admin/cases?q={}", &numbers[1]))
            .await
            .count("table.admin-cases tbody tr"),
        1
    );
    // "Take it": the case is mine; an unknown agent is refused.
    let path = format!("/admin/cases/{}", numbers[1]);
    let took = staff
        .post_form(
            &format!("{path}/assign"),
            &path,
            &[("agent", ""), ("take", "me")],
        )
        .await;
    assert_eq!(took.status, 303);
    let mine = staff.get("/admin/cases?assigned=me").await;
    assert_eq!(mine.count("table.admin-cases tbody tr"), 1);
    assert!(mine.text("table.admin-cases").contains(&numbers[1]));
    assert_eq!(
        staff
            .get("/admin/cases?assigned=nobody")
            .await
            .count("table.admin-cases tbody tr"),
        1
    );
    let bad = staff
        .post_form(&format!("{path}/assign"), &path, &[("agent", "999999")])
        .await;
    assert_eq!(bad.status, 422);
    // Waiting on the customer stops the resolution clock.
    assert_eq!(
        staff_reply(
            &staff,
            &numbers[1],
            "Yes, for 49 kr.",
            "waiting_on_customer",
            false
        )
        .await
        .status,
        303
    );
    let page = staff.get(&path).await;
    assert!(
        page.text(".case-resolution-timer")
            .contains("Paused while waiting on the customer")
    );
    assert!(page.text(".case-first-timer").contains("before the target"));
    // Resolved and closed cases leave the active queue.
    assert_eq!(staff_status(&staff, &numbers[1], "close").await.status, 303);
    assert_eq!(
        staff
            .get("/admin/cases")
            .await
            .count("table.admin-cases tbody tr"),
        1
    );
    assert_eq!(
        staff
            .get("/admin/cases?status=closed")
            .await
            .count("table.admin-cases tbody tr"),
        1
    );
}

#[tokio::test]
async fn an_agent_turns_a_case_into_a_return_and_refunds_once_within_what_was_paid() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let (order_url, staff) = delivered(&app, &sku, &slug, "2").await;
    let form_url = case_form(&app, &order_url).await;
    let form = app.get(&form_url).await;
    let qty = line_field(&form);
    let res = open_case(
        &app,
        &form_url,
        &[
            ("kind", "damaged"),
            ("description", "One of the two arrived broken."),
            (&qty, "1"),
        ],
        vec![],
    )
    .await;
    assert_eq!(res.status, 303);
    let (number, ..) = case_row(&app);
    let path = format!("/admin/cases/{number}");
    let page = staff.get(&path).await;
    // The return form starts from the case's lines.
    let line = page
        .attr("form.case-return input[type=number]", "name")
        .unwrap();
    assert_eq!(
        page.attr("form.case-return input[type=number]", "value")
            .as_deref(),
        Some("1")
    );
    let started = staff
        .post_form(
            &format!("{path}/return"),
            &path,
            &[("kind", "return"), (&line, "1")],
        )
        .await;
    assert_eq!(started.status, 303, "{}", started.text("main"));
    let (return_number, reason): (String, String) = returns::table
        .select((returns::number, returns::reason))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(reason, "damaged");
    let page = staff.get(&path).await;
    assert!(page.text(".case-facts").contains(&return_number));
    assert_eq!(page.count("form.case-return"), 0, "one return per case");
    let customer = app
        .get(&format!("/cases/{number}?t={}", case_token(&app)))
        .await;
    assert!(customer.text(".case-thread").contains(&return_number));
    assert!(
        mails_to(&app, "returning.guest@example.com")
            .iter()
            .any(|(s, b)| s.contains("return") && b.contains(&return_number))
    );
    // A refund: more than was paid is refused with the most that can be given back.
    let total: i64 = duett::db::schema::orders::table
        .select(duett::db::schema::orders::total_minor)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let page = staff.get(&path).await;
    let key = page
        .attr("form.case-refund input[name=key]", "value")
        .unwrap();
    let csrf = page
        .attr("form.case-refund input[name=csrf_token]", "value")
        .unwrap();
    let too_much = format!("{}", total / 100 + 1);
    let refused = staff
        .post_raw(
            &format!("{path}/refund"),
            &[
                ("csrf_token", &csrf),
                ("key", &key),
                ("amount", &too_much),
                ("note", "Goodwill"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#amount-error").contains("At most"));
    assert_eq!(
        refused.attr("#amount", "value").as_deref(),
        Some(too_much.as_str())
    );
    let no_note = staff
        .post_raw(
            &format!("{path}/refund"),
            &[
                ("csrf_token", &csrf),
                ("key", &key),
                ("amount", "50"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(no_note.status, 422);
    assert!(
        no_note
            .text("#refund-note-error")
            .contains("what the refund is for")
    );
    // Twice with the same form: refunded once.
    for _ in 0..2 {
        let ok = staff
            .post_raw(
                &format!("{path}/refund"),
                &[
                    ("csrf_token", &csrf),
                    ("key", &key),
                    ("amount", "50,00"),
                    ("note", "For the trouble"),
                ],
            )
            .await;
        assert_eq!(ok.status, 303);
    }
    let refunds: Vec<i64> = case_refunds::table
        .select(case_refunds::amount_minor)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(refunds, [5_000]);
    let noted: i64 = order_events::table
        .filter(order_events::status.eq("refunded"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(noted, 1);
    // What is left shrinks by it.
    let page = staff.get(&path).await;
    let left = format!("{}.{:02}", (total - 5_000) / 100, (total - 5_000) % 100);
    assert!(
        page.text("#amount-hint").contains(&left),
        "{}",
        page.text("#amount-hint")
    );
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq_any(["case_return", "case_refund"]))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 2);
    let _ = order_number(&app);
}

fn case_token(app: &TestApp) -> String {
    support_cases::table
        .select(support_cases::public_token)
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_case_link_works_from_the_mail_for_a_guest() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "1").await;
    let form_url = case_form(&app, &order_url).await;
    assert_eq!(token_of(&form_url), token_of(&order_url));
    // A wrong order token: no form.
    let number = order_number(&app);
    assert_eq!(
        app.get(&format!("/orders/{number}/case?t=nope"))
            .await
            .status,
        404
    );
    let res = open_case(
        &app,
        &form_url,
        &[("kind", "other"), ("description", "Question about sizes.")],
        vec![],
    )
    .await;
    assert_eq!(res.status, 303);
    // A fresh browser with only the mailed link reads and answers it.
    let (_, body) = mails_to(&app, "returning.guest@example.com")
        .into_iter()
        .find(|(s, _)| s.contains("We have your case"))
        .unwrap();
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/cases/"))
        .unwrap();
    let path = link
        .trim_start_matches(
            &app.settings
                .server
                .public_url
                .trim_end_matches('/')
                .to_string(),
        )
        .to_string();
    let fresh = app.another_browser();
    assert_eq!(fresh.get(&path).await.status, 200, "{path}");
    assert_eq!(
        customer_reply(&fresh, &path, "Also: do you ship to Norway?")
            .await
            .status,
        303
    );
}

async fn replace(staff: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
    staff
        .post_form(&format!("{path}/replacement"), path, fields)
        .await
}

#[tokio::test]
async fn an_agent_sends_a_replacement_free_of_charge_once_from_stock() {
    use duett::db::schema::{order_lines, orders, stock_levels};
    let app = spawn_app().await;
    let (product_id, sku, slug) = product(&app);
    let (order_url, staff) = delivered(&app, &sku, &slug, "2").await;
    let form_url = case_form(&app, &order_url).await;
    let form = app.get(&form_url).await;
    let qty = line_field(&form);
    let res = open_case(
        &app,
        &form_url,
        &[
            ("kind", "missing"),
            ("description", "Only one of the two came in the box."),
            (&qty, "1"),
        ],
        vec![],
    )
    .await;
    assert_eq!(res.status, 303);
    let (number, ..) = case_row(&app);
    let path = format!("/admin/cases/{number}");
    let page = staff.get(&path).await;
    let line = page
        .attr("form.case-replacement input[type=number]", "name")
        .expect("a replacement form for a delivered order");
    assert_eq!(
        page.attr("form.case-replacement input[type=number]", "value")
            .as_deref(),
        Some("1"),
        "it starts from the case's lines"
    );
    let key = page
        .attr("form.case-replacement input[name=key]", "value")
        .unwrap();
    let orders_now = |app: &TestApp| -> i64 {
        orders::table
            .count()
            .get_result(&mut app.pool.get().unwrap())
            .unwrap()
    };
    let before = orders_now(&app);
    // Checked first: more than was ordered, nothing at all, a form without its key.
    for (units, form_key, message) in [
        ("3", key.as_str(), "whole numbers from 0"),
        ("0", key.as_str(), "at least one line"),
        ("1", "", ""),
    ] {
        let refused = replace(&staff, &path, &[(&line, units), ("key", form_key)]).await;
        assert_eq!(refused.status, 422);
        assert!(
            refused.text("#replacement-error").contains(message),
            "{}",
            refused.text("#replacement-error")
        );
    }
    // Nothing left on the shelf: refused, nothing made.
    crate::helpers::stock(&app, &sku, 0);
    let empty = replace(&staff, &path, &[(&line, "1"), ("key", &key)]).await;
    assert_eq!(empty.status, 422);
    assert!(
        empty
            .text("#replacement-error")
            .contains("Not enough in stock")
    );
    assert_eq!(orders_now(&app), before);
    crate::helpers::stock(&app, &sku, 10);

    let made = replace(&staff, &path, &[(&line, "1"), ("key", &key)]).await;
    assert_eq!(made.status, 303, "{}", made.text("main"));
    let again = replace(&staff, &path, &[(&line, "1"), ("key", &key)]).await;
    assert_eq!(again.status, 303, "a second click finds the order made");
    assert_eq!(orders_now(&app), before + 1);
    let (new_number, status, total, method, address, original_address): (
        String,
        String,
        i64,
        String,
        String,
        String,
    ) = orders::table
        .order(orders::id.desc())
        .select((
            orders::number,
            orders::status,
            orders::total_minor,
            orders::payment_method,
            orders::shipping_address,
            orders::billing_address,
        ))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(
        (status.as_str(), total, method.as_str()),
        ("paid", 0, "replacement")
    );
    assert_eq!(address, original_address);
    let lines: Vec<(i32, i64, i64)> = order_lines::table
        .inner_join(orders::table)
        .filter(orders::number.eq(&new_number))
        .select((
            order_lines::quantity,
            order_lines::unit_price_minor,
            order_lines::line_total_minor,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(lines, [(1, 0, 0)]);
    let reserved: i32 = stock_levels::table
        .find(product_id)
        .select(stock_levels::reserved)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(reserved, 1, "the replacement holds its unit for packing");
    let page = staff.get(&path).await;
    assert!(page.text(".case-thread").contains(&new_number));
    assert!(
        mails_to(&app, "returning.guest@example.com")
            .iter()
            .any(|(s, b)| s.contains("replacement") && b.contains(&new_number))
    );
    let original = app.get(&order_url).await;
    assert!(original.text("main").contains("Replacement sent"));
    // Staff pack it like any paid order.
    let packed = crate::returns::step(&staff, &new_number, "pack", "").await;
    assert_eq!(packed.status, 303);
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("case_replacement"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn no_replacement_before_the_order_has_shipped() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "1").await;
    let form_url = case_form(&app, &order_url).await;
    let res = open_case(
        &app,
        &form_url,
        &[
            ("kind", "delivery"),
            ("description", "When will my order ship?"),
        ],
        vec![],
    )
    .await;
    assert_eq!(res.status, 303);
    let (number, ..) = case_row(&app);
    let staff = app.another_browser();
    staff.login("support@duett.example").await;
    let path = format!("/admin/cases/{number}");
    let page = staff.get(&path).await;
    assert_eq!(page.count("form.case-replacement"), 0);
    assert!(page.text("main").contains("once the order has shipped"));
    let forced = staff
        .post_form(
            &format!("{path}/replacement"),
            &path,
            &[("key", "abcdefghijklmnopqrstuvwxyz"), ("qty_1", "1")],
        )
        .await;
    assert_eq!(forced.status, 422);
    assert!(
        forced
            .text("#replacement-error")
            .contains("once the order has shipped")
    );
}
