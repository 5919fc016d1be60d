//! The command line: one subcommand per file, every action through the same store
//! functions the TUI uses.
//!
//! Exit codes: 0 ok, 1 refused by a rule, 2 usage, 3 conflict after retries, 4
//! repository or config error.

mod act;
mod admin;
mod attach;
mod caption;
mod check;
mod common;
mod correct;
mod correction;
mod demo;
mod diff;
mod edit;
mod export;
mod hook;
mod init;
mod kecamatan;
mod keys;
mod list;
mod log;
mod migrate;
mod people;
pub mod report;
mod report_cells;
mod report_html;
mod session;
mod show;
mod sync;
mod tags;
mod verify;
mod words;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use crate::startup::{Ctx, EXIT_REFUSED, EXIT_REPO, Failure, Outcome, env_lang, login_name};
pub use common::{Global, ItemArgs, print_json, print_json_array};

/// warta: a terminal newsroom editor whose items live in git.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about)]
pub struct Cli {
    /// The options every subcommand takes (`--repo`, `--as`).
    #[command(flatten)]
    pub global: Global,
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
    /// Who is who, with roles; admins add, change, end and import people.
    People(people::Args),
    /// The kecamatan and their active authors; admins add and rename.
    Kecamatan(kecamatan::Args),
    /// The tag vocabulary; admins add and remove words.
    Tags(tags::Args),
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
    /// Throw away your own draft that was never submitted: it leaves every list, its history stays (`log`).
    Discard(act::MessageArgs),
    /// Approve a submitted item (pinned to its current content).
    Approve(act::MessageArgs),
    /// Reject a submitted item for good.
    Reject(act::RequiredArgs),
    /// Publish an approved item (then runs `[publish] command` of warta.toml, if set).
    /// For a correction, -m is the note readers see (default: the words of `correct -m`).
    Publish(act::MessageArgs),
    /// Start a correction of a published item; the published version stays up until
    /// the correction is approved and published.
    Correct(correct::CorrectArgs),
    /// Approvers: take a published item down, with a reason.
    Takedown(correct::TakedownArgs),
    /// Approvers: put a taken-down item back up.
    Restore(act::MessageArgs),
    /// Write the published items as a website: a Hugo content tree or a standalone site.
    Export(export::Args),
    /// The social media text of a published item, ready to paste.
    Caption(caption::Args),
    /// Record where a published item was posted (a `shared` event).
    Shared(caption::SharedArgs),
    /// Add photos to an item (metadata such as the GPS position is removed).
    Attach(attach::Args),
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
    /// The pre-approval checklist of an item, then its misspelled words and house-style
    /// slips with line and column; exit 1 when a required rule fails.
    Check(check::Args),
    /// Replay the whole history and report every commit that broke a rule.
    Verify,
    /// Evaluate each kecamatan's publishing over a period (default: last month).
    Report(report::Args),
    /// Admins: put a damaged review log back to its last readable events (recorded).
    Repair(act::RequiredArgs),
    /// Admins: move every item of an older newsroom into date folders (one recorded commit).
    Migrate,
    /// The `authorized_keys` lines that force `warta session PERSON` for each key; admins add and remove keys.
    Keys(keys::Args),
    /// The forced command of an SSH key: the TUI as PERSON, restricted.
    Session(session::Args),
    /// Server-side hooks: `pre-receive` checks pushes with the rules of verify.
    Hook(hook::Args),
    /// Copy a newsroom from a server to work on here, offline too.
    Clone(sync::CloneArgs),
    /// Send the actions made here to the server and take in everyone else's.
    Sync,
    /// Words the spell checker accepts: the newsroom's list (approvers, admins) or your own.
    Words(words::Args),
}

/// Open the newsroom the command line names and resolve the caller.
pub fn open(cli: &Cli) -> Result<Ctx, Failure> {
    crate::startup::open(cli.global.repo.as_deref(), cli.global.as_person.as_deref())
}

/// Run the command line; returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    // `warta list | head`: a closed pipe ends the output quietly, as for other tools.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info.payload().downcast_ref::<String>().map_or("", String::as_str);
        if text.contains("failed printing to stdout") && text.contains("Broken pipe") {
            std::process::exit(i32::from(crate::exit::OK));
        }
        default_hook(info);
    }));
    let cli = Cli::parse();
    // Object ids are checked against content by `verify` and the push hook, which judge
    // history; everything else reads objects git already checked when they arrived (as
    // git itself does), which saves hashing every object read.
    crate::store::verify_object_hashes(matches!(cli.command, Some(Command::Verify | Command::Hook(_))));
    let result = match &cli.command {
        None => open(&cli).and_then(crate::tui::open),
        Some(Command::Init(a)) => init::run(&cli.global, a),
        Some(Command::Demo(a)) => demo::run(a),
        Some(Command::Session(a)) => session::run(&cli.global, a),
        Some(Command::Hook(a)) => hook::run(&cli.global, a),
        Some(Command::Clone(a)) => sync::clone(a),
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
        Command::Init(_) | Command::Demo(_) | Command::Session(_) | Command::Hook(_) | Command::Clone(_) => {
            unreachable!("run before a newsroom is open")
        }
        Command::Keys(a) => keys::run(ctx, a),
        Command::People(a) => people::run(ctx, a),
        Command::Kecamatan(a) => kecamatan::run(ctx, a),
        Command::Tags(a) => tags::run(ctx, a),
        Command::List(a) => list::run(ctx, a),
        Command::Show(a) => show::run(ctx, a),
        Command::New(a) => edit::run_new(ctx, a),
        Command::Edit(a) => edit::run_edit(ctx, a),
        Command::Submit(a) => act::transition(ctx, &a.slug, A::Submit, a.message.clone(), a.content.as_ref()),
        Command::Withdraw(a) => act::transition(ctx, &a.slug, A::Withdraw, a.message.clone(), a.content.as_ref()),
        Command::Discard(a) => act::transition(ctx, &a.slug, A::Discard, a.message.clone(), a.content.as_ref()),
        Command::Approve(a) => act::transition(ctx, &a.slug, A::Approve, a.message.clone(), a.content.as_ref()),
        Command::Publish(a) => act::publish(ctx, a),
        Command::Correct(a) => correct::correct(ctx, a),
        Command::Takedown(a) => correct::takedown(ctx, a),
        Command::Restore(a) => correct::restore(ctx, a),
        Command::Export(a) => export::run(ctx, a),
        Command::Caption(a) => caption::run(ctx, a),
        Command::Shared(a) => caption::shared(ctx, a),
        Command::Attach(a) => attach::run(ctx, a),
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
        Command::Report(a) => report::run(ctx, a),
        Command::Migrate => migrate::run(ctx),
        Command::Sync => sync::run(ctx),
        Command::Words(a) => words::run(ctx, a),
    }
}
