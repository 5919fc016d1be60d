//! The editor's state: the fields of an item being written, and the key handling that
//! makes the body behave like a prose editor (soft wrap, whole graphemes, undo).
//!
//! No IO here: saving, autosaving and the external editor are effects for the loop.

use crate::app::key::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_segmentation::UnicodeSegmentation;

use crate::domain::config::{Config, Person, Role};
use crate::domain::item::{FrontMatter, Item};
use crate::store::journal::Journal;

/// The fields, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Headline.
    Title,
    /// Kecamatan (cycled with ←/→; fixed for authors).
    Kecamatan,
    /// Event date, as people type it (`21/05/2024`, `21 Mei 2024`, `kemarin`; see `domain::dates`).
    EventDate,
    /// Location.
    Location,
    /// Tags, comma-separated, with completion.
    Tags,
    /// Photos: the list, with a caption and a credit input per photo (`app/photos.rs`).
    Photos,
    /// The body.
    Body,
}

impl Field {
    const ORDER: [Self; 7] = [
        Self::Title,
        Self::Kecamatan,
        Self::EventDate,
        Self::Location,
        Self::Tags,
        Self::Photos,
        Self::Body,
    ];

    fn step(self, forward: bool) -> Self {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = Self::ORDER.len();
        Self::ORDER[if forward { (i + 1) % n } else { (i + n - 1) % n }]
    }

    fn multiline(self) -> bool {
        matches!(self, Self::Body)
    }
}

/// A save that met a concurrent change it could not merge: both versions, kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Our version.
    pub ours: Item,
    /// The version now on the branch.
    pub theirs: Item,
    /// The body with both versions of the conflicting parts, marked by git.
    pub marked: String,
}

impl Conflict {
    /// The marked body with the markers named in the user's language.
    #[must_use]
    pub fn marked_body(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Key;
        self.marked
            .replace("<<<<<<< ours", &format!("<<<<<<< {}", Key::TuiMine.text(lang)))
            .replace(">>>>>>> theirs", &format!(">>>>>>> {}", Key::TuiTheirs.text(lang)))
    }
}

/// The editor of one item (new or existing).
#[derive(Debug, Clone)]
pub struct Editor {
    /// The item's slug; `None` until a new item is first saved.
    pub slug: Option<String>,
    /// The content this edit is made against (for the three-way merge).
    pub base: Item,
    /// The content as last saved or opened (for "unsaved changes").
    pub saved: Item,
    /// Headline.
    pub title: TextArea<'static>,
    /// Kecamatan id.
    pub kecamatan: String,
    /// Whether the kecamatan is fixed (authors).
    pub kecamatan_locked: bool,
    /// Kecamatan ids to cycle through ("" is kabupaten-wide).
    pub kecamatan_choices: Vec<String>,
    /// Event date.
    pub event_date: TextArea<'static>,
    /// Location.
    pub location: TextArea<'static>,
    /// Tags.
    pub tags: TextArea<'static>,
    /// The photo list.
    pub photos: super::photos_model::PhotoList,
    /// The body. It does not wrap: the body view does (see `prose`).
    pub body: TextArea<'static>,
    /// Where the body view starts, as last drawn.
    pub body_view: std::cell::Cell<super::prose::View>,
    /// The focused field.
    pub field: Field,
    /// Tag vocabulary and tags in use, for completion.
    pub known_tags: Vec<String>,
    /// The content sent to the store and not yet answered.
    pub saving: Option<Item>,
    /// Typed since the journal was last written.
    pub journal_pending: bool,
    /// Today in the newsroom's zone, for dates typed as "hari ini" or "kemarin".
    pub today: Option<jiff::civil::Date>,
    /// After a merged save: take the merged content from the next snapshot.
    pub reload_after_save: bool,
    /// The snapshot's commit when that save came back: the merged content is in a later
    /// one (an item read whole at this commit holds the text before the save).
    pub saved_during: Option<crate::store::Oid>,
    /// A conflict to resolve.
    pub conflict: Option<Conflict>,
    /// An autosaved buffer offered for restore.
    pub offer: Option<Journal>,
    /// Asking whether to save before leaving.
    pub asking_leave: bool,
}

