//! The snapshot cache: parsed items kept on disk between runs, keyed by the tree id of
//! their folder and the blob id of their review log.
//!
//! It is only an optimisation. An entry is used only when both ids match the commit being
//! read, so a stale cache costs re-reading the changed items, nothing more. A missing,
//! truncated or altered file is detected (length and checksum in the header, then the
//! parse), ignored and rewritten. Actions, `verify` and the push hook never read it.
//!
//! Folder: `<git dir>/warta-cache/snapshots/`, one file per day of slugs (`2024-09-09`),
//! the same fan-out as the items' folders: after an action only the file of that item's
//! day is stale, and only it is rewritten (a few hundred kilobytes at 100,000 items,
//! instead of the whole cache). Each file: one header line
//! (`warta-snapshot-cache <schema> <length> <checksum>`), then one record per item, each
//! a 4-byte length and the item's fields as length-prefixed strings. Reading it is
//! little more than copying the strings out, which is what makes a warm open fast.
//!
//! Bounded: a shard over 64 MiB and shards past 1 GiB in all are neither written nor
//! read (the same rule on both sides), so the cache is never written to be ignored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::entry::{Entry, Leave};
use super::framed::{Checksum, Damaged, Put, SCHEMA, Take};
pub use super::modes::cache_disabled as disabled;
pub use super::paths::snapshot_cache as path;
use crate::domain::item::{Extra, FrontMatter, Item, Photo};
use crate::domain::review::{ActionKind, Event, Review};
use crate::domain::slug;
use git2::Oid;

const MAGIC: &str = "warta-snapshot-cache";
/// A shard larger than this is neither written nor read: a day whose items are that big
/// is read from git each time.
const MAX_SHARD: u64 = 64 << 20;
/// The whole cache is kept under this: shards are read in name order while they fit,
/// and a shard that would push the total past it is not written (10,000 items take
/// about 70 MB, 100,000 about 700 MB).
const MAX_TOTAL: u64 = 1 << 30;

/// The file of the single-file cache of earlier versions, removed when found.
fn legacy_path(git_dir_cache: &Path) -> Option<PathBuf> {
    Some(git_dir_cache.parent()?.join("snapshot"))
}

/// The shard an item's entry is kept in: the date its slug begins with. An action
/// changes one item, so it makes one shard stale, whose file is all that is rewritten.
#[must_use]
pub fn shard_of(slug: &str) -> &str {
    slug.get(..10).unwrap_or(slug)
}

/// Whether a file name in the cache folder is a shard's (`YYYY-MM-DD`).
pub(crate) fn is_shard_name(name: &str) -> bool {
    name.len() == 10 && slug::is_valid(&format!("{name}-x"))
}

/// The tree ids of one day's folders, `drafts/YYYY/MM/DD` and `reviews/YYYY/MM/DD`.
pub type DayTrees = (Option<Oid>, Option<Oid>);

/// One day's file: its entries, and the tree ids of the day's folders it was made
/// from when it holds the whole day (every item of those folders, none broken). Such a
/// file is used whole while the folders keep their ids, without reading them.
#[derive(Debug, Clone, PartialEq)]
pub struct Shard {
    /// The day's folders, when the file holds the whole day.
    pub trees: Option<DayTrees>,
    /// The cached items of the day.
    pub entries: Vec<Entry>,
}

/// The cached days, from every file that reads (a missing, damaged or foreign file is
/// skipped: its items are read from git).
///
/// What `leave` names is dropped from each entry as its day is read ([`Entry::leave`]).
#[must_use]
pub fn load(dir: &Path, leave: Leave) -> HashMap<String, Shard> {
    load_within(dir, Limits::KEPT, leave)
}

/// One day's file, when it reads and holds the whole day as these folders have it.
#[must_use]
pub fn load_day(dir: &Path, day: &str, trees: DayTrees) -> Option<Vec<Entry>> {
    let shard = load_file(&dir.join(day))?;
    (shard.trees == Some(trees) && shard.entries.iter().all(|e| shard_of(&e.slug) == day)).then_some(shard.entries)
}

/// How much of the cache is kept: the largest shard, and all shards together.
#[derive(Debug, Clone, Copy)]
struct Limits {
    shard: u64,
    total: u64,
}

