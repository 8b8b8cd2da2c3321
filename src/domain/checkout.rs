//! Checkout arithmetic, pure: what delivery costs for a cart, and the order's totals with it.
//!
//! Delivery prices are stored excluding VAT and carry the standard rate (25 %), like the goods
//! they bring. A method's free-delivery threshold is compared with the goods subtotal as the buyer
//! is shown it (incl. VAT for consumers, excl. VAT for companies), so "free over 500 kr" means what
//! it says to each of them.

use super::cart::{LineAmounts, PricedLine, Totals, totals};
use super::money::{Currency, Money};
use super::pricing::cart_rules::AppliedRule;
use super::pricing::coupons::{Coupon, allocate};
use super::pricing::{Segment, TaxRate};
use rust_decimal::Decimal;

/// A delivery method as offered at checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryOption {
    pub code: String,
    pub name: String,
    pub price_net: Money,
    pub free_over: Option<Money>,
    pub min_days: i32,
    pub max_days: i32,
}

/// What delivery costs: excl. VAT, its VAT, incl. VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryCharge {
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

impl DeliveryCharge {
    pub fn shown(&self, segment: Segment) -> Money {
        match segment {
            Segment::Consumer => self.gross,
            Segment::Company => self.net,
        }
    }
}

/// The charge for `option` on goods whose subtotal the buyer is shown as `goods_shown`.
pub fn delivery_charge(option: &DeliveryOption, goods_shown: Money) -> DeliveryCharge {
    let currency = option.price_net.currency();
    let free = option
        .free_over
        .is_some_and(|limit| goods_shown.amount() >= limit.amount());
    let net = if free {
        Money::zero(currency)
    } else {
        option.price_net.rounded()
    };
    let vat = TaxRate::STANDARD.vat_on(net);
    DeliveryCharge {
        net,
        vat,
        gross: Money::new(net.amount() + vat.amount(), currency),
    }
}

/// The order's totals: the goods (after any discount), the discounts, delivery, and the sums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderTotals {
    pub goods: Totals,
    /// The automatic cart rules that took something off: name and amount, in the buyer's terms.
    pub rules: Vec<(String, Money)>,
    /// What the coupon took off the goods, in the buyer's terms (incl. VAT for consumers).
    pub coupon_discount: Money,
    /// Whether the coupon counts (it may have been set aside for the cart rules).
    pub coupon_used: bool,
    /// Everything taken off the goods: the rules and the coupon.
    pub discount: Money,
    /// The same, per line, in minor units (they sum to `discount`).
    pub line_discounts: Vec<i64>,
    /// Which offer gave way when a coupon that does not combine met the cart rules.
    pub set_aside: SetAside,
    pub delivery: DeliveryCharge,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

/// A coupon that is not stackable does not combine with the automatic cart rules: the buyer gets
/// whichever of the two makes the order cheaper, and is told which one gave way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside {
    Nothing,
    /// The cart rules saved more; the coupon was not used (nor redeemed).
    Coupon,
    /// The coupon saved more; the cart rules were left out.
    Rules,
}

/// Totals of priced lines with a delivery method, the cart rules that apply to them (see
/// [`cart_rules::evaluate`](super::pricing::cart_rules::evaluate)) and an optional, already
/// checked coupon.
///
/// Order of work: the cart rules come off their lines first; a coupon's share is then worked out
/// on what the buyer is left to pay for the goods and spread over the lines in proportion to it
/// (largest remainder, so the parts add up exactly). Each discounted line's VAT is worked out
/// again on what remains — consumers: VAT = gross × rate / (1 + rate), rounded; companies: VAT =
/// net × rate, rounded. Lines without a discount keep the figures of
/// [`totals`](super::cart::totals). The free-delivery threshold looks at the goods after the
/// discounts.
pub fn order_totals(
    lines: &[PricedLine],
    option: &DeliveryOption,
    segment: Segment,
    currency: Currency,
    rules: &[AppliedRule],
    coupon: Option<&Coupon>,
) -> OrderTotals {
    match coupon {
        Some(c) if !c.stackable && rules.iter().any(|r| r.total > 0) => {
            let mut with_rules = discounted(lines, option, segment, currency, rules, None);
            let mut with_coupon = discounted(lines, option, segment, currency, &[], Some(c));
            if with_coupon.gross.amount() < with_rules.gross.amount() {
                with_coupon.set_aside = SetAside::Rules;
                with_coupon
            } else {
                with_rules.set_aside = SetAside::Coupon;
                with_rules
            }
        }
        _ => discounted(lines, option, segment, currency, rules, coupon),
    }
}

/// The goods after the cart rules and a coupon (see [`order_totals`] for the order of work).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscountedGoods {
    pub goods: Totals,
    /// The rules that took something off: name and amount.
    pub rules: Vec<(String, Money)>,
    pub coupon_discount: Money,
    /// Everything off, per line, in minor units.
    pub line_discounts: Vec<i64>,
}

