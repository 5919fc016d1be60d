//! `keys`: the `authorized_keys` lines for every key in `warta.toml`, each forcing
//! `warta session PERSON`; `--check FILE` compares them with an existing file.

use std::path::PathBuf;

use super::{Ctx, EXIT_REFUSED, Failure, Outcome};
use crate::domain::config::key_material;
use crate::i18n::{self, Key};

/// `keys [--check FILE]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Compare with this `authorized_keys` file and list what differs.
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
}

/// Whether a path can stand in a forced command without quoting.
fn plain_path(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+@".contains(c))
}

/// The lines for every active person's keys.
pub fn lines(ctx: &Ctx) -> Result<Vec<String>, Failure> {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.canonicalize().ok())
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let repo = ctx.room.workdir().unwrap_or_else(|| ctx.room.git_dir());
    let repo = repo
        .canonicalize()
        .unwrap_or_else(|_| repo.to_path_buf())
        .display()
        .to_string();
    let repo = repo.trim_end_matches('/').to_string();
    for p in [&exe, &repo] {
        if !plain_path(p) {
            return Err(Failure {
                code: EXIT_REFUSED,
                message: i18n::fmt(ctx.lang, Key::KeysBadPath, &[p]),
            });
        }
    }
    let today = crate::store::action::now(&ctx.config).date();
    let mut out = Vec::new();
    for p in ctx.config.people.iter().filter(|p| p.active_on(today)) {
        for key in &p.keys {
            let material = key_material(key);
            let ok = material.split_whitespace().count() == 2
                && (material.starts_with("ssh-") || material.starts_with("ecdsa-"));
            if !ok || key.contains(['"', '\n', '\r']) {
                return Err(Failure {
                    code: EXIT_REFUSED,
                    message: i18n::fmt(ctx.lang, Key::KeysBadKey, &[&p.id]),
                });
            }
            out.push(format!(
                "restrict,pty,command=\"{exe} --repo {repo} session {}\" {}",
                p.id,
                key.trim()
            ));
        }
    }
    Ok(out)
}

/// Run `keys`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let wanted = lines(ctx)?;
    let Some(file) = &a.check else {
        for l in &wanted {
            println!("{l}");
        }
        return Ok(());
    };
    let existing = crate::store::files::read_text(file).map_err(|e| Failure {
        code: super::EXIT_REPO,
        message: format!("{}: {e}", file.display()),
    })?;
    let have: Vec<&str> = existing
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let material = |l: &str| {
        let key_start = l.find(" ssh-").or_else(|| l.find(" ecdsa-")).map_or(0, |i| i + 1);
        key_material(&l[key_start..])
    };
    let mut differences = 0;
    for w in &wanted {
        if !have.contains(&w.as_str()) {
            differences += 1;
            let same_key = have.iter().any(|h| material(h) == material(w));
            let key = if same_key { Key::KeysChanged } else { Key::KeysMissing };
            println!("{} {w}", key.text(ctx.lang));
        }
    }
    for h in &have {
        if !wanted.iter().any(|w| material(w) == material(h)) {
            differences += 1;
            println!("{} {h}", Key::KeysExtra.text(ctx.lang));
        }
    }
    if differences == 0 {
        println!("{}", Key::KeysSame.text(ctx.lang));
        Ok(())
    } else {
        Err(Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(ctx.lang, Key::KeysDiffer, &[&differences]),
        })
    }
}
