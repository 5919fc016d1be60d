//! Terminal setup and restore, the event loop, and carrying out effects.
//!
//! Three threads feed one channel: terminal input, the store worker's reports, and
//! signals. The loop turns each into a `Msg`, calls `update`, hands effects to the
//! worker, and draws only when something changed. The terminal is restored on quit,
//! on panic (ratatui's hook) and on SIGTERM/SIGHUP/SIGINT.

use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};

use crate::app::{self, Effect, Msg, State};
use crate::cli::{Cli, Failure, Outcome};
use crate::i18n::{self, Lang};
use crate::store::Newsroom;
use crate::store::worker::{self, Job, Report};
use crate::ui::theme::{Depth, Theme};

enum Incoming {
    Term(Event),
    Store(Report),
    Signal,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.is_empty())
}

fn config_dir() -> Option<PathBuf> {
    env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|d| d.join("warta"))
}

/// The theme from the user's config (`theme = "light"` in `~/.config/warta/config.toml`;
/// a file `themes/<name>.toml` beside it overrides the built-in one). `NO_COLOR` wins.
#[must_use]
pub fn load_theme() -> Theme {
    let depth = Depth::detect(env("COLORTERM").as_deref(), env("TERM").as_deref());
    let no_color = env("NO_COLOR").is_some();
    let dir = config_dir();
    let name = dir
        .as_ref()
        .and_then(|d| std::fs::read_to_string(d.join("config.toml")).ok())
        .and_then(|t| t.parse::<toml::Table>().ok())
        .and_then(|t| t.get("theme").and_then(|v| v.as_str()).map(str::to_string))
        .unwrap_or_else(|| "default".into());
    let name = if no_color { "monochrome".to_string() } else { name };
    let custom = dir.and_then(|d| std::fs::read_to_string(d.join("themes").join(format!("{name}.toml"))).ok());
    custom
        .and_then(|t| Theme::parse(&t, depth, no_color).ok())
        .unwrap_or_else(|| Theme::builtin(&name, depth, no_color))
}

/// Open the TUI on the newsroom found from the command line.
pub fn open(cli: &Cli) -> Outcome {
    let ctx = crate::cli::open(cli)?;
    let state = State::new(ctx.lang, load_theme(), ctx.who.person.clone(), Vec::new());
    let hint = ctx.who.person.is_none().then(|| ctx.unknown_hint());
    run(ctx.room, state, hint)
}

/// Open the TUI on a freshly built demo newsroom, asking who to log in as.
pub fn run_demo(_cli: &Cli, room: Newsroom) -> Outcome {
    let lang0 = crate::cli::env_lang();
    let config = room.head().and_then(|h| room.config_at(h)).map_err(|e| Failure {
        code: e.exit_code(),
        message: i18n::error(lang0, &e),
    })?;
    let lang = Lang::choose(
        env("WARTA_LANG").as_deref(),
        None,
        Some(&config.newsroom.language),
        env("LANG").as_deref(),
    );
    let today = crate::store::action::now(&config).date();
    let choices = config
        .people
        .iter()
        .filter(|p| p.active_on(today))
        .map(|p| p.id.clone())
        .collect();
    run(room, State::new(lang, load_theme(), None, choices), None)
}

fn to_msg(state: &State, inc: Incoming) -> Option<Msg> {
    match inc {
        Incoming::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => app::keymap::lookup(state.mode(), &k),
        Incoming::Term(Event::Paste(t)) => Some(Msg::Paste(t)),
        Incoming::Term(Event::Resize(w, h)) => Some(Msg::Resize(w, h)),
        Incoming::Term(_) => None,
        Incoming::Store(Report::Loaded(s)) => Some(Msg::Loaded(s)),
        Incoming::Store(Report::LoadFailed(e)) => Some(Msg::LoadFailed(i18n::error(state.lang, &e))),
        Incoming::Store(Report::Applied(d)) => Some(Msg::Applied(d)),
        Incoming::Store(Report::Refused(e)) => Some(Msg::Refused(i18n::error(state.lang, &e))),
        Incoming::Signal => Some(Msg::Quit),
    }
}

fn run(room: Newsroom, mut state: State, hint: Option<String>) -> Outcome {
    let (tx, rx) = mpsc::channel::<Incoming>();
    let (report_tx, report_rx) = mpsc::channel::<Report>();
    let jobs = worker::spawn(room, report_tx);
    let _ = jobs.send(Job::Load);
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for r in report_rx {
                if tx.send(Incoming::Store(r)).is_err() {
                    return;
                }
            }
        });
    }
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ])
    .map_err(|e| Failure {
        code: 4,
        message: e.to_string(),
    })?;
    let handle = signals.handle();
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                let _ = tx.send(Incoming::Signal);
            }
        });
    }
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if tx.send(Incoming::Term(ev)).is_err() {
                            return;
                        }
                    }
                    // The terminal is gone (a dropped SSH connection): stop cleanly.
                    Err(_) => {
                        let _ = tx.send(Incoming::Signal);
                        return;
                    }
                }
            }
        });
    }
    let mut terminal = ratatui::init();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    if let Ok(size) = terminal.size() {
        state.size = (size.width, size.height);
    }
    if let Some(h) = hint {
        state.status = Some((app::Severity::Error, h));
    }
    let mut dirty = true;
    let mut last_tick = Instant::now();
    while !state.quit {
        if dirty {
            let _ = terminal.draw(|f| crate::ui::render(&state, f));
            dirty = false;
        }
        let timeout = if state.pending > 0 {
            Duration::from_millis(120)
        } else {
            Duration::from_secs(30)
        };
        let inc = match rx.recv_timeout(timeout) {
            Ok(i) => Some(i),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let msg = match inc {
            Some(i) => to_msg(&state, i),
            None => None,
        };
        if let Some(msg) = msg {
            for effect in app::update(&mut state, msg) {
                let job = match effect {
                    Effect::Load => Job::Load,
                    Effect::Apply { actor, request } => Job::Apply { actor, request },
                };
                let _ = jobs.send(job);
            }
            dirty = true;
        }
        if last_tick.elapsed() >= timeout {
            app::update(&mut state, Msg::Tick(jiff::Timestamp::now()));
            last_tick = Instant::now();
            dirty = true;
        }
    }
    let _ = jobs.send(Job::Stop);
    handle.close();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    Ok(())
}
