//! VAT rates. Swedish classes: 25 % standard, 12 % (food, hotels), 6 % (books, transport).

use crate::domain::money::Money;
use rust_decimal::Decimal;

/// A VAT rate in basis points (2500 = 25 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxRate(u32);

impl TaxRate {
    /// Swedish standard rate, 25 %.
    pub const STANDARD: TaxRate = TaxRate(2500);
    /// No VAT (reverse charge).
    pub const ZERO: TaxRate = TaxRate(0);

    pub fn from_bp(bp: i32) -> Option<TaxRate> {
        (0..=10_000).contains(&bp).then_some(TaxRate(bp as u32))
    }

    pub fn bp(self) -> u32 {
        self.0
    }

    /// As a fraction: 25 % → 0.25.
    pub fn fraction(self) -> Decimal {
        Decimal::new(i64::from(self.0), 4)
    }

    /// The VAT on a net amount, rounded to the minor unit.
    pub fn vat_on(self, net: Money) -> Money {
        net.scale(self.fraction()).rounded()
    }

    /// "25 %" style label (the number only; templates add the % sign per locale).
    pub fn percent(self) -> Decimal {
        Decimal::new(i64::from(self.0), 2).normalize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        assert_eq!(TaxRate::from_bp(2500).unwrap().percent().to_string(), "25");
        assert_eq!(
            TaxRate::from_bp(1250).unwrap().percent().to_string(),
            "12.5"
        );
        assert!(TaxRate::from_bp(-1).is_none());
        assert!(TaxRate::from_bp(10_001).is_none());
    }
}
