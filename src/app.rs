//! Application state and the only code that changes it: `update(&mut State, Msg)`.
//!
//! No terminal and no IO here: key presses arrive as messages through the keymap,
//! store results arrive as messages from the worker, and whatever must happen outside
//! is returned as `Effect` data for the loop to carry out.

pub mod admin;
pub mod editor;
pub mod evaluation;
pub mod jobs;
pub mod key;
pub mod keymap;
pub mod newcomer;
pub mod photos;
pub mod pickers;
pub mod prose;
pub mod published;
pub mod rows;
mod screens;
pub mod share;
pub mod spelling;
pub mod sync;
pub use crate::query::{Filters, Queue, Row};
pub use screens::{ItemView, ListView, Login};
pub mod update;
mod update_editor;
pub mod update_review;
pub mod visible;
pub mod waiting;

use std::sync::Arc;

use crate::domain::diff::{ItemDiff, Pair};
use crate::domain::review::ActionKind;
use crate::i18n::Lang;
use crate::store::action::Done;
use crate::store::action::Request;
use crate::store::journal::Journal;
use crate::store::{Entry, Snapshot};

pub use keymap::{BINDINGS, Mode};
pub use update::update;

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// "Masuk sebagai…": choose a person (demo).
    Login,
    /// The list of items.
    List,
    /// One item.
    Item,
    /// Writing an item.
    Editor,
    /// "Evaluasi": each kecamatan's publishing over a period (`app/evaluation.rs`).
    Evaluation,
    /// The admin screen: people, keys and terms (`app/admin.rs`).
    Admin,
}

/// A popup over the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Every key of the current screen.
    Help,
    /// What happened to my items since my last visit.
    Notices(Vec<Notice>),
    /// The item's history: every event; Enter opens the content as it was.
    History {
        /// Selected event (index into the log).
        selected: usize,
    },
    /// A yes/no question before an action that is hard to undo.
    Confirm(ActionKind),
    /// A message to write before an action (request changes, reject, comment, approve).
    Compose {
        /// The action it is for.
        action: ActionKind,
        /// What was typed so far.
        text: String,
        /// Whether an empty message is refused.
        required: bool,
    },
}

/// Something that happened to an item of mine while I was away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The item.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// What happened.
    pub action: ActionKind,
    /// Who did it.
    pub actor: String,
    /// When (RFC 3339).
    pub at: String,
}

/// How serious a status-line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something worked.
    Info,
    /// Refused or failed.
    Error,
}

/// Everything the UI shows.
#[derive(Debug)]
pub struct State {
    /// UI language.
    pub lang: Lang,
    /// The acting person's id (`None`: read-only).
    pub me: Option<String>,
    /// The login screen.
    pub login: Login,
    /// The current screen.
    pub screen: Screen,
    /// The newsroom as last loaded (`None` while loading).
    pub snapshot: Option<Arc<Snapshot>>,
    /// The list screen.
    pub list: ListView,
    /// The item screen.
    pub item: ItemView,
    /// The popup, if any.
    pub popup: Option<Popup>,
    /// How far the help popup is scrolled.
    pub help_scroll: u16,
    /// A message typed and then cancelled, offered again by the same action.
    pub stash: Option<(ActionKind, String)>,
    /// The status-line message.
    pub status: Option<(Severity, String)>,
    /// Jobs asked for and not answered yet (drives the spinner).
    pub jobs: jobs::Jobs,
    /// Set when the user quits.
    pub quit: bool,
    /// Terminal size.
    pub size: (u16, u16),
    /// Now, for relative times: set by the loop at start and by ticks (the app reads no
    /// clock; tests fix it).
    pub now: jiff::Timestamp,
    /// Animation frame of the spinner.
    pub frame: usize,
    /// Whether the caller may type into an external editor (never in restricted mode).
    pub restricted: bool,
    /// The editor, while writing.
    pub editor: Option<editor::Editor>,
    /// An autosaved new item found before the newsroom finished loading.
    pub pending_offer: Option<Journal>,
    /// Other sessions and what they have open.
    pub others: Vec<crate::store::presence::Presence>,
    /// When this person was last here (RFC 3339), once known.
    pub last_seen: Option<String>,
    /// Whether the "since your last visit" notice was already given.
    pub noticed: bool,
    /// Why the session ended (the person was removed or expired): once set, nothing of
    /// the newsroom is kept and the loop stops.
    pub ended: Option<String>,
    /// The evaluation screen, once opened.
    pub evaluation: Option<evaluation::Evaluation>,
    /// The "Bagikan" screen of a published item, while open.
    pub share: Option<share::Share>,
    /// The admin screen, once opened.
    pub admin: Option<admin::Admin>,
    /// Sync with the server of a clone (`app/sync.rs`).
    pub sync: sync::SyncView,
    /// The "Versi terbit" screen of an item published before, while open.
    pub published: Option<published::Published>,
    /// Spelling: the speller, the marks of paragraphs drawn, the suggestion popup.
    pub spelling: spelling::Spelling,
    /// Filter pickers, threads in the editor, the mouse (`newcomer.rs`).
    pub newcomer: newcomer::Newcomer,
    /// Photo previews and the item view's photo.
    pub photos: photos::Photos,
}

