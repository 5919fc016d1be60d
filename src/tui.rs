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
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{self, Effect, Msg, State};
use crate::cli::{Cli, Failure, Outcome};
use crate::i18n::{self, Lang};
use crate::store::Newsroom;
use crate::store::journal;
use crate::store::presence::{self, Presence};
use crate::store::worker::{self, Job, Report};
use crate::ui::theme::{Depth, Theme};

pub mod lean;

use lean::Lean;

/// The terminal as the loop draws on it: through [`Lean`], which leaves out sequences
/// that would not change the screen.
type Screen = Terminal<CrosstermBackend<Lean<std::io::Stdout>>>;

/// Raw mode, the alternate screen and a panic hook that restores the terminal, then a
/// terminal that writes through [`Lean`].
fn screen() -> std::io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    enter()?;
    lean_terminal()
}

/// A terminal on standard output through a [`Lean`] that knows nothing yet; its first
/// draw writes every cell.
fn lean_terminal() -> std::io::Result<Screen> {
    Terminal::new(CrosstermBackend::new(Lean::new(std::io::stdout())))
}

/// Raw mode and the alternate screen. (Not `ratatui::init`, which builds a terminal
/// that asks for the cursor position; while the input thread reads, that answer can
/// wait for the next key press.)
fn enter() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)
}

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

/// Open the TUI as a person fixed by the server (SSH forced command), restricted.
pub fn run_session(room: Newsroom, person: String, lang: Lang) -> Outcome {
    let mut state = State::new(lang, load_theme(), Some(person), Vec::new());
    state.restricted = true;
    run(room, state, None)
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
        Incoming::Store(Report::History { slug, versions }) => Some(Msg::VersionsLoaded { slug, versions }),
        Incoming::Store(Report::Others(o)) => Some(Msg::Others(o)),
        Incoming::Store(Report::Refused(crate::store::StoreError::Conflict {
            ours, theirs, marked, ..
        })) => Some(Msg::SaveConflict { ours, theirs, marked }),
        Incoming::Store(Report::Refused(e)) => Some(Msg::Refused(i18n::error(state.lang, &e))),
        Incoming::Signal => Some(Msg::Quit),
    }
}

/// Everything the loop needs to carry out effects outside the worker.
struct Outside {
    jobs: mpsc::Sender<Job>,
    newsroom: PathBuf,
    state_dir: PathBuf,
}

impl Outside {
    fn journal_dir(&self, person: &str) -> PathBuf {
        journal::journal_dir(&self.state_dir, &self.newsroom, person)
    }

    /// Carry out one effect; some answer with a message.
    fn carry_out(&self, effect: Effect, state: &State) -> Option<Msg> {
        match effect {
            Effect::Load => {
                let _ = self.jobs.send(Job::Load);
            }
            Effect::LoadHistory { slug } => {
                let _ = self.jobs.send(Job::History { slug });
            }
            Effect::Apply { actor, request } => {
                let _ = self.jobs.send(Job::Apply { actor, request });
            }
            Effect::WriteJournal(j) => {
                if let Err(e) = journal::write_journal(&self.journal_dir(&j.person), &j) {
                    return Some(Msg::Refused(format!("{}: {e}", self.state_dir.display())));
                }
            }
            Effect::DropJournal { person, slug } => journal::remove_journal(&self.journal_dir(&person), &slug),
            Effect::LoadJournal { person, slug } => {
                return Some(Msg::JournalFound(journal::read_journal(
                    &self.journal_dir(&person),
                    &slug,
                )));
            }
            Effect::ExternalEditor { body } => return Some(external_editor(&self.state_dir, &body, state.lang)),
        }
        None
    }
}

