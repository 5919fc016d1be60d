//! Building the demo newsroom from the compiled-in samples, through the normal actions.
//!
//! Each sample is added as its author on its creation date, then the script in
//! `drafts/demo.toml` submits, comments, approves and publishes, so the demo's history
//! is made of real, rule-checked commits.

use std::path::Path;

use serde::Deserialize;

use super::action::{Request, rfc3339};
use super::error::{Result, StoreError};
use super::repo::Newsroom;
use crate::domain::item::Item;
use crate::domain::review::ActionKind;
use crate::samples;

#[derive(Deserialize)]
struct Script {
    #[serde(default)]
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    item: String,
    actor: String,
    action: String,
    message: Option<String>,
    paragraph: Option<u32>,
}

/// Build the demo newsroom in `dir` (a work tree is checked out).
pub fn build(dir: &Path) -> Result<Newsroom> {
    let room = Newsroom::init(dir, false, samples::CONFIG)?;
    let config = room.config_at(room.head()?)?;
    let tz = config.timezone();
    let mut items: Vec<(String, Item)> = samples::ITEMS
        .iter()
        .filter_map(|(slug, text)| Item::parse(text.as_bytes()).ok().map(|i| ((*slug).to_string(), i)))
        .collect();
    items.sort_by_key(|(_, i)| i.front.created.map(|c| c.to_string()));
    for (slug, item) in items {
        let at = item
            .front
            .created
            .and_then(|c| c.to_string().parse::<jiff::Timestamp>().ok())
            .map(|t| t.to_zoned(tz.clone()));
        let author = item.front.author.clone();
        debug_assert!(at.as_ref().is_none_or(|z| !rfc3339(z).is_empty()));
        room.apply_at(
            &author,
            &Request::Import {
                slug,
                item: Box::new(item),
            },
            at.as_ref(),
        )?;
    }
    let script: Script = toml::from_str(samples::SCRIPT).map_err(|e| StoreError::Broken {
        path: "drafts/demo.toml".into(),
        line: 1,
        reason: e.message().to_string(),
    })?;
    for s in script.steps {
        let req = match s.action.as_str() {
            "comment" => Request::Comment {
                slug: s.item,
                paragraph: s.paragraph,
                text: s.message.unwrap_or_default(),
            },
            other => Request::Transition {
                slug: s.item,
                action: ActionKind::parse(other).unwrap_or(ActionKind::Comment),
                message: s.message,
                seen: None,
            },
        };
        room.apply(&s.actor, &req)?;
    }
    Ok(room)
}
