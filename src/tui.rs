//! Terminal setup and restore, the event loop, and carrying out effects.

use crate::cli::{Cli, Outcome};
use crate::store::Newsroom;

/// Open the TUI on the newsroom found from the command line.
pub fn open(cli: &Cli) -> Outcome {
    let ctx = crate::cli::open(cli)?;
    drop(ctx);
    Ok(())
}

/// Open the TUI on a freshly built demo newsroom, asking who to log in as.
pub fn run_demo(_cli: &Cli, room: Newsroom) -> Outcome {
    drop(room);
    Ok(())
}
