//! The process exit codes, one name each: the only place their numbers are written.

/// Success.
pub const OK: u8 = 0;
/// Refused by a rule, an invalid request, or findings (`verify`, the hook).
pub const REFUSED: u8 = 1;
/// Usage: the arguments could not be understood.
pub const USAGE: u8 = 2;
/// A merge conflict, or giving up after lost races.
pub const CONFLICT: u8 = 3;
/// Repository, configuration, git or file error; an internal error.
pub const REPO: u8 = 4;
