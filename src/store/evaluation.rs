//! Reading what the evaluation report needs beyond a snapshot: the checklist outcome of
//! each item as it was at its first submission, found by the content id that submission
//! pinned, and kept in a small cache.
//!
//! The computation itself is `domain::report` (pure); this file only reads objects and
//! the cache. A content id names its content forever, so a cached outcome stays true
//! while the rules, the dateline and closing lines and the checklist's code stay the
//! same; the cache's header holds a fingerprint of all of them, and any change (or
//! damage) makes it ignored and written again.
//!
//! File: `<git dir>/warta-cache/quality`: a header line `warta-quality-cache <hash>`, then
//! one line per content id: the id, a space, the failing rule ids joined by `,`.

use std::collections::HashMap;
use std::path::PathBuf;

use git2::{ObjectType, Oid};

use super::files::{Access, write_atomic};
use super::repo::Newsroom;
use super::snapshot::{MAX_ITEM_BYTES, Snapshot};
use crate::domain::item::Item;
use crate::domain::lint::Rules;
use crate::domain::report::{self, Inputs, Period, Report, Source};

const MAGIC: &str = "warta-quality-cache";
/// Changes whenever the checklist's or the item's source changes (computed by `build.rs`).
const SCHEMA: &str = env!("WARTA_LINT_SCHEMA");

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

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

    fn quality_cache(&self) -> PathBuf {
        super::paths::caches(self.git_dir()).join("quality")
    }

    /// The evaluation report of a snapshot for a period, judged as of `today` (a day in
    /// the newsroom's zone); `only` limits it to one kecamatan.
    #[must_use]
    pub fn report(&self, snap: &Snapshot, period: Period, today: jiff::civil::Date, only: Option<&str>) -> Report {
        let config = &snap.config;
        let tz = config.timezone();
        let header = format!(
            "{MAGIC} {:016x}",
            fnv(&format!("{SCHEMA}\n{}", report::rules_fingerprint(config)))
        );
        let path = self.quality_cache();
        let use_cache = !super::cache::disabled();
        let mut known: HashMap<String, Vec<String>> = HashMap::new();
        if use_cache
            && let Ok(text) = std::fs::read_to_string(&path)
            && let Some(body) = text.strip_prefix(&header).and_then(|b| b.strip_prefix('\n'))
        {
            for line in body.lines() {
                let (id, rules) = line.split_once(' ').unwrap_or((line, ""));
                let rules = rules.split(',').filter(|r| !r.is_empty()).map(str::to_string).collect();
                known.insert(id.to_string(), rules);
            }
        }
        // Only the first submissions that fall in the period are needed; those not in the
        // cache are read and checked (a year of a large newsroom is a few thousand).
        let rules = Rules::from_config(config);
        let mut first_failures = HashMap::new();
        let mut added = false;
        for e in &snap.items {
            if only.is_some_and(|k| k != e.item.front.kecamatan) {
                continue;
            }
            let events = &e.review.events;
            let Some(c) = report::first_submit_content(events) else {
                continue;
            };
            if !report::wants_first_version(events, period, &tz) {
                continue;
            }
            let failing = match known.get(c) {
                Some(f) => f.clone(),
                None => {
                    let Some(item) = self.item_of_content(c) else { continue };
                    let f = report::failing_rules(&rules, &item, config);
                    known.insert(c.to_string(), f.clone());
                    added = true;
                    f
                }
            };
            first_failures.insert(c.to_string(), failing);
        }
        if use_cache && added {
            let mut text = header;
            text.push('\n');
            for (id, rules) in &known {
                text.push_str(id);
                text.push(' ');
                text.push_str(&rules.join(","));
                text.push('\n');
            }
            // A cache that cannot be written (read-only repository) is simply not kept.
            let _ = write_atomic(&path, text.as_bytes(), Access::Shared);
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
            config,
            period,
            today,
            items,
            first_failures: &first_failures,
            only,
        })
    }
}
