//! The sync part of the state: the model of `sync.rs`, a leaf so the state can hold
//! it without importing its update.

pub use crate::i18n::sync::Synced;
use crate::store::sync::Pending;

/// How long after the last try a sync starts by itself (when a remote is configured).
pub const INTERVAL_SECONDS: i64 = 120;

/// The sync part of the state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncView {
    /// Local and remote differences; `None` without a remote (nothing is shown).
    pub pending: Option<Pending>,
    /// A sync is running.
    pub running: bool,
    /// When the last sync started.
    pub last_try: Option<jiff::Timestamp>,
    /// The last sync could not reach the server.
    pub offline: bool,
}
