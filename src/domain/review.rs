//! An item's review log (`reviews/YYYY/MM/DD/<slug>.toml`, see `layout`): its
//! append-only event log, and what is derived from it.
//!
//! Status, approval and comment threads are computed from the events, never stored twice.

use serde::{Deserialize, Serialize};

use super::item::line_of;

/// What an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// The item was created.
    Create,
    /// Its content changed.
    Edit,
    /// Sent for review.
    Submit,
    /// Taken back from review.
    Withdraw,
    /// The approver asked for changes.
    RequestChanges,
    /// Approved (pinned to `content`).
    Approve,
    /// Rejected for good.
    Reject,
    /// Published.
    Publish,
    /// A new comment thread.
    Comment,
    /// A reply in a thread.
    Reply,
    /// A thread was resolved.
    Resolve,
    /// An admin replaced a damaged log with its last readable events.
    Repair,
    /// A post of the published item on a channel was recorded (`channel`, `url`).
    Shared,
    /// A correction of a published item was started: the working text may now differ
    /// from the public version (pinned in `content`), which stays public meanwhile.
    Correct,
    /// An approver took the published item down (`message`: the reason, required).
    Takedown,
    /// An approver put a taken-down item back up (its last published version).
    Restore,
    /// The author threw away a draft never submitted: it leaves lists, its history stays.
    Discard,
    /// A photo was added to the item's folder and front matter (`message`: its file name).
    Attach,
}

impl std::fmt::Display for ActionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl ActionKind {
    /// Every action, in workflow order.
    pub const ALL: [Self; 18] = [
        Self::Create,
        Self::Edit,
        Self::Submit,
        Self::Withdraw,
        Self::RequestChanges,
        Self::Approve,
        Self::Reject,
        Self::Publish,
        Self::Comment,
        Self::Reply,
        Self::Resolve,
        Self::Repair,
        Self::Shared,
        Self::Correct,
        Self::Takedown,
        Self::Restore,
        Self::Discard,
        Self::Attach,
    ];

    /// The id used in logs, commit messages and commands.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Edit => "edit",
            Self::Submit => "submit",
            Self::Withdraw => "withdraw",
            Self::RequestChanges => "request_changes",
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Publish => "publish",
            Self::Comment => "comment",
            Self::Reply => "reply",
            Self::Resolve => "resolve",
            Self::Repair => "repair",
            Self::Shared => "shared",
            Self::Correct => "correct",
            Self::Takedown => "takedown",
            Self::Restore => "restore",
            Self::Discard => "discard",
            Self::Attach => "attach",
        }
    }

    /// Parse an action id.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == s)
    }

    /// Whether the event pins the item's content tree id.
    #[must_use]
    pub fn pins_content(self) -> bool {
        matches!(
            self,
            Self::Submit | Self::Approve | Self::Publish | Self::Correct | Self::Takedown | Self::Restore
        )
    }
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// RFC 3339 time with offset.
    pub at: String,
    /// Person id.
    pub actor: String,
    /// What happened.
    pub action: ActionKind,
    /// Tree id of `drafts/<slug>/` for submit, approve and publish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The note, reason or comment text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Thread number for comment, reply and resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<u32>,
    /// 1-based paragraph a new thread points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The opening words of that paragraph when the thread was opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// For `shared`: the channel posted on (see [`CHANNELS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// For `shared`: the post's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: super::item::Extra,
}

impl Event {
    /// Whether it happened after `since` (an event whose time does not read did not).
    #[must_use]
    pub fn is_after(&self, since: jiff::Timestamp) -> bool {
        self.at.parse::<jiff::Timestamp>().is_ok_and(|t| t > since)
    }

    /// A new event with no optional fields.
    #[must_use]
    pub fn new(at: String, actor: &str, action: ActionKind) -> Self {
        Self {
            at,
            actor: actor.to_string(),
            action,
            content: None,
            message: None,
            thread: None,
            paragraph: None,
            anchor: None,
            channel: None,
            url: None,
            extra: super::item::Extra::default(),
        }
    }
}

