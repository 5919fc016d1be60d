//! A snapshot: every item of the newsroom at one commit, plus the files that are broken.

use std::collections::BTreeSet;
use std::sync::Arc;

use git2::{ObjectType, Oid, Tree};

use super::Result;
use super::cache;
use super::rawtree;
use super::repo::Newsroom;
use super::shards::Listing;
use crate::domain::config::Config;
use crate::domain::item::Item;
use crate::domain::layout::Layout;
use crate::domain::review::{Review, ReviewState, Status};
use crate::domain::slug;
use crate::domain::workflow::ItemFacts;

// A 600-word article is ~5 KB; 1 MiB is a mistake or an attack.
pub use crate::domain::limits::{MAX_ITEM_BYTES, MAX_REVIEW_BYTES};

/// One item as read from a commit.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The item folder's name (see `domain::layout` for where it lies).
    pub slug: String,
    /// The parsed `index.md`.
    pub item: Item,
    /// Tree id of the item's folder: the content hash approvals pin.
    pub content: String,
    /// The review log.
    pub review: Review,
    /// Derived from the log.
    pub state: ReviewState,
    /// Other files in the item's folder (photos).
    pub files: Vec<String>,
    /// Blob id of the review log ("" when there is none).
    pub review_id: String,
}

impl Entry {
    /// Whether the last approval still matches the content.
    #[must_use]
    pub fn approval_valid(&self) -> bool {
        matches!(self.state.status, Status::Approved | Status::Published)
            && self.state.approved_content.as_deref() == Some(self.content.as_str())
    }

    /// Whether the item was approved once but changed since.
    #[must_use]
    pub fn approval_stale(&self) -> bool {
        self.state.approved_content.is_some() && !self.approval_valid() && self.state.status == Status::Approved
    }

    /// The item as the rule book sees it.
    #[must_use]
    pub fn current(&self) -> crate::domain::rules::Current<'_> {
        crate::domain::rules::Current {
            item: &self.item,
            review: &self.review,
            state: &self.state,
            content: &self.content,
        }
    }

    /// The facts the permission check needs.
    #[must_use]
    pub fn facts(&self) -> ItemFacts<'_> {
        ItemFacts {
            author: &self.item.front.author,
            kecamatan: &self.item.front.kecamatan,
            status: self.state.status,
            approval_valid: self.approval_valid(),
        }
    }

    /// Time of the last event (RFC 3339), or the creation time.
    #[must_use]
    pub fn updated(&self) -> String {
        self.review
            .updated()
            .map(str::to_string)
            .or_else(|| self.item.front.created.map(|c| c.to_string()))
            .unwrap_or_default()
    }

    /// Number of unresolved comment threads.
    #[must_use]
    pub fn open_threads(&self) -> usize {
        self.state.threads.iter().filter(|t| !t.resolved).count()
    }
}

/// A file that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// Item slug (folder name) it belongs to.
    pub slug: String,
    /// Path inside the repository.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// Why it is broken.
    pub reason: String,
}

/// The newsroom at one commit.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The commit read.
    pub commit: Oid,
    /// The config at that commit.
    pub config: Config,
    /// Items that parsed, sorted by slug. Shared: a reload that finds an item unchanged
    /// keeps the same entry instead of copying it.
    pub items: Vec<Arc<Entry>>,
    /// Files that did not.
    pub broken: Vec<Broken>,
    /// Only some items, read to draw the first screen at once; the whole newsroom follows.
    /// Every entry in it is complete and current; what is missing is the other items.
    pub partial: bool,
}

impl Snapshot {
    /// An item by slug.
    #[must_use]
    pub fn item(&self, slug: &str) -> Option<&Entry> {
        self.shared(slug).map(|e| &**e)
    }

    /// An item by slug, as shared with other snapshots.
    #[must_use]
    pub fn shared(&self, slug: &str) -> Option<&Arc<Entry>> {
        self.items
            .binary_search_by(|e| e.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.items[i])
    }

    /// A broken file of an item, if the item is broken.
    #[must_use]
    pub fn broken_item(&self, slug: &str) -> Option<&Broken> {
        self.broken.iter().find(|b| b.slug == slug)
    }
}

impl Newsroom {
    /// Read every item at the branch head.
    pub fn snapshot(&self) -> Result<Snapshot> {
        self.snapshot_at(self.head()?)
    }

    /// Read every item at a commit.
    pub fn snapshot_at(&self, commit: Oid) -> Result<Snapshot> {
        self.snapshot_reusing(commit, None)
    }

