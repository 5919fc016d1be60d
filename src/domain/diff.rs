//! Word-level diffs of item text, for reviewers, with a deadline and coarser fallbacks.
//!
//! A word diff of two long, very different texts costs time that grows with the product
//! of their lengths (Myers' algorithm is O((N+M)·D), D the number of differences): two
//! 20,000-word versions took seconds. So every comparison runs against a [`Budget`]:
//! the word diff first; if it runs out of time, a diff by paragraph; if that runs out
//! too, or leaves almost nothing in common, [`Diff::TooDifferent`] — the caller shows
//! both versions side by side. The work is bounded by the budget plus a pass over the
//! text (splitting it into words), whatever the input.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::{Algorithm, ChangeTag, TextDiff};
use unicode_width::UnicodeWidthStr;

use super::item::{FrontMatter, Item};
use super::text::clean_line;

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

/// What a comparison found, finest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diff {
    /// A diff by Unicode words.
    Words(Vec<Chunk>),
    /// The word diff ran out of time: a diff by paragraph (a changed paragraph is
    /// removed and added whole).
    Paragraphs(Vec<Chunk>),
    /// No useful diff in time, or the versions have (almost) nothing in common:
    /// show both versions.
    TooDifferent,
}

impl Diff {
    /// Whether the versions differ.
    #[must_use]
    pub fn changed(&self) -> bool {
        match self {
            Self::Words(c) | Self::Paragraphs(c) => changed(c),
            Self::TooDifferent => true,
        }
    }
}

/// How long each step of a comparison may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The word diff, from the start.
    pub words: Duration,
    /// The paragraph diff, after the word diff gave up.
    pub paragraphs: Duration,
}

/// The budget the TUI and `warta diff` use: a 1 MiB pair stays well under 200 ms of
/// diffing (see `benches/diff.rs`), a usual article finishes its word diff in
/// well under a millisecond.
pub const BUDGET: Budget = Budget {
    words: Duration::from_millis(60),
    paragraphs: Duration::from_millis(90),
};

/// A paragraph diff that keeps less than this share (in per mille) of the larger
/// version's text in common is no help to a reader: both versions are shown instead.
const MIN_SAME_PER_MILLE: usize = 250;

/// Diff two texts within [`BUDGET`] as runs: by words, else by paragraphs, else the
/// whole old text removed and the whole new one added.
#[must_use]
pub fn words(old: &str, new: &str) -> Vec<Chunk> {
    match compare(old, new, BUDGET) {
        Diff::Words(c) | Diff::Paragraphs(c) => c,
        Diff::TooDifferent => vec![Chunk::Removed(old.to_string()), Chunk::Added(new.to_string())],
    }
}

/// Compare two texts within `budget`: words, else paragraphs, else too different.
#[must_use]
pub fn compare(old: &str, new: &str, budget: Budget) -> Diff {
    let start = Instant::now();
    let deadline = start + budget.words;
    // Myers' algorithm (similar's default, named here on purpose): it honours the
    // deadline inside its search and, once past it, finishes with a coarse but valid
    // script. (The LCS algorithm needs N·M memory; patience is Myers between unique
    // anchors, which words seldom are.)
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .deadline(deadline)
        .diff_unicode_words(old, new);
    let chunks = collect(diff.iter_all_changes().map(|c| (c.tag(), c.value())));
    // A diff finished past its deadline may be the coarse one: not trusted.
    if Instant::now() <= deadline {
        return Diff::Words(chunks);
    }
    drop(chunks);
    let deadline = Instant::now() + budget.paragraphs;
    let (a, b) = (paragraphs(old), paragraphs(new));
    // Compared as numbers: paragraphs often share a long opening, and comparing the
    // text again at every step of the search would cost most of the budget.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let (na, nb) = (number(&mut ids, &a), number(&mut ids, &b));
    // Paragraphs are mostly unique: patience anchors on them, Myers fills the gaps.
    let ops = similar::capture_diff_slices_deadline(Algorithm::Patience, &na, &nb, Some(deadline));
    if Instant::now() > deadline {
        return Diff::TooDifferent;
    }
    let chunks = collect(
        ops.iter()
            .flat_map(|op| op.iter_changes(&a, &b).map(|c| (c.tag(), c.value()))),
    );
    let same: usize = chunks
        .iter()
        .map(|c| match c {
            Chunk::Same(s) => s.trim().len(),
            _ => 0,
        })
        .sum();
    if same * 1000 < old.len().max(new.len()) * MIN_SAME_PER_MILLE {
        return Diff::TooDifferent;
    }
    Diff::Paragraphs(chunks)
}

