//! Running the newsroom: the changes an admin makes to people, keys, kecamatan and tags,
//! planned as a new configuration and checked before anything is written.
//!
//! `plan` turns one change into the configuration it leads to and the `warta.toml`
//! text that says it (written by `config_write`, so comments survive); the store
//! commits the text (`Newsroom::commit_config`). Nothing here reads a clock: the caller
//! passes today's date in the newsroom's zone.

use jiff::civil::Date;

use super::config::{Config, Kecamatan, Person, Role, is_id, key_material};
use super::sshkey::{self, KeyProblem};

/// Who a change of term applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Group {
    /// One person.
    Person(String),
    /// Every author.
    Authors,
    /// Every author of one kecamatan.
    Kecamatan(String),
}

/// One change an admin makes; each is one commit.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Add a person.
    AddPerson(Person),
    /// Replace a person's fields (matched by id; the id itself stays).
    EditPerson(Person),
    /// Set the last day of access for a group (`None`: no end).
    SetTerm {
        /// Who.
        group: Group,
        /// The last active day.
        until: Option<Date>,
    },
    /// Take a person out of `warta.toml`.
    RemovePerson(String),
    /// Add SSH public keys to a person.
    AddKeys {
        /// The person.
        person: String,
        /// The key lines as pasted.
        keys: Vec<String>,
    },
    /// Remove one key of a person (0-based).
    RemoveKey {
        /// The person.
        person: String,
        /// Which key.
        index: usize,
    },
    /// Add kecamatan.
    AddKecamatan(Vec<Kecamatan>),
    /// Give a kecamatan another display name.
    RenameKecamatan {
        /// Its id (unchanged).
        id: String,
        /// The new name.
        name: String,
    },
    /// Add words to the tag vocabulary.
    AddTags(Vec<String>),
    /// Remove words from the tag vocabulary.
    RemoveTags(Vec<String>),
    /// Add or update many people at once (`people import`).
    Import(Vec<Person>),
}

/// Why a change is refused; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdminError {
    /// The actor is not an active admin.
    #[error("only an admin may change warta.toml")]
    NotAdmin,
    /// No such person.
    #[error("no person {0:?}")]
    UnknownPerson(String),
    /// The id is taken.
    #[error("person {0:?} exists already")]
    PersonExists(String),
    /// No such kecamatan.
    #[error("no kecamatan {0:?}")]
    UnknownKecamatan(String),
    /// The kecamatan id is taken.
    #[error("kecamatan {0:?} exists already")]
    KecamatanExists(String),
    /// An id with other characters than a-z, 0-9 and -.
    #[error("{0:?}: ids use only a-z, 0-9 and -")]
    BadId(String),
    /// A name that is empty or holds control characters.
    #[error("a name must be one line of text")]
    BadName,
    /// An author without a kecamatan.
    #[error("author {0:?} needs a kecamatan")]
    AuthorNeedsKecamatan(String),
    /// A login held by someone else.
    #[error("login {0:?} belongs to {1:?}")]
    LoginTaken(String, String),
    /// An email held by someone else (verify knows people by their email).
    #[error("email {0:?} belongs to {1:?}")]
    EmailTaken(String, String),
    /// A key line that is not a public key.
    #[error("key {0}: {1}")]
    BadKey(usize, KeyProblem),
    /// A key someone already has.
    #[error("this key belongs to {0:?} already")]
    KeyTaken(String),
    /// No key with that number.
    #[error("{0:?} has no key number {1}")]
    NoSuchKey(String, usize),
    /// A tag word with other characters than a-z, 0-9 and -.
    #[error("tag {0:?}: a-z, 0-9 and - only")]
    BadTag(String),
    /// A tag already in the vocabulary.
    #[error("tag {0:?} exists already")]
    TagExists(String),
    /// A tag not in the vocabulary.
    #[error("no tag {0:?}")]
    UnknownTag(String),
    /// The change would leave no active admin.
    #[error("the newsroom would have no active admin left")]
    NoAdminLeft,
    /// The change changes nothing.
    #[error("nothing changes")]
    Unchanged,
    /// The group has nobody in it.
    #[error("nobody in that group")]
    EmptyGroup,
    /// The changed configuration does not read back (a check of the reader failed).
    #[error("warta.toml would be invalid: {0}")]
    Invalid(String),
    /// The text is in a form the writer cannot change safely.
    #[error("warta.toml is written in a form these commands cannot change")]
    Unwritable,
}

