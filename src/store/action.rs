//! Applying one action as one commit, with compare-and-swap on the branch and retries.
//!
//! Each attempt reads the branch head, re-checks the action against the rules at that
//! head, builds the new tree in memory and moves the branch only if it still points at
//! the head it read. A lost race is normal: the loop simply tries again.

use std::time::{Duration, Instant};

use git2::{ErrorCode, Oid, Signature};

use super::error::{Invalid, Result, StoreError};
use super::merge::merge_items;
use super::repo::Newsroom;
use super::snapshot::Entry;
use super::tree::{Change, with_changes};
use crate::domain::config::{Config, Person};
use crate::domain::item::{FrontMatter, Item, Photo};
use crate::domain::review::ActionKind;
use crate::domain::rules::{Intent, Rulebook};
use crate::domain::workflow;
use crate::domain::{layout, photo, slug, text};

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
    /// Submit, withdraw, request changes, approve, reject, publish or discard.
    Transition {
        /// The item.
        slug: String,
        /// Which of the seven.
        action: ActionKind,
        /// Note or reason.
        message: Option<String>,
        /// The content id the person saw when they decided (the TUI always sends it;
        /// `--content` on the command line). A different content refuses the action.
        seen: Option<String>,
    },
    /// Record a post of a published item on a channel.
    Shared {
        /// The item.
        slug: String,
        /// The channel (`instagram`, `facebook`, `x`, `whatsapp`, `website`, …).
        channel: String,
        /// The post's address.
        url: String,
    },
    /// Replace a damaged review log by its last readable events (admins only).
    Repair {
        /// The item.
        slug: String,
        /// Why: required.
        message: String,
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
    /// Add a photo to an item (`domain/photo.rs` checks it and strips its metadata).
    Attach(Box<NewPhoto>),
}

/// A photo to attach, as it came from the phone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewPhoto {
    /// The item.
    pub slug: String,
    /// The name it came with; its file name in the item is made from it.
    pub name: String,
    /// The file's bytes.
    pub data: Vec<u8>,
    /// Caption.
    pub caption: String,
    /// Who took it.
    pub credit: String,
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
            Self::Repair { .. } => ActionKind::Repair,
            Self::Shared { .. } => ActionKind::Shared,
            Self::Attach(_) => ActionKind::Attach,
        }
    }
}

/// The result of an applied action.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// The new commit, or `None` when there was nothing to change.
    pub commit: Option<super::error::CommitId>,
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
        // No trailing space: a person typing on after the dash types their own.
        s.push_str(line.trim_end());
        s.push_str("\n\n");
    }
    if !config.newsroom.closing.is_empty() {
        s.push_str(&config.newsroom.closing);
        s.push('\n');
    }
    s
}

