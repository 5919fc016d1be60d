//! Keeping the list's rows in step with the state: the query layer builds them.

use super::state::State;
use crate::query::rows_with;

/// Recompute `state.list.rows`, keeping the selected item selected when it is still listed.
pub fn rebuild(state: &mut State) {
    let Some(snap) = state.snapshot.clone() else {
        state.list.rows.clear();
        return;
    };
    let keep = state
        .list
        .rows
        .get(state.list.selected)
        .map(|r| r.index)
        .and_then(|i| snap.items.get(i))
        .map(|e| e.slug.clone());
    let me = state.me.as_deref().and_then(|id| snap.config.person(id));
    state.list.rows = rows_with(
        &snap,
        me,
        state.list.queue,
        &state.list.filters,
        &state.list.search,
        state.bodies.hits.as_deref(),
    );
    super::waiting::arrange(state);
    state.list.selected = keep
        .and_then(|slug| state.list.rows.iter().position(|r| snap.items[r.index].slug == slug))
        .unwrap_or_else(|| state.list.selected.min(state.list.rows.len().saturating_sub(1)));
}
