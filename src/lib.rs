//! warta: a terminal newsroom editor whose items live in a git repository.
//!
//! Layers point one way: [`domain`] ← [`store`] ← [`query`] ← [`app`] ← [`ui`] ← `tui`, [`cli`].
//! The domain is pure; only the store touches git2 and the file system.

pub mod app;
pub mod cli;
pub mod domain;
pub mod exit;
pub mod i18n;
pub mod query;
pub mod samples;
pub mod startup;
pub mod store;
pub mod tui;
pub mod ui;
