//! Who is asking: password hashing, the session, CSRF protection and the principal extractors.

pub mod acting;
pub mod csrf;
pub mod limits;
pub mod password;
pub mod principal;
pub mod principal_cache;
pub mod session;

pub use principal::{CompanyAdmin, CompanyMember, Principal, StaffUser};