/// The log of one item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Review {
    /// Events, oldest first.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// Why a review log could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ReviewError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The workflow state of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written.
    Draft,
    /// Waiting for review.
    Submitted,
    /// The approver asked for changes.
    ChangesRequested,
    /// Approved.
    Approved,
    /// Published.
    Published,
    /// Rejected.
    Rejected,
    /// Published once, then taken down by an approver.
    TakenDown,
    /// Thrown away by its author before it was ever submitted (final; hidden from lists).
    Discarded,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Self; 8] = [
        Self::Draft,
        Self::Submitted,
        Self::ChangesRequested,
        Self::Approved,
        Self::Published,
        Self::Rejected,
        Self::TakenDown,
        Self::Discarded,
    ];

    /// The id used in commands and JSON.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::ChangesRequested => "changes_requested",
            Self::Approved => "approved",
            Self::Published => "published",
            Self::Rejected => "rejected",
            Self::TakenDown => "taken_down",
            Self::Discarded => "discarded",
        }
    }

    /// Parse a status id.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == s)
    }
}

/// A comment thread derived from the log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thread {
    /// Thread number, from 1.
    pub id: u32,
    /// Paragraph the thread points at, if any.
    pub paragraph: Option<u32>,
    /// Opening words of the paragraph when the thread was opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Who opened it.
    pub opened_by: String,
    /// Whether it was resolved.
    pub resolved: bool,
    /// The comments, first one opens the thread.
    pub comments: Vec<Comment>,
}

/// One comment in a thread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    /// Person id.
    pub actor: String,
    /// RFC 3339 time.
    pub at: String,
    /// The text.
    pub text: String,
}

/// Everything derived from a log by replaying it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewState {
    /// Current status.
    pub status: Status,
    /// Content tree id of the last approval, if any.
    pub approved_content: Option<String>,
    /// Threads in order.
    pub threads: Vec<Thread>,
    /// Content id of the version the public sees now: set by `publish` and `restore`,
    /// cleared by `takedown`; unchanged while a correction is under way.
    pub public: Option<String>,
    /// Content id of the last `publish` (kept through a takedown: `restore` brings it back).
    pub last_published: Option<String>,
    /// Whether the item was ever submitted (a draft that was may no longer be discarded).
    pub submitted_once: bool,
}

impl ReviewState {
    /// Whether a correction of a published item is under way: published before, and the
    /// working text is in review again (neither published nor taken down).
    #[must_use]
    pub fn correcting(&self) -> bool {
        self.last_published.is_some() && !matches!(self.status, Status::Published | Status::TakenDown)
    }
}

pub use super::limits::MAX_EVENTS;

/// The channels a post may be recorded for.
pub const CHANNELS: [&str; 7] = ["website", "instagram", "facebook", "x", "whatsapp", "tiktok", "youtube"];
use super::limits::MAX_LOG_VALUES;

impl Review {
    /// Parse a review log.
    ///
    /// The limits are counted on the file's structure before the parser builds anything
    /// ([`Shape::of`]): text inside strings never counts, so nothing a person types in a
    /// comment can make a log unreadable.
    pub fn parse(text: &str) -> Result<Self, ReviewError> {
        let too_many = |n: usize, line: usize| ReviewError {
            line,
            message: format!("too many events: {n} (at most {MAX_EVENTS})"),
        };
        let shape = Shape::of(text);
        if shape.events > MAX_EVENTS {
            return Err(too_many(shape.events, shape.events_line));
        }
        if shape.values > MAX_LOG_VALUES {
            return Err(ReviewError {
                line: shape.values_line,
                message: format!("too many keys and values: {} (at most {MAX_LOG_VALUES})", shape.values),
            });
        }
        let review: Self = toml::from_str(text).map_err(|e| ReviewError {
            line: e.span().map_or(1, |s| line_of(text.as_bytes(), s.start)),
            message: e.message().trim().to_string(),
        })?;
        // The structural count bounds the parsed one; checked again all the same.
        if review.events.len() > MAX_EVENTS {
            return Err(too_many(review.events.len(), 1));
        }
        Ok(review)
    }

