//! The application's state and its screens: what `update` changes and the UI draws.
//!
//! A leaf of `app`: the screens' own models are named through their leaf files, never
//! through the files that update them, so no file here imports one that imports it back.

use std::sync::Arc;

use super::admin_model;
use super::editor;
use super::evaluation_model;
use super::jobs;
use super::newcomer_model;
use super::photos_model;
use super::published_model;
use super::screens::{ItemView, ListView, Login};
use super::share_model;
use super::spelling_model;
use super::sync_model;
use crate::domain::review::ActionKind;
use crate::i18n::Lang;
use crate::store::Snapshot;
use crate::store::journal::Journal;

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
    pub evaluation: Option<evaluation_model::Evaluation>,
    /// The "Bagikan" screen of a published item, while open.
    pub share: Option<share_model::Share>,
    /// The admin screen, once opened.
    pub admin: Option<admin_model::Admin>,
    /// Sync with the server of a clone (`app/sync.rs`).
    pub sync: sync_model::SyncView,
    /// The "Versi terbit" screen of an item published before, while open.
    pub published: Option<published_model::Published>,
    /// Spelling: the speller, the marks of paragraphs drawn, the suggestion popup.
    pub spelling: spelling_model::Spelling,
    /// Filter pickers, threads in the editor, the mouse (`newcomer.rs`).
    pub newcomer: newcomer_model::Newcomer,
    /// Photo previews and the item view's photo.
    pub photos: photos_model::Photos,
    /// What a lean snapshot left in git, asked for and found (`bodies.rs`).
    pub bodies: super::bodies_model::Bodies,
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
            sync: sync_model::SyncView::default(),
            published: None,
            spelling: spelling_model::Spelling::default(),
            newcomer: newcomer_model::Newcomer::default(),
            photos: photos_model::Photos::default(),
            bodies: super::bodies_model::Bodies::default(),
        }
    }
}
