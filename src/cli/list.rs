//! `list`: items the caller may see, filtered; plain or JSON.

use std::fmt::Write;

use serde_json::json;

use super::common::print_json_array;
use crate::domain::review::Status;
use crate::domain::text::clean_line;
use crate::domain::word_index::WordIndex;
use crate::i18n::{self, Key};
use crate::query::rows_in;
use crate::query::{Filters, Queue};
use crate::startup::{Ctx, Failure, Outcome};
use crate::store::{Entry, Summary};

/// `list [--status S] [--kecamatan K] [--tag T] [--mine] [--json]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only items in this status (`draft`, `submitted`, `changes_requested`, `approved`, `published`, `rejected`, `discarded`; discarded drafts are listed only when asked for).
    #[arg(long)]
    pub status: Option<String>,
    /// Only items of this kecamatan id.
    #[arg(long)]
    pub kecamatan: Option<String>,
    /// Only items with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// Only items I wrote.
    #[arg(long)]
    pub mine: bool,
    /// Search titles and tags (fuzzy) and bodies (words); best matches first.
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// The JSON of one item in a list.
#[must_use]
pub fn item_json(e: &Entry) -> serde_json::Value {
    summary_json(&Summary::of(e))
}

/// The JSON of one item's summary.
fn summary_json(e: &Summary) -> serde_json::Value {
    json!({
        "slug": e.slug,
        "title": clean_line(&e.title),
        "status": e.status.id(),
        "kecamatan": e.kecamatan,
        "author": e.author,
        "tags": e.tags.iter().map(|t| clean_line(t)).collect::<Vec<_>>(),
        "updated": e.updated,
        "approval_valid": e.approval_valid,
        "open_threads": e.open_threads,
    })
}

/// Run `list`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let status = match &a.status {
        None => None,
        Some(s) => Some(Status::parse(s).ok_or_else(|| Failure {
            code: crate::exit::USAGE,
            message: format!(
                "--status: {s:?} (draft, submitted, changes_requested, approved, published, rejected, discarded)"
            ),
        })?),
    };
    // The compact index: summaries only, bodies left in git (read for a search only
    // when the word index cannot answer alone).
    let me = ctx.person();
    // A text under correction reaches only those who may see it unpublished.
    let index = ctx.room.index().map_err(|e| ctx.fail(&e))?.seen_by(me);
    // The same rows as the TUI's "all" queue: visibility, filters and search.
    let filters = Filters {
        status,
        kecamatan: a.kecamatan.clone(),
        tag: a.tag.clone(),
    };
    let search = a.search.as_deref().unwrap_or_default();
    let words = if search.trim().is_empty() {
        WordIndex::default()
    } else {
        ctx.room.words(&index).map_err(|e| ctx.fail(&e))?
    };
    let items: Vec<&Summary> = rows_in(&ctx.room, &index, &words, me, Queue::All, &filters, search)
        .into_iter()
        .map(|r| &index.items[r.index])
        .filter(|e| !a.mine || me.is_some_and(|p| p.id == e.author))
        .collect();
    // Broken files are listed for every known person, so someone fixes them.
    let broken: Vec<_> = if me.is_some() {
        index.broken.iter().collect()
    } else {
        Vec::new()
    };
    if a.json {
        print_json_array(items.iter().map(|e| summary_json(e)).chain(broken.iter().map(|b| {
            json!({
                "slug": clean_line(&b.slug), "title": "", "status": "broken", "kecamatan": "", "author": "",
                "tags": [], "updated": "", "approval_valid": false,
                "broken": { "path": clean_line(&b.path), "line": b.line, "reason": clean_line(&b.reason) },
            })
        })));
    } else {
        if items.is_empty() && broken.is_empty() {
            println!("{}", Key::OutNoItems.text(ctx.lang));
        }
        for e in &items {
            let mut flags = String::new();
            if e.approval_stale {
                flags.push_str(" !");
                flags.push_str(Key::OutApprovalStale.text(ctx.lang));
            }
            if e.open_threads > 0 {
                let _ = write!(flags, " 💬{}", e.open_threads);
            }
            println!(
                "{:<13} {}  {}  [{} · {}]{}",
                i18n::status(ctx.lang, e.status),
                e.slug,
                clean_line(&e.title),
                clean_line(&e.kecamatan),
                clean_line(&e.author),
                flags
            );
        }
        for b in &broken {
            println!(
                "{}",
                clean_line(&i18n::fmt(ctx.lang, Key::OutBrokenLine, &[&b.path, &b.line, &b.reason]))
            );
        }
    }
    if me.is_none() {
        eprintln!("{}", ctx.unknown_hint());
    }
    // The process ends next: freeing 100,000 summaries and their words one by one
    // would be a fifth of a warm list, so they are left to the exit.
    std::mem::forget((index, words));
    Ok(())
}
