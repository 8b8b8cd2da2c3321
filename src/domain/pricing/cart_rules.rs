//! Automatic cart rules ("3 for 2 on tableware", "10 % off Ljusa"): which lines a rule covers and
//! what it takes off each of them. Pure; `db::cart_rules` loads the rules that are switched on.
//!
//! The rules, in the order the shop keeps them (oldest first):
//! - A rule covers a line when the product is in the rule's category or one of its subcategories
//!   (if it names one) and of the rule's brand (if it names one).
//! - **Buy X, pay for Y** pools every unit the rule covers across lines, sorts them from the
//!   dearest to the cheapest and groups them X at a time; in each full group the X − Y cheapest
//!   units are free. Buying 4 of a 3-for-2 therefore gets one free, 6 get two.
//! - **Percent off** takes the share off each covered line, rounded to the minor unit per line.
//! - Rules do not stack on one line: a line that a rule took something off is not offered to the
//!   rules after it.
//!
//! Amounts are in minor units of the price the buyer is shown (incl. VAT for consumers, excl.
//! VAT for companies), like coupons, so the buyer can check them against the page.

use chrono::NaiveDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// For every `buy` units, pay for `pay` (1 ≤ pay < buy).
    BuyXPayY { buy: u32, pay: u32 },
    /// A share off, in basis points (1000 = 10 %, at most 10 000).
    PercentOff(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CartRule {
    pub id: i64,
    pub name: String,
    pub kind: RuleKind,
    pub category_id: Option<i64>,
    pub brand_id: Option<i64>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub active: bool,
}

impl CartRule {
    /// Whether the rule is on at `now` and makes sense (a rule saved with impossible numbers is
    /// never applied).
    pub fn live(&self, now: NaiveDateTime) -> bool {
        let sane = match self.kind {
            RuleKind::BuyXPayY { buy, pay } => pay >= 1 && pay < buy,
            RuleKind::PercentOff(bp) => (1..=10_000).contains(&bp),
        };
        sane && self.active
            && self.starts_at.is_none_or(|s| now >= s)
            && self.ends_at.is_none_or(|e| now < e)
    }

    fn covers(&self, line: &RuleLine) -> bool {
        self.category_id
            .is_none_or(|c| line.categories.contains(&c))
            && self.brand_id.is_none_or(|b| line.brand_id == Some(b))
    }
}

/// What a rule needs to know of a cart line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleLine {
    /// The product's category and all the categories above it.
    pub categories: Vec<i64>,
    pub brand_id: Option<i64>,
    /// The unit price the buyer is shown, in minor units.
    pub unit_minor: i64,
    pub quantity: u32,
}

/// A rule that took something off, and what it took off each line (minor units, one per line of
/// the input, zero where it took nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedRule {
    pub id: i64,
    pub name: String,
    pub per_line: Vec<i64>,
    pub total: i64,
}

