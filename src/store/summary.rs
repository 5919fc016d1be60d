//! The compact index of a newsroom: for each item only what a list shows and filters
//! on (title, status, kecamatan, author, tags, times, counts), with the bodies and
//! review logs left in git, and the words of the bodies for search.
//!
//! It is kept on disk in two caches with the fan-out of the items' folders, one file
//! per day in each: `<git dir>/warta-cache/index/YYYY-MM-DD` holds the day's summaries
//! and broken files, `<git dir>/warta-cache/words/YYYY-MM-DD` the words of its bodies.
//! A file is used while the day's folders keep the tree ids in its header, so an action
//! makes one day stale and only that day is read from git and written again. Reading
//! the index reads the summaries only; the words are read when a search needs them.
//!
//! Like the snapshot cache it is only an optimisation: a missing, damaged or stale file
//! is read from git instead. Each cache is bounded ([`Limits::KEPT`]): a day's file
//! over 16 MiB, and files past 1 GiB in all, are neither written nor read (the writer
//! keeps the folder's total under the bound, and the reader stops past it), so a file
//! is never written to be ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use git2::Oid;

use super::cache::{DayTrees, header_trees, is_shard_name, parse_trees};
use super::entry::{Broken, Entry};
use super::error::Result;
use super::framed::{Damaged, Put, Take, framed_len, read_framed, write_framed_unsynced};
use super::paths::{index_cache, words_cache};
use super::repo::Newsroom;
use super::snapshot::strays_broken;
use crate::domain::config::{Config, Person};
use crate::domain::review::Status;
use crate::domain::slug;
use crate::domain::word_index::{Builder, WordIndex, words_of};
use crate::domain::workflow::{ItemFacts, can_see_unpublished};

const ROWS: &str = "warta-index";
const WORDS: &str = "warta-words";
/// How large a cache may grow.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// A day's file larger than this is neither written nor read (a day of 50 items
    /// takes about 15 KB of summaries and 80 KB of words).
    file: u64,
    /// The files of one cache together (at 200,000 items: 61 MB of summaries, 307 MB
    /// of words).
    total: u64,
}

impl Limits {
    const KEPT: Self = Self {
        file: 16 << 20,
        total: 1 << 30,
    };
}

/// One of the two caches of the index, as one open uses it: what it has read and what
/// it may still write, within its [`Limits`]. Shared by the threads that read days.
struct Shelf {
    dir: PathBuf,
    magic: &'static str,
    limits: Limits,
    /// Bytes of the files read so far, in day order: past the total, no more are used.
    read: AtomicU64,
    /// Bytes that may still be written, known once a first file is written.
    left: OnceLock<AtomicU64>,
}

impl Shelf {
    fn new(dir: PathBuf, magic: &'static str, limits: Limits) -> Self {
        Self {
            dir,
            magic,
            limits,
            read: AtomicU64::new(0),
            left: OnceLock::new(),
        }
    }

    /// A day's body when its file is within the limits and names these folders.
    fn read(&self, day: &str, trees: &DayTrees) -> Option<Vec<u8>> {
        let path = self.dir.join(day);
        let len = std::fs::metadata(&path).ok()?.len();
        if len > self.limits.file || self.read.fetch_add(len, Ordering::Relaxed) + len > self.limits.total {
            return None;
        }
        let (extra, body) = read_framed(&path, self.magic)?;
        let [field] = extra.as_slice() else {
            return None;
        };
        (parse_trees(field).ok()?? == *trees).then_some(body)
    }

    /// Write a day's file when it fits the limits; else the day has no file.
    fn write(&self, day: &str, trees: &DayTrees, body: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(day);
        let field = header_trees(Some(trees));
        let needed = framed_len(self.magic, &[&field], body.len());
        let left = self.left.get_or_init(|| {
            let used: u64 = std::fs::read_dir(&self.dir).map_or(0, |l| {
                l.filter_map(std::result::Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            });
            AtomicU64::new(self.limits.total.saturating_sub(used))
        });
        // The file it replaces gives its room back.
        if let Ok(old) = std::fs::metadata(&path) {
            left.fetch_add(old.len(), Ordering::Relaxed);
            std::fs::remove_file(&path)?;
        }
        let fits = needed <= self.limits.file
            && left
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| l.checked_sub(needed))
                .is_ok();
        if !fits {
            return Ok(());
        }
        write_framed_unsynced(&path, self.magic, &[&field], body)
    }
}

