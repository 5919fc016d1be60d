//! Questions asked of the state: the item shown, the input mode, whether the person
//! may act. Apart from `state.rs` because they read what the screens' update files
//! compute, and those files import the state.

use super::keymap::Mode;
use super::state::{Popup, Screen, State};
use super::update_review;
use crate::domain::diff::ItemDiff;
use crate::domain::review::ActionKind;
use crate::store::Entry;

impl State {
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

    /// Whether the current item is lean: its body and log are still in git (asked for).
    #[must_use]
    pub fn current_is_lean(&self) -> bool {
        self.current().is_some_and(|e| e.lean)
    }

    /// Whether the current item's body is still in git (a lean snapshot; it is asked
    /// for): what needs it waits, and the status line says so.
    pub fn body_pending(&mut self) -> bool {
        if !self.current_is_lean() {
            return false;
        }
        let text = crate::i18n::Key::TuiBodyWait.text(self.lang).to_string();
        self.status = Some((super::state::Severity::Info, text));
        true
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
        // The checklist (submit, approve) reads the body, and a correction's readers'
        // note (publish) the log: both are on their way.
        if e.lean && matches!(action, ActionKind::Submit | ActionKind::Approve | ActionKind::Publish) {
            return Err(crate::i18n::Key::TuiBodyWait.text(self.lang).to_string());
        }
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
