//! The runtime: carries out the app's effects and brings every answer back as a message.
//!
//! Git work goes to the store's worker thread; the person's own files (journal, last
//! visit, first rows) to a second thread, so no file is read or written on the UI
//! thread. Terminal input and signals are read on threads of their own. Everything
//! arrives on one channel, in the order it happened. The app tests drive this same
//! runtime, without a terminal.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};

use super::terminal;
use crate::app::{self, Effect, Msg, State};
use crate::i18n::{self, Lang};
use crate::startup::{EXIT_REPO, Failure};
use crate::store::journal::{self, Journal};
use crate::store::presence::{self, Presence};
use crate::store::spelling;
use crate::store::worker::{self, Job, JobId, Report};
use crate::store::{Newsroom, StoreError};

pub use super::incoming::Incoming;

/// Turn what arrived into a message for `update`.
#[must_use]
pub fn to_msg(state: &State, inc: Incoming) -> Option<Msg> {
    match inc {
        Incoming::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => {
            app::keymap::lookup(state.mode(), &key_of(k))
        }
        Incoming::Term(Event::Paste(t)) => Some(Msg::Paste(t)),
        Incoming::Term(Event::Resize(w, h)) => Some(Msg::Resize(w, h)),
        Incoming::Term(Event::Mouse(m)) => super::mouse::to_msg(m),
        Incoming::Term(_) => None,
        Incoming::Store(Report::Loaded(s)) => Some(Msg::Loaded(s)),
        Incoming::Store(Report::LoadFailed(e)) => Some(Msg::LoadFailed(i18n::error(state.lang, &e))),
        Incoming::Store(Report::Applied(d)) => Some(Msg::Applied(d)),
        Incoming::Store(Report::AfterPublish(ran)) => Some(Msg::AfterPublish(ran.failure.map(|why| {
            i18n::fmt(
                state.lang,
                i18n::Key::OutAfterPublishFailed,
                &[&why, &ran.log.display()],
            )
        }))),
        Incoming::Store(Report::History { slug, versions }) => Some(Msg::VersionsLoaded { slug, versions }),
        Incoming::Store(Report::Others(o)) => Some(Msg::Others(o)),
        Incoming::Store(Report::Diff { pair, diff }) => Some(Msg::DiffReady { pair, diff }),
        Incoming::Store(Report::Finished(job)) => Some(Msg::Finished(job)),
        Incoming::Store(Report::Evaluated(report)) => Some(Msg::Evaluated(report)),
        Incoming::Store(Report::ConfigChanged(c)) => Some(Msg::Admin(app::admin::Intent::Saved(c.short()))),
        Incoming::Store(Report::Pending(p)) => Some(Msg::SyncPending(p)),
        Incoming::Store(Report::Synced { result, asked }) => Some(Msg::Synced {
            result: i18n::sync::describe(state.lang, &result),
            asked,
        }),
        Incoming::Store(Report::WordsAdded(words)) => Some(Msg::Spelling(app::spelling::SpellMsg::WordsAdded(words))),
        Incoming::Store(Report::Refused(StoreError::Conflict {
            ours, theirs, marked, ..
        })) => Some(Msg::SaveConflict { ours, theirs, marked }),
        Incoming::Store(Report::Refused(e)) => Some(Msg::Refused(i18n::error(state.lang, &e))),
        Incoming::Local(msg) => Some(msg),
        Incoming::Signal => Some(Msg::Quit),
    }
}

/// A terminal key as the app knows keys.
#[must_use]
pub fn key_of(k: event::KeyEvent) -> app::key::KeyEvent {
    use app::key::{KeyCode as K, KeyModifiers as M};
    use event::{KeyCode as C, KeyModifiers as CM};
    let code = match k.code {
        C::Char(c) => K::Char(c),
        C::Enter => K::Enter,
        C::Esc => K::Esc,
        C::Tab => K::Tab,
        C::BackTab => K::BackTab,
        C::Backspace => K::Backspace,
        C::Delete => K::Delete,
        C::Up => K::Up,
        C::Down => K::Down,
        C::Left => K::Left,
        C::Right => K::Right,
        C::Home => K::Home,
        C::End => K::End,
        C::PageUp => K::PageUp,
        C::PageDown => K::PageDown,
        C::F(n) => K::F(n),
        _ => K::Other,
    };
    let mut mods = M::NONE;
    for (theirs, ours) in [(CM::SHIFT, M::SHIFT), (CM::CONTROL, M::CONTROL), (CM::ALT, M::ALT)] {
        if k.modifiers.contains(theirs) {
            mods = mods | ours;
        }
    }
    app::key::KeyEvent::new(code, mods)
}

