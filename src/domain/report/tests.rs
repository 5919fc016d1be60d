//! Exact figures of the report on a small newsroom with known events.
// Short names for the rows and logs of a fixture read like the table they check; the
// figures compared are exact decimals the code rounds to.
#![allow(clippy::many_single_char_names, clippy::float_cmp)]

use std::fmt::Write as _;

use super::*;
use crate::domain::item::Item;
use crate::domain::review::Review;

const CONFIG: &str = r#"
[newsroom]
name = "Uji"

[[kecamatan]]
id = "babadan"
name = "Babadan"

[[kecamatan]]
id = "sambit"
name = "Sambit"

[[kecamatan]]
id = "jetis"
name = "Jetis"

[targets]
published_per_week = 1
posts_per_day = 0.1
"#;

/// A log from `(at, action, other keys)` rows.
fn log(rows: &[(&str, &str, &str)]) -> Vec<Event> {
    let mut text = String::new();
    for (at, action, extra) in rows {
        let _ = writeln!(
            text,
            "[[events]]\nat = \"{at}\"\nactor = \"x\"\naction = \"{action}\"\n{extra}"
        );
    }
    Review::parse(&text).unwrap().events
}

fn item(tags: &str) -> Item {
    let text = format!(
        "+++\ntitle = \"Judul\"\nkecamatan = \"babadan\"\nauthor = \"sari\"\ntags = [{tags}]\n+++\nBabadan – Isi berita yang cukup.\n"
    );
    Item::parse(text.as_bytes()).unwrap()
}

struct Fixture {
    config: Config,
    logs: Vec<(&'static str, &'static str, Vec<Event>)>,
    versions: HashMap<String, Item>,
}

fn fixture() -> Fixture {
    let a = log(&[
        // 23:30 WIB on 31 August: created in August.
        ("2024-08-31T23:30:00+07:00", "create", ""),
        // 17:30 UTC on 31 August is 00:30 WIB on 1 September: submitted in September.
        ("2024-08-31T17:30:00Z", "submit", "content = \"ta\""),
        ("2024-09-01T10:30:00+07:00", "approve", "content = \"ta\""),
        ("2024-09-01T12:30:00+07:00", "publish", "content = \"ta\""),
        (
            "2024-09-02T08:00:00+07:00",
            "shared",
            "channel = \"instagram\"\nurl = \"https://i/1\"",
        ),
        (
            "2024-09-02T09:00:00+07:00",
            "shared",
            "channel = \"website\"\nurl = \"https://w/1\"",
        ),
        ("2024-09-02T09:30:00+07:00", "comment", "thread = 1\nmessage = \"m\""),
        // A correction: approved again and published a second time.
        ("2024-09-10T08:00:00+07:00", "approve", "content = \"ta2\""),
        ("2024-09-10T09:00:00+07:00", "publish", "content = \"ta2\""),
    ]);
    let b = log(&[
        ("2024-09-02T09:00:00+07:00", "create", ""),
        ("2024-09-02T10:00:00+07:00", "submit", "content = \"tb\""),
        ("2024-09-03T10:00:00+07:00", "request_changes", "message = \"m\""),
        ("2024-09-04T10:00:00+07:00", "submit", "content = \"tb2\""),
        ("2024-09-05T10:00:00+07:00", "approve", "content = \"tb2\""),
        // One second before midnight WIB: still September.
        ("2024-09-30T23:59:59+07:00", "publish", "content = \"tb2\""),
        // Midnight WIB: October, outside the period.
        (
            "2024-09-30T17:00:00Z",
            "shared",
            "channel = \"x\"\nurl = \"https://x/1\"",
        ),
    ]);
    let c = log(&[
        ("2024-09-10T08:00:00+07:00", "create", ""),
        ("2024-09-10T09:00:00+07:00", "submit", "content = \"tc\""),
        ("2024-09-11T09:00:00+07:00", "reject", "message = \"m\""),
    ]);
    let d = log(&[
        ("2024-07-01T08:00:00+07:00", "create", ""),
        ("2024-07-01T09:00:00+07:00", "submit", "content = \"td\""),
        ("2024-07-02T09:00:00+07:00", "approve", "content = \"td\""),
        ("2024-07-03T10:00:00+07:00", "publish", "content = \"td\""),
    ]);
    let e = log(&[("2024-09-30T17:00:00Z", "create", "")]);
    let mut versions = HashMap::new();
    versions.insert("ta".to_string(), item(""));
    versions.insert("tb".to_string(), item("\"pilkada\""));
    Fixture {
        config: Config::parse(CONFIG).unwrap(),
        logs: vec![
            ("2024-08-31-a", "babadan", a),
            ("2024-09-02-b", "babadan", b),
            ("2024-09-10-c", "sambit", c),
            ("2024-07-01-d", "sambit", d),
            ("2024-10-01-e", "", e),
        ],
        versions,
    }
}

