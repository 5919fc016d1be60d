//! Driving the app against a real newsroom without a terminal: states, effects carried
//! out synchronously the way the loop and its worker do, and screens drawn to text.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::{self, Effect, Msg, State};
use warta::i18n::Lang;
use warta::store::{Newsroom, StoreError};
use warta::ui::theme::Theme;

/// A loaded state for a person, in Indonesian, without colours.
pub fn state(room: &Newsroom, who: &str) -> State {
    let mut s = State::new(Lang::Id, Theme::plain(), Some(who.into()), Vec::new());
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    s
}

/// Carry out effects synchronously; store results come back as messages, followed by
/// a fresh snapshot as the worker sends.
pub fn run(room: &Newsroom, s: &mut State, effects: Vec<Effect>) {
    for e in effects {
        let msg = match e {
            Effect::Apply { actor, request } => match room.apply(&actor, &request) {
                Ok(done) => Msg::Applied(done),
                Err(StoreError::Conflict {
                    ours, theirs, marked, ..
                }) => Msg::SaveConflict { ours, theirs, marked },
                Err(other) => Msg::Refused(warta::i18n::error(Lang::Id, &other)),
            },
            Effect::LoadHistory { slug } => Msg::VersionsLoaded {
                versions: room.versions(&slug).unwrap(),
                slug,
            },
            // What the worker does with `Job::Diff`.
            Effect::Diff { pair, old, new } => Msg::DiffReady {
                pair,
                diff: Arc::new(warta::domain::diff::items(&old, &new, warta::domain::diff::BUDGET)),
            },
            // What the worker does with `Job::Evaluate`.
            Effect::Evaluate { period, today, only } => {
                let snap = room.snapshot().unwrap();
                Msg::Evaluated(Arc::new(room.report(&snap, period, today, only.as_deref())))
            }
            _ => continue,
        };
        let more = app::update(s, msg);
        run(room, s, more);
        app::update(s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    }
}

/// The screen as text, one line per row.
pub fn draw(s: &State, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| warta::ui::render(s, f)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}
