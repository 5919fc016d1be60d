//! `warta report` on a fixture newsroom with known events (`common/evaluation.rs`): exact
//! figures in every output format, the caller's scope, and the HTML page opened in a real
//! headless Chromium.
// The fixture's rows read best with the short names of the table they check.
#![allow(clippy::many_single_char_names)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::evaluation::fixture;

#[test]
fn json_figures_are_exact() {
    let f = fixture();
    let v: serde_json::Value =
        serde_json::from_str(&f.ok("hesti", &["report", "--month", "2024-09", "--json"])).unwrap();
    assert_eq!(v["label"], "2024-09");
    assert_eq!(v["until"], "2024-09-30");
    assert_eq!(v["weeks"].as_array().unwrap().len(), 6);
    let rows = v["rows"].as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["kecamatan"].as_str().unwrap()).collect();
    assert_eq!(ids, ["babadan", "sambit", "jetis", ""]);
    let b = &rows[0];
    for (key, want) in [
        ("created", 1),
        ("submitted", 2),
        ("published", 2),
        ("republished", 1),
        ("rejected", 0),
        ("days_since_publication", 0),
        ("longest_gap_days", 19),
        ("posts_total", 2),
    ] {
        assert_eq!(b[key], want, "{key}");
    }
    assert_eq!(b["to_approval"]["median_hours"], 17.0);
    assert_eq!(b["to_approval"]["p90_hours"], 24.0);
    assert_eq!(b["to_publication"]["median_hours"], 2.0);
    assert_eq!(b["to_publication"]["p90_hours"], 614.0);
    assert_eq!(b["rounds"]["mean"], 0.5);
    // A was first submitted without tags; judged on that version, not today's.
    assert_eq!(b["quality"]["failing"], 1);
    assert_eq!(b["quality"]["measured"], 2);
    assert_eq!(b["quality"]["by_rule"]["tags"], 1);
    assert_eq!(b["posts"]["instagram"], 1);
    assert_eq!(b["weekly"], serde_json::json!([1, 0, 0, 0, 0, 1]));
    assert_eq!(b["targets"][0]["ratio"], 0.47);
    let s = &rows[1];
    assert_eq!(s["days_since_publication"], 89);
    assert_eq!(s["rejected"], 1);
    assert_eq!(s["quality"]["measured"], 0, "an unreadable content id is not measured");
    let j = &rows[2];
    assert_eq!(j["published"], 0);
    assert_eq!(j["days_since_publication"], serde_json::Value::Null);
    assert_eq!(j["longest_gap_days"], 30);
    assert_eq!(v["total"]["created"], 2);
}

#[test]
fn csv_and_markdown_and_table() {
    let f = fixture();
    let csv = f.ok(
        "hesti",
        &["report", "--from", "2024-09-01", "--to", "2024-09-30", "--csv"],
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "header, four rows, total:\n{csv}");
    assert!(lines[0].starts_with("period,kecamatan,name,created,submitted,published,republished,rejected,"));
    assert_eq!(
        lines[1],
        "2024-09-01..2024-09-30,babadan,Babadan,1,2,2,1,0,2,17,24,3,2,614,2,1,0.5,2,2,1,2024-09-30,0,19,2,1,1,0,0,0,0,0,0.47,0.47,0.07,0.67,irregular"
    );
    assert!(
        lines[3].starts_with("2024-09-01..2024-09-30,jetis,Jetis,0,0,0,0,0,0,,,0,"),
        "{}",
        lines[3]
    );
    assert!(lines[3].ends_with(",silent"));
    let md = f.ok("hesti", &["report", "--month", "2024-09", "--markdown"]);
    assert!(md.starts_with("# Publication evaluation\n"), "{md}");
    assert!(md.contains("| Babadan | 1 | 2 | 2 | 1 | 0 | 17.0/24.0 | 2.0/614.0 | 0.50 | 1/2 | 0 | 19 | 2 | 47% | 67% | needs attention |"), "{md}");
    assert!(
        md.contains("| Jetis | 0 | 0 | 0 | 0 | 0 | - | - | - | - | - | 30 | 0 | 0% | 0% | silent |"),
        "{md}"
    );
    let table = f.ok("hesti", &["report", "--month", "2024-09"]);
    assert!(table.contains("Period 2024-09 (2024-09-01 to 2024-09-30)"), "{table}");
    assert!(table.contains("Targets: 1 published/week, 0.1 posts/day"), "{table}");
    // The October report sees the events at midnight WIB on 1 October.
    let oct: serde_json::Value =
        serde_json::from_str(&f.ok("hesti", &["report", "--month", "2024-10", "--json"])).unwrap();
    assert_eq!(oct["rows"][0]["posts"]["x"], 1);
    assert_eq!(oct["rows"][3]["created"], 1);
}

