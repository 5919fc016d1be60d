//! Photos in the TUI: the editor's photo list (a caption and a credit input per photo,
//! reorder, cover, remove) and the previews shown in the item view and the editor.
//!
//! Previews are made off the UI thread: `wanted` asks for the one on screen as an
//! effect (`Effect::Preview`), the runtime decodes and scales it on a thread of its own
//! and answers with `Msg::PreviewReady`; each is kept per item, file and size, so
//! drawing never decodes and a key press never waits for a photo.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ratatui_textarea::{CursorMove, TextArea};

use super::key::{KeyCode, KeyEvent, KeyModifiers};
use super::{Effect, Msg, Screen, State};
use crate::domain::item::Photo;

/// One preview: an item's photo scaled to a number of terminal cells.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PreviewKey {
    /// The item.
    pub slug: String,
    /// The photo's file.
    pub file: String,
    /// Columns it may take.
    pub cols: u16,
    /// Rows it may take.
    pub rows: u16,
}

/// A preview ready to draw (the terminal's graphics protocol, or half-blocks).
#[derive(Clone)]
pub struct Preview(pub Arc<ratatui_image::protocol::Protocol>);

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Preview")
    }
}

impl PartialEq for Preview {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the runtime answered for a preview.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// Ready to draw.
    Ready(Preview),
    /// The photo could not be shown: why, in the user's language.
    Failed(String),
}

/// At most this many previews are kept; the one on screen always is.
const KEPT: usize = 24;

/// The previews known and asked for, and which photo the item view shows.
#[derive(Debug, Default)]
pub struct Photos {
    /// Previews answered.
    pub previews: HashMap<PreviewKey, Shown>,
    /// Previews asked for and not answered yet.
    pending: HashSet<PreviewKey>,
    /// Which photo of the open item the item view shows (0: the cover).
    pub item_photo: usize,
}

/// The item view's photo band: (columns, rows) of its preview, `None` when the screen
/// is too low to give one up (the photos are then listed as text only).
#[must_use]
pub fn item_band(size: (u16, u16)) -> Option<(u16, u16)> {
    let (w, h) = size;
    if h < 20 || w < 50 {
        return None;
    }
    let rows = if h >= 28 { 10 } else { 7 };
    Some(((rows * 3).min(w / 2), rows))
}

/// The editor's preview of the chosen photo: (columns, rows), beside the list.
#[must_use]
pub fn editor_preview(size: (u16, u16)) -> (u16, u16) {
    let (w, h) = size;
    // The body's rows (the fields above and the two lines below take 10), less the hints.
    let rows = h.saturating_sub(12).clamp(3, 16);
    ((rows * 3).min(w.saturating_sub(30) / 2).max(6), rows)
}

/// Whether the item's folder holds the file (a photo named in the front matter may
/// not be there; there is nothing to decode then).
fn in_folder(state: &State, slug: &str, file: &str) -> bool {
    state
        .snapshot
        .as_ref()
        .and_then(|s| s.items.iter().find(|e| e.slug == slug))
        .is_some_and(|e| e.files.iter().any(|f| f == file))
}

/// The preview the screen shows now, if any.
fn on_screen(state: &State) -> Option<PreviewKey> {
    let key = on_screen_named(state)?;
    in_folder(state, &key.slug, &key.file).then_some(key)
}

fn on_screen_named(state: &State) -> Option<PreviewKey> {
    match state.screen {
        Screen::Item => {
            let e = state.current()?;
            let photos = &e.item.front.photos;
            let (cols, rows) = item_band(state.size)?;
            let p = photos.get(state.photos.item_photo % photos.len().max(1))?;
            Some(PreviewKey {
                slug: e.slug.clone(),
                file: p.file.clone(),
                cols,
                rows,
            })
        }
        Screen::Editor => {
            let ed = state.editor.as_ref()?;
            if ed.field != super::editor::Field::Photos {
                return None;
            }
            let (cols, rows) = editor_preview(state.size);
            Some(PreviewKey {
                slug: ed.slug.clone()?,
                file: ed.photos.rows.get(ed.photos.selected)?.photo.file.clone(),
                cols,
                rows,
            })
        }
        _ => None,
    }
}

