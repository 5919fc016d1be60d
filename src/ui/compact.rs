//! The compact layout, for phones and small windows: from 50x16 up to below 80x24 the
//! list is one column (a short status badge, the title, open threads), the editor's
//! kecamatan, date and location take a row each where they do not fit on one, and the
//! key hints collapse to `? bantuan`. Below 50x16 only a note asking for room is drawn.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::view::View;
use crate::app::newcomer::ListGeometry;
use crate::app::{Mode, keymap};
use crate::domain::review::Status;
use crate::i18n::{Key, Lang};
use crate::store::Snapshot;

/// The smallest screen warta draws on.
pub const MIN: (u16, u16) = (50, 16);

/// Whether the screen is below the full layout's 80x24.
#[must_use]
pub fn is_compact(width: u16, height: u16) -> bool {
    width < 80 || height < 24
}

/// A status in at most six cells.
#[must_use]
pub fn short_status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Draft => Key::TuiShortDraft,
        Status::Submitted => Key::TuiShortSubmitted,
        Status::ChangesRequested => Key::TuiShortChanges,
        Status::Approved => Key::TuiShortApproved,
        Status::Published => Key::TuiShortPublished,
        Status::Rejected => Key::TuiShortRejected,
        Status::Discarded => Key::TuiShortDiscarded,
        Status::TakenDown => Key::TuiShortTakenDown,
    }
    .text(lang)
}

/// The collapsed hints: the key that shows them all (`?`, `F1` in the editor, where `?`
/// is typed), and in the editor the key that saves.
#[must_use]
pub fn hints(state: &View<'_>) -> Line<'static> {
    let mode = state.mode();
    let wanted = |b: &&keymap::Binding| b.help == Key::KeyHelp || (mode == Mode::Editor && b.help == Key::KeySave);
    let mut spans = vec![Span::raw(" ")];
    for b in keymap::for_mode(mode).filter(|b| b.hint).filter(wanted) {
        spans.push(Span::styled(
            keymap::label(b),
            state.theme.bar.patch(state.theme.accent),
        ));
        spans.push(Span::styled(format!(" {}  ", b.help.text(state.lang)), state.theme.bar));
    }
    if spans.len() == 1 {
        spans.push(Span::styled("?", state.theme.bar.patch(state.theme.accent)));
        spans.push(Span::styled(
            format!(" {}", Key::KeyHelp.text(state.lang)),
            state.theme.bar,
        ));
    }
    Line::from(spans)
}

/// The list's rows in one column; records where they were drawn for taps.
pub fn render_rows(state: &View<'_>, frame: &mut Frame<'_>, body: Rect, snap: &Snapshot) {
    let theme = &state.theme;
    // The selection mark, the badge, the comments and the gaps between them.
    let title_width = usize::from(body.width.saturating_sub(2 + 6 + 1 + 1 + 3));
    let mut rows: Vec<Row<'_>> = state
        .list
        .rows
        .iter()
        .map(|r| {
            let e = &snap.items[r.index];
            let (label, style) = if e.approval_stale() {
                (Key::TuiShortStale.text(state.lang), theme.warn)
            } else if e.state.correcting() {
                // Six cells hold no more than the word: a correction is under way.
                (Key::TuiShortCorrecting.text(state.lang), theme.status(e.state.status))
            } else {
                (short_status(state.lang, e.state.status), theme.status(e.state.status))
            };
            let comments = match e.open_threads() {
                0 => String::new(),
                n => format!("💬{n}"),
            };
            Row::new(vec![
                Cell::from(Span::styled(label, style)),
                Cell::from(super::list_parts::title_spans(
                    state,
                    &e.item.front.title,
                    &r.highlight,
                    title_width,
                )),
                Cell::from(Span::styled(comments, theme.warn)),
            ])
        })
        .collect();
    let spacer = super::waiting::spacer(state, &mut rows, body.width);
    let widths = [Constraint::Length(6), Constraint::Fill(1), Constraint::Length(3)];
    let table = Table::new(rows, widths)
        .column_spacing(1)
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let selected = super::waiting::selected_row(state, spacer);
    let mut ts = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, body, &mut ts);
    // The section line is drawn over the spacer; this table has no title row.
    let above = Rect {
        y: body.y.saturating_sub(1),
        height: body.height + 1,
        ..body
    };
    super::waiting::render_header(state, frame, above, spacer, ts.offset());
    state.newcomer.list_geometry.set(ListGeometry {
        first_y: body.y,
        height: body.height,
        offset: ts.offset(),
        spacer,
    });
}

/// Where the editor's kecamatan, date and location go: one row when the three fit,
/// else a row each.
#[must_use]
pub fn editor_meta(meta: Rect) -> [Rect; 3] {
    if meta.height >= 3 {
        Layout::vertical([Constraint::Length(1); 3]).areas(meta)
    } else {
        Layout::horizontal([Constraint::Length(34), Constraint::Length(24), Constraint::Min(10)]).areas(meta)
    }
}

/// Rows the editor's kecamatan, date and location take on a screen this wide.
#[must_use]
pub fn editor_meta_height(width: u16) -> u16 {
    if width < 80 { 3 } else { 1 }
}