    /// Read every item at a commit, reusing the items of `previous` whose folder tree
    /// and review log are unchanged (ids compare, nothing is re-read or re-parsed).
    ///
    /// Without `previous`, the on-disk cache (see `cache`) plays its part, and is
    /// rewritten when it was missing, damaged or more than a few items behind.
    pub fn snapshot_reusing(&self, commit: Oid, previous: Option<&Snapshot>) -> Result<Snapshot> {
        self.read_snapshot(commit, previous, !cache::disabled())
    }

    /// Read every item at the branch head from git alone, without the cache: for
    /// `verify`, which must judge what is in the repository and nothing else.
    pub fn snapshot_uncached(&self) -> Result<Snapshot> {
        self.read_snapshot(self.head()?, None, false)
    }

    fn read_snapshot(&self, commit: Oid, previous: Option<&Snapshot>, use_cache: bool) -> Result<Snapshot> {
        let config = self.config_at(commit)?;
        let cache_dir = cache::path(self.git_dir());
        // `None`: not used (an earlier snapshot is at hand, or `verify`).
        let mut disk = match previous {
            None if use_cache => Some(cache::load(&cache_dir)),
            _ => None,
        };
        // The shards of the cache that no longer match the tree, to be rewritten.
        let mut stale: BTreeSet<String> = BTreeSet::new();
        let listing = self.list_items(self.repo.find_commit(commit)?.tree_id())?;
        let reviews = listing.review_ids();
        let mut items: Vec<Arc<Entry>> = Vec::new();
        let mut broken = strays_broken(&listing);
        let mut seen = std::collections::HashSet::with_capacity(listing.drafts.len());
        // In date folders first: a flat copy of the same item (planted with plain git)
        // is reported, not read.
        let ordered = listing
            .drafts
            .iter()
            .filter(|d| d.layout == Layout::Sharded)
            .chain(listing.drafts.iter().filter(|d| d.layout == Layout::Flat));
        for placed in ordered {
            let name = placed.slug.as_str();
            if !seen.insert(name) {
                broken.push(Broken {
                    slug: name.to_string(),
                    path: placed.layout.draft_dir(name),
                    line: 1,
                    reason: "the item is also in the folder of its date".into(),
                });
                continue;
            }
            let review = reviews.get(name).copied();
            let review_id = review.map(|id| id.to_string()).unwrap_or_default();
            let content = placed.id.to_string();
            let same = |o: &Entry| o.content == content && o.review_id == review_id;
            if let Some(old) = previous.and_then(|p| p.shared(name)).filter(|o| same(o)) {
                items.push(Arc::clone(old));
                continue;
            }
            let cached = disk.as_mut().and_then(|d| d.remove(name));
            let had = cached.is_some();
            if let Some(old) = cached.filter(|o| same(o)) {
                items.push(Arc::new(old));
                continue;
            }
            let folder = self.repo.find_tree(placed.id)?;
            let read = read_entry(self, name, placed.layout, &folder, review);
            // Its shard changes if it held the item, or will hold it now (a broken
            // item that was never cached changes nothing).
            if disk.is_some() && (had || read.is_ok()) {
                stale.insert(cache::shard_of(name).to_string());
            }
            match read {
                Ok(e) => items.push(Arc::new(e)),
                Err(b) => broken.push(b),
            }
        }
        items.sort_by(|a, b| a.slug.cmp(&b.slug));
        if let Some(disk) = &disk {
            // What is left in the cache are items no longer in the tree.
            stale.extend(disk.keys().map(|slug| cache::shard_of(slug).to_string()));
            if !stale.is_empty() {
                // A cache that cannot be written (read-only repository) is simply not kept.
                let _ = cache::save(&cache_dir, &items, Some(&stale));
            }
        }
        Ok(Snapshot {
            commit,
            config,
            items,
            broken,
            partial: false,
        })
    }

    /// A partial snapshot of just these items at a commit (those that exist and read).
    pub fn glance_at(&self, commit: Oid, slugs: &[String]) -> Result<Snapshot> {
        let config = self.config_at(commit)?;
        let root = self.repo.find_commit(commit)?.tree_id();
        let mut items = Vec::new();
        for s in slugs {
            if let Some(Ok(e)) = self.entry_in(root, s)? {
                items.push(Arc::new(e));
            }
        }
        items.sort_by(|a, b| a.slug.cmp(&b.slug));
        items.dedup_by(|a, b| a.slug == b.slug);
        Ok(Snapshot {
            commit,
            config,
            items,
            broken: Vec::new(),
            partial: true,
        })
    }

