//! `keys`: the `authorized_keys` lines for every key in `warta.toml`, each forcing
//! `warta session PERSON`; `--check FILE` compares them with an existing file and
//! `--write FILE` replaces it. Admins add and remove keys with `keys add|remove`.

use std::path::PathBuf;

use crate::domain::config::key_material;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};

/// `keys [--check FILE | --write FILE] [add|remove]`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Compare with this `authorized_keys` file and list what differs.
    #[arg(long, value_name = "FILE", conflicts_with = "write")]
    pub check: Option<PathBuf>,
    /// Replace this `authorized_keys` file (atomically, mode 0600) with the lines.
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Admins: add or remove a person's SSH key (one recorded commit).
    #[command(subcommand)]
    pub action: Option<Action>,
}

/// What an admin does with keys.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Add the SSH public key(s) in FILE (`-`: paste on standard input) to a person.
    Add {
        /// The person.
        person: String,
        /// The `.pub` file, or `-`.
        file: String,
    },
    /// Remove one of a person's keys (by number, as `warta keys list PERSON` shows).
    Remove {
        /// The person.
        person: String,
        /// The key's number; may be left out when the person has one key.
        number: Option<usize>,
    },
    /// A person's keys, numbered.
    List {
        /// The person.
        person: String,
    },
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
    if let Some(action) = &a.action {
        return act(ctx, action);
    }
    let wanted = lines(ctx)?;
    if let Some(file) = &a.write {
        let mut text = String::from("# Written by warta keys --write from warta.toml; changes here are replaced.\n");
        for l in &wanted {
            text.push_str(l);
            text.push('\n');
        }
        crate::store::files::write_atomic(file, text.as_bytes(), crate::store::files::Access::Private).map_err(
            |e| Failure {
                code: crate::startup::EXIT_REPO,
                message: i18n::fmt(ctx.lang, Key::AdmKeysWriteFailed, &[&file.display(), &e]),
            },
        )?;
        println!(
            "{}",
            i18n::fmt(ctx.lang, Key::AdmKeysWritten, &[&wanted.len(), &file.display()])
        );
        return Ok(());
    }
    let Some(file) = &a.check else {
        for l in &wanted {
            println!("{l}");
        }
        return Ok(());
    };
    let existing = crate::store::files::read_text(file).map_err(|e| Failure {
        code: crate::startup::EXIT_REPO,
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

fn act(ctx: &Ctx, action: &Action) -> Outcome {
    use crate::domain::admin::Change;
    let lang = ctx.lang;
    let person = |id: &str| {
        ctx.config.person(id).ok_or_else(|| Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(lang, Key::AdmUnknownPerson, &[&id]),
        })
    };
    match action {
        Action::List { person: id } => {
            for (i, k) in person(id)?.keys.iter().enumerate() {
                let shown = crate::domain::sshkey::parse(k).map_or_else(|_| key_material(k), |k| k.short());
                println!("{:>3}  {}", i + 1, crate::domain::text::clean_line(&shown));
            }
        }
        Action::Add { person: id, file } => {
            super::admin::require_admin(ctx)?;
            let keys = super::people::key_lines(&super::admin::read_input(ctx, file)?);
            let n = keys.len().max(1);
            let change = Change::AddKeys {
                person: id.clone(),
                keys: if keys.is_empty() { vec![String::new()] } else { keys },
            };
            let (_, c) = super::admin::commit(ctx, &change)?;
            println!("{}", i18n::fmt(lang, Key::AdmDoneKeysAdded, &[&n, id, &c.short()]));
        }
        Action::Remove { person: id, number } => {
            super::admin::require_admin(ctx)?;
            let count = person(id)?.keys.len();
            let index = match number {
                Some(n) => n.saturating_sub(1),
                None if count == 1 => 0,
                None => {
                    return Err(Failure {
                        code: EXIT_REFUSED,
                        message: i18n::fmt(lang, Key::AdmKeyList, &[id, &count]),
                    });
                }
            };
            let change = Change::RemoveKey {
                person: id.clone(),
                index: if number == &Some(0) { usize::MAX } else { index },
            };
            let (_, c) = super::admin::commit(ctx, &change)?;
            println!(
                "{}",
                i18n::fmt(lang, Key::AdmDoneKeyRemoved, &[&(index + 1), id, &c.short()])
            );
        }
    }
    Ok(())
}
