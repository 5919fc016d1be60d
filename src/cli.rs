//! The command line: one subcommand per file, every action through the same store
//! functions the TUI uses.
//!
//! Exit codes: 0 ok, 1 refused by a rule, 2 usage, 3 conflict after retries, 4
//! repository or config error.

mod act;
mod check;
mod demo;
mod diff;
mod edit;
mod hook;
mod init;
mod keys;
mod list;
mod log;
mod migrate;
mod people;
mod session;
mod show;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::domain::config::{Config, Person};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key, Lang};
use crate::store::{Identity, Newsroom, Source, StoreError};

/// warta: a terminal newsroom editor whose items live in git.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about)]
pub struct Cli {
    /// The newsroom repository (default: found from the current directory, then `WARTA_REPO`).
    #[arg(long, global = true, value_name = "PATH")]
    pub repo: Option<PathBuf>,
    /// Act as this person (local use and tests).
    #[arg(long = "as", global = true, value_name = "PERSON", env = "WARTA_AS")]
    pub as_person: Option<String>,
    /// What to do; without a command, warta opens the terminal UI.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a newsroom: the first commit holds warta.toml.
    Init(init::Args),
    /// Build a demo newsroom from the sample items and open it.
    Demo(demo::Args),
    /// Who is who, with roles.
    People(people::Args),
    /// List items.
    List(list::Args),
    /// Show one item.
    Show(show::Args),
    /// Create a new draft; prints its slug.
    New(edit::NewArgs),
    /// Change an item's title, tags or body.
    Edit(edit::EditArgs),
    /// Send a draft for review.
    Submit(act::MessageArgs),
    /// Take a submitted item back to draft.
    Withdraw(act::MessageArgs),
    /// Approve a submitted item (pinned to its current content).
    Approve(act::MessageArgs),
    /// Reject a submitted item for good.
    Reject(act::RequiredArgs),
    /// Publish an approved item.
    Publish(act::MessageArgs),
    /// Ask the author for changes.
    RequestChanges(act::RequiredArgs),
    /// Comment on an item, or on one paragraph of it.
    Comment(act::CommentArgs),
    /// Resolve a comment thread.
    Resolve(act::ResolveArgs),
    /// An item's history.
    Log(log::Args),
    /// Word-level changes of an item since an event.
    Diff(diff::Args),
    /// The pre-approval checklist of an item; exit 1 when a required rule fails.
    Check(check::Args),
    /// Replay the whole history and report every commit that broke a rule.
    Verify,
    /// Admins: put a damaged review log back to its last readable events (recorded).
    Repair(act::RequiredArgs),
    /// Admins: move every item of an older newsroom into date folders (one recorded commit).
    Migrate,
    /// Print the `authorized_keys` lines that force `warta session PERSON` for each key.
    Keys(keys::Args),
    /// The forced command of an SSH key: the TUI as PERSON, restricted.
    Session(session::Args),
    /// Server-side hooks: `pre-receive` checks pushes with the rules of verify.
    Hook(hook::Args),
}

