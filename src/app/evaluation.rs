//! The "Evaluasi" screen's state and its update: kecamatan ranked by a chosen measure,
//! the period switched with ←/→, and a drill-down into one kecamatan's items.
//!
//! The report is computed on the worker (`Effect::Evaluate`), which reads the items as
//! first submitted; this file only keeps what is shown and reacts to keys.

pub use super::evaluation_model::{Evaluation, Intent};
use super::msg::{Effect, Msg};
use super::state::{Popup, Screen, State};
use crate::domain::config::Role;
use crate::domain::report::{Measure, Period};

/// Whether the person may open the screen: any known person (authors see their own
/// kecamatan only, see `scope`).
#[must_use]
pub fn allowed(state: &State) -> bool {
    state.person().is_some()
}

/// The kecamatan an author's evaluation is limited to; `None` for editors, approvers
/// and admins, who see all of them.
#[must_use]
pub fn scope(state: &State) -> Option<String> {
    let me = state.person()?;
    let wide = [Role::Editor, Role::Approver, Role::Admin].iter().any(|r| me.has(*r));
    (!wide).then(|| me.kecamatan.clone().unwrap_or_default())
}

fn today(state: &State) -> Option<jiff::civil::Date> {
    let snap = state.snapshot.as_ref()?;
    Some(state.now.to_zoned(snap.config.timezone()).date())
}

fn ask(state: &mut State) -> Vec<Effect> {
    let Some(today) = today(state) else { return Vec::new() };
    let only = scope(state);
    let Some(ev) = state.evaluation.as_mut() else {
        return Vec::new();
    };
    ev.report = None;
    ev.selected = 0;
    ev.drill = None;
    ev.item_selected = 0;
    let period = ev.period;
    let job = state.jobs.start();
    vec![Effect::Evaluate {
        period,
        today,
        only,
        job,
    }]
}

/// Handle a message if it belongs to the screen; otherwise give it back.
pub fn update(state: &mut State, msg: Msg) -> Result<Vec<Effect>, Msg> {
    match msg {
        Msg::Evaluation(Intent::Open) => {
            if !allowed(state) {
                return Ok(Vec::new());
            }
            let Some(today) = today(state) else {
                return Ok(Vec::new());
            };
            // Last month: the one an evaluation meeting looks back on.
            let period = state.evaluation.as_ref().map_or_else(
                || Period::month_of(today.first_of_month().yesterday().unwrap_or(today)),
                |e| e.period,
            );
            let measure = state.evaluation.as_ref().map_or(Measure::Published, |e| e.measure);
            state.evaluation = Some(Evaluation {
                period,
                measure,
                report: None,
                selected: 0,
                drill: None,
                item_selected: 0,
                item_open: false,
            });
            state.screen = Screen::Evaluation;
            state.status = None;
            return Ok(ask(state));
        }
        Msg::Evaluated(report) => {
            if let Some(ev) = state.evaluation.as_mut().filter(|e| e.period == report.period) {
                ev.report = Some(report);
            }
            return Ok(Vec::new());
        }
        // Esc in an item opened from the drill-down comes back here.
        Msg::Back
            if state.screen == Screen::Item
                && state.popup.is_none()
                && state.item.version_view.is_none()
                && state.evaluation.as_ref().is_some_and(|e| e.item_open) =>
        {
            state.screen = Screen::Evaluation;
            state.item.open = None;
            if let Some(ev) = state.evaluation.as_mut() {
                ev.item_open = false;
            }
            super::update_review::reset(state);
            return Ok(Vec::new());
        }
        _ => {}
    }
    if state.screen != Screen::Evaluation || state.popup.is_some() {
        return Err(msg);
    }
    let me = state.person().cloned();
    let snapshot = state.snapshot.clone();
    let Some(ev) = state.evaluation.as_mut() else {
        return Err(msg);
    };
    let rows = ev.report.as_ref().map_or(0, |r| r.rows.len());
    let items = match (ev.drill, &ev.report) {
        (Some(d), Some(r)) => r.rows.get(d).map_or(0, |row| row.items.len()),
        _ => 0,
    };
    match msg {
        Msg::Evaluation(Intent::PrevPeriod | Intent::NextPeriod) => {
            let step = if matches!(msg, Msg::Evaluation(Intent::PrevPeriod)) {
                -1
            } else {
                1
            };
            ev.period = ev.period.shift(step);
            return Ok(ask(state));
        }
        Msg::Evaluation(Intent::NextMeasure) => {
            ev.measure = ev.measure.next();
            ev.selected = 0;
        }
        Msg::MoveUp | Msg::MoveDown | Msg::Top | Msg::Bottom | Msg::PageUp | Msg::PageDown => {
            let (at, len) = if ev.drill.is_some() {
                (&mut ev.item_selected, items)
            } else {
                (&mut ev.selected, rows)
            };
            let last = len.saturating_sub(1);
            *at = match msg {
                Msg::MoveUp => at.saturating_sub(1),
                Msg::MoveDown => (*at + 1).min(last),
                Msg::PageUp => at.saturating_sub(10),
                Msg::PageDown => (*at + 10).min(last),
                Msg::Top => 0,
                _ => last,
            };
        }
        Msg::Open => match ev.drill {
            None => {
                let ranked = ev.ranked();
                if let Some(&row) = ranked.get(ev.selected) {
                    ev.drill = Some(row);
                    ev.item_selected = 0;
                }
            }
            Some(d) => {
                let slug = ev
                    .report
                    .as_ref()
                    .and_then(|r| r.rows.get(d))
                    .and_then(|row| row.items.get(ev.item_selected))
                    .map(|i| i.slug.clone());
                let visible = slug
                    .as_deref()
                    .zip(snapshot.as_ref())
                    .and_then(|(s, snap)| snap.item(s))
                    .is_some_and(|e| crate::domain::workflow::can_see(me.as_ref(), &e.facts()));
                if let (Some(slug), true) = (slug, visible) {
                    ev.item_open = true;
                    state.item.open = Some(slug);
                    state.screen = Screen::Item;
                    state.item.scroll = 0;
                    super::update_review::reset(state);
                }
            }
        },
        Msg::Back if ev.drill.is_some() => ev.drill = None,
        Msg::Back => state.screen = Screen::List,
        Msg::ToggleHelp => state.popup = Some(Popup::Help),
        other => return Err(other),
    }
    Ok(Vec::new())
}