/// Suspend the TUI, run `$VISUAL`/`$EDITOR` on the body, and come back.
fn external_editor(state_dir: &std::path::Path, body: &str, lang: Lang) -> Msg {
    let program = env("VISUAL").or_else(|| env("EDITOR")).unwrap_or_else(|| "vi".into());
    let path = state_dir.join(format!("external-{}.md", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(state_dir).and_then(|()| std::fs::write(&path, body)) {
        return Msg::Refused(format!("{}: {e}", path.display()));
    }
    ratatui::restore();
    let mut parts = program.split_whitespace();
    let status = std::process::Command::new(parts.next().unwrap_or("vi"))
        .args(parts)
        .arg(&path)
        .status();
    let _ = enter();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let text = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    match (status, text) {
        (Ok(s), Ok(t)) if s.success() => Msg::ExternalEdited(t),
        (Ok(_), _) => Msg::Refused(format!("{program}: {}", i18n::Key::TuiNoExternal.text(lang))),
        (Err(e), _) => Msg::Refused(format!("{program}: {e}")),
    }
}

fn spawn_inputs(
    tx: &mpsc::Sender<Incoming>,
    report_rx: mpsc::Receiver<Report>,
) -> Result<signal_hook::iterator::Handle, Failure> {
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
    let tx = tx.clone();
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Incoming::Term(ev)).is_err() {
                        return;
                    }
                }
                // The terminal is gone (a dropped SSH connection): save and stop.
                Err(_) => {
                    let _ = tx.send(Incoming::Signal);
                    return;
                }
            }
        }
    });
    Ok(handle)
}

/// How long a typed change may wait before it is in the journal.
const AUTOSAVE: Duration = Duration::from_secs(2);

