//! Clones that sync: `warta clone`, and `sync` = fetch, replay, push.
//!
//! The network is the system `git` (SSH, HTTPS and credential helpers as the person
//! already set them up; our git2 is built without network features); everything local
//! is git2. A sync fetches the newsroom's branch into `refs/remotes/origin/<branch>`.
//! When both sides moved, the local actions the remote has not seen are replayed on
//! top of the remote head, oldest first, each planned again by the one rule book
//! (`Newsroom::plan`, as a live action) with its original actor and time, and
//! committed with the original author, committer and message (trailers included). An
//! edit whose base changed is merged as the editor merges; a text conflict keeps both
//! versions between markers. An action the rules now refuse is kept aside on
//! `refs/warta/refused/<commit>` with its reason in the report: nothing is lost. Then
//! the branch is pushed; a refusal by the server's hook comes back with its message.
//!
//! It does not decide anything about the rules itself, and never rewrites what the
//! remote already has.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::{Command, Stdio};

use git2::Oid;

use super::action::Request;
use super::error::{CommitId, StoreError};
use super::merge::{merge_items, merge_marked};
use super::repo::{CONFIG_PATH, Newsroom};
use super::tree::{Change, with_changes};
use crate::domain::item::Item;
use crate::domain::layout::{self, Place};
use crate::domain::review::ActionKind;
use crate::domain::text::clean_line;

/// The remote a clone syncs with (the one `git clone` names).
pub const REMOTE: &str = "origin";

/// Where actions a sync could not replay are kept.
pub const REFUSED_PREFIX: &str = "refs/warta/refused/";

/// How often a sync starts again because the remote moved between fetch and push.
const ATTEMPTS: u32 = 5;

/// Why a sync or clone stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The repository has no remote to sync with.
    #[error("no remote named origin")]
    NoRemote,
    /// `git` is not installed.
    #[error("git is not installed")]
    NoGit,
    /// git could not reach the remote (offline, refused login, unknown address).
    #[error("git {what}: {detail}")]
    Network {
        /// `fetch`, `push` or `clone`.
        what: &'static str,
        /// git's own words, cleaned.
        detail: String,
    },
    /// The remote kept moving between fetch and push.
    #[error("the remote kept changing")]
    Busy,
    /// The server's copy is a work folder with the branch checked out: git refuses
    /// every push to it (`receive.denyCurrentBranch`), whoever pushes and whatever.
    #[error("the server's repository has the branch checked out")]
    ServerCheckedOut,
    /// A store error (reading, writing, the branch lock).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<git2::Error> for SyncError {
    fn from(e: git2::Error) -> Self {
        Self::Store(StoreError::Git(e))
    }
}

/// One local action replayed on top of the remote.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    /// The item.
    pub slug: String,
    /// The action.
    pub action: ActionKind,
    /// An edit merged with changes made elsewhere.
    pub merged: bool,
    /// The edit's text conflicted: both versions are in the item, between markers.
    pub conflict: bool,
    /// A new item whose name was taken on the remote and was given this one.
    pub renamed_from: Option<String>,
}

/// Why an action was kept aside.
#[derive(Debug)]
pub enum AsideReason {
    /// The rule book refuses it now.
    Refused(StoreError),
    /// The commit is not one warta action (plain git work, `warta.toml` changes).
    NotAnAction,
    /// The event is in someone else's name than the commit's author (plain git).
    NotTheActor {
        /// Whose name the event carries.
        actor: String,
        /// The commit's author, `name <email>`.
        author: String,
    },
    /// The edit's fields (title, tags…) conflict; the remote's were kept, ours are on
    /// the kept ref.
    Fields,
}

/// A local action not replayed (or, for [`AsideReason::Fields`], replayed in part).
#[derive(Debug)]
pub struct Aside {
    /// The item, when known.
    pub slug: String,
    /// The action, when known.
    pub action: Option<ActionKind>,
    /// The original local commit.
    pub original: CommitId,
    /// The ref it is kept on.
    pub kept: String,
    /// Why.
    pub reason: AsideReason,
}

/// What one sync did.
#[derive(Debug, Default)]
pub struct SyncReport {
    /// Commits received from the remote.
    pub received: usize,
    /// Local actions replayed on top of the remote's.
    pub replayed: Vec<Replayed>,
    /// Local actions kept aside.
    pub aside: Vec<Aside>,
    /// Commits the remote accepted.
    pub sent: usize,
    /// The server refused the push: its message, one cleaned line each.
    pub push_refused: Option<Vec<String>>,
}

