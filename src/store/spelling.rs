//! Finding and reading the spelling dictionary, the person's own word list, and adding
//! words to the newsroom's list as a recorded change of `warta.toml`.
//!
//! A dictionary that is missing or unreadable is no error: the caller gets `None` and
//! says so once, quietly; nothing is checked.

use std::path::{Path, PathBuf};

use super::files::{Access, create_dir_all, write_atomic};
use super::{CommitId, Result, StoreError};
use crate::domain::config::Config;
use crate::domain::spelling::{self, Speller};

/// Where Hunspell dictionaries are installed (`hunspell-id` on Debian puts `id_ID` in
/// the first), searched after the folders of `DICPATH`.
pub const SYSTEM_DIRS: &[&str] = &[
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
    "/usr/local/share/hunspell",
    "/usr/share/hunspell-dictionaries",
];

/// The dictionary's name in those folders.
pub const NAME: &str = "id_ID";

/// The `.aff` and `.dic` files to use: `[spelling] dictionary` if set (relative to
/// `base`, the newsroom's folder), else `id_ID` in `DICPATH` or the system folders.
#[must_use]
pub fn dictionary_files(setting: &str, base: &Path) -> Option<(PathBuf, PathBuf)> {
    let pair = |p: &Path| {
        let (aff, dic) = (p.with_extension("aff"), p.with_extension("dic"));
        (aff.is_file() && dic.is_file()).then_some((aff, dic))
    };
    if !setting.trim().is_empty() {
        return pair(&base.join(setting.trim()));
    }
    let from_env = std::env::var_os("DICPATH")
        .map(|d| std::env::split_paths(&d).collect::<Vec<_>>())
        .unwrap_or_default();
    from_env
        .into_iter()
        .chain(SYSTEM_DIRS.iter().map(PathBuf::from))
        .find_map(|d| pair(&d.join(NAME)))
}

/// Where a person's own words for one newsroom are kept: beside their journals.
#[must_use]
pub fn personal_file(state_dir: &Path, newsroom: &Path, person: &str) -> PathBuf {
    super::journal::journal_dir(state_dir, newsroom, person).join("words.txt")
}

/// A speller for a newsroom: the dictionary, the domain list, names and words of
/// `config`, and the person's own list (if `personal` is given and readable). `None`
/// when there is no dictionary.
#[must_use]
pub fn load(config: &Config, base: &Path, personal: Option<&Path>) -> Option<Speller> {
    let (aff, dic) = dictionary_files(&config.spelling.dictionary, base)?;
    let aff = spelling::decode(&std::fs::read(aff).ok()?);
    let dic = spelling::decode(&std::fs::read(dic).ok()?);
    let speller = Speller::new(&aff, &dic).ok()?;
    speller.add_config(config);
    if let Some(text) = personal.and_then(|p| std::fs::read_to_string(p).ok()) {
        speller.add_words(spelling::word_list(&text));
    }
    Some(speller)
}

/// The words of a person's own list (empty when there is none).
#[must_use]
pub fn personal_words(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .map(|t| spelling::word_list(&t).into_iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Add a word to a person's own list (kept `0600` in their state folder).
pub fn add_personal_word(file: &Path, word: &str) -> std::io::Result<()> {
    if !spelling::is_addable(word) {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, word.to_string()));
    }
    let mut text = std::fs::read_to_string(file).unwrap_or_default();
    if spelling::personal_words(&text).contains(&word.to_lowercase()) {
        return Ok(());
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(word);
    text.push('\n');
    if let Some(dir) = file.parent() {
        create_dir_all(dir, Access::Private)?;
    }
    write_atomic(file, text.as_bytes(), Access::Private)
}

impl super::Newsroom {
    /// The folder a relative `[spelling] dictionary` is read from: the work tree, else
    /// the git folder.
    #[must_use]
    pub fn spelling_base(&self) -> PathBuf {
        self.workdir().unwrap_or(self.git_dir()).to_path_buf()
    }

    /// Add words to `[spelling] words` as `actor` (approvers and admins): one recorded
    /// commit, or none when every word is there already. Returns the words added.
    pub fn add_newsroom_words(&self, actor: &str, words: &[String]) -> Result<(Option<CommitId>, Vec<String>)> {
        let added = std::cell::RefCell::new(Vec::new());
        let make = |text: &str| -> Result<String> {
            let (new_text, new) = spelling::with_words_added(text, words).map_err(|e| match e {
                spelling::WordsError::NotAWord(w) => StoreError::Invalid(crate::domain::rules::Invalid::BadWord(w)),
                spelling::WordsError::Unreadable => {
                    StoreError::Invalid(crate::domain::rules::Invalid::BadWord("[spelling]".to_string()))
                }
            })?;
            added.replace(new);
            Ok(new_text)
        };
        // Nothing new: no commit, but the actor's right to add is still checked.
        let head = self.head()?;
        let text = self.read_text(head, super::repo::CONFIG_PATH)?.unwrap_or_default();
        let new_text = make(&text)?;
        let _ = new_text;
        if added.borrow().is_empty() {
            let config = self.config_at(head)?;
            crate::domain::rules::check_config_change(config.person(actor), &text, &text)?;
            return Ok((None, Vec::new()));
        }
        let summary = format!("words {}", added.borrow().join(" "));
        let commit = self.commit_config_with(actor, &summary, make)?;
        Ok((Some(commit), added.into_inner()))
    }
}
