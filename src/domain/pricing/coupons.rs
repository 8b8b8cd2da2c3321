//! Coupon codes: whether one may be used now on this cart by this customer, and what it takes off.
//! Pure; the database counts uses and redeems in the order's transaction (`db::orders`).

use crate::domain::money::Money;
use chrono::NaiveDateTime;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouponKind {
    /// A share of the goods, in basis points (1000 = 10 %).
    Percent(u32),
    /// An amount off the goods, at most the goods' total.
    Fixed(Money),
    FreeDelivery,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coupon {
    pub id: i64,
    pub code: String,
    pub kind: CouponKind,
    /// The goods subtotal as the buyer sees it must reach this.
    pub min_subtotal: Money,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub max_uses: Option<u32>,
    pub max_uses_per_customer: Option<u32>,
    pub uses: u32,
    /// Whether it combines with the automatic cart rules (see `checkout::order_totals`).
    pub stackable: bool,
    pub active: bool,
}

/// Why a code cannot be used; each has its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CouponProblem {
    Unknown,
    NotYet,
    Expired,
    UsedUp,
    AlreadyUsed,
    BelowMinimum(Money),
}

impl CouponProblem {
    pub fn message_key(&self) -> &'static str {
        match self {
            CouponProblem::Unknown => "coupon-unknown",
            CouponProblem::NotYet => "coupon-not-yet",
            CouponProblem::Expired => "coupon-expired",
            CouponProblem::UsedUp => "coupon-used-up",
            CouponProblem::AlreadyUsed => "coupon-already-used",
            CouponProblem::BelowMinimum(_) => "coupon-below-minimum",
        }
    }
}

/// Codes are typed in any case and with stray spaces; stored upper-case.
pub fn normalize_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(40)
        .collect::<String>()
        .to_uppercase()
}

impl Coupon {
    /// Whether the coupon applies to goods the buyer sees as `subtotal`, at `now`, for a customer
    /// who has used it `customer_uses` times.
    pub fn check(
        &self,
        subtotal: Money,
        now: NaiveDateTime,
        customer_uses: u32,
    ) -> Result<(), CouponProblem> {
        if !self.active {
            return Err(CouponProblem::Unknown);
        }
        if self.starts_at.is_some_and(|s| now < s) {
            return Err(CouponProblem::NotYet);
        }
        if self.ends_at.is_some_and(|e| now >= e) {
            return Err(CouponProblem::Expired);
        }
        if self.max_uses.is_some_and(|m| self.uses >= m) {
            return Err(CouponProblem::UsedUp);
        }
        if self
            .max_uses_per_customer
            .is_some_and(|m| customer_uses >= m)
        {
            return Err(CouponProblem::AlreadyUsed);
        }
        if subtotal.amount() < self.min_subtotal.amount() {
            return Err(CouponProblem::BelowMinimum(self.min_subtotal));
        }
        Ok(())
    }

    /// What comes off goods the buyer sees as `subtotal` (rounded to the minor unit, never more
    /// than the goods).
    pub fn discount(&self, subtotal: Money) -> Money {
        let off = match self.kind {
            CouponKind::Percent(bp) => subtotal.scale(Decimal::new(i64::from(bp), 4)).rounded(),
            CouponKind::Fixed(amount) => amount,
            CouponKind::FreeDelivery => Money::zero(subtotal.currency()),
        };
        if off.amount() > subtotal.amount() {
            subtotal
        } else {
            off
        }
    }

    pub fn frees_delivery(&self) -> bool {
        self.kind == CouponKind::FreeDelivery
    }
}

