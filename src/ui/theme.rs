//! Themes: named styles parsed from TOML, with colour depth fallback and monochrome.
//!
//! The four built-in themes are compiled in; the loop may pass the text of a user's
//! theme file instead. Parsing is pure: no file is read here.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::domain::review::Status;

/// Built-in themes: (name, TOML).
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
];

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// 24-bit colour.
    TrueColor,
    /// The 256-colour palette.
    Indexed256,
    /// The 16 ANSI colours.
    Ansi16,
}

impl Depth {
    /// Guess from `COLORTERM` and `TERM`.
    #[must_use]
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> Self {
        if colorterm.is_some_and(|c| c.contains("truecolor") || c.contains("24bit")) {
            Self::TrueColor
        } else if term.is_some_and(|t| t.contains("256")) {
            Self::Indexed256
        } else {
            Self::Ansi16
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    name: String,
    monochrome: bool,
    colors: std::collections::BTreeMap<String, String>,
}

/// Resolved styles.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Theme name.
    pub name: String,
    /// Whether colours are off (meaning carried by modifiers and marks).
    pub mono: bool,
    /// Body text.
    pub text: Style,
    /// Secondary text.
    pub dim: Style,
    /// Accents: headings, links, keys.
    pub accent: Style,
    /// Item titles.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// Search matches.
    pub highlight: Style,
    /// Errors and refusals.
    pub error: Style,
    /// Success.
    pub ok: Style,
    /// Warnings (stale approval).
    pub warn: Style,
    /// The status bar.
    pub bar: Style,
    /// Borders.
    pub border: Style,
    /// Inserted words in a diff.
    pub added: Style,
    /// Deleted words in a diff.
    pub removed: Style,
    statuses: [Style; 8],
}

fn hex(s: &str) -> Option<(u8, u8, u8)> {
    let s = s.strip_prefix('#')?;
    if s.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(s, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// The nearest colour a terminal of `depth` can show.
#[must_use]
pub fn downgrade((r, g, b): (u8, u8, u8), depth: Depth) -> Color {
    match depth {
        Depth::TrueColor => Color::Rgb(r, g, b),
        Depth::Indexed256 => {
            let level = |c: u8| {
                if c < 48 {
                    0
                } else if c < 115 {
                    1
                } else {
                    (c - 35) / 40
                }
            };
            Color::Indexed(16 + 36 * level(r) + 6 * level(g) + level(b))
        }
        Depth::Ansi16 => {
            let bright = u16::from(r) + u16::from(g) + u16::from(b) > 480;
            let on = |c: u8| c > 110;
            match (on(r), on(g), on(b), bright) {
                (false, false, false, false) => Color::Black,
                (false, false, false, true) | (true, true, true, false) => Color::Gray,
                (true, true, true, true) => Color::White,
                (true, false, false, b) => {
                    if b {
                        Color::LightRed
                    } else {
                        Color::Red
                    }
                }
                (false, true, false, b) => {
                    if b {
                        Color::LightGreen
                    } else {
                        Color::Green
                    }
                }
                (false, false, true, b) => {
                    if b {
                        Color::LightBlue
                    } else {
                        Color::Blue
                    }
                }
                (true, true, false, b) => {
                    if b {
                        Color::LightYellow
                    } else {
                        Color::Yellow
                    }
                }
                (false, true, true, b) => {
                    if b {
                        Color::LightCyan
                    } else {
                        Color::Cyan
                    }
                }
                (true, false, true, b) => {
                    if b {
                        Color::LightMagenta
                    } else {
                        Color::Magenta
                    }
                }
            }
        }
    }
}

impl Theme {
    /// Parse a theme file; unknown or missing colours fall back to the terminal's own.
    pub fn parse(text: &str, depth: Depth, no_color: bool) -> Result<Self, String> {
        let raw: Raw = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let mono = no_color || raw.monochrome;
        let fg = |key: &str| -> Style {
            match raw.colors.get(key).and_then(|c| hex(c)) {
                Some(rgb) if !mono => Style::new().fg(downgrade(rgb, depth)),
                _ => Style::new(),
            }
        };
        let bg = |key: &str| {
            raw.colors
                .get(key)
                .and_then(|c| hex(c))
                .filter(|_| !mono)
                .map(|rgb| downgrade(rgb, depth))
        };
        let bold = Modifier::BOLD;
        let status = |key: &str| fg(key).add_modifier(bold);
        Ok(Self {
            name: raw.name,
            mono,
            text: fg("text"),
            dim: if mono {
                Style::new().add_modifier(Modifier::DIM)
            } else {
                fg("dim")
            },
            accent: fg("accent").add_modifier(bold),
            title: fg("title").add_modifier(bold),
            selected: match bg("selected_bg") {
                Some(c) => Style::new().bg(c),
                None => Style::new().add_modifier(Modifier::REVERSED),
            },
            highlight: fg("highlight").add_modifier(bold | Modifier::UNDERLINED),
            error: fg("error").add_modifier(bold),
            ok: fg("ok"),
            warn: fg("warn").add_modifier(bold),
            bar: match (bg("bar_bg"), raw.colors.get("bar_fg").and_then(|c| hex(c))) {
                (Some(b), Some(f)) if !mono => Style::new().bg(b).fg(downgrade(f, depth)),
                _ => Style::new().add_modifier(Modifier::REVERSED),
            },
            border: fg("border"),
            added: if mono {
                Style::new().add_modifier(Modifier::UNDERLINED | bold)
            } else {
                fg("added").add_modifier(Modifier::UNDERLINED)
            },
            removed: if mono {
                Style::new().add_modifier(Modifier::CROSSED_OUT)
            } else {
                fg("removed").add_modifier(Modifier::CROSSED_OUT)
            },
            statuses: [
                status("draft"),
                status("submitted"),
                status("changes_requested"),
                status("approved"),
                status("published"),
                status("rejected"),
                status("taken_down"),
                // Discarded items are seldom shown (`log`, a filter asking for them).
                fg("dim"),
            ],
        })
    }

    /// A built-in theme by name (`default` when unknown).
    #[must_use]
    pub fn builtin(name: &str, depth: Depth, no_color: bool) -> Self {
        let text = BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(BUILTIN[0].1, |(_, t)| *t);
        Self::parse(text, depth, no_color).unwrap_or_else(|_| Self::plain())
    }

    /// A theme with no colour at all.
    #[must_use]
    pub fn plain() -> Self {
        Self::parse(BUILTIN[3].1, Depth::Ansi16, true)
            .unwrap_or_else(|_| unreachable!("the built-in monochrome theme parses"))
    }

    /// The style of a status badge.
    #[must_use]
    pub fn status(&self, s: Status) -> Style {
        let i = Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.statuses[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse_and_degrade() {
        for (name, text) in BUILTIN {
            for depth in [Depth::TrueColor, Depth::Indexed256, Depth::Ansi16] {
                let t = Theme::parse(text, depth, false).unwrap();
                assert_eq!(&t.name, name);
                if depth != Depth::TrueColor {
                    assert!(!matches!(t.text.fg, Some(Color::Rgb(..))), "{name} {depth:?}");
                }
            }
        }
        let mono = Theme::builtin("default", Depth::TrueColor, true);
        assert!(mono.mono && mono.text.fg.is_none());
        assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(downgrade((255, 0, 0), Depth::Indexed256), Color::Indexed(196));
        assert_eq!(Depth::detect(Some("truecolor"), None), Depth::TrueColor);
        assert_eq!(Depth::detect(None, Some("xterm-256color")), Depth::Indexed256);
    }
}
