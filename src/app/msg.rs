//! The messages `update` understands and the effects it asks the loop for.

use std::sync::Arc;

use super::admin_model;
use super::evaluation_model;
use super::jobs;
use super::key;
use super::newcomer_model;
use super::photos_model;
use super::spelling_model;
use super::sync_model;
use crate::domain::diff::{ItemDiff, Pair};
use crate::domain::review::ActionKind;
use crate::store::Snapshot;
use crate::store::action::Done;
use crate::store::action::Request;
use crate::store::journal::Journal;

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
    /// Read what a lean snapshot left in git (`bodies.rs`); answered with
    /// `Msg::WholeRead` or `Msg::BodiesFound`.
    ReadBodies {
        /// What to read.
        ask: super::bodies_model::Ask,
        /// The job.
        job: jobs::JobId,
    },
    /// Decode and scale a photo off the UI thread; answered with `Msg::PreviewReady`.
    Preview {
        /// Which photo, at which size.
        key: photos_model::PreviewKey,
        /// The job.
        job: jobs::JobId,
    },
}

/// Every input `update` understands.
#[derive(Debug)]
pub enum Msg {
    /// Filter pickers, threads in the editor, taps and the wheel (`newcomer.rs`).
    Newcomer(newcomer_model::Action),
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
    Evaluation(evaluation_model::Intent),
    /// Spelling in the editor (`app/spelling.rs`).
    Spelling(spelling_model::SpellMsg),
    /// The evaluation report asked for with `Effect::Evaluate`.
    Evaluated(Arc<crate::domain::report::Report>),
    /// A key or an answer of the admin screen.
    Admin(admin_model::Intent),
    /// Sync with the server now (`app/sync.rs`).
    Sync,
    /// How many local actions wait to be sent (`None`: no server).
    SyncPending(Option<crate::store::sync::Pending>),
    /// A sync ended.
    Synced {
        /// What it did and refused, in the person's language.
        result: sync_model::Synced,
        /// Whether the person asked for it (else it ran at the interval).
        asked: bool,
    },
    /// An item asked for whole with `Ask::Whole` (`None`: it could not be read).
    WholeRead {
        /// The commit it was read at.
        commit: crate::store::Oid,
        /// The item.
        slug: String,
        /// The entry, whole.
        entry: Option<std::sync::Arc<crate::store::Entry>>,
    },
    /// The events asked for with `Ask::Notices`.
    NoticesFound(Vec<(String, crate::domain::review::Event)>),
    /// The body test asked for with `Ask::Hits`.
    BodiesFound(std::sync::Arc<crate::query::BodyHits>),
    /// A preview asked for with `Effect::Preview`.
    PreviewReady {
        /// Which.
        key: photos_model::PreviewKey,
        /// The preview, or why there is none.
        shown: photos_model::Shown,
    },
    /// The item view: show the next photo.
    NextPhoto,
}