/// Splits `total` minor units over lines in proportion to `weights` (largest remainder), so the
/// parts sum to exactly `total`.
pub fn allocate(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i64 = weights.iter().sum();
    if sum <= 0 || total <= 0 {
        return vec![0; weights.len()];
    }
    let mut parts: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = i128::from(total) * i128::from(*w);
        parts.push((exact / i128::from(sum)) as i64);
        remainders.push((exact % i128::from(sum), i));
    }
    let mut left = total - parts.iter().sum::<i64>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    fn sek(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Sek)
    }

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn coupon(kind: CouponKind) -> Coupon {
        Coupon {
            id: 1,
            code: "WELCOME10".into(),
            kind,
            min_subtotal: sek(30_000),
            starts_at: Some(at(10)),
            ends_at: Some(at(20)),
            max_uses: Some(100),
            max_uses_per_customer: Some(1),
            uses: 0,
            stackable: false,
            active: true,
        }
    }

    #[test]
    fn a_coupon_applies_only_in_its_window_within_its_limits() {
        let c = coupon(CouponKind::Percent(1000));
        let used_up = Coupon {
            uses: 100,
            ..c.clone()
        };
        let off = Coupon {
            active: false,
            ..c.clone()
        };
        let open = Coupon {
            starts_at: None,
            ends_at: None,
            max_uses: None,
            max_uses_per_customer: None,
            ..c.clone()
        };
        // (coupon, subtotal, now, customer uses, expected)
        type Case<'a> = (
            &'a Coupon,
            i64,
            NaiveDateTime,
            u32,
            Result<(), CouponProblem>,
        );
        let cases: Vec<Case> = vec![
            (&c, 50_000, at(15), 0, Ok(())),
            (&c, 30_000, at(15), 0, Ok(())),
            (
                &c,
                29_999,
                at(15),
                0,
                Err(CouponProblem::BelowMinimum(sek(30_000))),
            ),
            (&c, 50_000, at(9), 0, Err(CouponProblem::NotYet)),
            (&c, 50_000, at(10), 0, Ok(())),
            (&c, 50_000, at(20), 0, Err(CouponProblem::Expired)),
            (&c, 50_000, at(15), 1, Err(CouponProblem::AlreadyUsed)),
            (&used_up, 50_000, at(15), 0, Err(CouponProblem::UsedUp)),
            (&off, 50_000, at(15), 0, Err(CouponProblem::Unknown)),
            (&open, 50_000, at(1), 9, Ok(())),
        ];
        for (coupon, subtotal, now, uses, expected) in cases {
            assert_eq!(
                coupon.check(sek(subtotal), now, uses),
                expected,
                "{subtotal} {now} {uses}"
            );
        }
    }

    #[test]
    fn discounts_are_rounded_and_never_more_than_the_goods() {
        // (kind, subtotal, discount)
        let cases = [
            (CouponKind::Percent(1000), 50_000, 5_000),
            (CouponKind::Percent(1000), 12_345, 1_235), // 12.345 → 12.35 (half away from zero)
            (CouponKind::Percent(2500), 999, 250),
            (CouponKind::Fixed(sek(10_000)), 50_000, 10_000),
            (CouponKind::Fixed(sek(10_000)), 6_000, 6_000),
            (CouponKind::FreeDelivery, 50_000, 0),
        ];
        for (kind, subtotal, expected) in cases {
            assert_eq!(
                coupon(kind).discount(sek(subtotal)),
                sek(expected),
                "{kind:?} {subtotal}"
            );
        }
        assert!(coupon(CouponKind::FreeDelivery).frees_delivery());
    }

    #[test]
    fn allocation_is_proportional_and_exact() {
        // (total, weights, parts)
        let cases: Vec<(i64, Vec<i64>, Vec<i64>)> = vec![
            (100, vec![1, 1, 1], vec![34, 33, 33]),
            (1_000, vec![30_000, 10_000], vec![750, 250]),
            (1, vec![5, 5], vec![1, 0]),
            (0, vec![5, 5], vec![0, 0]),
            (7, vec![0, 10], vec![0, 7]),
            (5, vec![], vec![]),
        ];
        for (total, weights, parts) in cases {
            let got = allocate(total, &weights);
            assert_eq!(got, parts, "{total} over {weights:?}");
            if !weights.is_empty() && weights.iter().sum::<i64>() > 0 {
                assert_eq!(got.iter().sum::<i64>(), total);
            }
        }
        assert_eq!(normalize_code(" welcome 10 "), "WELCOME10");
    }
}
