//! One news item: TOML front matter between `+++` lines, then a Markdown body.
//!
//! Parsing never panics and reports the line at fault; serializing keeps the body
//! byte-exact and keeps front-matter keys this version does not know.

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// The editorial content of an item's front matter.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FrontMatter {
    /// The headline.
    #[serde(default)]
    pub title: String,
    /// Kecamatan id from `warta.toml`; empty for kabupaten-wide items.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kecamatan: String,
    /// Person id of the item's author.
    #[serde(default)]
    pub author: String,
    /// When the item was created (RFC 3339 with offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Datetime>,
    /// The day of the event reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<Datetime>,
    /// Where the event took place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Tags from the vocabulary (or new ones).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Optional one-sentence summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Photos of the item's folder, with captions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
    /// Keys this version does not know, kept as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Keys of a file that this version does not know, kept as they are.
///
/// Equal when their values are, and also when they print the same: a float `nan` is
/// written and read back as `nan`, but NaN is never equal to itself, so plain equality
/// would call an unchanged item changed (and an unchanged save would make an edit).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub toml::Table);

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 || format!("{:?}", self.0) == format!("{:?}", other.0)
    }
}

impl std::ops::Deref for Extra {
    type Target = toml::Table;
    fn deref(&self) -> &toml::Table {
        &self.0
    }
}

impl std::ops::DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut toml::Table {
        &mut self.0
    }
}

/// A photo in the item's folder: a `[[photos]]` table (`file`, `caption`, `credit`,
/// and the `width` and `height` `warta attach` measured). The first is the cover.
///
/// Older items wrote a photo as one string, `"file.jpg | caption"`; it still reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "RawPhoto")]
pub struct Photo {
    /// File name inside the item's folder.
    pub file: String,
    /// One-sentence caption.
    pub caption: String,
    /// Who took it; empty when not given.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub credit: String,
    /// Width in pixels, upright, as measured when attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Height in pixels, upright, as measured when attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// A photo as the front matter may hold it: a table, or an older `file | caption` line.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawPhoto {
    Line(String),
    Table {
        #[serde(default)]
        file: String,
        #[serde(default)]
        caption: String,
        #[serde(default)]
        credit: String,
        width: Option<u32>,
        height: Option<u32>,
    },
}

impl From<RawPhoto> for Photo {
    fn from(raw: RawPhoto) -> Self {
        match raw {
            RawPhoto::Line(line) => {
                let (file, caption) = line.split_once('|').unwrap_or((&line, ""));
                Self {
                    file: file.trim().to_string(),
                    caption: caption.trim().to_string(),
                    ..Self::default()
                }
            }
            RawPhoto::Table {
                file,
                caption,
                credit,
                width,
                height,
            } => Self {
                file,
                caption,
                credit,
                width,
                height,
            },
        }
    }
}

/// A parsed `index.md`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    /// The front matter.
    pub front: FrontMatter,
    /// The Markdown body, byte-exact.
    pub body: String,
}

/// Why an `index.md` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    /// The file is not UTF-8.
    #[error("line {line}: not valid UTF-8")]
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
    },
    /// The file starts with a byte-order mark.
    #[error("line 1: starts with a byte-order mark (BOM)")]
    Bom,
    /// The front matter uses CRLF line ends.
    #[error("line {line}: CRLF line end in the front matter (save with LF line ends)")]
    Crlf {
        /// 1-based line.
        line: usize,
    },
    /// The first line is not `+++`.
    #[error("line 1: the file must start with a `+++` line")]
    NoOpening,
    /// No closing `+++` line.
    #[error("line {line}: the front matter has no closing `+++` line")]
    NoClosing {
        /// Last line of the file.
        line: usize,
    },
    /// The front matter is not valid TOML or has a wrong type.
    #[error("line {line}: {message}")]
    Toml {
        /// 1-based line in the file.
        line: usize,
        /// What the TOML parser said.
        message: String,
    },
}

