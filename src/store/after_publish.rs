//! The after-publish command: `[publish] command` in `warta.toml`, run after each
//! publish commit that warta makes on this machine (CLI `publish`, the TUI's `p`).
//!
//! The command comes from `warta.toml` at the branch head (which only admins may
//! change, as `verify` and the push hook check), never from an item: the slug reaches
//! it only as `WARTA_SLUG` in its environment, never inside the command line. It runs
//! with `sh -c` in the newsroom's folder (`WARTA_REPO` names it, so `warta export …`
//! works there), stdin closed, stdout and stderr appended to
//! `<git dir>/warta-publish.log` after a header line. A failure is reported; the
//! publish commit stays.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::error::Result;
use super::repo::Newsroom;

/// The log's name in the git folder.
pub const LOG: &str = "warta-publish.log";

/// A command ready to run: plain data, so it can run on another thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfterPublish {
    /// The item just published.
    pub slug: String,
    /// The shell command.
    pub command: String,
    /// Where it runs (the work tree, else the git folder).
    pub dir: PathBuf,
    /// Where its output goes.
    pub log: PathBuf,
}

/// How the command ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    /// The log holding its output.
    pub log: PathBuf,
    /// `None` on success, else why it failed (exit status, or why it did not start).
    pub failure: Option<String>,
}

impl Newsroom {
    /// The after-publish command for `slug`, if `warta.toml` at the head sets one.
    pub fn after_publish(&self, slug: &str) -> Result<Option<AfterPublish>> {
        let config = self.config_at(self.head()?)?;
        let command = config.publish.command.trim();
        if command.is_empty() {
            return Ok(None);
        }
        Ok(Some(AfterPublish {
            slug: slug.to_string(),
            command: command.to_string(),
            dir: self.workdir().unwrap_or_else(|| self.git_dir()).to_path_buf(),
            log: self.git_dir().join(LOG),
        }))
    }
}

impl AfterPublish {
    /// Run it to the end, appending its output to the log.
    #[must_use]
    pub fn run(&self) -> Ran {
        let ran = |failure: Option<String>| Ran {
            log: self.log.clone(),
            failure,
        };
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log);
        let mut log = match log {
            Ok(f) => f,
            Err(e) => return ran(Some(format!("{}: {e}", self.log.display()))),
        };
        let now = jiff::Timestamp::now();
        let _ = writeln!(log, "=== {now} publish {}: {}", self.slug, self.command);
        let (out, err) = match (log.try_clone(), log.try_clone()) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return ran(Some(e.to_string())),
        };
        let status = Command::new("sh")
            .arg("-c")
            .arg(&self.command)
            .current_dir(&self.dir)
            .env("WARTA_SLUG", &self.slug)
            .env("WARTA_REPO", &self.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .status();
        let failure = match status {
            Ok(s) if s.success() => None,
            Ok(s) => Some(s.to_string()),
            Err(e) => Some(e.to_string()),
        };
        let _ = writeln!(log, "=== {}", failure.as_deref().unwrap_or("ok"));
        ran(failure)
    }
}
