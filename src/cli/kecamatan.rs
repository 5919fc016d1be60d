//! `kecamatan`: the list of kecamatan with their active authors; admins add and rename.

use super::admin::{commit, read_input};
use crate::domain::admin::{Change, kecamatan_list};
use crate::domain::config::{Kecamatan, Role};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};

/// `kecamatan [add|rename]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Admins: add or rename kecamatan (one recorded commit).
    #[command(subcommand)]
    pub action: Option<Action>,
}

/// What an admin does with kecamatan.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Add a kecamatan (`add ID NAME`), or every one in a file (`add --file FILE`).
    Add {
        /// The id (a-z, 0-9, -); with NAME left out, the id is made from this name.
        #[arg(required_unless_present = "file")]
        id: Option<String>,
        /// The display name.
        name: Option<String>,
        /// A file with one kecamatan a line: `Name`, or `id,Name` / `id;Name`.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["id", "name"])]
        file: Option<String>,
    },
    /// Give a kecamatan another display name (its id stays: items keep pointing to it).
    Rename {
        /// The id.
        id: String,
        /// The new name.
        name: String,
    },
}

/// Run `kecamatan`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let lang = ctx.lang;
    match &a.action {
        None => {
            let today = crate::store::action::now(&ctx.config).date();
            for k in &ctx.config.kecamatan {
                let authors: Vec<&str> = ctx
                    .config
                    .people
                    .iter()
                    .filter(|p| p.has(Role::Author) && p.active_on(today) && p.kecamatan.as_deref() == Some(&k.id))
                    .map(|p| p.id.as_str())
                    .collect();
                println!("{:<16} {:<24} {}", k.id, clean_line(&k.name), authors.join(" "));
            }
        }
        Some(Action::Add { id, name, file }) => {
            super::admin::require_admin(ctx)?;
            let list = match (file, id) {
                (Some(f), _) => kecamatan_list(&read_input(ctx, f)?).map_err(|(line, e)| Failure {
                    code: EXIT_REFUSED,
                    message: i18n::fmt(lang, Key::AdmKecFileLine, &[f, &line, &i18n::admin_error(lang, &e)]),
                })?,
                (None, Some(id)) => {
                    let (id, name) = match name {
                        Some(n) => (id.clone(), n.clone()),
                        None => (crate::domain::admin::id_from_name(id), id.clone()),
                    };
                    vec![Kecamatan { id, name }]
                }
                (None, None) => vec![],
            };
            let (_, c) = commit(ctx, &Change::AddKecamatan(list.clone()))?;
            println!("{}", i18n::fmt(lang, Key::AdmDoneKecamatan, &[&list.len(), &c.short()]));
        }
        Some(Action::Rename { id, name }) => {
            let (_, c) = commit(
                ctx,
                &Change::RenameKecamatan {
                    id: id.clone(),
                    name: name.clone(),
                },
            )?;
            println!(
                "{}",
                i18n::fmt(lang, Key::AdmDoneRenamed, &[id, &clean_line(name), &c.short()])
            );
        }
    }
    Ok(())
}
