//! Reading what the public sees of an item: the version its last `publish` (or
//! `restore`) pinned, which stays public while a correction is under way, and any
//! earlier published version (for `diff --published` and the item view).
//!
//! A content id is the tree id of the item's folder; git keeps that tree as long as
//! the commit that pinned it is in the history, so a version is read by its id alone
//! and no path is built here.

use std::sync::Arc;

use git2::{ObjectType, Oid};

use super::repo::Newsroom;
use super::snapshot::{Entry, Snapshot};
use crate::domain::config::Person;
use crate::domain::item::Item;
use crate::domain::review::Status;
use crate::domain::workflow::can_see_unpublished;

pub use super::entry::Version;

impl Entry {
    /// What the public sees of the item: `(content id, item, files)` of the version the
    /// last `publish` (or `restore`) pinned; the working text itself unless a correction
    /// is under way. `None` when nothing is public (never published, taken down) or the
    /// pinned version could not be read.
    #[must_use]
    pub fn public(&self) -> Option<(&str, &Item, &[String])> {
        let public = self.state.public.as_deref()?;
        if public == self.content {
            return Some((&self.content, &self.item, &self.files));
        }
        let v = self.pinned.as_deref().filter(|v| v.content == public)?;
        Some((&v.content, &v.item, &v.files))
    }

    /// The entry with its public version read, when it differs from the working text.
    #[must_use]
    pub(crate) fn with_pinned(mut self, room: &Newsroom) -> Self {
        self.pinned = room.pinned_of(&self).map(Arc::new);
        self
    }
}

impl Entry {
    /// The item as a reader who may not see it unpublished sees it while a correction
    /// is under way: the public version, published, its approval the published content.
    /// `None` when there is no such difference (or the version could not be read).
    #[must_use]
    pub fn as_published(&self) -> Option<Self> {
        if !self.state.correcting() {
            return None;
        }
        let v = self
            .pinned
            .as_deref()
            .filter(|v| Some(&v.content) == self.state.public.as_ref())?;
        let mut e = self.clone();
        e.item = v.item.clone();
        e.content.clone_from(&v.content);
        e.files.clone_from(&v.files);
        e.state.status = Status::Published;
        e.state.approved_content = Some(v.content.clone());
        Some(e)
    }
}

impl Entry {
    /// Whether `who` may not see the working text: a correction is under way that they
    /// may not see unpublished.
    #[must_use]
    pub fn hidden_from(&self, who: Option<&Person>) -> bool {
        self.state.correcting() && !can_see_unpublished(who, &self.facts())
    }

    /// The entry as `who` may read it: its public version ([`Entry::as_published`])
    /// while [`Snapshot::as_seen_by`] would show them that; `None`: as it is.
    #[must_use]
    pub fn as_seen_by(&self, who: Option<&Person>) -> Option<Self> {
        if self.hidden_from(who) {
            self.as_published()
        } else {
            None
        }
    }
}

impl Snapshot {
    /// The snapshot as `who` may read it: items under correction that they may not see
    /// unpublished (unknown callers, authors of other kecamatan) are their public
    /// version, so the text under correction never reaches them. `None` when nothing
    /// differs for them (most of the time: no copy is made).
    #[must_use]
    pub fn as_seen_by(&self, who: Option<&Person>) -> Option<Self> {
        if !self.items.iter().any(|e| e.hidden_from(who)) {
            return None;
        }
        let mut snap = self.clone();
        for e in &mut snap.items {
            if let Some(p) = e.as_seen_by(who) {
                *e = Arc::new(p);
            }
        }
        Some(snap)
    }
}

impl Newsroom {
    /// The public version of an entry when it is not its working text.
    fn pinned_of(&self, e: &Entry) -> Option<Version> {
        let public = e.state.public.as_deref()?;
        if public == e.content {
            return None;
        }
        if let Some(v) = e.pinned.as_deref().filter(|v| v.content == public) {
            return Some(v.clone());
        }
        self.version(public)
    }

    /// Read the public versions of entries (from the disk cache, which keeps only the
    /// working text) that are under correction and lack it.
    pub(crate) fn read_pinned(&self, items: &mut [Arc<Entry>]) {
        for e in items.iter_mut() {
            let lacks = e.state.public.as_deref().is_some_and(|p| p != e.content)
                && e.pinned
                    .as_deref()
                    .is_none_or(|v| Some(v.content.as_str()) != e.state.public.as_deref());
            if lacks {
                let v = self.pinned_of(e).map(Arc::new);
                Arc::make_mut(e).pinned = v;
            }
        }
    }

    /// The version the public sees now, `None` when nothing is public (never published,
    /// or taken down) or the pinned content cannot be read.
    #[must_use]
    pub fn public_version(&self, e: &Entry) -> Option<Version> {
        let (content, item, files) = e.public()?;
        Some(Version {
            content: content.to_string(),
            item: item.clone(),
            files: files.to_vec(),
        })
    }

    /// The version a content id names, if its tree and `index.md` read.
    #[must_use]
    pub fn version(&self, content: &str) -> Option<Version> {
        let item = self.item_of_content(content)?;
        let tree = self.repo.find_tree(Oid::from_str(content).ok()?).ok()?;
        let files = tree
            .iter()
            .filter(|e| e.kind() == Some(ObjectType::Blob))
            .filter_map(|e| e.name().ok().map(str::to_string))
            .filter(|n| n != "index.md")
            .collect();
        Some(Version {
            content: content.to_string(),
            item,
            files,
        })
    }

    /// A file of a version's folder (a photo), if it is a plain file there.
    pub fn version_file(&self, content: &str, name: &str) -> Option<Vec<u8>> {
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return None;
        }
        let tree = self.repo.find_tree(Oid::from_str(content).ok()?).ok()?;
        let entry = tree
            .get_name(name)
            .filter(|e| e.kind() == Some(ObjectType::Blob) && e.filemode() != 0o120_000)?;
        Some(self.repo.find_blob(entry.id()).ok()?.content().to_vec())
    }
}
