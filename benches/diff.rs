//! The cost of a diff: comparing two 1 MiB versions of an item (target <= 200 ms, on
//! the worker thread), and a key in the diff view, which draws from the cached result
//! (target <= 16 ms: update + render into a 100x40 buffer). Run with
//! `cargo bench --bench diff`.
//!
//! A plain harness (no benchmark crate): it prints the median and the worst of each.

use std::fmt::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::{self, Effect, Msg, State};
use warta::domain::diff::{BUDGET, Kind, items};
use warta::domain::item::Item;
use warta::i18n::Lang;
use warta::ui::theme::Theme;

const MIB: usize = 1 << 20;

/// An article of `bytes` bytes; paragraph `i` says `word(i)` where a sentence varies.
fn article(bytes: usize, word: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < bytes {
        let _ = write!(
            s,
            "Panwaslu Kecamatan Jetis mengawal rekapitulasi hasil penghitungan suara {} hingga larut malam, memastikan setiap formulir C.Hasil dicocokkan dengan salinan saksi.\n\n",
            word(i)
        );
        i += 1;
    }
    s
}

/// Pairs of 1 MiB versions, from the usual to the worst.
fn pairs() -> Vec<(&'static str, String, String)> {
    let same = |i: usize| format!("tahap {i}");
    let salad = |seed: char| {
        (0..MIB / 7)
            .map(|i| format!("{seed}{i:05x}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    vec![
        (
            "edited (a word in every 20th paragraph)",
            article(MIB, same),
            article(MIB, |i| if i % 20 == 7 { format!("babak {i}") } else { same(i) }),
        ),
        (
            "half the paragraphs rewritten",
            article(MIB, same),
            article(MIB, |i| {
                if i % 2 == 0 {
                    same(i)
                } else {
                    format!(
                        "{} baru",
                        (0..20).map(|j| format!("w{i}x{j}")).collect::<Vec<_>>().join(" ")
                    )
                }
            }),
        ),
        ("every word different", salad('a'), salad('b')),
    ]
}

fn median(mut t: Vec<Duration>) -> (Duration, Duration) {
    t.sort();
    (t[t.len() / 2], t[t.len() - 1])
}

fn main() {
    println!("compare two 1 MiB versions (domain::diff::items), target <= 200 ms:");
    let mut cached = Vec::new();
    for (name, old, new) in pairs() {
        let (old, new) = (
            Item {
                body: old,
                ..Item::default()
            },
            Item {
                body: new,
                ..Item::default()
            },
        );
        let mut times = Vec::new();
        let mut kind = Kind::Words;
        for _ in 0..5 {
            let start = Instant::now();
            let d = items(&old, &new, BUDGET);
            times.push(start.elapsed());
            kind = d.kind;
            cached = vec![(name, old.clone(), new.clone(), Arc::new(d))];
        }
        let (m, worst) = median(times);
        println!("  {name}: {kind:?}, median {m:?}, worst {worst:?}");
        keys(&cached);
    }
}

/// Keys in the diff view of the cached diff: update + render into 100x40.
fn keys(cached: &[(&str, Item, Item, Arc<warta::domain::diff::ItemDiff>)]) {
    let tmp = std::env::temp_dir().join(format!("warta-bench-diff-{}", std::process::id()));
    let room = warta::store::demo::build(&tmp).expect("demo newsroom");
    for (_, old, _, diff) in cached {
        let theme = Theme::builtin("default", warta::ui::theme::Depth::TrueColor, false);
        let mut state = State::new(Lang::Id, Some("hesti".into()), Vec::new());
        app::update(&mut state, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
        app::update(&mut state, Msg::Resize(100, 40));
        app::update(&mut state, Msg::NextQueue);
        app::update(&mut state, Msg::Open);
        let effects = app::update(&mut state, Msg::ToggleDiff);
        let Some(Effect::LoadHistory { slug, .. }) = effects.into_iter().next() else {
            panic!("the diff asks for the history")
        };
        let events = state.current().unwrap().review.events.len();
        let effects = app::update(
            &mut state,
            Msg::VersionsLoaded {
                slug,
                versions: vec![Some(old.clone()); events],
            },
        );
        let Some(Effect::Diff { pair, .. }) = effects.into_iter().next() else {
            panic!("the diff is asked of the worker")
        };
        // The worker's answer: the 1 MiB diff computed above.
        app::update(
            &mut state,
            Msg::DiffReady {
                pair,
                diff: diff.clone(),
            },
        );
        let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
        terminal.draw(|f| warta::ui::render(&state, &theme, f)).unwrap();
        let mut times = Vec::new();
        let script = [
            Msg::PageDown,
            Msg::MoveDown,
            Msg::Bottom,
            Msg::MoveUp,
            Msg::PageUp,
            Msg::Top,
        ];
        for i in 0..300 {
            let msg = match &script[i % script.len()] {
                Msg::PageDown => Msg::PageDown,
                Msg::MoveDown => Msg::MoveDown,
                Msg::Bottom => Msg::Bottom,
                Msg::MoveUp => Msg::MoveUp,
                Msg::PageUp => Msg::PageUp,
                _ => Msg::Top,
            };
            let start = Instant::now();
            app::update(&mut state, msg);
            terminal.draw(|f| warta::ui::render(&state, &theme, f)).unwrap();
            times.push(start.elapsed());
        }
        let (m, worst) = median(times);
        println!(
            "    a key in its diff view (update + render 100x40): median {m:?}, worst {worst:?}   target <= 16 ms"
        );
    }
    let _ = std::fs::remove_dir_all(tmp);
}
