//! The login screen of the demo: "Masuk sebagai…" with people and their roles.

use super::view::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use super::view::centered;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

/// Draw the login screen.
pub fn render_login(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let Some(snap) = &state.snapshot else { return };
    let people: Vec<_> = state
        .login
        .choices
        .iter()
        .filter_map(|id| snap.config.person(id))
        .collect();
    let name_width = people
        .iter()
        .map(|p| unicode_width::UnicodeWidthStr::width(p.name.as_str()))
        .max()
        .unwrap_or(0)
        + 2;
    let items: Vec<ListItem<'_>> = people
        .iter()
        .map(|p| {
            let roles: Vec<&str> = p.roles.iter().map(|r| i18n::role(state.lang, *r)).collect();
            let kec = p
                .kecamatan
                .as_deref()
                .and_then(|k| snap.config.kecamatan(k))
                .map(|k| format!(" · {}", k.name))
                .unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<name_width$}", clean_line(&p.name)), theme.text),
                Span::styled(clean_line(&format!("{}{kec}", roles.join(", "))), theme.dim),
            ]))
        })
        .collect();
    let box_area = centered(area, 78, u16::try_from(items.len() + 2).unwrap_or(u16::MAX));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", Key::TuiLoginAs.text(state.lang)),
            theme.title,
        ));
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut ls = ListState::default().with_selected(Some(state.login.selected));
    frame.render_stateful_widget(list, box_area, &mut ls);
}
