//! Server-Sent Events: a conversation's messages as they are written (`message`, or `status`
//! for a step such as an agent joining or the chat ending), and the agents' queue changing
//! (`queue`). Each stream starts with what the database holds after the browser's last message
//! (`Last-Event-ID` on a reconnect, or `?after=`), then follows the hub, so nothing is lost
//! between the page and the stream or across a dropped connection. A comment every 20 s keeps
//! proxies from closing an idle stream.

use super::hub::{Event, Watch};
use crate::db::chat::MessageRow;
use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_ENCODING, HeaderValue};
use actix_web::web::Bytes;
use futures_util::stream::{self, Stream};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

const KEEP_ALIVE: Duration = Duration::from_secs(20);

/// `?after=`: the last message id the page has.
#[derive(serde::Deserialize)]
pub struct AfterQuery {
    pub after: Option<i64>,
}

/// The id of the last message the browser has: `Last-Event-ID` (a reconnect) or `?after=`.
pub fn last_seen(req: &actix_web::HttpRequest, after: Option<i64>) -> i64 {
    req.headers()
        .get("Last-Event-ID")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(after)
        .unwrap_or(0)
        .max(0)
}

/// One event; `data` may hold line breaks (each line is its own `data:` field).
pub fn frame(id: Option<i64>, kind: &str, data: &str) -> Bytes {
    let mut out = String::with_capacity(data.len() + 40);
    if let Some(id) = id {
        out.push_str(&format!("id: {id}\n"));
    }
    out.push_str("event: ");
    out.push_str(kind);
    out.push('\n');
    for line in data.split('\n') {
        out.push_str("data: ");
        out.push_str(line.trim_end_matches('\r'));
        out.push('\n');
    }
    out.push('\n');
    Bytes::from(out)
}

/// The response for a stream: never cached, never compressed (a compressor would hold the
/// events back until its buffer fills).
pub fn respond<S>(events: S) -> HttpResponse
where
    S: Stream<Item = Result<Bytes, Infallible>> + 'static,
{
    HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header((CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .insert_header((CONTENT_ENCODING, HeaderValue::from_static("identity")))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(events)
}

/// How a message is shown to this watcher: the HTML of its line.
pub type Render = Box<dyn Fn(&MessageRow) -> String>;

struct Conversation {
    backlog: VecDeque<MessageRow>,
    watch: Watch,
    last: i64,
    tick: tokio::time::Interval,
    render: Render,
    started: bool,
}

fn message_frame(m: &MessageRow, render: &Render) -> Bytes {
    let kind = if m.event.is_some() {
        "status"
    } else {
        "message"
    };
    frame(Some(m.id), kind, &render(m))
}

/// A conversation's events: the backlog (read after `watch` began, so nothing falls between
/// them), then each new message once.
pub fn conversation(
    watch: Watch,
    backlog: Vec<MessageRow>,
    after: i64,
    render: Render,
) -> impl Stream<Item = Result<Bytes, Infallible>> {
    let start = Conversation {
        backlog: backlog.into(),
        watch,
        last: after,
        tick: tokio::time::interval_at(tokio::time::Instant::now() + KEEP_ALIVE, KEEP_ALIVE),
        render,
        started: false,
    };
    stream::unfold(start, |mut st| async move {
        if !st.started {
            st.started = true;
            return Some((Ok(Bytes::from_static(b"retry: 3000\n\n")), st));
        }
        loop {
            if let Some(m) = st.backlog.pop_front() {
                if m.id > st.last {
                    st.last = m.id;
                    let out = message_frame(&m, &st.render);
                    return Some((Ok(out), st));
                }
                continue;
            }
            tokio::select! {
                received = st.watch.events.recv() => match received {
                    Ok(Event(m)) if m.id > st.last => {
                        st.last = m.id;
                        let out = message_frame(&m, &st.render);
                        return Some((Ok(out), st));
                    }
                    Ok(_) => continue,
                    // Fell behind: the page reloads what it missed from the database.
                    Err(RecvError::Lagged(_)) => {
                        return Some((Ok(frame(None, "reload", "")), st));
                    }
                    Err(RecvError::Closed) => return None,
                },
                _ = st.tick.tick() => {
                    return Some((Ok(Bytes::from_static(b": keep-alive\n\n")), st));
                }
            }
        }
    })
}

/// The agents' queue: an event whenever it changed.
pub fn queue(
    receiver: tokio::sync::broadcast::Receiver<()>,
) -> impl Stream<Item = Result<Bytes, Infallible>> {
    let tick = tokio::time::interval_at(tokio::time::Instant::now() + KEEP_ALIVE, KEEP_ALIVE);
    stream::unfold(
        (receiver, tick, false),
        |(mut rx, mut tick, started)| async move {
            if !started {
                return Some((Ok(Bytes::from_static(b"retry: 3000\n\n")), (rx, tick, true)));
            }
            tokio::select! {
                received = rx.recv() => match received {
                    Ok(()) | Err(RecvError::Lagged(_)) => {
                        Some((Ok(frame(None, "queue", "")), (rx, tick, true)))
                    }
                    Err(RecvError::Closed) => None,
                },
                _ = tick.tick() => Some((Ok(Bytes::from_static(b": keep-alive\n\n")), (rx, tick, true))),
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_puts_each_line_in_its_own_data_field() {
        assert_eq!(
            frame(Some(7), "message", "<li>a\nb</li>"),
            Bytes::from("id: 7\nevent: message\ndata: <li>a\ndata: b</li>\n\n")
        );
        assert_eq!(
            frame(None, "queue", ""),
            Bytes::from("event: queue\ndata: \n\n")
        );
    }
}
