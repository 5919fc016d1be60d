//! The evaluation report ("Evaluasi kehumasan"): each kecamatan's publishing output over
//! a period, computed from review logs alone.
//!
//! Pure: events, the config, the period, "today" and the items as they were at their
//! first submission go in; a [`Report`] comes out. Reading those from git is the store's
//! job, printing them the CLI's and the TUI's. Days and weeks (Monday to Sunday) are
//! calendar days in the newsroom's time zone, so an event at 23:59 WIB counts on its own
//! day whatever offset its `at` was written with.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use super::config::{Config, Targets};
use super::item::Item;
use super::lint::{self, Rules};
use super::review::{ActionKind, Event, Status};

/// The id of the row for items without a (known) kecamatan: kabupaten-wide items.
pub const KABUPATEN: &str = "";

/// What kind of period, for moving to the previous or next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// An ISO week, Monday to Sunday.
    Week,
    /// Any span of days.
    Range,
}

/// A span of whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    #[serde(serialize_with = "ser::date")]
    pub from: Date,
    /// Last day.
    #[serde(serialize_with = "ser::date")]
    pub to: Date,
    /// Month, week or free range.
    pub kind: PeriodKind,
}

/// Why a period could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PeriodError(pub String);

impl Period {
    /// A calendar month from `YYYY-MM`.
    pub fn month(text: &str) -> Result<Self, PeriodError> {
        let bad = || PeriodError(format!("{text:?} is not a month like 2024-09"));
        let (y, m) = text.split_once('-').ok_or_else(bad)?;
        let from = Date::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, 1).map_err(|_| bad())?;
        Ok(Self::month_of(from))
    }

    /// The month holding `day`.
    #[must_use]
    pub fn month_of(day: Date) -> Self {
        Self {
            from: day.first_of_month(),
            to: day.last_of_month(),
            kind: PeriodKind::Month,
        }
    }

    /// An ISO week from `YYYY-Www` (or `YYYY-ww`).
    pub fn week(text: &str) -> Result<Self, PeriodError> {
        let bad = || PeriodError(format!("{text:?} is not a week like 2024-W36"));
        let (y, w) = text.split_once('-').ok_or_else(bad)?;
        let w = w.trim_start_matches(['W', 'w']);
        let iso = jiff::civil::ISOWeekDate::new(
            y.parse().map_err(|_| bad())?,
            w.parse().map_err(|_| bad())?,
            Weekday::Monday,
        )
        .map_err(|_| bad())?;
        Ok(Self::week_of(iso.date()))
    }

    /// The ISO week holding `day`.
    #[must_use]
    pub fn week_of(day: Date) -> Self {
        let from = monday_of(day);
        Self {
            from,
            to: from.saturating_add(6.days()),
            kind: PeriodKind::Week,
        }
    }

    /// The days from `from` to `to`, both included.
    pub fn range(from: &str, to: &str) -> Result<Self, PeriodError> {
        let day = |t: &str| {
            t.parse::<Date>()
                .map_err(|_| PeriodError(format!("{t:?} is not a date like 2024-09-01")))
        };
        let (from, to) = (day(from)?, day(to)?);
        if to < from {
            return Err(PeriodError(format!("{to} is before {from}")));
        }
        Ok(Self {
            from,
            to,
            kind: PeriodKind::Range,
        })
    }

    /// The period of the same kind just before (`step` -1) or after (`step` 1).
    #[must_use]
    pub fn shift(self, step: i32) -> Self {
        match self.kind {
            PeriodKind::Month => Self::month_of(self.from.saturating_add(i64::from(step).months())),
            PeriodKind::Week => Self::week_of(self.from.saturating_add(i64::from(step).weeks())),
            PeriodKind::Range => {
                let len = self.days();
                Self {
                    from: self.from.saturating_add((i64::from(step) * len).days()),
                    to: self.to.saturating_add((i64::from(step) * len).days()),
                    kind: PeriodKind::Range,
                }
            }
        }
    }

    /// Number of days.
    #[must_use]
    pub fn days(self) -> i64 {
        days_between(self.from, self.to) + 1
    }

    /// Whether a day lies inside.
    #[must_use]
    pub fn contains(self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// A short label: `2024-09`, `2024-W36` or `2024-09-01..2024-09-30`.
    #[must_use]
    pub fn label(self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{:04}-{:02}", self.from.year(), self.from.month()),
            PeriodKind::Week => {
                let w = self.from.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            PeriodKind::Range => format!("{}..{}", self.from, self.to),
        }
    }

    /// The Mondays of the weeks that touch the period, in order.
    #[must_use]
    pub fn weeks(self) -> Vec<Date> {
        let mut out = Vec::new();
        let mut w = monday_of(self.from);
        while w <= self.to {
            out.push(w);
            w = w.saturating_add(1.weeks());
        }
        out
    }
}

