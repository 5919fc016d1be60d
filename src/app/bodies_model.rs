//! What the app asks of the bodies a lean snapshot left in git, and what it keeps of
//! the answers (`bodies.rs` does the asking).

use std::sync::Arc;

use crate::query::BodyHits;
use crate::store::Oid;

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
}
