//! Live chat: a guest or a signed-in customer starts a chat (the form checked as a whole, what
//! was typed kept), agents take it (once, when two try at once) and answer; the other side gets
//! each message over the event stream as it is written; the chat ends with a transcript by
//! e-mail; an agent turns a chat into a case once. Who reads what: the chat belongs to the
//! browser that started it or the signed-in account; agents' pages only for administrators and
//! support agents.

use crate::helpers::{Page, TestApp, spawn_app};
use crate::returns::{paid_order, product};
use diesel::prelude::*;
use duett::db::schema::{audit_log, chat_conversations, chat_messages, outbox, support_cases};
use std::time::Duration;

/// A reader of an event stream that collects what arrived.
struct Events {
    response: reqwest::Response,
    seen: String,
}

impl Events {
    async fn open(app: &TestApp, path: &str) -> Events {
        let response = app
            .client
            .get(app.url(path))
            .header("accept-language", "en")
            .send()
            .await
            .expect("GET");
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        Events {
            response,
            seen: String::new(),
        }
    }

    /// Reads until `needle` has arrived (a guard against hanging, not a timing check).
    async fn until(&mut self, needle: &str) -> &str {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while !self.seen.contains(needle) {
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .unwrap_or_else(|_| panic!("{needle:?} never arrived; got {:?}", self.seen))
                .expect("stream")
                .expect("the stream stays open");
            self.seen.push_str(&String::from_utf8_lossy(&chunk));
        }
        &self.seen
    }
}

async fn start_as_guest(app: &TestApp, name: &str, email: &str, body: &str) -> Page {
    app.post_form(
        "/chat",
        "/chat",
        &[("name", name), ("email", email), ("body", body)],
    )
    .await
}