/// How far the local branch and the remote-tracking ref are apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pending {
    /// Local actions not sent.
    pub ahead: usize,
    /// Remote commits fetched but not yet taken in.
    pub behind: usize,
}

enum Pushed {
    Accepted,
    /// The remote moved since the fetch.
    Moved,
    /// The server (its hook) said no.
    Refused(Vec<String>),
}

/// `git clone URL DIR`, then check that DIR holds a newsroom.
pub fn clone(url: &str, dir: &Path) -> Result<Newsroom, SyncError> {
    if dir.exists() && std::fs::read_dir(dir).map_or(true, |mut d| d.next().is_some()) {
        return Err(StoreError::AlreadyExists {
            path: dir.display().to_string(),
        }
        .into());
    }
    let out = Command::new("git")
        .args(["clone", "--quiet", "--origin", REMOTE, "--", url])
        .arg(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|_| SyncError::NoGit)?;
    if !out.status.success() {
        return Err(SyncError::Network {
            what: "clone",
            detail: last_lines(&out.stderr),
        });
    }
    Ok(Newsroom::open(dir)?)
}

/// git's error output, its last three lines cleaned.
fn last_lines(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<String> = text.lines().filter(|l| !l.trim().is_empty()).map(clean_line).collect();
    lines[lines.len().saturating_sub(3)..].join(" / ")
}

impl Newsroom {
    fn tracking_ref(&self) -> String {
        format!("refs/remotes/{REMOTE}/{}", self.branch())
    }

    /// Whether this repository has a remote to sync with.
    #[must_use]
    pub fn has_remote(&self) -> bool {
        self.repo.find_remote(REMOTE).is_ok()
    }

    /// Local actions not yet sent and remote ones not yet taken in, as of the last
    /// fetch; `None` without a remote.
    pub fn pending(&self) -> Option<Pending> {
        if !self.has_remote() {
            return None;
        }
        let local = self.head().ok()?;
        let Some(remote) = self.repo.refname_to_id(&self.tracking_ref()).ok() else {
            // Never fetched, or the remote has no branch yet: everything waits.
            let ahead = self.chain().map_or(0, |c| c.len());
            return Some(Pending { ahead, behind: 0 });
        };
        let (ahead, behind) = self.repo.graph_ahead_behind(local, remote).ok()?;
        Some(Pending { ahead, behind })
    }

    /// Whether the server lets every active person clone and push over SSH
    /// (`git config warta.clones true` in the server's repository). A clone holds every
    /// item, drafts of other kecamatan too, so it is the admin's choice; admins may
    /// always. Pushes are judged by the pre-receive hook either way.
    #[must_use]
    pub fn clones_allowed(&self) -> bool {
        self.repo
            .config()
            .ok()
            .and_then(|c| c.get_bool("warta.clones").ok())
            .unwrap_or(false)
    }

    /// The local actions kept aside by earlier syncs.
    #[must_use]
    pub fn kept_aside(&self) -> Vec<String> {
        let Ok(mut refs) = self.repo.references_glob(&format!("{REFUSED_PREFIX}*")) else {
            return vec![];
        };
        refs.names().flatten().map(str::to_string).collect()
    }

