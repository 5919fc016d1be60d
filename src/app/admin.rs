//! The admin screen's state and its update: the people of the newsroom with their
//! roles, kecamatan, end of term, keys and last visit; a form to add or change one
//! person (an SSH key pasted into it is checked as it is typed); and the warnings of
//! accounts ending soon and kecamatan without an active author.
//!
//! A change is checked here with the domain's rules before it is sent, so a mistake is
//! shown in the form at once; the store checks it again on the branch head and commits
//! it (`Effect::AdminChange`).

pub use super::admin_model::{Admin, FIELDS, Field, Form, Intent};
use super::msg::{Effect, Msg};
use super::state::{Popup, Screen, Severity, State};
use crate::domain::admin::{self, Change};
use crate::domain::config::{Person, Role};
use crate::domain::sshkey;
use crate::i18n::{self, Key};

/// Whether the person may open the screen: an active admin.
#[must_use]
pub fn allowed(state: &State) -> bool {
    match (state.snapshot.as_ref(), state.me.as_deref(), today(state)) {
        (Some(s), Some(me), Some(today)) => admin::may_administer(&s.config, me, today),
        _ => false,
    }
}

/// Today in the newsroom's zone.
#[must_use]
pub fn today(state: &State) -> Option<jiff::civil::Date> {
    let snap = state.snapshot.as_ref()?;
    Some(state.now.to_zoned(snap.config.timezone()).date())
}

fn form_for(p: Option<&Person>) -> Form {
    let values = match p {
        None => vec![String::new(), String::new(), String::new(), "author".into()]
            .into_iter()
            .chain(std::iter::repeat_n(String::new(), 4))
            .collect(),
        Some(p) => vec![
            p.id.clone(),
            p.name.clone(),
            p.email.clone(),
            p.roles.iter().map(|r| r.id()).collect::<Vec<_>>().join(" "),
            p.kecamatan.clone().unwrap_or_default(),
            p.logins.join(" "),
            p.active_until.map(|d| d.to_string()).unwrap_or_default(),
            String::new(),
        ],
    };
    Form {
        editing: p.map(|p| p.id.clone()),
        values,
        focus: usize::from(p.is_some()),
        error: None,
        sending: false,
    }
}

/// The change the form asks for, or why it cannot be made, in the user's language.
fn change(state: &State, form: &Form) -> Result<Change, String> {
    let lang = state.lang;
    let snap = state
        .snapshot
        .as_ref()
        .ok_or_else(|| Key::TuiLoading.text(lang).to_string())?;
    let config = &snap.config;
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut roles = Vec::new();
    for w in words(form.value(Field::Roles)) {
        let role = [Role::Author, Role::Editor, Role::Approver, Role::Admin]
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(&w) || i18n::role(lang, *r).eq_ignore_ascii_case(&w))
            .ok_or_else(|| i18n::fmt(lang, Key::AdmCsvRole, &[&w]))?;
        roles.push(role);
    }
    let kec = form.value(Field::Kecamatan).trim();
    let kecamatan = (!kec.is_empty()).then(|| {
        config
            .kecamatan
            .iter()
            .find(|k| k.id == kec || k.name.eq_ignore_ascii_case(kec))
            .map_or_else(|| kec.to_string(), |k| k.id.clone())
    });
    let until = form.value(Field::Until).trim();
    let active_until = if until.is_empty() {
        None
    } else {
        Some(crate::domain::people_csv::date(until).ok_or_else(|| i18n::fmt(lang, Key::AdmCsvDate, &[&until]))?)
    };
    let before = form.editing.as_deref().and_then(|id| config.person(id));
    let mut keys = before.map(|p| p.keys.clone()).unwrap_or_default();
    let key = form.value(Field::Key).trim();
    if !key.is_empty() {
        keys.push(key.to_string());
    }
    let person = Person {
        id: form
            .editing
            .clone()
            .unwrap_or_else(|| form.value(Field::Id).trim().to_string()),
        name: form.value(Field::Name).trim().to_string(),
        email: form.value(Field::Email).trim().to_string(),
        roles,
        kecamatan,
        logins: words(form.value(Field::Logins)),
        keys,
        active_until,
        language: before.and_then(|p| p.language.clone()),
    };
    let change = if form.editing.is_some() {
        Change::EditPerson(person)
    } else {
        Change::AddPerson(person)
    };
    // The rules of the store, checked here too so a mistake shows in the form at once.
    let today = today(state).ok_or_else(|| Key::TuiLoading.text(lang).to_string())?;
    let me = state.me.clone().unwrap_or_default();
    if !admin::may_administer(config, &me, today) {
        return Err(Key::AdmNotAdmin.text(lang).to_string());
    }
    let (new, _) = admin::apply(config, &change).map_err(|e| i18n::admin_error(lang, &e))?;
    if !admin::has_active_admin(&new, today) {
        return Err(i18n::admin_error(lang, &admin::AdminError::NoAdminLeft));
    }
    Ok(change)
}

