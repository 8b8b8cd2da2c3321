//! The black-box integration suite: each test spawns the real app on a random port with a fresh
//! database (SQLite by default, Postgres when TEST_DATABASE_URL is set) and drives it over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod admin;
mod approvals;
mod b2b_checkout;
mod b2b_pricing;
mod back_in_stock;
mod business;
mod cart;
mod cart_rules;
mod catalog;
mod checkout;
mod company;
mod company_users;
mod coupons;
mod credentials;
mod errors;
mod helpers;
mod home;
mod i18n;
mod lists;
mod mail_delivery;
mod ops;
mod page_cache;
mod password_reset;
mod persistence;
mod profile;
mod quick_order;
mod quotes;
mod register;
mod returns;
mod reviews;
mod search;
mod security;
mod seo;
