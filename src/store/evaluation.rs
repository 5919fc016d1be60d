//! Reading what the evaluation report needs beyond a snapshot: each item as it was at its
//! first submission, found by the content id that submission pinned.
//!
//! The computation itself is `domain::report` (pure); this file only reads objects.

use std::collections::HashMap;

use git2::{ObjectType, Oid};

use super::repo::Newsroom;
use super::snapshot::{MAX_ITEM_BYTES, Snapshot};
use crate::domain::item::Item;
use crate::domain::report::{self, Inputs, Period, Report, Source};

impl Newsroom {
    /// The item held by a content id (the tree id of an item's folder that `submit`,
    /// `approve` and `publish` pin), if that tree and its `index.md` exist and parse.
    #[must_use]
    pub fn item_of_content(&self, content: &str) -> Option<Item> {
        let tree = self.repo.find_tree(Oid::from_str(content).ok()?).ok()?;
        let entry = tree
            .get_name("index.md")
            .filter(|e| e.kind() == Some(ObjectType::Blob) && e.filemode() != 0o120_000)?;
        if self.blob_size(entry.id())? > MAX_ITEM_BYTES {
            return None;
        }
        let blob = self.repo.find_blob(entry.id()).ok()?;
        Item::parse(blob.content()).ok()
    }

    /// The evaluation report of a snapshot for a period, judged as of `today` (a day in
    /// the newsroom's zone); `only` limits it to one kecamatan.
    #[must_use]
    pub fn report(&self, snap: &Snapshot, period: Period, today: jiff::civil::Date, only: Option<&str>) -> Report {
        let tz = snap.config.timezone();
        // Only the first submissions that fall in the period are read: a year of a large
        // newsroom is a few thousand small objects.
        let mut first_versions = HashMap::new();
        for e in &snap.items {
            if only.is_some_and(|k| k != e.item.front.kecamatan) {
                continue;
            }
            let events = &e.review.events;
            if !report::wants_first_version(events, period, &tz) {
                continue;
            }
            if let Some(c) = report::first_submit_content(events)
                && let Some(item) = self.item_of_content(c)
            {
                first_versions.insert(c.to_string(), item);
            }
        }
        let items = snap
            .items
            .iter()
            .map(|e| Source {
                slug: &e.slug,
                title: &e.item.front.title,
                kecamatan: &e.item.front.kecamatan,
                status: e.state.status,
                events: &e.review.events,
            })
            .collect();
        report::compute(&Inputs {
            config: &snap.config,
            period,
            today,
            items,
            first_versions: &first_versions,
            only,
        })
    }
}