impl Limits {
    const KEPT: Self = Self {
        shard: MAX_SHARD,
        total: MAX_TOTAL,
    };
}

fn load_within(dir: &Path, limits: Limits, leave: Leave) -> HashMap<String, Shard> {
    let mut out = HashMap::new();
    let Ok(listing) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut files: Vec<(String, u64)> = listing
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().into_string().ok()?, e.metadata().ok()?.len())))
        .filter(|(name, _)| is_shard_name(name))
        .collect();
    files.sort();
    let mut total = 0u64;
    for (name, len) in files {
        // The same rule as `save`'s: what it would not have written is not read.
        if len > limits.shard || total + len > limits.total {
            continue;
        }
        total += len;
        let Some(mut shard) = load_file(&dir.join(&name)) else {
            continue;
        };
        for e in &mut shard.entries {
            e.leave(leave);
        }
        // An entry filed under another day is damage, not data.
        if shard.entries.iter().any(|e| shard_of(&e.slug) != name) {
            continue;
        }
        out.insert(name, shard);
    }
    out
}

/// Write the shards named in `only` (every shard when `None`) from `entries`, the whole
/// newsroom's items, each with its day's folders from `trees` when it holds the whole
/// day. A shard without items loses its file, and one that would not be read back (see
/// [`MAX_SHARD`], [`MAX_TOTAL`]) is not written. Failures are the caller's to ignore: a
/// read-only repository simply has no cache.
pub fn save<E: std::borrow::Borrow<Entry>, S: std::hash::BuildHasher>(
    dir: &Path,
    entries: &[E],
    only: Option<&std::collections::BTreeSet<String>>,
    trees: &HashMap<String, DayTrees, S>,
) -> std::io::Result<()> {
    save_within(dir, entries, only, trees, Limits::KEPT)
}

fn save_within<E: std::borrow::Borrow<Entry>, S: std::hash::BuildHasher>(
    dir: &Path,
    entries: &[E],
    only: Option<&std::collections::BTreeSet<String>>,
    trees: &HashMap<String, DayTrees, S>,
    limits: Limits,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    if let Some(legacy) = legacy_path(dir) {
        let _ = std::fs::remove_file(legacy);
    }
    let mut sizes: HashMap<String, u64> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().into_string().ok()?, e.metadata().ok()?.len())))
        .filter(|(name, _)| is_shard_name(name))
        .collect();
    let mut shards: std::collections::BTreeMap<&str, Vec<&Entry>> = std::collections::BTreeMap::new();
    // A day with an entry whose body is not at hand is not written: its file would lie.
    // Its old file goes, and the next open reads the day from git.
    let mut partly: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for e in entries {
        let e = e.borrow();
        if only.is_none_or(|o| o.contains(shard_of(&e.slug))) {
            if e.lean {
                partly.insert(shard_of(&e.slug));
            }
            shards.entry(shard_of(&e.slug)).or_default().push(e);
        }
    }
    for name in partly {
        shards.remove(name);
        if sizes.remove(name).is_some() {
            std::fs::remove_file(dir.join(name))?;
        }
    }
    let emptied: Vec<String> = match only {
        Some(o) => o.iter().filter(|s| !shards.contains_key(s.as_str())).cloned().collect(),
        None => sizes
            .keys()
            .filter(|s| !shards.contains_key(s.as_str()))
            .cloned()
            .collect(),
    };
    for name in emptied {
        if sizes.remove(&name).is_some() {
            std::fs::remove_file(dir.join(&name))?;
        }
    }
    for (name, list) in shards {
        let file = dir.join(name);
        let old = sizes.remove(name).unwrap_or(0);
        let header = header_trees(trees.get(name));
        let len = encoded_len(&list, &header)?;
        let others: u64 = sizes.values().sum();
        if len > limits.shard || others + len > limits.total {
            if old > 0 {
                std::fs::remove_file(&file)?;
            }
            continue;
        }
        save_file(&file, &list, &header)?;
        sizes.insert(name.to_string(), len);
    }
    Ok(())
}

/// The header field naming a day's folders: `-` when the file does not hold the whole
/// day, else `<drafts id>:<reviews id>` with `0` for a missing folder.
pub(crate) fn header_trees(trees: Option<&DayTrees>) -> String {
    let id = |o: Option<Oid>| o.map_or_else(|| "0".to_string(), |o| o.to_string());
    trees.map_or_else(|| "-".to_string(), |(d, r)| format!("{}:{}", id(*d), id(*r)))
}

