//! `update`: the only code that changes the application state.

use super::msg::{Effect, Msg};
use super::rows::rebuild;
use super::state::{Popup, Screen, Severity, State};
use super::update_editor;
use super::update_review;
use super::visible;
use crate::domain::review::{ActionKind, Status};
use crate::i18n::{self, Key};
use crate::query::Queue;
use crate::store::Request;

/// Lines the item view scrolls per page.
fn page(state: &State) -> u16 {
    state.size.1.saturating_sub(6).max(1)
}

/// Messages in the order they came, with each run of typed characters joined into one
/// paste: a burst of keys typed into the search (a slow link delivers them together)
/// is then searched once instead of once per key. Only for the search line, where a
/// typed character and a pasted one do the same.
#[must_use]
pub fn typed_together(msgs: Vec<Msg>) -> Vec<Msg> {
    let mut out: Vec<Msg> = Vec::with_capacity(msgs.len());
    for msg in msgs {
        match (out.last_mut(), msg) {
            (Some(Msg::Paste(text)), Msg::Input(c)) => text.push(c),
            (Some(Msg::Paste(text)), Msg::Paste(more)) => text.push_str(&more),
            (_, Msg::Input(c)) => out.push(Msg::Paste(c.to_string())),
            (_, other) => out.push(other),
        }
    }
    out
}

/// Apply one message; returns what the loop must do.
pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    // Spelling and photos take their own messages first; after any message, spelling
    // looks at what is on screen and photos ask for the preview the screen shows.
    let mut out = match msg {
        Msg::Spelling(m) if state.ended.is_none() => super::spelling::update(state, m),
        msg => match super::photos::update(state, msg).or_else(|msg| super::bodies::update(state, msg)) {
            Ok(effects) => effects,
            Err(msg) => update_screens(state, msg),
        },
    };
    if state.ended.is_none() {
        out.extend(super::spelling::after(state));
    }
    out.extend(super::photos::wanted(state));
    out.extend(super::bodies::wanted(state));
    out
}