/// An item and `--json`: the arguments of `show`, `log` and `check`.
#[derive(Debug, clap::Args)]
pub struct ItemArgs {
    /// The item's slug.
    pub slug: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Exit code: refused by a rule.
pub const EXIT_REFUSED: u8 = 1;
/// Exit code: repository or config error.
pub const EXIT_REPO: u8 = 4;

/// A failure to report: the message is already in the user's language.
#[derive(Debug)]
pub struct Failure {
    /// Exit code.
    pub code: u8,
    /// One line for stderr.
    pub message: String,
}

impl Failure {
    fn store(lang: Lang, e: &StoreError) -> Self {
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

/// Open the newsroom and resolve the caller.
pub fn open(cli: &Cli) -> Result<Ctx, Failure> {
    let lang0 = env_lang();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let fallback = env("WARTA_REPO").map(PathBuf::from);
    let room = Newsroom::find(cli.repo.as_deref(), &cwd, fallback.as_deref()).map_err(|e| Failure::store(lang0, &e))?;
    let head = room.head().map_err(|e| Failure::store(lang0, &e))?;
    let config = room.config_at(head).map_err(|e| Failure::store(lang0, &e))?;
    let newsroom_lang = Lang::choose(
        env("WARTA_LANG").as_deref(),
        None,
        Some(&config.newsroom.language),
        env("LANG").as_deref(),
    );
    let who = room
        .identify(&config, cli.as_person.as_deref(), login_name().as_deref())
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

/// Print a JSON document.
pub fn print_json(value: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}

/// Print a JSON array as `print_json` would, made one element at a time: a list of
/// 10,000 items never exists whole, as values or as text.
pub fn print_json_array(items: impl Iterator<Item = serde_json::Value>) {
    struct Lazy<I>(std::cell::RefCell<Option<I>>);
    impl<I: Iterator<Item = serde_json::Value>> serde::Serialize for Lazy<I> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let mut seq = s.serialize_seq(None)?;
            for item in self.0.borrow_mut().take().into_iter().flatten() {
                seq.serialize_element(&item)?;
            }
            seq.end()
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, &Lazy(std::cell::RefCell::new(Some(items))))
        .map_err(std::io::Error::from)
        .and_then(|()| std::io::Write::write_all(&mut out, b"\n"))
        .and_then(|()| std::io::Write::flush(&mut out));
    // A closed pipe (`warta list --json | head`) ends the output quietly, like println.
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        panic!("failed printing to stdout: {e}");
    }
}

/// Run the command line; returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    // `warta list | head`: a closed pipe ends the output quietly, as for other tools.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info.payload().downcast_ref::<String>().map_or("", String::as_str);
        if text.contains("failed printing to stdout") && text.contains("Broken pipe") {
            std::process::exit(0);
        }
        default_hook(info);
    }));
    let cli = Cli::parse();
    // Object ids are checked against content by `verify` and the push hook, which judge
    // history; everything else reads objects git already checked when they arrived (as
    // git itself does), which saves hashing every object read.
    git2::opts::strict_hash_verification(matches!(cli.command, Some(Command::Verify | Command::Hook(_))));
    let result = match &cli.command {
        None => crate::tui::open(&cli),
        Some(Command::Init(a)) => init::run(&cli, a),
        Some(Command::Demo(a)) => demo::run(&cli, a),
        Some(Command::Session(a)) => session::run(&cli, a),
        Some(Command::Hook(a)) => hook::run(&cli, a),
        Some(cmd) => open(&cli).and_then(|ctx| dispatch(&ctx, cmd)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("warta: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn dispatch(ctx: &Ctx, cmd: &Command) -> Outcome {
    use crate::domain::review::ActionKind as A;
    match cmd {
        Command::Init(_) | Command::Demo(_) | Command::Session(_) | Command::Hook(_) => {
            unreachable!("run before a newsroom is open")
        }
        Command::Keys(a) => keys::run(ctx, a),
        Command::People(a) => {
            people::run(ctx, a);
            Ok(())
        }
        Command::List(a) => list::run(ctx, a),
        Command::Show(a) => show::run(ctx, a),
        Command::New(a) => edit::run_new(ctx, a),
        Command::Edit(a) => edit::run_edit(ctx, a),
        Command::Submit(a) => act::transition(ctx, &a.slug, A::Submit, a.message.clone(), a.content.as_ref()),
        Command::Withdraw(a) => act::transition(ctx, &a.slug, A::Withdraw, a.message.clone(), a.content.as_ref()),
        Command::Approve(a) => act::transition(ctx, &a.slug, A::Approve, a.message.clone(), a.content.as_ref()),
        Command::Publish(a) => act::transition(ctx, &a.slug, A::Publish, a.message.clone(), a.content.as_ref()),
        Command::Reject(a) => act::transition(ctx, &a.slug, A::Reject, Some(a.message.clone()), a.content.as_ref()),
        Command::RequestChanges(a) => act::transition(
            ctx,
            &a.slug,
            A::RequestChanges,
            Some(a.message.clone()),
            a.content.as_ref(),
        ),
        Command::Repair(a) => act::repair(ctx, a),
        Command::Comment(a) => act::comment(ctx, a),
        Command::Resolve(a) => act::resolve(ctx, a),
        Command::Log(a) => log::run(ctx, a),
        Command::Diff(a) => diff::run(ctx, a),
        Command::Check(a) => check::run(ctx, a),
        Command::Verify => verify::run(ctx),
        Command::Migrate => migrate::run(ctx),
    }
}
