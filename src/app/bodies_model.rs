//! What the app asks of the bodies a lean snapshot left in git, and what it keeps of
//! the answers (`bodies.rs` does the asking).

use std::sync::Arc;

use crate::domain::review::Event;
use crate::query::BodyHits;
use crate::store::{Entry, Oid};

/// What the bodies thread is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Read an item whole at a commit; answered with `Msg::WholeRead`.
    Whole {
        /// The snapshot's commit.
        commit: Oid,
        /// The item.
        slug: String,
    },
    /// Every event logged after a time (a person's last visit); answered with
    /// `Msg::NoticesFound`.
    Notices {
        /// The snapshot's commit.
        commit: Oid,
        /// The last visit (RFC 3339).
        since: String,
    },
    /// Which bodies hold every word of a query; answered with `Msg::BodiesFound`.
    Hits {
        /// The snapshot's commit.
        commit: Oid,
        /// Whose search (what they may read).
        person: Option<String>,
        /// The query's words.
        words: Vec<String>,
    },
}

/// What was asked and found.
#[derive(Debug, Default)]
pub struct Bodies {
    /// The last item asked for whole.
    pub asked_whole: Option<(Oid, String)>,
    /// The last query asked about.
    pub asked_hits: Option<(Oid, Vec<String>)>,
    /// The last answer to a query's body test.
    pub hits: Option<Arc<BodyHits>>,
    /// The items last read whole (a few), to take their places again after a reload
    /// that left them as they were.
    pub whole: Vec<Arc<Entry>>,
    /// Whether the events since the last visit were asked for.
    pub asked_events: bool,
    /// The events since the last visit, with their items' slugs, once read.
    pub events: Option<Vec<(String, Event)>>,
}