/// Ask for the preview on screen when it is neither known nor asked for already.
pub fn wanted(state: &mut State) -> Vec<Effect> {
    if state.ended.is_some() {
        return Vec::new();
    }
    let Some(key) = on_screen(state) else {
        return Vec::new();
    };
    if state.photos.previews.contains_key(&key) || state.photos.pending.contains(&key) {
        return Vec::new();
    }
    if state.photos.previews.len() >= KEPT {
        state.photos.previews.clear();
    }
    state.photos.pending.insert(key.clone());
    let job = state.jobs.start();
    vec![Effect::Preview { key, job }]
}

/// The messages of photos; any other is handed back.
pub fn update(state: &mut State, msg: Msg) -> Result<Vec<Effect>, Msg> {
    match msg {
        Msg::PreviewReady { key, shown } => {
            state.photos.pending.remove(&key);
            state.photos.previews.insert(key, shown);
            Ok(Vec::new())
        }
        Msg::NextPhoto if state.screen == Screen::Item => {
            state.photos.item_photo = state.photos.item_photo.wrapping_add(1);
            Ok(Vec::new())
        }
        Msg::Open | Msg::Back => {
            // Another item opens on its cover.
            state.photos.item_photo = 0;
            Err(msg)
        }
        other => Err(other),
    }
}

/// The preview for a key, if answered.
#[must_use]
pub fn shown<'a>(state: &'a State, key: &PreviewKey) -> Option<&'a Shown> {
    state.photos.previews.get(key)
}

/// The preview the screen would ask for now (the UI draws what it finds under it).
#[must_use]
pub fn current_key(state: &State) -> Option<PreviewKey> {
    on_screen(state)
}

/// Which input of a photo the keys type into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The caption.
    Caption,
    /// Who took it.
    Credit,
}

/// One photo in the editor: what stays as it is, and its two inputs.
#[derive(Debug, Clone)]
pub struct Row {
    /// The photo as it was (file and size are kept; caption and credit come from the inputs).
    pub photo: Photo,
    /// The caption input.
    pub caption: TextArea<'static>,
    /// The credit input.
    pub credit: TextArea<'static>,
}

fn input(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.replace(['\n', '\r'], " ")]);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.set_max_histories(1_000);
    t.move_cursor(CursorMove::End);
    t
}

/// The editor's photo list, in the item's order (the first is the cover).
#[derive(Debug, Clone)]
pub struct PhotoList {
    /// The photos.
    pub rows: Vec<Row>,
    /// The chosen photo.
    pub selected: usize,
    /// The input typed into.
    pub part: Part,
}

impl PhotoList {
    /// The list of an item's photos.
    #[must_use]
    pub fn new(photos: &[Photo]) -> Self {
        Self {
            rows: photos
                .iter()
                .map(|p| Row {
                    photo: p.clone(),
                    caption: input(&p.caption),
                    credit: input(&p.credit),
                })
                .collect(),
            selected: 0,
            part: Part::Caption,
        }
    }

    /// The photos as the item will hold them.
    #[must_use]
    pub fn photos(&self) -> Vec<Photo> {
        self.rows
            .iter()
            .map(|r| Photo {
                caption: r.caption.lines().join(" ").trim().to_string(),
                credit: r.credit.lines().join(" ").trim().to_string(),
                ..r.photo.clone()
            })
            .collect()
    }

