//! Building the list's rows: queue, filters and fuzzy search over title, tags and body.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::{Filters, Queue, Row, State};
use crate::domain::config::Person;
use crate::domain::config::Role;
use crate::domain::review::Status;
use crate::domain::workflow::can_see;
use crate::store::Entry;
use crate::store::Snapshot;

/// Whether an item belongs in a queue for a person.
fn in_queue(queue: Queue, e: &Entry, me: Option<&crate::domain::config::Person>) -> bool {
    let status = e.state.status;
    match queue {
        Queue::All => true,
        Queue::Published => status == Status::Published,
        Queue::Mine => match me {
            None => false,
            Some(p) if p.has(Role::Approver) => {
                status == Status::Submitted
                    || (status == Status::Approved && (e.approval_stale() || e.approval_valid()))
            }
            Some(p) if p.has(Role::Editor) => {
                matches!(status, Status::Submitted | Status::Draft | Status::ChangesRequested)
            }
            Some(p) => {
                e.item.front.author == p.id
                    && matches!(status, Status::Draft | Status::ChangesRequested | Status::Submitted)
            }
        },
    }
}

/// Whether `needle` (lowercase) occurs in `hay`, ignoring ASCII case.
///
/// Bodies are scanned 32 bytes at a time for the needle's first two bytes, compared with
/// the ASCII case bit set (`| 0x20`: a superset of a case-insensitive match), in a loop
/// the compiler turns into vector instructions; only a block that holds such a pair is
/// looked at closely. This is most of the cost of a search over 10,000 articles.
fn contains_ci(hay: &str, needle: &str) -> bool {
    const BLOCK: usize = 32;
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    if h.len() < n.len() {
        return false;
    }
    let matches_at = |i: usize| h[i..i + n.len()].eq_ignore_ascii_case(n);
    let starts = h.len() - n.len() + 1;
    if n.len() == 1 {
        return (0..starts).any(matches_at);
    }
    let (p0, p1) = (n[0] | 0x20, n[1] | 0x20);
    let mut at = 0;
    while at < starts {
        let end = (at + BLOCK).min(starts);
        // `end < h.len()` since the needle has two bytes or more.
        let pairs = h[at..end].iter().zip(&h[at + 1..=end]);
        // Bitwise on integers, not `||`/`&&`: no branch, so the loop is vectorised.
        if pairs.fold(0u8, |seen, (&a, &b)| {
            seen | (u8::from((a | 0x20) == p0) & u8::from((b | 0x20) == p1))
        }) != 0
            && (at..end).any(|i| (h[i] | 0x20) == p0 && (h[i + 1] | 0x20) == p1 && matches_at(i))
        {
            return true;
        }
        at = end;
    }
    false
}

/// What a body match scores: longer words weigh more.
fn weight_of(words: &[String]) -> u32 {
    let chars: usize = words.iter().map(|w| w.chars().count()).sum();
    u32::try_from(chars * 16).unwrap_or(u32::MAX)
}

/// A body matches when every word of the query is in it; it then scores [`weight_of`].
fn body_score(body: &str, words: &[String]) -> Option<u32> {
    if words.is_empty() || !words.iter().all(|w| contains_ci(body, w)) {
        return None;
    }
    Some(weight_of(words))
}

/// Sort key within the "my work" queue: what needs action first.
fn urgency(e: &Entry) -> u8 {
    match e.state.status {
        Status::ChangesRequested => 0,
        Status::Submitted => 1,
        Status::Approved if e.approval_stale() => 1,
        Status::Draft => 2,
        _ => 3,
    }
}