fn area(text: &str, multiline: bool) -> TextArea<'static> {
    let lines: Vec<String> = if multiline {
        text.split('\n').map(str::to_string).collect()
    } else {
        vec![text.replace(['\n', '\r'], " ")]
    };
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.set_max_histories(10_000);
    t
}

/// The body's text area: no wrap of its own (the body view wraps what it shows).
fn body_area(text: &str) -> TextArea<'static> {
    let mut t = area(text, true);
    t.set_wrap_mode(WrapMode::None);
    t
}

/// Why the fields cannot become an item yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// The event date is not a date `domain::dates` knows.
    BadDate(String),
}

impl Editor {
    /// An editor on `item`; `slug` is `None` for a new item.
    #[must_use]
    pub fn open(
        slug: Option<String>,
        item: &Item,
        me: Option<&Person>,
        config: &Config,
        known_tags: Vec<String>,
    ) -> Self {
        let f = &item.front;
        let locked = me.is_none_or(|p| !(p.has(Role::Editor) || p.has(Role::Approver)));
        let mut choices: Vec<String> = vec![String::new()];
        choices.extend(config.kecamatan.iter().map(|k| k.id.clone()));
        let is_new = slug.is_none();
        let mut e = Self {
            slug,
            base: item.clone(),
            saved: item.clone(),
            title: area(&f.title, false),
            kecamatan: f.kecamatan.clone(),
            kecamatan_locked: locked,
            kecamatan_choices: choices,
            event_date: area(&f.event_date.map(|d| d.to_string()).unwrap_or_default(), false),
            location: area(&f.location, false),
            tags: area(&f.tags.join(", "), false),
            photos: super::photos_model::PhotoList::new(&f.photos),
            body: body_area(&item.body),
            body_view: std::cell::Cell::default(),
            field: if is_new { Field::Title } else { Field::Body },
            known_tags,
            saving: None,
            journal_pending: false,
            today: None,
            reload_after_save: false,
            saved_during: None,
            conflict: None,
            offer: None,
            asking_leave: false,
        };
        e.title.move_cursor(CursorMove::End);
        // A new item's body opens at the end of its dateline, where the story starts:
        // typing never lands before the template.
        if is_new {
            e.body.move_cursor(CursorMove::End);
        }
        e.apply_focus();
        e
    }

    /// Draw no cursor of the text areas' own: the terminal's cursor is placed on the
    /// focused field instead, which costs a few bytes per keystroke over SSH.
    pub fn apply_focus(&mut self) {
        let on = ratatui::style::Style::default();
        let field = self.field;
        for (f, t) in [
            (Field::Title, &mut self.title),
            (Field::EventDate, &mut self.event_date),
            (Field::Location, &mut self.location),
            (Field::Tags, &mut self.tags),
            (Field::Body, &mut self.body),
        ] {
            t.set_cursor_style(if f == field {
                on
            } else {
                ratatui::style::Style::default()
            });
        }
    }

    /// Replace every field with `item`'s content (restore, take theirs, merged save).
    pub fn load(&mut self, item: &Item) {
        let f = &item.front;
        self.title = area(&f.title, false);
        self.kecamatan.clone_from(&f.kecamatan);
        self.event_date = area(&f.event_date.map(|d| d.to_string()).unwrap_or_default(), false);
        self.location = area(&f.location, false);
        self.tags = area(&f.tags.join(", "), false);
        self.photos = super::photos_model::PhotoList::new(&f.photos);
        self.body = body_area(&item.body);
        self.body_view.take();
        self.apply_focus();
    }

