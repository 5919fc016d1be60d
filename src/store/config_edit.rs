//! Changing `warta.toml` as a recorded action: one commit by an admin, checked with
//! the same reader as loading before anything is written.
//!
//! `commit_config` is the only code that writes `warta.toml` after `init`. Like other
//! actions it moves the branch by compare-and-swap; when the race is lost to a commit
//! that also changed `warta.toml`, it refuses instead of writing over the other admin's
//! change (the caller plans again on the new text), or, through `commit_config_with`,
//! makes the new text again from the new head. Who may change what is the rule book's
//! `check_config_change` (an admin anything, an approver only `[spelling] words`), the
//! same function `verify` and the push hook judge these commits with; the file must stay
//! valid.

use std::time::Duration;

use git2::ErrorCode;

use super::repo::{CONFIG_PATH, Newsroom};
use super::tree::{Change, with_changes};
use super::{CommitId, Result, StoreError};
use crate::domain::admin::{self, AdminError, Planned};
use crate::domain::config::Config;

const ATTEMPTS: u32 = 50;

impl Newsroom {
    /// Replace `warta.toml` with `new_text` as `actor` (an active admin): one commit
    /// with the `Warta-Action: config` trailer. Refused, with nothing written, when the
    /// actor is not an admin, the text does not read as a valid configuration, it
    /// leaves no active admin, or it changes nothing.
    pub fn commit_config(&self, actor: &str, new_text: &str, summary: &str) -> Result<CommitId> {
        self.commit_config_since(None, actor, new_text, summary)
    }

    /// As [`Newsroom::commit_config`], with the new text made from the text at the head
    /// on each attempt, so a concurrent change to `warta.toml` is never undone; for
    /// small changes such as the newsroom's spelling words.
    pub fn commit_config_with(
        &self,
        actor: &str,
        summary: &str,
        make: impl Fn(&str) -> Result<String>,
    ) -> Result<CommitId> {
        self.commit_config_inner(None, false, actor, summary, make)
    }

    /// `commit_config`, refusing when `warta.toml` is no longer the blob `base` the text
    /// was planned on (`None`: the one at the first head read).
    fn commit_config_since(
        &self,
        base_blob: Option<git2::Oid>,
        actor: &str,
        new_text: &str,
        summary: &str,
    ) -> Result<CommitId> {
        self.commit_config_inner(base_blob, true, actor, summary, |_| Ok(new_text.to_string()))
    }

    /// The one writer: with `pinned`, refused when `warta.toml` is no longer `base_blob`
    /// (`None`: the one at the first head read); else the text is made again each try.
    fn commit_config_inner(
        &self,
        mut base_blob: Option<git2::Oid>,
        pinned: bool,
        actor: &str,
        summary: &str,
        make: impl Fn(&str) -> Result<String>,
    ) -> Result<CommitId> {
        for attempt in 0..ATTEMPTS {
            let head = self.head()?;
            let config = self.config_at(head)?;
            let now = super::action::now(&config);
            let old_text = self.read_text(head, CONFIG_PATH)?.unwrap_or_default();
            let new_text = make(&old_text)?;
            let new = Config::parse(&new_text)?;
            if !admin::may_administer(&config, actor, now.date()) {
                // Not an admin: only what the rule book lets others change (an active
                // approver's spelling words); anything else is an admin's job.
                let person = config.person(actor).filter(|p| p.active_on(now.date()));
                crate::domain::rules::check_config_change(person, &old_text, &new_text).map_err(StoreError::Denied)?;
            }
            if !admin::has_active_admin(&new, now.date()) {
                return Err(StoreError::Admin(AdminError::NoAdminLeft));
            }
            let parent = self.repo.find_commit(head)?;
            let old_tree = parent.tree_id();
            let current = parent
                .tree()?
                .get_name(CONFIG_PATH)
                .map(|e| e.id())
                .ok_or(StoreError::Admin(AdminError::Unwritable))?;
            // Planned on the text of the first head read: a later change of warta.toml by
            // someone else must not be overwritten.
            if pinned && *base_blob.get_or_insert(current) != current {
                return Err(StoreError::ConfigMoved);
            }
            let blob = self.repo.blob(new_text.as_bytes())?;
            if blob == current {
                return Err(StoreError::Admin(AdminError::Unchanged));
            }
            let changes = [Change {
                path: CONFIG_PATH.to_string(),
                blob: Some(blob),
            }];
            let tree_id = with_changes(self, Some(old_tree), &changes)?;
            let tree = self.repo.find_tree(tree_id)?;
            let person = config.person(actor).ok_or(StoreError::Admin(AdminError::NotAdmin))?;
            let sig = super::action::signature(person, &now)?;
            let summary = crate::domain::text::clean_line(summary)
                .chars()
                .take(72)
                .collect::<String>();
            let message = format!("config: {summary}\n\nWarta-Action: config\nWarta-Actor: {actor}\n");
            let commit = self.repo.commit(None, &sig, &sig, &message, &tree, &[&parent])?;
            match super::reflock::move_branch(&self.repo, &self.refname(), commit, head, &message) {
                Ok(()) => {
                    let _ = super::worktree::update(self, old_tree, tree_id, &changes);
                    super::housekeeping::wrote(self.git_dir(), self.loose_written.take());
                    return Ok(CommitId(commit));
                }
                Err(e) if matches!(e.code(), ErrorCode::Modified | ErrorCode::Locked) => {
                    std::thread::sleep(Duration::from_millis(20 + u64::from(attempt) * 10));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(StoreError::TooManyRetries(ATTEMPTS))
    }

    /// Plan `change` on the `warta.toml` at the branch head and commit it as `actor`;
    /// with `dry_run`, only plan. Returns what was planned and the commit.
    pub fn change_config(
        &self,
        actor: &str,
        change: &admin::Change,
        dry_run: bool,
    ) -> Result<(Planned, Option<CommitId>)> {
        let head = self.head()?;
        let text = self
            .read_text(head, CONFIG_PATH)?
            .ok_or(StoreError::Admin(AdminError::Unwritable))?;
        let config = self.config_at(head)?;
        let today = super::action::now(&config).date();
        let planned = admin::plan(&text, &config, actor, today, change).map_err(StoreError::Admin)?;
        if dry_run {
            return Ok((planned, None));
        }
        let base = self
            .repo
            .find_commit(head)?
            .tree()?
            .get_name(CONFIG_PATH)
            .map(|e| e.id());
        let commit = self.commit_config_since(base, actor, &planned.text, &planned.summary)?;
        Ok((planned, Some(commit)))
    }

    /// The `warta.toml` text at the branch head.
    pub fn config_text(&self) -> Result<String> {
        let head = self.head()?;
        self.read_text(head, CONFIG_PATH)?
            .ok_or(StoreError::Admin(AdminError::Unwritable))
    }
}
