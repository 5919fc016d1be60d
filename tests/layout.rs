//! The date-folder layout and `warta migrate`: items written under their date, older
//! flat newsrooms read but not written until migrated, and the migration commit judged
//! by `verify` and the push hook as exactly a move.

mod common;

use std::path::Path;

use git2::{Oid, Repository};
use warta::domain::layout::{self, Layout};
use warta::store::history::Problem;
use warta::store::{Newsroom, Request, StoreError};

const DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

/// The folders and logs of a tree in date folders, moved flat (as the first newsrooms
/// stored them); everything else as it is.
fn flat_tree(repo: &Repository, tree: &git2::Tree<'_>) -> Oid {
    let mut root = repo.treebuilder(Some(tree)).unwrap();
    for (folder, logs) in [("drafts", false), ("reviews", true)] {
        let Some(top) = tree.get_name(folder) else { continue };
        let mut flat = repo.treebuilder(None).unwrap();
        let top = repo.find_tree(top.id()).unwrap();
        top.walk(git2::TreeWalkMode::PreOrder, |dir, e| {
            let depth = dir.matches('/').count();
            let name = e.name().unwrap();
            let item = if logs {
                depth == 3
            } else {
                depth == 3 && e.kind() == Some(git2::ObjectType::Tree)
            };
            if item {
                flat.insert(name, e.id(), e.filemode()).unwrap();
                return git2::TreeWalkResult::Skip;
            }
            git2::TreeWalkResult::Ok
        })
        .unwrap();
        root.insert(folder, flat.write().unwrap(), 0o040_000).unwrap();
    }
    root.write().unwrap()
}

/// Rewrite the branch's history as the flat layout had it: every commit the same
/// (author, time, message), its items stored flat. The work tree follows.
fn flatten(dir: &Path) {
    let repo = Repository::open(dir).unwrap();
    let head = repo.refname_to_id("refs/heads/main").unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push(head).unwrap();
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE).unwrap();
    let mut parent: Option<Oid> = None;
    for id in walk {
        let c = repo.find_commit(id.unwrap()).unwrap();
        let tree = repo.find_tree(flat_tree(&repo, &c.tree().unwrap())).unwrap();
        let parents: Vec<git2::Commit<'_>> = parent.map(|p| repo.find_commit(p).unwrap()).into_iter().collect();
        let refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
        parent = Some(
            repo.commit(None, &c.author(), &c.committer(), c.message().unwrap(), &tree, &refs)
                .unwrap(),
        );
    }
    repo.reference("refs/heads/main", parent.unwrap(), true, "flatten")
        .unwrap();
    if repo.workdir().is_some() {
        let mut co = git2::build::CheckoutBuilder::new();
        co.force().remove_untracked(true);
        repo.checkout_head(Some(&mut co)).unwrap();
    }
    // Caches of the history before it was rewritten mean nothing now.
    let _ = std::fs::remove_dir_all(repo.path().join("warta-cache"));
}

fn comment(room: &Newsroom, who: &str) -> Result<warta::store::Done, StoreError> {
    room.apply(
        who,
        &Request::Comment {
            slug: DRAFT.into(),
            paragraph: None,
            text: "Cek lagi datanya.".into(),
        },
    )
}

/// What the items are, whatever their place: slug, content id, log id.
fn items(room: &Newsroom) -> Vec<(String, String, String)> {
    let snap = room.snapshot_uncached().unwrap();
    assert!(snap.broken.is_empty(), "{:?}", snap.broken);
    snap.items
        .iter()
        .map(|e| (e.slug.clone(), e.content.clone(), e.review_id.clone()))
        .collect()
}

