//! The business portal. Its home shares the `/` address with the consumer home; B2B-only pages
//! live under `/b2b/…` (added by the B2B issue).

pub mod home;
