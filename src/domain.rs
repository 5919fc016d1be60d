//! The pure model of a newsroom: items, config, review logs, slugs, workflow and permissions.
//!
//! Nothing here touches the file system, git, the terminal or the clock: callers pass
//! bytes in and get values or typed errors out.

pub mod admin;
pub mod checks;
pub mod config;
pub mod config_write;
pub mod correction;
pub mod dates;
pub mod diff;
pub mod hosting;
pub mod house_style;
pub mod item;
pub mod layout;
pub mod limits;
pub mod lint;
pub mod people_csv;
pub mod photo;
pub mod publish;
pub mod report;
pub mod review;
pub mod rules;
pub mod slug;
pub mod spelling;
pub mod sshkey;
pub mod text;
pub mod word_index;
pub mod workflow;
