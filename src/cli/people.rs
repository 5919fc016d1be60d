//! `people`: who is who, with roles; and, for admins, adding, changing, ending and
//! removing people, whole terms at once, and a bulk import from a spreadsheet.

use serde_json::json;

use super::admin::{commit, parse_date, read_input, require_admin};
use super::common::print_json;
use crate::domain::admin::{self, Change, Group};
use crate::domain::config::{Person, Role};
use crate::domain::people_csv::{self, Planned};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};

/// `people [--json] [add|edit|deactivate|extend|remove|import|expiring]`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Admins: change who is in the newsroom (each change is one recorded commit).
    #[command(subcommand)]
    pub action: Option<Action>,
}

/// The fields of a person on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct Fields {
    /// Full name with titles.
    #[arg(long)]
    pub name: Option<String>,
    /// Email (commits are signed with it; default `<id>@localhost`).
    #[arg(long)]
    pub email: Option<String>,
    /// Roles, comma-separated: author, editor, approver, admin.
    #[arg(long, value_delimiter = ',')]
    pub roles: Option<Vec<String>>,
    /// Kecamatan id or name (authors need one).
    #[arg(long)]
    pub kecamatan: Option<String>,
    /// OS login names, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub logins: Option<Vec<String>>,
    /// Last day of access: 2025-03-31 or 31/03/2025.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<jiff::civil::Date>,
    /// Preferred language: id or en.
    #[arg(long)]
    pub language: Option<String>,
}

/// What an admin does with people.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Add a person.
    Add {
        /// The new id (a-z, 0-9, -).
        id: String,
        /// The fields.
        #[command(flatten)]
        fields: Fields,
        /// An SSH public key file for the person (`-`: standard input).
        #[arg(long, value_name = "FILE")]
        key_file: Option<String>,
    },
    /// Change a person's fields (only those given).
    Edit {
        /// The person.
        id: String,
        /// The fields.
        #[command(flatten)]
        fields: Fields,
        /// Take the kecamatan away.
        #[arg(long, conflicts_with = "kecamatan")]
        no_kecamatan: bool,
        /// Take the end of term away.
        #[arg(long, conflicts_with = "until")]
        no_end: bool,
    },
    /// End a person's access: their last day was yesterday.
    Deactivate {
        /// The person.
        id: String,
    },
    /// Set the last day of access of a person, of every author, or of one kecamatan's authors.
    Extend {
        /// The person (or use --authors / --kecamatan).
        #[arg(required_unless_present_any = ["authors", "kecamatan"])]
        id: Option<String>,
        /// Every author.
        #[arg(long, conflicts_with_all = ["id", "kecamatan"])]
        authors: bool,
        /// Every author of this kecamatan.
        #[arg(long, conflicts_with = "id")]
        kecamatan: Option<String>,
        /// The last active day: 2025-03-31 or 31/03/2025.
        #[arg(long, value_parser = parse_date, required_unless_present = "no_end")]
        until: Option<jiff::civil::Date>,
        /// No end of term.
        #[arg(long, conflicts_with = "until")]
        no_end: bool,
    },
    /// Take a person out of warta.toml (their history stays; prefer deactivate).
    Remove {
        /// The person.
        id: String,
    },
    /// Add or update people from a CSV file (id, name, email, roles, kecamatan, logins, `active_until`, key).
    Import {
        /// The CSV file (`-`: standard input); `,` or `;` separated.
        file: String,
        /// Show exactly what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Accounts ending within some days, and kecamatan without an active author.
    Expiring {
        /// How many days ahead.
        #[arg(long, default_value_t = admin::EXPIRY_WINDOW_DAYS)]
        days: i32,
    },
}

/// Run `people`.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    match &a.action {
        None => {
            list(ctx, a.json);
            Ok(())
        }
        Some(action) => act(ctx, action),
    }
}

