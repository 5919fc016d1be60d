//! Fuzz target: `Item::parse`, the reader of an item's index.md.
//! Any bytes may be refused, but none may panic, and an item that was accepted must
//! read back equal after `serialize`.
//!
//! A float `nan` once failed this (NaN never equals itself); unknown keys now compare
//! equal when they print the same (`domain::item::Extra`), and the inputs that found it
//! are kept in `fuzz/crashes/`.

use warta::domain::item::Item;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        // The parser takes raw bytes, so the fuzzer's input goes in unchanged.
        let Ok(item) = Item::parse(data) else {
            return;
        };
        // Write the item out and read it again: it must be the same item.
        let written = item.serialize();
        let again = Item::parse(written.as_bytes());
        let same = matches!(&again, Ok(back) if *back == item);
        assert!(
            same,
            "serialize -> parse changed the item\nwritten:\n{written}\nread back: {again:?}\nfirst: {item:?}"
        );
    });
}
