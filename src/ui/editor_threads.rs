//! Reviewers' threads beside the text in the editor (`Ctrl-T`), so an author revising
//! after "changes requested" reads each comment next to its paragraph: to the right on
//! a wide screen, under the text on a narrow one. Threads are placed on the text as it is
//! being typed (`Thread::locate`), as the item view places them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::view::View;
use crate::app::editor::Editor;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

/// Where the threads go when shown: `(text, threads)`. Beside the body on a wide
/// screen; on a narrow one over the fields while the body is being written (the text
/// keeps its rows), else under the text.
#[must_use]
pub fn split(state: &View<'_>, ed: &Editor, body: Rect, fields: Rect) -> (Rect, Option<Rect>) {
    if !state.newcomer.threads_beside {
        return (body, None);
    }
    if body.width < 100 && ed.field == crate::app::editor::Field::Body && fields.height >= 3 {
        return (body, Some(fields));
    }
    if body.width >= 100 {
        let [text, side] = Layout::horizontal([Constraint::Min(50), Constraint::Length(42)])
            .spacing(1)
            .areas(body);
        (text, Some(side))
    } else {
        let [text, below] = Layout::vertical([Constraint::Min(3), Constraint::Length(body.height / 2)]).areas(body);
        (text, Some(below))
    }
}

/// The threads' lines: where each sits now, who said what.
#[must_use]
pub fn lines(state: &View<'_>, ed: &Editor) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let Some(slug) = ed.slug.as_deref() else {
        return vec![Line::styled(Key::TuiThreadsNew.text(lang).to_string(), theme.dim)];
    };
    let Some(entry) = state.snapshot.as_ref().and_then(|s| s.item(slug)) else {
        return Vec::new();
    };
    if entry.state.threads.is_empty() {
        return vec![Line::styled(Key::TuiThreadsNone.text(lang).to_string(), theme.dim)];
    }
    let typed = ed.item().unwrap_or_else(|_| ed.saved.clone());
    let paras = typed.paragraphs();
    let mut threads: Vec<_> = entry.state.threads.iter().collect();
    // Open threads first, in paragraph order; resolved ones after, dimmed.
    threads.sort_by_key(|t| (t.resolved, t.locate(&paras).unwrap_or(usize::MAX), t.id));
    let mut out = Vec::new();
    for t in threads {
        let place = match (t.paragraph, t.locate(&paras)) {
            (None, _) => Key::TuiThreadGeneral.text(lang).to_string(),
            (Some(_), Some(at)) => i18n::fmt(lang, Key::TuiThreadOn, &[&(at + 1)]),
            (Some(_), None) => Key::TuiThreadOutdated.text(lang).to_string(),
        };
        let (mark, style) = if t.resolved {
            ("✓", theme.dim)
        } else {
            ("💬", theme.accent)
        };
        out.push(Line::styled(format!("{mark} #{} · {place}", t.id), style));
        for c in &t.comments {
            let name = state
                .snapshot
                .as_ref()
                .and_then(|s| s.config.person(&c.actor))
                .map_or(c.actor.as_str(), |p| p.name.split(',').next().unwrap_or(&p.name));
            out.push(Line::from(vec![
                Span::styled(format!("  {}: ", clean_line(name)), theme.dim),
                Span::styled(clean_line(&c.text), if t.resolved { theme.dim } else { theme.text }),
            ]));
        }
    }
    out
}

/// Draw the threads in `area`, if shown.
pub fn render(state: &View<'_>, ed: &Editor, frame: &mut Frame<'_>, area: Option<Rect>) {
    let Some(area) = area else { return };
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(state.theme.border)
        .title(Span::styled(
            format!(" {} ", Key::TuiThreadsTitle.text(state.lang)),
            state.theme.title,
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines(state, ed)).block(block).wrap(Wrap { trim: false }),
        area,
    );
}
