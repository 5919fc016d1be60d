//! A snapshot: every item of the newsroom at one commit, plus the files that are broken.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use git2::{ObjectType, Oid, Tree};

use super::cache;
use super::cache::DayTrees;
use super::error::Result;
use super::rawtree;
use super::repo::Newsroom;
use super::shards::{Listing, Placed};
use crate::domain::config::Config;
use crate::domain::item::Item;
use crate::domain::layout::Layout;
use crate::domain::review::{Event, Review};
use crate::domain::slug;

// A 600-word article is ~5 KB; 1 MiB is a mistake or an attack.
pub use crate::domain::limits::{MAX_ITEM_BYTES, MAX_REVIEW_BYTES};

/// How many of the newest items a first glance without saved rows reads.
pub const GLANCE: usize = 100;

pub use super::entry::{Broken, Entry, Leave};

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
    /// Whether the bodies were left in git ([`Newsroom::snapshot_lean`]): each entry's
    /// `lean` says whether it holds its body.
    pub lean: bool,
    /// The days whose folders this snapshot holds whole, with their tree ids: a reload
    /// takes such a day as it is while its folders keep their ids.
    days: HashMap<String, DayTrees>,
}

impl Snapshot {
    /// The items of one day (`YYYY-MM-DD`): slugs begin with their date, so they are
    /// one run of the sorted list.
    fn day_range(&self, day: &str) -> std::ops::Range<usize> {
        let start = self.items.partition_point(|e| e.slug.as_str() < day);
        let end = self
            .items
            .partition_point(|e| e.slug.as_bytes() < format!("{day}.").as_bytes());
        start..end.max(start)
    }

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
    /// A day whose folders kept their tree ids is taken whole from `previous` without
    /// reading them. Without `previous`, the on-disk cache (see `cache`) plays that
    /// part, and the files of the days that changed (or were missing or damaged) are
    /// written again.
    pub fn snapshot_reusing(&self, commit: Oid, previous: Option<&Snapshot>) -> Result<Snapshot> {
        self.read_snapshot(commit, previous, !cache::disabled(), Leave::Nothing)
    }

    /// [`Newsroom::snapshot_reusing`] leaving the bodies and the logs in git (but each
    /// log's last event, [`Leave::BodiesAndLogs`]), to be read whole with
    /// [`Newsroom::entry_at`] when a screen shows an item. What the TUI holds: bodies and
    /// logs are most of a newsroom's memory. The cache is read a day at a time, each
    /// day's entries made lean as it is read, so the whole newsroom is never in memory
    /// at once (except on an open with no cache at all, which writes the cache from the
    /// whole entries first).
    pub fn snapshot_lean(&self, commit: Oid, previous: Option<&Snapshot>) -> Result<Snapshot> {
        self.read_snapshot(commit, previous, !cache::disabled(), Leave::BodiesAndLogs)
    }

    /// Every item at a commit with its whole log but without its body: what the
    /// evaluation report reads, for a TUI whose snapshot is lean.
    pub fn snapshot_without_bodies(&self, commit: Oid) -> Result<Snapshot> {
        self.read_snapshot(commit, None, !cache::disabled(), Leave::Bodies)
    }

    /// Read every item at the branch head from git alone, without the cache: for
    /// `verify`, which must judge what is in the repository and nothing else.
    pub fn snapshot_uncached(&self) -> Result<Snapshot> {
        self.read_snapshot(self.head()?, None, false, Leave::Nothing)
    }