/// The day's folders from a header field written by [`header_trees`]: `Ok(None)` for
/// `-`, `Err(())` for a field that is neither.
pub(crate) fn parse_trees(field: &str) -> Result<Option<DayTrees>, ()> {
    if field == "-" {
        return Ok(None);
    }
    let (d, r) = field.split_once(':').ok_or(())?;
    let id = |s: &str| -> Result<Option<Oid>, ()> {
        if s == "0" {
            Ok(None)
        } else {
            Oid::from_str(s).ok().filter(|_| s.len() == 40).map(Some).ok_or(())
        }
    };
    Ok(Some((id(d)?, id(r)?)))
}

/// The size of a shard's file: its header and records.
fn encoded_len(entries: &[&Entry], trees: &str) -> std::io::Result<u64> {
    let mut record = Vec::new();
    let mut len = 0u64;
    for e in entries {
        record.clear();
        encode(e, &mut record);
        u32::try_from(record.len()).map_err(std::io::Error::other)?;
        len += 4 + record.len() as u64;
    }
    Ok(len + format!("{MAGIC} {SCHEMA} {trees} {len} {:016x}\n", 0).len() as u64)
}

/// The entries of one shard's file, or `None` when it is missing, from another version
/// or damaged.
fn load_file(path: &Path) -> Option<Shard> {
    use std::io::{BufReader, Read};
    let mut file = std::fs::File::open(path).ok()?;
    if file.metadata().ok()?.len() > MAX_SHARD {
        return None;
    }
    // The header is short: read it a byte at a time so the body starts at the file's position.
    let mut header = Vec::new();
    let mut byte = [0u8];
    while header.last() != Some(&b'\n') {
        if header.len() > 200 || file.read(&mut byte).ok()? == 0 {
            return None;
        }
        header.push(byte[0]);
    }
    let header = std::str::from_utf8(&header).ok()?;
    let mut fields = header.strip_suffix('\n')?.split(' ');
    let (Some(MAGIC), Some(SCHEMA)) = (fields.next(), fields.next()) else {
        return None;
    };
    let trees = parse_trees(fields.next()?).ok()?;
    let len: u64 = fields.next()?.parse().ok()?;
    let checksum_expected = u64::from_str_radix(fields.next()?, 16).ok()?;
    if fields.next().is_some() {
        return None;
    }
    // Record by record, so the file is never held whole next to what it becomes; the
    // checksum is checked once the last record has been read.
    let mut reader = BufReader::with_capacity(1 << 16, file.take(len));
    let mut sum = Checksum::new(len);
    let (mut seen, mut record) = (0u64, Vec::new());
    let mut out = Vec::new();
    let mut size = [0u8; 4];
    loop {
        match reader.read_exact(&mut size) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && seen == len => break,
            Err(_) => return None,
        }
        let n = u32::from_le_bytes(size) as usize;
        if n as u64 > len - seen {
            return None;
        }
        record.resize(n, 0);
        reader.read_exact(&mut record).ok()?;
        sum.update(&size);
        sum.update(&record);
        seen += 4 + n as u64;
        let entry = decode(&record).ok()?;
        // A slug that could not come from a tree is damage, not data.
        if !slug::is_valid(&entry.slug) {
            return None;
        }
        out.push(entry);
    }
    if seen != len || sum.finish() != checksum_expected {
        return None;
    }
    Some(Shard { trees, entries: out })
}

