//! Carries what is written in a conversation to everyone watching it right now: the customer's
//! tabs and the agents who have it open (each an event stream, `stream.rs`), and tells the
//! agents' queue page when the queue changed. One `tokio::sync::broadcast` channel per watched
//! conversation, made when the first watcher comes and dropped when the last one goes, so an
//! idle connection costs one receiver and nothing runs for it.
//!
//! It lives in this process: a shop run as several processes would put the same publish calls
//! behind Postgres `LISTEN/NOTIFY` or Redis. Nothing is lost either way, as every stream starts
//! with what the database holds after the last message the browser has.

use crate::db::chat::MessageRow;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::broadcast;

/// Messages a slow watcher may fall behind by before it is told to reload.
const ROOM_BUFFER: usize = 64;

/// What happened in a conversation.
#[derive(Debug, Clone)]
pub struct Event(pub Arc<MessageRow>);

#[derive(Default)]
pub struct Hub {
    rooms: Mutex<HashMap<i64, broadcast::Sender<Event>>>,
    queue: Mutex<Option<broadcast::Sender<()>>>,
}

/// A watcher of one conversation; leaving (drop) removes the room when it was the last one.
pub struct Watch {
    pub events: broadcast::Receiver<Event>,
    hub: Arc<Hub>,
    conversation: i64,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let mut rooms = self.hub.rooms.lock();
        // This receiver still counts while it is being dropped.
        if rooms
            .get(&self.conversation)
            .is_some_and(|tx| tx.receiver_count() <= 1)
        {
            rooms.remove(&self.conversation);
        }
    }
}

impl Hub {
    /// Starts watching a conversation.
    pub fn watch(self: &Arc<Self>, conversation: i64) -> Watch {
        let events = self
            .rooms
            .lock()
            .entry(conversation)
            .or_insert_with(|| broadcast::channel(ROOM_BUFFER).0)
            .subscribe();
        Watch {
            events,
            hub: Arc::clone(self),
            conversation,
        }
    }

    /// Hands a message just stored to the conversation's watchers (none: nothing happens).
    pub fn publish(&self, message: MessageRow) {
        let rooms = self.rooms.lock();
        if let Some(tx) = rooms.get(&message.conversation_id) {
            let _ = tx.send(Event(Arc::new(message)));
        }
    }

    /// Starts watching the agents' queue.
    pub fn watch_queue(&self) -> broadcast::Receiver<()> {
        self.queue
            .lock()
            .get_or_insert_with(|| broadcast::channel(16).0)
            .subscribe()
    }

    /// The queue changed: a chat started, was taken or ended, or a customer wrote.
    pub fn queue_changed(&self) {
        if let Some(tx) = self.queue.lock().as_ref() {
            let _ = tx.send(());
        }
    }

    /// Conversations watched right now.
    #[cfg(test)]
    fn rooms(&self) -> usize {
        self.rooms.lock().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(conversation: i64, id: i64) -> MessageRow {
        MessageRow {
            id,
            conversation_id: conversation,
            author_id: None,
            author: None,
            from_agent: false,
            event: None,
            body: "hi".into(),
            created_at: chrono::NaiveDateTime::default(),
        }
    }

    #[tokio::test]
    async fn watchers_of_a_conversation_get_its_messages_only_and_rooms_go_with_them() {
        let hub = Arc::new(Hub::default());
        let mut a = hub.watch(1);
        let mut b = hub.watch(1);
        let mut other = hub.watch(2);
        assert_eq!(hub.rooms(), 2);
        hub.publish(message(1, 10));
        assert_eq!(a.events.recv().await.map(|e| e.0.id).ok(), Some(10));
        assert_eq!(b.events.recv().await.map(|e| e.0.id).ok(), Some(10));
        assert!(other.events.try_recv().is_err());
        drop(a);
        assert_eq!(hub.rooms(), 2, "b still watches 1");
        drop(b);
        drop(other);
        assert_eq!(hub.rooms(), 0);
        hub.publish(message(1, 11));
        assert_eq!(hub.rooms(), 0, "publishing to nobody makes no room");
    }
}
