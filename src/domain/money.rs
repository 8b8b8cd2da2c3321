//! Money: an exact `Decimal` amount with its currency. Stored as integer minor units (öre, cent);
//! never a float. Rounding policy: half away from zero to the currency's minor unit, applied once
//! per priced line (see `pricing`).

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// ISO 4217 currencies the shop knows, with their number of minor digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    Sek,
    Eur,
    Nok,
    Dkk,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Sek => "SEK",
            Currency::Eur => "EUR",
            Currency::Nok => "NOK",
            Currency::Dkk => "DKK",
        }
    }

    /// Digits after the decimal point in this currency's minor unit.
    pub fn minor_digits(self) -> u32 {
        2
    }

    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        match code.trim().to_ascii_uppercase().as_str() {
            "SEK" => Ok(Currency::Sek),
            "EUR" => Ok(Currency::Eur),
            "NOK" => Ok(Currency::Nok),
            "DKK" => Ok(Currency::Dkk),
            other => Err(MoneyError::UnknownCurrency(other.to_string())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("unknown currency {0:?}; the shop accepts SEK, EUR, NOK and DKK")]
    UnknownCurrency(String),
    #[error("the amount is too large")]
    Overflow,
    #[error("{0} and {1} amounts cannot be added together")]
    CurrencyMismatch(&'static str, &'static str),
}

