//! The pre-approval checklist: rules from `[rules]` in `warta.toml`, each required,
//! recommended or off, with the defaults a newsroom expects.
//!
//! A failed required rule blocks approval; recommended ones are hints for the writer.

use super::config::Config;
use super::item::{Item, paragraphs, word_count};

pub use super::checks::{Level, Rule};

/// The default narrowest photo: 800 pixels, the width a news site's article column
/// shows a photo at on a laptop.
pub const DEFAULT_PHOTO_MIN_WIDTH: u32 = 800;

/// The outcome of one rule on one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The rule.
    pub rule: Rule,
    /// Its level.
    pub level: Level,
    /// Whether the item passes.
    pub passed: bool,
    /// A detail for the reader: the measured value or the offending words.
    pub detail: String,
}

/// The checklist settings of a newsroom.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    levels: Vec<(Rule, Level)>,
    /// Longest title, in characters.
    pub title_max: usize,
    /// Longest lead paragraph, in words.
    pub lead_max_words: usize,
    /// Words that must not appear (case-insensitive).
    pub banned: Vec<String>,
    /// Narrowest photo the website takes, in pixels.
    pub photo_min_width: u32,
}

fn parse_level(v: &toml::Value) -> Option<Level> {
    let s = v.as_str().or_else(|| v.get("level").and_then(toml::Value::as_str))?;
    match s {
        "required" => Some(Level::Required),
        "recommended" => Some(Level::Recommended),
        "off" => Some(Level::Off),
        _ => None,
    }
}

impl Rules {
    /// Read `[rules]`; anything absent or unreadable falls back to the defaults.
    #[must_use]
    pub fn from_config(config: &Config) -> Self {
        let t = &config.rules;
        let num = |rule: &str, key: &str, default: usize| {
            t.get(rule)
                .and_then(|v| v.get(key))
                .and_then(toml::Value::as_integer)
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(default)
        };
        Self {
            levels: Rule::ALL
                .iter()
                .map(|r| (*r, t.get(r.id()).and_then(parse_level).unwrap_or(r.default_level())))
                .collect(),
            title_max: num("title_length", "max", 100),
            lead_max_words: num("lead_length", "max_words", 45),
            photo_min_width: u32::try_from(num("photo_width", "min", DEFAULT_PHOTO_MIN_WIDTH as usize))
                .unwrap_or(u32::MAX),
            banned: t
                .get("banned_words")
                .and_then(|v| v.get("words"))
                .and_then(toml::Value::as_array)
                .map(|a| a.iter().filter_map(|w| w.as_str().map(str::to_lowercase)).collect())
                .unwrap_or_default(),
        }
    }

    /// The level of a rule.
    #[must_use]
    pub fn level(&self, rule: Rule) -> Level {
        self.levels
            .iter()
            .find(|(r, _)| *r == rule)
            .map_or(Level::Off, |(_, l)| *l)
    }

    /// Check an item against every rule that is not off.
    #[must_use]
    pub fn check(&self, item: &Item, config: &Config) -> Vec<Check> {
        self.check_only(item, config, &Rule::ALL)
    }

