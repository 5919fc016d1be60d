//! Word-level diffs of item text, for reviewers.

use similar::{ChangeTag, TextDiff};

use super::item::FrontMatter;

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    /// Text in both versions.
    Same(String),
    /// Text only in the new version.
    Added(String),
    /// Text only in the old version.
    Removed(String),
}

/// Diff two texts by Unicode words, merging neighbouring runs of the same kind.
#[must_use]
pub fn words(old: &str, new: &str) -> Vec<Chunk> {
    let diff = TextDiff::configure().diff_unicode_words(old, new);
    let mut out: Vec<Chunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Chunk::Same(s)))
            | (ChangeTag::Insert, Some(Chunk::Added(s)))
            | (ChangeTag::Delete, Some(Chunk::Removed(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => out.push(Chunk::Same(text.to_string())),
            (ChangeTag::Insert, _) => out.push(Chunk::Added(text.to_string())),
            (ChangeTag::Delete, _) => out.push(Chunk::Removed(text.to_string())),
        }
    }
    out
}

/// Render a word diff as plain text with `[-removed-]` and `[+added+]` marks.
#[must_use]
pub fn plain(chunks: &[Chunk]) -> String {
    let mut out = String::new();
    for c in chunks {
        match c {
            Chunk::Same(s) => out.push_str(s),
            Chunk::Added(s) => {
                out.push_str("[+");
                out.push_str(s);
                out.push_str("+]");
            }
            Chunk::Removed(s) => {
                out.push_str("[-");
                out.push_str(s);
                out.push_str("-]");
            }
        }
    }
    out
}

/// The front-matter fields that differ: (field, old text, new text).
#[must_use]
pub fn front_fields(old: &FrontMatter, new: &FrontMatter) -> Vec<(&'static str, String, String)> {
    let photos = |f: &FrontMatter| {
        f.photos
            .iter()
            .map(|p| format!("{} — {}", p.file, p.caption))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let date = |f: &FrontMatter| f.event_date.map(|d| d.to_string()).unwrap_or_default();
    [
        ("title", old.title.clone(), new.title.clone()),
        ("tags", old.tags.join(", "), new.tags.join(", ")),
        ("kecamatan", old.kecamatan.clone(), new.kecamatan.clone()),
        ("event_date", date(old), date(new)),
        ("location", old.location.clone(), new.location.clone()),
        ("photos", photos(old), photos(new)),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .collect()
}

/// Whether a diff has any change.
#[must_use]
pub fn changed(chunks: &[Chunk]) -> bool {
    chunks.iter().any(|c| !matches!(c, Chunk::Same(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_changed_words() {
        let d = words(
            "Rapat digelar Senin (09/09/2024).",
            "Rapat digelar Selasa (10/09/2024).",
        );
        assert_eq!(plain(&d), "Rapat digelar [-Senin-][+Selasa+] ([-09-][+10+]/09/2024).");
        assert!(changed(&d));
        assert!(!changed(&words("sama", "sama")));
    }
}
