//! Keeping a checked-out work tree in step with commits made through git objects.
//!
//! Only files whose checked-out content still equals the old committed version are
//! updated; a file with local modifications is never overwritten.

use std::path::Path;

use git2::{ObjectType, Oid};

use super::files::{Access, write_atomic};
use super::rawtree::TREE_MODE;
use super::repo::Newsroom;
use super::tree::Change;

fn blob_at(room: &Newsroom, tree: Oid, path: &str) -> Option<Oid> {
    room.path_entry(tree, path)
        .ok()
        .flatten()
        .filter(|(mode, _)| *mode != TREE_MODE)
        .map(|(_, id)| id)
}

/// Update checked-out files for `changes`; returns the paths left alone.
pub fn update(room: &Newsroom, old: Oid, new: Oid, changes: &[Change]) -> Vec<String> {
    let repo = &room.repo;
    let Some(workdir) = repo.workdir() else { return vec![] };
    let checked_out = repo
        .find_reference("HEAD")
        .ok()
        .and_then(|h| h.symbolic_target().ok().flatten().map(str::to_string))
        .is_some_and(|t| t == room.refname());
    if !checked_out {
        return vec![];
    }
    let mut skipped = Vec::new();
    let mut index = repo.index().ok();
    for change in changes {
        let file = workdir.join(&change.path);
        // Never follow a symlink out of the work tree, whoever committed it.
        if through_symlink(workdir, &change.path) {
            skipped.push(change.path.clone());
            continue;
        }
        let before = blob_at(room, old, &change.path);
        let current = std::fs::read(&file).ok();
        let pristine = match (&current, before) {
            (None, None) => true,
            (Some(bytes), Some(id)) => Oid::hash_object(ObjectType::Blob, bytes).is_ok_and(|h| h == id),
            _ => false,
        };
        if !pristine {
            skipped.push(change.path.clone());
            continue;
        }
        let Some(after) = blob_at(room, new, &change.path).and_then(|id| repo.find_blob(id).ok()) else {
            let _ = std::fs::remove_file(&file);
            // Folders left empty go too (a migration empties every flat item folder).
            let mut dir = file.parent();
            while let Some(d) = dir.filter(|d| *d != workdir && d.starts_with(workdir)) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
            if let Some(ix) = index.as_mut() {
                let _ = ix.remove_path(Path::new(&change.path));
            }
            continue;
        };
        if write_atomic(&file, after.content(), Access::Shared).is_err() {
            skipped.push(change.path.clone());
            continue;
        }
        if let Some(ix) = index.as_mut() {
            let _ = ix.add_path(Path::new(&change.path));
        }
    }
    if let Some(mut ix) = index {
        // Another process may hold index.lock: the files are right, the index catches up later.
        let _ = ix.write();
    }
    skipped
}

/// Whether any component of `path` under `root` (the file itself included) is a symlink.
fn through_symlink(root: &Path, path: &str) -> bool {
    let mut at = root.to_path_buf();
    path.split('/').any(|part| {
        at.push(part);
        std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink())
    })
}
