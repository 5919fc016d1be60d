//! History: the commits behind an item's events, its content at any event, and
//! `verify`, which replays the whole branch against the rules.

use std::collections::BTreeSet;
use std::path::Path;

use git2::{ObjectType, Oid, Tree};

use super::error::{Invalid, Result};
use super::repo::{CONFIG_PATH, Newsroom};
use crate::domain::config::{Config, Role};
use crate::domain::item::Item;
use crate::domain::layout::{self, Layout, Place};
use crate::domain::photo;
use crate::domain::review::{ActionKind, Review};
use crate::domain::rules::{self, Current, Intent, Refusal, Rulebook};
use crate::domain::workflow::Denial;

/// How a review log reads at a commit.
#[derive(Debug, Clone, PartialEq)]
pub enum LogRead {
    /// There is none.
    Missing,
    /// It reads, within the limits.
    Readable(Review),
    /// It exists but the readers refuse it.
    Damaged(String),
}

impl LogRead {
    /// The events, or none when missing or damaged.
    #[must_use]
    pub fn events(&self) -> &[crate::domain::review::Event] {
        match self {
            Self::Readable(r) => &r.events,
            _ => &[],
        }
    }
}

/// What is wrong with one commit.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The action was not allowed for its actor.
    Denied(Denial),
    /// Old events of a review log were changed or removed.
    Rewritten,
    /// The event names someone other than the commit's author.
    ActorMismatch {
        /// Person id in the event.
        actor: String,
        /// Name and email of the commit's author.
        committer: String,
    },
    /// The event's actor is not in `warta.toml`.
    UnknownActor(String),
    /// The item's content changed without a create or edit event.
    NoEvent,
    /// A submit/approve/publish pinned a content id that is not the item's.
    Content,
    /// `warta.toml` changed by a non-admin.
    Config(String),
    /// The rule book refuses the request the commit's event records.
    Refused(Invalid),
    /// The commit wrote something other than what the action it records writes (another
    /// event, another content, an author or title not as the action would set it).
    Mismatch,
    /// The commit records more than one action, or acts on more than one item, or
    /// changes `warta.toml` together with items.
    NotOneAction,
    /// The commit leaves `warta.toml` invalid.
    ConfigInvalid(String),
    /// No valid `warta.toml` to judge the commit under, at it or before it.
    Unjudgeable,
    /// A path under `drafts/` or `reviews/` that warta never writes (a symlink, a
    /// folder inside an item, a file of another name).
    Unexpected(String),
    /// The commit leaves a file unreadable (an item or log the readers refuse).
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The commit moves items between layouts but is not exactly `warta migrate` by an
    /// admin: the same folders and logs, only moved into date folders.
    Migration,
    /// A file at the branch head is malformed.
    Broken {
        /// File.
        path: String,
        /// Line.
        line: usize,
        /// Reason.
        reason: String,
    },
}

/// One finding of `verify`.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The commit at fault (`None` for files broken at the head).
    pub commit: Option<super::error::CommitId>,
    /// The item concerned.
    pub slug: String,
    /// The action recorded, if any.
    pub action: Option<ActionKind>,
    /// What is wrong.
    pub problem: Problem,
}

fn blob_id(tree: &Tree<'_>, path: &str) -> Option<Oid> {
    tree.get_path(Path::new(path))
        .ok()
        .filter(|e| e.kind() == Some(ObjectType::Blob))
        .map(|e| e.id())
}

fn tree_id(tree: &Tree<'_>, path: &str) -> Option<Oid> {
    tree.get_path(Path::new(path))
        .ok()
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .map(|e| e.id())
}

/// An item's review log in a tree, in whichever layout it is stored.
fn log_blob(tree: &Tree<'_>, slug: &str) -> Option<Oid> {
    [Layout::Sharded, Layout::Flat]
        .into_iter()
        .find_map(|l| blob_id(tree, &l.review_path(slug)))
}

