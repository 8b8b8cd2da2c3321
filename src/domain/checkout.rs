//! Checkout arithmetic, pure: what delivery costs for a cart, and the order's totals with it.
//!
//! Delivery prices are stored excluding VAT and carry the standard rate (25 %), like the goods
//! they bring. A method's free-delivery threshold is compared with the goods subtotal as the buyer
//! is shown it (incl. VAT for consumers, excl. VAT for companies), so "free over 500 kr" means what
//! it says to each of them.

use super::cart::{LineAmounts, PricedLine, Totals, totals};
use super::money::{Currency, Money};
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

/// The order's totals: the goods (after any coupon), the discount, delivery, and the sums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderTotals {
    pub goods: Totals,
    /// What the coupon took off the goods, in the buyer's terms (incl. VAT for consumers).
    pub discount: Money,
    /// The same, per line, in minor units (they sum to `discount`).
    pub line_discounts: Vec<i64>,
    pub delivery: DeliveryCharge,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

/// Totals of priced lines with a delivery method and an optional (already checked) coupon.
///
/// A discount is spread over the lines in proportion to what the buyer sees of each (largest
/// remainder, so the parts add up exactly) and taken off that amount; the line's VAT is then
/// worked out again on what remains — consumers: VAT = gross × rate / (1 + rate), rounded;
/// companies: VAT = net × rate, rounded. Lines without a discount keep the figures of
/// [`totals`](super::cart::totals). The free-delivery threshold looks at the goods after the
/// discount.
pub fn order_totals(
    lines: &[PricedLine],
    option: &DeliveryOption,
    segment: Segment,
    currency: Currency,
    coupon: Option<&Coupon>,
) -> OrderTotals {
    let mut goods = totals(lines, currency);
    let shown_of = |t: &Totals| match segment {
        Segment::Consumer => t.gross,
        Segment::Company => t.net,
    };
    let discount = coupon.map_or(Money::zero(currency), |c| c.discount(shown_of(&goods)));
    let weights: Vec<i64> = goods
        .lines
        .iter()
        .map(|l| l.shown(segment).to_minor().unwrap_or(0))
        .collect();
    let line_discounts = allocate(discount.to_minor().unwrap_or(0), &weights);
    if discount.amount() > Decimal::ZERO {
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
    let mut delivery = delivery_charge(option, shown_of(&goods));
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
        discount,
        line_discounts,
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
            let t = order_totals(&priced, &standard(), segment, Currency::Sek, Some(c));
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
}
