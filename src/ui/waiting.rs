//! The "waiting for others" section line of "My work": a spacer row in the list's table
//! where the person's own waiting items begin, drawn over with one full-width line that
//! says who they wait for (a table cell would cut it to its column).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Wrap};

use super::view::View;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

pub use crate::app::newcomer::Spacer;

/// Insert the spacer rows where the waiting rows begin (two when nothing is to do: the
/// empty queue's note, then the section line); returns the first one's position.
pub fn spacer(state: &View<'_>, rows: &mut Vec<Row<'_>>, width: u16) -> Option<Spacer> {
    let waiting = state.list.waiting;
    if waiting == 0 || waiting > rows.len() {
        return None;
    }
    let at = rows.len() - waiting;
    let header = wrapped_rows(&format!("── {} ──", header_text(state)), width);
    let count = header
        + if at == 0 {
            wrapped_rows(&format!(" {}", super::list_parts::empty_note(state)), width)
        } else {
            0
        };
    for _ in 0..count {
        rows.insert(at, Row::new(Vec::<ratatui::widgets::Cell<'_>>::new()));
    }
    Some(Spacer { at, count, header })
}

/// The table row of the selected item, past the spacer.
#[must_use]
pub fn selected_row(state: &View<'_>, spacer: Option<Spacer>) -> usize {
    let s = state.list.selected;
    match spacer {
        Some(sp) if s >= sp.at => s + sp.count,
        _ => s,
    }
}

/// Draw the section line over the spacer row, if it is on screen. `offset` is the
/// table's first visible row; the table's own header takes the area's first line.
pub fn render_header(state: &View<'_>, frame: &mut Frame<'_>, area: Rect, spacer: Option<Spacer>, offset: usize) {
    let Some(sp) = spacer.filter(|sp| sp.at >= offset) else {
        return;
    };
    let Ok(mut y) = u16::try_from(sp.at - offset + 1) else {
        return;
    };
    if sp.count > sp.header && y < area.height {
        // Nothing to do: say what to do next, above what waits.
        let rows = u16::try_from(sp.count - sp.header).unwrap_or(1).min(area.height - y);
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", super::list_parts::empty_note(state)),
                state.theme.dim,
            ))
            .wrap(Wrap { trim: true }),
            Rect::new(area.x, area.y + y, area.width, rows),
        );
        y += rows;
    }
    if y >= area.height {
        return;
    }
    let line = Line::from(vec![
        Span::styled("── ", state.theme.dim),
        Span::styled(header_text(state), state.theme.accent),
        Span::styled(" ──", state.theme.dim),
    ]);
    let rows = u16::try_from(sp.header).unwrap_or(1).min(area.height - y);
    frame.render_widget(
        Paragraph::new(line).wrap(Wrap { trim: true }),
        Rect::new(area.x, area.y + y, area.width, rows),
    );
}

/// The section line's words: who the waiting items wait for.
fn header_text(state: &View<'_>) -> String {
    // Names without the academic titles after the first comma.
    let names: Vec<String> = crate::app::waiting::waiting_for(state)
        .iter()
        .map(|n| clean_line(n.split(',').next().unwrap_or(n)))
        .collect();
    i18n::fmt(state.lang, Key::TuiWaitingHeader, &[&names.join(", ")])
}

/// Rows a text takes wrapped at words in `width`, at most three.
fn wrapped_rows(text: &str, width: u16) -> usize {
    let w = usize::from(width.max(10));
    let mut rows = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let n = unicode_width::UnicodeWidthStr::width(word);
        if used > 0 && used + 1 + n > w {
            rows += 1;
            used = n;
        } else {
            used += n + usize::from(used > 0);
        }
    }
    rows.min(3)
}
