//! The editor screen: the item's fields, the soft-wrapped body, word count and lint
//! hints, and the popups for restore, leave and save conflicts.

use super::view::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::view::centered;
use crate::app::editor::{Editor, Field};
use crate::app::{Mode, keymap};
use crate::domain::diff::{Chunk, words};
use crate::domain::item::Item;
use crate::domain::lint::{Rule, Rules};
use crate::domain::text::{clean_block, clean_line};
use crate::i18n::{self, Key};

const LABEL: u16 = 11;

fn label(state: &View<'_>, ed: &Editor, field: Field, text: &str) -> Paragraph<'static> {
    let style = if ed.field == field {
        state.theme.accent
    } else {
        state.theme.dim
    };
    Paragraph::new(Span::styled(format!("{text:<w$}", w = usize::from(LABEL)), style))
}

fn row(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Length(LABEL), Constraint::Min(1)]).areas(area)
}

/// Words, reading time and the lint hints that matter while typing.
fn info_line(state: &View<'_>, ed: &Editor) -> Line<'static> {
    let theme = &state.theme;
    let lang = state.lang;
    let n = ed.word_count();
    let mut spans = vec![Span::styled(
        i18n::fmt(lang, Key::TuiWords, &[&n, &n.div_ceil(200).max(1)]),
        theme.dim,
    )];
    if ed.dirty() {
        spans.push(Span::styled(format!("  ● {}", Key::TuiUnsaved.text(lang)), theme.warn));
    }
    // What the focused field wants, so no format has to be guessed.
    let hint = match ed.field {
        Field::Title => Key::TuiHintTitle,
        Field::Kecamatan => Key::TuiHintKecamatan,
        Field::EventDate => Key::TuiHintDate,
        Field::Location => Key::TuiHintLocation,
        Field::Tags => Key::TuiHintTags,
        Field::Photos => Key::TuiHintPhotos,
        Field::Body => Key::TuiHintBody,
    };
    // The body's hint stays until the person has written past the template.
    if ed.field != Field::Body || ed.word_count() < 20 {
        // The title's limit is the newsroom's own (`[rules] title_length`), as the check says.
        let text = if hint == Key::TuiHintTitle {
            let max = state
                .snapshot
                .as_ref()
                .map_or(100, |s| Rules::from_config(&s.config).title_max);
            i18n::fmt(lang, hint, &[&max])
        } else {
            hint.text(lang).to_string()
        };
        spans.push(Span::styled(format!("  {text}"), theme.accent));
    }
    if ed.field == Field::Tags {
        let s = ed.suggestions();
        if !s.is_empty() {
            spans.push(Span::styled(
                format!("  {} {}", Key::TuiSuggest.text(lang), s.join(" ")),
                theme.accent,
            ));
        }
        return Line::from(spans);
    }
    if let (Some(snap), Ok(item)) = (&state.snapshot, ed.item()) {
        // Only the hints that matter while typing; the full checklist is for review.
        let hints = [Rule::TitleLength, Rule::LeadLength, Rule::PhotoCaptions];
        for c in Rules::from_config(&snap.config).check_only(&item, &snap.config, &hints) {
            if !c.passed {
                let detail = if c.detail.is_empty() {
                    String::new()
                } else {
                    format!(" {}", clean_line(&c.detail))
                };
                spans.push(Span::styled(
                    format!("  ⚠ {}{detail}", i18n::rule_name(lang, c.rule.id())),
                    theme.warn,
                ));
            }
        }
    }
    Line::from(spans)
}

/// Draw the editor.
pub fn render_editor(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some(ed) = &state.editor else { return };
    let theme = &state.theme;
    let lang = state.lang;
    // The focused field's hint is never cut: the line takes a second row when it must.
    let info_text = info_line(state, ed);
    let info_rows = if info_text.width() > usize::from(area.width) {
        2
    } else {
        1
    };
    let [head, title, meta, tags, photos, sep, body, info] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(super::compact::editor_meta_height(area.width)),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(info_rows),
    ])
    .areas(area);
    let heading = match &ed.slug {
        None => Key::TuiNewItem.text(lang).to_string(),
        Some(s) => format!("{} · {}", Key::KeyEdit.text(lang), clean_line(s)),
    };
    frame.render_widget(Paragraph::new(Span::styled(heading, theme.title)), head);

    let [l, r] = row(title);
    frame.render_widget(label(state, ed, Field::Title, Key::TuiFieldTitle.text(lang)), l);
    frame.render_widget(&ed.title, r);

    let [kec_area, date_area, loc_area] = super::compact::editor_meta(meta);
    let [l, r] = row(kec_area);
    frame.render_widget(label(state, ed, Field::Kecamatan, Key::OutFieldKecamatan.text(lang)), l);
    let kec_name = state
        .snapshot
        .as_ref()
        .and_then(|s| s.config.kecamatan(&ed.kecamatan))
        .map_or_else(|| Key::TuiKabupaten.text(lang).to_string(), |k| k.name.clone());
    let kec_text = if ed.kecamatan_locked {
        clean_line(&kec_name)
    } else {
        format!("◂ {} ▸", clean_line(&kec_name))
    };
    let kec_style = if ed.field == Field::Kecamatan {
        theme.selected
    } else {
        theme.text
    };
    frame.render_widget(Paragraph::new(Span::styled(kec_text, kec_style)), r);
    // Stacked on a narrow screen, date and location line up with the other fields.
    let stacked = super::compact::editor_meta_height(area.width) > 1;
    let [l, r] = Layout::horizontal([
        Constraint::Length(label_width(Field::EventDate, stacked)),
        Constraint::Min(1),
    ])
    .areas(date_area);
    frame.render_widget(label(state, ed, Field::EventDate, Key::TuiFieldDate.text(lang)), l);
    frame.render_widget(&ed.event_date, r);
    let [l, r] = Layout::horizontal([
        Constraint::Length(label_width(Field::Location, stacked)),
        Constraint::Min(1),
    ])
    .areas(loc_area);
    frame.render_widget(label(state, ed, Field::Location, Key::OutFieldLocation.text(lang)), l);
    frame.render_widget(&ed.location, r);

    let [l, r] = row(tags);
    frame.render_widget(label(state, ed, Field::Tags, Key::OutFieldTags.text(lang)), l);
    frame.render_widget(&ed.tags, r);
    let [l, r] = row(photos);
    frame.render_widget(label(state, ed, Field::Photos, Key::OutFieldPhotos.text(lang)), l);
    super::photos::render_summary(state, ed, frame, r);

    let sep_style = if ed.field == Field::Body {
        theme.accent
    } else {
        theme.border
    };
    let sep_text = format!("── {} ", Key::TuiFieldBody.text(lang));
    let fill = usize::from(sep.width).saturating_sub(sep_text.chars().count());
    frame.render_widget(
        Paragraph::new(Span::styled(format!("{sep_text}{}", "─".repeat(fill)), sep_style)),
        sep,
    );
    let fields = Rect::new(title.x, title.y, title.width, photos.bottom().saturating_sub(title.y));
    let (body, threads) = super::editor_threads::split(state, ed, body, fields);
    // Photos: while they have the focus, their list takes the body's place.
    let photo_cursor = (ed.field == Field::Photos).then(|| super::photos::render_panel(state, ed, frame, body));
    let body_cursor = match photo_cursor {
        Some(c) => c,
        None => Some(super::spelling::render_body(state, ed, frame, body)),
    };
    super::editor_threads::render(state, ed, frame, threads);
    frame.render_widget(Paragraph::new(info_text).wrap(Wrap { trim: true }), info);
    // The terminal's own cursor marks where typing goes.
    let focused = match ed.field {
        Field::Title => Some((&ed.title, title)),
        Field::EventDate => Some((&ed.event_date, date_area)),
        Field::Location => Some((&ed.location, loc_area)),
        Field::Tags => Some((&ed.tags, tags)),
        Field::Body | Field::Kecamatan | Field::Photos => None,
    };
    if let (Field::Body | Field::Photos, Mode::Editor, Some(at)) = (ed.field, state.mode(), body_cursor) {
        frame.set_cursor_position(at);
    }
    if let (Some((area_of, row_area)), Mode::Editor) = (focused, state.mode()) {
        let field_area = text_area(ed.field, row_area, stacked);
        let c = area_of.screen_cursor();
        let (top_row, top_col) = area_of.scroll_offset();
        let (row, col) = (
            c.row.saturating_sub(usize::from(top_row)),
            c.col.saturating_sub(usize::from(top_col)),
        );
        if let (Ok(row), Ok(col)) = (u16::try_from(row), u16::try_from(col)) {
            if row < field_area.height && col < field_area.width {
                frame.set_cursor_position((field_area.x + col, field_area.y + row));
            }
        }
    }

    match state.mode() {
        Mode::EditorRestore => render_restore(state, ed, frame, area),
        Mode::EditorLeave => {
            let lines = vec![
                Line::styled(Key::TuiLeaveAsk.text(lang).to_string(), theme.text),
                Line::default(),
                keys_line(state, Mode::EditorLeave),
            ];
            popup(state, frame, area, Key::KeyLeave.text(lang), lines, 64, 6);
        }
        Mode::EditorConflict => render_conflict(state, ed, frame, area),
        Mode::Spelling => {
            if let Some(at) = body_cursor {
                super::spelling::render_popup(state, frame, area, at);
            }
        }
        _ => {}
    }
}