    /// Serialize the log.
    #[must_use]
    pub fn serialize(&self) -> String {
        const ORDER: &[&str] = &[
            "at",
            "actor",
            "action",
            "content",
            "thread",
            "paragraph",
            "anchor",
            "channel",
            "url",
            "message",
        ];
        toml::Table::try_from(self)
            .map(|t| super::item::emit_toml(&t, ORDER))
            .unwrap_or_default()
    }

    /// Replay the events.
    #[must_use]
    pub fn state(&self) -> ReviewState {
        let mut status = Status::Draft;
        let mut approved_content = None;
        let mut threads: Vec<Thread> = Vec::new();
        let (mut public, mut last_published) = (None, None);
        let mut submitted_once = false;
        for e in &self.events {
            match e.action {
                ActionKind::Create | ActionKind::Withdraw | ActionKind::Correct => status = Status::Draft,
                ActionKind::Takedown => {
                    status = Status::TakenDown;
                    public = None;
                }
                ActionKind::Restore => {
                    status = Status::Published;
                    public.clone_from(&last_published);
                }
                ActionKind::Edit | ActionKind::Repair | ActionKind::Shared | ActionKind::Attach => {}
                ActionKind::Submit => {
                    status = Status::Submitted;
                    submitted_once = true;
                }
                ActionKind::Discard => status = Status::Discarded,
                ActionKind::RequestChanges => status = Status::ChangesRequested,
                ActionKind::Approve => {
                    status = Status::Approved;
                    approved_content.clone_from(&e.content);
                }
                ActionKind::Reject => status = Status::Rejected,
                ActionKind::Publish => {
                    status = Status::Published;
                    public.clone_from(&e.content);
                    last_published.clone_from(&e.content);
                }
                ActionKind::Comment => threads.push(Thread {
                    id: e.thread.unwrap_or(threads.len() as u32 + 1),
                    paragraph: e.paragraph,
                    anchor: e.anchor.clone(),
                    opened_by: e.actor.clone(),
                    resolved: false,
                    comments: vec![Comment {
                        actor: e.actor.clone(),
                        at: e.at.clone(),
                        text: e.message.clone().unwrap_or_default(),
                    }],
                }),
                ActionKind::Reply => {
                    if let Some(t) = threads.iter_mut().find(|t| Some(t.id) == e.thread) {
                        t.comments.push(Comment {
                            actor: e.actor.clone(),
                            at: e.at.clone(),
                            text: e.message.clone().unwrap_or_default(),
                        });
                        t.resolved = false;
                    }
                }
                ActionKind::Resolve => {
                    if let Some(t) = threads.iter_mut().find(|t| Some(t.id) == e.thread) {
                        t.resolved = true;
                    }
                }
            }
        }
        ReviewState {
            status,
            approved_content,
            threads,
            public,
            last_published,
            submitted_once,
        }
    }

    /// The time of the last event, if any.
    #[must_use]
    pub fn updated(&self) -> Option<&str> {
        self.events.last().map(|e| e.at.as_str())
    }
}

/// What a log's text can hold at most, counted on its TOML structure outside strings and
/// comments: an upper bound on the events (array-of-tables headers and inline tables) and
/// on the keys and values (`=` and `,`). Counting is linear and allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// Upper bound on the events.
    pub events: usize,
    /// 1-based line where the events passed [`MAX_EVENTS`] (1 if they never did).
    pub events_line: usize,
    /// Upper bound on keys plus array values.
    pub values: usize,
    /// 1-based line where the values passed [`MAX_LOG_VALUES`] (1 if they never did).
    pub values_line: usize,
}

