//! `session PERSON`: the forced command of an SSH key. Opens the TUI as that person
//! in restricted mode: no external editor, no shell, no path from the client.
//!
//! The one thing a client may ask for instead is git, only an admin (or anyone active,
//! where `warta.clones` is set: clones that sync), only for this newsroom: `git fetch`/`clone` (upload-pack) and `git push` (receive-pack, only with
//! the pre-receive hook installed). The push is checked with the admin as the pusher
//! (`WARTA_PUSHER`), set here where the client cannot choose it.

use super::common::Global;
use crate::domain::config::{Person, Role};
use crate::i18n::{self, Key, Lang};
use crate::startup::{EXIT_REFUSED, Failure, Outcome, env_lang};
use crate::store::Newsroom;

/// `session PERSON`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person this key belongs to (fixed by the server, never by the client).
    pub person: String,
}

/// Run `session`.
pub fn run(cli: &Global, a: &Args) -> Outcome {
    let lang0 = env_lang();
    if cli.as_person.is_some() {
        return Err(Failure {
            code: EXIT_REFUSED,
            message: Key::SessionNoAs.text(lang0).to_string(),
        });
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let room = Newsroom::find(cli.repo.as_deref(), &cwd, None).map_err(|e| Failure {
        code: e.exit_code(),
        message: i18n::error(lang0, &e),
    })?;
    let config = room.head().and_then(|h| room.config_at(h)).map_err(|e| Failure {
        code: e.exit_code(),
        message: i18n::error(lang0, &e),
    })?;
    let lang = Lang::choose(
        std::env::var("WARTA_LANG").ok().as_deref(),
        config.person(&a.person).and_then(|p| p.language.as_deref()),
        Some(&config.newsroom.language),
        None,
    );
    let asked = std::env::var("SSH_ORIGINAL_COMMAND").ok();
    let git = asked.as_deref().and_then(git_request);
    let attach = asked.as_deref().and_then(super::attach::ssh_request);
    if let (Some(asked), None, None) = (&asked, &git, &attach) {
        // Anything else the client asked to run is never run; it is only noted.
        room.log_session(&a.person, &format!("ignored SSH_ORIGINAL_COMMAND={asked:?}"));
    }
    let Some(person) = config.person(&a.person) else {
        return Err(Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(lang, Key::SessionUnknown, &[&a.person]),
        });
    };
    let today = crate::store::action::now(&config).date();
    if let Some(until) = person.active_until.filter(|_| !person.active_on(today)) {
        return Err(Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(lang, Key::SessionExpired, &[&person.name, &until]),
        });
    }
    if let Some((service, path)) = git {
        return serve_git(&room, person, service, &path, lang);
    }
    if let Some((slug, name)) = attach {
        // Photos
        room.log_session(&person.id, &format!("attach {slug:?} {name:?}"));
        let ctx = crate::startup::Ctx {
            who: crate::store::identity::Identity::session(&person.id),
            room,
            config,
            lang,
        };
        return super::attach::over_ssh(&ctx, &slug, &name);
    }
    if asked.as_deref().and_then(|c| c.split_whitespace().next()) == Some("attach") {
        // A phone's `ssh redaksi attach SLUG < foto.jpg` without the name: say the right
        // form rather than start a TUI on a pipe (which only asks for `ssh -t`).
        return Err(Failure {
            code: crate::exit::USAGE,
            message: Key::SshAttachUsage.text(lang).to_string(),
        });
    }
    room.log_session(&a.person, "session start");
    crate::tui::run_session(room, person.id.clone(), lang)
}

/// The git service and repository path of an SSH command line as git sends it
/// (`git-upload-pack '/srv/news.git'`), or `None` for anything else.
fn git_request(asked: &str) -> Option<(&'static str, String)> {
    let (service, arg) = asked.split_once(' ')?;
    let service = match service {
        "git-upload-pack" => "upload-pack",
        "git-receive-pack" => "receive-pack",
        _ => return None,
    };
    let path = arg.strip_prefix('\'')?.strip_suffix('\'')?;
    // git quotes a `'` inside the path; such paths, and control characters, are not ours.
    (!path.is_empty() && !path.contains('\'') && !path.chars().any(char::is_control))
        .then(|| (service, path.to_string()))
}

/// Run git for an admin on this newsroom's repository, or refuse.
fn serve_git(room: &Newsroom, person: &Person, service: &str, path: &str, lang: Lang) -> Outcome {
    let refuse = |key: Key, note: &str| {
        room.log_session(&person.id, &format!("refused git {service} {path:?}: {note}"));
        Err(Failure {
            code: EXIT_REFUSED,
            message: key.text(lang).to_string(),
        })
    };
    // Others only where the admin opened the newsroom to clones (`store/sync.rs`).
    if !person.has(Role::Admin) && !room.clones_allowed() {
        return refuse(Key::SessionGitAdminOnly, "not an admin");
    }
    // The client names a path; it must be this newsroom (relative paths are from home).
    let asked = std::path::Path::new(path);
    let asked = if asked.is_absolute() {
        asked.to_path_buf()
    } else {
        std::env::var_os("HOME").map_or_else(|| asked.to_path_buf(), |h| std::path::Path::new(&h).join(asked))
    };
    let key = room.key();
    let same = asked.canonicalize().is_ok_and(|p| p == key || p.join(".git") == key);
    if !same {
        return refuse(Key::SessionGitOtherRepo, "not this newsroom");
    }
    if service == "receive-pack" {
        let hook = crate::store::files::read_text(&key.join("hooks").join("pre-receive")).unwrap_or_default();
        if !hook.contains("hook pre-receive") {
            return refuse(Key::SessionGitNoHook, "no pre-receive hook");
        }
    }
    room.log_session(&person.id, &format!("git {service}"));
    let status = std::process::Command::new("git")
        .arg(service)
        .arg(&key)
        .env("WARTA_PUSHER", &person.id)
        .status()
        .map_err(|e| Failure {
            code: crate::startup::EXIT_REPO,
            message: format!("git {service}: {e}"),
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure {
            code: u8::try_from(status.code().unwrap_or(1)).unwrap_or(1).max(1),
            message: format!("git {service}: {status}"),
        })
    }
}
