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
    let here: Vec<String> = state
        .others
        .iter()
        .filter(|p| p.item == e.slug)
        .map(|p| {
            let name = snap
                .and_then(|s| s.config.person(&p.person))
                .map_or(p.person.clone(), |x| {
                    x.name.split(',').next().unwrap_or(&x.name).to_string()
                });
            if p.editing {
                format!("{} ({})", clean_line(&name), Key::TuiEditingNow.text(lang))
            } else {
                clean_line(&name)
            }
        })
        .collect();
    if !here.is_empty() {
        out.push(Line::styled(
            format!("👥 {}", i18n::fmt(lang, Key::TuiAlsoOpen, &[&here.join(", ")])),
            theme.warn,
        ));
    }
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

fn comment_lines(state: &State, t: &crate::domain::review::Thread, indent: &str) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let state_label = if t.resolved {
        Key::OutThreadResolved
    } else {
        Key::OutThreadOpen
    };
    let style = if t.resolved { theme.dim } else { theme.warn };
    let mut out = vec![Line::styled(
        format!("{indent}💬 #{} [{}]", t.id, state_label.text(lang)),
        style,
    )];
    for c in &t.comments {
        let who = state
            .snapshot
            .as_ref()
            .and_then(|s| s.config.person(&c.actor))
            .map_or(c.actor.clone(), |p| {
                p.name.split(',').next().unwrap_or(&p.name).to_string()
            });
        out.push(Line::from(vec![
            Span::styled(
                format!("{indent}   {} · {}: ", clean_line(&who), relative(state, &c.at)),
                theme.dim,
            ),
            Span::styled(clean_line(&c.text), if t.resolved { theme.dim } else { theme.text }),
        ]));
    }
    out
}

/// Threads with no paragraph, and threads whose paragraph is gone (outdated).
fn thread_lines(state: &State, e: &Entry, located: &[Option<usize>]) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let loose: Vec<(usize, &crate::domain::review::Thread)> = e
        .state
        .threads
        .iter()
        .enumerate()
        .filter(|(i, _)| located.get(*i).copied().flatten().is_none())
        .collect();
    if loose.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        format!("── {} ──", Key::TuiGeneralComments.text(lang)),
        theme.accent,
    )];
    for (_, t) in loose {
        if let (Some(p), Some(anchor)) = (t.paragraph, t.anchor.as_deref()) {
            out.push(Line::styled(
                format!(
                    "{} {p} ({}): “{}…”",
                    Key::OutParagraph.text(lang),
                    Key::OutOutdated.text(lang),
                    clean_line(anchor)
                ),
                theme.dim,
            ));
        }
        out.extend(comment_lines(state, t, ""));
    }
    out.push(Line::default());
    out
}

/// The body as numbered paragraphs with their threads beside them; returns the lines
/// and the line where the selected paragraph starts.
fn review_lines(state: &State, e: &Entry, located: &[Option<usize>]) -> (Vec<Line<'static>>, usize) {
    let theme = &state.theme;
    let mut out = Vec::new();
    let mut selected_at = 0;
    for (i, p) in e.item.paragraphs().iter().enumerate() {
        let selected = state.paragraph == i + 1;
        if selected {
            selected_at = out.len();
        }
        let gutter = if selected {
            format!("▶{:<3}", i + 1)
        } else {
            format!("¶{:<3}", i + 1)
        };
        let gutter_style = if selected {
            theme.selected.patch(theme.accent)
        } else {
            theme.dim
        };
        for (j, mut line) in markdown::render(&clean_block(p), theme).into_iter().enumerate() {
            let g = if j == 0 { gutter.clone() } else { "    ".to_string() };
            line.spans.insert(0, Span::styled(g, gutter_style));
            out.push(line);
        }
        for (t, at) in e.state.threads.iter().zip(located) {
            if *at == Some(i) {
                out.extend(comment_lines(state, t, "    "));
            }
        }
        out.push(Line::default());
    }
    (out, selected_at)
}