/// Handle a message if it belongs to the screen; otherwise give it back.
pub fn update(state: &mut State, msg: Msg) -> Result<Vec<Effect>, Msg> {
    match msg {
        Msg::Admin(Intent::Open) => {
            if !allowed(state) {
                state.status = Some((Severity::Error, Key::AdmNotAdmin.text(state.lang).to_string()));
                return Ok(Vec::new());
            }
            let admin = state.admin.get_or_insert_with(Admin::default);
            admin.form = None;
            state.screen = Screen::Admin;
            state.status = None;
            let people = state
                .snapshot
                .as_ref()
                .map(|s| s.config.people.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default();
            let job = state.jobs.start();
            return Ok(vec![Effect::AdminLastSeen { people, job }]);
        }
        Msg::Admin(Intent::LastSeen(seen)) => {
            if let Some(a) = state.admin.as_mut() {
                a.last_seen = seen;
            }
            return Ok(Vec::new());
        }
        Msg::Admin(Intent::Saved(commit)) => {
            if let Some(a) = state.admin.as_mut() {
                a.form = None;
            }
            state.status = Some((Severity::Info, i18n::fmt(state.lang, Key::AdmSaved, &[&commit])));
            return Ok(Vec::new());
        }
        Msg::Refused(text)
            if state
                .admin
                .as_ref()
                .and_then(|a| a.form.as_ref())
                .is_some_and(|f| f.sending) =>
        {
            if let Some(f) = state.admin.as_mut().and_then(|a| a.form.as_mut()) {
                f.sending = false;
                f.error = Some(text.clone());
            }
            return Err(Msg::Refused(text));
        }
        _ => {}
    }
    if state.screen != Screen::Admin || state.popup.is_some() {
        return Err(msg);
    }
    let count = state.snapshot.as_ref().map_or(0, |s| s.config.people.len());
    let Some(a) = state.admin.as_mut() else {
        return Err(msg);
    };
    if let Some(form) = a.form.as_mut() {
        let first = usize::from(form.editing.is_some());
        match msg {
            Msg::Admin(Intent::NextField) | Msg::MoveDown => form.focus = (form.focus + 1).min(FIELDS.len() - 1),
            Msg::Admin(Intent::PrevField) | Msg::MoveUp => form.focus = form.focus.saturating_sub(1).max(first),
            Msg::Input(c) => form.values[form.focus].push(c),
            Msg::Paste(text) => {
                // A key pasted from a `.pub` file ends in a line break; a name never has one.
                let text = text.replace(['\r', '\n'], " ");
                let text = if FIELDS[form.focus] == Field::Key {
                    text.trim().to_string()
                } else {
                    text
                };
                form.values[form.focus].push_str(&text);
            }
            Msg::Backspace => {
                form.values[form.focus].pop();
            }
            Msg::Admin(Intent::ClearField) => {
                if !(FIELDS[form.focus] == Field::Id && form.editing.is_some()) {
                    form.values[form.focus].clear();
                }
            }
            Msg::Back => a.form = None,
            Msg::Confirm | Msg::Save => {
                if form.sending {
                    return Ok(Vec::new());
                }
                let form = form.clone();
                match change(state, &form) {
                    Err(why) => {
                        if let Some(f) = state.admin.as_mut().and_then(|a| a.form.as_mut()) {
                            f.error = Some(why);
                        }
                    }
                    Ok(change) => {
                        if let Some(f) = state.admin.as_mut().and_then(|a| a.form.as_mut()) {
                            f.error = None;
                            f.sending = true;
                        }
                        let job = state.jobs.start();
                        return Ok(vec![Effect::AdminChange {
                            actor: state.me.clone().unwrap_or_default(),
                            change: Box::new(change),
                            job,
                        }]);
                    }
                }
            }
            Msg::ToggleHelp => state.popup = Some(Popup::Help),
            other => return Err(other),
        }
        return Ok(Vec::new());
    }
    let last = count.saturating_sub(1);
    match msg {
        Msg::MoveUp => a.selected = a.selected.saturating_sub(1),
        Msg::MoveDown => a.selected = (a.selected + 1).min(last),
        Msg::PageUp => a.selected = a.selected.saturating_sub(10),
        Msg::PageDown => a.selected = (a.selected + 10).min(last),
        Msg::Top => a.selected = 0,
        Msg::Bottom => a.selected = last,
        Msg::Admin(Intent::Add) => a.form = Some(form_for(None)),
        Msg::Admin(Intent::Edit) | Msg::Open => {
            let selected = a.selected;
            let p = state
                .snapshot
                .as_ref()
                .and_then(|s| s.config.people.get(selected))
                .cloned();
            if let (Some(p), Some(a)) = (p, state.admin.as_mut()) {
                a.form = Some(form_for(Some(&p)));
            }
        }
        Msg::Back => state.screen = Screen::List,
        Msg::ToggleHelp => state.popup = Some(Popup::Help),
        other => return Err(other),
    }
    Ok(Vec::new())
}

/// Whether the key field holds a key, and if not why, for the form's live check:
/// `None` when the field is empty.
#[must_use]
pub fn key_check(form: &Form) -> Option<Result<sshkey::PublicKey, sshkey::KeyProblem>> {
    let k = form.value(Field::Key).trim();
    (!k.is_empty()).then(|| sshkey::parse(k))
}
