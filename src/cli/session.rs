//! `session PERSON`: the forced command of an SSH key. Opens the TUI as that person
//! in restricted mode: no external editor, no shell, no path from the client.

use super::{Cli, EXIT_REFUSED, Failure, Outcome, env_lang};
use crate::i18n::{self, Key, Lang};
use crate::store::Newsroom;

/// `session PERSON`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person this key belongs to (fixed by the server, never by the client).
    pub person: String,
}

/// Run `session`.
pub fn run(cli: &Cli, a: &Args) -> Outcome {
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
    // What the client asked to run is never run; it is only noted.
    if let Ok(asked) = std::env::var("SSH_ORIGINAL_COMMAND") {
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
    room.log_session(&a.person, "session start");
    crate::tui::run_session(room, person.id.clone(), lang)
}