fn monday_of(day: Date) -> Date {
    day.saturating_sub(i64::from(day.weekday().to_monday_zero_offset()).days())
}

fn days_between(a: Date, b: Date) -> i64 {
    // Civil dates: no time zone or DST can make this off by one.
    i64::from((b - a).get_days())
}

/// One item as the report needs it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Folder name.
    pub slug: &'a str,
    /// Current title.
    pub title: &'a str,
    /// Current kecamatan id ("" for kabupaten-wide).
    pub kecamatan: &'a str,
    /// Current status.
    pub status: Status,
    /// The review log, oldest first.
    pub events: &'a [Event],
}

/// The content id pinned by an item's first `submit`, if any: the version whose checklist
/// the report judges. The store reads the items at these ids.
#[must_use]
pub fn first_submit_content(events: &[Event]) -> Option<&str> {
    events
        .iter()
        .find(|e| e.action == ActionKind::Submit)
        .and_then(|e| e.content.as_deref())
}

/// Whether the report needs the item as it was at its first submission: only when that
/// submission falls in the period.
#[must_use]
pub fn wants_first_version(events: &[Event], period: Period, tz: &TimeZone) -> bool {
    events
        .iter()
        .find(|e| e.action == ActionKind::Submit)
        .and_then(|e| day_of(&e.at, tz))
        .is_some_and(|d| period.contains(d))
}

/// The required checklist rules an item fails (rule ids): what the report counts for an
/// item as it was at its first submission.
#[must_use]
pub fn failing_rules(rules: &Rules, item: &Item, config: &Config) -> Vec<String> {
    lint::blocking(&rules.check(item, config))
        .into_iter()
        .map(|r| r.id().to_string())
        .collect()
}

/// What the checklist's outcome depends on besides the item: the `[rules]` table and the
/// dateline and closing lines. A cache of [`failing_rules`] keyed by content id is valid
/// only while this stays the same.
#[must_use]
pub fn rules_fingerprint(config: &Config) -> String {
    format!(
        "{}\n{}\n{}",
        toml::to_string(&config.rules).unwrap_or_default(),
        config.newsroom.dateline,
        config.newsroom.closing
    )
}

/// Everything the computation reads.
pub struct Inputs<'a> {
    /// The newsroom's config (kecamatan, targets, checklist rules, time zone).
    pub config: &'a Config,
    /// The period reported.
    pub period: Period,
    /// Today in the newsroom's zone: a period still running is judged up to today.
    pub today: Date,
    /// Every item.
    pub items: Vec<Source<'a>>,
    /// The required rules failing on each item as it was at its first submission (see
    /// [`failing_rules`]), by the content id that submission pinned
    /// ([`first_submit_content`]); a missing one is counted as not measured.
    pub first_failures: &'a HashMap<String, Vec<String>>,
    /// Only this kecamatan (an author's own); `None`: all of them.
    pub only: Option<&'a str>,
}

/// Median and 90th percentile of durations, in hours.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Spread {
    /// How many durations.
    pub count: usize,
    /// Median (the mean of the middle two when the count is even).
    pub median_hours: Option<f64>,
    /// 90th percentile, nearest rank (the smallest value at or above 90 % of them).
    pub p90_hours: Option<f64>,
}

