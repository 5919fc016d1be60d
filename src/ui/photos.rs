//! Photos on screen: the band above an item's text (the chosen photo, its caption and
//! credit), the editor's photo list with its two inputs, and the previews themselves.
//!
//! Drawing only: a preview is drawn from what the runtime made (`app::photos`); a photo
//! not ready yet shows a line saying so, and nothing here decodes anything.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::view::View;
use crate::app::editor::{Editor, Field};
use crate::app::photos::{self, Part, PreviewKey, Shown};
use crate::domain::item::Photo;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::store::Entry;

/// Draw the preview under `key` in `area`, or a line saying why there is none yet.
fn render_preview(state: &View<'_>, key: &PreviewKey, frame: &mut Frame<'_>, area: Rect) {
    match photos::shown(state, key) {
        Some(Shown::Ready(p)) => frame.render_widget(ratatui_image::Image::new(&p.0), area),
        Some(Shown::Failed(why)) => frame.render_widget(
            Paragraph::new(Span::styled(format!("⚠ {}", clean_line(why)), state.theme.warn)).wrap(Wrap { trim: true }),
            area,
        ),
        None => frame.render_widget(
            Paragraph::new(Span::styled(
                Key::TuiPhotoLoading.text(state.lang).to_string(),
                state.theme.dim,
            )),
            area,
        ),
    }
}

fn size_text(p: &Photo) -> String {
    match (p.width, p.height) {
        (Some(w), Some(h)) => format!("{w}×{h}"),
        _ => String::new(),
    }
}

/// The item view's photo band: the photo on the left, what goes with it on the right.
/// Returns the area left for the text below it.
pub fn render_item_band(state: &View<'_>, e: &Entry, frame: &mut Frame<'_>, area: Rect) -> Rect {
    let photos = &e.item.front.photos;
    let Some(key) = photos::current_key(state).filter(|_| !photos.is_empty()) else {
        return area;
    };
    if area.height < key.rows + 6 {
        return area;
    }
    let (theme, lang) = (&state.theme, state.lang);
    let [band, _, rest] =
        Layout::vertical([Constraint::Length(key.rows), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let [pic, info] = Layout::horizontal([Constraint::Length(key.cols), Constraint::Min(10)])
        .spacing(2)
        .areas(band);
    render_preview(state, &key, frame, pic);
    let n = photos.len();
    let i = state.photos.item_photo % n;
    let p = &photos[i];
    let mut head = i18n::fmt(lang, Key::TuiPhotoOf, &[&(i + 1), &n]);
    if i == 0 {
        head = format!("{head} · {}", Key::TuiPhotoCover.text(lang));
    }
    let mut lines = vec![Line::styled(head, theme.title)];
    lines.push(if p.caption.trim().is_empty() {
        Line::styled(Key::TuiNoCaption.text(lang).to_string(), theme.warn)
    } else {
        Line::styled(clean_line(&p.caption), theme.text)
    });
    if !p.credit.is_empty() {
        lines.push(Line::styled(
            format!("{}: {}", Key::TuiPhotoCredit.text(lang), clean_line(&p.credit)),
            theme.dim,
        ));
    }
    lines.push(Line::styled(
        format!("{} {}", clean_line(&p.file), size_text(p)),
        theme.dim,
    ));
    if n > 1 {
        lines.push(Line::styled(Key::TuiPhotoMore.text(lang).to_string(), theme.accent));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), info);
    rest
}

/// The editor's photos row while another field has the focus: how many, which lack a caption.
pub fn render_summary(state: &View<'_>, ed: &Editor, frame: &mut Frame<'_>, area: Rect) {
    let (theme, lang) = (&state.theme, state.lang);
    let photos = ed.photos.photos();
    if photos.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled("—".to_string(), theme.dim)), area);
        return;
    }
    let mut spans = vec![Span::styled(
        format!("{}: ", i18n::fmt(lang, Key::TuiPhotoCount, &[&photos.len()])),
        theme.text,
    )];
    for (i, p) in photos.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        let star = if i == 0 { "★ " } else { "" };
        spans.push(Span::styled(format!("{star}{}", clean_line(&p.file)), theme.text));
        if p.caption.trim().is_empty() {
            spans.push(Span::styled(" ⚠", theme.warn));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }), area);
}

