//! `log`: an item's events, oldest first.

use serde_json::json;

use super::common::print_json;
use super::show::load;
use crate::domain::text::clean_line;
use crate::i18n;
use crate::startup::{Ctx, Outcome};

/// `SLUG [--json]`.
pub use super::common::ItemArgs as Args;

/// Run `log`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let e = load(ctx, &a.slug)?;
    let commits = ctx.room.event_commits(&a.slug).map_err(|err| ctx.fail(&err))?;
    if a.json {
        let list: Vec<_> = e
            .review
            .events
            .iter()
            .enumerate()
            .map(|(i, ev)| {
                json!({
                    "n": i + 1,
                    "at": ev.at,
                    "actor": ev.actor,
                    "action": ev.action.id(),
                    "message": ev.message.as_deref().map(clean_line),
                    "content": ev.content,
                    "thread": ev.thread,
                    "paragraph": ev.paragraph,
                    "channel": ev.channel.as_deref().map(clean_line),
                    "url": ev.url.as_deref().map(clean_line),
                    // The published version a `publish` event made public (1, 2, …).
                    "version": (ev.action == crate::domain::review::ActionKind::Publish).then(|| {
                        e.review.events[..=i].iter().filter(|x| x.action == crate::domain::review::ActionKind::Publish).count()
                    }),
                    "commit": commits.get(i).copied().flatten().map(|c| c.to_string()),
                })
            })
            .collect();
        print_json(&serde_json::Value::Array(list));
        return Ok(());
    }
    for (i, ev) in e.review.events.iter().enumerate() {
        let who = ctx
            .config
            .person(&ev.actor)
            .map_or(ev.actor.clone(), |p| p.name.clone());
        let msg = ev
            .message
            .as_deref()
            .map(|m| format!(": {}", clean_line(m)))
            .unwrap_or_default();
        let thread = ev.thread.map(|t| format!(" #{t}")).unwrap_or_default();
        // A post: where, and its address.
        let msg = match (&ev.channel, &ev.url) {
            (Some(c), Some(u)) => format!("{msg}: {} {}", clean_line(c), clean_line(u)),
            _ => msg,
        };
        println!(
            "{:>3}  {}  {:<16} {}{}{}",
            i + 1,
            ev.at,
            i18n::action(ctx.lang, ev.action),
            clean_line(&who),
            thread,
            msg
        );
    }
    super::correction::print_versions(ctx, &e);
    Ok(())
}