/// Checklist quality at first submission.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Quality {
    /// Items whose first submission fell in the period.
    pub first_submissions: usize,
    /// Of those, how many could be read and checked.
    pub measured: usize,
    /// Of those, how many failed at least one required rule.
    pub failing: usize,
    /// Failures per required rule id.
    pub by_rule: BTreeMap<String, usize>,
}

/// Requests for changes on the items first submitted in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rounds {
    /// Items counted (first submitted in the period).
    pub items: usize,
    /// `request_changes` events on them up to the period's end.
    pub total: usize,
    /// `total / items`.
    pub mean: Option<f64>,
    /// The most on one item.
    pub max: usize,
}

/// One target and how far it was reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attainment {
    /// `published_per_week` or `posts_per_day`.
    pub name: &'static str,
    /// The target from `warta.toml`.
    pub target: f64,
    /// What was reached, in the same unit.
    pub actual: f64,
    /// `actual / target`.
    pub ratio: f64,
    /// Whether `actual >= target`.
    pub met: bool,
}

/// One item in a kecamatan's drill-down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemLine {
    /// Folder name.
    pub slug: String,
    /// Current title.
    pub title: String,
    /// Current status.
    pub status: Status,
    /// Days in the period with a publish event of it.
    #[serde(serialize_with = "ser::dates")]
    pub published: Vec<Date>,
    /// Requests for changes up to the period's end.
    pub rounds: usize,
    /// Required rules failing at its first submission, if that was in the period.
    pub failing: Vec<String>,
}

/// One kecamatan's figures (or the total).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Kecamatan id; `""` for kabupaten-wide items, `"*"` for the total.
    pub kecamatan: String,
    /// Display name.
    pub name: String,
    /// Items created in the period.
    pub created: usize,
    /// Items with a submission in the period.
    pub submitted: usize,
    /// Items published for the first time in the period.
    pub published: usize,
    /// Publish events in the period of items published before (corrections).
    pub republished: usize,
    /// Items rejected in the period.
    pub rejected: usize,
    /// From a submission to its approval, for approvals in the period.
    pub to_approval: Spread,
    /// From an approval to its publication, for publications in the period.
    pub to_publication: Spread,
    /// Requests for changes per item.
    pub rounds: Rounds,
    /// Checklist at first submission.
    pub quality: Quality,
    /// Last day with a publication up to the period's end (also before it).
    #[serde(serialize_with = "ser::opt_date")]
    pub last_publication: Option<Date>,
    /// Days from that day to the period's end (or today, if sooner).
    pub days_since_publication: Option<i64>,
    /// Longest run of days in the period (up to today) without a publication.
    pub longest_gap_days: i64,
    /// Posts recorded per channel in the period.
    pub posts: BTreeMap<String, usize>,
    /// All posts recorded in the period.
    pub posts_total: usize,
    /// First publications per week of [`Report::weeks`].
    pub weekly: Vec<usize>,
    /// Targets of `warta.toml` and how far each was reached (not for the total).
    pub targets: Vec<Attainment>,
    /// Items with any event in the period, for the drill-down.
    pub items: Vec<ItemLine>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The period.
    pub period: Period,
    /// Its label.
    pub label: String,
    /// The newsroom's time zone.
    pub timezone: String,
    /// The last day judged: the period's end, or today if sooner.
    #[serde(serialize_with = "ser::date")]
    pub until: Date,
    /// Mondays of the weeks of [`Row::weekly`].
    #[serde(serialize_with = "ser::dates")]
    pub weeks: Vec<Date>,
    /// The targets of `warta.toml`.
    pub targets: Targets,
    /// One row per kecamatan of `warta.toml` (in file order), then kabupaten-wide items
    /// and unknown kecamatan when they have items.
    pub rows: Vec<Row>,
    /// Everything together.
    pub total: Row,
}

/// The calendar day of an RFC 3339 time in a zone.
#[must_use]
pub fn day_of(at: &str, tz: &TimeZone) -> Option<Date> {
    instant(at, tz).map(|(_, d)| d)
}