fn run(f: &Fixture, period: Period, today: Date, only: Option<&str>) -> Report {
    let rules = Rules::from_config(&f.config);
    let failures: HashMap<String, Vec<String>> = f
        .versions
        .iter()
        .map(|(id, item)| (id.clone(), failing_rules(&rules, item, &f.config)))
        .collect();
    let items = f
        .logs
        .iter()
        .map(|(slug, kec, events)| Source {
            slug,
            title: slug,
            kecamatan: kec,
            status: crate::domain::review::Review { events: events.clone() }.state().status,
            events,
        })
        .collect();
    compute(&Inputs {
        config: &f.config,
        period,
        today,
        items,
        first_failures: &failures,
        only,
    })
}

#[test]
fn september_figures_are_exact() {
    let f = fixture();
    let r = run(
        &f,
        Period::month("2024-09").unwrap(),
        jiff::civil::date(2024, 10, 15),
        None,
    );
    assert_eq!(r.label, "2024-09");
    assert_eq!(r.until, jiff::civil::date(2024, 9, 30));
    let ids: Vec<&str> = r.rows.iter().map(|r| r.kecamatan.as_str()).collect();
    assert_eq!(ids, ["babadan", "sambit", "jetis", ""]);
    // 1 September 2024 is a Sunday: six weeks touch the month.
    assert_eq!(r.weeks.len(), 6);
    assert_eq!(r.weeks[0], jiff::civil::date(2024, 8, 26));

    let b = &r.rows[0];
    assert_eq!(
        (b.created, b.submitted, b.published, b.republished, b.rejected),
        (1, 2, 2, 1, 0)
    );
    assert_eq!(
        b.to_approval,
        Spread {
            count: 2,
            median_hours: Some(17.0),
            p90_hours: Some(24.0)
        }
    );
    // 2 h, 1 h, and 25 days 13:59:59 (rounded to 614 h).
    assert_eq!(
        b.to_publication,
        Spread {
            count: 3,
            median_hours: Some(2.0),
            p90_hours: Some(614.0)
        }
    );
    assert_eq!(
        b.rounds,
        Rounds {
            items: 2,
            total: 1,
            mean: Some(0.5),
            max: 1
        }
    );
    assert_eq!(
        b.quality,
        Quality {
            first_submissions: 2,
            measured: 2,
            failing: 1,
            by_rule: [("tags".to_string(), 1)].into()
        }
    );
    assert_eq!(b.last_publication, Some(jiff::civil::date(2024, 9, 30)));
    assert_eq!(b.days_since_publication, Some(0));
    // Published on the 1st, 10th and 30th: 11th–29th is the longest gap.
    assert_eq!(b.longest_gap_days, 19);
    assert_eq!(
        b.posts,
        [("instagram".to_string(), 1), ("website".to_string(), 1)].into()
    );
    assert_eq!(b.posts_total, 2);
    assert_eq!(b.weekly, [1, 0, 0, 0, 0, 1]);
    assert_eq!(
        b.targets,
        [
            Attainment {
                name: "published_per_week",
                target: 1.0,
                actual: 0.47,
                ratio: 0.47,
                met: false
            },
            Attainment {
                name: "posts_per_day",
                target: 0.1,
                actual: 0.07,
                ratio: 0.67,
                met: false
            },
        ]
    );
    assert_eq!(b.items.len(), 2);
    assert_eq!(
        b.items[0].published,
        [jiff::civil::date(2024, 9, 1), jiff::civil::date(2024, 9, 10)]
    );
    assert_eq!(b.items[0].failing, ["tags"]);
    assert_eq!(verdict(&r, b), Verdict::Irregular);

    let s = &r.rows[1];
    assert_eq!((s.created, s.submitted, s.published, s.rejected), (1, 1, 0, 1));
    // Published on 3 July, before the period: 89 days before 30 September.
    assert_eq!(s.days_since_publication, Some(89));
    assert_eq!(s.longest_gap_days, 30);
    // Its first submission's content is not readable: counted, not measured.
    assert_eq!(s.quality.first_submissions, 1);
    assert_eq!(s.quality.measured, 0);
    assert_eq!(s.rounds.mean, Some(0.0));
    assert_eq!(s.items.len(), 1, "the July item had nothing in September");

    let j = &r.rows[2];
    assert_eq!((j.created, j.submitted, j.published, j.posts_total), (0, 0, 0, 0));
    assert_eq!(
        (j.last_publication, j.days_since_publication, j.longest_gap_days),
        (None, None, 30)
    );
    assert_eq!(j.to_approval, Spread::default());
    assert_eq!(j.weekly, [0; 6]);
    assert_eq!(j.targets[0].actual, 0.0);
    assert_eq!(verdict(&r, j), Verdict::Silent);

    // The kabupaten-wide item was created at midnight WIB on 1 October.
    assert_eq!(r.rows[3].created, 0);
    assert!(r.rows[3].items.is_empty());

    let t = &r.total;
    assert_eq!(
        (t.created, t.submitted, t.published, t.republished, t.rejected),
        (2, 3, 2, 1, 1)
    );
    assert_eq!(t.posts_total, 2);
    assert!(t.targets.is_empty());
    assert_eq!(t.longest_gap_days, 19);
}

