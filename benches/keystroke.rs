//! The cost of one keystroke in the editor: insert a character into a 50 KB article
//! and render the screen into a 100x40 buffer, without and then with spelling marks
//! (when the Indonesian dictionary is installed). Run with `cargo bench --bench keystroke`.
//!
//! A plain harness (no benchmark crate): it times each keystroke and prints the
//! median and the 90th and 99th percentiles.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Msg, State};
use warta::i18n::Lang;
use warta::ui::theme::Theme;

const SLUG: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

fn article(bytes: usize) -> String {
    let para = "Jetis, Panwaslu Kecamatan Jetis – Panwaslu Kecamatan Jetis mengawal rekapitulasi hasil penghitungan suara tingkat kecamatan hingga larut malam, memastikan setiap formulir C.Hasil dicocokkan dengan salinan yang dipegang saksi. “Kami pastikan tidak ada selisih,” tegasnya.\n\n";
    let mut s = String::new();
    while s.len() < bytes {
        s.push_str(para);
    }
    s.push_str("(Humas)\n");
    s
}

/// The `per_mille`th thousandth of sorted samples (500 = median).
fn percentile(sorted: &[Duration], per_mille: usize) -> Duration {
    sorted[(sorted.len() - 1) * per_mille / 1000]
}

fn main() {
    let tmp = std::env::temp_dir().join(format!("warta-bench-{}", std::process::id()));
    let room = warta::store::demo::build(&tmp).expect("demo newsroom");
    measure(&room, None);
    let config = room.config_at(room.head().unwrap()).unwrap();
    match warta::store::spelling::load(&config, &room.spelling_base(), None) {
        Some(speller) => measure(&room, Some(Arc::new(speller))),
        None => println!("(no Indonesian dictionary installed: spelling not measured)"),
    }
    let _ = std::fs::remove_dir_all(tmp);
}

fn measure(room: &warta::store::Newsroom, speller: Option<Arc<warta::domain::spelling::Speller>>) {
    let spelling = speller.is_some();
    let theme = Theme::builtin("default", warta::ui::theme::Depth::TrueColor, false);
    let mut state = State::new(Lang::Id, Some("dimas".into()), Vec::new());
    app::update(&mut state, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    app::update(&mut state, Msg::Resize(100, 40));
    if let Some(s) = speller {
        app::update(&mut state, Msg::Spelling(app::spelling::SpellMsg::Ready(Some(s))));
    }
    app::update(&mut state, Msg::NextQueue);
    let idx = state
        .list
        .rows
        .iter()
        .position(|r| state.snapshot.as_ref().unwrap().items[r.index].slug == SLUG)
        .unwrap();
    state.list.selected = idx;
    app::update(&mut state, Msg::EditItem);
    let text = article(50 * 1024);
    let ed = state.editor.as_mut().expect("editor open");
    ed.set_body(&text);
    // Put the cursor in the middle of the article.
    for _ in 0..text.lines().count() / 2 {
        ed.key(&KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
    terminal.draw(|f| warta::ui::render(&state, &theme, f)).unwrap();
    let mut times = Vec::new();
    let mut updates = Vec::new();
    for i in 0..600 {
        let c = if i % 7 == 6 { ' ' } else { 'a' };
        let start = Instant::now();
        app::update(
            &mut state,
            Msg::EditorKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
        let u = start.elapsed();
        terminal.draw(|f| warta::ui::render(&state, &theme, f)).unwrap();
        let t = start.elapsed();
        if i >= 100 {
            times.push(t);
            updates.push(u);
        }
    }
    updates.sort();
    times.sort();
    let body = state.editor.as_ref().unwrap().body_text().len();
    println!(
        "keystroke (insert + render 100x40) on a {} KB article, {}, {} samples:",
        body / 1024,
        if spelling { "spelling marked" } else { "no spelling" },
        times.len()
    );
    println!(
        "  median {:?}   p90 {:?}   p99 {:?}   target: median <= 1 ms",
        percentile(&times, 500),
        percentile(&times, 900),
        percentile(&times, 990)
    );
    println!("  of which update: median {:?}", percentile(&updates, 500));
}
