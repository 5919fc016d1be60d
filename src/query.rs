//! The query layer: which items a person's queue holds, the list filters, and the fuzzy
//! search over title, tags and body that ranks them.
//!
//! It sits between the store and the app: the TUI, the CLI (`list`) and the benches use
//! it alike, and it knows nothing of screens or terminals.

use std::collections::HashSet;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::domain::config::Person;
use crate::domain::config::Role;
use crate::domain::review::Status;
use crate::domain::word_index::{Bits, Holding, WordIndex};
use crate::domain::workflow::ItemFacts;
use crate::domain::workflow::can_see;
use crate::store::Snapshot;
use crate::store::{Entry, Index, Newsroom, Summary};

/// What the queues, the filters and the search read of an item: a whole entry or its
/// summary in the compact index alike.
pub trait Listed {
    /// The item folder's name.
    fn slug(&self) -> &str;
    /// The headline.
    fn title(&self) -> &str;
    /// Kecamatan id.
    fn kecamatan(&self) -> &str;
    /// Person id of the author.
    fn author(&self) -> &str;
    /// Tags.
    fn tags(&self) -> &[String];
    /// Status.
    fn status(&self) -> Status;
    /// Time of the last event (RFC 3339).
    fn updated(&self) -> String;
    /// Whether the last approval still matches the content.
    fn approval_valid(&self) -> bool;
    /// Whether the item was approved once but changed since.
    fn approval_stale(&self) -> bool;
    /// The facts the permission check needs.
    fn facts(&self) -> ItemFacts<'_>;
}

impl Listed for Entry {
    fn slug(&self) -> &str {
        &self.slug
    }
    fn title(&self) -> &str {
        &self.item.front.title
    }
    fn kecamatan(&self) -> &str {
        &self.item.front.kecamatan
    }
    fn author(&self) -> &str {
        &self.item.front.author
    }
    fn tags(&self) -> &[String] {
        &self.item.front.tags
    }
    fn status(&self) -> Status {
        self.state.status
    }
    fn updated(&self) -> String {
        Self::updated(self)
    }
    fn approval_valid(&self) -> bool {
        Self::approval_valid(self)
    }
    fn approval_stale(&self) -> bool {
        Self::approval_stale(self)
    }
    fn facts(&self) -> ItemFacts<'_> {
        Self::facts(self)
    }
}

impl Listed for Summary {
    fn slug(&self) -> &str {
        &self.slug
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn kecamatan(&self) -> &str {
        &self.kecamatan
    }
    fn author(&self) -> &str {
        &self.author
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
    fn status(&self) -> Status {
        self.status
    }
    fn updated(&self) -> String {
        self.updated.clone()
    }
    fn approval_valid(&self) -> bool {
        self.approval_valid
    }
    fn approval_stale(&self) -> bool {
        self.approval_stale
    }
    fn facts(&self) -> ItemFacts<'_> {
        Self::facts(self)
    }
}

impl<T: Listed> Listed for std::sync::Arc<T> {
    fn slug(&self) -> &str {
        (**self).slug()
    }
    fn title(&self) -> &str {
        (**self).title()
    }
    fn kecamatan(&self) -> &str {
        (**self).kecamatan()
    }
    fn author(&self) -> &str {
        (**self).author()
    }
    fn tags(&self) -> &[String] {
        (**self).tags()
    }
    fn status(&self) -> Status {
        (**self).status()
    }
    fn updated(&self) -> String {
        (**self).updated()
    }
    fn approval_valid(&self) -> bool {
        (**self).approval_valid()
    }
    fn approval_stale(&self) -> bool {
        (**self).approval_stale()
    }
    fn facts(&self) -> ItemFacts<'_> {
        (**self).facts()
    }
}

/// The list's queues, switched with Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// What needs me now.
    Mine,
    /// Everything I may see.
    All,
    /// Published items.
    Published,
}

impl Queue {
    /// The next queue.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Mine => Self::All,
            Self::All => Self::Published,
            Self::Published => Self::Mine,
        }
    }
}

/// One visible row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into the snapshot's items.
    pub index: usize,
    /// Character positions in the title that matched the search.
    pub highlight: Vec<u32>,
}

/// List filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only this status.
    pub status: Option<Status>,
    /// Only this kecamatan id.
    pub kecamatan: Option<String>,
    /// Only this tag.
    pub tag: Option<String>,
}

