//! `tags`: the tag vocabulary offered in the editor; admins add and remove words.

use super::admin::commit;
use crate::domain::admin::Change;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Outcome};

/// `tags [add|remove WORD…]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Admins: change the vocabulary (one recorded commit).
    #[command(subcommand)]
    pub action: Option<Action>,
}

/// What an admin does with tags.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Add words (a-z, 0-9, -).
    Add {
        /// The words.
        #[arg(required = true)]
        tags: Vec<String>,
    },
    /// Remove words (items that carry them keep them).
    Remove {
        /// The words.
        #[arg(required = true)]
        tags: Vec<String>,
    },
}

/// Run `tags`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let (change, words) = match &a.action {
        None => {
            for t in &ctx.config.tags {
                println!("{}", crate::domain::text::clean_line(t));
            }
            return Ok(());
        }
        Some(Action::Add { tags }) => (Change::AddTags(tags.clone()), tags),
        Some(Action::Remove { tags }) => (Change::RemoveTags(tags.clone()), tags),
    };
    let (_, c) = commit(ctx, &change)?;
    println!(
        "{}",
        i18n::fmt(ctx.lang, Key::AdmDoneTags, &[&words.join(" "), &c.short()])
    );
    Ok(())
}
