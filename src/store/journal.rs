//! The person's state directory: where text that could not be committed is kept safe.

use std::path::{Path, PathBuf};

use super::StoreError;
use super::files::{Access, write_atomic};

/// `$XDG_STATE_HOME/warta`, else `~/.local/state/warta`, else a folder in the temp dir.
#[must_use]
pub fn state_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_STATE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("warta");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(h).join(".local/state/warta");
    }
    std::env::temp_dir().join("warta-state")
}

/// Keep our side of a conflicting edit in the state dir and build the conflict error.
#[must_use]
pub fn conflict(dir: &Path, slug: &str, ours: &str, theirs: &str, marked: String) -> StoreError {
    let stamp = jiff::Timestamp::now().as_millisecond();
    let path = dir.join("conflicts").join(format!("{slug}-{stamp}.md"));
    let saved = match write_atomic(&path, ours.as_bytes(), Access::Private) {
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

/// Read the journal of an item (or of the new item), if there is one.
#[must_use]
pub fn read_journal(dir: &Path, slug: &str) -> Option<Journal> {
    let text = std::fs::read_to_string(journal_file(dir, slug)).ok()?;
    toml::from_str(&text).ok()
}

/// Remove a journal after a successful save or an explicit discard.
pub fn remove_journal(dir: &Path, slug: &str) {
    let _ = std::fs::remove_file(journal_file(dir, slug));
}

impl crate::store::Newsroom {
    /// Write an executable hook script into the repository.
    pub fn install_hook(&self, path: &Path, script: &str) -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        write_atomic(path, script.as_bytes(), Access::Shared)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
    }

    /// Append a line to the state dir's session log (best effort).
    pub fn log_session(&self, person: &str, what: &str) {
        use std::io::Write;
        let path = self.state_dir().join("session.log");
        let _ = std::fs::create_dir_all(self.state_dir());
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
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
        assert_eq!(read_journal(&dir, &j.slug), Some(j.clone()));
        remove_journal(&dir, &j.slug);
        assert_eq!(read_journal(&dir, &j.slug), None);
        let _ = std::fs::remove_dir_all(tmp);
    }
}