/// Write one shard's file atomically (temporary file, then rename).
fn save_file(path: &Path, entries: &[&Entry], trees: &str) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    // The body is made twice, a record at a time, instead of held whole: once for its
    // length, which the header holds and the checksum starts from, once to write it.
    let mut record = Vec::new();
    let mut len = 0u64;
    for e in entries {
        record.clear();
        encode(e, &mut record);
        len += 4 + record.len() as u64;
    }
    let header = format!("{MAGIC} {SCHEMA} {trees} {len} ");
    replace_with(path, |file| {
        let mut sum = Checksum::new(len);
        let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut *file);
        out.write_all(header.as_bytes())?;
        out.write_all(format!("{:016x}\n", 0).as_bytes())?;
        for e in entries {
            record.clear();
            encode(e, &mut record);
            let n = u32::try_from(record.len())
                .map_err(std::io::Error::other)?
                .to_le_bytes();
            sum.update(&n);
            sum.update(&record);
            out.write_all(&n)?;
            out.write_all(&record)?;
        }
        out.flush()?;
        drop(out);
        // The checksum, known now, over the placeholder of the same width.
        file.seek(SeekFrom::Start(header.len() as u64))?;
        file.write_all(format!("{:016x}", sum.finish()).as_bytes())
    })
}

fn table_text(t: &toml::Table) -> String {
    if t.is_empty() {
        String::new()
    } else {
        toml::to_string(t).unwrap_or_default()
    }
}

fn encode(e: &Entry, out: &mut Vec<u8>) {
    let mut p = Put(out);
    let f = &e.item.front;
    for s in [&e.slug, &e.content, &e.review_id] {
        p.str(s);
    }
    p.count(e.files.len());
    for s in &e.files {
        p.str(s);
    }
    for s in [&f.title, &f.kecamatan, &f.author] {
        p.str(s);
    }
    p.opt(f.created.map(|d| d.to_string()).as_deref());
    p.opt(f.event_date.map(|d| d.to_string()).as_deref());
    p.str(&f.location);
    p.count(f.tags.len());
    for s in &f.tags {
        p.str(s);
    }
    p.str(&f.summary);
    p.count(f.photos.len());
    for ph in &f.photos {
        p.str(&ph.file);
        p.str(&ph.caption);
        p.str(&ph.credit);
        p.num(ph.width);
        p.num(ph.height);
    }
    p.str(&table_text(&f.extra));
    p.str(&e.item.body);
    p.count(e.review.events.len());
    for v in &e.review.events {
        p.str(&v.at);
        p.str(&v.actor);
        p.str(v.action.id());
        p.opt(v.content.as_deref());
        p.opt(v.message.as_deref());
        p.num(v.thread);
        p.num(v.paragraph);
        p.opt(v.anchor.as_deref());
        p.opt(v.channel.as_deref());
        p.opt(v.url.as_deref());
        p.str(&table_text(&v.extra));
    }
}

fn decode(record: &[u8]) -> Result<Entry, Damaged> {
    let mut t = Take(record);
    let (slug, content, review_id) = (t.str()?, t.str()?, t.str()?);
    let files = t.strs()?;
    let (title, kecamatan, author) = (t.str()?, t.str()?, t.str()?);
    let (created, event_date) = (t.date()?, t.date()?);
    let location = t.str()?;
    let tags = t.strs()?;
    let summary = t.str()?;
    // Three lengths and two numbers of five bytes each.
    let photos = (0..t.count(22)?)
        .map(|_| {
            Ok(Photo {
                file: t.str()?,
                caption: t.str()?,
                credit: t.str()?,
                width: t.num()?,
                height: t.num()?,
            })
        })
        .collect::<Result<Vec<_>, Damaged>>()?;
    let extra = Extra(t.table()?);
    let body = t.str()?;
    // Each event takes at least 29 bytes (four lengths, three flags, two numbers).
    let n = t.count(29)?;
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        events.push(Event {
            at: t.str()?,
            actor: t.str()?,
            action: ActionKind::parse(&t.str()?).ok_or(Damaged)?,
            content: t.opt()?,
            message: t.opt()?,
            thread: t.num()?,
            paragraph: t.num()?,
            anchor: t.opt()?,
            channel: t.opt()?,
            url: t.opt()?,
            extra: Extra(t.table()?),
        });
    }
    if !t.0.is_empty() {
        return Err(Damaged);
    }
    let review = Review { events };
    let state = review.state();
    Ok(Entry {
        slug,
        item: Item {
            front: FrontMatter {
                title,
                kecamatan,
                author,
                created,
                event_date,
                location,
                tags,
                summary,
                photos,
                extra,
            },
            body,
        },
        content,
        review,
        state,
        files,
        review_id,
        // Filled in by the snapshot that reads the entry (`store/published.rs`).
        pinned: None,
        lean: false,
    })
}

