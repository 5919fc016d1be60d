//! Copying to the clipboard of the terminal the person sits at, with OSC 52: the
//! terminal (also at the far end of SSH, and through tmux with `set-clipboard on`)
//! puts the text on its clipboard. Nothing is read back.
//!
//! Only the text's base64 travels in the sequence, so no byte of it can end the
//! sequence early or be taken as another escape; the texts are cleaned when made
//! (`domain/publish/caption.rs`).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that sets the clipboard to `text`.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

/// Send it to the terminal.
pub fn copy(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout();
    // A terminal that does not understand OSC 52 ignores it; the text stays on screen.
    let _ = out.write_all(osc52(text).as_bytes()).and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("hi\u{1b}"), "\u{1b}]52;c;aGkb\u{7}");
    }
}
