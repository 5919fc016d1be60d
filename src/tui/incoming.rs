//! What arrives at the loop, from the terminal, the store's worker, the runtime's own
//! threads and signals: a leaf of the terminal code.

use crossterm::event::Event;

use crate::app::Msg;
use crate::store::worker::Report;

/// What arrives at the loop.
pub enum Incoming {
    /// A terminal event.
    Term(Event),
    /// A report of the store's worker.
    Store(Report),
    /// An answer of the runtime's own thread.
    Local(Msg),
    /// SIGTERM, SIGHUP, SIGINT, or the terminal gone.
    Signal,
}
