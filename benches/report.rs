//! The evaluation report on a large newsroom: the year's report in process (snapshot
//! already loaded, as the TUI has it) and the "Evaluasi" screen's first draw after it
//! is opened (the worker's report of last month, the update and a 160x45 frame). Give
//! the newsroom in `WARTA_BENCH_REPO` (`benches/compare.sh` passes its generated one);
//! run with `cargo bench --bench report`. Prints medians of 11 runs.

mod common;
use common::median;

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Effect, Msg, State};
use warta::domain::report::Period;
use warta::i18n::Lang;
use warta::store::Newsroom;
use warta::ui::theme::Theme;

fn main() {
    let Some(repo) = std::env::var_os("WARTA_BENCH_REPO") else {
        eprintln!("report: set WARTA_BENCH_REPO to a newsroom (benches/compare.sh does)");
        return;
    };
    let room = Newsroom::open(std::path::Path::new(&repo)).expect("a newsroom");
    let snap = Arc::new(room.snapshot().expect("a snapshot"));
    // The generated history ends on 2024-12-31: judge as of mid-January 2025.
    let today = jiff::civil::date(2025, 1, 15);
    let year = Period::range("2024-01-01", "2024-12-31").expect("a period");
    let t = median(11, || {
        std::hint::black_box(room.report(&snap, year, today, None));
    });
    let published = room.report(&snap, year, today, None).total.published;
    println!(
        "  report 2024 (in process): median {:.1} ms over {} items, {published} published",
        t.as_secs_f64() * 1000.0,
        snap.items.len()
    );
    let t = median(11, || {
        let mut s = State::new(Lang::Id, Some("hesti".into()), Vec::new());
        app::update(&mut s, Msg::Loaded(snap.clone()));
        s.now = "2025-01-15T03:00:00Z".parse().expect("a time");
        let open = app::keymap::lookup(s.mode(), &KeyEvent::new(KeyCode::Char('E'), KeyModifiers::NONE)).expect("E");
        for effect in app::update(&mut s, open) {
            // What the worker does with `Job::Evaluate`.
            if let Effect::Evaluate {
                period, today, only, ..
            } = effect
            {
                let report = room.report(&snap, period, today, only.as_deref());
                app::update(&mut s, Msg::Evaluated(Arc::new(report)));
            }
        }
        let mut term = Terminal::new(TestBackend::new(160, 45)).expect("a terminal");
        term.draw(|f| warta::ui::render(&s, &Theme::plain(), f))
            .expect("a frame");
        std::hint::black_box(term);
    });
    println!(
        "  evaluation screen first draw (open, last month's report, 160x45 frame): median {:.1} ms",
        t.as_secs_f64() * 1000.0
    );
}