    /// The input the keys type into, if there is a photo.
    pub fn focused(&mut self) -> Option<&mut TextArea<'static>> {
        let part = self.part;
        self.rows.get_mut(self.selected).map(|r| match part {
            Part::Caption => &mut r.caption,
            Part::Credit => &mut r.credit,
        })
    }

    /// The list's own keys: `Some((changed, leave))` when `key` is one of them, `leave`
    /// when the focus should go on to the next field; `None` for typing.
    pub fn command(&mut self, key: &KeyEvent) -> Option<(bool, bool)> {
        let n = self.rows.len();
        let moving = key.modifiers.contains(KeyModifiers::ALT) || key.modifiers.contains(KeyModifiers::CONTROL);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let i = self.selected;
        match key.code {
            KeyCode::Up if moving && i > 0 => {
                self.rows.swap(i, i - 1);
                self.selected -= 1;
                Some((true, false))
            }
            KeyCode::Down if moving && i + 1 < n => {
                self.rows.swap(i, i + 1);
                self.selected += 1;
                Some((true, false))
            }
            KeyCode::Up | KeyCode::Down if moving => Some((false, false)),
            KeyCode::Up => {
                self.selected = i.saturating_sub(1);
                Some((false, false))
            }
            KeyCode::Down => {
                self.selected = (i + 1).min(n.saturating_sub(1));
                Some((false, false))
            }
            // The cover is the first photo.
            KeyCode::Char('p') if ctrl && i > 0 && i < n => {
                let row = self.rows.remove(i);
                self.rows.insert(0, row);
                self.selected = 0;
                Some((true, false))
            }
            KeyCode::Char('d') if ctrl && i < n => {
                self.rows.remove(i);
                self.selected = i.min(self.rows.len().saturating_sub(1));
                Some((true, false))
            }
            KeyCode::Char('p' | 'd') if ctrl => Some((false, false)),
            KeyCode::Enter => match self.part {
                Part::Caption if n > 0 => {
                    self.part = Part::Credit;
                    Some((false, false))
                }
                _ if i + 1 < n => {
                    self.part = Part::Caption;
                    self.selected += 1;
                    Some((false, false))
                }
                _ => {
                    self.part = Part::Caption;
                    Some((false, true))
                }
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(file: &str, caption: &str) -> Photo {
        Photo {
            file: file.into(),
            caption: caption.into(),
            width: Some(1200),
            ..Photo::default()
        }
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent { code, modifiers }
    }

    #[test]
    fn captions_credits_order_cover_and_removal() {
        let mut l = PhotoList::new(&[photo("a.jpg", "A"), photo("b.jpg", ""), photo("c.jpg", "C")]);
        let none = KeyModifiers::NONE;
        assert_eq!(l.command(&key(KeyCode::Down, none)), Some((false, false)));
        l.focused().unwrap().insert_str("Peserta rapat");
        assert_eq!(l.command(&key(KeyCode::Enter, none)), Some((false, false)));
        assert_eq!(l.part, Part::Credit);
        l.focused().unwrap().insert_str("Humas Babadan");
        // b becomes the cover; c moves above a; a is removed.
        assert_eq!(
            l.command(&key(KeyCode::Char('p'), KeyModifiers::CONTROL)),
            Some((true, false))
        );
        assert_eq!(l.command(&key(KeyCode::Down, none)), Some((false, false)));
        assert_eq!(l.command(&key(KeyCode::Down, KeyModifiers::ALT)), Some((true, false)));
        assert_eq!(
            l.command(&key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some((true, false))
        );
        let got = l.photos();
        assert_eq!(
            got.iter().map(|p| p.file.as_str()).collect::<Vec<_>>(),
            ["b.jpg", "c.jpg"]
        );
        assert_eq!(got[0].caption, "Peserta rapat");
        assert_eq!(got[0].credit, "Humas Babadan");
        assert_eq!(got[0].width, Some(1200), "what was measured stays");
        assert_eq!(
            l.command(&key(KeyCode::Char('x'), none)),
            None,
            "typing is not a command"
        );
        // Enter walks caption, credit, the next photo, then leaves the list.
        l.selected = 1;
        l.part = Part::Credit;
        assert_eq!(l.command(&key(KeyCode::Enter, none)), Some((false, true)));
    }
}
