//! One item as read from a commit, and a file that could not be read: what the snapshot,
//! its cache and every reader above the store hold. A leaf of the store.

use std::sync::Arc;

use crate::domain::item::Item;
use crate::domain::review::{Review, ReviewState, Status};
use crate::domain::workflow::ItemFacts;

/// One item as read from a commit.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The item folder's name (see `domain::layout` for where it lies).
    pub slug: String,
    /// The parsed `index.md`.
    pub item: Item,
    /// Tree id of the item's folder: the content hash approvals pin.
    pub content: String,
    /// The review log.
    pub review: Review,
    /// Derived from the log.
    pub state: ReviewState,
    /// Other files in the item's folder (photos).
    pub files: Vec<String>,
    /// Blob id of the review log ("" when there is none).
    pub review_id: String,
    /// While a correction is under way: the public version (what the last `publish`
    /// pinned), read from git; `None` otherwise (see [`Entry::public`]).
    pub pinned: Option<Arc<Version>>,
    /// Whether some of the item was left in git to keep memory small (a lean snapshot,
    /// see [`Entry::leave`]): `item.body` (and the public version's) is then empty; the
    /// entry reads whole with `Newsroom::entry_at`.
    pub lean: bool,
}

impl Entry {
    /// Whether the last approval still matches the content.
    #[must_use]
    pub fn approval_valid(&self) -> bool {
        self.current().approval_valid()
    }

    /// Whether the item was approved once but changed since.
    #[must_use]
    pub fn approval_stale(&self) -> bool {
        self.state.approved_content.is_some() && !self.approval_valid() && self.state.status == Status::Approved
    }

    /// The item as the rule book sees it.
    #[must_use]
    pub fn current(&self) -> crate::domain::rules::Current<'_> {
        crate::domain::rules::Current {
            item: &self.item,
            review: &self.review,
            state: &self.state,
            content: &self.content,
        }
    }

    /// The facts the permission check needs.
    #[must_use]
    pub fn facts(&self) -> ItemFacts<'_> {
        self.current().facts()
    }

    /// Time of the last event (RFC 3339), or the creation time.
    #[must_use]
    pub fn updated(&self) -> String {
        self.review
            .updated()
            .map(str::to_string)
            .or_else(|| self.item.front.created.map(|c| c.to_string()))
            .unwrap_or_default()
    }

    /// Leave in git what only a screen showing the item reads ([`Leave`]); the entry is
    /// then lean. The body (and the public version's) goes; with the logs, so does the
    /// log but its last event, bare (the time of the last update), and the threads'
    /// comments. What was replayed from the log stays: the status, the approval, the
    /// threads and whether they are resolved.
    pub fn leave(&mut self, what: Leave) {
        if what == Leave::Nothing {
            return;
        }
        self.item.body = String::new();
        if let Some(p) = &mut self.pinned {
            Arc::make_mut(p).item.body = String::new();
        }
        if what == Leave::BodiesAndLogs {
            let last = self
                .review
                .events
                .pop()
                .map(|ev| crate::domain::review::Event::new(ev.at, &ev.actor, ev.action));
            self.review.events = last.into_iter().collect();
            for t in &mut self.state.threads {
                t.comments = Vec::new();
                t.anchor = None;
            }
        }
        self.lean = true;
    }

    /// Number of unresolved comment threads.
    #[must_use]
    pub fn open_threads(&self) -> usize {
        self.state.threads.iter().filter(|t| !t.resolved).count()
    }
}

/// What of its items a snapshot leaves in git, to keep memory small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Nothing: every entry is whole.
    Nothing,
    /// The bodies: the logs are all there (what the evaluation report reads).
    Bodies,
    /// The bodies and the logs but their last events (what the TUI holds; what happened
    /// since a person's last visit is read from git, `Newsroom::events_since`).
    BodiesAndLogs,
}

/// A file that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// Item slug (folder name) it belongs to.
    pub slug: String,
    /// Path inside the repository.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// Why it is broken.
    pub reason: String,
}

/// One version of an item as it was published.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The content id.
    pub content: String,
    /// The item.
    pub item: Item,
    /// The other files of its folder (photos).
    pub files: Vec<String>,
}
