//! Application state and the only code that changes it: `update(&mut State, Msg)`.
//!
//! No terminal and no IO here: key presses arrive as messages through the keymap,
//! store results arrive as messages from the worker, and whatever must happen outside
//! is returned as `Effect` data for the loop to carry out.

pub mod editor;
pub mod keymap;
pub mod prose;
pub mod rows;
pub mod share;
pub use crate::query::{Filters, Queue, Row};
pub mod update;
mod update_editor;
pub mod update_review;
pub mod visible;

use std::sync::Arc;

use crate::domain::diff::{ItemDiff, Pair};
use crate::domain::review::ActionKind;
use crate::i18n::Lang;
use crate::store::action::Done;
use crate::store::action::Request;
use crate::store::journal::Journal;
use crate::store::{Entry, Snapshot};
use crate::ui::theme::Theme;

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
    /// Colours and styles.
    pub theme: Theme,
    /// The acting person's id (`None`: read-only).
    pub me: Option<String>,
    /// People to choose from on the login screen.
    pub login_choices: Vec<String>,
    /// Selected row of the login screen.
    pub login_selected: usize,
    /// The current screen.
    pub screen: Screen,
    /// The newsroom as last loaded (`None` while loading).
    pub snapshot: Option<Arc<Snapshot>>,
    /// The current queue.
    pub queue: Queue,
    /// List filters.
    pub filters: Filters,
    /// The search query.
    pub search: String,
    /// Whether keys go to the search field.
    pub searching: bool,
    /// The rows of the list, derived from snapshot, queue, filters and search.
    pub rows: Vec<Row>,
    /// Selected row.
    pub selected: usize,
    /// The open item's slug.
    pub open: Option<String>,
    /// Scroll offset of the item view, in lines.
    pub item_scroll: u16,
    /// The popup, if any.
    pub popup: Option<Popup>,
    /// A message typed and then cancelled, offered again by the same action.
    pub stash: Option<(ActionKind, String)>,
    /// The content id of the item when the person chose an action on it: the action
    /// carries it, so a change made meanwhile refuses it instead of being approved unread.
    pub deciding_on: Option<String>,
    /// The status-line message.
    pub status: Option<(Severity, String)>,
    /// Jobs sent to the worker and not answered yet.
    pub pending: usize,
    /// Set when the user quits.
    pub quit: bool,
    /// Terminal size.
    pub size: (u16, u16),
    /// Now, for relative times (set by ticks; fixed in tests).
    pub now: jiff::Timestamp,
    /// Animation frame of the spinner.
    pub frame: usize,
    /// Whether the caller may type into an external editor (never in restricted mode).
    pub restricted: bool,
    /// The editor, while writing.
    pub editor: Option<editor::Editor>,
    /// An autosaved new item found before the newsroom finished loading.
    pub pending_offer: Option<Journal>,
    /// The selected paragraph of the item view (1-based; 0 = none).
    pub paragraph: usize,
    /// Whether the view follows the selected paragraph (until the user scrolls).
    pub follow_paragraph: bool,
    /// The event whose version the diff compares against, while the diff is shown.
    pub diff_base: Option<usize>,
    /// The event whose version is shown instead of the current content.
    pub version_view: Option<usize>,
    /// The open item's content at each event, once loaded.
    pub versions: Option<(String, Vec<Option<crate::domain::item::Item>>)>,
    /// Diffs of the open item, by pair of versions: `None` while the worker computes
    /// it. Drawing only reads these; it never computes a diff.
    pub diffs: Vec<(Pair, Option<Arc<ItemDiff>>)>,
    /// The thread a reply goes to.
    pub reply_to: Option<u32>,
    /// Other sessions and what they have open.
    pub others: Vec<crate::store::presence::Presence>,
    /// When this person was last here (RFC 3339), once known.
    pub last_seen: Option<String>,
    /// Whether the "since your last visit" notice was already given.
    pub noticed: bool,
    /// Why the session ended (the person was removed or expired): once set, nothing of
    /// the newsroom is kept and the loop stops.
    pub ended: Option<String>,
    /// The "Bagikan" screen of a published item, while open.
    pub share: Option<share::Share>,
}

