//! The jobs the UI waits for, counted one by one: each effect that expects an answer
//! takes an id, and only `Msg::Finished` with that id closes it. A reply that comes
//! without being asked (a snapshot after someone else's commit) closes nothing.

pub use crate::store::worker::JobId;

/// The jobs in flight.
#[derive(Debug, Default)]
pub struct Jobs {
    next: u64,
    open: Vec<JobId>,
}

impl Jobs {
    /// A new job: its id, counted as in flight until [`Jobs::finish`].
    pub fn start(&mut self) -> JobId {
        self.next += 1;
        let id = JobId(self.next);
        self.open.push(id);
        id
    }

    /// The job answered. An id not in flight (answered twice) changes nothing.
    pub fn finish(&mut self, id: JobId) {
        self.open.retain(|j| *j != id);
    }

    /// Whether nothing is in flight.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// How many jobs are in flight.
    #[must_use]
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Forget every job (the session ended).
    pub fn clear(&mut self) {
        self.open.clear();
    }
}