/// The photo panel in place of the body while the photos have the focus: the chosen
/// photo's caption and credit inputs, the list, the keys, and the preview. Returns
/// where the terminal's cursor goes.
pub fn render_panel(state: &View<'_>, ed: &Editor, frame: &mut Frame<'_>, area: Rect) -> Option<(u16, u16)> {
    let (theme, lang) = (&state.theme, state.lang);
    let list = &ed.photos;
    // On a phone the panel has three rows: the photo's line, its caption and its credit
    // come before the key line (F1 lists the keys too), so no input is ever hidden.
    let key_rows = u16::from(area.height >= 4);
    let [main, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(key_rows)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(Key::TuiPhotoKeys.text(lang).to_string(), theme.accent)),
        keys,
    );
    if list.rows.is_empty() {
        let text = match &ed.slug {
            Some(slug) => i18n::fmt(lang, Key::TuiNoPhotos, &[&clean_line(slug)]),
            None => Key::TuiNoPhotosNew.text(lang).to_string(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim)).wrap(Wrap { trim: true }),
            main,
        );
        return None;
    }
    let key = photos::current_key(state);
    let cols = key.as_ref().map_or(0, |k| k.cols);
    let [left, pic] = Layout::horizontal([Constraint::Min(20), Constraint::Length(cols)])
        .spacing(2)
        .areas(main);
    if let Some(key) = &key {
        let [pic, _] = Layout::vertical([Constraint::Length(key.rows), Constraint::Min(0)]).areas(pic);
        render_preview(state, key, frame, pic);
    }
    // Rows by importance: caption and credit, then the photo's line, then the list.
    let at = |n: u16, h: u16| {
        if n + h <= left.height {
            Rect::new(left.x, left.y + n, left.width, h)
        } else {
            Rect::new(left.x, left.y, left.width, 0)
        }
    };
    let (head, caption, credit) = if left.height >= 3 {
        (at(0, 1), at(1, 1), at(2, 1))
    } else {
        (at(0, 0), at(0, 1), at(1, 1))
    };
    let rows = at(4, left.height.saturating_sub(4));
    let i = list.selected.min(list.rows.len() - 1);
    let row = &list.rows[i];
    let mut head_text = format!(
        "{} · {} {}",
        i18n::fmt(lang, Key::TuiPhotoOf, &[&(i + 1), &list.rows.len()]),
        clean_line(&row.photo.file),
        size_text(&row.photo)
    );
    if i == 0 {
        head_text = format!("{head_text} · ★ {}", Key::TuiPhotoCover.text(lang));
    }
    frame.render_widget(Paragraph::new(Span::styled(head_text, theme.title)), head);
    let mut cursor = None;
    for (part, rect, input, label) in [
        (Part::Caption, caption, &row.caption, Key::TuiPhotoCaption),
        (Part::Credit, credit, &row.credit, Key::TuiPhotoCredit),
    ] {
        let on = ed.field == Field::Photos && list.part == part;
        let [l, r] = Layout::horizontal([Constraint::Length(12), Constraint::Min(1)]).areas(rect);
        let style = if on { theme.accent } else { theme.dim };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{:<11}", label.text(lang)), style)),
            l,
        );
        frame.render_widget(input, r);
        if on {
            let c = input.screen_cursor();
            let (_, left_col) = input.scroll_offset();
            let col = u16::try_from(c.col.saturating_sub(usize::from(left_col))).unwrap_or(u16::MAX);
            cursor = Some((r.x + col.min(r.width.saturating_sub(1)), r.y));
        }
    }
    let lines: Vec<Line<'static>> = list
        .photos()
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let mark = if n == i { "▸" } else { " " };
            let star = if n == 0 { "★" } else { " " };
            let mut spans = vec![Span::styled(
                format!("{mark} {} {star} {}  ", n + 1, clean_line(&p.file)),
                if n == i { theme.selected } else { theme.text },
            )];
            if p.caption.trim().is_empty() {
                spans.push(Span::styled(Key::TuiNoCaption.text(lang).to_string(), theme.warn));
            } else {
                spans.push(Span::styled(clean_line(&p.caption), theme.dim));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    cursor
}
