//! The preview thread: reads a photo at the branch head, decodes it under the
//! newsroom's limits, scales it to the cells asked for and answers with a ready-made
//! preview, so the UI thread never decodes.
//!
//! Decoded photos are kept as small copies (the last few), so another size of the same
//! photo (a resized terminal, the editor after the item view) costs only the scaling.

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

use image::DynamicImage;
use ratatui::layout::Rect;
use ratatui_image::Resize;
use ratatui_image::picker::{Picker, ProtocolType};

use super::incoming::Incoming;
use crate::app::Msg;
use crate::app::jobs::JobId;
use crate::app::photos::{Preview, PreviewKey, Shown};
use crate::domain::photo;
use crate::i18n::{self, Lang};
use crate::store::Newsroom;

/// Decoded photos kept, most recent last.
const KEPT: usize = 4;
/// The kept copy's longest side: more than any terminal shows of a photo.
const KEPT_SIDE: u32 = 1024;

/// How previews are drawn: Unicode half-blocks, which every terminal shows (over SSH
/// too), unless `WARTA_GRAPHICS=auto` and the environment names a terminal with a
/// graphics protocol (kitty, `iTerm2`, `WezTerm`) outside tmux and SSH. The terminal is
/// never queried: its answer would reach the input thread as typed keys.
#[must_use]
pub fn picker() -> Picker {
    let mut p = Picker::halfblocks();
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("WARTA_GRAPHICS") != "auto" || !var("TMUX").is_empty() || !var("SSH_CONNECTION").is_empty() {
        return p;
    }
    if !var("KITTY_WINDOW_ID").is_empty() || var("TERM").contains("kitty") {
        p.set_protocol_type(ProtocolType::Kitty);
    } else if matches!(var("TERM_PROGRAM").as_str(), "iTerm.app" | "WezTerm") {
        p.set_protocol_type(ProtocolType::Iterm2);
    }
    p
}

/// The preview of one photo at one size; `kept` holds the decoded photos of earlier calls.
pub fn make(
    room: &Newsroom,
    picker: &Picker,
    kept: &mut Vec<((String, String), Arc<DynamicImage>)>,
    key: &PreviewKey,
    lang: Lang,
) -> Shown {
    let id = (key.slug.clone(), key.file.clone());
    let img = match kept.iter().position(|(k, _)| *k == id) {
        Some(i) => {
            let hit = kept.remove(i);
            let img = Arc::clone(&hit.1);
            kept.push(hit);
            img
        }
        None => {
            let read = room.head().and_then(|head| {
                let config = room.config_at(head)?;
                Ok((
                    photo::Limits::from_config(&config),
                    room.item_file(head, &key.slug, &key.file)?,
                ))
            });
            let (limits, bytes) = match read {
                Ok((limits, Some(bytes))) => (limits, bytes),
                Ok((_, None)) => {
                    return Shown::Failed(i18n::fmt(lang, i18n::Key::OutPhotoMissing, &[&key.slug, &key.file]));
                }
                Err(e) => return Shown::Failed(i18n::error(lang, &e)),
            };
            let img = match photo::decode(&bytes, &limits) {
                Ok(img) => Arc::new(img.thumbnail(KEPT_SIDE, KEPT_SIDE)),
                Err(e) => return Shown::Failed(i18n::photo_error(lang, &e)),
            };
            if kept.len() >= KEPT {
                kept.remove(0);
            }
            kept.push((id, Arc::clone(&img)));
            img
        }
    };
    let area = Rect::new(0, 0, key.cols, key.rows);
    match picker.new_protocol((*img).clone(), area, Resize::Fit(None)) {
        Ok(p) => Shown::Ready(Preview(Arc::new(p))),
        Err(e) => Shown::Failed(e.to_string()),
    }
}

/// Start the preview thread on its own handle of the newsroom.
#[must_use]
pub fn spawn(room: Newsroom, picker: Picker, lang: Lang, out: Sender<Incoming>) -> Sender<(PreviewKey, JobId)> {
    let (tx, rx) = mpsc::channel::<(PreviewKey, JobId)>();
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        for (key, job) in rx {
            let shown = make(&room, &picker, &mut kept, &key, lang);
            if out.send(Incoming::Local(Msg::PreviewReady { key, shown })).is_err()
                || out.send(Incoming::Local(Msg::Finished(job))).is_err()
            {
                return;
            }
        }
    });
    tx
}
