//! What `show`, `log` and `diff` say about an item after its publication: which
//! version readers see, a correction under way, a takedown, and the published versions.

use serde_json::json;

use crate::domain::correction::{Publication, publications};
use crate::domain::review::{ActionKind, Status};
use crate::domain::text::clean_line;
use crate::domain::workflow::{Denial, can_see_unpublished};
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Failure};
use crate::store::{Entry, StoreError};

/// A moment in the newsroom's zone, as people write it.
pub fn when(ctx: &Ctx, at: &str) -> String {
    at.parse::<jiff::Timestamp>().map_or_else(
        |_| at.to_string(),
        |t| i18n::when(ctx.lang, &t.to_zoned(ctx.config.timezone())),
    )
}

/// Make `e` show what readers see while a correction is under way (its content, item
/// and files become the public version's), unless `working` asks for the text under
/// correction; that is shown only to whoever may see the item unpublished. Returns
/// whether the working text is shown.
pub fn public_or_working(ctx: &Ctx, e: &mut Entry, working: bool) -> Result<bool, Failure> {
    if !e.state.correcting() || e.state.public.is_none() {
        return Ok(false);
    }
    let insider = can_see_unpublished(ctx.person(), &e.facts());
    if working {
        if !insider {
            return Err(ctx.fail(&StoreError::Denied(Denial::NotVisible)));
        }
        return Ok(true);
    }
    if !insider && let Some(outside) = e.as_published() {
        // Readers outside see the item as published, as in the TUI and `list`.
        *e = outside;
        return Ok(false);
    }
    if let Some((content, item, files)) = e.public() {
        let (content, item, files) = (content.to_string(), item.clone(), files.to_vec());
        e.content = content;
        e.item = item;
        e.files = files;
    }
    Ok(false)
}

/// The line under the status: a correction under way, or a takedown with its reason.
pub fn print_public_state(ctx: &Ctx, e: &Entry, working: bool) {
    let lang = ctx.lang;
    let versions = publications(&e.review);
    if e.state.correcting()
        && let Some(public) = e.state.public.as_deref()
        && let Some(v) = versions.iter().rev().find(|p| p.content == public)
    {
        if working {
            println!("{}", i18n::fmt(lang, Key::OutWorkingText, &[&v.version]));
        } else {
            println!(
                "{}",
                i18n::fmt(
                    lang,
                    Key::OutCorrecting,
                    &[
                        &i18n::status(lang, e.state.status),
                        &v.version,
                        &when(ctx, &v.at),
                        &e.slug
                    ]
                )
            );
        }
    }
    if e.state.status == Status::TakenDown {
        let reason = e
            .review
            .events
            .iter()
            .rev()
            .find(|ev| ev.action == ActionKind::Takedown)
            .and_then(|ev| ev.message.as_deref())
            .unwrap_or_default();
        println!("{}", i18n::fmt(lang, Key::OutTakenDownLine, &[&clean_line(reason)]));
    }
}

/// The published versions as JSON: `version`, `event`, `at`, `actor`, `content`,
/// `note`, `public`.
pub fn versions_json(e: &Entry) -> serde_json::Value {
    json!(
        publications(&e.review)
            .iter()
            .map(|p| json!({
                "version": p.version,
                "event": p.event,
                "at": p.at,
                "actor": p.actor,
                "content": p.content,
                "note": p.note.as_deref().map(clean_line),
                "public": is_public(e, p, &publications(&e.review)),
            }))
            .collect::<Vec<_>>()
    )
}

/// Whether `p` is the version readers see now (the last publication of the public content).
fn is_public(e: &Entry, p: &Publication, all: &[Publication]) -> bool {
    e.state
        .public
        .as_deref()
        .is_some_and(|c| all.iter().rposition(|x| x.content == c).map(|i| all[i].version) == Some(p.version))
}

/// `log`'s closing list: each published version, its note, the one public now.
pub fn print_versions(ctx: &Ctx, e: &Entry) {
    let all = publications(&e.review);
    if all.is_empty() {
        return;
    }
    let lang = ctx.lang;
    println!("\n{}", Key::OutVersions.text(lang));
    for p in &all {
        let note = p
            .note
            .as_deref()
            .map(|n| format!(" — {}", clean_line(n)))
            .unwrap_or_default();
        let public = if is_public(e, p, &all) {
            format!(" [{}]", Key::OutVersionPublic.text(lang))
        } else {
            String::new()
        };
        let who = ctx
            .config
            .person(&p.actor)
            .map_or(p.actor.as_str(), |x| x.name.as_str());
        println!(
            "  v{}  #{:<3} {}  {}  {}{}{}",
            p.version,
            p.event,
            when(ctx, &p.at),
            clean_line(who),
            &p.content[..p.content.len().min(10)],
            public,
            note
        );
    }
}
