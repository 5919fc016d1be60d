//! What every screen's drawing shares: the view it reads, which keys apply here, and
//! where a popup goes. A leaf of the UI: it imports none of the screens.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::{State, keymap};
use crate::domain::diff::{self, Chunk};
use crate::i18n;

/// What drawing reads: the state, and the theme it is drawn in (the theme is the
/// terminal's business, not the state's). Derefs to the state.
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The state drawn.
    pub state: &'a State,
    /// Colours and styles.
    pub theme: &'a Theme,
}

impl std::ops::Deref for View<'_> {
    type Target = State;
    fn deref(&self) -> &State {
        self.state
    }
}

/// Whether an action key would be allowed on the current item (other keys always are).
#[must_use]
pub fn allowed_here(state: &View<'_>, b: &keymap::Binding) -> bool {
    match (b.msg)() {
        crate::app::Msg::Act(action) => state.may(action).is_ok(),
        // The threads key is offered when there are threads to read.
        crate::app::Msg::Newcomer(crate::app::newcomer::Action::ToggleThreads) => {
            crate::app::newcomer::has_threads(state)
        }
        // Sharing is offered on published items only.
        crate::app::Msg::OpenShare => state.current().is_some_and(|e| e.public().is_some()),
        crate::app::Msg::OpenPublished => state.current().is_some_and(|e| e.state.last_published.is_some()),
        // Sync is offered where there is a server.
        crate::app::Msg::Sync => state.sync.pending.is_some(),
        // The list is the first screen: Esc there only clears a search.
        crate::app::Msg::Back if state.mode() == keymap::Mode::List => !state.list.search.is_empty(),
        _ => true,
    }
}

/// A rectangle of at most `w` x `h` centred in `area`.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// An event's time in the newsroom's zone, e.g. "2024-09-09 10:15 WIB".
#[must_use]
pub fn local_time(state: &View<'_>, at: &str) -> String {
    let tz = state
        .snapshot
        .as_ref()
        .map_or(jiff::tz::TimeZone::UTC, |s| s.config.timezone());
    at.parse::<jiff::Timestamp>()
        .map_or_else(|_| at.to_string(), |t| i18n::when(state.lang, &t.to_zoned(tz)))
}

/// Marks keep the meaning of a run visible without colour.
pub fn mark(theme: &Theme, chunk: &Chunk) -> [Span<'static>; 3] {
    let (text, style, open, close) = match chunk {
        Chunk::Same(t) => (t, theme.text, "", ""),
        Chunk::Added(t) => (t, theme.added, "[+", "+]"),
        Chunk::Removed(t) => (t, theme.removed, "[-", "-]"),
    };
    [
        Span::styled(open, theme.dim),
        Span::styled(text.clone(), style),
        Span::styled(close, theme.dim),
    ]
}

/// One line of a cached diff on screen (its text is already clean).
pub fn diff_line(theme: &Theme, line: &diff::Line) -> Line<'static> {
    Line::from(line.parts.iter().flat_map(|c| mark(theme, c)).collect::<Vec<_>>())
}