/// An exact amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    /// From integer minor units as stored in the database (`124900` öre → 1 249,00 kr).
    pub fn from_minor(minor: i64, currency: Currency) -> Money {
        Money::new(Decimal::new(minor, currency.minor_digits()), currency)
    }

    /// To integer minor units, rounding half away from zero first. Fails only past ±9.2e16 units.
    pub fn to_minor(self) -> Result<i64, MoneyError> {
        let rounded = self.rounded();
        let scaled = rounded
            .amount
            .checked_mul(Decimal::from(10_i64.pow(self.currency.minor_digits())))
            .ok_or(MoneyError::Overflow)?;
        i64::try_from(scaled.trunc()).map_err(|_| MoneyError::Overflow)
    }

    pub fn amount(self) -> Decimal {
        self.amount
    }

    pub fn currency(self) -> Currency {
        self.currency
    }

    /// Rounded to the currency's minor unit, half away from zero (the shop's one rounding rule).
    pub fn rounded(self) -> Money {
        Money::new(
            self.amount.round_dp_with_strategy(
                self.currency.minor_digits(),
                RoundingStrategy::MidpointAwayFromZero,
            ),
            self.currency,
        )
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(
                self.currency.code(),
                other.currency.code(),
            ));
        }
        self.amount
            .checked_add(other.amount)
            .map(|a| Money::new(a, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// Multiplies by a whole quantity, exactly.
    pub fn times(self, qty: u32) -> Money {
        Money::new(self.amount * Decimal::from(qty), self.currency)
    }

    /// Multiplies by a factor such as `1.25` (VAT) or `0.98` (a discount), exactly; round afterwards.
    pub fn scale(self, factor: Decimal) -> Money {
        Money::new(self.amount * factor, self.currency)
    }

    /// Formats for people in `locale` ("sv…" or anything else as English):
    /// `1 249,00 kr` in Swedish (no-break spaces), `SEK 1,249.00` in English.
    pub fn format(self, locale: &str) -> String {
        let m = self.rounded();
        let negative = m.amount.is_sign_negative() && !m.amount.is_zero();
        let digits = m.currency.minor_digits() as usize;
        let text = format!("{:.*}", digits, m.amount.abs());
        let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
        let swedish = locale.starts_with("sv");
        let group = if swedish { '\u{a0}' } else { ',' };
        let decimal = if swedish { ',' } else { '.' };
        let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        let sign = if negative { "−" } else { "" };
        let number = if digits > 0 {
            format!("{grouped}{decimal}{frac_part}")
        } else {
            grouped
        };
        if swedish {
            let symbol = match m.currency {
                Currency::Sek => "kr",
                Currency::Eur => "€",
                Currency::Nok => "kr NOK",
                Currency::Dkk => "kr DKK",
            };
            format!("{sign}{number}\u{a0}{symbol}")
        } else {
            format!("{sign}{}\u{a0}{number}", m.currency.code())
        }
    }
}

/// Parses an amount as people type it: `25000`, `25 000`, `25 000,50`, `25,000.50`, `1249 kr`.
/// Returns minor units; refuses negatives, more than two decimals, and anything unreadable.
pub fn parse_amount_minor(input: &str) -> Result<i64, &'static str> {
    let t: String = input
        .trim()
        .trim_end_matches("kr")
        .trim_end_matches("SEK")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err("amount-invalid");
    }
    // The last separator followed by one or two digits is the decimal point; others group thousands.
    let (int_part, frac_part) = match t.rfind([',', '.']) {
        Some(i) if (1..=2).contains(&(t.len() - i - 1)) => (&t[..i], &t[i + 1..]),
        _ => (t.as_str(), ""),
    };
    let int_digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err("amount-invalid");
    }
    let whole: i64 = if int_digits.is_empty() {
        0
    } else {
        int_digits.parse().map_err(|_| "amount-too-large")?
    };
    let frac: i64 = match frac_part.len() {
        0 => 0,
        1 => frac_part.parse::<i64>().map_err(|_| "amount-invalid")? * 10,
        _ => frac_part.parse().map_err(|_| "amount-invalid")?,
    };
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .filter(|v| *v <= 1_000_000_000_000)
        .ok_or("amount-too-large")
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.rounded().amount, self.currency.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn minor_units_round_trip_exactly() {
        for minor in [
            0_i64,
            1,
            99,
            100,
            124_900,
            -5,
            100_000_000_000,
            i64::MAX / 1000,
        ] {
            let m = Money::from_minor(minor, Currency::Sek);
            assert_eq!(m.to_minor().unwrap(), minor, "{minor}");
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_the_minor_unit() {
        let cases = [
            (dec!(1.005), 101),
            (dec!(1.004), 100),
            (dec!(-1.005), -101),
            (dec!(0.125), 13),
            (dec!(99.999), 10_000),
            (dec!(799.2), 79_920),
        ];
        for (amount, minor) in cases {
            assert_eq!(
                Money::new(amount, Currency::Sek).to_minor().unwrap(),
                minor,
                "{amount}"
            );
        }
    }

    #[test]
    fn formats_per_locale() {
        let nb = '\u{a0}';
        let cases = [
            (124_900, "sv", format!("1{nb}249,00{nb}kr")),
            (124_900, "en", format!("SEK{nb}1,249.00")),
            (5, "sv", format!("0,05{nb}kr")),
            (100_000_000, "sv", format!("1{nb}000{nb}000,00{nb}kr")),
            (-12_345, "sv", format!("−123,45{nb}kr")),
            (99_900, "en", format!("SEK{nb}999.00")),
        ];
        for (minor, locale, want) in cases {
            assert_eq!(
                Money::from_minor(minor, Currency::Sek).format(locale),
                want,
                "{minor} {locale}"
            );
        }
    }

    #[test]
    fn arithmetic_is_exact_and_refuses_mixed_currencies() {
        let a = Money::from_minor(10, Currency::Sek);
        let b = Money::from_minor(20, Currency::Sek);
        assert_eq!(a.checked_add(b).unwrap().to_minor().unwrap(), 30);
        assert_eq!(
            Money::from_minor(333, Currency::Sek)
                .times(3)
                .to_minor()
                .unwrap(),
            999
        );
        assert_eq!(
            Money::from_minor(79_920, Currency::Sek)
                .scale(dec!(1.25))
                .to_minor()
                .unwrap(),
            99_900
        );
        assert!(matches!(
            a.checked_add(Money::from_minor(1, Currency::Eur)),
            Err(MoneyError::CurrencyMismatch("SEK", "EUR"))
        ));
        assert!(Money::new(Decimal::MAX, Currency::Sek).to_minor().is_err());
    }

    #[test]
    fn amounts_parse_as_people_type_them() {
        let cases: &[(&str, Result<i64, &str>)] = &[
            ("25000", Ok(2_500_000)),
            ("25 000", Ok(2_500_000)),
            ("25\u{a0}000,50", Ok(2_500_050)),
            ("25,000.50", Ok(2_500_050)),
            ("1249 kr", Ok(124_900)),
            ("0,5", Ok(50)),
            ("12.345", Ok(1_234_500)),
            ("", Err("amount-invalid")),
            ("-5", Err("amount-invalid")),
            ("abc", Err("amount-invalid")),
            ("1e6", Err("amount-invalid")),
            ("99999999999999999999", Err("amount-too-large")),
        ];
        for (input, want) in cases {
            assert_eq!(&parse_amount_minor(input), want, "{input}");
        }
    }

    #[test]
    fn currencies_parse_by_code() {
        assert_eq!(Currency::parse("sek").unwrap(), Currency::Sek);
        assert!(matches!(
            Currency::parse("XXX"),
            Err(MoneyError::UnknownCurrency(_))
        ));
    }
}
