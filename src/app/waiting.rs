//! "Waiting for others": a person's own items that someone else must act on next
//! (submitted: an approver approves; approved: an approver publishes) stay in view at the
//! bottom of "My work", below what the person has to do, so a submit never makes the
//! work vanish.
//!
//! It rearranges the rows the query layer built; the list draws a section line where the
//! waiting rows begin (`ListView::waiting` counts them).

use super::{Queue, State};
use crate::domain::config::Role;
use crate::domain::review::Status;
use crate::query::{Row, rows_for};

/// Whether an own item in this status waits on someone else.
fn waits(status: Status) -> bool {
    matches!(status, Status::Submitted | Status::Approved)
}

/// Move the person's own waiting items to the end of "My work" (adding those the queue
/// leaves out) and remember how many there are. Approvers act on submitted and approved
/// items themselves, so their queue stays as it is.
pub fn arrange(state: &mut State) {
    state.list.waiting = 0;
    if state.list.queue != Queue::Mine {
        return;
    }
    let Some(snap) = state.snapshot.clone() else { return };
    let Some(me) = state.me.as_deref().and_then(|id| snap.config.person(id)) else {
        return;
    };
    if me.has(Role::Approver) {
        return;
    }
    let own_waiting = |r: &Row| {
        let e = &snap.items[r.index];
        e.item.front.author == me.id && waits(e.state.status)
    };
    // Same filters and search as the to-dos, over everything the person may see.
    let waiting: Vec<Row> = rows_for(&snap, Some(me), Queue::All, &state.list.filters, &state.list.search)
        .into_iter()
        .filter(own_waiting)
        .collect();
    state.list.rows.retain(|r| !own_waiting(r));
    state.list.waiting = waiting.len();
    state.list.rows.extend(waiting);
}

/// The names of those the waiting items wait for: the newsroom's active approvers.
#[must_use]
pub fn waiting_for(state: &State) -> Vec<String> {
    state.snapshot.as_ref().map_or_else(Vec::new, |snap| {
        snap.config
            .people
            .iter()
            .filter(|p| p.has(Role::Approver) && p.active_on(state.now.to_zoned(snap.config.timezone()).date()))
            .map(|p| p.name.clone())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_submitted_and_approved_wait() {
        assert!(waits(Status::Submitted) && waits(Status::Approved));
        for s in [
            Status::Draft,
            Status::ChangesRequested,
            Status::Published,
            Status::Rejected,
            Status::Discarded,
        ] {
            assert!(!waits(s), "{s}");
        }
    }
}