/// Seconds since the epoch and the calendar day in `tz` of an RFC 3339 time.
///
/// warta writes `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`); that shape is read by hand, which is
/// most of what makes a year's report fast (100,000 events); anything else goes through
/// jiff's parser.
fn instant(at: &str, tz: &TimeZone) -> Option<(i64, Date)> {
    let secs = fast_seconds(at).or_else(|| at.parse::<Timestamp>().ok().map(Timestamp::as_second))?;
    let ts = Timestamp::from_second(secs).ok()?;
    let local = secs + i64::from(tz.to_offset(ts).seconds());
    Some((secs, civil_from_days(local.div_euclid(86_400))?))
}

fn fast_seconds(at: &str) -> Option<i64> {
    let bytes = at.as_bytes();
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || bytes[10] != b'T'
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        bytes[r]
            .iter()
            .try_fold(0i64, |n, &c| c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset = match &bytes[19..] {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let o = num(20..22)? * 3600 + num(23..25)? * 60;
            if *sign == b'-' { -o } else { o }
        }
        _ => return None,
    };
    // Days from civil (Howard Hinnant's algorithm), then the time of day, less the offset.
    let shifted = if month <= 2 { year - 1 } else { year };
    let era = shifted.div_euclid(400);
    let yoe = shifted - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

fn civil_from_days(z: i64) -> Option<Date> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// What one item adds to a row: collected per item, then merged.
#[derive(Default)]
struct Acc {
    created: usize,
    submitted: usize,
    published: usize,
    republished: usize,
    rejected: usize,
    to_approval: Vec<i64>,
    to_publication: Vec<i64>,
    rounds_items: usize,
    rounds_total: usize,
    rounds_max: usize,
    quality: Quality,
    publish_days: Vec<Date>,
    posts: BTreeMap<String, usize>,
    weekly: Vec<usize>,
    items: Vec<ItemLine>,
}

struct Ctx<'a> {
    period: Period,
    until: Date,
    tz: TimeZone,
    weeks: &'a [Date],
    first_failures: &'a HashMap<String, Vec<String>>,
}

impl Acc {
    fn add(&mut self, s: &Source<'_>, cx: &Ctx<'_>) {
        let p = cx.period;
        let (mut touched, mut submitted, mut rejected) = (false, false, false);
        let mut published_days = Vec::new();
        let mut last_submit: Option<i64> = None;
        let mut last_approve: Option<i64> = None;
        let mut published_before = false;
        let mut first_submit_in_period: Option<bool> = None;
        let mut rounds = 0usize;
        for e in s.events {
            // Comments and edits say nothing about output: skip them before parsing a time.
            if !matches!(
                e.action,
                ActionKind::Create
                    | ActionKind::Submit
                    | ActionKind::RequestChanges
                    | ActionKind::Approve
                    | ActionKind::Reject
                    | ActionKind::Publish
                    | ActionKind::Shared
            ) {
                continue;
            }
            let Some((t, day)) = instant(&e.at, &cx.tz) else {
                continue;
            };
            if day > p.to {
                break;
            }
            let inside = day >= p.from;
            touched |= inside;
            match e.action {
                ActionKind::Create if inside => self.created += 1,
                ActionKind::Submit => {
                    if first_submit_in_period.is_none() {
                        first_submit_in_period = Some(inside);
                    }
                    submitted |= inside;
                    last_submit = Some(t);
                }
                ActionKind::RequestChanges => {
                    rounds += 1;
                    last_submit = None;
                }
                ActionKind::Approve => {
                    if let Some(sub) = last_submit.take().filter(|_| inside) {
                        self.to_approval.push(t - sub);
                    }
                    last_approve = Some(t);
                }
                ActionKind::Reject => {
                    rejected |= inside;
                    last_submit = None;
                }
                ActionKind::Publish => {
                    if inside {
                        if let Some(a) = last_approve {
                            self.to_publication.push(t - a);
                        }
                        if published_before {
                            self.republished += 1;
                        } else {
                            self.published += 1;
                            if let Some(w) = cx.weeks.iter().rposition(|m| *m <= day) {
                                self.weekly[w] += 1;
                            }
                        }
                        published_days.push(day);
                    }
                    // Publications before the period still count for "days since".
                    self.publish_days.push(day);
                    published_before = true;
                    last_approve = None;
                }
                ActionKind::Shared if inside => {
                    let channel = e.channel.clone().unwrap_or_default();
                    *self.posts.entry(channel).or_default() += 1;
                }
                _ => {}
            }
        }
        self.submitted += usize::from(submitted);
        self.rejected += usize::from(rejected);
        let mut failing = Vec::new();
        if first_submit_in_period == Some(true) {
            self.rounds_items += 1;
            self.rounds_total += rounds;
            self.rounds_max = self.rounds_max.max(rounds);
            self.quality.first_submissions += 1;
            let known = first_submit_content(s.events).and_then(|c| cx.first_failures.get(c));
            if let Some(rules) = known {
                self.quality.measured += 1;
                failing.clone_from(rules);
                if !failing.is_empty() {
                    self.quality.failing += 1;
                }
                for f in &failing {
                    *self.quality.by_rule.entry(f.clone()).or_default() += 1;
                }
            }
        }
        if touched {
            self.items.push(ItemLine {
                slug: s.slug.to_string(),
                title: s.title.to_string(),
                status: s.status,
                published: published_days,
                rounds,
                failing,
            });
        }
    }

