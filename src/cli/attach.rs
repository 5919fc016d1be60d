//! `attach SLUG FILE… [--caption TEXT] [--credit TEXT]`: add photos to an item, one
//! commit each; and the same from an SSH key's forced command (`attach SLUG NAME` with
//! the photo on standard input), the only command a session runs instead of the TUI.
//!
//! Every photo goes through `domain/photo.rs` in the store: type by content, size and
//! pixel limits, decoded whole, turned upright, metadata removed.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use crate::domain::photo;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Failure, Outcome};
use crate::store::{NewPhoto, Request, StoreError};

/// `attach SLUG FILE…`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item's slug.
    pub slug: String,
    /// The photos (JPEG, PNG or WebP), in the order they go in.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The caption of each photo (also set or changed later in the editor).
    #[arg(long)]
    pub caption: Option<String>,
    /// Who took the photos.
    #[arg(long)]
    pub credit: Option<String>,
}

/// Run `attach`: each file in turn, stopping at the first refused.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let max = photo::Limits::from_config(&ctx.config).max_bytes;
    for path in &a.files {
        let shown = path.display().to_string();
        let (data, more) = crate::store::files::read_at_most(path, max).map_err(|e| Failure {
            code: crate::exit::USAGE,
            message: i18n::fmt(ctx.lang, Key::OutAttachRead, &[&shown, &i18n::io_reason(ctx.lang, &e)]),
        })?;
        let name = path
            .file_name()
            .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
        attach(
            ctx,
            &a.slug,
            &name,
            data,
            more,
            a.caption.as_deref(),
            a.credit.as_deref(),
        )?;
    }
    Ok(())
}

/// Attach one photo's bytes; `more` says the file went on past the size limit.
pub fn attach(
    ctx: &Ctx,
    slug: &str,
    name: &str,
    data: Vec<u8>,
    more: bool,
    caption: Option<&str>,
    credit: Option<&str>,
) -> Outcome {
    if more {
        let max = photo::Limits::from_config(&ctx.config).max_bytes;
        let e = StoreError::Invalid(crate::store::Invalid::Photo(photo::PhotoError::TooLarge {
            bytes: data.len() as u64 + 1,
            max,
        }));
        return Err(ctx.fail(&e));
    }
    let req = Request::Attach(Box::new(NewPhoto {
        slug: slug.to_string(),
        name: name.to_string(),
        data,
        caption: caption.unwrap_or_default().to_string(),
        credit: credit.unwrap_or_default().to_string(),
    }));
    let actor = ctx.actor()?;
    let done = ctx.room.apply(actor, &req).map_err(|e| ctx.fail(&e))?;
    super::act::report(ctx, &done);
    let head = ctx.room.head().map_err(|e| ctx.fail(&e))?;
    let added = ctx
        .room
        .entry_at(head, &done.slug)
        .ok()
        .flatten()
        .and_then(Result::ok)
        .and_then(|e| e.item.front.photos.last().cloned());
    if let Some(p) = added {
        let (w, h) = (p.width.unwrap_or_default(), p.height.unwrap_or_default());
        eprintln!(
            "{}",
            crate::domain::text::clean_line(&i18n::fmt(ctx.lang, Key::OutAttached, &[&p.file, &done.slug, &w, &h]))
        );
    }
    Ok(())
}

/// The item and name of an SSH `attach SLUG NAME` command, or `None` for anything else.
/// The name may hold spaces (ssh joins its arguments with one).
#[must_use]
pub fn ssh_request(asked: &str) -> Option<(String, String)> {
    let rest = asked.trim().strip_prefix("attach ")?;
    let (slug, name) = rest.trim_start().split_once(' ')?;
    let name = name.trim();
    (!name.is_empty() && !asked.chars().any(char::is_control)).then(|| (slug.to_string(), name.to_string()))
}

/// An SSH attach: the photo is read from standard input, bounded by the size limit.
pub fn over_ssh(ctx: &Ctx, slug: &str, name: &str) -> Outcome {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(Failure {
            code: crate::exit::USAGE,
            message: Key::SshAttachUsage.text(ctx.lang).to_string(),
        });
    }
    let max = photo::Limits::from_config(&ctx.config).max_bytes;
    let mut data = Vec::new();
    stdin.lock().take(max + 1).read_to_end(&mut data).map_err(|e| Failure {
        code: crate::exit::USAGE,
        message: i18n::fmt(ctx.lang, Key::OutAttachRead, &[&"stdin", &e]),
    })?;
    let more = data.len() as u64 > max;
    data.truncate(usize::try_from(max).unwrap_or(usize::MAX));
    attach(ctx, slug, name, data, more, None, None)
}

#[cfg(test)]
mod tests {
    use super::ssh_request;

    #[test]
    fn only_attach_with_a_slug_and_a_name_is_an_attach() {
        assert_eq!(
            ssh_request("attach 2024-09-09-rapat IMG 001.jpg"),
            Some(("2024-09-09-rapat".into(), "IMG 001.jpg".into()))
        );
        for other in [
            "attach",
            "attach slug",
            "rm -rf /",
            "attachx a b",
            "attach a b\u{1b}[2J",
        ] {
            assert_eq!(ssh_request(other), None, "{other}");
        }
    }
}
