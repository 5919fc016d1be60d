//! The sizes a newsroom's files may have: one place, read by the rule book, the store's
//! readers and the messages that name them.

/// The largest `index.md` read or written.
pub const MAX_ITEM_BYTES: usize = 1 << 20;

/// The largest review log read or written.
pub const MAX_REVIEW_BYTES: usize = 16 << 20;

/// The most events one log may hold. A real item has tens; the limit keeps a runaway or
/// hostile log from taking the memory of everyone who opens the newsroom.
pub const MAX_EVENTS: usize = 10_000;

/// The most keys and array values one log may hold (counted on its structure before it
/// is parsed). An event has about eight; the bound leaves room for unknown keys while
/// keeping the parsed log small whatever the file holds.
pub const MAX_LOG_VALUES: usize = 32 * MAX_EVENTS;
