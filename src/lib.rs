//! Duett: one web app, two storefronts (B2C and B2B) and an admin over one catalog.
//!
//! Layers (see docs/ARCHITECTURE.md): `web` handlers parse input, call pure `domain` code and the
//! `db` query functions, and render `askama` pages in the caller's theme.

pub mod auth;
pub mod config;
pub mod db;
pub mod delivery;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod media_files;
pub mod payment;
pub mod pictures;
pub mod startup;
pub mod telemetry;
pub mod web;