    /// Read one item at a commit: `Ok(None)` when it does not exist.
    pub fn entry_at(&self, commit: Oid, slug: &str) -> Result<Option<std::result::Result<Entry, Broken>>> {
        self.entry_in(self.repo.find_commit(commit)?.tree_id(), slug)
    }

    /// Read one item of root tree `root`, in whichever layout it is stored.
    fn entry_in(&self, root: Oid, slug: &str) -> Result<Option<std::result::Result<Entry, Broken>>> {
        // Only slugs name items; anything else (`..`, `/`, NUL) names nothing.
        let Some((folder, layout)) = self.item_folder(root, slug)? else {
            return Ok(None);
        };
        let folder = self.repo.find_tree(folder)?;
        let review = self.log_entry(root, slug)?.map(|(_, id, _)| id);
        Ok(Some(read_entry(self, slug, layout, &folder, review)))
    }
}

/// The folders under `drafts/` that are not where warta puts items, as broken files.
fn strays_broken(listing: &Listing) -> Vec<Broken> {
    listing
        .strays
        .iter()
        .filter(|s| s.mode == rawtree::TREE_MODE && s.path.starts_with("drafts/"))
        .map(|s| {
            let name = s.path.rsplit('/').next().unwrap_or_default();
            let reason = if slug::is_valid(name) {
                "the item is not in the folder of its date"
            } else {
                "folder name is not a valid slug"
            };
            Broken {
                slug: name.to_string(),
                path: s.path.clone(),
                line: 1,
                reason: reason.into(),
            }
        })
        .collect()
}

/// A blob of at most `max` bytes. Its size is read from the object's header first, so a
/// huge blob is refused unread: `Err(Some(reason))`; `Err(None)` when it cannot be read.
fn bounded_blob(room: &Newsroom, id: Oid, max: usize) -> std::result::Result<git2::Blob<'_>, Option<String>> {
    let size = room.blob_size(id).ok_or(None)?;
    if size > max {
        return Err(Some(format!("too large: {size} bytes (at most {max})")));
    }
    room.repo.find_blob(id).map_err(|_| None)
}

fn read_entry(
    room: &Newsroom,
    slug: &str,
    layout: Layout,
    folder: &Tree<'_>,
    review_id: Option<Oid>,
) -> std::result::Result<Entry, Broken> {
    let broken = |path: String, line: usize, reason: String| Broken {
        slug: slug.to_string(),
        path,
        line,
        reason,
    };
    let index_path = layout.index_path(slug);
    let index_id = folder
        .get_name("index.md")
        // A symlink is a blob too; its target is never followed or read as an item.
        .filter(|e| e.kind() == Some(ObjectType::Blob) && e.filemode() != 0o120_000)
        .map(|e| e.id())
        .ok_or_else(|| broken(index_path.clone(), 1, "index.md is missing".into()))?;
    let blob = bounded_blob(room, index_id, MAX_ITEM_BYTES).map_err(|reason| {
        broken(
            index_path.clone(),
            1,
            reason.unwrap_or_else(|| "index.md is missing".into()),
        )
    })?;
    let item = Item::parse(blob.content()).map_err(|e| broken(index_path.clone(), e.line(), e.to_string()))?;
    let review_path = layout.review_path(slug);
    let review = match review_id {
        None => Review::default(),
        Some(id) => {
            let blob = bounded_blob(room, id, MAX_REVIEW_BYTES).map_err(|reason| {
                broken(
                    review_path.clone(),
                    1,
                    reason.unwrap_or_else(|| "review log is not a file".into()),
                )
            })?;
            let text = std::str::from_utf8(blob.content())
                .map_err(|_| broken(review_path.clone(), 1, "not valid UTF-8".into()))?;
            Review::parse(text).map_err(|e| broken(review_path.clone(), e.line, e.message))?
        }
    };
    let files = folder
        .iter()
        .filter_map(|e| e.name().ok().map(str::to_string))
        .filter(|n| n != "index.md")
        .collect();
    let state = review.state();
    Ok(Entry {
        slug: slug.to_string(),
        item,
        content: folder.id().to_string(),
        review,
        state,
        files,
        review_id: review_id.map(|id| id.to_string()).unwrap_or_default(),
    })
}
