//! Spelling in the editor: the speller the runtime loads, the marks of the paragraphs
//! on screen, and the popup that jumps to the next marked word with suggestions.
//!
//! Checking never runs on the keystroke: the body view asks for the marks of the
//! paragraphs it draws, and each paragraph's marks are kept by its text (the speller
//! also remembers each word's verdict), so a keystroke costs at most the words of the
//! paragraph it changed. The word under the cursor is not marked while it is typed.

use std::sync::Arc;

use super::editor::Field;
use super::msg::Effect;
pub use super::spelling_model::{Marks, SpellMsg, SpellPopup, Spelling};
use super::state::{Severity, State};
use crate::domain::config::Role;
use crate::i18n::{self, Key};

/// After every message: ask for a speller when the newsroom's configuration is new,
/// and say once, quietly, in the editor that spelling is not checked.
pub fn after(state: &mut State) -> Vec<Effect> {
    let mut out = Vec::new();
    let seen = state.snapshot.as_ref().map_or(0, |s| Arc::as_ptr(s) as usize);
    if seen != state.spelling.seen {
        state.spelling.seen = seen;
        if let Some(snap) = state.snapshot.as_ref().filter(|s| !s.partial)
            && state.spelling.asked_for.as_deref() != Some(&snap.config)
        {
            state.spelling.asked_for = Some(Box::new(snap.config.clone()));
            out.push(Effect::LoadSpeller {
                config: Box::new(snap.config.clone()),
                person: state.me.clone(),
            });
        }
    }
    if state.spelling.missing && !state.spelling.noticed && state.editor.is_some() && state.status.is_none() {
        state.spelling.noticed = true;
        state.status = Some((Severity::Info, Key::SpellNoDictionary.text(state.lang).to_string()));
    }
    out
}

/// Handle a spelling message.
pub fn update(state: &mut State, msg: SpellMsg) -> Vec<Effect> {
    match msg {
        SpellMsg::Ready(s) => {
            state.spelling.missing = s.is_none();
            state.spelling.speller = s;
            state.spelling.forget();
        }
        SpellMsg::Next => next(state),
        SpellMsg::Up | SpellMsg::Down => {
            if let Some(p) = state.spelling.popup.as_mut() {
                let n = p.suggestions.len();
                if n > 0 {
                    p.selected = if matches!(msg, SpellMsg::Up) {
                        (p.selected + n - 1) % n
                    } else {
                        (p.selected + 1) % n
                    };
                }
            }
        }
        SpellMsg::Choose => choose(state),
        SpellMsg::Close => state.spelling.popup = None,
        SpellMsg::AddMine => {
            let (Some(p), Some(person)) = (state.spelling.popup.take(), state.me.clone()) else {
                return Vec::new();
            };
            learn(state, &p.word);
            state.status = Some((
                Severity::Info,
                i18n::fmt(
                    state.lang,
                    Key::SpellPersonalAdded,
                    &[&crate::domain::text::clean_line(&p.word)],
                ),
            ));
            return vec![Effect::AddPersonalWord { person, word: p.word }];
        }
        SpellMsg::AddNewsroom => {
            if !may_add_newsroom_words(state) {
                let why = i18n::denial(state.lang, &crate::domain::workflow::Denial::ConfigChange);
                state.status = Some((Severity::Error, why));
                return Vec::new();
            }
            let (Some(p), Some(actor)) = (state.spelling.popup.take(), state.me.clone()) else {
                return Vec::new();
            };
            learn(state, &p.word);
            let job = state.jobs.start();
            return vec![Effect::AddNewsroomWords {
                actor,
                words: vec![p.word],
                job,
            }];
        }
        SpellMsg::WordsAdded(words) => {
            let text = if words.is_empty() {
                Key::SpellWordsKnown.text(state.lang).to_string()
            } else {
                let shown = crate::domain::text::clean_line(&words.join(", "));
                i18n::fmt(state.lang, Key::SpellWordsAdded, &[&shown])
            };
            state.status = Some((Severity::Info, text));
        }
    }
    Vec::new()
}

