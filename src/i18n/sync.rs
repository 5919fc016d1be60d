//! The words of a sync: what `warta sync` and the TUI say about what a sync did,
//! refused, or could not do, in the person's language.

use super::{Key, Lang, fmt};
use crate::store::sync::{AsideReason, SyncError, SyncReport};

/// What a sync ended with, in the person's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    /// Lines telling what happened (received, sent, merged…).
    pub notes: Vec<String>,
    /// Lines telling what was refused, with the reason (empty when nothing was).
    pub refused: Vec<String>,
    /// What the server said when it refused the push, if it did.
    pub server: Option<String>,
    /// The server could not be reached (or git is missing).
    pub offline: bool,
}

/// Describe a sync's result for a person.
#[must_use]
pub fn describe(lang: Lang, result: &Result<SyncReport, SyncError>) -> Synced {
    let mut out = Synced {
        notes: Vec::new(),
        refused: Vec::new(),
        server: None,
        offline: false,
    };
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            out.offline = matches!(e, SyncError::Network { .. } | SyncError::NoGit);
            out.refused.push(error(lang, e));
            return out;
        }
    };
    if report.received > 0 {
        out.notes.push(fmt(lang, Key::SyncReceived, &[&report.received]));
    }
    for r in &report.replayed {
        if let Some(old) = &r.renamed_from {
            out.notes.push(fmt(lang, Key::SyncRenamed, &[old, &r.slug]));
        }
        if r.conflict {
            out.notes.push(fmt(lang, Key::SyncConflict, &[&r.slug]));
        } else if r.merged {
            out.notes.push(fmt(lang, Key::SyncMerged, &[&r.slug]));
        }
    }
    if let Some(lines) = &report.push_refused {
        out.server = Some(fmt(lang, Key::SyncPushRefused, &[&lines.join(" / ")]));
    }
    for a in &report.aside {
        let reason = match &a.reason {
            AsideReason::Refused(e) => super::error(lang, e),
            AsideReason::NotAnAction => Key::SyncNotAction.text(lang).to_string(),
            AsideReason::NotTheActor { actor, author } => fmt(lang, Key::SyncNotActor, &[actor, author]),
            AsideReason::Fields => Key::SyncFields.text(lang).to_string(),
        };
        let action = a.action.map_or("commit", |k| k.id());
        let slug = if a.slug.is_empty() {
            a.original.short()
        } else {
            a.slug.clone()
        };
        let line = fmt(lang, Key::SyncAside, &[&action, &slug, &reason, &a.kept]);
        if matches!(a.reason, AsideReason::Fields) {
            out.notes.push(line);
        } else {
            out.refused.push(line);
        }
    }
    if report.sent > 0 {
        out.notes.push(fmt(lang, Key::SyncSent, &[&report.sent]));
    }
    if out.notes.is_empty() && out.refused.is_empty() && out.server.is_none() {
        out.notes.push(Key::SyncSame.text(lang).to_string());
    }
    out
}

/// A sync error in the person's language.
#[must_use]
pub fn error(lang: Lang, e: &SyncError) -> String {
    match e {
        SyncError::NoRemote => Key::SyncNoRemote.text(lang).to_string(),
        SyncError::NoGit => Key::SyncNoGit.text(lang).to_string(),
        SyncError::Network { detail, .. } => fmt(lang, Key::SyncOffline, &[detail]),
        SyncError::Busy => Key::SyncBusy.text(lang).to_string(),
        SyncError::ServerCheckedOut => Key::SyncServerCheckedOut.text(lang).to_string(),
        SyncError::Store(s) => super::error(lang, s),
    }
}
