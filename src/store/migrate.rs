//! `warta migrate`: moving a newsroom's items from the flat layout into date folders
//! (see `domain::layout`) in one recorded commit.
//!
//! The commit changes nothing but places: every item folder and review log keeps its
//! object id, so approvals that pin a folder's tree id stay valid, and `verify` and the
//! push hook accept exactly this commit (see `history::only_moved`). Only an admin may
//! make it. Entries that are not items (strays) stay where they are.

use std::collections::BTreeMap;

use git2::{ErrorCode, Oid};

use super::error::{Result, StoreError};
use super::rawtree::{self, TREE_MODE};
use super::repo::Newsroom;
use super::tree::Change;
use crate::domain::config::Role;
use crate::domain::layout::{self, DRAFTS, Layout, REVIEWS};

/// What a migration moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The commit that moved them.
    pub commit: Oid,
    /// Item folders moved.
    pub items: usize,
    /// Review logs moved.
    pub logs: usize,
}

/// Folders to write below a tree: a name to a sub-folder or to an entry (mode and id).
enum Node {
    Folder(BTreeMap<String, Node>),
    Entry(u32, Oid),
}

const ATTEMPTS: u32 = 20;

impl Newsroom {
    /// Move every item stored flat into its date folders, as `actor` (an admin): one
    /// commit, or `None` when nothing is stored flat.
    pub fn migrate(&self, actor: &str) -> Result<Option<Migrated>> {
        for _ in 0..ATTEMPTS {
            let head = self.head()?;
            let config = self.config_at(head)?;
            let person = config
                .person(actor)
                .filter(|p| p.has(Role::Admin))
                .ok_or(StoreError::MigrateNeedsAdmin)?;
            let parent = self.repo.find_commit(head)?;
            let old_tree = parent.tree_id();
            let listing = self.list_items(old_tree)?;
            let flat_drafts: Vec<_> = listing.drafts.iter().filter(|p| p.layout == Layout::Flat).collect();
            let flat_logs: Vec<_> = listing.reviews.iter().filter(|p| p.layout == Layout::Flat).collect();
            if flat_drafts.is_empty() && flat_logs.is_empty() {
                return Ok(None);
            }
            // An item stored both ways was planted with plain git: which copy is true is
            // for a person to decide, not for a migration.
            for (list, flat, log) in [
                (&listing.drafts, &flat_drafts, false),
                (&listing.reviews, &flat_logs, true),
            ] {
                let sharded: std::collections::HashSet<&str> = list
                    .iter()
                    .filter(|p| p.layout == Layout::Sharded)
                    .map(|p| p.slug.as_str())
                    .collect();
                if let Some(p) = flat.iter().find(|p| sharded.contains(p.slug.as_str())) {
                    return Err(StoreError::Broken {
                        path: if log {
                            Layout::Flat.review_path(&p.slug)
                        } else {
                            Layout::Flat.draft_dir(&p.slug)
                        },
                        line: 1,
                        reason: "the item is also in the folder of its date".into(),
                    });
                }
            }
            let mut root = self.tree_bytes(old_tree, None)?.to_vec();
            let mut changes = Vec::new();
            for (folder, moved, logs) in [(DRAFTS, &flat_drafts, false), (REVIEWS, &flat_logs, true)] {
                let Some(entry) = rawtree::find(&root, folder)?.filter(rawtree::RawEntry::is_tree) else {
                    continue;
                };
                let top = self.tree_bytes(entry.id, None)?;
                // Everything but the flat entries stays, in git's order.
                let names: std::collections::HashSet<String> = moved
                    .iter()
                    .map(|p| {
                        if logs {
                            format!("{}{}", p.slug, layout::LOG_SUFFIX)
                        } else {
                            p.slug.clone()
                        }
                    })
                    .collect();
                let mut kept = Vec::with_capacity(top.len() / 4);
                for e in rawtree::entries(&top) {
                    let e = e?;
                    if !std::str::from_utf8(e.name).is_ok_and(|n| names.contains(n)) {
                        kept.extend_from_slice(&top[e.span.0..e.span.1]);
                    }
                }
                let mut plan: BTreeMap<String, Node> = BTreeMap::new();
                for p in moved {
                    let [y, m, d] = layout::shard(&p.slug);
                    let name = if logs {
                        format!("{}{}", p.slug, layout::LOG_SUFFIX)
                    } else {
                        p.slug.clone()
                    };
                    let mut at = &mut plan;
                    for part in [y, m, d] {
                        let node = at
                            .entry(part.to_string())
                            .or_insert_with(|| Node::Folder(BTreeMap::new()));
                        let Node::Folder(next) = node else {
                            unreachable!("shard folders are only ever folders")
                        };
                        at = next;
                    }
                    at.insert(name, Node::Entry(p.mode, p.id));
                    self.moved_files(p, logs, &mut changes)?;
                }
                let new_top = self.put_all(&kept, &plan)?;
                let id = self.write_tree_bytes(new_top, None)?;
                root = rawtree::with_entry(&root, folder, Some((TREE_MODE, id)))?;
            }
            let tree_id = self.write_tree_bytes(root, None)?;
            let tree = self.repo.find_tree(tree_id)?;
            let now = super::action::now(&config);
            let time = git2::Time::new(now.timestamp().as_second(), now.offset().seconds() / 60);
            let email = if person.email.is_empty() {
                format!("{}@localhost", person.id)
            } else {
                person.email.clone()
            };
            let sig = git2::Signature::new(&person.name, &email, &time)?;
            let message = format!(
                "migrate: items into date folders\n\nWarta-Action: migrate\nWarta-Actor: {}\n",
                person.id
            );
            let commit = self.repo.commit(None, &sig, &sig, &message, &tree, &[&parent])?;
            match self
                .repo
                .reference_matching(&self.refname(), commit, true, head, &message)
            {
                Ok(_) => {
                    let _ = super::worktree::update(self, old_tree, tree_id, &changes);
                    super::housekeeping::wrote(self.git_dir(), self.loose_written.take());
                    return Ok(Some(Migrated {
                        commit,
                        items: flat_drafts.len(),
                        logs: flat_logs.len(),
                    }));
                }
                Err(e) if matches!(e.code(), ErrorCode::Modified | ErrorCode::Locked) => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(StoreError::TooManyRetries(ATTEMPTS))
    }

    /// The work-tree changes of moving one item folder or log: each file out of the old
    /// place and into the new one.
    fn moved_files(&self, p: &super::shards::Placed, log: bool, out: &mut Vec<Change>) -> Result<()> {
        if log {
            out.push(Change {
                path: Layout::Flat.review_path(&p.slug),
                blob: None,
            });
            out.push(Change {
                path: Layout::Sharded.review_path(&p.slug),
                blob: Some(p.id),
            });
            return Ok(());
        }
        let folder = self.repo.find_tree(p.id)?;
        for e in folder.iter().filter(|e| e.kind() == Some(git2::ObjectType::Blob)) {
            let Ok(name) = e.name() else { continue };
            out.push(Change {
                path: Layout::Flat.file_path(&p.slug, name),
                blob: None,
            });
            out.push(Change {
                path: Layout::Sharded.file_path(&p.slug, name),
                blob: Some(e.id()),
            });
        }
        Ok(())
    }

    /// Tree bytes `bytes` with the entries of `plan` added, writing each sub-folder once.
    fn put_all(&self, bytes: &[u8], plan: &BTreeMap<String, Node>) -> Result<Vec<u8>> {
        let mut out = bytes.to_vec();
        for (name, node) in plan {
            let entry = match node {
                Node::Entry(mode, id) => (*mode, *id),
                Node::Folder(children) => {
                    let sub = match rawtree::find(&out, name)?.filter(rawtree::RawEntry::is_tree) {
                        Some(e) => self.tree_bytes(e.id, None)?.to_vec(),
                        None => Vec::new(),
                    };
                    let new = self.put_all(&sub, children)?;
                    (TREE_MODE, self.write_tree_bytes(new, None)?)
                }
            };
            out = rawtree::with_entry(&out, name, Some(entry))?;
        }
        Ok(out)
    }
}
