//! Checkout arithmetic, pure: what delivery costs for a cart, and the order's totals with it.
//!
//! Delivery prices are stored excluding VAT and carry the standard rate (25 %), like the goods
//! they bring. A method's free-delivery threshold is compared with the goods subtotal as the buyer
//! is shown it (incl. VAT for consumers, excl. VAT for companies), so "free over 500 kr" means what
//! it says to each of them.

use super::cart::Totals;
use super::money::{Currency, Money};
use super::pricing::{Segment, TaxRate};

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

/// The order's totals: the goods, delivery, and the sums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderTotals {
    pub goods: Totals,
    pub delivery: DeliveryCharge,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

pub fn order_totals(
    goods: Totals,
    option: &DeliveryOption,
    segment: Segment,
    currency: Currency,
) -> OrderTotals {
    let shown = match segment {
        Segment::Consumer => goods.gross,
        Segment::Company => goods.net,
    };
    let delivery = delivery_charge(option, shown);
    let net = Money::new(goods.net.amount() + delivery.net.amount(), currency);
    let vat = Money::new(goods.vat.amount() + delivery.vat.amount(), currency);
    OrderTotals {
        net,
        vat,
        gross: Money::new(net.amount() + vat.amount(), currency),
        goods,
        delivery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cart::{PricedLine, totals};
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

    fn goods(list_minor: i64, quantity: u32, segment: Segment) -> Totals {
        totals(
            &[PricedLine {
                unit: price(&PriceInput {
                    list_price: sek(list_minor),
                    tax_rate: TaxRate::STANDARD,
                    quantity,
                    segment,
                }),
                quantity,
            }],
            Currency::Sek,
        )
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
                goods(list, qty, segment),
                &standard(),
                segment,
                Currency::Sek,
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
            goods(1_000_000, 3, Segment::Consumer),
            &express,
            Segment::Consumer,
            Currency::Sek,
        );
        assert_eq!(t.delivery.gross, sek(14_900));
        assert_eq!(t.delivery.shown(Segment::Company), sek(11_920));
    }
}
