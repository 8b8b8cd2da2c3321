//! Company identity: Swedish organisation numbers and EU VAT numbers, checked by format and
//! checksum. An online check (VIES) can be plugged in through [`VatRegistry`].

use std::fmt;

/// Luhn checksum over a string of digits (Swedish organisation and personal numbers).
fn luhn_ok(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                *d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn digits_of(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// A Swedish organisation number, stored as `NNNNNN-NNNN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgNumber(String);

impl OrgNumber {
    /// Accepts `5566778899`, `556677-8899` or with the `16` century prefix; checks the Luhn digit.
    pub fn parse(input: &str) -> Result<OrgNumber, &'static str> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let compact = match compact.len() {
            12 if compact.starts_with("16") => compact[2..].to_string(),
            _ => compact,
        };
        let digits = digits_of(&compact).ok_or("org-no-format")?;
        if digits.len() != 10 {
            return Err("org-no-format");
        }
        if !luhn_ok(&digits) {
            return Err("org-no-checksum");
        }
        Ok(OrgNumber(format!("{}-{}", &compact[..6], &compact[6..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn digits(&self) -> String {
        self.0.replace('-', "")
    }
}

/// An EU VAT number, upper-case without spaces, e.g. `SE556677889901`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatNumber(String);

impl VatNumber {
    /// Checks the country's format and, where the country publishes one, its check digit.
    pub fn parse(input: &str) -> Result<VatNumber, &'static str> {
        let v: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
            .collect::<String>()
            .to_uppercase();
        if v.len() < 4 || !v.is_char_boundary(2) {
            return Err("vat-format");
        }
        let (country, rest) = v.split_at(2);
        let all_digits = |n: usize| rest.len() == n && rest.chars().all(|c| c.is_ascii_digit());
        let ok = match country {
            "SE" => {
                all_digits(12)
                    && rest.ends_with("01")
                    && digits_of(&rest[..10]).is_some_and(|d| luhn_ok(&d))
            }
            "DK" => all_digits(8) && weighted_mod11(rest, &[2, 7, 6, 5, 4, 3, 2, 1]) == Some(0),
            "FI" => all_digits(8) && fi_check(rest),
            "DE" => all_digits(9) && de_check(rest),
            "NL" => {
                rest.len() == 12
                    && rest[..9].chars().all(|c| c.is_ascii_digit())
                    && &rest[9..10] == "B"
                    && rest[10..].chars().all(|c| c.is_ascii_digit())
            }
            "AT" => {
                rest.len() == 9
                    && rest.starts_with('U')
                    && rest[1..].chars().all(|c| c.is_ascii_digit())
            }
            "BE" => all_digits(10),
            "FR" => rest.len() == 11 && rest[2..].chars().all(|c| c.is_ascii_digit()),
            "EE" | "PT" => all_digits(9),
            "LV" | "LT" | "IT" => all_digits(11) || (country == "LT" && all_digits(9)),
            "PL" | "SK" => all_digits(10),
            "ES" | "IE" | "CY" | "CZ" | "GR" | "EL" | "HR" | "HU" | "LU" | "MT" | "RO" | "SI"
            | "BG" => {
                (2..=12).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_alphanumeric())
            }
            _ => return Err("vat-country"),
        };
        if ok {
            Ok(VatNumber(v))
        } else {
            Err("vat-format")
        }
    }

    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for VatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn weighted_mod11(digits: &str, weights: &[u32]) -> Option<u32> {
    let d = digits_of(digits)?;
    Some(d.iter().zip(weights).map(|(a, b)| a * b).sum::<u32>() % 11)
}

fn fi_check(rest: &str) -> bool {
    let Some(d) = digits_of(rest) else {
        return false;
    };
    let sum: u32 = d[..7]
        .iter()
        .zip([7, 9, 10, 5, 8, 4, 2])
        .map(|(a, b)| a * b)
        .sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    check == d[7]
}

/// ISO 7064 MOD 11,10 as used for German VAT numbers.
fn de_check(rest: &str) -> bool {
    let Some(d) = digits_of(rest) else {
        return false;
    };
    let mut product = 10;
    for digit in &d[..8] {
        let mut sum = (digit + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    let check = if 11 - product == 10 { 0 } else { 11 - product };
    check == d[8]
}

/// What a registry said about a VAT number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VatStatus {
    /// Format and checksum are right; no registry was asked.
    FormatValid,
    /// A registry (VIES) confirmed the number.
    Confirmed,
    /// A registry said the number is not registered.
    Unknown,
}

/// A place to confirm VAT numbers. The shop ships with [`FormatOnly`]; a VIES client implements
/// the same trait.
pub trait VatRegistry: Send + Sync {
    fn check(&self, vat: &VatNumber) -> VatStatus;
}

/// Checks nothing beyond format and checksum (already done by [`VatNumber::parse`]).
pub struct FormatOnly;

impl VatRegistry for FormatOnly {
    fn check(&self, _vat: &VatNumber) -> VatStatus {
        VatStatus::FormatValid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_numbers() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("556677-8899", Ok("556677-8899")),
            ("5566778899", Ok("556677-8899")),
            ("16556677-8899", Ok("556677-8899")),
            (" 556123 4567 ", Ok("556123-4567")),
            ("556677-8898", Err("org-no-checksum")),
            ("55667788", Err("org-no-format")),
            ("ABCDEF-1234", Err("org-no-format")),
            ("", Err("org-no-format")),
        ];
        for (input, want) in cases {
            assert_eq!(
                OrgNumber::parse(input)
                    .as_ref()
                    .map(OrgNumber::as_str)
                    .map_err(|e| *e),
                *want,
                "{input}"
            );
        }
    }

    #[test]
    fn vat_numbers() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("SE556677889901", Ok("SE556677889901")),
            ("se 5566 7788 9901", Ok("SE556677889901")),
            ("SE556677889801", Err("vat-format")), // Luhn fails
            ("SE556677889902", Err("vat-format")), // must end in 01
            ("DK13585628", Ok("DK13585628")),
            ("DK13585627", Err("vat-format")),
            ("FI20774740", Ok("FI20774740")),
            ("FI20774741", Err("vat-format")),
            ("DE136695976", Ok("DE136695976")),
            ("DE136695977", Err("vat-format")),
            ("NL123456789B01", Ok("NL123456789B01")),
            ("ATU12345678", Ok("ATU12345678")),
            ("US123456789", Err("vat-country")),
            ("SE", Err("vat-format")),
            ("ÅÄÖ123", Err("vat-country")),
        ];
        for (input, want) in cases {
            assert_eq!(
                VatNumber::parse(input)
                    .as_ref()
                    .map(VatNumber::as_str)
                    .map_err(|e| *e),
                *want,
                "{input}"
            );
        }
        let vat = VatNumber::parse("SE556677889901").unwrap();
        assert_eq!(vat.country(), "SE");
        assert_eq!(FormatOnly.check(&vat), VatStatus::FormatValid);
    }
}

#[cfg(test)]
mod demo_data_tests {
    use super::*;

    /// The demo companies' numbers must pass the same checks as an application would.
    #[test]
    fn demo_company_numbers_are_valid() {
        for (org, vat) in [
            ("556677-8899", "SE556677889901"),
            ("556123-4567", "SE556123456701"),
            ("559012-3450", "SE559012345001"),
            ("559876-5435", "SE559876543501"),
        ] {
            assert!(OrgNumber::parse(org).is_ok(), "{org}");
            assert!(VatNumber::parse(vat).is_ok(), "{vat}");
        }
    }
}