impl ItemError {
    /// The 1-based line the error points at.
    #[must_use]
    pub fn line(&self) -> usize {
        match self {
            Self::Bom | Self::NoOpening => 1,
            Self::NotUtf8 { line } | Self::Crlf { line } | Self::NoClosing { line } | Self::Toml { line, .. } => *line,
        }
    }
}

fn bytecount(bytes: &[u8]) -> usize {
    bytes.split(|b| *b == b'\n').count() - 1
}

/// 1-based line number of a byte offset.
#[must_use]
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytecount(&bytes[..offset.min(bytes.len())]) + 1
}

impl Item {
    /// Parse an `index.md` file.
    pub fn parse(bytes: &[u8]) -> Result<Self, ItemError> {
        let text = std::str::from_utf8(bytes).map_err(|e| ItemError::NotUtf8 {
            line: line_of(bytes, e.valid_up_to()),
        })?;
        if text.starts_with('\u{feff}') {
            return Err(ItemError::Bom);
        }
        let Some(rest) = text.strip_prefix("+++") else {
            return Err(ItemError::NoOpening);
        };
        if rest.starts_with("\r\n") {
            return Err(ItemError::Crlf { line: 1 });
        }
        let Some(rest) = rest.strip_prefix('\n') else {
            return Err(ItemError::NoOpening);
        };
        let front_start = 4;
        // Find the closing line: exactly `+++` followed by LF or end of file.
        let mut offset = 0;
        let mut closing = None;
        for line in rest.split_inclusive('\n') {
            let content = line.strip_suffix('\n').unwrap_or(line);
            if content.ends_with('\r') {
                return Err(ItemError::Crlf {
                    line: line_of(bytes, front_start + offset),
                });
            }
            if content == "+++" {
                closing = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        let Some((end, body_start)) = closing else {
            return Err(ItemError::NoClosing {
                line: line_of(bytes, bytes.len()),
            });
        };
        let front_text = &rest[..end];
        let front: FrontMatter = toml::from_str(front_text).map_err(|e| ItemError::Toml {
            line: e.span().map_or(2, |s| line_of(bytes, front_start + s.start)),
            message: e.message().trim().to_string(),
        })?;
        Ok(Self {
            front,
            body: rest[body_start..].to_string(),
        })
    }

    /// Serialize to the bytes of `index.md`.
    #[must_use]
    pub fn serialize(&self) -> String {
        let front = toml::Table::try_from(&self.front)
            .map(|t| emit_toml(&t, KEY_ORDER))
            .unwrap_or_default();
        let mut out = String::with_capacity(front.len() + self.body.len() + 8);
        out.push_str("+++\n");
        out.push_str(&front);
        if !front.is_empty() && !front.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("+++\n");
        out.push_str(&self.body);
        out
    }

    /// The body's paragraphs: blocks separated by blank lines, trimmed, never empty.
    #[must_use]
    pub fn paragraphs(&self) -> Vec<&str> {
        paragraphs(&self.body)
    }
}

/// Front-matter keys in the order they are written.
const KEY_ORDER: &[&str] = &[
    "title",
    "kecamatan",
    "author",
    "created",
    "event_date",
    "location",
    "tags",
    "summary",
];

/// Write a TOML table with every string on one line (escaped), so no value can ever
/// produce a `+++` line or a raw CR inside the front matter.
#[must_use]
/// Keys listed in `order` come first, in that order; the rest follow sorted.
pub fn emit_toml(table: &toml::Table, order: &[&str]) -> String {
    let mut out = String::new();
    emit_table(&mut out, table, "", order);
    out
}

/// The key serde uses to carry a TOML date-time through a table.
const DATETIME_KEY: &str = "$__toml_private_datetime";

/// A date-time that went through `Table::try_from` comes back as a one-key table.
fn as_datetime(v: &toml::Value) -> Option<&str> {
    match v {
        toml::Value::Table(t) if t.len() == 1 => t.get(DATETIME_KEY).and_then(toml::Value::as_str),
        _ => None,
    }
}

fn is_sub_table(v: &toml::Value) -> bool {
    v.is_table() && as_datetime(v).is_none()
}

fn is_table_array(v: &toml::Value) -> bool {
    matches!(v, toml::Value::Array(a) if !a.is_empty() && a.iter().all(toml::Value::is_table))
}

fn emit_table(out: &mut String, table: &toml::Table, prefix: &str, order: &[&str]) {
    let mut keys: Vec<&String> = table.keys().collect();
    keys.sort_by_key(|k| (order.iter().position(|o| o == k).unwrap_or(order.len()), (*k).clone()));
    for k in &keys {
        let v = &table[*k];
        if !is_sub_table(v) && !is_table_array(v) {
            out.push_str(&emit_key(k));
            out.push_str(" = ");
            emit_value(out, v);
            out.push('\n');
        }
    }
    for k in &keys {
        let path = if prefix.is_empty() {
            emit_key(k)
        } else {
            format!("{prefix}.{}", emit_key(k))
        };
        match &table[*k] {
            toml::Value::Table(t) if as_datetime(&table[*k]).is_none() => {
                let _ = write!(out, "\n[{path}]\n");
                emit_table(out, t, &path, order);
            }
            v @ toml::Value::Array(items) if is_table_array(v) => {
                for t in items.iter().filter_map(toml::Value::as_table) {
                    let _ = write!(out, "\n[[{path}]]\n");
                    emit_table(out, t, &path, order);
                }
            }
            _ => {}
        }
    }
}

fn emit_key(k: &str) -> String {
    if !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        k.to_string()
    } else {
        let mut s = String::new();
        emit_string(&mut s, k);
        s
    }
}

fn emit_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn emit_value(out: &mut String, v: &toml::Value) {
    if let Some(dt) = as_datetime(v) {
        // Written bare, as TOML date-times are; it parsed as one, so it is safe.
        out.push_str(dt);
        return;
    }
    match v {
        toml::Value::String(s) => emit_string(out, s),
        toml::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                emit_value(out, item);
            }
            out.push(']');
        }
        toml::Value::Table(t) => {
            out.push('{');
            for (i, (k, item)) in t.iter().enumerate() {
                out.push_str(if i > 0 { ", " } else { " " });
                out.push_str(&emit_key(k));
                out.push_str(" = ");
                emit_value(out, item);
            }
            out.push_str(if t.is_empty() { "}" } else { " }" });
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Split Markdown text into paragraphs separated by blank lines.
#[must_use]
pub fn paragraphs(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push(body[s..last_end].trim_end());
            }
        } else {
            if start.is_none() {
                start = Some(pos);
            }
            last_end = pos + line.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(body[s..last_end].trim_end());
    }
    out
}

