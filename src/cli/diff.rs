//! `diff`: word-level changes of an item since a chosen event of its history.

use std::fmt::Write;

use super::show::load;
use crate::domain::diff::{BUDGET, Diff, changed, compare, front_fields, plain, words};
use crate::domain::item::Item;
use crate::domain::review::{ActionKind, Review};
use crate::domain::text::clean_block;
use crate::i18n::{self, Key, Lang};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};

/// `diff SLUG [--from EVENT]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item's slug.
    pub slug: String,
    /// Event number (see `log`) or action name (its last occurrence), e.g. `submit`.
    /// Default: the last request for changes, else the last submit, else creation; during
    /// a correction, the published version (or the last request for changes since).
    #[arg(long, value_name = "EVENT", conflicts_with = "published")]
    pub from: Option<String>,
    /// Between two published versions (numbers from `log`: 1 is the first
    /// publication); with one, from it to the last published version.
    #[arg(long, value_name = "A B", num_args = 1..=2)]
    pub published: Option<Vec<usize>>,
}

/// Pick the event index a diff starts from.
#[must_use]
pub fn pick_event(review: &Review, from: Option<&str>) -> Option<usize> {
    let last = |a: ActionKind| review.events.iter().rposition(|e| e.action == a);
    match from {
        Some(f) => match f.parse::<usize>() {
            Ok(n) if n >= 1 && n <= review.events.len() => Some(n - 1),
            Ok(_) => None,
            Err(_) => ActionKind::parse(&f.replace('-', "_")).and_then(last),
        },
        None if crate::domain::correction::diff_base(review).is_some() => crate::domain::correction::diff_base(review),
        None => last(ActionKind::RequestChanges)
            .or_else(|| last(ActionKind::Submit))
            .or(if review.events.is_empty() { None } else { Some(0) }),
    }
}

/// The front-matter and body changes between the version at event `base` (0-based)
/// and `new`, as plain text. The same bounded comparison as the TUI's: words, else
/// paragraphs with a note, else both versions whole after a note.
#[must_use]
pub fn describe(lang: Lang, base: usize, old: &Item, new: &Item) -> String {
    let mut out = String::new();
    for (name, a, b) in front_fields(&old.front, &new.front) {
        let _ = writeln!(out, "{name}: {}", plain(&words(&a, &b)));
    }
    let body = match compare(&old.body, &new.body, BUDGET) {
        Diff::Words(c) if changed(&c) => plain(&c),
        Diff::Words(_) => return out,
        Diff::Paragraphs(c) => format!("{}\n\n{}", Key::OutDiffByParagraph.text(lang), plain(&c)),
        Diff::TooDifferent => format!(
            "{}\n\n{}\n{}\n\n{}\n{}",
            Key::OutDiffTooDifferent.text(lang),
            i18n::fmt(lang, Key::OutDiffOld, &[&(base + 1)]),
            old.body.trim_end(),
            Key::OutDiffNew.text(lang),
            new.body.trim_end(),
        ),
    };
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&body);
    out
}

/// Run `diff`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let e = load(ctx, &a.slug)?;
    let lang = ctx.lang;
    if let Some(versions) = &a.published {
        return published(ctx, &e, versions);
    }
    let no_event = || Failure {
        code: EXIT_REFUSED,
        message: i18n::fmt(lang, Key::OutNoEvent, &[&a.from.clone().unwrap_or_default()]),
    };
    let idx = pick_event(&e.review, a.from.as_deref()).ok_or_else(no_event)?;
    let commits = ctx.room.event_commits(&a.slug).map_err(|err| ctx.fail(&err))?;
    let commit = commits.get(idx).copied().flatten().ok_or_else(no_event)?;
    let old = ctx
        .room
        .item_at(commit, &a.slug)
        .map_err(|err| ctx.fail(&err))?
        .unwrap_or_default();
    let ev = &e.review.events[idx];
    println!(
        "{}",
        i18n::fmt(
            lang,
            Key::OutDiffFrom,
            &[&(idx + 1), &i18n::action(lang, ev.action), &ev.actor, &ev.at]
        )
    );
    let text = describe(lang, idx, &old, &e.item);
    if text.is_empty() {
        println!("{}", Key::OutDiffNone.text(lang));
    } else {
        println!("{}", clean_block(&text));
    }
    Ok(())
}

/// `diff SLUG --published A [B]`: between two published versions, read by the content
/// ids their `publish` events pinned.
fn published(ctx: &Ctx, e: &crate::store::Entry, asked: &[usize]) -> Outcome {
    let lang = ctx.lang;
    let all = crate::domain::correction::publications(&e.review);
    let pick = |n: usize| {
        all.get(n.wrapping_sub(1)).ok_or_else(|| Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(lang, Key::OutNoVersion, &[&n, &all.len()]),
        })
    };
    let a = pick(asked[0])?;
    let b = pick(asked.get(1).copied().unwrap_or(all.len()))?;
    let read = |p: &crate::domain::correction::Publication| {
        ctx.room.version(&p.content).map(|v| v.item).ok_or_else(|| Failure {
            code: crate::exit::REPO,
            message: i18n::fmt(lang, Key::OutVersionUnreadable, &[&p.version]),
        })
    };
    let (old, new) = (read(a)?, read(b)?);
    println!(
        "{}",
        i18n::fmt(
            lang,
            Key::OutDiffVersions,
            &[
                &a.version,
                &super::correction::when(ctx, &a.at),
                &b.version,
                &super::correction::when(ctx, &b.at)
            ]
        )
    );
    let text = describe(lang, a.event - 1, &old, &new);
    if text.is_empty() {
        println!("{}", Key::OutDiffNone.text(lang));
    } else {
        println!("{}", clean_block(&text));
    }
    Ok(())
}
