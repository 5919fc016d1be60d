//! `report`: the evaluation of each kecamatan's publishing over a period, as a table,
//! JSON, CSV, Markdown or a printable HTML page (`report_html.rs`).
//!
//! The figures come from `domain::report` through `Newsroom::report`; this file only
//! chooses the period and the caller's scope, and prints.

use std::fmt::Write as _;
use std::path::PathBuf;

pub use super::report_cells::{cells, row_name};
use crate::domain::config::Role;
use crate::domain::report::{Period, Report, verdict};
use crate::domain::review::CHANNELS;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key, Lang};
use crate::startup::{Ctx, Failure, Outcome};

/// `report [--month [YYYY-MM] | --week [YYYY-Www] | --from D --to D] [--json|--csv|--markdown|--html FILE]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A calendar month, `YYYY-MM`; without a value, last month (the default period).
    #[arg(long, value_name = "YYYY-MM", num_args = 0..=1, default_missing_value = "", conflicts_with_all = ["week", "from"])]
    pub month: Option<String>,
    /// An ISO week, `YYYY-Www` (Monday to Sunday); without a value, last week.
    #[arg(long, value_name = "YYYY-Www", num_args = 0..=1, default_missing_value = "", conflicts_with = "from")]
    pub week: Option<String>,
    /// First day of a free period, `YYYY-MM-DD` (with `--to`).
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last day of a free period, included.
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// Print JSON.
    #[arg(long, conflicts_with_all = ["csv", "markdown"])]
    pub json: bool,
    /// Print CSV (one row per kecamatan, then the total; English column ids).
    #[arg(long, conflicts_with = "markdown")]
    pub csv: bool,
    /// Print a Markdown table.
    #[arg(long)]
    pub markdown: bool,
    /// Also write a printable one-page HTML report with charts to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// The period the arguments name; `today` is a day in the newsroom's zone.
pub fn period(a: &Args, today: jiff::civil::Date) -> Result<Period, String> {
    use jiff::ToSpan;
    let p = match (&a.month, &a.week, &a.from, &a.to) {
        (Some(m), _, _, _) if !m.is_empty() => Period::month(m),
        (_, Some(w), _, _) if !w.is_empty() => Period::week(w),
        (_, Some(_), _, _) => Ok(Period::week_of(today.saturating_sub(1.weeks()))),
        (_, _, Some(f), Some(t)) => Period::range(f, t),
        _ => Ok(Period::month_of(today.first_of_month().saturating_sub(1.days()))),
    };
    p.map_err(|e| e.to_string())
}

/// Run `report`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let Some(me) = ctx.person() else {
        return Err(Failure {
            code: crate::exit::REFUSED,
            message: format!("{} {}", Key::RepUnknownCaller.text(ctx.lang), ctx.unknown_hint()),
        });
    };
    let today = crate::store::action::now(&ctx.config).date();
    // What was typed, in the reader's language (the period's own error is English).
    let period = period(a, today).map_err(|_| {
        let typed: Vec<&str> = [&a.month, &a.week, &a.from, &a.to]
            .into_iter()
            .filter_map(|t| t.as_deref())
            .filter(|t| !t.is_empty())
            .collect();
        Failure {
            code: crate::exit::USAGE,
            message: i18n::fmt(ctx.lang, Key::RepBadPeriod, &[&typed.join(" – ")]),
        }
    })?;
    // Authors see their own kecamatan; editors, approvers and admins all of them.
    let only = scope(me);
    let snap = ctx.room.snapshot().map_err(|e| ctx.fail(&e))?;
    let report = ctx.room.report(&snap, period, today, only);
    if let Some(file) = &a.html {
        let page = super::report_html::page(&report, &snap.config.newsroom.name, ctx.lang);
        crate::store::files::write_atomic(file, page.as_bytes(), crate::store::files::Access::Shared)
            .map_err(|e| ctx.fail(&crate::store::StoreError::io(file, e)))?;
        eprintln!("{}", i18n::fmt(ctx.lang, Key::RepWritten, &[&file.display()]));
    }
    let out = if a.json {
        serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
    } else if a.csv {
        csv(&report)
    } else if a.markdown {
        markdown(&report, ctx.lang)
    } else if a.html.is_some() {
        String::new()
    } else {
        table(&report, ctx.lang)
    };
    print!("{out}");
    Ok(())
}

/// The kecamatan a person's report is limited to: an author's own, unless they also
/// edit, approve or administer.
#[must_use]
pub fn scope(me: &crate::domain::config::Person) -> Option<&str> {
    let wide = [Role::Editor, Role::Approver, Role::Admin].iter().any(|r| me.has(*r));
    if wide {
        None
    } else {
        Some(me.kecamatan.as_deref().unwrap_or("-"))
    }
}

fn heading(report: &Report, lang: Lang) -> (String, String) {
    (
        i18n::report_period(lang, report),
        i18n::report_targets(lang, &report.targets),
    )
}

