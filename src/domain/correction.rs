//! After publication: the versions an item was published in, the correction notes
//! readers see, and what is public while a correction is under way.
//!
//! Nothing here is stored twice: every `publish` event pins the content id (the tree id
//! of the item's folder) that went public, and a `publish` that follows an earlier one
//! is a correction whose `message` is the note for readers. The public version is the
//! content of the last `publish` (or `restore`), unless a `takedown` followed
//! (`ReviewState::public`). Pure: reading a pinned version is the store's job.

use super::config::Config;
use super::review::{ActionKind, Review};

/// The wording of a correction note when `[publish] correction_note` is not set.
pub const DEFAULT_NOTE: &str = "Ralat ({date}): {note}";

/// One published version of an item: a `publish` event of its log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// 1-based number of the version (1 is the first publication).
    pub version: usize,
    /// 1-based number of the `publish` event in the log (as `warta log` numbers them).
    pub event: usize,
    /// When it went public: RFC 3339 with offset.
    pub at: String,
    /// Who published it.
    pub actor: String,
    /// The content id that went public.
    pub content: String,
    /// For a correction (every version after the first): the note for readers.
    pub note: Option<String>,
}

/// A correction note as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// When the correction was published: RFC 3339 with offset.
    pub at: String,
    /// The note's text as the approver gave it (not yet worded).
    pub note: String,
}

/// Whether an action changes what the public sees (and so runs `[publish] command`).
#[must_use]
pub fn changes_public(action: ActionKind) -> bool {
    matches!(action, ActionKind::Publish | ActionKind::Takedown | ActionKind::Restore)
}

/// Every published version of an item, oldest first.
#[must_use]
pub fn publications(review: &Review) -> Vec<Publication> {
    let mut out: Vec<Publication> = Vec::new();
    for (i, e) in review.events.iter().enumerate() {
        if e.action != ActionKind::Publish {
            continue;
        }
        let first = out.is_empty();
        out.push(Publication {
            version: out.len() + 1,
            event: i + 1,
            at: e.at.clone(),
            actor: e.actor.clone(),
            content: e.content.clone().unwrap_or_default(),
            note: if first {
                None
            } else {
                Some(e.message.clone().unwrap_or_default())
            },
        });
    }
    out
}

/// The correction notes of the versions up to the public one, oldest first: what a
/// page of the public version shows below its text.
#[must_use]
pub fn notes(review: &Review) -> Vec<Note> {
    let state = review.state();
    let Some(public) = state.public else {
        return Vec::new();
    };
    let versions = publications(review);
    // The public version is the last publication of that content (a restore brings back
    // the last one); notes of later corrections are not shown with it.
    let upto = versions.iter().rposition(|p| p.content == public).map_or(0, |i| i + 1);
    versions[..upto]
        .iter()
        .filter_map(|p| {
            p.note.as_ref().map(|n| Note {
                at: p.at.clone(),
                note: n.clone(),
            })
        })
        .collect()
}

/// When the item was first published, if it was.
#[must_use]
pub fn first_published(review: &Review) -> Option<&str> {
    review
        .events
        .iter()
        .find(|e| e.action == ActionKind::Publish)
        .map(|e| e.at.as_str())
}

/// The words the correction under way was started with (`warta correct -m`), if any:
/// the note a correction is published with when the approver gives none.
#[must_use]
pub fn started_with(review: &Review) -> Option<&str> {
    review
        .events
        .iter()
        .rev()
        .take_while(|e| e.action != ActionKind::Publish)
        .find(|e| e.action == ActionKind::Correct)
        .and_then(|e| e.message.as_deref())
        .map(str::trim)
        .filter(|m| !m.is_empty())
}

/// While a correction is under way, the event a diff starts from by default: the last
/// request for changes since the correction began, else the `correct` event (the
/// published version), so reviewers see what the correction changes. `None` otherwise.
#[must_use]
pub fn diff_base(review: &Review) -> Option<usize> {
    if !review.state().correcting() {
        return None;
    }
    let start = review.events.iter().rposition(|e| e.action == ActionKind::Correct)?;
    let asked = review.events[start..]
        .iter()
        .rposition(|e| e.action == ActionKind::RequestChanges)
        .map(|i| start + i);
    Some(asked.unwrap_or(start))
}

/// A note worded as the newsroom wants it (`[publish] correction_note`), with the
/// correction's day written out (`date_text`).
#[must_use]
pub fn worded(config: &Config, date_text: &str, note: &str) -> String {
    let template = if config.publish.correction_note.is_empty() {
        DEFAULT_NOTE
    } else {
        &config.publish.correction_note
    };
    // The note is put in last, so braces inside it are never read as placeholders.
    template.replace("{date}", date_text).replacen("{note}", note.trim(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::Event;

    fn log(steps: &[(ActionKind, Option<&str>, Option<&str>)]) -> Review {
        let mut r = Review::default();
        for (i, (a, content, message)) in steps.iter().enumerate() {
            let mut e = Event::new(format!("2024-09-{:02}T10:00:00+07:00", i + 1), "hesti", *a);
            e.content = content.map(str::to_string);
            e.message = message.map(str::to_string);
            r.events.push(e);
        }
        r
    }

    #[test]
    fn the_public_version_stays_until_the_correction_is_published() {
        use ActionKind as A;
        let mut steps = vec![
            (A::Create, None, None),
            (A::Submit, Some("c1"), None),
            (A::Approve, Some("c1"), None),
            (A::Publish, Some("c1"), None),
            (A::Correct, Some("c1"), Some("nama ketua salah")),
            (A::Edit, None, None),
            (A::Submit, Some("c2"), None),
            (A::Approve, Some("c2"), None),
        ];
        let r = log(&steps);
        let s = r.state();
        assert!(s.correcting());
        assert_eq!(s.public.as_deref(), Some("c1"));
        assert_eq!(started_with(&r), Some("nama ketua salah"));
        assert_eq!(diff_base(&r), Some(4), "reviewers compare with the published version");
        assert!(notes(&r).is_empty());
        steps.push((A::Publish, Some("c2"), Some("Nama ketua: Siti Aminah.")));
        let r = log(&steps);
        assert_eq!(r.state().public.as_deref(), Some("c2"));
        assert!(!r.state().correcting());
        let v = publications(&r);
        assert_eq!(v.len(), 2);
        assert_eq!((v[1].version, v[1].event), (2, 9));
        assert_eq!(notes(&r)[0].note, "Nama ketua: Siti Aminah.");
        assert_eq!(started_with(&r), None, "a published correction is over");
        // Taken down: nothing public; restored: the last version with its notes.
        steps.push((A::Takedown, Some("c2"), Some("sengketa")));
        let r = log(&steps);
        assert_eq!(r.state().public, None);
        assert!(notes(&r).is_empty());
        steps.push((A::Restore, Some("c2"), None));
        let r = log(&steps);
        assert_eq!(r.state().public.as_deref(), Some("c2"));
        assert_eq!(notes(&r).len(), 1);
    }

    #[test]
    fn wording_is_configurable_and_the_note_is_never_a_template() {
        let mut c = Config::parse("[newsroom]\nname = \"x\"\n").unwrap();
        assert_eq!(worded(&c, "9 September 2024", "a"), "Ralat (9 September 2024): a");
        c.publish.correction_note = "Koreksi {date} — {note}".into();
        assert_eq!(worded(&c, "9 Sep", "{date}"), "Koreksi 9 Sep — {date}");
    }
}
