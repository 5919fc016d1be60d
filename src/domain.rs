//! The pure model of a newsroom: items, config, review logs, slugs, workflow and permissions.
//!
//! Nothing here touches the file system, git, the terminal or the clock: callers pass
//! bytes in and get values or typed errors out.

pub mod config;
pub mod dates;
pub mod diff;
pub mod item;
pub mod layout;
pub mod limits;
pub mod lint;
pub mod photo;
pub mod publish;
pub mod report;
pub mod review;
pub mod rules;
pub mod slug;
pub mod text;
pub mod workflow;
