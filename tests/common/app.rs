//! Driving the app against a real newsroom without a terminal: states, effects carried
//! out by the TUI's own runtime (worker and file threads), and screens drawn to text.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::{self, Effect, Msg, State};
use warta::i18n::Lang;
use warta::store::Newsroom;
use warta::tui::runtime::{self, Runtime};
use warta::ui::theme::Theme;

/// A loaded state for a person, in Indonesian.
pub fn state(room: &Newsroom, who: &str) -> State {
    let mut s = State::new(Lang::Id, Some(who.into()), Vec::new());
    s.now = jiff::Timestamp::now();
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    s
}

/// A state loaded as the TUI loads it: a lean snapshot, the bodies left in git.
pub fn lean_state(room: &Newsroom, who: &str) -> State {
    let mut s = State::new(Lang::Id, Some(who.into()), Vec::new());
    s.now = jiff::Timestamp::now();
    let snap = room.snapshot_lean(room.head().unwrap(), None).unwrap();
    // What the first screen asks for (the selected item whole) is read at once.
    let effects = app::update(&mut s, Msg::Loaded(Arc::new(snap)));
    run_lean(room, &mut s, effects);
    s
}

/// Carry out effects with the real runtime, feeding every answer back through
/// `update` in the order it arrives, until no job the app asked for is in flight and
/// nothing more is waiting. The person's files go to a folder of the newsroom's own,
/// never to the tester's home.
pub fn run(room: &Newsroom, s: &mut State, effects: Vec<Effect>) {
    run_with(room, s, effects, false);
}

/// [`run`] with the TUI's own runtime: lean snapshots, bodies read when asked for.
pub fn run_lean(room: &Newsroom, s: &mut State, effects: Vec<Effect>) {
    run_with(room, s, effects, true);
}

fn run_with(room: &Newsroom, s: &mut State, effects: Vec<Effect>, lean: bool) {
    let (tx, rx) = mpsc::channel();
    let own = Newsroom::open(room.git_dir()).unwrap();
    let dir = room.git_dir().join("test-state");
    let mut rt = if lean {
        Runtime::start_lean_in(own, dir, Lang::Id, &tx)
    } else {
        Runtime::start_in(own, dir, Lang::Id, &tx)
    };
    let mut queue: VecDeque<Msg> = VecDeque::new();
    for e in effects {
        queue.extend(rt.carry_out(e, s));
    }
    loop {
        while let Some(msg) = queue.pop_front() {
            for e in app::update(s, msg) {
                queue.extend(rt.carry_out(e, s));
            }
        }
        let wait = if s.jobs.is_empty() {
            Duration::from_millis(50)
        } else {
            Duration::from_secs(30)
        };
        match rx.recv_timeout(wait) {
            Ok(inc) => queue.extend(runtime::to_msg(s, inc)),
            Err(_) if s.jobs.is_empty() => break,
            Err(e) => panic!("no answer from the runtime: {e}"),
        }
    }
    rt.finish(None);
}

/// The screen as text, one line per row.
pub fn draw(s: &State, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| warta::ui::render(s, &Theme::plain(), f)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}
