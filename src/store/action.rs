//! Applying one action as one commit, with compare-and-swap on the branch and retries.
//!
//! Each attempt reads the branch head, re-checks the action against the rules at that
//! head, builds the new tree in memory and moves the branch only if it still points at
//! the head it read. A lost race is normal: the loop simply tries again.

use std::time::{Duration, Instant};

use git2::{ErrorCode, Oid, Signature};

use super::merge::merge_items;
use super::repo::Newsroom;
use super::snapshot::Entry;
use super::tree::{Change, with_changes};
use super::{Invalid, Result, StoreError};
use crate::domain::config::{Config, Person};
use crate::domain::item::{FrontMatter, Item, Photo};
use crate::domain::lint::{self, Rules};
use crate::domain::review::{ActionKind, Event};
use crate::domain::workflow::{self, Context, Denial, ItemFacts};
use crate::domain::{slug, text};

/// What a person asks the store to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Create a new draft.
    Create(NewItem),
    /// Replace an item's content; `base` is what the editor started from.
    Edit {
        /// The item.
        slug: String,
        /// The content the change was made against.
        base: Box<Item>,
        /// The new content.
        new: Box<Item>,
    },
    /// Submit, withdraw, request changes, approve, reject or publish.
    Transition {
        /// The item.
        slug: String,
        /// Which of the six.
        action: ActionKind,
        /// Note or reason.
        message: Option<String>,
    },
    /// Add an existing item as it is (keeping its slug and creation time), as its author.
    Import {
        /// The folder name to use.
        slug: String,
        /// The item.
        item: Box<Item>,
    },
    /// Open a comment thread.
    Comment {
        /// The item.
        slug: String,
        /// 1-based paragraph, if the comment points at one.
        paragraph: Option<u32>,
        /// The comment.
        text: String,
    },
    /// Reply in a thread.
    Reply {
        /// The item.
        slug: String,
        /// Thread number.
        thread: u32,
        /// The reply.
        text: String,
    },
    /// Resolve a thread.
    Resolve {
        /// The item.
        slug: String,
        /// Thread number.
        thread: u32,
    },
}

/// The fields of a new item.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewItem {
    /// Headline.
    pub title: String,
    /// Kecamatan id; authors default to their own.
    pub kecamatan: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Body; `None` starts from the newsroom's template.
    pub body: Option<String>,
    /// Where the event took place.
    pub location: String,
    /// Photos with captions.
    pub photos: Vec<Photo>,
    /// The day of the event.
    pub event_date: Option<toml::value::Datetime>,
}

impl Request {
    /// The action this request records.
    #[must_use]
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::Create(_) | Self::Import { .. } => ActionKind::Create,
            Self::Edit { .. } => ActionKind::Edit,
            Self::Transition { action, .. } => *action,
            Self::Comment { .. } => ActionKind::Comment,
            Self::Reply { .. } => ActionKind::Reply,
            Self::Resolve { .. } => ActionKind::Resolve,
        }
    }
}

/// The result of an applied action.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// The new commit, or `None` when there was nothing to change.
    pub commit: Option<Oid>,
    /// The item acted on.
    pub slug: String,
    /// What was done.
    pub action: ActionKind,
    /// Whether a concurrent edit was merged in.
    pub merged: bool,
    /// Work-tree files left alone because they had local modifications.
    pub skipped: Vec<String>,
    /// How many attempts it took.
    pub attempts: u32,
}

/// The body template for new items: dateline, a blank paragraph, closing.
///
/// Items of a kecamatan open with that office's dateline ("Babadan, Panwaslu Kecamatan
/// Babadan –"); `{kecamatan}` in the configured dateline is replaced by its name.
#[must_use]
pub fn template(config: &Config, kecamatan: &str) -> String {
    let mut s = String::new();
    let dateline = &config.newsroom.dateline;
    let line = match config.kecamatan(kecamatan) {
        Some(k) if dateline.contains("{kecamatan}") => dateline.replace("{kecamatan}", &k.name),
        Some(k) if !dateline.is_empty() => format!("{0}, Panwaslu Kecamatan {0} –", k.name),
        _ => dateline.replace("{kecamatan}", ""),
    };
    if !line.is_empty() {
        s.push_str(&line);
        s.push_str(" \n\n");
    }
    if !config.newsroom.closing.is_empty() {
        s.push_str(&config.newsroom.closing);
        s.push('\n');
    }
    s
}

