//! Popups: help generated from the keymap, confirmations, and message composing.

use super::view::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::view::{centered, local_time};
use crate::app::{Mode, Popup, Screen, keymap};
use crate::domain::text::clean_block;
use crate::i18n::{self, Key};

fn underlying_mode(state: &View<'_>) -> Mode {
    match state.screen {
        Screen::Login => Mode::Login,
        Screen::List => Mode::List,
        Screen::Item => Mode::Item,
        Screen::Editor => Mode::Editor,
        // The screen's own mode: `state.mode()` is `Help` while this popup is open.
        Screen::Evaluation if state.evaluation.as_ref().is_some_and(|e| e.drill.is_some()) => Mode::EvaluationItems,
        Screen::Evaluation => Mode::Evaluation,
        Screen::Admin if state.admin.as_ref().is_some_and(|a| a.form.is_some()) => Mode::AdminForm,
        Screen::Admin => Mode::Admin,
    }
}

/// Every event with person, role, time and message; the selected one marked.
fn history_lines(state: &View<'_>, selected: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let lang = state.lang;
    let Some(e) = state.current() else { return Vec::new() };
    let snap = state.snapshot.as_ref();
    e.review
        .events
        .iter()
        .enumerate()
        .map(|(i, ev)| {
            let person = snap.and_then(|s| s.config.person(&ev.actor));
            let who = person.map_or(ev.actor.clone(), |p| {
                p.name.split(',').next().unwrap_or(&p.name).to_string()
            });
            let roles = person
                .map(|p| {
                    p.roles
                        .iter()
                        .map(|r| i18n::role(lang, *r))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let msg = ev
                .message
                .as_deref()
                .map(|m| format!(": {}", crate::domain::text::clean_line(m)))
                .unwrap_or_default();
            let style = if i == selected { theme.selected } else { theme.text };
            Line::from(vec![
                Span::styled(
                    format!("{} #{:<3}", if i == selected { "▶" } else { " " }, i + 1),
                    style,
                ),
                Span::styled(format!("{}  ", local_time(state, &ev.at)), theme.dim),
                Span::styled(format!("{:<16}", i18n::action(lang, ev.action)), theme.accent),
                Span::styled(
                    format!("{} ({roles}){msg}", crate::domain::text::clean_line(&who)),
                    style,
                ),
            ])
        })
        .collect()
}

/// The checklist rules the current item fails: name, detail, whether required.
fn failing_checks(state: &View<'_>) -> Vec<(String, String, bool)> {
    let (Some(e), Some(snap)) = (state.current().filter(|e| !e.lean), state.snapshot.as_ref()) else {
        return Vec::new();
    };
    crate::domain::lint::Rules::from_config(&snap.config)
        .check(&e.item, &snap.config)
        .into_iter()
        .filter(|c| !c.passed)
        .map(|c| {
            (
                i18n::rule_name(state.lang, c.rule.id()).to_string(),
                crate::domain::text::clean_line(&c.detail),
                c.level == crate::domain::lint::Level::Required,
            )
        })
        .collect()
}

/// Draw the popup over `area`.
pub fn render_popup(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let lang = state.lang;
    let (title, lines, w, h): (String, Vec<Line<'static>>, u16, u16) = match &state.popup {
        None => return,
        Some(Popup::Help) => {
            let mut lines = Vec::new();
            let mut seen: Vec<(Key, String)> = Vec::new();
            // Only what this person may use here: an action the rules refuse is no help.
            for b in keymap::for_mode(underlying_mode(state)).filter(|b| super::view::allowed_here(state, b)) {
                let label = keymap::label(b);
                if let Some(entry) = seen.iter_mut().find(|(k, _)| *k == b.help) {
                    entry.1.push_str(" / ");
                    entry.1.push_str(&label);
                } else {
                    seen.push((b.help, label));
                }
            }
            for (k, label) in seen {
                lines.push(Line::from(vec![
                    Span::styled(format!("{label:>16}  "), theme.accent),
                    Span::styled(k.text(lang).to_string(), theme.text),
                ]));
            }
            lines.push(Line::styled(Key::TuiHelpScroll.text(lang).to_string(), theme.dim));
            let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
            (Key::TuiHelpTitle.text(lang).to_string(), lines, 64, h)
        }
        Some(Popup::Notices(list)) => {
            let snap = state.snapshot.as_ref();
            let mut lines = vec![Line::styled(
                i18n::fmt(
                    lang,
                    Key::TuiSince,
                    &[&local_time(state, state.last_seen.as_deref().unwrap_or_default())],
                ),
                theme.dim,
            )];
            for n in list.iter().take(usize::from(area.height.saturating_sub(5))) {
                let who = snap
                    .and_then(|s| s.config.person(&n.actor))
                    .map_or(n.actor.clone(), |p| {
                        p.name.split(',').next().unwrap_or(&p.name).to_string()
                    });
                lines.push(Line::from(vec![
                    Span::styled(format!("{}  ", local_time(state, &n.at)), theme.dim),
                    Span::styled(format!("{:<14}", i18n::action(lang, n.action)), theme.accent),
                    Span::styled(format!("{} · ", crate::domain::text::clean_line(&who)), theme.text),
                    Span::styled(crate::domain::text::clean_line(&n.title), theme.title),
                ]));
            }
            let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
            (
                Key::TuiNoticesTitle.text(lang).to_string(),
                lines,
                area.width.saturating_sub(4),
                h,
            )
        }
        Some(Popup::History { selected }) => {
            let lines = history_lines(state, *selected);
            let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
            (
                Key::KeyHistory.text(lang).to_string(),
                lines,
                area.width.saturating_sub(4),
                h,
            )
        }
        Some(Popup::Confirm(action)) => {
            let title = state.current().map(|e| e.item.front.title.clone()).unwrap_or_default();
            let title = crate::domain::text::clean_line(&title);
            let open = state.current().map_or(0, crate::store::Entry::open_threads);
            let q = if *action == crate::domain::review::ActionKind::Submit && open > 0 {
                i18n::fmt(lang, Key::TuiOpenThreadsAsk, &[&open, &title])
            } else {
                i18n::fmt(lang, Key::TuiConfirm, &[&i18n::action(lang, *action), &title])
            };
            let mut lines = vec![Line::styled(q, theme.text), Line::default()];
            // Discarding cannot be undone here: say what happens before the yes.
            if *action == crate::domain::review::ActionKind::Discard {
                lines.push(Line::styled(Key::TuiDiscardExplain.text(lang).to_string(), theme.warn));
                lines.push(Line::default());
            }
            // Before submitting: what the checklist would flag, so nothing goes out unseen.
            let failing = if *action == crate::domain::review::ActionKind::Submit {
                failing_checks(state)
            } else {
                Vec::new()
            };
            let lean = state.current_is_lean();
            if lean && *action == crate::domain::review::ActionKind::Submit {
                // The text is on its way (a reload made the entry lean): not judged yet.
                lines.push(Line::styled(Key::TuiBodyLoading.text(lang).to_string(), theme.dim));
                lines.push(Line::default());
            } else if failing.is_empty() && *action == crate::domain::review::ActionKind::Submit {
                // The checklist ran and found nothing: say so, so its silence is not a doubt.
                lines.push(Line::styled(Key::TuiSubmitChecklistOk.text(lang).to_string(), theme.ok));
                lines.push(Line::default());
            }
            if !failing.is_empty() {
                lines.push(Line::styled(Key::TuiSubmitChecklist.text(lang).to_string(), theme.warn));
                for (name, detail, required) in &failing {
                    let mark = if *required { "✗" } else { "!" };
                    lines.push(Line::styled(format!("  {mark} {name} {detail}"), theme.warn));
                }
                // Submitting is allowed; approving is not while a ✗ stands: say so now,
                // not when the approver sends it back.
                if failing.iter().any(|(_, _, required)| *required) {
                    lines.push(Line::styled(Key::TuiSubmitBlocked.text(lang).to_string(), theme.warn));
                }
                lines.push(Line::default());
            }
            lines.push(Line::styled(Key::TuiConfirmKeys.text(lang).to_string(), theme.dim));
            // Rows as drawn: a long question wraps inside the popup (68 columns, fewer on a
            // narrow screen).
            let inner = usize::from(area.width.min(70).saturating_sub(2)).max(1);
            let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
            let h = u16::try_from(rows).unwrap_or(20).saturating_add(2);
            (i18n::action(lang, *action).to_string(), lines, 70, h)
        }
        Some(Popup::Compose { action, text, required }) => {
            let hint = super::published::compose_hint(state, *action).unwrap_or(if *required {
                Key::TuiMessageRequired
            } else {
                Key::TuiMessageOptional
            });
            let mut lines = vec![Line::styled(hint.text(lang).to_string(), theme.dim), Line::default()];
            // Which paragraph the comment is about, in words the person can check.
            if let Some(about) = super::newcomer::comment_about(state, *action) {
                lines.insert(0, Line::styled(about, theme.accent));
            }
            let body = clean_block(text);
            let mut parts: Vec<&str> = body.split('\n').collect();
            let last = parts.pop().unwrap_or_default();
            lines.extend(parts.into_iter().map(|l| Line::styled(l.to_string(), theme.text)));
            lines.push(Line::from(vec![
                Span::styled(last.to_string(), theme.text),
                Span::styled("▏", theme.accent),
            ]));
            lines.push(Line::default());
            lines.push(Line::styled(Key::TuiComposeKeys.text(lang).to_string(), theme.dim));
            (i18n::action(lang, *action).to_string(), lines, 70, 12)
        }
    };
    // Lists grow with their wrapped rows, up to the screen.
    let h = if matches!(state.popup, Some(Popup::Notices(_) | Popup::History { .. })) {
        let inner = usize::from(w.min(area.width).saturating_sub(2).max(1));
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
        u16::try_from(rows + 2).unwrap_or(u16::MAX)
    } else {
        h
    };
    // A comment on a paragraph leaves that paragraph in view: the popup goes to the bottom.
    let on_paragraph = match &state.popup {
        Some(Popup::Compose { action, .. }) => super::newcomer::comment_about(state, *action).is_some(),
        _ => false,
    };
    let rect = if on_paragraph {
        super::newcomer::at_bottom(area, w, h)
    } else {
        centered(area, w, h)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent)
        .title(Span::styled(format!(" {title} "), theme.title));
    frame.render_widget(Clear, rect);
    let inner_h = rect.height.saturating_sub(2);
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    // Keep the cursor line of a long message in view; the help scrolls with the arrows.
    let scroll = match state.popup {
        Some(Popup::Compose { .. }) => total.saturating_sub(inner_h),
        Some(Popup::Help) => state.help_scroll.min(total.saturating_sub(inner_h)),
        _ => 0,
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rect,
    );
}
