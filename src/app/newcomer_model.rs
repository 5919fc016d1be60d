//! The state of the newcomer's part of the UI and its messages: the model of
//! `newcomer.rs`, a leaf so the state can hold it without importing its update.

use std::cell::Cell;

use super::pickers_model::Picker;

/// The state of this part of the UI.
#[derive(Debug, Default)]
pub struct Newcomer {
    /// The filter picker, while open.
    pub picker: Option<Picker>,
    /// Whether the editor shows the item's comment threads beside (or under) the text.
    pub threads_beside: bool,
    /// Where the list's rows were last drawn, so a tap finds its row. Written by the
    /// list's rendering (like the editor's body view), read here.
    pub list_geometry: Cell<ListGeometry>,
}

/// Where the list's table was drawn.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ListGeometry {
    /// Screen row of the first table row (below the column titles).
    pub first_y: u16,
    /// How many table rows fit.
    pub height: u16,
    /// The first table row shown.
    pub offset: usize,
    /// The rows of the "waiting for others" line (and the empty note), if any: not items.
    pub spacer: Option<Spacer>,
}

/// Rows in the list's table that are not items: from `at`, `count` of them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Spacer {
    /// The first of them.
    pub at: usize,
    /// How many (the section line, and the empty queue's note above it).
    pub count: usize,
    /// How many of them the section line takes (it wraps on a narrow screen).
    pub header: usize,
}

/// A message of this part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show or hide the threads in the editor.
    ToggleThreads,
    /// A tap or left click at a screen cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The wheel (or a swipe) over the screen.
    Wheel {
        /// Towards the end.
        down: bool,
    },
}