    /// Add another's figures (not its items).
    fn merge(&mut self, o: &Acc) {
        self.created += o.created;
        self.submitted += o.submitted;
        self.published += o.published;
        self.republished += o.republished;
        self.rejected += o.rejected;
        self.to_approval.extend_from_slice(&o.to_approval);
        self.to_publication.extend_from_slice(&o.to_publication);
        self.rounds_items += o.rounds_items;
        self.rounds_total += o.rounds_total;
        self.rounds_max = self.rounds_max.max(o.rounds_max);
        self.quality.first_submissions += o.quality.first_submissions;
        self.quality.measured += o.quality.measured;
        self.quality.failing += o.quality.failing;
        for (k, n) in &o.quality.by_rule {
            *self.quality.by_rule.entry(k.clone()).or_default() += n;
        }
        self.publish_days.extend_from_slice(&o.publish_days);
        for (k, n) in &o.posts {
            *self.posts.entry(k.clone()).or_default() += n;
        }
        for (w, n) in self.weekly.iter_mut().zip(&o.weekly) {
            *w += n;
        }
    }

    fn finish(mut self, kecamatan: &str, name: &str, cx: &Ctx<'_>, targets: Option<&Targets>) -> Row {
        self.publish_days.sort_unstable();
        self.publish_days.dedup();
        let last = self.publish_days.iter().rev().find(|d| **d <= cx.until).copied();
        let judged = cx.period.from <= cx.until;
        // Longest run of days from the period's start to `until` without a publication.
        let mut longest = 0;
        if judged {
            let mut prev = cx.period.from.saturating_sub(1.days());
            for d in self
                .publish_days
                .iter()
                .filter(|d| cx.period.from <= **d && **d <= cx.until)
            {
                longest = longest.max(days_between(prev, *d) - 1);
                prev = *d;
            }
            longest = longest.max(days_between(prev, cx.until));
        }
        let elapsed = if judged {
            days_between(cx.period.from, cx.until) + 1
        } else {
            0
        };
        let posts_total = self.posts.values().sum();
        let mut attained = Vec::new();
        if let Some(t) = targets.filter(|_| elapsed > 0) {
            #[allow(clippy::cast_precision_loss)]
            let days = elapsed as f64;
            #[allow(clippy::cast_precision_loss)]
            let measures = [
                (
                    "published_per_week",
                    t.published_per_week,
                    self.published as f64 / days * 7.0,
                ),
                ("posts_per_day", t.posts_per_day, posts_total as f64 / days),
            ];
            for (name, target, actual) in measures {
                if let Some(target) = target {
                    attained.push(Attainment {
                        name,
                        target,
                        actual: round2(actual),
                        ratio: round2(actual / target),
                        met: actual >= target,
                    });
                }
            }
        }
        self.items.sort_by(|a, b| a.slug.cmp(&b.slug));
        #[allow(clippy::cast_precision_loss)]
        let mean = (self.rounds_items > 0).then(|| round2(self.rounds_total as f64 / self.rounds_items as f64));
        Row {
            kecamatan: kecamatan.to_string(),
            name: name.to_string(),
            created: self.created,
            submitted: self.submitted,
            published: self.published,
            republished: self.republished,
            rejected: self.rejected,
            to_approval: spread(self.to_approval),
            to_publication: spread(self.to_publication),
            rounds: Rounds {
                items: self.rounds_items,
                total: self.rounds_total,
                mean,
                max: self.rounds_max,
            },
            quality: self.quality,
            last_publication: last,
            days_since_publication: last.map(|d| days_between(d, cx.until)),
            longest_gap_days: longest,
            posts: self.posts,
            posts_total,
            weekly: self.weekly,
            targets: attained,
            items: self.items,
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Median and nearest-rank 90th percentile of durations in seconds, in hours.
fn spread(mut secs: Vec<i64>) -> Spread {
    secs.sort_unstable();
    let n = secs.len();
    #[allow(clippy::cast_precision_loss)]
    let hours = |s: f64| round2(s / 3600.0);
    if n == 0 {
        return Spread::default();
    }
    #[allow(clippy::cast_precision_loss)]
    let median = if n % 2 == 1 {
        secs[n / 2] as f64
    } else {
        (secs[n / 2 - 1] + secs[n / 2]) as f64 / 2.0
    };
    // Nearest rank: the ceil(0.9 n)-th smallest.
    let rank = (n * 9).div_ceil(10).max(1);
    #[allow(clippy::cast_precision_loss)]
    let p90 = secs[rank - 1] as f64;
    Spread {
        count: n,
        median_hours: Some(hours(median)),
        p90_hours: Some(hours(p90)),
    }
}

/// Compute the report.
#[must_use]
pub fn compute(inputs: &Inputs<'_>) -> Report {
    let config = inputs.config;
    let period = inputs.period;
    let until = period.to.min(inputs.today);
    let weeks = period.weeks();
    let cx = Ctx {
        period,
        until,
        tz: config.timezone(),
        weeks: &weeks,
        first_failures: inputs.first_failures,
    };
    let fresh = || Acc {
        weekly: vec![0; weeks.len()],
        ..Acc::default()
    };
    // Rows in config order; items of no or an unknown kecamatan after them.
    let mut order: Vec<(String, String)> = config
        .kecamatan
        .iter()
        .map(|k| (k.id.clone(), k.name.clone()))
        .collect();
    let mut accs: Vec<Acc> = order.iter().map(|_| fresh()).collect();
    let mut index: HashMap<String, usize> = order.iter().enumerate().map(|(i, (id, _))| (id.clone(), i)).collect();
    let mut total = fresh();
    for s in &inputs.items {
        if inputs.only.is_some_and(|k| k != s.kecamatan) {
            continue;
        }
        let key = if s.kecamatan.is_empty() { KABUPATEN } else { s.kecamatan };
        let i = *index.entry(key.to_string()).or_insert_with(|| {
            order.push((key.to_string(), key.to_string()));
            accs.push(fresh());
            order.len() - 1
        });
        // Each item is read once and its share added to its row and to the total.
        let mut one = fresh();
        one.add(s, &cx);
        total.merge(&one);
        accs[i].merge(&one);
        accs[i].items.append(&mut one.items);
    }
    let mut rows: Vec<Row> = order
        .iter()
        .zip(accs)
        .filter(|((id, _), _)| inputs.only.is_none_or(|k| k == id))
        .map(|((id, name), acc)| acc.finish(id, name, &cx, Some(&config.targets)))
        .collect();
    // Kabupaten-wide and unknown rows keep a stable order after the configured ones.
    let configured = config.kecamatan.len().min(rows.len());
    rows[configured..].sort_by(|a, b| a.kecamatan.cmp(&b.kecamatan));
    let total = total.finish("*", "", &cx, None);
    Report {
        period,
        label: period.label(),
        timezone: config.newsroom.timezone.clone(),
        until,
        weeks,
        targets: config.targets,
        rows,
        total,
    }
}

/// The measures a screen can rank kecamatan by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// New publications.
    Published,
    /// Target attainment of `published_per_week` (published when no target).
    Attainment,
    /// Days since the last publication (fewer is better).
    DaysSince,
    /// Longest gap (shorter is better).
    LongestGap,
    /// Median hours to approval (shorter is better).
    ToApproval,
    /// Share of first submissions failing a required rule (lower is better).
    Quality,
    /// Posts recorded.
    Posts,
}

impl Measure {
    /// Every measure, in the order a key cycles through them.
    pub const ALL: [Self; 7] = [
        Self::Published,
        Self::Attainment,
        Self::DaysSince,
        Self::LongestGap,
        Self::ToApproval,
        Self::Quality,
        Self::Posts,
    ];

    /// The id (`published`, `attainment`…).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Published => "published",
            Self::Attainment => "attainment",
            Self::DaysSince => "days_since",
            Self::LongestGap => "longest_gap",
            Self::ToApproval => "to_approval",
            Self::Quality => "quality",
            Self::Posts => "posts",
        }
    }

