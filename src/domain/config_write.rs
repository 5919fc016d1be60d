//! Writing a changed configuration back into `warta.toml` text without losing what the
//! admin wrote around it: comments, blank lines, key order and the tables warta does
//! not change stay byte for byte.
//!
//! The text is cut into statements (table headers, `key = value` possibly over several
//! lines, comments and blank lines). Only the statements of a changed person or
//! kecamatan, or `[tags] vocabulary`, are replaced; new ones are added after the last
//! of their kind. The caller parses the result and compares it with the configuration
//! it wanted (`admin::plan` does), so a form this writer does not understand (inline
//! tables, dotted keys) is refused rather than written wrong.

use super::config::{Config, Kecamatan, Person};

/// One statement of the text: lines `start..end` (0-based, end exclusive).
#[derive(Debug, Clone)]
struct Statement {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A comment or blank line.
    Trivia,
    /// `[name]` (`array` false) or `[[name]]`.
    Header { name: String, array: bool },
    /// `key = value`.
    Value { key: String },
}

/// The text cut into statements.
struct Doc {
    lines: Vec<String>,
    statements: Vec<Statement>,
}

/// A block: a header and the statements up to the next header.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// Index of the header statement.
    header: usize,
    /// Index one past its last statement.
    end: usize,
}

impl Doc {
    fn parse(text: &str) -> Self {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut statements = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let t = lines[i].trim();
            if t.is_empty() || t.starts_with('#') {
                statements.push(Statement {
                    start: i,
                    end: i + 1,
                    kind: Kind::Trivia,
                });
                i += 1;
            } else if t.starts_with('[') {
                let array = t.starts_with("[[");
                let inner = t.trim_start_matches('[');
                let name = inner.split(']').next().unwrap_or_default().trim().to_string();
                statements.push(Statement {
                    start: i,
                    end: i + 1,
                    kind: Kind::Header { name, array },
                });
                i += 1;
            } else {
                let key = t.split('=').next().unwrap_or_default().trim().to_string();
                // The statement ends at the first line where it reads as TOML whole.
                let mut end = i + 1;
                while end < lines.len() && toml::from_str::<toml::Table>(&lines[i..end].join("\n")).is_err() {
                    end += 1;
                }
                statements.push(Statement {
                    start: i,
                    end,
                    kind: Kind::Value { key },
                });
                i = end;
            }
        }
        Self { lines, statements }
    }

    /// The blocks under headers named `name` that are arrays (`[[name]]`) or not.
    fn blocks(&self, name: &str, array: bool) -> Vec<Block> {
        let mut out = Vec::new();
        for (i, s) in self.statements.iter().enumerate() {
            if s.kind
                == (Kind::Header {
                    name: name.to_string(),
                    array,
                })
            {
                let end = self.statements[i + 1..]
                    .iter()
                    .position(|s| matches!(s.kind, Kind::Header { .. }))
                    .map_or(self.statements.len(), |p| i + 1 + p);
                out.push(Block { header: i, end });
            }
        }
        out
    }

    /// The last line (exclusive) of a block's own statements: trailing comments and
    /// blank lines belong to what follows.
    fn last_line(&self, b: Block) -> usize {
        self.statements[b.header..b.end]
            .iter()
            .rev()
            .find(|s| s.kind != Kind::Trivia)
            .map_or(self.statements[b.header].end, |s| s.end)
    }
}

/// A pending change of lines `start..end` to `with`.
struct Splice {
    start: usize,
    end: usize,
    with: Vec<String>,
}

