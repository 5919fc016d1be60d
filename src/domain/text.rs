//! Making untrusted text from items safe to show on a terminal.
//!
//! Item text, names, tags and comments may hold escape sequences, C1 bytes and bidi
//! overrides. Everything shown by the TUI or printed by the CLI passes through here:
//! control characters become visible symbols, never raw bytes.

/// Whether a character could change how a terminal draws what follows.
#[must_use]
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn visible(c: char) -> char {
    match c {
        // C0 controls have Unicode "control pictures" (␛ for ESC).
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// Clean text meant for one line: newlines and tabs become spaces, other controls visible.
#[must_use]
pub fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_dangerous(c) => visible(c),
            c => c,
        })
        .collect()
}

/// Clean multi-line text: keeps `\n`, turns tabs into spaces, other controls visible.
#[must_use]
pub fn clean_block(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if is_dangerous(c) => visible(c),
            c => c,
        })
        .collect()
}

/// Whether a one-line field (title, tag, caption) is acceptable as typed.
#[must_use]
pub fn is_clean_line(s: &str) -> bool {
    !s.chars().any(is_dangerous)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        let evil = "a\u{1b}]0;pwned\u{7}b\u{9b}31mc\u{202e}d\ne";
        let line = clean_line(evil);
        assert!(!line.chars().any(is_dangerous), "{line}");
        assert!(line.contains('␛'));
        assert_eq!(clean_block("x\ny\tz\u{1b}"), "x\ny z␛");
    }
}