/// What a list needs of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The item folder's name.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// Kecamatan id; empty for kabupaten-wide items.
    pub kecamatan: String,
    /// Person id of the author.
    pub author: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Status from the log.
    pub status: Status,
    /// Time of the last event, or the creation time (RFC 3339).
    pub updated: String,
    /// Whether the last approval still matches the content.
    pub approval_valid: bool,
    /// Whether the item was approved once but changed since.
    pub approval_stale: bool,
    /// Unresolved comment threads.
    pub open_threads: u32,
    /// Whether a version is public.
    pub public: bool,
    /// Whether it was ever submitted.
    pub submitted_once: bool,
    /// While a correction is under way: the public version, as those who may not see
    /// the working text see it.
    pub published: Option<Box<Summary>>,
}

impl Summary {
    /// The summary of an entry.
    #[must_use]
    pub fn of(e: &Entry) -> Self {
        let f = &e.item.front;
        Self {
            slug: e.slug.clone(),
            title: f.title.clone(),
            kecamatan: f.kecamatan.clone(),
            author: f.author.clone(),
            tags: f.tags.clone(),
            status: e.state.status,
            updated: e.updated(),
            approval_valid: e.approval_valid(),
            approval_stale: e.approval_stale(),
            open_threads: u32::try_from(e.open_threads()).unwrap_or(u32::MAX),
            public: e.state.public.is_some(),
            submitted_once: e.state.submitted_once,
            published: e.as_published().map(|p| Box::new(Self::of(&p))),
        }
    }

    /// The facts the permission check needs.
    #[must_use]
    pub fn facts(&self) -> ItemFacts<'_> {
        ItemFacts {
            author: &self.author,
            kecamatan: &self.kecamatan,
            status: self.status,
            approval_valid: self.approval_valid,
            public: self.public,
            submitted_once: self.submitted_once,
        }
    }

    fn encode(&self, p: &mut Put<'_>) {
        for s in [&self.slug, &self.title, &self.kecamatan, &self.author] {
            p.str(s);
        }
        p.count(self.tags.len());
        for t in &self.tags {
            p.str(t);
        }
        p.str(self.status.id());
        p.str(&self.updated);
        for flag in [
            self.approval_valid,
            self.approval_stale,
            self.public,
            self.submitted_once,
        ] {
            p.0.push(u8::from(flag));
        }
        p.num(Some(self.open_threads));
        p.0.push(u8::from(self.published.is_some()));
        if let Some(public) = &self.published {
            public.encode(p);
        }
    }

    fn decode(t: &mut Take<'_>, depth: u8) -> std::result::Result<Self, Damaged> {
        let (slug, title, kecamatan, author) = (t.str()?, t.str()?, t.str()?, t.str()?);
        let tags = t.strs()?;
        let status = Status::parse(&t.str()?).ok_or(Damaged)?;
        let updated = t.str()?;
        let (approval_valid, approval_stale, public, submitted_once) = (t.flag()?, t.flag()?, t.flag()?, t.flag()?);
        let open_threads = t.num()?.ok_or(Damaged)?;
        // A public version has none of its own.
        let published = if t.flag()? && depth == 0 {
            Some(Box::new(Self::decode(t, 1)?))
        } else {
            None
        };
        if !slug::is_valid(&slug) {
            return Err(Damaged);
        }
        Ok(Self {
            slug,
            title,
            kecamatan,
            author,
            tags,
            status,
            updated,
            approval_valid,
            approval_stale,
            open_threads,
            public,
            submitted_once,
            published,
        })
    }
}

/// The newsroom at one commit as a list sees it: every item's summary, and the broken
/// files.
#[derive(Debug, Clone)]
pub struct Index {
    /// The commit read.
    pub commit: Oid,
    /// The config at that commit.
    pub config: Config,
    /// Summaries, sorted by slug.
    pub items: Vec<Summary>,
    /// Files that did not read.
    pub broken: Vec<Broken>,
    /// The days and their folders' ids, to find the words of each.
    days: BTreeMap<String, DayTrees>,
    /// Whether the caches are used (not with `WARTA_NO_CACHE`).
    cached: bool,
    /// How large its caches may grow.
    limits: Limits,
    /// Items shown as their public version (see [`Index::seen_by`]): the word index
    /// holds their working text, so a search must not ask it about them.
    shown_public: Vec<usize>,
}