/// Work on the person's own files, done in order on the runtime's file thread.
enum FileJob {
    WriteJournal(Box<Journal>),
    DropJournal {
        person: String,
        slug: String,
    },
    LoadJournal {
        person: String,
        slug: String,
        job: JobId,
    },
    Greet {
        person: String,
        job: JobId,
    },
    SaveFirstRows {
        person: String,
        slugs: Vec<String>,
    },
    LoadSpeller {
        config: Box<crate::domain::config::Config>,
        person: Option<String>,
    },
    AddPersonalWord {
        person: String,
        word: String,
    },
    LastSeen {
        people: Vec<String>,
        job: JobId,
    },
}

/// Where a person's files are, for this newsroom.
#[derive(Clone)]
struct Places {
    newsroom: PathBuf,
    /// Where a relative `[spelling] dictionary` is read from.
    spelling_base: PathBuf,
    state_dir: PathBuf,
    lang: Lang,
}

impl Places {
    fn journal_dir(&self, person: &str) -> PathBuf {
        journal::journal_dir(&self.state_dir, &self.newsroom, person)
    }

    /// Carry out one file job; the answers it gives, in order.
    fn run(&self, job: FileJob) -> Vec<Msg> {
        match job {
            FileJob::WriteJournal(j) => match journal::write_journal(&self.journal_dir(&j.person), &j) {
                Ok(_) => Vec::new(),
                Err(e) => vec![Msg::Refused(format!("{}: {e}", self.state_dir.display()))],
            },
            FileJob::DropJournal { person, slug } => {
                journal::remove_journal(&self.journal_dir(&person), &slug);
                Vec::new()
            }
            FileJob::LoadJournal { person, slug, job } => {
                let found = match journal::read_journal(&self.journal_dir(&person), &slug) {
                    Ok(found) => Msg::JournalFound(found),
                    // Moved aside and reported, never written over unseen.
                    Err(e) => Msg::Refused(i18n::error(self.lang, &e)),
                };
                vec![found, Msg::Finished(job)]
            }
            FileJob::Greet { person, job } => {
                let now = jiff::Timestamp::now().to_string();
                let before = presence::last_seen_swap(&self.state_dir, &self.newsroom, &person, &now);
                vec![Msg::LastSeen(before), Msg::Finished(job)]
            }
            FileJob::SaveFirstRows { person, slugs } => {
                presence::save_first_rows(&self.state_dir, &self.newsroom, &person, &slugs);
                Vec::new()
            }
            FileJob::LastSeen { people, job } => {
                let seen = people
                    .into_iter()
                    .filter_map(|p| presence::last_seen(&self.state_dir, &self.newsroom, &p).map(|at| (p, at)))
                    .collect();
                vec![Msg::Admin(app::admin::Intent::LastSeen(seen)), Msg::Finished(job)]
            }
            FileJob::LoadSpeller { config, person } => {
                let own = person.map(|p| spelling::personal_file(&self.state_dir, &self.newsroom, &p));
                let speller = spelling::load(&config, &self.spelling_base, own.as_deref()).map(std::sync::Arc::new);
                vec![Msg::Spelling(app::spelling::SpellMsg::Ready(speller))]
            }
            FileJob::AddPersonalWord { person, word } => {
                let file = spelling::personal_file(&self.state_dir, &self.newsroom, &person);
                match journal::check_state_dir(&self.state_dir)
                    .map_err(|e| i18n::error(self.lang, &e))
                    .and_then(|()| {
                        spelling::add_personal_word(&file, &word).map_err(|e| format!("{}: {e}", file.display()))
                    }) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![Msg::Refused(e)],
                }
            }
        }
    }
}

/// Carries out effects: the worker for git, a file thread for the person's files, and
/// the external editor in the foreground.
pub struct Runtime {
    jobs: Sender<(Job, Option<JobId>)>,
    files: Option<Sender<FileJob>>,
    file_thread: Option<JoinHandle<()>>,
    places: Places,
    announced: Option<Presence>,
    /// The preview thread (photos), when the newsroom could be opened a second time.
    previews: Option<Sender<(app::photos::PreviewKey, JobId)>>,
    /// The bodies thread, when the snapshots are lean (`tui/bodies.rs`).
    bodies: Option<Sender<(app::Ask, JobId)>>,
}

impl Runtime {
    /// Start the worker and the file thread on `room`; their answers go to `out`. The
    /// snapshots are lean: the bodies stay in git until a screen shows one.
    #[must_use]
    pub fn start(room: Newsroom, lang: Lang, out: &Sender<Incoming>) -> Self {
        let state_dir = room.state_dir().to_path_buf();
        Self::launch(room, state_dir, lang, out, true)
    }

