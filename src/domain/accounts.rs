//! Who people are in the shop: account kinds, staff roles and company roles.

use std::fmt;

/// What a staff member may do; each admin route names the roles it admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffRole {
    Administrator,
    CatalogManager,
    SalesRep,
    SupportAgent,
}

impl StaffRole {
    pub const ALL: [StaffRole; 4] = [
        StaffRole::Administrator,
        StaffRole::CatalogManager,
        StaffRole::SalesRep,
        StaffRole::SupportAgent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StaffRole::Administrator => "administrator",
            StaffRole::CatalogManager => "catalog_manager",
            StaffRole::SalesRep => "sales_rep",
            StaffRole::SupportAgent => "support_agent",
        }
    }

    pub fn parse(code: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A person's role inside one company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompanyRole {
    Admin,
    Buyer,
    Approver,
}

impl CompanyRole {
    pub const ALL: [CompanyRole; 3] = [
        CompanyRole::Admin,
        CompanyRole::Buyer,
        CompanyRole::Approver,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CompanyRole::Admin => "admin",
            CompanyRole::Buyer => "buyer",
            CompanyRole::Approver => "approver",
        }
    }

    pub fn parse(code: &str) -> Option<CompanyRole> {
        CompanyRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The kind of account a user row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    Consumer,
    Staff,
    CompanyMember,
}

impl AccountKind {
    pub fn code(self) -> &'static str {
        match self {
            AccountKind::Consumer => "consumer",
            AccountKind::Staff => "staff",
            AccountKind::CompanyMember => "company_member",
        }
    }

    pub fn parse(code: &str) -> Option<AccountKind> {
        match code {
            "consumer" => Some(AccountKind::Consumer),
            "staff" => Some(AccountKind::Staff),
            "company_member" => Some(AccountKind::CompanyMember),
            _ => None,
        }
    }
}

/// An e-mail address, trimmed and lower-cased; a light syntactic check (the real check is the
/// message that reaches the inbox).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, &'static str> {
        let s = input.trim().to_lowercase();
        let Some((local, domain)) = s.split_once('@') else {
            return Err("enter an e-mail address like name@example.com");
        };
        let ok = !local.is_empty()
            && s.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
            && !domain.contains('@');
        if ok {
            Ok(Email(s))
        } else {
            Err("enter an e-mail address like name@example.com")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse(" Buyer@NordBygg.example ").unwrap().as_str(),
            "buyer@nordbygg.example"
        );
        for bad in [
            "", "no-at", "@x.se", "a@b", "a@.se", "a@b.", "a b@c.se", "a@b@c.se", "<a@b.se>",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn role_codes_round_trip() {
        for r in StaffRole::ALL {
            assert_eq!(StaffRole::parse(r.code()), Some(r));
        }
        for r in CompanyRole::ALL {
            assert_eq!(CompanyRole::parse(r.code()), Some(r));
        }
        assert_eq!(StaffRole::parse("root"), None);
        assert_eq!(
            AccountKind::parse("company_member"),
            Some(AccountKind::CompanyMember)
        );
    }
}
