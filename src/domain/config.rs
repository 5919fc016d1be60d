//! `warta.toml`: the newsroom, its kecamatan, people, roles, tags and rules.
//!
//! Parsing validates everything the workflow relies on and names the key and line
//! of the first problem it finds.

use serde::Deserialize;
use toml::Spanned;

use super::item::line_of;

/// A role a person may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Writes items for one kecamatan.
    Author,
    /// Edits and comments on any item; cannot approve.
    Editor,
    /// Reviews, approves and publishes.
    Approver,
    /// Manages `warta.toml`.
    Admin,
}

impl Role {
    /// The id used in `warta.toml`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Author => "author",
            Self::Editor => "editor",
            Self::Approver => "approver",
            Self::Admin => "admin",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Author, Self::Editor, Self::Approver, Self::Admin]
            .into_iter()
            .find(|r| r.id() == s)
    }
}

/// A person of the newsroom.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Id used in logs and commands.
    pub id: String,
    /// Full name with titles.
    pub name: String,
    /// Email for commits.
    pub email: String,
    /// Roles held.
    pub roles: Vec<Role>,
    /// Kecamatan id (required for authors).
    pub kecamatan: Option<String>,
    /// OS login names that map to this person.
    pub logins: Vec<String>,
    /// SSH public keys.
    pub keys: Vec<String>,
    /// Last day of write access (`YYYY-MM-DD`), if the account expires.
    pub active_until: Option<jiff::civil::Date>,
    /// Preferred UI language.
    pub language: Option<String>,
}

impl Person {
    /// Whether the person holds a role.
    #[must_use]
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether the account is active on `today`.
    #[must_use]
    pub fn active_on(&self, today: jiff::civil::Date) -> bool {
        self.active_until.is_none_or(|d| today <= d)
    }
}

/// A kecamatan (sub-district).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Kecamatan {
    /// Id used in items.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The `[newsroom]` table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsroomSettings {
    /// Display name.
    pub name: String,
    /// Default UI language: `id` or `en`.
    #[serde(default = "default_language")]
    pub language: String,
    /// IANA time zone for dates shown and written.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// The branch warta reads and writes.
    #[serde(default = "default_branch")]
    pub branch: String,
    /// Whether an approver may approve their own item.
    #[serde(default)]
    pub allow_self_approval: bool,
    /// Dateline template for new items.
    #[serde(default)]
    pub dateline: String,
    /// Closing line for new items.
    #[serde(default)]
    pub closing: String,
}

fn default_language() -> String {
    "id".into()
}
fn default_timezone() -> String {
    "Asia/Jakarta".into()
}
fn default_branch() -> String {
    "main".into()
}

/// A validated `warta.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The `[newsroom]` settings.
    pub newsroom: NewsroomSettings,
    /// Kecamatan in file order.
    pub kecamatan: Vec<Kecamatan>,
    /// People in file order.
    pub people: Vec<Person>,
    /// Tag vocabulary.
    pub tags: Vec<String>,
    /// The `[rules]` table, as written.
    pub rules: toml::Table,
    /// The `[targets]` table: what each Panwascam should reach (the evaluation report).
    pub targets: Targets,
    /// The `[site]` table: where published items live on the web.
    pub site: SiteSettings,
    /// The `[social]` table: hashtags every social media text carries.
    pub social: SocialSettings,
    /// The `[publish]` table: what runs after each publish.
    pub publish: PublishSettings,
    /// The `[spelling]` table: the dictionary and the newsroom's own words.
    pub spelling: SpellingSettings,
    /// The `[photos]` table: what photos a newsroom takes in (`domain/photo.rs`).
    pub photos: PhotoSettings,
}

/// The `[photos]` table; an absent key takes the default of `photo::Limits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoSettings {
    /// Largest photo file, in bytes.
    pub max_bytes: Option<u64>,
    /// Most pixels (width × height) of a photo.
    pub max_pixels: Option<u64>,
    /// Most photos one item may carry.
    pub max_per_item: Option<usize>,
}

/// The `[targets]` table: output each kecamatan should reach, for `warta report`.
///
/// Each is a positive number no larger than 1,000 (an absurd target is a typo); an absent
/// one is simply not judged.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Targets {
    /// New items published per week.
    pub published_per_week: Option<f64>,
    /// Posts recorded (`shared` events) per day.
    pub posts_per_day: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    published_per_week: Option<Spanned<f64>>,
    posts_per_day: Option<Spanned<f64>>,
}

