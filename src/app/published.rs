//! After publication in the TUI: the popups of `correct` (`R`), `takedown` (`T`),
//! `restore` (`U`) and of publishing a correction (its note for readers), and the
//! "Versi terbit" screen (`V` in the item view): each published version, and the
//! changes from the version before the selected one.
//!
//! The versions are the item's content at its `publish` events (loaded with the
//! history, `Effect::LoadHistory`); their diff is computed on the worker like the item
//! view's (`Effect::Diff`) and kept with the item's other diffs.

use std::sync::Arc;

use super::msg::{Effect, Msg};
pub use super::published_model::Published;
use super::state::{Popup, Screen, State};
use crate::domain::correction::{Publication, publications, started_with};
use crate::domain::diff::{ItemDiff, Pair};
use crate::domain::review::ActionKind;
use crate::i18n::Key;

/// The popup an after-publication action opens, if `action` is one (asked after
/// `State::may` allowed it): a correction's words, a takedown's reason (required), a
/// question before restoring, and the readers' note when publishing a correction
/// (filled with the words the correction was started with).
#[must_use]
pub fn popup(state: &mut State, action: ActionKind) -> Option<Popup> {
    let correcting = state.current().is_some_and(|e| e.state.correcting());
    match action {
        ActionKind::Correct | ActionKind::Takedown => Some(Popup::Compose {
            action,
            text: stashed(state, action),
            required: action == ActionKind::Takedown,
        }),
        ActionKind::Restore => Some(Popup::Confirm(action)),
        ActionKind::Publish if correcting => {
            let note = state
                .current()
                .and_then(|e| started_with(&e.review).map(str::to_string))
                .unwrap_or_default();
            let stashed = stashed(state, action);
            Some(Popup::Compose {
                action,
                text: if stashed.is_empty() { note } else { stashed },
                required: true,
            })
        }
        _ => None,
    }
}

/// Text typed for the same action and cancelled with Esc, if any.
fn stashed(state: &mut State, action: ActionKind) -> String {
    match state.stash.take() {
        Some((a, t)) if a == action => t,
        other => {
            state.stash = other;
            String::new()
        }
    }
}

/// The line above a message being written for these actions, if it needs its own.
#[must_use]
pub fn compose_hint(state: &State, action: ActionKind) -> Option<Key> {
    match action {
        ActionKind::Correct => Some(Key::TuiCorrectHint),
        ActionKind::Takedown => Some(Key::TuiTakedownHint),
        ActionKind::Publish if state.current().is_some_and(|e| e.state.correcting()) => {
            Some(Key::TuiCorrectionNoteHint)
        }
        _ => None,
    }
}

/// Open the screen on the current item's last published version.
pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(e) = state.current() else { return Vec::new() };
    let all = publications(&e.review);
    if all.is_empty() {
        state.status = Some((
            super::state::Severity::Error,
            Key::TuiNoVersions.text(state.lang).to_string(),
        ));
        return Vec::new();
    }
    state.published = Some(Published {
        slug: e.slug.clone(),
        selected: all.len() - 1,
        scroll: 0,
    });
    need(state)
}

/// Handle a message while the screen is open; `None` leaves it to the main update.
pub fn update(state: &mut State, msg: &Msg) -> Option<Vec<Effect>> {
    if state.screen != Screen::Item || state.popup.is_some() || state.published.is_none() {
        return None;
    }
    if state.current_is_lean() && matches!(msg, Msg::MoveUp | Msg::MoveDown) {
        // The log is on its way: the selection stays where it is.
        return Some(Vec::new());
    }
    let count = state.current().map_or(0, |e| publications(&e.review).len()).max(1);
    let view = state.published.as_mut()?;
    match msg {
        Msg::MoveUp => {
            view.selected = view.selected.saturating_sub(1);
            view.scroll = 0;
        }
        Msg::MoveDown => {
            view.selected = (view.selected + 1).min(count - 1);
            view.scroll = 0;
        }
        Msg::PageDown => view.scroll = view.scroll.saturating_add(10),
        Msg::PageUp => view.scroll = view.scroll.saturating_sub(10),
        Msg::Back => {
            state.published = None;
            return Some(Vec::new());
        }
        Msg::VersionsLoaded { slug, versions } => {
            let again = Msg::VersionsLoaded {
                slug: slug.clone(),
                versions: versions.clone(),
            };
            let mut effects = super::update_review::handle(state, again);
            effects.extend(need(state));
            return Some(effects);
        }
        _ => return None,
    }
    Some(need(state))
}

/// The two versions the screen compares: the one before the selected, and the selected.
fn pair(state: &State) -> Option<(Publication, Publication)> {
    let view = state.published.as_ref()?;
    let e = state.current().filter(|e| e.slug == view.slug)?;
    let all = publications(&e.review);
    let new = all.get(view.selected)?.clone();
    let old = all.get(view.selected.checked_sub(1)?)?.clone();
    Some((old, new))
}

fn key(slug: &str, old: &Publication, new: &Publication) -> Pair {
    Pair {
        slug: slug.to_string(),
        base: old.event - 1,
        content: new.content.clone(),
    }
}

/// Load the history, then ask the worker for the diff the screen shows, once. Not
/// while the item is lean: its log is on its way, and this is asked again when it
/// comes (`bodies.rs`).
pub fn need(state: &mut State) -> Vec<Effect> {
    let Some(slug) = state.published.as_ref().map(|v| v.slug.clone()) else {
        return Vec::new();
    };
    if state.current_is_lean() {
        return Vec::new();
    }
    let events = state.current().map_or(0, |e| e.review.events.len());
    let loaded = state
        .item
        .versions
        .as_ref()
        .filter(|(s, v)| *s == slug && v.len() == events)
        .map(|(_, v)| v.clone());
    let Some(versions) = loaded else {
        let job = state.jobs.start();
        return vec![Effect::LoadHistory { slug, job }];
    };
    let Some((old, new)) = pair(state) else {
        return Vec::new();
    };
    let pair = key(&slug, &old, &new);
    if state.item.diffs.iter().any(|(p, _)| *p == pair) {
        return Vec::new();
    }
    let item = |p: &Publication| versions.get(p.event - 1).cloned().flatten();
    let (Some(a), Some(b)) = (item(&old), item(&new)) else {
        return Vec::new();
    };
    state.item.diffs.push((pair.clone(), None));
    let job = state.jobs.start();
    vec![Effect::Diff {
        pair,
        old: Box::new(a),
        new: Box::new(b),
        job,
    }]
}

/// The diff shown: `None` for the first version (nothing before it) or until the
/// history is loaded, `Some(None)` while the worker computes it.
#[must_use]
pub fn shown(state: &State) -> Option<Option<Arc<ItemDiff>>> {
    let (old, new) = pair(state)?;
    let pair = key(&state.published.as_ref()?.slug, &old, &new);
    state
        .item
        .diffs
        .iter()
        .find(|(p, _)| *p == pair)
        .map(|(_, d)| d.clone())
}
