//! `verify`: replay the whole history and report every commit that broke a rule.

use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};
use crate::store::history::Problem;

/// One finding in the user's language.
#[must_use]
pub fn describe(lang: crate::i18n::Lang, f: &crate::store::history::Finding) -> String {
    match &f.problem {
        Problem::Denied(d) => i18n::denial(lang, d),
        Problem::Rewritten => i18n::fmt(lang, Key::VerRewritten, &[&f.slug]),
        Problem::ActorMismatch { actor, committer } => i18n::fmt(lang, Key::VerActorMismatch, &[actor, committer]),
        Problem::UnknownActor(a) => i18n::fmt(lang, Key::VerUnknownActor, &[a]),
        Problem::NoEvent => i18n::fmt(lang, Key::VerNoEvent, &[&f.slug]),
        Problem::Content => Key::VerContent.text(lang).to_string(),
        Problem::Config(who) => i18n::fmt(lang, Key::VerConfig, &[who]),
        Problem::Broken { path, line, reason } => i18n::fmt(lang, Key::VerBroken, &[path, line, reason]),
        Problem::Refused(i) => i18n::fmt(lang, Key::VerRefused, &[&i18n::invalid(lang, i)]),
        Problem::Mismatch => Key::VerMismatch.text(lang).to_string(),
        Problem::NotOneAction => Key::VerNotOneAction.text(lang).to_string(),
        Problem::ConfigInvalid(e) => i18n::fmt(lang, Key::VerConfigInvalid, &[e]),
        Problem::Unjudgeable => Key::VerUnjudgeable.text(lang).to_string(),
        Problem::Unexpected(p) => i18n::fmt(lang, Key::VerUnexpected, &[p]),
        Problem::Unreadable { path, reason } => i18n::fmt(lang, Key::VerUnreadable, &[path, reason]),
        Problem::Migration => Key::VerMigration.text(lang).to_string(),
    }
}

/// Run `verify`: exit 0 on clean history, 1 when something is reported.
pub fn run(ctx: &Ctx) -> Outcome {
    let lang = ctx.lang;
    let (count, findings) = ctx.room.verify().map_err(|e| ctx.fail(&e))?;
    for f in &findings {
        let commit = f
            .commit
            .map_or_else(|| "HEAD    ".to_string(), |c| c.to_string()[..8].to_string());
        let action = f.action.map(|a| format!("{}({}) ", a.id(), f.slug)).unwrap_or_default();
        println!("{commit} {}{}", clean_line(&action), clean_line(&describe(lang, f)));
    }
    if findings.is_empty() {
        println!("{}", i18n::fmt(lang, Key::OutVerifyOk, &[&count]));
        Ok(())
    } else {
        Err(Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(lang, Key::OutVerifyBad, &[&findings.len(), &count]),
        })
    }
}
