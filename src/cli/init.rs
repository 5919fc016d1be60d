//! `init`: create a newsroom whose first commit holds `warta.toml`.

use std::path::PathBuf;

use super::common::Global;
use crate::domain::config::Config;
use crate::i18n::{self, Key};
use crate::startup::{Failure, Outcome, env_lang, login_name};
use crate::store::Newsroom;

/// `init [DIR] [--bare] [--config FILE]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create it (default: the current directory).
    pub dir: Option<PathBuf>,
    /// Create a bare repository (for a shared server).
    #[arg(long)]
    pub bare: bool,
    /// Use this warta.toml (default: a starter naming you admin).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Add the kecamatan in this file, one a line: `Name`, or `id,Name`.
    #[arg(long, value_name = "FILE")]
    pub kecamatan_file: Option<PathBuf>,
}

/// Run `init`.
pub fn run(_cli: &Global, a: &Args) -> Outcome {
    let lang = env_lang();
    let dir = a.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let text = match &a.config {
        Some(f) => crate::store::files::read_text(f).map_err(|e| Failure {
            code: crate::startup::EXIT_REPO,
            message: format!("{}: {e}", f.display()),
        })?,
        None => {
            let login = login_name().unwrap_or_else(|| "admin".into());
            let id: String = login
                .to_ascii_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let (email, name) = crate::store::identity::global_git_user();
            let name = name.unwrap_or_else(|| login.clone());
            let email = email.unwrap_or_else(|| format!("{login}@localhost"));
            Config::starter(&id, &name, &email, &login)
        }
    };
    let text = match &a.kecamatan_file {
        Some(f) => with_kecamatan(lang, &text, f)?,
        None => text,
    };
    let room = Newsroom::init(&dir, a.bare, &text).map_err(|e| Failure {
        code: e.exit_code(),
        message: i18n::error(lang, &e),
    })?;
    println!("{}", i18n::fmt(lang, Key::OutInit, &[&dir.display(), &room.branch()]));
    Ok(())
}

/// `text` with the kecamatan of file `f` added (comments and order kept).
fn with_kecamatan(lang: i18n::Lang, text: &str, f: &std::path::Path) -> Result<String, Failure> {
    use crate::domain::admin::{Change, apply, kecamatan_list};
    let refused = |message: String| Failure {
        code: crate::startup::EXIT_REFUSED,
        message,
    };
    let list_text = crate::store::files::read_text(f).map_err(|e| Failure {
        code: crate::startup::EXIT_REPO,
        message: format!("{}: {e}", f.display()),
    })?;
    let name = f.display().to_string();
    let list = kecamatan_list(&list_text).map_err(|(line, e)| {
        refused(i18n::fmt(
            lang,
            Key::AdmKecFileLine,
            &[&name, &line, &i18n::admin_error(lang, &e)],
        ))
    })?;
    let config = Config::parse(text).map_err(|e| refused(e.to_string()))?;
    let (new, _) = apply(&config, &Change::AddKecamatan(list)).map_err(|e| refused(i18n::admin_error(lang, &e)))?;
    crate::domain::config_write::rewrite(text, &config, &new)
        .ok_or_else(|| refused(Key::AdmUnwritable.text(lang).to_string()))
}
