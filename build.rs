//! Compiles the sample items of `drafts/` into the binary, so `warta demo` works anywhere.

use std::fmt::Write;
use std::path::Path;

fn main() {
    cache_schema();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    println!("cargo:rerun-if-changed=drafts");
    let mut slugs: Vec<String> = std::fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().join("index.md").is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    slugs.sort();
    let mut out = String::from("/// Sample items: (slug, index.md).\npub static ITEMS: &[(&str, &str)] = &[\n");
    for s in &slugs {
        println!("cargo:rerun-if-changed=drafts/{s}/index.md");
        let path = root.join(s).join("index.md");
        writeln!(out, "    ({s:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    for (name, file) in [("CONFIG", "warta.toml"), ("SCRIPT", "demo.toml")] {
        let path = root.join(file);
        writeln!(
            out,
            "/// drafts/{file}\npub static {name}: &str = include_str!({:?});",
            path.display().to_string()
        )
        .unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("drafts.rs");
    std::fs::write(dest, out).unwrap();
}

/// A fingerprint of the sources that define what the snapshot cache holds: when they
/// change, caches written by older builds are ignored instead of misread.
fn cache_schema() {
    let fingerprint = |files: &[&str]| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for file in files {
            println!("cargo:rerun-if-changed={file}");
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            for b in std::fs::read(path).unwrap_or_default() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    };
    let h = fingerprint(&[
        "src/store/cache.rs",
        "src/store/snapshot.rs",
        "src/domain/item.rs",
        "src/domain/review.rs",
        "src/store/summary.rs",
        "src/store/framed.rs",
        "src/domain/word_index.rs",
        "src/store/outline.rs",
        // What the index's summaries and broken files are derived with.
        "src/store/entry.rs",
        "src/store/published.rs",
        "src/store/shards.rs",
        "src/store/rawtree.rs",
        "src/domain/rules.rs",
        "src/domain/limits.rs",
        "src/domain/layout.rs",
        "src/domain/slug.rs",
    ]);
    println!("cargo:rustc-env=WARTA_CACHE_SCHEMA={h:016x}");
    // The evaluation's cache of checklist outcomes (store/evaluation.rs).
    let h = fingerprint(&["src/domain/lint.rs", "src/domain/item.rs", "src/store/evaluation.rs"]);
    println!("cargo:rustc-env=WARTA_LINT_SCHEMA={h:016x}");
}
