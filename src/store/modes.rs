//! The modes the store writes and runs in: git file modes and the switch that turns
//! every cache off. A leaf: it imports nothing of the store.

/// The mode git writes for a folder.
pub const TREE_MODE: u32 = 0o040_000;
/// The mode warta writes for a file.
pub const BLOB_MODE: u32 = 0o100_644;

/// Whether the cache is switched off (`WARTA_NO_CACHE=1`, for measuring a cold open).
#[must_use]
pub fn cache_disabled() -> bool {
    std::env::var_os("WARTA_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0")
}