#[test]
fn authors_see_their_kecamatan_and_strangers_nothing() {
    let f = fixture();
    let v: serde_json::Value =
        serde_json::from_str(&f.ok("wahyu", &["report", "--month", "2024-09", "--json"])).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["kecamatan"], "sambit");
    assert_eq!(v["total"]["created"], 1);
    let (code, _, err) = f.run("nobody", &["report"]);
    assert_ne!(code, 0);
    let out = common::warta(&f.home, &f.repo)
        .env("WARTA_LANG", "en")
        .args(["report"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("only for people of this newsroom"));
    let (code, _, err) = f.run("hesti", &["report", "--month", "2024-13"]);
    assert_eq!(code, 2, "{err}");
    // In the reader's language, naming what was typed.
    assert!(err.contains("Period not understood: 2024-13."), "{err}");
    let out = common::warta(&f.home, &f.repo)
        .env("WARTA_LANG", "id")
        .args(["--as", "hesti", "report", "--week", "2024-W99"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Periode tidak dikenali: 2024-W99."), "{err}");
}

/// Debian's Chromium, as `.ci/run` installs it.
fn chromium() -> PathBuf {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|p| p.is_file()))
        })
        .expect("chromium is installed (.ci/run installs it)")
}

fn headless(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(chromium())
        .env("HOME", home)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let f = fixture();
    let page = f.tmp.path().join("out/evaluasi.html");
    let (code, out, err) = f.run(
        "hesti",
        &["report", "--month", "2024-09", "--html", page.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "only the file is written: {out}");
    assert!(err.contains("HTML report written to"), "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script"), "a self-contained page without script");
    let url = format!("file://{}", page.display());
    // The DOM as the browser built it: the charts are real SVG elements.
    let dom = headless(&f.home, &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<svg class=\"bars\""), "{dom}");
    assert_eq!(
        dom.matches("<svg class=\"spark\"").count(),
        4,
        "a sparkline per kecamatan row"
    );
    assert!(dom.contains("Babadan") && dom.contains("needs attention") && dom.contains("silent"));
    // Printed, it is one page.
    let pdf = f.tmp.path().join("out/evaluasi.pdf");
    let printed = headless(
        &f.home,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &url,
        ],
    );
    assert!(pdf.is_file(), "{}", String::from_utf8_lossy(&printed.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let pages = bytes
        .windows(b"/Type /Page\n".len())
        .filter(|w| w.starts_with(b"/Type /Page") && !w.starts_with(b"/Type /Pages"))
        .count();
    assert_eq!(pages, 1, "the report prints on one page");
    // And a screenshot is a real picture.
    let png = f.tmp.path().join("out/evaluasi.png");
    headless(
        &f.home,
        &[
            "--window-size=1400,900",
            &format!("--screenshot={}", png.display()),
            &url,
        ],
    );
    let shot = std::fs::read(&png).unwrap();
    assert!(
        shot.starts_with(b"\x89PNG") && shot.len() > 10_000,
        "{} bytes",
        shot.len()
    );
}

#[test]
fn the_checklist_cache_follows_the_rules() {
    let f = fixture();
    let failing = |f: &common::evaluation::Fixture| {
        let v: serde_json::Value =
            serde_json::from_str(&f.ok("hesti", &["report", "--month", "2024-09", "--json"])).unwrap();
        v["rows"][0]["quality"]["failing"].as_u64().unwrap()
    };
    assert_eq!(failing(&f), 1);
    let cache = f.repo.join(".git/warta-cache/quality");
    assert!(cache.is_file(), "the outcomes are kept");
    assert_eq!(failing(&f), 1, "and read back");
    // Tags no longer required: the kept outcome is not used.
    let config = std::fs::read_to_string(f.repo.join("warta.toml")).unwrap() + "\n[rules]\ntags = \"off\"\n";
    std::fs::write(f.repo.join("warta.toml"), config).unwrap();
    common::git(&f.home, &f.repo, &["commit", "-qam", "rules"]);
    assert_eq!(failing(&f), 0);
    // A damaged cache is ignored and written again.
    std::fs::write(&cache, "warta-quality-cache 0000\nnonsense").unwrap();
    assert_eq!(failing(&f), 0);
}