#[test]
fn items_are_written_in_the_folders_of_their_date() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let head = room.head().unwrap();
    assert!(room.read_bytes(head, &layout::index_path(DRAFT)).unwrap().is_some());
    assert!(room.read_bytes(head, &layout::review_path(DRAFT)).unwrap().is_some());
    assert!(
        room.read_bytes(head, &Layout::Flat.index_path(DRAFT))
            .unwrap()
            .is_none(),
        "nothing stored flat"
    );
    let file = tmp.path().join("news").join(layout::index_path(DRAFT));
    assert!(file.exists(), "the work tree follows: {}", file.display());
    let (_, findings) = room.verify().unwrap();
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_flat_newsroom_is_read_refused_and_migrated_in_one_commit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    let sharded = {
        let room = warta::store::demo::build(&dir).unwrap();
        items(&room)
    };
    flatten(&dir);
    let room = Newsroom::open(&dir).unwrap();
    let head = room.head().unwrap();
    assert!(
        room.read_bytes(head, &Layout::Flat.index_path(DRAFT))
            .unwrap()
            .is_some()
    );
    // Read as it is, and its history is clean.
    assert_eq!(items(&room), sharded);
    assert!(room.entry_at(head, DRAFT).unwrap().unwrap().is_ok());
    let (_, findings) = room.verify().unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    // Nothing is written until an admin migrates.
    assert!(matches!(comment(&room, "hesti"), Err(StoreError::Unmigrated)));
    assert!(matches!(room.migrate("hesti"), Err(StoreError::MigrateNeedsAdmin)));
    assert_eq!(room.head().unwrap(), head);
    let done = room.migrate("admin-it").unwrap().expect("a migration");
    assert_eq!(done.items, sharded.len());
    assert_eq!(done.logs, sharded.len());
    let commit = room.repo_commit_parent(done.commit);
    assert_eq!(commit, Some(head), "one commit on top of the old head");
    // Same items, same content ids (approvals stay valid), same logs.
    assert_eq!(items(&room), sharded);
    let (_, findings) = room.verify().unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    // The work tree moved: new places filled, old folders gone.
    assert!(dir.join(layout::index_path(DRAFT)).exists());
    assert!(!dir.join(Layout::Flat.draft_dir(DRAFT)).exists());
    assert!(!dir.join(Layout::Flat.review_path(DRAFT)).exists());
    // Actions work again, and a second migration has nothing to do.
    comment(&room, "hesti").unwrap();
    assert_eq!(room.migrate("admin-it").unwrap(), None);
}

/// A commit on `parent` with tree `tree`, authored by `email`.
fn commit_on(repo: &Repository, parent: Oid, tree: Oid, email: &str, message: &str) -> Oid {
    let sig = git2::Signature::new("X", email, &git2::Time::new(1_733_000_000, 420)).unwrap();
    let parent = repo.find_commit(parent).unwrap();
    let tree = repo.find_tree(tree).unwrap();
    let id = repo.commit(None, &sig, &sig, message, &tree, &[&parent]).unwrap();
    repo.reference("refs/heads/main", id, true, "test").unwrap();
    id
}

#[test]
fn verify_accepts_only_a_whole_migration_by_an_admin() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    warta::store::demo::build(&dir).unwrap();
    let repo = Repository::open(&dir).unwrap();
    let sharded_tree = repo
        .find_commit(repo.refname_to_id("refs/heads/main").unwrap())
        .unwrap()
        .tree_id();
    flatten(&dir);
    let flat_head = repo.refname_to_id("refs/heads/main").unwrap();
    let admin = "admin-it@bawaslu-ponorogo.example";
    let migrations = |room: &Newsroom| -> Vec<Problem> {
        let (_, findings) = room.verify().unwrap();
        findings.into_iter().map(|f| f.problem).collect()
    };

    // The exact move, by an admin, with plain git: accepted.
    commit_on(&repo, flat_head, sharded_tree, admin, "pindah");
    assert_eq!(migrations(&Newsroom::open(&dir).unwrap()), vec![]);

    // The same move by an approver: refused.
    commit_on(
        &repo,
        flat_head,
        sharded_tree,
        "hesti@bawaslu-ponorogo.example",
        "pindah",
    );
    assert_eq!(migrations(&Newsroom::open(&dir).unwrap()), vec![Problem::Migration]);

    // A move that also rewrites one log: refused.
    let forged = {
        let tree = repo.find_tree(sharded_tree).unwrap();
        let blob = repo.blob(b"[[events]]\naction = \"publish\"\n").unwrap();
        let mut index = git2::Index::new().unwrap();
        index.read_tree(&tree).unwrap();
        let path = layout::review_path(DRAFT);
        let mut e = index.get_path(Path::new(&path), 0).unwrap();
        e.id = blob;
        index.add(&e).unwrap();
        index.write_tree_to(&repo).unwrap()
    };
    commit_on(&repo, flat_head, forged, admin, "pindah");
    let problems = migrations(&Newsroom::open(&dir).unwrap());
    assert!(problems.contains(&Problem::Migration), "{problems:?}");

    // After a migration, a path of the flat layout is one warta never writes.
    let head = commit_on(&repo, flat_head, sharded_tree, admin, "pindah");
    let planted = {
        let tree = repo.find_tree(sharded_tree).unwrap();
        let mut index = git2::Index::new().unwrap();
        index.read_tree(&tree).unwrap();
        let mut e = index.get_path(Path::new(&layout::index_path(DRAFT)), 0).unwrap();
        e.path = Layout::Flat.index_path("2024-12-01-baru").into_bytes();
        index.add(&e).unwrap();
        index.write_tree_to(&repo).unwrap()
    };
    commit_on(&repo, head, planted, admin, "tanam");
    let problems = migrations(&Newsroom::open(&dir).unwrap());
    assert!(
        problems.contains(&Problem::Unexpected(Layout::Flat.index_path("2024-12-01-baru"))),
        "{problems:?}"
    );
}

