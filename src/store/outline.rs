//! The outline cache: the bytes of the year and month folders an outline of the
//! newsroom last read, by tree id, so the next outline reads from git only the folders
//! that changed since (after an action: the few on its item's path).
//!
//! One framed file, `<git dir>/warta-cache/outline`, rewritten when an outline read a
//! folder it did not hold and holding only the folders of that outline (about 130 small
//! trees at 100,000 items, 200 KB). Each tree's id is checked against its bytes when
//! read, so a damaged or forged file can only cost reading from git again.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use git2::{ObjectType, Oid};

use super::error::Result;
use super::framed::{Put, Take, read_framed, write_framed_unsynced};

const MAGIC: &str = "warta-outline";

/// The folders an outline may take without reading git, and what it has found so far.
#[derive(Debug, Default)]
pub(crate) struct Known {
    /// Day folders found by the walk, by date.
    pub(crate) found: BTreeMap<String, Oid>,
    /// Trees of the file read at the start (none when the cache is off).
    kept: HashMap<Oid, Arc<[u8]>>,
    /// Trees this outline used, in the order it used them.
    used: Vec<(Oid, Arc<[u8]>)>,
    /// Whether a tree came from git (the file is then written again).
    read: bool,
    /// Whether the cache is used at all.
    on: bool,
}

fn path(git_dir: &Path) -> PathBuf {
    super::paths::caches(git_dir).join("outline")
}

impl Known {
    /// The trees kept by the last outline (none when the cache is off or the file does
    /// not read).
    pub(crate) fn load(git_dir: &Path, on: bool) -> Self {
        let kept = if on {
            read(&path(git_dir)).unwrap_or_default()
        } else {
            HashMap::new()
        };
        Self {
            kept,
            on,
            ..Self::default()
        }
    }

    /// The bytes of tree `id`: kept, else from `from_git`.
    pub(crate) fn tree(&mut self, id: Oid, from_git: impl FnOnce() -> Result<Arc<[u8]>>) -> Result<Arc<[u8]>> {
        let bytes = match self.kept.get(&id) {
            Some(b) => Arc::clone(b),
            None => {
                self.read = true;
                from_git()?
            }
        };
        self.used.push((id, Arc::clone(&bytes)));
        Ok(bytes)
    }

    /// Write the trees of this outline when one came from git (or one kept went unused:
    /// the file holds only what the newsroom has now).
    pub(crate) fn save(self, git_dir: &Path) {
        if !self.on || !(self.read || self.used.len() != self.kept.len()) {
            return;
        }
        let mut body = Vec::new();
        let mut p = Put(&mut body);
        p.count(self.used.len());
        for (id, bytes) in &self.used {
            p.0.extend_from_slice(id.as_bytes());
            p.count(bytes.len());
            p.0.extend_from_slice(bytes);
        }
        // A cache that cannot be written (a read-only repository) is not kept.
        let _ = write_framed_unsynced(&path(git_dir), MAGIC, &[], &body);
    }
}

/// The trees of the file, each checked against its id; `None` when it does not read.
fn read(path: &Path) -> Option<HashMap<Oid, Arc<[u8]>>> {
    let (_, body) = read_framed(path, MAGIC)?;
    let mut t = Take(&body);
    // An id, a length and at least nothing.
    let n = t.count(24).ok()?;
    let mut out = HashMap::with_capacity(n);
    for _ in 0..n {
        let id = Oid::from_bytes(t.bytes(20).ok()?).ok()?;
        let len = t.u32().ok()? as usize;
        let bytes = t.bytes(len).ok()?;
        if Oid::hash_object(ObjectType::Tree, bytes).ok()? != id {
            return None;
        }
        out.insert(id, Arc::from(bytes));
    }
    t.0.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_trees_are_used_and_a_forged_one_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let newsroom = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        let root = newsroom.repo.find_commit(newsroom.head().unwrap()).unwrap().tree_id();
        let first = newsroom.outline(root).unwrap();
        let file = path(newsroom.git_dir());
        let kept = read(&file).expect("the outline's folders are kept");
        assert!(!kept.is_empty());
        // The second outline takes them and writes nothing.
        let written = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(newsroom.outline(root).unwrap(), first);
        assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), written);
        // Bytes that are not their id's tree make the whole file unread.
        let (_, body) = read_framed(&file, MAGIC).unwrap();
        let mut forged = body.clone();
        let last = forged.len() - 1;
        forged[last] ^= 1;
        write_framed_unsynced(&file, MAGIC, &[], &forged).unwrap();
        assert!(read(&file).is_none());
        assert_eq!(newsroom.outline(root).unwrap(), first);
        assert!(read(&file).is_some(), "written again from git");
        // Without the cache (`verify`), the outline is read from git and nothing is kept.
        std::fs::remove_file(&file).unwrap();
        assert_eq!(newsroom.outline_with(root, false).unwrap(), first);
        assert!(!file.exists());
    }
}
