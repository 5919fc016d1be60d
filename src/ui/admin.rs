//! The admin screen: the warnings (accounts ending soon, kecamatan without an active
//! author), the people with role, kecamatan, end of term, number of keys and last
//! visit, and the add / change form over them with its live check of a pasted key.
//!
//! Reads `State::admin` and the snapshot's configuration; names and keys come from
//! `warta.toml` and are shown only after control characters are made visible.

use super::view::View;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::admin::{Admin, FIELDS, Field, Form, key_check, today};
use crate::domain::admin::{EXPIRY_WINDOW_DAYS, warnings};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut or padded to exactly `w` columns.
fn fit(s: &str, w: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > w {
            break;
        }
        out.push(c);
    }
    let pad = w.saturating_sub(width(&out));
    out + &" ".repeat(pad)
}

/// Draw the screen.
pub fn render_admin(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let (Some(admin), Some(snap), Some(today)) = (&state.admin, &state.snapshot, today(state)) else {
        return;
    };
    let lang = state.lang;
    let config = &snap.config;
    let w = warnings(config, today, EXPIRY_WINDOW_DAYS);
    let mut head = vec![Line::from(Span::styled(
        format!(
            " {} ",
            i18n::fmt(lang, Key::AdmTitle, &[&config.people.len(), &config.kecamatan.len()])
        ),
        state.theme.title,
    ))];
    if !w.expiring.is_empty() {
        let list: Vec<String> = w.expiring.iter().map(|(id, d)| format!("{id} {d}")).collect();
        head.push(Line::from(Span::styled(
            clean_line(&format!(
                " ! {}",
                i18n::fmt(lang, Key::AdmExpiringShort, &[&list.join(", ")])
            )),
            state.theme.warn,
        )));
    }
    if !w.uncovered.is_empty() {
        let names: Vec<&str> = w
            .uncovered
            .iter()
            .map(|k| config.kecamatan(k).map_or(k.as_str(), |x| x.name.as_str()))
            .collect();
        head.push(Line::from(Span::styled(
            clean_line(&format!(
                " ! {}",
                i18n::fmt(lang, Key::AdmUncoveredShort, &[&names.join(", ")])
            )),
            state.theme.warn,
        )));
    }
    // A long warning wraps: each gets the rows it needs, up to three.
    let cols = usize::from(area.width.max(1));
    let rows: usize = head.iter().map(|l| l.width().div_ceil(cols).clamp(1, 3)).sum();
    let head_h = u16::try_from(rows).unwrap_or(3);
    let [top, body] = Layout::vertical([Constraint::Length(head_h), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: true }), top);
    render_people(state, admin, today, frame, body);
    if let Some(form) = &admin.form {
        render_form(state, form, frame, area);
    }
}

