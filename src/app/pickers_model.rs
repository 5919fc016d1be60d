//! What an open filter picker holds: the model of `pickers.rs`, a leaf so the state
//! can hold a picker without importing the functions that fill it.

/// Which filter a picker sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The status filter.
    Status,
    /// The kecamatan filter.
    Kecamatan,
    /// The tag filter.
    Tag,
}

/// One choice: the value the filter takes (`None`: no filter) and the name shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The filter's value: a status id, a kecamatan id or a tag.
    pub value: Option<String>,
    /// What the person reads.
    pub label: String,
}

/// An open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// Which filter it sets.
    pub kind: Kind,
    /// Every choice, "all" first.
    pub choices: Vec<Choice>,
    /// What has been typed to narrow the choices.
    pub query: String,
    /// The selected row among the shown choices.
    pub selected: usize,
}

impl Picker {
    /// The choices that match what was typed (every word, in the name or the value,
    /// ignoring case); "all" always stays first.
    #[must_use]
    pub fn shown(&self) -> Vec<&Choice> {
        let words: Vec<String> = self.query.split_whitespace().map(str::to_lowercase).collect();
        self.choices
            .iter()
            .filter(|c| {
                c.value.is_none() || {
                    let hay = format!("{} {}", c.label, c.value.as_deref().unwrap_or_default()).to_lowercase();
                    words.iter().all(|w| hay.contains(w.as_str()))
                }
            })
            .collect()
    }
}
