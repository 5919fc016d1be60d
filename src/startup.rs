//! Start-up: finding the newsroom, resolving who acts and in which language, and the
//! failures and exit codes every entry point reports.
//!
//! Both the command line and the terminal UI start here; neither imports the other.

use std::path::{Path, PathBuf};

use crate::domain::config::{Config, Person};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key, Lang};
use crate::store::{Identity, Newsroom, Source, StoreError};

pub use crate::exit::{CONFLICT as EXIT_CONFLICT, REFUSED as EXIT_REFUSED, REPO as EXIT_REPO, USAGE as EXIT_USAGE};

/// A failure to report: the message is already in the user's language.
#[derive(Debug)]
pub struct Failure {
    /// Exit code.
    pub code: u8,
    /// One line for stderr.
    pub message: String,
}

impl Failure {
    /// A store error in the user's language, with its exit code.
    #[must_use]
    pub fn store(lang: Lang, e: &StoreError) -> Self {
        Self {
            code: e.exit_code(),
            message: i18n::error(lang, e),
        }
    }
}

/// Result of a subcommand.
pub type Outcome = Result<(), Failure>;

/// Everything a subcommand needs: the newsroom, its config, the caller and the language.
pub struct Ctx {
    /// The repository.
    pub room: Newsroom,
    /// The config at the branch head.
    pub config: Config,
    /// Who is acting.
    pub who: Identity,
    /// The output language.
    pub lang: Lang,
}

impl Ctx {
    /// The acting person, if known.
    #[must_use]
    pub fn person(&self) -> Option<&Person> {
        self.who.person.as_deref().and_then(|id| self.config.person(id))
    }

    /// The acting person's id, or a refusal explaining how to be added.
    pub fn actor(&self) -> Result<&str, Failure> {
        match &self.who.person {
            Some(id) => Ok(id),
            None => Err(Failure {
                code: EXIT_REFUSED,
                message: self.unknown_hint(),
            }),
        }
    }

    /// The message for a caller who is not in `warta.toml`.
    #[must_use]
    pub fn unknown_hint(&self) -> String {
        let (login, email) = match &self.who.source {
            Source::Unknown { login, email } => (
                login.clone().unwrap_or_else(|| "-".into()),
                email.clone().unwrap_or_else(|| "-".into()),
            ),
            _ => ("-".into(), "-".into()),
        };
        clean_line(&i18n::fmt(self.lang, Key::WhoUnknown, &[&login, &email]))
    }

    /// Map a store error to a failure in the user's language.
    #[must_use]
    pub fn fail(&self, e: &StoreError) -> Failure {
        Failure::store(self.lang, e)
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.is_empty())
}

/// The OS login name of the caller.
#[must_use]
pub fn login_name() -> Option<String> {
    env("USER").or_else(|| env("LOGNAME"))
}

/// The language before any newsroom is known.
#[must_use]
pub fn env_lang() -> Lang {
    Lang::choose(env("WARTA_LANG").as_deref(), None, None, env("LANG").as_deref())
}

/// Open the newsroom (`repo`, else found from the current directory, else
/// `WARTA_REPO`) and resolve the caller (`as_person`, else the login).
pub fn open(repo: Option<&Path>, as_person: Option<&str>) -> Result<Ctx, Failure> {
    let lang0 = env_lang();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let fallback = env("WARTA_REPO").map(PathBuf::from);
    let room = Newsroom::find(repo, &cwd, fallback.as_deref()).map_err(|e| Failure::store(lang0, &e))?;
    let head = room.head().map_err(|e| Failure::store(lang0, &e))?;
    let config = room.config_at(head).map_err(|e| Failure::store(lang0, &e))?;
    let newsroom_lang = Lang::choose(
        env("WARTA_LANG").as_deref(),
        None,
        Some(&config.newsroom.language),
        env("LANG").as_deref(),
    );
    let who = room
        .identify(&config, as_person, login_name().as_deref())
        .map_err(|e| Failure::store(newsroom_lang, &e))?;
    let person_lang = who
        .person
        .as_deref()
        .and_then(|id| config.person(id))
        .and_then(|p| p.language.clone());
    let lang = Lang::choose(
        env("WARTA_LANG").as_deref(),
        person_lang.as_deref(),
        Some(&config.newsroom.language),
        env("LANG").as_deref(),
    );
    Ok(Ctx {
        room,
        config,
        who,
        lang,
    })
}