    /// As [`Runtime::start`], with the person's files kept in `state_dir`, and snapshots
    /// that hold every body.
    #[must_use]
    pub fn start_in(room: Newsroom, state_dir: PathBuf, lang: Lang, out: &Sender<Incoming>) -> Self {
        Self::launch(room, state_dir, lang, out, false)
    }

    /// As [`Runtime::start`] (lean snapshots), with the person's files kept in `state_dir`.
    #[must_use]
    pub fn start_lean_in(room: Newsroom, state_dir: PathBuf, lang: Lang, out: &Sender<Incoming>) -> Self {
        Self::launch(room, state_dir, lang, out, true)
    }

    fn launch(room: Newsroom, state_dir: PathBuf, lang: Lang, out: &Sender<Incoming>, lean: bool) -> Self {
        let places = Places {
            newsroom: room.key(),
            spelling_base: room.spelling_base(),
            state_dir,
            lang,
        };
        let previews = Newsroom::open(room.git_dir())
            .ok()
            .map(|own| super::previews::spawn(own, super::previews::picker(), lang, out.clone()));
        let (report_tx, report_rx) = mpsc::channel::<Report>();
        let bodies = lean
            .then(|| Newsroom::open(room.git_dir()).ok())
            .flatten()
            .map(|own| super::bodies::spawn(own, out.clone()));
        // Without a second handle for the bodies, the snapshots hold them.
        let jobs = worker::spawn(room, report_tx, bodies.is_some());
        let forward = out.clone();
        std::thread::spawn(move || {
            for r in report_rx {
                if forward.send(Incoming::Store(r)).is_err() {
                    return;
                }
            }
        });
        let (files, file_rx) = mpsc::channel::<FileJob>();
        let (answer, at) = (out.clone(), places.clone());
        let file_thread = std::thread::spawn(move || {
            for job in file_rx {
                for msg in at.run(job) {
                    // The loop may be gone (quitting): the files are written all the same.
                    let _ = answer.send(Incoming::Local(msg));
                }
            }
        });
        Self {
            jobs,
            files: Some(files),
            file_thread: Some(file_thread),
            places,
            announced: None,
            previews,
            bodies,
        }
    }

    fn file(&self, job: FileJob) {
        if let Some(files) = &self.files {
            let _ = files.send(job);
        }
    }

    fn job(&self, job: Job, id: Option<JobId>) {
        let _ = self.jobs.send((job, id));
    }

    /// Carry out one effect. Only the external editor answers at once (it holds the
    /// terminal until it ends); everything else answers through the channel.
    pub fn carry_out(&mut self, effect: Effect, state: &State) -> Option<Msg> {
        match effect {
            Effect::Load { glance, job } => {
                if let Some(person) = glance {
                    self.job(Job::Glance { person }, None);
                }
                self.job(Job::Load, Some(job));
            }
            Effect::LoadHistory { slug, job } => self.job(Job::History { slug }, Some(job)),
            Effect::Sync { asked } => self.job(Job::Sync { asked }, None),
            Effect::Apply { actor, request, job } => self.job(Job::Apply { actor, request }, Some(job)),
            Effect::Diff { pair, old, new, job } => self.job(Job::Diff { pair, old, new }, Some(job)),
            Effect::Evaluate {
                period,
                today,
                only,
                job,
            } => self.job(Job::Evaluate { period, today, only }, Some(job)),
            Effect::WriteJournal(j) => self.file(FileJob::WriteJournal(j)),
            Effect::DropJournal { person, slug } => self.file(FileJob::DropJournal { person, slug }),
            Effect::LoadJournal { person, slug, job } => self.file(FileJob::LoadJournal { person, slug, job }),
            Effect::Greet { person, job } => self.file(FileJob::Greet { person, job }),
            Effect::Clipboard(text) => super::clipboard::copy(&text),
            Effect::AdminChange { actor, change, job } => self.job(Job::Admin { actor, change }, Some(job)),
            Effect::AdminLastSeen { people, job } => self.file(FileJob::LastSeen { people, job }),
            Effect::LoadSpeller { config, person } => self.file(FileJob::LoadSpeller { config, person }),
            Effect::AddPersonalWord { person, word } => self.file(FileJob::AddPersonalWord { person, word }),
            Effect::AddNewsroomWords { actor, words, job } => self.job(Job::AddWords { actor, words }, Some(job)),
            Effect::Preview { key, job } => match &self.previews {
                Some(p) => {
                    let _ = p.send((key, job));
                }
                None => return Some(Msg::Finished(job)),
            },
            Effect::ReadBodies { ask, job } => match &self.bodies {
                Some(b) => {
                    let _ = b.send((ask, job));
                }
                None => return Some(Msg::Finished(job)),
            },
            Effect::ExternalEditor { body } => {
                return Some(external_editor(&self.places.state_dir, &body, state.lang));
            }
        }
        None
    }

