//! `migrate`: move a newsroom's items from the flat layout into date folders, in one
//! recorded commit (admins only; see `store::migrate`).

use crate::i18n::{self, Key};
use crate::startup::{Ctx, Outcome};

/// Run `migrate`.
pub fn run(ctx: &Ctx) -> Outcome {
    let actor = ctx.actor()?;
    match ctx.room.migrate(actor).map_err(|e| ctx.fail(&e))? {
        None => eprintln!("{}", Key::OutMigrateNothing.text(ctx.lang)),
        Some(m) => {
            let short = m.commit.to_string()[..8].to_string();
            eprintln!(
                "{}",
                i18n::fmt(ctx.lang, Key::OutMigrated, &[&m.items, &m.logs, &short])
            );
        }
    }
    Ok(())
}
