//! The background worker: the TUI's only path to git.
//!
//! It owns the repository on its own thread, runs jobs in order, and watches the branch
//! so commits made by other processes come back as fresh snapshots within a second.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use git2::Oid;

use super::action::{Done, Request};
use super::error::StoreError;
use super::presence::Presence;
use super::repo::Newsroom;
use super::snapshot::Snapshot;
use crate::domain::diff::{ItemDiff, Pair};
use crate::domain::item::Item;

/// Names one job the UI is waiting for: the worker reports [`Report::Finished`] with it
/// once the job's own reports are sent, so the UI counts what is in flight job by job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub u64);

/// How often the worker looks at the branch for commits made elsewhere.
pub const POLL: Duration = Duration::from_millis(500);

/// A job for the worker.
#[derive(Debug)]
pub enum Job {
    /// Read the newsroom at the branch head.
    Load,
    /// Read just the items at the top of this person's list last time, to draw a
    /// first screen before `Load` finishes (reported as a partial snapshot).
    Glance {
        /// Whose list.
        person: String,
    },
    /// Apply an action as a person.
    Apply {
        /// Person id.
        actor: String,
        /// The request.
        request: Box<Request>,
    },
    /// Read an item's content at every event of its log.
    History {
        /// The item.
        slug: String,
    },
    /// Compare two versions of an item (bounded by `diff::BUDGET`), off the UI thread.
    Diff {
        /// Which versions.
        pair: Pair,
        /// The older version.
        old: Box<Item>,
        /// The newer version.
        new: Box<Item>,
    },
    /// Compute the evaluation report on the latest snapshot (`domain::report`).
    Evaluate {
        /// The period.
        period: crate::domain::report::Period,
        /// Today in the newsroom's zone.
        today: jiff::civil::Date,
        /// Only this kecamatan.
        only: Option<String>,
    },
    /// Announce who this session is and what it has open (refreshed while running).
    Presence(Presence),
    /// Change `warta.toml` as an admin (`Newsroom::change_config`).
    Admin {
        /// The admin.
        actor: String,
        /// The change.
        change: Box<crate::domain::admin::Change>,
    },
    /// Sync with the server, on a thread of its own (`store/sync.rs`).
    Sync {
        /// Whether the person asked for it.
        asked: bool,
    },
    /// Add words to the newsroom's spelling list (`[spelling] words`) as a person.
    AddWords {
        /// Person id.
        actor: String,
        /// The words.
        words: Vec<String>,
    },
    /// Stop the worker.
    Stop,
}

/// What the worker reports.
#[derive(Debug)]
pub enum Report {
    /// A snapshot of the branch head.
    Loaded(Arc<Snapshot>),
    /// Loading failed.
    LoadFailed(StoreError),
    /// An action was applied.
    Applied(Done),
    /// An action was refused or failed; nothing was written.
    Refused(StoreError),
    /// Who else is here, and what they have open.
    Others(Vec<Presence>),
    /// An item's content at each event of its log (`None` where it cannot be read).
    History {
        /// The item.
        slug: String,
        /// One entry per event, in log order.
        versions: Vec<Option<Item>>,
    },
    /// The after-publish command of a publish made here ended (see `after_publish`).
    AfterPublish(super::after_publish::Ran),
    /// A diff asked for with `Job::Diff`.
    Diff {
        /// Which versions.
        pair: Pair,
        /// The result.
        diff: Arc<ItemDiff>,
    },
    /// Everything a job reports has been sent (after a successful action, that includes
    /// the fresh snapshot).
    Finished(JobId),
    /// The report asked for with `Job::Evaluate`.
    Evaluated(Arc<crate::domain::report::Report>),
    /// `warta.toml` was changed by `Job::Admin` in this commit.
    ConfigChanged(super::error::CommitId),
    /// Local actions not yet sent (`None`: no server), after each load and sync.
    Pending(Option<super::sync::Pending>),
    /// A sync ended.
    Synced {
        /// What it did.
        result: Result<super::sync::SyncReport, super::sync::SyncError>,
        /// Whether the person asked for it.
        asked: bool,
    },
    /// `Job::AddWords` went through: the words that were new.
    WordsAdded(Vec<String>),
}

