//! E-mails the shop sends, composed in the recipient's language and queued in the outbox.

use crate::config::Environment;
use crate::db::{DbConn, DbError, outbox};
use crate::i18n::Locale;

/// A composed message.
#[derive(Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mail {
    /// "Confirm your e-mail address", with the single-use link.
    pub fn verify_email(locale: Locale, to: &str, name: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-verify-subject"),
            body: locale.t_args(
                "mail-verify-body",
                &[("name", name.to_string()), ("link", link.to_string())],
            ),
        }
    }

    /// "Someone tried to create an account with your address" (sent instead of revealing that the
    /// address is taken).
    pub fn account_exists(locale: Locale, to: &str, sign_in_link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-exists-subject"),
            body: locale.t_args("mail-exists-body", &[("link", sign_in_link.to_string())]),
        }
    }

    /// "Reset your password", with the single-use link.
    pub fn reset_password(locale: Locale, to: &str, name: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-reset-subject"),
            body: locale.t_args(
                "mail-reset-body",
                &[("name", name.to_string()), ("link", link.to_string())],
            ),
        }
    }

    /// "Thank you for your order", with the order's link (which works without signing in).
    pub fn order_confirmation(locale: Locale, to: &str, number: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args("mail-order-subject", &[("number", number.to_string())]),
            body: locale.t_args(
                "mail-order-body",
                &[("number", number.to_string()), ("link", link.to_string())],
            ),
        }
    }

    /// To an approver: an order waits for their decision.
    pub fn approval_requested(
        locale: Locale,
        to: &str,
        number: &str,
        requester: &str,
        amount: &str,
        link: &str,
    ) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args("mail-approval-subject", &[("number", number.to_string())]),
            body: locale.t_args(
                "mail-approval-body",
                &[
                    ("number", number.to_string()),
                    ("name", requester.to_string()),
                    ("amount", amount.to_string()),
                    ("link", link.to_string()),
                ],
            ),
        }
    }

    /// To the buyer: their order was approved (pay or wait for delivery) or rejected.
    pub fn approval_decided(
        locale: Locale,
        to: &str,
        number: &str,
        approved: bool,
        comment: &str,
        link: &str,
    ) -> Mail {
        let key = if approved { "approved" } else { "rejected" };
        Mail {
            to: to.to_string(),
            subject: locale.t_args(
                &format!("mail-approval-{key}-subject"),
                &[("number", number.to_string())],
            ),
            body: locale.t_args(
                &format!("mail-approval-{key}-body"),
                &[
                    ("number", number.to_string()),
                    ("comment", comment.to_string()),
                    ("link", link.to_string()),
                ],
            ),
        }
    }

    /// A quote moved: `what` is `requested`, `countered` or `message` (to the shop) or
    /// `answered`, `declined` or `message` (to the buyer); the link opens the quote.
    pub fn quote_update(locale: Locale, to: &str, what: &str, number: &str, link: &str) -> Mail {
        let args = [("number", number.to_string()), ("link", link.to_string())];
        Mail {
            to: to.to_string(),
            subject: locale.t_args(&format!("mail-quote-{what}-subject"), &args),
            body: locale.t_args(&format!("mail-quote-{what}-body"), &args),
        }
    }

    /// A live demo request moved: `what` is `requested` or `withdrawn` (to the shop),
    /// `received`, `scheduled` or `cancelled` (to the buyer). `args` fill in the number, the
    /// link and what the message names (company, topic, when, details, reason).
    pub fn demo_update(
        locale: Locale,
        to: &str,
        what: &str,
        args: &[(&'static str, String)],
    ) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args(&format!("mail-demo-{what}-subject"), args),
            body: locale.t_args(&format!("mail-demo-{what}-body"), args),
        }
    }

    /// A case moved: `what` is `opened`, `reply`, `resolved`, `closed`, `return` or `refund` (to
    /// the customer) or `new` or `customer-reply` (to customer service). `args` fill in the
    /// number, the link and what the message names (when, topic, details).
    pub fn case_update(
        locale: Locale,
        to: &str,
        what: &str,
        args: &[(&'static str, String)],
    ) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args(&format!("mail-case-{what}-subject"), args),
            body: locale.t_args(&format!("mail-case-{what}-body"), args),
        }
    }

    /// The transcript of a live chat that has ended.
    pub fn chat_transcript(locale: Locale, to: &str, name: &str, transcript: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-chat-subject"),
            body: locale.t_args(
                "mail-chat-body",
                &[
                    ("name", name.to_string()),
                    ("transcript", transcript.to_string()),
                ],
            ),
        }
    }

    /// "We have your return request", with the slip's link.
    pub fn return_received(locale: Locale, to: &str, number: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args("mail-return-subject", &[("number", number.to_string())]),
            body: locale.t_args(
                "mail-return-body",
                &[("number", number.to_string()), ("link", link.to_string())],
            ),
        }
    }

    /// "We have refunded part of order …" (from the order's page in admin).
    pub fn order_refunded(
        locale: Locale,
        to: &str,
        number: &str,
        details: &str,
        link: &str,
    ) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args(
                "mail-order-refunded-subject",
                &[("number", number.to_string())],
            ),
            body: locale.t_args(
                "mail-order-refunded-body",
                &[
                    ("number", number.to_string()),
                    ("details", details.to_string()),
                    ("link", link.to_string()),
                ],
            ),
        }
    }

    /// "It is back in stock" (the subject and body; the address comes from the wish).
    pub fn back_in_stock(locale: Locale, name: &str, link: &str) -> Mail {
        Mail {
            to: String::new(),
            subject: locale.t_args("mail-back-subject", &[("name", name.to_string())]),
            body: locale.t_args(
                "mail-back-body",
                &[("name", name.to_string()), ("link", link.to_string())],
            ),
        }
    }

    /// "We have your business application".
    pub fn application_received(locale: Locale, to: &str, name: &str, company: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-application-subject"),
            body: locale.t_args(
                "mail-application-body",
                &[("name", name.to_string()), ("company", company.to_string())],
            ),
        }
    }

    /// The invitation to set a password for a new business account.
    pub fn invitation(locale: Locale, to: &str, name: &str, company: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t_args(
                "mail-invitation-subject",
                &[("company", company.to_string())],
            ),
            body: locale.t_args(
                "mail-invitation-body",
                &[
                    ("name", name.to_string()),
                    ("company", company.to_string()),
                    ("link", link.to_string()),
                ],
            ),
        }
    }

    /// A new staff account: the role and the link to choose a password.
    pub fn staff_invitation(locale: Locale, to: &str, name: &str, role: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-staff-invitation-subject"),
            body: locale.t_args(
                "mail-staff-invitation-body",
                &[
                    ("name", name.to_string()),
                    ("role", role.to_string()),
                    ("link", link.to_string()),
                ],
            ),
        }
    }

    /// "Your application was not approved", with the reason.
    pub fn application_rejected(
        locale: Locale,
        to: &str,
        name: &str,
        company: &str,
        reason: &str,
    ) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-rejected-subject"),
            body: locale.t_args(
                "mail-rejected-body",
                &[
                    ("name", name.to_string()),
                    ("company", company.to_string()),
                    ("reason", reason.to_string()),
                ],
            ),
        }
    }

    /// "Confirm your new e-mail address", sent to the new address with the single-use link.
    pub fn confirm_new_email(locale: Locale, to: &str, name: &str, link: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-email-change-subject"),
            body: locale.t_args(
                "mail-email-change-body",
                &[("name", name.to_string()), ("link", link.to_string())],
            ),
        }
    }

    /// "Your address is about to change", sent to the old address so a hijack does not go unseen.
    pub fn email_changing(
        locale: Locale,
        to: &str,
        name: &str,
        new_email: &str,
        link: &str,
    ) -> Mail {
        Mail {
            to: to.to_string(),
            subject: locale.t("mail-email-changing-subject"),
            body: locale.t_args(
                "mail-email-changing-body",
                &[
                    ("name", name.to_string()),
                    ("email", new_email.to_string()),
                    ("link", link.to_string()),
                ],
            ),
        }
    }

    /// Queues the message (in the caller's transaction).
    pub fn enqueue(&self, conn: &mut DbConn) -> Result<i64, DbError> {
        outbox::enqueue(conn, &self.to, &self.subject, &self.body)
    }
}

/// Outside production there is no mail server: the log shows each queued message, links included.
pub fn log_queued(environment: Environment, mail: &Mail) {
    if environment != Environment::Production {
        tracing::info!(to = %mail.to, subject = %mail.subject, "e-mail queued:\n{}", mail.body);
    }
}
