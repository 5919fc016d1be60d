//! Rendering: `render(&State, &Theme, &mut Frame)`, one file per screen or popup.
//!
//! Render reads the state and nothing else: no IO, no clock, no git. Item text is shown
//! only through widgets, after control characters are made visible.

pub mod admin;
pub mod body;
pub mod compact;
pub mod editor;
pub mod editor_threads;
pub mod evaluation;
pub mod item;
pub mod list;
mod list_parts;
pub mod login;
pub mod markdown;
pub mod newcomer;
pub mod photos;
pub mod pickers;
pub mod popup;
pub mod published;
pub mod share;
pub mod spelling;
pub mod theme;
mod view;
pub mod waiting;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Screen, Severity, State, keymap};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use theme::Theme;
pub use view::{View, allowed_here, centered};

/// The smallest size at which every screen has its full layout; below it, down to
/// [`compact::MIN`], the compact one.
pub const MIN_SIZE: (u16, u16) = (80, 24);

const SPINNER: [&str; 4] = ["◐", "◓", "◑", "◒"];

/// Draw the whole UI.
pub fn render(state: &State, theme: &Theme, frame: &mut Frame<'_>) {
    let view = View { state, theme };
    let state = &view;
    let area = frame.area();
    if let Some(reason) = &state.ended {
        // The session ended: the reason, and nothing of the newsroom.
        frame.render_widget(
            Paragraph::new(clean_line(reason))
                .style(state.theme.error)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    if area.width < compact::MIN.0 || area.height < compact::MIN.1 {
        let note = i18n::fmt(
            state.lang,
            Key::TuiTooSmall,
            &[&area.width, &area.height, &compact::MIN.0, &compact::MIN.1],
        );
        frame.render_widget(
            Paragraph::new(note).style(state.theme.warn).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    // A message longer than the bar gets the lines it needs (up to three) above it,
    // never cut off mid-word.
    let message_rows = match &state.status {
        Some((_, text)) if message_is_long(state, area.width) => {
            let text_width = unicode_width::UnicodeWidthStr::width(clean_line(text).as_str()) + 1;
            // Words wrap, so a row may end early: one row of slack.
            u16::try_from((text_width.div_ceil(usize::from(area.width.max(1))) + 1).min(3)).unwrap_or(3)
        }
        _ => 0,
    };
    let [main, message, bar] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(message_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    if message_rows > 0 {
        if let Some((sev, text)) = &state.status {
            let style = if *sev == Severity::Error {
                state.theme.error
            } else {
                state.theme.ok
            };
            frame.render_widget(
                Paragraph::new(format!(" {}", clean_line(text)))
                    .style(state.theme.bar.patch(style))
                    .wrap(Wrap { trim: true }),
                message,
            );
        }
    }
    match state.screen {
        Screen::Login => login::render_login(state, frame, main),
        Screen::List => list::render_list(state, frame, main),
        Screen::Item => item::render_item(state, frame, main),
        Screen::Editor => editor::render_editor(state, frame, main),
        Screen::Evaluation => evaluation::render_evaluation(state, frame, main),
        Screen::Admin => admin::render_admin(state, frame, main),
    }
    if let (Screen::Item, Some(s)) = (&state.screen, &state.share) {
        share::render_share(state, s, frame, main);
    }
    if let (Screen::Item, Some(p)) = (&state.screen, &state.published) {
        published::render_published(state, p, frame, main);
    }
    render_bar(state, frame, bar);
    if state.popup.is_some() {
        popup::render_popup(state, frame, main);
    }
    pickers::render_picker(state, frame, main);
}

/// The right of the status bar (activity and person) and its width in a bar this wide.
fn bar_right(state: &View<'_>, width: u16) -> (String, u16) {
    let who = match state.person() {
        Some(p) => {
            let roles: Vec<&str> = p.roles.iter().map(|r| i18n::role(state.lang, *r)).collect();
            // The name without academic titles after the first comma keeps the bar short.
            let name = p.name.split(',').next().unwrap_or(&p.name);
            format!("{} ({})", clean_line(name), roles.join(", "))
        }
        None if state.screen == Screen::Login => String::new(),
        None => Key::TuiReadOnly.text(state.lang).to_string(),
    };
    let busy = if state.jobs.is_empty() {
        String::new()
    } else {
        format!("{} ", SPINNER[state.frame % SPINNER.len()])
    };
    // On a narrow screen the name gives way to the hints: the role goes first, then the
    // name is cut.
    let narrow = width < 110;
    let who = match (narrow, who.split_once(" (")) {
        (true, Some((name, _))) => name.to_string(),
        _ => who,
    };
    // Local actions waiting for the server (`app/sync.rs`), given room of their own.
    let waiting = crate::app::sync::waiting(state)
        .map(|w| format!("{w} · "))
        .unwrap_or_default();
    let room = u16::try_from(unicode_width::UnicodeWidthStr::width(waiting.as_str())).unwrap_or(0);
    let busy = format!("{busy}{waiting}");
    // A name that does not fit is shortened by whole words ("Sari", not "Sari Wuland").
    let cap = usize::from(if narrow { width / 4 } else { width / 2 } + room);
    let fits = |w: &str| unicode_width::UnicodeWidthStr::width(format!(" {busy}{w} ").as_str()) <= cap;
    let mut who = who;
    while !fits(&who) {
        match who.rsplit_once(' ') {
            Some((shorter, _)) => who = shorter.to_string(),
            None => break,
        }
    }
    let right = format!(" {busy}{who} ");
    let right_width = u16::try_from(unicode_width::UnicodeWidthStr::width(right.as_str()))
        .unwrap_or(u16::MAX)
        .min(if narrow { width / 4 } else { width / 2 } + room);
    (right, right_width)
}

/// Whether the status message is too long for the bar (it then gets its own lines).
fn message_is_long(state: &View<'_>, width: u16) -> bool {
    let left = usize::from(width.saturating_sub(bar_right(state, width).1));
    state
        .status
        .as_ref()
        .is_some_and(|(_, text)| unicode_width::UnicodeWidthStr::width(clean_line(text).as_str()) + 1 > left)
}

/// The status bar: message or key hints on the left, person and activity on the right.
fn render_bar(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let (right, right_width) = bar_right(state, area.width);
    let [left_area, right_area] = Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    let long = message_is_long(state, area.width);
    let left = match &state.status {
        // A long message has its own lines above the bar; the bar keeps the hints.
        Some(_) if long => hints(state, area),
        Some((sev, text)) => {
            let style = if *sev == Severity::Error { theme.error } else { theme.ok };
            // The hints follow the message, so the next move stays on screen.
            let mut spans = vec![Span::styled(format!(" {} ", clean_line(text)), theme.bar.patch(style))];
            spans.extend(hints(state, area).spans);
            Line::from(spans)
        }
        None => hints(state, area),
    };
    // A hint is shown whole or not at all: "F7" without what it does helps nobody. Hints
    // come as pairs of spans (key, what it does) at the end of the line.
    let mut left = left;
    let shown = |l: &Line<'_>| {
        let trailing = l
            .spans
            .last()
            .map_or(0, |s| s.content.len() - s.content.trim_end().len());
        l.width().saturating_sub(trailing)
    };
    while shown(&left) > usize::from(left_area.width) && left.spans.len() > 2 {
        left.spans.truncate(left.spans.len() - 2);
    }
    frame.render_widget(Paragraph::new(left).style(theme.bar), left_area);
    frame.render_widget(Paragraph::new(right).style(theme.bar), right_area);
}

/// The few keys that matter in the current mode.
fn hints(state: &View<'_>, bar: Rect) -> Line<'static> {
    // The bar is the screen's last row: its width and its row give the screen's size.
    if compact::is_compact(bar.width, bar.y + bar.height) {
        return compact::hints(state);
    }
    let mut spans = vec![Span::raw(" ")];
    let mut seen = Vec::new();
    for b in keymap::for_mode(state.mode()).filter(|b| b.hint) {
        if seen.contains(&b.help) || !allowed_here(state, b) {
            continue;
        }
        seen.push(b.help);
        spans.push(Span::styled(
            keymap::label(b),
            state.theme.bar.patch(state.theme.accent),
        ));
        spans.push(Span::styled(format!(" {}  ", b.help.text(state.lang)), state.theme.bar));
    }
    Line::from(spans)
}
