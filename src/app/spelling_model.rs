//! The spelling state of a session and the messages of its part: the model of
//! `spelling.rs`, a leaf so the state can hold it without importing its update.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::domain::config::Config;
use crate::domain::spelling::Speller;

/// The misspelled words of one paragraph: byte ranges, shared between draws.
pub type Marks = Arc<[(usize, usize)]>;

/// Paragraph marks kept beyond this many are forgotten.
const CACHE_LIMIT: usize = 2_000;

/// What the spelling part of the app is told.
#[derive(Debug)]
pub enum SpellMsg {
    /// The speller is ready (`None`: no dictionary on this machine).
    Ready(Option<Arc<Speller>>),
    /// Jump to the next misspelled word and offer suggestions.
    Next,
    /// Choose the suggestion above.
    Up,
    /// Choose the suggestion below.
    Down,
    /// Replace the word with the chosen suggestion.
    Choose,
    /// Add the word to the person's own list.
    AddMine,
    /// Add the word to the newsroom's list (approvers and admins; recorded).
    AddNewsroom,
    /// Close the popup.
    Close,
    /// The newsroom's list took these words (`Some`), or nothing new.
    WordsAdded(Vec<String>),
}

/// The popup on one misspelled word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpellPopup {
    /// The body paragraph (text line) it is in.
    pub line: usize,
    /// Its byte range in that line.
    pub range: (usize, usize),
    /// The word.
    pub word: String,
    /// What may have been meant.
    pub suggestions: Vec<String>,
    /// The chosen suggestion.
    pub selected: usize,
}

/// The spelling state of a session.
#[derive(Debug, Default)]
pub struct Spelling {
    /// The speller, once loaded.
    pub speller: Option<Arc<Speller>>,
    /// Whether the runtime found no dictionary.
    pub missing: bool,
    /// Whether the person was told that spelling is not checked.
    pub noticed: bool,
    /// The configuration the speller was asked for (its names and words).
    pub asked_for: Option<Box<Config>>,
    /// The snapshot last looked at (its address): a keystroke compares no configs.
    pub(super) seen: usize,
    /// The popup, while open.
    pub popup: Option<SpellPopup>,
    /// Marks by paragraph text: byte ranges of misspelled words.
    cache: RefCell<HashMap<u64, Marks>>,
}

fn key_of(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl Spelling {
    /// The misspelled words of one paragraph, as byte ranges; empty without a speller.
    #[must_use]
    pub fn marks(&self, paragraph: &str) -> Marks {
        let Some(speller) = &self.speller else {
            return Arc::from(Vec::new());
        };
        let key = key_of(paragraph);
        if let Some(m) = self.cache.borrow().get(&key) {
            return Arc::clone(m);
        }
        let found: Marks = speller.check(paragraph).iter().map(|f| (f.start, f.end)).collect();
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, Arc::clone(&found));
        found
    }

    pub(super) fn forget(&self) {
        self.cache.borrow_mut().clear();
    }
}
