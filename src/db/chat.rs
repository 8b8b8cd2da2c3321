//! Live chat conversations and their messages. A customer reaches their conversation by its
//! token (kept in their session) or, signed in, by their account; agents by id. Every move is a
//! conditional update from the state it was read in, so two agents taking one chat, or a message
//! racing the end of a chat, resolve to one outcome.

use super::schema::{
    chat_conversations as chats, chat_messages, companies, orders, support_cases, users,
};
use super::{DbConn, DbError};
use crate::domain::chat::Status;
use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;

diesel::alias!(users as agents: AgentAlias);

/// A conversation as every page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct ChatRow {
    pub id: i64,
    pub token: String,
    pub user_id: Option<i64>,
    pub company_id: Option<i64>,
    pub company: Option<String>,
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    pub order_token: Option<String>,
    pub agent_user_id: Option<i64>,
    pub agent: Option<String>,
    pub status: String,
    pub case_id: Option<i64>,
    pub case_number: Option<String>,
    pub case_token: Option<String>,
    /// The guest's name, or the account's name when it was started.
    pub name: String,
    pub email: String,
    pub locale: String,
    pub taken_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ChatRow {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Closed)
    }
}

macro_rules! chat_query {
    () => {
        chats::table
            .left_join(companies::table)
            .left_join(orders::table)
            .left_join(support_cases::table)
            .left_join(agents.on(agents.field(users::id).nullable().eq(chats::agent_user_id)))
            .select((
                chats::id,
                chats::token,
                chats::user_id,
                chats::company_id,
                companies::name.nullable(),
                chats::order_id,
                orders::number.nullable(),
                orders::public_token.nullable(),
                chats::agent_user_id,
                agents.field(users::name).nullable(),
                chats::status,
                chats::case_id,
                support_cases::number.nullable(),
                support_cases::public_token.nullable(),
                chats::name,
                chats::email,
                chats::locale,
                chats::taken_at,
                chats::closed_at,
                chats::created_at,
                chats::updated_at,
            ))
    };
}

/// A message with its author's name; an event (`taken`, `closed`, `case`) has its detail in body.
#[derive(Debug, Clone, Queryable)]
pub struct MessageRow {
    pub id: i64,
    pub conversation_id: i64,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub from_agent: bool,
    pub event: Option<String>,
    pub body: String,
    pub created_at: NaiveDateTime,
}

macro_rules! message_query {
    () => {
        chat_messages::table
            .left_join(users::table.on(users::id.nullable().eq(chat_messages::author_user_id)))
            .select((
                chat_messages::id,
                chat_messages::conversation_id,
                chat_messages::author_user_id,
                users::name.nullable(),
                chat_messages::from_agent,
                chat_messages::event,
                chat_messages::body,
                chat_messages::created_at,
            ))
    };
}

/// A conversation as started.
#[derive(Debug, Clone)]
pub struct NewChat {
    pub user_id: Option<i64>,
    pub company_id: Option<i64>,
    pub order_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub locale: String,
    pub message: String,
    pub now: NaiveDateTime,
}

/// Starts a conversation with its first message; returns it and its token.
pub fn start(c: &mut DbConn, new: &NewChat) -> Result<(ChatRow, MessageRow), DbError> {
    let token = super::tokens::random_token();
    let id: i64 = diesel::insert_into(chats::table)
        .values((
            chats::token.eq(&token),
            chats::user_id.eq(new.user_id),
            chats::company_id.eq(new.company_id),
            chats::order_id.eq(new.order_id),
            chats::status.eq(Status::Waiting.code()),
            chats::name.eq(&new.name),
            chats::email.eq(&new.email),
            chats::locale.eq(&new.locale),
            chats::created_at.eq(new.now),
            chats::updated_at.eq(new.now),
        ))
        .returning(chats::id)
        .get_result(c)?;
    let message = insert_message(c, id, new.user_id, false, None, &new.message, new.now)?;
    let chat = by_id(c, id)?.ok_or(DbError::Query(diesel::result::Error::NotFound))?;
    Ok((chat, message))
}

fn insert_message(
    c: &mut DbConn,
    conversation: i64,
    author: Option<i64>,
    from_agent: bool,
    event: Option<&str>,
    body: &str,
    now: NaiveDateTime,
) -> Result<MessageRow, DbError> {
    let id: i64 = diesel::insert_into(chat_messages::table)
        .values((
            chat_messages::conversation_id.eq(conversation),
            chat_messages::author_user_id.eq(author),
            chat_messages::from_agent.eq(from_agent),
            chat_messages::event.eq(event),
            chat_messages::body.eq(body),
            chat_messages::created_at.eq(now),
        ))
        .returning(chat_messages::id)
        .get_result(c)?;
    Ok(message_query!().filter(chat_messages::id.eq(id)).first(c)?)
}