    fn read_snapshot(
        &self,
        commit: Oid,
        previous: Option<&Snapshot>,
        use_cache: bool,
        leave: Leave,
    ) -> Result<Snapshot> {
        let config = self.config_at(commit)?;
        let cache_dir = cache::path(self.git_dir());
        let mut r = Reading {
            room: self,
            previous,
            // `None`: not used (an earlier snapshot is at hand, or `verify`).
            disk: match previous {
                None if use_cache => Some(cache::load(&cache_dir, leave)),
                _ => None,
            },
            stale: BTreeSet::new(),
            items: Vec::new(),
            broken: Vec::new(),
            seen: HashSet::new(),
        };
        let (days, above) = self.outline_with(self.repo.find_commit(commit)?.tree_id(), use_cache)?;
        r.broken = strays_broken(&above);
        // The days whose folders the snapshot holds whole, by their tree ids.
        let mut whole: HashMap<String, DayTrees> = HashMap::new();
        // Days with nothing to reuse (no snapshot before, no file in the cache) are read
        // first, shared among the cores.
        let fresh: Vec<(&String, &DayTrees)> = days
            .iter()
            .filter(|(day, _)| previous.is_none() && r.disk.as_ref().is_none_or(|d| !d.contains_key(day.as_str())))
            .collect();
        let mut fresh: HashMap<&str, (Vec<Entry>, Vec<Broken>)> = self
            .share_days(&fresh, |room, part| {
                part.iter()
                    .map(|&(day, trees)| Ok((day.as_str(), room.day_entries(day, *trees)?)))
                    .collect()
            })?
            .into_iter()
            .collect();
        for (day, trees) in &days {
            if let Some((entries, bad)) = fresh.remove(day.as_str()) {
                // The cache learns the day when it holds an item or is whole, as below.
                if r.disk.is_some() && (!entries.is_empty() || bad.is_empty()) {
                    r.stale.insert(day.clone());
                }
                if bad.is_empty() {
                    whole.insert(day.clone(), *trees);
                }
                r.seen.extend(entries.iter().map(|e| e.slug.clone()));
                r.items.extend(entries.into_iter().map(Arc::new));
                r.broken.extend(bad);
                continue;
            }
            // A day whose folders kept their ids is taken whole, without reading them:
            // from the snapshot before, else from the cache.
            if let Some(p) = previous.filter(|p| p.days.get(day) == Some(trees)) {
                let range = p.day_range(day);
                r.seen.extend(p.items[range.clone()].iter().map(|e| e.slug.clone()));
                r.items.extend(p.items[range].iter().cloned());
                whole.insert(day.clone(), *trees);
                continue;
            }
            if let Some(shard) = r.disk.as_mut().and_then(|d| d.remove_entry(day.as_str())) {
                if shard.1.trees == Some(*trees) {
                    r.seen.extend(shard.1.entries.iter().map(|e| e.slug.clone()));
                    r.items.extend(shard.1.entries.into_iter().map(Arc::new));
                    whole.insert(day.clone(), *trees);
                    continue;
                }
                // Read the day, reusing what still matches.
                r.disk.as_mut().map(|d| d.insert(shard.0, shard.1));
            }
            let listing = self.list_day(day, *trees)?;
            let broken_before = r.broken.len();
            r.broken.extend(strays_broken(&listing));
            let reviews = listing.review_ids();
            for placed in &listing.drafts {
                r.read(placed, reviews.get(placed.slug.as_str()).copied())?;
            }
            if let Some(shard) = r.disk.as_mut().and_then(|d| d.remove(day.as_str())) {
                // Entries left over are items gone from the day.
                if !shard.entries.is_empty() {
                    r.stale.insert(day.clone());
                }
            }
            if r.broken.len() == broken_before {
                whole.insert(day.clone(), *trees);
                // The file learns the day's ids, so the next open skips the day.
                if r.disk.is_some() {
                    r.stale.insert(day.clone());
                }
            }
        }
        // Items stored flat (a newsroom not migrated yet), after those in date folders:
        // a flat copy of an item that is also in its date folder is reported, not read.
        let reviews = above.review_ids();
        for placed in &above.drafts {
            r.read(placed, reviews.get(placed.slug.as_str()).copied())?;
        }
        let Reading {
            disk,
            mut stale,
            mut items,
            broken,
            ..
        } = r;
        items.sort_by(|a, b| a.slug.cmp(&b.slug));
        self.read_pinned(&mut items);
        if let Some(disk) = disk {
            // What is left in the cache are days or items no longer in the tree.
            stale.extend(disk.into_iter().filter(|(_, s)| !s.entries.is_empty()).map(|(d, _)| d));
            if !stale.is_empty() {
                // A cache that cannot be written (read-only repository) is simply not kept.
                let _ = cache::save(&cache_dir, &items, Some(&stale), &whole);
            }
        }
        if leave != Leave::Nothing {
            // Only what was read whole here holds its body: the cache has it now.
            for e in items.iter_mut().filter(|e| !e.lean) {
                Arc::make_mut(e).leave(leave);
            }
        }
        Ok(Snapshot {
            commit,
            config,
            items,
            broken,
            partial: false,
            lean: leave != Leave::Nothing,
            days: whole,
        })
    }

