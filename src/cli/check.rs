//! `check`: the pre-approval checklist of one item, then its spelling and house-style
//! findings with their line and column in the item's `index.md`.

use super::common::print_json;
use super::show::load;
use crate::domain::house_style::{self, StyleFinding, line_col};
use crate::domain::item::Item;
use crate::domain::lint::{Level, Rule, Rules, blocking};
use crate::domain::spelling::Speller;
use crate::domain::text::clean_line;
use crate::i18n::{self, Key};
use crate::startup::{Ctx, EXIT_REFUSED, Failure, Outcome};

/// `SLUG [--json]`.
pub use super::common::ItemArgs as Args;

/// A word the speller does not know, placed in the item's file.
struct Misspelled {
    line: usize,
    column: usize,
    word: String,
    suggestions: Vec<String>,
}

/// Where the body starts in the item's file (the front matter comes first).
fn body_offset(item: &Item) -> (String, usize) {
    let file = item.serialize();
    let at = file.len() - item.body.len();
    (file, at)
}

/// The misspelled words of the title and the body, in file order.
fn misspelled(speller: &Speller, item: &Item) -> Vec<Misspelled> {
    let (file, body_at) = body_offset(item);
    let mut out = Vec::new();
    // The title sits on its `title = "…"` line of the front matter.
    if let Some(line_at) = file[..body_at].find("\ntitle = ").map(|i| i + 1) {
        let line_text = &file[line_at..file[line_at..].find('\n').map_or(body_at, |n| line_at + n)];
        for f in speller.check(&item.front.title) {
            if let Some(i) = line_text.find(&f.word) {
                let (line, column) = line_col(&file, line_at + i);
                out.push(Misspelled {
                    line,
                    column,
                    word: f.word.clone(),
                    suggestions: speller.suggest(&f.word),
                });
            }
        }
    }
    for f in speller.check(&item.body) {
        let (line, column) = line_col(&file, body_at + f.start);
        out.push(Misspelled {
            line,
            column,
            suggestions: speller.suggest(&f.word),
            word: f.word,
        });
    }
    out
}

/// The house-style rules the newsroom has not switched off.
fn style_rules(rules: &Rules) -> Vec<Rule> {
    [Rule::DiUsage, Rule::InstitutionNames, Rule::DateForm]
        .into_iter()
        .filter(|r| rules.level(*r) != Level::Off)
        .collect()
}

/// Run `check`: exit 1 when a required rule fails. Spelling and style are hints.
pub fn run(ctx: &Ctx, a: &Args) -> Outcome {
    let e = load(ctx, &a.slug)?;
    let rules = Rules::from_config(&ctx.config);
    let checks = rules.check(&e.item, &ctx.config);
    let speller = crate::store::spelling::load(
        &ctx.config,
        &ctx.room.spelling_base(),
        ctx.who
            .person
            .as_deref()
            .map(|p| crate::store::spelling::personal_file(ctx.room.state_dir(), &ctx.room.key(), p))
            .as_deref(),
    );
    if speller.is_none() {
        // Once, quietly, on stderr: the checklist itself is still complete.
        eprintln!("{}", Key::SpellNoDictionary.text(ctx.lang));
    }
    let words = speller.as_ref().map(|s| misspelled(s, &e.item)).unwrap_or_default();
    let (file, body_at) = body_offset(&e.item);
    let style: Vec<StyleFinding> = house_style::findings(&e.item.body, &style_rules(&rules));
    let place = |f: &StyleFinding| line_col(&file, body_at + f.start);
    if a.json {
        let mut list: Vec<_> = checks
            .iter()
            .map(|c| {
                let mut v = serde_json::json!({
                    "rule": c.rule.id(),
                    "level": if c.level == Level::Required { "required" } else { "recommended" },
                    "passed": c.passed,
                    "detail": clean_line(&c.detail),
                });
                let found: Vec<_> = style
                    .iter()
                    .filter(|f| f.rule == c.rule)
                    .map(|f| {
                        let (line, column) = place(f);
                        serde_json::json!({
                            "line": line, "column": column,
                            "text": clean_line(&f.text), "fix": clean_line(&f.fix),
                        })
                    })
                    .collect();
                if !found.is_empty() {
                    v["findings"] = serde_json::Value::Array(found);
                }
                v
            })
            .collect();
        list.push(serde_json::json!({
            "rule": "spelling",
            "level": "recommended",
            "passed": words.is_empty(),
            "checked": speller.is_some(),
            "detail": words.len().to_string(),
            "findings": words.iter().map(|w| serde_json::json!({
                "line": w.line, "column": w.column, "word": clean_line(&w.word),
                "suggestions": w.suggestions.iter().map(|s| clean_line(s)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }));
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
        if speller.is_some() {
            println!();
            if words.is_empty() {
                println!(
                    "{}: {}",
                    Key::SpellHeading.text(ctx.lang),
                    Key::SpellNone.text(ctx.lang)
                );
            } else {
                println!(
                    "{}: {}",
                    Key::SpellHeading.text(ctx.lang),
                    i18n::fmt(ctx.lang, Key::SpellCount, &[&words.len()])
                );
                for w in &words {
                    let s = if w.suggestions.is_empty() {
                        Key::SpellNoSuggestion.text(ctx.lang).to_string()
                    } else {
                        clean_line(&w.suggestions.join(", "))
                    };
                    let row = i18n::fmt(
                        ctx.lang,
                        Key::SpellFinding,
                        &[&w.line, &w.column, &clean_line(&w.word), &s],
                    );
                    println!("  {row}");
                }
            }
        }
        println!();
        if style.is_empty() {
            println!(
                "{}: {}",
                Key::SpellStyleHeading.text(ctx.lang),
                Key::SpellNoStyle.text(ctx.lang)
            );
        } else {
            println!("{}:", Key::SpellStyleHeading.text(ctx.lang));
            for f in &style {
                let (line, column) = place(f);
                let row = i18n::fmt(
                    ctx.lang,
                    Key::SpellFinding,
                    &[&line, &column, &clean_line(&f.text), &clean_line(&f.fix)],
                );
                println!("  {row}");
            }
        }
    }
    let failing = blocking(&checks);
    if failing.is_empty() {
        Ok(())
    } else {
        let names: Vec<&str> = failing.iter().map(|r| i18n::rule_name(ctx.lang, r.id())).collect();
        Err(Failure {
            code: EXIT_REFUSED,
            // Checking refuses nothing: say what the failing rules mean for approval.
            message: i18n::fmt(ctx.lang, Key::OutCheckBlocking, &[&names.join(", ")]),
        })
    }
}
