//! Spelling in the editor: the body with misspelled words marked (the theme's warning
//! colour, underlined so it shows without colour too) and the suggestion popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::view::View;
use crate::app::editor::Editor;
use crate::app::{Mode, keymap, prose, spelling};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

/// The body view as `editor::render_body` draws it, with the misspelled words of the
/// paragraphs on screen marked. The word at the cursor is left unmarked while it is
/// typed. Returns where the cursor is on screen.
pub fn render_body(state: &View<'_>, ed: &Editor, frame: &mut Frame<'_>, area: Rect) -> (u16, u16) {
    if state.spelling.speller.is_none() {
        return super::body::render_body(ed, frame, area, Style::default());
    }
    let ratatui_textarea::DataCursor(crow, ccol) = ed.body.cursor();
    let lines = ed.body.lines();
    let (rows, (y, x)) = prose::layout(
        lines,
        (crow, ccol),
        &ed.body_view,
        usize::from(area.width),
        usize::from(area.height),
    );
    let mark = state.theme.warn.add_modifier(Modifier::UNDERLINED);
    let cursor_byte = lines.get(crow).map(|l| prose::byte_of_char(l, ccol));
    let mut shown: Vec<Line<'static>> = Vec::with_capacity(rows.len());
    let mut last: Option<(usize, spelling::Marks)> = None;
    for &(l, (s, e)) in &rows {
        let line = &lines[l];
        let marks = match &last {
            Some((at, m)) if *at == l => std::sync::Arc::clone(m),
            _ => {
                let m = state.spelling.marks(line);
                last = Some((l, std::sync::Arc::clone(&m)));
                m
            }
        };
        let row_text = line[s..e].trim_end_matches(' ');
        let end = s + row_text.len();
        let mut spans = Vec::new();
        let mut at = s;
        for &(ms, me) in marks.iter().filter(|(ms, me)| *me > s && *ms < end) {
            let typing = l == crow && cursor_byte.is_some_and(|c| c >= ms && c <= me);
            if typing {
                continue;
            }
            let (ms, me) = (ms.max(s), me.min(end));
            if ms > at {
                spans.push(Span::raw(clean_line(&line[at..ms])));
            }
            spans.push(Span::styled(clean_line(&line[ms..me]), mark));
            at = me;
        }
        if at < end {
            spans.push(Span::raw(clean_line(&line[at..end])));
        }
        shown.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(shown), area);
    let at = |n: usize, max: u16| u16::try_from(n).unwrap_or(u16::MAX).min(max.saturating_sub(1));
    (area.x + at(x, area.width), area.y + at(y, area.height))
}

/// The popup on a misspelled word: its suggestions (↑↓, Enter replaces), and the keys
/// to add it to one's own or the newsroom's list. Drawn under the word's row when it
/// fits, else above it.
pub fn render_popup(state: &View<'_>, frame: &mut Frame<'_>, area: Rect, cursor: (u16, u16)) {
    let Some(popup) = &state.spelling.popup else { return };
    let theme = &state.theme;
    let lang = state.lang;
    let mut lines: Vec<Line<'static>> = Vec::new();
    if popup.suggestions.is_empty() {
        lines.push(Line::styled(Key::SpellNoSuggestion.text(lang).to_string(), theme.dim));
    }
    for (i, s) in popup.suggestions.iter().enumerate() {
        let style = if i == popup.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(format!(" {} ", clean_line(s)), style));
    }
    lines.push(Line::default());
    let newsroom = spelling::may_add_newsroom_words(state);
    for b in keymap::for_mode(Mode::Spelling) {
        let shown = if b.help == Key::KeySpellAddNewsroom {
            newsroom
        } else {
            b.hint
        };
        if !shown {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{:<6}", keymap::label(b)), theme.accent),
            Span::styled(b.help.text(lang).to_string(), theme.text),
        ]));
    }
    let title = i18n::fmt(lang, Key::SpellPopupTitle, &[&clean_line(&popup.word)]);
    let width = (lines
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(10)
        .max(title.chars().count() + 4)
        + 4)
    .min(usize::from(area.width)) as u16;
    let height = (lines.len() + 2).min(usize::from(area.height)) as u16;
    let (cx, cy) = cursor;
    // Under the word's row when it fits, else above it.
    let top = if cy + 1 + height <= area.y + area.height {
        cy + 1
    } else {
        cy.saturating_sub(height).max(area.y)
    };
    let left = cx.min((area.x + area.width).saturating_sub(width)).max(area.x);
    let rect = Rect::new(left, top, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent)
        .title(Span::styled(format!(" {title} "), theme.title));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