/// Each token as a number, equal tokens the same number.
fn number<'t>(ids: &mut HashMap<&'t str, u32>, tokens: &[&'t str]) -> Vec<u32> {
    tokens
        .iter()
        .map(|t| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *ids.entry(t).or_insert(next)
        })
        .collect()
}

/// A text cut into paragraphs and the blank lines between them, each its own token,
/// so that equal paragraphs match whatever follows them.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find("\n\n").unwrap_or(rest.len());
        if end > 0 {
            out.push(&rest[..end]);
        }
        rest = &rest[end..];
        let gap = rest.len() - rest.trim_start_matches('\n').len();
        if gap > 0 {
            out.push(&rest[..gap]);
            rest = &rest[gap..];
        }
    }
    out
}

/// Runs of changes, neighbours of the same kind merged.
fn collect<'a>(changes: impl Iterator<Item = (ChangeTag, &'a str)>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for (tag, text) in changes {
        match (tag, out.last_mut()) {
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

/// Which two versions of an item a diff compares: its version at event `base` of its
/// log, and its current content (by tree id). A diff is computed once per pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pair {
    /// The item.
    pub slug: String,
    /// The event (index into the log) of the older version.
    pub base: usize,
    /// Tree id of the newer version (`Entry::content`).
    pub content: String,
}

/// How an item's body was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// By words.
    Words,
    /// By paragraphs (the word diff ran out of time).
    Paragraphs,
    /// Not at all: both versions are shown.
    TooDifferent,
}

/// One screen line of a diff before wrapping: cleaned runs (no newline, no control
/// character) and its width in columns, marks included.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// The runs, in order.
    pub parts: Vec<Chunk>,
    /// Display width, counting the `[+ +]` and `[- -]` marks.
    pub width: usize,
}

/// Two versions of an item compared, ready to show: computed once per pair of
/// versions (on the TUI's worker thread), then only read when drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDiff {
    /// The front-matter fields that differ, with their word diffs (cleaned, one line).
    pub fields: Vec<(&'static str, Vec<Chunk>)>,
    /// How the body was compared.
    pub kind: Kind,
    /// Whether the body changed.
    pub changed: bool,
    /// The body diff's lines; for [`Kind::TooDifferent`], the new version's lines.
    pub lines: Vec<Line>,
    /// For [`Kind::TooDifferent`], the old version's lines; else empty.
    pub old: Vec<Line>,
}

/// Compare two versions of an item within `budget` (the fields, short, first).
#[must_use]
pub fn items(old: &Item, new: &Item, budget: Budget) -> ItemDiff {
    let fields = front_fields(&old.front, &new.front)
        .into_iter()
        .map(|(name, a, b)| {
            let chunks = match compare(&a, &b, budget) {
                Diff::Words(c) | Diff::Paragraphs(c) => c,
                Diff::TooDifferent => vec![Chunk::Removed(a), Chunk::Added(b)],
            }
            .into_iter()
            .map(|c| match c {
                Chunk::Same(s) => Chunk::Same(clean_line(&s)),
                Chunk::Added(s) => Chunk::Added(clean_line(&s)),
                Chunk::Removed(s) => Chunk::Removed(clean_line(&s)),
            })
            .collect();
            (name, chunks)
        })
        .collect();
    let diff = compare(&old.body, &new.body, budget);
    let changed = diff.changed();
    let (kind, lines, old) = match diff {
        Diff::Words(c) => (Kind::Words, lines(&c), Vec::new()),
        Diff::Paragraphs(c) => (Kind::Paragraphs, lines(&c), Vec::new()),
        Diff::TooDifferent => (
            Kind::TooDifferent,
            lines(&[Chunk::Same(new.body.clone())]),
            lines(&[Chunk::Same(old.body.clone())]),
        ),
    };
    ItemDiff {
        fields,
        kind,
        changed,
        lines,
        old,
    }
}

/// Cut runs into screen lines at their newlines, cleaning each piece.
#[must_use]
pub fn lines(chunks: &[Chunk]) -> Vec<Line> {
    let mut out = vec![Line::default()];
    for chunk in chunks {
        let (text, make, marks): (&str, fn(String) -> Chunk, usize) = match chunk {
            Chunk::Same(t) => (t, Chunk::Same, 0),
            Chunk::Added(t) => (t, Chunk::Added, 4),
            Chunk::Removed(t) => (t, Chunk::Removed, 4),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Line::default());
            }
            let piece = clean_line(part);
            let mut rest = piece.as_str();
            while !rest.is_empty() {
                let line = out.last_mut().expect("never empty");
                let room = LONG_LINE.saturating_sub(line.width);
                if room < LONG_LINE / 20 {
                    out.push(Line::default());
                    continue;
                }
                let (head, tail) = rest.split_at(cut(rest, room));
                line.width += head.width() + marks;
                line.parts.push(make(head.to_string()));
                rest = tail;
                if !rest.is_empty() {
                    out.push(Line::default());
                }
            }
        }
    }
    out
}

