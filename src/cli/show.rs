//! `show`: one item with its metadata, numbered paragraphs, comments and history.

use serde_json::json;

use super::common::print_json;
use super::list::item_json;
use crate::domain::text::{clean_block, clean_line};
use crate::domain::workflow::{Denial, can_see};
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Failure, Outcome};
use crate::store::{Entry, Invalid, StoreError};

/// `SLUG [--json] [--working]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item and `--json`.
    #[command(flatten)]
    pub item: super::common::ItemArgs,
    /// While a correction is under way: the working text instead of the published one.
    #[arg(long)]
    pub working: bool,
}

/// Load an item the caller may see, or the reason why not.
pub fn load(ctx: &Ctx, slug: &str) -> Result<Entry, Failure> {
    let head = ctx.room.head().map_err(|e| ctx.fail(&e))?;
    let entry = match ctx.room.entry_at(head, slug).map_err(|e| ctx.fail(&e))? {
        None => return Err(ctx.fail(&StoreError::Invalid(Invalid::UnknownItem(slug.to_string())))),
        Some(Err(b)) => {
            return Err(ctx.fail(&StoreError::Broken {
                path: b.path,
                line: b.line,
                reason: b.reason,
            }));
        }
        Some(Ok(e)) => e,
    };
    if !can_see(ctx.person(), &entry.facts()) {
        return Err(ctx.fail(&StoreError::Denied(Denial::NotVisible)));
    }
    Ok(entry)
}

/// Run `show`.
pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let a = &args.item;
    let mut e = load(ctx, &a.slug)?;
    let lang = ctx.lang;
    // While a correction is under way, what is shown is what readers see, unless the
    // working text is asked for (and its reader may see the item unpublished).
    let working = super::correction::public_or_working(ctx, &mut e, args.working)?;
    let e = e;
    let front = &e.item.front;
    if a.json {
        let mut v = item_json(&e);
        v["body"] = json!(clean_block(&e.item.body));
        v["location"] = json!(clean_line(&front.location));
        v["photos"] = json!(
            front
                .photos
                .iter()
                .map(|p| {
                    json!({
                        "file": clean_line(&p.file),
                        "caption": clean_line(&p.caption),
                        "credit": clean_line(&p.credit),
                        "width": p.width,
                        "height": p.height,
                    })
                })
                .collect::<Vec<_>>()
        );
        v["content"] = json!(e.content);
        v["public_content"] = json!(e.state.public);
        v["correcting"] = json!(e.state.correcting());
        v["working"] = json!(working);
        v["versions"] = json!(super::correction::versions_json(&e));
        let paragraphs = e.item.paragraphs();
        v["threads"] = json!(e
            .state
            .threads
            .iter()
            .map(|t| json!({
                "id": t.id,
                // Where the thread's paragraph is now, as the TUI places it; `paragraph`
                // stays the number it was opened on.
                "current_paragraph": t.locate(&paragraphs).map(|i| i + 1),
                "outdated": t.paragraph.is_some() && t.locate(&paragraphs).is_none(),
                "paragraph": t.paragraph,
                "anchor": t.anchor.as_deref().map(clean_line),
                "resolved": t.resolved,
                "comments": t.comments.iter().map(|c| json!({"actor": c.actor, "at": c.at, "text": clean_block(&c.text)})).collect::<Vec<_>>(),
            }))
            .collect::<Vec<_>>());
        v["events"] = json!(e
            .review
            .events
            .iter()
            .map(|ev| json!({"at": ev.at, "actor": ev.actor, "action": ev.action.id(), "message": ev.message.as_deref().map(clean_block)}))
            .collect::<Vec<_>>());
        print_json(&v);
        return Ok(());
    }
    println!("{}", clean_line(&front.title));
    println!(
        "{}: {}",
        Key::OutFieldStatus.text(lang),
        i18n::status(lang, e.state.status)
    );
    super::correction::print_public_state(ctx, &e, working);
    if e.approval_stale() {
        println!("!! {}", Key::OutApprovalStale.text(lang));
    } else if e.approval_valid() {
        println!("✓ {}", Key::OutApprovalValid.text(lang));
    }
    println!(
        "{}: {}",
        Key::OutFieldKecamatan.text(lang),
        clean_line(&front.kecamatan)
    );
    let author = ctx
        .config
        .person(&front.author)
        .map_or(front.author.clone(), |p| p.name.clone());
    println!("{}: {}", Key::OutFieldAuthor.text(lang), clean_line(&author));
    println!(
        "{}: {}",
        Key::OutFieldTags.text(lang),
        clean_line(&front.tags.join(", "))
    );
    if !front.location.is_empty() {
        println!("{}: {}", Key::OutFieldLocation.text(lang), clean_line(&front.location));
    }
    println!("{}: {}", Key::OutFieldUpdated.text(lang), e.updated());
    // The id an approver passes back with --content, so what is approved is what was read.
    println!(
        "{}: {}",
        Key::OutFieldContent.text(lang),
        &e.content[..e.content.len().min(10)]
    );
    for p in &front.photos {
        // Photos: the credit after the caption, when there is one.
        let credit = if p.credit.is_empty() {
            String::new()
        } else {
            format!(" ({})", clean_line(&p.credit))
        };
        println!(
            "{}: {} — {}{credit}",
            Key::OutFieldPhotos.text(lang),
            clean_line(&p.file),
            clean_line(&p.caption)
        );
    }
    println!();
    for (i, p) in e.item.paragraphs().iter().enumerate() {
        println!("[{}] {}\n", i + 1, clean_block(p));
    }
    if !e.state.threads.is_empty() {
        println!("{}:", Key::OutFieldThreads.text(lang));
    }
    let paragraphs = e.item.paragraphs();
    for t in &e.state.threads {
        let state = if t.resolved {
            Key::OutThreadResolved
        } else {
            Key::OutThreadOpen
        }
        .text(lang);
        // The paragraph it is on now (it follows its text, as in the TUI), or outdated.
        let place = match (t.paragraph, t.locate(&paragraphs)) {
            (_, Some(i)) => format!(" ({} {})", Key::OutParagraph.text(lang), i + 1),
            (Some(p), None) => format!(
                " ({}, {} {p})",
                Key::OutOutdated.text(lang),
                Key::OutParagraph.text(lang)
            ),
            (None, None) => String::new(),
        };
        println!("  #{}{} [{}]", t.id, place, state);
        for c in &t.comments {
            println!("    {} ({}): {}", clean_line(&c.actor), c.at, clean_line(&c.text));
        }
    }
    Ok(())
}
