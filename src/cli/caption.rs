//! `caption SLUG --for CHANNEL` and `shared SLUG --channel C --url URL`: the social
//! media text of a published item, and the record of a post made with it.

use crate::domain::publish::caption::{Channel, caption};
use crate::domain::publish::{Page, Site};
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Failure, Outcome};
use crate::store::{Entry, Request, StoreError};

/// `caption SLUG --for CHANNEL`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item's slug.
    pub slug: String,
    /// The channel: instagram, facebook, x or whatsapp.
    #[arg(long = "for", value_name = "CHANNEL", value_parser = parse_channel)]
    pub channel: Channel,
}

/// `shared SLUG --channel C --url URL`.
#[derive(Debug, clap::Args)]
pub struct SharedArgs {
    /// The item's slug.
    pub slug: String,
    /// Where it was posted: website, instagram, facebook, x, whatsapp, tiktok, youtube.
    #[arg(long)]
    pub channel: String,
    /// The post's address (http:// or https://).
    #[arg(long)]
    pub url: String,
}

fn parse_channel(s: &str) -> Result<Channel, String> {
    Channel::parse(s).ok_or_else(|| format!("{s:?}: instagram, facebook, x, whatsapp"))
}

/// A published item the caller may see, and the site it lives on.
pub fn published(ctx: &Ctx, slug: &str) -> Result<(Entry, Site), Failure> {
    let entry = super::show::load(ctx, slug)?;
    // The public version, also while a correction is under way; none when taken down.
    if entry.public().is_none() {
        return Err(Failure {
            code: crate::exit::REFUSED,
            message: i18n::fmt(ctx.lang, Key::InvNotPublished, &[&slug]),
        });
    }
    let site = Site::of(&ctx.config).ok_or_else(|| {
        ctx.fail(&StoreError::Export {
            path: String::new(),
            problem: crate::store::export::ExportProblem::NoBaseUrl,
        })
    })?;
    Ok((entry, site))
}

/// Print the text for one channel on stdout, ready to paste.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let (e, site) = published(ctx, &a.slug)?;
    let Some((_, item, files)) = e.public() else {
        return Ok(());
    };
    let page = Page::new(&e.slug, item, &e.review, files, &ctx.config);
    println!("{}", caption(&page, &site, a.channel));
    Ok(())
}

/// Record a post of a published item: a `shared` event, one commit.
pub fn shared(ctx: &Ctx, a: &SharedArgs) -> Outcome {
    super::act::apply(
        ctx,
        &Request::Shared {
            slug: a.slug.clone(),
            channel: a.channel.clone(),
            url: a.url.clone(),
        },
    )
    .map(drop)
}
