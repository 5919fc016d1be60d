//! Building a new git tree from a parent tree and a few changed paths, in memory.

use git2::{FileMode, Oid, Repository, Tree};

use super::Result;

/// One changed path: `None` removes it.
pub struct Change {
    /// Slash-separated path from the root.
    pub path: String,
    /// New blob, or `None` to delete.
    pub blob: Option<Oid>,
}

/// Write a tree equal to `base` with `changes` applied; returns its id.
pub fn with_changes(repo: &Repository, base: Option<&Tree<'_>>, changes: &[Change]) -> Result<Oid> {
    let parts: Vec<(Vec<&str>, Option<Oid>)> = changes.iter().map(|c| (c.path.split('/').collect(), c.blob)).collect();
    let refs: Vec<(&[&str], Option<Oid>)> = parts.iter().map(|(p, b)| (p.as_slice(), *b)).collect();
    Ok(build(repo, base, &refs)?.0)
}

/// The new tree's id, and whether it is empty (so the caller need not read it back:
/// the `drafts/` and `reviews/` trees are large).
fn build(repo: &Repository, base: Option<&Tree<'_>>, changes: &[(&[&str], Option<Oid>)]) -> Result<(Oid, bool)> {
    let mut builder = repo.treebuilder(base)?;
    let mut names: Vec<&str> = changes.iter().map(|(p, _)| p[0]).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let here: Vec<(&[&str], Option<Oid>)> = changes
            .iter()
            .filter(|(p, _)| p[0] == name)
            .map(|(p, b)| (&p[1..], *b))
            .collect();
        if let Some((_, blob)) = here.iter().find(|(rest, _)| rest.is_empty()) {
            match blob {
                Some(id) => {
                    builder.insert(name, *id, FileMode::Blob.into())?;
                }
                None => {
                    if builder.get(name)?.is_some() {
                        builder.remove(name)?;
                    }
                }
            }
            continue;
        }
        let sub = match builder.get(name)? {
            Some(e) if e.kind() == Some(git2::ObjectType::Tree) => Some(repo.find_tree(e.id())?),
            _ => None,
        };
        let (id, empty) = build(repo, sub.as_ref(), &here)?;
        if empty {
            if builder.get(name)?.is_some() {
                builder.remove(name)?;
            }
        } else {
            builder.insert(name, id, FileMode::Tree.into())?;
        }
    }
    Ok((builder.write()?, builder.is_empty()))
}