fn render_people(state: &View<'_>, admin: &Admin, today: jiff::civil::Date, frame: &mut Frame<'_>, area: Rect) {
    let Some(snap) = &state.snapshot else { return };
    let lang = state.lang;
    let config = &snap.config;
    // Widths at 80 columns; the name takes what is left over on wider screens.
    let (id_w, roles_w, kec_w, until_w, keys_w, seen_w) = (12, 11, 11, 10, 5, 14);
    let fixed = id_w + roles_w + kec_w + until_w + keys_w + seen_w + 7;
    let name_w = usize::from(area.width).saturating_sub(fixed).max(8);
    let header = format!(
        " {} {} {} {} {} {} {}",
        fit(Key::AdmColId.text(lang), id_w),
        fit(Key::AdmColName.text(lang), name_w),
        fit(Key::AdmColRoles.text(lang), roles_w),
        fit(Key::AdmColKecamatan.text(lang), kec_w),
        fit(Key::AdmColUntil.text(lang), until_w),
        fit(Key::AdmColKeys.text(lang), keys_w),
        fit(Key::AdmColSeen.text(lang), seen_w),
    );
    let mut lines = vec![Line::from(Span::styled(header, state.theme.dim))];
    let rows = usize::from(area.height.saturating_sub(1)).max(1);
    let first = admin.selected.saturating_sub(rows - 1);
    for (i, p) in config.people.iter().enumerate().skip(first).take(rows) {
        let roles: Vec<&str> = p.roles.iter().map(|r| i18n::role(lang, *r)).collect();
        let kec = p
            .kecamatan
            .as_deref()
            .map_or("-", |k| config.kecamatan(k).map_or(k, |x| x.name.as_str()));
        let until = match p.active_until {
            None => "-".to_string(),
            Some(d) if d < today => format!("{} ✗", Key::AdmEnded.text(lang)),
            Some(d) => d.to_string(),
        };
        let seen = admin.last_seen.iter().find(|(id, _)| *id == p.id).map_or_else(
            || Key::AdmNever.text(lang).to_string(),
            |(_, at)| {
                let ago = at
                    .parse::<jiff::Timestamp>()
                    .map_or(0, |t| state.now.as_second() - t.as_second());
                i18n::relative(lang, ago, at)
            },
        );
        let line = format!(
            " {} {} {} {} {} {} {}",
            fit(&clean_line(&p.id), id_w),
            fit(&clean_line(&p.name), name_w),
            fit(&roles.join(","), roles_w),
            fit(&clean_line(kec), kec_w),
            fit(&until, until_w),
            fit(&p.keys.len().to_string(), keys_w),
            fit(&seen, seen_w),
        );
        let style = if i == admin.selected {
            state.theme.selected
        } else if !p.active_on(today) {
            state.theme.dim
        } else {
            state.theme.text
        };
        lines.push(Line::from(Span::styled(line, style)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn label(f: Field) -> Key {
    match f {
        Field::Id => Key::AdmFieldId,
        Field::Name => Key::AdmFieldName,
        Field::Email => Key::AdmFieldEmail,
        Field::Roles => Key::AdmFieldRoles,
        Field::Kecamatan => Key::AdmFieldKecamatan,
        Field::Logins => Key::AdmFieldLogins,
        Field::Until => Key::AdmFieldUntil,
        Field::Key => Key::AdmFieldKey,
    }
}

fn render_form(state: &View<'_>, form: &Form, frame: &mut Frame<'_>, area: Rect) {
    let lang = state.lang;
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2).min(22);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let title = match (&form.editing, &state.snapshot) {
        (Some(id), Some(s)) => {
            let keys = s.config.person(id).map_or(0, |p| p.keys.len());
            i18n::fmt(lang, Key::AdmFormEdit, &[&clean_line(id), &keys])
        }
        _ => Key::AdmFormAdd.text(lang).to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.border)
        .title(Span::styled(format!(" {title} "), state.theme.title));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let value_w = usize::from(inner.width).saturating_sub(3);
    let mut lines = Vec::new();
    for (i, f) in FIELDS.iter().enumerate() {
        let focused = i == form.focus;
        let fixed = *f == Field::Id && form.editing.is_some();
        lines.push(Line::from(Span::styled(
            format!(" {}", label(*f).text(lang)),
            if focused { state.theme.accent } else { state.theme.dim },
        )));
        // The end of a long value (a key) stays in sight while it is typed.
        let value = clean_line(&form.values[i]);
        let chars: Vec<char> = value.chars().collect();
        let shown: String = if chars.len() + 1 > value_w {
            format!(
                "…{}",
                chars[chars.len() + 2 - value_w.max(2)..].iter().collect::<String>()
            )
        } else {
            value
        };
        let cursor = if focused { "▏" } else { "" };
        let style = if fixed {
            state.theme.dim
        } else if focused {
            state.theme.highlight
        } else {
            state.theme.text
        };
        lines.push(Line::from(Span::styled(format!(" {shown}{cursor}"), style)));
    }
    match key_check(form) {
        Some(Ok(k)) => lines.push(Line::from(Span::styled(
            clean_line(&format!(" {}", i18n::fmt(lang, Key::AdmKeyOk, &[&k.short()]))),
            state.theme.ok,
        ))),
        Some(Err(p)) => lines.push(Line::from(Span::styled(
            clean_line(&format!(
                " {}",
                i18n::fmt(lang, Key::AdmKeyBadLive, &[&i18n::key_problem(lang, &p)])
            )),
            state.theme.error,
        ))),
        None => {}
    }
    if form.sending {
        lines.push(Line::from(Span::styled(
            format!(" {}", Key::AdmSending.text(lang)),
            state.theme.dim,
        )));
    } else if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(
            format!(" {}", clean_line(e)),
            state.theme.error,
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
