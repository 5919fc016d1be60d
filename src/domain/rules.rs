//! The rule book: what one action does to an item, or why it is refused.
//!
//! [`Rulebook::plan`] takes what a person asks ([`Intent`]), the item as it is
//! ([`Current`]), the newsroom's configuration, the actor and the time, and returns the
//! planned change (the item's new content, if it changes, and the one event the action
//! appends) or a refusal. It is the only place the rules of an action live: live actions
//! (`store/action.rs`) write what it plans, and `verify` and the push hook
//! (`store/history.rs`) replay every commit through it and report any difference
//! between what a commit wrote and what the action would have written.
//!
//! It does no IO and reads no clock: the caller passes the time in.

use super::config::{Config, Person};
use super::item::{Item, Photo};
use super::limits::{MAX_EVENTS, MAX_ITEM_BYTES, MAX_REVIEW_BYTES};
use super::lint::{self, Rules};
use super::review::{ActionKind, Event, Review, ReviewState, Status};
use super::workflow::{self, Context, Denial, ItemFacts};
use super::{slug, text};

/// Invalid requests, refused before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// No such item.
    UnknownItem(String),
    /// No such person id.
    UnknownPerson(String),
    /// No such kecamatan id.
    UnknownKecamatan(String),
    /// This action needs a message.
    MessageRequired(&'static str),
    /// The title is empty.
    EmptyTitle,
    /// A one-line field holds control characters.
    ControlCharacters(&'static str),
    /// No such paragraph.
    NoParagraph {
        /// Requested (1-based).
        asked: u32,
        /// How many the item has.
        count: usize,
    },
    /// No such thread.
    NoThread(u32),
    /// The thread is already resolved.
    AlreadyResolved(u32),
    /// Nobody known is acting.
    NoActor,
    /// The item would be larger than an item may be.
    TooLarge(usize),
    /// The review log holds as many events as a log may.
    LogFull,
    /// An item with this slug exists already (a second `create`).
    Exists(String),
    /// The slug is not one warta makes.
    BadSlug(String),
    /// An edit may not change who wrote the item.
    AuthorChanged,
    /// The content changed since the person read it (approve, request changes, reject,
    /// publish carry the content id they saw).
    ContentChanged {
        /// The content id the person saw.
        seen: String,
        /// The content id now.
        now: String,
    },
    /// A repair was asked for a log that reads well.
    NotDamaged,
    /// Not a channel posts are recorded for.
    UnknownChannel(String),
    /// Not an `http(s)://` address on one clean line.
    BadUrl,
    /// Publishing a correction needs the note readers will see.
    NoteRequired,
    /// Not one word that can go on a spelling list.
    BadWord(String),
    /// A photo refused (`domain/photo.rs`).
    Photo(super::photo::PhotoError),
}

/// Why the rule book refuses an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A permission or state rule.
    Denied(Denial),
    /// The request itself is invalid.
    Invalid(Invalid),
}

impl From<Denial> for Refusal {
    fn from(d: Denial) -> Self {
        Self::Denied(d)
    }
}

impl From<Invalid> for Refusal {
    fn from(i: Invalid) -> Self {
        Self::Invalid(i)
    }
}

/// What a person asks to do to one item.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Create the item `slug` with this content (its author becomes the actor).
    Create {
        /// The folder name.
        slug: String,
        /// The content.
        item: Item,
    },
    /// Replace the item's content (already merged with concurrent edits).
    Edit {
        /// The new content.
        item: Item,
    },
    /// Submit, withdraw, request changes, approve, reject, publish or discard.
    Transition {
        /// Which of the six.
        action: ActionKind,
        /// Note or reason.
        message: Option<String>,
        /// The content id the person saw when they decided, if known.
        seen: Option<String>,
    },
    /// Open a thread, on a paragraph or on the item.
    Comment {
        /// 1-based paragraph.
        paragraph: Option<u32>,
        /// The comment.
        text: String,
    },
    /// Reply in a thread.
    Reply {
        /// Thread number.
        thread: u32,
        /// The reply.
        text: String,
    },
    /// Resolve a thread.
    Resolve {
        /// Thread number.
        thread: u32,
    },
    /// Add a photo: `item` is the item with the photo `file` appended to its photos
    /// (the file itself has passed `photo::prepare` or, replayed, `photo::inspect`).
    Attach {
        /// The item with the photo added.
        item: Item,
        /// The photo's file name in the item's folder.
        file: String,
    },
    /// Record a post of the published item.
    Shared {
        /// One of [`CHANNELS`](super::review::CHANNELS).
        channel: String,
        /// The post's address (`https://…`).
        url: String,
    },
}