    /// The next measure.
    #[must_use]
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// A row's value of this measure, `None` when there is nothing to measure. Bigger is
    /// not always better: see [`Measure::higher_is_better`].
    #[must_use]
    pub fn value(self, r: &Row) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        match self {
            Self::Published => Some(r.published as f64),
            Self::Attainment => r
                .targets
                .iter()
                .find(|a| a.name == "published_per_week")
                .map(|a| a.ratio * 100.0),
            Self::DaysSince => r.days_since_publication.map(|d| d as f64),
            Self::LongestGap => Some(r.longest_gap_days as f64),
            Self::ToApproval => r.to_approval.median_hours,
            Self::Quality => {
                (r.quality.measured > 0).then(|| round2(r.quality.failing as f64 * 100.0 / r.quality.measured as f64))
            }
            Self::Posts => Some(r.posts_total as f64),
        }
    }

    /// Whether a bigger value is the better one.
    #[must_use]
    pub fn higher_is_better(self) -> bool {
        matches!(self, Self::Published | Self::Attainment | Self::Posts)
    }
}

/// Indexes of `rows` ranked best first by a measure; rows without a value go last, ties
/// keep the config order.
#[must_use]
pub fn rank(rows: &[Row], m: Measure) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    idx.sort_by(|&a, &b| {
        let (va, vb) = (m.value(&rows[a]), m.value(&rows[b]));
        match (va, vb) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if m.higher_is_better() { o.reverse() } else { o }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    idx
}

/// How a kecamatan is doing, for a one-word verdict beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Target met (or, without a target, a publication every week judged).
    Consistent,
    /// Some output, but below target or with weeks empty.
    Irregular,
    /// Nothing published in the period.
    Silent,
}

/// The verdict of a row: met the weekly target (else published in every week judged) →
/// consistent; published something → irregular; nothing → silent.
#[must_use]
pub fn verdict(report: &Report, r: &Row) -> Verdict {
    if r.published == 0 && r.republished == 0 {
        return Verdict::Silent;
    }
    let judged_weeks = report.weeks.iter().filter(|w| **w <= report.until).count();
    let every_week = r.weekly.iter().take(judged_weeks).all(|n| *n > 0);
    let target_met = r.targets.iter().find(|a| a.name == "published_per_week").map(|a| a.met);
    if target_met.unwrap_or(every_week) && every_week {
        Verdict::Consistent
    } else {
        Verdict::Irregular
    }
}

/// Dates as `YYYY-MM-DD` strings (jiff's serde support is not compiled in).
mod ser {
    use jiff::civil::Date;
    use serde::Serializer;

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde hands a reference
    pub fn date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde hands a reference
    pub fn opt_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn dates<S: Serializer>(d: &[Date], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(d.iter().map(ToString::to_string))
    }
}

#[cfg(test)]
mod tests;
