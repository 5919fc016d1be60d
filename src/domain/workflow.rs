//! The workflow state machine and the permission table: who may do what, from which state.
//!
//! `check` is the single gate every action passes, from the CLI, the TUI and `verify`.

use super::config::{Person, Role};
use super::review::{ActionKind, Status};

/// What the permission check needs to know about an item.
#[derive(Debug, Clone, Copy)]
pub struct ItemFacts<'a> {
    /// Person id of the item's author.
    pub author: &'a str,
    /// The item's kecamatan id (empty for kabupaten-wide items).
    pub kecamatan: &'a str,
    /// Current status.
    pub status: Status,
    /// Whether the last approval still matches the content.
    pub approval_valid: bool,
    /// Whether a version of the item is public (published, not taken down), also while
    /// a correction of it is under way.
    pub public: bool,
    /// Whether the item was ever submitted (then it can no longer be discarded).
    pub submitted_once: bool,
}

/// The rest of the context of a check.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// `newsroom.allow_self_approval`.
    pub allow_self_approval: bool,
    /// Today in the newsroom's time zone.
    pub today: jiff::civil::Date,
    /// For resolve: who opened the thread.
    pub thread_opener: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// The context of a check in a newsroom on a day: the one way it is built.
    #[must_use]
    pub fn new(config: &super::config::Config, today: jiff::civil::Date, thread_opener: Option<&'a str>) -> Self {
        Self {
            allow_self_approval: config.newsroom.allow_self_approval,
            today,
            thread_opener,
        }
    }
}

/// Why an action is refused. Each variant names one rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denial {
    /// The caller is not in `warta.toml`.
    #[error("you are not a person of this newsroom: read-only access")]
    Unknown,
    /// The account expired.
    #[error("account expired on {until}: read-only access")]
    Expired {
        /// Last active day.
        until: jiff::civil::Date,
    },
    /// The caller may not see the item.
    #[error("authors see only their kecamatan's items and published ones")]
    NotVisible,
    /// The caller lacks the role.
    #[error("{action} needs the role {needs}")]
    Role {
        /// The action.
        action: ActionKind,
        /// The roles that may do it.
        needs: &'static str,
    },
    /// An author acting outside their kecamatan.
    #[error("authors write only for their own kecamatan ({own})")]
    OtherKecamatan {
        /// The author's own kecamatan.
        own: String,
    },
    /// Only the item's author (or an editor) may do this.
    #[error("only the item's author may {action}")]
    NotItemAuthor {
        /// The action.
        action: ActionKind,
    },
    /// The action is not allowed in the item's current state.
    #[error("{action} is not allowed while the item is {status}")]
    State {
        /// The action.
        action: ActionKind,
        /// The current status.
        status: Status,
    },
    /// Approving one's own item.
    #[error("approvers may not approve their own item")]
    SelfApproval,
    /// Publishing an approval that no longer matches the content.
    #[error("the approval is stale: the content changed after it; approve again first")]
    ApprovalStale,
    /// Required checklist rules fail.
    #[error("required checklist rules fail: {}", rules.join(", "))]
    Checklist {
        /// The failing rules' ids.
        rules: Vec<&'static str>,
    },
    /// Discarding a draft that was submitted once: its review history is the office's.
    #[error("a draft that was submitted once cannot be discarded")]
    SubmittedOnce,
    /// Resolving someone else's thread.
    #[error("only the thread's opener, the item's author or an approver may resolve it")]
    Resolver,
    /// Changing `warta.toml` beyond what the person's role allows (approvers: only
    /// `[spelling] words`; everything else: admins).
    #[error("only admins change warta.toml; approvers may change only [spelling] words")]
    ConfigChange,
}

/// Whether a person may see an item's text before it is public: while a correction is
/// under way, whether they see the working text or only the version that was published.
#[must_use]
pub fn can_see_unpublished(who: Option<&Person>, item: &ItemFacts<'_>) -> bool {
    can_see(who, &ItemFacts { public: false, ..*item })
}

/// Whether a person (or an unknown caller, `None`) may see an item.
#[must_use]
pub fn can_see(who: Option<&Person>, item: &ItemFacts<'_>) -> bool {
    if item.status == Status::Published || item.public {
        return true;
    }
    let Some(p) = who else { return false };
    if p.has(Role::Editor) || p.has(Role::Approver) || p.has(Role::Admin) {
        return true;
    }
    p.id == item.author || (p.has(Role::Author) && p.kecamatan.as_deref() == Some(item.kecamatan))
}

