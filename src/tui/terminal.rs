//! The terminal: raw mode and the alternate screen, the lean writer, restoring it, and
//! the theme the user chose for it.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::lean::Lean;
use crate::ui::theme::{Depth, Theme};

/// The terminal as the loop draws on it: through [`Lean`], which leaves out sequences
/// that would not change the screen.
pub type Screen = Terminal<CrosstermBackend<Lean<std::io::Stdout>>>;

/// Raw mode, the alternate screen and a panic hook that restores the terminal, then a
/// terminal that writes through [`Lean`].
pub fn screen() -> std::io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    enter()?;
    lean_terminal()
}

/// A terminal on standard output through a [`Lean`] that knows nothing yet; its first
/// draw writes every cell.
pub fn lean_terminal() -> std::io::Result<Screen> {
    Terminal::new(CrosstermBackend::new(Lean::new(std::io::stdout())))
}

/// Raw mode and the alternate screen. (Not `ratatui::init`, which builds a terminal
/// that asks for the cursor position; while the input thread reads, that answer can
/// wait for the next key press.)
pub fn enter() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)
}

/// Leave raw mode and the alternate screen.
pub fn restore() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
}

/// Paste arrives as one event rather than as typed keys; taps and the wheel arrive as
/// mouse events unless the person turned that off (`mouse.rs`).
pub fn accept_pastes() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let config = config_dir().and_then(|d| crate::store::files::read_text(&d.join("config.toml")).ok());
    if super::mouse::wanted(env("WARTA_MOUSE").as_deref(), config.as_deref()) {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
}

/// An environment variable, if set and not empty.
#[must_use]
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.is_empty())
}

fn config_dir() -> Option<PathBuf> {
    env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|d| d.join("warta"))
}

/// The theme from the user's config (`theme = "light"` in `~/.config/warta/config.toml`;
/// a file `themes/<name>.toml` beside it overrides the built-in one). `NO_COLOR` wins.
#[must_use]
pub fn load_theme() -> Theme {
    let depth = Depth::detect(env("COLORTERM").as_deref(), env("TERM").as_deref());
    let no_color = env("NO_COLOR").is_some();
    let dir = config_dir();
    let name = dir
        .as_ref()
        .and_then(|d| crate::store::files::read_text(&d.join("config.toml")).ok())
        .and_then(|t| t.parse::<toml::Table>().ok())
        .and_then(|t| t.get("theme").and_then(|v| v.as_str()).map(str::to_string))
        .unwrap_or_else(|| "default".into());
    let name = if no_color { "monochrome".to_string() } else { name };
    let custom = dir.and_then(|d| crate::store::files::read_text(&d.join("themes").join(format!("{name}.toml"))).ok());
    custom
        .and_then(|t| Theme::parse(&t, depth, no_color).ok())
        .unwrap_or_else(|| Theme::builtin(&name, depth, no_color))
}