fn update_screens(state: &mut State, msg: Msg) -> Vec<Effect> {
    if state.ended.is_some() {
        // Nothing of the newsroom comes back after the end.
        visible::after_end(state, msg);
        return Vec::new();
    }
    if matches!(
        msg,
        Msg::MoveUp | Msg::MoveDown | Msg::PageUp | Msg::PageDown | Msg::Top | Msg::Bottom | Msg::Open | Msg::NextQueue
    ) && state.popup.is_none()
    {
        // A message was about what was on screen; moving on, it would describe another item.
        state.status = None;
    }
    // An item whose body is still being read takes no action yet (it would act on an
    // empty text); moving and leaving go on.
    if state.screen == Screen::Item
        && state.popup.is_none()
        && state.share.is_none()
        && state.published.is_none()
        && from_person(&msg)
        && !matches!(
            msg,
            Msg::Back
                | Msg::Quit
                | Msg::ToggleHelp
                | Msg::MoveUp
                | Msg::MoveDown
                | Msg::PageUp
                | Msg::PageDown
                | Msg::Top
                | Msg::Bottom
        )
        && state.body_pending()
    {
        return Vec::new();
    }
    if matches!(msg, Msg::Back) && state.popup.is_none() {
        // Leaving a screen (the editor, an item, Bagikan): its message stays behind with it.
        state.status = None;
    }
    if matches!(state.popup, Some(Popup::Notices(_))) && from_person(&msg) {
        state.popup = None;
        if matches!(msg, Msg::Back | Msg::ToggleHelp) {
            return Vec::new();
        }
    }
    let msg = match super::admin::update(state, msg) {
        Ok(effects) => return effects,
        Err(msg) => msg,
    };
    let msg = match super::evaluation::update(state, msg) {
        Ok(effects) => return effects,
        Err(msg) => msg,
    };
    let msg = match super::sync::update(state, msg, update) {
        Ok(effects) => return effects,
        Err(msg) => msg,
    };
    if let Some(effects) = super::share::update(state, &msg) {
        return effects;
    }
    if let Some(effects) = super::published::update(state, &msg) {
        return effects;
    }
    if let Some(effects) = super::newcomer::update(state, &msg, update) {
        return effects;
    }
    match msg {
        Msg::OpenShare => super::share::open(state),
        Msg::OpenPublished => return super::published::open(state),
        Msg::AfterPublish(Some(failure)) => state.status = Some((Severity::Error, failure)),
        Msg::Resize(w, h) => state.size = (w, h),
        Msg::Tick(now) => {
            state.now = now;
            update_editor::set_today(state);
            state.frame = state.frame.wrapping_add(1);
            // An account can run out while the session is open, with no commit at all.
            if let Some(reason) = state.snapshot.clone().and_then(|s| visible::refusal(state, &s)) {
                return visible::end(state, reason);
            }
        }
        // A first glance never replaces the whole newsroom.
        Msg::Loaded(snap) if snap.partial && state.snapshot.as_ref().is_some_and(|s| !s.partial) => {}
        Msg::Loaded(snap) => {
            // The person is checked against each newsroom before anything of it is kept.
            if let Some(reason) = visible::refusal(state, &snap) {
                return visible::end(state, reason);
            }
            // A text under correction reaches only those who may see it unpublished.
            let who = state.me.as_deref().and_then(|id| snap.config.person(id));
            let snap = snap.as_seen_by(who).map_or(snap, std::sync::Arc::new);
            state.snapshot = Some(snap);
            super::bodies::keep_whole(state);
            rebuild(state);
            update_editor::loaded(state);
            super::notices::notices(state);
            if state.screen == Screen::Item && state.current().is_none() {
                // Gone, or no longer visible (moved to another kecamatan, roles changed).
                let hidden = state
                    .snapshot
                    .as_ref()
                    .zip(state.item.open.as_deref())
                    .is_some_and(|(s, o)| s.item(o).is_some());
                state.screen = Screen::List;
                state.item.open = None;
                state.popup = None;
                state.item.versions = None;
                update_review::reset(state);
                if hidden {
                    state.status = Some((Severity::Error, Key::TuiNoLongerVisible.text(state.lang).to_string()));
                }
            }
            // The item may have changed under an open diff: compare the new pair.
            return update_review::need_diff(state);
        }
        Msg::Finished(job) => state.jobs.finish(job),
        Msg::Applied(done) if state.editor.as_ref().is_some_and(|e| e.saving.is_some()) => {
            return update_editor::saved(state, &done);
        }
        Msg::Applied(done) => {
            let text = match done.commit {
                Some(_) => i18n::done(state.lang, done.action).to_string(),
                None => Key::OutNothing.text(state.lang).to_string(),
            };
            state.status = Some((Severity::Info, text));
            // A discarded draft is gone from every list: its page has nothing left to do.
            if done.action == ActionKind::Discard && state.screen == Screen::Item {
                state.screen = Screen::List;
                state.item.open = None;
                state.popup = None;
                state.item.versions = None;
                update_review::reset(state);
            }
        }
        Msg::Refused(m) | Msg::LoadFailed(m) => {
            update_editor::refused(state);
            state.status = Some((Severity::Error, m));
        }
        Msg::Quit => {
            state.quit = true;
            // Whatever is typed goes to the journal before warta ends.
            return update_editor::handle(state, Msg::Hangup);
        }
        Msg::Back if state.screen == Screen::Editor && state.popup.is_none() => return update_editor::back(state),
        Msg::Confirm if state.mode() == super::keymap::Mode::EditorRestore => update_editor::restore(state),
        Msg::Paste(text) if state.screen == Screen::Editor && state.popup.is_none() => {
            if let Some(ed) = state.editor.as_mut() {
                ed.paste(&text);
            }
        }
        Msg::Others(others) => state.others = others,
        Msg::LastSeen(at) => {
            state.last_seen = at;
            super::notices::notices(state);
        }
        Msg::NextParagraph
        | Msg::PrevParagraph
        | Msg::Reply
        | Msg::ResolveThread
        | Msg::ToggleDiff
        | Msg::DiffOlder
        | Msg::DiffNewer
        | Msg::ShowHistory
        | Msg::VersionsLoaded { .. }
        | Msg::DiffReady { .. } => return update_review::handle(state, msg),
        Msg::NewItem
        | Msg::EditItem
        | Msg::Save
        | Msg::NextField
        | Msg::PrevField
        | Msg::Undo
        | Msg::Redo
        | Msg::ExternalEdit
        | Msg::EditorKey(_)
        | Msg::AutosaveDue
        | Msg::Hangup
        | Msg::JournalFound(_)
        | Msg::ExternalEdited(_)
        | Msg::SaveConflict { .. }
        | Msg::Discard
        | Msg::KeepMine
        | Msg::TakeTheirs
        | Msg::MergeByHand => return update_editor::handle(state, msg),
        Msg::ToggleHelp => {
            state.help_scroll = 0;
            state.popup = if state.popup == Some(Popup::Help) {
                None
            } else {
                Some(Popup::Help)
            };
        }
        // Handled by `evaluation::update` and `share::update` above; here only when their
        // screens are not open.
        // The sync's messages are handled by `sync::update` above, the bodies' by
        // `bodies::update` before this.
        Msg::Evaluation(_)
        | Msg::WholeRead { .. }
        | Msg::BodiesFound(_)
        | Msg::NoticesFound(_)
        | Msg::Evaluated(_)
        | Msg::ShareCopy
        | Msg::AfterPublish(None)
        | Msg::Sync
        | Msg::SyncPending(_)
        | Msg::Synced { .. }
        | Msg::Admin(_)
        | Msg::Spelling(_)
        | Msg::Newcomer(_)
        | Msg::PreviewReady { .. }
        | Msg::NextPhoto => {}
        Msg::Back => back(state),
        Msg::MoveUp | Msg::MoveDown | Msg::PageUp | Msg::PageDown | Msg::Top | Msg::Bottom => movement(state, &msg),
        Msg::Open => return open(state),
        Msg::StartSearch => {
            state.list.searching = true;
            state.status = None;
        }
        Msg::NextQueue => {
            state.list.queue = state.list.queue.next();
            state.list.selected = 0;
            rebuild(state);
        }
        Msg::CycleStatus => {
            let all = Status::ALL;
            state.list.filters.status = match state.list.filters.status {
                None => Some(all[0]),
                Some(s) => all.iter().position(|x| *x == s).and_then(|i| all.get(i + 1)).copied(),
            };
            rebuild(state);
        }
        Msg::CycleKecamatan => {
            let ids: Vec<String> = state
                .snapshot
                .as_ref()
                .map(|s| s.config.kecamatan.iter().map(|k| k.id.clone()).collect())
                .unwrap_or_default();
            state.list.filters.kecamatan = cycle(&ids, state.list.filters.kecamatan.as_ref());
            rebuild(state);
        }
        Msg::CycleTag => {
            let tags = state
                .snapshot
                .as_ref()
                .map(|s| visible::tags(s, state.person()))
                .unwrap_or_default();
            state.list.filters.tag = cycle(&tags, state.list.filters.tag.as_ref());
            rebuild(state);
        }
        Msg::ClearFilters => {
            state.list.filters = crate::query::Filters::default();
            state.list.search.clear();
            rebuild(state);
        }
        Msg::Act(action) => return act(state, action),
        Msg::Confirm => return confirm(state),
        Msg::Input(c) => input(state, &c.to_string()),
        Msg::Paste(text) => input(state, &text),
        Msg::Newline => input(state, "\n"),
        Msg::Backspace => {
            if let Some(Popup::Compose { text, .. }) = &mut state.popup {
                text.pop();
            } else if state.list.searching {
                state.list.search.pop();
                rebuild(state);
                state.list.selected = 0;
            }
        }
    }
    Vec::new()
}