    /// Tell the others who is here and what they have open, when that changed.
    pub fn announce(&mut self, here: Option<Presence>) {
        if let Some(p) = here.filter(|p| self.announced.as_ref() != Some(p)) {
            self.job(Job::Presence(p.clone()), None);
            self.announced = Some(p);
        }
    }

    /// Stop: remember the person's first rows, stop the worker, and wait until every
    /// file the app asked for (the journal above all) is written.
    pub fn finish(mut self, first_rows: Option<(String, Vec<String>)>) {
        if let Some((person, slugs)) = first_rows {
            self.file(FileJob::SaveFirstRows { person, slugs });
        }
        self.job(Job::Stop, None);
        self.files = None;
        if let Some(t) = self.file_thread.take() {
            let _ = t.join();
        }
    }

    /// Where the person's files are kept.
    #[must_use]
    pub fn state_dir(&self) -> &Path {
        &self.places.state_dir
    }
}

/// Suspend the TUI, run `$VISUAL`/`$EDITOR` on the body, and come back.
fn external_editor(state_dir: &Path, body: &str, lang: Lang) -> Msg {
    // Without a choice of the person's own, nano: its keys are on its screen (^X to
    // leave), where vi gives a newcomer no way out.
    let program = terminal::env("VISUAL")
        .or_else(|| terminal::env("EDITOR"))
        .unwrap_or_else(|| {
            if crate::store::files::on_path("nano") {
                "nano"
            } else {
                "vi"
            }
            .into()
        });
    let path = state_dir.join(format!("external-{}.md", std::process::id()));
    // The body is the person's unsaved text: private, like the journal.
    if let Err(e) = crate::store::files::write_atomic(&path, body.as_bytes(), crate::store::files::Access::Private) {
        return Msg::Refused(format!("{}: {e}", path.display()));
    }
    // The external editor gets the terminal as it was, mouse and pastes included.
    terminal::restore();
    let mut parts = program.split_whitespace();
    AWAY.store(true, Ordering::SeqCst);
    let status = std::process::Command::new(parts.next().unwrap_or("vi"))
        .args(parts)
        .arg(&path)
        .status();
    AWAY.store(false, Ordering::SeqCst);
    let _ = terminal::enter();
    terminal::accept_pastes();
    let text = crate::store::files::read_and_remove(&path);
    match (status, text) {
        (Ok(s), Ok(t)) if s.success() => Msg::ExternalEdited(t),
        (Ok(_), _) => Msg::Refused(format!("{program}: {}", i18n::Key::TuiNoExternal.text(lang))),
        (Err(e), _) => Msg::Refused(format!("{program}: {e}")),
    }
}

/// Read terminal input and signals on threads of their own, into `tx`.
pub fn spawn_inputs(tx: &Sender<Incoming>) -> Result<signal_hook::iterator::Handle, Failure> {
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ])
    .map_err(|e| Failure {
        code: EXIT_REPO,
        message: e.to_string(),
    })?;
    let handle = signals.handle();
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _ = tx.send(Incoming::Signal);
                // The loop writes the journal and ends within milliseconds: nothing slow
                // runs on its thread (diffs are the worker's). Should anything ever hold
                // it, the process still ends, with the journal as last autosaved. While
                // `$EDITOR` runs, its text is still to come back and be saved: wait.
                loop {
                    std::thread::sleep(GRACE);
                    if ENDED.load(Ordering::SeqCst) {
                        return;
                    }
                    if !AWAY.load(Ordering::SeqCst) {
                        ratatui::restore();
                        std::process::exit(128 + signal);
                    }
                }
            }
        });
    }
    let tx = tx.clone();
    std::thread::spawn(move || {
        loop {
            // While `$EDITOR` has the terminal, its keys are its own.
            if AWAY.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            if !event::poll(Duration::from_millis(50)).unwrap_or(true) || AWAY.load(Ordering::SeqCst) {
                continue;
            }
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

/// How long the loop has, after SIGTERM, SIGHUP or SIGINT, to save and end before the
/// signal thread ends the process itself.
const GRACE: Duration = Duration::from_millis(900);

/// Set when the loop has ended: the process may go on (a caller's own work) and the
/// signal thread must not end it.
pub static ENDED: AtomicBool = AtomicBool::new(false);

/// Set while `$EDITOR` has the terminal (see `ENDED`).
static AWAY: AtomicBool = AtomicBool::new(false);
