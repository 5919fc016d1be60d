//! Framed files: a header line of magic, schema, extra fields, length and checksum, then
//! a body. Every cache of the store is written this way, so a truncated, altered or
//! stale file is told from a good one before anything in it is trusted.

use std::path::Path;

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
    super::files::write_atomic(path, &bytes, super::files::Access::Shared)
}