/// Put what `fill` writes at `path` through the store's one atomic write.
fn replace_with(path: &Path, fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>) -> std::io::Result<()> {
    super::files::write_atomic_with(path, super::files::Access::Shared, fill)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::framed::checksum;

    #[test]
    fn checksum_sees_a_flipped_byte_and_a_cut() {
        let a = b"hello world, this is the cache body".to_vec();
        let mut b = a.clone();
        b[7] ^= 1;
        assert_ne!(checksum(&a), checksum(&b));
        assert_ne!(checksum(&a), checksum(&a[..a.len() - 1]));
    }

    fn entry() -> Entry {
        let text = "+++\ntitle = \"Rapat \\\"Pleno\\\" 👍🏽\"\nkecamatan = \"babadan\"\nauthor = \"sari\"\n\
                    created = 2024-11-26T09:00:00+07:00\ntags = [\"humas\"]\nsifat = \"segera\"\n\
                    terbit_ulang = 2024-12-01\n\n[[photos]]\nfile = \"a.jpg\"\ncaption = \"Rapat\"\n+++\n\
                    Paragraf satu.\r\n\nParagraf \u{202e}dua.\n";
        let item = Item::parse(text.as_bytes()).unwrap();
        assert!(!item.front.extra.is_empty(), "the sample has unknown keys");
        let review = Review::parse(
            "[[events]]\nat = \"2024-11-26T10:00:00+07:00\"\nactor = \"sari\"\naction = \"submit\"\n\
             content = \"abc\"\nalasan = 3\n\n[[events]]\nat = \"2024-11-26T11:00:00+07:00\"\n\
             actor = \"hesti\"\naction = \"comment\"\nthread = 1\nparagraph = 2\nanchor = \"Paragraf dua.\"\n\
             message = \"Baris\\nkedua\"\n",
        )
        .unwrap();
        let state = review.state();
        Entry {
            slug: "2024-11-26-rapat-pleno".into(),
            item,
            content: "1234".into(),
            review,
            state,
            files: vec!["a.jpg".into()],
            review_id: "5678".into(),
            pinned: None,
            lean: false,
        }
    }

    /// The entry of `entry()` on another day.
    /// Every cached entry by slug.
    fn all(days: HashMap<String, Shard>) -> HashMap<String, Entry> {
        days.into_values()
            .flat_map(|s| s.entries)
            .map(|e| (e.slug.clone(), e))
            .collect()
    }

    fn none() -> HashMap<String, DayTrees> {
        HashMap::new()
    }

    fn on(day: &str) -> Entry {
        let mut e = entry();
        e.slug = format!("{day}-rapat-pleno");
        e
    }

    #[test]
    fn an_entry_comes_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let cache = path(dir.path());
        let e = entry();
        save(&cache, std::slice::from_ref(&e), None, &none()).unwrap();
        assert!(cache.join("2024-11-26").exists(), "one file for the day of the slug");
        let back = load(&cache, Leave::Nothing);
        assert_eq!(back["2024-11-26"].trees, None);
        assert_eq!(all(back).get("2024-11-26-rapat-pleno"), Some(&e));
        // The day's folders, when the file holds the whole day, come back too.
        let trees = (Some(Oid::from_bytes(&[7; 20]).unwrap()), None);
        save(
            &cache,
            std::slice::from_ref(&e),
            None,
            &[("2024-11-26".to_string(), trees)].into(),
        )
        .unwrap();
        assert_eq!(load(&cache, Leave::Nothing)["2024-11-26"].trees, Some(trees));
    }

    #[test]
    fn a_damaged_or_foreign_shard_is_not_read_and_costs_only_its_items() {
        let dir = tempfile::tempdir().unwrap();
        let cache = path(dir.path());
        let other = on("2024-11-27");
        save(&cache, &[entry(), other.clone()], None, &none()).unwrap();
        let file = cache.join("2024-11-26");
        let good = std::fs::read(&file).unwrap();
        let mut flipped = good.clone();
        let at = good.len() - 20;
        flipped[at] = if flipped[at] == b'a' { b'b' } else { b'a' };
        let header_end = good.iter().position(|&b| b == b'\n').unwrap();
        let mut other_schema = b"warta-snapshot-cache 0000000000000000".to_vec();
        other_schema.extend_from_slice(&good[MAGIC.len() + 1 + SCHEMA.len()..]);
        let filed_elsewhere = std::fs::read(cache.join("2024-11-27")).unwrap();
        for (what, bytes) in [
            ("a flipped byte", flipped),
            ("cut short", good[..good.len() - 3].to_vec()),
            ("header only", good[..=header_end].to_vec()),
            ("empty", Vec::new()),
            ("another schema", other_schema),
            ("not a cache", b"hello\n{}\n".to_vec()),
            ("an item of another day", filed_elsewhere.clone()),
        ] {
            std::fs::write(&file, bytes).unwrap();
            let back = all(load(&cache, Leave::Nothing));
            assert!(!back.contains_key("2024-11-26-rapat-pleno"), "{what} must not be read");
            assert_eq!(back.get(&other.slug), Some(&other), "{what}: the other day still reads");
        }
    }

    #[test]
    fn only_the_stale_shards_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let cache = path(dir.path());
        let (a, b, c) = (entry(), on("2024-11-27"), on("2024-11-28"));
        save(&cache, &[a.clone(), b.clone(), c.clone()], None, &none()).unwrap();
        // Mark the other days' files: a save of one day must leave them as they are.
        std::fs::write(cache.join("2024-11-27"), b"untouched").unwrap();
        let mut changed = a.clone();
        changed.item.front.title = "Judul baru".into();
        let only: std::collections::BTreeSet<String> = ["2024-11-26".to_string(), "2024-11-28".to_string()].into();
        // Day 28's item is gone: its file goes.
        save(&cache, &[changed.clone(), b], Some(&only), &none()).unwrap();
        assert_eq!(std::fs::read(cache.join("2024-11-27")).unwrap(), b"untouched");
        assert!(!cache.join("2024-11-28").exists(), "a day without items keeps no file");
        assert_eq!(all(load(&cache, Leave::Nothing)).get(&a.slug), Some(&changed));
        // The single file of earlier versions is removed.
        let legacy = cache.parent().unwrap().join("snapshot");
        std::fs::write(&legacy, b"old").unwrap();
        save(&cache, &[c], Some(&only), &none()).unwrap();
        assert!(!legacy.exists());
    }

    #[test]
    fn nothing_is_written_that_would_not_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = path(dir.path());
        let days = ["2024-11-01", "2024-11-02", "2024-11-03", "2024-11-04"];
        let mut entries: Vec<Entry> = days.iter().map(|d| on(d)).collect();
        // One day much bigger than the others.
        entries[1].item.body = "kata ".repeat(2_000);
        let one = encoded_len(&[&entries[0]], "-").unwrap();
        let limits = Limits {
            shard: one * 2,
            total: one * 2 + one / 2,
        };
        save_within(&cache, &entries, None, &none(), limits).unwrap();
        let on_disk: Vec<String> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        // The big day is over the shard limit, the fourth over the total: not written.
        assert_eq!(on_disk.len(), 2, "{on_disk:?}");
        let back = all(load_within(&cache, limits, Leave::Nothing));
        assert_eq!(back.len(), on_disk.len(), "every file written is read");
        // Grown past the limit later (another process, bigger items): read in name
        // order while it fits, never more.
        save_within(
            &cache,
            &entries[3..],
            Some(&[days[3].to_string()].into()),
            &none(),
            Limits::KEPT,
        )
        .unwrap();
        assert_eq!(all(load_within(&cache, limits, Leave::Nothing)).len(), 2);
    }

    #[test]
    fn a_damaged_record_never_panics() {
        let mut record = Vec::new();
        encode(&entry(), &mut record);
        assert!(decode(&record).is_ok());
        for cut in 0..record.len() {
            assert!(decode(&record[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..record.len() {
            for bits in [0x01, 0x80, 0xff] {
                let mut r = record.clone();
                r[at] ^= bits;
                let _ = decode(&r);
            }
        }
    }

    #[test]
    fn checksum_fed_in_pieces_is_the_same() {
        let a: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        for cut in [1, 3, 7, 8, 9, 500] {
            let mut c = Checksum::new(a.len() as u64);
            for piece in a.chunks(cut) {
                c.update(piece);
            }
            assert_eq!(c.finish(), checksum(&a), "pieces of {cut}");
        }
    }
}