/// How wide a field's label is: date and location share one row on a wide screen, so
/// their labels are short there; stacked (`stacked`) they take the common width.
fn label_width(field: Field, stacked: bool) -> u16 {
    match field {
        Field::EventDate if !stacked => 9,
        Field::Location if !stacked => 8,
        _ => LABEL,
    }
}

/// Where a one-line field's text area sits in its row (after its label).
fn text_area(field: Field, row_area: Rect, stacked: bool) -> Rect {
    let [_, r] =
        Layout::horizontal([Constraint::Length(label_width(field, stacked)), Constraint::Min(1)]).areas(row_area);
    r
}

fn keys_line(state: &View<'_>, mode: Mode) -> Line<'static> {
    let mut spans = Vec::new();
    for b in keymap::for_mode(mode).filter(|b| b.hint) {
        spans.push(Span::styled(keymap::label(b), state.theme.accent));
        spans.push(Span::styled(
            format!(" {}   ", b.help.text(state.lang)),
            state.theme.text,
        ));
    }
    Line::from(spans)
}

fn popup(state: &View<'_>, frame: &mut Frame<'_>, area: Rect, title: &str, lines: Vec<Line<'static>>, w: u16, h: u16) {
    let rect = centered(area, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.accent)
        .title(Span::styled(format!(" {title} "), state.theme.title));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}

/// Word-diff lines of two bodies, with marks that survive monochrome.
fn diff_lines(state: &View<'_>, old: &str, new: &str, only_new: bool) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let mut lines = vec![Line::default()];
    for chunk in words(old, new) {
        if only_new && matches!(chunk, Chunk::Removed(_)) {
            continue;
        }
        let (text, style, open, close) = match chunk {
            Chunk::Same(t) => (t, theme.text, "", ""),
            Chunk::Added(t) => (t, theme.added, "[+", "+]"),
            Chunk::Removed(t) => (t, theme.removed, "[-", "-]"),
        };
        let text = clean_block(&text);
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            if let Some(last) = lines.last_mut() {
                let marked = if open.is_empty() || part.is_empty() {
                    part.to_string()
                } else {
                    format!("{open}{part}{close}")
                };
                last.spans.push(Span::styled(marked, style));
            }
        }
    }
    lines
}

