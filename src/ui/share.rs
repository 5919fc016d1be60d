//! Drawing the "Bagikan" screen: the channels with their counts against each limit,
//! the selected channel's text in full (for copying by hand too), the address field
//! and the posts recorded so far.

use super::view::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::share::Share;
use crate::domain::publish::caption::{self, Channel};
use crate::domain::review::ActionKind;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

/// What a channel's text measures against its limit, as shown beside its name.
fn measure(lang: i18n::Lang, channel: Channel, text: &str) -> String {
    match channel {
        Channel::X => i18n::fmt(lang, Key::TuiShareCount, &[&caption::x_length(text), &caption::X_LIMIT]),
        Channel::Instagram => format!(
            "{} · {}",
            i18n::fmt(
                lang,
                Key::TuiShareCount,
                &[&caption::instagram_length(text), &caption::INSTAGRAM_LIMIT]
            ),
            i18n::fmt(
                lang,
                Key::TuiShareTags,
                &[&caption::hashtag_count(text), &caption::INSTAGRAM_HASHTAGS]
            )
        ),
        Channel::Facebook | Channel::Whatsapp => format!("{}", text.chars().count()),
    }
}

/// Draw the screen over `area` (the item view's place).
pub fn render_share(state: &View<'_>, share: &Share, frame: &mut Frame<'_>, area: Rect) {
    let theme = &state.theme;
    let lang = state.lang;
    let entry = state.snapshot.as_ref().and_then(|s| s.item(&share.slug));
    let title = entry.map(|e| clean_line(&e.item.front.title)).unwrap_or_default();
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", i18n::fmt(lang, Key::TuiShareTitle, &[&title])),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let channels = share.texts.len() as u16;
    let [list, note, text, field, done] = Layout::vertical([
        Constraint::Length(channels),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let rows: Vec<Line<'_>> = share
        .texts
        .iter()
        .enumerate()
        .map(|(i, (c, t))| {
            let mark = if i == share.selected { "▶ " } else { "  " };
            let style = if i == share.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!("{mark}{:<10}", c.name()), style),
                Span::styled(measure(lang, *c, t), theme.dim),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), list);
    frame.render_widget(
        Paragraph::new(Span::styled(Key::TuiShareByHand.text(lang), theme.dim)),
        note,
    );
    let (channel, body) = share.current();
    // Scrolling stops with the end of the text in view (wrapped lines, estimated by
    // width: word wrapping can only add a few).
    let width = usize::from(text.width.max(1));
    let lines: usize = body
        .lines()
        .map(|l| unicode_width::UnicodeWidthStr::width(l).div_ceil(width).max(1))
        .sum();
    let end = u16::try_from(lines.saturating_sub(usize::from(text.height) / 2)).unwrap_or(u16::MAX);
    // The text was cleaned when it was made; it is shown exactly as it is copied.
    frame.render_widget(
        Paragraph::new(body.to_string())
            .style(theme.text)
            .wrap(Wrap { trim: false })
            .scroll((share.scroll.min(end), 0)),
        text,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(i18n::fmt(lang, Key::TuiShareUrl, &[&channel.name()]), theme.accent),
            Span::styled(format!("{}▏", clean_line(&share.url)), theme.text),
        ])),
        field,
    );
    let posted: Vec<String> = entry
        .map(|e| {
            e.review
                .events
                .iter()
                .filter(|ev| ev.action == ActionKind::Shared)
                .filter_map(|ev| ev.channel.as_deref())
                // The channel's name as the list above shows it; an unknown id cleaned.
                .map(|id| {
                    Channel::ALL
                        .into_iter()
                        .find(|c| c.id() == id)
                        .map_or_else(|| clean_line(id), |c| c.name().to_string())
                })
                .fold(Vec::new(), |mut seen: Vec<String>, name| {
                    if !seen.contains(&name) {
                        seen.push(name);
                    }
                    seen
                })
        })
        .unwrap_or_default();
    if !posted.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                i18n::fmt(lang, Key::TuiShareShared, &[&posted.join(", ")]),
                theme.ok,
            )),
            done,
        );
    }
}
