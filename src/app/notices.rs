//! "Sejak kunjungan terakhir": what others did to a person's items (and, for an
//! approver, what was submitted) since their last visit, shown once as a popup over the
//! list.
//!
//! The events come from the snapshot's logs, or, for a lean snapshot (whose entries keep
//! only their last event), from the logs in git, asked for by `bodies.rs`.

use super::state::{Notice, Popup, Screen, State};
use crate::domain::review::{ActionKind, Event};
use crate::store::Entry;

/// Once both the newsroom and the last visit are known, list what happened since.
pub fn notices(state: &mut State) {
    if state.noticed || state.popup.is_some() || state.screen != Screen::List {
        return;
    }
    // What happened since the last visit is read from every item, so not from a glance.
    if state.snapshot.as_ref().is_none_or(|s| s.partial) {
        return;
    }
    let (Some(snap), Some(since), Some(me)) =
        (state.snapshot.clone(), state.last_seen.clone(), state.person().cloned())
    else {
        return;
    };
    let Ok(since) = since.parse::<jiff::Timestamp>() else {
        return;
    };
    let events: Vec<(&Entry, &Event)> = if snap.lean {
        // Not here yet: asked for, and this runs again when they come.
        let Some(found) = &state.bodies.events else {
            return;
        };
        found
            .iter()
            .filter_map(|(slug, ev)| Some((snap.item(slug)?, ev)))
            .collect()
    } else {
        snap.items
            .iter()
            .flat_map(|e| e.review.events.iter().map(move |ev| (&**e, ev)))
            .collect()
    };
    let approver = me.has(crate::domain::config::Role::Approver);
    let mut list: Vec<Notice> = Vec::new();
    for (e, ev) in events {
        let mine = e.item.front.author == me.id;
        let about_mine = mine && !matches!(ev.action, ActionKind::Create | ActionKind::Edit);
        let for_me = approver && ev.action == ActionKind::Submit;
        if ev.is_after(since) && ev.actor != me.id && (about_mine || for_me) {
            list.push(Notice {
                slug: e.slug.clone(),
                title: e.item.front.title.clone(),
                action: ev.action,
                actor: ev.actor.clone(),
                at: ev.at.clone(),
            });
        }
    }
    state.noticed = true;
    list.sort_by(|a, b| b.at.cmp(&a.at));
    if !list.is_empty() {
        state.popup = Some(Popup::Notices(list));
    }
}