/// The diff for `Job::Diff`: pure computation, here only so that it runs on this
/// thread and not the UI's.
fn diff(old: &Item, new: &Item) -> Arc<ItemDiff> {
    Arc::new(crate::domain::diff::items(old, new, crate::domain::diff::BUDGET))
}

/// Run the worker loop until `Job::Stop` or the job channel closes. A job sent with an
/// id is followed by `Report::Finished` with that id. With `lean` the snapshots it
/// reports leave the bodies in git ([`Newsroom::snapshot_lean`]).
pub fn run(room: &Newsroom, jobs: &Receiver<(Job, Option<JobId>)>, reports: &Sender<Report>, lean: bool) {
    let mut last: Option<Oid> = None;
    let mut previous: Option<Arc<Snapshot>> = None;
    let mut me: Option<Presence> = None;
    let mut others: Vec<Presence> = Vec::new();
    let mut refreshed = std::time::Instant::now();
    // Presence is refreshed well inside its expiry, and others are read at each poll.
    let mut presence = |me: &Option<Presence>, force: bool| -> bool {
        if let Some(p) = me {
            if force || refreshed.elapsed() >= super::presence::EXPIRY / 3 {
                super::presence::announce(room.git_dir(), p);
                refreshed = std::time::Instant::now();
            }
        }
        let now = super::presence::others(room.git_dir());
        if now != others {
            others.clone_from(&now);
            return reports.send(Report::Others(now)).is_ok();
        }
        true
    };
    // Only items whose folder or log changed are read again.
    let load = |last: &mut Option<Oid>, previous: &mut Option<Arc<Snapshot>>| {
        let read = room.head().and_then(|h| {
            if lean {
                room.snapshot_lean(h, previous.as_deref())
            } else {
                room.snapshot_reusing(h, previous.as_deref())
            }
        });
        let report = match read {
            Ok(s) => {
                *last = Some(s.commit);
                let s = Arc::new(s);
                *previous = Some(s.clone());
                Report::Loaded(s)
            }
            Err(e) => Report::LoadFailed(e),
        };
        reports.send(report).is_ok() && reports.send(Report::Pending(room.pending())).is_ok()
    };
    loop {
        let received = jobs.recv_timeout(POLL);
        let id = received.as_ref().ok().and_then(|(_, id)| *id);
        match received.map(|(job, _)| job) {
            Ok(Job::Load) => {
                if !load(&mut last, &mut previous) {
                    return;
                }
            }
            Ok(Job::Glance { person }) => {
                // Nothing is kept from it: the full load that follows reads as usual.
                // The rows remembered from last time; on a first start, the newest items.
                let slugs = super::presence::first_rows(room.state_dir(), &room.key(), &person);
                if let Ok(s) = room.head().and_then(|h| room.glance_at(h, &slugs)) {
                    if reports.send(Report::Loaded(Arc::new(s))).is_err() {
                        return;
                    }
                }
            }
            Ok(Job::Apply { actor, request }) => {
                let (report, moved) = match room.apply(&actor, &request) {
                    Ok(done) => {
                        after_publish(room, &done, reports);
                        let moved = done.commit.is_some();
                        (Report::Applied(done), moved)
                    }
                    Err(e) => (Report::Refused(e), false),
                };
                // A refusal wrote nothing: no snapshot follows it.
                if reports.send(report).is_err() || (moved && !load(&mut last, &mut previous)) {
                    return;
                }
            }
            Ok(Job::History { slug }) => {
                let versions = room.versions(&slug).unwrap_or_default();
                if reports.send(Report::History { slug, versions }).is_err() {
                    return;
                }
            }
            Ok(Job::Diff { pair, old, new }) => {
                let diff = diff(&old, &new);
                if reports.send(Report::Diff { pair, diff }).is_err() {
                    return;
                }
            }
            Ok(Job::Evaluate { period, today, only }) => {
                if previous.is_none() && !load(&mut last, &mut previous) {
                    return;
                }
                // The report reads every log: a lean snapshot's are read for it (the
                // bodies it checks are read from git by content).
                let whole = match &previous {
                    Some(p) if p.lean => room.snapshot_without_bodies(p.commit).ok().map(Arc::new),
                    other => other.clone(),
                };
                if let Some(snap) = &whole {
                    let report = Arc::new(room.report(snap, period, today, only.as_deref()));
                    if reports.send(Report::Evaluated(report)).is_err() {
                        return;
                    }
                }
            }
            Ok(Job::Admin { actor, change }) => {
                let (report, moved) = match room.change_config(&actor, &change, false) {
                    Ok((_, Some(c))) => (Report::ConfigChanged(c), true),
                    Ok((_, None)) => (
                        Report::Refused(StoreError::Admin(crate::domain::admin::AdminError::Unchanged)),
                        false,
                    ),
                    Err(e) => (Report::Refused(e), false),
                };
                if reports.send(report).is_err() || (moved && !load(&mut last, &mut previous)) {
                    return;
                }
            }
            Ok(Job::AddWords { actor, words }) => {
                let (report, moved) = match room.add_newsroom_words(&actor, &words) {
                    Ok((commit, added)) => (Report::WordsAdded(added), commit.is_some()),
                    Err(e) => (Report::Refused(e), false),
                };
                if reports.send(report).is_err() || (moved && !load(&mut last, &mut previous)) {
                    return;
                }
            }
            Ok(Job::Presence(p)) => {
                me = Some(p);
                if !presence(&me, true) {
                    return;
                }
            }
            Ok(Job::Sync { asked }) => spawn_sync(room, reports, asked),
            Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => {
                if let Some(p) = &me {
                    super::presence::withdraw(room.git_dir(), &p.person);
                }
                return;
            }
            Err(RecvTimeoutError::Timeout) => {
                if room.head().ok() != last && !load(&mut last, &mut previous) {
                    return;
                }
                if !presence(&me, false) {
                    return;
                }
            }
        }
        if let Some(id) = id {
            if reports.send(Report::Finished(id)).is_err() {
                return;
            }
        }
    }
}