impl Shape {
    /// Count the structure of `text`.
    #[must_use]
    pub fn of(text: &str) -> Self {
        let b = text.as_bytes();
        let mut shape = Self {
            events_line: 1,
            values_line: 1,
            ..Self::default()
        };
        let (mut i, mut line, mut line_start) = (0, 1, true);
        while i < b.len() {
            let c = b[i];
            match c {
                b'\n' => {
                    line += 1;
                    line_start = true;
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\r' => {
                    i += 1;
                    continue;
                }
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'"' | b'\'' => {
                    let end = string_end(b, i);
                    line += text[i..end].matches('\n').count();
                    i = end;
                    line_start = false;
                    continue;
                }
                b'[' if line_start && b.get(i + 1) == Some(&b'[') => {
                    shape.events += 1;
                    if shape.events == MAX_EVENTS + 1 {
                        shape.events_line = line;
                    }
                }
                b'{' => {
                    shape.events += 1;
                    if shape.events == MAX_EVENTS + 1 {
                        shape.events_line = line;
                    }
                }
                b'=' | b',' => {
                    shape.values += 1;
                    if shape.values == MAX_LOG_VALUES + 1 {
                        shape.values_line = line;
                    }
                }
                _ => {}
            }
            line_start = false;
            i += 1;
        }
        shape
    }
}

/// Where the TOML string starting at `start` (a quote) ends: just past its closing quote,
/// or at the end of the line (one-line strings) or of the text if it never closes.
fn string_end(b: &[u8], start: usize) -> usize {
    let q = b[start];
    let basic = q == b'"';
    let triple = b.len() >= start + 3 && b[start + 1] == q && b[start + 2] == q;
    let mut i = start + if triple { 3 } else { 1 };
    while i < b.len() {
        let c = b[i];
        if basic && c == b'\\' {
            i += 2;
            continue;
        }
        if c == b'\n' && !triple {
            return i;
        }
        if c == q {
            if !triple {
                return i + 1;
            }
            if b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q {
                // Up to two more quotes right before the closing three belong to the string.
                let mut end = i + 3;
                while end < b.len() && end < i + 5 && b[end] == q {
                    end += 1;
                }
                return end;
            }
        }
        i += 1;
    }
    b.len()
}

/// The opening words that anchor a thread to a paragraph.
#[must_use]
pub fn anchor_of(paragraph: &str) -> String {
    paragraph.split_whitespace().take(8).collect::<Vec<_>>().join(" ")
}

impl Thread {
    /// Where the thread's paragraph is now (0-based), following the text: the paragraph
    /// it was opened on if it still opens with the same words, else the paragraph that
    /// does. `None` when the paragraph is gone or rewritten: the thread is outdated.
    #[must_use]
    pub fn locate(&self, paragraphs: &[&str]) -> Option<usize> {
        let n = usize::try_from(self.paragraph?).ok()?.checked_sub(1)?;
        let Some(anchor) = self.anchor.as_deref().filter(|a| !a.is_empty()) else {
            return (n < paragraphs.len()).then_some(n);
        };
        // The first five words identify a paragraph; the rest may be edited.
        let key = |text: &str| text.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
        let wanted = key(anchor);
        if paragraphs.get(n).is_some_and(|p| key(p) == wanted) {
            return Some(n);
        }
        // The nearest paragraph with the same opening words.
        paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| key(p) == wanted)
            .min_by_key(|(i, _)| i.abs_diff(n))
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unknown_nan_survives_a_rewrite_as_the_same_log() {
        let log = Review::parse("[[events]]\nat = \"x\"\nactor = \"a\"\naction = \"create\"\nx = nan\n").unwrap();
        assert_eq!(Review::parse(&log.serialize()).unwrap(), log);
    }

    use super::*;

    #[test]
    fn status_is_replayed() {
        let mut r = Review::default();
        let push = |r: &mut Review, a| r.events.push(Event::new("2024-09-09T10:00:00+07:00".into(), "x", a));
        push(&mut r, ActionKind::Create);
        assert_eq!(r.state().status, Status::Draft);
        push(&mut r, ActionKind::Submit);
        push(&mut r, ActionKind::RequestChanges);
        assert_eq!(r.state().status, Status::ChangesRequested);
        let mut c = Event::new("t".into(), "h", ActionKind::Comment);
        c.thread = Some(1);
        c.paragraph = Some(3);
        c.message = Some("cek tanggal".into());
        r.events.push(c);
        push(&mut r, ActionKind::Submit);
        let mut a = Event::new("t".into(), "h", ActionKind::Approve);
        a.content = Some("abc".into());
        r.events.push(a);
        let s = r.state();
        assert_eq!(s.status, Status::Approved);
        assert_eq!(s.approved_content.as_deref(), Some("abc"));
        assert_eq!(s.threads[0].paragraph, Some(3));
        let again = Review::parse(&r.serialize()).unwrap();
        assert_eq!(again, r);
    }