/// An entry's `key = value` texts in writing order; `None`: the key is absent.
type Fields = Vec<(&'static str, Option<String>)>;

fn string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn strings(list: &[String]) -> String {
    toml::Value::Array(list.iter().map(|s| toml::Value::String(s.clone())).collect()).to_string()
}

/// The `key = value` lines of a person's fields, in the order warta writes them; a
/// field at its default is `None` (absent).
fn person_fields(p: &Person) -> Fields {
    let keys = match p.keys.len() {
        0 => None,
        1 => Some(strings(&p.keys)),
        _ => Some(
            p.keys.iter().fold(
                "[
"
                .to_string(),
                |mut out, k| {
                    out.push_str("    ");
                    out.push_str(&string(k));
                    out.push_str(
                        ",
",
                    );
                    out
                },
            ) + "]",
        ),
    };
    vec![
        ("id", Some(string(&p.id))),
        ("name", Some(string(&p.name))),
        ("email", (!p.email.is_empty()).then(|| string(&p.email))),
        (
            "roles",
            (!p.roles.is_empty()).then(|| strings(&p.roles.iter().map(|r| r.id().to_string()).collect::<Vec<_>>())),
        ),
        ("kecamatan", p.kecamatan.as_deref().map(string)),
        ("logins", (!p.logins.is_empty()).then(|| strings(&p.logins))),
        ("keys", keys),
        ("active_until", p.active_until.map(|d| d.to_string())),
        ("language", p.language.as_deref().map(string)),
    ]
}

fn kecamatan_fields(k: &Kecamatan) -> Fields {
    vec![("id", Some(string(&k.id))), ("name", Some(string(&k.name)))]
}

fn lines_of(key: &str, value: &str) -> Vec<String> {
    format!("{key} = {value}").lines().map(str::to_string).collect()
}

/// A new block: header and fields.
fn new_block(header: &str, fields: &[(&'static str, Option<String>)]) -> Vec<String> {
    let mut out = vec![String::new(), header.to_string()];
    for (k, v) in fields {
        if let Some(v) = v {
            out.extend(lines_of(k, v));
        }
    }
    out
}

/// Changes to one existing block: each field whose value differs is replaced in place,
/// added after the block's last statement, or removed.
fn edit_block(
    doc: &Doc,
    b: Block,
    old: &[(&'static str, Option<String>)],
    new: &[(&'static str, Option<String>)],
    out: &mut Vec<Splice>,
) {
    let mut added = Vec::new();
    for ((key, before), (_, after)) in old.iter().zip(new) {
        if before == after {
            continue;
        }
        let at = doc.statements[b.header..b.end].iter().find(|s| {
            s.kind
                == Kind::Value {
                    key: (*key).to_string(),
                }
        });
        match (at, after) {
            (Some(s), Some(v)) => out.push(Splice {
                start: s.start,
                end: s.end,
                with: lines_of(key, v),
            }),
            (Some(s), None) => out.push(Splice {
                start: s.start,
                end: s.end,
                with: vec![],
            }),
            (None, Some(v)) => added.extend(lines_of(key, v)),
            (None, None) => {}
        }
    }
    if !added.is_empty() {
        let at = doc.last_line(b);
        out.push(Splice {
            start: at,
            end: at,
            with: added,
        });
    }
}

/// Remove a block with the comment lines right above it and the blank lines after.
fn remove_block(doc: &Doc, b: Block, out: &mut Vec<Splice>) {
    let mut start = doc.statements[b.header].start;
    while start > 0 && doc.lines[start - 1].trim_start().starts_with('#') {
        start -= 1;
    }
    let mut end = doc.last_line(b);
    while end < doc.lines.len() && doc.lines[end].trim().is_empty() {
        end += 1;
    }
    out.push(Splice {
        start,
        end,
        with: vec![],
    });
}

/// An array of tables of the configuration, and how its entries are written.
struct Array<T: 'static> {
    /// The table's name.
    name: &'static str,
    /// The array a first entry goes before, when there is none yet.
    insert_before: Option<&'static str>,
    /// An entry's id.
    id: fn(&T) -> &str,
    /// An entry's fields.
    fields: fn(&T) -> Fields,
}

/// An array of tables (`people`, `kecamatan`) rewritten from `old` to `new` (matched
/// by id); `None` when the text does not hold one block per entry of `old`.
fn rewrite_array<T>(doc: &Doc, array: &Array<T>, old: &[T], new: &[T], out: &mut Vec<Splice>) -> Option<()> {
    let (name, insert_before, id, fields) = (array.name, array.insert_before, array.id, array.fields);
    let blocks = doc.blocks(name, true);
    if blocks.len() != old.len() {
        return None;
    }
    for (o, b) in old.iter().zip(&blocks) {
        match new.iter().find(|n| id(n) == id(o)) {
            None => remove_block(doc, *b, out),
            Some(n) => edit_block(doc, *b, &fields(o), &fields(n), out),
        }
    }
    let header = format!("[[{name}]]");
    let mut added = Vec::new();
    for n in new.iter().filter(|n| !old.iter().any(|o| id(o) == id(n))) {
        added.extend(new_block(&header, &fields(n)));
    }
    if added.is_empty() {
        return Some(());
    }
    let at = match blocks.last() {
        Some(b) => doc.last_line(*b),
        None => match insert_before.and_then(|before| doc.blocks(before, true).first().copied()) {
            Some(b) => {
                // Before the next kind's first block and the comments above it.
                let mut at = doc.statements[b.header].start;
                while at > 0 && doc.lines[at - 1].trim_start().starts_with('#') {
                    at -= 1;
                }
                while at > 0 && doc.lines[at - 1].trim().is_empty() {
                    at -= 1;
                }
                at
            }
            None => doc.lines.len(),
        },
    };
    out.push(Splice {
        start: at,
        end: at,
        with: added,
    });
    Some(())
}

/// `text` (which parses as `old`) rewritten to say `new`; `None` when the text is in a
/// form this writer does not change (the caller then refuses).
///
/// Only people, kecamatan and the tag vocabulary are written; other differences are
/// ignored here and caught by the caller's comparison.
#[must_use]
pub fn rewrite(text: &str, old: &Config, new: &Config) -> Option<String> {
    let doc = Doc::parse(text);
    let mut splices = Vec::new();
    if old.kecamatan != new.kecamatan {
        let array = Array {
            name: "kecamatan",
            insert_before: Some("people"),
            id: |k: &Kecamatan| k.id.as_str(),
            fields: kecamatan_fields,
        };
        rewrite_array(&doc, &array, &old.kecamatan, &new.kecamatan, &mut splices)?;
    }
    if old.people != new.people {
        let array = Array {
            name: "people",
            insert_before: None,
            id: |p: &Person| p.id.as_str(),
            fields: person_fields,
        };
        rewrite_array(&doc, &array, &old.people, &new.people, &mut splices)?;
    }
    if old.tags != new.tags {
        let value = strings(&new.tags);
        match doc.blocks("tags", false).first() {
            Some(b) => edit_block(
                &doc,
                *b,
                &[("vocabulary", Some(strings(&old.tags)))],
                &[("vocabulary", Some(value))],
                &mut splices,
            ),
            None => splices.push(Splice {
                start: doc.lines.len(),
                end: doc.lines.len(),
                with: vec![String::new(), "[tags]".into(), format!("vocabulary = {value}")],
            }),
        }
    }
    // Apply from the bottom up so earlier line numbers stay true; inserts at the same
    // place keep their order.
    splices.sort_by_key(|s| (std::cmp::Reverse(s.start), std::cmp::Reverse(s.end)));
    let mut lines = doc.lines;
    for s in splices {
        lines.splice(s.start..s.end, s.with);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# Bawaslu Ponorogo newsroom\n[newsroom]\nname = \"N\" # the name\n\n# Kecamatan\n[[kecamatan]]\nid = \"babadan\"\nname = \"Babadan\"\n\n[[kecamatan]]\nid = \"jetis\"\nname = \"Jetis\"\n\n# The admin\n[[people]]\nid = \"ana\"\nname = \"Ana\"\nemail = \"ana@x\"\nroles = [\"admin\"] # only admin\n\n# Sari writes for Babadan\n[[people]]\nid = \"sari\"\nname = \"Sari\"\nemail = \"sari@x\"\nroles = [\"author\"]\nkecamatan = \"babadan\"\nkeys = [\n  \"ssh-ed25519 AAAA sari\", # laptop\n]\n\n[tags]\nvocabulary = [\"a\", \"b\"]\n";

    fn edit(f: impl FnOnce(&mut Config)) -> (String, Config) {
        let old = Config::parse(TEXT).unwrap();
        let mut new = old.clone();
        f(&mut new);
        let text = rewrite(TEXT, &old, &new).unwrap();
        assert_eq!(Config::parse(&text).unwrap(), new, "{text}");
        (text, new)
    }

    #[test]
    fn an_edit_keeps_comments_and_changes_only_its_lines() {
        let (text, _) = edit(|c| {
            c.people[1].active_until = Some(jiff::civil::date(2025, 3, 31));
            c.people[1].name = "Sari Dewi".into();
        });
        assert!(text.contains("# Sari writes for Babadan\n[[people]]\nid = \"sari\"\nname = \"Sari Dewi\"\n"));
        assert!(text.contains("  \"ssh-ed25519 AAAA sari\", # laptop\n]\nactive_until = 2025-03-31\n\n[tags]"));
        assert!(text.contains("roles = [\"admin\"] # only admin"));
        assert!(text.starts_with("# Bawaslu Ponorogo newsroom\n[newsroom]\nname = \"N\" # the name\n"));
    }

    #[test]
    fn adding_and_removing_blocks() {
        let (text, _) = edit(|c| {
            c.people.remove(1);
            c.kecamatan.push(Kecamatan {
                id: "sawoo".into(),
                name: "Sawoo".into(),
            });
            c.tags.push("c".into());
        });
        assert!(!text.contains("Sari"), "{text}");
        assert!(text.contains("name = \"Jetis\"\n\n[[kecamatan]]\nid = \"sawoo\"\nname = \"Sawoo\"\n\n# The admin"));
        assert!(text.contains("vocabulary = [\"a\", \"b\", \"c\"]"));
        let (text, _) = edit(|c| {
            let mut p = c.people[0].clone();
            p.id = "budi".into();
            p.email = "budi@x".into();
            p.keys = vec!["ssh-ed25519 A x".into(), "ssh-ed25519 B y".into()];
            c.people.push(p);
        });
        assert!(text.ends_with("keys = [\n    \"ssh-ed25519 A x\",\n    \"ssh-ed25519 B y\",\n]\n\n[tags]\nvocabulary = [\"a\", \"b\"]\n"), "{text}");
    }

    #[test]
    fn a_form_it_does_not_know_is_left_to_the_caller() {
        let text = "kecamatan = [{ id = \"a\", name = \"A\" }]\n[newsroom]\nname = \"N\"\n";
        let old = Config::parse(text).unwrap();
        let mut new = old.clone();
        new.kecamatan[0].name = "B".into();
        assert_eq!(rewrite(text, &old, &new), None);
    }
}
