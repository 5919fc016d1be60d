//! What every screen's drawing shares: the view it reads, which keys apply here, and
//! where a popup goes. A leaf of the UI: it imports none of the screens.

use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::{State, keymap};

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
        // Sharing is offered on published items only.
        crate::app::Msg::OpenShare => state
            .current()
            .is_some_and(|e| e.state.status == crate::domain::review::Status::Published),
        // Sync is offered where there is a server.
        crate::app::Msg::Sync => state.sync.pending.is_some(),
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
