//! Postal addresses as people type them, checked before they are saved.

/// Which field of an address form has a problem, and the message key that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    NameMissing,
    StreetMissing,
    PostalCodeInvalid,
    CityMissing,
    CountryUnsupported,
    TooLong,
}

impl AddressProblem {
    pub fn field(self) -> &'static str {
        match self {
            AddressProblem::NameMissing => "name",
            AddressProblem::StreetMissing | AddressProblem::TooLong => "line1",
            AddressProblem::PostalCodeInvalid => "postal_code",
            AddressProblem::CityMissing => "city",
            AddressProblem::CountryUnsupported => "country",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            AddressProblem::NameMissing => "address-name-missing",
            AddressProblem::StreetMissing => "address-street-missing",
            AddressProblem::PostalCodeInvalid => "address-postal-invalid",
            AddressProblem::CityMissing => "address-city-missing",
            AddressProblem::CountryUnsupported => "address-country-unsupported",
            AddressProblem::TooLong => "address-too-long",
        }
    }
}

/// Countries the shop delivers to.
pub const COUNTRIES: [&str; 5] = ["SE", "NO", "DK", "FI", "DE"];

/// A checked address, normalised (trimmed; Swedish postal codes as `123 45`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    pub label: String,
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub phone: String,
}

impl PostalAddress {
    /// Checks every field and returns all problems at once, so the form can mark each of them.
    pub fn parse(input: &PostalAddress) -> Result<PostalAddress, Vec<AddressProblem>> {
        let t = |s: &str| s.trim().to_string();
        let mut a = PostalAddress {
            label: t(&input.label),
            name: t(&input.name),
            line1: t(&input.line1),
            line2: t(&input.line2),
            postal_code: t(&input.postal_code),
            city: t(&input.city),
            country: input.country.trim().to_ascii_uppercase(),
            phone: t(&input.phone),
        };
        let mut problems = Vec::new();
        if a.name.is_empty() {
            problems.push(AddressProblem::NameMissing);
        }
        if a.line1.is_empty() {
            problems.push(AddressProblem::StreetMissing);
        }
        if a.city.is_empty() {
            problems.push(AddressProblem::CityMissing);
        }
        if !COUNTRIES.contains(&a.country.as_str()) {
            problems.push(AddressProblem::CountryUnsupported);
        }
        match normalise_postal_code(&a.country, &a.postal_code) {
            Some(code) => a.postal_code = code,
            None => problems.push(AddressProblem::PostalCodeInvalid),
        }
        let fields = [&a.label, &a.name, &a.line1, &a.line2, &a.city, &a.phone];
        if fields.iter().any(|f| f.chars().count() > 100) {
            problems.push(AddressProblem::TooLong);
        }
        if problems.is_empty() {
            Ok(a)
        } else {
            Err(problems)
        }
    }
}

/// Postal codes by country: SE `NNN NN`, NO/DK 4 digits, FI/DE 5 digits.
fn normalise_postal_code(country: &str, code: &str) -> Option<String> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match (country, digits.len()) {
        ("SE", 5) => Some(format!("{} {}", &digits[..3], &digits[3..])),
        ("NO" | "DK", 4) | ("FI" | "DE", 5) => Some(digits),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, line1: &str, postal: &str, city: &str, country: &str) -> PostalAddress {
        PostalAddress {
            label: "Home".into(),
            name: name.into(),
            line1: line1.into(),
            line2: String::new(),
            postal_code: postal.into(),
            city: city.into(),
            country: country.into(),
            phone: String::new(),
        }
    }

    #[test]
    fn addresses_are_checked_field_by_field() {
        use AddressProblem::*;
        let cases: &[(PostalAddress, Result<&str, Vec<AddressProblem>>)] = &[
            (
                input("Sara", "Storgatan 1", "41138", "Göteborg", "se"),
                Ok("411 38"),
            ),
            (
                input("Sara", "Storgatan 1", " 411 38 ", "Göteborg", "SE"),
                Ok("411 38"),
            ),
            (input("Ola", "Gate 2", "0150", "Oslo", "NO"), Ok("0150")),
            (input("Jan", "Str. 3", "10115", "Berlin", "DE"), Ok("10115")),
            (
                input("", "Storgatan 1", "41138", "Göteborg", "SE"),
                Err(vec![NameMissing]),
            ),
            (
                input("Sara", " ", "4113", "", "SE"),
                Err(vec![StreetMissing, CityMissing, PostalCodeInvalid]),
            ),
            (
                input("Sara", "Storgatan 1", "4113A", "Göteborg", "SE"),
                Err(vec![PostalCodeInvalid]),
            ),
            (
                input("Sara", "Storgatan 1", "41138", "Göteborg", "US"),
                Err(vec![CountryUnsupported, PostalCodeInvalid]),
            ),
            (
                input(&"x".repeat(101), "Storgatan 1", "41138", "Göteborg", "SE"),
                Err(vec![TooLong]),
            ),
        ];
        for (addr, want) in cases {
            let got = PostalAddress::parse(addr).map(|a| a.postal_code);
            match (got, want) {
                (Ok(code), Ok(w)) => assert_eq!(&code, w),
                (Err(p), Err(w)) => assert_eq!(&p, w, "{addr:?}"),
                (got, want) => panic!("{addr:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}