/// What the loop must do for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Load the newsroom (after a first glance at `glance`'s list, if given).
    Load {
        /// Whose remembered first rows to draw first.
        glance: Option<String>,
        /// The job.
        job: jobs::JobId,
    },
    /// Load an item's content at each event.
    LoadHistory {
        /// The item.
        slug: String,
        /// The job.
        job: jobs::JobId,
    },
    /// Swap this person's last-visit time for now; answered with `Msg::LastSeen`.
    Greet {
        /// Whose.
        person: String,
        /// The job.
        job: jobs::JobId,
    },
    /// Write the editor's journal now.
    WriteJournal(Box<Journal>),
    /// Remove a journal (after a save or an explicit discard).
    DropJournal {
        /// Whose.
        person: String,
        /// Which item ("" for the new item).
        slug: String,
    },
    /// Look for a journal and report it with `Msg::JournalFound`.
    LoadJournal {
        /// Whose.
        person: String,
        /// Which item ("" for the new item).
        slug: String,
        /// The job.
        job: jobs::JobId,
    },
    /// Edit the body in `$VISUAL`/`$EDITOR` and report with `Msg::ExternalEdited`.
    ExternalEditor {
        /// The body to edit.
        body: String,
    },
    /// Compare two versions of an item on the worker and report with `Msg::DiffReady`.
    Diff {
        /// Which versions.
        pair: Pair,
        /// The older version.
        old: Box<crate::domain::item::Item>,
        /// The newer version.
        new: Box<crate::domain::item::Item>,
        /// The job.
        job: jobs::JobId,
    },
    /// Sync with the server beside the worker; answered with `Msg::Synced`.
    Sync {
        /// Whether the person asked for it (else it is the interval's).
        asked: bool,
    },
    /// Compute the evaluation report on the worker; answered with `Msg::Evaluated`.
    Evaluate {
        /// The period.
        period: crate::domain::report::Period,
        /// Today in the newsroom's zone.
        today: jiff::civil::Date,
        /// Only this kecamatan (an author's own).
        only: Option<String>,
        /// The job.
        job: jobs::JobId,
    },
    /// Apply an action through the worker.
    Apply {
        /// Person id.
        actor: String,
        /// The request.
        request: Box<Request>,
        /// The job.
        job: jobs::JobId,
    },
    /// Put text on the terminal's clipboard (OSC 52).
    Clipboard(String),
    /// Change `warta.toml` through the worker; answered with `Msg::Admin(Saved)` or
    /// `Msg::Refused`.
    AdminChange {
        /// The admin.
        actor: String,
        /// The change.
        change: Box<crate::domain::admin::Change>,
        /// The job.
        job: jobs::JobId,
    },
    /// Read when each person was last here; answered with `Msg::Admin(LastSeen)`.
    AdminLastSeen {
        /// Whose.
        people: Vec<String>,
        /// The job.
        job: jobs::JobId,
    },
    /// Load the speller for this configuration (and the person's own words); answered
    /// with `SpellMsg::Ready`.
    LoadSpeller {
        /// The newsroom's configuration (names, `[spelling]`).
        config: Box<crate::domain::config::Config>,
        /// Whose own list to add.
        person: Option<String>,
    },
    /// Add a word to the person's own list.
    AddPersonalWord {
        /// Whose.
        person: String,
        /// The word.
        word: String,
    },
    /// Add words to `[spelling] words` (recorded); answered with `SpellMsg::WordsAdded`.
    AddNewsroomWords {
        /// Person id.
        actor: String,
        /// The words.
        words: Vec<String>,
        /// The job.
        job: jobs::JobId,
    },
    /// Decode and scale a photo off the UI thread; answered with `Msg::PreviewReady`.
    Preview {
        /// Which photo, at which size.
        key: photos::PreviewKey,
        /// The job.
        job: jobs::JobId,
    },
}