/// Only the lines (paragraphs) that carry a change, so a long article fits.
fn changed_only(lines: Vec<Line<'static>>) -> impl Iterator<Item = Line<'static>> {
    lines
        .into_iter()
        .filter(|l| {
            l.spans
                .iter()
                .any(|s| s.content.starts_with("[+") || s.content.starts_with("[-"))
        })
        .flat_map(|l| [l, Line::default()])
}

fn render_restore(state: &View<'_>, ed: &Editor, frame: &mut Frame<'_>, area: Rect) {
    let Some(j) = &ed.offer else { return };
    let lang = state.lang;
    let journal_item = Item::parse(j.content.as_bytes()).unwrap_or_default();
    let mut lines = vec![
        Line::styled(
            i18n::fmt(
                lang,
                Key::TuiRestoreAsk,
                &[&clean_line(&super::view::local_time(state, &j.saved_at))],
            ),
            state.theme.warn,
        ),
        Line::default(),
    ];
    if journal_item.front.title != ed.saved.front.title {
        lines.push(Line::styled(
            format!(
                "{}: {}",
                Key::TuiFieldTitle.text(lang),
                clean_line(&journal_item.front.title)
            ),
            state.theme.added,
        ));
    }
    lines.extend(
        changed_only(diff_lines(state, &ed.saved.body, &journal_item.body, false))
            .take(usize::from(area.height.saturating_sub(8))),
    );
    // The keys get rows of their own: on a phone the wrapped text would push them out of
    // the box, leaving a question nobody can see how to answer.
    let keys = keys_line(state, Mode::EditorRestore);
    let w = area.width.saturating_sub(4);
    let inner_w = usize::from(w.saturating_sub(2)).max(1);
    let rows = |l: &Line<'_>| l.width().div_ceil(inner_w).max(1);
    let key_rows = u16::try_from(rows(&keys)).unwrap_or(1);
    let text_rows: usize = lines.iter().map(rows).sum();
    let h = u16::try_from(text_rows)
        .unwrap_or(u16::MAX)
        .saturating_add(key_rows + 3);
    let rect = centered(area, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.accent)
        .title(Span::styled(
            format!(" {} ", Key::KeyRestore.text(lang)),
            state.theme.title,
        ));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let [text, _, keys_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1), Constraint::Length(key_rows)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    frame.render_widget(Paragraph::new(keys).wrap(Wrap { trim: false }), keys_area);
}

fn render_conflict(state: &View<'_>, ed: &Editor, frame: &mut Frame<'_>, area: Rect) {
    let Some(c) = &ed.conflict else { return };
    let theme = &state.theme;
    let lang = state.lang;
    frame.render_widget(Clear, area);
    let [top, panes, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(Key::TuiConflict.text(lang).to_string(), theme.warn)),
        top,
    );
    let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(panes);
    for (rect, title, old, new) in [
        (left, Key::TuiMine, &c.theirs.body, &c.ours.body),
        (right, Key::TuiTheirs, &c.ours.body, &c.theirs.body),
    ] {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(Span::styled(format!(" {} ", title.text(lang)), theme.title));
        frame.render_widget(
            Paragraph::new(changed_only(diff_lines(state, old, new, true)).collect::<Vec<_>>())
                .block(block)
                .wrap(Wrap { trim: false }),
            rect,
        );
    }
    frame.render_widget(Paragraph::new(keys_line(state, Mode::EditorConflict)), keys);
}