/// An item's folder in a tree, in whichever layout it is stored.
fn folder_id(tree: &Tree<'_>, slug: &str) -> Option<Oid> {
    [Layout::Sharded, Layout::Flat]
        .into_iter()
        .find_map(|l| tree_id(tree, &l.draft_dir(slug)))
}

impl Newsroom {
    /// The branch's first-parent chain, oldest first.
    pub fn chain(&self) -> Result<Vec<Oid>> {
        let mut out = Vec::new();
        let mut cur = Some(self.repo.find_commit(self.head()?)?);
        while let Some(c) = cur {
            out.push(c.id());
            cur = c.parents().next();
        }
        out.reverse();
        Ok(out)
    }

    fn review_at(&self, tree: &Tree<'_>, slug: &str) -> Review {
        match self.log_in(tree, slug) {
            LogRead::Readable(r) => r,
            _ => Review::default(),
        }
    }

    /// How an item's log reads in a tree, with the readers' limits.
    fn log_in(&self, tree: &Tree<'_>, slug: &str) -> LogRead {
        match log_blob(tree, slug) {
            Some(id) => self.log_of(id),
            None => LogRead::Missing,
        }
    }

    /// How the log blob `id` reads, with the readers' limits.
    pub(crate) fn log_of(&self, id: Oid) -> LogRead {
        // An oversized log is left unread, as the snapshot does.
        if self
            .blob_size(id)
            .is_none_or(|size| size > super::snapshot::MAX_REVIEW_BYTES)
        {
            return LogRead::Damaged("too large".into());
        }
        let Ok(blob) = self.repo.find_blob(id) else {
            return LogRead::Damaged("unreadable object".into());
        };
        match std::str::from_utf8(blob.content()) {
            Err(_) => LogRead::Damaged("not UTF-8".into()),
            Ok(t) => match Review::parse(t) {
                Ok(r) => LogRead::Readable(r),
                Err(e) => LogRead::Damaged(e.to_string()),
            },
        }
    }

    /// The item's log at a commit if it reads (a missing log reads as empty); `None`
    /// when it is damaged.
    pub fn readable_log(&self, commit: Oid, slug: &str) -> Result<Option<Review>> {
        Ok(match self.log_in(&self.repo.find_commit(commit)?.tree()?, slug) {
            LogRead::Missing => Some(Review::default()),
            LogRead::Readable(r) => Some(r),
            LogRead::Damaged(_) => None,
        })
    }

    /// The last readable version of an item's log before `commit` (first parents), the
    /// log a repair restores. `None` when no earlier version reads.
    pub fn last_readable_log(&self, commit: Oid, slug: &str) -> Result<Option<Review>> {
        let mut cur = self.repo.find_commit(commit)?.parents().next();
        while let Some(c) = cur {
            match self.log_in(&c.tree()?, slug) {
                LogRead::Readable(r) => return Ok(Some(r)),
                LogRead::Missing => return Ok(Some(Review::default())),
                LogRead::Damaged(_) => cur = c.parents().next(),
            }
        }
        Ok(None)
    }

    /// The last valid `warta.toml` at or before `commit` (first parents).
    pub fn last_valid_config(&self, commit: Oid) -> Result<Option<Config>> {
        let mut cur = Some(self.repo.find_commit(commit)?);
        while let Some(c) = cur {
            if let Ok(config) = self.config_at(c.id()) {
                return Ok(Some(config));
            }
            cur = c.parents().next();
        }
        Ok(None)
    }

    /// For each event of an item's log (by index), the commit that recorded it.
    pub fn event_commits(&self, slug: &str) -> Result<Vec<Option<Oid>>> {
        if let Some(found) = self.event_commits_by_trailer(slug)? {
            return Ok(found);
        }
        self.event_commits_by_trees(slug)
    }

