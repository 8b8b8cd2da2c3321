//! Changing a company order after it is placed and before it is packed: which orders may be
//! changed and by whom, the quantities typed, and what the change means for its approval — an
//! order approved and then changed goes back to the approvers; one still waiting is asked again
//! with what it now costs; one that never needed approval needs it when it now breaks a limit.
//! `db::orders::change` makes the change in one transaction; prices are today's.

use super::approvals::Reason;

/// Statuses in which a company order may still be changed (nothing packed, nothing paid).
pub const CHANGEABLE: &[&str] = &["awaiting_approval", "awaiting_payment", "confirmed"];

/// The most of one product an order line may hold after a change.
pub const MAX_QUANTITY: u32 = 100_000;

/// Why an order cannot be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotChangeable {
    /// Paid, packed, shipped, cancelled or rejected already.
    Status,
    /// Ordered from a quote: its prices were agreed for these quantities.
    FromQuote,
    /// A coupon was redeemed on it.
    Coupon,
    /// Only the person who placed it, or a company admin, changes an order.
    NotYours,
    /// A consumer's order (they cancel and order again).
    NotACompanyOrder,
}

impl NotChangeable {
    pub fn message_key(self) -> &'static str {
        match self {
            NotChangeable::Status => "order-change-too-late",
            NotChangeable::FromQuote => "order-change-from-quote",
            NotChangeable::Coupon => "order-change-coupon",
            NotChangeable::NotYours => "order-change-not-yours",
            NotChangeable::NotACompanyOrder => "order-change-not-company",
        }
    }
}

/// The order as far as the rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts<'a> {
    pub status: &'a str,
    pub company_order: bool,
    pub from_quote: bool,
    pub has_coupon: bool,
    /// The person asking placed the order.
    pub placed_by_viewer: bool,
    /// The person asking is an admin of the order's company.
    pub viewer_is_company_admin: bool,
}

/// Whether the viewer may change this order now.
pub fn changeable(f: Facts<'_>) -> Result<(), NotChangeable> {
    if !f.company_order {
        return Err(NotChangeable::NotACompanyOrder);
    }
    if !(f.placed_by_viewer || f.viewer_is_company_admin) {
        return Err(NotChangeable::NotYours);
    }
    if !CHANGEABLE.contains(&f.status) {
        return Err(NotChangeable::Status);
    }
    if f.from_quote {
        return Err(NotChangeable::FromQuote);
    }
    if f.has_coupon {
        return Err(NotChangeable::Coupon);
    }
    Ok(())
}

/// A quantity typed for a line that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityProblem {
    NotANumber,
    TooLarge,
}

impl QuantityProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            QuantityProblem::NotANumber => "order-change-quantity-invalid",
            QuantityProblem::TooLarge => "order-change-quantity-large",
        }
    }
}

/// A line's new quantity as typed: a whole number, 0 (or empty) takes the line out.
pub fn parse_quantity(typed: &str) -> Result<u32, QuantityProblem> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(0);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(QuantityProblem::NotANumber);
    }
    match t.parse::<u64>() {
        Ok(n) if n <= u64::from(MAX_QUANTITY) => Ok(n as u32),
        _ => Err(QuantityProblem::TooLarge),
    }
}

/// What a change touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Nothing differs from the order as it is.
    Nothing,
    /// Only the purchase order number, delivery date or comment.
    DetailsOnly,
    /// Quantities or lines (and perhaps the details).
    Lines,
}

/// Whether the new quantities (by line, in the order's line order) and details differ from the
/// order's. All lines at 0 is not a change but a cancellation: the caller refuses it first.
pub fn scope(old: &[u32], new: &[u32], details_changed: bool) -> Scope {
    if old != new {
        Scope::Lines
    } else if details_changed {
        Scope::DetailsOnly
    } else {
        Scope::Nothing
    }
}

/// Where the order's approval stood before the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalBefore {
    /// The order never needed one.
    None,
    Pending,
    Approved,
}

/// What the changed order needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalAfter {
    /// Nothing changes about approval (a change of details only, or within the limits of an
    /// order that never needed approval).
    Unchanged,
    /// The approvers decide (again), for this reason.
    Ask(Reason),
    /// It was waiting, and with the change it is within the buyer's limits: it goes ahead as
    /// if it had been placed like this.
    Release,
}

