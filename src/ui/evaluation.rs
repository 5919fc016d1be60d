//! The "Evaluasi" screen: kecamatan ranked by a chosen measure with a verdict and their
//! weekly output as sparklines, a bar chart of the measure, and one kecamatan's items.
//!
//! Reads `State::evaluation` only; the ranking of a few dozen rows is the one thing
//! computed here.

use super::view::View;
use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Sparkline, Wrap};

use crate::app::evaluation::Evaluation;
use crate::domain::report::{Measure, Report, Row, Verdict, verdict};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key, Lang};

fn row_name(r: &Row, lang: Lang) -> String {
    match r.kecamatan.as_str() {
        "" => Key::RepKabupaten.text(lang).to_string(),
        _ => clean_line(&r.name),
    }
}

fn verdict_style(state: &View<'_>, v: Verdict) -> Style {
    match v {
        Verdict::Consistent => state.theme.ok,
        Verdict::Irregular => state.theme.warn,
        Verdict::Silent => state.theme.error,
    }
}

/// A measure's value as shown: whole numbers plain, others with one decimal.
fn shown(m: Measure, r: &Row) -> String {
    match m.value(r) {
        None => "-".into(),
        Some(v) if matches!(m, Measure::Attainment | Measure::Quality) => format!("{v:.0}%"),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

/// A column's figure of a row.
type Figure = fn(&Row) -> String;

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

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
pub fn render_evaluation(state: &View<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some(ev) = &state.evaluation else { return };
    let lang = state.lang;
    let [head, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let period = &ev.period;
    let title = Line::from(vec![
        Span::styled(format!(" {} ", Key::RepTitle.text(lang)), state.theme.title),
        Span::styled(
            format!("{}  ({} – {})", period.label(), period.from, period.to),
            state.theme.accent,
        ),
    ]);
    let measure = i18n::fmt(lang, Key::RepMeasure, &[&i18n::measure(lang, ev.measure)]);
    let (second, third) = match &ev.report {
        Some(r) => {
            let targets = i18n::report_targets(lang, &r.targets);
            (
                format!(" {measure} · {targets}"),
                format!(" {}", Key::RepExplain.text(lang)),
            )
        }
        None => (format!(" {measure}"), format!(" {}", Key::RepComputing.text(lang))),
    };
    frame.render_widget(
        Paragraph::new(vec![
            title,
            Line::from(Span::styled(second, state.theme.text)),
            Line::from(Span::styled(third, state.theme.dim)),
        ]),
        head,
    );
    let Some(report) = &ev.report else { return };
    match ev.drill.and_then(|d| report.rows.get(d)) {
        Some(row) => render_items(state, ev, report, row, frame, body),
        None => render_ranking(state, ev, report, frame, body),
    }
}

fn render_ranking(state: &View<'_>, ev: &Evaluation, report: &Report, frame: &mut Frame<'_>, area: Rect) {
    let lang = state.lang;
    let ranked = ev.ranked();
    // Columns: rank, name, value, (from 140 columns more figures), weekly sparkline,
    // verdict; the bar chart takes the rest of the width.
    let weeks = report.weeks.len().max(1);
    let wide = area.width >= 140;
    let name_w = if wide { 22 } else { 13 };
    let value_w = 7usize;
    let weekly = Key::RepColWeeklyShort.text(lang);
    let spark_w = if wide { (weeks * 2).min(26) } else { weeks.min(14) }.max(width(weekly));
    // From 90 columns the ranking also shows the figures a meeting asks about first.
    let extra: Vec<(Key, Figure)> = if wide {
        vec![
            (Key::RepColPublished, |r| r.published.to_string()),
            (Key::RepColPosts, |r| r.posts_total.to_string()),
            (Key::RepColDaysSince, |r| {
                r.days_since_publication.map_or_else(|| "-".into(), |d| d.to_string())
            }),
            (Key::RepColGap, |r| r.longest_gap_days.to_string()),
            (Key::RepColTargetPublished, |r| {
                r.targets
                    .iter()
                    .find(|t| t.name == "published_per_week")
                    .map_or_else(|| "-".into(), |t| format!("{:.0}%", t.ratio * 100.0))
            }),
        ]
    } else {
        Vec::new()
    };
    let extra_w = |k: Key| width(k.text(lang)).max(5);
    let mut header = format!(
        " {:>2} {} {:>value_w$} ",
        "#",
        fit(Key::RepColKecamatan.text(lang), name_w),
        Key::RepColValue.text(lang),
    );
    for (k, _) in &extra {
        let _ = write!(header, "{:>w$} ", k.text(lang), w = extra_w(*k));
    }
    let verdict_w = [Verdict::Consistent, Verdict::Irregular, Verdict::Silent]
        .iter()
        .map(|v| width(i18n::verdict(lang, *v)))
        .max()
        .unwrap_or(0);
    let table_w = u16::try_from(width(&header) + spark_w + 1 + verdict_w + 1).unwrap_or(u16::MAX);
    let [table, chart] = Layout::horizontal([Constraint::Length(table_w), Constraint::Min(10)]).areas(area);
    let [table, summary] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(table);
    let mut lines = vec![Line::from(vec![
        Span::styled(header.clone(), state.theme.title),
        Span::styled(fit(weekly, spark_w + 1), state.theme.title),
        Span::styled(Key::RepColVerdict.text(lang).to_string(), state.theme.title),
    ])];
    let visible = usize::from(table.height.saturating_sub(1));
    let first = ev.selected.saturating_sub(visible.saturating_sub(1));
    let spark_x = table.x + u16::try_from(width(&header)).unwrap_or(0);
    let mut sparks = Vec::new();
    for (place, &i) in ranked.iter().enumerate().skip(first).take(visible) {
        let r = &report.rows[i];
        let v = verdict(report, r);
        let selected = place == ev.selected;
        let base = if selected {
            state.theme.selected
        } else {
            state.theme.text
        };
        let mut text = format!(
            " {:>2} {} {:>value_w$} ",
            place + 1,
            fit(&row_name(r, lang), name_w),
            shown(ev.measure, r)
        );
        for (k, value) in &extra {
            let _ = write!(text, "{:>w$} ", value(r), w = extra_w(*k));
        }
        lines.push(Line::from(vec![
            Span::styled(text, base),
            Span::styled(" ".repeat(spark_w + 1), base),
            Span::styled(
                i18n::verdict(lang, v).to_string(),
                verdict_style(state, v).patch(if selected {
                    state.theme.selected
                } else {
                    Style::default()
                }),
            ),
        ]));
        let y = table.y + u16::try_from(lines.len() - 1).unwrap_or(0);
        sparks.push((Rect::new(spark_x, y, u16::try_from(spark_w).unwrap_or(0), 1), r, v));
    }
    frame.render_widget(Paragraph::new(lines), table);
    let max = report
        .rows
        .iter()
        .flat_map(|r| r.weekly.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as u64;
    for (rect, r, v) in sparks {
        let rect = rect.intersection(table);
        if rect.width == 0 {
            continue;
        }
        // One bar per week (two cells per week when there is room), on one scale.
        let per = usize::from(rect.width) / weeks.max(1);
        let data: Vec<u64> = r
            .weekly
            .iter()
            .flat_map(|n| std::iter::repeat_n(*n as u64, per.max(1)))
            .collect();
        frame.render_widget(
            Sparkline::default().data(&data).max(max).style(verdict_style(state, v)),
            rect,
        );
    }
    let count = |want: Verdict| report.rows.iter().filter(|r| verdict(report, r) == want).count();
    let sum = Line::from(vec![
        Span::styled(
            format!(
                " {}: {} {} · {} {} ",
                Key::RepTotal.text(lang),
                report.total.published,
                Key::RepColPublished.text(lang).to_lowercase(),
                report.total.posts_total,
                Key::RepColPosts.text(lang).to_lowercase()
            ),
            state.theme.text,
        ),
        Span::styled(format!("● {} ", count(Verdict::Consistent)), state.theme.ok),
        Span::styled(format!("● {} ", count(Verdict::Irregular)), state.theme.warn),
        Span::styled(format!("● {}", count(Verdict::Silent)), state.theme.error),
    ]);
    frame.render_widget(Paragraph::new(sum), summary);
    render_chart(state, ev, report, &ranked, frame, chart);
}

/// The chosen measure as a horizontal bar chart, in ranking order.
fn render_chart(
    state: &View<'_>,
    ev: &Evaluation,
    report: &Report,
    ranked: &[usize],
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let lang = state.lang;
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(state.theme.border)
        .title(Span::styled(
            format!(
                " {}",
                i18n::fmt(lang, Key::RepBarTitle, &[&i18n::measure(lang, ev.measure)])
            ),
            state.theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let room = usize::from(inner.height.saturating_sub(1));
    let first = ev.selected.saturating_sub(room.saturating_sub(1));
    let label_w = (usize::from(inner.width) / 3).clamp(4, 14);
    let bars: Vec<Bar<'_>> = ranked
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(place, &i)| {
            let r = &report.rows[i];
            let v = verdict(report, r);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let value = ev.measure.value(r).map_or(0, |x| x.max(0.0).round() as u64);
            let mut style = verdict_style(state, v);
            if place == ev.selected {
                style = style.add_modifier(Modifier::BOLD);
            }
            Bar::default()
                .value(value)
                .text_value(shown(ev.measure, r))
                .label(Line::from(fit(&row_name(r, lang), label_w)))
                .style(style)
                .value_style(state.theme.text.add_modifier(Modifier::REVERSED))
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
            .data(BarGroup::default().bars(&bars)),
        inner,
    );
}

fn spread(s: &crate::domain::report::Spread) -> String {
    match (s.median_hours, s.p90_hours) {
        (Some(m), Some(p)) => format!("{m:.1}/{p:.1}"),
        _ => "-".into(),
    }
}

fn render_items(state: &View<'_>, ev: &Evaluation, report: &Report, row: &Row, frame: &mut Frame<'_>, area: Rect) {
    let lang = state.lang;
    let v = verdict(report, row);
    let dash = |o: Option<i64>| o.map_or_else(|| "-".into(), |d| d.to_string());
    let posts: Vec<String> = row
        .posts
        .iter()
        .map(|(c, n)| format!("{} {n}", clean_line(c)))
        .collect();
    let targets: Vec<String> = row
        .targets
        .iter()
        .map(|t| {
            let label = if t.name == "published_per_week" {
                Key::RepColTargetPublished
            } else {
                Key::RepColTargetPosts
            };
            format!("{} {:.0}%", label.text(lang), t.ratio * 100.0)
        })
        .collect();
    let facts = vec![
        Line::from(vec![
            Span::styled(
                format!(
                    " {}  ",
                    i18n::fmt(lang, Key::RepItemsOf, &[&row_name(row, lang), &report.label])
                ),
                state.theme.title,
            ),
            Span::styled(i18n::verdict(lang, v).to_string(), verdict_style(state, v)),
        ]),
        Line::from(Span::styled(
            format!(
                " {} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
                Key::RepColCreated.text(lang),
                row.created,
                Key::RepColSubmitted.text(lang),
                row.submitted,
                Key::RepColPublished.text(lang),
                row.published,
                Key::RepColRepublished.text(lang),
                row.republished,
                Key::RepColRejected.text(lang),
                row.rejected,
                Key::RepColRounds.text(lang),
                row.rounds.mean.map_or_else(|| "-".into(), |m| format!("{m:.2}")),
            ),
            state.theme.text,
        )),
        Line::from(Span::styled(
            format!(
                " {} {} · {} {} · {} {}/{} · {} {} · {} {}",
                Key::RepColToApproval.text(lang),
                spread(&row.to_approval),
                Key::RepColToPublication.text(lang),
                spread(&row.to_publication),
                Key::RepColQuality.text(lang),
                row.quality.failing,
                row.quality.measured,
                Key::RepColDaysSince.text(lang),
                dash(row.days_since_publication),
                Key::RepColGap.text(lang),
                row.longest_gap_days,
            ),
            state.theme.text,
        )),
        Line::from(Span::styled(
            format!(
                " {}: {} · {}",
                Key::RepColPosts.text(lang),
                if posts.is_empty() {
                    Key::RepNone.text(lang).to_string()
                } else {
                    posts.join(", ")
                },
                targets.join(" · ")
            ),
            state.theme.dim,
        )),
    ];
    let [top, list] = Layout::vertical([Constraint::Length(5), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(facts).wrap(Wrap { trim: false }), top);
    if row.items.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", Key::RepNoItems.text(lang)),
                state.theme.dim,
            )),
            list,
        );
        return;
    }
    let room = usize::from(list.height);
    let first = ev.item_selected.saturating_sub(room.saturating_sub(1));
    let status_w = 14;
    let lines: Vec<Line<'_>> = row
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, it)| {
            let selected = i == ev.item_selected;
            let base = if selected {
                state.theme.selected
            } else {
                state.theme.text
            };
            let mut note = Vec::new();
            if !it.published.is_empty() {
                let days: Vec<String> = it.published.iter().map(ToString::to_string).collect();
                note.push(format!("{} {}", Key::RepColPublished.text(lang), days.join(", ")));
            }
            if it.rounds > 0 {
                note.push(format!("{} {}", Key::RepColRounds.text(lang), it.rounds));
            }
            if !it.failing.is_empty() {
                let rules: Vec<&str> = it.failing.iter().map(|r| i18n::rule_name(lang, r)).collect();
                note.push(format!("✗ {}", rules.join(", ")));
            }
            Line::from(vec![
                Span::styled(
                    format!(" {} ", fit(i18n::status(lang, it.status), status_w)),
                    state.theme.status(it.status).patch(if selected {
                        state.theme.selected
                    } else {
                        Style::default()
                    }),
                ),
                Span::styled(clean_line(&it.title), base),
                Span::styled(format!("  {}", note.join(" · ")), state.theme.dim),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