/// Count words as runs of non-whitespace.
#[must_use]
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_tables_and_old_file_caption_strings_still_read() {
        let old = "+++\ntitle = \"T\"\nauthor = \"sari\"\ntags = []\nphotos = [\"rapat.jpg | Peserta rapat\", \"b.png\"]\n+++\nIsi.\n";
        let item = Item::parse(old.as_bytes()).unwrap();
        assert_eq!(item.front.photos[0].file, "rapat.jpg");
        assert_eq!(item.front.photos[0].caption, "Peserta rapat");
        assert_eq!(item.front.photos[1].caption, "");
        let mut item = item;
        item.front.photos[0].credit = "Humas".into();
        item.front.photos[0].width = Some(1600);
        let text = item.serialize();
        assert!(
            text.contains(
                "[[photos]]\ncaption = \"Peserta rapat\"\ncredit = \"Humas\"\nfile = \"rapat.jpg\"\nwidth = 1600\n"
            ),
            "{text}"
        );
        assert_eq!(Item::parse(text.as_bytes()).unwrap(), item);
    }

    const SAMPLE: &str = "+++\ntitle = \"Rapat \\\"koordinasi\\\"\"\nkecamatan = \"babadan\"\nauthor = \"sari\"\ntags = [\"humas\"]\nunknown_key = 5\n\n[[photos]]\nfile = \"a.jpg\"\ncaption = \"Foto\"\n+++\nBabadan – isi.\n\n+++\n\nPenutup 👍🏽\n";

    #[test]
    fn an_unknown_nan_survives_a_rewrite_as_the_same_item() {
        // Found by AFL++ (fuzz/crashes/item/nan-min.md): NaN is never equal to itself.
        let item = Item::parse(b"+++\n0=nan\ntitle = \"x\"\n+++\nIsi.\n").unwrap();
        let again = Item::parse(item.serialize().as_bytes()).unwrap();
        assert_eq!(again, item);
        let mut other = item.clone();
        other.front.extra.insert("0".into(), toml::Value::Float(1.0));
        assert_ne!(other, item);
    }

    #[test]
    fn parses_and_keeps_unknown_keys() {
        let item = Item::parse(SAMPLE.as_bytes()).unwrap();
        assert_eq!(item.front.title, "Rapat \"koordinasi\"");
        assert_eq!(
            item.front.extra.get("unknown_key").and_then(toml::Value::as_integer),
            Some(5)
        );
        assert_eq!(item.body, "Babadan – isi.\n\n+++\n\nPenutup 👍🏽\n");
        let again = Item::parse(item.serialize().as_bytes()).unwrap();
        assert_eq!(again, item);
        assert!(item.serialize().contains("unknown_key = 5"));
        let mut dated = item.clone();
        dated.front.created = Some("2024-09-09T10:15:00+07:00".parse().unwrap());
        dated.front.event_date = Some("2024-09-09".parse().unwrap());
        let text = dated.serialize();
        assert!(
            text.contains("\ncreated = 2024-09-09T10:15:00+07:00\nevent_date = 2024-09-09\n"),
            "{text}"
        );
    }

    #[test]
    fn malformed_files_name_the_line() {
        let cases: &[(&[u8], usize, &str)] = &[
            (b"\xef\xbb\xbf+++\ntitle = \"a\"\n+++\n", 1, "BOM"),
            (b"+++\r\ntitle = \"a\"\r\n+++\r\n", 1, "CRLF"),
            (b"+++\ntitle = \"a\"\r\n+++\n", 2, "CRLF"),
            (b"+++\ntitle = \"a\"\n", 3, "closing"),
            (b"+++\ntitle = \"a\"\ntags = [\n+++\nbody", 3, ""),
            (b"+++\ntitle = 5\n+++\n", 2, ""),
            (b"+++\ntitle = \"a\"\n+++\nok\n\xff\n", 5, "UTF-8"),
            (b"title = \"a\"\n", 1, "+++"),
        ];
        for (bytes, line, word) in cases {
            let err = Item::parse(bytes).unwrap_err();
            assert_eq!(err.line(), *line, "{err}");
            assert!(err.to_string().contains(word), "{err}");
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let p = paragraphs("a b\n\n\nc\nd\n  \ne\n");
        assert_eq!(p, vec!["a b", "c\nd", "e"]);
    }

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(r#"("|'|“|”|\\|👍🏽|🇮🇩|e\x{301}|\r\n|\n|\+\+\+|\t|[a-zA-Z0-9 .,–-]){0,40}"#)
            .unwrap()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn serialize_then_parse_is_identity(
            title in text(),
            location in text(),
            tags in proptest::collection::vec(text(), 0..4),
            captions in proptest::collection::vec(text(), 0..3),
            body in text(),
            extra in proptest::option::of(text()),
        ) {
            let mut front = FrontMatter {
                title,
                author: "sari".into(),
                location,
                tags,
                photos: captions.into_iter().enumerate().map(|(i, caption)| Photo { file: format!("{i}.jpg"), caption, ..Photo::default() }).collect(),
                created: Some("2024-09-09T10:15:00+07:00".parse().unwrap()),
                ..FrontMatter::default()
            };
            if let Some(x) = extra {
                front.extra.insert("custom".into(), toml::Value::String(x));
            }
            let item = Item { front, body };
            let text = item.serialize();
            proptest::prop_assert!(!text.contains("$__toml"), "{}", text);
            let parsed = Item::parse(text.as_bytes());
            proptest::prop_assert_eq!(parsed.as_ref(), Ok(&item), "{}", text);
        }
    }
}
