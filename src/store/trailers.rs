//! The trailer index: which commit of the branch's first-parent chain names which item
//! (`Warta-Item:`), kept on disk so an item's history is found without walking the chain.
//!
//! Like the snapshot cache it is only an optimisation, in `<git dir>/warta-cache/trailers`.
//! It covers a stretch of the chain from `head` back to `tail`, grows at both ends as
//! needed, and is thrown away when the branch no longer descends from its `head` or the
//! file is damaged. What it answers is checked as before (the count of events and where
//! the log began), so a wrong index can only cost time.

use std::path::{Path, PathBuf};

use git2::{Oid, Repository};

const MAGIC: &str = "warta-trailer-index";

/// Where the index of a newsroom lives.
#[must_use]
pub fn path(git_dir: &Path) -> PathBuf {
    super::paths::caches(git_dir).join("trailers")
}

/// Commits that name items, newest first, for the chain from `head` back to `tail`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    /// The newest commit covered.
    pub head: Oid,
    /// The oldest commit covered; `None` when the index reaches the root.
    pub tail: Option<Oid>,
    /// Lines of `<commit> <slug>`, newest first; a commit naming several items has several.
    /// Kept as text: a query scans it once, which is cheaper than parsing every row.
    text: String,
}

/// The slugs a commit message names in `Warta-Item:` trailers.
fn named(message: &[u8]) -> impl Iterator<Item = &str> {
    message
        .split(|&b| b == b'\n')
        .filter_map(|line| line.strip_prefix(b"Warta-Item: "))
        .filter_map(|s| std::str::from_utf8(s).ok())
        .filter(|s| !s.is_empty() && !s.contains(' '))
}

impl Index {
    /// Read the index, or `None` when it is missing or damaged.
    #[must_use]
    pub fn load(file: &Path) -> Option<Self> {
        let (fields, body) = super::framed::read_framed(file, MAGIC)?;
        let [head, tail] = fields.as_slice() else { return None };
        let head = Oid::from_str(head).ok()?;
        let tail = if tail == "root" {
            None
        } else {
            Some(Oid::from_str(tail).ok()?)
        };
        // Rows are checked as a query reads them: a malformed one is skipped.
        let text = String::from_utf8(body).ok()?;
        (text.is_empty() || text.ends_with('\n')).then_some(Self { head, tail, text })
    }

    /// Write the index; a failure only means there is no index next time.
    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        let tail = self.tail.map_or_else(|| "root".to_string(), |t| t.to_string());
        super::framed::write_framed(file, MAGIC, &[&self.head.to_string(), &tail], self.text.as_bytes())
    }

    /// The rows a commit adds, appended to `out`; returns how many name `slug`.
    fn add(out: &mut String, commit: &git2::Commit<'_>, slug: &str) -> usize {
        let mut n = 0;
        for s in named(commit.message_raw_bytes()) {
            n += usize::from(s == slug);
            out.push_str(&commit.id().to_string());
            out.push(' ');
            out.push_str(s);
            out.push('\n');
        }
        n
    }

    /// An index of nothing but `head` itself.
    fn start(repo: &Repository, head: Oid) -> Result<Self, git2::Error> {
        let mut text = String::new();
        Self::add(&mut text, &repo.find_commit(head)?, "");
        Ok(Self {
            head,
            tail: Some(head),
            text,
        })
    }

    /// Bring the index up to `head`: the commits added since are put in front. Returns
    /// whether anything changed; an index the branch no longer descends from is restarted.
    pub fn catch_up(&mut self, repo: &Repository, head: Oid) -> Result<bool, git2::Error> {
        if head == self.head {
            return Ok(false);
        }
        let mut fresh = String::new();
        let mut cur = repo.find_commit(head)?;
        loop {
            if cur.id() == self.head {
                fresh.push_str(&self.text);
                self.text = fresh;
                self.head = head;
                return Ok(true);
            }
            Self::add(&mut fresh, &cur, "");
            match cur.parents().next() {
                Some(p) => cur = p,
                // The old head is not on the chain any more: history was rewritten.
                None => {
                    *self = Self::start(repo, head)?;
                    return Ok(true);
                }
            }
        }
    }

    /// Extend the index towards the root until it holds `wanted` commits naming `slug`
    /// (it holds `have` now) or reaches the root. Returns whether anything changed.
    pub fn extend_for(
        &mut self,
        repo: &Repository,
        slug: &str,
        wanted: usize,
        mut have: usize,
    ) -> Result<bool, git2::Error> {
        let mut changed = false;
        while let Some(tail) = self.tail {
            if have >= wanted {
                break;
            }
            match repo.find_commit(tail)?.parents().next() {
                Some(p) => {
                    have += Self::add(&mut self.text, &p, slug);
                    self.tail = Some(p.id());
                }
                None => self.tail = None,
            }
            changed = true;
        }
        Ok(changed)
    }

    /// The commits naming `slug`, newest first.
    ///
    /// The text is searched for the slug itself (a vectorised search for a long needle),
    /// and only the lines where it is found are looked at: a line is
    /// `<40 hex> <slug>`, so a hit counts only when it is the whole rest of its line.
    pub fn commits<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = Oid> + 'a {
        let text = self.text.as_bytes();
        memchr::memmem::find_iter(text, slug.as_bytes()).filter_map(move |at| {
            let start = at.checked_sub(41)?;
            let whole_line = text[at - 1] == b' '
                && (start == 0 || text[start - 1] == b'\n')
                && text.get(at + slug.len()).is_none_or(|&b| b == b'\n' || b == b'\r');
            if !whole_line || slug.is_empty() {
                return None;
            }
            Oid::from_str(self.text.get(start..at - 1)?).ok()
        })
    }

    /// The index for `head`: read from disk and brought up to date, or started afresh.
    pub fn open(repo: &Repository, file: &Path, head: Oid) -> Result<(Self, bool), git2::Error> {
        match Self::load(file) {
            Some(mut ix) => {
                let changed = ix.catch_up(repo, head)?;
                Ok((ix, changed))
            }
            None => Ok((Self::start(repo, head)?, true)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_lines_name_an_item() {
        let a = "1".repeat(40);
        let b = "2".repeat(40);
        let c = "3".repeat(40);
        let ix = Index {
            head: Oid::ZERO_SHA1,
            tail: None,
            text: format!("{a} 2024-01-01-ab\n{b} 2024-01-01-a\n{c} x2024-01-01-a\n{a} 2024-01-01-a"),
        };
        let found: Vec<String> = ix.commits("2024-01-01-a").map(|o| o.to_string()).collect();
        assert_eq!(found, [b.clone(), a.clone()]);
        assert_eq!(ix.commits("2024-01-01-ab").count(), 1);
        assert_eq!(ix.commits("01-a").count(), 0);
    }

    #[test]
    fn named_reads_only_whole_trailer_lines() {
        let msg = b"edit(a): x\n\nWarta-Action: edit\nWarta-Item: 2024-01-01-a\nWarta-Actor: sari\n";
        assert_eq!(named(msg).collect::<Vec<_>>(), ["2024-01-01-a"]);
        let quoted = b"comment(b): see Warta-Item: 2024-01-01-b\n\nWarta-Item: 2024-01-01-c\n";
        assert_eq!(named(quoted).collect::<Vec<_>>(), ["2024-01-01-c"]);
    }
}
