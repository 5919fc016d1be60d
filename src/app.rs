//! Application state and the only code that changes it: `update(&mut State, Msg)`.
//!
//! No terminal and no IO here: key presses arrive as messages through the keymap,
//! store results arrive as messages from the worker, and whatever must happen outside
//! is returned as `Effect` data for the loop to carry out.

pub mod admin;
mod admin_model;
mod bodies;
mod bodies_model;
pub mod editor;
pub mod evaluation;
mod evaluation_model;
pub mod jobs;
pub mod key;
pub mod keymap;
mod msg;
pub mod newcomer;
mod newcomer_model;
mod notices;
pub mod photos;
mod photos_model;
pub mod pickers;
mod pickers_model;
pub mod prose;
pub mod published;
mod published_model;
pub mod rows;
mod screens;
pub mod share;
mod share_model;
pub mod spelling;
mod spelling_model;
mod state;
mod state_query;
pub mod sync;
mod sync_model;
mod tags;
pub use crate::query::{Filters, Queue, Row};
pub use screens::{ItemView, ListView, Login};
pub mod update;
mod update_editor;
pub mod update_review;
pub mod visible;
pub mod waiting;

pub use bodies_model::Ask;
pub use keymap::{BINDINGS, Mode};
pub use msg::{Effect, Msg};
pub use state::{Notice, Popup, Screen, Severity, State};
pub use update::update;