/// The item as it is before the action.
#[derive(Debug, Clone, Copy)]
pub struct Current<'a> {
    /// Its content.
    pub item: &'a Item,
    /// Its log.
    pub review: &'a Review,
    /// What the log replays to.
    pub state: &'a ReviewState,
    /// Tree id of its folder: the content approvals pin.
    pub content: &'a str,
}

impl<'a> Current<'a> {
    /// Whether the last approval still matches the content.
    #[must_use]
    pub fn approval_valid(&self) -> bool {
        matches!(self.state.status, Status::Approved | Status::Published)
            && self.state.approved_content.as_deref() == Some(self.content)
    }

    /// The facts the permission check needs.
    #[must_use]
    pub fn facts(&self) -> ItemFacts<'a> {
        ItemFacts {
            author: &self.item.front.author,
            kecamatan: &self.item.front.kecamatan,
            status: self.state.status,
            approval_valid: self.approval_valid(),
            public: self.state.public.is_some(),
            submitted_once: self.state.submitted_once,
        }
    }
}

/// What an action changes: the item's new content when it changes, and the event it
/// appends to the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The new content, `None` when the content stays.
    pub item: Option<Item>,
    /// The event to append.
    pub event: Event,
    /// One line for the commit message.
    pub summary: String,
}

/// The context every rule of one action is judged in: the configuration, who acts and
/// when. Built once per action (or per replayed commit).
#[derive(Debug, Clone)]
pub struct Rulebook<'a> {
    /// The newsroom's configuration.
    pub config: &'a Config,
    /// The person id acting.
    pub actor: &'a str,
    /// When, in the newsroom's time zone.
    pub now: jiff::Zoned,
}