/// Every input `update` understands.
#[derive(Debug)]
pub enum Msg {
    /// Filter pickers, threads in the editor, taps and the wheel (`newcomer.rs`).
    Newcomer(newcomer::Action),
    /// Move the selection or scroll up.
    MoveUp,
    /// The after-publish command ended: `Some(text)` says how it failed.
    AfterPublish(Option<String>),
    /// Open the "Bagikan" screen of the current (published) item.
    OpenShare,
    /// Open the "Versi terbit" screen of the current item.
    OpenPublished,
    /// Copy the selected channel's text on the "Bagikan" screen.
    ShareCopy,
    /// Move the selection or scroll down.
    MoveDown,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Open the selected row or choice.
    Open,
    /// Go back (close popup, leave item, clear search).
    Back,
    /// Quit warta.
    Quit,
    /// Show or hide the help.
    ToggleHelp,
    /// Start typing a search.
    StartSearch,
    /// Switch to the next queue.
    NextQueue,
    /// Cycle the status filter.
    CycleStatus,
    /// Cycle the kecamatan filter.
    CycleKecamatan,
    /// Cycle the tag filter.
    CycleTag,
    /// Clear every filter and the search.
    ClearFilters,
    /// Ask for an action on the open or selected item.
    Act(ActionKind),
    /// Yes in a confirmation.
    Confirm,
    /// A typed character (search or compose).
    Input(char),
    /// Delete the last typed character.
    Backspace,
    /// A newline in a compose popup.
    Newline,
    /// Pasted text.
    Paste(String),
    /// The terminal was resized.
    Resize(u16, u16),
    /// Time passed.
    Tick(jiff::Timestamp),
    /// A snapshot arrived.
    Loaded(Arc<Snapshot>),
    /// Loading failed (message already localized).
    LoadFailed(String),
    /// An action was applied.
    Applied(Done),
    /// An action was refused (message already localized).
    Refused(String),
    /// Who else is here.
    Others(Vec<crate::store::presence::Presence>),
    /// When this person was last here.
    LastSeen(Option<String>),
    /// Select the next paragraph.
    NextParagraph,
    /// Select the previous paragraph.
    PrevParagraph,
    /// Reply to the thread at the selected paragraph.
    Reply,
    /// Resolve the thread at the selected paragraph.
    ResolveThread,
    /// Show or hide the diff.
    ToggleDiff,
    /// Compare with an older version.
    DiffOlder,
    /// Compare with a newer version.
    DiffNewer,
    /// Show the history.
    ShowHistory,
    /// The item's versions arrived.
    VersionsLoaded {
        /// The item.
        slug: String,
        /// Content at each event.
        versions: Vec<Option<crate::domain::item::Item>>,
    },
    /// Everything a job reports has arrived.
    Finished(jobs::JobId),
    /// A diff asked for with `Effect::Diff` is ready.
    DiffReady {
        /// Which versions.
        pair: Pair,
        /// The result.
        diff: Arc<ItemDiff>,
    },
    /// Open the editor on a new item.
    NewItem,
    /// Open the editor on the current item.
    EditItem,
    /// Save the editor (Ctrl-S).
    Save,
    /// Next editor field.
    NextField,
    /// Previous editor field.
    PrevField,
    /// Undo in the editor.
    Undo,
    /// Redo in the editor.
    Redo,
    /// Open the external editor.
    ExternalEdit,
    /// A key for the focused editor field.
    EditorKey(key::KeyEvent),
    /// Two seconds passed since the last keystroke.
    AutosaveDue,
    /// The terminal is going away (SIGHUP, SIGTERM): save the journal first.
    Hangup,
    /// A journal was found (or not).
    JournalFound(Option<Journal>),
    /// The external editor finished with this body.
    ExternalEdited(String),
    /// A save met a conflicting change.
    SaveConflict {
        /// Our item text.
        ours: String,
        /// The branch's item text.
        theirs: String,
        /// The body with both versions marked.
        marked: String,
    },
    /// Discard (editor leave, restore offer).
    Discard,
    /// Conflict: keep my version.
    KeepMine,
    /// Conflict: take the version on the branch.
    TakeTheirs,
    /// Conflict: merge by hand.
    MergeByHand,
    /// A key of the evaluation screen.
    Evaluation(evaluation::Intent),
    /// Spelling in the editor (`app/spelling.rs`).
    Spelling(spelling::SpellMsg),
    /// The evaluation report asked for with `Effect::Evaluate`.
    Evaluated(Arc<crate::domain::report::Report>),
    /// A key or an answer of the admin screen.
    Admin(admin::Intent),
    /// Sync with the server now (`app/sync.rs`).
    Sync,
    /// How many local actions wait to be sent (`None`: no server).
    SyncPending(Option<crate::store::sync::Pending>),
    /// A sync ended.
    Synced {
        /// What it did and refused, in the person's language.
        result: sync::Synced,
        /// Whether the person asked for it (else it ran at the interval).
        asked: bool,
    },
    /// A preview asked for with `Effect::Preview`.
    PreviewReady {
        /// Which.
        key: photos::PreviewKey,
        /// The preview, or why there is none.
        shown: photos::Shown,
    },
    /// The item view: show the next photo.
    NextPhoto,
}

