//! Where the store keeps its own files: a person's state folder and the newsroom's
//! caches. A leaf: it imports nothing of the store.

use std::path::{Path, PathBuf};

/// `$XDG_STATE_HOME/warta`, else `~/.local/state/warta`, else `warta-state-<uid>` in
/// the temp dir (a name per user, checked like the others by [`check_state_dir`]).
#[must_use]
pub fn state_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_STATE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("warta");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(h).join(".local/state/warta");
    }
    std::env::temp_dir().join(format!("warta-state-{}", rustix::process::geteuid().as_raw()))
}

/// Where the cache of a newsroom lives: a folder with one file per day of slugs.
#[must_use]
pub fn snapshot_cache(git_dir: &Path) -> PathBuf {
    caches(git_dir).join("snapshots")
}

/// Where the compact index lives: one file per day of slugs, each item's summary.
#[must_use]
pub fn index_cache(git_dir: &Path) -> PathBuf {
    caches(git_dir).join("index")
}

/// Where the word index lives: one file per day of slugs, each body's words.
#[must_use]
pub fn words_cache(git_dir: &Path) -> PathBuf {
    caches(git_dir).join("words")
}

/// The folder of the newsroom's caches (`<git dir>/warta-cache`): only optimisations,
/// each rebuilt from git when missing or damaged.
#[must_use]
pub fn caches(git_dir: &Path) -> PathBuf {
    git_dir.join("warta-cache")
}