/// RFC 3339 with offset, to the second.
#[must_use]
pub fn rfc3339(z: &jiff::Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

impl<'a> Rulebook<'a> {
    /// The rule book for `actor` acting at `now`.
    #[must_use]
    pub fn new(config: &'a Config, actor: &'a str, now: jiff::Zoned) -> Self {
        Self { config, actor, now }
    }

    /// The acting person, if known.
    #[must_use]
    pub fn person(&self) -> Option<&'a Person> {
        self.config.person(self.actor)
    }

    /// The permission check's context.
    #[must_use]
    pub fn context<'b>(&self, thread_opener: Option<&'b str>) -> Context<'b> {
        Context::new(self.config, self.now.date(), thread_opener)
    }

    /// The time stamp events of this action carry.
    #[must_use]
    pub fn at(&self) -> String {
        rfc3339(&self.now)
    }

    fn event(&self, action: ActionKind) -> Event {
        Event::new(self.at(), self.actor, action)
    }

    /// Plan one action on an item (`current` is `None` for an item that does not exist).
    ///
    /// `Ok(None)`: the action would change nothing (an edit to the same content).
    pub fn plan(&self, intent: &Intent, current: Option<&Current<'_>>) -> Result<Option<Planned>, Refusal> {
        let person = self.person();
        let planned = match (intent, current) {
            (Intent::Create { slug, .. }, Some(_)) => return Err(Invalid::Exists(slug.clone()).into()),
            (Intent::Create { slug, item }, None) => {
                if !slug::is_valid(slug) {
                    return Err(Invalid::BadSlug(slug.clone()).into());
                }
                let mut item = item.clone();
                item.front.title = item.front.title.trim().to_string();
                self.actor.clone_into(&mut item.front.author);
                check_fields(&item)?;
                self.known_kecamatan(&item.front.kecamatan)?;
                let facts = ItemFacts {
                    author: self.actor,
                    kecamatan: &item.front.kecamatan,
                    status: Status::Draft,
                    approval_valid: false,
                    public: false,
                    submitted_once: false,
                };
                workflow::check(ActionKind::Create, person, &facts, &self.context(None))?;
                check_size(&item)?;
                Planned {
                    summary: item.front.title.clone(),
                    item: Some(item),
                    event: self.event(ActionKind::Create),
                }
            }
            (_, None) => return Err(Invalid::UnknownItem(String::new()).into()),
            (Intent::Edit { item }, Some(cur)) => {
                workflow::check(ActionKind::Edit, person, &cur.facts(), &self.context(None))?;
                let mut item = item.clone();
                if item.front.author != cur.item.front.author {
                    return Err(Invalid::AuthorChanged.into());
                }
                item.front.title = item.front.title.trim().to_string();
                check_fields(&item)?;
                if item.front.kecamatan != cur.item.front.kecamatan {
                    // Moving an item is judged on where it goes as well as where it was.
                    self.known_kecamatan(&item.front.kecamatan)?;
                    let facts = ItemFacts {
                        kecamatan: &item.front.kecamatan,
                        ..cur.facts()
                    };
                    workflow::check(ActionKind::Edit, person, &facts, &self.context(None))?;
                }
                if item == *cur.item {
                    return Ok(None);
                }
                check_size(&item)?;
                Planned {
                    summary: item.front.title.clone(),
                    item: Some(item),
                    event: self.event(ActionKind::Edit),
                }
            }
            (Intent::Transition { action, message, seen }, Some(cur)) => {
                let message = message.as_deref().map(str::trim).filter(|m| !m.is_empty());
                if !matches!(
                    action,
                    ActionKind::Submit
                        | ActionKind::Withdraw
                        | ActionKind::RequestChanges
                        | ActionKind::Approve
                        | ActionKind::Reject
                        | ActionKind::Publish
                        | ActionKind::Correct
                        | ActionKind::Takedown
                        | ActionKind::Restore
                        | ActionKind::Discard
                ) {
                    return Err(Denial::State {
                        action: *action,
                        status: cur.state.status,
                    }
                    .into());
                }
                if message.is_none()
                    && matches!(
                        action,
                        ActionKind::RequestChanges | ActionKind::Reject | ActionKind::Takedown
                    )
                {
                    return Err(Invalid::MessageRequired(action.id()).into());
                }
                workflow::check(*action, person, &cur.facts(), &self.context(None))?;
                // A shortened id (as `git` prints them, at least 7 digits) is accepted.
                let same = |s: &str| s.len() >= 7 && cur.content.starts_with(s);
                if let Some(seen) = seen.as_deref().filter(|s| !same(s)) {
                    return Err(Invalid::ContentChanged {
                        seen: seen.to_string(),
                        now: cur.content.to_string(),
                    }
                    .into());
                }
                if *action == ActionKind::Approve {
                    let checks = Rules::from_config(self.config).check(cur.item, self.config);
                    let failing = lint::blocking(&checks);
                    if !failing.is_empty() {
                        return Err(Denial::Checklist {
                            rules: failing.iter().map(|r| r.id()).collect(),
                        }
                        .into());
                    }
                }
                // Publishing a correction records the note readers see: the approver's
                // words, else those the correction was started with (`correction.rs`).
                let message = if *action == ActionKind::Publish && cur.state.correcting() {
                    let note = message.or_else(|| super::correction::started_with(cur.review));
                    if note.is_none() {
                        return Err(Invalid::NoteRequired.into());
                    }
                    note
                } else {
                    message
                };
                let mut e = self.event(*action);
                e.message = message.map(str::to_string);
                if action.pins_content() {
                    e.content = Some(cur.content.to_string());
                }
                Planned {
                    item: None,
                    event: e,
                    summary: message.unwrap_or(&cur.item.front.title).to_string(),
                }
            }
            (Intent::Comment { paragraph, text }, Some(cur)) => {
                let text = required_text(text, ActionKind::Comment)?;
                workflow::check(ActionKind::Comment, person, &cur.facts(), &self.context(None))?;
                let mut e = self.event(ActionKind::Comment);
                if let Some(n) = paragraph {
                    let paras = cur.item.paragraphs();
                    let Some(p) = paras.get((*n as usize).wrapping_sub(1)) else {
                        return Err(Invalid::NoParagraph {
                            asked: *n,
                            count: paras.len(),
                        }
                        .into());
                    };
                    e.paragraph = Some(*n);
                    e.anchor = Some(super::review::anchor_of(p));
                }
                e.thread = Some(cur.state.threads.iter().map(|t| t.id).max().unwrap_or(0) + 1);
                e.message = Some(text.clone());
                Planned {
                    item: None,
                    event: e,
                    summary: text,
                }
            }
            (Intent::Attach { item, file }, Some(cur)) => self.plan_attach(item, file, cur)?,
            (Intent::Shared { channel, url }, Some(cur)) => {
                let channel = channel.trim().to_ascii_lowercase();
                if !super::review::CHANNELS.contains(&channel.as_str()) {
                    return Err(Invalid::UnknownChannel(channel).into());
                }
                let url = url.trim();
                let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
                if !scheme_ok || url.len() > 2000 || url.contains(char::is_whitespace) || !text::is_clean_line(url) {
                    return Err(Invalid::BadUrl.into());
                }
                workflow::check(ActionKind::Shared, person, &cur.facts(), &self.context(None))?;
                let mut e = self.event(ActionKind::Shared);
                e.channel = Some(channel.clone());
                e.url = Some(url.to_string());
                Planned {
                    item: None,
                    event: e,
                    summary: format!("{channel} {url}"),
                }
            }
            (Intent::Reply { thread, .. } | Intent::Resolve { thread }, Some(cur)) => {
                let Some(t) = cur.state.threads.iter().find(|t| t.id == *thread) else {
                    return Err(Invalid::NoThread(*thread).into());
                };
                let (action, text) = match intent {
                    Intent::Reply { text, .. } => (ActionKind::Reply, Some(required_text(text, ActionKind::Reply)?)),
                    _ => {
                        if t.resolved {
                            return Err(Invalid::AlreadyResolved(*thread).into());
                        }
                        (ActionKind::Resolve, None)
                    }
                };
                workflow::check(action, person, &cur.facts(), &self.context(Some(&t.opened_by)))?;
                let mut e = self.event(action);
                e.thread = Some(*thread);
                e.message.clone_from(&text);
                Planned {
                    item: None,
                    event: e,
                    summary: text.unwrap_or_else(|| format!("#{thread}")),
                }
            }
        };
        if let Some(cur) = current {
            let mut log = cur.review.clone();
            log.events.push(planned.event.clone());
            check_log(&log)?;
        }
        Ok(Some(planned))
    }

    /// Plan an admin's repair of a damaged log: the log becomes `restored` (its last
    /// readable events) plus one `repair` event carrying the reason.
    pub fn repair(&self, restored: &Review, message: &str) -> Result<Review, Refusal> {
        let message = required_text(message, ActionKind::Repair)?;
        let person = self.person();
        let facts = ItemFacts {
            author: "",
            kecamatan: "",
            status: Status::Draft,
            approval_valid: false,
            public: false,
            submitted_once: false,
        };
        workflow::check(ActionKind::Repair, person, &facts, &self.context(None))?;
        let mut log = restored.clone();
        let mut e = self.event(ActionKind::Repair);
        e.message = Some(message);
        log.events.push(e);
        check_log(&log)?;
        Ok(log)
    }

    /// Attach: allowed to whoever may edit the item; one photo more, at the end, under a
    /// name the slug maker makes, within the newsroom's count; nothing else changes.
    fn plan_attach(&self, item: &Item, file: &str, cur: &Current<'_>) -> Result<Planned, Refusal> {
        use super::photo::{self, PhotoError};
        workflow::check(ActionKind::Attach, self.person(), &cur.facts(), &self.context(None))?;
        if !photo::is_valid_file_name(file) {
            return Err(Invalid::Photo(PhotoError::BadName(file.to_string())).into());
        }
        let photos = &cur.item.front.photos;
        if photos.iter().any(|p| p.file == file) {
            return Err(Invalid::Photo(PhotoError::Exists(file.to_string())).into());
        }
        let max = photo::Limits::from_config(self.config).max_per_item;
        if photos.len() >= max {
            return Err(Invalid::Photo(PhotoError::TooMany(max)).into());
        }
        let mut expected = cur.item.clone();
        match item.front.photos.last() {
            Some(p) if p.file == file => expected.front.photos.push(p.clone()),
            _ => return Err(Invalid::Photo(PhotoError::NotOnlyAdded).into()),
        }
        if *item != expected {
            return Err(Invalid::Photo(PhotoError::NotOnlyAdded).into());
        }
        check_fields(item)?;
        check_size(item)?;
        let mut e = self.event(ActionKind::Attach);
        e.message = Some(file.to_string());
        Ok(Planned {
            item: Some(item.clone()),
            event: e,
            summary: file.to_string(),
        })
    }

    fn known_kecamatan(&self, k: &str) -> Result<(), Refusal> {
        if !k.is_empty() && self.config.kecamatan(k).is_none() {
            return Err(Invalid::UnknownKecamatan(k.to_string()).into());
        }
        Ok(())
    }
}

