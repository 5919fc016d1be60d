//! The terminal UI: start-up and the loop.
//!
//! The loop draws when something changed, waits for what arrives (terminal input,
//! the worker's reports, the runtime's answers, signals), turns it into messages for
//! `update`, and hands the effects to the runtime. Terminal set-up is in
//! [`terminal`], carrying out effects in [`runtime`]. The terminal is restored on quit,
//! on panic (ratatui's hook) and on SIGTERM/SIGHUP/SIGINT; after such a signal the loop
//! saves the journal and ends, and should it not within a second, the signal thread
//! ends the process.

use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::app::{self, Effect, Msg, State};
use crate::i18n::{self, Lang};
use crate::startup::{Ctx, EXIT_REFUSED, EXIT_REPO, EXIT_USAGE, Failure, Outcome};
use crate::store::Newsroom;

pub mod bodies;
pub mod clipboard;
pub mod incoming;
pub mod lean;
pub mod mouse;
pub mod previews;
pub mod runtime;
pub mod terminal;

use runtime::{Incoming, Runtime};

pub use terminal::load_theme;

/// Open the TUI on an opened newsroom, as the caller resolved at start-up.
pub fn open(ctx: Ctx) -> Outcome {
    let state = State::new(ctx.lang, ctx.who.person.clone(), Vec::new());
    let hint = ctx.who.person.is_none().then(|| ctx.unknown_hint());
    run(ctx.room, state, hint)
}

/// Open the TUI as a person fixed by the server (SSH forced command), restricted.
pub fn run_session(room: Newsroom, person: String, lang: Lang) -> Outcome {
    let mut state = State::new(lang, Some(person), Vec::new());
    state.restricted = true;
    run(room, state, None)
}

/// Open the TUI on a freshly built demo newsroom, asking who to log in as.
pub fn run_demo(room: Newsroom) -> Outcome {
    let lang0 = crate::startup::env_lang();
    let config = room.head().and_then(|h| room.config_at(h)).map_err(|e| Failure {
        code: e.exit_code(),
        message: i18n::error(lang0, &e),
    })?;
    let lang = Lang::choose(
        terminal::env("WARTA_LANG").as_deref(),
        None,
        Some(&config.newsroom.language),
        terminal::env("LANG").as_deref(),
    );
    let today = crate::store::action::now(&config).date();
    let choices = config
        .people
        .iter()
        .filter(|p| p.active_on(today))
        .map(|p| p.id.clone())
        .collect();
    run(room, State::new(lang, None, choices), None)
}

/// How long a typed change may wait before it is in the journal.
const AUTOSAVE: Duration = Duration::from_secs(2);

fn run(room: Newsroom, mut state: State, hint: Option<String>) -> Outcome {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // `ssh host` without a terminal (or a pipe): say what to do instead of failing.
        return Err(Failure {
            code: EXIT_USAGE,
            message: i18n::Key::TuiNoTerminal.text(state.lang).to_string(),
        });
    }
    // Unsaved text goes to the state folder: refuse to start rather than keep it where
    // others could read it.
    if let Err(e) = room.check_state_dir() {
        return Err(Failure {
            code: e.exit_code(),
            message: i18n::error(state.lang, &e),
        });
    }
    let theme = load_theme();
    // The app reads no clock: it learns the time from the loop.
    state.now = jiff::Timestamp::now();
    let (tx, rx) = mpsc::channel::<Incoming>();
    let mut rt = Runtime::start(room, state.lang, &tx);
    let handle = runtime::spawn_inputs(&tx)?;
    let mut terminal = terminal::screen().map_err(|e| Failure {
        code: EXIT_REPO,
        message: e.to_string(),
    })?;
    terminal::accept_pastes();
    if let Ok(size) = terminal.size() {
        state.size = (size.width, size.height);
    }
    if let Some(h) = hint {
        state.status = Some((app::Severity::Error, h));
    }
    let mut queue: VecDeque<Msg> = VecDeque::new();
    for effect in app::update::start(&mut state) {
        queue.extend(rt.carry_out(effect, &state));
    }
    let mut dirty = true;
    let mut last_tick = Instant::now();
    let mut unsaved_since: Option<Instant> = None;
    let crashed = loop {
        if state.quit {
            break false;
        }
        if dirty && queue.is_empty() {
            let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = terminal.draw(|f| crate::ui::render(&state, &theme, f));
            }));
            if drawn.is_err() {
                break true;
            }
            dirty = false;
        }
        rt.announce(app::update::presence(&state));
        let unsaved = state.editor.as_ref().is_some_and(|e| e.journal_pending);
        unsaved_since = unsaved.then(|| unsaved_since.unwrap_or_else(Instant::now));
        let mut timeout = if state.jobs.is_empty() {
            Duration::from_secs(30)
        } else {
            Duration::from_millis(120)
        };
        if let Some(since) = unsaved_since {
            timeout = timeout.min(AUTOSAVE.saturating_sub(since.elapsed()));
        }
        if queue.is_empty() {
            match rx.recv_timeout(timeout) {
                Ok(inc) => queue.extend(runtime::to_msg(&state, inc)),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break false,
            }
        }
        if state.list.searching && matches!(queue.front(), Some(Msg::Input(_))) {
            // The keys typed right after it, searched once (`typed_together`).
            while queue.len() < 256 && matches!(queue.back(), Some(Msg::Input(_))) {
                let Ok(next) = rx.try_recv() else { break };
                queue.extend(runtime::to_msg(&state, next));
            }
            queue = app::update::typed_together(queue.into_iter().collect()).into();
        }
        if unsaved_since.is_some_and(|s| s.elapsed() >= AUTOSAVE) {
            queue.push_back(Msg::AutosaveDue);
            unsaved_since = None;
        }
        if last_tick.elapsed() >= timeout {
            queue.push_back(Msg::Tick(jiff::Timestamp::now()));
            last_tick = Instant::now();
        }
        // One message at a time, in the order they came; what an effect answers at once
        // comes after the messages already waiting.
        let Some(msg) = queue.pop_front() else { continue };
        let Ok(effects) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app::update(&mut state, msg)))
        else {
            break true;
        };
        for effect in effects {
            let away = matches!(effect, Effect::ExternalEditor { .. });
            queue.extend(rt.carry_out(effect, &state));
            if away {
                // Another program had the terminal: a fresh terminal draws everything
                // again, and its `Lean` knows nothing yet. (`Terminal::clear` would
                // ask for the cursor position, whose answer the input thread holds.)
                if let Ok(fresh) = terminal::lean_terminal() {
                    terminal = fresh;
                }
                let _ =
                    ratatui::backend::Backend::clear_region(terminal.backend_mut(), ratatui::backend::ClearType::All);
            }
        }
        dirty = true;
    };
    if crashed {
        // The panic hook restored the terminal; keep what was typed before reporting.
        if let Ok(effects) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app::update(&mut state, Msg::Hangup)))
        {
            for effect in effects {
                let _ = rt.carry_out(effect, &state);
            }
        }
    }
    rt.finish(app::update::first_rows(&state));
    handle.close();
    runtime::ENDED.store(true, Ordering::SeqCst);
    terminal::restore();
    if crashed {
        return Err(Failure {
            code: EXIT_REPO,
            message: i18n::Key::TuiCrashed.text(state.lang).to_string(),
        });
    }
    if let Some(reason) = state.ended {
        // Printed on the normal screen, so it stays when the session is gone.
        return Err(Failure {
            code: EXIT_REFUSED,
            message: reason,
        });
    }
    Ok(())
}