fn cycle(values: &[String], current: Option<&String>) -> Option<String> {
    match current {
        None => values.first().cloned(),
        Some(c) => values
            .iter()
            .position(|v| v == c)
            .and_then(|i| values.get(i + 1))
            .cloned(),
    }
}

fn back(state: &mut State) {
    // Esc closes the popup alone (the screen under it stays).
    match state.popup.take() {
        Some(Popup::Compose { action, text, .. }) => {
            // Nothing typed is lost: the text comes back when the same popup opens again.
            if !text.trim().is_empty() {
                state.stash = Some((action, text));
            }
            return;
        }
        Some(_) => return,
        None => {}
    }
    match state.screen {
        Screen::Item if state.item.version_view.is_some() => state.item.version_view = None,
        Screen::Item => {
            state.screen = Screen::List;
            state.item.open = None;
            update_review::reset(state);
        }
        Screen::List if state.list.searching || !state.list.search.is_empty() => {
            state.list.searching = false;
            state.list.search.clear();
            rebuild(state);
        }
        _ => {}
    }
}

fn movement(state: &mut State, msg: &Msg) {
    if matches!(state.popup, Some(Popup::Help)) {
        state.help_scroll = match msg {
            Msg::MoveUp => state.help_scroll.saturating_sub(1),
            Msg::MoveDown => state.help_scroll.saturating_add(1),
            Msg::PageUp | Msg::Top => state.help_scroll.saturating_sub(10),
            _ => state.help_scroll.saturating_add(10),
        };
        return;
    }
    // While the log is on its way (a lean entry) the selection stays where it is.
    let lean = state.current_is_lean();
    if let Some(Popup::History { selected }) = &mut state.popup {
        if lean {
            return;
        }
        let last = state
            .snapshot
            .as_ref()
            .zip(state.item.open.as_ref())
            .and_then(|(s, o)| s.item(o))
            .map_or(0, |e| e.review.events.len().saturating_sub(1));
        *selected = match msg {
            Msg::MoveUp => selected.saturating_sub(1),
            _ => (*selected + 1).min(last),
        };
        return;
    }
    match state.screen {
        Screen::Editor | Screen::Evaluation | Screen::Admin => {}
        Screen::Login => {
            let n = state.login.choices.len();
            match msg {
                Msg::MoveUp => state.login.selected = state.login.selected.saturating_sub(1),
                Msg::MoveDown => state.login.selected = (state.login.selected + 1).min(n.saturating_sub(1)),
                _ => {}
            }
        }
        Screen::List => {
            let last = state.list.rows.len().saturating_sub(1);
            let page = usize::from(page(state));
            state.list.selected = match msg {
                Msg::MoveUp => state.list.selected.saturating_sub(1),
                Msg::MoveDown => (state.list.selected + 1).min(last),
                Msg::PageUp => state.list.selected.saturating_sub(page),
                Msg::PageDown => (state.list.selected + page).min(last),
                Msg::Top => 0,
                _ => last,
            };
        }
        Screen::Item => {
            let page = page(state);
            state.item.follow_paragraph = false;
            state.item.scroll = match msg {
                Msg::MoveUp => state.item.scroll.saturating_sub(1),
                Msg::MoveDown => state.item.scroll.saturating_add(1),
                Msg::PageUp => state.item.scroll.saturating_sub(page),
                Msg::PageDown => state.item.scroll.saturating_add(page),
                Msg::Top => 0,
                _ => u16::MAX,
            };
        }
    }
}