impl Index {
    /// The index as `who` may read it: items under correction that they may not see
    /// unpublished are their public version (see `Snapshot::as_seen_by`).
    #[must_use]
    pub fn seen_by(mut self, who: Option<&Person>) -> Self {
        for (i, s) in self.items.iter_mut().enumerate() {
            if s.published.is_some()
                && !can_see_unpublished(who, &s.facts())
                && let Some(public) = s.published.take()
            {
                *s = *public;
                self.shown_public.push(i);
            }
        }
        self
    }

    /// The items shown as their public version to the person this index was made for
    /// ([`Index::seen_by`]), whose bodies a search must read from that version.
    #[must_use]
    pub fn shown_public(&self) -> &[usize] {
        &self.shown_public
    }

    /// An item by slug.
    #[must_use]
    pub fn item(&self, slug: &str) -> Option<&Summary> {
        self.items
            .binary_search_by(|s| s.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.items[i])
    }
}

impl Newsroom {
    /// The compact index at the branch head.
    pub fn index(&self) -> Result<Index> {
        self.index_at(self.head()?)
    }

    /// The compact index at a commit: each day from its file while the day's folders
    /// keep their ids, else read from git (and its files written again).
    pub fn index_at(&self, commit: Oid) -> Result<Index> {
        self.read_index(commit, !super::cache::disabled())
    }

    fn read_index(&self, commit: Oid, cached: bool) -> Result<Index> {
        self.read_index_within(commit, cached, Limits::KEPT)
    }

    fn read_index_within(&self, commit: Oid, cached: bool, limits: Limits) -> Result<Index> {
        let config = self.config_at(commit)?;
        let (days, above) = self.outline_with(self.repo.find_commit(commit)?.tree_id(), cached)?;
        if !above.drafts.is_empty() {
            // Items stored flat (a newsroom not migrated yet): read as the snapshot does.
            let snap = self.snapshot_at(commit)?;
            return Ok(Index {
                commit,
                config,
                items: snap.items.iter().map(|e| Summary::of(e)).collect(),
                broken: snap.broken,
                days: BTreeMap::new(),
                cached,
                limits,
                shown_public: Vec::new(),
            });
        }
        let rows_dir = index_cache(self.git_dir());
        let shelves = (
            Shelf::new(rows_dir.clone(), ROWS, limits),
            Shelf::new(words_cache(self.git_dir()), WORDS, limits),
        );
        // Each day from its file when it matches, else read from git below.
        let mut read: Vec<Option<DayRows>> = days
            .iter()
            .map(|(day, trees)| cached.then(|| load_rows(&shelves.0, day, trees)).flatten())
            .collect();
        let todo: Vec<(usize, &String, &DayTrees)> = days
            .iter()
            .enumerate()
            .filter(|(i, _)| read[*i].is_none())
            .map(|(i, (day, trees))| (i, day, trees))
            .collect();
        let write = cached.then_some(&shelves);
        for (i, day) in self.read_days(&todo, write)? {
            read[i] = Some(day);
        }
        if cached && !todo.is_empty() {
            forget_other_days(&rows_dir, &days);
            forget_other_days(&words_cache(self.git_dir()), &days);
        }
        let mut items = Vec::new();
        let mut broken = strays_broken(&above);
        for (rows, bad) in read.into_iter().flatten() {
            items.extend(rows);
            broken.extend(bad);
        }
        Ok(Index {
            commit,
            config,
            items,
            broken,
            days,
            cached,
            limits,
            shown_public: Vec::new(),
        })
    }

    /// Read days from git, summarise them and (with the cache on) write their files;
    /// many days are shared among the cores (see [`Newsroom::share_days`]).
    fn read_days(
        &self,
        todo: &[(usize, &String, &DayTrees)],
        write: Option<&Shelves>,
    ) -> Result<Vec<(usize, DayRows)>> {
        self.share_days(todo, |room, part| room.summarise_days(part, write))
    }

