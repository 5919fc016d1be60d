//! Keeps the layers honest: app and ui never touch git, files or processes, and the
//! domain stays pure.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

fn check(dirs: &[&str], banned: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for d in dirs {
        let p = root.join(d);
        if p.is_dir() {
            sources(&p, &mut files);
        }
        let f = root.join(format!("{d}.rs"));
        if f.is_file() {
            files.push((f.display().to_string(), std::fs::read_to_string(&f).unwrap()));
        }
    }
    assert!(!files.is_empty());
    for (path, text) in files {
        // Code only: a comment may name what the code must not use.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for word in banned {
            assert!(!code.contains(word), "{path} uses {word}");
        }
    }
}

#[test]
fn app_and_ui_do_no_io() {
    check(
        &["app", "ui"],
        &[
            "git2",
            "std::fs",
            "std::process",
            "std::env",
            "crate::tui",
            "crate::cli",
        ],
    );
}

#[test]
fn domain_is_pure() {
    check(
        &["domain"],
        &[
            "git2",
            "std::fs",
            "std::process",
            "std::env",
            "Timestamp::now",
            "crate::store",
            "ratatui",
        ],
    );
}

#[test]
fn app_reads_no_clock_and_draws_nothing() {
    check(
        &["app"],
        &["crate::ui", "Timestamp::now", "SystemTime", "Instant::now", "crossterm"],
    );
}

#[test]
fn store_knows_nothing_above_it() {
    check(
        &["store"],
        &[
            "crate::app",
            "crate::ui",
            "crate::i18n",
            "crate::query",
            "crate::cli",
            "crate::tui",
            "crate::startup",
            "ratatui",
            "crossterm",
        ],
    );
}

#[test]
fn the_query_layer_sits_below_the_app() {
    check(
        &["query"],
        &["crate::app", "crate::ui", "crate::cli", "crate::tui", "crossterm"],
    );
}

#[test]
fn the_command_line_and_the_terminal_ui_do_not_import_each_other() {
    check(&["cli"], &["crate::app"]);
    check(&["tui"], &["crate::cli"]);
    check(&["startup"], &["crate::cli", "crate::tui", "crate::app"]);
}

#[test]
fn only_the_store_touches_git_and_files() {
    check(
        &["domain", "query", "app", "ui", "cli", "tui", "startup", "i18n", "exit"],
        &["git2", "std::fs", "File::open", "OpenOptions"],
    );
}

#[test]
fn only_the_terminal_code_uses_crossterm() {
    check(
        &[
            "domain", "store", "query", "app", "ui", "cli", "startup", "i18n", "exit",
        ],
        &["crossterm"],
    );
}
