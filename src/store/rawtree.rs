//! Git trees as the bytes git stores, written and read without libgit2's tree builder.
//!
//! In the flat layout newsrooms began with (see `domain::layout`), every action
//! rewrote `reviews/` (one entry per item) and read `drafts/` (one folder per item);
//! the date-folder layout keeps every tree an action touches small, but the flat trees
//! are still read until `warta migrate`. With 10,000 items each is about a megabyte: libgit2's tree builder would
//! parse every entry into its own allocation, sort them and write them back, and the
//! packed `drafts/` tree is rebuilt through its delta chain each time it is read. Here a
//! tree is a byte string: an entry is found by scanning it, and a change splices one
//! entry in or out, keeping git's order.
//!
//! New trees are written as loose objects without compression, so the next action
//! reads them back at the cost of a file read. A tree that came from a pack (after
//! `git repack`, or pushed) is rebuilt through its delta chain once, then kept in
//! `<git dir>/warta-cache/tree-drafts` or `tree-reviews`, framed with a length and a
//! checksum. A cached tree is used only when its id is the one asked for *and* its
//! bytes hash to that id, so what an action reads from it is the git object itself.

use std::cmp::Ordering;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use git2::{ObjectType, Oid};

use super::error::{Result, StoreError};
use super::framed;
use super::modes::cache_disabled;
use super::repo::Newsroom;

pub use super::modes::{BLOB_MODE, TREE_MODE};
/// The root folders that hold one entry per item, whose trees are cached.
const GROWN: [&str; 2] = ["drafts", "reviews"];
const MAGIC: &str = "warta-tree-cache";
/// A tree from a pack smaller than this is read from the pack each time: in the date
/// folder layout `drafts/` and `reviews/` hold a few year folders, and reading them
/// costs less than checking a cached copy.
const KEEP_ABOVE: usize = 64 * 1024;

/// One entry of a tree: where its record lies in the bytes, and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawEntry<'a> {
    /// The record's byte range in the tree.
    pub span: (usize, usize),
    /// The file mode, e.g. [`TREE_MODE`] or [`BLOB_MODE`].
    pub mode: u32,
    /// The name, as bytes.
    pub name: &'a [u8],
    /// The object it names.
    pub id: Oid,
}

impl RawEntry<'_> {
    /// Whether the entry is a folder.
    #[must_use]
    pub fn is_tree(&self) -> bool {
        self.mode == TREE_MODE
    }
}

fn malformed() -> StoreError {
    StoreError::Git(git2::Error::from_str("malformed tree object"))
}

/// The entries of a tree's bytes, in order; an error for bytes that are not a tree,
/// and for entries out of git's order or named twice (git's own reader searches a tree
/// by halving it, so such a tree would read differently there and here).
pub fn entries(bytes: &[u8]) -> impl Iterator<Item = Result<RawEntry<'_>>> {
    let mut pos = 0;
    let mut previous: Option<(&[u8], bool)> = None;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let entry = parse_at(bytes, pos).and_then(|e| match previous {
            Some((name, tree)) if name == e.name || git_order(name, tree, e.name, e.is_tree()) != Ordering::Less => {
                Err(malformed())
            }
            _ => Ok(e),
        });
        pos = match &entry {
            Ok(e) => {
                previous = Some((e.name, e.is_tree()));
                e.span.1
            }
            Err(_) => bytes.len(),
        };
        Some(entry)
    })
}

fn parse_at(bytes: &[u8], start: usize) -> Result<RawEntry<'_>> {
    let rest = &bytes[start..];
    let space = rest.iter().position(|&b| b == b' ').ok_or_else(malformed)?;
    let nul = space + 1 + rest[space + 1..].iter().position(|&b| b == 0).ok_or_else(malformed)?;
    let mode_text = &rest[..space];
    if mode_text.is_empty() || mode_text.len() > 7 || !mode_text.iter().all(|b| (b'0'..=b'7').contains(b)) {
        return Err(malformed());
    }
    let mode = mode_text.iter().fold(0u32, |m, b| m * 8 + u32::from(b - b'0'));
    let name = &rest[space + 1..nul];
    let raw_id = rest.get(nul + 1..nul + 21).ok_or_else(malformed)?;
    if name.is_empty() {
        return Err(malformed());
    }
    Ok(RawEntry {
        span: (start, start + nul + 21),
        mode,
        name,
        id: Oid::from_bytes(raw_id).map_err(|_| malformed())?,
    })
}