    fn summarise_days(
        &self,
        todo: &[(usize, &String, &DayTrees)],
        write: Option<&Shelves>,
    ) -> Result<Vec<(usize, DayRows)>> {
        let mut out = Vec::with_capacity(todo.len());
        for &(i, day, trees) in todo {
            let (entries, bad) = self.day_entries(day, *trees)?;
            let rows: Vec<Summary> = entries.iter().map(Summary::of).collect();
            if let Some((rows_shelf, words_shelf)) = write {
                // A cache that cannot be written (a read-only repository) is not kept.
                let _ = save_rows(rows_shelf, day, trees, &rows, &bad);
                let _ = save_words(words_shelf, day, trees, &entries);
            }
            out.push((i, (rows, bad)));
        }
        Ok(out)
    }
}

impl Newsroom {
    /// The words of every body of an index, by the index's item numbers: from the
    /// words' files, each day read from git instead when its file is missing or stale.
    pub fn words(&self, index: &Index) -> Result<WordIndex> {
        let number = |slug: &str| {
            index
                .items
                .binary_search_by(|s| s.slug.as_str().cmp(slug))
                .ok()
                .and_then(|i| u32::try_from(i).ok())
        };
        let mut all = Builder::new(index.items.len());
        if index.days.is_empty() && !index.items.is_empty() {
            // An index read from a snapshot (flat items): read the bodies.
            let snap = self.snapshot_at(index.commit)?;
            add_bodies(&mut all, &number, snap.items.iter().map(|e| &**e));
            return Ok(all.finish());
        }
        let kept = Shelf::new(words_cache(self.git_dir()), WORDS, index.limits);
        // A day at a time, merged as it is read: only one day's words are held twice.
        for (day, trees) in &index.days {
            if index.cached
                && let Some(body) = kept.read(day, trees)
                && let Some((slugs, words)) = day_words(&body)
            {
                let numbers: Vec<Option<u32>> = slugs.iter().map(|s| number(s)).collect();
                for (word, local) in words {
                    let local = local
                        .chunks_exact(4)
                        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
                    all.add(word, local.filter_map(|l| numbers.get(l as usize).copied().flatten()));
                }
                continue;
            }
            let (entries, _) = self.day_entries(day, *trees)?;
            if index.cached {
                let _ = save_words(&kept, day, trees, &entries);
            }
            add_bodies(&mut all, &number, entries.iter());
        }
        Ok(all.finish())
    }
}

/// Add the words of bodies at hand, each under its item's number in the index.
fn add_bodies<'a>(all: &mut Builder, number: &impl Fn(&str) -> Option<u32>, entries: impl Iterator<Item = &'a Entry>) {
    for e in entries {
        if let Some(n) = number(&e.slug) {
            for w in words_of(&e.item.body) {
                all.add(&w, [n]);
            }
        }
    }
}

