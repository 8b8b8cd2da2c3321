//! Purchase approvals: when a company buyer's order must wait for an approver — above their
//! limit per order, or taking their spending this calendar month above their monthly limit.
//! Amounts are excluding VAT (what the company spends), in minor units. Nobody approves their
//! own order.

/// A buyer's spending limits in the company (none: no limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    pub per_order_minor: Option<i64>,
    pub monthly_minor: Option<i64>,
}

/// Why an order needs approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    OverOrderLimit {
        limit_minor: i64,
    },
    /// With this order the month's spending would be `would_be_minor`.
    OverMonthlyLimit {
        limit_minor: i64,
        would_be_minor: i64,
    },
    /// Approved, then changed by the buyer: the approvers decide again on what it is now.
    Changed,
}

impl Reason {
    /// A stable code for the record (`approvals.reason` keeps the words, this the kind).
    pub fn code(self) -> &'static str {
        match self {
            Reason::OverOrderLimit { .. } => "order_limit",
            Reason::OverMonthlyLimit { .. } => "monthly_limit",
            Reason::Changed => "changed",
        }
    }
}

/// Whether an order of `order_minor` needs approval, given what the buyer has already spent this
/// month (`month_spent_minor`, orders not cancelled). The per-order limit is named first.
pub fn needed(order_minor: i64, month_spent_minor: i64, limits: Limits) -> Option<Reason> {
    if let Some(limit) = limits.per_order_minor
        && order_minor > limit
    {
        return Some(Reason::OverOrderLimit { limit_minor: limit });
    }
    let would_be = month_spent_minor.saturating_add(order_minor);
    match limits.monthly_minor {
        Some(limit) if would_be > limit => Some(Reason::OverMonthlyLimit {
            limit_minor: limit,
            would_be_minor: would_be,
        }),
        _ => None,
    }
}

/// Why an approver may not decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecideProblem {
    /// The approver placed the order.
    OwnOrder,
    /// Only approvers and company admins decide.
    NotAnApprover,
    /// Decided already (by someone else, or a second click).
    AlreadyDecided,
}

/// Whether `approver` (with `can_approve` from their role) may decide an order `requested_by`
/// someone, still `pending`.
pub fn may_decide(
    approver: i64,
    can_approve: bool,
    requested_by: i64,
    pending: bool,
) -> Result<(), DecideProblem> {
    if !can_approve {
        return Err(DecideProblem::NotAnApprover);
    }
    if approver == requested_by {
        return Err(DecideProblem::OwnOrder);
    }
    if !pending {
        return Err(DecideProblem::AlreadyDecided);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_order_and_per_month() {
        let both = Limits {
            per_order_minor: Some(2_500_000),
            monthly_minor: Some(10_000_000),
        };
        // (order, spent this month, limits, outcome)
        let cases = [
            (2_500_000, 0, both, None),
            (
                2_500_001,
                0,
                both,
                Some(Reason::OverOrderLimit {
                    limit_minor: 2_500_000,
                }),
            ),
            (2_000_000, 8_000_000, both, None),
            (
                2_000_001,
                8_000_000,
                both,
                Some(Reason::OverMonthlyLimit {
                    limit_minor: 10_000_000,
                    would_be_minor: 10_000_001,
                }),
            ),
            // Both broken: the per-order limit is named.
            (
                3_000_000,
                9_000_000,
                both,
                Some(Reason::OverOrderLimit {
                    limit_minor: 2_500_000,
                }),
            ),
            (100_000_000, 100_000_000, Limits::default(), None),
            (
                1,
                0,
                Limits {
                    per_order_minor: Some(0),
                    monthly_minor: None,
                },
                Some(Reason::OverOrderLimit { limit_minor: 0 }),
            ),
            (
                5,
                i64::MAX,
                Limits {
                    per_order_minor: None,
                    monthly_minor: Some(10),
                },
                Some(Reason::OverMonthlyLimit {
                    limit_minor: 10,
                    would_be_minor: i64::MAX,
                }),
            ),
        ];
        for (order, spent, limits, want) in cases {
            assert_eq!(
                needed(order, spent, limits),
                want,
                "{order} {spent} {limits:?}"
            );
        }
    }

    #[test]
    fn who_may_decide() {
        // (approver, can approve, requested by, pending, outcome)
        let cases = [
            (1, true, 2, true, Ok(())),
            (2, true, 2, true, Err(DecideProblem::OwnOrder)),
            (1, false, 2, true, Err(DecideProblem::NotAnApprover)),
            (1, true, 2, false, Err(DecideProblem::AlreadyDecided)),
        ];
        for (approver, can, by, pending, want) in cases {
            assert_eq!(may_decide(approver, can, by, pending), want);
        }
    }
}
