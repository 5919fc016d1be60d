//! `update` for the editor: opening, saving, autosave journals, restore offers,
//! conflicts and leaving.

use super::editor::{Conflict, Editor, FieldError};
use super::msg::{Effect, Msg};
use super::state::{Screen, Severity, State};
use crate::domain::item::{FrontMatter, Item};
use crate::domain::review::{ActionKind, Status};
use crate::domain::workflow::{self, Context, ItemFacts};
use crate::i18n::{self, Key};
use crate::store::Request;
use crate::store::action::{NewItem, rfc3339, template};
use crate::store::journal::Journal;

fn error(state: &mut State, text: String) {
    state.status = Some((Severity::Error, text));
}

fn info(state: &mut State, key: Key) {
    state.status = Some((Severity::Info, key.text(state.lang).to_string()));
}

/// Tags from the vocabulary and from the items the person may see, for completion.
fn known_tags(state: &State) -> Vec<String> {
    let Some(snap) = &state.snapshot else { return Vec::new() };
    super::tags::tags(snap, state.person())
}

fn check(state: &State, action: ActionKind, facts: &ItemFacts<'_>) -> Result<(), String> {
    let Some(snap) = &state.snapshot else {
        return Err(Key::TuiLoading.text(state.lang).to_string());
    };
    let ctx = Context::new(&snap.config, state.now.to_zoned(snap.config.timezone()).date(), None);
    workflow::check(action, state.person(), facts, &ctx).map_err(|d| i18n::denial(state.lang, &d))
}

/// Tell the editor what day it is in the newsroom, for "hari ini" and "kemarin".
pub fn set_today(state: &mut State) {
    let today = state
        .snapshot
        .as_ref()
        .map(|s| state.now.to_zoned(s.config.timezone()).date());
    if let (Some(ed), Some(today)) = (state.editor.as_mut(), today) {
        ed.today = Some(today);
    }
}

/// Open the editor on a new item, checked against the rules first.
fn open_new(state: &mut State) -> Vec<Effect> {
    let Some(snap) = state.snapshot.clone() else {
        return Vec::new();
    };
    let me = state.me.clone().unwrap_or_default();
    let kecamatan = state.person().and_then(|p| p.kecamatan.clone()).unwrap_or_default();
    let facts = ItemFacts {
        author: &me,
        kecamatan: &kecamatan,
        status: Status::Draft,
        approval_valid: false,
        public: false,
        submitted_once: false,
    };
    if let Err(m) = check(state, ActionKind::Create, &facts) {
        error(state, m);
        return Vec::new();
    }
    let item = Item {
        body: template(&snap.config, &kecamatan),
        front: FrontMatter {
            kecamatan,
            author: me.clone(),
            ..FrontMatter::default()
        },
    };
    let tags = known_tags(state);
    state.editor = Some(Editor::open(None, &item, state.person(), &snap.config, tags));
    set_today(state);
    state.screen = Screen::Editor;
    state.status = None;
    let job = state.jobs.start();
    vec![Effect::LoadJournal {
        person: me,
        slug: String::new(),
        job,
    }]
}

fn open_existing(state: &mut State) -> Vec<Effect> {
    if state.body_pending() {
        return Vec::new();
    }
    let (Some(snap), Some(entry)) = (state.snapshot.clone(), state.current().cloned()) else {
        return Vec::new();
    };
    if let Err(m) = check(state, ActionKind::Edit, &entry.facts()) {
        error(state, m);
        return Vec::new();
    }
    let tags = known_tags(state);
    state.editor = Some(Editor::open(
        Some(entry.slug.clone()),
        &entry.item,
        state.person(),
        &snap.config,
        tags,
    ));
    set_today(state);
    state.item.open = Some(entry.slug.clone());
    state.screen = Screen::Editor;
    state.status = None;
    // Someone else editing the same item now: say so before writing starts.
    let editing: Vec<String> = state
        .others
        .iter()
        // Never oneself: a session of one's own left over is not someone else.
        .filter(|p| p.editing && p.item == entry.slug && Some(&p.person) != state.me.as_ref())
        .map(|p| p.person.clone())
        .collect();
    if !editing.is_empty() {
        state.status = Some((
            Severity::Error,
            i18n::fmt(state.lang, Key::TuiOthersEditing, &[&editing.join(", ")]),
        ));
    }
    let job = state.jobs.start();
    vec![Effect::LoadJournal {
        person: state.me.clone().unwrap_or_default(),
        slug: entry.slug,
        job,
    }]
}

