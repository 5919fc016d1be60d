//! The person's state directory: where text that could not be committed is kept safe.

use std::path::{Path, PathBuf};

use super::StoreError;
use super::worktree::write_atomic;

/// `$XDG_STATE_HOME/warta`, else `~/.local/state/warta`, else a folder in the temp dir.
#[must_use]
pub fn state_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_STATE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("warta");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(h).join(".local/state/warta");
    }
    std::env::temp_dir().join("warta-state")
}

/// Keep our side of a conflicting edit in the state dir and build the conflict error.
#[must_use]
pub fn conflict(dir: &Path, slug: &str, ours: &str, theirs: &str) -> StoreError {
    let stamp = jiff::Timestamp::now().as_millisecond();
    let path = dir.join("conflicts").join(format!("{slug}-{stamp}.md"));
    let saved = match write_atomic(&path, ours.as_bytes()) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    };
    StoreError::Conflict {
        slug: slug.to_string(),
        saved,
        ours: ours.to_string(),
        theirs: theirs.to_string(),
    }
}
