//! The only layer that touches git2 and the file system.
//!
//! It reads snapshots of a newsroom at a commit, applies actions as commits moved onto
//! the branch with a compare-and-swap, merges concurrent edits, and keeps a checked-out
//! work tree in step. Everything above it works on plain data.

pub mod action;
pub mod after_publish;
pub mod cache;
pub mod demo;
pub mod evaluation;
pub mod export;
pub mod files;
pub mod history;
mod housekeeping;
pub mod identity;
pub mod journal;
pub mod merge;
pub mod migrate;
pub mod presence;
mod rawtree;
mod reflock;
pub mod repo;
mod shards;
pub mod snapshot;
mod trailers;
mod tree;

pub mod worker;
mod worktree;

pub use action::{Done, NewPhoto, Request};
pub use identity::{Identity, Source};
pub use repo::Newsroom;
pub use snapshot::{Broken, Entry, Snapshot};

use crate::domain::config::ConfigError;
use crate::domain::workflow::Denial;

/// What can go wrong in the store. Each variant maps to one exit code of the CLI.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The path is not a git repository with a `warta.toml`.
    #[error("not a newsroom: {path}")]
    NotANewsroom {
        /// Where we looked.
        path: String,
    },
    /// The directory already holds a repository.
    #[error("already a repository: {path}")]
    AlreadyExists {
        /// The directory.
        path: String,
    },
    /// The branch does not exist.
    #[error("branch {branch} not found")]
    NoBranch {
        /// Branch name.
        branch: String,
    },
    /// Another process holds the branch lock for too long.
    #[error("branch {branch} is locked ({lock} exists)")]
    Locked {
        /// Branch name.
        branch: String,
        /// The lock file.
        lock: String,
    },
    /// The repository cannot be written.
    #[error("repository is read-only: {0}")]
    ReadOnly(String),
    /// `warta.toml` is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// libgit2 failed.
    #[error("git: {0}")]
    Git(#[from] git2::Error),
    /// File system failure.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// Refused by the workflow or permission rules.
    #[error(transparent)]
    Denied(#[from] Denial),
    /// The request itself is invalid (missing message, unknown item…).
    #[error("{0:?}")]
    Invalid(Invalid),
    /// The item is broken and cannot be acted on.
    #[error("{path} line {line}: {reason}")]
    Broken {
        /// File at fault.
        path: String,
        /// 1-based line.
        line: usize,
        /// Why.
        reason: String,
    },
    /// A concurrent edit could not be merged; our text is kept in `saved`.
    #[error("conflict on {slug}; your version is saved in {saved}")]
    Conflict {
        /// The item.
        slug: String,
        /// Where our version was saved.
        saved: String,
        /// Our full text.
        ours: String,
        /// The text now on the branch.
        theirs: String,
        /// The body with both versions of the conflicting parts, marked.
        marked: String,
    },
    /// The newsroom's items are still in the flat layout: nothing is written until an
    /// admin runs `warta migrate`.
    #[error("this newsroom still uses the old flat layout: an admin must run `warta migrate`")]
    Unmigrated,
    /// Only an admin may migrate a newsroom.
    #[error("only an admin may run `warta migrate`")]
    MigrateNeedsAdmin,
    /// The branch kept moving under us.
    #[error("gave up after {0} attempts: the branch kept changing")]
    TooManyRetries(u32),
    /// The state folder is not fit to hold a person's unsaved text.
    #[error("state folder {path} is not used: {problem:?}")]
    UnsafeStateDir {
        /// The folder.
        path: String,
        /// What is wrong with it.
        problem: journal::StateProblem,
    },
    /// An export folder is not used.
    #[error("export to {path}: {problem:?}")]
    Export {
        /// The folder.
        path: String,
        /// Why.
        problem: export::ExportProblem,
    },
    /// A journal that could not be read was moved aside.
    #[error("journal {path} is damaged; kept as {kept}")]
    DamagedJournal {
        /// Where it was.
        path: String,
        /// Where it is now.
        kept: String,
    },
}

pub use crate::domain::rules::Invalid;

/// A commit's id, as the layers above the store see it (they never see git's types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommitId(pub(crate) git2::Oid);

impl CommitId {
    /// The first eight hex digits, as messages show a commit.
    #[must_use]
    pub fn short(&self) -> String {
        self.0.to_string()[..8].to_string()
    }

    /// Parse a full hex id; the all-zero id (a ref created or deleted) is `None`.
    #[must_use]
    pub fn parse(hex: &str) -> Option<Self> {
        git2::Oid::from_str(hex).ok().filter(|o| !o.is_zero()).map(Self)
    }
}

impl std::fmt::Display for CommitId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Whether every object read is hashed again (`verify` and the push hook: they judge
/// what arrived; everything else trusts what git checked when it arrived).
pub fn verify_object_hashes(on: bool) {
    git2::opts::strict_hash_verification(on);
}

impl From<crate::domain::rules::Refusal> for StoreError {
    fn from(r: crate::domain::rules::Refusal) -> Self {
        match r {
            crate::domain::rules::Refusal::Denied(d) => Self::Denied(d),
            crate::domain::rules::Refusal::Invalid(i) => Self::Invalid(i),
        }
    }
}

impl StoreError {
    /// The CLI exit code for this error: 1 refused, 3 conflict, 4 repository or config.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Denied(_) | Self::Invalid(_) | Self::Broken { .. } | Self::MigrateNeedsAdmin => crate::exit::REFUSED,
            Self::Export { problem, .. } if *problem != export::ExportProblem::NoBaseUrl => crate::exit::REFUSED,
            Self::Conflict { .. } | Self::TooManyRetries(_) => crate::exit::CONFLICT,
            _ => crate::exit::REPO,
        }
    }

    pub(crate) fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }
}

/// Result type of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
