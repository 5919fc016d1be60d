//! Keeping the list's rows in step with the state: the query layer builds them.

use super::State;
use crate::query::rows_for;

/// Recompute `state.rows`, keeping the selected item selected when it is still listed.
pub fn rebuild(state: &mut State) {
    let Some(snap) = state.snapshot.clone() else {
        state.rows.clear();
        return;
    };
    let keep = state
        .rows
        .get(state.selected)
        .map(|r| r.index)
        .and_then(|i| snap.items.get(i))
        .map(|e| e.slug.clone());
    let me = state.me.as_deref().and_then(|id| snap.config.person(id));
    state.rows = rows_for(&snap, me, state.queue, &state.filters, &state.search);
    state.selected = keep
        .and_then(|slug| state.rows.iter().position(|r| snap.items[r.index].slug == slug))
        .unwrap_or_else(|| state.selected.min(state.rows.len().saturating_sub(1)));
}
