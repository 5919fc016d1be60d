//! What makes warta usable for someone who has never used a terminal program: filter
//! pickers (`pickers.rs`), reviewers' threads beside the text in the editor, and the
//! mouse and touch screen of a phone's SSH app (taps select and open, the wheel
//! scrolls). Its messages come in as [`Msg::Newcomer`](super::Msg); [`update`] sees every
//! message first and takes those that are its own.

use super::key::{KeyCode, KeyEvent, KeyModifiers};
use super::msg::{Effect, Msg};
pub use super::newcomer_model::{Action, ListGeometry, Newcomer, Spacer};
use super::pickers::{self, Kind};
use super::state::{Popup, Screen, State};
use crate::app::editor::Field;

/// Rows a wheel step moves.
const WHEEL_STEP: usize = 3;

/// Take the messages that are this part's: its own, the filter keys (which open
/// pickers) and every key while a picker is open. `None`: not ours, update goes on.
/// `dispatch` is the app's `update`, which the wheel and a tap go on to (passed in: it
/// calls this function).
pub fn update(state: &mut State, msg: &Msg, dispatch: fn(&mut State, Msg) -> Vec<Effect>) -> Option<Vec<Effect>> {
    if state.newcomer.picker.is_some() {
        match msg {
            Msg::Input(c) => pickers::typed(state, &c.to_string()),
            Msg::Paste(t) => pickers::typed(state, t),
            Msg::Backspace => pickers::backspace(state),
            Msg::MoveUp => pickers::step(state, -1),
            Msg::MoveDown => pickers::step(state, 1),
            Msg::PageUp => pickers::step(state, -10),
            Msg::PageDown => pickers::step(state, 10),
            Msg::Open | Msg::Confirm => pickers::apply(state),
            Msg::Back => state.newcomer.picker = None,
            Msg::Newcomer(Action::Wheel { down }) => pickers::step(state, if *down { 1 } else { -1 }),
            // Anything from the runtime (a reload, a tick) and quitting go on as usual.
            _ => return None,
        }
        return Some(Vec::new());
    }
    let kind = match msg {
        Msg::CycleStatus => Kind::Status,
        Msg::CycleKecamatan => Kind::Kecamatan,
        Msg::CycleTag => Kind::Tag,
        Msg::Newcomer(action) => return Some(act(state, *action, dispatch)),
        _ => return None,
    };
    pickers::open(state, kind);
    Some(Vec::new())
}

fn act(state: &mut State, action: Action, dispatch: fn(&mut State, Msg) -> Vec<Effect>) -> Vec<Effect> {
    match action {
        Action::ToggleThreads => {
            state.newcomer.threads_beside = !state.newcomer.threads_beside;
            Vec::new()
        }
        Action::Wheel { down } => wheel(state, down, dispatch),
        Action::Click { column, row } => click(state, column, row, dispatch),
    }
}

/// The wheel scrolls what is under it: the help, a list, the item, the editor's body.
fn wheel(state: &mut State, down: bool, dispatch: fn(&mut State, Msg) -> Vec<Effect>) -> Vec<Effect> {
    let mut effects = Vec::new();
    let editing_body = state.screen == Screen::Editor
        && state.popup.is_none()
        && state.mode() == super::keymap::Mode::Editor
        && state.editor.as_ref().is_some_and(|e| e.field == Field::Body);
    let scrolls = matches!(state.popup, None | Some(Popup::Help | Popup::History { .. }));
    if !(editing_body || (scrolls && state.screen != Screen::Editor)) {
        return effects;
    }
    let code = if down { KeyCode::Down } else { KeyCode::Up };
    for _ in 0..WHEEL_STEP {
        // The body scrolls with its cursor, as the arrow keys move it.
        let msg = match (editing_body, down) {
            (true, _) => Msg::EditorKey(KeyEvent::new(code, KeyModifiers::NONE)),
            (false, true) => Msg::MoveDown,
            (false, false) => Msg::MoveUp,
        };
        effects.extend(dispatch(state, msg));
    }
    effects
}

/// A tap on a list row selects it; a tap on the selected row opens it (a phone has no
/// double click worth the name).
fn click(state: &mut State, _column: u16, row: u16, dispatch: fn(&mut State, Msg) -> Vec<Effect>) -> Vec<Effect> {
    if state.screen != Screen::List || state.popup.is_some() || state.list.searching {
        return Vec::new();
    }
    let g = state.newcomer.list_geometry.get();
    if row < g.first_y || row >= g.first_y.saturating_add(g.height) {
        return Vec::new();
    }
    let table_row = g.offset + usize::from(row - g.first_y);
    let index = match g.spacer {
        Some(sp) if (sp.at..sp.at + sp.count).contains(&table_row) => return Vec::new(),
        Some(sp) if table_row > sp.at => table_row - sp.count,
        _ => table_row,
    };
    if index >= state.list.rows.len() {
        return Vec::new();
    }
    if index == state.list.selected {
        return dispatch(state, Msg::Open);
    }
    state.list.selected = index;
    state.status = None;
    Vec::new()
}

/// Whether the item in the editor has comment threads to show.
#[must_use]
pub fn has_threads(state: &State) -> bool {
    let slug = state.editor.as_ref().and_then(|e| e.slug.as_deref());
    slug.zip(state.snapshot.as_ref())
        .and_then(|(slug, snap)| snap.item(slug))
        .is_some_and(|e| !e.state.threads.is_empty())
}