/// Remove the files of days no longer in the tree.
fn forget_other_days(dir: &Path, days: &BTreeMap<String, DayTrees>) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for e in listing.filter_map(std::result::Result::ok) {
        if let Ok(name) = e.file_name().into_string()
            && is_shard_name(&name)
            && !days.contains_key(&name)
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The two caches of the index: summaries, then words.
type Shelves = (Shelf, Shelf);

fn load_rows(shelf: &Shelf, day: &str, trees: &DayTrees) -> Option<(Vec<Summary>, Vec<Broken>)> {
    let body = shelf.read(day, trees)?;
    let mut t = Take(&body);
    // A summary takes at least 40 bytes, a broken file 16.
    let rows = (0..t.count(40).ok()?)
        .map(|_| Summary::decode(&mut t, 0))
        .collect::<std::result::Result<Vec<_>, _>>()
        .ok()?;
    let broken = (0..t.count(16).ok()?)
        .map(|_| {
            Ok(Broken {
                slug: t.str()?,
                path: t.str()?,
                line: t.num()?.ok_or(Damaged)? as usize,
                reason: t.str()?,
            })
        })
        .collect::<std::result::Result<Vec<_>, Damaged>>()
        .ok()?;
    let sorted = rows.windows(2).all(|w| w[0].slug < w[1].slug);
    (t.0.is_empty() && sorted).then_some((rows, broken))
}

fn save_rows(shelf: &Shelf, day: &str, trees: &DayTrees, rows: &[Summary], broken: &[Broken]) -> std::io::Result<()> {
    let mut body = Vec::new();
    let mut p = Put(&mut body);
    p.count(rows.len());
    for r in rows {
        r.encode(&mut p);
    }
    p.count(broken.len());
    for b in broken {
        p.str(&b.slug);
        p.str(&b.path);
        p.num(Some(u32::try_from(b.line).unwrap_or(u32::MAX)));
        p.str(&b.reason);
    }
    shelf.write(day, trees, &body)
}

/// A day's summaries and broken files.
type DayRows = (Vec<Summary>, Vec<Broken>);

/// A day's words as its file holds them: its slugs, and each word with the numbers
/// of the slugs holding it (4 bytes each), borrowed from the file's bytes so that a
/// word already known costs no copy.
type DayWords<'a> = (Vec<String>, Vec<(&'a str, &'a [u8])>);

fn day_words(body: &[u8]) -> Option<DayWords<'_>> {
    let mut t = Take(body);
    let slugs = t.strs().ok()?;
    let words = (0..t.count(8).ok()?)
        .map(|_| {
            let n = t.u32()? as usize;
            let word = std::str::from_utf8(t.bytes(n)?)?;
            let items = t.count(4)?;
            Ok((word, t.bytes(items * 4)?))
        })
        .collect::<std::result::Result<Vec<_>, Damaged>>()
        .ok()?;
    t.0.is_empty().then_some((slugs, words))
}

