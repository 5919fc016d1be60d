//! `clone URL DIR` and `sync`: a newsroom on more than one machine. The work is in
//! `store/sync.rs`; this prints what it did, in the person's language.

use std::path::PathBuf;

use crate::domain::text::clean_line;
use crate::i18n::sync::{describe, error};
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, EXIT_REPO, Failure, Outcome, env_lang};
use crate::store::sync::{self, SyncError};

/// `clone URL DIR`.
#[derive(Debug, clap::Args)]
pub struct CloneArgs {
    /// The server's address, as git takes it (`warta@server:/srv/news.git`, `https://…`).
    pub url: String,
    /// The new folder.
    pub dir: PathBuf,
}

fn exit_code(e: &SyncError) -> u8 {
    match e {
        SyncError::Store(s) => s.exit_code(),
        _ => EXIT_REPO,
    }
}

/// Run `clone`: `git clone`, then check that the copy is a newsroom.
pub fn clone(a: &CloneArgs) -> Outcome {
    let lang = env_lang();
    sync::clone(&a.url, &a.dir).map_err(|e| Failure {
        code: exit_code(&e),
        message: error(lang, &e),
    })?;
    println!("{}", i18n::fmt(lang, Key::CloneDone, &[&a.dir.display()]));
    Ok(())
}

/// Run `sync`: exit 0 when everything went, 1 when something was refused (kept
/// aside, or the server's hook said no), 4 when the server could not be reached.
pub fn run(ctx: &Ctx) -> Outcome {
    let lang = ctx.lang;
    let result = ctx.room.sync(false);
    if let Err(e) = &result {
        return Err(Failure {
            code: exit_code(e),
            message: error(lang, e),
        });
    }
    let said = describe(lang, &result);
    for line in &said.notes {
        eprintln!("{}", clean_line(line));
    }
    // What the server said first: the actions kept aside follow from it.
    for line in said.server.iter().chain(&said.refused) {
        eprintln!("{}", clean_line(line));
    }
    if said.refused.is_empty() && said.server.is_none() {
        return Ok(());
    }
    let pending = ctx.room.pending().map_or(0, |p| p.ahead);
    let message = if pending > 0 {
        i18n::fmt(lang, Key::SyncPending, &[&pending])
    } else {
        i18n::fmt(lang, Key::SyncKept, &[&ctx.room.kept_aside().len()])
    };
    Err(Failure {
        code: EXIT_REFUSED,
        message,
    })
}