    /// The focused text field, if the focus is on one.
    pub fn focused(&mut self) -> Option<&mut TextArea<'static>> {
        match self.field {
            Field::Title => Some(&mut self.title),
            Field::Kecamatan => None,
            Field::EventDate => Some(&mut self.event_date),
            Field::Location => Some(&mut self.location),
            Field::Tags => Some(&mut self.tags),
            Field::Photos => self.photos.focused(),
            Field::Body => Some(&mut self.body),
        }
    }

    /// The body text, byte-exact.
    #[must_use]
    pub fn body_text(&self) -> String {
        self.body.lines().join("\n")
    }

    /// The fields as an item (unknown front-matter keys and metadata kept from the base).
    pub fn item(&self) -> Result<Item, FieldError> {
        let date_text = self.event_date.lines().join(" ");
        let date_text = date_text.trim();
        let event_date = if date_text.is_empty() {
            None
        } else {
            // The forms people type; without a known today, only the written-out ones.
            let today = self.today.unwrap_or(jiff::civil::Date::MIN);
            match crate::domain::dates::parse(date_text, today).filter(|d| self.today.is_some() || *d != today) {
                Some(d) => Some(
                    d.to_string()
                        .parse::<toml::value::Datetime>()
                        .map_err(|_| FieldError::BadDate(date_text.to_string()))?,
                ),
                None => return Err(FieldError::BadDate(date_text.to_string())),
            }
        };
        let front = FrontMatter {
            title: self.title.lines().join(" ").trim().to_string(),
            kecamatan: self.kecamatan.clone(),
            event_date,
            location: self.location.lines().join(" ").trim().to_string(),
            tags: self
                .tags
                .lines()
                .join(",")
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
            photos: self.photos.photos(),
            ..self.base.front.clone()
        };
        Ok(Item {
            front,
            body: self.body_text(),
        })
    }

    /// The fields as an item, leaving the event date as it was (when it does not parse).
    #[must_use]
    pub fn item_without_date(&self) -> Item {
        let mut copy = self.clone();
        copy.event_date = area(
            &self.base.front.event_date.map(|d| d.to_string()).unwrap_or_default(),
            false,
        );
        copy.item().unwrap_or_else(|_| self.base.clone())
    }

    /// Whether anything differs from the last save.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.item().map_or(true, |i| i != self.saved)
    }

    /// Tag suggestions for the fragment being typed.
    #[must_use]
    pub fn suggestions(&self) -> Vec<&str> {
        let text = self.tags.lines().join(",");
        let fragment = text.rsplit(',').next().unwrap_or_default().trim().to_lowercase();
        let chosen: Vec<&str> = text.split(',').map(str::trim).collect();
        self.known_tags
            .iter()
            .map(String::as_str)
            .filter(|t| {
                t.starts_with(&fragment) && !chosen[..chosen.len().saturating_sub(1)].contains(t) && *t != fragment
            })
            .take(6)
            .collect()
    }

    fn complete_tag(&mut self) -> bool {
        let Some(first) = self.suggestions().first().map(|s| (*s).to_string()) else {
            return false;
        };
        let text = self.tags.lines().join(",");
        let fragment_len = text.rsplit(',').next().unwrap_or_default().trim_start().chars().count();
        self.tags.move_cursor(CursorMove::End);
        for _ in 0..fragment_len {
            self.tags.delete_char();
        }
        self.tags.insert_str(format!("{first}, "));
        true
    }

    /// Move the focus; `forward` is Tab, otherwise Shift-Tab.
    pub fn next_field(&mut self, forward: bool) {
        self.field = self.field.step(forward);
        self.apply_focus();
    }

    /// Insert pasted text into the focused field, byte-exact in the body.
    pub fn paste(&mut self, text: &str) {
        // Terminals send pasted line ends as CR; the body keeps LF line ends.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let multiline = self.field.multiline();
        if let Some(t) = self.focused() {
            if multiline {
                t.insert_str(&text);
            } else {
                t.insert_str(text.replace('\n', " "));
            }
            self.journal_pending = true;
        }
    }

    /// Handle a key typed into the focused field. Returns whether the text changed.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        if self.field == Field::Kecamatan {
            if !self.kecamatan_locked && matches!(key.code, KeyCode::Left | KeyCode::Right) {
                let n = self.kecamatan_choices.len().max(1);
                let i = self
                    .kecamatan_choices
                    .iter()
                    .position(|k| *k == self.kecamatan)
                    .unwrap_or(0);
                let j = if key.code == KeyCode::Right {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.kecamatan = self.kecamatan_choices.get(j).cloned().unwrap_or_default();
                self.journal_pending = true;
                return true;
            }
            if key.code == KeyCode::Enter {
                self.next_field(true);
            }
            return false;
        }
        if self.field == Field::Photos {
            if let Some((changed, leave)) = self.photos.command(key) {
                self.journal_pending |= changed;
                if leave {
                    self.next_field(true);
                }
                return changed;
            }
        }
        if key.code == KeyCode::Enter && !self.field.multiline() {
            if self.field == Field::Tags && self.complete_tag() {
                self.journal_pending = true;
                return true;
            }
            self.next_field(true);
            return false;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        if self.field == Field::Body && self.move_body_rows(key.code) {
            return false;
        }
        let Some(t) = self.focused() else { return false };
        let changed = match key.code {
            KeyCode::Backspace if ctrl || alt => t.delete_word(),
            KeyCode::Backspace => delete_grapheme(t, false),
            KeyCode::Delete => delete_grapheme(t, true),
            KeyCode::Left if ctrl => move_only(t, CursorMove::WordBack),
            KeyCode::Right if ctrl => move_only(t, CursorMove::WordForward),
            KeyCode::Left => move_grapheme(t, false),
            KeyCode::Right => move_grapheme(t, true),
            KeyCode::Up => move_only(t, CursorMove::Up),
            KeyCode::Down => move_only(t, CursorMove::Down),
            KeyCode::Home if ctrl => move_only(t, CursorMove::Top),
            KeyCode::End if ctrl => move_only(t, CursorMove::Bottom),
            KeyCode::Home => move_only(t, CursorMove::Head),
            KeyCode::End => move_only(t, CursorMove::End),
            KeyCode::PageUp => {
                t.scroll(ratatui_textarea::Scrolling::PageUp);
                false
            }
            KeyCode::PageDown => {
                t.scroll(ratatui_textarea::Scrolling::PageDown);
                false
            }
            KeyCode::Enter => {
                t.insert_newline();
                true
            }
            KeyCode::Char(c) if !ctrl => {
                t.insert_char(c);
                true
            }
            _ => false,
        };
        if changed {
            self.journal_pending = true;
        }
        changed
    }

    /// Up, Down, Page Up and Page Down in the body: by screen rows of the body view, as
    /// last drawn. Returns whether the key was one of them (before the first draw the
    /// text area moves by lines of text instead).
    fn move_body_rows(&mut self, code: KeyCode) -> bool {
        let view = self.body_view.get();
        if view.width == 0 {
            return false;
        }
        let page = isize::try_from(view.height.saturating_sub(1).max(1)).unwrap_or(1);
        let by = match code {
            KeyCode::Up => -1,
            KeyCode::Down => 1,
            KeyCode::PageUp => -page,
            KeyCode::PageDown => page,
            _ => return false,
        };
        let ratatui_textarea::DataCursor(row, col) = self.body.cursor();
        let (row, col) = super::prose::move_rows(self.body.lines(), (row, col), by, view.width);
        self.body.move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
        true
    }

    /// Undo in the focused field.
    pub fn undo(&mut self) {
        if let Some(t) = self.focused() {
            if t.undo() {
                self.journal_pending = true;
            }
        }
    }

    /// Redo in the focused field.
    pub fn redo(&mut self) {
        if let Some(t) = self.focused() {
            if t.redo() {
                self.journal_pending = true;
            }
        }
    }

    /// Words in the body.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.body.lines().iter().map(|l| l.split_whitespace().count()).sum()
    }

    /// Replace the body (from an external editor) as one change.
    pub fn set_body(&mut self, text: &str) {
        self.body = body_area(text);
        self.body_view.take();
        self.field = Field::Body;
        self.journal_pending = true;
        self.apply_focus();
    }
}

