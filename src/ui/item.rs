//! The item view: rendered body, metadata, photos, approval state, comments and timeline.

use super::view::{View, diff_line, mark};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::list::relative;
use super::markdown;
use super::theme::Theme;
use crate::app::State;
use crate::domain::diff::{self, ItemDiff, Kind};
use crate::domain::review::{ActionKind, Status};
use crate::domain::text::{clean_block, clean_line};
use crate::i18n::{self, Key};
use crate::store::Entry;

fn meta_lines(state: &View<'_>, e: &Entry) -> Vec<Line<'static>> {
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
    if e.state.status == Status::TakenDown {
        // Published once and approved then; the takedown line below says what matters.
    } else if e.approval_stale() {
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
    out.extend(super::published::meta_lines(state, e));
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
        .filter(|p| p.item == e.slug && Some(&p.person) != state.me.as_ref())
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

fn comment_lines(state: &View<'_>, t: &crate::domain::review::Thread, indent: &str) -> Vec<Line<'static>> {
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
fn thread_lines(state: &View<'_>, e: &Entry, located: &[Option<usize>]) -> Vec<Line<'static>> {
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
fn review_lines(state: &View<'_>, e: &Entry, located: &[Option<usize>]) -> (Vec<Line<'static>>, usize) {
    let theme = &state.theme;
    let mut out = Vec::new();
    let mut selected_at = 0;
    if e.lean {
        // The body is being read from git (a lean snapshot): a moment.
        out.push(Line::styled(
            Key::TuiBodyLoading.text(state.lang).to_string(),
            theme.dim,
        ));
        return (out, 0);
    }
    for (i, p) in e.item.paragraphs().iter().enumerate() {
        let selected = state.item.paragraph == i + 1;
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

/// The diff's banner, note and changed fields, and the diff itself once the worker
/// computed it. Only reads the cache: a diff is never computed while drawing.
fn diff_head<'s>(view: &View<'s>, e: &Entry, base: usize) -> (Vec<Line<'static>>, Option<&'s ItemDiff>) {
    let (state, theme): (&'s State, &Theme) = (view.state, view.theme);
    let lang = state.lang;
    let Some(ev) = e.review.events.get(base) else {
        return (Vec::new(), None);
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
                &i18n::action(lang, ev.action),
                &clean_line(&who),
                &super::view::local_time(view, &ev.at),
            ],
        ),
        theme.accent,
    )];
    let d = match state.shown_diff() {
        None => {
            out.push(Line::styled(Key::TuiDiffLoading.text(lang).to_string(), theme.dim));
            return (out, None);
        }
        Some(None) => {
            out.push(Line::styled(Key::TuiDiffComputing.text(lang).to_string(), theme.dim));
            return (out, None);
        }
        Some(Some(d)) => d,
    };
    match d.kind {
        Kind::Words => {}
        Kind::Paragraphs => out.push(Line::styled(Key::TuiDiffByParagraph.text(lang).to_string(), theme.warn)),
        Kind::TooDifferent => out.push(Line::styled(
            Key::TuiDiffTooDifferent.text(lang).to_string(),
            theme.warn,
        )),
    }
    for (name, chunks) in &d.fields {
        let mut spans = vec![Span::styled(format!("{name}: "), theme.dim)];
        spans.extend(chunks.iter().flat_map(|c| mark(theme, c)));
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    if !d.changed {
        out.push(Line::styled(Key::TuiNoChange.text(lang).to_string(), theme.ok));
    }
    (out, Some(d))
}

/// Rows a line of `width` columns takes when wrapped at `w` (an estimate: wrapping at
/// words can take more).
fn rows(width: usize, w: usize) -> usize {
    width.div_ceil(w.max(1)).max(1)
}

/// The lines to draw for rows `scroll..scroll + height` of a document made of `head`,
/// the diff lines `body` and `tail`, and how many rows of the first one lie above the
/// view. Only the visible diff lines become screen lines, so a key in the diff of a
/// 1 MiB item costs what a screenful costs.
fn window(
    theme: &Theme,
    (head, body, tail): (Vec<Line<'static>>, &[diff::Line], Vec<Line<'static>>),
    w: usize,
    scroll: usize,
    height: usize,
) -> (Vec<Line<'static>>, usize) {
    enum Src<'b> {
        Ready(Line<'static>),
        Diff(&'b diff::Line),
    }
    let all = head
        .into_iter()
        .map(Src::Ready)
        .chain(body.iter().map(Src::Diff))
        .chain(tail.into_iter().map(Src::Ready));
    let (mut top, mut offset, mut out) = (0, 0, Vec::new());
    for src in all {
        let h = match &src {
            Src::Ready(l) => rows(l.width(), w),
            Src::Diff(l) => rows(l.width, w),
        };
        if top + h <= scroll {
            top += h;
            continue;
        }
        if out.is_empty() {
            offset = scroll - top;
        }
        out.push(match src {
            Src::Ready(l) => l,
            Src::Diff(l) => diff_line(theme, l),
        });
        top += h;
        if top >= scroll + height {
            break;
        }
    }
    (out, offset)
}

/// Both versions side by side, when they are too different for a diff: the head on
/// top, then the old version left and the current one right, scrolled together.
fn side_by_side(state: &View<'_>, frame: &mut Frame<'_>, area: Rect, head: Vec<Line<'static>>, d: &ItemDiff) {
    let theme = &state.theme;
    let lang = state.lang;
    let head_rows = wrapped_height(&head, area.width).min(area.height / 2);
    let [top, cols] = Layout::vertical([Constraint::Length(head_rows), Constraint::Min(3)]).areas(area);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), top);
    let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(cols);
    let base = state.item.diff_base.unwrap_or_default() + 1;
    for (rect, title, lines) in [
        (left, i18n::fmt(lang, Key::TuiDiffOld, &[&base]), &d.old),
        (right, Key::TuiDiffNew.text(lang).to_string(), &d.lines),
    ] {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(Span::styled(format!(" {title} "), theme.title));
        let inner = block.inner(rect);
        let (w, h) = (usize::from(inner.width), usize::from(inner.height));
        let total: usize = lines.iter().map(|l| rows(l.width, w)).sum();
        let scroll = usize::from(state.item.scroll).min(total.saturating_sub(h));
        let (visible, offset) = window(theme, (Vec::new(), lines, Vec::new()), w, scroll, h);
        frame.render_widget(
            Paragraph::new(visible)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((u16::try_from(offset).unwrap_or(u16::MAX), 0)),
            rect,
        );
    }
}

fn timeline_lines(state: &View<'_>, e: &Entry) -> Vec<Line<'static>> {
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
        if let (Some(c), Some(u)) = (&ev.channel, &ev.url) {
            spans.push(Span::styled(
                format!(": {} {}", clean_line(c), clean_line(u)),
                theme.dim,
            ));
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
pub fn render_item(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
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
    // Photos: the chosen photo above the text.
    let main = super::photos::render_item_band(state, e, frame, main);
    let mut doc: Vec<Line<'static>> = vec![Line::styled(clean_line(&e.item.front.title), theme.title)];
    if side.is_none() {
        doc.extend(meta_lines(state, e));
        doc.push(Line::default());
    }
    doc.push(Line::styled("─".repeat(usize::from(main.width.min(60))), theme.border));
    let paras = e.item.paragraphs();
    let located: Vec<Option<usize>> = e.state.threads.iter().map(|t| t.locate(&paras)).collect();
    let mut selected_at = None;
    // The diff's lines, drawn a screenful at a time.
    let mut body: &[diff::Line] = &[];
    match (state.item.version_view, state.item.diff_base) {
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
                        &super::view::local_time(state, &x.at),
                    ],
                )
            });
            doc.push(Line::styled(banner.unwrap_or_default(), theme.warn));
            let version = state
                .item
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
        (None, Some(base)) => {
            let (head, d) = diff_head(state, e, base);
            doc.extend(head);
            match d {
                Some(d) if d.kind == Kind::TooDifferent => {
                    side_by_side(state, frame, main, doc, d);
                    render_side(state, e, frame, side);
                    return;
                }
                Some(d) => body = &d.lines,
                None => {}
            }
        }
        (None, None) => {
            let (lines, at) = review_lines(state, e, &located);
            if state.item.follow_paragraph && state.item.paragraph > 0 {
                selected_at = Some(doc.len() + at);
            }
            doc.extend(lines);
        }
    }
    let mut tail = vec![Line::default()];
    tail.extend(thread_lines(state, e, &located));
    if side.is_none() {
        tail.extend(timeline_lines(state, e));
    }
    let w = usize::from(main.width.max(1));
    let total = wrapped_height(&doc, main.width) as usize
        + body.iter().map(|l| rows(l.width, w)).sum::<usize>()
        + wrapped_height(&tail, main.width) as usize;
    let max =
        total.saturating_sub(usize::from(main.height)) + usize::from(super::newcomer::room_below(state, main.height));
    // Follow the selected paragraph: keep it a little below the top.
    let scroll = match selected_at {
        Some(at) => usize::from(wrapped_height(&doc[..at], main.width).saturating_sub(2)),
        None => usize::from(state.item.scroll),
    }
    .min(max);
    let (lines, scroll) = if body.is_empty() {
        doc.extend(tail);
        (doc, scroll)
    } else {
        window(theme, (doc, body, tail), w, scroll, usize::from(main.height))
    };
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)),
        main,
    );
    render_side(state, e, frame, side);
}

/// The metadata and timeline beside the item on a wide terminal.
fn render_side(state: &View<'_>, e: &Entry, frame: &mut Frame<'_>, side: Option<Rect>) {
    if let Some(side) = side {
        let mut lines = meta_lines(state, e);
        lines.push(Line::default());
        lines.extend(timeline_lines(state, e));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), side);
    }
}