/// A planned change: the new configuration and text, and a one-line summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The configuration after the change.
    pub config: Config,
    /// The `warta.toml` text after the change.
    pub text: String,
    /// A short English summary for the commit subject.
    pub summary: String,
}

/// Whether some person is an admin, active on `today`.
#[must_use]
pub fn has_active_admin(config: &Config, today: Date) -> bool {
    config.people.iter().any(|p| p.has(Role::Admin) && p.active_on(today))
}

/// Whether `actor` may change `warta.toml` on `today`.
#[must_use]
pub fn may_administer(config: &Config, actor: &str, today: Date) -> bool {
    config
        .person(actor)
        .is_some_and(|p| p.has(Role::Admin) && p.active_on(today))
}

/// A kecamatan id made from a name: `Sukorejo` → `sukorejo`, `Pulung Merdiko` →
/// `pulung-merdiko`.
#[must_use]
pub fn id_from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Kecamatan from a list, one a line: `Name` (the id made from it), or `id,Name`,
/// `id;Name` or `id<TAB>Name`. Blank lines and `#` comments are skipped; a bad line is
/// reported with its 1-based number.
pub fn kecamatan_list(text: &str) -> Result<Vec<Kecamatan>, (usize, AdminError)> {
    let mut out: Vec<Kecamatan> = Vec::new();
    for (i, line) in text.strip_prefix('\u{feff}').unwrap_or(text).lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, name) = match line.split_once([',', ';', '\t']) {
            Some((id, name)) => (id.trim().to_string(), name.trim().trim_matches('"').to_string()),
            None => (id_from_name(line), line.to_string()),
        };
        let at = |e| (i + 1, e);
        if !is_id(&id) {
            return Err(at(AdminError::BadId(id)));
        }
        check_name(&name).map_err(at)?;
        if out.iter().any(|k| k.id == id) {
            return Err(at(AdminError::KecamatanExists(id)));
        }
        out.push(Kecamatan { id, name });
    }
    Ok(out)
}

/// Checked key lines in the form stored.
fn keys(lines: &[String]) -> Result<Vec<String>, AdminError> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            sshkey::parse(l)
                .map(|k| k.line())
                .map_err(|e| AdminError::BadKey(i + 1, e))
        })
        .collect()
}

fn check_name(name: &str) -> Result<(), AdminError> {
    if name.trim().is_empty() || name.contains(['\n', '\r']) || !super::text::is_clean_line(name) {
        return Err(AdminError::BadName);
    }
    Ok(())
}

/// Check a person's own fields against the rest of the newsroom (`others`).
fn check_person(p: &Person, config: &Config) -> Result<(), AdminError> {
    if !is_id(&p.id) {
        return Err(AdminError::BadId(p.id.clone()));
    }
    check_name(&p.name)?;
    if !p.email.is_empty() {
        check_name(&p.email)?;
    }
    match &p.kecamatan {
        Some(k) if config.kecamatan(k).is_none() => return Err(AdminError::UnknownKecamatan(k.clone())),
        None if p.has(Role::Author) => return Err(AdminError::AuthorNeedsKecamatan(p.id.clone())),
        _ => {}
    }
    let others = config.people.iter().filter(|o| o.id != p.id);
    for o in others {
        if let Some(l) = p.logins.iter().find(|l| o.logins.contains(l)) {
            return Err(AdminError::LoginTaken(l.clone(), o.id.clone()));
        }
        if !p.email.is_empty() && p.email.eq_ignore_ascii_case(&o.email) {
            return Err(AdminError::EmailTaken(p.email.clone(), o.id.clone()));
        }
        if p.keys
            .iter()
            .any(|k| o.keys.iter().any(|ok| key_material(ok) == key_material(k)))
        {
            return Err(AdminError::KeyTaken(o.id.clone()));
        }
    }
    for (i, l) in p.logins.iter().enumerate() {
        if l.is_empty() || l.contains(char::is_whitespace) || !super::text::is_clean_line(l) {
            return Err(AdminError::BadName);
        }
        if p.logins[..i].contains(l) {
            return Err(AdminError::LoginTaken(l.clone(), p.id.clone()));
        }
    }
    for (i, k) in p.keys.iter().enumerate() {
        if p.keys[..i].iter().any(|x| key_material(x) == key_material(k)) {
            return Err(AdminError::KeyTaken(p.id.clone()));
        }
    }
    Ok(())
}

