//! Small helps for newcomers in shared popups: a comment popup that names its paragraph
//! and sits away from it.

use ratatui::layout::Rect;

use super::view::View;
use crate::app::Screen;
use crate::domain::review::ActionKind;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

/// Words of a paragraph quoted in the comment popup.
const QUOTED_WORDS: usize = 6;

/// "Komentar pada paragraf 3: «first words…»" when `action` comments on the selected
/// paragraph of the open item; `None` otherwise.
#[must_use]
pub fn comment_about(state: &View<'_>, action: ActionKind) -> Option<String> {
    if action != ActionKind::Comment || state.screen != Screen::Item || state.item.paragraph == 0 {
        return None;
    }
    let e = state.current()?;
    let paras = e.item.paragraphs();
    let text = paras.get(state.item.paragraph - 1)?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut quoted = words.iter().take(QUOTED_WORDS).copied().collect::<Vec<_>>().join(" ");
    if words.len() > QUOTED_WORDS {
        quoted.push('…');
    }
    let label = i18n::action(state.lang, action);
    let mut label = label.to_string();
    if let Some(first) = label.get(..1) {
        label = first.to_uppercase() + &label[1..];
    }
    Some(i18n::fmt(
        state.lang,
        Key::TuiCommentOn,
        &[&label, &state.item.paragraph, &clean_line(&quoted)],
    ))
}

/// A rectangle of at most `w` x `h` at the bottom of `area`, centred across: the item
/// view keeps the selected paragraph near the top, so this leaves it in view.
#[must_use]
pub fn at_bottom(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    // Never more than half the screen, so the top half keeps the paragraph.
    let h = h.min(area.height / 2 + 2);
    Rect::new(area.x + (area.width - w) / 2, area.y + area.height - h, w, h)
}

/// Rows the item view may scroll past its end so that a paragraph near the end can sit
/// above the comment popup at the bottom.
#[must_use]
pub fn room_below(state: &View<'_>, height: u16) -> u16 {
    match &state.popup {
        Some(crate::app::Popup::Compose { action, .. }) if comment_about(state, *action).is_some() => height / 2 + 2,
        _ => 0,
    }
}