/// The `[site]` table.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    /// The website's address (`https://…`), without a trailing `/`; empty when not set.
    /// An item lives at `<base_url>/berita/<slug>/`.
    #[serde(default)]
    pub base_url: String,
    /// The website's name; the newsroom's name when empty.
    #[serde(default)]
    pub title: String,
}

/// The `[social]` table.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocialSettings {
    /// Hashtags added to every post after the item's own, written without `#`.
    #[serde(default)]
    pub hashtags: Vec<String>,
}

/// The `[publish]` table.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishSettings {
    /// A shell command run after each publish commit on the machine that holds the
    /// newsroom (`sh -c`), with `WARTA_SLUG` in its environment; empty: none.
    #[serde(default)]
    pub command: String,
    /// The wording of a correction note on the public page: `{note}` is the note,
    /// `{date}` the day the correction was published; empty: "Ralat ({date}): {note}"
    /// (`domain::correction`).
    #[serde(default)]
    pub correction_note: String,
}

/// At most this many hashtags in `[social] hashtags` (Instagram's limit per post).
pub const MAX_SOCIAL_HASHTAGS: usize = 30;

/// Whether `s` is an acceptable `[site] base_url`: `http(s)://host…`, no spaces, quotes,
/// angle brackets or control characters (it is written into HTML, XML and posts).
#[must_use]
pub fn is_base_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split('/').next().unwrap_or("");
        !host.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`' | '#' | '?'))
    })
}

/// Whether `s` is an acceptable hashtag word (without `#`): letters, digits and `_`.
#[must_use]
pub fn is_hashtag(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// A problem in `warta.toml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("warta.toml line {line}: {key}: {problem}")]
pub struct ConfigError {
    /// 1-based line.
    pub line: usize,
    /// The key at fault (`people[2].roles`).
    pub key: String,
    /// What is wrong.
    pub problem: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    newsroom: NewsroomSettings,
    #[serde(default)]
    kecamatan: Vec<Spanned<Kecamatan>>,
    #[serde(default)]
    people: Vec<RawPerson>,
    #[serde(default)]
    tags: RawTags,
    #[serde(default)]
    rules: toml::Table,
    #[serde(default)]
    targets: RawTargets,
    #[serde(default)]
    site: SiteSettings,
    #[serde(default)]
    social: SocialSettings,
    #[serde(default)]
    publish: PublishSettings,
    #[serde(default)]
    spelling: SpellingSettings,
    #[serde(default)]
    photos: PhotoSettings,
}

#[derive(Deserialize, Default)]
struct RawTags {
    #[serde(default)]
    vocabulary: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    kecamatan: Option<Spanned<String>>,
    #[serde(default)]
    logins: Vec<Spanned<String>>,
    #[serde(default)]
    keys: Vec<Spanned<String>>,
    active_until: Option<Spanned<toml::value::Datetime>>,
    language: Option<String>,
}

/// Whether `s` is an id of `warta.toml`: a-z, 0-9 and `-`, not empty.
#[must_use]
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Config {
    /// Parse and validate `warta.toml`.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let bytes = text.as_bytes();
        let at = |span: std::ops::Range<usize>| line_of(bytes, span.start);
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map_or(1, at),
            key: "warta.toml".into(),
            problem: e.message().trim().to_string(),
        })?;
        let err = |span: std::ops::Range<usize>, key: String, problem: &str| ConfigError {
            line: at(span),
            key,
            problem: problem.to_string(),
        };
        if jiff::tz::TimeZone::get(&raw.newsroom.timezone).is_err() {
            return Err(ConfigError {
                line: 1,
                key: "newsroom.timezone".into(),
                problem: format!("unknown time zone {:?}", raw.newsroom.timezone),
            });
        }
        let mut kecamatan = Vec::new();
        for (i, k) in raw.kecamatan.iter().enumerate() {
            if !is_id(&k.get_ref().id) {
                return Err(err(
                    k.span(),
                    format!("kecamatan[{i}].id"),
                    "ids use only a-z, 0-9 and -",
                ));
            }
            if kecamatan.iter().any(|x: &Kecamatan| x.id == k.get_ref().id) {
                return Err(err(k.span(), format!("kecamatan[{i}].id"), "duplicate kecamatan id"));
            }
            kecamatan.push(k.get_ref().clone());
        }
        let mut people: Vec<Person> = Vec::new();
        let mut seen_logins: Vec<String> = Vec::new();
        let mut seen_keys: Vec<String> = Vec::new();
        for (i, p) in raw.people.into_iter().enumerate() {
            let id = p.id.get_ref().clone();
            if !is_id(&id) {
                return Err(err(
                    p.id.span(),
                    format!("people[{i}].id"),
                    "ids use only a-z, 0-9 and -",
                ));
            }
            if people.iter().any(|x| x.id == id) {
                return Err(err(
                    p.id.span(),
                    format!("people[{i}].id"),
                    &format!("duplicate person id {id:?}"),
                ));
            }
            let mut roles = Vec::new();
            for r in &p.roles {
                let Some(role) = Role::parse(r.get_ref()) else {
                    return Err(err(
                        r.span(),
                        format!("people[{i}].roles"),
                        &format!("unknown role {:?} (author, editor, approver, admin)", r.get_ref()),
                    ));
                };
                roles.push(role);
            }
            let kec = p.kecamatan.as_ref().map(|k| k.get_ref().clone());
            if let Some(k) = &p.kecamatan {
                if !kecamatan.iter().any(|x| &x.id == k.get_ref()) {
                    return Err(err(
                        k.span(),
                        format!("people[{i}].kecamatan"),
                        &format!("unknown kecamatan {:?}", k.get_ref()),
                    ));
                }
            } else if roles.contains(&Role::Author) {
                return Err(err(
                    p.id.span(),
                    format!("people[{i}].kecamatan"),
                    "an author needs a kecamatan",
                ));
            }
            for l in &p.logins {
                if seen_logins.contains(l.get_ref()) {
                    return Err(err(
                        l.span(),
                        format!("people[{i}].logins"),
                        &format!("login {:?} is listed twice", l.get_ref()),
                    ));
                }
                seen_logins.push(l.get_ref().clone());
            }
            for k in &p.keys {
                let key_body = key_material(k.get_ref());
                if seen_keys.contains(&key_body) {
                    return Err(err(k.span(), format!("people[{i}].keys"), "this key is listed twice"));
                }
                seen_keys.push(key_body);
            }
            let active_until = match &p.active_until {
                None => None,
                Some(d) => {
                    let v = d.get_ref();
                    match (&v.date, &v.time, &v.offset) {
                        (Some(date), None, None) => Some(
                            jiff::civil::Date::new(
                                i16::try_from(date.year).unwrap_or(i16::MAX),
                                i8::try_from(date.month).unwrap_or(0),
                                i8::try_from(date.day).unwrap_or(0),
                            )
                            .map_err(|_| err(d.span(), format!("people[{i}].active_until"), "not a real date"))?,
                        ),
                        _ => {
                            return Err(err(
                                d.span(),
                                format!("people[{i}].active_until"),
                                "must be a date like 2025-03-31",
                            ));
                        }
                    }
                }
            };
            people.push(Person {
                id,
                name: p.name,
                email: p.email,
                roles,
                kecamatan: kec,
                logins: p.logins.into_iter().map(Spanned::into_inner).collect(),
                keys: p.keys.into_iter().map(Spanned::into_inner).collect(),
                active_until,
                language: p.language,
            });
        }
        let mut targets = Targets::default();
        for (name, raw_value, slot) in [
            (
                "published_per_week",
                &raw.targets.published_per_week,
                &mut targets.published_per_week,
            ),
            ("posts_per_day", &raw.targets.posts_per_day, &mut targets.posts_per_day),
        ] {
            if let Some(v) = raw_value {
                let n = *v.get_ref();
                if !(n > 0.0 && n <= 1000.0) {
                    return Err(err(
                        v.span(),
                        format!("targets.{name}"),
                        "must be a number above 0 and at most 1000",
                    ));
                }
                *slot = Some(n);
            }
        }
        let mut site = raw.site;
        site.base_url = site.base_url.trim().trim_end_matches('/').to_string();
        let whole = |key: &str, problem: String| ConfigError {
            line: 1,
            key: key.into(),
            problem,
        };
        if !site.base_url.is_empty() && !is_base_url(&site.base_url) {
            return Err(whole(
                "site.base_url",
                format!("{:?} is not an http:// or https:// address", site.base_url),
            ));
        }
        if !super::text::is_clean_line(&site.title) {
            return Err(whole("site.title", "control characters".into()));
        }
        let mut social = raw.social;
        for h in &mut social.hashtags {
            *h = h.trim().trim_start_matches('#').to_string();
            if !is_hashtag(h) {
                return Err(whole(
                    "social.hashtags",
                    format!("{h:?}: a hashtag holds only letters, digits and _"),
                ));
            }
        }
        if social.hashtags.len() > MAX_SOCIAL_HASHTAGS {
            return Err(whole(
                "social.hashtags",
                format!("at most {MAX_SOCIAL_HASHTAGS} hashtags"),
            ));
        }
        // Photos
        let p = raw.photos;
        if p.max_bytes == Some(0) || p.max_pixels == Some(0) || p.max_per_item == Some(0) {
            return Err(whole("photos", "a limit must be above 0".into()));
        }
        if raw.publish.command.contains('\0') {
            return Err(whole("publish.command", "a NUL character".into()));
        }
        let wording = &raw.publish.correction_note;
        if !wording.is_empty() && (!wording.contains("{note}") || !super::text::is_clean_line(wording)) {
            return Err(whole(
                "publish.correction_note",
                "one line holding {note} (and optionally {date})".into(),
            ));
        }
        Ok(Self {
            newsroom: raw.newsroom,
            kecamatan,
            people,
            tags: raw.tags.vocabulary,
            rules: raw.rules,
            targets,
            site,
            social,
            publish: raw.publish,
            spelling: raw.spelling,
            photos: raw.photos,
        })
    }

    /// A person by id.
    #[must_use]
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A kecamatan by id.
    #[must_use]
    pub fn kecamatan(&self, id: &str) -> Option<&Kecamatan> {
        self.kecamatan.iter().find(|k| k.id == id)
    }

    /// The newsroom's time zone (validated at parse time).
    #[must_use]
    pub fn timezone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.newsroom.timezone).unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// A starter config naming one admin, for `warta init`. The admin holds no other
    /// role: an admin who may also approve could write a commit that both changes who
    /// may act and acts, so approvers are added as people of their own.
    #[must_use]
    pub fn starter(admin_id: &str, admin_name: &str, admin_email: &str, login: &str) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        format!(
            "[newsroom]\nname = \"Bawaslu Kabupaten\"\nlanguage = \"id\"\ntimezone = \"Asia/Jakarta\"\nbranch = \"main\"\n\
             allow_self_approval = false\ndateline = \"Ponorogo, Bawaslu Kabupaten Ponorogo –\"\nclosing = \"(Humas)\"\n\n\
             [[people]]\nid = {}\nname = {}\nemail = {}\nroles = [\"admin\"]\nlogins = [{}]\n\n\
             [tags]\nvocabulary = [\"pilkada-2024\", \"pencegahan\", \"parmas\", \"humas\", \"sosialisasi\"]\n",
            q(admin_id),
            q(admin_name),
            q(admin_email),
            q(login)
        )
    }
}

