//! Packing the loose objects actions leave behind.
//!
//! Every action writes the trees on its item's path (`reviews/YYYY/MM/DD/`, and for an
//! edit `drafts/YYYY/MM/DD/<slug>/`) as loose objects without compression (see
//! `rawtree`): a few kilobytes, about 100 bytes per item of that day (in a newsroom
//! not yet migrated, per item of the whole newsroom). warta counts those bytes in `<git dir>/warta-cache/loose-bytes`; past
//! `WARTA_REPACK_AFTER` bytes (default 128 MiB; `0` never) it starts
//! `git repack -d -q` in the background, which packs the loose objects into deltas of a
//! few hundred bytes and removes them. git packs and removes only what it has written
//! into a pack, so this is safe while others work. Without a `git` on the path nothing
//! happens (the nightly cron line in `docs/ssh.md` does the same).

use std::path::Path;
use std::time::{Duration, SystemTime};

/// Loose bytes written before a repack starts, unless `WARTA_REPACK_AFTER` says.
const DEFAULT_AFTER: u64 = 128 << 20;
/// A repack started less than this long ago is left to finish.
const PATIENCE: Duration = Duration::from_secs(600);

fn after() -> u64 {
    std::env::var("WARTA_REPACK_AFTER")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_AFTER)
}

/// Count `bytes` more of loose objects; start a repack when there are enough. Returns
/// whether one was started. Failures only mean no repack this time.
pub fn wrote(git_dir: &Path, bytes: u64) -> bool {
    let limit = after();
    if limit == 0 || bytes == 0 {
        return false;
    }
    let dir = super::paths::caches(git_dir);
    if std::fs::create_dir_all(&dir).is_err() {
        return false;
    }
    let counter = dir.join("loose-bytes");
    let total = std::fs::read_to_string(&counter)
        .ok()
        .and_then(|t| t.trim().parse::<u64>().ok())
        .unwrap_or(0)
        .saturating_add(bytes);
    if total < limit {
        put(&counter, &total.to_string());
        return false;
    }
    // One repack at a time: whoever creates the lock starts it; a lock older than
    // `PATIENCE` was left by a repack that is long over.
    let lock = dir.join("repack.lock");
    let stale = std::fs::metadata(&lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age >= PATIENCE);
    if stale {
        let _ = std::fs::remove_file(&lock);
    }
    let taken = std::fs::OpenOptions::new().write(true).create_new(true).open(&lock);
    if taken.is_err() {
        return false;
    }
    put(&counter, "0");
    start(git_dir, &lock)
}

/// Replace a small file whole (a reader never sees it half written); best effort.
fn put(path: &Path, text: &str) {
    let _ = super::files::write_atomic(path, text.as_bytes(), super::files::Access::Shared);
}

fn start(git_dir: &Path, lock: &Path) -> bool {
    use std::os::unix::process::CommandExt;
    let child = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["repack", "-d", "-q"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        // Its own process group: a hangup of the person's session does not stop it.
        .process_group(0)
        .spawn();
    match child {
        Ok(mut child) => {
            // Reaped, and the lock let go, when it ends, if this process lives that long
            // (the TUI does); otherwise the lock goes stale.
            let lock = lock.to_path_buf();
            std::thread::spawn(move || {
                let _ = child.wait();
                let _ = std::fs::remove_file(lock);
            });
            true
        }
        Err(_) => {
            let _ = std::fs::remove_file(lock);
            false
        }
    }
}
