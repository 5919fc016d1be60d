//! A writer between ratatui and the terminal that leaves out what would not change the
//! screen: a cursor move to where the cursor already is, a colour reset when the colours
//! are already reset, showing a cursor that is shown. Over a slow SSH link this is most
//! of what a typed character costs: the character itself is one byte, the sequences
//! around it were about forty.
//!
//! Each frame is held until `flush`, then rewritten. Only sequences whose effect is
//! certain are left out; anything else that is not plain text is passed through and
//! makes the writer forget what it knew, so a mistake can only cost bytes, never the
//! screen.

use std::io::{self, Write};

/// What the terminal is known to be in; `None`/`false` means not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Known {
    /// 1-based row and column of the cursor.
    pos: Option<(u32, u32)>,
    /// Foreground, background, underline colour and attributes known to be reset.
    fg: bool,
    bg: bool,
    ul: bool,
    attrs: bool,
    /// Whether the cursor is shown.
    shown: Option<bool>,
}

impl Known {
    fn reset(&self) -> bool {
        self.fg && self.bg && self.ul && self.attrs
    }
}

/// The writer. Wrap the terminal's output in it and hand it to ratatui's backend.
#[derive(Debug)]
pub struct Lean<W: Write> {
    inner: W,
    frame: Vec<u8>,
    out: Vec<u8>,
    known: Known,
}

impl<W: Write> Lean<W> {
    /// Wrap `inner`, knowing nothing about the terminal yet.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            frame: Vec::new(),
            out: Vec::new(),
            known: Known::default(),
        }
    }

    /// The wrapped writer.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// The wrapped writer, to write to it directly (then [`Lean::forget`]).
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    fn rewrite(&mut self) {
        let frame = std::mem::take(&mut self.frame);
        let mut i = 0;
        while i < frame.len() {
            let b = frame[i];
            if b == 0x1b && frame.get(i + 1) == Some(&b'[') {
                let start = i;
                let mut j = i + 2;
                while j < frame.len() && (0x20..0x40).contains(&frame[j]) {
                    j += 1;
                }
                let Some(&fin) = frame.get(j) else {
                    // A cut sequence: pass it on and know nothing.
                    self.pass(&frame[start..]);
                    break;
                };
                let params = std::str::from_utf8(&frame[i + 2..j]).unwrap_or("\u{0}");
                let seq = &frame[start..=j];
                self.csi(params, fin, seq);
                i = j + 1;
            } else if b < 0x20 || b == 0x7f {
                // Other escapes and control characters: passed on, and the cursor is
                // no longer known.
                self.pass(&frame[i..=i]);
                i += 1;
            } else {
                let end = frame[i..]
                    .iter()
                    .position(|&c| c < 0x20 || c == 0x7f)
                    .map_or(frame.len(), |p| i + p);
                let text = &frame[i..end];
                self.out.extend_from_slice(text);
                self.known.pos = match self.known.pos {
                    // Printable ASCII moves one column per byte; anything wider is not
                    // counted.
                    Some((r, c)) if text.iter().all(|&c| (0x20..0x7f).contains(&c)) => {
                        u32::try_from(text.len()).ok().map(|n| (r, c + n))
                    }
                    _ => None,
                };
                i = end;
            }
        }
        self.frame = frame;
        self.frame.clear();
    }

    /// Pass bytes on and forget everything.
    fn pass(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
        self.known = Known::default();
    }

    fn csi(&mut self, params: &str, fin: u8, seq: &[u8]) {
        let k = &mut self.known;
        match (fin, params) {
            (b'H', _) => {
                let mut parts = params
                    .split(';')
                    .map(|p| if p.is_empty() { Some(1) } else { p.parse().ok() });
                let target = match (parts.next(), parts.next(), parts.next()) {
                    (Some(Some(r)), Some(Some(c)), None) => Some((r, c)),
                    (Some(Some(r)), None, None) => Some((r, 1)),
                    _ => None,
                };
                if target.is_some() && target == k.pos {
                    return;
                }
                k.pos = target;
            }
            (b'm', "0" | "") => {
                if k.reset() {
                    return;
                }
                (k.fg, k.bg, k.ul, k.attrs) = (true, true, true, true);
            }
            (b'm', "39") => {
                if k.fg {
                    return;
                }
                k.fg = true;
            }
            (b'm', "49") => {
                if k.bg {
                    return;
                }
                k.bg = true;
            }
            (b'm', "59") => {
                if k.ul {
                    return;
                }
                k.ul = true;
            }
            // Any other style: colours and attributes are no longer known to be reset.
            (b'm', _) => (k.fg, k.bg, k.ul, k.attrs) = (false, false, false, false),
            (b'h' | b'l', "?25") => {
                let show = fin == b'h';
                if k.shown == Some(show) {
                    return;
                }
                k.shown = Some(show);
            }
            _ => {
                self.pass(seq);
                return;
            }
        }
        self.out.extend_from_slice(seq);
    }
}

