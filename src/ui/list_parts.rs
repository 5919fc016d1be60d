//! Pieces of a list row that the list, its compact form and the "waiting for others"
//! part all draw: a leaf of the UI.

use ratatui::text::{Line, Span};

use super::view::View;
use crate::domain::text::clean_line;
use crate::i18n::Key;

/// Spans of a title with the search matches highlighted.
pub fn title_spans(state: &View<'_>, title: &str, highlight: &[u32], width: usize) -> Line<'static> {
    let mut title = clean_line(title);
    // A title cut to its column ends in "…", so it never seems to run on into the next.
    if unicode_width::UnicodeWidthStr::width(title.as_str()) > width && width > 1 {
        let mut kept = String::new();
        let mut used = 0;
        for c in title.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            used += w;
            kept.push(c);
        }
        title = format!("{}…", kept.trim_end());
    }
    if highlight.is_empty() {
        return Line::from(Span::styled(title, state.theme.text));
    }
    let spans: Vec<Span<'static>> = title
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let hit = u32::try_from(i).is_ok_and(|i| highlight.binary_search(&i).is_ok());
            Span::styled(
                c.to_string(),
                if hit { state.theme.highlight } else { state.theme.text },
            )
        })
        .collect();
    Line::from(spans)
}

/// What an empty list says: why it is empty, and what to do next.
pub fn empty_note(state: &View<'_>) -> String {
    use crate::domain::config::Role;
    let l = state.lang;
    if !state.list.search.is_empty() || state.list.filters != crate::app::Filters::default() {
        return Key::TuiEmptyFiltered.text(l).to_string();
    }
    match (state.list.queue, state.person()) {
        (crate::app::Queue::Mine, Some(p)) if p.has(Role::Approver) => Key::TuiEmptyApprover.text(l).to_string(),
        (crate::app::Queue::Mine, Some(p)) if p.has(Role::Author) || p.has(Role::Editor) => {
            Key::TuiEmptyAuthor.text(l).to_string()
        }
        _ => Key::OutNoItems.text(l).to_string(),
    }
}
