//! The snapshot cache: parsed items kept on disk between runs, keyed by the tree id of
//! their folder and the blob id of their review log.
//!
//! It is only an optimisation. An entry is used only when both ids match the commit being
//! read, so a stale cache costs re-reading the changed items, nothing more. A missing,
//! truncated or altered file is detected (length and checksum in the header, then the
//! parse), ignored and rewritten. Actions, `verify` and the push hook never read it.
//!
//! File: `<git dir>/warta-cache/snapshot`, one header line, then one JSON record per item
//! and line: `warta-snapshot-cache <schema> <length> <checksum>\n{...}\n{...}\n`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::snapshot::Entry;
use crate::domain::item::{FrontMatter, Item, Photo};
use crate::domain::review::{ActionKind, Event, Review};
use crate::domain::slug;

const MAGIC: &str = "warta-snapshot-cache";
/// Changes whenever the sources of the cached types change (computed by `build.rs`).
const SCHEMA: &str = env!("WARTA_CACHE_SCHEMA");
/// A cache larger than this is not read (10,000 items take about 60 MB).
const MAX_BYTES: u64 = 1 << 30;

/// Where the cache of a newsroom lives.
#[must_use]
pub fn path(git_dir: &Path) -> PathBuf {
    git_dir.join("warta-cache").join("snapshot")
}

