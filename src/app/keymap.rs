//! The keymap: one table turns (mode, key) into a message, and drives the help overlay
//! and the status-bar hints too.

use crate::app::key::{KeyCode, KeyEvent, KeyModifiers};

use super::admin_model::Intent as AdminIntent;
use super::evaluation_model::Intent;
use super::msg::Msg;
use super::spelling_model::SpellMsg;
use crate::domain::review::ActionKind as A;
use crate::i18n::Key as T;

/// Input modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Choosing who to log in as.
    Login,
    /// The list.
    List,
    /// Typing a search.
    Search,
    /// Reading an item.
    Item,
    /// The help overlay.
    Help,
    /// The history popup.
    History,
    /// A yes/no question.
    Confirm,
    /// Writing a message.
    Compose,
    /// Writing an item.
    Editor,
    /// Asking whether to save before leaving the editor.
    EditorLeave,
    /// Offering an autosaved buffer.
    EditorRestore,
    /// Resolving a save conflict.
    EditorConflict,
    /// The evaluation's ranking.
    Evaluation,
    /// One kecamatan's items in the evaluation.
    EvaluationItems,
    /// The "Bagikan" screen: channel texts and the post's address.
    Share,
    /// The admin screen's list of people.
    Admin,
    /// The admin screen's form.
    AdminForm,
    /// The "Versi terbit" screen: published versions and their changes.
    Published,
    /// The spelling popup on a misspelled word.
    Spelling,
    /// A filter picker: typing narrows the names.
    Picker,
}

/// One binding.
pub struct Binding {
    /// Modes it works in.
    pub modes: &'static [Mode],
    /// The key.
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for characters).
    pub mods: KeyModifiers,
    /// The message it sends.
    pub msg: fn() -> Msg,
    /// Its description in help.
    pub help: T,
    /// Shown in the status-bar hints.
    pub hint: bool,
}

const LIST: &[Mode] = &[Mode::List];
const ITEM: &[Mode] = &[Mode::Item];
const BROWSE: &[Mode] = &[Mode::List, Mode::Item];
const MOVE: &[Mode] = &[Mode::List, Mode::Item, Mode::Login, Mode::Search, Mode::Help];
const NONE: KeyModifiers = KeyModifiers::NONE;
const ANY: &[Mode] = &[
    Mode::List,
    Mode::Item,
    Mode::Login,
    Mode::Search,
    Mode::Help,
    Mode::History,
    Mode::Confirm,
    Mode::Compose,
    Mode::Editor,
    Mode::EditorLeave,
    Mode::EditorRestore,
    Mode::EditorConflict,
    Mode::Evaluation,
    Mode::EvaluationItems,
    Mode::Share,
    Mode::Admin,
    Mode::AdminForm,
    Mode::Published,
    Mode::Spelling,
    Mode::Picker,
];
const EVAL: &[Mode] = &[Mode::Evaluation, Mode::EvaluationItems];

macro_rules! b {
    ($modes:expr, $code:expr, $msg:expr, $help:ident, $hint:expr) => {
        Binding {
            modes: $modes,
            code: $code,
            mods: NONE,
            msg: $msg,
            help: T::$help,
            hint: $hint,
        }
    };
    ($modes:expr, $code:expr, $mods:expr, $msg:expr, $help:ident, $hint:expr) => {
        Binding {
            modes: $modes,
            code: $code,
            mods: $mods,
            msg: $msg,
            help: T::$help,
            hint: $hint,
        }
    };
}

