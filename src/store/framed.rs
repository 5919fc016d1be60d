//! Framed files: a header line of magic, schema, extra fields, length and checksum, then
//! a body. Every cache of the store is written this way, so a truncated, altered or
//! stale file is told from a good one before anything in it is trusted.

use std::path::Path;

use toml::value::Datetime;

/// Changes whenever the sources of the cached types change (computed by `build.rs`).
pub(crate) const SCHEMA: &str = env!("WARTA_CACHE_SCHEMA");
/// A framed file larger than this is not read, and not written.
pub(crate) const MAX_BYTES: u64 = 1 << 30;
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A fast 64-bit checksum over 8-byte words, fed in pieces: catches truncation and
/// flipped bytes.
pub(crate) struct Checksum {
    h: u64,
    pending: Vec<u8>,
}

impl Checksum {
    pub(crate) fn new(len: u64) -> Self {
        Self {
            h: len,
            pending: Vec::with_capacity(8),
        }
    }

    fn word(&mut self, w: u64) {
        self.h = (self.h.rotate_left(23) ^ w).wrapping_mul(K);
    }

    pub(crate) fn update(&mut self, mut bytes: &[u8]) {
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

    pub(crate) fn finish(mut self) -> u64 {
        for b in std::mem::take(&mut self.pending) {
            self.word(u64::from(b));
        }
        self.h ^ (self.h >> 29)
    }
}

/// The checksum of a whole body.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut c = Checksum::new(bytes.len() as u64);
    c.update(bytes);
    c.finish()
}

/// Read a file written by [`write_framed`]: the header's extra fields and the body, or
/// `None` when the magic, schema, length or checksum do not match.
pub(crate) fn read_framed(path: &Path, magic: &str) -> Option<(Vec<String>, Vec<u8>)> {
    if std::fs::metadata(path).ok()?.len() > MAX_BYTES {
        return None;
    }
    let mut bytes = std::fs::read(path).ok()?;
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..newline]).ok()?;
    let fields: Vec<&str> = header.split(' ').collect();
    let [m, schema, extra @ .., len, sum] = fields.as_slice() else {
        return None;
    };
    let body = &bytes[newline + 1..];
    let ok = *m == magic
        && *schema == SCHEMA
        && *len == body.len().to_string()
        && *sum == format!("{:016x}", checksum(body));
    if !ok {
        return None;
    }
    let extra: Vec<String> = extra.iter().map(|s| (*s).to_string()).collect();
    // The body stays in the buffer it was read into (no second copy of it).
    bytes.drain(..=newline);
    Some((extra, bytes))
}

/// Write `body` under a header of magic, schema, `extra` fields, length and checksum,
/// atomically.
pub(crate) fn write_framed(path: &Path, magic: &str, extra: &[&str], body: &[u8]) -> std::io::Result<()> {
    let bytes = framed(magic, extra, body)?;
    super::files::write_atomic(path, &bytes, super::files::Access::Shared)
}

/// [`write_framed`] without waiting for the disk: a file cut short by a crash fails its
/// checksum and is rebuilt, so a cache written often need not pay for a sync.
pub(crate) fn write_framed_unsynced(path: &Path, magic: &str, extra: &[&str], body: &[u8]) -> std::io::Result<()> {
    let bytes = framed(magic, extra, body)?;
    super::files::write_atomic_unsynced(path, &bytes, super::files::Access::Shared)
}

/// The size of the file [`write_framed`] writes for a body of `body_len` bytes.
pub(crate) fn framed_len(magic: &str, extra: &[&str], body_len: usize) -> u64 {
    let fields: usize = extra.iter().map(|f| f.len() + 1).sum();
    // `<magic> <schema> <extra…> <length> <16 hex digits>\n`, then the body.
    (magic.len() + 1 + SCHEMA.len() + 1 + fields + body_len.to_string().len() + 1 + 16 + 1 + body_len) as u64
}