/// A word diff of the body against the version at event `base`.
fn diff_lines(state: &State, e: &Entry, base: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let Some(ev) = e.review.events.get(base) else {
        return Vec::new();
    };
    let who = state
        .snapshot
        .as_ref()
        .and_then(|s| s.config.person(&ev.actor))
        .map_or(ev.actor.clone(), |p| {
            p.name.split(',').next().unwrap_or(&p.name).to_string()
        });
    let mut out = vec![Line::styled(
        i18n::fmt(
            lang,
            Key::TuiDiffSince,
            &[
                &(base + 1),
                &i18n::action(lang, ev.action),
                &clean_line(&who),
                &super::popup::local_time(state, &ev.at),
            ],
        ),
        theme.accent,
    )];
    let old = state
        .versions
        .as_ref()
        .filter(|(s, _)| *s == e.slug)
        .and_then(|(_, v)| v.get(base).cloned().flatten());
    let Some(old) = old else {
        out.push(Line::styled(Key::TuiDiffLoading.text(lang).to_string(), theme.dim));
        return out;
    };
    let mark = |chunk: crate::domain::diff::Chunk| -> Vec<Span<'static>> {
        use crate::domain::diff::Chunk;
        let (text, style, open, close) = match chunk {
            Chunk::Same(t) => (t, theme.text, "", ""),
            Chunk::Added(t) => (t, theme.added, "[+", "+]"),
            Chunk::Removed(t) => (t, theme.removed, "[-", "-]"),
        };
        // Marks keep the meaning visible without colour.
        vec![
            Span::styled(open.to_string(), theme.dim),
            Span::styled(clean_line(&text), style),
            Span::styled(close.to_string(), theme.dim),
        ]
    };
    for (name, a, b) in crate::domain::diff::front_fields(&old.front, &e.item.front) {
        let mut spans = vec![Span::styled(format!("{name}: "), theme.dim)];
        spans.extend(crate::domain::diff::words(&a, &b).into_iter().flat_map(mark));
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    let chunks = crate::domain::diff::words(&old.body, &e.item.body);
    if !crate::domain::diff::changed(&chunks) {
        out.push(Line::styled(Key::TuiNoChange.text(lang).to_string(), theme.ok));
    }
    let mut line: Vec<Span<'static>> = Vec::new();
    for chunk in chunks {
        use crate::domain::diff::Chunk;
        let (text, kind) = match chunk {
            Chunk::Same(t) => (t, 0),
            Chunk::Added(t) => (t, 1),
            Chunk::Removed(t) => (t, 2),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Line::from(std::mem::take(&mut line)));
            }
            if !part.is_empty() {
                let piece = match kind {
                    0 => Chunk::Same(part.to_string()),
                    1 => Chunk::Added(part.to_string()),
                    _ => Chunk::Removed(part.to_string()),
                };
                line.extend(mark(piece));
            }
        }
    }
    out.push(Line::from(line));
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
    let lang = state.lang;
    let Some(e) = state.current() else { return };
    let sidebar = area.width >= 110;
    let (main, side) = if sidebar {
        let [m, s] = Layout::horizontal([Constraint::Min(60), Constraint::Length(44)])
            .spacing(2)
            .areas(area);
        (m, Some(s))
    } else {
        (area, None)
    };
    let mut doc: Vec<Line<'static>> = vec![Line::styled(clean_line(&e.item.front.title), theme.title)];
    if side.is_none() {
        doc.extend(meta_lines(state, e));
        doc.push(Line::default());
    }
    doc.push(Line::styled("─".repeat(usize::from(main.width.min(60))), theme.border));
    let paras = e.item.paragraphs();
    let located: Vec<Option<usize>> = e.state.threads.iter().map(|t| t.locate(&paras)).collect();
    let mut selected_at = None;
    match (state.version_view, state.diff_base) {
        (Some(ev), _) => {
            let event = e.review.events.get(ev);
            let banner = event.map(|x| {
                i18n::fmt(
                    lang,
                    Key::TuiVersionOf,
                    &[
                        &(ev + 1),
                        &i18n::action(lang, x.action),
                        &clean_line(&x.actor),
                        &super::popup::local_time(state, &x.at),
                    ],
                )
            });
            doc.push(Line::styled(banner.unwrap_or_default(), theme.warn));
            let version = state
                .versions
                .as_ref()
                .filter(|(s, _)| *s == e.slug)
                .and_then(|(_, v)| v.get(ev).cloned().flatten());
            match version {
                Some(item) => {
                    doc.push(Line::styled(clean_line(&item.front.title), theme.title));
                    doc.extend(markdown::render(&clean_block(&item.body), theme));
                }
                None => doc.push(Line::styled(Key::TuiDiffLoading.text(lang).to_string(), theme.dim)),
            }
        }
        (None, Some(base)) => doc.extend(diff_lines(state, e, base)),
        (None, None) => {
            let (lines, at) = review_lines(state, e, &located);
            if state.follow_paragraph && state.paragraph > 0 {
                selected_at = Some(doc.len() + at);
            }
            doc.extend(lines);
        }
    }
    doc.push(Line::default());
    doc.extend(thread_lines(state, e, &located));
    if side.is_none() {
        doc.extend(timeline_lines(state, e));
    }
    let max = wrapped_height(&doc, main.width).saturating_sub(main.height);
    // Follow the selected paragraph: keep it a little below the top.
    let scroll = match selected_at {
        Some(at) => wrapped_height(&doc[..at], main.width).saturating_sub(2),
        None => state.item_scroll,
    }
    .min(max);
    frame.render_widget(Paragraph::new(doc).wrap(Wrap { trim: false }).scroll((scroll, 0)), main);
    if let Some(side) = side {
        let mut lines = meta_lines(state, e);
        lines.push(Line::default());
        lines.extend(timeline_lines(state, e));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), side);
    }
}