/// The goods of `lines` with the cart rules and an optional coupon taken off (no delivery); the
/// cart page shows this, checkout adds delivery to it.
pub fn discounted_goods(
    lines: &[PricedLine],
    segment: Segment,
    currency: Currency,
    rules: &[AppliedRule],
    coupon: Option<&Coupon>,
) -> DiscountedGoods {
    let mut goods = totals(lines, currency);
    let shown: Vec<i64> = goods
        .lines
        .iter()
        .map(|l| l.shown(segment).to_minor().unwrap_or(0))
        .collect();
    // The rules first, never more than a line costs.
    let mut line_discounts = vec![0_i64; lines.len()];
    let mut applied = Vec::new();
    for rule in rules {
        let mut taken = 0;
        for (i, off) in rule.per_line.iter().enumerate().take(lines.len()) {
            let room = shown[i] - line_discounts[i];
            let off = (*off).clamp(0, room.max(0));
            line_discounts[i] += off;
            taken += off;
        }
        if taken > 0 {
            applied.push((rule.name.clone(), Money::from_minor(taken, currency)));
        }
    }
    let remaining: Vec<i64> = shown
        .iter()
        .zip(&line_discounts)
        .map(|(s, d)| s - d)
        .collect();
    let left = Money::from_minor(remaining.iter().sum(), currency);
    let coupon_discount = coupon.map_or(Money::zero(currency), |c| c.discount(left));
    let coupon_parts = allocate(coupon_discount.to_minor().unwrap_or(0), &remaining);
    for (d, part) in line_discounts.iter_mut().zip(&coupon_parts) {
        *d += part;
    }
    let discount_minor: i64 = line_discounts.iter().sum();
    if discount_minor > 0 {
        let mut by_rate: Vec<(TaxRate, Money)> = Vec::new();
        let zero = Money::zero(currency);
        let (mut net, mut vat, mut gross) = (zero, zero, zero);
        for ((amounts, line), off) in goods.lines.iter_mut().zip(lines).zip(&line_discounts) {
            let rate = line.unit.tax_rate;
            if *off > 0 {
                let off = Money::from_minor(*off, currency);
                *amounts = match segment {
                    Segment::Consumer => {
                        let g = Money::new(amounts.gross.amount() - off.amount(), currency);
                        let f = rate.fraction();
                        let v = g.scale(f / (Decimal::ONE + f)).rounded();
                        LineAmounts {
                            net: Money::new(g.amount() - v.amount(), currency),
                            vat: v,
                            gross: g,
                        }
                    }
                    Segment::Company => {
                        let n = Money::new(amounts.net.amount() - off.amount(), currency);
                        let v = rate.vat_on(n);
                        LineAmounts {
                            net: n,
                            vat: v,
                            gross: Money::new(n.amount() + v.amount(), currency),
                        }
                    }
                };
            }
            net = Money::new(net.amount() + amounts.net.amount(), currency);
            vat = Money::new(vat.amount() + amounts.vat.amount(), currency);
            gross = Money::new(gross.amount() + amounts.gross.amount(), currency);
            match by_rate.iter_mut().find(|(r, _)| *r == rate) {
                Some((_, sum)) => *sum = Money::new(sum.amount() + amounts.vat.amount(), currency),
                None => by_rate.push((rate, amounts.vat)),
            }
        }
        by_rate.sort_by_key(|(r, _)| std::cmp::Reverse(r.bp()));
        goods.net = net;
        goods.vat = vat;
        goods.gross = gross;
        goods.vat_by_rate = by_rate;
    }
    DiscountedGoods {
        goods,
        rules: applied,
        coupon_discount,
        line_discounts,
    }
}

