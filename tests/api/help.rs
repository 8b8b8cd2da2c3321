//! The help centre: one address, `/help`, in the reader's theme with how to reach customer
//! service and the accessibility statement; the FAQ per audience, grouped by topic in a fixed
//! order, searchable by words, each answer linkable; hostile queries get a helpful page.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_help_centre_is_themed_by_reader_and_says_how_to_reach_us() {
    let app = spawn_app().await;
    let visitor = app.get("/help").await;
    assert_eq!(visitor.status, 200);
    assert_eq!(visitor.theme(), "b2c");
    assert_eq!(
        visitor
            .attr(".help-contact a[href^='mailto:']", "href")
            .as_deref(),
        Some("mailto:support@duett.example")
    );
    assert_eq!(
        visitor
            .attr(".help-contact a[href^='tel:']", "href")
            .as_deref(),
        Some("tel:+4681234500")
    );
    assert!(
        visitor
            .text(".help-response")
            .contains("within 1 hour, around the clock")
    );
    let now = visitor.text(".help-phone-now");
    assert!(
        now == "The phone is open now." || now.starts_with("The phone is closed now; it opens"),
        "{now}"
    );
    assert!(visitor.text("#accessibility").contains("WCAG 2.2 level AA"));
    // Common questions link to their answers; company pages are not offered to consumers.
    let top = visitor.attrs(".help-top a[href^='/help/faq#']", "href");
    assert!(!top.is_empty());
    assert_eq!(
        visitor.count(".help-links a[href='/b2b/company/invoices']"),
        0
    );
    // Every storefront page links to it.
    let home = app.get("/").await;
    assert!(home.count(".site-footer a[href='/help']") == 1);

    app.login("buyer@nordbygg.example").await;
    let buyer = app.get("/help").await;
    assert_eq!(buyer.theme(), "b2b");
    assert_eq!(
        buyer.count(".help-links a[href='/b2b/company/invoices']"),
        1
    );
    assert_eq!(buyer.count(".help-links a[href='/b2b/demos/new']"), 1);
    let swedish = app.get_lang("/help", "sv").await;
    assert_eq!(swedish.status, 200);
}

#[tokio::test]
async fn the_faq_shows_each_audience_its_answers_by_topic_and_finds_words() {
    let app = spawn_app().await;
    let consumer = app.get("/help/faq").await;
    assert_eq!(consumer.status, 200);
    let ids = consumer.attrs("article.faq-entry", "id");
    assert!(ids.contains(&"faq-return-an-item".to_string()));
    assert!(ids.contains(&"faq-track-my-order".to_string()), "for both");
    assert!(
        !ids.contains(&"faq-pay-on-invoice".to_string()),
        "a company answer"
    );
    // Topics in their fixed order, each a section with its own link target.
    let topics = consumer.attrs("section.faq-group", "id");
    assert_eq!(
        topics,
        vec![
            "topic-ordering",
            "topic-delivery",
            "topic-returns",
            "topic-payment",
            "topic-privacy",
            "topic-accessibility"
        ]
    );
    assert_eq!(consumer.attrs(".faq-topics a", "href").len(), topics.len());
    let link = consumer.attr("#faq-return-an-item .faq-link a", "href");
    assert_eq!(link.as_deref(), Some("/help/faq#faq-return-an-item"));
    assert_eq!(
        consumer.select_texts("#faq-return-an-item p").len(),
        3,
        "two paragraphs and the link"
    );

    // Words in any order and case, in the question or the answer.
    let found = app.get("/help/faq?q=RETURN%20slip").await;
    assert_eq!(
        found.attrs("article.faq-entry", "id"),
        vec!["faq-return-an-item"]
    );
    assert_eq!(
        found.text(".faq-found"),
        "1 answer for “RETURN slip”. Show all questions"
    );
    assert_eq!(
        found.attr("#faq-q", "value").as_deref(),
        Some("RETURN slip")
    );
    let several = app.get("/help/faq?q=order").await;
    assert!(several.count("article.faq-entry") > 1);
    assert!(several.text(".faq-found").starts_with(&format!(
        "{} answers for “order”",
        several.count("article.faq-entry")
    )));

    // Nothing found, or a hostile query: a helpful page, never an error.
    for q in [
        "zzqxv",
        "%27%3B%20DROP%20TABLE%20content_pages%3B--",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ] {
        let page = app.get(&format!("/help/faq?q={q}")).await;
        assert_eq!(page.status, 200, "{q}");
        assert_eq!(page.count("article.faq-entry"), 0, "{q}");
        assert!(page.text(".faq-none").contains("No answer matches"), "{q}");
        assert_eq!(page.count("main script"), 0, "{q}: typed text is escaped");
    }
    let long = "a".repeat(5000);
    assert_eq!(app.get(&format!("/help/faq?q={long}")).await.status, 200);

    // Companies get their answers (and those for both), not the consumer-only ones.
    app.login("buyer@nordbygg.example").await;
    let company = app.get("/help/faq").await;
    assert_eq!(company.theme(), "b2b");
    let ids = company.attrs("article.faq-entry", "id");
    assert!(ids.contains(&"faq-pay-on-invoice".to_string()));
    assert!(ids.contains(&"faq-why-approval".to_string()));
    assert!(ids.contains(&"faq-track-my-order".to_string()));
    assert!(!ids.contains(&"faq-return-an-item".to_string()));
    let invoice = app.get("/help/faq?q=invoic").await;
    assert!(
        invoice
            .attrs("article.faq-entry", "id")
            .contains(&"faq-pay-on-invoice".to_string())
    );
}