struct Plan {
    slug: String,
    action: ActionKind,
    changes: Vec<Change>,
    summary: String,
    merged: bool,
}

const MAX_ATTEMPTS: u32 = 200;
const LOCK_PATIENCE: Duration = super::reflock::PATIENCE;

/// A random wait before retrying: exponential in the number of lost races, so many
/// writers spread out instead of colliding again.
fn jitter(attempt: u32) -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let random = u64::from(nanos ^ std::process::id().wrapping_mul(2_654_435_761));
    let ceiling = 1u64 << attempt.min(4); // up to 16 ms
    Duration::from_micros(500 + random % (ceiling * 1000))
}

/// The current time in the newsroom's zone.
#[must_use]
pub fn now(config: &Config) -> jiff::Zoned {
    jiff::Timestamp::now().to_zoned(config.timezone())
}

/// RFC 3339 with offset, to the second.
#[must_use]
pub fn rfc3339(z: &jiff::Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

impl Newsroom {
    /// Apply one request as `actor` (a person id): one commit on the branch, or a refusal.
    pub fn apply(&self, actor: &str, req: &Request) -> Result<Done> {
        self.apply_at(actor, req, None)
    }

    /// Apply a request as if at time `at` (default: now); used to import dated items.
    pub fn apply_at(&self, actor: &str, req: &Request, at: Option<&jiff::Zoned>) -> Result<Done> {
        let refname = self.refname();
        let mut attempts = 0;
        let mut races = 0;
        // How long the branch lock has been held by others, without a break.
        let mut locked_since: Option<Instant> = None;
        loop {
            attempts += 1;
            let head = self.head()?;
            let config = self.config_at(head)?;
            let now = at.cloned().unwrap_or_else(|| now(&config));
            let Some(plan) = self.plan(head, &config, actor, req, &now)? else {
                return Ok(Done {
                    commit: None,
                    slug: request_slug(req),
                    action: req.kind(),
                    merged: false,
                    skipped: vec![],
                    attempts,
                });
            };
            let person = config.person(actor).ok_or(StoreError::Invalid(Invalid::NoActor))?;
            let parent = self.repo.find_commit(head)?;
            let old_tree = parent.tree_id();
            let tree_id = with_changes(self, Some(old_tree), &plan.changes)?;
            let tree = self.repo.find_tree(tree_id)?;
            let sig = signature(person, &now)?;
            let message = format!(
                "{action}({slug}): {summary}\n\nWarta-Action: {action}\nWarta-Item: {slug}\nWarta-Actor: {actor}\n",
                action = plan.action.id(),
                slug = plan.slug,
                summary = text::clean_line(&plan.summary).chars().take(72).collect::<String>(),
            );
            let commit = self
                .repo
                .commit(None, &sig, &sig, &message, &tree, &[&parent])
                .map_err(write_error)?;
            match super::reflock::move_branch(&self.repo, &refname, commit, head, &message) {
                Ok(()) => {
                    let skipped = super::worktree::update(self, old_tree, tree_id, &plan.changes);
                    super::housekeeping::wrote(self.git_dir(), self.loose_written.take());
                    return Ok(Done {
                        commit: Some(commit),
                        slug: plan.slug,
                        action: plan.action,
                        merged: plan.merged,
                        skipped,
                        attempts,
                    });
                }
                Err(e) if e.code() == ErrorCode::Modified => {
                    locked_since = None;
                    races += 1;
                    if races >= MAX_ATTEMPTS {
                        return Err(StoreError::TooManyRetries(attempts));
                    }
                    std::thread::sleep(jitter(races));
                }
                Err(e)
                    if e.code() == ErrorCode::Locked
                        && locked_since.get_or_insert_with(Instant::now).elapsed() < LOCK_PATIENCE =>
                {
                    // A lock a dead process left is removed; a live writer's is waited for.
                    if super::reflock::clear_stale(self.git_dir(), &refname) == super::reflock::Found::Held {
                        std::thread::sleep(jitter(races).max(super::reflock::backoff(locked_since)));
                    }
                }
                Err(e) if e.code() == ErrorCode::Locked => {
                    return Err(StoreError::Locked {
                        branch: self.branch().to_string(),
                        lock: super::reflock::lock_path(self.git_dir(), &refname)
                            .display()
                            .to_string(),
                    });
                }
                Err(e) => return Err(write_error(e)),
            }
        }
    }

    fn load(&self, head: Oid, slug: &str) -> Result<Entry> {
        match self.entry_at(head, slug)? {
            None => Err(StoreError::Invalid(Invalid::UnknownItem(slug.to_string()))),
            Some(Err(b)) => Err(StoreError::Broken {
                path: b.path,
                line: b.line,
                reason: b.reason,
            }),
            Some(Ok(e)) => Ok(e),
        }
    }

    fn plan(&self, head: Oid, config: &Config, actor: &str, req: &Request, now: &jiff::Zoned) -> Result<Option<Plan>> {
        let person = config.person(actor);
        let ctx = Context {
            allow_self_approval: config.newsroom.allow_self_approval,
            today: now.date(),
            thread_opener: None,
        };
        let at = rfc3339(now);
        let event = |action| Event::new(at.clone(), actor, action);
        match req {
            Request::Create(new) => {
                let title = new.title.trim();
                check_fields(title, &new.tags, &new.photos)?;
                let kecamatan = new
                    .kecamatan
                    .clone()
                    .or_else(|| person.and_then(|p| p.kecamatan.clone()))
                    .unwrap_or_default();
                if !kecamatan.is_empty() && config.kecamatan(&kecamatan).is_none() {
                    return Err(StoreError::Invalid(Invalid::UnknownKecamatan(kecamatan)));
                }
                let facts = ItemFacts {
                    author: actor,
                    kecamatan: &kecamatan,
                    status: crate::domain::review::Status::Draft,
                    approval_valid: false,
                };
                workflow::check(ActionKind::Create, person, &facts, &ctx)?;
                let date = now.date().to_string();
                let slug = slug::make(&date, title, |s| {
                    self.tree_id(head, &format!("drafts/{s}")).ok().flatten().is_some()
                });
                let created: toml::value::Datetime =
                    at.parse().map_err(|_| StoreError::Invalid(Invalid::EmptyTitle))?;
                let body = new.body.clone().unwrap_or_else(|| template(config, &kecamatan));
                let item = Item {
                    front: FrontMatter {
                        title: title.to_string(),
                        kecamatan,
                        author: actor.to_string(),
                        created: Some(created),
                        location: new.location.clone(),
                        tags: new.tags.clone(),
                        photos: new.photos.clone(),
                        event_date: new.event_date,
                        ..FrontMatter::default()
                    },
                    body,
                };
                let mut review = crate::domain::review::Review::default();
                review.events.push(event(ActionKind::Create));
                Ok(Some(Plan {
                    changes: self.item_changes(&slug, Some(&item), &review)?,
                    slug,
                    action: ActionKind::Create,
                    summary: title.to_string(),
                    merged: false,
                }))
            }
            Request::Import { slug, item } => {
                check_fields(&item.front.title, &item.front.tags, &item.front.photos)?;
                if !slug::is_valid(slug) {
                    return Err(StoreError::Invalid(Invalid::UnknownItem(slug.clone())));
                }
                if self.tree_id(head, &format!("drafts/{slug}"))?.is_some() {
                    return Ok(None);
                }
                let facts = ItemFacts {
                    author: actor,
                    kecamatan: &item.front.kecamatan,
                    status: crate::domain::review::Status::Draft,
                    approval_valid: false,
                };
                workflow::check(ActionKind::Create, person, &facts, &ctx)?;
                let mut item = (**item).clone();
                actor.clone_into(&mut item.front.author);
                let mut review = crate::domain::review::Review::default();
                review.events.push(event(ActionKind::Create));
                Ok(Some(Plan {
                    changes: self.item_changes(slug, Some(&item), &review)?,
                    slug: slug.clone(),
                    action: ActionKind::Create,
                    summary: item.front.title.clone(),
                    merged: false,
                }))
            }
            Request::Edit { slug, base, new } => {
                let entry = self.load(head, slug)?;
                workflow::check(ActionKind::Edit, person, &entry.facts(), &ctx)?;
                let (mut merged_item, merged) = if entry.item == **base {
                    ((**new).clone(), false)
                } else {
                    match merge_items(base, new, &entry.item) {
                        Some(m) => (m, true),
                        None => {
                            return Err(super::journal::conflict(
                                self.state_dir(),
                                slug,
                                &new.serialize(),
                                &entry.item.serialize(),
                                super::merge::merge_marked(&base.body, &new.body, &entry.item.body).0,
                            ));
                        }
                    }
                };
                // The author of record never changes through an edit.
                merged_item.front.author.clone_from(&entry.item.front.author);
                merged_item.front.title = merged_item.front.title.trim().to_string();
                check_fields(
                    &merged_item.front.title,
                    &merged_item.front.tags,
                    &merged_item.front.photos,
                )?;
                if merged_item.front.kecamatan != entry.item.front.kecamatan {
                    let k = &merged_item.front.kecamatan;
                    if !k.is_empty() && config.kecamatan(k).is_none() {
                        return Err(StoreError::Invalid(Invalid::UnknownKecamatan(k.clone())));
                    }
                    let facts = ItemFacts {
                        kecamatan: k,
                        ..entry.facts()
                    };
                    workflow::check(ActionKind::Edit, person, &facts, &ctx)?;
                }
                if merged_item == entry.item {
                    return Ok(None);
                }
                let mut review = entry.review.clone();
                review.events.push(event(ActionKind::Edit));
                Ok(Some(Plan {
                    changes: self.item_changes(slug, Some(&merged_item), &review)?,
                    slug: slug.clone(),
                    action: ActionKind::Edit,
                    summary: merged_item.front.title.clone(),
                    merged,
                }))
            }
            Request::Transition { slug, action, message } => {
                let entry = self.load(head, slug)?;
                let message = message.as_deref().map(str::trim).filter(|m| !m.is_empty());
                if message.is_none() && matches!(action, ActionKind::RequestChanges | ActionKind::Reject) {
                    return Err(StoreError::Invalid(Invalid::MessageRequired(action.id())));
                }
                workflow::check(*action, person, &entry.facts(), &ctx)?;
                if *action == ActionKind::Approve {
                    let checks = Rules::from_config(config).check(&entry.item, config);
                    let failing = lint::blocking(&checks);
                    if !failing.is_empty() {
                        return Err(Denial::Checklist {
                            rules: failing.iter().map(|r| r.id()).collect(),
                        }
                        .into());
                    }
                }
                let mut e = event(*action);
                e.message = message.map(str::to_string);
                if action.pins_content() {
                    e.content = Some(entry.content.clone());
                }
                let mut review = entry.review.clone();
                review.events.push(e);
                Ok(Some(Plan {
                    changes: self.item_changes(slug, None, &review)?,
                    slug: slug.clone(),
                    action: *action,
                    summary: message.unwrap_or(&entry.item.front.title).to_string(),
                    merged: false,
                }))
            }
            Request::Comment { slug, paragraph, text } => {
                let entry = self.load(head, slug)?;
                let text = required_text(text, ActionKind::Comment)?;
                workflow::check(ActionKind::Comment, person, &entry.facts(), &ctx)?;
                let mut e = event(ActionKind::Comment);
                if let Some(n) = paragraph {
                    let paras = entry.item.paragraphs();
                    let Some(p) = paras.get((*n as usize).wrapping_sub(1)) else {
                        return Err(StoreError::Invalid(Invalid::NoParagraph {
                            asked: *n,
                            count: paras.len(),
                        }));
                    };
                    e.paragraph = Some(*n);
                    e.anchor = Some(crate::domain::review::anchor_of(p));
                }
                e.thread = Some(entry.state.threads.iter().map(|t| t.id).max().unwrap_or(0) + 1);
                e.message = Some(text.clone());
                let mut review = entry.review.clone();
                review.events.push(e);
                Ok(Some(Plan {
                    changes: self.item_changes(slug, None, &review)?,
                    slug: slug.clone(),
                    action: ActionKind::Comment,
                    summary: text,
                    merged: false,
                }))
            }
            Request::Reply { slug, thread, .. } | Request::Resolve { slug, thread } => {
                let entry = self.load(head, slug)?;
                let Some(t) = entry.state.threads.iter().find(|t| t.id == *thread) else {
                    return Err(StoreError::Invalid(Invalid::NoThread(*thread)));
                };
                let (action, text) = match req {
                    Request::Reply { text, .. } => (ActionKind::Reply, Some(required_text(text, ActionKind::Reply)?)),
                    _ => {
                        if t.resolved {
                            return Err(StoreError::Invalid(Invalid::AlreadyResolved(*thread)));
                        }
                        (ActionKind::Resolve, None)
                    }
                };
                let ctx = Context {
                    thread_opener: Some(&t.opened_by),
                    ..ctx
                };
                workflow::check(action, person, &entry.facts(), &ctx)?;
                let mut e = event(action);
                e.thread = Some(*thread);
                e.message.clone_from(&text);
                let mut review = entry.review.clone();
                review.events.push(e);
                Ok(Some(Plan {
                    changes: self.item_changes(slug, None, &review)?,
                    slug: slug.clone(),
                    action,
                    summary: text.unwrap_or_else(|| format!("#{thread}")),
                    merged: false,
                }))
            }
        }
    }

    fn item_changes(
        &self,
        slug: &str,
        item: Option<&Item>,
        review: &crate::domain::review::Review,
    ) -> Result<Vec<Change>> {
        let mut changes = Vec::new();
        if let Some(item) = item {
            let text = item.serialize();
            if text.len() > super::snapshot::MAX_ITEM_BYTES {
                return Err(StoreError::Invalid(Invalid::TooLarge(text.len())));
            }
            changes.push(Change {
                path: format!("drafts/{slug}/index.md"),
                blob: Some(self.repo.blob(text.as_bytes()).map_err(write_error)?),
            });
        }
        if review.events.len() > crate::domain::review::MAX_EVENTS {
            return Err(StoreError::Invalid(Invalid::LogFull));
        }
        let log = review.serialize();
        if log.len() > super::snapshot::MAX_REVIEW_BYTES {
            return Err(StoreError::Invalid(Invalid::TooLarge(log.len())));
        }
        changes.push(Change {
            path: format!("reviews/{slug}.toml"),
            blob: Some(self.repo.blob(log.as_bytes()).map_err(write_error)?),
        });
        Ok(changes)
    }
}

fn request_slug(req: &Request) -> String {
    match req {
        Request::Create(_) => String::new(),
        Request::Import { slug, .. }
        | Request::Edit { slug, .. }
        | Request::Transition { slug, .. }
        | Request::Comment { slug, .. }
        | Request::Reply { slug, .. }
        | Request::Resolve { slug, .. } => slug.clone(),
    }
}

fn required_text(text: &str, action: ActionKind) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(StoreError::Invalid(Invalid::MessageRequired(action.id())));
    }
    Ok(t.to_string())
}