/// The line a conditional update earns: written when the update touched the one row, else
/// nothing (the conversation had moved on).
#[expect(
    clippy::too_many_arguments,
    reason = "one line's columns, passed straight through"
)]
fn line_if_moved(
    c: &mut DbConn,
    touched: usize,
    conversation: i64,
    author: Option<i64>,
    from_agent: bool,
    event: Option<&str>,
    body: &str,
    now: NaiveDateTime,
) -> Result<Option<MessageRow>, DbError> {
    if touched != 1 {
        return Ok(None);
    }
    insert_message(c, conversation, author, from_agent, event, body, now).map(Some)
}

pub fn by_id(c: &mut DbConn, id: i64) -> Result<Option<ChatRow>, DbError> {
    Ok(chat_query!().filter(chats::id.eq(id)).first(c).optional()?)
}

pub fn by_token(c: &mut DbConn, token: &str) -> Result<Option<ChatRow>, DbError> {
    if token.is_empty() {
        return Ok(None);
    }
    Ok(chat_query!()
        .filter(chats::token.eq(token))
        .first(c)
        .optional()?)
}

/// A signed-in person's chat that has not ended (so it follows them to another device).
pub fn open_for_user(c: &mut DbConn, user: i64) -> Result<Option<ChatRow>, DbError> {
    Ok(chat_query!()
        .filter(chats::user_id.eq(user))
        .filter(chats::status.ne(Status::Closed.code()))
        .order(chats::id.desc())
        .first(c)
        .optional()?)
}

/// The messages after `after` (0: all), oldest first, at most 500.
pub fn messages_after(
    c: &mut DbConn,
    conversation: i64,
    after: i64,
) -> Result<Vec<MessageRow>, DbError> {
    Ok(message_query!()
        .filter(chat_messages::conversation_id.eq(conversation))
        .filter(chat_messages::id.gt(after))
        .order(chat_messages::id.asc())
        .limit(500)
        .load(c)?)
}

/// Who writes a message.
#[derive(Debug, Clone, Copy)]
pub enum Writer {
    Customer {
        user: Option<i64>,
    },
    /// An agent, only in a chat that is theirs and active.
    Agent {
        user: i64,
    },
}

/// Writes a message if the conversation still allows it (not ended; for an agent: active and
/// theirs), in one conditional update; `None` when it does not.
pub fn write(
    c: &mut DbConn,
    conversation: i64,
    writer: Writer,
    body: &str,
    now: NaiveDateTime,
) -> Result<Option<MessageRow>, DbError> {
    let target = chats::table
        .filter(chats::id.eq(conversation))
        .filter(chats::status.ne(Status::Closed.code()));
    let (touched, author, from_agent) = match writer {
        Writer::Customer { user } => (
            diesel::update(target)
                .set(chats::updated_at.eq(now))
                .execute(c)?,
            user,
            false,
        ),
        Writer::Agent { user } => (
            diesel::update(
                target
                    .filter(chats::status.eq(Status::Active.code()))
                    .filter(chats::agent_user_id.eq(user)),
            )
            .set(chats::updated_at.eq(now))
            .execute(c)?,
            Some(user),
            true,
        ),
    };
    line_if_moved(
        c,
        touched,
        conversation,
        author,
        from_agent,
        None,
        body,
        now,
    )
}

/// An agent takes a chat that was `from` (waiting, or active with `from_agent`): true if this
/// call did it. The step lands in the conversation as a `taken` event.
pub fn take(
    c: &mut DbConn,
    conversation: i64,
    agent: i64,
    from: Status,
    from_agent: Option<i64>,
    now: NaiveDateTime,
) -> Result<Option<MessageRow>, DbError> {
    let target = chats::table
        .filter(chats::id.eq(conversation))
        .filter(chats::status.eq(from.code()));
    let changes = (
        chats::status.eq(Status::Active.code()),
        chats::agent_user_id.eq(Some(agent)),
        chats::taken_at.eq(Some(now)),
        chats::updated_at.eq(now),
    );
    let touched = match from_agent {
        Some(previous) => diesel::update(target.filter(chats::agent_user_id.eq(previous)))
            .set(changes)
            .execute(c)?,
        None => diesel::update(target.filter(chats::agent_user_id.is_null()))
            .set(changes)
            .execute(c)?,
    };
    line_if_moved(
        c,
        touched,
        conversation,
        Some(agent),
        true,
        Some("taken"),
        "",
        now,
    )
}

/// Ends a chat that has not ended; `by` is `customer` or `agent`. `None` if it had ended.
pub fn close(
    c: &mut DbConn,
    conversation: i64,
    author: Option<i64>,
    by_agent: bool,
    now: NaiveDateTime,
) -> Result<Option<MessageRow>, DbError> {
    let touched = diesel::update(
        chats::table
            .filter(chats::id.eq(conversation))
            .filter(chats::status.ne(Status::Closed.code())),
    )
    .set((
        chats::status.eq(Status::Closed.code()),
        chats::closed_at.eq(Some(now)),
        chats::updated_at.eq(now),
    ))
    .execute(c)?;
    line_if_moved(
        c,
        touched,
        conversation,
        author,
        by_agent,
        Some("closed"),
        if by_agent { "agent" } else { "customer" },
        now,
    )
}

