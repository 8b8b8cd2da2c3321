//! Live chat: a conversation's states and who moves it, the checks on the form that starts one
//! and on a message, and the customer's place in the queue. Pure; `db::chat` stores it and
//! `web::chat` carries messages to the other side as they are written.
//!
//! ```text
//!            agent takes it              agent takes it over
//!   waiting ────────────────▶ active ◀──────────────┐
//!      │                        │ └─────────────────┘
//!      └──── either side ends ──┴──▶ closed (final; a new chat is a new conversation)
//! ```

use crate::domain::accounts::Email;

/// Characters in one message.
pub const MESSAGE_MAX: usize = 2000;
/// Characters in the subject of a case made from a chat.
pub const SUBJECT_MAX: usize = 120;
/// Characters in a guest's name.
pub const NAME_MAX: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Started, no agent yet.
    Waiting,
    /// An agent has it.
    Active,
    Closed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Waiting, Status::Active, Status::Closed];

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::Active => "active",
            Status::Closed => "closed",
        }
    }
}

/// Who is acting on a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Customer,
    /// A support agent; `assigned` is true when the conversation is theirs.
    Agent {
        assigned: bool,
    },
}

/// What someone does to a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Write a message.
    Write,
    /// An agent takes a waiting chat, or takes over another agent's.
    Take,
    /// End the chat.
    Close,
}

/// Why an action was refused, in words a person can act on (the message key's suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The chat has ended.
    Closed,
    /// An agent must take the chat before writing in it.
    NotTaken,
    /// The agent already has it.
    AlreadyYours,
    /// Customers do not take chats.
    NotAllowed,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::Closed => "chat-refused-closed",
            Refusal::NotTaken => "chat-refused-not-taken",
            Refusal::AlreadyYours => "chat-refused-yours",
            Refusal::NotAllowed => "chat-refused-not-allowed",
        }
    }
}

/// The status a conversation has after `action` by `side`, or why it may not be done. Writing
/// leaves the status as it is; a customer may write while waiting (the agent who takes the
/// chat reads it all), an agent only in a chat that is theirs.
pub fn next(status: Status, side: Side, action: Action) -> Result<Status, Refusal> {
    use {Action::*, Side::*, Status::*};
    match (status, side, action) {
        (Closed, _, _) => Err(Refusal::Closed),
        (_, Customer, Write) => Ok(status),
        (_, Customer, Take) => Err(Refusal::NotAllowed),
        (_, _, Close) => Ok(Closed),
        (Waiting, Agent { .. }, Take) => Ok(Active),
        (Waiting, Agent { .. }, Write) => Err(Refusal::NotTaken),
        (Active, Agent { assigned: true }, Take) => Err(Refusal::AlreadyYours),
        (Active, Agent { assigned: false }, Take) => Ok(Active),
        (Active, Agent { assigned }, Write) if assigned => Ok(Active),
        (Active, Agent { .. }, Write) => Err(Refusal::NotTaken),
    }
}

/// Why a message or the start form was refused (the message key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    MessageEmpty,
    MessageLong,
    NameMissing,
    NameLong,
    Email,
    SubjectShort,
    SubjectLong,
}

impl Problem {
    pub fn key(self) -> &'static str {
        match self {
            Problem::MessageEmpty => "chat-message-empty",
            Problem::MessageLong => "chat-message-long",
            Problem::NameMissing => "chat-name-missing",
            Problem::NameLong => "chat-name-long",
            Problem::Email => "chat-email-invalid",
            Problem::SubjectShort => "chat-subject-short",
            Problem::SubjectLong => "chat-subject-long",
        }
    }

    /// The form field the problem belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Problem::MessageEmpty | Problem::MessageLong => "body",
            Problem::NameMissing | Problem::NameLong => "name",
            Problem::Email => "email",
            Problem::SubjectShort | Problem::SubjectLong => "subject",
        }
    }
}

/// A message as it will be stored: trimmed, line ends as `\n`, control characters other than
/// line breaks and tabs dropped. It is plain text: shown escaped, never read as HTML.
pub fn check_message(typed: &str) -> Result<String, Problem> {
    let body: String = typed
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let body = body.trim();
    match body.chars().count() {
        0 => Err(Problem::MessageEmpty),
        n if n > MESSAGE_MAX => Err(Problem::MessageLong),
        _ => Ok(body.to_string()),
    }
}

/// The subject an agent gives a case made from a chat: 3 to 120 characters.
pub fn check_subject(typed: &str) -> Result<String, Problem> {
    let subject = typed.trim();
    match subject.chars().count() {
        0..3 => Err(Problem::SubjectShort),
        n if n > SUBJECT_MAX => Err(Problem::SubjectLong),
        _ => Ok(subject.to_string()),
    }
}

/// Who starts a chat: a signed-in person is known by their account; a guest gives a name and an
/// address so the agent can answer by e-mail once the chat has ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Starter {
    SignedIn,
    Guest { name: String, email: Email },
}

/// A chat as started: who, and the first message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub starter: Starter,
    pub message: String,
}