    /// A partial snapshot of just these items at a commit (those that exist and read);
    /// with no slugs (a person's very first start), the newest items: the latest day
    /// folders until [`GLANCE`] items, so the first screen never waits for the whole
    /// newsroom.
    pub fn glance_at(&self, commit: Oid, slugs: &[String]) -> Result<Snapshot> {
        let config = self.config_at(commit)?;
        let root = self.repo.find_commit(commit)?.tree_id();
        let mut items = Vec::new();
        for s in slugs {
            if let Some(Ok(e)) = self.entry_in(root, s)? {
                items.push(Arc::new(e));
            }
        }
        if slugs.is_empty() {
            let (days, _) = self.outline(root)?;
            for (day, trees) in days.iter().rev() {
                if items.len() >= GLANCE {
                    break;
                }
                items.extend(self.day_entries(day, *trees)?.0.into_iter().map(Arc::new));
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
            lean: false,
            days: HashMap::new(),
        })
    }

    /// Every item of one day's folders read from git, sorted by slug, and what in them
    /// is broken.
    pub(crate) fn day_entries(&self, day: &str, trees: DayTrees) -> Result<(Vec<Entry>, Vec<Broken>)> {
        let listing = self.list_day(day, trees)?;
        let mut broken = strays_broken(&listing);
        let reviews = listing.review_ids();
        let mut items = Vec::with_capacity(listing.drafts.len());
        for placed in &listing.drafts {
            let folder = self.repo.find_tree(placed.id)?;
            let review = reviews.get(placed.slug.as_str()).copied();
            match read_entry(self, &placed.slug, placed.layout, &folder, review) {
                Ok(e) => items.push(e),
                Err(b) => broken.push(b),
            }
        }
        items.sort_by(|a, b| a.slug.cmp(&b.slug));
        Ok((items, broken))
    }

    /// Every event logged after `since` at a commit, with its item's slug: for a lean
    /// snapshot, whose entries keep only their last event, what happened since a
    /// person's last visit. A day at a time, on all cores: from the snapshot cache's
    /// file while it holds the day as it is (read into memory, not mapped), else from
    /// the logs in git (no body is read). A log that cannot be read is skipped (the
    /// snapshot reports it broken).
    pub fn events_since(&self, commit: Oid, since: jiff::Timestamp) -> Result<Vec<(String, Event)>> {
        let root = self.repo.find_commit(commit)?.tree_id();
        let (days, above) = self.outline_with(root, true)?;
        let todo: Vec<(&String, &DayTrees)> = days.iter().collect();
        let dir = cache::path(self.git_dir());
        let cached = !cache::disabled();
        let mut found = self.share_days(&todo, |room, part| {
            let mut out = Vec::new();
            for &(day, trees) in part {
                match cached.then(|| cache::load_day(&dir, day, *trees)).flatten() {
                    Some(entries) => {
                        for e in entries {
                            let slug = e.slug;
                            out.extend(
                                e.review
                                    .events
                                    .into_iter()
                                    .filter(|ev| ev.is_after(since))
                                    .map(|ev| (slug.clone(), ev)),
                            );
                        }
                    }
                    None => out.extend(room.logged_since(&room.list_day(day, *trees)?, since)),
                }
            }
            Ok(out)
        })?;
        found.extend(self.logged_since(&above, since));
        Ok(found)
    }

    /// The events after `since` in the logs of a listing's items.
    fn logged_since(&self, listing: &Listing, since: jiff::Timestamp) -> Vec<(String, Event)> {
        let logs = listing.review_ids();
        let mut out = Vec::new();
        for placed in &listing.drafts {
            // A log that does not read has no events.
            let Some(log) = logs.get(placed.slug.as_str()).map(|id| self.log_of(*id)) else {
                continue;
            };
            out.extend(
                log.events()
                    .iter()
                    .filter(|ev| ev.is_after(since))
                    .map(|ev| (placed.slug.clone(), ev.clone())),
            );
        }
        out
    }