/// Every default binding.
pub static BINDINGS: &[Binding] = &[
    b!(MOVE, KeyCode::Up, || Msg::MoveUp, KeyUp, false),
    b!(MOVE, KeyCode::Down, || Msg::MoveDown, KeyDown, false),
    b!(
        &[Mode::List, Mode::Item, Mode::Login],
        KeyCode::Char('k'),
        || Msg::MoveUp,
        KeyUp,
        false
    ),
    b!(
        &[Mode::List, Mode::Item, Mode::Login],
        KeyCode::Char('j'),
        || Msg::MoveDown,
        KeyDown,
        false
    ),
    b!(BROWSE, KeyCode::PageUp, || Msg::PageUp, KeyPageUp, false),
    b!(&[Mode::Help], KeyCode::PageUp, || Msg::PageUp, KeyPageUp, false),
    b!(&[Mode::Help], KeyCode::PageDown, || Msg::PageDown, KeyPageDown, false),
    b!(BROWSE, KeyCode::PageDown, || Msg::PageDown, KeyPageDown, false),
    b!(ITEM, KeyCode::Char(' '), || Msg::PageDown, KeyPageDown, false),
    b!(BROWSE, KeyCode::Home, || Msg::Top, KeyTop, false),
    b!(BROWSE, KeyCode::End, || Msg::Bottom, KeyBottom, false),
    b!(
        &[Mode::List, Mode::Login, Mode::Search],
        KeyCode::Enter,
        || Msg::Open,
        KeyOpen,
        true
    ),
    b!(
        &[
            Mode::Item,
            Mode::Help,
            Mode::Compose,
            Mode::Confirm,
            Mode::Search,
            Mode::List
        ],
        KeyCode::Esc,
        || Msg::Back,
        KeyBack,
        true
    ),
    b!(LIST, KeyCode::Char('q'), || Msg::Quit, KeyQuit, true),
    b!(&[Mode::Login], KeyCode::Char('q'), || Msg::Quit, KeyQuit, true),
    b!(
        &[Mode::Item, Mode::Help],
        KeyCode::Char('q'),
        || Msg::Back,
        KeyBack,
        false
    ),
    b!(
        &[Mode::List, Mode::Item, Mode::Help],
        KeyCode::Char('?'),
        || Msg::ToggleHelp,
        KeyHelp,
        true
    ),
    b!(LIST, KeyCode::Char('n'), || Msg::NewItem, KeyNew, true),
    b!(LIST, KeyCode::Char('/'), || Msg::StartSearch, KeySearch, true),
    b!(LIST, KeyCode::Tab, || Msg::NextQueue, KeyQueue, true),
    b!(LIST, KeyCode::Char('S'), || Msg::CycleStatus, KeyFilterStatus, false),
    b!(
        LIST,
        KeyCode::Char('K'),
        || Msg::CycleKecamatan,
        KeyFilterKecamatan,
        false
    ),
    b!(LIST, KeyCode::Char('T'), || Msg::CycleTag, KeyFilterTag, false),
    b!(LIST, KeyCode::Char('0'), || Msg::ClearFilters, KeyClearFilters, false),
    b!(LIST, KeyCode::Char('R'), || Msg::Sync, KeySync, true),
    b!(BROWSE, KeyCode::Char('s'), || Msg::Act(A::Submit), KeySubmit, true),
    b!(BROWSE, KeyCode::Char('w'), || Msg::Act(A::Withdraw), KeyWithdraw, true),
    b!(BROWSE, KeyCode::Char('a'), || Msg::Act(A::Approve), KeyApprove, true),
    b!(
        BROWSE,
        KeyCode::Char('r'),
        || Msg::Act(A::RequestChanges),
        KeyRequestChanges,
        true
    ),
    b!(BROWSE, KeyCode::Char('x'), || Msg::Act(A::Reject), KeyReject, true),
    b!(BROWSE, KeyCode::Char('p'), || Msg::Act(A::Publish), KeyPublish, true),
    b!(BROWSE, KeyCode::Char('c'), || Msg::Act(A::Comment), KeyComment, true),
    b!(
        BROWSE,
        KeyCode::Char('D'),
        || Msg::Act(A::Discard),
        KeyDiscardDraft,
        true
    ),
    b!(
        &[Mode::Search],
        KeyCode::Backspace,
        || Msg::Backspace,
        KeyBackspace,
        false
    ),
    b!(
        &[Mode::Compose],
        KeyCode::Backspace,
        || Msg::Backspace,
        KeyBackspace,
        false
    ),
    b!(&[Mode::Compose], KeyCode::Enter, || Msg::Confirm, KeySend, true),
    b!(
        &[Mode::Compose],
        KeyCode::Enter,
        KeyModifiers::ALT,
        || Msg::Newline,
        KeyNewline,
        true
    ),
    b!(
        &[Mode::Compose],
        KeyCode::Char('j'),
        KeyModifiers::CONTROL,
        || Msg::Newline,
        KeyNewline,
        false
    ),
    b!(&[Mode::Confirm], KeyCode::Char('y'), || Msg::Confirm, KeyYes, true),
    b!(&[Mode::Confirm], KeyCode::Enter, || Msg::Confirm, KeyYes, false),
    b!(&[Mode::Confirm], KeyCode::Char('n'), || Msg::Back, KeyNo, true),
    b!(ITEM, KeyCode::Char(']'), || Msg::NextParagraph, KeyNextParagraph, true),
    b!(ITEM, KeyCode::Char('['), || Msg::PrevParagraph, KeyPrevParagraph, false),
    b!(ITEM, KeyCode::Char('b'), || Msg::Reply, KeyReply, false),
    b!(ITEM, KeyCode::Char('v'), || Msg::ResolveThread, KeyResolve, false),
    b!(ITEM, KeyCode::Char('d'), || Msg::ToggleDiff, KeyDiff, true),
    b!(ITEM, KeyCode::Char('<'), || Msg::DiffOlder, KeyDiffOlder, false),
    b!(ITEM, KeyCode::Char('>'), || Msg::DiffNewer, KeyDiffNewer, false),
    b!(ITEM, KeyCode::Char('h'), || Msg::ShowHistory, KeyHistory, true),
    b!(&[Mode::History], KeyCode::Up, || Msg::MoveUp, KeyUp, false),
    b!(&[Mode::History], KeyCode::Down, || Msg::MoveDown, KeyDown, false),
    b!(&[Mode::History], KeyCode::Enter, || Msg::Open, KeyOpenVersion, true),
    b!(&[Mode::History], KeyCode::Esc, || Msg::Back, KeyBack, true),
    b!(ITEM, KeyCode::Char('n'), || Msg::NewItem, KeyNew, true),
    b!(BROWSE, KeyCode::Char('e'), || Msg::EditItem, KeyEdit, true),
    b!(
        &[Mode::Editor],
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
        || Msg::Save,
        KeySave,
        true
    ),
    // Reviewers' comments beside the text, hinted only when the item has some (`newcomer.rs`)
    b!(
        &[Mode::Editor],
        KeyCode::Char('t'),
        KeyModifiers::CONTROL,
        || Msg::Newcomer(super::newcomer_model::Action::ToggleThreads),
        KeyThreads,
        true
    ),
    b!(&[Mode::Editor], KeyCode::Esc, || Msg::Back, KeyLeave, true),
    b!(&[Mode::Editor], KeyCode::Tab, || Msg::NextField, KeyNextField, true),
    b!(
        &[Mode::Editor],
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
        || Msg::PrevField,
        KeyPrevField,
        false
    ),
    b!(
        &[Mode::Editor],
        KeyCode::Char('z'),
        KeyModifiers::CONTROL,
        || Msg::Undo,
        KeyUndo,
        false
    ),
    b!(
        &[Mode::Editor],
        KeyCode::Char('y'),
        KeyModifiers::CONTROL,
        || Msg::Redo,
        KeyRedo,
        false
    ),
    b!(
        &[Mode::Editor],
        KeyCode::Char('e'),
        KeyModifiers::CONTROL,
        || Msg::ExternalEdit,
        KeyExternal,
        false
    ),
    b!(&[Mode::Editor], KeyCode::F(1), || Msg::ToggleHelp, KeyHelp, true),
    b!(
        &[Mode::EditorLeave],
        KeyCode::Char('y'),
        || Msg::Save,
        KeySaveLeave,
        true
    ),
    b!(
        &[Mode::EditorLeave],
        KeyCode::Char('n'),
        || Msg::Discard,
        KeyDiscard,
        true
    ),
    b!(
        &[Mode::EditorLeave, Mode::EditorConflict],
        KeyCode::Esc,
        || Msg::Back,
        KeyKeepWriting,
        true
    ),
    b!(
        &[Mode::EditorRestore],
        KeyCode::Char('y'),
        || Msg::Confirm,
        KeyRestore,
        true
    ),
    b!(
        &[Mode::EditorRestore],
        KeyCode::Char('n'),
        || Msg::Discard,
        KeyDiscard,
        true
    ),
    b!(
        &[Mode::EditorConflict],
        KeyCode::Char('1'),
        || Msg::KeepMine,
        KeyKeepMine,
        true
    ),
    b!(
        &[Mode::EditorConflict],
        KeyCode::Char('2'),
        || Msg::TakeTheirs,
        KeyTakeTheirs,
        true
    ),
    b!(
        &[Mode::EditorConflict],
        KeyCode::Char('3'),
        || Msg::MergeByHand,
        KeyMergeByHand,
        true
    ),
    b!(
        LIST,
        KeyCode::Char('E'),
        || Msg::Evaluation(Intent::Open),
        KeyEvaluation,
        true
    ),
    b!(EVAL, KeyCode::Up, || Msg::MoveUp, KeyUp, false),
    b!(EVAL, KeyCode::Down, || Msg::MoveDown, KeyDown, false),
    b!(EVAL, KeyCode::Char('k'), || Msg::MoveUp, KeyUp, false),
    b!(EVAL, KeyCode::Char('j'), || Msg::MoveDown, KeyDown, false),
    b!(EVAL, KeyCode::Home, || Msg::Top, KeyTop, false),
    b!(EVAL, KeyCode::End, || Msg::Bottom, KeyBottom, false),
    b!(
        EVAL,
        KeyCode::Left,
        || Msg::Evaluation(Intent::PrevPeriod),
        KeyPrevPeriod,
        true
    ),
    b!(
        EVAL,
        KeyCode::Right,
        || Msg::Evaluation(Intent::NextPeriod),
        KeyNextPeriod,
        true
    ),
    b!(
        EVAL,
        KeyCode::Char('h'),
        || Msg::Evaluation(Intent::PrevPeriod),
        KeyPrevPeriod,
        false
    ),
    b!(
        EVAL,
        KeyCode::Char('l'),
        || Msg::Evaluation(Intent::NextPeriod),
        KeyNextPeriod,
        false
    ),
    b!(
        &[Mode::Evaluation],
        KeyCode::Char('m'),
        || Msg::Evaluation(Intent::NextMeasure),
        KeyMeasure,
        true
    ),
    b!(&[Mode::Evaluation], KeyCode::Enter, || Msg::Open, KeyDrillDown, true),
    b!(&[Mode::EvaluationItems], KeyCode::Enter, || Msg::Open, KeyOpen, true),
    b!(EVAL, KeyCode::Esc, || Msg::Back, KeyBack, true),
    b!(EVAL, KeyCode::Char('q'), || Msg::Back, KeyBack, false),
    b!(EVAL, KeyCode::Char('?'), || Msg::ToggleHelp, KeyHelp, true),
    b!(
        ANY,
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
        || Msg::Quit,
        KeyQuit,
        false
    ),
    // The "Bagikan" screen, last so that the other keys keep their places in help.
    b!(ITEM, KeyCode::Char('B'), || Msg::OpenShare, KeyShare, true),
    b!(&[Mode::Share], KeyCode::Up, || Msg::MoveUp, KeyShareChannel, false),
    b!(&[Mode::Share], KeyCode::Down, || Msg::MoveDown, KeyShareChannel, true),
    b!(&[Mode::Share], KeyCode::PageDown, || Msg::PageDown, KeyPageDown, true),
    b!(&[Mode::Share], KeyCode::PageUp, || Msg::PageUp, KeyPageUp, false),
    b!(&[Mode::Share], KeyCode::Tab, || Msg::ShareCopy, KeyShareCopy, true),
    b!(&[Mode::Share], KeyCode::Enter, || Msg::Confirm, KeyShareRecord, true),
    b!(
        &[Mode::Share],
        KeyCode::Backspace,
        || Msg::Backspace,
        KeyBackspace,
        false
    ),
    b!(&[Mode::Share], KeyCode::Esc, || Msg::Back, KeyBack, true),
    // The admin screen.
    b!(
        LIST,
        KeyCode::Char('A'),
        || Msg::Admin(AdminIntent::Open),
        KeyAdmin,
        false
    ),
    b!(ADMIN, KeyCode::Up, || Msg::MoveUp, KeyUp, false),
    b!(ADMIN, KeyCode::Down, || Msg::MoveDown, KeyDown, false),
    b!(ADMIN, KeyCode::Char('k'), || Msg::MoveUp, KeyUp, false),
    b!(ADMIN, KeyCode::Char('j'), || Msg::MoveDown, KeyDown, false),
    b!(ADMIN, KeyCode::PageUp, || Msg::PageUp, KeyPageUp, false),
    b!(ADMIN, KeyCode::PageDown, || Msg::PageDown, KeyPageDown, false),
    b!(ADMIN, KeyCode::Home, || Msg::Top, KeyTop, false),
    b!(ADMIN, KeyCode::End, || Msg::Bottom, KeyBottom, false),
    b!(
        ADMIN,
        KeyCode::Char('n'),
        || Msg::Admin(AdminIntent::Add),
        KeyAdminAdd,
        true
    ),
    b!(
        ADMIN,
        KeyCode::Enter,
        || Msg::Admin(AdminIntent::Edit),
        KeyAdminEdit,
        true
    ),
    b!(
        ADMIN,
        KeyCode::Char('e'),
        || Msg::Admin(AdminIntent::Edit),
        KeyAdminEdit,
        false
    ),
    b!(ADMIN, KeyCode::Esc, || Msg::Back, KeyBack, true),
    b!(ADMIN, KeyCode::Char('q'), || Msg::Back, KeyBack, false),
    b!(ADMIN, KeyCode::Char('?'), || Msg::ToggleHelp, KeyHelp, true),
    b!(
        FORM,
        KeyCode::Tab,
        || Msg::Admin(AdminIntent::NextField),
        KeyNextField,
        true
    ),
    b!(
        FORM,
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
        || Msg::Admin(AdminIntent::PrevField),
        KeyPrevField,
        false
    ),
    b!(FORM, KeyCode::Down, || Msg::MoveDown, KeyNextField, false),
    b!(FORM, KeyCode::Up, || Msg::MoveUp, KeyPrevField, false),
    b!(FORM, KeyCode::Enter, || Msg::Confirm, KeyAdminSave, true),
    b!(
        FORM,
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
        || Msg::Save,
        KeyAdminSave,
        false
    ),
    b!(FORM, KeyCode::Backspace, || Msg::Backspace, KeyBackspace, false),
    b!(
        FORM,
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
        || Msg::Admin(AdminIntent::ClearField),
        KeyAdminClear,
        false
    ),
    b!(FORM, KeyCode::Esc, || Msg::Back, KeyAdminCancel, true),
    b!(FORM, KeyCode::F(1), || Msg::ToggleHelp, KeyHelp, false),
    // After publication: correct, take down, restore, and the published versions.
    b!(ITEM, KeyCode::Char('R'), || Msg::Act(A::Correct), KeyCorrect, true),
    b!(ITEM, KeyCode::Char('T'), || Msg::Act(A::Takedown), KeyTakedown, true),
    b!(ITEM, KeyCode::Char('U'), || Msg::Act(A::Restore), KeyRestore2, true),
    b!(ITEM, KeyCode::Char('V'), || Msg::OpenPublished, KeyVersions, true),
    b!(&[Mode::Published], KeyCode::Up, || Msg::MoveUp, KeyVersionPick, false),
    b!(
        &[Mode::Published],
        KeyCode::Down,
        || Msg::MoveDown,
        KeyVersionPick,
        true
    ),
    b!(
        &[Mode::Published],
        KeyCode::PageDown,
        || Msg::PageDown,
        KeyPageDown,
        true
    ),
    b!(&[Mode::Published], KeyCode::PageUp, || Msg::PageUp, KeyPageUp, false),
    b!(&[Mode::Published], KeyCode::Esc, || Msg::Back, KeyBack, true),
    b!(&[Mode::Published], KeyCode::Char('q'), || Msg::Back, KeyBack, false),
    // Spelling
    b!(
        &[Mode::Editor, Mode::Spelling],
        KeyCode::F(7),
        || Msg::Spelling(SpellMsg::Next),
        KeySpellNext,
        true
    ),
    b!(
        &[Mode::Spelling],
        KeyCode::Up,
        || Msg::Spelling(SpellMsg::Up),
        KeyUp,
        false
    ),
    b!(
        &[Mode::Spelling],
        KeyCode::Down,
        || Msg::Spelling(SpellMsg::Down),
        KeyDown,
        false
    ),
    b!(
        &[Mode::Spelling],
        KeyCode::Enter,
        || Msg::Spelling(SpellMsg::Choose),
        KeySpellChoose,
        true
    ),
    b!(
        &[Mode::Spelling],
        KeyCode::Char('p'),
        || Msg::Spelling(SpellMsg::AddMine),
        KeySpellAddMine,
        true
    ),
    // Not in the status bar: only approvers and admins may; the popup lists it for them.
    b!(
        &[Mode::Spelling],
        KeyCode::Char('r'),
        || Msg::Spelling(SpellMsg::AddNewsroom),
        KeySpellAddNewsroom,
        false
    ),
    b!(
        &[Mode::Spelling],
        KeyCode::Esc,
        || Msg::Spelling(SpellMsg::Close),
        KeyBack,
        true
    ),
    // Filter pickers and the editor's threads (`newcomer.rs`)
    b!(&[Mode::Picker], KeyCode::Up, || Msg::MoveUp, KeyUp, false),
    b!(&[Mode::Picker], KeyCode::Down, || Msg::MoveDown, KeyPickMove, true),
    b!(&[Mode::Picker], KeyCode::Enter, || Msg::Open, KeyPickApply, true),
    b!(
        &[Mode::Picker],
        KeyCode::Backspace,
        || Msg::Backspace,
        KeyBackspace,
        false
    ),
    b!(&[Mode::Picker], KeyCode::Esc, || Msg::Back, KeyCancel, true),
    // Photos
    b!(
        &[Mode::Item],
        KeyCode::Char('f'),
        || Msg::NextPhoto,
        KeyNextPhoto,
        false
    ),
];
const ADMIN: &[Mode] = &[Mode::Admin];
const FORM: &[Mode] = &[Mode::AdminForm];

