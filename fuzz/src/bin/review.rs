//! Fuzz target: `Review::parse`, the reader of an item's review log.
//! Any text may be refused, but none may panic; an accepted log must replay with
//! `state()` without panicking and must read back equal after `serialize`.
//!
//! A float `nan` once failed this (NaN never equals itself); unknown keys now compare
//! equal when they print the same (`domain::item::Extra`), and the inputs that found it
//! are kept in `fuzz/crashes/`.

use warta::domain::review::Review;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        // The parser takes text; invalid UTF-8 becomes U+FFFD, as in tests/fuzz.rs.
        let text = String::from_utf8_lossy(data);
        let Ok(review) = Review::parse(&text) else {
            return;
        };
        // Replaying the events must not panic, whatever they say.
        let _ = review.state();
        // Write the log out and read it again: it must be the same log.
        let written = review.serialize();
        let again = Review::parse(&written);
        let same = matches!(&again, Ok(back) if *back == review);
        assert!(
            same,
            "serialize -> parse changed the log\nwritten:\n{written}\nread back: {again:?}\nfirst: {review:?}"
        );
    });
}
