//! What the administration commands (`people`, `keys`, `kecamatan`, `tags`) share:
//! checking the caller is an admin and making one change as one commit.

use crate::domain::admin::{self, Change, Planned};
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure};
use crate::store::CommitId;

/// Refuse a caller who is not an active admin, before any input is read.
pub fn require_admin(ctx: &Ctx) -> Result<&str, Failure> {
    let actor = ctx.actor()?;
    let today = crate::store::action::now(&ctx.config).date();
    if !admin::may_administer(&ctx.config, actor, today) {
        return Err(Failure {
            code: EXIT_REFUSED,
            message: Key::AdmNotAdmin.text(ctx.lang).to_string(),
        });
    }
    Ok(actor)
}

/// Make `change` as the caller: planned on the current `warta.toml`, then committed.
pub fn commit(ctx: &Ctx, change: &Change) -> Result<(Planned, CommitId), Failure> {
    let actor = require_admin(ctx)?;
    let (planned, commit) = ctx.room.change_config(actor, change, false).map_err(|e| ctx.fail(&e))?;
    let commit = commit.ok_or_else(|| Failure {
        code: crate::startup::EXIT_REPO,
        message: Key::AdmUnchanged.text(ctx.lang).to_string(),
    })?;
    Ok((planned, commit))
}

/// Read a file named on the command line, or standard input for `-`.
pub fn read_input(ctx: &Ctx, path: &str) -> Result<String, Failure> {
    let text = if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
    } else {
        crate::store::files::read_text(std::path::Path::new(path))
    };
    text.map_err(|e| Failure {
        code: crate::startup::EXIT_REPO,
        message: i18n::fmt(ctx.lang, Key::AdmReadFailed, &[&path, &i18n::io_reason(ctx.lang, &e)]),
    })
}

/// A date argument: `2025-03-31` or `31/03/2025`.
pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    crate::domain::people_csv::date(s).ok_or_else(|| format!("{s:?}: YYYY-MM-DD / DD/MM/YYYY"))
}
