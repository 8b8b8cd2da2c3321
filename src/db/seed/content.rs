//! Demo promotions, testimonials, targeted B2B content and a few reviews.

#![expect(clippy::type_complexity, reason = "demo data rows read best as tuples")]

use super::super::schema::*;
use super::super::{DbConn, DbError};
use super::people::People;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

pub fn seed(
    c: &mut DbConn,
    product_ids: &[i64],
    people: &People,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    promotions(c, now)?;
    testimonials(c)?;
    pages(c, product_ids, now)?;
    super::faq::seed(c, now)?;
    reviews(c, product_ids, people)?;
    Ok(())
}

fn promotions(c: &mut DbConn, now: NaiveDateTime) -> Result<(), DbError> {
    // (kind, title, body, link, label, audience, starts in days, ends in days, priority)
    let rows: [(&str, &str, &str, &str, &str, &str, i64, Option<i64>, i32); 6] = [
        (
            "banner",
            "Winter tool week: up to 25 % off",
            "Cordless drills, drivers and grinders for the season's projects. Ends Sunday.",
            "/categories/power-tools",
            "Shop power tools",
            "everyone",
            -2,
            Some(5),
            30,
        ),
        (
            "banner",
            "A calmer home office",
            "Ergonomic chairs and sit-stand desks, delivered in 1–3 days.",
            "/categories/office-chairs",
            "See office chairs",
            "consumers",
            -10,
            Some(20),
            20,
        ),
        (
            "banner",
            "Members get free delivery",
            "Sign in and get free home delivery on every order this month.",
            "/login",
            "Sign in",
            "signed_in",
            -1,
            Some(29),
            10,
        ),
        (
            "banner",
            "Spring garden preview",
            "Next season's outdoor range — coming soon.",
            "/",
            "Preview",
            "everyone",
            30,
            Some(60),
            40,
        ),
        (
            "banner",
            "Black Week is over",
            "Thanks for shopping with us.",
            "/",
            "Shop now",
            "everyone",
            -40,
            Some(-2),
            50,
        ),
        (
            "banner",
            "Net 60 for framework customers",
            "Invoice on 60 days for orders over 50 000 kr excl. VAT this quarter.",
            "/categories/construction",
            "Order for your sites",
            "companies",
            -5,
            Some(60),
            30,
        ),
    ];
    for (kind, title, body, link, label, audience, start, end, priority) in rows {
        diesel::insert_into(promotions::table)
            .values((
                promotions::kind.eq(kind),
                promotions::title.eq(title),
                promotions::body.eq(body),
                promotions::link_url.eq(link),
                promotions::link_label.eq(label),
                promotions::audience.eq(audience),
                promotions::starts_at.eq(now + Duration::days(start)),
                promotions::ends_at.eq(end.map(|d| now + Duration::days(d))),
                promotions::priority.eq(priority),
            ))
            .execute(c)?;
    }
    Ok(())
}

fn testimonials(c: &mut DbConn) -> Result<(), DbError> {
    let rows = [
        (
            "b2c",
            "Maria, Uppsala",
            "Home renovator",
            "Ordered on Sunday evening, the drill was at my door on Tuesday. Easy returns too.",
            5,
        ),
        (
            "b2c",
            "Jonas, Malmö",
            "Works from home",
            "The chair advice in chat was spot on — my back thanks you.",
            5,
        ),
        (
            "b2c",
            "Leila, Umeå",
            "Café owner",
            "Clear prices with VAT, and the mugs survived our dishwasher for a year.",
            4,
        ),
        (
            "b2b",
            "Nordbygg AB",
            "Purchasing manager",
            "Quick order by SKU and invoice on 30 days saves our site managers hours every week.",
            5,
        ),
        (
            "b2b",
            "Kontorsgruppen i Lund",
            "Office manager",
            "Approvals with spending limits mean our team can order without chasing me.",
            5,
        ),
    ];
    for (pos, (audience, author, role, quote, rating)) in rows.into_iter().enumerate() {
        diesel::insert_into(testimonials::table)
            .values((
                testimonials::audience.eq(audience),
                testimonials::author.eq(author),
                testimonials::role.eq(role),
                testimonials::quote.eq(quote),
                testimonials::rating.eq(rating as i16),
                testimonials::position.eq(pos as i32),
            ))
            .execute(c)?;
    }
    Ok(())
}