fn open(state: &mut State) -> Vec<Effect> {
    if let Some(Popup::History { selected }) = state.popup {
        state.popup = None;
        state.item.diff_base = None;
        state.item.version_view = Some(selected);
        return Vec::new();
    }
    match state.screen {
        Screen::Login => {
            state.me = state.login.choices.get(state.login.selected).cloned();
            state.login.choices.clear();
            if let Some(reason) = state.snapshot.clone().and_then(|s| visible::refusal(state, &s)) {
                return visible::end(state, reason);
            }
            state.screen = Screen::List;
            state.list.queue = Queue::Mine;
            rebuild(state);
            // An article left unsaved last time is offered again.
            if let Some(person) = state.me.clone() {
                return greet(state, person);
            }
        }
        Screen::List if state.list.searching => state.list.searching = false,
        Screen::List => {
            if let Some(slug) = state.current().map(|e| e.slug.clone()) {
                state.item.open = Some(slug);
                state.screen = Screen::Item;
                state.item.scroll = 0;
                update_review::reset(state);
            }
        }
        Screen::Item | Screen::Editor | Screen::Evaluation | Screen::Admin => {}
    }
    Vec::new()
}

fn act(state: &mut State, action: ActionKind) -> Vec<Effect> {
    let Some(seen) = state.current().map(|e| e.content.clone()) else {
        return Vec::new();
    };
    // Refused before anything is typed for it.
    if let Err(why) = state.may(action) {
        state.status = Some((Severity::Error, why));
        return Vec::new();
    }
    // The last action's message is done with; it must not sit under the new question.
    state.status = None;
    // What the person has on screen now is what they decide on, however long the popup stays.
    state.item.deciding_on = Some(seen);
    if let Some(popup) = super::published::popup(state, action) {
        state.popup = Some(popup);
        return Vec::new();
    }
    state.popup = Some(match action {
        ActionKind::RequestChanges | ActionKind::Reject | ActionKind::Comment | ActionKind::Approve => {
            let text = match state.stash.take() {
                Some((a, t)) if a == action => t,
                other => {
                    state.stash = other;
                    String::new()
                }
            };
            Popup::Compose {
                action,
                text,
                required: action != ActionKind::Approve,
            }
        }
        // Hard to undo, so asked first. Submitting also shows whether open threads were
        // addressed and what the checklist flags.
        ActionKind::Publish | ActionKind::Withdraw | ActionKind::Submit | ActionKind::Discard => Popup::Confirm(action),
        _ => return request(state, action, None),
    });
    Vec::new()
}