impl<W: Write> Write for Lean<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.rewrite();
        let out = std::mem::take(&mut self.out);
        let written = self.inner.write_all(&out).and_then(|()| self.inner.flush());
        self.out = out;
        self.out.clear();
        if written.is_err() {
            // What reached the terminal is not known.
            self.known = Known::default();
        }
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(frames: &[&str]) -> Vec<String> {
        let mut lean = Lean::new(Vec::new());
        frames
            .iter()
            .map(|f| {
                lean.write_all(f.as_bytes()).unwrap();
                lean.flush().unwrap();
                String::from_utf8(std::mem::take(lean.get_mut())).unwrap()
            })
            .collect()
    }

    #[test]
    fn a_typed_character_costs_one_byte_once_the_state_is_known() {
        let reset = "\x1b[39m\x1b[49m\x1b[59m\x1b[0m";
        let a = format!("\x1b[26;1Ha{reset}\x1b[?25h\x1b[26;2H");
        let b = format!("\x1b[26;2Hb{reset}\x1b[?25h\x1b[26;3H");
        let out = through(&[&a, &b]);
        // Nothing is known at first; only the last move, to where `a` left the cursor,
        // is left out.
        assert_eq!(out[0], format!("\x1b[26;1Ha{reset}\x1b[?25h"));
        assert_eq!(out[1], "b");
    }

    #[test]
    fn styles_and_moves_that_change_something_pass() {
        let reset = "\x1b[39m\x1b[49m\x1b[59m\x1b[0m";
        let first = format!("\x1b[1;1Hx{reset}\x1b[?25h");
        let styled = format!("\x1b[1;3H\x1b[1m\x1b[38;5;215;49my{reset}\x1b[?25l\x1b[5;5H");
        let out = through(&[&first, &styled]);
        assert_eq!(out[1], styled);
    }

    #[test]
    fn unknown_sequences_and_wide_text_make_it_forget() {
        let reset = "\x1b[39m\x1b[49m\x1b[59m\x1b[0m";
        let out = through(&[
            &format!("\x1b[2;2Hé{reset}"),
            // After a wide or non-ASCII character the column is not known.
            "\x1b[2;3Hz",
            "\x1b[2J\x1b[2;4H",
            &format!("\x1b]0;title\x07{reset}"),
        ]);
        assert_eq!(out[1], "\x1b[2;3Hz", "the position after é was not trusted");
        assert_eq!(out[2], "\x1b[2J\x1b[2;4H", "after a clear the cursor is not known");
        assert_eq!(out[3], format!("\x1b]0;title\x07{reset}"));
    }

    #[test]
    fn a_failed_write_forgets() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("gone"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut lean = Lean::new(Broken);
        lean.write_all(b"\x1b[1;1H\x1b[0m").unwrap();
        assert!(lean.flush().is_err());
        assert_eq!(lean.known, Known::default());
    }
}
