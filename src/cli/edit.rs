//! `new` and `edit`: write an item's content from the command line.

use std::io::Read;
use std::path::Path;

use super::act::apply;
use super::show::load;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};
use crate::store::Request;
use crate::store::action::NewItem;

/// `new --title T [--tag T]... [--kecamatan K] [--body-file F|-]`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The headline.
    #[arg(long)]
    pub title: String,
    /// A tag (repeat for several).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Kecamatan id (authors default to their own).
    #[arg(long)]
    pub kecamatan: Option<String>,
    /// Where the event took place.
    #[arg(long, default_value = "")]
    pub location: String,
    /// Read the body from a file, or `-` for standard input (default: the newsroom's template).
    #[arg(long, value_name = "F")]
    pub body_file: Option<String>,
}

/// `edit SLUG [--title T] [--tag T]... [--body-file F|-]`.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The item's slug.
    pub slug: String,
    /// New headline.
    #[arg(long)]
    pub title: Option<String>,
    /// Replace the tags (repeat for several).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// New location.
    #[arg(long)]
    pub location: Option<String>,
    /// Read the new body from a file, or `-` for standard input.
    #[arg(long, value_name = "F")]
    pub body_file: Option<String>,
}

/// Read a body from a file or standard input, byte-exact; it must be UTF-8.
pub fn read_body(ctx: &Ctx, source: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let read = if source == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(drop)
    } else {
        crate::store::files::read(Path::new(source)).map(|b| bytes = b)
    };
    let fail = |why: String| Failure {
        code: EXIT_REFUSED,
        message: i18n::fmt(ctx.lang, Key::OutBodyRead, &[&source, &why]),
    };
    read.map_err(|e| fail(i18n::io_reason(ctx.lang, &e)))?;
    String::from_utf8(bytes).map_err(|e| fail(format!("UTF-8 ({})", e.utf8_error())))
}

/// Run `new`: prints the new slug.
pub fn run_new(ctx: &Ctx, a: &NewArgs) -> Outcome {
    let body = a.body_file.as_deref().map(|f| read_body(ctx, f)).transpose()?;
    let req = Request::Create(NewItem {
        title: a.title.clone(),
        kecamatan: a.kecamatan.clone(),
        tags: a.tags.clone(),
        body,
        location: a.location.clone(),
        photos: Vec::new(),
        event_date: None,
    });
    let done = apply(ctx, &req)?;
    println!("{}", done.slug);
    Ok(())
}

/// Run `edit`.
pub fn run_edit(ctx: &Ctx, a: &EditArgs) -> Outcome {
    let entry = load(ctx, &a.slug)?;
    let base = entry.item.clone();
    let mut new = entry.item;
    if let Some(t) = &a.title {
        new.front.title.clone_from(t);
    }
    if !a.tags.is_empty() {
        new.front.tags.clone_from(&a.tags);
    }
    if let Some(l) = &a.location {
        new.front.location.clone_from(l);
    }
    if let Some(f) = &a.body_file {
        new.body = read_body(ctx, f)?;
    }
    apply(
        ctx,
        &Request::Edit {
            slug: a.slug.clone(),
            base: Box::new(base),
            new: Box::new(new),
        },
    )
    .map(drop)
}
