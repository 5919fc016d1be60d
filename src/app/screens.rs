//! The state of each screen, owned by that screen: what the login, list and item
//! screens remember between keys. Leaving a screen resets its state in one place.

use std::sync::Arc;

use crate::domain::diff::{ItemDiff, Pair};
use crate::domain::item::Item;
use crate::query::{Filters, Queue, Row};

/// The login screen of the demo: whom to log in as.
#[derive(Debug, Default)]
pub struct Login {
    /// People to choose from.
    pub choices: Vec<String>,
    /// Selected row.
    pub selected: usize,
}

/// The list screen.
#[derive(Debug)]
pub struct ListView {
    /// The current queue.
    pub queue: Queue,
    /// List filters.
    pub filters: Filters,
    /// The search query.
    pub search: String,
    /// Whether keys go to the search field.
    pub searching: bool,
    /// The rows of the list, derived from snapshot, queue, filters and search.
    pub rows: Vec<Row>,
    /// Selected row.
    pub selected: usize,
    /// How many rows at the end of "My work" are the person's own items waiting for
    /// others (`waiting.rs`).
    pub waiting: usize,
}

impl Default for ListView {
    fn default() -> Self {
        Self {
            queue: Queue::Mine,
            filters: Filters::default(),
            search: String::new(),
            searching: false,
            rows: Vec::new(),
            selected: 0,
            waiting: 0,
        }
    }
}

/// The item screen: the open item and how it is being read.
#[derive(Debug, Default)]
pub struct ItemView {
    /// The open item's slug.
    pub open: Option<String>,
    /// Scroll offset, in lines.
    pub scroll: u16,
    /// The selected paragraph (1-based; 0 = none).
    pub paragraph: usize,
    /// Whether the view follows the selected paragraph (until the user scrolls).
    pub follow_paragraph: bool,
    /// The event whose version the diff compares against, while the diff is shown.
    pub diff_base: Option<usize>,
    /// The event whose version is shown instead of the current content.
    pub version_view: Option<usize>,
    /// The open item's content at each event, once loaded.
    pub versions: Option<(String, Vec<Option<Item>>)>,
    /// Diffs of the open item, by pair of versions: `None` while the worker computes
    /// it. Drawing only reads these; it never computes a diff.
    pub diffs: Vec<(Pair, Option<Arc<ItemDiff>>)>,
    /// The thread a reply goes to.
    pub reply_to: Option<u32>,
    /// The content id of the item when the person chose an action on it: the action
    /// carries it, so a change made meanwhile refuses it instead of being approved unread.
    pub deciding_on: Option<String>,
}

impl ItemView {
    /// Forget how the item was being read (a new item opens, or the view closes),
    /// keeping which item is open.
    pub fn reset(&mut self) {
        *self = Self {
            open: self.open.take(),
            ..Self::default()
        };
    }
}
