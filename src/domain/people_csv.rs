//! `warta people import`: people from a spreadsheet saved as CSV.
//!
//! Columns are named in the first row (any order, any case): `id`, `name`, `email`,
//! `roles`, `kecamatan`, `logins`, `active_until`, `key`; only `id` is required. The
//! separator is whichever of `,` `;` or tab the header row uses: Excel with an
//! Indonesian locale saves with `;`. Quoted cells (with `""` for a quote, and line
//! breaks inside) are read as Excel writes them; a byte-order mark is skipped.
//!
//! A row for a new id adds a person (an author unless `roles` says otherwise); a row for
//! an existing id changes the cells that are not empty and keeps the rest. Every row is
//! checked in order against the people before it, so a problem is reported with the
//! line it is on, and nothing is written.

use jiff::civil::Date;

use super::admin::{self, AdminError, Change};
use super::config::{Config, Person, Role, is_id};
use super::sshkey::{self, KeyProblem};

/// What is wrong with the file or one row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// The file has no rows.
    #[error("the file is empty")]
    Empty,
    /// A quote opened and never closed.
    #[error("a quote is not closed")]
    Quote,
    /// A header cell that is not a known column.
    #[error("unknown column {0:?}")]
    UnknownColumn(String),
    /// The header has no `id` column.
    #[error("no id column")]
    NoIdColumn,
    /// A row with more cells than the header.
    #[error("{found} cells, the header has {expected}")]
    Cells {
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A new person without a name.
    #[error("a new person needs a name")]
    NoName,
    /// A role that does not exist.
    #[error("unknown role {0:?}")]
    Role(String),
    /// A kecamatan that is neither an id nor a name of one.
    #[error("unknown kecamatan {0:?}")]
    Kecamatan(String),
    /// A date not written as `2025-03-31` or `31/03/2025`.
    #[error("{0:?} is not a date like 2025-03-31 or 31/03/2025")]
    Date(String),
    /// The same id on two rows.
    #[error("{0:?} is on an earlier row too")]
    Twice(String),
    /// The key cell is not a public key.
    #[error("key: {0}")]
    Key(KeyProblem),
    /// The row breaks a rule of the configuration.
    #[error("{0}")]
    Admin(AdminError),
}

/// A problem and the line of the file it is on (1-based; 0 for the whole file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ImportError {
    /// Line of the row's start.
    pub line: usize,
    /// What is wrong.
    pub problem: RowProblem,
}

/// One row: the line it starts on and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// Cells, unquoted.
    pub cells: Vec<String>,
}

/// The separator of a header line: the most frequent of `,` `;` and tab outside quotes.
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    [',', ';', '\t'][best]
}

