//! The item view: rendered body, metadata, photos, approval state, comments and timeline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::list::relative;
use super::markdown;
use crate::app::State;
use crate::domain::review::{ActionKind, Status};
use crate::domain::text::{clean_block, clean_line};
use crate::i18n::{self, Key};
use crate::store::Entry;

fn meta_lines(state: &State, e: &Entry) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let snap = state.snapshot.as_ref();
    let front = &e.item.front;
    let field = |k: Key, v: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", k.text(lang)), theme.dim),
            Span::styled(v, theme.text),
        ])
    };
    let mut out = Vec::new();
    let mut status = vec![Span::styled(
        i18n::status(lang, e.state.status).to_string(),
        theme.status(e.state.status),
    )];
    if e.approval_stale() {
        status.push(Span::styled(
            format!("  ⚠ {}", Key::TuiApprovalStale.text(lang)),
            theme.warn,
        ));
    } else if e.approval_valid() {
        status.push(Span::styled(
            format!("  ✓ {}", Key::TuiApprovalValid.text(lang)),
            theme.ok,
        ));
    } else {
        status.push(Span::styled(
            format!("  · {}", Key::TuiApprovalNone.text(lang)),
            theme.dim,
        ));
    }
    out.push(Line::from(status));
    // The last decision's reason stays in view until the next round.
    let last = e
        .review
        .events
        .iter()
        .rev()
        .find(|ev| matches!(ev.action, ActionKind::RequestChanges | ActionKind::Reject));
    if let Some(ev) = last.filter(|_| matches!(e.state.status, Status::ChangesRequested | Status::Rejected)) {
        let who = snap
            .and_then(|s| s.config.person(&ev.actor))
            .map_or(ev.actor.clone(), |p| p.name.clone());
        let text = i18n::fmt(
            lang,
            Key::TuiDecisionReason,
            &[
                &clean_line(&who),
                &clean_line(ev.message.as_deref().unwrap_or_default()),
            ],
        );
        out.push(Line::styled(format!("⚠ {text}"), theme.warn));
    }
    let kec = snap
        .and_then(|s| s.config.kecamatan(&front.kecamatan))
        .map_or(front.kecamatan.clone(), |k| k.name.clone());
    out.push(field(Key::OutFieldKecamatan, clean_line(&kec)));
    let author = snap
        .and_then(|s| s.config.person(&front.author))
        .map_or(front.author.clone(), |p| p.name.clone());
    out.push(field(Key::OutFieldAuthor, clean_line(&author)));
    if !front.location.is_empty() {
        out.push(field(Key::OutFieldLocation, clean_line(&front.location)));
    }
    if let Some(d) = front.event_date {
        out.push(field(Key::TuiEventDate, d.to_string()));
    }
    out.push(field(Key::OutFieldTags, clean_line(&front.tags.join(", "))));
    out.push(field(Key::OutFieldUpdated, relative(state, &e.updated())));
    for p in &front.photos {
        let caption = if p.caption.trim().is_empty() {
            Span::styled(Key::TuiNoCaption.text(lang).to_string(), theme.warn)
        } else {
            Span::styled(clean_line(&p.caption), theme.text)
        };
        out.push(Line::from(vec![
            Span::styled(format!("📷 {} — ", clean_line(&p.file)), theme.dim),
            caption,
        ]));
    }
    out
}

fn thread_lines(state: &State, e: &Entry) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let mut out = Vec::new();
    if e.state.threads.is_empty() {
        return out;
    }
    out.push(Line::styled(
        format!("── {} ──", Key::OutFieldThreads.text(lang)),
        theme.accent,
    ));
    for t in &e.state.threads {
        let state_label = if t.resolved {
            Key::OutThreadResolved
        } else {
            Key::OutThreadOpen
        };
        let place = t
            .paragraph
            .map(|p| format!(" · {} {p}", Key::OutParagraph.text(lang)))
            .unwrap_or_default();
        let style = if t.resolved { theme.dim } else { theme.warn };
        out.push(Line::styled(
            format!("#{}{place} [{}]", t.id, state_label.text(lang)),
            style,
        ));
        if let Some(a) = &t.anchor {
            out.push(Line::styled(format!("  “{}…”", clean_line(a)), theme.dim));
        }
        for c in &t.comments {
            let who = state
                .snapshot
                .as_ref()
                .and_then(|s| s.config.person(&c.actor))
                .map_or(c.actor.clone(), |p| p.name.clone());
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {} · {}: ", clean_line(&who), relative(state, &c.at)),
                    theme.dim,
                ),
                Span::styled(clean_line(&c.text), theme.text),
            ]));
        }
    }
    out.push(Line::default());
    out
}

fn timeline_lines(state: &State, e: &Entry) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let mut out = vec![Line::styled(
        format!("── {} ──", Key::OutFieldHistory.text(state.lang)),
        theme.accent,
    )];
    for ev in &e.review.events {
        let who = state
            .snapshot
            .as_ref()
            .and_then(|s| s.config.person(&ev.actor))
            .map_or(ev.actor.clone(), |p| p.name.clone());
        let mut spans = vec![
            Span::styled(format!("{:<14}", relative(state, &ev.at)), theme.dim),
            Span::styled(i18n::action(state.lang, ev.action).to_string(), theme.accent),
            Span::styled(format!(" · {}", clean_line(&who)), theme.text),
        ];
        if let Some(m) = ev
            .message
            .as_deref()
            .filter(|_| ev.action != crate::domain::review::ActionKind::Comment)
        {
            spans.push(Span::styled(format!(": {}", clean_line(m)), theme.dim));
        }
        out.push(Line::from(spans));
    }
    out
}

/// Approximate rows a set of lines takes when wrapped at `width`.
fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let w = usize::from(width.max(1));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// Draw the item view.
pub fn render_item(state: &State, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let Some(e) = state.current() else { return };
    let inner = area;
    let sidebar = inner.width >= 110;
    let (main, side) = if sidebar {
        let [m, s] = Layout::horizontal([Constraint::Min(60), Constraint::Length(44)])
            .spacing(2)
            .areas(inner);
        (m, Some(s))
    } else {
        (inner, None)
    };
    let mut doc: Vec<Line<'static>> = vec![Line::styled(clean_line(&e.item.front.title), theme.title)];
    if side.is_none() {
        doc.extend(meta_lines(state, e));
        doc.push(Line::default());
    }
    doc.push(Line::styled("─".repeat(usize::from(main.width.min(60))), theme.border));
    doc.extend(markdown::render(&clean_block(&e.item.body), theme));
    doc.push(Line::default());
    doc.extend(thread_lines(state, e));
    if side.is_none() {
        doc.extend(timeline_lines(state, e));
    }
    let max = wrapped_height(&doc, main.width).saturating_sub(main.height);
    let scroll = state.item_scroll.min(max);
    frame.render_widget(Paragraph::new(doc).wrap(Wrap { trim: false }).scroll((scroll, 0)), main);
    if let Some(side) = side {
        let mut lines = meta_lines(state, e);
        lines.push(Line::default());
        lines.extend(timeline_lines(state, e));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), side);
    }
}