fn save_words(shelf: &Shelf, day: &str, trees: &DayTrees, entries: &[Entry]) -> std::io::Result<()> {
    let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (n, e) in entries.iter().enumerate() {
        for w in words_of(&e.item.body) {
            words.entry(w).or_default().push(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    let mut body = Vec::new();
    let mut p = Put(&mut body);
    p.count(entries.len());
    for e in entries {
        p.str(&e.slug);
    }
    p.count(words.len());
    for (w, items) in &words {
        p.str(w);
        p.count(items.len());
        for &i in items {
            p.0.extend_from_slice(&i.to_le_bytes());
        }
    }
    shelf.write(day, trees, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Request;

    const SLUG: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";

    fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().into_string().unwrap(), std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    fn same(a: &Index, b: &Index) {
        assert_eq!(a.items, b.items);
        assert_eq!(a.broken, b.broken);
        assert_eq!(a.commit, b.commit);
    }

    #[test]
    fn the_index_holds_what_the_snapshot_does() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        let snap = room.snapshot().unwrap();
        let index = room.read_index(snap.commit, true).unwrap();
        let from_snapshot: Vec<Summary> = snap.items.iter().map(|e| Summary::of(e)).collect();
        assert_eq!(index.items, from_snapshot);
        assert_eq!(index.broken, snap.broken);
        assert!(index.items.len() > 10);
        // Read back from its files, it is the same.
        same(&room.read_index(snap.commit, true).unwrap(), &index);
    }

    #[test]
    fn an_action_rewrites_only_its_days_files() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        room.index().unwrap();
        let rows_dir = index_cache(room.git_dir());
        let words_dir = words_cache(room.git_dir());
        let (rows_before, words_before) = (files(&rows_dir), files(&words_dir));
        room.apply(
            "hesti",
            &Request::Comment {
                slug: SLUG.into(),
                paragraph: Some(1),
                text: "cek".into(),
            },
        )
        .unwrap();
        let index = room.index().unwrap();
        assert_eq!(index.item(SLUG).unwrap().open_threads, 1);
        same(&index, &room.read_index(index.commit, false).unwrap());
        let rows_after = files(&rows_dir);
        let changed: Vec<&String> = rows_after
            .iter()
            .filter(|(name, bytes)| rows_before.get(*name) != Some(bytes))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(changed, ["2024-10-07"]);
        // The words of a day whose bodies did not change are written again with the
        // day's new ids, the same words.
        assert_eq!(files(&words_dir).len(), words_before.len());
    }

    #[test]
    fn a_damaged_or_stale_file_is_read_from_git_and_written_again() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        let good = room.index().unwrap();
        let rows_dir = index_cache(room.git_dir());
        let name = "2024-10-07";
        let path = rows_dir.join(name);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.len() - 3;
        bytes[at] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        same(&room.index().unwrap(), &good);
        assert_ne!(std::fs::read(&path).unwrap(), bytes, "the damaged file is replaced");
        // A file from another day's folders (its ids do not match) is not used.
        let other = std::fs::read(rows_dir.join("2024-10-07")).unwrap();
        let first = files(&rows_dir).into_keys().next().unwrap();
        std::fs::write(rows_dir.join(&first), other).unwrap();
        same(&room.index().unwrap(), &good);
        // A file of a day no longer in the tree goes once the index is written again.
        std::fs::write(rows_dir.join("2019-01-01"), b"old").unwrap();
        std::fs::remove_file(rows_dir.join(name)).unwrap();
        room.index().unwrap();
        assert!(!rows_dir.join("2019-01-01").exists());
    }

    #[test]
    fn the_caches_stay_within_their_bounds_and_what_they_keep_is_read() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        let head = room.head().unwrap();
        let truth = room.read_index(head, false).unwrap();
        let rows_dir = index_cache(room.git_dir());
        let size = |dir: &Path| -> u64 { files(dir).values().map(|b| b.len() as u64).sum() };
        // Room for a few days' files only.
        let small = Limits {
            file: 16 << 20,
            total: 2_000,
        };
        same(&room.read_index_within(head, true, small).unwrap(), &truth);
        let kept = files(&rows_dir);
        assert!(
            !kept.is_empty() && kept.len() < truth.days.len(),
            "{} of {}",
            kept.len(),
            truth.days.len()
        );
        assert!(size(&rows_dir) <= small.total);
        // What was kept is what the next open reads: nothing is written again.
        same(&room.read_index_within(head, true, small).unwrap(), &truth);
        assert_eq!(files(&rows_dir), kept);
        // A file limit below every day's file: no file at all, the same index.
        let tiny = Limits {
            file: 100,
            total: 1 << 30,
        };
        std::fs::remove_dir_all(&rows_dir).unwrap();
        same(&room.read_index_within(head, true, tiny).unwrap(), &truth);
        assert!(!rows_dir.exists() || files(&rows_dir).is_empty());
    }

    #[test]
    fn many_days_read_on_several_threads_are_read_as_on_one() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::Newsroom::init(&tmp.path().join("news"), true, crate::samples::CONFIG).unwrap();
        let tz = room.config_at(room.head().unwrap()).unwrap().timezone();
        // 90 days, more than one thread's share, two items a day.
        for i in 0..180i32 {
            let day = jiff::civil::date(2024, 1, 1) + jiff::Span::new().days(i / 2);
            let at = day.at(9, 0, 0, 0).to_zoned(tz.clone()).unwrap();
            let req = Request::Create(crate::store::action::NewItem {
                title: format!("Berita nomor {i}"),
                body: Some(format!("Isi berita {i}.\n")),
                ..Default::default()
            });
            room.apply_at("sari", &req, Some(&at)).unwrap();
        }
        let head = room.head().unwrap();
        let (days, _) = room.outline(room.repo.find_commit(head).unwrap().tree_id()).unwrap();
        assert!(days.len() >= 90);
        // One thread, a day at a time.
        let mut one: Vec<Entry> = Vec::new();
        for (day, trees) in &days {
            one.extend(room.day_entries(day, *trees).unwrap().0);
        }
        let index = room.read_index(head, false).unwrap();
        assert_eq!(index.items, one.iter().map(Summary::of).collect::<Vec<_>>());
        let snap = room.snapshot_uncached().unwrap();
        assert_eq!(snap.items.iter().map(|e| (**e).clone()).collect::<Vec<_>>(), one);
        assert!(snap.broken.is_empty() && index.broken.is_empty());
    }

    #[test]
    fn words_from_files_and_from_git_agree() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        let index = room.index().unwrap();
        let from_git = room.words(&room.read_index(index.commit, false).unwrap()).unwrap();
        let from_files = room.words(&index).unwrap();
        assert_eq!(from_git, from_files);
        assert!(from_files.word_count() > 100);
    }
}