/// Check one action against the permission table of the workflow.
pub fn check(action: ActionKind, who: Option<&Person>, item: &ItemFacts<'_>, ctx: &Context<'_>) -> Result<(), Denial> {
    use ActionKind as A;
    use Status as S;
    let Some(p) = who else { return Err(Denial::Unknown) };
    if let Some(until) = p.active_until.filter(|_| !p.active_on(ctx.today)) {
        return Err(Denial::Expired { until });
    }
    if !can_see(who, item) {
        return Err(Denial::NotVisible);
    }
    // A discarded item is final: nothing more happens to it, comments included.
    if item.status == S::Discarded {
        return Err(Denial::State {
            action,
            status: item.status,
        });
    }
    let staff = p.has(Role::Editor) || p.has(Role::Approver);
    let own_kecamatan = p.has(Role::Author) && p.kecamatan.as_deref() == Some(item.kecamatan);
    let state = |ok: &[S]| {
        if ok.contains(&item.status) {
            Ok(())
        } else {
            Err(Denial::State {
                action,
                status: item.status,
            })
        }
    };
    let kecamatan_rule = || {
        if staff || own_kecamatan {
            Ok(())
        } else if p.has(Role::Author) {
            Err(Denial::OtherKecamatan {
                own: p.kecamatan.clone().unwrap_or_default(),
            })
        } else {
            Err(Denial::Role {
                action,
                needs: "author, editor, approver",
            })
        }
    };
    match action {
        A::Create => kecamatan_rule(),
        // Adding a photo is an edit of the item: the same people, the same statuses.
        A::Edit | A::Attach => {
            kecamatan_rule()?;
            if staff {
                state(&[S::Draft, S::ChangesRequested, S::Submitted, S::Approved])
            } else {
                state(&[S::Draft, S::ChangesRequested])
            }
        }
        A::Submit => {
            if !(p.id == item.author || p.has(Role::Editor)) {
                return Err(Denial::NotItemAuthor { action });
            }
            state(&[S::Draft, S::ChangesRequested])
        }
        A::Withdraw => {
            if p.id != item.author {
                return Err(Denial::NotItemAuthor { action });
            }
            state(&[S::Submitted])
        }
        // Only the author throws away their own draft, and only one nobody has been
        // asked to review: once submitted, the item's history belongs to the office.
        A::Discard => {
            if p.id != item.author {
                return Err(Denial::NotItemAuthor { action });
            }
            state(&[S::Draft])?;
            if item.submitted_once {
                return Err(Denial::SubmittedOnce);
            }
            Ok(())
        }
        A::Comment | A::Reply => Ok(()),
        // Posting is done by the office's staff, or by the item's own author; what is
        // posted is the public version, also while a correction is under way.
        A::Shared => {
            if !(staff || p.id == item.author) {
                return Err(Denial::Role {
                    action,
                    needs: "editor, approver",
                });
            }
            if item.public { Ok(()) } else { state(&[S::Published]) }
        }
        // Whoever may edit the item may start a correction of what was published (a
        // taken-down item too); a correction that was rejected may be started again.
        A::Correct => {
            kecamatan_rule()?;
            if item.status == S::Rejected && item.public {
                Ok(())
            } else {
                state(&[S::Published, S::TakenDown])
            }
        }
        A::Takedown | A::Restore => {
            if !p.has(Role::Approver) {
                return Err(Denial::Role {
                    action,
                    needs: "approver",
                });
            }
            if action == A::Takedown {
                // Also during a correction: a serious error need not wait for its fix.
                if item.public { Ok(()) } else { state(&[S::Published]) }
            } else {
                state(&[S::TakenDown])
            }
        }
        A::Repair => {
            if p.has(Role::Admin) {
                Ok(())
            } else {
                Err(Denial::Role { action, needs: "admin" })
            }
        }
        A::Resolve => {
            if ctx.thread_opener == Some(p.id.as_str()) || p.id == item.author || p.has(Role::Approver) {
                Ok(())
            } else {
                Err(Denial::Resolver)
            }
        }
        A::RequestChanges | A::Reject | A::Approve | A::Publish => {
            if !p.has(Role::Approver) {
                return Err(Denial::Role {
                    action,
                    needs: "approver",
                });
            }
            match action {
                A::Approve => {
                    if p.id == item.author && !ctx.allow_self_approval {
                        return Err(Denial::SelfApproval);
                    }
                    // A stale approval may be renewed without a new submit.
                    if item.status == S::Approved && !item.approval_valid {
                        Ok(())
                    } else {
                        state(&[S::Submitted])
                    }
                }
                A::Publish => {
                    state(&[S::Approved])?;
                    if item.approval_valid {
                        Ok(())
                    } else {
                        Err(Denial::ApprovalStale)
                    }
                }
                _ => state(&[S::Submitted]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, roles: &[Role], kec: Option<&str>) -> Person {
        Person {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@x"),
            roles: roles.to_vec(),
            kecamatan: kec.map(Into::into),
            logins: vec![],
            keys: vec![],
            active_until: None,
            language: None,
        }
    }

    fn ctx() -> Context<'static> {
        Context {
            allow_self_approval: false,
            today: jiff::civil::date(2024, 9, 9),
            thread_opener: Some("hesti"),
        }
    }

    /// Each row: who, action, item author, item status, approval valid, allowed.
    #[test]
    fn permission_table() {
        use ActionKind as A;
        use Status as S;
        let sari = person("sari", &[Role::Author], Some("babadan"));
        let bayu = person("bayu", &[Role::Author], Some("babadan"));
        let dimas = person("dimas", &[Role::Author], Some("jetis"));
        let fajar = person("fajar", &[Role::Editor], None);
        let hesti = person("hesti", &[Role::Approver], None);
        let admin = person("admin", &[Role::Admin], None);
        let mut joko = person("joko", &[Role::Author], Some("babadan"));
        joko.active_until = Some(jiff::civil::date(2024, 9, 8));
        let rows: &[(&Person, A, &str, S, bool, bool)] = &[
            // create / edit
            (&sari, A::Create, "sari", S::Draft, false, true),
            (&dimas, A::Create, "sari", S::Draft, false, false), // an item for babadan
            (&fajar, A::Create, "fajar", S::Draft, false, true),
            (&hesti, A::Create, "hesti", S::Draft, false, true),
            (&admin, A::Create, "admin", S::Draft, false, false),
            (&sari, A::Edit, "sari", S::Draft, false, true),
            (&bayu, A::Edit, "sari", S::ChangesRequested, false, true),
            (&sari, A::Edit, "sari", S::Submitted, false, false),
            (&sari, A::Edit, "sari", S::Approved, false, false),
            (&dimas, A::Edit, "sari", S::Draft, false, false),
            (&fajar, A::Edit, "sari", S::Submitted, false, true),
            (&hesti, A::Edit, "sari", S::Approved, true, true),
            (&fajar, A::Edit, "sari", S::Published, true, false),
            (&fajar, A::Edit, "sari", S::Rejected, false, false),
            // submit / withdraw
            (&sari, A::Submit, "sari", S::Draft, false, true),
            (&sari, A::Submit, "sari", S::ChangesRequested, false, true),
            (&bayu, A::Submit, "sari", S::Draft, false, false),
            (&fajar, A::Submit, "sari", S::Draft, false, true),
            (&sari, A::Submit, "sari", S::Submitted, false, false),
            (&sari, A::Withdraw, "sari", S::Submitted, false, true),
            (&bayu, A::Withdraw, "sari", S::Submitted, false, false),
            (&sari, A::Withdraw, "sari", S::Draft, false, false),
            // discard: the author's own draft only
            (&sari, A::Discard, "sari", S::Draft, false, true),
            (&bayu, A::Discard, "sari", S::Draft, false, false),
            (&fajar, A::Discard, "sari", S::Draft, false, false),
            (&hesti, A::Discard, "sari", S::Draft, false, false),
            (&fajar, A::Discard, "fajar", S::Draft, false, true),
            (&sari, A::Discard, "sari", S::Submitted, false, false),
            (&sari, A::Discard, "sari", S::ChangesRequested, false, false),
            (&sari, A::Discard, "sari", S::Discarded, false, false),
            (&sari, A::Comment, "sari", S::Discarded, false, false),
            (&sari, A::Edit, "sari", S::Discarded, false, false),
            // comment / resolve
            (&bayu, A::Comment, "sari", S::Draft, false, true),
            (&dimas, A::Comment, "sari", S::Draft, false, false),
            (&dimas, A::Comment, "sari", S::Published, true, true),
            (&sari, A::Resolve, "sari", S::Draft, false, true),
            (&hesti, A::Resolve, "sari", S::Draft, false, true),
            (&bayu, A::Resolve, "sari", S::Draft, false, false),
            // decisions
            (&hesti, A::RequestChanges, "sari", S::Submitted, false, true),
            (&hesti, A::RequestChanges, "sari", S::Draft, false, false),
            (&fajar, A::RequestChanges, "sari", S::Submitted, false, false),
            (&hesti, A::Reject, "sari", S::Submitted, false, true),
            (&sari, A::Reject, "sari", S::Submitted, false, false),
            (&hesti, A::Approve, "sari", S::Submitted, false, true),
            (&sari, A::Approve, "sari", S::Submitted, false, false),
            (&fajar, A::Approve, "sari", S::Submitted, false, false),
            (&hesti, A::Approve, "hesti", S::Submitted, false, false),
            (&hesti, A::Approve, "sari", S::Draft, false, false),
            (&hesti, A::Approve, "sari", S::Approved, true, false),
            (&hesti, A::Approve, "sari", S::Approved, false, true),
            (&hesti, A::Publish, "sari", S::Approved, true, true),
            (&hesti, A::Publish, "sari", S::Approved, false, false),
            (&hesti, A::Publish, "sari", S::Submitted, false, false),
            (&sari, A::Publish, "sari", S::Approved, true, false),
            // after publication: corrections by whoever may edit; takedown and restore
            (&sari, A::Correct, "sari", S::Published, true, true),
            (&bayu, A::Correct, "sari", S::Published, true, true),
            (&fajar, A::Correct, "sari", S::Published, true, true),
            (&dimas, A::Correct, "sari", S::Published, true, false),
            (&admin, A::Correct, "sari", S::Published, true, false),
            (&sari, A::Correct, "sari", S::Draft, false, false),
            (&sari, A::Correct, "sari", S::TakenDown, false, true),
            (&hesti, A::Takedown, "sari", S::Published, true, true),
            (&fajar, A::Takedown, "sari", S::Published, true, false),
            (&sari, A::Takedown, "sari", S::Published, true, false),
            (&hesti, A::Takedown, "sari", S::TakenDown, false, false),
            (&hesti, A::Restore, "sari", S::TakenDown, false, true),
            (&sari, A::Restore, "sari", S::TakenDown, false, false),
            (&hesti, A::Restore, "sari", S::Published, true, false),
            (&hesti, A::Shared, "sari", S::Published, true, true),
            (&hesti, A::Shared, "sari", S::TakenDown, false, false),
            // expired accounts are read-only
            (&joko, A::Create, "joko", S::Draft, false, false),
            (&joko, A::Comment, "joko", S::Draft, false, false),
        ];
        for (who, action, author, status, valid, allowed) in rows {
            let item = ItemFacts {
                author,
                kecamatan: if *author == "dimas" { "jetis" } else { "babadan" },
                status: *status,
                approval_valid: *valid,
                public: *status == S::Published,
                submitted_once: false,
            };
            let got = check(*action, Some(who), &item, &ctx());
            assert_eq!(
                got.is_ok(),
                *allowed,
                "{} {:?} on {author}'s {status:?}: {got:?}",
                who.id,
                action
            );
        }
        let item = ItemFacts {
            author: "sari",
            kecamatan: "babadan",
            status: S::Draft,
            approval_valid: false,
            public: false,
            submitted_once: false,
        };
        assert_eq!(check(A::Comment, None, &item, &ctx()), Err(Denial::Unknown));
        assert!(matches!(
            check(A::Create, Some(&joko), &item, &ctx()),
            Err(Denial::Expired { .. })
        ));
    }

    #[test]
    fn a_withdrawn_draft_is_not_discarded() {
        let sari = person("sari", &[Role::Author], Some("babadan"));
        let mut item = ItemFacts {
            author: "sari",
            kecamatan: "babadan",
            status: Status::Draft,
            approval_valid: false,
            public: false,
            submitted_once: false,
        };
        assert!(check(ActionKind::Discard, Some(&sari), &item, &ctx()).is_ok());
        item.submitted_once = true;
        assert_eq!(
            check(ActionKind::Discard, Some(&sari), &item, &ctx()),
            Err(Denial::SubmittedOnce)
        );
    }

    #[test]
    fn self_approval_when_allowed() {
        let hesti = person("hesti", &[Role::Approver], None);
        let item = ItemFacts {
            author: "hesti",
            kecamatan: "",
            status: Status::Submitted,
            approval_valid: false,
            public: false,
            submitted_once: true,
        };
        let mut c = ctx();
        assert_eq!(
            check(ActionKind::Approve, Some(&hesti), &item, &c),
            Err(Denial::SelfApproval)
        );
        c.allow_self_approval = true;
        assert!(check(ActionKind::Approve, Some(&hesti), &item, &c).is_ok());
    }
}