/// After a publish commit, run `[publish] command` on a thread of its own (a site build
/// and upload can take minutes; the worker goes on) and report how it ended.
fn after_publish(room: &Newsroom, done: &Done, reports: &Sender<Report>) {
    // A takedown or restore changes the site as a publish does.
    if !crate::domain::correction::changes_public(done.action) || done.commit.is_none() {
        return;
    }
    if let Ok(Some(plan)) = room.after_publish(&done.slug) {
        let reports = reports.clone();
        std::thread::spawn(move || {
            let _ = reports.send(Report::AfterPublish(plan.run()));
        });
    }
}

/// Start the worker on its own thread (see [`run`] for `lean`); returns the job sender.
#[must_use]
pub fn spawn(room: Newsroom, reports: Sender<Report>, lean: bool) -> Sender<(Job, Option<JobId>)> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || run(&room, &rx, &reports, lean));
    tx
}
/// Run a sync on a thread of its own, with its own handle on the repository, so the
/// worker goes on with actions and loads while the network is slow; report how it
/// ended and what now waits. The worker's poll sees the branch move.
fn spawn_sync(room: &Newsroom, reports: &std::sync::mpsc::Sender<Report>, asked: bool) {
    let path = room.git_dir().to_path_buf();
    let state_dir = room.state_dir().to_path_buf();
    let reports = reports.clone();
    std::thread::spawn(move || {
        let result = Newsroom::open(&path)
            .map_err(super::sync::SyncError::from)
            .and_then(|mut room| {
                room.set_state_dir(state_dir);
                let result = room.sync(true);
                let _ = reports.send(Report::Pending(room.pending()));
                result
            });
        let _ = reports.send(Report::Synced { result, asked });
    });
}