impl State {
    /// A fresh state: loading, on the list (or the login screen when choices are given).
    #[must_use]
    pub fn new(lang: Lang, me: Option<String>, login_choices: Vec<String>) -> Self {
        Self {
            lang,
            screen: if login_choices.is_empty() {
                Screen::List
            } else {
                Screen::Login
            },
            me,
            login: Login {
                choices: login_choices,
                selected: 0,
            },
            snapshot: None,
            list: ListView::default(),
            item: ItemView::default(),
            popup: None,
            stash: None,
            help_scroll: 0,
            status: None,
            jobs: jobs::Jobs::default(),
            quit: false,
            size: (80, 24),
            now: jiff::Timestamp::UNIX_EPOCH,
            frame: 0,
            restricted: false,
            editor: None,
            pending_offer: None,
            others: Vec::new(),
            last_seen: None,
            noticed: false,
            ended: None,
            evaluation: None,
            share: None,
            admin: None,
            sync: sync::SyncView::default(),
            published: None,
            spelling: spelling::Spelling::default(),
            newcomer: newcomer::Newcomer::default(),
            photos: photos::Photos::default(),
        }
    }

    /// The diff shown for the open item: `None` until the versions are loaded,
    /// `Some(None)` while it is computed.
    #[must_use]
    pub fn shown_diff(&self) -> Option<Option<&ItemDiff>> {
        let pair = update_review::diff_pair(self)?;
        self.item
            .diffs
            .iter()
            .find(|(p, _)| *p == pair)
            .map(|(_, d)| d.as_deref())
    }

