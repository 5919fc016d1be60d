//! Popups: help generated from the keymap, confirmations, and message composing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::app::{Mode, Popup, Screen, State, keymap};
use crate::domain::text::clean_block;
use crate::i18n::{self, Key};

fn underlying_mode(state: &State) -> Mode {
    match state.screen {
        Screen::Login => Mode::Login,
        Screen::List => Mode::List,
        Screen::Item => Mode::Item,
        Screen::Editor => Mode::Editor,
    }
}

/// Draw the popup over `area`.
pub fn render_popup(state: &State, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let lang = state.lang;
    let (title, lines, w, h): (String, Vec<Line<'static>>, u16, u16) = match &state.popup {
        None => return,
        Some(Popup::Help) => {
            let mut lines = Vec::new();
            let mut seen: Vec<(Key, String)> = Vec::new();
            for b in keymap::for_mode(underlying_mode(state)) {
                let label = keymap::label(b);
                if let Some(entry) = seen.iter_mut().find(|(k, _)| *k == b.help) {
                    entry.1.push_str(" / ");
                    entry.1.push_str(&label);
                } else {
                    seen.push((b.help, label));
                }
            }
            for (k, label) in seen {
                lines.push(Line::from(vec![
                    Span::styled(format!("{label:>16}  "), theme.accent),
                    Span::styled(k.text(lang).to_string(), theme.text),
                ]));
            }
            let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
            (Key::TuiHelpTitle.text(lang).to_string(), lines, 64, h)
        }
        Some(Popup::Confirm(action)) => {
            let title = state.current().map(|e| e.item.front.title.clone()).unwrap_or_default();
            let q = i18n::fmt(
                lang,
                Key::TuiConfirm,
                &[&i18n::action(lang, *action), &crate::domain::text::clean_line(&title)],
            );
            let lines = vec![
                Line::styled(q, theme.text),
                Line::default(),
                Line::styled(Key::TuiConfirmKeys.text(lang).to_string(), theme.dim),
            ];
            (i18n::action(lang, *action).to_string(), lines, 60, 7)
        }
        Some(Popup::Compose { action, text, required }) => {
            let hint = if *required {
                Key::TuiMessageRequired
            } else {
                Key::TuiMessageOptional
            };
            let mut lines = vec![Line::styled(hint.text(lang).to_string(), theme.dim), Line::default()];
            let body = clean_block(text);
            let mut parts: Vec<&str> = body.split('\n').collect();
            let last = parts.pop().unwrap_or_default();
            lines.extend(parts.into_iter().map(|l| Line::styled(l.to_string(), theme.text)));
            lines.push(Line::from(vec![
                Span::styled(last.to_string(), theme.text),
                Span::styled("▏", theme.accent),
            ]));
            lines.push(Line::default());
            lines.push(Line::styled(Key::TuiComposeKeys.text(lang).to_string(), theme.dim));
            (i18n::action(lang, *action).to_string(), lines, 70, 12)
        }
    };
    let rect = centered(area, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent)
        .title(Span::styled(format!(" {title} "), theme.title));
    frame.render_widget(Clear, rect);
    let inner_h = rect.height.saturating_sub(2);
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    // Keep the cursor line of a long message in view.
    let scroll = if matches!(state.popup, Some(Popup::Compose { .. })) {
        total.saturating_sub(inner_h)
    } else {
        0
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rect,
    );
}
