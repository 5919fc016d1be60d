//! Finding items in a tree, in either layout (see `domain::layout`).
//!
//! A listing walks `drafts/` and `reviews/` by their bytes (see `rawtree`): in the
//! sharded layout that is a few thousand small trees at 100,000 items, in the flat one
//! the two big trees. What is not where warta puts things is returned as a stray, so
//! the snapshot can report it and `verify` can check that a migration kept it.

use std::collections::{BTreeMap, HashMap};

use git2::Oid;

use super::cache::DayTrees;
use super::error::{Result, StoreError};
use super::rawtree::{self, TREE_MODE};
use super::repo::Newsroom;
use crate::domain::layout::{self, DRAFTS, LOG_SUFFIX, Layout, REVIEWS};
use crate::domain::slug;

/// An item folder or review log found where a layout puts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The item.
    pub slug: String,
    /// The entry's mode (a folder for an item, normally a file for a log).
    pub mode: u32,
    /// The object.
    pub id: Oid,
    /// Which layout the path follows.
    pub layout: Layout,
}

/// An entry under `drafts/` or `reviews/` that is not where warta puts anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    /// Its path from the root.
    pub path: String,
    /// The entry's mode.
    pub mode: u32,
    /// The object.
    pub id: Oid,
}

/// Every item folder and review log of a tree.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Item folders, in tree order.
    pub drafts: Vec<Placed>,
    /// Review logs, in tree order.
    pub reviews: Vec<Placed>,
    /// Everything else under the two folders.
    pub strays: Vec<Stray>,
}

impl Listing {
    /// Review log ids by slug; a log in date folders wins over a flat one.
    #[must_use]
    pub fn review_ids(&self) -> HashMap<&str, Oid> {
        let mut ids = HashMap::with_capacity(self.reviews.len());
        for r in &self.reviews {
            if r.layout == Layout::Sharded || !ids.contains_key(r.slug.as_str()) {
                ids.insert(r.slug.as_str(), r.id);
            }
        }
        ids
    }
}

/// The layout a listing of one root folder's top entries shows, if any.
fn top_layout(bytes: &[u8], logs: bool) -> Result<Option<Layout>> {
    let mut found = None;
    for e in rawtree::entries(bytes) {
        let e = e?;
        let Ok(name) = std::str::from_utf8(e.name) else {
            continue;
        };
        let item = if logs {
            name.strip_suffix(LOG_SUFFIX)
        } else {
            Some(name)
        };
        if item.is_some_and(slug::is_valid) {
            return Ok(Some(Layout::Flat));
        }
        if e.is_tree() && layout::is_shard_name(0, name) {
            found = Some(Layout::Sharded);
        }
    }
    Ok(found)
}

impl Newsroom {
    /// The bytes of a root folder (`drafts` or `reviews`) of root tree `root`, empty
    /// when there is none.
    fn root_folder(&self, root: Oid, name: &str) -> Result<std::sync::Arc<[u8]>> {
        match self.path_entry(root, name)? {
            Some((mode, id)) if mode == TREE_MODE => self.tree_bytes(id, Some(name)),
            _ => Ok(std::sync::Arc::from(Vec::new())),
        }
    }

    /// The layout of root tree `root`: flat as soon as one item is stored flat, sharded
    /// when items are only in date folders, `None` without items. Reads only the top
    /// entries of `drafts/` and `reviews/`, and stops at the first flat one.
    pub(crate) fn layout_of(&self, root: Oid) -> Result<Option<Layout>> {
        let drafts = top_layout(&self.root_folder(root, DRAFTS)?, false)?;
        if drafts == Some(Layout::Flat) {
            return Ok(drafts);
        }
        let reviews = top_layout(&self.root_folder(root, REVIEWS)?, true)?;
        Ok(if reviews == Some(Layout::Flat) {
            reviews
        } else {
            drafts.or(reviews)
        })
    }

    /// Refuse to write on a commit whose items are still in the flat layout.
    pub(crate) fn require_current_layout(&self, commit: Oid) -> Result<()> {
        let root = self.repo.find_commit(commit)?.tree_id();
        if self.layout_of(root)? == Some(Layout::Flat) {
            return Err(StoreError::Unmigrated);
        }
        Ok(())
    }

    /// An item's folder in root tree `root`: where the current layout puts it, else
    /// where the flat one did.
    pub(crate) fn item_folder(&self, root: Oid, slug: &str) -> Result<Option<(Oid, Layout)>> {
        if !slug::is_valid(slug) {
            return Ok(None);
        }
        for layout in [Layout::Sharded, Layout::Flat] {
            if let Some((TREE_MODE, id)) = self.path_entry(root, &layout.draft_dir(slug))? {
                return Ok(Some((id, layout)));
            }
        }
        Ok(None)
    }

    /// An item's review log entry (mode and id) in root tree `root`, found as
    /// [`Newsroom::item_folder`] finds the folder.
    pub(crate) fn log_entry(&self, root: Oid, slug: &str) -> Result<Option<(u32, Oid, Layout)>> {
        if !slug::is_valid(slug) {
            return Ok(None);
        }
        for layout in [Layout::Sharded, Layout::Flat] {
            if let Some((mode, id)) = self.path_entry(root, &layout.review_path(slug))? {
                return Ok(Some((mode, id, layout)));
            }
        }
        Ok(None)
    }

