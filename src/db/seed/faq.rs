//! The help centre's demo FAQ: questions and answers for consumers, companies and both.

use super::super::schema::*;
use super::super::{DbConn, DbError};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

pub fn seed(c: &mut DbConn, now: NaiveDateTime) -> Result<(), DbError> {
    // (slug, topic, audience, question, answer)
    let rows: [(&str, &str, &str, &str, &str); 16] = [
        (
            "how-fast-is-delivery",
            "delivery",
            "both",
            "How fast is delivery?",
            "Parcels leave our warehouse within one working day and arrive in 1–3 working days. \
             Each product page gives the delivery estimate, and the checkout lists every delivery \
             method with its price.",
        ),
        (
            "track-my-order",
            "delivery",
            "both",
            "How do I track my order?",
            "When your order ships you get an e-mail with the carrier's tracking number. Signed in, \
             open Your orders; as a guest, use the link in your order confirmation.",
        ),
        (
            "return-an-item",
            "returns",
            "b2c",
            "How do I return an item?",
            "You have 30 days' open purchase from delivery. Open the order, choose Return or \
             exchange items, pick the lines and the reason, and print the return slip.\n\nWe \
             refund to the card you paid with within five working days of receiving the return.",
        ),
        (
            "exchange-an-item",
            "returns",
            "b2c",
            "Can I exchange an item for another size or colour?",
            "Yes. Choose Exchange on the return form and the variant you want; we send it as soon \
             as your return arrives.",
        ),
        (
            "damaged-on-arrival",
            "returns",
            "both",
            "My delivery arrived damaged. What do I do?",
            "Take a photo of the damage and the packaging, then open the order and start a return \
             with the reason Damaged. We refund or send a replacement, as you choose.",
        ),
        (
            "ways-to-pay",
            "payment",
            "b2c",
            "How can I pay?",
            "By card in the checkout. The order is confirmed as soon as the payment goes through; \
             if it does not, nothing is charged and you can try again.",
        ),
        (
            "prices-incl-vat",
            "payment",
            "b2c",
            "Do prices include VAT?",
            "Yes, prices in the consumer shop include Swedish VAT (25, 12 or 6 %), and the checkout \
             shows the VAT per rate.",
        ),
        (
            "buy-without-account",
            "ordering",
            "b2c",
            "Can I order without an account?",
            "Yes, the checkout works as a guest. With an account you keep your addresses and see \
             every order in one place.",
        ),
        (
            "order-in-bulk",
            "ordering",
            "b2b",
            "How do we order many products at once?",
            "Use Quick order: type SKUs and quantities, paste lines from a spreadsheet, or upload a \
             CSV file of up to 10,000 lines. Every line is checked before anything is added to the \
             cart.",
        ),
        (
            "pay-on-invoice",
            "invoices",
            "b2b",
            "Can we pay on invoice?",
            "Yes. Companies with approved credit pay on invoice with their payment terms (for \
             example 30 days). The checkout tells you if an order would go over the credit left.",
        ),
        (
            "see-open-invoices",
            "invoices",
            "b2b",
            "Where do we see our invoices and open balance?",
            "Company admins see every invoice, its due date and the open balance under Invoices in \
             the company menu.",
        ),
        (
            "why-approval",
            "approvals",
            "b2b",
            "Why does my order need approval?",
            "Your company sets a limit per order and per month for each buyer. An order over it \
             goes to your company's approvers, who approve or reject it with a comment; you get an \
             e-mail either way.",
        ),
        (
            "change-an-order",
            "approvals",
            "b2b",
            "Can I change an order after placing it?",
            "Yes, until it is packed: open the order and choose Change order. If an approved order \
             is changed so that it needs approval again, it goes back to your approvers.",
        ),
        (
            "ask-for-a-quote",
            "quotes",
            "b2b",
            "How do we get a better price for a large order?",
            "Put the products in the cart and choose Request a quote. A sales representative \
             answers with prices and how long they are valid; you can accept or make a \
             counter-offer.",
        ),
        (
            "personal-data",
            "privacy",
            "both",
            "What do you do with my personal data?",
            "We use it only to deliver your orders and answer you, keep it as long as accounting \
             law requires, and never sell it. Ask customer service for a copy or to have it \
             erased.",
        ),
        (
            "accessibility-help",
            "accessibility",
            "both",
            "Can I use the shop with a screen reader or only a keyboard?",
            "Yes. Every page works by keyboard and with screen readers, without JavaScript and at \
             high zoom. If something does not work for you, tell us and we will fix it.",
        ),
    ];
    for (pos, (slug, topic, audience, question, answer)) in rows.into_iter().enumerate() {
        diesel::insert_into(content_pages::table)
            .values((
                content_pages::kind.eq("faq"),
                content_pages::slug.eq(slug),
                content_pages::title.eq(question),
                content_pages::summary.eq(""),
                content_pages::body_markdown.eq(answer),
                content_pages::audience.eq(audience),
                content_pages::topic.eq(topic),
                content_pages::position.eq(pos as i32),
                content_pages::published_at.eq(now - Duration::days(30)),
            ))
            .execute(c)?;
    }
    Ok(())
}
