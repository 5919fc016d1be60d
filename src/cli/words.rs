//! `words`: the newsroom's own spelling words (`[spelling] words` in `warta.toml`, a
//! recorded change an approver or admin makes) and the caller's own list.

use crate::domain::spelling::is_addable;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, Outcome};
use crate::store::spelling::{add_personal_word, personal_file, personal_words};
use crate::store::{Invalid, StoreError};

/// `words add [--mine] WORD…` or `words list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub what: What,
}

/// The `words` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Add words the spell checker should accept (approvers and admins; one recorded
    /// commit). With `--mine`, to your own list only (anyone, nothing recorded).
    Add {
        /// Only to your own list, kept in your state folder.
        #[arg(long)]
        mine: bool,
        /// The words.
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// The newsroom's words, then your own (marked `(*)`).
    List,
}

/// Run `words`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    match &a.what {
        What::List => {
            for w in &ctx.config.spelling.words {
                println!("{}", clean_line(w));
            }
            if let Some(p) = ctx.who.person.as_deref() {
                let file = personal_file(ctx.room.state_dir(), &ctx.room.key(), p);
                for w in personal_words(&file) {
                    println!("{}  (*)", clean_line(&w));
                }
            }
            Ok(())
        }
        What::Add { mine, words } => {
            let actor = ctx.actor()?;
            if let Some(bad) = words.iter().find(|w| !is_addable(w)) {
                return Err(ctx.fail(&StoreError::Invalid(Invalid::BadWord(bad.clone()))));
            }
            if *mine {
                ctx.room.check_state_dir().map_err(|e| ctx.fail(&e))?;
                let file = personal_file(ctx.room.state_dir(), &ctx.room.key(), actor);
                for w in words {
                    add_personal_word(&file, w).map_err(|e| ctx.fail(&StoreError::io(&file, e)))?;
                }
                println!(
                    "{}",
                    i18n::fmt(ctx.lang, Key::SpellPersonalAdded, &[&clean_line(&words.join(", "))])
                );
                return Ok(());
            }
            let (_, added) = ctx.room.add_newsroom_words(actor, words).map_err(|e| ctx.fail(&e))?;
            if added.is_empty() {
                println!("{}", Key::SpellWordsKnown.text(ctx.lang));
            } else {
                println!(
                    "{}",
                    i18n::fmt(ctx.lang, Key::SpellWordsAdded, &[&clean_line(&added.join(", "))])
                );
            }
            Ok(())
        }
    }
}
