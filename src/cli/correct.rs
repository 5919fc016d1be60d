//! `correct`, `takedown`, `restore`: after publication (see `domain::correction`).

use super::act::{self, MessageArgs};
use crate::domain::review::ActionKind;
use crate::startup::{Ctx, Outcome};

/// `correct SLUG [-m NOTE]`.
#[derive(Debug, clap::Args)]
pub struct CorrectArgs {
    /// The published item's slug.
    pub slug: String,
    /// What is being corrected: the note readers see when the correction is published,
    /// unless the approver gives another with `publish -m`.
    #[arg(short, long)]
    pub message: Option<String>,
    /// The content id you read (from `show`); refused if the item changed since.
    #[arg(long, value_name = "ID")]
    pub content: Option<String>,
}

/// `takedown SLUG --reason REASON`.
#[derive(Debug, clap::Args)]
pub struct TakedownArgs {
    /// The published item's slug.
    pub slug: String,
    /// Why it is taken down (required; kept in its log).
    #[arg(short = 'm', long = "reason", alias = "message")]
    pub reason: String,
    /// The content id you read (from `show`); refused if the item changed since.
    #[arg(long, value_name = "ID")]
    pub content: Option<String>,
}

/// Start a correction: the item becomes a draft again for whoever may edit it, while
/// its published version stays public until the correction is approved and published.
pub fn correct(ctx: &Ctx, a: &CorrectArgs) -> Outcome {
    act::transition(ctx, &a.slug, ActionKind::Correct, a.message.clone(), a.content.as_ref())
}

/// Take a published item down (approvers): it leaves the website at the next export.
pub fn takedown(ctx: &Ctx, a: &TakedownArgs) -> Outcome {
    act::public_change(
        ctx,
        &a.slug,
        ActionKind::Takedown,
        Some(a.reason.clone()),
        a.content.as_ref(),
    )
}

/// Put a taken-down item back up (approvers): its last published version.
pub fn restore(ctx: &Ctx, a: &MessageArgs) -> Outcome {
    act::public_change(ctx, &a.slug, ActionKind::Restore, a.message.clone(), a.content.as_ref())
}