fn confirm(state: &mut State) -> Vec<Effect> {
    match state.popup.take() {
        Some(Popup::Confirm(action)) => request(state, action, None),
        Some(Popup::Compose { action, text, required }) => {
            if required && text.trim().is_empty() {
                state.status = Some((
                    Severity::Error,
                    i18n::fmt(
                        state.lang,
                        Key::TuiPopupMessageMissing,
                        &[&i18n::action(state.lang, action)],
                    ),
                ));
                state.popup = Some(Popup::Compose { action, text, required });
                return Vec::new();
            }
            let message = (!text.trim().is_empty()).then_some(text);
            request(state, action, message)
        }
        other => {
            state.popup = other;
            Vec::new()
        }
    }
}

/// Build the effect that applies an action to the current item.
fn request(state: &mut State, action: ActionKind, message: Option<String>) -> Vec<Effect> {
    let Some(slug) = state.current().map(|e| e.slug.clone()) else {
        return Vec::new();
    };
    let Some(actor) = state.me.clone() else {
        state.status = Some((Severity::Error, Key::DenyUnknown.text(state.lang).to_string()));
        return Vec::new();
    };
    let paragraph = (state.screen == Screen::Item && state.item.paragraph > 0)
        .then(|| u32::try_from(state.item.paragraph).unwrap_or(u32::MAX));
    let request = match action {
        ActionKind::Comment => Request::Comment {
            slug,
            paragraph,
            text: message.unwrap_or_default(),
        },
        ActionKind::Reply => Request::Reply {
            slug,
            thread: state.item.reply_to.unwrap_or_default(),
            text: message.unwrap_or_default(),
        },
        _ => Request::Transition {
            slug,
            action,
            message,
            seen: state.item.deciding_on.take(),
        },
    };
    let job = state.jobs.start();
    state.status = Some((
        Severity::Info,
        i18n::fmt(state.lang, Key::TuiWorking, &[&i18n::action(state.lang, action)]),
    ));
    vec![Effect::Apply {
        actor,
        request: Box::new(request),
        job,
    }]
}

