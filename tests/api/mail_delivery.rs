//! Delivery of the outbox over SMTP: a tiny SMTP server in the test receives what the shop sends,
//! and the outbox records it as sent. A refusing server leaves the message queued for a retry.

use crate::helpers::{TestApp, spawn_app_with};
use diesel::prelude::*;
use duett::db::schema::outbox;
use secrecy::SecretString;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// What the fake server received: (recipients, raw message).
type Inbox = Arc<Mutex<Vec<(Vec<String>, String)>>>;

/// Starts an SMTP server on a random port that accepts (or, with `refuse`, answers every
/// recipient with a temporary error).
async fn smtp_server(refuse: bool) -> (u16, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox: Inbox = Arc::default();
    let shared = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let inbox = shared.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut recipients = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") {
                        b"250-sink\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("RCPT") && refuse {
                        b"451 try again later\r\n"
                    } else if upper.starts_with("RCPT") {
                        recipients.push(line[8..].trim().to_string());
                        b"250 ok\r\n"
                    } else if upper.starts_with("DATA") {
                        let _ = write.write_all(b"354 go on\r\n").await;
                        let mut body = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            body.push_str(&l);
                            body.push('\n');
                        }
                        inbox
                            .lock()
                            .unwrap()
                            .push((std::mem::take(&mut recipients), body));
                        b"250 queued\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (port, inbox)
}

async fn app_sending_to(port: u16) -> TestApp {
    spawn_app_with(|s| {
        s.mail.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
        s.mail.poll_seconds = 1;
    })
    .await
}

async fn request_reset(app: &TestApp, email: &str) {
    let res = app
        .post_form("/password/forgot", "/password/forgot", &[("email", email)])
        .await;
    assert_eq!(res.status, 303);
}

fn status_of_last(app: &TestApp, to: &str) -> (String, i32, Option<String>) {
    outbox::table
        .filter(outbox::to_address.eq(to))
        .order(outbox::id.desc())
        .select((outbox::status, outbox::attempts, outbox::last_error))
        .first(&mut app.pool.get().unwrap())
        .unwrap()
}

/// Waits (up to 15 s) until `done` holds.
async fn eventually(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..150 {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn queued_mail_is_delivered_over_smtp_and_marked_sent() {
    let (port, inbox) = smtp_server(false).await;
    let app = app_sending_to(port).await;
    request_reset(&app, "erik@example.com").await;
    let arrived = eventually(|| !inbox.lock().unwrap().is_empty()).await;
    assert!(arrived, "the message reached the SMTP server");
    let (recipients, raw) = inbox.lock().unwrap()[0].clone();
    assert_eq!(recipients, vec!["<erik@example.com>".to_string()]);
    assert!(
        raw.contains("From: Duett <no-reply@duett.example>"),
        "{raw}"
    );
    assert!(raw.contains("/password/reset?token="), "{raw}");
    let sent = eventually(|| status_of_last(&app, "erik@example.com").0 == "sent").await;
    assert!(sent, "{:?}", status_of_last(&app, "erik@example.com"));
    let (_, attempts, error) = status_of_last(&app, "erik@example.com");
    assert_eq!((attempts, error), (1, None));
    // Staff see it as sent in the admin outbox.
    let support = app.another_browser();
    support.login("support@duett.example").await;
    let page = support.get("/admin/outbox?to=erik@example.com").await;
    assert_eq!(
        page.text("table.data tbody td:nth-child(4)"),
        "Sent · 1 attempt"
    );
}

#[tokio::test]
async fn a_refusing_server_leaves_the_message_queued_for_a_retry() {
    let (port, inbox) = smtp_server(true).await;
    let app = app_sending_to(port).await;
    request_reset(&app, "maja@example.com").await;
    let tried = eventually(|| status_of_last(&app, "maja@example.com").2.is_some()).await;
    assert!(tried, "{:?}", status_of_last(&app, "maja@example.com"));
    let (status, attempts, error) = status_of_last(&app, "maja@example.com");
    assert_eq!(status, "queued", "a temporary refusal is retried later");
    assert_eq!(attempts, 1);
    assert!(error.unwrap().contains("451"));
    assert!(inbox.lock().unwrap().is_empty());
}
