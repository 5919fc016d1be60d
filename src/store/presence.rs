//! Presence: who has which item open or is editing it now, across every session on
//! the server. Each session keeps one small file in the repository's git directory
//! fresh; a file that stops being refreshed (a dead session) expires.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::files::{Access, write_atomic};

/// A session's file older than this is a dead session.
pub const EXPIRY: Duration = Duration::from_secs(15);

/// One session's presence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// Person id.
    pub person: String,
    /// The item open, if any.
    #[serde(default)]
    pub item: String,
    /// Whether that item is being edited.
    #[serde(default)]
    pub editing: bool,
}

fn dir(git_dir: &Path) -> PathBuf {
    git_dir.join("warta-presence")
}

fn file(git_dir: &Path, person: &str) -> PathBuf {
    let person: String = person
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    dir(git_dir).join(format!("{person}-{}.toml", std::process::id()))
}

/// Write (and so refresh) this session's presence.
pub fn announce(git_dir: &Path, p: &Presence) {
    if let Ok(text) = toml::to_string(p) {
        let _ = write_atomic(&file(git_dir, &p.person), text.as_bytes(), Access::Shared);
    }
}

/// Remove this session's presence (on exit).
pub fn withdraw(git_dir: &Path, person: &str) {
    let _ = std::fs::remove_file(file(git_dir, person));
}

/// Every live session's presence except this process's own.
#[must_use]
pub fn others(git_dir: &Path) -> Vec<Presence> {
    let own = format!("-{}.toml", std::process::id());
    let Ok(entries) = std::fs::read_dir(dir(git_dir)) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    let mut out: Vec<Presence> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().ends_with(&own))
        // A session whose process is gone (a dropped connection) is no one, at once.
        .filter(|e| pid_of(&e.file_name().to_string_lossy()).is_none_or(alive))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).unwrap_or_default() < EXPIRY)
        })
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|t| toml::from_str(&t).ok())
        .collect();
    out.sort_by(|a: &Presence, b| (&a.person, &a.item).cmp(&(&b.person, &b.item)));
    out.dedup();
    out
}

/// The process id in a presence file's name (`<person>-<pid>.toml`).
fn pid_of(name: &str) -> Option<i32> {
    name.strip_suffix(".toml")?.rsplit('-').next()?.parse().ok()
}

/// Whether a process of this machine is still running.
fn alive(pid: i32) -> bool {
    match rustix::process::Pid::from_raw(pid) {
        // EPERM: running, as another user.
        Some(p) => !matches!(rustix::process::test_kill_process(p), Err(rustix::io::Errno::SRCH)),
        None => false,
    }
}

/// When a person was last here (per newsroom), and remember now as the new last time.
#[must_use]
pub fn last_seen_swap(state_dir: &Path, newsroom: &Path, person: &str, now: &str) -> Option<String> {
    let path = person_file(state_dir, newsroom, person, "last-seen");
    let before = std::fs::read_to_string(&path).ok().map(|s| s.trim().to_string());
    let _ = write_atomic(&path, now.as_bytes(), Access::Private);
    before
}

/// When a person was last here (per newsroom), without changing it: for the admin
/// screen.
#[must_use]
pub fn last_seen(state_dir: &Path, newsroom: &Path, person: &str) -> Option<String> {
    let path = person_file(state_dir, newsroom, person, "last-seen");
    std::fs::read_to_string(path).ok().map(|s| s.trim().to_string())
}

/// A small file of a person's, per newsroom, beside their journal folder:
/// `<person>.<what>`.
fn person_file(state_dir: &Path, newsroom: &Path, person: &str, what: &str) -> PathBuf {
    super::journal::journal_dir(state_dir, newsroom, person).with_file_name(format!("{person}.{what}"))
}

/// Where the first rows a person saw are kept (per newsroom).
fn first_rows_path(state_dir: &Path, newsroom: &Path, person: &str) -> PathBuf {
    person_file(state_dir, newsroom, person, "first-rows")
}

/// Remember the slugs at the top of a person's first screen, to show them at once next
/// time while the whole newsroom loads.
pub fn save_first_rows(state_dir: &Path, newsroom: &Path, person: &str, slugs: &[String]) {
    let _ = write_atomic(
        &first_rows_path(state_dir, newsroom, person),
        slugs.join("\n").as_bytes(),
        Access::Private,
    );
}

/// The slugs remembered by [`save_first_rows`] (only well-formed ones, at most 200).
#[must_use]
pub fn first_rows(state_dir: &Path, newsroom: &Path, person: &str) -> Vec<String> {
    std::fs::read_to_string(first_rows_path(state_dir, newsroom, person))
        .unwrap_or_default()
        .lines()
        .filter(|s| crate::domain::slug::is_valid(s))
        .take(200)
        .map(str::to_string)
        .collect()
}