/// A person as given, made ready to store: keys checked and normalised, the email
/// defaulted to `<id>@localhost` (commits are signed with it and `verify` knows people
/// by it, so everyone needs one).
fn ready(mut p: Person) -> Result<Person, AdminError> {
    p.name = p.name.trim().to_string();
    p.email = p.email.trim().to_string();
    if p.email.is_empty() {
        p.email = format!("{}@localhost", p.id);
    }
    p.keys = keys(&p.keys)?;
    let mut roles = Vec::new();
    for r in p.roles {
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    p.roles = roles;
    Ok(p)
}

fn person_mut<'a>(c: &'a mut Config, id: &str) -> Result<&'a mut Person, AdminError> {
    c.people
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| AdminError::UnknownPerson(id.to_string()))
}

/// The configuration a change leads to, with a summary; refuses what the rules or the
/// reader would refuse.
pub fn apply(config: &Config, change: &Change) -> Result<(Config, String), AdminError> {
    let mut c = config.clone();
    let summary = match change {
        Change::AddPerson(p) => {
            if c.person(&p.id).is_some() {
                return Err(AdminError::PersonExists(p.id.clone()));
            }
            let p = ready(p.clone())?;
            check_person(&p, &c)?;
            c.people.push(p.clone());
            format!("add person {}", p.id)
        }
        Change::EditPerson(p) => {
            let p = ready(p.clone())?;
            check_person(&p, &c)?;
            *person_mut(&mut c, &p.id)? = p.clone();
            format!("edit person {}", p.id)
        }
        Change::SetTerm { group, until } => {
            let members: Vec<String> = match group {
                Group::Person(id) => vec![person_mut(&mut c, id)?.id.clone()],
                Group::Authors => c
                    .people
                    .iter()
                    .filter(|p| p.has(Role::Author))
                    .map(|p| p.id.clone())
                    .collect(),
                Group::Kecamatan(k) => {
                    if c.kecamatan(k).is_none() {
                        return Err(AdminError::UnknownKecamatan(k.clone()));
                    }
                    c.people
                        .iter()
                        .filter(|p| p.has(Role::Author) && p.kecamatan.as_deref() == Some(k))
                        .map(|p| p.id.clone())
                        .collect()
                }
            };
            if members.is_empty() {
                return Err(AdminError::EmptyGroup);
            }
            for id in &members {
                person_mut(&mut c, id)?.active_until = *until;
            }
            let when = until.map_or_else(|| "no end".to_string(), |d| d.to_string());
            match group {
                Group::Person(id) => format!("term of {id} until {when}"),
                Group::Authors => format!("term of all {} authors until {when}", members.len()),
                Group::Kecamatan(k) => format!("term of authors of {k} until {when}"),
            }
        }
        Change::RemovePerson(id) => {
            person_mut(&mut c, id)?;
            c.people.retain(|p| &p.id != id);
            format!("remove person {id}")
        }
        Change::AddKeys { person, keys: lines } => {
            let new = keys(lines)?;
            let p = person_mut(&mut c, person)?;
            p.keys.extend(new);
            let p = p.clone();
            check_person(&p, &c)?;
            format!("add {} key(s) of {person}", lines.len())
        }
        Change::RemoveKey { person, index } => {
            let p = person_mut(&mut c, person)?;
            if *index >= p.keys.len() {
                return Err(AdminError::NoSuchKey(person.clone(), index.wrapping_add(1)));
            }
            p.keys.remove(*index);
            format!("remove key {} of {person}", index + 1)
        }
        Change::AddKecamatan(list) => {
            for k in list {
                if !is_id(&k.id) {
                    return Err(AdminError::BadId(k.id.clone()));
                }
                check_name(&k.name)?;
                if c.kecamatan(&k.id).is_some() {
                    return Err(AdminError::KecamatanExists(k.id.clone()));
                }
                c.kecamatan.push(Kecamatan {
                    id: k.id.clone(),
                    name: k.name.trim().to_string(),
                });
            }
            match list.as_slice() {
                [one] => format!("add kecamatan {}", one.id),
                _ => format!("add {} kecamatan", list.len()),
            }
        }
        Change::RenameKecamatan { id, name } => {
            check_name(name)?;
            let k = c
                .kecamatan
                .iter_mut()
                .find(|k| &k.id == id)
                .ok_or_else(|| AdminError::UnknownKecamatan(id.clone()))?;
            k.name = name.trim().to_string();
            format!("rename kecamatan {id}")
        }
        Change::AddTags(tags) => {
            for t in tags {
                if !is_id(t) {
                    return Err(AdminError::BadTag(t.clone()));
                }
                if c.tags.contains(t) {
                    return Err(AdminError::TagExists(t.clone()));
                }
                c.tags.push(t.clone());
            }
            format!("add tags {}", tags.join(" "))
        }
        Change::RemoveTags(tags) => {
            for t in tags {
                if !c.tags.contains(t) {
                    return Err(AdminError::UnknownTag(t.clone()));
                }
                c.tags.retain(|x| x != t);
            }
            format!("remove tags {}", tags.join(" "))
        }
        Change::Import(people) => {
            let (mut added, mut changed) = (0, 0);
            for p in people {
                let p = ready(p.clone())?;
                match c.people.iter_mut().find(|o| o.id == p.id) {
                    Some(o) => {
                        changed += usize::from(*o != p);
                        *o = p.clone();
                    }
                    None => {
                        added += 1;
                        c.people.push(p.clone());
                    }
                }
            }
            for p in people {
                let p = c.person(&p.id).cloned().ok_or(AdminError::Unwritable)?;
                check_person(&p, &c)?;
            }
            format!("import people: {added} added, {changed} changed")
        }
    };
    if c == *config {
        return Err(AdminError::Unchanged);
    }
    Ok((c, summary))
}

