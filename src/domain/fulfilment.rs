//! The order's life after it is placed, as a state machine: which status may follow which, and
//! what staff must give for a step (a tracking number to ship). `db::fulfilment` makes the moves
//! with conditional updates so two clicks move an order once.
//!
//! ```text
//! awaiting_payment ─paid─▶ paid ──────┬─▶ packed ─▶ shipped ─▶ delivered
//!        │                  │          │
//!        └──▶ (removed)     └──────────┴─▶ cancelled   (stock back, coupon use back)
//!                         confirmed ───┘   (a company order on invoice: placed, nothing to pay
//!                                           yet; cancelling voids the invoice)
//! ```

/// Orders ready to be packed (or cancelled): paid by card, or confirmed on invoice.
pub const READY: &[&str] = &["paid", "confirmed"];

/// A step staff can take on an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Pack,
    Ship,
    Deliver,
    Cancel,
}

impl Step {
    pub fn parse(s: &str) -> Option<Step> {
        match s {
            "pack" => Some(Step::Pack),
            "ship" => Some(Step::Ship),
            "deliver" => Some(Step::Deliver),
            "cancel" => Some(Step::Cancel),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Step::Pack => "pack",
            Step::Ship => "ship",
            Step::Deliver => "deliver",
            Step::Cancel => "cancel",
        }
    }

    /// The statuses an order may have for this step, and the status it gets.
    pub fn edge(self) -> (&'static [&'static str], &'static str) {
        match self {
            Step::Pack => (READY, "packed"),
            Step::Ship => (&["packed"], "shipped"),
            Step::Deliver => (&["shipped"], "delivered"),
            Step::Cancel => (READY, "cancelled"),
        }
    }
}

/// The steps open to an order in `status`, in the order staff usually take them.
pub fn steps_from(status: &str) -> Vec<Step> {
    [Step::Pack, Step::Ship, Step::Deliver, Step::Cancel]
        .into_iter()
        .filter(|s| s.edge().0.contains(&status))
        .collect()
}

/// Why a step was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepProblem {
    /// Not from this status (someone else moved it, or the step makes no sense).
    NotFrom(String),
    TrackingMissing,
    TrackingInvalid,
}

/// A carrier's tracking number as typed: letters, digits and dashes, 4–40 of them once spaces
/// are taken out.
pub fn tracking_number(input: &str) -> Result<String, StepProblem> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if cleaned.is_empty() {
        return Err(StepProblem::TrackingMissing);
    }
    if !(4..=40).contains(&cleaned.len())
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(StepProblem::TrackingInvalid);
    }
    Ok(cleaned)
}

/// Checks a step against the order's current status (and the tracking number for shipping).
pub fn check(step: Step, status: &str, tracking: &str) -> Result<Option<String>, StepProblem> {
    if !step.edge().0.contains(&status) {
        return Err(StepProblem::NotFrom(status.to_string()));
    }
    match step {
        Step::Ship => tracking_number(tracking).map(Some),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_next_step_is_allowed() {
        // (step, from, tracking, allowed)
        let cases = [
            (Step::Pack, "paid", "", true),
            (Step::Pack, "confirmed", "", true),
            (Step::Cancel, "confirmed", "", true),
            (Step::Pack, "awaiting_payment", "", false),
            (Step::Pack, "packed", "", false),
            (Step::Ship, "packed", "JJSE 1234 5678", true),
            (Step::Ship, "paid", "JJSE12345678", false),
            (Step::Ship, "packed", "", false),
            (Step::Deliver, "shipped", "", true),
            (Step::Deliver, "packed", "", false),
            (Step::Deliver, "delivered", "", false),
            (Step::Cancel, "paid", "", true),
            (Step::Cancel, "packed", "", false),
            (Step::Cancel, "cancelled", "", false),
        ];
        for (step, from, tracking, allowed) in cases {
            assert_eq!(
                check(step, from, tracking).is_ok(),
                allowed,
                "{step:?} from {from}"
            );
        }
        assert_eq!(steps_from("paid"), vec![Step::Pack, Step::Cancel]);
        assert_eq!(steps_from("packed"), vec![Step::Ship]);
        assert!(steps_from("delivered").is_empty());
        for step in [Step::Pack, Step::Ship, Step::Deliver, Step::Cancel] {
            assert_eq!(Step::parse(step.code()), Some(step));
        }
        assert_eq!(Step::parse("refund"), None);
    }

    #[test]
    fn tracking_numbers_are_cleaned_and_checked() {
        let cases = [
            ("jjse 1234 5678", Ok("JJSE12345678".to_string())),
            (
                "00370712345678901234",
                Ok("00370712345678901234".to_string()),
            ),
            ("", Err(StepProblem::TrackingMissing)),
            ("   ", Err(StepProblem::TrackingMissing)),
            ("abc", Err(StepProblem::TrackingInvalid)),
            ("<script>", Err(StepProblem::TrackingInvalid)),
            (&"9".repeat(41), Err(StepProblem::TrackingInvalid)),
        ];
        for (input, expected) in cases {
            assert_eq!(tracking_number(input), expected, "{input}");
        }
    }
}