    /// Every item folder and review log of root tree `root`, in either layout.
    pub(crate) fn list_items(&self, root: Oid) -> Result<Listing> {
        let mut out = Listing::default();
        for (folder, logs) in [(DRAFTS, false), (REVIEWS, true)] {
            let bytes = self.root_folder(root, folder)?;
            self.walk(&bytes, folder, 0, logs, &mut out, None)?;
        }
        Ok(out)
    }

    /// The day folders of root tree `root` with their tree ids, read down to the month
    /// folders only (at 100,000 items, about 130 small trees instead of 3,800), and
    /// everything above the days: flat items and strays.
    ///
    /// The year and month folders read are kept in the outline cache (see
    /// [`super::outline`]): after an action only the folders on its item's path are new,
    /// so an open reads a handful of trees from git instead of every month's.
    pub(crate) fn outline(&self, root: Oid) -> Result<(BTreeMap<String, DayTrees>, Listing)> {
        self.outline_with(root, !super::modes::cache_disabled())
    }

    /// [`Newsroom::outline`], with the outline cache or (`verify`: git alone) without.
    pub(crate) fn outline_with(&self, root: Oid, cached: bool) -> Result<(BTreeMap<String, DayTrees>, Listing)> {
        let mut days = BTreeMap::new();
        let mut out = Listing::default();
        let mut walk = super::outline::Known::load(self.git_dir(), cached);
        for (folder, logs) in [(DRAFTS, false), (REVIEWS, true)] {
            let bytes = self.root_folder(root, folder)?;
            walk.found.clear();
            self.walk(&bytes, folder, 0, logs, &mut out, Some(&mut walk))?;
            for (day, id) in std::mem::take(&mut walk.found) {
                let e: &mut DayTrees = days.entry(day).or_default();
                if logs {
                    e.1 = Some(id);
                } else {
                    e.0 = Some(id);
                }
            }
        }
        walk.save(self.git_dir());
        Ok((days, out))
    }

    /// The items and strays of one day's folders (see [`Newsroom::outline`]).
    pub(crate) fn list_day(&self, day: &str, trees: DayTrees) -> Result<Listing> {
        let mut out = Listing::default();
        let path = day.replace('-', "/");
        for (folder, id, logs) in [(DRAFTS, trees.0, false), (REVIEWS, trees.1, true)] {
            if let Some(id) = id {
                let bytes = self.tree_bytes(id, None)?;
                self.walk(&bytes, &format!("{folder}/{path}"), 3, logs, &mut out, None)?;
            }
        }
        Ok(out)
    }

    /// One level of a walk: `level` 0 is the root folder at `path`, 1–3 its year,
    /// month and day folders.
    /// With `days`, day folders are not read but recorded there by date, with their ids.
    fn walk(
        &self,
        bytes: &[u8],
        path: &str,
        level: usize,
        logs: bool,
        out: &mut Listing,
        mut days: Option<&mut super::outline::Known>,
    ) -> Result<()> {
        // The date the path names so far; complete in a day folder.
        let date: Vec<&str> = path.split('/').skip(1).collect();
        for e in rawtree::entries(bytes) {
            let e = e?;
            let name = String::from_utf8_lossy(e.name);
            let item = if logs {
                name.strip_suffix(LOG_SUFFIX)
            } else {
                Some(&*name)
            };
            let item_ok = item.is_some_and(slug::is_valid) && (logs || e.is_tree());
            let layout = match level {
                0 if item_ok => Some(Layout::Flat),
                3 if item_ok && item.map(layout::shard).is_some_and(|s| s[..] == date[..]) => Some(Layout::Sharded),
                2 if e.is_tree() && layout::is_shard_name(level, &name) && days.is_some() => {
                    if let Some(days) = days.as_deref_mut() {
                        days.found.insert(format!("{}-{}-{name}", date[0], date[1]), e.id);
                    }
                    continue;
                }
                0..=2 if e.is_tree() && layout::is_shard_name(level, &name) => {
                    let sub = match days.as_deref_mut() {
                        Some(known) => known.tree(e.id, || self.tree_bytes(e.id, None))?,
                        None => self.tree_bytes(e.id, None)?,
                    };
                    self.walk(
                        &sub,
                        &format!("{path}/{name}"),
                        level + 1,
                        logs,
                        out,
                        days.as_deref_mut(),
                    )?;
                    continue;
                }
                _ => None,
            };
            match layout {
                Some(layout) => {
                    let list = if logs { &mut out.reviews } else { &mut out.drafts };
                    list.push(Placed {
                        slug: item.unwrap_or_default().to_string(),
                        mode: e.mode,
                        id: e.id,
                        layout,
                    });
                }
                None => out.strays.push(Stray {
                    path: format!("{path}/{name}"),
                    mode: e.mode,
                    id: e.id,
                }),
            }
        }
        Ok(())
    }
}
