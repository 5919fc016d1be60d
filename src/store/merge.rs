//! Three-way merge of an item edited by two people at once.
//!
//! Front-matter keys merge one by one; the body goes through git's file merge, so edits
//! to different paragraphs combine and edits to the same paragraph conflict.

use git2::{MergeFileInput, MergeFileOptions};

use crate::domain::item::{FrontMatter, Item};

/// Merge `ours` and `theirs`, both made from `base`. `None` on a true conflict.
#[must_use]
pub fn merge_items(base: &Item, ours: &Item, theirs: &Item) -> Option<Item> {
    let front = merge_front(&base.front, &ours.front, &theirs.front)?;
    let body = merge_text(&base.body, &ours.body, &theirs.body)?;
    Some(Item { front, body })
}

fn input(s: &str) -> MergeFileInput<'_> {
    let mut i = MergeFileInput::new();
    i.content(s.as_bytes()).path("index.md");
    i
}

fn merge_front(base: &FrontMatter, ours: &FrontMatter, theirs: &FrontMatter) -> Option<FrontMatter> {
    let table = |f: &FrontMatter| toml::Table::try_from(f).ok();
    let (b, o, t) = (table(base)?, table(ours)?, table(theirs)?);
    let mut out = toml::Table::new();
    let keys: std::collections::BTreeSet<&String> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    for key in keys {
        let (bv, ov, tv) = (b.get(key), o.get(key), t.get(key));
        let pick = if ov == bv {
            tv
        } else if tv == bv || tv == ov {
            ov
        } else {
            return None;
        };
        if let Some(v) = pick {
            out.insert(key.clone(), v.clone());
        }
    }
    out.try_into().ok()
}

/// Three-way merge of texts; `None` when the same lines changed on both sides.
#[must_use]
pub fn merge_text(base: &str, ours: &str, theirs: &str) -> Option<String> {
    if ours == base || ours == theirs {
        return Some(theirs.to_string());
    }
    if theirs == base {
        return Some(ours.to_string());
    }
    let (text, clean) = merge_marked(base, ours, theirs);
    clean.then_some(text)
}

/// Three-way merge that always gives a text: conflicting parts carry git's
/// `<<<<<<< ours` / `=======` / `>>>>>>> theirs` markers. The flag says it was clean.
#[must_use]
pub fn merge_marked(base: &str, ours: &str, theirs: &str) -> (String, bool) {
    // libgit2 must be initialised before its merge functions; hashing does that.
    let _ = git2::Oid::hash_object(git2::ObjectType::Blob, b"");
    let (b, o, t) = (input(base), input(ours), input(theirs));
    let mut opts = MergeFileOptions::new();
    opts.our_label("ours").their_label("theirs");
    match git2::merge_file(&b, &o, &t, Some(&mut opts)) {
        Ok(result) => (
            String::from_utf8_lossy(result.content()).into_owned(),
            result.is_automergeable(),
        ),
        Err(_) => (format!("<<<<<<< ours\n{ours}=======\n{theirs}>>>>>>> theirs\n"), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_paragraphs_merge_same_paragraph_conflicts() {
        let base = "Satu.\n\nDua.\n\nTiga.\n";
        let ours = "Satu diubah.\n\nDua.\n\nTiga.\n";
        let theirs = "Satu.\n\nDua.\n\nTiga diubah.\n";
        assert_eq!(
            merge_text(base, ours, theirs).as_deref(),
            Some("Satu diubah.\n\nDua.\n\nTiga diubah.\n")
        );
        assert_eq!(merge_text(base, ours, "Satu lain.\n\nDua.\n\nTiga.\n"), None);
    }

    #[test]
    fn front_matter_merges_by_key() {
        let mut base = Item::default();
        base.front.title = "A".into();
        let mut ours = base.clone();
        ours.front.tags = vec!["humas".into()];
        let mut theirs = base.clone();
        theirs.front.title = "B".into();
        let m = merge_items(&base, &ours, &theirs).unwrap();
        assert_eq!((m.front.title.as_str(), m.front.tags.len()), ("B", 1));
        let mut clash = base.clone();
        clash.front.title = "C".into();
        assert!(merge_items(&base, &clash, &theirs).is_none());
    }
}