/// What the loop must do for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Load a snapshot.
    Load,
    /// Load an item's content at each event.
    LoadHistory {
        /// The item.
        slug: String,
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
    },
    /// Apply an action through the worker.
    Apply {
        /// Person id.
        actor: String,
        /// The request.
        request: Box<Request>,
    },
    /// Put text on the terminal's clipboard (OSC 52).
    Clipboard(String),
}

/// Every input `update` understands.
#[derive(Debug)]
pub enum Msg {
    /// Move the selection or scroll up.
    MoveUp,
    /// The after-publish command ended: `Some(text)` says how it failed.
    AfterPublish(Option<String>),
    /// Open the "Bagikan" screen of the current (published) item.
    OpenShare,
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
    EditorKey(crossterm::event::KeyEvent),
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
}

impl State {
    /// A fresh state: loading, on the list (or the login screen when choices are given).
    #[must_use]
    pub fn new(lang: Lang, theme: Theme, me: Option<String>, login_choices: Vec<String>) -> Self {
        Self {
            lang,
            theme,
            screen: if login_choices.is_empty() {
                Screen::List
            } else {
                Screen::Login
            },
            me,
            login_choices,
            login_selected: 0,
            snapshot: None,
            queue: Queue::Mine,
            filters: Filters::default(),
            search: String::new(),
            searching: false,
            rows: Vec::new(),
            selected: 0,
            open: None,
            item_scroll: 0,
            popup: None,
            stash: None,
            deciding_on: None,
            status: None,
            pending: 1,
            quit: false,
            size: (80, 24),
            now: jiff::Timestamp::now(),
            frame: 0,
            restricted: false,
            editor: None,
            pending_offer: None,
            paragraph: 0,
            follow_paragraph: false,
            diff_base: None,
            version_view: None,
            versions: None,
            diffs: Vec::new(),
            reply_to: None,
            others: Vec::new(),
            last_seen: None,
            noticed: false,
            ended: None,
            share: None,
        }
    }

    /// The diff shown for the open item: `None` until the versions are loaded,
    /// `Some(None)` while it is computed.
    #[must_use]
    pub fn shown_diff(&self) -> Option<Option<&ItemDiff>> {
        let pair = update_review::diff_pair(self)?;
        self.diffs.iter().find(|(p, _)| *p == pair).map(|(_, d)| d.as_deref())
    }

    /// The current input mode, for the keymap.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if let (None, Screen::Editor, Some(ed)) = (&self.popup, &self.screen, &self.editor) {
            return if ed.offer.is_some() {
                Mode::EditorRestore
            } else if ed.conflict.is_some() {
                Mode::EditorConflict
            } else if ed.asking_leave {
                Mode::EditorLeave
            } else {
                Mode::Editor
            };
        }
        if self.popup.is_none() && self.share.is_some() && self.screen == Screen::Item {
            return Mode::Share;
        }
        match (&self.popup, &self.screen) {
            (Some(Popup::Help | Popup::Notices(_)), _) => Mode::Help,
            (Some(Popup::History { .. }), _) => Mode::History,
            (Some(Popup::Confirm(_)), _) => Mode::Confirm,
            (Some(Popup::Compose { .. }), _) => Mode::Compose,
            (None, Screen::Login) => Mode::Login,
            (None, Screen::List) if self.searching => Mode::Search,
            (None, Screen::List) => Mode::List,
            (None, Screen::Item | Screen::Editor) => Mode::Item,
        }
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
        let entry = match (&self.screen, &self.open) {
            (Screen::Item | Screen::Editor, Some(slug)) => snap.item(slug),
            _ => self
                .rows
                .get(self.selected)
                .and_then(|r| snap.items.get(r.index))
                .map(|e| &**e),
        }?;
        crate::domain::workflow::can_see(self.person(), &entry.facts()).then_some(entry)
    }
}