    /// A git command on this repository, for the network. `quiet`: never prompt (the
    /// TUI owns the terminal), so a key with a passphrase needs an agent.
    fn git(&self, quiet: bool) -> Command {
        let mut c = Command::new("git");
        c.arg("--git-dir").arg(self.git_dir()).stdin(Stdio::null());
        // A hook's environment would point git elsewhere.
        for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"] {
            c.env_remove(var);
        }
        if quiet {
            c.env("GIT_TERMINAL_PROMPT", "0");
            let configured = self
                .repo
                .config()
                .ok()
                .and_then(|cfg| cfg.get_string("core.sshCommand").ok())
                .is_some();
            if std::env::var_os("GIT_SSH_COMMAND").is_none() && !configured {
                c.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
            }
        }
        c
    }

    fn fetch(&self, quiet: bool) -> Result<Option<Oid>, SyncError> {
        let branch = self.branch();
        let out = self
            .git(quiet)
            .args(["fetch", "--quiet", "--no-tags", REMOTE])
            .arg(format!("+refs/heads/{branch}:{}", self.tracking_ref()))
            .output()
            .map_err(|_| SyncError::NoGit)?;
        if !out.status.success() {
            let text = String::from_utf8_lossy(&out.stderr);
            // A remote without the branch yet (a new, empty server repository).
            if text.contains("couldn't find remote ref") {
                return Ok(None);
            }
            return Err(SyncError::Network {
                what: "fetch",
                detail: last_lines(&out.stderr),
            });
        }
        Ok(self.repo.refname_to_id(&self.tracking_ref()).ok())
    }

    fn push(&self, commit: Oid, quiet: bool) -> Result<Pushed, SyncError> {
        let out = self
            .git(quiet)
            .args(["push", "--porcelain", REMOTE])
            .arg(format!("{commit}:refs/heads/{}", self.branch()))
            .output()
            .map_err(|_| SyncError::NoGit)?;
        if out.status.success() {
            // Known to be on the remote now, whatever git's own bookkeeping did.
            self.repo
                .reference(&self.tracking_ref(), commit, true, "warta sync: pushed")?;
            return Ok(Pushed::Accepted);
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stdout.contains("[rejected]") {
            return Ok(Pushed::Moved);
        }
        if stdout.contains("(branch is currently checked out)") {
            // Not a rule of the newsroom: git's own refusal, with a dozen lines of advice
            // meant for git experts. One sentence saying what the admin must do.
            return Err(SyncError::ServerCheckedOut);
        }
        if stdout.contains("[remote rejected]") {
            // What the server's hook printed comes back as `remote:` lines.
            let said: Vec<String> = stderr
                .lines()
                .filter_map(|l| l.strip_prefix("remote:"))
                .map(|l| clean_line(l.trim()))
                .filter(|l| !l.is_empty())
                .collect();
            let said = if said.is_empty() {
                stdout
                    .lines()
                    .filter(|l| l.contains("[remote rejected]"))
                    .map(clean_line)
                    .collect()
            } else {
                said
            };
            return Ok(Pushed::Refused(said));
        }
        Err(SyncError::Network {
            what: "push",
            detail: last_lines(&out.stderr),
        })
    }

    /// Fetch, take in what the remote has, replay the local actions it has not seen on
    /// top of it, and push. `quiet`: never prompt for a password (the TUI).
    pub fn sync(&self, quiet: bool) -> Result<SyncReport, SyncError> {
        if !self.has_remote() {
            return Err(SyncError::NoRemote);
        }
        let mut report = SyncReport::default();
        // After the server refused a push, the local actions are judged here once, so
        // that what the rules refuse is kept aside and the rest still goes.
        let mut judge_all = false;
        for _ in 0..ATTEMPTS {
            let remote = self.fetch(quiet)?;
            let local = self.head()?;
            let base = match remote {
                Some(r) => self.repo.merge_base(local, r).ok(),
                None => None,
            };
            let to_push = match remote {
                Some(r) if r == local => return Ok(report),
                Some(r) if base == Some(local) => {
                    // Only the remote moved: take it in.
                    report.received += self.count(r, Some(local))?;
                    self.move_to(local, r, "warta sync: fast-forward")?;
                    return Ok(report);
                }
                Some(r) if base == Some(r) && !judge_all => local,
                Some(r) => {
                    let Some(base) = base else {
                        // Unrelated histories: nothing of the remote is ours to rewrite.
                        return Err(SyncError::Network {
                            what: "fetch",
                            detail: "unrelated histories".into(),
                        });
                    };
                    report.received = self.count(r, Some(base))?;
                    report.replayed.clear();
                    report.aside.clear();
                    let new = self.replay(base, local, r, &mut report)?;
                    match self.move_to(local, new, "warta sync: replayed") {
                        Ok(()) if new == r => return Ok(report),
                        Ok(()) => new,
                        // Someone acted here meanwhile: start again from the new head.
                        Err(SyncError::Store(StoreError::Git(e))) if e.code() == git2::ErrorCode::Modified => continue,
                        Err(e) => return Err(e),
                    }
                }
                None => local,
            };
            match self.push(to_push, quiet)? {
                Pushed::Accepted => {
                    report.sent += self.count(to_push, remote)?;
                    return Ok(report);
                }
                Pushed::Moved => {}
                Pushed::Refused(lines) => {
                    report.push_refused = Some(lines);
                    if judge_all || remote.is_none() {
                        return Ok(report);
                    }
                    judge_all = true;
                }
            }
        }
        Err(SyncError::Busy)
    }

    /// First-parent commits from `from` back to (not including) `to`.
    fn count(&self, from: Oid, to: Option<Oid>) -> Result<usize, SyncError> {
        Ok(self.first_parents(from, to)?.len())
    }

    fn first_parents(&self, from: Oid, to: Option<Oid>) -> Result<Vec<Oid>, SyncError> {
        let mut out = Vec::new();
        let mut cur = Some(self.repo.find_commit(from)?);
        while let Some(c) = cur {
            if Some(c.id()) == to {
                break;
            }
            out.push(c.id());
            cur = c.parents().next();
        }
        out.reverse();
        Ok(out)
    }

    /// Move the branch from `old` to `new` (compare-and-swap) and the work tree with it.
    fn move_to(&self, old: Oid, new: Oid, why: &str) -> Result<(), SyncError> {
        super::reflock::move_branch(&self.repo, &self.refname(), new, old, why)?;
        let (ot, nt) = (self.repo.find_commit(old)?.tree()?, self.repo.find_commit(new)?.tree()?);
        let diff = self.repo.diff_tree_to_tree(Some(&ot), Some(&nt), None)?;
        let changes: Vec<Change> = diff
            .deltas()
            .filter_map(|d| {
                let path = d
                    .new_file()
                    .path()
                    .or_else(|| d.old_file().path())?
                    .to_str()?
                    .to_string();
                let blob = (d.status() != git2::Delta::Deleted).then(|| d.new_file().id());
                Some(Change { path, blob })
            })
            .collect();
        super::worktree::update(self, ot.id(), nt.id(), &changes);
        Ok(())
    }

    /// Replay the first-parent commits `base..local` on top of `remote`; returns the
    /// new head (not yet on the branch).
    fn replay(&self, base: Oid, local: Oid, remote: Oid, report: &mut SyncReport) -> Result<Oid, SyncError> {
        let mut head = remote;
        let mut names: HashMap<String, String> = HashMap::new();
        let mut threads: HashMap<(String, u32), u32> = HashMap::new();
        for id in self.first_parents(local, Some(base))? {
            let commit = self.repo.find_commit(id)?;
            let aside = |report: &mut SyncReport, slug: &str, action, reason| -> Result<(), SyncError> {
                let kept = format!("{REFUSED_PREFIX}{}", &id.to_string()[..12]);
                self.repo.reference(&kept, id, true, "warta sync: kept aside")?;
                report.aside.push(Aside {
                    slug: slug.to_string(),
                    action,
                    original: CommitId(id),
                    kept,
                    reason,
                });
                Ok(())
            };
            let Some((slug, event)) = self.one_action(&commit)? else {
                aside(report, "", None, AsideReason::NotAnAction)?;
                continue;
            };
            // A commit is the act of its author: one in the name of someone else (plain
            // git) is not replayed as theirs.
            let config = self.config_at(head)?;
            let email = commit.author().email().unwrap_or_default().to_string();
            let by_actor = config.person(&event.actor).is_some_and(|p| {
                let own = if p.email.is_empty() {
                    format!("{}@localhost", p.id)
                } else {
                    p.email.clone()
                };
                own.eq_ignore_ascii_case(&email)
            });
            if !by_actor {
                let author = format!("{} <{email}>", commit.author().name().unwrap_or_default());
                let reason = AsideReason::NotTheActor {
                    actor: event.actor.clone(),
                    author,
                };
                aside(report, &slug, Some(event.action), reason)?;
                continue;
            }
            let mut target = names.get(&slug).cloned().unwrap_or_else(|| slug.clone());
            let parent = commit.parent_id(0)?;
            let mut fields_conflict = false;
            let mut conflict = false;
            let mut merged = false;
            let mut renamed_from = None;
            let request = match event.action {
                ActionKind::Create => {
                    let Some(item) = self.item_at(id, &slug)? else {
                        aside(report, &slug, Some(event.action), AsideReason::NotAnAction)?;
                        continue;
                    };
                    if self.tree_id(head, &layout::draft_dir(&slug))?.is_some() {
                        // The same name was taken elsewhere: the next free one.
                        target = crate::domain::slug::make(&slug[..10.min(slug.len())], &item.front.title, |s| {
                            self.tree_id(head, &layout::draft_dir(s)).ok().flatten().is_some()
                        });
                        names.insert(slug.clone(), target.clone());
                        renamed_from = Some(slug.clone());
                    }
                    Request::Import {
                        slug: target.clone(),
                        item: Box::new(item),
                    }
                }
                ActionKind::Edit => {
                    let (Some(base_item), Some(ours)) = (self.item_at(parent, &slug)?, self.item_at(id, &slug)?) else {
                        aside(report, &slug, Some(event.action), AsideReason::NotAnAction)?;
                        continue;
                    };
                    let theirs = self.item_at(head, &target)?;
                    merged = theirs.as_ref().is_some_and(|t| *t != base_item);
                    match theirs {
                        Some(theirs) if theirs != base_item && merge_items(&base_item, &ours, &theirs).is_none() => {
                            conflict = true;
                            let (item, fields_clean) = keep_both(&base_item, &ours, &theirs);
                            fields_conflict = !fields_clean;
                            Request::Edit {
                                slug: target.clone(),
                                base: Box::new(theirs),
                                new: Box::new(item),
                            }
                        }
                        _ => Request::Edit {
                            slug: target.clone(),
                            base: Box::new(base_item),
                            new: Box::new(ours),
                        },
                    }
                }
                ActionKind::Attach => {
                    // The photo as this clone attached it: its bytes from the commit (already
                    // checked and stripped), its caption and credit from the item there.
                    let file = event.message.clone().unwrap_or_default();
                    let data = self.read_bytes(id, &layout::file_path(&slug, &file))?;
                    let (Some(ours), Some(data)) = (self.item_at(id, &slug)?, data) else {
                        aside(report, &slug, Some(event.action), AsideReason::NotAnAction)?;
                        continue;
                    };
                    let photo = ours.front.photos.iter().find(|p| p.file == file);
                    Request::Attach(Box::new(super::action::NewPhoto {
                        slug: target.clone(),
                        name: file.clone(),
                        data,
                        caption: photo.map(|p| p.caption.clone()).unwrap_or_default(),
                        credit: photo.map(|p| p.credit.clone()).unwrap_or_default(),
                    }))
                }
                ActionKind::Comment => Request::Comment {
                    slug: target.clone(),
                    paragraph: event.paragraph,
                    text: event.message.clone().unwrap_or_default(),
                },
                ActionKind::Reply | ActionKind::Resolve => {
                    let n = event.thread.unwrap_or_default();
                    let thread = threads.get(&(slug.clone(), n)).copied().unwrap_or(n);
                    if event.action == ActionKind::Reply {
                        Request::Reply {
                            slug: target.clone(),
                            thread,
                            text: event.message.clone().unwrap_or_default(),
                        }
                    } else {
                        Request::Resolve {
                            slug: target.clone(),
                            thread,
                        }
                    }
                }
                ActionKind::Shared => Request::Shared {
                    slug: target.clone(),
                    channel: event.channel.clone().unwrap_or_default(),
                    url: event.url.clone().unwrap_or_default(),
                },
                ActionKind::Repair => Request::Repair {
                    slug: target.clone(),
                    message: event.message.clone().unwrap_or_default(),
                },
                action => Request::Transition {
                    slug: target.clone(),
                    action,
                    message: event.message.clone(),
                    // A decision holds for the content it was made on, and only that.
                    seen: matches!(
                        action,
                        ActionKind::Approve | ActionKind::RequestChanges | ActionKind::Reject | ActionKind::Publish
                    )
                    .then(|| event.content.clone())
                    .flatten(),
                },
            };
            if event.action == ActionKind::Comment {
                if let (Some(n), Some(log)) = (event.thread, self.readable_log(head, &target)?) {
                    let next = log.state().threads.iter().map(|t| t.id).max().unwrap_or(0) + 1;
                    threads.insert((slug.clone(), n), next);
                }
            }
            let now = jiff::Timestamp::from_second(commit.time().seconds())
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
                .to_zoned(config.timezone());
            let plan = match self.plan(head, &config, &event.actor, &request, &now, &mut None) {
                Ok(Some(plan)) => plan,
                // Already there (the same edit made on both sides).
                Ok(None) => continue,
                Err(e) => {
                    aside(report, &slug, Some(event.action), AsideReason::Refused(e))?;
                    continue;
                }
            };
            let parent_commit = self.repo.find_commit(head)?;
            let tree = self
                .repo
                .find_tree(with_changes(self, Some(parent_commit.tree_id()), &plan.changes)?)?;
            let mut message = String::from_utf8_lossy(commit.message_raw_bytes()).into_owned();
            if let Some(old) = &renamed_from {
                message = message
                    .replacen(&format!("({old})"), &format!("({target})"), 1)
                    .replace(&format!("\nWarta-Item: {old}\n"), &format!("\nWarta-Item: {target}\n"));
            }
            head = self.repo.commit(
                None,
                &commit.author(),
                &commit.committer(),
                &message,
                &tree,
                &[&parent_commit],
            )?;
            if fields_conflict {
                aside(report, &target, Some(event.action), AsideReason::Fields)?;
            }
            report.replayed.push(Replayed {
                slug: target.clone(),
                action: event.action,
                merged,
                conflict,
                renamed_from,
            });
        }
        Ok(head)
    }

    /// The one item and the one event a commit adds, or `None` when it is not exactly
    /// one warta action.
    fn one_action(
        &self,
        commit: &git2::Commit<'_>,
    ) -> Result<Option<(String, crate::domain::review::Event)>, SyncError> {
        let Some(parent) = commit.parents().next() else {
            return Ok(None);
        };
        let diff = self
            .repo
            .diff_tree_to_tree(Some(&parent.tree()?), Some(&commit.tree()?), None)?;
        let mut slugs = BTreeSet::new();
        for d in diff.deltas() {
            let Some(path) = d
                .new_file()
                .path()
                .or_else(|| d.old_file().path())
                .and_then(Path::to_str)
            else {
                return Ok(None);
            };
            match layout::place(path) {
                _ if path == CONFIG_PATH => return Ok(None),
                Place::Draft { slug, .. } | Place::Review { slug, .. } => {
                    slugs.insert(slug.to_string());
                }
                _ => return Ok(None),
            }
        }
        let mut slugs = slugs.into_iter();
        let (Some(slug), None) = (slugs.next(), slugs.next()) else {
            return Ok(None);
        };
        let (Some(before), Some(after)) = (
            self.readable_log(parent.id(), &slug)?,
            self.readable_log(commit.id(), &slug)?,
        ) else {
            return Ok(None);
        };
        let n = before.events.len();
        if after.events.len() != n + 1 || after.events[..n] != before.events[..] {
            return Ok(None);
        }
        let event = after.events[n].clone();
        Ok(Some((slug, event)))
    }
}

