//! Indonesian spelling: which words of a text are misspelled, and what was meant.
//!
//! A [`Speller`] is Hunspell's Indonesian dictionary (read through `spellbook`, a
//! pure-Rust Hunspell) plus the newsroom's own words (the domain list kept with the
//! code, names from `warta.toml`, `[spelling] words`, a person's own list) plus
//! Indonesian word formation on top ([`morphology`]). It does no IO: the store reads the
//! dictionary files and hands their text in.
//!
//! What is checked and what is left alone, so that the checker rarely cries wolf:
//! words in capitals or with capitals inside (`PKPU`, `DPTb`) are abbreviations; words
//! touching digits, addresses and e-mails are skipped; a capitalised word the
//! dictionary does not know is taken for a name unless it is one letter away from one
//! of the newsroom's words ("Bawaslo", "Kecamtan"). Results are remembered per word, so checking a paragraph
//! again after a keystroke only looks up the words that changed.

pub mod morphology;

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, PoisonError, RwLock};

use serde::Deserialize;

use super::config::Config;

/// The domain word list kept in the repository (one word a line, `#` comments).
pub const DOMAIN_WORDS: &str = include_str!("spelling/words.txt");

/// At most this many suggestions are offered for a word.
pub const MAX_SUGGESTIONS: usize = 5;

/// Remembered verdicts beyond this many are forgotten (a long session stays small).
const MEMO_LIMIT: usize = 20_000;

pub use super::config::SpellingSettings;

/// Why a dictionary could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("dictionary unreadable: {0}")]
pub struct DictionaryError(pub String);

/// A misspelled word in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset of the word's start.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word as written.
    pub word: String,
}

/// A dictionary, the newsroom's words and remembered verdicts.
pub struct Speller {
    dict: spellbook::Dictionary,
    /// Lower case → the word as first written (for suggestions).
    known: RwLock<HashMap<String, String>>,
    memo: Mutex<HashMap<String, bool>>,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller")
            .field("known", &self.read().len())
            .finish_non_exhaustive()
    }
}

/// Text of a Hunspell file: UTF-8 as is, else read as ISO 8859-1 (Debian's `id_ID` is),
/// each byte its own character.
#[must_use]
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

