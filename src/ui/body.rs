//! The editor's body as plain wrapped text: what the editor and the spelling marks
//! both draw on. A leaf of the UI.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::editor::Editor;
use crate::app::prose;
use crate::domain::text::clean_line;

/// The body view: the screen rows around the cursor, wrapped at words (see
/// `app::prose`). Returns where the cursor is on screen.
pub fn render_body(ed: &Editor, frame: &mut Frame<'_>, area: Rect, style: ratatui::style::Style) -> (u16, u16) {
    let ratatui_textarea::DataCursor(row, col) = ed.body.cursor();
    let lines = ed.body.lines();
    let (rows, (y, x)) = prose::layout(
        lines,
        (row, col),
        &ed.body_view,
        usize::from(area.width),
        usize::from(area.height),
    );
    let shown: Vec<Line<'static>> = rows
        .iter()
        .map(|&(l, (s, e))| Line::styled(clean_line(lines[l][s..e].trim_end_matches(' ')), style))
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
    let at = |n: usize, max: u16| u16::try_from(n).unwrap_or(u16::MAX).min(max.saturating_sub(1));
    (area.x + at(x, area.width), area.y + at(y, area.height))
}
