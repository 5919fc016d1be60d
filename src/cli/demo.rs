//! `demo`: build a demo newsroom from the compiled-in samples and open it.

use std::path::PathBuf;

use crate::i18n::{self, Key};
use crate::startup::{Failure, Outcome, env_lang};

/// `demo [DIR]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to build it (default: a new folder in the temp dir, named on exit); a demo
    /// already there is opened again.
    pub dir: Option<PathBuf>,
    /// Only build it; do not open the terminal UI.
    #[arg(long)]
    pub no_open: bool,
}

/// Run `demo`.
pub fn run(a: &Args) -> Outcome {
    let lang = env_lang();
    let dir = a.dir.clone().unwrap_or_else(|| {
        let stamp = jiff::Timestamp::now().as_second();
        std::env::temp_dir().join(format!("warta-demo-{stamp}-{}", std::process::id()))
    });
    // A demo built before is opened again, so people can log in as someone else.
    let existing = a
        .dir
        .as_ref()
        .filter(|d| d.join(".git").exists())
        .and_then(|d| crate::store::Newsroom::open(d).ok());
    let room = match existing {
        Some(room) => room,
        None => crate::store::demo::build(&dir).map_err(|e| Failure {
            code: e.exit_code(),
            message: i18n::error(lang, &e),
        })?,
    };
    let shown = dir.canonicalize().unwrap_or(dir);
    if a.no_open {
        println!("{}", i18n::fmt(lang, Key::OutDemoBuilt, &[&shown.display()]));
        return Ok(());
    }
    let result = crate::tui::run_demo(room);
    println!("{}", i18n::fmt(lang, Key::OutDemoKept, &[&shown.display()]));
    result
}