fn pages(c: &mut DbConn, product_ids: &[i64], now: NaiveDateTime) -> Result<(), DbError> {
    // (kind, slug, title, summary, industry, role, video)
    let rows: [(&str, &str, &str, &str, Option<&str>, Option<&str>, bool); 15] = [
        (
            "demo",
            "demo-cordless-system",
            "Live demo: one battery system for the whole site",
            "See how one 18 V platform runs drills, saws and lights — and what it saves per crew.",
            Some("construction"),
            None,
            true,
        ),
        (
            "demo",
            "demo-sit-stand-desks",
            "Demo: setting up sit-stand workstations",
            "A five-minute walk-through of desk, chair and screen ergonomics for a team of twenty.",
            Some("office"),
            None,
            true,
        ),
        (
            "demo",
            "demo-professional-kitchen",
            "Demo: the induction-ready kitchen",
            "Which pans, pots and trays work on induction, shown on a working line.",
            Some("hospitality"),
            None,
            true,
        ),
        (
            "guide",
            "guide-choosing-fasteners",
            "Buying guide: choosing screws for every material",
            "Wood, plasterboard, concrete: thread, drive and coating explained with a quick table.",
            Some("construction"),
            None,
            false,
        ),
        (
            "guide",
            "guide-ppe-requirements",
            "Buying guide: PPE requirements on Swedish sites",
            "What AFS 2023 asks of helmets, hi-vis and hearing protection — and what to stock.",
            Some("construction"),
            Some("admin"),
            false,
        ),
        (
            "guide",
            "guide-ergonomic-office",
            "Buying guide: an ergonomic office on a budget",
            "Where to spend and where to save when furnishing for hybrid work.",
            Some("office"),
            None,
            false,
        ),
        (
            "guide",
            "guide-approval-limits",
            "Guide: setting spending limits that work",
            "How approvers and buyers split the work without slowing orders down.",
            None,
            Some("approver"),
            false,
        ),
        (
            "case_study",
            "case-nordbygg-quick-order",
            "Case study: Nordbygg cut ordering time by 60 %",
            "How a 40-person builder moved site orders to SKU lists and monthly invoicing.",
            Some("construction"),
            None,
            false,
        ),
        (
            "case_study",
            "case-lund-office-move",
            "Case study: furnishing a 120-desk office in three weeks",
            "Quotes, approvals and staged deliveries for an office move in Lund.",
            Some("office"),
            None,
            false,
        ),
        (
            "case_study",
            "case-restaurant-opening",
            "Case study: opening a restaurant kitchen on time",
            "From quote to installed line: how Smakbyrån equipped two kitchens.",
            Some("hospitality"),
            None,
            false,
        ),
        (
            "blog",
            "blog-brushless-motors",
            "Why brushless motors last longer",
            "A plain explanation of what changes inside the tool, and when it pays off.",
            Some("construction"),
            Some("buyer"),
            false,
        ),
        (
            "blog",
            "blog-monitor-sizes",
            "27 or 34 inches? Picking screens for a team",
            "Resolution, desk depth and cabling — a product note from our office range.",
            Some("office"),
            None,
            false,
        ),
        (
            "blog",
            "blog-induction-cookware",
            "Cookware that works on induction",
            "The magnet test, base thickness and why some pans hum.",
            Some("hospitality"),
            None,
            false,
        ),
        (
            "blog",
            "blog-invoice-terms",
            "Invoice terms and what they cost",
            "Prepayment, net 30 or net 60: how payment terms change your price.",
            None,
            Some("admin"),
            false,
        ),
        (
            "block",
            "block-construction-buyers-winter",
            "Winter on site: order before the break",
            "Site deliveries pause over the holidays.",
            Some("construction"),
            Some("buyer"),
            false,
        ),
    ];
    for (pos, (kind, slug, title, summary, industry, role, video)) in rows.into_iter().enumerate() {
        let body = body(kind);
        diesel::insert_into(content_pages::table)
            .values((
                content_pages::kind.eq(kind),
                content_pages::slug.eq(slug),
                content_pages::title.eq(title),
                content_pages::summary.eq(summary),
                content_pages::body_markdown.eq(body),
                content_pages::audience.eq("b2b"),
                content_pages::industry.eq(industry),
                content_pages::role.eq(role),
                content_pages::product_id.eq(product_ids.get(pos * 7).copied()),
                content_pages::video_url.eq(video.then_some("/static/video/demo.webm")),
                content_pages::captions_url.eq(video.then_some("/static/video/demo.en.vtt")),
                content_pages::position.eq(pos as i32),
                content_pages::published_at.eq(now - Duration::days(pos as i64 * 3 + 1)),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// A demo article's Markdown (the summary shows above it): sections with a list, a table or a
/// quote by kind.
fn body(kind: &str) -> String {
    let middle = match kind {
        "guide" => {
            "## What matters most\n\n\
             - **The job**: what the product meets every day, and how often.\n\
             - **The material**: wood, metal, stone or plasterboard each ask for something else.\n\
             - **The total cost**: price per piece, waste and the time it takes to fit.\n\n\
             ## A quick table\n\n\
             | Need | Choose | Why |\n\
             |---|---|---|\n\
             | Light, indoors | Standard range | Lowest price per unit |\n\
             | Heavy or outdoors | Professional range | Lasts longer, fewer returns |\n\
             | Mixed sites | One system | One spare part, one training |\n"
        }
        "case_study" => {
            "## The starting point\n\n\
             Orders came in by phone and e-mail, prices differed from site to site and invoices \
             were checked by hand.\n\n\
             ## What changed\n\n\
             1. SKU lists for each site, reordered in two clicks.\n\
             2. Spending limits, so buyers order and approvers only see what is above them.\n\
             3. One monthly invoice on agreed terms.\n\n\
             > We spend our time on the building now, not on the paperwork.\n"
        }
        "block" => {
            return "Site deliveries pause from 23 December to 2 January. Order **hi-vis, gloves \
                    and site heaters** by 20 December and they arrive before the break.\n\n\
                    [Reorder from your lists](/b2b/lists) · [Quick order by SKU](/b2b/quick-order)\n"
                .to_string();
        }
        "demo" => {
            "## In the demo\n\n\
             - A walk-through on real products, about 30 minutes.\n\
             - Your questions answered by a specialist.\n\
             - A written summary with prices for your company afterwards.\n"
        }
        _ => {
            "## The short answer\n\n\
             It depends on how the product is used — but a few checks settle most cases.\n\n\
             ## What to check\n\n\
             - How many hours a day it runs.\n\
             - What it costs over three years, not only today.\n\
             - Whether spare parts and service are close by.\n"
        }
    };
    format!(
        "{middle}\n## Talk to us\n\n\
         Our specialists put this together from questions buyers ask us every week. Want to talk it \
         through? [Book a live demo](/b2b/demos/new) or [write to customer service](/help) — we \
         answer e-mail around the clock.\n"
    )
}

fn reviews(c: &mut DbConn, product_ids: &[i64], people: &People) -> Result<(), DbError> {
    let texts = [
        (
            5,
            "Does exactly what it should",
            "Solid build and the battery lasts a full day.",
        ),
        (4, "Good value", "Works well; the case could be sturdier."),
        (
            5,
            "Recommended",
            "Second one I've bought — the first is still going.",
        ),
        (
            3,
            "Okay",
            "Fine for occasional use, a bit heavy for overhead work.",
        ),
    ];
    for (k, pid) in product_ids
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 5 == 3)
        .take(40)
    {
        for (n, user_id) in people.consumers.iter().enumerate() {
            if (k + n) % 3 == 2 {
                continue;
            }
            let (rating, title, body) = texts[(k + n) % texts.len()];
            diesel::insert_into(reviews::table)
                .values((
                    reviews::product_id.eq(pid),
                    reviews::user_id.eq(user_id),
                    reviews::rating.eq(rating as i16),
                    reviews::title.eq(title),
                    reviews::body.eq(body),
                    // The newest few wait for moderation, as in a live shop.
                    reviews::status.eq(if k > 180 && n == 0 {
                        "pending"
                    } else {
                        "approved"
                    }),
                    reviews::verified_buyer.eq(n != 2),
                ))
                .execute(c)?;
        }
    }
    Ok(())
}
