//! Markdown to styled lines: headings, emphasis, lists, block quotes, links as text + URL.
//!
//! Every piece of text is cleaned of control characters before it becomes a span.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::domain::text::clean_line;

/// Render Markdown into lines for a `Paragraph` (which wraps them).
#[must_use]
pub fn render(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut styles: Vec<Style> = vec![theme.text];
    let mut prefix: Vec<String> = Vec::new();
    let mut list_stack: Vec<Option<u64>> = Vec::new();
    let mut link: Option<String> = None;
    let flush = |lines: &mut Vec<Line<'static>>, cur: &mut Vec<Span<'static>>, prefix: &[String], dim: Style| {
        if !cur.is_empty() {
            let mut spans = vec![Span::styled(prefix.concat(), dim)];
            spans.append(cur);
            lines.push(Line::from(spans));
        }
    };
    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        let style = *styles.last().unwrap_or(&theme.text);
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    let s = if level == HeadingLevel::H1 {
                        theme.title
                    } else {
                        theme.accent
                    };
                    styles.push(s);
                }
                Tag::Emphasis => styles.push(style.add_modifier(Modifier::ITALIC)),
                Tag::Strong => styles.push(style.add_modifier(Modifier::BOLD)),
                Tag::Strikethrough => styles.push(style.add_modifier(Modifier::CROSSED_OUT)),
                Tag::BlockQuote(_) => prefix.push("▌ ".into()),
                Tag::List(start) => list_stack.push(start),
                Tag::Item => {
                    let marker = match list_stack.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            format!("{}. ", *n - 1)
                        }
                        _ => "• ".into(),
                    };
                    cur.push(Span::styled(marker, theme.accent));
                    prefix.push("  ".into());
                }
                Tag::Link { dest_url, .. } => {
                    link = Some(dest_url.to_string());
                    styles.push(style.add_modifier(Modifier::UNDERLINED));
                }
                Tag::CodeBlock(_) => styles.push(theme.dim),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock => {
                    if matches!(tag, TagEnd::Heading(_) | TagEnd::CodeBlock) {
                        styles.pop();
                    }
                    flush(&mut lines, &mut cur, &prefix, theme.dim);
                    if list_stack.is_empty() {
                        lines.push(Line::default());
                    }
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                    styles.pop();
                }
                TagEnd::BlockQuote(_) => {
                    prefix.pop();
                }
                TagEnd::List(_) => {
                    list_stack.pop();
                    if list_stack.is_empty() {
                        lines.push(Line::default());
                    }
                }
                TagEnd::Item => {
                    flush(
                        &mut lines,
                        &mut cur,
                        &prefix[..prefix.len().saturating_sub(1)],
                        theme.dim,
                    );
                    prefix.pop();
                }
                TagEnd::Link => {
                    styles.pop();
                    if let Some(url) = link.take() {
                        cur.push(Span::styled(format!(" ({})", clean_line(&url)), theme.dim));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        flush(&mut lines, &mut cur, &prefix, theme.dim);
                    }
                    if !part.is_empty() {
                        cur.push(Span::styled(clean_line(part), style));
                    }
                }
            }
            Event::Code(t) => cur.push(Span::styled(clean_line(&t), theme.accent)),
            Event::SoftBreak => cur.push(Span::styled(" ", style)),
            Event::HardBreak => flush(&mut lines, &mut cur, &prefix, theme.dim),
            Event::Rule => lines.push(Line::styled("────────", theme.dim)),
            Event::Html(t) | Event::InlineHtml(t) => cur.push(Span::styled(clean_line(&t), theme.dim)),
            _ => {}
        }
    }
    flush(&mut lines, &mut cur, &prefix, theme.dim);
    while lines.last().is_some_and(|l| l.spans.is_empty()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn renders_structure_as_text() {
        let theme = Theme::plain();
        let md = "## Judul\n\nSatu **tebal** dan _miring_.\n\n- a\n- b\n\n> kutipan\n\n[tautan](https://example.org/x)\n\x1b]0;x\x07";
        let got = plain(&render(md, &theme));
        assert_eq!(got[0], "Judul");
        assert!(got.contains(&"Satu tebal dan miring.".to_string()), "{got:?}");
        assert!(
            got.contains(&"• a".to_string()) && got.contains(&"• b".to_string()),
            "{got:?}"
        );
        assert!(got.contains(&"▌ kutipan".to_string()), "{got:?}");
        assert!(
            got.iter().any(|l| l.contains("tautan (https://example.org/x)")),
            "{got:?}"
        );
        assert!(got.iter().all(|l| !l.contains('\x1b')), "{got:?}");
    }
}