/// Whether the person may add to the newsroom's list (approvers and admins).
#[must_use]
pub fn may_add_newsroom_words(state: &State) -> bool {
    state
        .snapshot
        .as_ref()
        .zip(state.me.as_deref())
        .and_then(|(s, me)| s.config.person(me).map(|p| p.has(Role::Approver) || p.has(Role::Admin)))
        .unwrap_or(false)
}

/// The word is accepted from now on, in this session too.
fn learn(state: &State, word: &str) {
    if let Some(s) = &state.spelling.speller {
        s.add_words([word]);
    }
    state.spelling.forget();
}

/// The next misspelled word after the cursor (wrapping around), with its suggestions.
fn next(state: &mut State) {
    let Some(ed) = state.editor.as_mut() else { return };
    if state.spelling.speller.is_none() {
        return;
    }
    let lines = ed.body.lines().to_vec();
    if lines.is_empty() {
        return;
    }
    let ratatui_textarea::DataCursor(row, col) = ed.body.cursor();
    let at = super::prose::byte_of_char(&lines[row.min(lines.len() - 1)], col);
    // From the popup's word on, or from the cursor: the word at the cursor comes next.
    let (from_line, from_byte) = match &state.spelling.popup {
        Some(p) => (p.line, p.range.1),
        None => (row, word_start(&lines[row.min(lines.len() - 1)], at)),
    };
    let n = lines.len();
    let mut found = None;
    for step in 0..=n {
        let l = (from_line + step) % n;
        let marks = state.spelling.marks(&lines[l]);
        let hit = if step == 0 {
            marks.iter().find(|(s, _)| *s >= from_byte)
        } else if step == n {
            // Back at the first line: the words before where the search began.
            marks.iter().find(|(s, _)| *s < from_byte)
        } else {
            marks.first()
        };
        if let Some(&(s, e)) = hit {
            found = Some((l, s, e));
            break;
        }
    }
    let Some((l, s, e)) = found else {
        state.spelling.popup = None;
        state.status = Some((Severity::Info, Key::SpellNoMore.text(state.lang).to_string()));
        return;
    };
    ed.field = Field::Body;
    ed.apply_focus();
    let char_col = lines[l][..s].chars().count();
    ed.body
        .move_cursor(ratatui_textarea::CursorMove::Jump(clamp16(l), clamp16(char_col)));
    let word = lines[l][s..e].to_string();
    let suggestions = state
        .spelling
        .speller
        .as_ref()
        .map(|sp| sp.suggest(&word))
        .unwrap_or_default();
    state.status = None;
    state.spelling.popup = Some(SpellPopup {
        line: l,
        range: (s, e),
        word,
        suggestions,
        selected: 0,
    });
}

/// Where the word around byte `at` starts.
fn word_start(line: &str, at: usize) -> usize {
    line[..at.min(line.len())]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map_or(at, |(i, _)| i)
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Replace the word with the chosen suggestion, as one undoable change.
fn choose(state: &mut State) {
    let Some(p) = state.spelling.popup.take() else { return };
    let Some(with) = p.suggestions.get(p.selected).cloned() else {
        return;
    };
    let Some(ed) = state.editor.as_mut() else { return };
    let lines = ed.body.lines();
    // The text may not have changed under the popup (it holds the keys), but be sure.
    if lines.get(p.line).and_then(|l| l.get(p.range.0..p.range.1)) != Some(p.word.as_str()) {
        return;
    }
    let col = lines[p.line][..p.range.0].chars().count();
    ed.body
        .move_cursor(ratatui_textarea::CursorMove::Jump(clamp16(p.line), clamp16(col)));
    ed.body.delete_str(p.word.chars().count());
    ed.body.insert_str(&with);
    ed.journal_pending = true;
}
