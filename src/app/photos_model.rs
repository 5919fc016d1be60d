//! Photos' models: the previews asked for and answered, and the editor's photo list.
//! A leaf of `photos.rs`, so the state and the editor hold them without importing
//! the update of previews.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ratatui_textarea::{CursorMove, TextArea};

use super::key::{KeyCode, KeyEvent, KeyModifiers};
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

/// The previews known and asked for, and which photo the item view shows.
#[derive(Debug, Default)]
pub struct Photos {
    /// Previews answered.
    pub previews: HashMap<PreviewKey, Shown>,
    /// Previews asked for and not answered yet.
    pub(super) pending: HashSet<PreviewKey>,
    /// Which photo of the open item the item view shows (0: the cover).
    pub item_photo: usize,
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
