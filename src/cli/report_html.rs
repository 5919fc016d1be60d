//! The printable evaluation report: one self-contained HTML page (no script, no outside
//! file) with its charts drawn as inline SVG, sized for one landscape A4 sheet.
//!
//! Every text from the newsroom (names, ids, channels) is escaped; nothing else of the
//! repository reaches the page.

use std::fmt::Write as _;

use super::report_cells::{cells, row_name};
use crate::domain::report::{Report, Row, Verdict, verdict};
use crate::domain::review::CHANNELS;
use crate::i18n::{self, Key, Lang};

/// HTML-escape a text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Consistent => "#1b7f3b",
        Verdict::Irregular => "#c77700",
        Verdict::Silent => "#b3261e",
    }
}

/// A sparkline of weekly publications: one bar per week, the same scale for every row.
fn sparkline(weekly: &[usize], max: usize, fill: &str) -> String {
    let (w, h) = (8usize, 22usize);
    let mut svg = format!(
        "<svg class=\"spark\" width=\"{}\" height=\"{h}\" viewBox=\"0 0 {} {h}\" role=\"img\">",
        weekly.len() * w,
        weekly.len() * w
    );
    for (i, n) in weekly.iter().enumerate() {
        let bar = if *n == 0 {
            1
        } else {
            (n * (h - 2)).div_ceil(max.max(1)).max(2)
        };
        let colour = if *n == 0 { "#cccccc" } else { fill };
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{bar}\" fill=\"{colour}\"><title>{n}</title></rect>",
            i * w + 1,
            h - bar,
            w - 2
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The bar chart of first publications per kecamatan, with the target for the period
/// drawn as a dashed line.
fn bar_chart(report: &Report, lang: Lang) -> String {
    let rows: Vec<&Row> = report.rows.iter().collect();
    let label_w = 190.0;
    let (bar_h, gap) = (16.0, 6.0);
    let chart_w = 520.0;
    let days = f64::from(((report.until - report.period.from).get_days() + 1).max(0));
    let target = report.targets.published_per_week.map(|t| t * days / 7.0);
    #[allow(clippy::cast_precision_loss)]
    let max = rows
        .iter()
        .map(|r| r.published as f64)
        .chain(target)
        .fold(1.0_f64, f64::max);
    #[allow(clippy::cast_precision_loss)]
    let height = rows.len() as f64 * (bar_h + gap) + 24.0;
    let mut svg = format!(
        "<svg class=\"bars\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\" role=\"img\" aria-label=\"{}\">",
        label_w + chart_w + 60.0,
        label_w + chart_w + 60.0,
        esc(Key::RepColPublished.text(lang))
    );
    for (i, r) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = i as f64 * (bar_h + gap) + 4.0;
        #[allow(clippy::cast_precision_loss)]
        let w = r.published as f64 / max * chart_w;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{w:.1}\" height=\"{bar_h}\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{}\" class=\"val\">{}</text>",
            label_w - 6.0,
            y + bar_h - 4.0,
            esc(&row_name(r, lang)),
            colour(verdict(report, r)),
            label_w + w + 4.0,
            y + bar_h - 4.0,
            r.published
        );
    }
    if let Some(t) = target {
        let x = label_w + t / max * chart_w;
        let _ = write!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>\
             <text x=\"{x:.1}\" y=\"{}\" class=\"val\" text-anchor=\"middle\">target {t:.1}</text>",
            height - 14.0,
            height - 3.0
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The whole page.
#[must_use]
pub fn page(report: &Report, newsroom: &str, lang: Lang) -> String {
    let (head, rows) = cells(report, lang);
    let title = Key::RepTitle.text(lang);
    let period = i18n::report_period(lang, report);
    let targets = i18n::report_targets(lang, &report.targets);
    let max_week = report
        .rows
        .iter()
        .flat_map(|r| r.weekly.iter().copied())
        .max()
        .unwrap_or(1);
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html>
<html lang="{lang_tag}"><head><meta charset="utf-8">
<title>{title} — {newsroom} — {label}</title>
<style>
@page {{ size: A4 landscape; margin: 9mm; }}
body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5px; color: #111; margin: 0; }}
@media screen {{ body {{ margin: 14px; }} }}
h1 {{ font-size: 17px; margin: 0 0 2px; }}
.sub {{ color: #444; margin: 0 0 6px; }}
.top {{ display: flex; gap: 18px; align-items: flex-start; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 6px; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: right; vertical-align: middle; }}
th {{ background: #f1f1f1; font-weight: 600; font-size: 8.5px; }}
td:first-child, th:first-child {{ text-align: left; }}
tr.total td {{ font-weight: 700; border-top: 2px solid #888; }}
.v-consistent {{ color: #1b7f3b; font-weight: 600; }}
.v-irregular {{ color: #c77700; font-weight: 600; }}
.v-silent {{ color: #b3261e; font-weight: 600; }}
.lbl, .val {{ font-size: 10px; font-family: "DejaVu Sans", Arial, sans-serif; }}
.legend {{ color: #444; margin-top: 6px; }}
.key span {{ display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; vertical-align: middle; }}
</style></head><body>
<h1>{title} — {newsroom}</h1>
<p class="sub">{period}<br>{targets}</p>
"#,
        lang_tag = if lang == Lang::En { "en" } else { "id" },
        newsroom = esc(newsroom),
        label = esc(&report.label),
        period = esc(&period),
        targets = esc(&targets),
    );
    let _ = write!(
        html,
        "<div class=\"top\"><div><b>{}</b><br>{}<div class=\"key\"><span style=\"background:{}\"></span>{}<span style=\"background:{}\"></span>{}<span style=\"background:{}\"></span>{}</div></div>",
        esc(Key::RepColPublished.text(lang)),
        bar_chart(report, lang),
        colour(Verdict::Consistent),
        esc(i18n::verdict(lang, Verdict::Consistent)),
        colour(Verdict::Irregular),
        esc(i18n::verdict(lang, Verdict::Irregular)),
        colour(Verdict::Silent),
        esc(i18n::verdict(lang, Verdict::Silent)),
    );
    // Posts per channel beside the chart.
    let chans: Vec<&str> = CHANNELS
        .iter()
        .copied()
        .filter(|c| report.total.posts.contains_key(*c))
        .collect();
    if !chans.is_empty() {
        let _ = write!(
            html,
            "<div><b>{}</b><table><tr><th></th>",
            esc(Key::RepColPosts.text(lang))
        );
        for c in &chans {
            let _ = write!(html, "<th>{}</th>", esc(c));
        }
        html.push_str("</tr>");
        for r in report.rows.iter().chain([&report.total]) {
            let _ = write!(html, "<tr><td>{}</td>", esc(&row_name(r, lang)));
            for c in &chans {
                let _ = write!(html, "<td>{}</td>", r.posts.get(*c).copied().unwrap_or(0));
            }
            html.push_str("</tr>");
        }
        html.push_str("</table></div>");
    }
    html.push_str("</div>\n<table class=\"main\"><tr>");
    for (i, h) in head.iter().enumerate() {
        let _ = write!(html, "<th>{}</th>", esc(h));
        if i == 0 {
            let _ = write!(html, "<th>{}</th>", esc(Key::RepColWeekly.text(lang)));
        }
    }
    html.push_str("</tr>\n");
    let all: Vec<&Row> = report.rows.iter().chain([&report.total]).collect();
    for (r, cells) in all.iter().zip(&rows) {
        let total = r.kecamatan == "*";
        let v = verdict(report, r);
        let class = match v {
            Verdict::Consistent => "v-consistent",
            Verdict::Irregular => "v-irregular",
            Verdict::Silent => "v-silent",
        };
        let _ = write!(html, "<tr{}>", if total { " class=\"total\"" } else { "" });
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() && !total {
                let _ = write!(html, "<td class=\"{class}\">{}</td>", esc(c));
            } else {
                let _ = write!(html, "<td>{}</td>", esc(c));
            }
            if i == 0 {
                let spark = if total {
                    String::new()
                } else {
                    sparkline(&r.weekly, max_week, colour(v))
                };
                let _ = write!(html, "<td>{spark}</td>");
            }
        }
        html.push_str("</tr>\n");
    }
    let _ = write!(
        html,
        "</table>\n<p class=\"legend\">{}</p>\n</body></html>\n",
        esc(Key::RepLegend.text(lang))
    );
    html
}