/// The journal of the open editor, with everything typed.
fn journal(state: &State, ed: &Editor) -> Journal {
    let item = ed.item().unwrap_or_else(|FieldError::BadDate(text)| {
        // Keep the date as typed too: nothing typed is lost.
        let mut i = ed.item_without_date();
        i.front
            .extra
            .insert("event_date_typed".into(), toml::Value::String(text));
        i
    });
    let tz = state
        .snapshot
        .as_ref()
        .map_or(jiff::tz::TimeZone::UTC, |s| s.config.timezone());
    Journal {
        slug: ed.slug.clone().unwrap_or_default(),
        person: state.me.clone().unwrap_or_default(),
        saved_at: rfc3339(&state.now.to_zoned(tz)),
        content: item.serialize(),
        base: if ed.slug.is_some() {
            ed.base.serialize()
        } else {
            String::new()
        },
    }
}

fn close(state: &mut State) {
    let slug = state.editor.take().and_then(|e| e.slug);
    state.screen = if slug.is_some() { Screen::Item } else { Screen::List };
    state.item.open = slug;
    // The item may have become hidden while it was being written.
    if state.screen == Screen::Item && state.current().is_none() {
        state.screen = Screen::List;
        state.item.open = None;
    }
}

fn save(state: &mut State) -> Vec<Effect> {
    let lang = state.lang;
    let Some(ed) = state.editor.as_mut() else {
        return Vec::new();
    };
    if ed.saving.is_some() {
        return Vec::new();
    }
    let item = match ed.item() {
        Ok(i) => i,
        Err(FieldError::BadDate(t)) => {
            let m = i18n::fmt(lang, Key::TuiBadDate, &[&t]);
            ed.asking_leave = false;
            error(state, m);
            return Vec::new();
        }
    };
    let Some(actor) = state.me.clone() else {
        error(state, Key::DenyUnknown.text(lang).to_string());
        return Vec::new();
    };
    if ed.slug.is_some() && item == ed.saved {
        if ed.asking_leave {
            close(state);
        }
        info(state, Key::OutNothing);
        return Vec::new();
    }
    let request = match &ed.slug {
        None => Request::Create(NewItem {
            title: item.front.title.clone(),
            kecamatan: Some(item.front.kecamatan.clone()).filter(|k| !k.is_empty()),
            tags: item.front.tags.clone(),
            body: Some(item.body.clone()),
            location: item.front.location.clone(),
            photos: item.front.photos.clone(),
            event_date: item.front.event_date,
        }),
        Some(slug) => Request::Edit {
            slug: slug.clone(),
            base: Box::new(ed.base.clone()),
            new: Box::new(item.clone()),
        },
    };
    ed.saving = Some(item);
    let job = state.jobs.start();
    info(state, Key::TuiSaving);
    vec![Effect::Apply {
        actor,
        request: Box::new(request),
        job,
    }]
}