fn run(room: Newsroom, mut state: State, hint: Option<String>) -> Outcome {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // `ssh host` without a terminal (or a pipe): say what to do instead of failing.
        return Err(Failure {
            code: 2,
            message: i18n::Key::TuiNoTerminal.text(state.lang).to_string(),
        });
    }
    let (tx, rx) = mpsc::channel::<Incoming>();
    let (report_tx, report_rx) = mpsc::channel::<Report>();
    let outside = Outside {
        newsroom: room.key(),
        state_dir: room.state_dir().to_path_buf(),
        jobs: worker::spawn(room, report_tx),
    };
    // The top of this person's list from last time, read at once (on a first start,
    // the newest items); then everything.
    if let Some(me) = &state.me {
        let first = presence::first_rows(&outside.state_dir, &outside.newsroom, me);
        let _ = outside.jobs.send(Job::Glance(first));
    }
    let _ = outside.jobs.send(Job::Load);
    let handle = spawn_inputs(&tx, report_rx)?;
    let mut terminal = screen().map_err(|e| Failure {
        code: 4,
        message: e.to_string(),
    })?;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    if let Ok(size) = terminal.size() {
        state.size = (size.width, size.height);
    }
    if let Some(h) = hint {
        state.status = Some((app::Severity::Error, h));
    }
    if let Some(person) = state.me.clone() {
        // An article left unsaved last time is offered again.
        let found = outside.carry_out(
            Effect::LoadJournal {
                person,
                slug: String::new(),
            },
            &state,
        );
        if let Some(msg) = found {
            app::update(&mut state, msg);
        }
    }
    let mut dirty = true;
    let mut last_tick = Instant::now();
    let mut announced: Option<Presence> = None;
    let mut greeted = false;
    let mut pending_since: Option<Instant> = None;
    let crashed = loop {
        if state.quit {
            break false;
        }
        if dirty {
            let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = terminal.draw(|f| crate::ui::render(&state, f));
            }));
            if drawn.is_err() {
                break true;
            }
            dirty = false;
        }
        if let Some(me) = state.me.clone() {
            if !greeted {
                // What happened since the last visit, then remember this one.
                greeted = true;
                let now = jiff::Timestamp::now().to_string();
                let before = presence::last_seen_swap(&outside.state_dir, &outside.newsroom, &me, &now);
                app::update(&mut state, Msg::LastSeen(before));
                dirty = true;
            }
            let here = Presence {
                person: me,
                item: state.open.clone().unwrap_or_default(),
                editing: state.editor.is_some(),
            };
            if announced.as_ref() != Some(&here) {
                let _ = outside.jobs.send(Job::Presence(here.clone()));
                announced = Some(here);
            }
        }
        let journal_pending = state.editor.as_ref().is_some_and(|e| e.journal_pending);
        match (journal_pending, pending_since) {
            (true, None) => pending_since = Some(Instant::now()),
            (false, _) => pending_since = None,
            _ => {}
        }
        let mut timeout = if state.pending > 0 {
            Duration::from_millis(120)
        } else {
            Duration::from_secs(30)
        };
        if let Some(since) = pending_since {
            timeout = timeout.min(AUTOSAVE.saturating_sub(since.elapsed()));
        }
        let inc = match rx.recv_timeout(timeout) {
            Ok(i) => Some(i),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => break false,
        };
        let mut msgs: Vec<Msg> = inc.and_then(|i| to_msg(&state, i)).into_iter().collect();
        if state.searching && matches!(msgs.first(), Some(Msg::Input(_))) {
            // The keys typed right after it, searched once (`typed_together`).
            while msgs.len() < 256 && matches!(msgs.last(), Some(Msg::Input(_))) {
                let Ok(next) = rx.try_recv() else { break };
                msgs.extend(to_msg(&state, next));
            }
            // Taken from the end, so the first to come goes last.
            msgs = app::update::typed_together(msgs).into_iter().rev().collect();
        }
        if pending_since.is_some_and(|s| s.elapsed() >= AUTOSAVE) {
            msgs.push(Msg::AutosaveDue);
            pending_since = None;
        }
        if last_tick.elapsed() >= timeout {
            msgs.push(Msg::Tick(jiff::Timestamp::now()));
            last_tick = Instant::now();
        }
        let mut failed = false;
        while let Some(msg) = msgs.pop() {
            let effects = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app::update(&mut state, msg)));
            let Ok(effects) = effects else {
                failed = true;
                break;
            };
            for effect in effects {
                let away = matches!(effect, Effect::ExternalEditor { .. });
                msgs.extend(outside.carry_out(effect, &state));
                if away {
                    // Another program had the terminal: a fresh terminal draws everything
                    // again, and its `Lean` knows nothing yet. (`Terminal::clear` would
                    // ask for the cursor position, whose answer the input thread holds.)
                    if let Ok(fresh) = lean_terminal() {
                        terminal = fresh;
                    }
                    let _ = ratatui::backend::Backend::clear_region(
                        terminal.backend_mut(),
                        ratatui::backend::ClearType::All,
                    );
                }
            }
            dirty = true;
        }
        if failed {
            break true;
        }
    };
    if crashed {
        // The panic hook restored the terminal; keep what was typed before reporting.
        if let Ok(effects) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app::update(&mut state, Msg::Hangup)))
        {
            for effect in effects {
                let _ = outside.carry_out(effect, &state);
            }
        }
    }
    if let (Some(me), Some(snap)) = (&state.me, &state.snapshot) {
        if !snap.partial {
            let rows = app::rows::rows_for(snap, state.person(), app::Queue::Mine, &app::Filters::default(), "");
            let slugs: Vec<String> = rows
                .iter()
                .take(100)
                .map(|r| snap.items[r.index].slug.clone())
                .collect();
            presence::save_first_rows(&outside.state_dir, &outside.newsroom, me, &slugs);
        }
    }
    let _ = outside.jobs.send(Job::Stop);
    handle.close();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    if crashed {
        return Err(Failure {
            code: 4,
            message: i18n::Key::TuiCrashed.text(state.lang).to_string(),
        });
    }
    if let Some(reason) = state.ended {
        // Printed on the normal screen, so it stays when the session is gone.
        return Err(Failure {
            code: crate::cli::EXIT_REFUSED,
            message: reason,
        });
    }
    Ok(())
}
