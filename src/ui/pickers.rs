//! The filter picker popup: what is typed, the names that match, and its keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::view::{View, centered};
use crate::app::pickers::Kind;
use crate::app::{Mode, keymap};
use crate::domain::text::clean_line;
use crate::i18n::Key;

/// Draw the open picker, if any, centred over `area`.
pub fn render_picker(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some(p) = &state.newcomer.picker else { return };
    let theme = &state.theme;
    let lang = state.lang;
    let title = match p.kind {
        Kind::Status => Key::KeyFilterStatus,
        Kind::Kecamatan => Key::KeyFilterKecamatan,
        Kind::Tag => Key::KeyFilterTag,
    }
    .text(lang);
    let shown = p.shown();
    // Rows for the names: the area less borders, the typed line, the keys line.
    let room = usize::from(area.height.saturating_sub(4)).max(1);
    let first = p.selected.saturating_sub(room.saturating_sub(1));
    let mut lines = vec![Line::from(vec![
        Span::styled(Key::TuiPickType.text(lang).to_string(), theme.dim),
        Span::styled(clean_line(&p.query), theme.text),
        Span::styled("▏", theme.accent),
    ])];
    for (i, c) in shown.iter().enumerate().skip(first).take(room) {
        let (mark, style) = if i == p.selected {
            ("▶ ", theme.selected)
        } else {
            ("  ", theme.text)
        };
        lines.push(Line::styled(format!("{mark}{}", clean_line(&c.label)), style));
    }
    if shown.len() == 1 && !p.query.is_empty() {
        lines.push(Line::styled(Key::TuiPickNone.text(lang).to_string(), theme.dim));
    }
    let mut keys = Vec::new();
    for b in keymap::for_mode(Mode::Picker).filter(|b| b.hint) {
        keys.push(Span::styled(keymap::label(b), theme.accent));
        keys.push(Span::styled(format!(" {}  ", b.help.text(lang)), theme.dim));
    }
    lines.push(Line::from(keys));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 46, h);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.accent)
                .title(Span::styled(format!(" {title} "), theme.title)),
        ),
        rect,
    );
}