/// The rows of a queue for a person, filtered and, with a query, searched and ranked.
#[must_use]
pub fn rows_for(snap: &Snapshot, me: Option<&Person>, queue: Queue, f: &Filters, search: &str) -> Vec<Row> {
    let mut rows: Vec<(u32, Row)> = Vec::new();
    let pattern =
        (!search.trim().is_empty()).then(|| Pattern::parse(search, CaseMatching::Ignore, Normalization::Smart));
    // Fuzzy matching over a whole article matches nearly anything: the body needs the words themselves.
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    let body_weight = weight_of(&words);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    for (index, e) in snap.items.iter().enumerate() {
        if !can_see(me, &e.facts()) || !in_queue(queue, e, me) {
            continue;
        }
        if f.status.is_some_and(|s| s != e.state.status)
            || f.kecamatan.as_ref().is_some_and(|k| k != &e.item.front.kecamatan)
            || f.tag.as_ref().is_some_and(|t| !e.item.front.tags.contains(t))
        {
            continue;
        }
        let mut highlight = Vec::new();
        let score = match &pattern {
            None => 0,
            Some(p) => {
                // A match in the title weighs most, then tags, then the body.
                let title = p
                    .score(Utf32Str::new(&e.item.front.title, &mut buf), &mut matcher)
                    .map(|s| s * 4);
                let tags = if e.item.front.tags.is_empty() {
                    None
                } else {
                    let joined = e.item.front.tags.join(" ");
                    p.score(Utf32Str::new(&joined, &mut buf), &mut matcher).map(|s| s * 2)
                };
                let best = title.max(tags);
                // A body match always scores the same for a query: when the title or the
                // tags already score that much, the body need not be read.
                let body = if best >= Some(body_weight) {
                    None
                } else {
                    body_score(&e.item.body, &words)
                };
                let Some(score) = best.max(body) else {
                    continue;
                };
                if title.is_some() {
                    p.indices(
                        Utf32Str::new(&e.item.front.title, &mut buf),
                        &mut matcher,
                        &mut highlight,
                    );
                    highlight.sort_unstable();
                    highlight.dedup();
                }
                score
            }
        };
        rows.push((score, Row { index, highlight }));
    }
    if pattern.is_some() {
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        // Scattered fuzzy hits score far below real ones: keep what is close to the best.
        let best = rows.first().map_or(0, |r| r.0);
        rows.retain(|r| r.0 * 3 >= best);
    } else if queue == Queue::Mine {
        // Oldest first within each urgency, so nothing waits forever.
        rows.sort_by_key(|(_, r)| {
            let e = &snap.items[r.index];
            (urgency(e), e.updated())
        });
    } else {
        rows.sort_by_key(|(_, r)| std::cmp::Reverse(snap.items[r.index].updated()));
    }
    rows.into_iter().map(|(_, r)| r).collect()
}

/// Recompute `state.rows`, keeping the selected item selected when it is still listed.
pub fn rebuild(state: &mut State) {
    let Some(snap) = state.snapshot.clone() else {
        state.rows.clear();
        return;
    };
    let keep = state
        .rows
        .get(state.selected)
        .map(|r| r.index)
        .and_then(|i| snap.items.get(i))
        .map(|e| e.slug.clone());
    let me = state.me.as_deref().and_then(|id| snap.config.person(id));
    state.rows = rows_for(&snap, me, state.queue, &state.filters, &state.search);
    state.selected = keep
        .and_then(|slug| state.rows.iter().position(|r| snap.items[r.index].slug == slug))
        .unwrap_or_else(|| state.selected.min(state.rows.len().saturating_sub(1)));
}

#[cfg(test)]
mod tests {
    use super::contains_ci;

    /// The plain definition the fast scan must agree with.
    fn naive(hay: &str, needle: &str) -> bool {
        hay.to_ascii_lowercase().contains(needle)
    }

    #[test]
    fn the_block_scan_agrees_with_the_plain_definition() {
        let filler = "Panwaslu Kecamatan Sambit – “kotak suara” ";
        for len in [0, 1, 5, 31, 32, 33, 63, 64, 65, 200] {
            let hay: String = filler.chars().cycle().take(len).collect();
            for at in 0..=hay.len() {
                if !hay.is_char_boundary(at) {
                    continue;
                }
                for needle in ["logistik", "l", "kotak", "sambit", "xyz"] {
                    let placed = format!("{}{}{}", &hay[..at], needle.to_uppercase(), &hay[at..]);
                    assert!(contains_ci(&placed, needle), "{needle} at {at} of {len}");
                    assert_eq!(contains_ci(&hay, needle), naive(&hay, needle), "{needle} in {len}");
                }
            }
        }
        assert!(contains_ci("abc", ""));
        assert!(!contains_ci("ab", "abc"));
    }
}