/// Channels with at least one post in the report, in the rule book's order.
fn channels(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = CHANNELS
        .iter()
        .filter(|c| report.total.posts.contains_key(**c))
        .map(ToString::to_string)
        .collect();
    out.extend(
        report
            .total
            .posts
            .keys()
            .filter(|c| !CHANNELS.contains(&c.as_str()))
            .cloned(),
    );
    out
}

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn aligned(head: &[String], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            rows.iter()
                .map(|r| width(&r[i]))
                .chain([width(&head[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            let pad = widths[i] - width(c);
            if i == 0 {
                let _ = write!(line, "{c}{}", " ".repeat(pad));
            } else {
                let _ = write!(line, "  {}{c}", " ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The report as an aligned text table, then posts per channel.
#[must_use]
pub fn table(report: &Report, lang: Lang) -> String {
    let (period, targets) = heading(report, lang);
    let (head, rows) = cells(report, lang);
    let mut out = format!("{}\n{period}\n{targets}\n\n", Key::RepTitle.text(lang));
    out.push_str(&aligned(&head, &rows));
    let chans = channels(report);
    if !chans.is_empty() {
        out.push('\n');
        let head: Vec<String> = std::iter::once(Key::RepColPosts.text(lang).to_string())
            .chain(chans.iter().cloned())
            .collect();
        let rows: Vec<Vec<String>> = report
            .rows
            .iter()
            .chain([&report.total])
            .map(|r| {
                std::iter::once(row_name(r, lang))
                    .chain(chans.iter().map(|c| r.posts.get(c).copied().unwrap_or(0).to_string()))
                    .collect()
            })
            .collect();
        out.push_str(&aligned(&head, &rows));
    }
    let _ = write!(out, "\n{}\n", Key::RepLegend.text(lang));
    out
}

/// The report as Markdown: a heading, the table, posts per channel.
#[must_use]
pub fn markdown(report: &Report, lang: Lang) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('|', "\\|");
    let (period, targets) = heading(report, lang);
    let (head, rows) = cells(report, lang);
    let mut out = format!("# {}\n\n{period}  \n{targets}\n\n", Key::RepTitle.text(lang));
    let line = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
    out.push_str(&line(&head));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for r in &rows {
        out.push_str(&line(r));
    }
    let chans = channels(report);
    if !chans.is_empty() {
        out.push('\n');
        let head: Vec<String> = std::iter::once(Key::RepColPosts.text(lang).to_string())
            .chain(chans.iter().cloned())
            .collect();
        out.push_str(&line(&head));
        let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
        for r in report.rows.iter().chain([&report.total]) {
            let cells: Vec<String> = std::iter::once(row_name(r, lang))
                .chain(chans.iter().map(|c| r.posts.get(c).copied().unwrap_or(0).to_string()))
                .collect();
            out.push_str(&line(&cells));
        }
    }
    let _ = write!(out, "\n{}\n", Key::RepLegend.text(lang));
    out
}

/// One CSV field: quoted when needed; a text starting like a formula (`=`, `+`, `-`, `@`)
/// is prefixed with `'` so a spreadsheet shows it instead of running it.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The report as CSV with English column ids, one line per kecamatan and a total.
#[must_use]
pub fn csv(report: &Report) -> String {
    let mut head: Vec<String> = [
        "period",
        "kecamatan",
        "name",
        "created",
        "submitted",
        "published",
        "republished",
        "rejected",
        "to_approval_count",
        "to_approval_median_h",
        "to_approval_p90_h",
        "to_publication_count",
        "to_publication_median_h",
        "to_publication_p90_h",
        "changes_rounds_items",
        "changes_rounds_total",
        "changes_rounds_mean",
        "first_submissions",
        "first_submissions_measured",
        "first_submissions_failing",
        "last_publication",
        "days_since_publication",
        "longest_gap_days",
        "posts_total",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    head.extend(CHANNELS.iter().map(|c| format!("posts_{c}")));
    head.extend(
        [
            "published_per_week_actual",
            "published_per_week_ratio",
            "posts_per_day_actual",
            "posts_per_day_ratio",
            "verdict",
        ]
        .iter()
        .map(ToString::to_string),
    );
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut out = head.join(",") + "\n";
    for (r, total) in report.rows.iter().map(|r| (r, false)).chain([(&report.total, true)]) {
        let target = |name: &str| r.targets.iter().find(|t| t.name == name);
        let mut cells = vec![
            report.label.clone(),
            r.kecamatan.clone(),
            clean_line(&r.name),
            r.created.to_string(),
            r.submitted.to_string(),
            r.published.to_string(),
            r.republished.to_string(),
            r.rejected.to_string(),
            r.to_approval.count.to_string(),
            opt(r.to_approval.median_hours),
            opt(r.to_approval.p90_hours),
            r.to_publication.count.to_string(),
            opt(r.to_publication.median_hours),
            opt(r.to_publication.p90_hours),
            r.rounds.items.to_string(),
            r.rounds.total.to_string(),
            opt(r.rounds.mean),
            r.quality.first_submissions.to_string(),
            r.quality.measured.to_string(),
            r.quality.failing.to_string(),
            r.last_publication.map(|d| d.to_string()).unwrap_or_default(),
            r.days_since_publication.map(|d| d.to_string()).unwrap_or_default(),
            r.longest_gap_days.to_string(),
            r.posts_total.to_string(),
        ];
        cells.extend(
            CHANNELS
                .iter()
                .map(|c| r.posts.get(*c).copied().unwrap_or(0).to_string()),
        );
        cells.push(opt(target("published_per_week").map(|t| t.actual)));
        cells.push(opt(target("published_per_week").map(|t| t.ratio)));
        cells.push(opt(target("posts_per_day").map(|t| t.actual)));
        cells.push(opt(target("posts_per_day").map(|t| t.ratio)));
        cells.push(if total {
            String::new()
        } else {
            serde_json::to_value(verdict(report, r))
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        });
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}
