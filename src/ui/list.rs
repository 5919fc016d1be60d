//! The list screen: queues, filters, search and the table of items.

use super::list_parts::{empty_note, title_spans};
use super::view::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::app::Queue;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::store::Entry;

/// Relative time of an RFC 3339 stamp against `now`.
#[must_use]
pub fn relative(state: &View<'_>, at: &str) -> String {
    match at.parse::<jiff::Timestamp>() {
        Ok(t) => i18n::relative(state.lang, state.now.as_second() - t.as_second(), at),
        Err(_) => String::new(),
    }
}

fn badge(state: &View<'_>, e: &Entry) -> Span<'static> {
    let mut label = i18n::status(state.lang, e.state.status).to_string();
    let mut style = state.theme.status(e.state.status);
    if e.approval_stale() {
        label = Key::TuiStale.text(state.lang).to_string();
        style = state.theme.warn;
    } else if e.state.correcting() {
        // A correction under way: the published version is still the public one, so the
        // row says so rather than look like a new draft.
        let short = super::compact::short_status(state.lang, e.state.status);
        label = i18n::fmt(state.lang, Key::TuiCorrectionBadge, &[&short]);
    }
    Span::styled(label, style)
}

fn header(state: &View<'_>) -> Line<'static> {
    let theme = &state.theme;
    let mut spans = Vec::new();
    for (q, key) in [
        (Queue::Mine, Key::TuiQueueMine),
        (Queue::All, Key::TuiQueueAll),
        (Queue::Published, Key::TuiQueuePublished),
    ] {
        let text = format!(" {} ", key.text(state.lang));
        if q == state.list.queue {
            spans.push(Span::styled(
                format!("[{}]", text.trim()),
                theme.accent.patch(theme.selected),
            ));
        } else {
            spans.push(Span::styled(text, theme.dim));
        }
        spans.push(Span::raw(" "));
    }
    let f = &state.list.filters;
    if let Some(s) = f.status {
        spans.push(Span::styled(
            format!(
                " {}:{} ",
                Key::OutFieldStatus.text(state.lang),
                i18n::status(state.lang, s)
            ),
            theme.warn,
        ));
    }
    if let Some(k) = &f.kecamatan {
        // The name people know, not the id.
        let k = state
            .snapshot
            .as_ref()
            .and_then(|s| s.config.kecamatan(k))
            .map_or(k.as_str(), |kec| kec.name.as_str());
        spans.push(Span::styled(
            format!(" {}:{} ", Key::OutFieldKecamatan.text(state.lang), clean_line(k)),
            theme.warn,
        ));
    }
    if let Some(t) = &f.tag {
        spans.push(Span::styled(format!(" #{} ", clean_line(t)), theme.warn));
    }
    Line::from(spans)
}

/// Cells between two columns of the list.
const COLUMN_GAP: u16 = 2;

/// Draw the list screen.
pub fn render_list(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let [top, search, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(header(state)), top);
    // "1 item", not "1 items".
    let results = if state.list.rows.len() == 1 {
        Key::TuiResultsOne
    } else {
        Key::TuiResults
    };
    let search_line = if state.list.searching || !state.list.search.is_empty() {
        let cursor = if state.list.searching { "▏" } else { "" };
        Line::from(vec![
            Span::styled(format!(" / {} ", Key::TuiSearch.text(state.lang)), theme.accent),
            Span::styled(format!("{}{cursor}", clean_line(&state.list.search)), theme.text),
            Span::styled(
                format!("   {}", i18n::fmt(state.lang, results, &[&state.list.rows.len()])),
                theme.dim,
            ),
        ])
    } else {
        let mut text = format!(" {}", i18n::fmt(state.lang, results, &[&state.list.rows.len()]));
        // A first glance shows only the top of the list until the rest is read.
        if state.snapshot.as_ref().is_some_and(|s| s.partial) {
            text.push_str(" · ");
            text.push_str(Key::TuiLoading.text(state.lang));
        }
        Line::from(Span::styled(text, theme.dim))
    };
    frame.render_widget(Paragraph::new(search_line), search);
    let Some(snap) = &state.snapshot else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", Key::TuiLoading.text(state.lang)),
                theme.dim,
            )),
            body,
        );
        return;
    };
    if state.list.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {}", empty_note(state)), theme.dim)).wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    // The layout follows the screen, not the rows a long message leaves the list.
    let screen = frame.area();
    if super::compact::is_compact(screen.width, screen.height) {
        super::compact::render_rows(state, frame, body, snap);
        return;
    }
    let wide = area.width >= 110;
    let mut widths = vec![Constraint::Length(13), Constraint::Fill(3), Constraint::Length(10)];
    let mut heads = vec![Key::OutFieldStatus, Key::OutFieldTitle, Key::OutFieldKecamatan];
    if wide {
        widths.push(Constraint::Fill(1));
        heads.push(Key::OutFieldAuthor);
    }
    widths.push(Constraint::Length(14));
    heads.push(Key::OutFieldUpdated);
    if wide {
        widths.push(Constraint::Fill(1));
        heads.push(Key::OutFieldTags);
    }
    widths.push(Constraint::Length(4));
    // Columns two apart; the title's width as the table will lay it out (after the
    // two-cell selection mark).
    let title_width = Layout::horizontal(widths.clone())
        .spacing(COLUMN_GAP)
        .split(Rect {
            width: body.width.saturating_sub(2),
            ..body
        })
        .get(1)
        .map_or(20, |r| usize::from(r.width));
    let rows: Vec<Row<'_>> = state
        .list
        .rows
        .iter()
        .map(|r| {
            let e = &snap.items[r.index];
            let kec = snap
                .config
                .kecamatan(&e.item.front.kecamatan)
                .map_or(e.item.front.kecamatan.as_str(), |k| k.name.as_str());
            let comments = match e.open_threads() {
                0 => String::new(),
                n => format!("💬{n}"),
            };
            let mut cells = vec![
                Cell::from(badge(state, e)),
                Cell::from(title_spans(state, &e.item.front.title, &r.highlight, title_width)),
                Cell::from(Span::styled(clean_line(kec), theme.dim)),
            ];
            if wide {
                let author = snap
                    .config
                    .person(&e.item.front.author)
                    .map_or(e.item.front.author.as_str(), |p| p.name.as_str());
                cells.push(Cell::from(Span::styled(clean_line(author), theme.dim)));
            }
            cells.push(Cell::from(Span::styled(relative(state, &e.updated()), theme.dim)));
            if wide {
                cells.push(Cell::from(Span::styled(
                    clean_line(&e.item.front.tags.join(" ")),
                    theme.dim,
                )));
            }
            cells.push(Cell::from(Span::styled(comments, theme.warn)));
            Row::new(cells)
        })
        .collect();
    let mut rows = rows;
    let waiting_at = super::waiting::spacer(state, &mut rows, body.width);
    let mut head_cells: Vec<Cell<'_>> = heads.iter().map(|k| Cell::from(k.text(state.lang))).collect();
    head_cells.push(Cell::from(""));
    let table = Table::new(rows, widths)
        .column_spacing(COLUMN_GAP)
        .header(
            Row::new(head_cells).style(
                theme
                    .dim
                    .patch(Style::new().add_modifier(ratatui::style::Modifier::BOLD)),
            ),
        )
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let selected = super::waiting::selected_row(state, waiting_at);
    let mut ts = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, body, &mut ts);
    super::waiting::render_header(state, frame, body, waiting_at, ts.offset());
    state.newcomer.list_geometry.set(crate::app::newcomer::ListGeometry {
        first_y: body.y + 1,
        height: body.height.saturating_sub(1),
        offset: ts.offset(),
        spacer: waiting_at,
    });
}
