//! The open "Versi terbit" screen: the model of `published.rs`, a leaf so the state
//! can hold it without importing its update.

/// The open "Versi terbit" screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The item.
    pub slug: String,
    /// The selected version (index into `publications`).
    pub selected: usize,
    /// Scroll of the changes, in lines.
    pub scroll: u16,
}
