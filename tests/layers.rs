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
        for word in banned {
            assert!(!text.contains(word), "{path} uses {word}");
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
