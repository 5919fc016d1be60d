//! The bodies thread: what a lean snapshot left in git, read when the app asks. It
//! reads an item whole for the screen that shows it, and answers a search's body test
//! from the compact index's word index, so the UI thread never waits on git and the
//! TUI never holds every body.
//!
//! It has its own handle on the newsroom. The index and word index of the last search
//! are kept (one commit, one person) while searches at that commit go on.

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

use super::incoming::Incoming;
use crate::app::jobs::JobId;
use crate::app::{Ask, Msg};
use crate::domain::word_index::WordIndex;
use crate::query::{BodyHits, body_hits};
use crate::store::{Index, Newsroom, Oid};

/// The index and words of the last search, for one commit and person.
type Kept = Option<(Oid, Option<String>, Index, WordIndex)>;

/// The body test of `words` at `commit` for `person`, reusing what `kept` holds.
fn hits(room: &Newsroom, kept: &mut Kept, commit: Oid, person: Option<String>, words: &[String]) -> BodyHits {
    let fresh = kept.as_ref().is_none_or(|(c, p, _, _)| *c != commit || *p != person);
    if fresh {
        *kept = None;
        let read = room.index_at(commit).and_then(|index| {
            let who = person.as_deref().and_then(|p| index.config.person(p)).cloned();
            let index = index.seen_by(who.as_ref());
            let words = room.words(&index)?;
            Ok((index, words))
        });
        if let Ok((index, words)) = read {
            *kept = Some((commit, person.clone(), index, words));
        }
    }
    match kept {
        Some((_, _, index, found)) => body_hits(room, index, found, person.as_deref(), words),
        // Unreadable: no body holds the words, and the title and tags still match.
        None => BodyHits {
            commit,
            person,
            words: words.to_vec(),
            slugs: std::collections::HashSet::new(),
            at: crate::domain::word_index::Bits::none(0),
            items: 0,
        },
    }
}

/// The answer to one request.
fn answer(room: &Newsroom, kept: &mut Kept, ask: Ask) -> Msg {
    match ask {
        Ask::Whole { commit, slug } => {
            let entry = match room.entry_at(commit, &slug) {
                Ok(Some(Ok(e))) => Some(Arc::new(e)),
                _ => None,
            };
            Msg::WholeRead { commit, slug, entry }
        }
        Ask::Notices { commit, since } => {
            let events = since
                .parse::<jiff::Timestamp>()
                .ok()
                .and_then(|since| room.events_since(commit, since).ok())
                .unwrap_or_default();
            Msg::NoticesFound(events)
        }
        Ask::Hits { commit, person, words } => Msg::BodiesFound(Arc::new(hits(room, kept, commit, person, &words))),
    }
}

/// Start the bodies thread on its own handle of the newsroom.
#[must_use]
pub fn spawn(room: Newsroom, out: Sender<Incoming>) -> Sender<(Ask, JobId)> {
    let (tx, rx) = mpsc::channel::<(Ask, JobId)>();
    std::thread::spawn(move || {
        let mut kept: Kept = None;
        while let Ok(first) = rx.recv() {
            // Keys typed in a burst ask about every prefix of the query: only the last
            // search waiting is answered; the others are only closed.
            let mut batch = vec![first];
            batch.extend(rx.try_iter());
            // An item a screen waits for goes before a search or the notices.
            batch.sort_by_key(|(a, _)| !matches!(a, Ask::Whole { .. }));
            let last_hits = batch.iter().rposition(|(a, _)| matches!(a, Ask::Hits { .. }));
            for (i, (ask, job)) in batch.into_iter().enumerate() {
                let stale = matches!(ask, Ask::Hits { .. }) && Some(i) != last_hits;
                if !stale && out.send(Incoming::Local(answer(&room, &mut kept, ask))).is_err() {
                    return;
                }
                if out.send(Incoming::Local(Msg::Finished(job))).is_err() {
                    return;
                }
            }
        }
    });
    tx
}