/// Handle the editor's messages.
pub fn handle(state: &mut State, msg: Msg) -> Vec<Effect> {
    let lang = state.lang;
    match msg {
        Msg::NewItem => return open_new(state),
        Msg::EditItem => return open_existing(state),
        Msg::Save => return save(state),
        Msg::AutosaveDue | Msg::Hangup => {
            let Some(ed) = state.editor.as_ref() else {
                return Vec::new();
            };
            if ed.journal_pending || (matches!(msg, Msg::Hangup) && ed.dirty()) {
                let j = journal(state, ed);
                if let Some(ed) = state.editor.as_mut() {
                    ed.journal_pending = false;
                }
                return vec![Effect::WriteJournal(Box::new(j))];
            }
        }
        Msg::JournalFound(Some(j)) => {
            if state.editor.is_none() && j.slug.is_empty() {
                if state.snapshot.is_none() {
                    state.pending_offer = Some(j);
                    return Vec::new();
                }
                let effects = open_new(state);
                drop(effects);
            }
            if let Some(ed) = state.editor.as_mut() {
                let same = ed.slug.clone().unwrap_or_default() == j.slug;
                let differs = ed.item().map(|i| i.serialize()).ok().as_ref() != Some(&j.content);
                if same && differs {
                    ed.offer = Some(j);
                }
            }
        }
        Msg::Discard => {
            let person = state.me.clone().unwrap_or_default();
            let Some(ed) = state.editor.as_mut() else {
                return Vec::new();
            };
            let slug = ed.slug.clone().unwrap_or_default();
            if let Some(j) = ed.offer.take() {
                return vec![Effect::DropJournal { person, slug: j.slug }];
            }
            close(state);
            return vec![Effect::DropJournal { person, slug }];
        }
        Msg::KeepMine | Msg::TakeTheirs | Msg::MergeByHand => {
            let Some(ed) = state.editor.as_mut() else {
                return Vec::new();
            };
            let Some(c) = ed.conflict.take() else { return Vec::new() };
            match msg {
                Msg::KeepMine => {
                    // Ours is saved over theirs with the next Ctrl-S.
                    ed.base = c.theirs;
                    info(state, Key::TuiKeepMine);
                }
                Msg::TakeTheirs => {
                    ed.load(&c.theirs);
                    ed.base = c.theirs.clone();
                    ed.saved = c.theirs;
                    info(state, Key::TuiTookTheirs);
                }
                _ => {
                    let marked = c.marked_body(lang);
                    ed.base = c.theirs;
                    ed.set_body(&marked);
                    info(state, Key::TuiMergeByHand);
                }
            }
        }
        Msg::SaveConflict { ours, theirs, marked } => {
            if let Some(ed) = state.editor.as_mut() {
                ed.saving = None;
                let parse = |t: &str| Item::parse(t.as_bytes()).unwrap_or_default();
                ed.conflict = Some(Conflict {
                    ours: parse(&ours),
                    theirs: parse(&theirs),
                    marked,
                });
                ed.asking_leave = false;
            }
            error(state, Key::TuiConflict.text(lang).to_string());
        }
        Msg::ExternalEdit => {
            if state.restricted {
                error(state, Key::TuiNoExternal.text(lang).to_string());
            } else if let Some(ed) = &state.editor {
                return vec![Effect::ExternalEditor { body: ed.body_text() }];
            }
        }
        Msg::ExternalEdited(text) => {
            if let Some(ed) = state.editor.as_mut() {
                ed.set_body(&text);
            }
        }
        Msg::NextField | Msg::PrevField => {
            if let Some(ed) = state.editor.as_mut() {
                ed.next_field(matches!(msg, Msg::NextField));
            }
        }
        Msg::Undo => state.editor.iter_mut().for_each(Editor::undo),
        Msg::Redo => state.editor.iter_mut().for_each(Editor::redo),
        Msg::EditorKey(k) => {
            if let Some(ed) = state.editor.as_mut() {
                // The kecamatan is chosen, not typed: a letter typed there would vanish
                // without a word, so say how it is chosen.
                let typed_on_choice = ed.field == super::editor::Field::Kecamatan
                    && matches!(k.code, super::key::KeyCode::Char(_))
                    && !k.modifiers.contains(super::key::KeyModifiers::CONTROL);
                ed.key(&k);
                if typed_on_choice {
                    state.status = Some((Severity::Info, Key::TuiHintKecamatan.text(state.lang).to_string()));
                }
            }
        }
        _ => {}
    }
    Vec::new()
}

