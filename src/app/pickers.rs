//! Filter pickers: `S`, `K` and `T` on the list open a small list of names (statuses in
//! words, kecamatan display names, tags) that narrows as the person types, instead of
//! cycling through ids one key press at a time. `Enter` applies the chosen one, the
//! first choice ("all") clears the filter, `Esc` leaves the filter as it was.

pub use super::pickers_model::{Choice, Kind, Picker};
use super::rows::rebuild;
use super::state::State;
use super::visible;
use crate::domain::review::Status;
use crate::i18n::{self, Key};

/// Open the picker of `kind`, the current filter selected.
pub fn open(state: &mut State, kind: Kind) {
    let Some(snap) = state.snapshot.clone() else { return };
    let lang = state.lang;
    let mut choices = vec![Choice {
        value: None,
        label: Key::TuiPickAll.text(lang).to_string(),
    }];
    let current = match kind {
        Kind::Status => {
            choices.extend(Status::ALL.iter().map(|s| Choice {
                value: Some(s.id().to_string()),
                label: i18n::status(lang, *s).to_string(),
            }));
            state.list.filters.status.map(|s| s.id().to_string())
        }
        Kind::Kecamatan => {
            choices.extend(snap.config.kecamatan.iter().map(|k| Choice {
                value: Some(k.id.clone()),
                label: k.name.clone(),
            }));
            state.list.filters.kecamatan.clone()
        }
        Kind::Tag => {
            choices.extend(visible::tags(&snap, state.person()).into_iter().map(|t| Choice {
                value: Some(t.clone()),
                label: t,
            }));
            state.list.filters.tag.clone()
        }
    };
    let selected = choices.iter().position(|c| c.value == current).unwrap_or(0);
    state.newcomer.picker = Some(Picker {
        kind,
        choices,
        query: String::new(),
        selected,
    });
}

/// Apply the selected choice and close the picker.
pub fn apply(state: &mut State) {
    let Some(p) = state.newcomer.picker.take() else { return };
    let Some(choice) = p.shown().get(p.selected).map(|c| c.value.clone()) else {
        return;
    };
    match p.kind {
        Kind::Status => state.list.filters.status = choice.as_deref().and_then(Status::parse),
        Kind::Kecamatan => state.list.filters.kecamatan = choice,
        Kind::Tag => state.list.filters.tag = choice,
    }
    state.list.selected = 0;
    rebuild(state);
}

/// Typed text narrows the choices; the best (first real) match is selected.
pub fn typed(state: &mut State, text: &str) {
    if let Some(p) = &mut state.newcomer.picker {
        p.query.push_str(&text.replace(['\n', '\r'], " "));
        p.selected = usize::from(p.shown().len() > 1);
    }
}

/// Delete the last typed character.
pub fn backspace(state: &mut State) {
    if let Some(p) = &mut state.newcomer.picker {
        p.query.pop();
        p.selected = usize::from(!p.query.is_empty() && p.shown().len() > 1);
    }
}

/// Move the selection by `by` rows, within the shown choices.
pub fn step(state: &mut State, by: isize) {
    if let Some(p) = &mut state.newcomer.picker {
        let last = p.shown().len().saturating_sub(1);
        p.selected = p.selected.saturating_add_signed(by).min(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker(query: &str) -> Picker {
        let c = |v: Option<&str>, l: &str| Choice {
            value: v.map(str::to_string),
            label: l.to_string(),
        };
        Picker {
            kind: Kind::Kecamatan,
            choices: vec![
                c(None, "Semua"),
                c(Some("babadan"), "Babadan"),
                c(Some("jetis"), "Jetis"),
                c(Some("sukorejo"), "Sukorejo"),
            ],
            query: query.into(),
            selected: 0,
        }
    }

    #[test]
    fn typing_narrows_by_name_and_all_stays() {
        let labels = |q| picker(q).shown().iter().map(|c| c.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(""), ["Semua", "Babadan", "Jetis", "Sukorejo"]);
        assert_eq!(labels("JE"), ["Semua", "Jetis"]);
        assert_eq!(labels("o"), ["Semua", "Sukorejo"]);
        assert_eq!(labels("zzz"), ["Semua"]);
    }
}
