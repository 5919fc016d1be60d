//! Changing `warta.toml` as a recorded action: one commit, judged by the rule book.
//!
//! The new text is validated with the same reader that loads the newsroom, the change is
//! judged by `domain::rules::check_config_change` (as `verify` and the push hook judge
//! it), and the branch is moved only if it still points at the head read.

use git2::ErrorCode;

use super::repo::{CONFIG_PATH, Newsroom};
use super::tree::{Change, with_changes};
use super::{CommitId, Result, StoreError};
use crate::domain::config::Config;
use crate::domain::text;

const ATTEMPTS: u32 = 50;

impl Newsroom {
    /// Replace `warta.toml` with `new_text` as `actor`: one commit with the usual
    /// trailers (`Warta-Action: config`), or a refusal that writes nothing.
    pub fn commit_config(&self, actor: &str, new_text: &str, summary: &str) -> Result<CommitId> {
        self.commit_config_with(actor, summary, |_| Ok(new_text.to_string()))
    }

    /// As [`Newsroom::commit_config`], with the new text made from the text at the head
    /// on each attempt, so a concurrent change to `warta.toml` is never undone.
    pub fn commit_config_with(
        &self,
        actor: &str,
        summary: &str,
        make: impl Fn(&str) -> Result<String>,
    ) -> Result<CommitId> {
        for _ in 0..ATTEMPTS {
            let head = self.head()?;
            let old_text = self.read_text(head, CONFIG_PATH)?.unwrap_or_default();
            let config = self.config_at(head)?;
            let new_text = make(&old_text)?;
            Config::parse(&new_text)?;
            let person = config.person(actor);
            crate::domain::rules::check_config_change(person, &old_text, &new_text)?;
            let person = person.ok_or(StoreError::Denied(crate::domain::workflow::Denial::Unknown))?;
            let blob = self.repo.blob(new_text.as_bytes())?;
            let changes = [Change {
                path: CONFIG_PATH.to_string(),
                blob: Some(blob),
            }];
            let parent = self.repo.find_commit(head)?;
            let old_tree = parent.tree_id();
            let tree_id = with_changes(self, Some(old_tree), &changes)?;
            let tree = self.repo.find_tree(tree_id)?;
            let now = super::action::now(&config);
            let time = git2::Time::new(now.timestamp().as_second(), now.offset().seconds() / 60);
            let email = if person.email.is_empty() {
                format!("{}@localhost", person.id)
            } else {
                person.email.clone()
            };
            let sig = git2::Signature::new(&person.name, &email, &time)?;
            let message = format!(
                "config: {}\n\nWarta-Action: config\nWarta-Actor: {}\n",
                text::clean_line(summary).chars().take(72).collect::<String>(),
                person.id
            );
            let commit = self.repo.commit(None, &sig, &sig, &message, &tree, &[&parent])?;
            match self
                .repo
                .reference_matching(&self.refname(), commit, true, head, &message)
            {
                Ok(_) => {
                    let _ = super::worktree::update(self, old_tree, tree_id, &changes);
                    return Ok(CommitId(commit));
                }
                Err(e) if matches!(e.code(), ErrorCode::Modified | ErrorCode::Locked) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(StoreError::TooManyRetries(ATTEMPTS))
    }
}