trait ParentOf {
    fn repo_commit_parent(&self, commit: Oid) -> Option<Oid>;
}

impl ParentOf for Newsroom {
    fn repo_commit_parent(&self, commit: Oid) -> Option<Oid> {
        let repo = Repository::open(self.git_dir()).unwrap();
        repo.find_commit(commit).unwrap().parent_id(0).ok()
    }
}

#[test]
fn the_command_line_migrates_and_the_hook_takes_the_migration_from_an_admin_only() {
    let d = common::Demo::new();
    flatten(&d.repo);
    // An unmigrated newsroom: actions say what to do, in the person's language.
    let (code, _, err) = d.run(Some("hesti"), &["comment", DRAFT, "-m", "Cek."]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("warta migrate") && err.contains("susunan folder lama"),
        "{err}"
    );
    let (code, _, err) = d.run(Some("hesti"), &["migrate"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("hanya admin"), "{err}");

    let (server, work) = common::hooked_server(&d);
    let out = common::warta(&d.home, &work)
        .args(["--as", "admin-it", "migrate"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.contains("Dipindahkan"), "{err}");
    assert!(
        work.join(layout::index_path(DRAFT)).exists(),
        "the clone's work tree moved"
    );
    let (ok, err) = common::push_as(&d.home, &work, "hesti");
    assert!(!ok, "a migration pushed by an approver is refused: {err}");
    let (ok, err) = common::push_as(&d.home, &work, "admin-it");
    assert!(ok, "{err}");
    let out = common::warta(&d.home, &server).args(["verify"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_first_glance_without_saved_rows_reads_the_newest_days_only() {
    use warta::store::action::NewItem;
    let tmp = tempfile::tempdir().unwrap();
    let room = Newsroom::init(&tmp.path().join("news"), true, warta::samples::CONFIG).unwrap();
    let tz = room.config_at(room.head().unwrap()).unwrap().timezone();
    // 130 items over 13 days, 10 a day.
    for i in 0..130u32 {
        let at = jiff::civil::date(2024, 10, 1 + i8::try_from(i / 10).unwrap())
            .at(9, 0, 0, 0)
            .to_zoned(tz.clone())
            .unwrap();
        let req = Request::Create(NewItem {
            title: format!("Berita nomor {i}"),
            body: Some("Isi.\n".into()),
            ..NewItem::default()
        });
        room.apply_at("sari", &req, Some(&at)).unwrap();
    }
    let head = room.head().unwrap();
    let glance = room.glance_at(head, &[]).unwrap();
    assert!(glance.partial);
    let slugs: Vec<&str> = glance.items.iter().map(|e| e.slug.as_str()).collect();
    // Whole days from the newest back, until at least 100 items: 10 days.
    assert_eq!(slugs.len(), 100, "{slugs:?}");
    assert!(slugs.iter().all(|s| *s >= "2024-10-04"), "{slugs:?}");
    let whole = room.snapshot().unwrap();
    assert_eq!(whole.items.len(), 130);
    for e in &glance.items {
        assert_eq!(Some(&**e), whole.item(&e.slug), "a glance row is the item as it is");
    }
}