    /// `work` over `todo`: on this thread when it is short, else cut into one part per
    /// core (up to four), each read on its own thread with its own handle on the
    /// repository (a libgit2 repository is not shared between threads). Results in
    /// the order of `todo`. What a first open or a lost cache waits for is reading
    /// every item, and two cores read it in about half the time.
    pub(crate) fn share_days<T: Sync, R: Send>(
        &self,
        todo: &[T],
        work: impl Fn(&Self, &[T]) -> Result<Vec<R>> + Sync,
    ) -> Result<Vec<R>> {
        const MANY: usize = 64;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        // A hook's repository comes from its environment (a quarantine of the objects
        // being pushed), which a second handle opened by path would not see.
        let from_env = [
            "GIT_OBJECT_DIRECTORY",
            "GIT_QUARANTINE_PATH",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        ]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
        if threads < 2 || todo.len() < MANY || from_env {
            return work(self, todo);
        }
        let parts: Vec<&[T]> = todo.chunks(todo.len().div_ceil(threads)).collect();
        let readers = parts.iter().map(|_| self.reader()).collect::<Result<Vec<_>>>()?;
        let work = &work;
        let done: Vec<Result<Vec<R>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .into_iter()
                .zip(readers)
                .map(|(part, reader)| scope.spawn(move || work(&reader, part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        let mut out = Vec::with_capacity(todo.len());
        for part in done {
            out.extend(part?);
        }
        Ok(out)
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

/// One snapshot being read: what it may reuse, and what it has found so far.
struct Reading<'a> {
    room: &'a Newsroom,
    previous: Option<&'a Snapshot>,
    disk: Option<HashMap<String, cache::Shard>>,
    /// The days of the cache that no longer match the tree, to be written again.
    stale: BTreeSet<String>,
    items: Vec<Arc<Entry>>,
    broken: Vec<Broken>,
    seen: HashSet<String>,
}

impl Reading<'_> {
    /// Take one item: as it was in the snapshot before or in the cache when its folder
    /// and log kept their ids, else read from git.
    fn read(&mut self, placed: &Placed, review: Option<Oid>) -> Result<()> {
        let name = placed.slug.as_str();
        if !self.seen.insert(name.to_string()) {
            self.broken.push(Broken {
                slug: name.to_string(),
                path: placed.layout.draft_dir(name),
                line: 1,
                reason: "the item is also in the folder of its date".into(),
            });
            return Ok(());
        }
        let review_id = review.map(|id| id.to_string()).unwrap_or_default();
        let content = placed.id.to_string();
        let same = |o: &Entry| o.content == content && o.review_id == review_id;
        if let Some(old) = self.previous.and_then(|p| p.shared(name)).filter(|o| same(o)) {
            self.items.push(Arc::clone(old));
            return Ok(());
        }
        let day = cache::shard_of(name);
        let cached = self.disk.as_mut().and_then(|d| {
            let shard = d.get_mut(day)?;
            let at = shard.entries.iter().position(|e| e.slug == name)?;
            Some(shard.entries.swap_remove(at))
        });
        let had = cached.is_some();
        if let Some(old) = cached.filter(|o| same(o)) {
            self.items.push(Arc::new(old));
            return Ok(());
        }
        let folder = self.room.repo.find_tree(placed.id)?;
        let read = read_entry(self.room, name, placed.layout, &folder, review);
        // Its day changes if it held the item, or will hold it now (a broken item that
        // was never cached changes nothing).
        if self.disk.is_some() && (had || read.is_ok()) {
            self.stale.insert(day.to_string());
        }
        match read {
            Ok(e) => self.items.push(Arc::new(e)),
            Err(b) => self.broken.push(b),
        }
        Ok(())
    }
}

/// The folders under `drafts/` that are not where warta puts items, as broken files.
pub(crate) fn strays_broken(listing: &Listing) -> Vec<Broken> {
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
        pinned: None,
        lean: false,
    }
    .with_pinned(room))
}
