//! Building a new git tree from a parent tree and a few changed paths, in memory.

use git2::Oid;

use super::error::Result;
use super::rawtree::{self, BLOB_MODE, TREE_MODE};
use super::repo::Newsroom;

/// One changed path: `None` removes it.
pub struct Change {
    /// Slash-separated path from the root.
    pub path: String,
    /// New blob, or `None` to delete.
    pub blob: Option<Oid>,
}

/// Write a tree equal to root tree `base` with `changes` applied; returns its id.
pub fn with_changes(room: &Newsroom, base: Option<Oid>, changes: &[Change]) -> Result<Oid> {
    let parts: Vec<(Vec<&str>, Option<Oid>)> = changes.iter().map(|c| (c.path.split('/').collect(), c.blob)).collect();
    let refs: Vec<(&[&str], Option<Oid>)> = parts.iter().map(|(p, b)| (p.as_slice(), *b)).collect();
    Ok(build(room, base, None, true, &refs)?.0)
}

/// The new tree's id, and whether it is empty (an empty folder is left out of its
/// parent). `grown` names the root folder this tree is, if it is one (see `rawtree`);
/// `top` says whether this is the root tree.
fn build(
    room: &Newsroom,
    base: Option<Oid>,
    grown: Option<&str>,
    top: bool,
    changes: &[(&[&str], Option<Oid>)],
) -> Result<(Oid, bool)> {
    let mut bytes: Vec<u8> = match base {
        Some(id) => room.tree_bytes(id, grown)?.to_vec(),
        None => Vec::new(),
    };
    let mut names: Vec<&str> = changes.iter().map(|(p, _)| p[0]).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let here: Vec<(&[&str], Option<Oid>)> = changes
            .iter()
            .filter(|(p, _)| p[0] == name)
            .map(|(p, b)| (&p[1..], *b))
            .collect();
        let entry = if let Some((_, blob)) = here.iter().find(|(rest, _)| rest.is_empty()) {
            blob.map(|id| (BLOB_MODE, id))
        } else {
            let sub = rawtree::find(&bytes, name)?
                .filter(rawtree::RawEntry::is_tree)
                .map(|e| e.id);
            let (id, empty) = build(room, sub, top.then_some(name), false, &here)?;
            (!empty).then_some((TREE_MODE, id))
        };
        bytes = rawtree::with_entry(&bytes, name, entry)?;
    }
    let empty = bytes.is_empty();
    Ok((room.write_tree_bytes(bytes, grown)?, empty))
}
