//! The lean terminal writer changes bytes, never the screen: random sessions are drawn
//! through ratatui's crossterm backend twice, with and without it, and both byte
//! streams are played into a terminal emulator (vt100) that must end every frame with
//! the same cells, styles, cursor and cursor visibility.

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Msg, State, keymap};
use warta::i18n::Lang;
use warta::tui::lean::Lean;
use warta::ui::theme::{Depth, Theme};

/// A writer whose bytes the test can take.
#[derive(Clone, Default)]
struct Tap(Rc<RefCell<Vec<u8>>>);

impl Write for Tap {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Tap {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn options(w: u16, h: u16) -> TerminalOptions {
    TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    }
}

/// What a user sees: every cell with its style, the cursor, and whether it is shown.
fn seen(p: &vt100::Parser) -> (String, (u16, u16), bool) {
    let s = p.screen();
    (s.contents_formatted(), s.cursor_position(), s.hide_cursor())
}

#[test]
fn the_screen_is_the_same_with_and_without_the_lean_writer() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let snap = Arc::new(room.snapshot().unwrap());
    let (mut lean_bytes, mut raw_bytes) = (0usize, 0usize);
    for (seed, who) in [(1u64, "hesti"), (2, "sari"), (3, "fajar")] {
        let mut rng = common::Rng(seed);
        let theme = Theme::builtin("dark", Depth::Indexed256, false);
        let mut s = State::new(Lang::Id, Some(who.into()), Vec::new());
        app::update(&mut s, Msg::Loaded(snap.clone()));
        let (mut cols, mut rows) = (100u16, 30u16);
        let (lean_tap, raw_tap) = (Tap::default(), Tap::default());
        let mut lean =
            Terminal::with_options(CrosstermBackend::new(Lean::new(lean_tap.clone())), options(cols, rows)).unwrap();
        let mut raw = Terminal::with_options(CrosstermBackend::new(raw_tap.clone()), options(cols, rows)).unwrap();
        let (mut lean_vt, mut raw_vt) = (
            vt100::Parser::new(nz(rows), nz(cols), 0),
            vt100::Parser::new(nz(rows), nz(cols), 0),
        );
        let keys = [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Backspace,
            KeyCode::End,
            KeyCode::PageDown,
        ];
        let chars: Vec<char> = "jkaenrcd/?[]hb e  é👍🏽".chars().collect();
        for step in 0..1500 {
            let msg = match rng.below(40) {
                0 => {
                    (cols, rows) = (20 + rng.below(140) as u16, 5 + rng.below(50) as u16);
                    lean =
                        Terminal::with_options(CrosstermBackend::new(Lean::new(lean_tap.clone())), options(cols, rows))
                            .unwrap();
                    raw = Terminal::with_options(CrosstermBackend::new(raw_tap.clone()), options(cols, rows)).unwrap();
                    lean_vt.set_size(nz(rows), nz(cols));
                    raw_vt.set_size(nz(rows), nz(cols));
                    // As after a resize: the screen is cleared and drawn whole.
                    for b in [lean.backend_mut() as &mut dyn Write, raw.backend_mut()] {
                        b.write_all(b"\x1b[2J").unwrap();
                        b.flush().unwrap();
                    }
                    Some(Msg::Resize(cols, rows))
                }
                1..=12 => keymap::lookup(
                    s.mode(),
                    &KeyEvent::new(keys[rng.below(keys.len() as u64) as usize], KeyModifiers::NONE),
                ),
                _ => {
                    let c = chars[rng.below(chars.len() as u64) as usize];
                    if c == 'q' {
                        None
                    } else {
                        keymap::lookup(s.mode(), &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                    }
                }
            };
            if let Some(m) = msg {
                let _ = app::update(&mut s, m);
            }
            s.quit = false;
            s.jobs.clear();
            lean.draw(|f| warta::ui::render(&s, &theme, f)).unwrap();
            raw.draw(|f| warta::ui::render(&s, &theme, f)).unwrap();
            let (l, r) = (lean_tap.take(), raw_tap.take());
            lean_bytes += l.len();
            raw_bytes += r.len();
            lean_vt.process(&l);
            raw_vt.process(&r);
            assert!(
                seen(&lean_vt) == seen(&raw_vt),
                "{who}, step {step}: the screens differ"
            );
        }
    }
    // The point of it: fewer bytes for the same screens.
    assert!(lean_bytes < raw_bytes, "lean {lean_bytes} bytes, plain {raw_bytes}");
    eprintln!("lean {lean_bytes} bytes, plain {raw_bytes}");
}
