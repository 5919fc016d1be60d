//! The person's state directory: where text that could not be committed is kept safe.
//!
//! It holds unsaved text (journals, conflict copies, the external editor's copy), so
//! it is the person's alone: files `0600`, folders `0700` (`store/files.rs`), the
//! folder itself owned by the person and open to nobody else ([`check_state_dir`]),
//! and never a fixed path others could make first.

use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::files::{Access, write_atomic};

pub use super::paths::state_dir;

pub use super::error::StateProblem;

/// Make sure `dir` is fit to hold a person's unsaved text: created `0700` if missing;
/// if it exists, a folder owned by this user that not everyone may write. Read or
/// search bits for others (a folder made by an older warta) are taken away.
pub fn check_state_dir(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let refuse = |problem| StoreError::UnsafeStateDir {
        path: dir.display().to_string(),
        problem,
    };
    let me = rustix::process::geteuid().as_raw();
    // A link another user made (in the shared temp folder, say) is never followed.
    if let Ok(link) = std::fs::symlink_metadata(dir) {
        if link.file_type().is_symlink() && link.uid() != me {
            return Err(refuse(StateProblem::NotOwned { owner: link.uid() }));
        }
    }
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            super::files::create_dir_all(dir, Access::Private).map_err(|e| StoreError::io(dir, e))?;
            // Looked at again: someone may have made it first.
            std::fs::metadata(dir).map_err(|e| StoreError::io(dir, e))?
        }
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    if !meta.is_dir() {
        return Err(refuse(StateProblem::NotAFolder));
    }
    if meta.uid() != me {
        return Err(refuse(StateProblem::NotOwned { owner: meta.uid() }));
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o002 != 0 {
        return Err(refuse(StateProblem::OpenToOthers { mode }));
    }
    if mode & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(|e| StoreError::io(dir, e))?;
    }
    Ok(())
}

/// Keep our side of a conflicting edit in the state dir and build the conflict error.
#[must_use]
pub fn conflict(dir: &Path, slug: &str, ours: &str, theirs: &str, marked: String) -> StoreError {
    let stamp = jiff::Timestamp::now().as_millisecond();
    let path = dir.join("conflicts").join(format!("{slug}-{stamp}.md"));
    let saved = match check_state_dir(dir)
        .and_then(|()| write_atomic(&path, ours.as_bytes(), Access::Private).map_err(|e| StoreError::io(&path, e)))
    {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    };
    StoreError::Conflict {
        slug: slug.to_string(),
        saved,
        ours: ours.to_string(),
        theirs: theirs.to_string(),
        marked,
    }
}

/// An autosaved editor buffer: everything typed, and what it was typed against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Journal {
    /// The item's slug; empty for a new item.
    #[serde(default)]
    pub slug: String,
    /// The person who typed it.
    pub person: String,
    /// When it was written (RFC 3339).
    pub saved_at: String,
    /// The edited item as `index.md` text.
    pub content: String,
    /// The item as it was when editing started (`index.md` text; empty for a new item).
    #[serde(default)]
    pub base: String,
}

/// Where a person's journals for one newsroom live.
#[must_use]
pub fn journal_dir(state_dir: &Path, newsroom: &Path, person: &str) -> PathBuf {
    // FNV-1a of the repository path: a short, stable folder name per newsroom.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in newsroom.to_string_lossy().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let person: String = person
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    state_dir.join("journal").join(format!("{h:016x}")).join(person)
}

fn journal_file(dir: &Path, slug: &str) -> PathBuf {
    let name = if slug.is_empty() || !crate::domain::slug::is_valid(slug) {
        "new"
    } else {
        slug
    };
    dir.join(format!("{name}.toml"))
}

/// Write a journal atomically (temp file, fsync, rename).
pub fn write_journal(dir: &Path, j: &Journal) -> std::io::Result<PathBuf> {
    let path = journal_file(dir, &j.slug);
    let table = toml::Table::try_from(j).map_err(std::io::Error::other)?;
    write_atomic(
        &path,
        crate::domain::item::emit_toml(&table, &["slug", "person", "saved_at"]).as_bytes(),
        Access::Private,
    )?;
    Ok(path)
}

/// Read the journal of an item (or of the new item), if there is one. A journal that
/// cannot be read is moved aside (`<slug>.toml.damaged-<millis>`), never left to be
/// written over, and reported as [`StoreError::DamagedJournal`].
pub fn read_journal(dir: &Path, slug: &str) -> Result<Option<Journal>, StoreError> {
    let path = journal_file(dir, slug);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(&path, e)),
    };
    if let Some(j) = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| toml::from_str::<Journal>(t).ok())
    {
        return Ok(Some(j));
    }
    let kept = path.with_extension(format!("toml.damaged-{}", jiff::Timestamp::now().as_millisecond()));
    std::fs::rename(&path, &kept).map_err(|e| StoreError::io(&path, e))?;
    Err(StoreError::DamagedJournal {
        path: path.display().to_string(),
        kept: kept.display().to_string(),
    })
}

/// Remove a journal after a successful save or an explicit discard.
pub fn remove_journal(dir: &Path, slug: &str) {
    let _ = std::fs::remove_file(journal_file(dir, slug));
}

impl super::repo::Newsroom {
    /// Write an executable hook script into the repository.
    pub fn install_hook(&self, path: &Path, script: &str) -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        write_atomic(path, script.as_bytes(), Access::Shared)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
    }

    /// Make sure the state folder is fit to hold the person's unsaved text
    /// ([`check_state_dir`]).
    pub fn check_state_dir(&self) -> Result<(), StoreError> {
        check_state_dir(self.state_dir())
    }

    /// Append a line to the state dir's session log (best effort; not in a state
    /// folder that is not the person's own).
    pub fn log_session(&self, person: &str, what: &str) {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        if self.check_state_dir().is_err() {
            return;
        }
        let path = self.state_dir().join("session.log");
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
        {
            let line = crate::domain::text::clean_line(&format!("{} {person} {what}", jiff::Timestamp::now()));
            let _ = writeln!(f, "{line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journals_round_trip_byte_exact() {
        let tmp = std::env::temp_dir().join(format!("warta-journal-{}", std::process::id()));
        let dir = journal_dir(&tmp, Path::new("/srv/news.git"), "sari");
        let j = Journal {
            slug: "2024-09-09-rapat".into(),
            person: "sari".into(),
            saved_at: "2024-09-09T10:00:00+07:00".into(),
            content: "+++\ntitle = \"a\"\n+++\n“Kutipan,” tegasnya. 👍🏽 \r\n\n+++\n  ".into(),
            base: String::new(),
        };
        write_journal(&dir, &j).unwrap();
        assert_eq!(read_journal(&dir, &j.slug).unwrap(), Some(j.clone()));
        remove_journal(&dir, &j.slug);
        assert_eq!(read_journal(&dir, &j.slug).unwrap(), None);
        let _ = std::fs::remove_dir_all(tmp);
    }
}
