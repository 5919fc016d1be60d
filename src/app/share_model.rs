//! What the "Bagikan" screen shows: the model of `share.rs`, a leaf so the state can
//! hold it without importing its update.

use crate::domain::publish::caption::Channel;

/// The share screen's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The item.
    pub slug: String,
    /// Each channel's text (cleaned: no control or invisible characters).
    pub texts: Vec<(Channel, String)>,
    /// The selected channel (index into `texts`).
    pub selected: usize,
    /// The post's address as typed or pasted.
    pub url: String,
    /// Lines of the text scrolled past (long Instagram texts).
    pub scroll: u16,
}

impl Share {
    /// The selected channel and its text.
    #[must_use]
    pub fn current(&self) -> (Channel, &str) {
        let (c, t) = &self.texts[self.selected.min(self.texts.len() - 1)];
        (*c, t)
    }
}
