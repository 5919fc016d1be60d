//! Fuzz target: `Config::parse`, the reader and checker of warta.toml.
//! It must never panic. As in tests/fuzz.rs, an accepted config has no person with an
//! empty id, and a refusal points at a real (1-based) line.

use warta::domain::config::Config;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        // The parser takes text; invalid UTF-8 becomes U+FFFD, as in tests/fuzz.rs.
        let text = String::from_utf8_lossy(data);
        match Config::parse(&text) {
            Ok(config) => assert!(
                config.people.iter().all(|p| !p.id.is_empty()),
                "accepted a person with an empty id"
            ),
            Err(e) => assert!(e.line >= 1, "error points at line 0: {e}"),
        }
    });
}