fn check_fields(title: &str, tags: &[String], photos: &[Photo]) -> Result<()> {
    if title.is_empty() {
        return Err(StoreError::Invalid(Invalid::EmptyTitle));
    }
    if !text::is_clean_line(title) {
        return Err(StoreError::Invalid(Invalid::ControlCharacters("title")));
    }
    if !tags.iter().all(|t| text::is_clean_line(t)) {
        return Err(StoreError::Invalid(Invalid::ControlCharacters("tags")));
    }
    if !photos
        .iter()
        .all(|p| text::is_clean_line(&p.caption) && text::is_clean_line(&p.file))
    {
        return Err(StoreError::Invalid(Invalid::ControlCharacters("photos")));
    }
    Ok(())
}

fn signature(person: &Person, now: &jiff::Zoned) -> Result<Signature<'static>> {
    let email = if person.email.is_empty() {
        format!("{}@localhost", person.id)
    } else {
        person.email.clone()
    };
    let offset = now.offset().seconds() / 60;
    let time = git2::Time::new(now.timestamp().as_second(), offset);
    Ok(Signature::new(&person.name, &email, &time)?)
}

fn write_error(e: git2::Error) -> StoreError {
    let msg = e.message().to_lowercase();
    if msg.contains("permission denied") || msg.contains("read-only") {
        StoreError::ReadOnly(e.message().to_string())
    } else {
        StoreError::Git(e)
    }
}
