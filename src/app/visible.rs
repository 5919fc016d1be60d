//! What the acting person may still be shown: a session ends when its person is removed
//! from `warta.toml` or their account expires, and lists built across items (tags)
//! hold only what the person may see.
//!
//! Pure like the rest of `app`: the time is `State::now`, the rules are the
//! snapshot's `warta.toml`, and writing the journal is an effect for the loop.

use super::msg::{Effect, Msg};
use super::state::{Popup, Screen, State};
pub use super::tags::tags;
use super::update_editor;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::query::Filters;
use crate::store::Snapshot;

/// Why the session's person may no longer use warta at `snap`'s head, if so.
///
/// `warta session` refuses such a person at the start; an open session must not
/// outlive that check, so it is made again at every load and every tick. A caller
/// who was never a person (`me` is `None`) is not ended: they see published items
/// only, as from the start.
#[must_use]
pub fn refusal(state: &State, snap: &Snapshot) -> Option<String> {
    let me = state.me.as_deref()?;
    let lang = state.lang;
    match snap.config.person(me) {
        None => {
            // The name is gone with the person; the last snapshot still has it.
            let name = state.person().map_or(me, |p| p.name.as_str());
            Some(i18n::fmt(lang, Key::TuiEndedRemoved, &[&clean_line(name)]))
        }
        Some(p) => {
            let today = state.now.to_zoned(snap.config.timezone()).date();
            p.active_until
                .filter(|_| !p.active_on(today))
                .map(|until| i18n::fmt(lang, Key::TuiEndedExpired, &[&clean_line(&p.name), &until]))
        }
    }
}

/// End the session: what is typed in the editor goes to the journal (the returned
/// effects), a message being composed is kept in the reason shown, every piece of
/// the newsroom is dropped from the state, and the loop is told to stop.
pub fn end(state: &mut State, reason: String) -> Vec<Effect> {
    let lang = state.lang;
    let effects = update_editor::handle(state, Msg::Hangup);
    let mut text = reason;
    if effects.iter().any(|e| matches!(e, Effect::WriteJournal(_))) {
        text.push(' ');
        text.push_str(Key::TuiEndedKept.text(lang));
    }
    // A comment being written has no journal: it is handed back in the message.
    let typed = match state.popup.take() {
        Some(Popup::Compose { text, .. }) => Some(text),
        _ => state.stash.take().map(|(_, t)| t),
    };
    if let Some(t) = typed.filter(|t| !t.trim().is_empty()) {
        text.push(' ');
        text.push_str(&i18n::fmt(lang, Key::TuiEndedUnsent, &[&t.trim()]));
    }
    state.snapshot = None;
    state.list.rows.clear();
    state.list.selected = 0;
    state.item.open = None;
    state.popup = None;
    state.stash = None;
    state.editor = None;
    state.pending_offer = None;
    state.item.versions = None;
    state.item.version_view = None;
    state.item.diff_base = None;
    state.item.reply_to = None;
    state.others.clear();
    state.list.search.clear();
    state.list.searching = false;
    state.list.filters = Filters::default();
    state.login.choices.clear();
    state.screen = Screen::List;
    state.status = None;
    state.jobs.clear();
    state.ended = Some(text);
    state.quit = true;
    effects
}

/// A message after the end: only a failure to write the journal still matters, and it
/// replaces the promise that the text was kept.
pub fn after_end(state: &mut State, msg: Msg) {
    let (Some(text), Msg::Refused(failure)) = (state.ended.as_mut(), msg) else {
        return;
    };
    let kept = format!(" {}", Key::TuiEndedKept.text(state.lang));
    *text = text.replacen(&kept, "", 1);
    text.push(' ');
    text.push_str(&failure);
}