fn list(ctx: &Ctx, json: bool) {
    let today = crate::store::action::now(&ctx.config).date();
    if json {
        let list: Vec<_> = ctx
            .config
            .people
            .iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "name": clean_line(&p.name),
                    "roles": p.roles.iter().map(|r| r.id()).collect::<Vec<_>>(),
                    "kecamatan": p.kecamatan,
                    "active": p.active_on(today),
                    "active_until": p.active_until.map(|d| d.to_string()),
                    "keys": p.keys.len(),
                })
            })
            .collect();
        print_json(&serde_json::Value::Array(list));
        return;
    }
    for p in &ctx.config.people {
        let roles: Vec<&str> = p.roles.iter().map(|r| i18n::role(ctx.lang, *r)).collect();
        let kec = p
            .kecamatan
            .as_deref()
            .and_then(|k| ctx.config.kecamatan(k))
            .map_or("-", |k| k.name.as_str());
        let active = if p.active_on(today) { "" } else { " ✗" };
        let until = p.active_until.map(|d| format!(" ≤{d}")).unwrap_or_default();
        println!(
            "{:<12} {:<40} {:<22} {}{}{}",
            p.id,
            clean_line(&p.name),
            roles.join(","),
            clean_line(kec),
            until,
            active
        );
    }
}

fn refused(message: String) -> Failure {
    Failure {
        code: EXIT_REFUSED,
        message,
    }
}

fn roles(ctx: &Ctx, names: &[String]) -> Result<Vec<Role>, Failure> {
    names
        .iter()
        .map(|n| {
            [Role::Author, Role::Editor, Role::Approver, Role::Admin]
                .into_iter()
                .find(|r| r.id().eq_ignore_ascii_case(n.trim()))
                .ok_or_else(|| refused(i18n::fmt(ctx.lang, Key::AdmCsvRole, &[n])))
        })
        .collect()
}

/// A kecamatan named by id or by name.
fn kecamatan(ctx: &Ctx, k: &str) -> String {
    ctx.config
        .kecamatan
        .iter()
        .find(|x| x.id == k || x.name.eq_ignore_ascii_case(k.trim()))
        .map_or_else(|| k.to_string(), |x| x.id.clone())
}