/// Whether an item belongs in a queue for a person.
fn in_queue(queue: Queue, e: &impl Listed, me: Option<&crate::domain::config::Person>) -> bool {
    let status = e.status();
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
                e.author() == p.id && matches!(status, Status::Draft | Status::ChangesRequested | Status::Submitted)
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
fn urgency(e: &impl Listed) -> u8 {
    match e.status() {
        Status::ChangesRequested => 0,
        Status::Submitted => 1,
        Status::Approved if e.approval_stale() => 1,
        Status::Draft => 2,
        _ => 3,
    }
}

/// Whether every character of `needle` (lowercase ASCII) occurs in `hay` in order,
/// ignoring ASCII case: what a fuzzy atom needs before it can match at all. Bytes are
/// compared with the case bit set, which can only let more through, never fewer.
///
/// Each byte is looked for with `memchr2` (its two forms, the case bit set and clear:
/// exactly the bytes equal to it with the case bit set), a vectorised scan; this test
/// runs on every title and tag line of a search.
fn subsequence_ci(hay: &[u8], needle: &[u8]) -> bool {
    let mut rest = hay;
    for &w in needle {
        match memchr::memchr2(w | 0x20, w & !0x20, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// A fuzzy query, with a cheap test that rules most haystacks out before nucleo's
/// optimal match runs.
struct Fuzzy {
    pattern: Pattern,
    /// The query's words when the quick test applies (ASCII, no `^$!'\` syntax).
    atoms: Option<Vec<Vec<u8>>>,
    matcher: Matcher,
    buf: Vec<char>,
}

impl Fuzzy {
    fn new(search: &str) -> Self {
        let plain = search.is_ascii() && !search.contains(['^', '$', '!', '\'', '\\']);
        Self {
            pattern: Pattern::parse(search, CaseMatching::Ignore, Normalization::Smart),
            atoms: plain.then(|| {
                search
                    .split_whitespace()
                    .map(|w| w.to_ascii_lowercase().into_bytes())
                    .collect()
            }),
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
        }
    }

    fn may_match(&self, hay: &str) -> bool {
        match &self.atoms {
            Some(atoms) if hay.is_ascii() => atoms.iter().all(|a| subsequence_ci(hay.as_bytes(), a)),
            _ => true,
        }
    }

    fn score(&mut self, hay: &str) -> Option<u32> {
        if !self.may_match(hay) {
            return None;
        }
        self.pattern.score(Utf32Str::new(hay, &mut self.buf), &mut self.matcher)
    }

    /// The score and the matched character positions, for what is highlighted.
    fn score_and_indices(&mut self, hay: &str) -> Option<(u32, Vec<u32>)> {
        if !self.may_match(hay) {
            return None;
        }
        let mut at = Vec::new();
        let score = self
            .pattern
            .indices(Utf32Str::new(hay, &mut self.buf), &mut self.matcher, &mut at)?;
        at.sort_unstable();
        at.dedup();
        Some((score, at))
    }
}

/// `work` over `items` cut into one part per core (up to four), results in order. A
/// search is what a person waits for at each key typed; small lists stay on one thread.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    const SMALL: usize = 2_000;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || items.len() < SMALL {
        return work(items);
    }
    let work = &work;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// The rows of a queue for a person, filtered and, with a query, searched and ranked.
///
/// A match in the title weighs most, then tags, then the body. Scattered fuzzy hits
/// score far below real ones, so only rows within a third of the best score are kept.
/// A body match scores the same for every item, so bodies are read only when that
/// score could still be kept, and only for items whose title and tags score less.
#[must_use]
pub fn rows_for(snap: &Snapshot, me: Option<&Person>, queue: Queue, f: &Filters, search: &str) -> Vec<Row> {
    rows_with(snap, me, queue, f, search, None)
}

/// What a search knows of the bodies a lean snapshot left in git: the items, by slug,
/// whose body (as `person` may read it) holds every word of a query, at a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyHits {
    /// The commit searched.
    pub commit: crate::store::Oid,
    /// The person it was searched for.
    pub person: Option<String>,
    /// The query's words ([`query_words`]).
    pub words: Vec<String>,
    /// The items whose body holds every word.
    pub slugs: HashSet<String>,
    /// The same items by their number in the index read at `commit`.
    pub at: Bits,
    /// How many items that index has.
    pub items: usize,
}

/// The words of a query as the body test takes them: split at white space, lowercase.
#[must_use]
pub fn query_words(search: &str) -> Vec<String> {
    search.split_whitespace().map(str::to_lowercase).collect()
}

/// [`rows_for`] over a snapshot that may have left bodies in git (a lean snapshot): an
/// entry that holds its body is tested on it, one that does not is looked up in `held`,
/// the body test's answer found for this query; without it (not found yet) such an
/// entry is matched on its title and tags alone.
#[must_use]
pub fn rows_with(
    snap: &Snapshot,
    me: Option<&Person>,
    queue: Queue,
    f: &Filters,
    search: &str,
    held: Option<&BodyHits>,
) -> Vec<Row> {
    let query = query_words(search);
    let held = held.filter(|h| h.words == query);
    // At the snapshot's own commit the index numbers the same items in the same order
    // (every item that reads, sorted by slug), so a hit is a bit; an answer from an
    // earlier commit is looked up by slug.
    let at = held.filter(|h| h.commit == snap.commit && h.items == snap.items.len());
    rows_over(&snap.items, me, queue, f, search, &|index, words| {
        let e = &snap.items[index];
        if !e.lean {
            body_score(&e.item.body, words).is_some()
        } else if let Some(h) = at {
            h.at.has(index)
        } else {
            held.is_some_and(|h| h.slugs.contains(&e.slug))
        }
    })
}

/// The body test of a query over the compact index, for a lean snapshot of the same
/// commit: the slugs of the items whose bodies hold every word, read as `index` shows
/// them ([`Index::seen_by`]).
#[must_use]
pub fn body_hits(
    room: &Newsroom,
    index: &Index,
    words: &WordIndex,
    person: Option<&str>,
    query: &[String],
) -> BodyHits {
    // Only what the person may see is ever asked about: a body read from git to
    // confirm a word with punctuation is read for those items only.
    let who = person.and_then(|p| index.config.person(p));
    let visible = bits_where(&index.items, |s| can_see(who, &s.facts()));
    let holding = if query.is_empty() {
        Bits::none(index.items.len())
    } else {
        holding_all(room, index, words, query, &visible)
    };
    BodyHits {
        commit: index.commit,
        person: person.map(str::to_string),
        words: query.to_vec(),
        slugs: holding
            .iter()
            .filter_map(|i| index.items.get(i))
            .map(|s| s.slug.clone())
            .collect(),
        at: holding,
        items: index.items.len(),
    }
}

/// [`rows_for`] over the compact index: bodies are not at hand, so the body test asks
/// the word index, and reads from git only the bodies it cannot answer for (a query
/// word with punctuation in it), only for the items that may hold it.
#[must_use]
pub fn rows_in(
    room: &Newsroom,
    index: &Index,
    words: &WordIndex,
    me: Option<&Person>,
    queue: Queue,
    f: &Filters,
    search: &str,
) -> Vec<Row> {
    let query = query_words(search);
    if query.is_empty() {
        // No body is asked about.
        return rows_over(&index.items, me, queue, f, search, &|_, _| false);
    }
    // Only listed items are ever asked about: a body read from git is read for them only.
    let listed = bits_where(&index.items, |e| is_listed(e, me, queue, f));
    let holding = holding_all(room, index, words, &query, &listed);
    rows_over(&index.items, me, queue, f, search, &|i, _| holding.has(i))
}

/// The listed items whose bodies hold every word of the query.
fn holding_all(room: &Newsroom, index: &Index, words: &WordIndex, query: &[String], listed: &Bits) -> Bits {
    let mut out: Option<Bits> = None;
    let mut unsure: Vec<&String> = Vec::new();
    for w in query {
        let bits = match words.holding(w) {
            Holding::Exactly(b) => b,
            Holding::AtMost(b) => {
                unsure.push(w);
                b
            }
        };
        match &mut out {
            Some(o) => o.keep(&bits),
            None => out = Some(bits),
        }
    }
    let Some(mut out) = out else {
        return Bits::none(index.items.len());
    };
    out.keep(listed);
    if !unsure.is_empty() {
        // Confirm on the bodies themselves what the words could not tell.
        let mut sure = Bits::none(index.items.len());
        for i in out.iter() {
            let body = body_of(room, index, i, false).unwrap_or_default();
            if unsure.iter().all(|w| contains_ci(&body, w)) {
                sure.set(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        out = sure;
    }
    // Last, what the words of the working text cannot tell: items shown as their
    // public version, whose own words are read from that version (a reader must not find an
    // item by words only in a correction they may not see).
    for &i in index.shown_public().iter().filter(|&&i| listed.has(i)) {
        out.unset(i);
        if body_of(room, index, i, true).is_some_and(|b| query.iter().all(|w| contains_ci(&b, w))) {
            out.set(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    out
}

/// The items that `keep` takes, as bits of their numbers.
fn bits_where<T>(items: &[T], keep: impl Fn(&T) -> bool) -> Bits {
    let mut out = Bits::none(items.len());
    for (i, _) in items.iter().enumerate().filter(|(_, e)| keep(e)) {
        out.set(u32::try_from(i).unwrap_or(u32::MAX));
    }
    out
}

/// Whether an item is in a person's queue and passes the filters.
fn is_listed(e: &impl Listed, me: Option<&Person>, queue: Queue, f: &Filters) -> bool {
    can_see(me, &e.facts())
        && in_queue(queue, e, me)
        // A discarded draft is gone from every list unless its status is asked for.
        && (e.status() != Status::Discarded || f.status == Some(Status::Discarded))
        && !(f.status.is_some_and(|s| s != e.status())
            || f.kecamatan.as_ref().is_some_and(|k| k != e.kecamatan())
            || f.tag.as_ref().is_some_and(|t| !e.tags().contains(t)))
}

/// Item `i`'s body read from git at the index's commit: its working text, or with
/// `public` the version that was published (while a correction is under way).
fn body_of(room: &Newsroom, index: &Index, i: usize, public: bool) -> Option<String> {
    let e = room.entry_at(index.commit, &index.items.get(i)?.slug).ok()??.ok()?;
    if public {
        e.as_published().map(|p| p.item.body)
    } else {
        Some(e.item.body)
    }
}

/// The rows of `items` for a queue, filters and a query; `body(i, words)` tells whether
/// item `i`'s body holds every word of the query.
fn rows_over<T: Listed + Sync>(
    items: &[T],
    me: Option<&Person>,
    queue: Queue,
    f: &Filters,
    search: &str,
    body: &(dyn Fn(usize, &[String]) -> bool + Sync),
) -> Vec<Row> {
    let listed = items.iter().enumerate().filter(|(_, e)| is_listed(*e, me, queue, f));
    if search.trim().is_empty() {
        let mut rows: Vec<usize> = listed.map(|(i, _)| i).collect();
        if queue == Queue::Mine {
            // Oldest first within each urgency, so nothing waits forever.
            rows.sort_by_cached_key(|&i| (urgency(&items[i]), items[i].updated()));
        } else {
            rows.sort_by_cached_key(|&i| std::cmp::Reverse(items[i].updated()));
        }
        return rows
            .into_iter()
            .map(|index| Row {
                index,
                highlight: Vec::new(),
            })
            .collect();
    }
    let listed: Vec<usize> = listed.map(|(i, _)| i).collect();
    // Fuzzy matching over a whole article matches nearly anything: the body needs the words themselves.
    let words = query_words(search);
    let body_weight = weight_of(&words);
    // (index, best of title and tags, the title's matched characters)
    let scored: Vec<(usize, Option<u32>, Option<Vec<u32>>)> = in_parallel(&listed, |part| {
        let mut fuzzy = Fuzzy::new(search);
        part.iter()
            .map(|&index| {
                let e = &items[index];
                let (title, highlight) = fuzzy
                    .score_and_indices(e.title())
                    .map_or((None, None), |(s, at)| (Some(s * 4), Some(at)));
                let tags = if e.tags().is_empty() {
                    None
                } else {
                    // One tag (the usual case) is its own line: no copy.
                    match e.tags() {
                        [one] => fuzzy.score(one),
                        many => fuzzy.score(&many.join(" ")),
                    }
                    .map(|s| s * 2)
                };
                (index, title.max(tags), highlight)
            })
            .collect()
    });
    let best_named = scored.iter().filter_map(|s| s.1).max();
    // A body-only row scores `body_weight`; below a third of the best it would be dropped.
    let bodies_count = best_named.is_none_or(|b| body_weight * 3 >= b);
    let mut rows: Vec<(u32, Row)> = in_parallel(&scored, |part| {
        part.iter()
            .filter_map(|(index, named, highlight)| {
                let (index, named) = (*index, *named);
                let body = (bodies_count && named < Some(body_weight) && !words.is_empty() && body(index, &words))
                    .then_some(body_weight);
                named.max(body).map(|score| {
                    let highlight = highlight.clone().unwrap_or_default();
                    (score, Row { index, highlight })
                })
            })
            .collect()
    });
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let best = rows.first().map_or(0, |r| r.0);
    rows.retain(|r| r.0 * 3 >= best);
    rows.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};

    use super::*;

    /// The search as first written: every item scored in full, one thread. The fast one
    /// must give the same rows, in the same order, with the same highlights.
    fn reference(snap: &Snapshot, me: Option<&Person>, queue: Queue, f: &Filters, search: &str) -> Vec<Row> {
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
            if e.state.status == Status::Discarded && f.status != Some(Status::Discarded) {
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

    /// A seeded source of numbers below `n`.
    fn below(seed: u64) -> impl FnMut(usize) -> usize {
        let mut rng = seed;
        move |n| {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(rng >> 33).unwrap() % n
        }
    }

    #[test]
    fn the_fast_search_finds_what_the_plain_one_does() {
        let tmp = tempfile::tempdir().unwrap();
        let room = crate::store::demo::build(&tmp.path().join("news")).unwrap();
        let snap = room.snapshot().unwrap();
        let mut words: Vec<String> = snap
            .items
            .iter()
            .flat_map(|e| {
                let text = format!("{} {} {}", e.item.front.title, e.item.front.tags.join(" "), e.item.body);
                text.split_whitespace().map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        words.sort();
        words.dedup();
        let mut pick = below(11);
        let mut queries: Vec<String> = [
            "",
            "logistik",
            "pengawasan tps",
            "kotak suara tersegel",
            "zzz",
            "a",
            "^panwaslu",
            "!tps",
            "'suara",
            "sambit$",
            "é",
            "tps-01",
            "\"suara",
            "kotak, suara",
            "PANWASCAM.",
        ]
        .map(str::to_string)
        .to_vec();
        for _ in 0..300 {
            let w = &words[pick(words.len())];
            let q = match pick(4) {
                0 => w.clone(),
                1 => format!("{w} {}", words[pick(words.len())]),
                2 => w.chars().take(1 + pick(4)).collect(),
                _ => w.chars().filter(|_| pick(3) > 0).collect::<String>().to_uppercase(),
            };
            queries.push(q);
        }
        let me = snap.config.person("hesti");
        // The compact index, its word index, and their own search.
        let index = room.index_at(snap.commit).unwrap();
        let words_index = room.words(&index).unwrap();
        for q in &queries {
            for queue in [Queue::All, Queue::Mine, Queue::Published] {
                let plain = reference(&snap, me, queue, &Filters::default(), q);
                assert_eq!(
                    rows_for(&snap, me, queue, &Filters::default(), q),
                    plain,
                    "{q:?} in {queue:?}"
                );
                assert_eq!(
                    rows_in(&room, &index, &words_index, me, queue, &Filters::default(), q),
                    plain,
                    "{q:?} in {queue:?}, compact index"
                );
            }
        }
    }

    #[test]
    fn the_quick_test_never_rules_out_a_fuzzy_match() {
        let alphabet = b"abcdeKLMN -.'0";
        let mut next = below(5);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut ruled_out = 0;
        for _ in 0..20_000 {
            let hay: String = (0..next(24))
                .map(|_| char::from(alphabet[next(alphabet.len())]))
                .collect();
            let query: String = (0..=next(5))
                .map(|_| char::from(alphabet[next(alphabet.len())]))
                .collect();
            let fuzzy = Fuzzy::new(&query);
            let nucleo = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart)
                .score(Utf32Str::new(&hay, &mut buf), &mut matcher);
            if !fuzzy.may_match(&hay) {
                ruled_out += 1;
                assert_eq!(nucleo, None, "{query:?} in {hay:?}");
            }
        }
        assert!(ruled_out > 1_000, "the quick test ruled out only {ruled_out}");
    }

    #[test]
    fn work_in_parallel_keeps_the_order() {
        let items: Vec<usize> = (0..10_001).collect();
        let doubled = in_parallel(&items, |part| part.iter().map(|x| x * 2).collect());
        assert_eq!(doubled, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(in_parallel(&items[..0], <[usize]>::to_vec).is_empty());
    }

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