/// Plan a change on `text` (which parses as `config`), as `actor` on `today`.
pub fn plan(text: &str, config: &Config, actor: &str, today: Date, change: &Change) -> Result<Planned, AdminError> {
    if !may_administer(config, actor, today) {
        return Err(AdminError::NotAdmin);
    }
    let (new, summary) = apply(config, change)?;
    if !has_active_admin(&new, today) {
        return Err(AdminError::NoAdminLeft);
    }
    let text = super::config_write::rewrite(text, config, &new).ok_or(AdminError::Unwritable)?;
    let read = Config::parse(&text).map_err(|e| AdminError::Invalid(e.to_string()))?;
    if read != new {
        return Err(AdminError::Unwritable);
    }
    Ok(Planned {
        config: read,
        text,
        summary,
    })
}

/// What an admin should look at: accounts that end soon, kecamatan nobody writes for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Warnings {
    /// Active people whose last day is within the window: id and last day, soonest first.
    pub expiring: Vec<(String, Date)>,
    /// Kecamatan ids without an active author.
    pub uncovered: Vec<String>,
}

/// Days ahead that count as "ending soon".
pub const EXPIRY_WINDOW_DAYS: i32 = 14;

/// The warnings on `today`: accounts ending within `days` days, kecamatan uncovered.
#[must_use]
pub fn warnings(config: &Config, today: Date, days: i32) -> Warnings {
    let horizon = today.checked_add(jiff::Span::new().days(days)).unwrap_or(today);
    let mut expiring: Vec<(String, Date)> = config
        .people
        .iter()
        .filter_map(|p| p.active_until.map(|d| (p, d)))
        .filter(|(_, d)| *d >= today && *d <= horizon)
        .map(|(p, d)| (p.id.clone(), d))
        .collect();
    expiring.sort_by_key(|(id, d)| (*d, id.clone()));
    let uncovered = config
        .kecamatan
        .iter()
        .filter(|k| {
            !config
                .people
                .iter()
                .any(|p| p.has(Role::Author) && p.active_on(today) && p.kecamatan.as_deref() == Some(&k.id))
        })
        .map(|k| k.id.clone())
        .collect();
    Warnings { expiring, uncovered }
}

