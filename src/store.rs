//! The only layer that touches git2 and the file system.
//!
//! It reads snapshots of a newsroom at a commit, applies actions as commits moved onto
//! the branch with a compare-and-swap, merges concurrent edits, and keeps a checked-out
//! work tree in step. Everything above it works on plain data.

pub mod action;
pub mod after_publish;
pub mod cache;
pub mod config_edit;
pub mod demo;
mod entry;
mod error;
pub mod evaluation;
pub mod export;
pub mod files;
mod framed;
pub mod history;
mod housekeeping;
pub mod identity;
pub mod journal;
pub mod merge;
pub mod migrate;
pub mod modes;
mod outline;
pub mod paths;
pub mod presence;
pub mod published;
mod rawtree;
mod reflock;
pub mod repo;
mod shards;
pub mod snapshot;
pub mod spelling;
pub mod summary;
pub mod sync;
mod trailers;
mod tree;

pub mod worker;

/// A commit's id, as snapshots and indexes name the commit they were read at.
pub use git2::Oid;
mod worktree;

pub use action::{Done, NewPhoto, Request};
pub use error::{CommitId, ExportProblem, Invalid, Result, StateProblem, StoreError};
pub use identity::{Identity, Source};
pub use repo::Newsroom;
pub use snapshot::{Broken, Entry, Leave, Snapshot};
pub use summary::{Index, Summary};

/// Whether every object read is hashed again (`verify` and the push hook: they judge
/// what arrived; everything else trusts what git checked when it arrived).
pub fn verify_object_hashes(on: bool) {
    git2::opts::strict_hash_verification(on);
}