fn discounted(
    lines: &[PricedLine],
    option: &DeliveryOption,
    segment: Segment,
    currency: Currency,
    rules: &[AppliedRule],
    coupon: Option<&Coupon>,
) -> OrderTotals {
    let DiscountedGoods {
        goods,
        rules,
        coupon_discount,
        line_discounts,
    } = discounted_goods(lines, segment, currency, rules, coupon);
    let shown = match segment {
        Segment::Consumer => goods.gross,
        Segment::Company => goods.net,
    };
    let discount_minor: i64 = line_discounts.iter().sum();
    let mut delivery = delivery_charge(option, shown);
    if coupon.is_some_and(Coupon::frees_delivery) {
        let z = Money::zero(currency);
        delivery = DeliveryCharge {
            net: z,
            vat: z,
            gross: z,
        };
    }
    let net = Money::new(goods.net.amount() + delivery.net.amount(), currency);
    let vat = Money::new(goods.vat.amount() + delivery.vat.amount(), currency);
    OrderTotals {
        net,
        vat,
        gross: Money::new(net.amount() + vat.amount(), currency),
        goods,
        rules,
        coupon_discount,
        coupon_used: coupon.is_some(),
        discount: Money::from_minor(discount_minor, currency),
        line_discounts,
        set_aside: SetAside::Nothing,
        delivery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::coupons::CouponKind;
    use crate::domain::pricing::{PriceInput, price};

    fn sek(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Sek)
    }

    fn standard() -> DeliveryOption {
        DeliveryOption {
            code: "standard".into(),
            name: "Home delivery".into(),
            price_net: sek(3_920),
            free_over: Some(sek(50_000)),
            min_days: 1,
            max_days: 3,
        }
    }

    fn line(list_minor: i64, bp: i32, quantity: u32, segment: Segment) -> PricedLine {
        PricedLine {
            unit: price(&PriceInput {
                list_price: sek(list_minor),
                tax_rate: TaxRate::from_bp(bp).unwrap(),
                quantity,
                segment,
                agreement: None,
            }),
            quantity,
        }
    }

    fn goods(list_minor: i64, quantity: u32, segment: Segment) -> Vec<PricedLine> {
        vec![line(list_minor, 2500, quantity, segment)]
    }

    #[test]
    fn delivery_is_free_over_the_threshold_as_the_buyer_sees_the_goods() {
        // (goods list price öre, qty, segment, delivery gross öre, order gross öre)
        let cases = [
            // 399.20 net = 499.00 incl. VAT: under 500, delivery 49.00 incl. VAT.
            (39_920, 1, Segment::Consumer, 4_900, 49_900 + 4_900),
            // 400.00 net = 500.00 incl. VAT: free.
            (40_000, 1, Segment::Consumer, 0, 50_000),
            // A company sees 400.00 excl. VAT: under 500, pays delivery.
            (40_000, 1, Segment::Company, 4_900, 50_000 + 4_900),
            (25_000, 2, Segment::Company, 0, 62_500),
        ];
        for (list, qty, segment, delivery, gross) in cases {
            let t = order_totals(
                &goods(list, qty, segment),
                &standard(),
                segment,
                Currency::Sek,
                &[],
                None,
            );
            assert_eq!(
                t.delivery.gross,
                sek(delivery),
                "{list} × {qty} {segment:?}"
            );
            assert_eq!(t.gross, sek(gross), "{list} × {qty} {segment:?}");
            assert_eq!(t.net.amount() + t.vat.amount(), t.gross.amount());
            assert_eq!(
                t.goods.gross.amount() + t.delivery.gross.amount(),
                t.gross.amount(),
                "the parts add up"
            );
        }
    }

    #[test]
    fn a_method_without_threshold_always_costs() {
        let express = DeliveryOption {
            free_over: None,
            price_net: sek(11_920),
            ..standard()
        };
        let t = order_totals(
            &goods(1_000_000, 3, Segment::Consumer),
            &express,
            Segment::Consumer,
            Currency::Sek,
            &[],
            None,
        );
        assert_eq!(t.delivery.gross, sek(14_900));
        assert_eq!(t.delivery.shown(Segment::Company), sek(11_920));
    }

    fn coupon(kind: CouponKind) -> Coupon {
        Coupon {
            id: 1,
            code: "C".into(),
            kind,
            min_subtotal: sek(0),
            starts_at: None,
            ends_at: None,
            max_uses: None,
            max_uses_per_customer: None,
            uses: 0,
            stackable: false,
            active: true,
        }
    }

    #[test]
    fn a_coupon_comes_off_the_lines_and_their_vat_exactly() {
        let ten = coupon(CouponKind::Percent(1000));
        let free = coupon(CouponKind::FreeDelivery);
        let fixed = coupon(CouponKind::Fixed(sek(10_000)));
        // (lines (list öre, VAT bp, qty), segment, coupon, discount, goods gross, goods vat, delivery gross)
        type Case<'a> = (
            Vec<(i64, i32, u32)>,
            Segment,
            &'a Coupon,
            i64,
            i64,
            i64,
            i64,
        );
        let cases: Vec<Case> = vec![
            // 1 000 kr incl. VAT, 10 % off: 900 kr, of which VAT 180 kr; free delivery over 500.
            (
                vec![(80_000, 2500, 1)],
                Segment::Consumer,
                &ten,
                10_000,
                90_000,
                18_000,
                0,
            ),
            // Two rates: 1 000 kr at 25 % and 560 kr at 12 %; 100 kr off split 641/359 öre-wise.
            (
                vec![(80_000, 2500, 1), (50_000, 1200, 1)],
                Segment::Consumer,
                &fixed,
                10_000,
                156_000 - 10_000,
                (100_000 - 6_410) * 20 / 100 + 5_615,
                0,
            ),
            // Companies: off the net, VAT on what remains.
            (
                vec![(40_000, 2500, 1)],
                Segment::Company,
                &ten,
                4_000,
                45_000,
                9_000,
                4_900,
            ),
            // Free delivery: goods unchanged.
            (
                vec![(20_000, 2500, 1)],
                Segment::Consumer,
                &free,
                0,
                25_000,
                5_000,
                0,
            ),
        ];
        for (lines, segment, c, discount, gross, vat, delivery) in cases {
            let priced: Vec<PricedLine> = lines
                .iter()
                .map(|(l, bp, q)| line(*l, *bp, *q, segment))
                .collect();
            let t = order_totals(&priced, &standard(), segment, Currency::Sek, &[], Some(c));
            assert_eq!(t.discount, sek(discount), "{lines:?}");
            assert_eq!(t.line_discounts.iter().sum::<i64>(), discount);
            assert_eq!(t.goods.gross, sek(gross), "{lines:?}");
            assert_eq!(t.goods.vat, sek(vat), "{lines:?}");
            assert_eq!(t.delivery.gross, sek(delivery), "{lines:?}");
            let sum: i64 = t
                .goods
                .lines
                .iter()
                .map(|l| l.gross.to_minor().unwrap())
                .sum();
            assert_eq!(sek(sum), t.goods.gross, "lines add up");
            for l in &t.goods.lines {
                assert_eq!(l.net.amount() + l.vat.amount(), l.gross.amount());
            }
            assert_eq!(
                t.gross.amount(),
                t.goods.gross.amount() + t.delivery.gross.amount()
            );
        }
    }

    #[test]
    fn cart_rules_come_first_and_a_coupon_that_does_not_combine_gives_way() {
        // Three cups at 100 kr incl. VAT with 3-for-2: one is free.
        let cups = vec![line(8_000, 2500, 3, Segment::Consumer)];
        let rule = AppliedRule {
            id: 1,
            name: "3 for 2".into(),
            per_line: vec![10_000],
            total: 10_000,
        };
        let pct = |bp, stackable| Coupon {
            stackable,
            ..coupon(CouponKind::Percent(bp))
        };
        let (ten, ten_stacking, half) = (pct(1000, false), pct(1000, true), pct(5000, false));
        let free_delivery = coupon(CouponKind::FreeDelivery);
        // (coupon, goods gross, discount, coupon part, set aside, delivery gross)
        type Case<'a> = (Option<&'a Coupon>, i64, i64, i64, SetAside, i64);
        let cases: Vec<Case> = vec![
            (None, 20_000, 10_000, 0, SetAside::Nothing, 4_900),
            // 10 % of 300 = 30 < 100 off: the rule stays, the coupon is set aside.
            (Some(&ten), 20_000, 10_000, 0, SetAside::Coupon, 4_900),
            // Stackable: 10 % of what is left after the rule.
            (
                Some(&ten_stacking),
                18_000,
                12_000,
                2_000,
                SetAside::Nothing,
                4_900,
            ),
            // 50 % of 300 = 150 > 100: the coupon wins, the rule is left out.
            (Some(&half), 15_000, 15_000, 15_000, SetAside::Rules, 4_900),
            // Free delivery (49 kr) is worth less than the free cup.
            (
                Some(&free_delivery),
                20_000,
                10_000,
                0,
                SetAside::Coupon,
                4_900,
            ),
        ];
        for (c, goods, discount, coupon_part, set_aside, delivery) in cases {
            let t = order_totals(
                &cups,
                &standard(),
                Segment::Consumer,
                Currency::Sek,
                std::slice::from_ref(&rule),
                c,
            );
            let label = format!("{:?}", c.map(|c| c.kind));
            assert_eq!(t.goods.gross, sek(goods), "{label}");
            assert_eq!(t.discount, sek(discount), "{label}");
            assert_eq!(t.coupon_discount, sek(coupon_part), "{label}");
            assert_eq!(t.set_aside, set_aside, "{label}");
            assert_eq!(t.delivery.gross, sek(delivery), "{label}");
            assert_eq!(t.line_discounts.iter().sum::<i64>(), discount);
            assert_eq!(t.rules.is_empty(), set_aside == SetAside::Rules, "{label}");
            assert_eq!(t.net.amount() + t.vat.amount(), t.gross.amount());
        }
        // A rule never takes more than the line costs.
        let greedy = AppliedRule {
            per_line: vec![99_999],
            total: 99_999,
            ..rule.clone()
        };
        let t = order_totals(
            &cups,
            &standard(),
            Segment::Consumer,
            Currency::Sek,
            &[greedy],
            None,
        );
        assert_eq!(t.goods.gross, sek(0));
        assert_eq!(t.discount, sek(30_000));
    }
}
