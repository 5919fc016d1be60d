//! `hook pre-receive`: the server-side check of pushes, with the rules of `verify`.
//! `hook install` writes the hook into the repository.

use std::io::BufRead;

use super::common::Global;
use crate::domain::hosting::{self, NoPusher};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::startup::{EXIT_REFUSED, Failure, Outcome, env_lang};
use crate::store::Newsroom;

/// `hook pre-receive | install`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which hook.
    #[command(subcommand)]
    pub kind: Kind,
}

/// The hooks.
#[derive(Debug, clap::Subcommand)]
pub enum Kind {
    /// Check pushed commits (reads `old new ref` lines); the pusher is `WARTA_PUSHER`, or
    /// the login Forgejo/Gitea (`GITEA_PUSHER_NAME`) or GitLab (`GL_USERNAME`) names.
    PreReceive,
    /// Install the pre-receive hook into the repository given by --repo.
    Install,
}

fn fail(code: u8, message: String) -> Failure {
    Failure { code, message }
}

/// Run `hook`.
pub fn run(cli: &Global, a: &Args) -> Outcome {
    let lang = env_lang();
    match a.kind {
        Kind::Install => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
            let room = Newsroom::find(cli.repo.as_deref(), &cwd, None)
                .map_err(|e| fail(e.exit_code(), i18n::error(lang, &e)))?;
            let exe = std::env::current_exe().map_err(|e| fail(crate::startup::EXIT_REPO, e.to_string()))?;
            let path = room.git_dir().join("hooks").join("pre-receive");
            let script = format!(
                "#!/bin/sh\n# Installed by warta: every pushed commit must follow the newsroom's rules.\nexec '{}' hook pre-receive\n",
                exe.display()
            );
            room.install_hook(&path, &script)
                .map_err(|e| fail(crate::startup::EXIT_REPO, format!("{}: {e}", path.display())))?;
            println!("{}", path.display());
            Ok(())
        }
        Kind::PreReceive => pre_receive(lang),
    }
}

fn pre_receive(lang: i18n::Lang) -> Outcome {
    // Who pushes is decided by the server (warta's forced command, or the hosted
    // server's login), never by the commits.
    let named = ["WARTA_PUSHER", "GITEA_PUSHER_NAME", "GL_USERNAME"]
        .iter()
        .any(|v| std::env::var(v).is_ok_and(|s| !s.trim().is_empty()));
    if !named {
        return Err(fail(EXIT_REFUSED, Key::HookNoPusher.text(lang).to_string()));
    }
    let room = Newsroom::open_from_env().map_err(|e| fail(e.exit_code(), i18n::error(lang, &e)))?;
    let config = room
        .head()
        .and_then(|h| room.config_at(h))
        .map_err(|e| fail(e.exit_code(), i18n::error(lang, &e)))?;
    let pusher = match hosting::pusher(|v| std::env::var(v).ok(), &config) {
        Ok((_, id)) => id,
        Err(NoPusher::UnknownLogin { host, login }) => {
            let text = i18n::fmt(lang, Key::HookUnknownLogin, &[&clean_line(&login), &host.variable()]);
            return Err(fail(EXIT_REFUSED, gitlab_visible(&text)));
        }
        Err(NoPusher::UnknownId(id)) => {
            return Err(fail(
                EXIT_REFUSED,
                i18n::fmt(lang, Key::SessionUnknown, &[&clean_line(&id)]),
            ));
        }
        Err(NoPusher::Unnamed) => return Err(fail(EXIT_REFUSED, Key::HookNoPusher.text(lang).to_string())),
    };
    let branch = room.refname();
    let mut problems = 0;
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| fail(crate::startup::EXIT_REPO, e.to_string()))?;
        let mut parts = line.split_whitespace();
        let (Some(old), Some(new), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if name != branch {
            continue;
        }
        let parse = crate::store::CommitId::parse;
        let Some(new) = parse(new) else {
            problems += 1;
            eprintln!("{}", i18n::fmt(lang, Key::HookDelete, &[&branch]));
            continue;
        };
        let findings = room
            .check_push(parse(old), new, &pusher)
            .map_err(|e| fail(e.exit_code(), i18n::error(lang, &e)))?;
        for f in &findings {
            problems += 1;
            let commit = f.commit.map_or_else(String::new, |c| c.short());
            let line = format!("{commit} {}", clean_line(&super::verify::describe(lang, f)));
            eprintln!("{}", gitlab_visible(&line));
        }
    }
    if problems == 0 {
        Ok(())
    } else {
        Err(fail(EXIT_REFUSED, i18n::fmt(lang, Key::HookRefused, &[&problems])))
    }
}

/// GitLab shows a hook's refusal in its web pages only on lines that begin with
/// `GL-HOOK-ERR:` (its `doc/administration/server_hooks.md`, "Custom error messages").
fn gitlab_visible(line: &str) -> String {
    if std::env::var_os("GL_USERNAME").is_some() {
        format!("GL-HOOK-ERR: {line}")
    } else {
        line.to_string()
    }
}
