//! Staff accounts as administrators manage them, pure: the form that adds a person (name,
//! e-mail, role) and the rule for changing one — nobody changes their own role or switches
//! themselves off, and the shop always keeps an active administrator.

use crate::domain::accounts::{Email, StaffRole};

/// Field name → message key.
pub type Errors = Vec<(&'static str, &'static str)>;

/// A new staff member as typed, checked.
pub fn check_new(
    name: &str,
    email: &str,
    role: &str,
) -> Result<(String, Email, StaffRole), Errors> {
    let mut errors = Errors::new();
    let name = name.trim();
    if name.chars().count() < 2 || name.chars().count() > 100 {
        errors.push(("name", "staff-name-bad"));
    }
    let email = Email::parse(email).map_err(|_| errors.push(("email", "company-email-bad")));
    let role = StaffRole::parse(role.trim()).ok_or_else(|| errors.push(("role", "staff-role-bad")));
    match (email, role) {
        (Ok(e), Ok(r)) if errors.is_empty() => Ok((name.to_string(), e, r)),
        _ => Err(errors),
    }
}

/// A change to a staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The person changing it is the person changed.
    pub own: bool,
    pub was: StaffRole,
    pub was_disabled: bool,
    pub role: StaffRole,
    pub disabled: bool,
    /// Active administrators, the changed person included if they are one.
    pub active_administrators: i64,
}

/// Whether the change may be made; the message key when not.
pub fn may_change(c: &Change) -> Result<(), &'static str> {
    if c.own && (c.role != c.was || c.disabled) {
        return Err("staff-not-yourself");
    }
    let leaves_admins = c.was == StaffRole::Administrator
        && !c.was_disabled
        && (c.role != StaffRole::Administrator || c.disabled);
    if leaves_admins && c.active_administrators <= 1 {
        return Err("staff-last-administrator");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use StaffRole::{Administrator as A, SalesRep as S};

    #[test]
    fn a_new_person_needs_a_name_an_address_and_a_role() {
        assert!(check_new("Sara Lind", "sara@duett.example", "sales_rep").is_ok());
        assert_eq!(
            check_new("S", "sara", "boss").err(),
            Some(vec![
                ("name", "staff-name-bad"),
                ("email", "company-email-bad"),
                ("role", "staff-role-bad")
            ])
        );
    }

    #[test]
    fn nobody_locks_themselves_or_the_shop_out() {
        let base = Change {
            own: false,
            was: S,
            was_disabled: false,
            role: S,
            disabled: false,
            active_administrators: 2,
        };
        let table: [(Change, Result<(), &str>); 8] = [
            (base, Ok(())),
            (Change { role: A, ..base }, Ok(())),
            (
                Change {
                    own: true,
                    role: A,
                    ..base
                },
                Err("staff-not-yourself"),
            ),
            (
                Change {
                    own: true,
                    was: A,
                    role: A,
                    disabled: true,
                    ..base
                },
                Err("staff-not-yourself"),
            ),
            (
                Change {
                    was: A,
                    role: S,
                    ..base
                },
                Ok(()),
            ),
            (
                Change {
                    was: A,
                    role: S,
                    active_administrators: 1,
                    ..base
                },
                Err("staff-last-administrator"),
            ),
            (
                Change {
                    was: A,
                    role: A,
                    disabled: true,
                    active_administrators: 1,
                    ..base
                },
                Err("staff-last-administrator"),
            ),
            // A switched-off administrator is not one of the active ones.
            (
                Change {
                    was: A,
                    was_disabled: true,
                    role: S,
                    disabled: true,
                    active_administrators: 1,
                    ..base
                },
                Ok(()),
            ),
        ];
        for (change, want) in table {
            assert_eq!(may_change(&change), want, "{change:?}");
        }
    }
}