/// Applies the live `rules` to `lines`, in order; returns the rules that took something off.
pub fn evaluate(rules: &[CartRule], lines: &[RuleLine], now: NaiveDateTime) -> Vec<AppliedRule> {
    let mut claimed = vec![false; lines.len()];
    let mut applied = Vec::new();
    for rule in rules.iter().filter(|r| r.live(now)) {
        let covered: Vec<usize> = (0..lines.len())
            .filter(|&i| !claimed[i] && lines[i].quantity > 0 && rule.covers(&lines[i]))
            .collect();
        if covered.is_empty() {
            continue;
        }
        let mut per_line = vec![0_i64; lines.len()];
        match rule.kind {
            RuleKind::PercentOff(bp) => {
                for &i in &covered {
                    let line_minor = lines[i].unit_minor * i64::from(lines[i].quantity);
                    per_line[i] = share(line_minor, bp);
                }
            }
            RuleKind::BuyXPayY { buy, pay } => {
                let mut order = covered.clone();
                // Dearest first; equal prices keep the cart's order.
                order.sort_by_key(|&i| std::cmp::Reverse(lines[i].unit_minor));
                let units: u64 = order.iter().map(|&i| u64::from(lines[i].quantity)).sum();
                let (buy, pay) = (u64::from(buy), u64::from(pay));
                let limit = units / buy * buy;
                // Free positions below `x` in the sorted run of units.
                let free_below = |x: u64| x / buy * (buy - pay) + (x % buy).saturating_sub(pay);
                let mut start = 0_u64;
                for i in order {
                    let end = (start + u64::from(lines[i].quantity)).min(limit);
                    let free = if end > start {
                        free_below(end) - free_below(start)
                    } else {
                        0
                    };
                    per_line[i] = i64::try_from(free).unwrap_or(0) * lines[i].unit_minor;
                    start += u64::from(lines[i].quantity);
                }
            }
        }
        let total: i64 = per_line.iter().sum();
        if total > 0 {
            for &i in &covered {
                claimed[i] = true;
            }
            applied.push(AppliedRule {
                id: rule.id,
                name: rule.name.clone(),
                per_line,
                total,
            });
        }
    }
    applied
}