/// The parts of two events a replay compares: everything but the time stamp and keys
/// this version does not know.
#[must_use]
pub fn same_event(a: &Event, b: &Event) -> bool {
    a.action == b.action
        && a.actor == b.actor
        && a.content == b.content
        && a.thread == b.thread
        && a.paragraph == b.paragraph
        && a.anchor == b.anchor
        && a.channel == b.channel
        && a.url == b.url
        && a.message == b.message
}

fn required_text(text: &str, action: ActionKind) -> Result<String, Refusal> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::MessageRequired(action.id()).into());
    }
    Ok(t.to_string())
}

fn check_fields(item: &Item) -> Result<(), Refusal> {
    let f = &item.front;
    if f.title.is_empty() {
        return Err(Invalid::EmptyTitle.into());
    }
    if !text::is_clean_line(&f.title) {
        return Err(Invalid::ControlCharacters("title").into());
    }
    if !f.tags.iter().all(|t| text::is_clean_line(t)) {
        return Err(Invalid::ControlCharacters("tags").into());
    }
    let photo_ok =
        |p: &Photo| text::is_clean_line(&p.caption) && text::is_clean_line(&p.file) && text::is_clean_line(&p.credit);
    if !f.photos.iter().all(photo_ok) {
        return Err(Invalid::ControlCharacters("photos").into());
    }
    if !text::is_clean_line(&f.location) {
        return Err(Invalid::ControlCharacters("location").into());
    }
    Ok(())
}

