//! The staff form for a company account: its name, industry and size (which drive the portal's
//! targeted content), contact, credit limit for invoices, and whether it may buy (active) or is
//! suspended. Pure; `db::company_admin` stores it. The organisation number and VAT number are
//! not changed here (they identify the company; a new one is a new company).

use crate::domain::accounts::Email;
use crate::domain::money::parse_amount_minor;

pub const INDUSTRIES: [&str; 4] = ["construction", "office", "hospitality", "other"];
pub const SIZES: [&str; 4] = ["micro", "small", "medium", "large"];
/// The states staff may set: a pending or rejected application is decided on its own page.
pub const STATUSES: [&str; 2] = ["active", "suspended"];
/// The highest credit limit accepted: 100 million kronor.
pub const CREDIT_MAX_MINOR: i64 = 10_000_000_000;

/// What staff typed.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub name: &'a str,
    pub industry: &'a str,
    pub size: &'a str,
    pub contact_name: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
    /// Kronor.
    pub credit_limit: &'a str,
    pub status: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub name: String,
    pub industry: &'static str,
    pub size: &'static str,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub credit_limit_minor: i64,
    pub status: &'static str,
}

/// Field name → message key.
pub type Errors = Vec<(&'static str, &'static str)>;

fn one_of(list: &[&'static str], typed: &str) -> Option<&'static str> {
    list.iter().copied().find(|v| *v == typed.trim())
}

pub fn check(input: &Input<'_>) -> Result<Draft, Errors> {
    let mut errors = Errors::new();
    let name = input.name.trim();
    if name.chars().count() < 2 || name.chars().count() > 120 {
        errors.push(("name", "company-name-bad"));
    }
    let industry = one_of(&INDUSTRIES, input.industry).unwrap_or_else(|| {
        errors.push(("industry", "business-industry-missing"));
        "other"
    });
    let size = one_of(&SIZES, input.size).unwrap_or_else(|| {
        errors.push(("size", "company-size-missing"));
        "small"
    });
    let contact_name = input.contact_name.trim();
    if contact_name.chars().count() > 120 {
        errors.push(("contact_name", "company-contact-long"));
    }
    let contact_email = match Email::parse(input.contact_email) {
        Ok(e) => e.as_str().to_string(),
        Err(_) => {
            errors.push(("contact_email", "company-email-bad"));
            String::new()
        }
    };
    let contact_phone = input.contact_phone.trim();
    if contact_phone.chars().count() > 40
        || !contact_phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        errors.push(("contact_phone", "company-phone-bad"));
    }
    let credit_limit_minor = match parse_amount_minor(input.credit_limit) {
        Ok(m) if m <= CREDIT_MAX_MINOR => m,
        _ => {
            errors.push(("credit_limit", "company-credit-bad"));
            0
        }
    };
    let status = one_of(&STATUSES, input.status).unwrap_or_else(|| {
        errors.push(("status", "company-status-bad"));
        "active"
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Draft {
        name: name.to_string(),
        industry,
        size,
        contact_name: contact_name.to_string(),
        contact_email,
        contact_phone: contact_phone.to_string(),
        credit_limit_minor,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Input<'static> {
        Input {
            name: " Nordbygg AB ",
            industry: "construction",
            size: "medium",
            contact_name: "Anna Berg",
            contact_email: "Anna@Nordbygg.example",
            contact_phone: "+46 8 555 123 00",
            credit_limit: "250 000",
            status: "active",
        }
    }

    #[test]
    fn a_good_form_is_read() {
        let d = check(&good());
        let Ok(d) = d else { panic!("{d:?}") };
        assert_eq!(d.name, "Nordbygg AB");
        assert_eq!(d.credit_limit_minor, 25_000_000);
        assert_eq!(d.status, "active");
    }

    #[test]
    fn each_wrong_field_is_named() {
        let table: Vec<(Input<'_>, &str, &str)> = vec![
            (
                Input {
                    name: "A",
                    ..good()
                },
                "name",
                "company-name-bad",
            ),
            (
                Input {
                    industry: "mining",
                    ..good()
                },
                "industry",
                "business-industry-missing",
            ),
            (Input { size: "", ..good() }, "size", "company-size-missing"),
            (
                Input {
                    contact_email: "anna",
                    ..good()
                },
                "contact_email",
                "company-email-bad",
            ),
            (
                Input {
                    contact_phone: "call me",
                    ..good()
                },
                "contact_phone",
                "company-phone-bad",
            ),
            (
                Input {
                    credit_limit: "-5",
                    ..good()
                },
                "credit_limit",
                "company-credit-bad",
            ),
            (
                Input {
                    credit_limit: "1000000000",
                    ..good()
                },
                "credit_limit",
                "company-credit-bad",
            ),
            (
                Input {
                    status: "pending",
                    ..good()
                },
                "status",
                "company-status-bad",
            ),
        ];
        for (input, field, key) in table {
            assert_eq!(check(&input), Err(vec![(field, key)]), "{field}");
        }
    }
}