fn fill(ctx: &Ctx, p: &mut Person, f: &Fields) -> Result<(), Failure> {
    if let Some(n) = &f.name {
        p.name.clone_from(n);
    }
    if let Some(e) = &f.email {
        p.email.clone_from(e);
    }
    if let Some(r) = &f.roles {
        p.roles = roles(ctx, r)?;
    }
    if let Some(k) = &f.kecamatan {
        p.kecamatan = Some(kecamatan(ctx, k));
    }
    if let Some(l) = &f.logins {
        p.logins = l
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    if let Some(d) = f.until {
        p.active_until = Some(d);
    }
    if let Some(l) = &f.language {
        p.language = Some(l.clone());
    }
    Ok(())
}

fn act(ctx: &Ctx, action: &Action) -> Outcome {
    if let Action::Expiring { days } = action {
        expiring(ctx, *days);
        return Ok(());
    }
    require_admin(ctx)?;
    let lang = ctx.lang;
    match action {
        Action::Add { id, fields, key_file } => {
            let mut p = Person {
                id: id.clone(),
                name: String::new(),
                email: String::new(),
                roles: vec![Role::Author],
                kecamatan: None,
                logins: vec![],
                keys: vec![],
                active_until: None,
                language: None,
            };
            fill(ctx, &mut p, fields)?;
            if p.name.trim().is_empty() {
                p.name.clone_from(id);
            }
            if let Some(file) = key_file {
                p.keys = key_lines(&read_input(ctx, file)?);
            }
            let (_, c) = commit(ctx, &Change::AddPerson(p))?;
            println!("{}", i18n::fmt(lang, Key::AdmDoneAdd, &[id, &c.short()]));
        }
        Action::Edit {
            id,
            fields,
            no_kecamatan,
            no_end,
        } => {
            let mut p = ctx
                .config
                .person(id)
                .cloned()
                .ok_or_else(|| refused(i18n::fmt(lang, Key::AdmUnknownPerson, &[id])))?;
            fill(ctx, &mut p, fields)?;
            if *no_kecamatan {
                p.kecamatan = None;
            }
            if *no_end {
                p.active_until = None;
            }
            let (_, c) = commit(ctx, &Change::EditPerson(p))?;
            println!("{}", i18n::fmt(lang, Key::AdmDoneEdit, &[id, &c.short()]));
        }
        Action::Deactivate { id } => {
            let today = crate::store::action::now(&ctx.config).date();
            term(ctx, Group::Person(id.clone()), Some(admin::yesterday(today)))?;
        }
        Action::Extend {
            id,
            authors,
            kecamatan: kec,
            until,
            ..
        } => {
            let group = match (id, kec) {
                (Some(id), _) => Group::Person(id.clone()),
                (None, Some(k)) => Group::Kecamatan(kecamatan(ctx, k)),
                (None, None) if *authors => Group::Authors,
                (None, None) => Group::Authors,
            };
            term(ctx, group, *until)?;
        }
        Action::Remove { id } => {
            let (_, c) = commit(ctx, &Change::RemovePerson(id.clone()))?;
            println!("{}", i18n::fmt(lang, Key::AdmDoneRemove, &[id, &c.short()]));
        }
        Action::Import { file, dry_run } => import(ctx, file, *dry_run)?,
        Action::Expiring { .. } => unreachable!("handled above"),
    }
    Ok(())
}

/// The key lines of a file: every line that is not blank or a `#` comment.
pub fn key_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn term(ctx: &Ctx, group: Group, until: Option<jiff::civil::Date>) -> Outcome {
    let (planned, c) = commit(ctx, &Change::SetTerm { group, until })?;
    let changed = planned
        .config
        .people
        .iter()
        .filter(|p| {
            ctx.config
                .person(&p.id)
                .is_some_and(|o| o.active_until != p.active_until)
        })
        .count();
    let when = until.map_or_else(|| Key::AdmNoEnd.text(ctx.lang).to_string(), |d| d.to_string());
    println!(
        "{}",
        i18n::fmt(ctx.lang, Key::AdmDoneTerm, &[&changed, &when, &c.short()])
    );
    Ok(())
}

fn import(ctx: &Ctx, file: &str, dry_run: bool) -> Outcome {
    let lang = ctx.lang;
    let text = read_input(ctx, file)?;
    let (change, report) =
        people_csv::plan(&text, &ctx.config).map_err(|e| refused(i18n::import_error(lang, file, &e)))?;
    let (mut added, mut changed, mut same) = (0, 0, 0);
    for (line, r) in &report {
        let text = match r {
            Planned::Add(p) => {
                added += 1;
                let roles: Vec<&str> = p.roles.iter().map(|r| r.id()).collect();
                let detail = format!(
                    "{} ({}, {}{}{})",
                    p.id,
                    p.name,
                    roles.join(" "),
                    p.kecamatan.as_deref().map(|k| format!(", {k}")).unwrap_or_default(),
                    p.active_until.map(|d| format!(", ≤{d}")).unwrap_or_default()
                );
                i18n::fmt(lang, Key::AdmPlanAdd, &[line, &detail])
            }
            Planned::Change(before, after) => {
                changed += 1;
                let d = people_csv::differences(before, after).join("; ");
                i18n::fmt(lang, Key::AdmPlanChange, &[line, &after.id, &d])
            }
            Planned::Same(id) => {
                same += 1;
                i18n::fmt(lang, Key::AdmPlanSame, &[line, id])
            }
        };
        println!("{}", clean_line(&text));
    }
    if dry_run {
        require_admin(ctx)?;
        // The whole change is planned as it would be committed, so a dry run refuses
        // what the real run would.
        ctx.room
            .change_config(ctx.actor()?, &change, true)
            .map_err(|e| ctx.fail(&e))?;
        println!("{}", i18n::fmt(lang, Key::AdmDryRun, &[&added, &changed, &same]));
        return Ok(());
    }
    let (_, c) = commit(ctx, &change)?;
    println!(
        "{}",
        i18n::fmt(lang, Key::AdmDoneImport, &[&added, &changed, &same, &c.short()])
    );
    Ok(())
}

fn expiring(ctx: &Ctx, days: i32) {
    let today = crate::store::action::now(&ctx.config).date();
    let w = admin::warnings(&ctx.config, today, days);
    if w.expiring.is_empty() && w.uncovered.is_empty() {
        println!("{}", Key::AdmNoWarnings.text(ctx.lang));
        return;
    }
    if !w.expiring.is_empty() {
        println!("{}", i18n::fmt(ctx.lang, Key::AdmExpiringTitle, &[&days]));
        for (id, d) in &w.expiring {
            let name = ctx.config.person(id).map_or("", |p| p.name.as_str());
            println!(
                "  {}",
                clean_line(&i18n::fmt(ctx.lang, Key::AdmExpiring, &[id, &name, d]))
            );
        }
    }
    if !w.uncovered.is_empty() {
        println!("{}", Key::AdmUncoveredTitle.text(ctx.lang));
        for k in &w.uncovered {
            let name = ctx.config.kecamatan(k).map_or("", |x| x.name.as_str());
            println!("  {k} ({})", clean_line(name));
        }
    }
}