/// What is written must read back: the same parser, the same limits.
fn check_size(item: &Item) -> Result<(), Refusal> {
    let text = item.serialize();
    if text.len() > MAX_ITEM_BYTES {
        return Err(Invalid::TooLarge(text.len()).into());
    }
    match Item::parse(text.as_bytes()) {
        Ok(back) if back == *item => Ok(()),
        // An item that would not read back as written is never written.
        _ => Err(Invalid::ControlCharacters("body").into()),
    }
}

/// The log as written must read back under the same limits the readers apply.
pub fn check_log(log: &Review) -> Result<(), Refusal> {
    if log.events.len() > MAX_EVENTS {
        return Err(Invalid::LogFull.into());
    }
    let text = log.serialize();
    if text.len() > MAX_REVIEW_BYTES {
        return Err(Invalid::TooLarge(text.len()).into());
    }
    match Review::parse(&text) {
        Ok(back) if back.events.len() == log.events.len() => Ok(()),
        _ => Err(Invalid::LogFull.into()),
    }
}

// Changes to warta.toml

/// Whether `actor` may change `warta.toml` from the text `before` to `after`: an admin
/// may change anything; an approver only the newsroom's words (`[spelling] words`),
/// which they add while reviewing. Live changes (`store/config_edit.rs`), `verify` and
/// the push hook all ask here.
pub fn check_config_change(actor: Option<&Person>, before: &str, after: &str) -> Result<(), Denial> {
    use super::config::Role;
    let Some(p) = actor else { return Err(Denial::Unknown) };
    if p.has(Role::Admin) {
        return Ok(());
    }
    if p.has(Role::Approver) && only_words_differ(before, after) {
        return Ok(());
    }
    Err(Denial::ConfigChange)
}