/// An edit whose text conflicts, as the editor keeps it: the fields merged key by key
/// (the remote's where both changed one; the flag says none did), and the body with
/// both versions of each conflicting part between `<<<<<<< ours` / `>>>>>>> theirs`.
#[must_use]
pub fn keep_both(base: &Item, ours: &Item, theirs: &Item) -> (Item, bool) {
    let fields = |i: &Item| Item {
        front: i.front.clone(),
        body: String::new(),
    };
    let merged = merge_items(&fields(base), &fields(ours), &fields(theirs));
    let clean = merged.is_some();
    let front = merged.map_or_else(|| theirs.front.clone(), |m| m.front);
    let (body, _) = merge_marked(&base.body, &ours.body, &theirs.body);
    (Item { front, body }, clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_both_keeps_every_word() {
        let mut base = Item::default();
        base.front.title = "Rapat".into();
        base.body = "Satu.\n\nDua.\n".into();
        let mut ours = base.clone();
        ours.body = "Satu dari kami.\n\nDua.\n".into();
        let mut theirs = base.clone();
        theirs.body = "Satu dari server.\n\nDua.\n".into();
        theirs.front.tags = vec!["pleno".into()];
        let (item, clean) = keep_both(&base, &ours, &theirs);
        assert!(clean);
        assert!(item.body.contains("Satu dari kami.") && item.body.contains("Satu dari server."));
        assert!(item.body.contains("<<<<<<< ours") && item.body.contains(">>>>>>> theirs"));
        assert_eq!(item.front.tags, vec!["pleno".to_string()]);
        let mut clash = ours.clone();
        clash.front.title = "Rapat kami".into();
        let mut theirs2 = theirs.clone();
        theirs2.front.title = "Rapat server".into();
        let (item, clean) = keep_both(&base, &clash, &theirs2);
        assert!(!clean);
        assert_eq!(item.front.title, "Rapat server");
    }
}
