//! The branch lock: holding it so a dead process can be told from a live one, and
//! removing one that a dead process left behind.
//!
//! libgit2, like git, moves a branch by creating `<git dir>/refs/heads/<branch>.lock`
//! exclusively, writing the new commit id into it and renaming it over the ref. A
//! process killed in between (SIGKILL, a power cut) leaves the lock, and every later
//! writer is refused until it goes. The lock file names no owner, so warta adds one
//! sign of life and one of age, and removes a lock only when both say it is dead:
//!
//! 1. **No warta writer holds it.** Every warta writer holds a shared `flock` on
//!    `<git dir>/warta-writers` while it moves the branch. The kernel lets go of it
//!    when the process ends, however it ends; a stopped (Ctrl-Z) or slow writer keeps
//!    it. Whoever wants to remove a lock must first get that `flock` exclusively
//!    without waiting, and keeps it until the lock is gone, so no warta writer can
//!    start or finish a move meanwhile.
//! 2. **It has not changed for [`STALE_AFTER`].** Its modification time (set when it
//!    is created and again when the id is written into it) is at least that far in
//!    the past. git and libgit2 hold a branch lock for milliseconds, so this covers a
//!    git process (a push, `git gc`) that takes no part in rule 1.
//!
//! A lock that passes both is renamed aside, checked to be the very file judged (same
//! device and inode), deleted, and a line is appended to `<git dir>/warta-locks.log`.
//! Anything else is waited for, and reported after [`PATIENCE`] as before. This module
//! must not touch any lock but the branch's.
//!
//! A process also must not leave a lock where it can avoid it: SIGXFSZ (a write past
//! `ulimit -f`) would kill it while it holds the lock (the reflog grows past the limit
//! first). [`guard_signals`] catches that signal, so the write fails with `EFBIG`
//! instead, libgit2 reports the error and deletes its lock on the way out.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use rustix::fs::{FlockOperation, flock};

/// A branch lock unchanged for this long, that no warta writer holds, is a dead one.
pub const STALE_AFTER: Duration = Duration::from_secs(10);

/// How long an action waits for the branch lock before it reports it: long enough for
/// a lock a process left just now to become stale and be removed.
pub const PATIENCE: Duration = Duration::from_secs(13);

/// The file whose `flock` marks warta writers that are moving the branch.
fn writers_path(git_dir: &Path) -> PathBuf {
    git_dir.join("warta-writers")
}

/// The log of removed locks.
fn log_path(git_dir: &Path) -> PathBuf {
    git_dir.join("warta-locks.log")
}

/// The lock file of a ref.
#[must_use]
pub fn lock_path(git_dir: &Path, refname: &str) -> PathBuf {
    git_dir.join(format!("{refname}.lock"))
}

fn open_writers(git_dir: &Path) -> Option<File> {
    let path = writers_path(git_dir);
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        // A repository this process may not write still lets it take part in the flock.
        .or_else(|_| File::open(&path))
        .ok()
}

/// Catch SIGXFSZ for the whole process (once), so a write past the file size limit
/// fails with `EFBIG` and its error path runs, instead of the process dying with a
/// lock held. A caught signal is reset to its default in programs this one starts.
pub fn guard_signals() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        // Failing to install it only leaves the old behaviour.
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, seen);
    });
}

/// Move `refname` to `id` if it still points at `current`, as a marked warta writer
/// (rule 1 of the module docs). While someone is removing a stale lock this fails
/// with [`git2::ErrorCode::Locked`], as the lock itself would.
pub fn move_branch(
    repo: &git2::Repository,
    refname: &str,
    id: git2::Oid,
    current: git2::Oid,
    message: &str,
) -> Result<(), git2::Error> {
    let writers = open_writers(repo.path());
    if let Some(f) = &writers {
        if flock(f, FlockOperation::NonBlockingLockShared).is_err() {
            return Err(git2::Error::new(
                git2::ErrorCode::Locked,
                git2::ErrorClass::Reference,
                "a stale branch lock is being removed",
            ));
        }
    }
    let moved = repo.reference_matching(refname, id, true, current, message).map(drop);
    // Closing the file lets go of the flock.
    drop(writers);
    moved
}

/// What [`clear_stale`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// There is no lock (any more): try again now.
    Gone,
    /// The lock was dead and has been removed (and logged): try again now.
    Removed,
    /// The lock may belong to a live writer: wait.
    Held,
}

