//! The checkout page itself: the cart re-read and priced for the buyer (a company's chosen
//! payment terms included), delivery choices, coupon, the company's order details and payment
//! choices, the approval notice, and the summary — recomputed on every render.

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) async fn page(
    req: &HttpRequest,
    state: &AppState,
    session: &Session,
    mut input: CheckoutInput,
    errors: Vec<(&'static str, String)>,
    alert: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let shopper = Shopper::of(&principal, state);
    let (audience, segment) = (shopper.audience, shopper.segment());
    let cache = state.cache.clone();
    let Some(owner) = owner(&principal, session) else {
        return Ok(see_other("/cart"));
    };
    let typed_coupon = input.coupon.clone();
    let typed_payment = input.payment.clone();
    let email = input.email.trim().to_lowercase();
    let user_id = principal.user().map(|u| u.id);
    let company_id = shopper.company;
    let quote = input.quote.clone();
    let orderer = db::lists::Viewer::for_principal(&principal);
    let locale = crate::web::context::request_locale(req, &principal, state.default_locale);
    let back = quote::back_to(&input.quote);
    let loaded = db::run(&state.pool, move |c| {
        let base = shopper.buyer(&cache, c)?;
        let Some((source, base, quote)) = quote::source(c, &owner, &quote, orderer, base, locale)?
        else {
            return Ok(None);
        };
        let terms = company::load(c, &base)?;
        let method = terms.as_ref().map_or("card", |t| t.method(&typed_payment));
        let buyer = match &terms {
            Some(t) => t.buyer(&base, method),
            None => base,
        };
        let (lines, _) = orders::priced_lines(c, source, audience, &buyer)?;
        let rules = match source {
            orders::Source::Cart(_) => {
                db::cart_rules::applied(c, &lines, chrono::Utc::now().naive_utc())?
            }
            orders::Source::Quote(_) => Vec::new(),
        };
        let coupon = match db::coupons::by_code(c, &typed_coupon)?.filter(|_| quote.is_none()) {
            Some(coupon) => {
                let used = db::coupons::customer_uses(c, coupon.id, &email, user_id)?;
                Some((coupon, used))
            }
            None => None,
        };
        let saved = match user_id {
            Some(uid) => db::addresses::for_checkout(c, uid, company_id)?,
            None => Vec::new(),
        };
        // What the buyer may spend before an approver must decide.
        let spending = match (company_id, user_id) {
            (Some(company), Some(uid)) => {
                let since = db::approvals::month_start(chrono::Utc::now().naive_utc());
                Some((
                    db::approvals::limits(c, company, uid)?,
                    db::approvals::spent_since(c, company, uid, since, None)?,
                ))
            }
            _ => None,
        };
        Ok(Some((
            (lines, rules, quote),
            orders::delivery_options(c)?,
            coupon,
            saved,
            (terms, method, buyer, spending),
        )))
    })
    .await?;
    let Some(((lines, rules, quote), options, coupon, saved, (terms, method, buyer, spending))) =
        loaded.filter(|((lines, ..), ..)| !lines.is_empty())
    else {
        return Ok(see_other(back));
    };
    if quote.is_some() {
        input.coupon.clear();
    }
    input.payment = method.to_string();
    let saved_addresses = saved
        .into_iter()
        .map(|a| SavedAddressView {
            id: a.id,
            label: [
                a.label,
                a.name,
                a.line1,
                format!("{} {}", a.postal_code, a.city),
            ]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        })
        .collect();
    if !options.iter().any(|o| o.code == input.delivery) {
        input.delivery = options.first().map(|o| o.code.clone()).unwrap_or_default();
    }
    let Some(option) = options.iter().find(|o| o.code == input.delivery) else {
        return Err(AppError::Internal(anyhow::anyhow!(
            "no delivery methods are set up"
        )));
    };
    let theme = Theme::storefront_for(&principal);
    let signed_in = principal.is_signed_in();
    let ctx = PageContext::with_principal(req, theme, principal);
    let code = locale.code();
    let mut errors = errors;
    let mut notices: Vec<String> = Vec::new();
    let before = orders::totals_of(&lines, option, segment, &[], None);
    let shown_before = match segment {
        Segment::Consumer => before.goods.gross,
        Segment::Company => before.goods.net,
    };
    // The typed coupon, checked as it would be when the order is placed.
    let coupon: Option<Coupon> = if input.coupon.trim().is_empty() {
        None
    } else {
        let now = chrono::Utc::now().naive_utc();
        let checked = match coupon {
            None => Err(CouponProblem::Unknown),
            Some((c, used)) => c.check(shown_before, now, used).map(|()| c),
        };
        match checked {
            Ok(c) => Some(c),
            Err(problem) => {
                if !errors.iter().any(|(f, _)| *f == "coupon") {
                    errors.push(("coupon", coupon_message(&problem, locale)));
                }
                None
            }
        }
    };
    let totals = orders::totals_of(&lines, option, segment, &rules, coupon.as_ref());
    let goods_shown = match segment {
        Segment::Consumer => totals.goods.gross,
        Segment::Company => totals.goods.net,
    };
    let deliveries = options
        .iter()
        .map(|o| DeliveryView {
            code: o.code.clone(),
            name: o.name.clone(),
            price: delivery_label(o, goods_shown, segment, locale),
            days: locale.t_args(
                "checkout-delivery-days",
                &[
                    ("min", o.min_days.to_string()),
                    ("max", o.max_days.to_string()),
                ],
            ),
            checked: o.code == input.delivery,
        })
        .collect();
    let mut summary = vec![(
        locale.t(match segment {
            Segment::Consumer => "cart-subtotal",
            Segment::Company => "cart-subtotal-excl",
        }),
        shown_before.format(code),
    )];
    for (name, off) in &totals.rules {
        summary.push((name.clone(), format!("−{}", off.format(code))));
    }
    if let Some(c) = &coupon {
        match totals.set_aside {
            SetAside::Coupon => notices
                .push(locale.t_args("checkout-coupon-set-aside", &[("code", c.code.clone())])),
            SetAside::Rules => {
                notices.push(locale.t_args("checkout-rules-set-aside", &[("code", c.code.clone())]))
            }
            SetAside::Nothing => {}
        }
        if totals.set_aside != SetAside::Coupon && !totals.coupon_discount.amount().is_zero() {
            summary.push((
                locale.t_args("checkout-discount", &[("code", c.code.clone())]),
                format!("−{}", totals.coupon_discount.format(code)),
            ));
        }
    }
    summary.push((
        locale.t("checkout-delivery"),
        if totals.delivery.gross.amount().is_zero() {
            locale.t("checkout-delivery-free")
        } else {
            totals.delivery.shown(segment).format(code)
        },
    ));
    match segment {
        Segment::Consumer => {
            summary.push((locale.t("checkout-vat-included"), totals.vat.format(code)))
        }
        Segment::Company if buyer.pricing().is_some_and(|p| p.reverse_charge) => {
            summary.push((locale.t("checkout-vat-reverse"), totals.vat.format(code)))
        }
        Segment::Company => summary.push((locale.t("checkout-vat"), totals.vat.format(code))),
    }
    let total_minor = totals.gross.to_minor().unwrap_or(0);
    input.shown_total = total_minor.to_string();
    if let Some(t) = terms.as_ref().filter(|_| method == "invoice")
        && total_minor > t.credit_available_minor
        && !errors.iter().any(|(f, _)| *f == "payment")
    {
        errors.push(("payment", credit_message(t.credit_available_minor, locale)));
    }
    let payments = match &terms {
        Some(t) => company::payments(t, method, locale),
        None => Vec::new(),
    };
    if let Some((limits, spent)) = spending {
        let net = total_minor - totals.vat.to_minor().unwrap_or(0);
        if let Some(reason) = crate::domain::approvals::needed(net, spent, limits) {
            notices.push(locale.t_args(
                "checkout-needs-approval",
                &[(
                    "reason",
                    crate::web::b2b::approvals::reason_text(reason, locale),
                )],
            ));
        }
    }
    let countries = COUNTRIES
        .iter()
        .map(|c| CountryView {
            code: c,
            name: locale.t(&format!("country-{c}")),
            selected: *c == input.country.as_str() || (input.country.is_empty() && *c == "SE"),
        })
        .collect();
    let v = CheckoutView {
        lines: lines
            .iter()
            .zip(totals.goods.lines.iter())
            .map(|(l, a)| SummaryLine {
                name: l.name.clone(),
                quantity: l.line.quantity,
                total: a.shown(segment).format(code),
            })
            .collect(),
        summary,
        total: totals.gross.format(code),
        total_minor,
        countries,
        deliveries,
        errors,
        alert,
        notices,
        signed_in,
        saved_addresses,
        company: terms.is_some(),
        payments,
        reverse_charge: buyer
            .pricing()
            .filter(|p| p.reverse_charge)
            .map(|_| locale.t("checkout-reverse-charge-note")),
        min_date: (chrono::Utc::now().date_naive() + chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string(),
        pay_label: locale.t(if method == "invoice" {
            "checkout-place-order"
        } else {
            "checkout-pay"
        }),
        back,
        quote,
        input,
    };
    Ok(crate::web::cache_control(
        render_checkout(ctx, v, status)?,
        "no-store",
    ))
}

/// Tells the company's approvers (not the buyer) that an order waits for them.
pub(crate) async fn notify_approvers(
    state: &AppState,
    order: &orders::OrderRef,
) -> Result<(), AppError> {
    let id = order.id;
    let link = format!("{}/b2b/approvals", state.public_base_url());
    let (number, buyer_email) = (order.number.clone(), order.email.clone());
    let default = state.default_locale;
    db::run_write(&state.pool, move |c| {
        let Some(approval) = db::approvals::of_order(c, id)? else {
            return Ok(());
        };
        let Some(company) = orders::company_of(c, id)? else {
            return Ok(());
        };
        for (email, _, lang) in db::approvals::approvers(c, company)? {
            if email == buyer_email {
                continue;
            }
            let their = lang.as_deref().and_then(Locale::parse).unwrap_or(default);
            let amount = crate::domain::money::Money::from_minor(
                approval.net_minor,
                crate::domain::money::Currency::Sek,
            )
            .format(their.code());
            Mail::approval_requested(their, &email, &number, &approval.requester, &amount, &link)
                .enqueue(c)?;
        }
        Ok(())
    })
    .await?;
    Ok(())
}

pub(crate) fn credit_message(available_minor: i64, locale: Locale) -> String {
    locale.t_args(
        "checkout-credit-exceeded",
        &[(
            "available",
            crate::domain::money::Money::from_minor(
                available_minor.max(0),
                crate::domain::money::Currency::Sek,
            )
            .format(locale.code()),
        )],
    )
}

fn delivery_label(
    o: &DeliveryOption,
    goods_shown: crate::domain::money::Money,
    segment: Segment,
    locale: Locale,
) -> String {
    let charge = crate::domain::checkout::delivery_charge(o, goods_shown);
    if charge.gross.amount().is_zero() {
        locale.t("checkout-delivery-free")
    } else {
        charge.shown(segment).format(locale.code())
    }
}