/// Whether two `warta.toml` texts differ at most in `[spelling] words`.
fn only_words_differ(before: &str, after: &str) -> bool {
    let without_words = |text: &str| -> Option<toml::Table> {
        let mut t: toml::Table = toml::from_str(text).ok()?;
        if let Some(toml::Value::Table(sp)) = t.get_mut("spelling") {
            sp.remove("words");
            if sp.is_empty() {
                t.remove("spelling");
            }
        }
        Some(t)
    };
    matches!((without_words(before), without_words(after)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"
[newsroom]
name = "Uji"

[[kecamatan]]
id = "babadan"
name = "Babadan"

[[kecamatan]]
id = "jetis"
name = "Jetis"

[[people]]
id = "admin"
name = "Admin"
roles = ["admin"]

[[people]]
id = "hesti"
name = "Hesti"
roles = ["approver"]

[[people]]
id = "sari"
name = "Sari"
roles = ["author"]
kecamatan = "babadan"
"#;

    fn config() -> Config {
        Config::parse(CONFIG).unwrap()
    }

    #[test]
    fn approvers_change_only_the_spelling_words_of_warta_toml() {
        let c = config();
        let with_words = format!("{CONFIG}\n[spelling]\nwords = [\"Josari\"]\n");
        let more_words = with_words.replace("[\"Josari\"]", "[\"Josari\", \"Sambit\"]");
        let renamed = CONFIG.replace("name = \"Uji\"", "name = \"Lain\"");
        let dictionary = format!("{CONFIG}\n[spelling]\ndictionary = \"/x/id_ID.dic\"\n");
        let who = |id: &str| c.person(id);
        assert_eq!(check_config_change(who("hesti"), CONFIG, &with_words), Ok(()));
        assert_eq!(check_config_change(who("hesti"), &with_words, &more_words), Ok(()));
        assert_eq!(check_config_change(who("hesti"), &more_words, CONFIG), Ok(()));
        assert_eq!(
            check_config_change(who("hesti"), CONFIG, &renamed),
            Err(Denial::ConfigChange)
        );
        assert_eq!(
            check_config_change(who("hesti"), CONFIG, &dictionary),
            Err(Denial::ConfigChange)
        );
        assert_eq!(
            check_config_change(who("sari"), CONFIG, &with_words),
            Err(Denial::ConfigChange)
        );
        assert_eq!(check_config_change(who("admin"), CONFIG, &renamed), Ok(()));
        assert_eq!(check_config_change(None, CONFIG, &with_words), Err(Denial::Unknown));
    }

    fn item(author: &str) -> Item {
        let mut i = Item::default();
        i.front.title = "Judul".into();
        i.front.author = author.into();
        i.front.kecamatan = "babadan".into();
        i.front.tags = vec!["pengawasan".into()];
        i.body = "Babadan – Isi berita.\n".into();
        i
    }

    fn now() -> jiff::Zoned {
        jiff::civil::date(2024, 9, 9)
            .at(10, 0, 0, 0)
            .in_tz("Asia/Jakarta")
            .unwrap()
    }

    fn log(actions: &[(&str, ActionKind)]) -> Review {
        let mut r = Review::default();
        for (who, a) in actions {
            let mut e = Event::new("t".into(), who, *a);
            if a.pins_content() {
                e.content = Some("abcdef0123".into());
            }
            r.events.push(e);
        }
        r
    }

    /// Plan `intent` by `who` on an item of sari's with this log and content id.
    fn plan(who: &str, intent: &Intent, review: &Review, content: &str) -> Result<Option<Planned>, Refusal> {
        let config = config();
        let it = item("sari");
        let state = review.state();
        let cur = Current {
            item: &it,
            review,
            state: &state,
            content,
        };
        Rulebook::new(&config, who, now()).plan(intent, Some(&cur))
    }

    #[test]
    fn every_action_is_judged_by_the_same_rules() {
        use ActionKind as A;
        let draft = log(&[("sari", A::Create)]);
        let submitted = log(&[("sari", A::Create), ("sari", A::Submit)]);
        let transition = |action, seen: Option<&str>| Intent::Transition {
            action,
            message: Some("catatan".into()),
            seen: seen.map(str::to_string),
        };
        // A second create.
        let create = Intent::Create {
            slug: "2024-09-09-judul".into(),
            item: item("sari"),
        };
        assert_eq!(
            plan("sari", &create, &draft, "abcdef0123"),
            Err(Invalid::Exists("2024-09-09-judul".into()).into())
        );
        // An edit that changes the author, or moves the item out of the author's reach.
        let edit = |f: &dyn Fn(&mut Item)| {
            let mut i = item("sari");
            f(&mut i);
            Intent::Edit { item: i }
        };
        assert_eq!(
            plan("sari", &edit(&|i| i.front.author = "hesti".into()), &draft, "c"),
            Err(Invalid::AuthorChanged.into())
        );
        assert!(matches!(
            plan("sari", &edit(&|i| i.front.kecamatan = "jetis".into()), &draft, "c"),
            Err(Refusal::Denied(_))
        ));
        assert_eq!(
            plan("sari", &edit(&|i| i.front.title = "Judul\u{7}".into()), &draft, "c"),
            Err(Invalid::ControlCharacters("title").into())
        );
        assert_eq!(plan("sari", &edit(&|_| {}), &draft, "c"), Ok(None));
        // The content the approver read must be the content approved.
        assert_eq!(
            plan(
                "hesti",
                &transition(A::RequestChanges, Some("0123456789")),
                &submitted,
                "abcdef0123"
            ),
            Err(Invalid::ContentChanged {
                seen: "0123456789".into(),
                now: "abcdef0123".into()
            }
            .into())
        );
        let ok = plan(
            "hesti",
            &transition(A::RequestChanges, Some("abcdef0")),
            &submitted,
            "abcdef0123",
        );
        assert_eq!(ok.unwrap().unwrap().event.action, A::RequestChanges);
        // Too short an id is no evidence of what was read.
        assert!(plan("hesti", &transition(A::Reject, Some("abc")), &submitted, "abcdef0123").is_err());
        // Comments and transitions are not edits.
        assert!(plan("sari", &transition(A::Comment, None), &draft, "c").is_err());
    }

    #[test]
    fn a_post_is_recorded_on_a_published_item_by_staff_or_its_author() {
        use ActionKind as A;
        let published = log(&[
            ("sari", A::Create),
            ("sari", A::Submit),
            ("hesti", A::Approve),
            ("hesti", A::Publish),
        ]);
        let shared = |channel: &str, url: &str| Intent::Shared {
            channel: channel.into(),
            url: url.into(),
        };
        let ok = plan(
            "hesti",
            &shared("Instagram", " https://instagram.com/p/abc "),
            &published,
            "abcdef0123",
        )
        .unwrap()
        .unwrap();
        assert_eq!(ok.event.channel.as_deref(), Some("instagram"));
        assert_eq!(ok.event.url.as_deref(), Some("https://instagram.com/p/abc"));
        assert!(
            plan(
                "sari",
                &shared("x", "https://x.com/a/status/1"),
                &published,
                "abcdef0123"
            )
            .is_ok()
        );
        assert_eq!(
            plan("hesti", &shared("myspace", "https://a"), &published, "c"),
            Err(Invalid::UnknownChannel("myspace".into()).into())
        );
        for url in ["javascript:alert(1)", "https://a b", "https://a\u{1b}[31m", ""] {
            assert_eq!(
                plan("hesti", &shared("x", url), &published, "c"),
                Err(Invalid::BadUrl.into()),
                "{url}"
            );
        }
        let draft = log(&[("sari", A::Create)]);
        assert!(matches!(
            plan("hesti", &shared("x", "https://x.com/1"), &draft, "c"),
            Err(Refusal::Denied(Denial::State { .. }))
        ));
    }

    #[test]
    fn only_the_author_discards_a_draft_never_submitted() {
        use ActionKind as A;
        let discard = Intent::Transition {
            action: A::Discard,
            message: None,
            seen: None,
        };
        let draft = log(&[("sari", A::Create), ("sari", A::Edit)]);
        let planned = plan("sari", &discard, &draft, "c").unwrap().unwrap();
        assert_eq!(planned.event.action, A::Discard);
        assert_eq!(planned.item, None, "the content stays: history is kept");
        let mut after = draft.clone();
        after.events.push(planned.event);
        assert_eq!(after.state().status, Status::Discarded);
        // Someone else, even an approver who may see it.
        assert!(matches!(
            plan("hesti", &discard, &draft, "c"),
            Err(Refusal::Denied(Denial::NotItemAuthor { .. }))
        ));
        // Submitted, or submitted once and withdrawn.
        let submitted = log(&[("sari", A::Create), ("sari", A::Submit)]);
        assert!(matches!(
            plan("sari", &discard, &submitted, "c"),
            Err(Refusal::Denied(Denial::State { .. }))
        ));
        let withdrawn = log(&[("sari", A::Create), ("sari", A::Submit), ("sari", A::Withdraw)]);
        assert_eq!(
            plan("sari", &discard, &withdrawn, "c"),
            Err(Refusal::Denied(Denial::SubmittedOnce))
        );
        // Nothing happens to a discarded item any more.
        let edit = Intent::Edit { item: item("sari") };
        assert!(plan("sari", &edit, &after, "c").is_err());
        assert!(plan("sari", &discard, &after, "c").is_err());
    }

    #[test]
    fn a_full_log_refuses_what_would_not_read_back() {
        let mut full = Review::default();
        for _ in 0..MAX_EVENTS {
            full.events.push(Event::new("t".into(), "sari", ActionKind::Edit));
        }
        let comment = Intent::Comment {
            paragraph: None,
            text: "satu lagi".into(),
        };
        assert_eq!(plan("sari", &comment, &full, "c"), Err(Invalid::LogFull.into()));
        full.events.pop();
        assert!(plan("sari", &comment, &full, "c").unwrap().is_some());
    }

    #[test]
    fn only_an_admin_repairs_and_a_reason_is_required() {
        let config = config();
        let restored = log(&[("sari", ActionKind::Create)]);
        for who in ["sari", "hesti"] {
            let r = Rulebook::new(&config, who, now()).repair(&restored, "rusak");
            assert!(matches!(r, Err(Refusal::Denied(_))), "{who}: {r:?}");
        }
        let admin = Rulebook::new(&config, "admin", now());
        assert_eq!(
            admin.repair(&restored, " "),
            Err(Invalid::MessageRequired("repair").into())
        );
        let log = admin.repair(&restored, "rusak").unwrap();
        assert_eq!(log.events.len(), 2);
        assert_eq!(log.events[1].action, ActionKind::Repair);
        assert_eq!(log.state().status, Status::Draft);
    }
}