impl Speller {
    /// A speller from the text of a Hunspell `.aff` and `.dic` file.
    pub fn new(aff: &str, dic: &str) -> Result<Self, DictionaryError> {
        // The text is already decoded; an 8-bit `SET` would make spellbook refuse it.
        let aff: String = aff
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("SET ") {
                    "SET UTF-8"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let dict = spellbook::Dictionary::new(&aff, dic).map_err(|e| DictionaryError(e.to_string()))?;
        let s = Self {
            dict,
            known: RwLock::new(HashMap::new()),
            memo: Mutex::new(HashMap::new()),
        };
        s.add_words(word_list(DOMAIN_WORDS));
        Ok(s)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, String>> {
        self.known.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Add words the dictionary should accept (names, the newsroom's list). Through a
    /// shared reference: the editor adds a word to the speller it is drawing with.
    pub fn add_words<I: IntoIterator<Item = S>, S: AsRef<str>>(&self, words: I) {
        let mut known = self.known.write().unwrap_or_else(PoisonError::into_inner);
        for w in words {
            let w = w.as_ref().trim();
            if !w.is_empty() {
                known.entry(w.to_lowercase()).or_insert_with(|| w.to_string());
            }
        }
        drop(known);
        self.memo.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }

    /// Add the names `warta.toml` holds (kecamatan, people, the newsroom, its dateline
    /// and closing, tags) and its `[spelling] words`.
    pub fn add_config(&self, config: &Config) {
        let mut texts: Vec<&str> = vec![
            &config.newsroom.name,
            &config.newsroom.dateline,
            &config.newsroom.closing,
            &config.site.title,
        ];
        texts.extend(config.kecamatan.iter().flat_map(|k| [k.name.as_str(), k.id.as_str()]));
        texts.extend(config.people.iter().map(|p| p.name.as_str()));
        texts.extend(config.tags.iter().map(String::as_str));
        let mut words: Vec<String> = texts
            .iter()
            .flat_map(|t| tokens(t).map(|(_, w)| w.to_string()).collect::<Vec<_>>())
            .collect();
        words.extend(config.spelling.words.iter().cloned());
        self.add_words(words);
    }

    /// Whether a word is in the dictionary or the newsroom's words, as written or in
    /// lower case (no word formation).
    fn known(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.read().contains_key(&lower) || self.dict.check(word) || (lower != word && self.dict.check(&lower))
    }

    /// Whether a lower-case word or a form built from a known base is known.
    fn formed(&self, lower: &str) -> bool {
        self.known(lower) || morphology::bases(lower).iter().any(|b| self.known(b))
    }

    /// Whether a word is spelled right (see the module docs for what is skipped).
    #[must_use]
    pub fn is_correct(&self, word: &str) -> bool {
        if let Some(v) = self.memo.lock().unwrap_or_else(PoisonError::into_inner).get(word) {
            return *v;
        }
        let v = self.judge(word);
        let mut memo = self.memo.lock().unwrap_or_else(PoisonError::into_inner);
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(word.to_string(), v);
        v
    }

    fn judge(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return true };
        if word.chars().count() < 2 || chars.any(char::is_uppercase) {
            // Abbreviations (KPU, DPTb) and one-letter words are not judged.
            return true;
        }
        if self.known(word) {
            return true;
        }
        if word.contains(['-', '\'', '’']) {
            // Reduplication and joined words: each part on its own ("kata-katanya").
            let parts: Vec<&str> = word.split(['-', '\'', '’']).collect();
            if word.contains('-') && parts.iter().all(|p| !p.is_empty()) {
                return parts.iter().all(|p| self.is_correct(p));
            }
        }
        let lower = word.to_lowercase();
        if self.formed(&lower) {
            return true;
        }
        if first.is_uppercase() {
            // A name, unless it is a slip of one of the newsroom's words ("Bawaslo",
            // "Ponorgo"): names of people are too often one letter from a word ("Heru",
            // "seru") to judge them by the dictionary.
            return !self.near_newsroom_word(&lower);
        }
        false
    }

    /// Whether one edit (a letter dropped, added, changed or two swapped) makes `lower`
    /// one of the newsroom's words.
    fn near_newsroom_word(&self, lower: &str) -> bool {
        let chars: Vec<char> = lower.chars().collect();
        if chars.len() < 4 {
            return false;
        }
        let known = self.read();
        edits(&chars).any(|w| known.contains_key(&w))
    }

    /// The misspelled words of a text, in order.
    #[must_use]
    pub fn check(&self, text: &str) -> Vec<Finding> {
        tokens(text)
            .filter(|(_, w)| !self.is_correct(w))
            .map(|(start, w)| Finding {
                start,
                end: start + w.len(),
                word: w.to_string(),
            })
            .collect()
    }

    /// What may have been meant: the newsroom's words one or two letters away first,
    /// then the dictionary's suggestions; at most [`MAX_SUGGESTIONS`], the written
    /// word's capitalisation kept.
    #[must_use]
    pub fn suggest(&self, word: &str) -> Vec<String> {
        let lower = word.to_lowercase();
        let known = self.read();
        let mut near: Vec<(usize, &String)> = known
            .iter()
            .map(|(k, shown)| (distance(&lower, k), shown))
            .filter(|(d, _)| *d > 0 && *d <= if lower.chars().count() > 5 { 2 } else { 1 })
            .collect();
        near.sort();
        let mut out: Vec<String> = near.into_iter().map(|(_, w)| w.clone()).collect();
        let mut dict = Vec::new();
        self.dict.suggest(word, &mut dict);
        for s in dict {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
                out.push(s);
            }
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        out.into_iter()
            .map(|s| if capital { capitalised(&s) } else { s })
            .take(MAX_SUGGESTIONS)
            .collect()
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Words of a list: one a line, `#` starts a comment.
#[must_use]
pub fn word_list(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Every string one edit away from `chars`.
fn edits(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    const ABC: &str = "abcdefghijklmnopqrstuvwxyz";
    let n = chars.len();
    let s = |v: Vec<char>| v.into_iter().collect::<String>();
    let deletes = (0..n).map(move |i| s([&chars[..i], &chars[i + 1..]].concat()));
    let swaps = (0..n.saturating_sub(1)).map(move |i| {
        let mut v = chars.to_vec();
        v.swap(i, i + 1);
        s(v)
    });
    let changes = (0..n).flat_map(move |i| {
        ABC.chars().filter(move |c| *c != chars[i]).map(move |c| {
            let mut v = chars.to_vec();
            v[i] = c;
            s(v)
        })
    });
    let inserts = (0..=n).flat_map(move |i| {
        ABC.chars().map(move |c| {
            let mut v = chars.to_vec();
            v.insert(i, c);
            s(v)
        })
    });
    deletes.chain(swaps).chain(changes).chain(inserts)
}

/// Edit distance (Levenshtein) in characters.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a whitespace-separated chunk is an address, an e-mail or a code to skip.
fn skipped_chunk(chunk: &str) -> bool {
    let b = chunk.as_bytes();
    chunk.contains("://")
        || chunk.contains('@')
        || chunk.contains("www.")
        || chunk.contains('_')
        || (1..b.len().saturating_sub(1))
            .any(|i| b[i] == b'.' && b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic())
}

/// The words of a text with their byte offsets: letters, with a hyphen or apostrophe
/// inside ("kata-kata", "Jum'at"). Words touching a digit ("2024an") and chunks that
/// are addresses ("www.bawaslu.go.id", "C.Hasil") are left out.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut chunk_start = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let at = chunk_start;
        chunk_start += chunk.len();
        if skipped_chunk(chunk) {
            continue;
        }
        let cs: Vec<(usize, char)> = chunk.char_indices().collect();
        let mut i = 0;
        while i < cs.len() {
            if !cs[i].1.is_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < cs.len() && cs[end].1.is_alphabetic() {
                    end += 1;
                } else if end + 1 < cs.len() && matches!(cs[end].1, '-' | '\'' | '’') && cs[end + 1].1.is_alphabetic()
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let before_digit = start > 0 && cs[start - 1].1.is_ascii_digit();
            let after_digit = end < cs.len() && cs[end].1.is_ascii_digit();
            let (s, e) = (cs[start].0, cs.get(end).map_or(chunk.len(), |c| c.0));
            if !before_digit && !after_digit {
                out.push((at + s, &chunk[s..e]));
            }
            i = end;
        }
    }
    out.into_iter()
}

/// The set of lower-case words of a person's list file (one a line).
#[must_use]
pub fn personal_words(text: &str) -> HashSet<String> {
    word_list(text).into_iter().map(str::to_lowercase).collect()
}

/// Whether `w` may be added to a word list: one word of letters (a hyphen or
/// apostrophe inside), at most 40 characters.
#[must_use]
pub fn is_addable(w: &str) -> bool {
    w.chars().count() <= 40 && tokens(w).map(|(_, t)| t).collect::<Vec<_>>() == [w]
}

/// Why words could not be added to `warta.toml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WordsError {
    /// Not one word of letters.
    #[error("not a word: {0:?}")]
    NotAWord(String),
    /// `warta.toml` holds `[spelling]` in a form this edit does not rewrite.
    #[error("warta.toml: [spelling] is written in a form that cannot be edited here")]
    Unreadable,
}

/// `warta.toml` text with `words` added to `[spelling] words` (those not there yet,
/// in any case), everything else kept as written; and the words that were new.
pub fn with_words_added(text: &str, words: &[String]) -> Result<(String, Vec<String>), WordsError> {
    #[derive(Deserialize)]
    struct Doc {
        spelling: Option<toml::Spanned<Sp>>,
    }
    #[derive(Deserialize)]
    struct Sp {
        words: Option<toml::Spanned<Vec<String>>>,
    }
    if let Some(w) = words.iter().find(|w| !is_addable(w)) {
        return Err(WordsError::NotAWord(w.clone()));
    }
    let doc: Doc = toml::from_str(text).map_err(|_| WordsError::Unreadable)?;
    let mut list: Vec<String> = doc
        .spelling
        .as_ref()
        .and_then(|s| s.get_ref().words.as_ref())
        .map(|w| w.get_ref().clone())
        .unwrap_or_default();
    let mut new = Vec::new();
    for w in words {
        if !list
            .iter()
            .chain(&new)
            .any(|x: &String| x.to_lowercase() == w.to_lowercase())
        {
            new.push(w.clone());
        }
    }
    if new.is_empty() {
        return Ok((text.to_string(), new));
    }
    list.extend(new.iter().cloned());
    let array = toml::Value::Array(list.into_iter().map(toml::Value::String).collect()).to_string();
    let out = match doc.spelling {
        None => {
            let sep = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            format!("{text}{sep}[spelling]\nwords = {array}\n")
        }
        Some(sp) => match &sp.get_ref().words {
            Some(w) => format!("{}{array}{}", &text[..w.span().start], &text[w.span().end..]),
            None => {
                // Right after the `[spelling]` header line.
                let header = text
                    .match_indices("[spelling]")
                    .find(|(i, _)| *i == 0 || text[..*i].ends_with('\n'))
                    .ok_or(WordsError::Unreadable)?
                    .0;
                let eol = text[header..].find('\n').map_or(text.len(), |n| header + n + 1);
                let nl = if text[..eol].ends_with('\n') { "" } else { "\n" };
                format!("{}{nl}words = {array}\n{}", &text[..eol], &text[eol..])
            }
        },
    };
    Ok((out, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_with_offsets() {
        let t = "Kata-kata “Kami” di www.bawaslu.go.id, C.Hasil 2024an ke-3 Jum'at.";
        let w: Vec<(usize, &str)> = tokens(t).collect();
        let words: Vec<&str> = w.iter().map(|(_, w)| *w).collect();
        assert_eq!(words, ["Kata-kata", "Kami", "di", "ke", "Jum'at"]);
        for (at, word) in w {
            assert_eq!(&t[at..at + word.len()], word);
        }
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("bawaslu", "bawaslu"), 0);
        assert_eq!(distance("bawsalu", "bawaslu"), 2);
        assert_eq!(distance("panwascm", "panwascam"), 1);
    }

    #[test]
    fn words_are_added_to_warta_toml_keeping_the_rest() {
        let base = "[newsroom]\nname = \"N\" # nama\n";
        let (t, new) = with_words_added(base, &["Josari".into()]).unwrap();
        assert_eq!(new, ["Josari"]);
        assert_eq!(
            t,
            "[newsroom]\nname = \"N\" # nama\n\n[spelling]\nwords = [\"Josari\"]\n"
        );
        let (t2, new) = with_words_added(&t, &["josari".into(), "Sambit".into()]).unwrap();
        assert_eq!(new, ["Sambit"]);
        assert!(t2.ends_with("words = [\"Josari\", \"Sambit\"]\n"), "{t2}");
        let c = Config::parse(&t2).unwrap();
        assert_eq!(c.spelling.words, ["Josari", "Sambit"]);
        let with_dict = "[newsroom]\nname = \"N\"\n[spelling]\ndictionary = \"/x/id_ID.dic\"\n";
        let (t3, _) = with_words_added(with_dict, &["Josari".into()]).unwrap();
        let c = Config::parse(&t3).unwrap();
        assert_eq!(
            (c.spelling.dictionary.as_str(), c.spelling.words.len()),
            ("/x/id_ID.dic", 1)
        );
        assert_eq!(
            with_words_added(base, &["dua kata".into()]),
            Err(WordsError::NotAWord("dua kata".into()))
        );
    }

    #[test]
    fn addable_words() {
        assert!(is_addable("Josari"));
        assert!(is_addable("kata-kata"));
        assert!(!is_addable("dua kata"));
        assert!(!is_addable("x=1"));
        assert!(!is_addable(""));
    }

    /// A tiny Hunspell dictionary: enough to test what is built on top of one.
    fn tiny() -> Speller {
        let aff = "SET UTF-8\nTRY aeiou\n";
        let dic = "10\ndi\nhadir\ntegas\nampu\nkata\nkecamatan\nrumah\nkami\nbaik\nSenin\n";
        Speller::new(aff, dic).unwrap()
    }

    #[test]
    fn word_formation_on_top_of_the_dictionary() {
        let s = tiny();
        for w in [
            "hadirkan",
            "Tegasnya",
            "diampu",
            "kata-kata",
            "kata-katanya",
            "sekecamatan",
            "dirumahkan",
            "memperbaiki",
            "Bawaslu",
            "PKPU",
            "Senin",
        ] {
            assert!(s.is_correct(w), "{w}");
        }
        for w in ["hadri", "kecamtan", "rumha", "Kecamtan"] {
            assert!(!s.is_correct(w), "{w}");
        }
        assert!(s.is_correct("Sutrisno"), "a name: far from every known word");
    }

    #[test]
    fn newsroom_words_and_suggestions() {
        let s = tiny();
        assert!(!s.is_correct("josari"));
        s.add_words(["Josari"]);
        assert!(s.is_correct("josari") && s.is_correct("Josarinya"));
        assert_eq!(s.suggest("Bawaslo").first().map(String::as_str), Some("Bawaslu"));
        assert_eq!(s.suggest("kecamtan").first().map(String::as_str), Some("kecamatan"));
        let found = s.check("Kami hadri di rumha.");
        let words: Vec<&str> = found.iter().map(|f| f.word.as_str()).collect();
        assert_eq!(words, ["hadri", "rumha"]);
        assert_eq!(found[0].start, 5);
    }
}