/// The type and base64 of an SSH key line, without its comment.
#[must_use]
pub fn key_material(line: &str) -> String {
    line.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

/// The `[spelling]` table of `warta.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellingSettings {
    /// The Hunspell dictionary to use: a `.dic` file with its `.aff` beside it (or the
    /// path without extension). Empty: the system's `id_ID` dictionary.
    #[serde(default)]
    pub dictionary: String,
    /// The newsroom's own words, added by an approver or admin (`warta words add`).
    #[serde(default)]
    pub words: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "[newsroom]\nname = \"N\"\n\n[[kecamatan]]\nid = \"babadan\"\nname = \"Babadan\"\n\n";

    fn person(extra: &str) -> String {
        format!(
            "[[people]]\nid = \"sari\"\nname = \"Sari\"\nroles = [\"author\"]\nkecamatan = \"babadan\"\nlogins = [\"sari\"]\nkeys = [\"ssh-ed25519 AAAA sari@a\"]\n{extra}\n"
        )
    }

    #[test]
    fn valid_config_parses() {
        let c = Config::parse(&format!("{BASE}{}", person("active_until = 2025-03-31"))).unwrap();
        assert_eq!(c.people[0].roles, vec![Role::Author]);
        assert_eq!(c.people[0].active_until, Some(jiff::civil::date(2025, 3, 31)));
        assert_eq!(c.newsroom.branch, "main");
    }

    #[test]
    fn site_social_and_publish_are_read_and_normalised() {
        let c = Config::parse(&format!(
            "{BASE}[site]\nbase_url = \"https://bawaslu.example/ \"\n[social]\nhashtags = [\"#BawasluPonorogo\", \"AwasiPilkada\"]\n[publish]\ncommand = \"make site\"\n"
        ))
        .unwrap();
        assert_eq!(c.site.base_url, "https://bawaslu.example");
        assert_eq!(c.social.hashtags, ["BawasluPonorogo", "AwasiPilkada"]);
        assert_eq!(c.publish.command, "make site");
        let plain = Config::parse(BASE).unwrap();
        assert_eq!(plain.site, SiteSettings::default());
        assert!(plain.publish.command.is_empty());
        // A newsroom without a `[photos]` table (every one made before photos) still loads.
        assert_eq!(plain.photos, PhotoSettings::default());
        assert_eq!(plain.spelling, SpellingSettings::default());
    }

    #[test]
    fn a_newsroom_without_a_photos_table_takes_the_default_limits() {
        let c = Config::parse(BASE).unwrap();
        assert_eq!(c.photos, PhotoSettings::default());
    }

    #[test]
    fn errors_name_key_and_line() {
        let cases = [
            (
                format!("{BASE}[[people]]\nid = \"x\"\nname = \"X\"\nroles = [\"boss\"]\n"),
                11,
                "people[0].roles",
                "boss",
            ),
            (
                format!("{BASE}[[people]]\nid = \"x\"\nname = \"X\"\nroles = [\"author\"]\n"),
                9,
                "people[0].kecamatan",
                "author needs",
            ),
            (
                format!("{BASE}{}{}", person(""), person("")),
                17,
                "people[1].id",
                "duplicate",
            ),
            (
                format!(
                    "{BASE}{}[[people]]\nid = \"b\"\nname = \"B\"\nlogins = [\"sari\"]\n",
                    person("")
                ),
                19,
                "people[1].logins",
                "twice",
            ),
            (
                format!(
                    "{BASE}{}[[people]]\nid = \"b\"\nname = \"B\"\nkeys = [\"ssh-ed25519 AAAA other\"]\n",
                    person("")
                ),
                19,
                "people[1].keys",
                "twice",
            ),
            (
                format!("{BASE}{}", person("active_until = \"soon\"")),
                15,
                "warta.toml",
                "",
            ),
            (
                format!("{BASE}{}", person("active_until = 2025-03-31T10:00:00")),
                15,
                "active_until",
                "date",
            ),
            (format!("{BASE}{}", person("active_until = 2025-02-30")), 15, "", ""),
            (
                format!("{BASE}[site]\nbase_url = \"ftp://x\"\n"),
                1,
                "site.base_url",
                "not an http",
            ),
            (
                format!("{BASE}[site]\nbase_url = \"https://a.example/<script>\"\n"),
                1,
                "site.base_url",
                "",
            ),
            (
                format!("{BASE}[site]\nurl = \"https://a\"\n"),
                9,
                "warta.toml",
                "unknown field",
            ),
            (
                format!("{BASE}[social]\nhashtags = [\"ok\", \"two words\"]\n"),
                1,
                "social.hashtags",
                "letters",
            ),
            (
                format!("{BASE}[publish]\ncmd = \"x\"\n"),
                9,
                "warta.toml",
                "unknown field",
            ),
        ];
        for (text, line, key, word) in cases {
            let e = Config::parse(&text).unwrap_err();
            assert_eq!(e.line, line, "{e}");
            assert!(e.key.contains(key) && e.to_string().contains(word), "{e}");
        }
    }

    #[test]
    fn targets_are_read_and_validated() {
        let c = Config::parse(&format!(
            "{BASE}[targets]\npublished_per_week = 3\nposts_per_day = 0.5\n"
        ))
        .unwrap();
        assert_eq!(c.targets.published_per_week, Some(3.0));
        assert_eq!(c.targets.posts_per_day, Some(0.5));
        assert_eq!(Config::parse(BASE).unwrap().targets, Targets::default());
        for (body, line, key) in [
            ("published_per_week = 0", 9, "targets.published_per_week"),
            ("posts_per_day = -1", 9, "targets.posts_per_day"),
            ("posts_per_day = 5000", 9, "targets.posts_per_day"),
            ("posts_per_day = nan", 9, "targets.posts_per_day"),
            ("published_per_week = \"3\"", 9, "warta.toml"),
            ("per_month = 3", 9, "warta.toml"),
        ] {
            let e = Config::parse(&format!("{BASE}[targets]\n{body}\n")).unwrap_err();
            assert_eq!((e.line, e.key.as_str()), (line, key), "{body}: {e}");
        }
    }
}