fn input(state: &mut State, text: &str) {
    if let Some(Popup::Compose { text: t, .. }) = &mut state.popup {
        t.push_str(text);
    } else if state.list.searching {
        // A search is one line.
        state.list.search.push_str(&text.replace(['\n', '\r'], " "));
        rebuild(state);
        state.list.selected = 0;
    }
}

/// Whether a message comes from the person (a key, a paste) rather than from the
/// runtime, the worker or the clock.
fn from_person(msg: &Msg) -> bool {
    !matches!(
        msg,
        Msg::Resize(..)
            | Msg::Tick(_)
            | Msg::Loaded(_)
            | Msg::LoadFailed(_)
            | Msg::Applied(_)
            | Msg::Refused(_)
            | Msg::Others(_)
            | Msg::LastSeen(_)
            | Msg::VersionsLoaded { .. }
            | Msg::DiffReady { .. }
            | Msg::Finished(_)
            | Msg::AutosaveDue
            | Msg::Hangup
            | Msg::JournalFound(_)
            | Msg::ExternalEdited(_)
            | Msg::SaveConflict { .. }
            | Msg::Evaluated(_)
            | Msg::PreviewReady { .. }
            | Msg::AfterPublish(_)
            | Msg::SyncPending(_)
            | Msg::Synced { .. }
            | Msg::WholeRead { .. }
            | Msg::BodiesFound(_)
            | Msg::NoticesFound(_)
    )
}

/// What a session asks for first: the newsroom (the person's first rows at once), and,
/// once someone is logged in, their unsaved article and their last visit.
pub fn start(state: &mut State) -> Vec<Effect> {
    let job = state.jobs.start();
    let mut effects = vec![Effect::Load {
        glance: state.me.clone(),
        job,
    }];
    if let Some(person) = state.me.clone() {
        effects.extend(greet(state, person));
    }
    effects
}

/// A person is here: offer an article left unsaved last time, and swap the time of
/// the last visit for now.
fn greet(state: &mut State, person: String) -> Vec<Effect> {
    let (journal, visit) = (state.jobs.start(), state.jobs.start());
    vec![
        Effect::LoadJournal {
            person: person.clone(),
            slug: String::new(),
            job: journal,
        },
        Effect::Greet { person, job: visit },
    ]
}

/// Who this session is and what it has open, for the others to see.
#[must_use]
pub fn presence(state: &State) -> Option<crate::store::presence::Presence> {
    state.me.clone().map(|person| crate::store::presence::Presence {
        person,
        item: state.item.open.clone().unwrap_or_default(),
        editing: state.editor.is_some(),
    })
}

/// The top of the person's own queue, remembered at quit so the next start draws it
/// at once (`None` while the newsroom was never loaded whole).
#[must_use]
pub fn first_rows(state: &State) -> Option<(String, Vec<String>)> {
    let (me, snap) = (state.me.as_ref()?, state.snapshot.as_ref()?);
    if snap.partial {
        return None;
    }
    let rows = crate::query::rows_for(
        snap,
        state.person(),
        crate::query::Queue::Mine,
        &crate::query::Filters::default(),
        "",
    );
    let slugs = rows
        .iter()
        .take(100)
        .map(|r| snap.items[r.index].slug.clone())
        .collect();
    Some((me.clone(), slugs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_keys_join_into_one_paste_in_order() {
        let typed = |s: &str| s.chars().map(Msg::Input).collect::<Vec<_>>();
        let mut msgs = typed("kotak");
        msgs.push(Msg::Backspace);
        msgs.extend(typed("k "));
        msgs.push(Msg::Paste("suara".into()));
        msgs.extend(typed("!"));
        let joined = typed_together(msgs);
        assert!(
            matches!(
                joined.as_slice(),
                [Msg::Paste(a), Msg::Backspace, Msg::Paste(b)] if a == "kotak" && b == "k suara!"
            ),
            "{joined:?}"
        );
        assert!(typed_together(Vec::new()).is_empty());
    }
}