/// The day before `today`: the last active day of an account deactivated today.
#[must_use]
pub fn yesterday(today: Date) -> Date {
    today.yesterday().unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG/kunkxnBUUDIsp6brYzSL6wC6+ug1BEITzdZHpyCSA sari@hp";
    const TEXT: &str = "[newsroom]\nname = \"N\"\n\n[[kecamatan]]\nid = \"babadan\"\nname = \"Babadan\"\n\n[[people]]\nid = \"ana\"\nname = \"Ana\"\nemail = \"ana@x\"\nroles = [\"admin\"]\n";

    fn today() -> Date {
        jiff::civil::date(2024, 11, 1)
    }

    fn person(id: &str) -> Person {
        Person {
            id: id.into(),
            name: id.to_uppercase(),
            email: String::new(),
            roles: vec![Role::Author],
            kecamatan: Some("babadan".into()),
            logins: vec![],
            keys: vec![KEY.into()],
            active_until: None,
            language: None,
        }
    }

    fn run(change: &Change) -> Result<Planned, AdminError> {
        plan(TEXT, &Config::parse(TEXT).unwrap(), "ana", today(), change)
    }

    #[test]
    fn changes_lead_to_the_configuration_they_say() {
        let p = run(&Change::AddPerson(person("sari"))).unwrap();
        assert_eq!(p.config.people[1].email, "sari@localhost");
        assert!(p.text.starts_with(TEXT), "{}", p.text);
        let text = p.text;
        let c = Config::parse(&text).unwrap();
        let term = plan(
            &text,
            &c,
            "ana",
            today(),
            &Change::SetTerm {
                group: Group::Kecamatan("babadan".into()),
                until: Some(jiff::civil::date(2024, 11, 10)),
            },
        )
        .unwrap();
        let w = warnings(&term.config, today(), EXPIRY_WINDOW_DAYS);
        assert_eq!(w.expiring, vec![("sari".to_string(), jiff::civil::date(2024, 11, 10))]);
        assert!(w.uncovered.is_empty());
        let w = warnings(&term.config, jiff::civil::date(2024, 11, 11), EXPIRY_WINDOW_DAYS);
        assert_eq!(w.uncovered, vec!["babadan".to_string()]);
    }

    #[test]
    fn refusals_name_their_reason() {
        let mut no_kec = person("budi");
        no_kec.kecamatan = None;
        let mut bad_key = person("budi");
        bad_key.keys = vec!["command=\"sh\" ssh-ed25519 AAAA".into()];
        let mut taken = person("budi");
        taken.email = "ANA@x".into();
        let cases = [
            (Change::AddPerson(person("ana")), AdminError::PersonExists("ana".into())),
            (Change::AddPerson(person("Bad Id")), AdminError::BadId("Bad Id".into())),
            (
                Change::AddPerson(no_kec),
                AdminError::AuthorNeedsKecamatan("budi".into()),
            ),
            (
                Change::AddPerson(bad_key),
                AdminError::BadKey(1, KeyProblem::Type("command=\"sh\"".into())),
            ),
            (
                Change::AddPerson(taken),
                AdminError::EmailTaken("ANA@x".into(), "ana".into()),
            ),
            (Change::RemovePerson("ana".into()), AdminError::NoAdminLeft),
            (
                Change::SetTerm {
                    group: Group::Person("ana".into()),
                    until: Some(yesterday(today())),
                },
                AdminError::NoAdminLeft,
            ),
            (
                Change::SetTerm {
                    group: Group::Authors,
                    until: None,
                },
                AdminError::EmptyGroup,
            ),
            (
                Change::AddTags(vec!["Two Words".into()]),
                AdminError::BadTag("Two Words".into()),
            ),
            (Change::RemoveTags(vec!["x".into()]), AdminError::UnknownTag("x".into())),
            (
                Change::RenameKecamatan {
                    id: "babadan".into(),
                    name: "Babadan".into(),
                },
                AdminError::Unchanged,
            ),
        ];
        for (change, want) in cases {
            assert_eq!(run(&change), Err(want), "{change:?}");
        }
        let c = Config::parse(TEXT).unwrap();
        assert_eq!(
            plan(TEXT, &c, "nobody", today(), &Change::AddTags(vec!["x".into()])),
            Err(AdminError::NotAdmin)
        );
    }

    #[test]
    fn kecamatan_ids_come_from_names() {
        assert_eq!(id_from_name("Sukorejo"), "sukorejo");
        assert_eq!(id_from_name("  Pulung  Merdiko "), "pulung-merdiko");
    }
}
