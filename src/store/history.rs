//! History: the commits behind an item's events, its content at any event, and
//! `verify`, which replays the whole branch against the rules.

use std::collections::BTreeSet;
use std::path::Path;

use git2::{ObjectType, Oid, Tree};

use super::Result;
use super::repo::{CONFIG_PATH, Newsroom};
use crate::domain::config::Role;
use crate::domain::item::Item;
use crate::domain::review::{ActionKind, Review, Status};
use crate::domain::workflow::{self, Context, Denial, ItemFacts};

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
    pub commit: Option<Oid>,
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
        blob_id(tree, &format!("reviews/{slug}.toml"))
            // An oversized log is left unread, as the snapshot does.
            .filter(|id| {
                self.blob_size(*id)
                    .is_some_and(|size| size <= super::snapshot::MAX_REVIEW_BYTES)
            })
            .and_then(|id| self.repo.find_blob(id).ok())
            .and_then(|b| {
                std::str::from_utf8(b.content())
                    .ok()
                    .and_then(|t| Review::parse(t).ok())
            })
            .unwrap_or_default()
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
            changed |= index.extend_for(&self.repo, slug, wanted)?;
            if changed {
                // An index that cannot be written (read-only repository) is simply not kept.
                let _ = index.save(&file);
            }
            index.commits(slug).take(wanted).map(Some).collect()
        };
        if found.len() != wanted || wanted == 0 {
            return Ok(None);
        }
        // The oldest must be where the log began, or the trailers lie.
        let first = found.last().copied().flatten();
        let began = first.and_then(|c| self.repo.find_commit(c).ok()).is_some_and(|c| {
            let path = format!("reviews/{slug}.toml");
            let here = c.tree().ok().and_then(|t| blob_id(&t, &path));
            let before = c
                .parents()
                .next()
                .and_then(|p| p.tree().ok())
                .and_then(|t| blob_id(&t, &path));
            here.is_some() && before.is_none()
        });
        if !began {
            return Ok(None);
        }
        found.reverse();
        Ok(Some(found))
    }

    fn event_commits_by_trees(&self, slug: &str) -> Result<Vec<Option<Oid>>> {
        let path = format!("reviews/{slug}.toml");
        let mut map: Vec<Option<Oid>> = Vec::new();
        let mut cur = Some(self.repo.find_commit(self.head()?)?);
        while let Some(c) = cur {
            let tree = c.tree()?;
            let parent = c.parents().next();
            let here = blob_id(&tree, &path);
            let there = match &parent {
                Some(p) => blob_id(&p.tree()?, &path),
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
        Ok(self
            .read_bytes(commit, &format!("drafts/{slug}/index.md"))?
            .and_then(|b| Item::parse(&b).ok()))
    }

    /// Check a push of the branch from `old` (`None`: the branch is new) to `new` by
    /// `pusher`: every new commit must be an action `pusher` may take, and the branch's
    /// history may only grow.
    pub fn check_push(&self, old: Option<Oid>, new: Oid, pusher: &str) -> Result<Vec<Finding>> {
        let mut findings = Vec::new();
        let finding = |commit: Oid, problem| Finding {
            commit: Some(commit),
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
                Some(parent) => self.verify_commit(&parent, &commit, Some(pusher), &mut findings)?,
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
        for pair in chain.windows(2) {
            let (parent, commit) = (self.repo.find_commit(pair[0])?, self.repo.find_commit(pair[1])?);
            self.verify_commit(&parent, &commit, None, &mut findings)?;
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

    /// Check one commit against its parent. The person responsible is the commit's
    /// author, or, for a push, the pusher named by the server (never the commit).
    fn verify_commit(
        &self,
        parent: &git2::Commit<'_>,
        commit: &git2::Commit<'_>,
        pusher: Option<&str>,
        out: &mut Vec<Finding>,
    ) -> Result<()> {
        let (pt, ct) = (parent.tree()?, commit.tree()?);
        let Ok(config) = self.config_at(parent.id()) else {
            return Ok(());
        };
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
                commit: Some(commit.id()),
                slug: slug.to_string(),
                action,
                problem,
            });
        };
        let diff = self.repo.diff_tree_to_tree(Some(&pt), Some(&ct), None)?;
        let mut slugs = BTreeSet::new();
        for d in diff.deltas() {
            let Some(path) = d
                .new_file()
                .path()
                .or_else(|| d.old_file().path())
                .and_then(Path::to_str)
            else {
                continue;
            };
            if path == CONFIG_PATH {
                if !committer.is_some_and(|p| p.has(Role::Admin)) {
                    push(out, "", None, Problem::Config(who.clone()));
                }
            } else if let Some(rest) = path.strip_prefix("drafts/") {
                slugs.insert(rest.split('/').next().unwrap_or_default().to_string());
            } else if let Some(rest) = path.strip_prefix("reviews/").and_then(|r| r.strip_suffix(".toml")) {
                slugs.insert(rest.to_string());
            }
        }
        let tz = config.timezone();
        let today = jiff::Timestamp::from_second(commit.time().seconds())
            .map_or(jiff::civil::date(1970, 1, 1), |t| t.to_zoned(tz).date());
        for slug in slugs {
            let before = self.review_at(&pt, &slug);
            let after = self.review_at(&ct, &slug);
            let content_changed = tree_id(&pt, &format!("drafts/{slug}")) != tree_id(&ct, &format!("drafts/{slug}"));
            if after.events.len() < before.events.len() || after.events[..before.events.len()] != before.events[..] {
                push(out, &slug, None, Problem::Rewritten);
                continue;
            }
            let new_events = &after.events[before.events.len()..];
            if content_changed
                && !new_events
                    .iter()
                    .any(|e| matches!(e.action, ActionKind::Create | ActionKind::Edit))
            {
                push(out, &slug, None, Problem::NoEvent);
            }
            let item_before = self.item_at(parent.id(), &slug)?;
            let item_after = self.item_at(commit.id(), &slug)?;
            let content_now = tree_id(&ct, &format!("drafts/{slug}")).map(|o| o.to_string());
            let content_before = tree_id(&pt, &format!("drafts/{slug}")).map(|o| o.to_string());
            let mut state_log = before.clone();
            for e in new_events {
                let action = Some(e.action);
                let Some(person) = config.person(&e.actor) else {
                    push(out, &slug, action, Problem::UnknownActor(e.actor.clone()));
                    continue;
                };
                if committer.is_none_or(|c| c.id != person.id) {
                    push(
                        out,
                        &slug,
                        action,
                        Problem::ActorMismatch {
                            actor: e.actor.clone(),
                            committer: who.clone(),
                        },
                    );
                }
                let state = state_log.state();
                let item = if e.action == ActionKind::Create {
                    item_after.as_ref()
                } else {
                    item_before.as_ref().or(item_after.as_ref())
                };
                let (author, kecamatan) = item.map_or((String::new(), String::new()), |i| {
                    (i.front.author.clone(), i.front.kecamatan.clone())
                });
                let approval_valid = matches!(state.status, Status::Approved | Status::Published)
                    && state.approved_content.is_some()
                    && state.approved_content == content_before;
                let opener = e
                    .thread
                    .and_then(|n| state.threads.iter().find(|t| t.id == n))
                    .map(|t| t.opened_by.clone());
                let facts = ItemFacts {
                    author: &author,
                    kecamatan: &kecamatan,
                    status: if e.action == ActionKind::Create {
                        Status::Draft
                    } else {
                        state.status
                    },
                    approval_valid,
                };
                let ctx = Context {
                    allow_self_approval: config.newsroom.allow_self_approval,
                    today,
                    thread_opener: opener.as_deref(),
                };
                if let Err(d) = workflow::check(e.action, Some(person), &facts, &ctx) {
                    push(out, &slug, action, Problem::Denied(d));
                }
                if e.action.pins_content() && e.content != content_now {
                    push(out, &slug, action, Problem::Content);
                }
                state_log.events.push(e.clone());
            }
        }
        Ok(())
    }
}