fn same_key(b: &Binding, key: &KeyEvent) -> bool {
    let mods = if matches!(key.code, KeyCode::Char(_)) {
        key.modifiers - KeyModifiers::SHIFT
    } else {
        key.modifiers
    };
    b.code == key.code && b.mods == mods
}

/// The message for a key in a mode: a binding, or typed text where the mode takes text.
#[must_use]
pub fn lookup(mode: Mode, key: &KeyEvent) -> Option<Msg> {
    if let Some(b) = BINDINGS.iter().find(|b| b.modes.contains(&mode) && same_key(b, key)) {
        return Some((b.msg)());
    }
    match (mode, key.code) {
        (Mode::Search | Mode::Compose | Mode::Share | Mode::AdminForm | Mode::Picker, KeyCode::Char(c))
            if !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Msg::Input(c))
        }
        (Mode::Editor, _) => Some(Msg::EditorKey(*key)),
        _ => None,
    }
}

/// The bindings of a mode, for help and hints.
pub fn for_mode(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.modes.contains(&mode))
}

/// A key's label for help and hints.
#[must_use]
pub fn label(b: &Binding) -> String {
    let key = match b.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if b.code == KeyCode::BackTab {
        key
    } else if b.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", key.to_uppercase())
    } else if b.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{key}")
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let clash = a.modes.iter().any(|m| b.modes.contains(m)) && a.code == b.code && a.mods == b.mods;
                assert!(!clash, "{} bound twice", label(a));
            }
        }
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let every = [
            Mode::Login,
            Mode::List,
            Mode::Search,
            Mode::Item,
            Mode::Help,
            Mode::History,
            Mode::Confirm,
            Mode::Compose,
            Mode::Editor,
            Mode::EditorLeave,
            Mode::EditorRestore,
            Mode::EditorConflict,
            Mode::Evaluation,
            Mode::EvaluationItems,
            Mode::Share,
            Mode::Admin,
            Mode::AdminForm,
            Mode::Published,
            Mode::Spelling,
            Mode::Picker,
        ];
        for m in every {
            assert!(matches!(lookup(m, &ctrl_c), Some(Msg::Quit)), "{m:?}");
        }
    }

    #[test]
    fn design_keys_work() {
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert!(matches!(lookup(Mode::List, &key('q')), Some(Msg::Quit)));
        assert!(matches!(lookup(Mode::Item, &key('q')), Some(Msg::Back)));
        assert!(matches!(lookup(Mode::Item, &key('a')), Some(Msg::Act(A::Approve))));
        assert!(matches!(lookup(Mode::Search, &key('q')), Some(Msg::Input('q'))));
        assert!(matches!(lookup(Mode::Compose, &key('a')), Some(Msg::Input('a'))));
        let upper = KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT);
        assert!(matches!(lookup(Mode::List, &upper), Some(Msg::CycleStatus)));
    }
}