/// A line wider than this is cut in several (at a space where there is one): drawing a
/// screenful then never wraps a whole 1 MiB paragraph.
const LONG_LINE: usize = 2000;

/// Where to cut `s` to keep about `room` columns: all of it, else after the last space
/// in the second half of the room, else at the room.
fn cut(s: &str, room: usize) -> usize {
    let Some((end, _)) = s.char_indices().nth(room) else {
        return s.len();
    };
    s[..end].rfind(' ').filter(|&i| i > end / 2).map_or(end, |i| i + 1)
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
            .map(|p| {
                if p.credit.is_empty() {
                    format!("{} — {}", p.file, p.caption)
                } else {
                    format!("{} — {} ({})", p.file, p.caption, p.credit)
                }
            })
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

    /// `n` words, each made unique by `seed` (no word is shared with another seed).
    fn salad(n: usize, seed: char) -> String {
        (0..n).map(|i| format!("{seed}{i:x}")).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_pathological_pair_falls_back_instead_of_running_for_seconds() {
        // Every word differs but the spaces match: the worst case of Myers' algorithm
        // (it took 5.7 s without a deadline). The kind of result shows the word diff
        // gave up at its deadline; the paragraph diff finds nothing in common.
        let (old, new) = (salad(20_000, 'a'), salad(20_000, 'b'));
        assert_eq!(compare(&old, &new, BUDGET), Diff::TooDifferent);
        // The same at 1 MiB, in paragraphs.
        let big = |seed| salad(140_000, seed).replace(" a", "\n\na").replace(" b", "\n\nb");
        let (old, new) = (big('a'), big('b'));
        assert!(old.len() > 1 << 20);
        assert_eq!(compare(&old, &new, BUDGET), Diff::TooDifferent);
        let d = items(
            &Item {
                body: old,
                ..Item::default()
            },
            &Item {
                body: new,
                ..Item::default()
            },
            BUDGET,
        );
        assert_eq!(d.kind, Kind::TooDifferent);
        assert!(d.changed && !d.old.is_empty() && !d.lines.is_empty());
    }

    #[test]
    fn paragraphs_when_words_run_out() {
        let old = "Satu dua.\n\nTiga empat.\n\nLima enam.\n";
        let new = "Satu dua.\n\nTiga lima.\n\nLima enam.\n";
        // No time at all for the word diff: the paragraph diff answers.
        let budget = Budget {
            words: Duration::ZERO,
            paragraphs: Duration::from_secs(5),
        };
        let Diff::Paragraphs(c) = compare(old, new, budget) else {
            panic!("expected a paragraph diff")
        };
        assert_eq!(plain(&c), "Satu dua.\n\n[-Tiga empat.-][+Tiga lima.+]\n\nLima enam.\n");
        // Nothing in common: both versions instead.
        assert_eq!(compare("a\n\nb", "c\n\nd", budget), Diff::TooDifferent);
        // Neither in time.
        let none = Budget {
            words: Duration::ZERO,
            paragraphs: Duration::ZERO,
        };
        assert_eq!(compare(old, new, none), Diff::TooDifferent);
        // With time, words.
        assert!(matches!(compare(old, new, BUDGET), Diff::Words(_)));
    }

    #[test]
    fn lines_are_cut_at_newlines_and_cleaned() {
        let l = lines(&[Chunk::Same("a\u{1b}b\nc".into()), Chunk::Added("dé".into())]);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].parts, vec![Chunk::Same("a\u{241b}b".into())]);
        assert_eq!(l[1].width, 1 + 2 + 4);
        // A 1 MiB line is cut into lines of bounded width, at spaces.
        let long = "kata ".repeat(1 << 18);
        let l = lines(&[Chunk::Same(long.clone())]);
        assert!(l.iter().all(|x| x.width <= LONG_LINE));
        assert!(l[0].parts == vec![Chunk::Same("kata ".repeat(LONG_LINE / 5))]);
        let joined: String = l
            .iter()
            .flat_map(|x| &x.parts)
            .map(|c| match c {
                Chunk::Same(s) | Chunk::Added(s) | Chunk::Removed(s) => s.as_str(),
            })
            .collect();
        assert_eq!(joined, long);
    }
}