/// `Back` in the editor: leave, asking first when something is unsaved.
pub fn back(state: &mut State) -> Vec<Effect> {
    let person = state.me.clone().unwrap_or_default();
    let Some(ed) = state.editor.as_mut() else {
        return Vec::new();
    };
    if ed.conflict.is_some() {
        // Keep writing; the conflict comes back with the next save.
        ed.conflict = None;
        return Vec::new();
    }
    if ed.asking_leave {
        ed.asking_leave = false;
        return Vec::new();
    }
    if ed.dirty() || ed.saving.is_some() {
        ed.asking_leave = true;
        return Vec::new();
    }
    let slug = ed.slug.clone().unwrap_or_default();
    close(state);
    vec![Effect::DropJournal { person, slug }]
}

/// `Confirm` in the editor: restore the offered journal.
pub fn restore(state: &mut State) {
    let Some(ed) = state.editor.as_mut() else { return };
    let Some(j) = ed.offer.take() else { return };
    if let Ok(item) = Item::parse(j.content.as_bytes()) {
        ed.load(&item);
        if let Ok(base) = Item::parse(j.base.as_bytes()) {
            ed.base = base;
        }
        ed.journal_pending = true;
    }
}

/// A save was applied: the editor's content is now the committed one.
pub fn saved(state: &mut State, done: &crate::store::Done) -> Vec<Effect> {
    let person = state.me.clone().unwrap_or_default();
    let seen = state.snapshot.as_ref().map(|s| s.commit);
    let Some(ed) = state.editor.as_mut() else {
        return Vec::new();
    };
    let Some(item) = ed.saving.take() else {
        return Vec::new();
    };
    let journal_slug = ed.slug.clone().unwrap_or_default();
    ed.slug = Some(done.slug.clone());
    ed.base = item.clone();
    ed.saved = item;
    ed.reload_after_save = done.merged;
    ed.saved_during = seen;
    state.item.open = Some(done.slug.clone());
    let key = if done.merged {
        Key::TuiSavedMerged
    } else {
        Key::TuiSaved
    };
    info(state, key);
    if state.editor.as_ref().is_some_and(|e| e.asking_leave) {
        close(state);
    }
    vec![Effect::DropJournal {
        person,
        slug: journal_slug,
    }]
}

/// A save was refused: keep everything, say why.
pub fn refused(state: &mut State) {
    if let Some(ed) = state.editor.as_mut() {
        ed.saving = None;
        ed.asking_leave = false;
    }
}

/// After a merged save, take the merged content once it is loaded.
pub fn loaded(state: &mut State) {
    let Some(snap) = state.snapshot.clone() else { return };
    if let Some(j) = state.pending_offer.take() {
        let _ = open_new(state);
        if let Some(ed) = state.editor.as_mut() {
            ed.offer = Some(j);
        }
    }
    let Some(ed) = state.editor.as_mut() else { return };
    if !ed.reload_after_save {
        return;
    }
    // A lean entry's body is on its way (`bodies.rs`): the merged content is taken
    // when it is here, never an empty text in its place; and never from the snapshot
    // the save came back to, which is older than the save.
    if ed.slug.as_deref().and_then(|s| snap.item(s)).is_some_and(|e| e.lean) || ed.saved_during == Some(snap.commit) {
        return;
    }
    ed.reload_after_save = false;
    let me = state.me.as_deref().and_then(|id| snap.config.person(id));
    // The merged content is taken only while the person may still see the item.
    let Some(entry) = ed
        .slug
        .as_deref()
        .and_then(|s| snap.item(s))
        .filter(|e| workflow::can_see(me, &e.facts()))
    else {
        return;
    };
    let untouched = ed.item().is_ok_and(|i| i == ed.saved);
    ed.base = entry.item.clone();
    if untouched {
        ed.load(&entry.item);
        ed.saved = entry.item.clone();
    }
}