fn move_only(t: &mut TextArea<'static>, m: CursorMove) -> bool {
    t.move_cursor(m);
    false
}

/// Char length of the grapheme before (or after) the cursor on its line.
fn grapheme_len(t: &TextArea<'static>, after: bool) -> Option<usize> {
    let ratatui_textarea::DataCursor(row, col) = t.cursor();
    let line = t.lines().get(row)?;
    let byte = line.char_indices().nth(col).map_or(line.len(), |(b, _)| b);
    let g = if after {
        line[byte..].graphemes(true).next()
    } else {
        line[..byte].graphemes(true).next_back()
    };
    g.map(|g| g.chars().count())
}

fn delete_grapheme(t: &mut TextArea<'static>, after: bool) -> bool {
    match grapheme_len(t, after) {
        // At a line edge: join lines as usual.
        None => {
            if after {
                t.delete_next_char()
            } else {
                t.delete_char()
            }
        }
        Some(n) => {
            if !after {
                let ratatui_textarea::DataCursor(row, col) = t.cursor();
                t.move_cursor(CursorMove::Jump(clamp16(row), clamp16(col - n)));
            }
            t.delete_str(n)
        }
    }
}

fn move_grapheme(t: &mut TextArea<'static>, forward: bool) -> bool {
    let ratatui_textarea::DataCursor(row, col) = t.cursor();
    match grapheme_len(t, forward) {
        Some(n) => {
            let col = if forward { col + n } else { col - n };
            t.move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
        }
        None => t.move_cursor(if forward { CursorMove::Forward } else { CursorMove::Back }),
    }
    false
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(body: &str) -> Editor {
        let config = Config::parse("[newsroom]\nname = \"N\"\n").unwrap();
        let item = Item {
            body: body.into(),
            ..Item::default()
        };
        Editor::open(Some("2024-01-01-x".into()), &item, None, &config, vec![])
    }

    fn press(e: &mut Editor, code: KeyCode) {
        e.key(&KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn backspace_delete_and_arrows_take_whole_graphemes() {
        for g in ["👍🏽", "🇮🇩", "e\u{301}", "👩\u{200d}👩\u{200d}👧", "a"] {
            let mut e = editor("");
            e.paste(&format!("x{g}y"));
            press(&mut e, KeyCode::Left);
            press(&mut e, KeyCode::Backspace);
            assert_eq!(e.body_text(), "xy", "backspace on {g:?}");
            e.undo();
            assert_eq!(e.body_text(), format!("x{g}y"), "undo {g:?}");
            press(&mut e, KeyCode::Home);
            press(&mut e, KeyCode::Right);
            press(&mut e, KeyCode::Delete);
            assert_eq!(e.body_text(), "xy", "delete on {g:?}");
            e.undo();
            press(&mut e, KeyCode::End);
            press(&mut e, KeyCode::Left);
            press(&mut e, KeyCode::Left);
            press(&mut e, KeyCode::Char('|'));
            assert_eq!(e.body_text(), format!("x|{g}y"), "arrows over {g:?}");
        }
    }

    #[test]
    fn paste_is_byte_exact_with_lf_line_ends() {
        let article = "Judul “kutipan” \n\n\nParagraf dua dengan spasi akhir   \n\t(Humas)\n";
        let mut e = editor("");
        e.paste(article);
        assert_eq!(e.body_text(), article);
        let mut e = editor("");
        e.paste(&article.replace('\n', "\r"));
        assert_eq!(e.body_text(), article, "CR from the terminal becomes LF");
    }

    #[test]
    fn tags_complete_from_the_vocabulary() {
        let config = Config::parse("[newsroom]\nname = \"N\"\n").unwrap();
        let mut e = Editor::open(
            None,
            &Item::default(),
            None,
            &config,
            vec!["pilkada-2024".into(), "parmas".into(), "humas".into()],
        );
        e.field = Field::Tags;
        e.paste("hu");
        assert_eq!(e.suggestions(), vec!["humas"]);
        press(&mut e, KeyCode::Enter);
        e.paste("pi");
        press(&mut e, KeyCode::Enter);
        assert_eq!(e.item().unwrap().front.tags, vec!["humas", "pilkada-2024"]);
    }

    #[test]
    fn bad_dates_are_reported() {
        let mut e = editor("");
        e.field = Field::EventDate;
        e.paste("2024-02-30");
        assert_eq!(e.item(), Err(FieldError::BadDate("2024-02-30".into())));
    }
}