fn chat_id(app: &TestApp) -> i64 {
    chat_conversations::table
        .select(chat_conversations::id)
        .order(chat_conversations::id.desc())
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

async fn agent_act(agent: &TestApp, id: i64, fields: &[(&str, &str)]) -> Page {
    let path = format!("/admin/chats/{id}");
    agent.post_form(&path, &path, fields).await
}

async fn agent(app: &TestApp, email: &str) -> TestApp {
    let agent = app.another_browser();
    agent.login(email).await;
    agent
}

#[tokio::test]
async fn a_guest_chats_with_an_agent_live_and_gets_the_transcript() {
    let app = spawn_app().await;
    let form = app.get("/chat").await;
    assert_eq!(form.status, 200);
    assert_eq!(form.theme(), "b2c");
    assert_eq!(form.count("form.chat-start input[name=name]"), 1);
    assert_eq!(form.count("form.chat-start input[name=email]"), 1);
    assert!(
        form.count("a.chat-launcher[href='/chat']") == 1,
        "every storefront page has the launcher"
    );

    // Everything wrong at once, what was typed kept.
    let refused = start_as_guest(&app, " ", "not-an-address", "  ").await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.text("#chat-name-error"), "Enter your name.");
    assert!(
        refused
            .text("#chat-email-error")
            .contains("name@example.com")
    );
    assert_eq!(refused.text("#chat-body-error"), "Write a message first.");
    assert_eq!(
        refused.attr("#chat-email", "value").as_deref(),
        Some("not-an-address")
    );
    assert_eq!(
        chat_conversations::table
            .count()
            .get_result::<i64>(&mut app.pool.get().unwrap())
            .unwrap(),
        0
    );

    let started = start_as_guest(
        &app,
        "Ada Lind",
        "ada@example.com",
        "<b>Hi</b> — where is my parcel?",
    )
    .await;
    assert_eq!(started.status, 303);
    assert_eq!(started.location(), "/chat");
    let page = app.get("/chat").await;
    assert!(
        page.text(".chat-status").contains("number 1 in the queue"),
        "{}",
        page.text(".chat-status")
    );
    assert_eq!(
        page.text(".chat-mine .chat-text"),
        "<b>Hi</b> — where is my parcel?"
    );
    assert_eq!(page.count(".chat-text b"), 0, "customer text is never HTML");
    assert_eq!(
        page.headers["cache-control"].to_str().unwrap(),
        "private, no-store"
    );
    let id = chat_id(&app);
    let first: i64 = chat_messages::table
        .filter(chat_messages::conversation_id.eq(id))
        .select(chat_messages::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();

    // The customer's stream starts with what they do not have yet.
    let mut customer = Events::open(&app, "/chat/events?after=0").await;
    customer
        .until(&format!("id: {first}\nevent: message"))
        .await;

    // An agent sees it waiting; must take it before writing.
    let sam = agent(&app, "support@duett.example").await;
    let queue = sam.get("/admin/chats").await;
    assert_eq!(queue.status, 200);
    assert!(queue.text("tr.row-waiting").contains("Ada Lind"));
    assert!(queue.text("tr.row-waiting").contains("where is my parcel?"));
    let one = sam.get(&format!("/admin/chats/{id}")).await;
    assert_eq!(one.count("form.chat-write"), 0, "no reply before taking it");
    let early = agent_act(&sam, id, &[("action", "write"), ("body", "Hello!")]).await;
    assert_eq!(early.status, 422);
    assert_eq!(
        early.text("#chat-body-error"),
        "Take the chat before you write in it."
    );

    let mut agent_events = Events::open(&sam, &format!("/admin/chats/{id}/events")).await;
    agent_events.until("where is my parcel?").await;
    assert_eq!(
        agent_act(&sam, id, &[("action", "take"), ("seen", "0")])
            .await
            .status,
        303
    );
    customer.until("event: status").await;
    assert!(
        customer.seen.contains("has joined the chat."),
        "{}",
        customer.seen
    );
    let page = app.get("/chat").await;
    assert!(page.text(".chat-status").contains("You are chatting with"));

    // A reply reaches the customer's open stream as it is written, and the other way round.
    let reply = agent_act(
        &sam,
        id,
        &[
            ("action", "write"),
            ("body", "It left our warehouse today."),
        ],
    )
    .await;
    assert_eq!(reply.status, 303);
    customer.until("It left our warehouse today.").await;
    assert!(
        customer.seen.contains("customer service"),
        "the agent is named for the customer"
    );
    let answer = app
        .post_form(
            "/chat/messages",
            "/chat",
            &[("body", "Thanks!\nOne more thing.")],
        )
        .await;
    assert_eq!(answer.status, 303);
    agent_events.until("One more thing.").await;
    assert!(
        agent_events.seen.contains("data: One more thing."),
        "a line break is its own data field"
    );

    // A stream opened again after the last id it had gets only what came later.
    let last: i64 = chat_messages::table
        .filter(chat_messages::conversation_id.eq(id))
        .select(diesel::dsl::max(chat_messages::id))
        .first::<Option<i64>>(&mut app.pool.get().unwrap())
        .unwrap()
        .unwrap();
    let mut again = Events::open(&app, &format!("/chat/events?after={}", last - 1)).await;
    again.until(&format!("id: {last}\n")).await;
    assert!(!again.seen.contains("where is my parcel?"));

    // An empty message is refused on the same page, the conversation kept.
    let empty = app
        .post_form("/chat/messages", "/chat", &[("body", "   ")])
        .await;
    assert_eq!(empty.status, 422);
    assert_eq!(empty.text("#chat-body-error"), "Write a message first.");
    assert_eq!(empty.count(".chat-line"), 4);

    // The customer ends it: both sides see it, a transcript is mailed, nothing more is written.
    assert_eq!(app.post_form("/chat/close", "/chat", &[]).await.status, 303);
    agent_events.until("ended by the customer").await;
    let ended = app.get("/chat").await;
    assert!(ended.text(".chat-status").contains("This chat has ended"));
    assert_eq!(ended.count("form.chat-write"), 0);
    assert_eq!(
        ended
            .attr("a.button[href='/chat?new=1']", "href")
            .as_deref(),
        Some("/chat?new=1")
    );
    let late = app
        .post_form("/chat/messages", "/chat", &[("body", "Hello?")])
        .await;
    assert_eq!(late.status, 422);
    assert!(late.text("#chat-body-error").contains("has ended"));
    let (subject, body): (String, String) = outbox::table
        .filter(outbox::to_address.eq("ada@example.com"))
        .select((outbox::subject, outbox::body_text))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(subject.contains("chat"), "{subject}");
    for said in [
        "where is my parcel?",
        "It left our warehouse today.",
        "One more thing.",
    ] {
        assert!(body.contains(said), "{said} in {body}");
    }
    let stored: i64 = chat_messages::table
        .filter(chat_messages::conversation_id.eq(id))
        .filter(chat_messages::event.is_null())
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(stored, 3);
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("chat_take"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, 1);

    // A new chat starts from the form again.
    let fresh = app.get("/chat?new=1").await;
    assert_eq!(fresh.count("form.chat-start"), 1);
}

#[tokio::test]
async fn a_chat_belongs_to_its_browser_or_account_and_agents_pages_to_support_staff() {
    let app = spawn_app().await;
    assert_eq!(
        start_as_guest(&app, "Gus", "gus@example.com", "Do you ship to Åland?")
            .await
            .status,
        303
    );
    // Another browser has no chat, and cannot follow this one.
    let other = app.another_browser();
    let page = other.get("/chat").await;
    assert_eq!(page.count("form.chat-start"), 1);
    assert!(!page.text("main").contains("Åland"));
    assert_eq!(other.get_raw("/chat/events").await.status(), 404);
    let closing = other.post_form("/chat/close", "/chat", &[]).await;
    assert_eq!(closing.status, 303);
    assert!(
        !app.get("/chat")
            .await
            .text(".chat-status")
            .contains("ended"),
        "someone else's close reaches nobody's chat"
    );

    // A signed-in customer's chat follows them to another browser, not to someone else.
    let shopper = app.another_browser();
    shopper.login("shopper@example.com").await;
    let form = shopper.get("/chat").await;
    assert_eq!(
        form.count("input[name=name]"),
        0,
        "the account says who they are"
    );
    assert_eq!(
        shopper
            .post_form("/chat", "/chat", &[("body", "Is the oak table in stock?")])
            .await
            .status,
        303
    );
    let phone = app.another_browser();
    phone.login("shopper@example.com").await;
    assert_eq!(
        phone.get("/chat").await.text(".chat-mine .chat-text"),
        "Is the oak table in stock?"
    );
    let erik = app.another_browser();
    erik.login("erik@example.com").await;
    assert_eq!(erik.get("/chat").await.count("form.chat-start"), 1);
    let (name, email): (String, String) = chat_conversations::table
        .order(chat_conversations::id.desc())
        .select((chat_conversations::name, chat_conversations::email))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(email, "shopper@example.com");
    assert!(!name.is_empty());

    // The agents' pages: administrators and support agents only.
    let id = chat_id(&app);
    for (who, status) in [
        ("support@duett.example", 200),
        ("admin@duett.example", 200),
        ("sales@duett.example", 403),
        ("catalog@duett.example", 403),
    ] {
        let staff = agent(&app, who).await;
        assert_eq!(staff.get("/admin/chats").await.status, status, "{who}");
        assert_eq!(
            staff.get(&format!("/admin/chats/{id}")).await.status,
            status,
            "{who}"
        );
        assert_eq!(
            staff
                .get_raw(&format!("/admin/chats/{id}/events"))
                .await
                .status(),
            status,
            "{who}"
        );
    }
    assert_eq!(shopper.get("/admin/chats").await.status, 403);
    assert_eq!(
        other.get("/admin/chats").await.status,
        303,
        "visitors are sent to sign in"
    );
    // No form without its token.
    let forged = other
        .post_raw(
            "/chat",
            &[
                ("name", "Eve"),
                ("email", "eve@example.com"),
                ("body", "hi"),
            ],
        )
        .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn a_chat_from_an_order_page_is_linked_to_that_order_only_with_its_link() {
    let app = spawn_app().await;
    let (_, sku, slug) = product(&app);
    let order_url = paid_order(&app, &sku, &slug, "1").await;
    let order_page = app.get(&order_url).await;
    let chat_link = order_page
        .attr("a.order-chat", "href")
        .expect("a chat link");
    let form = app.get(&chat_link).await;
    let number = form
        .attr("form.chat-start input[name=order]", "value")
        .unwrap();
    let token = form.attr("form.chat-start input[name=t]", "value").unwrap();

    // A guest naming an order without its link is refused, with what they typed kept.
    let guess = app.another_browser();
    let refused = guess
        .post_form(
            "/chat",
            "/chat",
            &[
                ("name", "Mallory"),
                ("email", "m@example.com"),
                ("order", &number),
                ("t", "wrong"),
                ("body", "Cancel this order"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("main").contains("could not find that order"));
    assert_eq!(refused.text("#chat-body"), "Cancel this order");

    let started = app
        .post_form(
            "/chat",
            &chat_link,
            &[
                ("name", "Rut Retur"),
                ("email", "returning.guest@example.com"),
                ("order", &number),
                ("t", &token),
                ("body", "Can I add a second lamp?"),
            ],
        )
        .await;
    assert_eq!(started.status, 303);
    let page = app.get("/chat").await;
    assert_eq!(page.text(".chat-order a"), number);
    let sam = agent(&app, "support@duett.example").await;
    let id = chat_id(&app);
    let one = sam.get(&format!("/admin/chats/{id}")).await;
    assert_eq!(
        one.attr(".chat-facts a[href^='/admin/orders/']", "href"),
        Some(format!("/admin/orders/{number}"))
    );
}

#[tokio::test]
async fn two_agents_taking_one_chat_at_once_give_it_to_one_and_a_case_is_made_once() {
    let app = spawn_app().await;
    start_as_guest(&app, "Bo", "bo@example.com", "My chair arrived broken.").await;
    let id = chat_id(&app);
    let sam = agent(&app, "support@duett.example").await;
    let ann = agent(&app, "admin@duett.example").await;
    let path = format!("/admin/chats/{id}");
    let (t1, t2) = (sam.csrf_token(&path).await, ann.csrf_token(&path).await);
    // Both saw it waiting (`seen` = 0: nobody had it).
    let (f1, f2) = (
        [
            ("action", "take"),
            ("seen", "0"),
            ("csrf_token", t1.as_str()),
        ],
        [
            ("action", "take"),
            ("seen", "0"),
            ("csrf_token", t2.as_str()),
        ],
    );
    let (a, b) = tokio::join!(sam.post_raw(&path, &f1), ann.post_raw(&path, &f2));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [303, 422], "one takes it, the other is told");
    let taken: i64 = chat_messages::table
        .filter(chat_messages::event.eq("taken"))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(taken, 1);
    let (owner, other) = if a.status == 303 {
        (&sam, &ann)
    } else {
        (&ann, &sam)
    };
    // The other one may take it over, deliberately.
    let seen = other.get(&path).await;
    assert!(
        seen.text(".chat form.inline button")
            .contains("Take over from")
    );

    // A case from the chat: checked, then made once, the customer mailed its link.
    let bad = agent_act(
        owner,
        id,
        &[("action", "case"), ("kind", "nonsense"), ("subject", "ab")],
    )
    .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.text("#case-kind-error"),
        "Choose what the problem is about."
    );
    assert!(bad.text("#case-subject-error").contains("at least 3"));
    assert_eq!(bad.attr("#case-subject", "value").as_deref(), Some("ab"));
    let made = agent_act(
        owner,
        id,
        &[
            ("action", "case"),
            ("kind", "damaged"),
            ("subject", "Broken chair"),
        ],
    )
    .await;
    assert_eq!(made.status, 303);
    let (number, description, email): (String, String, String) = support_cases::table
        .inner_join(duett::db::schema::case_messages::table)
        .select((
            support_cases::number,
            duett::db::schema::case_messages::body,
            support_cases::email,
        ))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(
        description.contains("My chair arrived broken."),
        "{description}"
    );
    assert_eq!(email, "bo@example.com");
    let mailed: i64 = outbox::table
        .filter(outbox::to_address.eq("bo@example.com"))
        .filter(outbox::body_text.like(format!("%{number}%")))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(mailed, 1);
    let again = agent_act(
        owner,
        id,
        &[
            ("action", "case"),
            ("kind", "damaged"),
            ("subject", "Broken chair"),
        ],
    )
    .await;
    assert_eq!(again.status, 422);
    assert!(
        again
            .text("main")
            .contains("already been turned into a case")
    );
    assert_eq!(
        support_cases::table
            .count()
            .get_result::<i64>(&mut app.pool.get().unwrap())
            .unwrap(),
        1
    );
    // The customer reads the case from their chat.
    let page = app.get("/chat").await;
    let link = page.attr(".chat-case a", "href").expect("a case link");
    assert_eq!(app.get(&link).await.status, 200);
    // The agent ends the chat; the transcript goes out.
    assert_eq!(
        agent_act(owner, id, &[("action", "close")]).await.status,
        303
    );
    assert!(
        app.get("/chat")
            .await
            .text(".chat-lines")
            .contains("Customer service ended the chat.")
    );
    let audited: Vec<String> = audit_log::table
        .filter(audit_log::subject_type.eq("chat"))
        .select(audit_log::action)
        .order(audit_log::id)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(audited, ["chat_take", "chat_case", "chat_close"]);
}

#[tokio::test]
async fn a_company_user_links_a_chat_only_to_orders_they_placed() {
    let app = spawn_app().await;
    // Nordbygg's buyer places an order on invoice.
    crate::b2b_checkout::buyer_with_cart(&app).await;
    let placed = crate::b2b_checkout::place(&app, &[]).await;
    assert_eq!(placed.status, 303, "{}", placed.text("main"));
    let number: String = duett::db::schema::orders::table
        .select(duett::db::schema::orders::number)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    // The buyer is offered it.
    let form = app.get("/chat").await;
    assert_eq!(form.theme(), "b2b");
    assert!(
        form.attrs("#chat-order option", "value").contains(&number),
        "their own order is offered"
    );
    // A colleague (the company's approver) is not offered it and cannot name it.
    let approver = app.another_browser();
    approver.login("approver@nordbygg.example").await;
    let theirs = approver.get("/chat").await;
    assert!(
        !theirs
            .attrs("#chat-order option", "value")
            .contains(&number)
    );
    let refused = approver
        .post_form(
            "/chat",
            "/chat",
            &[("order", &number), ("body", "About this order")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("main").contains("could not find that order"));
    // The buyer can.
    let started = app
        .post_form(
            "/chat",
            "/chat",
            &[("order", &number), ("body", "Can it come Friday?")],
        )
        .await;
    assert_eq!(started.status, 303);
    assert_eq!(app.get("/chat").await.text(".chat-order a"), number);
}
