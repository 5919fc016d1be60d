//! The mouse and touch screen: phone SSH apps send taps and swipes as mouse events.
//! Taps select and open list rows, the wheel scrolls (`app/newcomer.rs`).
//!
//! Capturing the mouse stops the terminal's own text selection for copying in some
//! apps, so it can be turned off: `WARTA_MOUSE=0` (also `off`, `no`, `false`) in the
//! environment, or `mouse = false` in `~/.config/warta/config.toml`. The environment
//! wins.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::app::Msg;
use crate::app::newcomer::Action;

/// Whether a setting's text turns the mouse off.
fn says_off(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "0" | "off" | "no" | "false")
}

/// Whether the person wants the mouse captured: the environment, then the config
/// file's `mouse`, else yes.
#[must_use]
pub fn wanted(env: Option<&str>, config: Option<&str>) -> bool {
    if let Some(v) = env {
        return !says_off(v);
    }
    config
        .and_then(|t| t.parse::<toml::Table>().ok())
        .and_then(|t| t.get("mouse").and_then(toml::Value::as_bool))
        .unwrap_or(true)
}

/// The app's message for a mouse event: taps (a left press) and the wheel; moves,
/// drags and releases are ignored.
#[must_use]
pub fn to_msg(m: MouseEvent) -> Option<Msg> {
    let action = match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Action::Click {
            column: m.column,
            row: m.row,
        },
        MouseEventKind::ScrollDown => Action::Wheel { down: true },
        MouseEventKind::ScrollUp => Action::Wheel { down: false },
        _ => return None,
    };
    Some(Msg::Newcomer(action))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_then_the_config_turn_it_off() {
        assert!(wanted(None, None));
        assert!(wanted(None, Some("theme = \"light\"\n")));
        assert!(!wanted(None, Some("mouse = false\n")));
        assert!(!wanted(Some("0"), Some("mouse = true\n")));
        assert!(!wanted(Some("off"), None));
        assert!(wanted(Some("1"), Some("mouse = false\n")));
    }
}