/// Checks the start form as a whole: every problem at once.
pub fn check_start(
    signed_in: bool,
    name: &str,
    email: &str,
    message: &str,
) -> Result<Start, Vec<Problem>> {
    let mut problems = Vec::new();
    let starter = if signed_in {
        Some(Starter::SignedIn)
    } else {
        let name: String = name.chars().filter(|c| !c.is_control()).collect();
        let name = name.trim();
        let name_ok = match name.chars().count() {
            0 => {
                problems.push(Problem::NameMissing);
                false
            }
            n if n > NAME_MAX => {
                problems.push(Problem::NameLong);
                false
            }
            _ => true,
        };
        let email = Email::parse(email).map_err(|_| problems.push(Problem::Email));
        match (name_ok, email) {
            (true, Ok(email)) => Some(Starter::Guest {
                name: name.to_string(),
                email,
            }),
            _ => None,
        }
    };
    let message = check_message(message).map_err(|p| problems.push(p));
    match (starter, message) {
        (Some(starter), Ok(message)) if problems.is_empty() => Ok(Start { starter, message }),
        _ => Err(problems),
    }
}

/// The customer's place in the queue: 1 + the chats that started earlier and still wait.
pub fn queue_position(waiting_before: i64) -> i64 {
    waiting_before.max(0) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Status::*;

    const MINE: Side = Side::Agent { assigned: true };
    const OTHERS: Side = Side::Agent { assigned: false };

    #[test]
    fn who_moves_a_conversation_where() {
        let cases = [
            (Waiting, Side::Customer, Write, Ok(Waiting)),
            (Waiting, Side::Customer, Take, Err(Refusal::NotAllowed)),
            (Waiting, Side::Customer, Close, Ok(Closed)),
            (Waiting, OTHERS, Take, Ok(Active)),
            (Waiting, OTHERS, Write, Err(Refusal::NotTaken)),
            (Waiting, OTHERS, Close, Ok(Closed)),
            (Active, Side::Customer, Write, Ok(Active)),
            (Active, Side::Customer, Close, Ok(Closed)),
            (Active, MINE, Write, Ok(Active)),
            (Active, MINE, Take, Err(Refusal::AlreadyYours)),
            (Active, MINE, Close, Ok(Closed)),
            (Active, OTHERS, Write, Err(Refusal::NotTaken)),
            (Active, OTHERS, Take, Ok(Active)),
            (Active, OTHERS, Close, Ok(Closed)),
            (Closed, Side::Customer, Write, Err(Refusal::Closed)),
            (Closed, MINE, Write, Err(Refusal::Closed)),
            (Closed, OTHERS, Take, Err(Refusal::Closed)),
            (Closed, Side::Customer, Close, Err(Refusal::Closed)),
        ];
        for (status, side, action, want) in cases {
            assert_eq!(
                next(status, side, action),
                want,
                "{status:?} {side:?} {action:?}"
            );
        }
    }

    #[test]
    fn a_message_is_plain_trimmed_text_within_the_limit() {
        let long = "a".repeat(MESSAGE_MAX + 1);
        let full = "å".repeat(MESSAGE_MAX);
        let cases: [(&str, Result<&str, Problem>); 8] = [
            ("  Hello  ", Ok("Hello")),
            ("line one\r\nline two", Ok("line one\nline two")),
            ("bell\u{7} and nul\u{0}", Ok("bell and nul")),
            ("<b>bold</b>", Ok("<b>bold</b>")),
            ("", Err(Problem::MessageEmpty)),
            (" \n\t ", Err(Problem::MessageEmpty)),
            (&long, Err(Problem::MessageLong)),
            (&full, Ok(&full)),
        ];
        for (typed, want) in cases {
            assert_eq!(
                check_message(typed).as_deref(),
                want.as_deref(),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn the_start_form_is_checked_as_a_whole() {
        let ok_guest = check_start(false, " Ada ", "ADA@example.com", "Where is my order?");
        assert_eq!(
            ok_guest,
            Ok(Start {
                starter: Starter::Guest {
                    name: "Ada".into(),
                    email: Email::parse("ada@example.com").unwrap_or_else(|_| unreachable!()),
                },
                message: "Where is my order?".into(),
            })
        );
        let cases: [(bool, &str, &str, &str, Vec<Problem>); 6] = [
            (
                false,
                "",
                "nope",
                "",
                vec![Problem::NameMissing, Problem::Email, Problem::MessageEmpty],
            ),
            (
                false,
                &"x".repeat(81),
                "a@b.se",
                "hi",
                vec![Problem::NameLong],
            ),
            (false, "Ada", "a@b.se", " ", vec![Problem::MessageEmpty]),
            (false, "\u{7}", "a@b.se", "hi", vec![Problem::NameMissing]),
            (true, "", "", "", vec![Problem::MessageEmpty]),
            (true, "", "", &"y".repeat(2001), vec![Problem::MessageLong]),
        ];
        for (signed_in, name, email, message, want) in cases {
            assert_eq!(
                check_start(signed_in, name, email, message),
                Err(want),
                "{name:?} {email:?} {message:?}"
            );
        }
        assert!(matches!(
            check_start(true, "ignored", "ignored", "Hi"),
            Ok(Start {
                starter: Starter::SignedIn,
                ..
            })
        ));
    }

    #[test]
    fn a_case_subject_is_three_to_a_hundred_and_twenty_characters() {
        let long = "s".repeat(SUBJECT_MAX + 1);
        let cases: [(&str, Result<&str, Problem>); 4] = [
            (" Broken lamp ", Ok("Broken lamp")),
            ("ab", Err(Problem::SubjectShort)),
            ("   ", Err(Problem::SubjectShort)),
            (&long, Err(Problem::SubjectLong)),
        ];
        for (typed, want) in cases {
            assert_eq!(
                check_subject(typed).as_deref(),
                want.as_deref(),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn the_queue_counts_from_one() {
        assert_eq!(queue_position(0), 1);
        assert_eq!(queue_position(3), 4);
        assert_eq!(queue_position(-1), 1);
    }
}