/// The changes of one planned commit (also what a sync replays, `store/sync.rs`).
pub(super) struct Plan {
    slug: String,
    action: ActionKind,
    pub(super) changes: Vec<Change>,
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

pub use crate::domain::rules::rfc3339;

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
        // A photo is checked and stripped once, not again on each lost race.
        let mut prepared = None;
        loop {
            attempts += 1;
            let head = self.head()?;
            self.require_current_layout(head)?;
            let config = self.config_at(head)?;
            let now = at.cloned().unwrap_or_else(|| now(&config));
            let Some(plan) = self.plan(head, &config, actor, req, &now, &mut prepared)? else {
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
                        commit: Some(super::error::CommitId(commit)),
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

    /// Turn a request into the changes of one commit: the rule book decides, this only
    /// reads the item, merges concurrent edits and writes the objects.
    pub(super) fn plan(
        &self,
        head: Oid,
        config: &Config,
        actor: &str,
        req: &Request,
        now: &jiff::Zoned,
        prepared: &mut Option<photo::Prepared>,
    ) -> Result<Option<Plan>> {
        let book = Rulebook::new(config, actor, now.clone());
        let mut photo_blob = None;
        let (slug, intent, entry, merged) = match req {
            Request::Create(new) => {
                let person = book.person();
                let title = new.title.trim();
                let kecamatan = new
                    .kecamatan
                    .clone()
                    .or_else(|| person.and_then(|p| p.kecamatan.clone()))
                    .unwrap_or_default();
                let date = now.date().to_string();
                let slug = slug::make(&date, title, |s| {
                    self.tree_id(head, &layout::draft_dir(s)).ok().flatten().is_some()
                });
                let created: toml::value::Datetime = book
                    .at()
                    .parse()
                    .map_err(|_| StoreError::Invalid(Invalid::EmptyTitle))?;
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
                (slug.clone(), Intent::Create { slug, item }, None, false)
            }
            Request::Import { slug, item } => {
                if slug::is_valid(slug) && self.tree_id(head, &layout::draft_dir(slug))?.is_some() {
                    return Ok(None);
                }
                let intent = Intent::Create {
                    slug: slug.clone(),
                    item: (**item).clone(),
                };
                (slug.clone(), intent, None, false)
            }
            Request::Edit { slug, base, new } => {
                let entry = self.load(head, slug)?;
                // Permission first, so a refused person never reaches the merge.
                workflow::check(ActionKind::Edit, book.person(), &entry.facts(), &book.context(None))?;
                let (mut item, merged) = if entry.item == **base {
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
                item.front.author.clone_from(&entry.item.front.author);
                (slug.clone(), Intent::Edit { item }, Some(entry), merged)
            }
            Request::Transition {
                slug,
                action,
                message,
                seen,
            } => {
                let intent = Intent::Transition {
                    action: *action,
                    message: message.clone(),
                    seen: seen.clone(),
                };
                (slug.clone(), intent, Some(self.load(head, slug)?), false)
            }
            Request::Comment { slug, paragraph, text } => {
                let intent = Intent::Comment {
                    paragraph: *paragraph,
                    text: text.clone(),
                };
                (slug.clone(), intent, Some(self.load(head, slug)?), false)
            }
            Request::Reply { slug, thread, text } => {
                let intent = Intent::Reply {
                    thread: *thread,
                    text: text.clone(),
                };
                (slug.clone(), intent, Some(self.load(head, slug)?), false)
            }
            Request::Resolve { slug, thread } => (
                slug.clone(),
                Intent::Resolve { thread: *thread },
                Some(self.load(head, slug)?),
                false,
            ),
            Request::Shared { slug, channel, url } => {
                let intent = Intent::Shared {
                    channel: channel.clone(),
                    url: url.clone(),
                };
                (slug.clone(), intent, Some(self.load(head, slug)?), false)
            }
            Request::Repair { slug, message } => return self.plan_repair(head, &book, slug, message).map(Some),
            Request::Attach(new) => {
                let entry = self.load(head, &new.slug)?;
                // Permission and count first: a refused person's photo is never decoded.
                workflow::check(ActionKind::Attach, book.person(), &entry.facts(), &book.context(None))?;
                let limits = photo::Limits::from_config(config);
                if entry.item.front.photos.len() >= limits.max_per_item {
                    return Err(StoreError::Invalid(Invalid::Photo(photo::PhotoError::TooMany(
                        limits.max_per_item,
                    ))));
                }
                if prepared.is_none() {
                    let p = photo::prepare(&new.data, &limits).map_err(|e| StoreError::Invalid(Invalid::Photo(e)))?;
                    *prepared = Some(p);
                }
                let p = prepared.as_ref().expect("prepared just above");
                let front = &entry.item.front;
                let file = photo::file_name(&new.name, p.info.format, |f| {
                    entry.files.iter().any(|x| x == f) || front.photos.iter().any(|x| x.file == f)
                });
                let mut item = entry.item.clone();
                item.front.photos.push(Photo {
                    file: file.clone(),
                    caption: new.caption.trim().to_string(),
                    credit: new.credit.trim().to_string(),
                    width: Some(p.info.width),
                    height: Some(p.info.height),
                });
                photo_blob = Some(layout::file_path(&new.slug, &file));
                (new.slug.clone(), Intent::Attach { item, file }, Some(entry), false)
            }
        };
        let current = entry.as_ref().map(Entry::current);
        let Some(planned) = book.plan(&intent, current.as_ref()).map_err(StoreError::from)? else {
            return Ok(None);
        };
        let mut review = entry.map(|e| e.review).unwrap_or_default();
        review.events.push(planned.event);
        let mut changes = self.item_changes(&slug, planned.item.as_ref(), &review)?;
        // The photo's blob is written only once the rule book has agreed.
        if let (Some(path), Some(p)) = (photo_blob, prepared.as_ref()) {
            changes.push(Change {
                path,
                blob: Some(self.repo.blob(&p.bytes).map_err(write_error)?),
            });
        }
        Ok(Some(Plan {
            changes,
            action: req.kind(),
            slug,
            summary: planned.summary,
            merged,
        }))
    }

    /// An admin's repair of a damaged log: back to its last readable events, plus a
    /// `repair` event. Refused when the log reads well.
    fn plan_repair(&self, head: Oid, book: &Rulebook<'_>, slug: &str, message: &str) -> Result<Plan> {
        let path = layout::review_path(slug);
        if self.tree_id(head, &layout::draft_dir(slug))?.is_none() && self.read_bytes(head, &path)?.is_none() {
            return Err(StoreError::Invalid(Invalid::UnknownItem(slug.to_string())));
        }
        if self.readable_log(head, slug)?.is_some() {
            return Err(StoreError::Invalid(Invalid::NotDamaged));
        }
        let restored = self.last_readable_log(head, slug)?.unwrap_or_default();
        let review = book.repair(&restored, message).map_err(StoreError::from)?;
        Ok(Plan {
            changes: self.item_changes(slug, None, &review)?,
            slug: slug.to_string(),
            action: ActionKind::Repair,
            summary: message.trim().to_string(),
            merged: false,
        })
    }

    fn item_changes(
        &self,
        slug: &str,
        item: Option<&Item>,
        review: &crate::domain::review::Review,
    ) -> Result<Vec<Change>> {
        let mut changes = Vec::new();
        if let Some(item) = item {
            changes.push(Change {
                path: layout::index_path(slug),
                blob: Some(self.repo.blob(item.serialize().as_bytes()).map_err(write_error)?),
            });
        }
        // The rule book has checked that the log reads back under the readers' limits.
        changes.push(Change {
            path: layout::review_path(slug),
            blob: Some(self.repo.blob(review.serialize().as_bytes()).map_err(write_error)?),
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
        | Request::Resolve { slug, .. }
        | Request::Repair { slug, .. }
        | Request::Shared { slug, .. } => slug.clone(),
        Request::Attach(p) => p.slug.clone(),
    }
}

pub(super) fn signature(person: &Person, now: &jiff::Zoned) -> Result<Signature<'static>> {
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
