//! `export hugo|html DIR`: the published items as a website, written incrementally.

use std::path::PathBuf;

use crate::i18n::{self, Key};
use crate::startup::{Ctx, Outcome};
use crate::store::export::Format;

/// `export hugo|html DIR`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `html`: a standalone static site; `hugo`: a Hugo content tree and theme.
    #[arg(value_enum)]
    pub format: Kind,
    /// The output folder: empty, or a folder warta exported to before.
    pub dir: PathBuf,
}

/// The website kinds.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// A Hugo content tree (page bundles) and a small theme: run `hugo` in DIR.
    Hugo,
    /// A standalone site: HTML pages, Atom feed and sitemap.
    Html,
}

/// Run `export`: a summary line and missing photos on stderr.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let format = match a.format {
        Kind::Hugo => Format::Hugo,
        Kind::Html => Format::Html,
    };
    let done = ctx.room.export(format, &a.dir).map_err(|e| ctx.fail(&e))?;
    let lang = ctx.lang;
    for (slug, file) in &done.missing {
        eprintln!("{}", i18n::fmt(lang, Key::OutPhotoMissing, &[slug, file]));
    }
    eprintln!(
        "{}",
        i18n::fmt(
            lang,
            Key::OutExported,
            &[
                &a.dir.display(),
                &done.items,
                &done.written.len(),
                &done.removed.len(),
                &done.pages
            ]
        )
    );
    Ok(())
}
