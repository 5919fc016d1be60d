//! The summary table of `report` in the reader's language: shared by the text, CSV and
//! Markdown of `report.rs` and the HTML page of `report_html.rs`, a leaf so neither
//! imports the other back.

use crate::domain::report::{Report, Row, Spread, verdict};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key, Lang};

/// A row's display name.
#[must_use]
pub fn row_name(r: &Row, lang: Lang) -> String {
    match r.kecamatan.as_str() {
        "" => Key::RepKabupaten.text(lang).to_string(),
        "*" => Key::RepTotal.text(lang).to_string(),
        _ => clean_line(&r.name),
    }
}

fn spread_cell(s: &Spread) -> String {
    match (s.median_hours, s.p90_hours) {
        (Some(m), Some(p)) => format!("{m:.1}/{p:.1}"),
        _ => "-".into(),
    }
}

fn percent(r: &Row, name: &str) -> String {
    r.targets
        .iter()
        .find(|t| t.name == name)
        .map_or_else(|| "-".into(), |t| format!("{:.0}%", t.ratio * 100.0))
}

/// The header and the cells of the summary table, in the reader's language.
#[must_use]
pub fn cells(report: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = [
        Key::RepColKecamatan,
        Key::RepColCreated,
        Key::RepColSubmitted,
        Key::RepColPublished,
        Key::RepColRepublished,
        Key::RepColRejected,
        Key::RepColToApproval,
        Key::RepColToPublication,
        Key::RepColRounds,
        Key::RepColQuality,
        Key::RepColDaysSince,
        Key::RepColGap,
        Key::RepColPosts,
        Key::RepColTargetPublished,
        Key::RepColTargetPosts,
        Key::RepColVerdict,
    ]
    .iter()
    .map(|k| k.text(lang).to_string())
    .collect();
    let line = |r: &Row, total: bool| {
        vec![
            row_name(r, lang),
            r.created.to_string(),
            r.submitted.to_string(),
            r.published.to_string(),
            r.republished.to_string(),
            r.rejected.to_string(),
            spread_cell(&r.to_approval),
            spread_cell(&r.to_publication),
            r.rounds.mean.map_or_else(|| "-".into(), |m| format!("{m:.2}")),
            if r.quality.measured == 0 {
                "-".into()
            } else {
                format!("{}/{}", r.quality.failing, r.quality.measured)
            },
            r.days_since_publication.map_or_else(|| "-".into(), |d| d.to_string()),
            r.longest_gap_days.to_string(),
            r.posts_total.to_string(),
            percent(r, "published_per_week"),
            percent(r, "posts_per_day"),
            if total {
                String::new()
            } else {
                i18n::verdict(lang, verdict(report, r)).to_string()
            },
        ]
    };
    let mut rows: Vec<Vec<String>> = report.rows.iter().map(|r| line(r, false)).collect();
    rows.push(line(&report.total, true));
    (head, rows)
}