    /// Check an item against some rules (the editor's hints while typing).
    #[must_use]
    pub fn check_only(&self, item: &Item, config: &Config, rules: &[Rule]) -> Vec<Check> {
        let front = &item.front;
        let paras = paragraphs(&item.body);
        let lead = paras.first().copied().unwrap_or_default();
        let body_lower = if rules.contains(&Rule::BannedWords) {
            item.body.to_lowercase()
        } else {
            String::new()
        };
        let mut out = Vec::new();
        for rule in rules.iter().copied() {
            let level = self.level(rule);
            if level == Level::Off {
                continue;
            }
            let (passed, detail) = match rule {
                Rule::TitleLength => {
                    let n = front.title.trim().chars().count();
                    (n > 0 && n <= self.title_max, format!("{n}/{}", self.title_max))
                }
                Rule::LeadLength => {
                    let n = word_count(lead);
                    (n <= self.lead_max_words, format!("{n}/{}", self.lead_max_words))
                }
                Rule::Dateline => {
                    // "Place, Office – text": a dash in the opening words.
                    let opening: String = lead.chars().take(120).collect();
                    let ok = opening.contains(" – ") || opening.contains(" - ") || opening.contains(" — ");
                    let passed = ok && !lead.trim().eq(config.newsroom.dateline.trim());
                    (
                        passed,
                        if passed {
                            String::new()
                        } else {
                            opening.chars().take(40).collect()
                        },
                    )
                }
                Rule::PhotoCaptions => {
                    let missing: Vec<&str> = front
                        .photos
                        .iter()
                        .filter(|p| p.caption.trim().is_empty())
                        .map(|p| p.file.as_str())
                        .collect();
                    (missing.is_empty(), missing.join(", "))
                }
                Rule::Photos => (!front.photos.is_empty(), front.photos.len().to_string()),
                Rule::PhotoWidth => {
                    // Photos of unknown width (committed with plain git) are not judged.
                    let narrow: Vec<String> = front
                        .photos
                        .iter()
                        .filter(|p| p.width.is_some_and(|w| w < self.photo_min_width))
                        .map(|p| format!("{} {}px", p.file, p.width.unwrap_or_default()))
                        .collect();
                    (narrow.is_empty(), narrow.join(", "))
                }
                Rule::Tags => (!front.tags.is_empty(), front.tags.len().to_string()),
                Rule::Kecamatan => (!front.kecamatan.is_empty(), front.kecamatan.clone()),
                Rule::Body => {
                    let words = paras
                        .iter()
                        .filter(|p| !is_boilerplate(p, config))
                        .map(|p| word_count(p))
                        .sum::<usize>();
                    (words > 0, words.to_string())
                }
                Rule::EmptyParagraphs => {
                    let empty: Vec<String> = paras
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.chars().all(|c| !c.is_alphanumeric()))
                        .map(|(i, _)| (i + 1).to_string())
                        .collect();
                    (empty.is_empty(), empty.join(", "))
                }
                Rule::DoubleSpaces => {
                    // Between words only: spaces that end a line are Markdown's line break.
                    let at: Vec<String> = paras
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.lines().any(|l| l.trim().contains("  ")))
                        .map(|(i, _)| (i + 1).to_string())
                        .collect();
                    let title = item.front.title.contains("  ");
                    (at.is_empty() && !title, at.join(", "))
                }
                Rule::Closing => {
                    let closing = config.newsroom.closing.trim();
                    let last = paras.last().map(|p| p.trim()).unwrap_or_default();
                    (closing.is_empty() || last.ends_with(closing), closing.to_string())
                }
                Rule::DiUsage | Rule::InstitutionNames | Rule::DateForm => {
                    let found = super::house_style::findings(&item.body, &[rule]);
                    let shown: Vec<&str> = found.iter().take(3).map(|f| f.text.as_str()).collect();
                    (found.is_empty(), shown.join(", "))
                }
                Rule::BannedWords => {
                    let found: Vec<&str> = self
                        .banned
                        .iter()
                        .filter(|w| {
                            body_lower
                                .split(|c: char| !c.is_alphanumeric())
                                .any(|x| x == w.as_str())
                                || front.title.to_lowercase().contains(w.as_str())
                        })
                        .map(String::as_str)
                        .collect();
                    (found.is_empty(), found.join(", "))
                }
            };
            out.push(Check {
                rule,
                level,
                passed,
                detail,
            });
        }
        out
    }
}

/// Whether a paragraph is only the template's dateline or closing.
fn is_boilerplate(p: &str, config: &Config) -> bool {
    let p = p.trim();
    // A dateline with nothing after its dash (the template of any kecamatan) is no text.
    let bare_dateline = ['–', '—', '-'].iter().any(|d| p.ends_with(*d)) && p.len() < 120;
    p.is_empty() || bare_dateline || p == config.newsroom.dateline.trim() || p == config.newsroom.closing.trim()
}