/// The entry named `name`, if the tree has one.
pub fn find<'a>(bytes: &'a [u8], name: &str) -> Result<Option<RawEntry<'a>>> {
    for e in entries(bytes) {
        let e = e?;
        if e.name == name.as_bytes() {
            return Ok(Some(e));
        }
    }
    Ok(None)
}

/// Git's order of tree entries: by name, where a folder's name counts as ending in `/`.
fn git_order(a: &[u8], a_tree: bool, b: &[u8], b_tree: bool) -> Ordering {
    let common = a.len().min(b.len());
    match a[..common].cmp(&b[..common]) {
        Ordering::Equal => {}
        other => return other,
    }
    let end = |name: &[u8], tree: bool| name.get(common).copied().unwrap_or(if tree { b'/' } else { 0 });
    end(a, a_tree).cmp(&end(b, b_tree))
}

/// The tree `bytes` with the entry `name` set to `(mode, id)`, or removed for `None`.
pub fn with_entry(bytes: &[u8], name: &str, entry: Option<(u32, Oid)>) -> Result<Vec<u8>> {
    // What git's tree builder refuses as a name.
    if name.is_empty() || matches!(name, "." | ".." | ".git") || name.contains(['/', '\0']) {
        return Err(StoreError::Git(git2::Error::from_str(&format!(
            "not a name in a tree: {name:?}"
        ))));
    }
    let record = entry.map(|(mode, id)| {
        let mut r = format!("{mode:o} {name}\0").into_bytes();
        r.extend_from_slice(id.as_bytes());
        r
    });
    let new_tree = entry.is_some_and(|(mode, _)| mode == TREE_MODE);
    let mut out = Vec::with_capacity(bytes.len() + record.as_ref().map_or(0, Vec::len));
    let mut pending = record.as_deref();
    for e in entries(bytes) {
        let e = e?;
        if e.name == name.as_bytes() {
            continue;
        }
        if let Some(r) = pending
            && git_order(e.name, e.is_tree(), name.as_bytes(), new_tree) == Ordering::Greater
        {
            out.extend_from_slice(r);
            pending = None;
        }
        out.extend_from_slice(&bytes[e.span.0..e.span.1]);
    }
    if let Some(r) = pending {
        out.extend_from_slice(r);
    }
    Ok(out)
}

/// The id git gives a tree with these bytes.
#[must_use]
pub fn tree_id(bytes: &[u8]) -> Oid {
    use sha1::Digest;
    let mut h = sha1::Sha1::new();
    h.update(format!("tree {}\0", bytes.len()).as_bytes());
    h.update(bytes);
    Oid::from_bytes(&h.finalize()).expect("a SHA-1 is 20 bytes")
}

/// Adler-32, the checksum that ends a zlib stream.
fn adler32(parts: &[&[u8]]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for part in parts {
        // 5552 bytes is the most that can be summed before `b` must be reduced.
        for chunk in part.chunks(5552) {
            for &byte in chunk {
                a += u32::from(byte);
                b += a;
            }
            a %= MOD;
            b %= MOD;
        }
    }
    (b << 16) | a
}

/// A zlib stream of `parts` in stored (uncompressed) blocks.
fn zlib_stored(parts: &[&[u8]]) -> Vec<u8> {
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = Vec::with_capacity(total + total / 65_535 * 5 + 16);
    out.extend_from_slice(&[0x78, 0x01]);
    let mut data = parts.iter().flat_map(|p| p.chunks(65_535)).peekable();
    if data.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = data.next() {
        let len = u16::try_from(block.len()).expect("blocks are at most 65,535 bytes");
        out.push(u8::from(data.peek().is_none()));
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(parts).to_be_bytes());
    out
}