#[test]
fn a_running_period_is_judged_up_to_today() {
    let f = fixture();
    let r = run(
        &f,
        Period::month("2024-09").unwrap(),
        jiff::civil::date(2024, 9, 15),
        None,
    );
    assert_eq!(r.until, jiff::civil::date(2024, 9, 15));
    let b = &r.rows[0];
    assert_eq!(b.days_since_publication, Some(5));
    assert_eq!(b.longest_gap_days, 8);
    // Two first publications (the fixture's 30 September one included) in 15 days.
    assert_eq!(b.targets[0].actual, 0.93);
}

#[test]
fn october_sees_the_midnight_events() {
    let f = fixture();
    let r = run(
        &f,
        Period::month("2024-10").unwrap(),
        jiff::civil::date(2024, 10, 31),
        None,
    );
    assert_eq!(r.rows[0].posts, [("x".to_string(), 1)].into());
    assert_eq!(r.rows[0].published, 0);
    assert_eq!(r.rows[3].created, 1);
    assert_eq!(r.rows[0].days_since_publication, Some(31));
}

#[test]
fn an_author_sees_only_their_kecamatan() {
    let f = fixture();
    let r = run(
        &f,
        Period::month("2024-09").unwrap(),
        jiff::civil::date(2024, 10, 15),
        Some("sambit"),
    );
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].kecamatan, "sambit");
    assert_eq!(r.total.created, 1);
}

#[test]
fn periods_parse_and_move() {
    let w = Period::week("2024-W36").unwrap();
    assert_eq!(
        (w.from, w.to),
        (jiff::civil::date(2024, 9, 2), jiff::civil::date(2024, 9, 8))
    );
    assert_eq!(w.label(), "2024-W36");
    assert_eq!(w.shift(-1).label(), "2024-W35");
    let m = Period::month("2024-12").unwrap();
    assert_eq!(m.shift(1).label(), "2025-01");
    assert_eq!(m.days(), 31);
    let r = Period::range("2024-01-01", "2024-12-31").unwrap();
    assert_eq!(r.days(), 366);
    assert_eq!(r.shift(-1).from, jiff::civil::date(2022, 12, 31));
    assert!(Period::month("2024-13").is_err());
    assert!(Period::range("2024-02-01", "2024-01-01").is_err());
    assert!(Period::week("2024-W54").is_err());
}

#[test]
fn ranking_puts_the_best_first_and_the_unmeasured_last() {
    let f = fixture();
    let r = run(
        &f,
        Period::month("2024-09").unwrap(),
        jiff::civil::date(2024, 10, 15),
        None,
    );
    assert_eq!(rank(&r.rows, Measure::Published)[0], 0);
    // Fewer days since the last publication is better; never published goes last.
    assert_eq!(rank(&r.rows, Measure::DaysSince), [0, 1, 2, 3]);
    assert_eq!(Measure::Quality.value(&r.rows[0]), Some(50.0));
}

#[test]
fn times_are_read_by_hand_as_jiff_reads_them() {
    let tz = TimeZone::get("Asia/Jakarta").unwrap();
    for at in [
        "2024-08-31T17:30:00Z",
        "2024-09-30T23:59:59+07:00",
        "2024-02-29T00:00:00-05:30",
        "1999-12-31T23:59:59+14:00",
        "2024-09-30T17:00:00.5Z",
    ] {
        let slow = at.parse::<Timestamp>().unwrap();
        let want = (slow.as_second(), slow.to_zoned(tz.clone()).date());
        assert_eq!(instant(at, &tz), Some(want), "{at}");
    }
    assert_eq!(instant("2024-13-01T00:00:00Z", &tz), None);
    assert_eq!(instant("yesterday", &tz), None);
}
