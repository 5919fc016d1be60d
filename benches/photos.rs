//! Photos: attaching a 12-megapixel phone JPEG (target <= 1 s: checks, decode, strip or
//! turn, commit), its half-block preview at 100x30 (target <= 150 ms after the first
//! decode, <= 10 ms from the cache), and the memory a decode takes (target <= 150 MB
//! more than before). Run with `cargo bench --bench photos`.
//!
//! A plain harness (no benchmark crate): it prints the median and the worst of each.
//! The baseline is what the same photo costs with plain git (`git hash-object -w`),
//! measured in the same run.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::photos::PreviewKey;
use warta::app::{self, Msg, State};
use warta::domain::photo::{self, sample::grainy_jpeg};
use warta::i18n::Lang;
use warta::store::{NewPhoto, Request};
use warta::ui::theme::Theme;

const SLUG: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<58} median {:>8.1} ms   worst {:>8.1} ms   ({} runs)",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

/// Peak resident memory of this process so far, in KiB (Linux).
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    // The memory of one decode, measured in a fresh process so nothing before counts.
    if let Ok(path) = std::env::var("WARTA_BENCH_DECODE") {
        let bytes = std::fs::read(path).unwrap();
        let before = peak_kib();
        let img = photo::decode(&bytes, &photo::Limits::default()).unwrap();
        let after = peak_kib();
        println!("{} {}", after.saturating_sub(before), img.width());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let upright = grainy_jpeg(4000, 3000, 1, 10);
    let turned = grainy_jpeg(4000, 3000, 6, 10);
    println!(
        "12-megapixel JPEG: {} KB upright, {} KB turned",
        upright.len() / 1000,
        turned.len() / 1000
    );

    let file = tmp.path().join("12mp.jpg");
    std::fs::write(&file, &turned).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .env("WARTA_BENCH_DECODE", &file)
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&out.stdout);
    let kib: u32 = line.split_whitespace().next().and_then(|s| s.parse().ok()).unwrap_or(0);
    println!(
        "{:<58} {:>8.1} MB more than before",
        "peak memory of one decode (12 MP)",
        f64::from(kib) / 1024.0
    );

    let limits = photo::Limits::default();
    report(
        "checks + strip, upright (encoded pixels kept)",
        time(5, || {
            photo::prepare(&upright, &limits).unwrap();
        }),
    );
    report(
        "checks + turn + re-encode, EXIF orientation 6",
        time(5, || {
            photo::prepare(&turned, &limits).unwrap();
        }),
    );
    let mut n = 0;
    let mut attach = |data: &[u8]| {
        n += 1;
        let p = NewPhoto {
            slug: SLUG.into(),
            name: format!("foto-{n}.jpg"),
            data: data.to_vec(),
            ..NewPhoto::default()
        };
        room.apply("dimas", &Request::Attach(Box::new(p))).unwrap();
    };
    report("warta attach, upright (one commit)", time(5, || attach(&upright)));
    report("warta attach, turned (one commit)", time(5, || attach(&turned)));
    report(
        "baseline: git hash-object -w of the same file",
        time(5, || {
            let ok = Command::new("git")
                .args(["hash-object", "-w"])
                .arg(&file)
                .current_dir(room.git_dir())
                .output()
                .unwrap()
                .status
                .success();
            assert!(ok);
        }),
    );

    // Previews: the first (read, decode, thumbnail, half-blocks), another size of the
    // same photo (from the kept decode), and a frame drawn from the cache.
    let picker = ratatui_image::picker::Picker::halfblocks();
    let key = |cols, rows| PreviewKey {
        slug: SLUG.into(),
        file: "foto-6.jpg".into(),
        cols,
        rows,
    };
    report(
        "preview, first decode (100x30 item view: 30x10 cells)",
        time(5, || {
            let mut kept = Vec::new();
            warta::tui::previews::make(&room, &picker, &mut kept, &key(30, 10), Lang::Id);
        }),
    );
    let mut kept = Vec::new();
    warta::tui::previews::make(&room, &picker, &mut kept, &key(30, 10), Lang::Id);
    report(
        "preview, another size from the kept decode",
        time(20, || {
            warta::tui::previews::make(&room, &picker, &mut kept, &key(21, 7), Lang::Id);
        }),
    );
    let mut s = State::new(Lang::Id, Some("hesti".into()), Vec::new());
    s.size = (100, 30);
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    s.screen = app::Screen::Item;
    s.item.open = Some(SLUG.into());
    let shown = warta::tui::previews::make(&room, &picker, &mut kept, &key(30, 10), Lang::Id);
    app::update(
        &mut s,
        Msg::PreviewReady {
            key: key(30, 10),
            shown,
        },
    );
    let theme = Theme::plain();
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    report(
        "a key in the item view with the photo cached (update + draw)",
        time(50, || {
            let effects = app::update(&mut s, Msg::MoveDown);
            assert!(effects.is_empty(), "no preview is asked for again");
            term.draw(|f| warta::ui::render(&s, &theme, f)).unwrap();
        }),
    );
}