    /// The fast way: warta's commits name their item in a trailer, one event each. Only
    /// commit objects are read; `None` when the count does not add up (commits made
    /// with plain git), and the tree walk decides.
    fn event_commits_by_trailer(&self, slug: &str) -> Result<Option<Vec<Option<Oid>>>> {
        let head = self.head()?;
        let wanted = self.review_at(&self.repo.find_commit(head)?.tree()?, slug).events.len();
        let mut found: Vec<Option<Oid>> = if super::cache::disabled() {
            let needle = format!("\nWarta-Item: {slug}\n");
            let mut walk = self.repo.revwalk()?;
            walk.push(head)?;
            walk.simplify_first_parent()?;
            let mut found = Vec::with_capacity(wanted);
            for id in walk {
                let commit = self.repo.find_commit(id?)?;
                let message = commit.message_raw_bytes();
                if message.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    found.push(Some(commit.id()));
                    if found.len() == wanted {
                        break;
                    }
                }
            }
            found
        } else {
            let file = super::trailers::path(self.git_dir());
            let (mut index, mut changed) = super::trailers::Index::open(&self.repo, &file, head)?;
            // Newest first, so the search stops at the item's first commit when the index
            // reaches it; only a short index is searched again, once extended.
            let mut found: Vec<Option<Oid>> = index.commits(slug).take(wanted).map(Some).collect();
            if found.len() < wanted {
                changed |= index.extend_for(&self.repo, slug, wanted, found.len())?;
                found = index.commits(slug).take(wanted).map(Some).collect();
            }
            if changed {
                // An index that cannot be written (read-only repository) is simply not kept.
                let _ = index.save(&file);
            }
            found
        };
        if found.len() != wanted || wanted == 0 {
            return Ok(None);
        }
        // The oldest must be where the log began, or the trailers lie.
        let first = found.last().copied().flatten();
        let began = first.and_then(|c| self.repo.find_commit(c).ok()).is_some_and(|c| {
            let here = c.tree().ok().and_then(|t| log_blob(&t, slug));
            let before = c
                .parents()
                .next()
                .and_then(|p| p.tree().ok())
                .and_then(|t| log_blob(&t, slug));
            here.is_some() && before.is_none()
        });
        if !began {
            return Ok(None);
        }
        found.reverse();
        Ok(Some(found))
    }

    fn event_commits_by_trees(&self, slug: &str) -> Result<Vec<Option<Oid>>> {
        let mut map: Vec<Option<Oid>> = Vec::new();
        let mut cur = Some(self.repo.find_commit(self.head()?)?);
        while let Some(c) = cur {
            let tree = c.tree()?;
            let parent = c.parents().next();
            let here = log_blob(&tree, slug);
            let there = match &parent {
                Some(p) => log_blob(&p.tree()?, slug),
                None => None,
            };
            if here != there && here.is_some() {
                let n = self.review_at(&tree, slug).events.len();
                let before = match &parent {
                    Some(p) => self.review_at(&p.tree()?, slug).events.len(),
                    None => 0,
                };
                if map.len() < n {
                    map.resize(n, None);
                }
                for slot in map.iter_mut().take(n).skip(before) {
                    if slot.is_none() {
                        *slot = Some(c.id());
                    }
                }
            }
            if here.is_some() && there.is_none() {
                break;
            }
            cur = parent;
        }
        Ok(map)
    }

    /// The item's content at each event of its log.
    pub fn versions(&self, slug: &str) -> Result<Vec<Option<Item>>> {
        let commits = self.event_commits(slug)?;
        commits
            .iter()
            .map(|c| Ok(c.and_then(|c| self.item_at(c, slug).ok().flatten())))
            .collect()
    }

    /// The item's content at a commit.
    pub fn item_at(&self, commit: Oid, slug: &str) -> Result<Option<Item>> {
        Ok(self.index_bytes(commit, slug)?.and_then(|(_, b)| Item::parse(&b).ok()))
    }

    /// The path and bytes of an item's `index.md` at a commit, in whichever layout.
    fn index_bytes(&self, commit: Oid, slug: &str) -> Result<Option<(String, Vec<u8>)>> {
        for layout in [Layout::Sharded, Layout::Flat] {
            let path = layout.index_path(slug);
            if let Some(bytes) = self.read_bytes(commit, &path)? {
                return Ok(Some((path, bytes)));
            }
        }
        Ok(None)
    }

    /// Check a push of the branch from `old` (`None`: the branch is new) to `new` by
    /// `pusher`: every new commit must be an action `pusher` may take, and the branch's
    /// history may only grow.
    pub fn check_push(
        &self,
        old: Option<super::error::CommitId>,
        new: super::error::CommitId,
        pusher: &str,
    ) -> Result<Vec<Finding>> {
        let (old, new) = (old.map(|c| c.0), new.0);
        let mut findings = Vec::new();
        let finding = |commit: Oid, problem| Finding {
            commit: Some(super::error::CommitId(commit)),
            slug: String::new(),
            action: None,
            problem,
        };
        if let Some(old) = old {
            if old != new && !self.repo.graph_descendant_of(new, old)? {
                findings.push(finding(new, Problem::Rewritten));
                return Ok(findings);
            }
        }
        let mut walk = self.repo.revwalk()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
        walk.push(new)?;
        if let Some(old) = old {
            walk.hide(old)?;
        }
        for id in walk {
            let commit = self.repo.find_commit(id?)?;
            match commit.parents().next() {
                Some(parent) => {
                    // Judged under the last valid configuration: breaking warta.toml
                    // never switches the rules off.
                    match self.last_valid_config(parent.id())? {
                        Some(config) => self.verify_commit(&parent, &commit, Some(pusher), &config, &mut findings)?,
                        None => findings.push(finding(commit.id(), Problem::Unjudgeable)),
                    }
                    self.check_config_change(&parent, &commit, &mut findings)?;
                }
                // A root commit may only be the newsroom's first commit: warta.toml alone.
                None => {
                    let tree = commit.tree()?;
                    if tree.len() != 1 || tree.get_name(CONFIG_PATH).is_none() {
                        findings.push(finding(commit.id(), Problem::NoEvent));
                    }
                }
            }
        }
        Ok(findings)
    }

    /// Replay the whole branch and report every commit that broke a rule.
    pub fn verify(&self) -> Result<(usize, Vec<Finding>)> {
        let chain = self.chain()?;
        let mut findings = Vec::new();
        let mut judge: Option<Config> = match chain.first() {
            Some(root) => self.config_at(*root).ok(),
            None => None,
        };
        for pair in chain.windows(2) {
            let (parent, commit) = (self.repo.find_commit(pair[0])?, self.repo.find_commit(pair[1])?);
            if let Ok(config) = self.config_at(parent.id()) {
                judge = Some(config);
            }
            // No commit goes unjudged: an invalid warta.toml leaves the last valid one in force.
            match &judge {
                Some(config) => self.verify_commit(&parent, &commit, None, config, &mut findings)?,
                None => findings.push(Finding {
                    commit: Some(super::error::CommitId(commit.id())),
                    slug: String::new(),
                    action: None,
                    problem: Problem::Unjudgeable,
                }),
            }
            self.check_config_change(&parent, &commit, &mut findings)?;
        }
        for b in self.snapshot_uncached()?.broken {
            findings.push(Finding {
                commit: None,
                slug: b.slug,
                action: None,
                problem: Problem::Broken {
                    path: b.path,
                    line: b.line,
                    reason: b.reason,
                },
            });
        }
        Ok((chain.len(), findings))
    }

    /// A commit that changes `warta.toml` must leave it valid.
    fn check_config_change(
        &self,
        parent: &git2::Commit<'_>,
        commit: &git2::Commit<'_>,
        out: &mut Vec<Finding>,
    ) -> Result<()> {
        let (pt, ct) = (parent.tree()?, commit.tree()?);
        if blob_id(&pt, CONFIG_PATH) == blob_id(&ct, CONFIG_PATH) {
            return Ok(());
        }
        if let Err(e) = self.config_at(commit.id()) {
            out.push(Finding {
                commit: Some(super::error::CommitId(commit.id())),
                slug: String::new(),
                action: None,
                problem: Problem::ConfigInvalid(e.to_string()),
            });
        }
        Ok(())
    }

    /// Check one commit against its parent, under `config`. The person responsible is
    /// the commit's author, or, for a push, the pusher named by the server (never the
    /// commit). Every item the commit touches is replayed through the rule book.
    fn verify_commit(
        &self,
        parent: &git2::Commit<'_>,
        commit: &git2::Commit<'_>,
        pusher: Option<&str>,
        config: &Config,
        out: &mut Vec<Finding>,
    ) -> Result<()> {
        let (pt, ct) = (parent.tree()?, commit.tree()?);
        let author = commit.author();
        let email = author.email().unwrap_or_default().to_string();
        let (committer, who) = match pusher {
            Some(id) => (config.person(id), id.to_string()),
            None => (
                config
                    .people
                    .iter()
                    .find(|p| !p.email.is_empty() && p.email.eq_ignore_ascii_case(&email)),
                format!("{} <{}>", author.name().unwrap_or_default(), email),
            ),
        };
        let push = |out: &mut Vec<Finding>, slug: &str, action, problem| {
            out.push(Finding {
                commit: Some(super::error::CommitId(commit.id())),
                slug: slug.to_string(),
                action,
                problem,
            });
        };
        let (layout_before, layout_after) = (self.layout_of(pt.id())?, self.layout_of(ct.id())?);
        if layout_before == Some(Layout::Flat) && layout_after == Some(Layout::Sharded) {
            // `warta migrate`: judged as a whole, never replayed item by item.
            if !committer.is_some_and(|p| p.has(Role::Admin)) || !self.only_moved(&pt, &ct)? {
                push(out, "", None, Problem::Migration);
            }
            return Ok(());
        }
        // Paths follow the parent's layout; either, while there are no items yet.
        let expected = layout_before.or(layout_after);
        let diff = self.repo.diff_tree_to_tree(Some(&pt), Some(&ct), None)?;
        let mut slugs = BTreeSet::new();
        let mut config_changed = false;
        // Photos added or changed: the same checks `warta attach` makes, without decoding.
        let mut photos = Vec::new();
        for d in diff.deltas() {
            let Some(path) = d
                .new_file()
                .path()
                .or_else(|| d.old_file().path())
                .and_then(Path::to_str)
            else {
                continue;
            };
            let mode = d.new_file().mode();
            let regular = matches!(mode, git2::FileMode::Blob | git2::FileMode::BlobExecutable)
                || d.status() == git2::Delta::Deleted;
            if path == CONFIG_PATH {
                config_changed = true;
                // The rule book says who may change what in warta.toml (approvers: words).
                let text =
                    |c: &git2::Commit<'_>| self.read_text(c.id(), CONFIG_PATH).ok().flatten().unwrap_or_default();
                if crate::domain::rules::check_config_change(committer, &text(parent), &text(commit)).is_err() {
                    push(out, "", None, Problem::Config(who.clone()));
                }
                continue;
            }
            match layout::place(path) {
                Place::Draft { slug, layout, file }
                    if regular && expected.is_none_or(|e| e == layout) && d.status() != git2::Delta::Deleted =>
                {
                    slugs.insert(slug.to_string());
                    if photo::format_of_name(file).is_some() {
                        photos.push((slug.to_string(), d.new_file().id()));
                    }
                }
                Place::Draft { slug, layout, .. } | Place::Review { slug, layout }
                    if regular && expected.is_none_or(|e| e == layout) =>
                {
                    slugs.insert(slug.to_string());
                }
                Place::Draft { slug, .. } => push(out, slug, None, Problem::Unexpected(path.to_string())),
                Place::Review { .. } | Place::Unexpected => push(out, "", None, Problem::Unexpected(path.to_string())),
                Place::Other => {}
            }
        }
        if slugs.len() > 1 || (config_changed && !slugs.is_empty()) {
            push(out, "", None, Problem::NotOneAction);
        }
        let limits = photo::Limits::from_config(config);
        for (slug, id) in photos {
            if let Err(e) = self.check_photo(id, &limits) {
                push(out, &slug, None, Problem::Refused(Invalid::Photo(e)));
            }
        }
        let tz = config.timezone();
        let now = jiff::Timestamp::from_second(commit.time().seconds())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .to_zoned(tz);
        for slug in slugs {
            let ctx = Replay {
                parent,
                commit,
                pt: &pt,
                ct: &ct,
                slug: &slug,
                config,
                now: &now,
                committer: committer.map(|p| p.id.as_str()),
                who: &who,
                layout: expected.unwrap_or(Layout::Sharded),
            };
            for (action, problem) in self.replay_item(&ctx)? {
                push(out, &slug, action, problem);
            }
        }
        Ok(())
    }

    /// A committed photo under the newsroom's limits: its size from the object header
    /// (a huge blob is never read), then `photo::inspect`.
    fn check_photo(&self, id: Oid, limits: &photo::Limits) -> std::result::Result<(), photo::PhotoError> {
        let size = self
            .repo
            .odb()
            .and_then(|o| o.read_header(id))
            .map_or(0, |(n, _)| n as u64);
        if size > limits.max_bytes {
            return Err(photo::PhotoError::TooLarge {
                bytes: size,
                max: limits.max_bytes,
            });
        }
        let blob = self
            .repo
            .find_blob(id)
            .map_err(|e| photo::PhotoError::Damaged(e.message().to_string()))?;
        photo::inspect(blob.content(), limits).map(|_| ())
    }

    /// Replay what one commit did to one item through the rule book.
    fn replay_item(&self, r: &Replay<'_>) -> Result<Vec<(Option<ActionKind>, Problem)>> {
        let mut found = Vec::new();
        let slug = r.slug;
        let (content_before, content_now) = (folder_id(r.pt, slug), folder_id(r.ct, slug));
        let before = self.log_in(r.pt, slug);
        let after = match self.log_in(r.ct, slug) {
            LogRead::Damaged(reason) => {
                found.push((
                    None,
                    Problem::Unreadable {
                        path: r.layout.review_path(slug),
                        reason,
                    },
                ));
                return Ok(found);
            }
            LogRead::Missing if content_now.is_some() || matches!(before, LogRead::Readable(_)) => {
                found.push((None, Problem::Rewritten));
                return Ok(found);
            }
            LogRead::Missing => return Ok(found),
            LogRead::Readable(r) => r,
        };
        // Who acted, and may they.
        let actor_problems = |e: &crate::domain::review::Event, found: &mut Vec<_>| -> bool {
            let action = Some(e.action);
            if r.config.person(&e.actor).is_none() {
                found.push((action, Problem::UnknownActor(e.actor.clone())));
                return false;
            }
            if r.committer != Some(e.actor.as_str()) {
                found.push((
                    action,
                    Problem::ActorMismatch {
                        actor: e.actor.clone(),
                        committer: r.who.to_string(),
                    },
                ));
            }
            true
        };
        if let LogRead::Damaged(_) = before {
            // Only a repair may follow a damaged log: its last readable events, then `repair`.
            let Some((last, kept)) = after.events.split_last() else {
                found.push((None, Problem::Rewritten));
                return Ok(found);
            };
            if last.action != ActionKind::Repair {
                found.push((Some(last.action), Problem::Rewritten));
                return Ok(found);
            }
            if !actor_problems(last, &mut found) {
                return Ok(found);
            }
            let restored = self.last_readable_log(r.commit.id(), slug)?.unwrap_or_default();
            if restored.events != kept || content_before != content_now {
                found.push((Some(last.action), Problem::Mismatch));
            }
            let book = Rulebook::new(r.config, &last.actor, r.now.clone());
            match book.repair(&restored, last.message.as_deref().unwrap_or_default()) {
                Err(refusal) => found.push((Some(last.action), problem_of(refusal))),
                Ok(log) => {
                    if log.events.last().is_none_or(|e| !rules::same_event(e, last)) {
                        found.push((Some(last.action), Problem::Mismatch));
                    }
                }
            }
            return Ok(found);
        }
        let old = before.events();
        if after.events.len() < old.len() || after.events[..old.len()] != *old {
            found.push((None, Problem::Rewritten));
            return Ok(found);
        }
        let new_events = &after.events[old.len()..];
        let content_changed = content_before != content_now;
        match new_events {
            [] => {
                if content_changed {
                    found.push((None, Problem::NoEvent));
                }
                return Ok(found);
            }
            [_] => {}
            [first, ..] => {
                found.push((Some(first.action), Problem::NotOneAction));
                return Ok(found);
            }
        }
        let e = &new_events[0];
        let action = Some(e.action);
        if content_changed && !matches!(e.action, ActionKind::Create | ActionKind::Edit | ActionKind::Attach) {
            found.push((None, Problem::NoEvent));
        }
        if !actor_problems(e, &mut found) {
            return Ok(found);
        }
        let item_after = self.item_in(r.commit.id(), slug, &mut found, action)?;
        let existed = content_before.is_some() || !matches!(before, LogRead::Missing);
        let item_before = if existed && e.action != ActionKind::Create {
            self.item_in(r.parent.id(), slug, &mut found, action)?
        } else {
            None
        };
        let intent = match e.action {
            ActionKind::Create => match &item_after {
                Some(item) => Intent::Create {
                    slug: slug.to_string(),
                    item: item.clone(),
                },
                None => return Ok(found),
            },
            ActionKind::Edit => match &item_after {
                Some(item) => Intent::Edit { item: item.clone() },
                None => return Ok(found),
            },
            ActionKind::Attach => match &item_after {
                // The photo the event names is in the folder the commit leaves.
                Some(_)
                    if blob_id(
                        r.ct,
                        &r.layout.file_path(slug, e.message.as_deref().unwrap_or_default()),
                    )
                    .is_none() =>
                {
                    found.push((action, Problem::Mismatch));
                    return Ok(found);
                }
                Some(item) => Intent::Attach {
                    item: item.clone(),
                    file: e.message.clone().unwrap_or_default(),
                },
                None => return Ok(found),
            },
            ActionKind::Comment => Intent::Comment {
                paragraph: e.paragraph,
                text: e.message.clone().unwrap_or_default(),
            },
            ActionKind::Reply => Intent::Reply {
                thread: e.thread.unwrap_or_default(),
                text: e.message.clone().unwrap_or_default(),
            },
            ActionKind::Resolve => Intent::Resolve {
                thread: e.thread.unwrap_or_default(),
            },
            ActionKind::Repair => {
                found.push((action, Problem::Refused(Invalid::NotDamaged)));
                return Ok(found);
            }
            ActionKind::Shared => Intent::Shared {
                channel: e.channel.clone().unwrap_or_default(),
                url: e.url.clone().unwrap_or_default(),
            },
            other => Intent::Transition {
                action: other,
                message: e.message.clone(),
                seen: None,
            },
        };
        let old_review = Review { events: old.to_vec() };
        let state = old_review.state();
        let content_str = content_before.map(|o| o.to_string()).unwrap_or_default();
        let current_item = if e.action == ActionKind::Create {
            // A second `create` of an existing item is refused as the live action is.
            existed.then(Item::default)
        } else {
            match item_before {
                Some(item) => Some(item),
                None => {
                    if existed {
                        // Unreadable before: item_in reported it.
                        return Ok(found);
                    }
                    found.push((action, Problem::Refused(Invalid::UnknownItem(slug.to_string()))));
                    return Ok(found);
                }
            }
        };
        let current_ref = current_item.as_ref().map(|item| Current {
            item,
            review: &old_review,
            state: &state,
            content: &content_str,
        });
        let book = Rulebook::new(r.config, &e.actor, r.now.clone());
        match book.plan(&intent, current_ref.as_ref()) {
            Err(refusal) => found.push((action, problem_of(refusal))),
            Ok(None) => found.push((action, Problem::Mismatch)),
            Ok(Some(mut planned)) => {
                if e.action.pins_content() {
                    let now_str = content_now.map(|o| o.to_string());
                    if e.content != now_str {
                        found.push((action, Problem::Content));
                    }
                    planned.event.content.clone_from(&e.content);
                }
                let item_ok = match &planned.item {
                    Some(item) => item_after.as_ref() == Some(item),
                    None => true,
                };
                if !rules::same_event(&planned.event, e) || !item_ok {
                    found.push((action, Problem::Mismatch));
                }
            }
        }
        Ok(found)
    }

    /// Whether tree `ct` holds exactly what `pt` holds, with items moved from the flat
    /// layout into date folders: the same folder and log objects, the same strays, and
    /// nothing else changed.
    fn only_moved(&self, pt: &Tree<'_>, ct: &Tree<'_>) -> Result<bool> {
        let others = |t: &Tree<'_>| -> Vec<(String, Oid, i32)> {
            t.iter()
                .filter(|e| !matches!(e.name(), Ok(layout::DRAFTS | layout::REVIEWS)))
                .map(|e| (e.name().unwrap_or_default().to_string(), e.id(), e.filemode()))
                .collect()
        };
        if others(pt) != others(ct) {
            return Ok(false);
        }
        let (before, after) = (self.list_items(pt.id())?, self.list_items(ct.id())?);
        if after
            .drafts
            .iter()
            .chain(&after.reviews)
            .any(|p| p.layout == Layout::Flat)
        {
            return Ok(false);
        }
        let key = |list: &[super::shards::Placed]| {
            let mut v: Vec<(String, u32, Oid)> = list.iter().map(|p| (p.slug.clone(), p.mode, p.id)).collect();
            v.sort();
            v
        };
        Ok(key(&before.drafts) == key(&after.drafts)
            && key(&before.reviews) == key(&after.reviews)
            && before.strays == after.strays)
    }

    /// The item at a commit for a replay; an unreadable one is reported.
    fn item_in(
        &self,
        commit: Oid,
        slug: &str,
        found: &mut Vec<(Option<ActionKind>, Problem)>,
        action: Option<ActionKind>,
    ) -> Result<Option<Item>> {
        let Some((path, bytes)) = self.index_bytes(commit, slug)? else {
            return Ok(None);
        };
        if bytes.len() > super::snapshot::MAX_ITEM_BYTES {
            found.push((
                action,
                Problem::Unreadable {
                    path,
                    reason: "too large".into(),
                },
            ));
            return Ok(None);
        }
        match Item::parse(&bytes) {
            Ok(item) => Ok(Some(item)),
            Err(e) => {
                found.push((
                    action,
                    Problem::Unreadable {
                        path,
                        reason: e.to_string(),
                    },
                ));
                Ok(None)
            }
        }
    }
}

/// What a replay of one commit on one item needs to know.
struct Replay<'a> {
    parent: &'a git2::Commit<'a>,
    commit: &'a git2::Commit<'a>,
    pt: &'a Tree<'a>,
    ct: &'a Tree<'a>,
    slug: &'a str,
    config: &'a Config,
    now: &'a jiff::Zoned,
    committer: Option<&'a str>,
    who: &'a str,
    /// The layout the commit's paths follow.
    layout: Layout,
}

fn problem_of(refusal: Refusal) -> Problem {
    match refusal {
        Refusal::Denied(d) => Problem::Denied(d),
        Refusal::Invalid(i) => Problem::Refused(i),
    }
}