/// Whether the cache is switched off (`WARTA_NO_CACHE=1`, for measuring a cold open).
#[must_use]
pub fn disabled() -> bool {
    std::env::var_os("WARTA_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The cached entries by slug, each with the bytes it took in the file, or `None` when
/// the file is missing, from another version or damaged.
#[must_use]
pub fn load(path: &Path) -> Option<HashMap<String, (Entry, usize)>> {
    use std::io::{BufRead, BufReader, Read};
    let mut file = std::fs::File::open(path).ok()?;
    if file.metadata().ok()?.len() > MAX_BYTES {
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
    let len: u64 = fields.next()?.parse().ok()?;
    let checksum_expected = u64::from_str_radix(fields.next()?, 16).ok()?;
    if fields.next().is_some() {
        return None;
    }
    // Parsed as it streams, so the file is never held whole next to what it becomes;
    // the checksum is checked once the last byte has been read.
    // One record per line, parsed as it is read, so the file is never held whole next
    // to what it becomes; the checksum is checked once the last line has been read.
    let mut reader = BufReader::with_capacity(1 << 16, file.take(len));
    let mut sum = Checksum::new(len);
    let (mut seen, mut line) = (0u64, Vec::new());
    let mut out = HashMap::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).ok()?;
        if n == 0 {
            break;
        }
        sum.update(&line);
        seen += n as u64;
        let r: Record = serde_json::from_slice(&line).ok()?;
        // A slug that could not come from a tree is damage, not data.
        if !slug::is_valid(&r.slug) {
            return None;
        }
        let entry = r.into_entry()?;
        out.insert(entry.slug.clone(), (entry, n));
    }
    if seen != len || sum.finish() != checksum_expected {
        return None;
    }
    Some(out)
}

/// Write the cache atomically (temporary file, then rename). Failures are the caller's
/// to ignore: a read-only repository simply has no cache.
pub fn save(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    let mut body = Vec::new();
    for e in entries {
        serde_json::to_writer(&mut body, &Record::from_entry(e)).map_err(std::io::Error::other)?;
        body.push(b'\n');
    }
    write_framed(path, MAGIC, &[], &body)
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A fast 64-bit checksum over 8-byte words, fed in pieces: catches truncation and
/// flipped bytes.
struct Checksum {
    h: u64,
    pending: Vec<u8>,
}

impl Checksum {
    fn new(len: u64) -> Self {
        Self {
            h: len,
            pending: Vec::with_capacity(8),
        }
    }

    fn word(&mut self, w: u64) {
        self.h = (self.h.rotate_left(23) ^ w).wrapping_mul(K);
    }

    fn update(&mut self, mut bytes: &[u8]) {
        if !self.pending.is_empty() {
            let take = (8 - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.pending.len() < 8 {
                return;
            }
            let w = u64::from_le_bytes(self.pending[..].try_into().expect("8 bytes"));
            self.pending.clear();
            self.word(w);
        }
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        self.pending.extend_from_slice(chunks.remainder());
    }

    fn finish(mut self) -> u64 {
        for b in std::mem::take(&mut self.pending) {
            self.word(u64::from(b));
        }
        self.h ^ (self.h >> 29)
    }
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut c = Checksum::new(bytes.len() as u64);
    c.update(bytes);
    c.finish()
}

/// One entry with plain fields: dates as text, unknown keys as a TOML fragment.
#[derive(Serialize, Deserialize)]
struct Record {
    slug: String,
    content: String,
    review_id: String,
    files: Vec<String>,
    title: String,
    kecamatan: String,
    author: String,
    created: Option<String>,
    event_date: Option<String>,
    location: String,
    tags: Vec<String>,
    summary: String,
    photos: Vec<(String, String)>,
    extra: String,
    body: String,
    events: Vec<EventRecord>,
}

#[derive(Serialize, Deserialize)]
struct EventRecord {
    at: String,
    actor: String,
    action: ActionKind,
    content: Option<String>,
    message: Option<String>,
    thread: Option<u32>,
    paragraph: Option<u32>,
    anchor: Option<String>,
    extra: String,
}

fn table_text(t: &toml::Table) -> String {
    if t.is_empty() {
        String::new()
    } else {
        toml::to_string(t).unwrap_or_default()
    }
}

fn text_table(s: &str) -> Option<toml::Table> {
    if s.is_empty() {
        Some(toml::Table::new())
    } else {
        s.parse().ok()
    }
}

/// A cached date: `Ok(None)` when there was none, `Err` when the text is damaged.
fn date(s: Option<String>) -> Result<Option<Datetime>, ()> {
    s.map(|s| s.parse().map_err(|_| ())).transpose()
}

impl Record {
    fn from_entry(e: &Entry) -> Self {
        let f = &e.item.front;
        Self {
            slug: e.slug.clone(),
            content: e.content.clone(),
            review_id: e.review_id.clone(),
            files: e.files.clone(),
            title: f.title.clone(),
            kecamatan: f.kecamatan.clone(),
            author: f.author.clone(),
            created: f.created.map(|d| d.to_string()),
            event_date: f.event_date.map(|d| d.to_string()),
            location: f.location.clone(),
            tags: f.tags.clone(),
            summary: f.summary.clone(),
            photos: f.photos.iter().map(|p| (p.file.clone(), p.caption.clone())).collect(),
            extra: table_text(&f.extra),
            body: e.item.body.clone(),
            events: e
                .review
                .events
                .iter()
                .map(|v| EventRecord {
                    at: v.at.clone(),
                    actor: v.actor.clone(),
                    action: v.action,
                    content: v.content.clone(),
                    message: v.message.clone(),
                    thread: v.thread,
                    paragraph: v.paragraph,
                    anchor: v.anchor.clone(),
                    extra: table_text(&v.extra),
                })
                .collect(),
        }
    }

    fn into_entry(self) -> Option<Entry> {
        let front = FrontMatter {
            title: self.title,
            kecamatan: self.kecamatan,
            author: self.author,
            created: date(self.created).ok()?,
            event_date: date(self.event_date).ok()?,
            location: self.location,
            tags: self.tags,
            summary: self.summary,
            photos: self
                .photos
                .into_iter()
                .map(|(file, caption)| Photo { file, caption })
                .collect(),
            extra: text_table(&self.extra)?,
        };
        let mut events = Vec::with_capacity(self.events.len());
        for v in self.events {
            events.push(Event {
                extra: text_table(&v.extra)?,
                at: v.at,
                actor: v.actor,
                action: v.action,
                content: v.content,
                message: v.message,
                thread: v.thread,
                paragraph: v.paragraph,
                anchor: v.anchor,
            });
        }
        let review = Review { events };
        let state = review.state();
        Some(Entry {
            slug: self.slug,
            item: Item { front, body: self.body },
            content: self.content,
            review,
            state,
            files: self.files,
            review_id: self.review_id,
        })
    }
}

/// Read a file written by [`write_framed`]: the header's extra fields and the body, or
/// `None` when the magic, schema, length or checksum do not match.
pub(crate) fn read_framed(path: &Path, magic: &str) -> Option<(Vec<String>, Vec<u8>)> {
    if std::fs::metadata(path).ok()?.len() > MAX_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..newline]).ok()?;
    let body = &bytes[newline + 1..];
    let fields: Vec<&str> = header.split(' ').collect();
    let [m, schema, extra @ .., len, sum] = fields.as_slice() else {
        return None;
    };
    let ok = *m == magic
        && *schema == SCHEMA
        && *len == body.len().to_string()
        && *sum == format!("{:016x}", checksum(body));
    ok.then(|| (extra.iter().map(|s| (*s).to_string()).collect(), body.to_vec()))
}

/// Write `body` under a header of magic, schema, `extra` fields, length and checksum,
/// atomically.
pub(crate) fn write_framed(path: &Path, magic: &str, extra: &[&str], body: &[u8]) -> std::io::Result<()> {
    let mut bytes = format!("{magic} {SCHEMA} ").into_bytes();
    for f in extra {
        bytes.extend_from_slice(f.as_bytes());
        bytes.push(b' ');
    }
    bytes.extend_from_slice(format!("{} {:016x}\n", body.len(), checksum(body)).as_bytes());
    bytes.extend_from_slice(body);
    replace(path, &bytes)
}

/// Put `bytes` at `path` through a temporary file and a rename.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("cache");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        }
    }

    #[test]
    fn an_entry_comes_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        let e = entry();
        save(&file, std::slice::from_ref(&e)).unwrap();
        let back = load(&file).expect("cache reads back");
        assert_eq!(back.get("2024-11-26-rapat-pleno").map(|(entry, _)| entry), Some(&e));
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        save(&file, &[entry()]).unwrap();
        let good = std::fs::read(&file).unwrap();
        let mut flipped = good.clone();
        let at = good.len() - 20;
        flipped[at] = if flipped[at] == b'a' { b'b' } else { b'a' };
        let header_end = good.iter().position(|&b| b == b'\n').unwrap();
        let mut other_schema = b"warta-snapshot-cache 0000000000000000".to_vec();
        other_schema.extend_from_slice(&good[MAGIC.len() + 1 + SCHEMA.len()..]);
        for (what, bytes) in [
            ("a flipped byte", flipped),
            ("cut short", good[..good.len() - 3].to_vec()),
            ("header only", good[..=header_end].to_vec()),
            ("empty", Vec::new()),
            ("another schema", other_schema),
            ("not a cache", b"hello\n{}\n".to_vec()),
        ] {
            std::fs::write(&file, bytes).unwrap();
            assert!(load(&file).is_none(), "{what} must not be read");
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
