//! The tags a person may be offered, apart from `visible.rs` so the editor's update
//! can offer them without importing the session's end (which hands the editor a
//! hangup).

use crate::domain::config::Person;
use crate::domain::workflow::can_see;
use crate::store::Snapshot;

/// The tags to offer a person (filter, completion): the vocabulary and the tags of the
/// items they may see, sorted, once each. A tag used only on a hidden draft would
/// tell what that draft is about.
#[must_use]
pub fn tags(snap: &Snapshot, me: Option<&Person>) -> Vec<String> {
    let mut tags: Vec<String> = snap
        .config
        .tags
        .iter()
        .cloned()
        .chain(
            snap.items
                .iter()
                .filter(|e| can_see(me, &e.facts()))
                .flat_map(|e| e.item.front.tags.iter().cloned()),
        )
        .collect();
    tags.sort();
    tags.dedup();
    tags
}