    /// The current input mode, for the keymap.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if self.newcomer.picker.is_some() {
            return Mode::Picker;
        }
        if let (None, Screen::Editor, Some(ed)) = (&self.popup, &self.screen, &self.editor) {
            return if self.spelling.popup.is_some() {
                Mode::Spelling
            } else if ed.offer.is_some() {
                Mode::EditorRestore
            } else if ed.conflict.is_some() {
                Mode::EditorConflict
            } else if ed.asking_leave {
                Mode::EditorLeave
            } else {
                Mode::Editor
            };
        }
        // The notices of a return visit never hold keys: the screen under them keeps its
        // mode, and the first key both closes them and does its work.
        let popup = self.popup.as_ref().filter(|p| !matches!(p, Popup::Notices(_)));
        if popup.is_none() && self.share.is_some() && self.screen == Screen::Item {
            return Mode::Share;
        }
        if popup.is_none() && self.published.is_some() && self.screen == Screen::Item {
            return Mode::Published;
        }
        match (popup, &self.screen) {
            (Some(Popup::Help | Popup::Notices(_)), _) => Mode::Help,
            (Some(Popup::History { .. }), _) => Mode::History,
            (Some(Popup::Confirm(_)), _) => Mode::Confirm,
            (Some(Popup::Compose { .. }), _) => Mode::Compose,
            (None, Screen::Login) => Mode::Login,
            (None, Screen::List) if self.list.searching => Mode::Search,
            (None, Screen::List) => Mode::List,
            (None, Screen::Item | Screen::Editor) => Mode::Item,
            (None, Screen::Evaluation) if self.evaluation.as_ref().is_some_and(|e| e.drill.is_some()) => {
                Mode::EvaluationItems
            }
            (None, Screen::Evaluation) => Mode::Evaluation,
            (None, Screen::Admin) if self.admin.as_ref().is_some_and(|a| a.form.is_some()) => Mode::AdminForm,
            (None, Screen::Admin) => Mode::Admin,
        }
    }

    /// Whether the person may take `action` on the current item now; else why not, in
    /// their language. Asked before any popup opens, so nobody types a note for an
    /// action that would be refused (the store checks again when it applies it).
    pub fn may(&self, action: ActionKind) -> Result<(), String> {
        let (Some(e), Some(snap)) = (self.current(), self.snapshot.as_ref()) else {
            return Err(crate::i18n::Key::TuiLoading.text(self.lang).to_string());
        };
        let today = self.now.to_zoned(snap.config.timezone()).date();
        let ctx = crate::domain::workflow::Context::new(&snap.config, today, None);
        crate::domain::workflow::check(action, self.person(), &e.facts(), &ctx)
            .map_err(|d| crate::i18n::denial(self.lang, &d))?;
        if action == ActionKind::Approve {
            let checks = crate::domain::lint::Rules::from_config(&snap.config).check(&e.item, &snap.config);
            let failing = crate::domain::lint::blocking(&checks);
            if !failing.is_empty() {
                let d = crate::domain::workflow::Denial::Checklist {
                    rules: failing.iter().map(|r| r.id()).collect(),
                };
                return Err(crate::i18n::denial(self.lang, &d));
            }
        }
        Ok(())
    }

    /// The acting person, if known.
    #[must_use]
    pub fn person(&self) -> Option<&crate::domain::config::Person> {
        let snap = self.snapshot.as_ref()?;
        self.me.as_deref().and_then(|id| snap.config.person(id))
    }

    /// The item shown or selected, if the person may see it.
    ///
    /// An item opened while visible can become hidden at a reload (its kecamatan or the
    /// person's roles changed); from then on it is not shown or acted on.
    #[must_use]
    pub fn current(&self) -> Option<&Entry> {
        let snap = self.snapshot.as_ref()?;
        let entry = match (&self.screen, &self.item.open) {
            (Screen::Item | Screen::Editor, Some(slug)) => snap.item(slug),
            _ => self
                .list
                .rows
                .get(self.list.selected)
                .and_then(|r| snap.items.get(r.index))
                .map(|e| &**e),
        }?;
        crate::domain::workflow::can_see(self.person(), &entry.facts()).then_some(entry)
    }
}
