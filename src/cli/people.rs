//! `people`: who is who, with roles.

use serde_json::json;

use super::{Ctx, print_json};
use crate::domain::text::clean_line;
use crate::i18n;

/// `people [--json]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Run `people`.
pub fn run(ctx: &Ctx, a: &Args) {
    let today = crate::store::action::now(&ctx.config).date();
    if a.json {
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
        println!(
            "{:<12} {:<40} {:<22} {}{}",
            p.id,
            clean_line(&p.name),
            roles.join(","),
            clean_line(kec),
            active
        );
    }
}
