//! "Waiting for others": a person's own items that someone else must act on next
//! (submitted: an approver approves; approved: an approver publishes) stay in view at the
//! bottom of "My work", below what the person has to do, so a submit never makes the
//! work vanish.
//!
//! It rearranges the rows the query layer built; the list draws a section line where the
//! waiting rows begin (`ListView::waiting` counts them).

use super::state::State;
use crate::domain::config::Role;
use crate::domain::review::Status;
use crate::query::Queue;
use crate::query::{Row, rows_with};

/// Whether an own item in this status waits on someone else.
fn waits(status: Status) -> bool {
    matches!(status, Status::Submitted | Status::Approved)
}

/// Move the person's own waiting items to the end of "My work" (adding those the queue
/// leaves out) and remember how many there are.
pub fn arrange(state: &mut State) {
    state.list.waiting = 0;
    if state.list.queue != Queue::Mine {
        return;
    }
    let Some(snap) = state.snapshot.clone() else { return };
    let Some(me) = state.me.as_deref().and_then(|id| snap.config.person(id)) else {
        return;
    };
    // An approver acts on submitted and approved items, except approving their own
    // (unless the newsroom allows it): that one waits for another approver.
    let approver = me.has(Role::Approver);
    let self_approval = snap.config.newsroom.allow_self_approval;
    let own_waiting = |r: &Row| {
        let e = &snap.items[r.index];
        let status = e.state.status;
        e.item.front.author == me.id
            && if approver {
                status == Status::Submitted && !self_approval
            } else {
                waits(status)
            }
    };
    // Same filters and search as the to-dos, over everything the person may see.
    let held = state.bodies.hits.as_deref();
    let waiting: Vec<Row> = rows_with(
        &snap,
        Some(me),
        Queue::All,
        &state.list.filters,
        &state.list.search,
        held,
    )
    .into_iter()
    .filter(own_waiting)
    .collect();
    state.list.rows.retain(|r| !own_waiting(r));
    state.list.waiting = waiting.len();
    state.list.rows.extend(waiting);
}

/// The names of those the waiting items wait for: the newsroom's other active approvers.
#[must_use]
pub fn waiting_for(state: &State) -> Vec<String> {
    state.snapshot.as_ref().map_or_else(Vec::new, |snap| {
        let today = state.now.to_zoned(snap.config.timezone()).date();
        snap.config
            .people
            .iter()
            .filter(|p| p.has(Role::Approver) && p.active_on(today) && Some(p.id.as_str()) != state.me.as_deref())
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
