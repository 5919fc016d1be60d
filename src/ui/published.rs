//! Drawing what happened after publication: the item view's lines about the public
//! version (a correction under way, a takedown and its reason, the published
//! versions), and the "Versi terbit" screen with the changes between two versions.

use super::view::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::published::{self, Published};
use crate::domain::correction::publications;
use crate::domain::diff::Kind;
use crate::domain::review::{ActionKind, Status};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::store::Entry;

/// The line above a message being written for an after-publication action.
#[must_use]
pub fn compose_hint(state: &View<'_>, action: ActionKind) -> Option<Key> {
    published::compose_hint(state, action)
}

/// The item view's lines under the status: whether readers see another version than
/// this text, a takedown's reason, and the published versions (`V` compares them).
#[must_use]
pub fn meta_lines(state: &View<'_>, e: &Entry) -> Vec<Line<'static>> {
    let (theme, lang) = (&state.theme, state.lang);
    let all = publications(&e.review);
    if all.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let public = e.state.public.as_deref();
    let shown = public.and_then(|c| all.iter().rposition(|p| p.content == c));
    if e.state.correcting()
        && let Some(i) = shown
    {
        out.push(Line::styled(
            format!(
                "✎ {}",
                i18n::fmt(
                    lang,
                    Key::TuiCorrecting,
                    &[&all[i].version, &super::view::local_time(state, &all[i].at)]
                )
            ),
            theme.warn,
        ));
    }
    if e.state.status == Status::TakenDown {
        let reason = e
            .review
            .events
            .iter()
            .rev()
            .find(|ev| ev.action == ActionKind::Takedown)
            .and_then(|ev| ev.message.as_deref())
            .unwrap_or_default();
        out.push(Line::styled(
            format!("⛔ {}", i18n::fmt(lang, Key::OutTakenDownLine, &[&clean_line(reason)])),
            theme.error,
        ));
    }
    let mut spans = vec![Span::styled(format!("{} ", Key::OutVersions.text(lang)), theme.dim)];
    for (i, p) in all.iter().enumerate() {
        let day = super::view::local_time(state, &p.at);
        let day = day.split(',').next().unwrap_or(&day).to_string();
        let style = if Some(i) == shown { theme.ok } else { theme.text };
        let mark = if Some(i) == shown { " ●" } else { "" };
        spans.push(Span::styled(format!("v{} {day}{mark}", p.version), style));
        if i + 1 < all.len() {
            spans.push(Span::styled(" · ", theme.dim));
        }
    }
    // The keys of this part, where the rules allow them: the status bar may be too
    // narrow to list them after the others.
    let keys: Vec<String> = [
        ('V', None, Key::KeyVersions),
        ('R', Some(ActionKind::Correct), Key::KeyCorrect),
        ('T', Some(ActionKind::Takedown), Key::KeyTakedown),
        ('U', Some(ActionKind::Restore), Key::KeyRestore2),
    ]
    .into_iter()
    .filter(|(_, a, _)| a.is_none_or(|a| state.may(a).is_ok()))
    .map(|(k, _, help)| format!("{k} {}", help.text(lang)))
    .collect();
    spans.push(Span::styled(format!("   [{}]", keys.join(" · ")), theme.dim));
    out.push(Line::from(spans));
    out
}

/// Draw the screen over `area` (the item view's place): the versions, then the
/// changes from the one before the selected to the selected one.
pub fn render_published(state: &View<'_>, view: &Published, frame: &mut Frame<'_>, area: Rect) {
    let (theme, lang) = (&state.theme, state.lang);
    let Some(e) = state.snapshot.as_ref().and_then(|s| s.item(&view.slug)) else {
        return;
    };
    let all = publications(&e.review);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(
            format!(
                " {} ",
                i18n::fmt(lang, Key::TuiVersionsTitle, &[&clean_line(&e.item.front.title)])
            ),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let listed = u16::try_from(all.len().min(8)).unwrap_or(8);
    let [list, gap, changes] =
        Layout::vertical([Constraint::Length(listed), Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let public = e.state.public.as_deref();
    let shown = public.and_then(|c| all.iter().rposition(|p| p.content == c));
    let first = view.selected.saturating_sub(usize::from(listed).saturating_sub(1));
    let rows: Vec<Line<'_>> = all
        .iter()
        .enumerate()
        .skip(first)
        .map(|(i, p)| {
            let selected = i == view.selected;
            let who = state
                .snapshot
                .as_ref()
                .and_then(|s| s.config.person(&p.actor))
                .map_or(p.actor.clone(), |x| {
                    x.name.split(',').next().unwrap_or(&x.name).to_string()
                });
            let mut spans = vec![
                Span::styled(
                    format!("{}v{} ", if selected { "▶ " } else { "  " }, p.version),
                    if selected { theme.selected } else { theme.text },
                ),
                Span::styled(
                    format!("{}  {}", super::view::local_time(state, &p.at), clean_line(&who)),
                    theme.dim,
                ),
            ];
            if Some(i) == shown {
                spans.push(Span::styled(
                    format!("  ● {}", Key::OutVersionPublic.text(lang)),
                    theme.ok,
                ));
            }
            if let Some(n) = &p.note {
                spans.push(Span::styled(format!("  {}", clean_line(n)), theme.warn));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), list);
    let _ = gap;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let selected = all.get(view.selected);
    // The note in full: the list cuts it at the screen's edge.
    if let Some(note) = selected.and_then(|p| p.note.as_deref()) {
        lines.push(Line::styled(
            i18n::fmt(lang, Key::TuiVersionNote, &[&clean_line(note)]),
            theme.warn,
        ));
        lines.push(Line::default());
    }
    match (view.selected.checked_sub(1).and_then(|i| all.get(i)), selected) {
        (Some(old), Some(new)) => {
            lines.push(Line::styled(
                i18n::fmt(
                    lang,
                    Key::OutDiffVersions,
                    &[
                        &old.version,
                        &super::view::local_time(state, &old.at),
                        &new.version,
                        &super::view::local_time(state, &new.at),
                    ],
                ),
                theme.accent,
            ));
            match published::shown(state) {
                None => lines.push(Line::styled(Key::TuiDiffLoading.text(lang).to_string(), theme.dim)),
                Some(None) => lines.push(Line::styled(Key::TuiDiffComputing.text(lang).to_string(), theme.dim)),
                Some(Some(d)) => {
                    match d.kind {
                        Kind::Words => {}
                        Kind::Paragraphs => {
                            lines.push(Line::styled(Key::TuiDiffByParagraph.text(lang).to_string(), theme.warn));
                        }
                        Kind::TooDifferent => {
                            lines.push(Line::styled(
                                Key::TuiDiffTooDifferent.text(lang).to_string(),
                                theme.warn,
                            ));
                        }
                    }
                    for (name, chunks) in &d.fields {
                        let mut spans = vec![Span::styled(format!("{name}: "), theme.dim)];
                        spans.extend(chunks.iter().flat_map(|c| super::view::mark(theme, c)));
                        lines.push(Line::from(spans));
                    }
                    if !d.changed {
                        lines.push(Line::styled(Key::TuiNoChange.text(lang).to_string(), theme.ok));
                    }
                    // Only the paragraphs that changed, so a one-word correction is found at once.
                    for l in d.lines.iter().filter(|l| {
                        l.parts
                            .iter()
                            .any(|c| !matches!(c, crate::domain::diff::Chunk::Same(_)))
                    }) {
                        lines.push(Line::default());
                        lines.push(super::view::diff_line(theme, l));
                    }
                }
            }
        }
        (None, Some(first)) => lines.push(Line::styled(
            i18n::fmt(
                lang,
                Key::TuiFirstVersion,
                &[&super::view::local_time(state, &first.at)],
            ),
            theme.dim,
        )),
        _ => {}
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((view.scroll, 0)),
        changes,
    );
}