/// Read CSV text into rows; empty lines are skipped.
pub fn read(text: &str) -> Result<Vec<Row>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut rows = Vec::new();
    let (mut line, mut row_line) = (1, 1);
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut finish = |cells: &mut Vec<String>, cell: &mut String, row_line: usize| {
        cells.push(std::mem::take(cell));
        let row = std::mem::take(cells);
        if !(row.len() == 1 && row[0].trim().is_empty()) {
            rows.push(Row {
                line: row_line,
                cells: row,
            });
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            '\n' if quoted => {
                line += 1;
                cell.push('\n');
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish(&mut cells, &mut cell, row_line);
                line += 1;
                row_line = line;
            }
            c if c == sep && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    if quoted {
        return Err(ImportError {
            line: row_line,
            problem: RowProblem::Quote,
        });
    }
    if !cell.is_empty() || !cells.is_empty() {
        finish(&mut cells, &mut cell, row_line);
    }
    Ok(rows)
}

/// The columns `import` knows.
pub const COLUMNS: &[&str] = &[
    "id",
    "name",
    "email",
    "roles",
    "kecamatan",
    "logins",
    "active_until",
    "key",
];

/// A date as a spreadsheet writes it: `2025-03-31`, `31/03/2025` or `31-03-2025`.
#[must_use]
pub fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let (d, m, y) = (d.parse::<i8>().ok()?, m.parse::<i8>().ok()?, y.parse::<i16>().ok()?);
    if y < 1000 {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// The words of a list cell (`author approver`, `a|b`, `a, b`).
fn words(cell: &str) -> Vec<String> {
    cell.split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | ';'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A change to one person the import makes, for `--dry-run` and the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Planned {
    /// A new person.
    Add(Person),
    /// An existing person: before and after.
    Change(Box<Person>, Box<Person>),
    /// A row that changes nothing.
    Same(String),
}

/// The people the file describes, checked row by row against `config`, with what
/// each row does; the first problem stops the import.
pub fn plan(text: &str, config: &Config) -> Result<(Change, Vec<(usize, Planned)>), ImportError> {
    let rows = read(text)?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(ImportError {
            line: 0,
            problem: RowProblem::Empty,
        });
    };
    let at = |line, problem| ImportError { line, problem };
    let mut columns = Vec::new();
    for h in &header.cells {
        let name = h.trim().to_lowercase().replace(' ', "_");
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) => columns.push(*c),
            None => return Err(at(header.line, RowProblem::UnknownColumn(h.trim().to_string()))),
        }
    }
    if !columns.contains(&"id") {
        return Err(at(header.line, RowProblem::NoIdColumn));
    }
    let mut current = config.clone();
    let mut people = Vec::new();
    let mut report = Vec::new();
    for row in rows {
        let line = row.line;
        if row.cells.len() > columns.len() && row.cells[columns.len()..].iter().any(|c| !c.trim().is_empty()) {
            return Err(at(
                line,
                RowProblem::Cells {
                    expected: columns.len(),
                    found: row.cells.len(),
                },
            ));
        }
        let cell = |name: &str| {
            columns
                .iter()
                .position(|c| *c == name)
                .and_then(|i| row.cells.get(i))
                .map_or("", |s| s.trim())
        };
        let id = cell("id").to_lowercase();
        if !is_id(&id) {
            return Err(at(line, RowProblem::Admin(AdminError::BadId(cell("id").to_string()))));
        }
        if people.iter().any(|p: &Person| p.id == id) {
            return Err(at(line, RowProblem::Twice(id)));
        }
        let before = config.person(&id).cloned();
        let mut p = before.clone().unwrap_or(Person {
            id: id.clone(),
            name: String::new(),
            email: String::new(),
            roles: vec![Role::Author],
            kecamatan: None,
            logins: vec![],
            keys: vec![],
            active_until: None,
            language: None,
        });
        if !cell("name").is_empty() {
            p.name = cell("name").to_string();
        } else if before.is_none() {
            return Err(at(line, RowProblem::NoName));
        }
        if !cell("email").is_empty() {
            p.email = cell("email").to_string();
        }
        if !cell("roles").is_empty() {
            p.roles = Vec::new();
            for w in words(cell("roles")) {
                let role = [Role::Author, Role::Editor, Role::Approver, Role::Admin]
                    .into_iter()
                    .find(|r| r.id().eq_ignore_ascii_case(&w))
                    .ok_or_else(|| at(line, RowProblem::Role(w.clone())))?;
                p.roles.push(role);
            }
        }
        let k = cell("kecamatan");
        if !k.is_empty() {
            let found = config
                .kecamatan
                .iter()
                .find(|x| x.id == k || x.name.eq_ignore_ascii_case(k) || x.id == admin::id_from_name(k));
            p.kecamatan = Some(
                found
                    .ok_or_else(|| at(line, RowProblem::Kecamatan(k.to_string())))?
                    .id
                    .clone(),
            );
        }
        if !cell("logins").is_empty() {
            p.logins = words(cell("logins"));
        }
        if !cell("active_until").is_empty() {
            p.active_until = Some(
                date(cell("active_until")).ok_or_else(|| at(line, RowProblem::Date(cell("active_until").into())))?,
            );
        }
        if !cell("key").is_empty() {
            let key = sshkey::parse(cell("key"))
                .map_err(|e| at(line, RowProblem::Key(e)))?
                .line();
            if !p
                .keys
                .iter()
                .any(|x| super::config::key_material(x) == super::config::key_material(&key))
            {
                p.keys.push(key);
            }
        }
        match admin::apply(&current, &Change::Import(vec![p.clone()])) {
            Ok((next, _)) => {
                let stored = next.person(&id).cloned().unwrap_or(p);
                current = next;
                report.push((
                    line,
                    match before {
                        None => Planned::Add(stored.clone()),
                        Some(b) => Planned::Change(Box::new(b), Box::new(stored.clone())),
                    },
                ));
                people.push(stored);
            }
            Err(AdminError::Unchanged) => {
                report.push((line, Planned::Same(id.clone())));
                people.push(p);
            }
            Err(e) => return Err(at(line, RowProblem::Admin(e))),
        }
    }
    Ok((Change::Import(people), report))
}