/// What approval a change needs: `needed` is the limits check of the changed order (with the
/// month's spending without this order). Changing the lines of an approved order always sends
/// it back — the approvers said yes to what it was.
pub fn approval_after(
    before: ApprovalBefore,
    scope: Scope,
    needed: Option<Reason>,
) -> ApprovalAfter {
    if scope != Scope::Lines {
        return ApprovalAfter::Unchanged;
    }
    match (before, needed) {
        (_, Some(reason)) => ApprovalAfter::Ask(reason),
        (ApprovalBefore::Approved, None) => ApprovalAfter::Ask(Reason::Changed),
        (ApprovalBefore::Pending, None) => ApprovalAfter::Release,
        (ApprovalBefore::None, None) => ApprovalAfter::Unchanged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: &str) -> Facts<'_> {
        Facts {
            status,
            company_order: true,
            from_quote: false,
            has_coupon: false,
            placed_by_viewer: true,
            viewer_is_company_admin: false,
        }
    }

    #[test]
    fn who_may_change_which_order() {
        let admin = Facts {
            placed_by_viewer: false,
            viewer_is_company_admin: true,
            ..facts("confirmed")
        };
        let colleague = Facts {
            placed_by_viewer: false,
            ..facts("confirmed")
        };
        // (facts, outcome)
        let cases = [
            (facts("awaiting_approval"), Ok(())),
            (facts("awaiting_payment"), Ok(())),
            (facts("confirmed"), Ok(())),
            (admin, Ok(())),
            (colleague, Err(NotChangeable::NotYours)),
            (facts("paid"), Err(NotChangeable::Status)),
            (facts("packed"), Err(NotChangeable::Status)),
            (facts("shipped"), Err(NotChangeable::Status)),
            (facts("cancelled"), Err(NotChangeable::Status)),
            (facts("rejected"), Err(NotChangeable::Status)),
            (
                Facts {
                    from_quote: true,
                    ..facts("confirmed")
                },
                Err(NotChangeable::FromQuote),
            ),
            (
                Facts {
                    has_coupon: true,
                    ..facts("confirmed")
                },
                Err(NotChangeable::Coupon),
            ),
            (
                Facts {
                    company_order: false,
                    ..facts("awaiting_payment")
                },
                Err(NotChangeable::NotACompanyOrder),
            ),
            // Someone else's order that is too late anyway: "not yours" is said first.
            (
                Facts {
                    placed_by_viewer: false,
                    ..facts("shipped")
                },
                Err(NotChangeable::NotYours),
            ),
        ];
        for (f, want) in cases {
            assert_eq!(changeable(f), want, "{f:?}");
        }
    }

    #[test]
    fn quantities_as_typed() {
        let cases = [
            ("12", Ok(12)),
            (" 7 ", Ok(7)),
            ("0", Ok(0)),
            ("", Ok(0)),
            ("100000", Ok(100_000)),
            ("100001", Err(QuantityProblem::TooLarge)),
            ("99999999999999999999999", Err(QuantityProblem::TooLarge)),
            ("-1", Err(QuantityProblem::NotANumber)),
            ("1.5", Err(QuantityProblem::NotANumber)),
            ("ten", Err(QuantityProblem::NotANumber)),
            ("+3", Err(QuantityProblem::NotANumber)),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_quantity(typed), want, "{typed:?}");
        }
    }

    #[test]
    fn what_a_change_touches() {
        let cases = [
            (&[10, 5][..], &[10, 5][..], false, Scope::Nothing),
            (&[10, 5], &[10, 5], true, Scope::DetailsOnly),
            (&[10, 5], &[20, 5], false, Scope::Lines),
            (&[10, 5], &[10, 0], true, Scope::Lines),
        ];
        for (old, new, details, want) in cases {
            assert_eq!(scope(old, new, details), want, "{old:?} → {new:?}");
        }
    }

    #[test]
    fn approval_after_a_change() {
        use ApprovalAfter::*;
        use ApprovalBefore as B;
        let over = Reason::OverOrderLimit {
            limit_minor: 1_000_000,
        };
        // (before, scope, limits check of the changed order, outcome)
        let cases = [
            (B::Approved, Scope::Lines, None, Ask(Reason::Changed)),
            (B::Approved, Scope::Lines, Some(over), Ask(over)),
            (B::Approved, Scope::DetailsOnly, None, Unchanged),
            (B::Pending, Scope::Lines, Some(over), Ask(over)),
            (B::Pending, Scope::Lines, None, Release),
            (B::Pending, Scope::DetailsOnly, Some(over), Unchanged),
            (B::None, Scope::Lines, None, Unchanged),
            (B::None, Scope::Lines, Some(over), Ask(over)),
            (B::None, Scope::Nothing, Some(over), Unchanged),
        ];
        for (before, scope, needed, want) in cases {
            assert_eq!(
                approval_after(before, scope, needed),
                want,
                "{before:?} {scope:?} {needed:?}"
            );
        }
    }
}