/// `bp` basis points of `minor`, rounded half away from zero.
fn share(minor: i64, bp: u32) -> i64 {
    let exact = i128::from(minor) * i128::from(bp);
    let (q, r) = (exact / 10_000, exact % 10_000);
    let rounded = if r * 2 >= 10_000 { q + 1 } else { q };
    i64::try_from(rounded).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    const TABLEWARE: i64 = 11;
    const KITCHEN: i64 = 10;
    const HOME: i64 = 3;
    const LJUSA: i64 = 7;

    fn rule(id: i64, kind: RuleKind, category: Option<i64>, brand: Option<i64>) -> CartRule {
        CartRule {
            id,
            name: format!("rule {id}"),
            kind,
            category_id: category,
            brand_id: brand,
            starts_at: Some(at(10)),
            ends_at: Some(at(20)),
            active: true,
        }
    }

    fn line(category: i64, brand: Option<i64>, unit: i64, quantity: u32) -> RuleLine {
        RuleLine {
            categories: vec![category, HOME],
            brand_id: brand,
            unit_minor: unit,
            quantity,
        }
    }

    const THREE_FOR_TWO: RuleKind = RuleKind::BuyXPayY { buy: 3, pay: 2 };

    #[test]
    fn buy_x_pay_y_frees_the_cheapest_in_each_full_group() {
        let three_for_two = [rule(1, THREE_FOR_TWO, Some(TABLEWARE), None)];
        let cup = |unit, q| line(TABLEWARE, None, unit, q);
        // (lines, expected off per line)
        let cases: Vec<(Vec<RuleLine>, Vec<i64>)> = vec![
            (vec![cup(10_000, 2)], vec![0]),
            (vec![cup(10_000, 3)], vec![10_000]),
            (vec![cup(10_000, 4)], vec![10_000]),
            (vec![cup(10_000, 6)], vec![20_000]),
            // Mixed prices: sorted 300, 200, 100 → the 100 is free.
            (
                vec![cup(10_000, 1), cup(30_000, 1), cup(20_000, 1)],
                vec![10_000, 0, 0],
            ),
            // 300 ×2, 100 ×4 → groups (300 300 100) (100 100 100): one 100 free in each.
            (vec![cup(30_000, 2), cup(10_000, 4)], vec![0, 20_000]),
            // 300 ×5, 100 ×1 → (300 300 300) (300 300 100): a 300 and the 100 free.
            (vec![cup(30_000, 5), cup(10_000, 1)], vec![30_000, 10_000]),
            // Another category is not covered and not counted.
            (
                vec![cup(10_000, 2), line(KITCHEN, None, 5_000, 5)],
                vec![0, 0],
            ),
            // The parent category is not the rule's category.
            (vec![line(HOME, None, 10_000, 3)], vec![0]),
        ];
        for (lines, expected) in cases {
            let applied = evaluate(&three_for_two, &lines, at(15));
            let got = applied
                .first()
                .map_or(vec![0; lines.len()], |a| a.per_line.clone());
            assert_eq!(got, expected, "{lines:?}");
            if let Some(a) = applied.first() {
                assert_eq!(a.total, expected.iter().sum::<i64>());
            }
        }
    }

    #[test]
    fn percent_off_rounds_per_line_and_respects_brand_and_category() {
        let ten_off_ljusa = [rule(2, RuleKind::PercentOff(1000), None, Some(LJUSA))];
        let lamps_in_home = [rule(3, RuleKind::PercentOff(1500), Some(HOME), Some(LJUSA))];
        // (rules, lines, expected per line)
        type Case<'a> = (&'a [CartRule], Vec<RuleLine>, Vec<i64>);
        let cases: Vec<Case> = vec![
            (
                &ten_off_ljusa,
                vec![line(KITCHEN, Some(LJUSA), 12_345, 1)],
                vec![1_235],
            ),
            (
                &ten_off_ljusa,
                vec![line(KITCHEN, Some(LJUSA), 12_345, 2)],
                vec![2_469],
            ),
            (
                &ten_off_ljusa,
                vec![line(KITCHEN, Some(1), 12_345, 2)],
                vec![0],
            ),
            (
                &ten_off_ljusa,
                vec![line(KITCHEN, None, 12_345, 2)],
                vec![0],
            ),
            // A subcategory of the rule's category is covered.
            (
                &lamps_in_home,
                vec![
                    line(TABLEWARE, Some(LJUSA), 10_000, 1),
                    line(TABLEWARE, Some(2), 10_000, 1),
                ],
                vec![1_500, 0],
            ),
        ];
        for (rules, lines, expected) in cases {
            let applied = evaluate(rules, &lines, at(15));
            let got = applied
                .first()
                .map_or(vec![0; lines.len()], |a| a.per_line.clone());
            assert_eq!(got, expected, "{lines:?}");
        }
    }

    #[test]
    fn rules_apply_only_when_live_and_never_twice_to_a_line() {
        let lines = vec![
            line(TABLEWARE, Some(LJUSA), 10_000, 3),
            line(KITCHEN, Some(LJUSA), 10_000, 1),
        ];
        let both = [
            rule(1, THREE_FOR_TWO, Some(TABLEWARE), None),
            rule(2, RuleKind::PercentOff(1000), None, Some(LJUSA)),
        ];
        let applied = evaluate(&both, &lines, at(15));
        assert_eq!(applied.len(), 2);
        assert_eq!(applied[0].per_line, vec![10_000, 0]);
        // The tableware line had its free cup; the brand rule takes only the kitchen line.
        assert_eq!(applied[1].per_line, vec![0, 1_000]);
        // (when, kind, active, applies)
        let cases = [
            (at(9), THREE_FOR_TWO, true, false),
            (at(10), THREE_FOR_TWO, true, true),
            (at(20), THREE_FOR_TWO, true, false),
            (at(15), THREE_FOR_TWO, false, false),
            (at(15), RuleKind::BuyXPayY { buy: 3, pay: 3 }, true, false),
            (at(15), RuleKind::BuyXPayY { buy: 3, pay: 0 }, true, false),
            (at(15), RuleKind::PercentOff(0), true, false),
            (at(15), RuleKind::PercentOff(10_001), true, false),
            (at(15), RuleKind::PercentOff(10_000), true, true),
        ];
        for (now, kind, active, applies) in cases {
            let r = CartRule {
                active,
                ..rule(1, kind, Some(TABLEWARE), None)
            };
            assert_eq!(r.live(now), applies, "{now} {kind:?} {active}");
            assert_eq!(!evaluate(&[r], &lines, now).is_empty(), applies);
        }
    }
}
