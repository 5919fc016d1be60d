//! `submit`, `withdraw`, `approve`, `reject`, `publish`, `request-changes`, `comment`,
//! `resolve`: one action each, one commit each.

use crate::domain::review::ActionKind;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Failure, Outcome};
use crate::store::{Done, Request};

/// An item and an optional message.
#[derive(Debug, clap::Args)]
pub struct MessageArgs {
    /// The item's slug.
    pub slug: String,
    /// A note recorded with the action.
    #[arg(short, long)]
    pub message: Option<String>,
    /// The content id you read (from `show`); refused if the item changed since.
    #[arg(long, value_name = "ID")]
    pub content: Option<String>,
}

/// An item and a required message.
#[derive(Debug, clap::Args)]
pub struct RequiredArgs {
    /// The item's slug.
    pub slug: String,
    /// The reason (required).
    #[arg(short, long)]
    pub message: String,
    /// The content id you read (from `show`); refused if the item changed since.
    #[arg(long, value_name = "ID")]
    pub content: Option<String>,
}

/// `comment SLUG -m MSG [--paragraph N] [--reply THREAD]`.
#[derive(Debug, clap::Args)]
pub struct CommentArgs {
    /// The item's slug.
    pub slug: String,
    /// The comment.
    #[arg(short, long)]
    pub message: String,
    /// Point at paragraph N (1-based, as numbered by `show`).
    #[arg(long, value_name = "N", conflicts_with = "reply")]
    pub paragraph: Option<u32>,
    /// Reply in an existing thread instead of opening one.
    #[arg(long, value_name = "THREAD")]
    pub reply: Option<u32>,
}

/// `resolve SLUG THREAD`.
#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    /// The item's slug.
    pub slug: String,
    /// Thread number.
    pub thread: u32,
}

/// Apply a request and report it in one line.
pub fn apply(ctx: &Ctx, req: &Request) -> Result<Done, Failure> {
    let actor = ctx.actor()?;
    let done = ctx.room.apply(actor, req).map_err(|e| ctx.fail(&e))?;
    report(ctx, &done);
    Ok(done)
}

/// Print what an applied action did (to stderr, so stdout stays for data).
pub fn report(ctx: &Ctx, done: &Done) {
    let lang = ctx.lang;
    match done.commit {
        None => eprintln!("{}", Key::OutNothing.text(lang)),
        Some(c) => {
            let short = c.to_string()[..8].to_string();
            eprintln!(
                "{}",
                i18n::fmt(
                    lang,
                    Key::OutDone,
                    &[&i18n::action(lang, done.action), &done.slug, &short]
                )
            );
        }
    }
    if done.merged {
        eprintln!("{}", Key::OutMerged.text(lang));
    }
    for s in &done.skipped {
        eprintln!("{}", i18n::fmt(lang, Key::OutSkipped, &[s]));
    }
}

/// One of the six workflow transitions; `seen` is the content id the person read.
pub fn transition(
    ctx: &Ctx,
    slug: &str,
    action: ActionKind,
    message: Option<String>,
    seen: Option<&String>,
) -> Outcome {
    apply(
        ctx,
        &Request::Transition {
            slug: slug.to_string(),
            action,
            message,
            seen: seen.map(|s| s.trim().to_ascii_lowercase()),
        },
    )
    .map(drop)
}

/// `publish`: the transition, then the after-publish command when `warta.toml` sets
/// one. Its failure is reported on stderr and changes nothing: the item stays
/// published and warta exits 0, since the publish itself succeeded.
pub fn publish(ctx: &Ctx, a: &MessageArgs) -> Outcome {
    public_change(ctx, &a.slug, ActionKind::Publish, a.message.clone(), a.content.as_ref())
}

/// A transition that changes what the public sees (`publish`, `takedown`, `restore`),
/// then the after-publish command, so the website follows.
pub fn public_change(
    ctx: &Ctx,
    slug: &str,
    action: ActionKind,
    message: Option<String>,
    seen: Option<&String>,
) -> Outcome {
    let done = apply(
        ctx,
        &Request::Transition {
            slug: slug.to_string(),
            action,
            message,
            seen: seen.map(|s| s.trim().to_ascii_lowercase()),
        },
    )?;
    if done.commit.is_none() {
        return Ok(());
    }
    let plan = match ctx.room.after_publish(&done.slug) {
        Ok(Some(plan)) => plan,
        Ok(None) => return Ok(()),
        Err(e) => {
            eprintln!("{}", ctx.fail(&e).message);
            return Ok(());
        }
    };
    let ran = plan.run();
    let log = ran.log.display().to_string();
    match ran.failure {
        None => eprintln!("{}", i18n::fmt(ctx.lang, Key::OutAfterPublishOk, &[&log])),
        Some(why) => eprintln!("{}", i18n::fmt(ctx.lang, Key::OutAfterPublishFailed, &[&why, &log])),
    }
    Ok(())
}

/// `repair SLUG -m REASON`: an admin puts a damaged log back to its last readable events.
pub fn repair(ctx: &Ctx, a: &RequiredArgs) -> Outcome {
    apply(
        ctx,
        &Request::Repair {
            slug: a.slug.clone(),
            message: a.message.clone(),
        },
    )
    .map(drop)
}

/// `comment`.
pub fn comment(ctx: &Ctx, a: &CommentArgs) -> Outcome {
    let req = match a.reply {
        Some(thread) => Request::Reply {
            slug: a.slug.clone(),
            thread,
            text: a.message.clone(),
        },
        None => Request::Comment {
            slug: a.slug.clone(),
            paragraph: a.paragraph,
            text: a.message.clone(),
        },
    };
    apply(ctx, &req).map(drop)
}

/// `resolve`.
pub fn resolve(ctx: &Ctx, a: &ResolveArgs) -> Outcome {
    apply(
        ctx,
        &Request::Resolve {
            slug: a.slug.clone(),
            thread: a.thread,
        },
    )
    .map(drop)
}