/// Remove the lock of `refname` if a dead process left it (the rules in the module
/// docs); never one a live writer may hold.
pub fn clear_stale(git_dir: &Path, refname: &str) -> Found {
    let lock = lock_path(git_dir, refname);
    let Ok(before) = std::fs::symlink_metadata(&lock) else {
        return Found::Gone;
    };
    if !old_enough(&before) {
        return Found::Held;
    }
    let Some(writers) = open_writers(git_dir) else {
        return Found::Held;
    };
    // Rule 1: no warta writer is between taking and letting go of a branch lock.
    if flock(&writers, FlockOperation::NonBlockingLockExclusive).is_err() {
        return Found::Held;
    }
    // Look again under the flock: the lock judged must be the lock removed.
    let Ok(judged) = std::fs::symlink_metadata(&lock) else {
        return Found::Gone;
    };
    if !judged.file_type().is_file() || !old_enough(&judged) {
        return Found::Held;
    }
    let content = std::fs::read(&lock).unwrap_or_default();
    let aside = git_dir.join(format!(
        "{refname}.lock.stale-{}-{}",
        std::process::id(),
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    ));
    if std::fs::rename(&lock, &aside).is_err() {
        return Found::Held;
    }
    let same = std::fs::symlink_metadata(&aside).is_ok_and(|m| same_file(&m, &judged));
    if !same {
        // A git process replaced it in between (only one that took no part in rule 1
        // and kept its own lock for longer than STALE_AFTER could): put it back.
        let _ = std::fs::hard_link(&aside, &lock);
        let _ = std::fs::remove_file(&aside);
        return Found::Held;
    }
    let _ = std::fs::remove_file(&aside);
    log_removal(git_dir, refname, &judged, &content);
    drop(writers);
    Found::Removed
}

/// How long to sleep before looking at the lock again, `waited` after first meeting it:
/// short at first (a live writer lets go within milliseconds), then less often.
#[must_use]
pub fn backoff(since: Option<Instant>) -> Duration {
    match since.map(|s| s.elapsed()) {
        Some(w) if w > Duration::from_millis(200) => Duration::from_millis(50),
        _ => Duration::ZERO,
    }
}

fn age(meta: &std::fs::Metadata) -> Duration {
    meta.modified()
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .unwrap_or_default()
}

/// Rule 2: unchanged for at least `STALE_AFTER` (a time in the future never is).
fn old_enough(meta: &std::fs::Metadata) -> bool {
    age(meta) >= STALE_AFTER
}

fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino() && a.size() == b.size() && a.mtime() == b.mtime()
}

fn log_removal(git_dir: &Path, refname: &str, meta: &std::fs::Metadata, content: &[u8]) {
    use std::io::Write;
    let id: String = String::from_utf8_lossy(content)
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(40)
        .collect();
    let line = format!(
        "{} removed {refname}.lock: unchanged for {} s, {} bytes{}, no warta writer held it (by pid {})\n",
        jiff::Timestamp::now(),
        age(meta).as_secs(),
        meta.len(),
        if id.is_empty() {
            String::new()
        } else {
            format!(" ({id})")
        },
        std::process::id(),
    );
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path(git_dir))
    {
        let _ = f.write_all(line.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("refs/heads")).unwrap();
        dir
    }

    fn plant(git_dir: &Path, age: Duration) -> PathBuf {
        let lock = lock_path(git_dir, "refs/heads/main");
        std::fs::write(&lock, "").unwrap();
        let f = File::options().write(true).open(&lock).unwrap();
        f.set_modified(SystemTime::now() - age).unwrap();
        lock
    }

    #[test]
    fn a_dead_writers_old_lock_is_removed_and_logged() {
        let dir = git_dir();
        let lock = plant(dir.path(), STALE_AFTER + Duration::from_secs(5));
        assert_eq!(clear_stale(dir.path(), "refs/heads/main"), Found::Removed);
        assert!(!lock.exists());
        let log = std::fs::read_to_string(log_path(dir.path())).unwrap();
        assert!(log.contains("removed refs/heads/main.lock"), "{log}");
        assert_eq!(clear_stale(dir.path(), "refs/heads/main"), Found::Gone);
        // Nothing is left beside it.
        let left: Vec<_> = std::fs::read_dir(dir.path().join("refs/heads")).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_fresh_lock_is_left_alone() {
        let dir = git_dir();
        let lock = plant(dir.path(), Duration::from_secs(1));
        assert_eq!(clear_stale(dir.path(), "refs/heads/main"), Found::Held);
        assert!(lock.exists());
    }

    #[test]
    fn an_old_lock_a_live_warta_writer_holds_is_left_alone() {
        let dir = git_dir();
        let lock = plant(dir.path(), Duration::from_secs(3600));
        // A writer that stopped (Ctrl-Z) between taking the lock and letting it go.
        let writer = open_writers(dir.path()).unwrap();
        flock(&writer, FlockOperation::LockShared).unwrap();
        assert_eq!(clear_stale(dir.path(), "refs/heads/main"), Found::Held);
        assert!(lock.exists());
        drop(writer);
        assert_eq!(clear_stale(dir.path(), "refs/heads/main"), Found::Removed);
    }
}
