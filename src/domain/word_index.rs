//! Which items' bodies hold a word, without the bodies: what a search over 100,000
//! articles reads instead of the articles.
//!
//! The search's body test is "the body contains the query word, ASCII case ignored"
//! (a substring, not a whole word). The index answers exactly that. A body is cut into
//! words at every byte that is not a letter or digit of ASCII or a byte of a non-ASCII
//! character; a query word made only of such bytes can then only occur inside one of
//! the body's words, so the items holding it are those of every indexed word that
//! contains it. A query word with other bytes in it (`tps-01`, `"suara`) is answered
//! with the items that may hold it, for the caller to confirm on their bodies.

use std::collections::{BTreeSet, HashMap};

/// Whether a byte belongs to a word: ASCII letters and digits, and every byte of a
/// non-ASCII character.
#[must_use]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The words of a text, ASCII letters lowered, each once. Cuts fall on ASCII bytes
/// only, so every word is whole UTF-8.
#[must_use]
pub fn words_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// A set of item numbers, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bits(Vec<u64>);

impl Bits {
    /// No item of `len`.
    #[must_use]
    pub fn none(len: usize) -> Self {
        Self(vec![0; len.div_ceil(64)])
    }

    /// Add item `i`.
    pub fn set(&mut self, i: u32) {
        if let Some(w) = self.0.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// Take item `i` out.
    pub fn unset(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w &= !(1 << (i % 64));
        }
    }

    /// Whether item `i` is in.
    #[must_use]
    pub fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Keep only the items also in `other`.
    pub fn keep(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    /// The items in, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0
            .iter()
            .enumerate()
            .flat_map(|(at, &w)| (0..64).filter(move |b| w & (1 << b) != 0).map(move |b| at * 64 + b))
    }
}

/// What the index can say of one query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holding {
    /// Exactly these items hold it.
    Exactly(Bits),
    /// Only these items may hold it: their bodies must be read to tell.
    AtMost(Bits),
}

/// A word index being put together, a day at a time: only the words seen so far are
/// held, each once.
#[derive(Debug, Default)]
pub struct Builder {
    len: usize,
    at: HashMap<String, usize>,
    words: Vec<(String, Vec<u32>)>,
}

impl Builder {
    /// An empty index of `len` items.
    #[must_use]
    pub fn new(len: usize) -> Self {
        Self { len, ..Self::default() }
    }

    /// Items that hold `word`.
    pub fn add(&mut self, word: &str, items: impl IntoIterator<Item = u32>) {
        match self.at.get(word) {
            Some(&i) => self.words[i].1.extend(items),
            None => {
                self.at.insert(word.to_string(), self.words.len());
                self.words.push((word.to_string(), items.into_iter().collect()));
            }
        }
    }

    /// The index.
    #[must_use]
    pub fn finish(self) -> WordIndex {
        let mut words = self.words;
        for (_, items) in &mut words {
            items.sort_unstable();
            items.dedup();
            items.shrink_to_fit();
        }
        // In word order, so the same words make the same index whatever their source.
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        WordIndex { len: self.len, words }
    }
}

/// Every word of every indexed body, with the items that hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordIndex {
    /// Items indexed (item numbers are below it).
    len: usize,
    /// Words in order, each with its items in ascending order.
    words: Vec<(String, Vec<u32>)>,
}

impl WordIndex {
    /// How many distinct words it holds.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The items whose words contain `needle` (any case of its ASCII letters).
    fn containing(&self, needle: &str) -> Bits {
        let needle = needle.to_ascii_lowercase();
        let mut out = Bits::none(self.len);
        for (word, items) in &self.words {
            if word.contains(needle.as_str()) {
                for &i in items {
                    out.set(i);
                }
            }
        }
        out
    }

    /// The items whose body holds `needle`, ASCII case ignored: exactly when it is
    /// made of word bytes, else those that hold each of its words in turn.
    #[must_use]
    pub fn holding(&self, needle: &str) -> Holding {
        if needle.bytes().all(is_word_byte) {
            return Holding::Exactly(self.containing(needle));
        }
        // A word inside the needle lies inside a word of the body too.
        let mut out = Bits(vec![u64::MAX; self.len.div_ceil(64)]);
        for part in needle.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric()) {
            if !part.is_empty() {
                out.keep(&self.containing(part));
            }
        }
        // Bits past the last item stay unset.
        let mut clean = Bits::none(self.len);
        for i in out.iter().take_while(|&i| i < self.len) {
            clean.set(u32::try_from(i).unwrap_or(u32::MAX));
        }
        Holding::AtMost(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(bodies: &[&str]) -> WordIndex {
        let mut b = Builder::new(bodies.len());
        for (i, body) in bodies.iter().enumerate() {
            for w in words_of(body) {
                b.add(&w, [u32::try_from(i).unwrap()]);
            }
        }
        b.finish()
    }

    fn items(b: &Bits) -> Vec<usize> {
        b.iter().collect()
    }

    #[test]
    fn words_are_cut_at_ascii_punctuation_and_lowered() {
        let w = words_of("Kotak SUARA, tersegel; “TPS-01” café");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        assert_eq!(w, ["01”", "café", "kotak", "suara", "tersegel", "“tps"]);
    }

    #[test]
    fn a_plain_needle_is_answered_exactly_and_as_a_substring() {
        let ix = index(&["Logistik pemilu tiba.", "Rapat pleno.", "LOGISTIKNYA lengkap"]);
        assert_eq!(ix.holding("logistik"), Holding::Exactly(bits(3, &[0, 2])));
        assert_eq!(ix.holding("ple"), Holding::Exactly(bits(3, &[1])));
        assert_eq!(ix.holding("NYA"), Holding::Exactly(bits(3, &[2])));
        assert_eq!(ix.holding("zzz"), Holding::Exactly(bits(3, &[])));
    }

    #[test]
    fn a_needle_with_punctuation_gives_the_items_that_may_hold_it() {
        let ix = index(&["di TPS-01 Babadan", "TPS dan 01", "tps saja"]);
        let Holding::AtMost(may) = ix.holding("tps-01") else {
            panic!("punctuation cannot be answered exactly");
        };
        assert_eq!(items(&may), [0, 1]);
    }

    fn bits(len: usize, set: &[u32]) -> Bits {
        let mut b = Bits::none(len);
        for &i in set {
            b.set(i);
        }
        b
    }

    #[test]
    fn the_same_word_from_two_days_joins_its_items() {
        let mut b = Builder::new(130);
        b.add("suara", [129]);
        b.add("suara", [3, 3]);
        let ix = b.finish();
        assert_eq!(ix.word_count(), 1);
        let Holding::Exactly(b) = ix.holding("SUARA") else {
            panic!("plain")
        };
        assert_eq!(items(&b), [3, 129]);
    }
}