/// Write a loose object as git does: deflated, through a temporary file and a rename,
/// read-only. An object that is already there is left as it is.
fn write_loose(objects: &std::path::Path, id: Oid, kind: &str, bytes: &[u8]) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let hex = id.to_string();
    let path = loose_path(objects, id);
    let dir = objects.join(&hex[..2]);
    if path.exists() {
        return Ok(());
    }
    let header = format!("{kind} {}\0", bytes.len());
    let stream = zlib_stored(&[header.as_bytes(), bytes]);
    let io = |e: std::io::Error| {
        let what = format!("writing object {hex}: {e}");
        if matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ) {
            StoreError::ReadOnly(what)
        } else {
            StoreError::Git(git2::Error::from_str(&what))
        }
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    // A name no other writer uses, created here or not at all: a file left by a process
    // killed with the same pid is never reused.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!("tmp_obj_{}_{nanos}_{}", std::process::id(), &hex[..8]));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(io)?;
    std::io::Write::write_all(&mut file, &stream)
        .and_then(|()| std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o444)))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })?;
    drop(file);
    std::fs::rename(&tmp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// Where git keeps object `id` when it is loose, under the objects folder `objects`.
fn loose_path(objects: &std::path::Path, id: Oid) -> PathBuf {
    let hex = id.to_string();
    objects.join(&hex[..2]).join(&hex[2..])
}

fn cache_path(git_dir: &std::path::Path, name: &str) -> PathBuf {
    super::paths::caches(git_dir).join(format!("tree-{name}"))
}

fn keep_on_disk(git_dir: &std::path::Path, id: Oid, name: &str, bytes: &[u8]) {
    // A cache that cannot be written (read-only repository) is simply not kept.
    let _ = framed::write_framed(&cache_path(git_dir, name), MAGIC, &[&id.to_string()], bytes);
}

/// How many grown trees a process keeps in memory: the `drafts/` and `reviews/` trees
/// of the head, and the ones just written.
const REMEMBERED: usize = 4;

impl Newsroom {
    /// The bytes of tree `id`. `grown` names the root folder it is (`drafts` or
    /// `reviews`): those trees are remembered by the process, and the last version of
    /// each is cached on disk.
    pub(crate) fn tree_bytes(&self, id: Oid, grown: Option<&str>) -> Result<Arc<[u8]>> {
        let grown = grown.filter(|g| GROWN.contains(g));
        if grown.is_some()
            && let Some((_, bytes)) = self.grown_trees.borrow().iter().find(|(t, _)| *t == id)
        {
            return Ok(Arc::clone(bytes));
        }
        let on_disk = grown.filter(|_| !cache_disabled());
        let bytes: Arc<[u8]> = match on_disk.and_then(|name| self.cached_tree(id, name)) {
            Some(bytes) => bytes.into(),
            None => {
                let odb = self.repo.odb()?;
                let object = odb.read(id)?;
                if object.kind() != ObjectType::Tree {
                    return Err(malformed());
                }
                let bytes: Arc<[u8]> = object.data().into();
                // A loose tree reads as cheaply as the cache (warta writes them
                // uncompressed); one from a pack is worth keeping.
                // A small tree (the date-folder layout's roots) is not worth a file.
                if let Some(name) =
                    on_disk.filter(|_| bytes.len() >= KEEP_ABOVE && !loose_path(&self.objects_dir(), id).exists())
                {
                    keep_on_disk(self.git_dir(), id, name, &bytes);
                }
                bytes
            }
        };
        if grown.is_some() {
            self.remember(id, &bytes);
        }
        Ok(bytes)
    }

    /// The objects folder, shared by every work tree of the repository.
    fn objects_dir(&self) -> PathBuf {
        self.repo.commondir().join("objects")
    }

    fn remember(&self, id: Oid, bytes: &Arc<[u8]>) {
        let mut memo = self.grown_trees.borrow_mut();
        memo.retain(|(t, _)| *t != id);
        memo.insert(0, (id, Arc::clone(bytes)));
        memo.truncate(REMEMBERED);
    }

    fn cached_tree(&self, id: Oid, name: &str) -> Option<Vec<u8>> {
        let path = cache_path(self.git_dir(), name);
        let hex = id.to_string();
        // The header names the tree: another tree is not read further.
        let mut head = Vec::with_capacity(256);
        std::fs::File::open(&path).ok()?.take(256).read_to_end(&mut head).ok()?;
        let line = head.split(|&b| b == b'\n').next()?;
        if !line.split(|&b| b == b' ').any(|f| f == hex.as_bytes()) {
            return None;
        }
        let (fields, bytes) = framed::read_framed(&path, MAGIC)?;
        (fields.first() == Some(&hex) && tree_id(&bytes) == id).then_some(bytes)
    }

    /// Write a tree from its bytes (as [`with_entry`] builds them); `grown` as for
    /// [`Newsroom::tree_bytes`].
    pub(crate) fn write_tree_bytes(&self, bytes: Vec<u8>, grown: Option<&str>) -> Result<Oid> {
        let id = tree_id(&bytes);
        if !self.repo.odb()?.exists(id) {
            write_loose(&self.objects_dir(), id, "tree", &bytes)?;
            self.loose_written.set(self.loose_written.get() + bytes.len() as u64);
        }
        // Not cached on disk: the loose object just written is stored uncompressed, so
        // reading it back is as cheap as the cache, and needs no hash check.
        if grown.is_some_and(|g| GROWN.contains(&g)) {
            self.remember(id, &bytes.into());
        }
        Ok(id)
    }

    /// The mode and id at a slash-separated `path` under tree `root`, if there is one.
    pub(crate) fn path_entry(&self, root: Oid, path: &str) -> Result<Option<(u32, Oid)>> {
        let mut tree = root;
        // The root folder the current tree is, while it is one directly under the root.
        let mut grown: Option<&str> = None;
        let mut parts = path.split('/').peekable();
        while let Some(part) = parts.next() {
            let bytes = self.tree_bytes(tree, grown)?;
            let Some(e) = find(&bytes, part)?.map(|e| (e.mode, e.id)) else {
                return Ok(None);
            };
            if parts.peek().is_none() {
                return Ok(Some(e));
            }
            if e.0 != TREE_MODE {
                return Ok(None);
            }
            grown = (tree == root).then_some(part);
            tree = e.1;
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes libgit2's tree builder writes for these entries.
    fn built(repo: &git2::Repository, entries: &[(&str, u32, Oid)]) -> Vec<u8> {
        let mut b = repo.treebuilder(None).unwrap();
        for (name, mode, id) in entries {
            b.insert(name, *id, i32::try_from(*mode).unwrap()).unwrap();
        }
        let id = b.write().unwrap();
        repo.odb().unwrap().read(id).unwrap().data().to_vec()
    }

    #[test]
    fn splicing_an_entry_writes_what_git_would() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init_bare(tmp.path()).unwrap();
        let blob = repo.blob(b"isi").unwrap();
        let other = repo.blob(b"lain").unwrap();
        let folder = {
            let mut b = repo.treebuilder(None).unwrap();
            b.insert("index.md", blob, 0o100_644).unwrap();
            b.write().unwrap()
        };
        // Names where git's order differs from plain byte order: a folder sorts as if
        // its name ended in '/', which comes after '-' and '.' but before '0'.
        let names = [
            "a",
            "a-b",
            "a.toml",
            "a0",
            "ab",
            "b",
            "2024-01-02-x",
            "2024-01-02-x.toml",
            "z",
        ];
        let mut rng = 7u64;
        for round in 0..200 {
            let mut have: Vec<(&str, u32, Oid)> = Vec::new();
            for name in names {
                rng = rng
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                match rng >> 62 {
                    0 => have.push((name, BLOB_MODE, blob)),
                    1 => have.push((name, TREE_MODE, folder)),
                    _ => {}
                }
            }
            let bytes = built(&repo, &have);
            assert_eq!(entries(&bytes).count(), have.len());
            let name = names[round % names.len()];
            let change = match round % 3 {
                0 => None,
                1 => Some((BLOB_MODE, other)),
                _ => Some((TREE_MODE, folder)),
            };
            let mut want: Vec<(&str, u32, Oid)> = have.iter().copied().filter(|(n, _, _)| *n != name).collect();
            if let Some((mode, id)) = change {
                want.push((name, mode, id));
            }
            assert_eq!(
                with_entry(&bytes, name, change).unwrap(),
                built(&repo, &want),
                "round {round}: {name} set to {change:?} in {have:?}"
            );
            let found = find(&bytes, name).unwrap().map(|e| (e.mode, e.id));
            let had = have.iter().find(|(n, _, _)| *n == name).map(|(_, m, i)| (*m, *i));
            assert_eq!(found, had);
        }
    }

    #[test]
    fn malformed_trees_are_errors_not_panics() {
        let good = {
            let mut t = b"100644 a\0".to_vec();
            t.extend_from_slice(&[7; 20]);
            t
        };
        assert_eq!(entries(&good).count(), 1);
        for cut in 0..good.len() {
            let bad = &good[..cut];
            assert!(cut == 0 || entries(bad).any(|e| e.is_err()), "cut at {cut}");
            assert!(with_entry(bad, "b", None).is_err() || cut == 0);
        }
        // Out of git's order, or one name twice (even as a file and a folder).
        let record = |mode: &str, name: &str| {
            let mut r = format!("{mode} {name}\0").into_bytes();
            r.extend_from_slice(&[7; 20]);
            r
        };
        for (a, b) in [
            (("100644", "b"), ("100644", "a")),
            (("100644", "a"), ("100644", "a")),
            (("100644", "a"), ("40000", "a")),
            (("40000", "a"), ("100644", "a.b")),
        ] {
            let tree = [record(a.0, a.1), record(b.0, b.1)].concat();
            assert!(entries(&tree).any(|e| e.is_err()), "{a:?} then {b:?}");
            assert!(find(&tree, "zzz").is_err());
        }
        assert!(with_entry(&good, "", None).is_err());
        assert!(with_entry(&good, "a/b", None).is_err());
        assert!(with_entry(&good, "..", None).is_err());
        for bad in [&b"1x0644 a\0"[..], b" a\0", b"100644 \0", b"10064400 a\0"] {
            let mut t = bad.to_vec();
            t.extend_from_slice(&[7; 20]);
            assert!(entries(&t).any(|e| e.is_err()), "{bad:?}");
        }
    }

    #[test]
    fn written_objects_read_back_through_git() {
        assert_eq!(adler32(&[b"Wiki", b"pedia"]), 0x11E6_0398);
        let tmp = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init_bare(tmp.path()).unwrap();
        let blob = repo.blob(b"isi").unwrap();
        // Empty, one entry, and more than one stored block (65,535 bytes each).
        for count in [0usize, 1, 2_000] {
            let mut b = repo.treebuilder(None).unwrap();
            for i in 0..count {
                b.insert(format!("2024-01-01-berita-nomor-{i:05}.toml"), blob, 0o100_644)
                    .unwrap();
            }
            let by_git = b.write().unwrap();
            let bytes = repo.odb().unwrap().read(by_git).unwrap().data().to_vec();
            assert_eq!(tree_id(&bytes), by_git);
            std::fs::remove_file(
                tmp.path()
                    .join("objects")
                    .join(&by_git.to_string()[..2])
                    .join(&by_git.to_string()[2..]),
            )
            .unwrap();
            write_loose(&tmp.path().join("objects"), by_git, "tree", &bytes).unwrap();
            let again = git2::Repository::open_bare(tmp.path()).unwrap();
            let odb = again.odb().unwrap();
            let read = odb.read(by_git).unwrap();
            assert_eq!(read.kind(), ObjectType::Tree);
            assert_eq!(read.data(), &bytes[..], "{count} entries");
        }
    }

    #[test]
    fn a_cached_tree_is_used_only_when_its_bytes_are_the_tree() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        // A flat `reviews/` tree as older newsrooms have: big enough to be kept.
        let blob = room.repo.blob(b"isi").unwrap();
        let mut b = room.repo.treebuilder(None).unwrap();
        for i in 0..2_000 {
            b.insert(format!("2024-01-01-berita-nomor-{i:05}.toml"), blob, 0o100_644)
                .unwrap();
        }
        let reviews = b.write().unwrap();
        let truth = room.repo.odb().unwrap().read(reviews).unwrap().data().to_vec();
        let first = entries(&truth).next().unwrap().unwrap();
        let name = String::from_utf8(first.name.to_vec()).unwrap();
        // A planted file with the right id and a valid frame, but other bytes.
        let planted = with_entry(&truth, &name, None).unwrap();
        keep_on_disk(room.git_dir(), reviews, "reviews", &planted);
        let fresh = Newsroom::open(&tmp.path().join("news")).unwrap();
        assert_eq!(&*fresh.tree_bytes(reviews, Some("reviews")).unwrap(), &truth[..]);
        assert_eq!(
            fresh.cached_tree(reviews, "reviews"),
            None,
            "the planted bytes are refused"
        );
        // A tree read from a pack is kept; a loose one is not (it reads as cheaply).
        let mut pack = room.repo.packbuilder().unwrap();
        pack.insert_object(reviews, None).unwrap();
        pack.write(&room.git_dir().join("objects").join("pack"), 0o444).unwrap();
        std::fs::remove_file(loose_path(&room.objects_dir(), reviews)).unwrap();
        let fresh = Newsroom::open(&tmp.path().join("news")).unwrap();
        assert_eq!(&*fresh.tree_bytes(reviews, Some("reviews")).unwrap(), &truth[..]);
        assert_eq!(
            fresh.cached_tree(reviews, "reviews"),
            Some(truth.clone()),
            "kept from the pack"
        );
        let fresh = Newsroom::open(&tmp.path().join("news")).unwrap();
        assert_eq!(&*fresh.tree_bytes(reviews, Some("reviews")).unwrap(), &truth[..]);
    }
}