/// The fields that differ between two versions of a person, as `field: value` text.
#[must_use]
pub fn differences(before: &Person, after: &Person) -> Vec<String> {
    let list = |v: &[String]| v.join(" ");
    let roles = |p: &Person| p.roles.iter().map(|r| r.id()).collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        let shown = |v: String| if v.is_empty() { "-".to_string() } else { v };
        if a != b {
            out.push(format!("{name}: {} → {}", shown(a), shown(b)));
        }
    };
    field("name", before.name.clone(), after.name.clone());
    field("email", before.email.clone(), after.email.clone());
    field("roles", roles(before), roles(after));
    field(
        "kecamatan",
        before.kecamatan.clone().unwrap_or_default(),
        after.kecamatan.clone().unwrap_or_default(),
    );
    field("logins", list(&before.logins), list(&after.logins));
    field("keys", before.keys.len().to_string(), after.keys.len().to_string());
    let until = |p: &Person| p.active_until.map(|d| d.to_string()).unwrap_or_default();
    field("active_until", until(before), until(after));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[newsroom]\nname = \"N\"\n\n[[kecamatan]]\nid = \"babadan\"\nname = \"Babadan\"\n\n[[kecamatan]]\nid = \"pulung\"\nname = \"Pulung\"\n\n[[people]]\nid = \"ana\"\nname = \"Ana\"\nemail = \"ana@x\"\nroles = [\"admin\"]\n";

    #[test]
    fn excel_semicolons_quotes_and_line_breaks_are_read() {
        let rows = read("\u{feff}id;name\r\nsari;\"Sari; S.Sos\"\r\n\r\nbudi;\"Budi \"\"B\"\"\nWibowo\"\r\nrina;Rina")
            .unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].cells, ["sari", "Sari; S.Sos"]);
        assert_eq!((rows[2].line, rows[2].cells[1].as_str()), (4, "Budi \"B\"\nWibowo"));
        assert_eq!(rows[3].line, 6);
        assert_eq!(read("id,name\na,\"open").unwrap_err().line, 2);
    }

    #[test]
    fn rows_become_people_and_a_bad_row_names_its_line() {
        let config = Config::parse(TEXT).unwrap();
        let csv = "id;name;email;roles;kecamatan;logins;active_until;key\nsari;Sari;sari@x;;Babadan;sari;31/03/2025;\nana;;;admin approver;;;;\n";
        let (change, report) = plan(csv, &config).unwrap();
        let Change::Import(people) = change else { panic!() };
        assert_eq!(people[0].kecamatan.as_deref(), Some("babadan"));
        assert_eq!(people[0].active_until, Some(jiff::civil::date(2025, 3, 31)));
        assert!(matches!(report[0], (2, Planned::Add(_))));
        assert!(matches!(&report[1], (3, Planned::Change(_, after)) if after.roles == [Role::Admin, Role::Approver]));
        let cases = [
            (
                "id,name,kecamatan\nsari,Sari,pulung\nsari,Sari 2,pulung\n",
                3,
                RowProblem::Twice("sari".into()),
            ),
            (
                "id,name,kecamatan\nsari,Sari,Sawoo\n",
                2,
                RowProblem::Kecamatan("Sawoo".into()),
            ),
            (
                "id,name,active_until\nsari,Sari,soon\n",
                2,
                RowProblem::Date("soon".into()),
            ),
            ("id,name,roles\nsari,Sari,boss\n", 2, RowProblem::Role("boss".into())),
            ("id,name\n\nsari,\n", 3, RowProblem::NoName),
            ("id,nama\n", 1, RowProblem::UnknownColumn("nama".into())),
            (
                "id,name,key\nsari,Sari,ssh-ed25519 AAAA\n",
                2,
                RowProblem::Key(KeyProblem::Mismatch),
            ),
            (
                "id,name,kecamatan,logins\nsari,Sari,babadan,x\nbudi,Budi,babadan,x\n",
                3,
                RowProblem::Admin(AdminError::LoginTaken("x".into(), "sari".into())),
            ),
            (
                "id,name\nsari,Sari\n",
                2,
                RowProblem::Admin(AdminError::AuthorNeedsKecamatan("sari".into())),
            ),
        ];
        for (csv, line, problem) in cases {
            assert_eq!(plan(csv, &config).unwrap_err(), ImportError { line, problem }, "{csv}");
        }
    }

    #[test]
    fn dates_as_spreadsheets_write_them() {
        assert_eq!(date("2025-03-31"), Some(jiff::civil::date(2025, 3, 31)));
        assert_eq!(date("1/4/2025"), Some(jiff::civil::date(2025, 4, 1)));
        assert_eq!(date("31-03-2025"), Some(jiff::civil::date(2025, 3, 31)));
        assert_eq!(date("31/02/2025"), None);
        assert_eq!(date("03/31/25"), None);
    }
}
