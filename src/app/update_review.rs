//! `update` for reviewing: paragraph selection, threads, the diff and the history.

use super::msg::{Effect, Msg};
use super::state::{Popup, Severity, State};
use crate::domain::diff::Pair;
use crate::domain::review::{ActionKind, Thread};
use crate::i18n::Key;
use crate::store::Request;

/// The open threads located at the selected paragraph (or all open ones when none is selected).
fn threads_here(state: &State) -> Vec<Thread> {
    let Some(e) = state.current() else { return Vec::new() };
    let paras = e.item.paragraphs();
    e.state
        .threads
        .iter()
        .filter(|t| !t.resolved)
        .filter(|t| state.item.paragraph == 0 || t.locate(&paras) == Some(state.item.paragraph - 1))
        .cloned()
        .collect()
}

/// The event a diff starts from by default: the last request for changes, else the last
/// submit, else creation.
#[must_use]
pub fn default_base(state: &State) -> Option<usize> {
    let e = state.current()?;
    if let Some(base) = crate::domain::correction::diff_base(&e.review) {
        return Some(base);
    }
    let last = |a: ActionKind| e.review.events.iter().rposition(|ev| ev.action == a);
    last(ActionKind::RequestChanges)
        .or_else(|| last(ActionKind::Submit))
        .or((!e.review.events.is_empty()).then_some(0))
}

fn need_versions(state: &mut State) -> Vec<Effect> {
    let Some(slug) = state.item.open.clone() else {
        return Vec::new();
    };
    let events = state.current().map_or(0, |e| e.review.events.len());
    if state
        .item
        .versions
        .as_ref()
        .is_some_and(|(s, v)| *s == slug && v.len() == events)
    {
        return Vec::new();
    }
    let job = state.jobs.start();
    vec![Effect::LoadHistory { slug, job }]
}

/// The pair of versions the diff view compares, once the older one is loaded.
#[must_use]
pub fn diff_pair(state: &State) -> Option<Pair> {
    let (Some(base), None) = (state.item.diff_base, state.item.version_view) else {
        return None;
    };
    let e = state.current()?;
    let loaded = state
        .item
        .versions
        .as_ref()
        .is_some_and(|(s, v)| *s == e.slug && v.get(base).is_some_and(Option::is_some));
    loaded.then(|| Pair {
        slug: e.slug.clone(),
        base,
        content: e.content.clone(),
    })
}

/// How many diffs of the open item are kept (each pair seen, newest last).
const KEPT_DIFFS: usize = 8;

/// Ask the worker for the diff the view needs, unless it is known or on its way.
/// The diff is never computed here: a long one would hold every key and signal.
pub fn need_diff(state: &mut State) -> Vec<Effect> {
    let Some(pair) = diff_pair(state) else {
        return Vec::new();
    };
    if state.item.diffs.iter().any(|(p, _)| *p == pair) {
        return Vec::new();
    }
    let old = state
        .item
        .versions
        .as_ref()
        .and_then(|(_, v)| v.get(pair.base).cloned().flatten());
    // A lean entry's body is on its way: the diff is asked for when it is here.
    let (Some(old), Some(new)) = (old, state.current().filter(|e| !e.lean).map(|e| e.item.clone())) else {
        return Vec::new();
    };
    if state.item.diffs.len() >= KEPT_DIFFS {
        // The oldest finished one goes; one still computing keeps its place.
        if let Some(i) = state.item.diffs.iter().position(|(_, d)| d.is_some()) {
            state.item.diffs.remove(i);
        }
    }
    state.item.diffs.push((pair.clone(), None));
    let job = state.jobs.start();
    vec![Effect::Diff {
        pair,
        old: Box::new(old),
        new: Box::new(new),
        job,
    }]
}

/// The effects of `need_versions` and then `need_diff`.
fn need_both(state: &mut State) -> Vec<Effect> {
    let mut effects = need_versions(state);
    effects.extend(need_diff(state));
    effects
}

/// Handle the review messages.
pub fn handle(state: &mut State, msg: Msg) -> Vec<Effect> {
    let count = state.current().map_or(0, |e| e.item.paragraphs().len());
    match msg {
        Msg::NextParagraph => {
            state.item.paragraph = (state.item.paragraph + 1).min(count);
            state.item.follow_paragraph = true;
        }
        Msg::PrevParagraph => {
            state.item.paragraph = state.item.paragraph.saturating_sub(1);
            state.item.follow_paragraph = true;
        }
        Msg::Reply | Msg::ResolveThread => {
            let Some(thread) = threads_here(state).first().map(|t| t.id) else {
                state.status = Some((Severity::Error, Key::TuiNoThreadHere.text(state.lang).to_string()));
                return Vec::new();
            };
            if matches!(msg, Msg::Reply) {
                state.item.reply_to = Some(thread);
                state.popup = Some(Popup::Compose {
                    action: ActionKind::Reply,
                    text: String::new(),
                    required: true,
                });
            } else {
                let (Some(slug), Some(actor)) = (state.item.open.clone(), state.me.clone()) else {
                    return Vec::new();
                };
                let job = state.jobs.start();
                return vec![Effect::Apply {
                    actor,
                    request: Box::new(Request::Resolve { slug, thread }),
                    job,
                }];
            }
        }
        Msg::ToggleDiff => {
            state.item.version_view = None;
            state.item.diff_base = match state.item.diff_base {
                Some(_) => None,
                None => default_base(state),
            };
            return need_both(state);
        }
        Msg::DiffOlder | Msg::DiffNewer => {
            let last = state.current().map_or(0, |e| e.review.events.len().saturating_sub(1));
            let base = state.item.diff_base.or_else(|| default_base(state)).unwrap_or(0);
            state.item.diff_base = Some(if matches!(msg, Msg::DiffOlder) {
                base.saturating_sub(1)
            } else {
                (base + 1).min(last)
            });
            state.item.version_view = None;
            return need_both(state);
        }
        Msg::ShowHistory => {
            let last = state.current().map_or(0, |e| e.review.events.len().saturating_sub(1));
            state.popup = Some(Popup::History { selected: last });
            return need_versions(state);
        }
        Msg::VersionsLoaded { slug, versions } => {
            state.item.versions = Some((slug, versions));
            return need_diff(state);
        }
        Msg::DiffReady { pair, diff } => {
            // A diff for an item since left is dropped.
            if let Some((_, slot)) = state.item.diffs.iter_mut().find(|(p, _)| *p == pair) {
                *slot = Some(diff);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Leaving an item forgets its review state.
pub fn reset(state: &mut State) {
    state.item.reset();
}