    #[test]
    fn limits_are_counted_on_structure_not_on_words() {
        let log = |events: usize, message: &str| {
            let mut r = Review::default();
            for _ in 0..events {
                let mut e = Event::new("2024-09-09T10:00:00+07:00".into(), "sari", ActionKind::Comment);
                e.message = Some(message.to_string());
                r.events.push(e);
            }
            r.serialize()
        };
        // Words and brackets inside strings are text, whatever they spell.
        for text in [
            "action ".repeat(MAX_EVENTS + 1),
            "{".repeat(MAX_EVENTS + 1),
            "\n[[events]]\n".repeat(MAX_EVENTS + 1),
            "a = 1,".repeat(MAX_LOG_VALUES),
        ] {
            let written = log(1, &text);
            let shape = Shape::of(&written);
            assert!(shape.events == 1 && shape.values < 10, "{shape:?}");
            assert_eq!(Review::parse(&written).unwrap().events.len(), 1);
        }
        // The count bounds every way TOML can spell an event.
        let inline = format!(
            "events = [{}]\n",
            r#"{ at = "t", actor = "x", action = "edit" },"#.repeat(3)
        );
        assert_eq!(Shape::of(&inline).events, 3);
        let literal = "[[events]]\nat = 't'\nactor = '''x\n[[events]]\n'''\naction = \"edit\"\n";
        assert_eq!(Shape::of(literal).events, 1);
        let multi = "[[events]]\nat = \"\"\"a\"\"\"\"\nactor = \"x\"\naction = \"edit\"\n[[events]]\nat = \"t\"\nactor = \"x\"\naction = \"edit\"\n";
        assert_eq!(Shape::of(multi).events, 2);
        assert_eq!(Review::parse(multi).unwrap().events.len(), 2);
        // One over the limit is refused before parsing, at the line where it passed.
        let e = Review::parse(&log(MAX_EVENTS + 1, "x")).unwrap_err();
        assert!(e.message.contains("too many events") && e.line > 1, "{e}");
        assert!(Review::parse(&log(MAX_EVENTS, "x")).is_ok());
    }

    #[test]
    fn unknown_action_is_an_error_with_a_line() {
        let text = "[[events]]\nat = \"t\"\nactor = \"x\"\naction = \"create\"\n\n[[events]]\nat = \"t\"\nactor = \"x\"\naction = \"teleport\"\n";
        let e = Review::parse(text).unwrap_err();
        assert_eq!(e.line, 9, "{e}");
        assert!(e.message.contains("teleport"), "{e}");
    }

    fn thread_on(paragraph: u32, text: &str) -> Thread {
        Thread {
            id: 1,
            paragraph: Some(paragraph),
            anchor: Some(anchor_of(text)),
            opened_by: "hesti".into(),
            resolved: false,
            comments: vec![],
        }
    }

    #[test]
    fn anchors_follow_the_text() {
        let paras = [
            "Satu dua tiga.",
            "Ketua Panwascam menyampaikan bahwa pengawasan berjalan tertib hari ini.",
            "Penutup.",
        ];
        let t = thread_on(2, paras[1]);
        assert_eq!(t.locate(&paras), Some(1));
        // A paragraph inserted before: the thread moves with its paragraph.
        let inserted = ["Baru.", paras[0], paras[1], paras[2]];
        assert_eq!(t.locate(&inserted), Some(2));
        // The paragraph edited after its opening words: still found.
        let edited = [
            paras[0],
            "Ketua Panwascam menyampaikan bahwa pengawasan berjalan tertib kemarin, Senin.",
            paras[2],
        ];
        assert_eq!(t.locate(&edited), Some(1));
        // The paragraph deleted, or its opening rewritten: outdated.
        assert_eq!(t.locate(&[paras[0], paras[2]]), None);
        assert_eq!(
            t.locate(&[paras[0], "Menurut Ketua Panwascam, pengawasan tertib.", paras[2]]),
            None
        );
    }
}