/// A framed file's bytes: header line, then body.
fn framed(magic: &str, extra: &[&str], body: &[u8]) -> std::io::Result<Vec<u8>> {
    // What `read_framed` would refuse is not written.
    if body.len() as u64 + 1024 > MAX_BYTES {
        return Err(std::io::Error::other("too large to be read back"));
    }
    let mut bytes = format!("{magic} {SCHEMA} ").into_bytes();
    for f in extra {
        bytes.extend_from_slice(f.as_bytes());
        bytes.push(b' ');
    }
    bytes.extend_from_slice(format!("{} {:016x}\n", body.len(), checksum(body)).as_bytes());
    bytes.extend_from_slice(body);
    debug_assert_eq!(bytes.len() as u64, framed_len(magic, extra, body.len()));
    Ok(bytes)
}

/// Appends fields to a record.
pub(crate) struct Put<'a>(pub(crate) &'a mut Vec<u8>);

impl Put<'_> {
    pub(crate) fn str(&mut self, s: &str) {
        // Items are at most 1 MiB and logs 16 MiB: every string fits in 32 bits.
        self.0
            .extend_from_slice(&u32::try_from(s.len()).unwrap_or(u32::MAX).to_le_bytes());
        self.0.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn opt(&mut self, s: Option<&str>) {
        self.0.push(u8::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }
    pub(crate) fn num(&mut self, n: Option<u32>) {
        self.0.push(u8::from(n.is_some()));
        self.0.extend_from_slice(&n.unwrap_or(0).to_le_bytes());
    }
    pub(crate) fn count(&mut self, n: usize) {
        self.0
            .extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
    }
}

/// A record that does not decode: the cache is damaged.
#[derive(Debug)]
pub(crate) struct Damaged;

impl<E: std::error::Error> From<E> for Damaged {
    fn from(_: E) -> Self {
        Damaged
    }
}

/// Takes fields from a record; every read is checked against the record's end.
pub(crate) struct Take<'a>(pub(crate) &'a [u8]);

impl<'a> Take<'a> {
    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], Damaged> {
        let (head, rest) = (self.0.get(..n).ok_or(Damaged)?, self.0.get(n..).ok_or(Damaged)?);
        self.0 = rest;
        Ok(head)
    }
    pub(crate) fn u32(&mut self) -> Result<u32, Damaged> {
        Ok(u32::from_le_bytes(self.bytes(4)?.try_into()?))
    }
    pub(crate) fn str(&mut self) -> Result<String, Damaged> {
        let n = self.u32()? as usize;
        Ok(String::from_utf8(self.bytes(n)?.to_vec())?)
    }
    pub(crate) fn flag(&mut self) -> Result<bool, Damaged> {
        match self.bytes(1)?[0] {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Damaged),
        }
    }
    pub(crate) fn opt(&mut self) -> Result<Option<String>, Damaged> {
        if self.flag()? { self.str().map(Some) } else { Ok(None) }
    }
    pub(crate) fn num(&mut self) -> Result<Option<u32>, Damaged> {
        let some = self.flag()?;
        let n = self.u32()?;
        Ok(some.then_some(n))
    }
    /// A count of things that each take at least `min` bytes: never more than remain.
    pub(crate) fn count(&mut self, min: usize) -> Result<usize, Damaged> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min) <= self.0.len() {
            Ok(n)
        } else {
            Err(Damaged)
        }
    }
    pub(crate) fn date(&mut self) -> Result<Option<Datetime>, Damaged> {
        self.opt()?
            .map(|s| s.parse::<Datetime>())
            .transpose()
            .map_err(Damaged::from)
    }
    pub(crate) fn strs(&mut self) -> Result<Vec<String>, Damaged> {
        (0..self.count(4)?).map(|_| self.str()).collect()
    }
    pub(crate) fn table(&mut self) -> Result<toml::Table, Damaged> {
        let text = self.str()?;
        if text.is_empty() {
            Ok(toml::Table::new())
        } else {
            Ok(text.parse()?)
        }
    }
}
