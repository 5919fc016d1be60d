//! The bodies a lean snapshot left in git (`Newsroom::snapshot_lean`): the item a
//! screen shows is asked for whole, and a search asks which bodies hold its words. The
//! answers come back as messages; until the whole item is here, what needs its body
//! waits and says so.
//!
//! It only asks and takes answers: reading is the runtime's bodies thread. What it
//! keeps is in `bodies_model.rs`.

use std::sync::Arc;

use super::bodies_model::Ask;
use super::msg::{Effect, Msg};
use super::state::{Severity, State};
use crate::i18n::{self, Key};
use crate::query::{BodyHits, query_words};
use crate::store::{Entry, Oid};

/// The items the screen shows, first the one it is about.
fn shown(state: &State) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(state.share.as_ref().map(|s| s.slug.clone()));
    out.extend(state.published.as_ref().map(|p| p.slug.clone()));
    out.extend(state.current().map(|e| e.slug.clone()));
    out
}

/// What to ask for after any message: the item on screen whole, the body test of the
/// search. Nothing for a snapshot that holds its bodies.
pub fn wanted(state: &mut State) -> Vec<Effect> {
    let Some(snap) = state.snapshot.clone().filter(|s| s.lean) else {
        return Vec::new();
    };
    if state.ended.is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let lean = shown(state)
        .into_iter()
        .find(|slug| snap.item(slug).is_some_and(|e| e.lean));
    if let Some(slug) = lean {
        let ask = (snap.commit, slug);
        if state.bodies.asked_whole.as_ref() != Some(&ask) {
            state.bodies.asked_whole = Some(ask.clone());
            let job = state.jobs.start();
            out.push(Effect::ReadBodies {
                ask: Ask::Whole {
                    commit: ask.0,
                    slug: ask.1,
                },
                job,
            });
        }
    }
    // What happened since the last visit: once, when the whole newsroom and the
    // last visit are known.
    if let Some(since) = state
        .last_seen
        .clone()
        .filter(|_| !snap.partial && !state.noticed && !state.bodies.asked_events)
    {
        state.bodies.asked_events = true;
        let job = state.jobs.start();
        out.push(Effect::ReadBodies {
            ask: Ask::Notices {
                commit: snap.commit,
                since,
            },
            job,
        });
    }
    let words = query_words(&state.list.search);
    let answered = state
        .bodies
        .hits
        .as_ref()
        .is_some_and(|h| h.commit == snap.commit && h.words == words && h.person == state.me);
    let ask = (snap.commit, words);
    if !ask.1.is_empty() && !answered && state.bodies.asked_hits.as_ref() != Some(&ask) {
        state.bodies.asked_hits = Some(ask.clone());
        let job = state.jobs.start();
        out.push(Effect::ReadBodies {
            ask: Ask::Hits {
                commit: ask.0,
                person: state.me.clone(),
                words: ask.1,
            },
            job,
        });
    }
    out
}

/// An item read whole: it takes the place of its lean entry, as the person may read it.
pub fn whole_read(state: &mut State, commit: Oid, slug: &str, entry: Option<Arc<Entry>>) {
    let who = state.person().cloned();
    let Some(entry) = entry else {
        // It could not be read (the repository failed under it): say so rather than
        // load for ever. It is asked again at the next commit.
        // The title the person sees on the item, not the folder's name.
        let title = state
            .snapshot
            .as_ref()
            .and_then(|s| s.item(slug))
            .map_or_else(|| slug.to_string(), |e| format!("\"{}\"", e.item.front.title));
        let text = i18n::fmt(state.lang, Key::TuiBodyUnreadable, &[&title]);
        state.status = Some((Severity::Error, text));
        return;
    };
    let Some(snap) = state.snapshot.as_mut() else {
        return;
    };
    if snap.commit != commit {
        return;
    }
    let Ok(i) = snap.items.binary_search_by(|e| e.slug.as_str().cmp(slug)) else {
        return;
    };
    if !snap.items[i].lean {
        return;
    }
    // As the person may read it: the public version of a correction they may not see,
    // and when that cannot be read, nothing (the lean entry stays).
    let entry = if entry.hidden_from(who.as_ref()) {
        match entry.as_published() {
            Some(public) => Arc::new(public),
            None => return,
        }
    } else {
        entry
    };
    Arc::make_mut(snap).items[i] = Arc::clone(&entry);
    state.bodies.whole.retain(|w| w.slug != entry.slug);
    if state.bodies.whole.len() >= KEPT {
        state.bodies.whole.remove(0);
    }
    state.bodies.whole.push(entry);
}

/// How many items read whole are kept for the next reload.
const KEPT: usize = 8;

/// After a reload: the items read whole that nobody changed (same folder, same log)
/// take their lean entries' places again, so a screen never goes back to "loading"
/// for an item that did not change, and nothing is read twice.
pub fn keep_whole(state: &mut State) {
    let Some(snap) = state.snapshot.as_mut().filter(|s| s.lean) else {
        return;
    };
    let same: Vec<(usize, Arc<Entry>)> = state
        .bodies
        .whole
        .iter()
        .filter_map(|w| {
            let i = snap.items.binary_search_by(|e| e.slug.as_str().cmp(&w.slug)).ok()?;
            let e = &snap.items[i];
            (e.lean && e.content == w.content && e.review_id == w.review_id).then(|| (i, Arc::clone(w)))
        })
        .collect();
    if same.is_empty() {
        return;
    }
    let snap = Arc::make_mut(snap);
    for (i, w) in same {
        snap.items[i] = w;
    }
}

/// A query's body test answered: the rows take it in.
pub fn found(state: &mut State, hits: Arc<BodyHits>) {
    if state.me != hits.person {
        return;
    }
    state.bodies.hits = Some(hits);
    super::rows::rebuild(state);
}

/// Route the messages of this module; any other is handed back.
pub fn update(state: &mut State, msg: Msg) -> Result<Vec<Effect>, Msg> {
    match msg {
        // Nothing of the newsroom comes back after the end.
        Msg::WholeRead { .. } | Msg::BodiesFound(_) | Msg::NoticesFound(_) if state.ended.is_some() => Ok(Vec::new()),
        Msg::WholeRead { commit, slug, entry } => {
            whole_read(state, commit, &slug, entry);
            // The merged text of a save, a diff and the published versions on screen
            // waited for the body and the log.
            super::update_editor::loaded(state);
            let mut effects = super::update_review::need_diff(state);
            effects.extend(super::published::need(state));
            Ok(effects)
        }
        Msg::BodiesFound(hits) => {
            found(state, hits);
            Ok(Vec::new())
        }
        Msg::NoticesFound(events) => {
            state.bodies.events = Some(events);
            super::notices::notices(state);
            Ok(Vec::new())
        }
        other => Err(other),
    }
}
