//! `check`: the pre-approval checklist of one item.

use super::show::load;
use super::{Ctx, EXIT_REFUSED, Failure, Outcome, print_json};
use crate::domain::lint::{Level, Rules, blocking};
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};

/// `SLUG [--json]`.
pub use super::ItemArgs as Args;

/// Run `check`: exit 1 when a required rule fails.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let e = load(ctx, &a.slug)?;
    let checks = Rules::from_config(&ctx.config).check(&e.item, &ctx.config);
    if a.json {
        let list: Vec<_> = checks
            .iter()
            .map(|c| {
                serde_json::json!({
                    "rule": c.rule.id(),
                    "level": if c.level == Level::Required { "required" } else { "recommended" },
                    "passed": c.passed,
                    "detail": clean_line(&c.detail),
                })
            })
            .collect();
        print_json(&serde_json::Value::Array(list));
    } else {
        for c in &checks {
            let mark = if c.passed {
                "✓"
            } else if c.level == Level::Required {
                "✗"
            } else {
                "!"
            };
            let level = if c.level == Level::Required {
                Key::LevelRequired
            } else {
                Key::LevelRecommended
            };
            let detail = if c.detail.is_empty() {
                String::new()
            } else {
                format!(" ({})", clean_line(&c.detail))
            };
            println!(
                "{mark} {:<28} {}{detail}",
                i18n::rule_name(ctx.lang, c.rule.id()),
                level.text(ctx.lang)
            );
        }
    }
    let failing = blocking(&checks);
    if failing.is_empty() {
        Ok(())
    } else {
        let names: Vec<&str> = failing.iter().map(|r| i18n::rule_name(ctx.lang, r.id())).collect();
        Err(Failure {
            code: EXIT_REFUSED,
            message: i18n::fmt(ctx.lang, Key::DenyChecklist, &[&names.join(", ")]),
        })
    }
}
