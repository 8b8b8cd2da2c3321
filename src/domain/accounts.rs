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

/// Why a new password was refused, in words a person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsEmail,
}

impl PasswordProblem {
    /// The translation key of the message.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Common => "password-common",
            PasswordProblem::ContainsEmail => "password-contains-email",
        }
    }
}

/// A new password that meets the policy: 12 to 128 characters (OWASP ASVS 2.1.1/2.1.2), not built
/// on the person's own e-mail or name, and not guessable (zxcvbn's dictionaries of common and
/// breached passwords, score 3 of 4 or better).
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(input: &str, email: &str, name: &str) -> Result<NewPassword, PasswordProblem> {
        let chars = input.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        let lower = input.to_lowercase();
        let local = email.split('@').next().unwrap_or("").to_lowercase();
        if local.len() >= 4 && lower.contains(&local) {
            return Err(PasswordProblem::ContainsEmail);
        }
        let mut hints: Vec<&str> = name.split_whitespace().collect();
        hints.push(email);
        hints.push("duett");
        if (zxcvbn::zxcvbn(input, &hints).score() as u8) < 3 {
            return Err(PasswordProblem::Common);
        }
        Ok(NewPassword(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
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
    fn passwords_follow_the_policy() {
        let cases: &[(&str, Result<(), PasswordProblem>)] = &[
            ("correct horse battery staple", Ok(())),
            ("Tjugo-två små grodor 2026", Ok(())),
            ("short", Err(PasswordProblem::TooShort)),
            ("elevenchars", Err(PasswordProblem::TooShort)),
            ("password1234", Err(PasswordProblem::Common)),
            ("qwertyuiopasdf", Err(PasswordProblem::Common)),
            ("123456789012", Err(PasswordProblem::Common)),
            ("saralind-rocks-2026", Err(PasswordProblem::ContainsEmail)),
            ("aaaaaaaaaaaaaaaa", Err(PasswordProblem::Common)),
            ("abcdefghijklmnop", Err(PasswordProblem::Common)),
        ];
        for (input, want) in cases {
            let got = NewPassword::parse(input, "saralind@example.com", "Sara Lind").map(|_| ());
            assert_eq!(&got, want, "{input}");
        }
        assert_eq!(
            NewPassword::parse(&"a".repeat(129), "x@y.se", "X").map(|_| ()),
            Err(PasswordProblem::TooLong)
        );
        // Length counts characters, not bytes.
        assert_eq!(
            NewPassword::parse("åäöåäöåäöåä", "x@y.se", "X").map(|_| ()),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            format!(
                "{:?}",
                NewPassword::parse("correct horse battery staple", "x@y.se", "X").unwrap()
            ),
            "NewPassword(***)"
        );
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