/// The required rules an item fails.
#[must_use]
pub fn blocking(checks: &[Check]) -> Vec<Rule> {
    checks
        .iter()
        .filter(|c| c.level == Level::Required && !c.passed)
        .map(|c| c.rule)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::item::Photo;

    fn config(rules: &str) -> Config {
        Config::parse(&format!(
            "[newsroom]\nname = \"N\"\ndateline = \"Ponorogo, Bawaslu Kabupaten Ponorogo –\"\nclosing = \"(Humas)\"\n\n[rules]\n{rules}\n"
        ))
        .unwrap()
    }

    fn good() -> Item {
        let mut i = Item::default();
        i.front.title = "Panwascam Babadan Gelar Sosialisasi".into();
        i.front.kecamatan = "babadan".into();
        i.front.tags = vec!["humas".into()];
        i.front.photos = vec![Photo {
            file: "a.jpg".into(),
            caption: "Foto kegiatan.".into(),
            ..Photo::default()
        }];
        i.body = "Babadan, Panwaslu Kecamatan Babadan – Kegiatan berlangsung tertib.\n\nIsi kedua.\n\n(Humas)\n".into();
        i
    }

    type Break = fn(&mut Item);

    fn failed(item: &Item, rules: &str) -> Vec<&'static str> {
        let c = config(rules);
        Rules::from_config(&c)
            .check(item, &c)
            .into_iter()
            .filter(|x| !x.passed)
            .map(|x| x.rule.id())
            .collect()
    }

    #[test]
    fn every_rule_passes_and_fails() {
        assert!(failed(&good(), "banned_words = { level = \"required\", words = [\"hoaks\"] }").is_empty());
        let cases: &[(Break, &str)] = &[
            (|i| i.front.title = "x".repeat(101), "title_length"),
            (|i| i.front.title = "  ".into(), "title_length"),
            (
                |i| i.body = format!("Babadan, Panwaslu – {}\n\n(Humas)\n", "kata ".repeat(50)),
                "lead_length",
            ),
            (
                |i| i.body = "Kegiatan berlangsung tertib.\n\n(Humas)\n".into(),
                "dateline",
            ),
            (|i| i.front.photos[0].caption = " ".into(), "photo_captions"),
            (|i| i.front.tags.clear(), "tags"),
            (|i| i.front.kecamatan.clear(), "kecamatan"),
            (
                |i| i.body = "Ponorogo, Bawaslu Kabupaten Ponorogo –\n\n(Humas)\n".into(),
                "body",
            ),
            (
                |i| i.body = "Babadan, Panwaslu – isi.\n\n-\n\n(Humas)\n".into(),
                "empty_paragraphs",
            ),
            (|i| i.body = "Babadan, Panwaslu – isi.\n".into(), "closing"),
            (
                |i| i.body = "Babadan, Panwaslu – ada hoaks di sini.\n\n(Humas)\n".into(),
                "banned_words",
            ),
            (
                |i| i.body = "Babadan, Panwaslu –  isi berita.\n\n(Humas)\n".into(),
                "double_spaces",
            ),
            (
                |i| i.body = "Babadan, Panwaslu – rapat di lakukan.\n\n(Humas)\n".into(),
                "di_usage",
            ),
            (
                |i| i.body = "Babadan, Panwaslu – bersama bawaslu.\n\n(Humas)\n".into(),
                "institution_names",
            ),
            (
                |i| i.body = "Babadan, Panwaslu – pada Selasa, 21 Mei 2024.\n\n(Humas)\n".into(),
                "date_form",
            ),
        ];
        for (breaker, rule) in cases {
            let mut item = good();
            breaker(&mut item);
            let f = failed(&item, "banned_words = { level = \"required\", words = [\"hoaks\"] }");
            assert!(f.contains(rule), "{rule}: {f:?}");
        }
    }

    #[test]
    fn levels_come_from_config_with_defaults() {
        let c = config("dateline = \"required\"\ntags = \"off\"\ntitle_length = { level = \"required\", max = 10 }");
        let r = Rules::from_config(&c);
        assert_eq!(r.level(Rule::Dateline), Level::Required);
        assert_eq!(r.level(Rule::Tags), Level::Off);
        assert_eq!(r.level(Rule::Kecamatan), Level::Required, "default");
        assert_eq!(r.level(Rule::Closing), Level::Recommended, "default");
        let mut item = good();
        item.front.tags.clear();
        let checks = r.check(&item, &c);
        assert_eq!(
            blocking(&checks),
            vec![Rule::TitleLength],
            "title longer than 10; tags off"
        );
    }
}
