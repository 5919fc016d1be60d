//! Sync in the TUI: how many actions wait to be sent, syncing on a key and at an
//! interval, and what a sync did or refused, in the person's language.
//!
//! The sync itself runs beside the worker (`store/sync.rs`); this only decides when to
//! ask for one and turns its report into lines. No IO, no clock: the time comes with
//! `Msg::Tick`.

use super::msg::{Effect, Msg};
use super::state::{Severity, State};
pub use super::sync_model::{INTERVAL_SECONDS, SyncView};
pub use crate::i18n::sync::Synced;
use crate::i18n::{self, Key};

/// The status-bar note: "n tindakan belum terkirim", or nothing.
#[must_use]
pub fn waiting(state: &State) -> Option<String> {
    let p = state.sync.pending?;
    (p.ahead > 0).then(|| i18n::fmt(state.lang, Key::SyncPending, &[&p.ahead]))
}

fn start(state: &mut State, now: jiff::Timestamp, asked: bool) -> Effect {
    state.sync.running = true;
    state.sync.last_try = Some(now);
    Effect::Sync { asked }
}

/// Handle the sync's messages; any other message is given back. `dispatch` is the
/// app's `update`, which a due tick goes on to (passed in: it calls this function).
pub fn update(state: &mut State, msg: Msg, dispatch: fn(&mut State, Msg) -> Vec<Effect>) -> Result<Vec<Effect>, Msg> {
    match msg {
        Msg::Sync => {
            if state.sync.pending.is_none() {
                state.status = Some((Severity::Error, Key::SyncNoRemote.text(state.lang).to_string()));
                return Ok(vec![]);
            }
            if state.sync.running {
                return Ok(vec![]);
            }
            state.status = Some((Severity::Info, Key::SyncRunning.text(state.lang).to_string()));
            let now = state.now;
            Ok(vec![start(state, now, true)])
        }
        Msg::SyncPending(p) => {
            state.sync.pending = p;
            Ok(vec![])
        }
        Msg::Synced { result, asked } => {
            state.sync.running = false;
            state.sync.offline = result.offline;
            if result.offline && !asked {
                // Offline at the interval: the bar keeps counting, nothing else is said.
            } else if !result.refused.is_empty() || result.server.is_some() {
                // What happened to the person's own actions first; the server's words after.
                let lines: Vec<&str> = result
                    .refused
                    .iter()
                    .chain(&result.server)
                    .map(String::as_str)
                    .collect();
                state.status = Some((Severity::Error, lines.join(" ")));
            } else if asked && !result.offline {
                state.status = Some((Severity::Info, result.notes.join(" ")));
            } else if result.notes.iter().any(|n| n != Key::SyncSame.text(state.lang)) {
                // A sync by itself speaks only when something happened.
                state.status = Some((Severity::Info, result.notes.join(" ")));
            }
            Ok(vec![])
        }
        Msg::Tick(now) if due(state, now) => {
            let effect = start(state, now, false);
            let mut effects = dispatch(state, Msg::Tick(now));
            effects.push(effect);
            Ok(effects)
        }
        other => Err(other),
    }
}

/// Whether an interval sync is due: a remote, nobody typing an unsaved text, none
/// running, and the interval passed since the last try.
fn due(state: &State, now: jiff::Timestamp) -> bool {
    state.sync.pending.is_some()
        && !state.sync.running
        && state.me.is_some()
        && state
            .sync
            .last_try
            .is_none_or(|t| now.as_second() - t.as_second() >= INTERVAL_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::sync::Pending;

    fn update(state: &mut State, msg: Msg) -> Result<Vec<Effect>, Msg> {
        super::update(state, msg, crate::app::update)
    }

    fn state() -> State {
        let mut s = State::new(Lang::En, Some("dimas".into()), vec![]);
        s.now = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        s
    }

    #[test]
    fn waiting_actions_show_and_the_key_syncs() {
        let mut s = state();
        assert_eq!(waiting(&s), None);
        let _ = update(&mut s, Msg::SyncPending(Some(Pending { ahead: 3, behind: 0 })));
        assert_eq!(waiting(&s).as_deref(), Some("3 actions not sent"));
        let effects = update(&mut s, Msg::Sync).unwrap();
        assert_eq!(effects, vec![Effect::Sync { asked: true }]);
        // A second press while it runs asks for nothing.
        assert!(update(&mut s, Msg::Sync).unwrap().is_empty());
        let refused = Synced {
            notes: vec![],
            refused: vec![],
            server: Some("Not allowed: the server refused the push. approve".into()),
            offline: false,
        };
        let _ = update(
            &mut s,
            Msg::Synced {
                result: refused,
                asked: true,
            },
        );
        assert!(!s.sync.running);
        assert!(matches!(&s.status, Some((Severity::Error, t)) if t.contains("refused the push")));
    }

    #[test]
    fn a_sync_starts_by_itself_at_the_interval_only_with_a_remote() {
        let mut s = state();
        let t0 = s.now;
        assert!(
            update(&mut s, Msg::Tick(t0)).is_err(),
            "no remote: the tick is not ours"
        );
        s.sync.pending = Some(Pending::default());
        let effects = update(&mut s, Msg::Tick(t0)).unwrap();
        assert!(effects.contains(&Effect::Sync { asked: false }));
        s.sync.running = false;
        let soon = jiff::Timestamp::from_second(t0.as_second() + 30).unwrap();
        assert!(update(&mut s, Msg::Tick(soon)).is_err());
        let later = jiff::Timestamp::from_second(t0.as_second() + INTERVAL_SECONDS).unwrap();
        assert!(
            update(&mut s, Msg::Tick(later))
                .unwrap()
                .contains(&Effect::Sync { asked: false })
        );
    }

    #[test]
    fn an_interval_sync_offline_stays_quiet_and_one_asked_for_says_why() {
        let mut s = state();
        s.sync.pending = Some(Pending { ahead: 1, behind: 0 });
        let offline = Synced {
            notes: vec![],
            refused: vec!["Could not reach the server (ssh: connect refused).".into()],
            server: None,
            offline: true,
        };
        let _ = update(
            &mut s,
            Msg::Synced {
                result: offline.clone(),
                asked: false,
            },
        );
        assert_eq!(s.status, None);
        assert!(s.sync.offline);
        let _ = update(
            &mut s,
            Msg::Synced {
                result: offline,
                asked: true,
            },
        );
        assert!(matches!(&s.status, Some((Severity::Error, t)) if t.contains("Could not reach")));
    }

    #[test]
    fn a_sync_without_a_remote_says_so() {
        let mut s = state();
        assert!(update(&mut s, Msg::Sync).unwrap().is_empty());
        assert!(matches!(&s.status, Some((Severity::Error, t)) if t.contains("No server")));
    }
}
