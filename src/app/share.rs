//! The "Bagikan" (share) screen of a published item: each channel's text, a copy to
//! the clipboard (OSC 52, by the loop), and a field for the post's address that
//! records a `shared` event.
//!
//! Its own state and update function; `update.rs` hands it the messages while it is open.

use super::msg::{Effect, Msg};
pub use super::share_model::Share;
use super::state::{Severity, State};
use crate::domain::publish::caption::{self, Channel};
use crate::domain::publish::{Page, Site};
use crate::i18n::{self, Key};
use crate::store::Request;

/// Open the screen for the current item (`B` in the item view).
pub fn open(state: &mut State) {
    if state.body_pending() {
        return;
    }
    let lang = state.lang;
    let (Some(entry), Some(snap)) = (state.current(), state.snapshot.as_ref()) else {
        return;
    };
    // The public version, also while a correction is under way; none when taken down.
    let Some((_, item, files)) = entry.public() else {
        // The title the user sees on the item, not the folder's name.
        let title = format!("\"{}\"", entry.item.front.title);
        state.status = Some((Severity::Error, i18n::fmt(lang, Key::InvNotPublished, &[&title])));
        return;
    };
    let Some(site) = Site::of(&snap.config) else {
        state.status = Some((Severity::Error, Key::ErrExportNoBaseUrl.text(lang).to_string()));
        return;
    };
    let page = Page::new(&entry.slug, item, &entry.review, files, &snap.config);
    let texts = Channel::ALL
        .into_iter()
        .map(|c| (c, caption::caption(&page, &site, c)))
        .collect();
    state.share = Some(Share {
        slug: entry.slug.clone(),
        texts,
        selected: 0,
        url: String::new(),
        scroll: 0,
    });
}

/// Handle a message while the screen is open; `None` leaves it to the main update.
pub fn update(state: &mut State, msg: &Msg) -> Option<Vec<Effect>> {
    let lang = state.lang;
    let share = state.share.as_mut()?;
    match msg {
        Msg::MoveUp => {
            share.selected = share.selected.checked_sub(1).unwrap_or(share.texts.len() - 1);
            share.scroll = 0;
        }
        Msg::MoveDown => {
            share.selected = (share.selected + 1) % share.texts.len();
            share.scroll = 0;
        }
        Msg::PageDown => share.scroll = share.scroll.saturating_add(10),
        Msg::PageUp => share.scroll = share.scroll.saturating_sub(10),
        Msg::Input(c) => share.url.push(*c),
        Msg::Backspace => {
            share.url.pop();
        }
        // A pasted address is one line; surrounding space is dropped.
        Msg::Paste(t) => share.url.push_str(t.split_whitespace().next().unwrap_or("")),
        Msg::ShareCopy => {
            let (channel, text) = share.current();
            let note = i18n::fmt(lang, Key::TuiShareCopied, &[&channel.name()]);
            let effect = Effect::Clipboard(text.to_string());
            state.status = Some((Severity::Info, note));
            return Some(vec![effect]);
        }
        Msg::Confirm => {
            let url = share.url.trim().to_string();
            if url.is_empty() {
                state.status = Some((Severity::Error, Key::TuiShareNeedUrl.text(lang).to_string()));
                return Some(Vec::new());
            }
            let request = Request::Shared {
                slug: share.slug.clone(),
                channel: share.current().0.id().to_string(),
                url,
            };
            share.url.clear();
            let Some(actor) = state.me.clone() else {
                state.status = Some((Severity::Error, Key::TuiReadOnly.text(lang).to_string()));
                return Some(Vec::new());
            };
            let job = state.jobs.start();
            return Some(vec![Effect::Apply {
                actor,
                request: Box::new(request),
                job,
            }]);
        }
        Msg::Back => state.share = None,
        // Everything else (ticks, loads, results, quit) goes on as usual.
        _ => return None,
    }
    Some(Vec::new())
}