/// Notes that the conversation became case `number` (once: a second call changes nothing).
pub fn link_case(
    c: &mut DbConn,
    conversation: i64,
    case_id: i64,
    number: &str,
    agent: i64,
    now: NaiveDateTime,
) -> Result<Option<MessageRow>, DbError> {
    let touched = diesel::update(
        chats::table
            .filter(chats::id.eq(conversation))
            .filter(chats::case_id.is_null()),
    )
    .set((chats::case_id.eq(Some(case_id)), chats::updated_at.eq(now)))
    .execute(c)?;
    line_if_moved(
        c,
        touched,
        conversation,
        Some(agent),
        true,
        Some("case"),
        number,
        now,
    )
}

/// How many chats that started before this one still wait for an agent.
pub fn waiting_before(c: &mut DbConn, chat: &ChatRow) -> Result<i64, DbError> {
    Ok(chats::table
        .filter(chats::status.eq(Status::Waiting.code()))
        .filter(chats::id.lt(chat.id))
        .count()
        .get_result(c)?)
}

/// Chats waiting for an agent (the dashboard's queue).
pub fn waiting_count(c: &mut DbConn) -> Result<i64, DbError> {
    Ok(chats::table
        .filter(chats::status.eq(Status::Waiting.code()))
        .count()
        .get_result(c)?)
}

/// The agents' view: waiting chats oldest first, active ones, and those ended since `since`
/// (newest first); each with its latest message (not an event). At most 100 of each.
pub struct Queue {
    pub waiting: Vec<ChatRow>,
    pub active: Vec<ChatRow>,
    pub ended: Vec<ChatRow>,
    pub latest: Vec<MessageRow>,
}

pub fn queue(c: &mut DbConn, since: NaiveDateTime) -> Result<Queue, DbError> {
    let waiting: Vec<ChatRow> = chat_query!()
        .filter(chats::status.eq(Status::Waiting.code()))
        .order(chats::id.asc())
        .limit(100)
        .load(c)?;
    let active: Vec<ChatRow> = chat_query!()
        .filter(chats::status.eq(Status::Active.code()))
        .order(chats::updated_at.desc())
        .limit(100)
        .load(c)?;
    let ended: Vec<ChatRow> = chat_query!()
        .filter(chats::status.eq(Status::Closed.code()))
        .filter(chats::updated_at.ge(since))
        .order(chats::updated_at.desc())
        .limit(100)
        .load(c)?;
    let ids: Vec<i64> = waiting
        .iter()
        .chain(&active)
        .chain(&ended)
        .map(|r| r.id)
        .collect();
    let latest_ids: Vec<Option<i64>> = chat_messages::table
        .filter(chat_messages::conversation_id.eq_any(&ids))
        .filter(chat_messages::event.is_null())
        .group_by(chat_messages::conversation_id)
        .select(max(chat_messages::id))
        .load(c)?;
    let latest_ids: Vec<i64> = latest_ids.into_iter().flatten().collect();
    let latest = message_query!()
        .filter(chat_messages::id.eq_any(&latest_ids))
        .load(c)?;
    Ok(Queue {
        waiting,
        active,
        ended,
        latest,
    })
}

/// An order a customer may link a chat to: one they placed (a company user: in the active
/// company), or one whose link token they hold. Returns its id.
pub fn order_for_chat(
    c: &mut DbConn,
    number: &str,
    token: &str,
    user: Option<i64>,
    company: Option<i64>,
) -> Result<Option<i64>, DbError> {
    let row: Option<(i64, Option<i64>, Option<i64>, String)> = orders::table
        .filter(orders::number.eq(number))
        .select((
            orders::id,
            orders::user_id,
            orders::company_id,
            orders::public_token,
        ))
        .first(c)
        .optional()?;
    Ok(row.and_then(|(id, owner, owner_company, order_token)| {
        let by_token = !token.is_empty() && token == order_token;
        // The person's own orders: in the active company for a company user, else outside any.
        let by_account = user.is_some() && owner == user && owner_company == company;
        (by_token || by_account).then_some(id)
    }))
}

/// A signed-in person's latest own orders (a company user's in the active company), to pick
/// the one the chat is about: (number, placed).
pub fn recent_orders(
    c: &mut DbConn,
    user: i64,
    company: Option<i64>,
) -> Result<Vec<(String, NaiveDateTime)>, DbError> {
    let q = orders::table
        .select((orders::number, orders::placed_at))
        .order(orders::id.desc())
        .limit(10)
        .into_boxed();
    let q = q.filter(orders::user_id.eq(user));
    let q = match company {
        Some(company) => q.filter(orders::company_id.eq(company)),
        None => q.filter(orders::company_id.is_null()),
    };
    Ok(q.load(c)?)
}
