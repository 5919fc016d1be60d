//! Photos in the TUI: the editor's photo list (a caption and a credit input per photo,
//! reorder, cover, remove) and the previews shown in the item view and the editor.
//!
//! Previews are made off the UI thread: `wanted` asks for the one on screen as an
//! effect (`Effect::Preview`), the runtime decodes and scales it on a thread of its own
//! and answers with `Msg::PreviewReady`; each is kept per item, file and size, so
//! drawing never decodes and a key press never waits for a photo.

use super::msg::{Effect, Msg};
pub use super::photos_model::{Part, PhotoList, Photos, Preview, PreviewKey, Row, Shown};
use super::state::{Screen, State};

/// At most this many previews are kept; the one on screen always is.
const KEPT: usize = 24;

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
