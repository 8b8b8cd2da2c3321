//! Delivers the outbox over SMTP (lettre). A background task started with the server takes due
//! messages, claims each for one attempt (so two processes never send the same message at once),
//! sends it and records the result; a failure is retried with a growing delay, and after
//! `mail.max_attempts` (or a permanent SMTP refusal) the message is marked failed for staff to
//! see in the admin outbox. Without `mail.smtp_url` nothing is started and messages stay queued.

use crate::config::MailSettings;
use crate::db::{self, Pool, outbox};
use chrono::{Duration, NaiveDateTime, Utc};
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

/// How long a claimed message is held before another sender may retry it (a crash mid-send).
const LEASE_MINUTES: i64 = 5;
/// Messages taken per round.
const BATCH: i64 = 20;

/// The wait before attempt `attempts + 1`, or `None` when `attempts` is the last one allowed.
pub fn retry_delay(attempts: i32, max_attempts: i32) -> Option<Duration> {
    if attempts >= max_attempts {
        return None;
    }
    Some(match attempts {
        ..=1 => Duration::minutes(1),
        2 => Duration::minutes(5),
        3 => Duration::minutes(30),
        4 => Duration::hours(2),
        _ => Duration::hours(6),
    })
}

/// Why one attempt did not deliver.
#[derive(Debug)]
struct Failure {
    message: String,
    /// Retrying cannot help (a malformed address, a permanent SMTP refusal).
    permanent: bool,
}

/// Starts the sender when SMTP is configured. Fails only on an unusable URL or sender address.
pub fn start(pool: Pool, settings: &MailSettings) -> anyhow::Result<bool> {
    let Some(url) = &settings.smtp_url else {
        return Ok(false);
    };
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
        .map_err(|e| anyhow::anyhow!("mail.smtp_url is not usable: {e}"))?
        .timeout(Some(std::time::Duration::from_secs(20)))
        .build();
    let from: Mailbox = settings
        .from
        .parse()
        .map_err(|e| anyhow::anyhow!("mail.from {:?} is not an address: {e}", settings.from))?;
    let sender = Sender {
        pool,
        transport,
        from,
        max_attempts: settings.max_attempts,
    };
    let every = std::time::Duration::from_secs(settings.poll_seconds.max(1));
    tokio::spawn(async move {
        loop {
            if let Err(e) = sender.round().await {
                tracing::warn!(error = %e, "mail delivery round failed");
            }
            tokio::time::sleep(every).await;
        }
    });
    Ok(true)
}

struct Sender {
    pool: Pool,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    max_attempts: i32,
}

impl Sender {
    /// Sends what is due; returns after one batch.
    async fn round(&self) -> Result<(), db::DbError> {
        let now = Utc::now().naive_utc();
        let due = db::run(&self.pool, move |c| outbox::due(c, now, BATCH)).await?;
        for message in due {
            let claimed = message.clone();
            let lease = Duration::minutes(LEASE_MINUTES);
            let mine =
                db::run_write(&self.pool, move |c| outbox::claim(c, &claimed, now, lease)).await?;
            if !mine {
                continue;
            }
            let result = self.send(&message).await;
            let done = Utc::now().naive_utc();
            let id = message.id;
            match result {
                Ok(()) => {
                    db::run_write(&self.pool, move |c| outbox::mark_sent(c, id, done)).await?;
                    tracing::info!(outbox_id = id, "e-mail sent");
                }
                Err(failure) => {
                    let attempts = message.attempts + 1;
                    let retry_at = retry_at(&failure, attempts, self.max_attempts, done);
                    tracing::warn!(outbox_id = id, attempts, error = %failure.message, retry = ?retry_at, "e-mail not sent");
                    db::run_write(&self.pool, move |c| {
                        outbox::mark_attempt_failed(c, id, &failure.message, retry_at)
                    })
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn send(&self, message: &outbox::Due) -> Result<(), Failure> {
        let to: Mailbox = message.to_address.parse().map_err(|e| Failure {
            message: format!("recipient {:?}: {e}", message.to_address),
            permanent: true,
        })?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(message.body_text.clone())
            .map_err(|e| Failure {
                message: e.to_string(),
                permanent: true,
            })?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| Failure {
                permanent: e.is_permanent(),
                message: e.to_string(),
            })
    }
}

fn retry_at(
    failure: &Failure,
    attempts: i32,
    max_attempts: i32,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    if failure.permanent {
        return None;
    }
    retry_delay(attempts, max_attempts).map(|d| now + d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_stop_at_the_limit() {
        let cases = [
            (1, 6, Some(Duration::minutes(1))),
            (2, 6, Some(Duration::minutes(5))),
            (3, 6, Some(Duration::minutes(30))),
            (4, 6, Some(Duration::hours(2))),
            (5, 6, Some(Duration::hours(6))),
            (6, 6, None),
            (7, 6, None),
            (1, 1, None),
        ];
        for (attempts, max, expected) in cases {
            assert_eq!(retry_delay(attempts, max), expected, "{attempts} of {max}");
        }
    }

    #[test]
    fn a_permanent_failure_is_not_retried() {
        let now = Utc::now().naive_utc();
        let permanent = Failure {
            message: "550 no such user".into(),
            permanent: true,
        };
        let transient = Failure {
            message: "421 try later".into(),
            permanent: false,
        };
        assert_eq!(retry_at(&permanent, 1, 6, now), None);
        assert_eq!(
            retry_at(&transient, 1, 6, now),
            Some(now + Duration::minutes(1))
        );
    }
}