#[tokio::test]
async fn support_agents_write_the_faq_and_readers_see_it_at_once() {
    use diesel::prelude::*;
    use duett::db::schema::audit_log;
    let app = spawn_app().await;
    let agent = app.another_browser();
    agent.login("support@duett.example").await;
    let list = agent.get("/admin/faq").await;
    assert_eq!(list.status, 200);
    assert!(list.count(".admin-faq tbody tr") >= 16);

    // Everything wrong at once, with what was typed kept.
    let refused = agent
        .post_form(
            "/admin/faq",
            "/admin/faq/new",
            &[
                ("question", "Why"),
                ("answer", " "),
                ("topic", "gardening"),
                ("audience", "both"),
                ("position", "-3"),
                ("published", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for field in ["question", "answer", "topic", "position"] {
        assert_eq!(refused.count(&format!("#{field}-error")), 1, "{field}");
    }
    assert_eq!(refused.count("#audience-error"), 0);
    assert_eq!(refused.attr("#question", "value").as_deref(), Some("Why"));
    assert_eq!(refused.attr("#position", "value").as_deref(), Some("-3"));

    // Answers are Markdown: a preview shows one as readers will, sanitised, and saves nothing.
    let preview = agent
        .post_form(
            "/admin/faq",
            "/admin/faq/new",
            &[
                ("question", "Can I pay with a gift card on invoice?"),
                (
                    "answer",
                    "**Yes** — see [payment](/help).\n\n<img src=x onerror=alert(1)>",
                ),
                ("topic", "payment"),
                ("audience", "both"),
                ("position", "0"),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(preview.status, 200);
    assert_eq!(preview.text(".content-preview .markdown strong"), "Yes");
    assert_eq!(
        preview
            .attr(".content-preview .markdown a", "href")
            .as_deref(),
        Some("/help")
    );
    assert_eq!(preview.count(".content-preview img"), 0);
    assert!(preview.text("#answer").contains("**Yes**"));
    assert_eq!(
        agent
            .get("/admin/faq?q=gift+card+on+invoice")
            .await
            .count(".admin-faq tbody tr"),
        0,
        "a preview saves nothing"
    );

    let made = agent
        .post_form(
            "/admin/faq",
            "/admin/faq/new",
            &[
                ("question", "Do you deliver to Åland?"),
                (
                    "answer",
                    "Yes, in 3–5 working days.\n\nCustoms forms are **included**.",
                ),
                ("topic", "delivery"),
                ("audience", "b2c"),
                ("position", "1"),
                ("published", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text("main"));
    let edit_url = made.location();
    let faq = app.get("/help/faq?q=aland").await;
    assert_eq!(
        faq.count("article.faq-entry"),
        0,
        "Å is a letter of its own"
    );
    let faq = app.get("/help/faq?q=%C3%A5land").await;
    assert_eq!(
        faq.attrs("article.faq-entry", "id"),
        vec!["faq-do-you-deliver-to-aland"]
    );
    assert_eq!(faq.select_texts("#faq-do-you-deliver-to-aland p").len(), 3);
    assert_eq!(
        faq.text("#faq-do-you-deliver-to-aland .markdown strong"),
        "included"
    );

    // A company reader does not see a consumer answer; unpublished, nobody does; the link stays.
    app.login("buyer@nordbygg.example").await;
    assert_eq!(
        app.get("/help/faq?q=%C3%A5land")
            .await
            .count("article.faq-entry"),
        0
    );
    let saved = agent
        .post_form(
            &edit_url,
            &edit_url,
            &[
                ("question", "Do you deliver to Åland and Gotland?"),
                ("answer", "Yes, in 3–5 working days."),
                ("topic", "delivery"),
                ("audience", "both"),
                ("position", "1"),
                ("published", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let company = app.get("/help/faq?q=gotland").await;
    assert_eq!(
        company.attrs("article.faq-entry", "id"),
        vec!["faq-do-you-deliver-to-aland"],
        "the link did not change with the question"
    );
    let hidden = agent
        .post_form(
            &edit_url,
            &edit_url,
            &[
                ("question", "Do you deliver to Åland and Gotland?"),
                ("answer", "Yes, in 3–5 working days."),
                ("topic", "delivery"),
                ("audience", "both"),
                ("position", "1"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(hidden.status, 303);
    assert_eq!(
        app.get("/help/faq?q=gotland")
            .await
            .count("article.faq-entry"),
        0
    );
    let deleted = agent
        .post_form(&edit_url, &edit_url, &[("action", "delete")])
        .await;
    assert_eq!(deleted.status, 303);
    assert_eq!(agent.get(&edit_url).await.status, 404);
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject_type.eq("faq"))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(
        actions,
        vec!["faq_create", "faq_update", "faq_update", "faq_delete"]
    );

    // Other staff roles and customers are kept out; an unknown action is a bad request.
    for email in ["sales@duett.example", "catalog@duett.example"] {
        let staff = app.another_browser();
        staff.login(email).await;
        assert_eq!(staff.get("/admin/faq").await.status, 403, "{email}");
        assert_eq!(staff.get("/admin/faq/new").await.status, 403, "{email}");
    }
    assert_eq!(app.get("/admin/faq").await.status, 403);
    let first = agent
        .get("/admin/faq")
        .await
        .attrs(".admin-faq tbody a[href^='/admin/faq/']", "href")[0]
        .clone();
    let odd = agent
        .post_form(&first, &first, &[("action", "publish")])
        .await;
    assert_eq!(odd.status, 400);
    let not_faq = agent
        .post_form("/admin/faq/1", &first, &[("action", "save")])
        .await;
    assert_eq!(not_faq.status, 404, "content that is not an FAQ entry");
}
