//! Store tests on hermetic temp repositories: work trees, bare repositories, merges,
//! conflicts, and many processes racing on one branch.

mod common;

use std::path::Path;
use std::sync::Arc;
use warta::domain::layout;

use warta::domain::review::{ActionKind, Status};
use warta::samples;
use warta::store::action::NewItem;
use warta::store::{Newsroom, Request, StoreError};

fn newsroom(dir: &Path, bare: bool) -> Newsroom {
    Newsroom::init(dir, bare, samples::CONFIG).unwrap()
}

fn create(room: &Newsroom, who: &str, title: &str, body: &str) -> String {
    let req = Request::Create(NewItem {
        title: title.into(),
        body: Some(body.into()),
        tags: vec!["humas".into()],
        ..NewItem::default()
    });
    room.apply(who, &req).unwrap().slug
}

fn edit(
    room: &Newsroom,
    who: &str,
    slug: &str,
    base: &warta::domain::item::Item,
    body: &str,
) -> Result<warta::store::Done, StoreError> {
    let mut new = base.clone();
    new.body = body.into();
    room.apply(
        who,
        &Request::Edit {
            slug: slug.into(),
            base: Box::new(base.clone()),
            new: Box::new(new),
        },
    )
}

#[test]
fn bare_and_work_tree_newsrooms_work_alike() {
    for bare in [true, false] {
        let tmp = tempfile::tempdir().unwrap();
        let room = newsroom(&tmp.path().join("n"), bare);
        let slug = create(&room, "sari", "Rapat Koordinasi Pengawasan", "Isi.\n");
        let snap = room.snapshot().unwrap();
        let e = snap.item(&slug).unwrap();
        assert_eq!(e.state.status, Status::Draft);
        assert_eq!(e.item.front.author, "sari");
        assert_eq!(e.item.front.kecamatan, "babadan");
        let reopened = Newsroom::open(&tmp.path().join("n")).unwrap();
        assert_eq!(reopened.snapshot().unwrap().items.len(), 1);
        let file = tmp.path().join("n").join(layout::index_path(&slug));
        assert_eq!(file.exists(), !bare, "work tree updated only when there is one");
    }
}

#[test]
fn work_tree_files_with_local_changes_are_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("n");
    let room = newsroom(&dir, false);
    let slug = create(&room, "sari", "Patroli Masa Tenang", "Satu.\n");
    let file = dir.join(layout::index_path(&slug));
    let local = format!("{}\nLOCAL NOTE\n", std::fs::read_to_string(&file).unwrap());
    std::fs::write(&file, &local).unwrap();
    let base = room.snapshot().unwrap().item(&slug).unwrap().item.clone();
    let done = edit(&room, "sari", &slug, &base, "Dua.\n").unwrap();
    assert_eq!(done.skipped, vec![layout::index_path(&slug)]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), local, "local change kept");
    // The review log had no local change, so it was updated.
    let log = std::fs::read_to_string(dir.join(layout::review_path(&slug))).unwrap();
    assert!(log.contains("action = \"edit\""));
    assert_eq!(room.snapshot().unwrap().item(&slug).unwrap().item.body, "Dua.\n");
}

#[test]
fn concurrent_edits_merge_and_true_conflicts_keep_both_texts() {
    let tmp = tempfile::tempdir().unwrap();
    let mut room = newsroom(&tmp.path().join("n"), true);
    room.set_state_dir(tmp.path().join("state"));
    let slug = create(
        &room,
        "sari",
        "Sosialisasi Pengawasan Partisipatif",
        "Satu.\n\nDua.\n\nTiga.\n",
    );
    let base = room.snapshot().unwrap().item(&slug).unwrap().item.clone();
    // bayu and fajar both start from `base`.
    edit(&room, "bayu", &slug, &base, "Satu, kata bayu.\n\nDua.\n\nTiga.\n").unwrap();
    let done = edit(&room, "fajar", &slug, &base, "Satu.\n\nDua.\n\nTiga, kata fajar.\n").unwrap();
    assert!(done.merged);
    let body = room.snapshot().unwrap().item(&slug).unwrap().item.body.clone();
    assert_eq!(body, "Satu, kata bayu.\n\nDua.\n\nTiga, kata fajar.\n");
    // Now both change paragraph two from the same base.
    let base = room.snapshot().unwrap().item(&slug).unwrap().item.clone();
    edit(&room, "bayu", &slug, &base, &body.replace("Dua.", "Dua versi bayu.")).unwrap();
    let head = room.head().unwrap();
    let err = edit(&room, "fajar", &slug, &base, &body.replace("Dua.", "Dua versi fajar.")).unwrap_err();
    match &err {
        StoreError::Conflict {
            saved, ours, theirs, ..
        } => {
            assert!(ours.contains("Dua versi fajar.") && theirs.contains("Dua versi bayu."));
            assert!(
                std::fs::read_to_string(saved).unwrap().contains("Dua versi fajar."),
                "ours saved to disk"
            );
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(err.exit_code(), 3);
    assert_eq!(room.head().unwrap(), head, "nothing written on conflict");
}

#[test]
fn the_action_is_rechecked_after_a_lost_race() {
    let tmp = tempfile::tempdir().unwrap();
    let room = newsroom(&tmp.path().join("n"), true);
    let slug = create(&room, "sari", "Pengawasan Distribusi Logistik", "Isi.\n");
    let submit = |who: &str| {
        room.apply(
            who,
            &Request::Transition {
                slug: slug.clone(),
                action: ActionKind::Submit,
                message: None,
                seen: None,
            },
        )
    };
    submit("sari").unwrap();
    // A second submit, as if it had read the old state, is checked against the new one.
    assert!(matches!(submit("sari"), Err(StoreError::Denied(_))));
}

const WORKERS: usize = 8;
const ACTIONS: usize = 50;

/// One racing process: alternate comments and edits of its own paragraph.
fn worker(repo: &Path, n: usize, slug: &str) {
    let room = Newsroom::open(repo).unwrap();
    let who = ["sari", "bayu", "fajar", "hesti", "agus", "sari", "bayu", "fajar"][n];
    for j in 0..ACTIONS {
        if j % 2 == 0 {
            let req = Request::Comment {
                slug: slug.into(),
                paragraph: None,
                text: format!("w{n}-a{j}"),
            };
            room.apply(who, &req).unwrap();
        } else {
            let base = room.snapshot().unwrap().item(slug).unwrap().item.clone();
            let mut paras: Vec<String> = base.body.split("\n\n").map(str::to_string).collect();
            paras[n] = format!("P{n} v{j}");
            let mut new = base.clone();
            new.body = paras.join("\n\n");
            room.apply(
                who,
                &Request::Edit {
                    slug: slug.into(),
                    base: Box::new(base),
                    new: Box::new(new),
                },
            )
            .unwrap();
        }
    }
}

#[test]
fn eight_processes_racing_lose_nothing() {
    if let (Ok(repo), Ok(n), Ok(slug)) = (
        std::env::var("WARTA_RACE_REPO"),
        std::env::var("WARTA_RACE_N"),
        std::env::var("WARTA_RACE_SLUG"),
    ) {
        worker(Path::new(&repo), n.parse().unwrap(), &slug);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("n.git");
    let room = newsroom(&repo, true);
    let body: Vec<String> = (0..WORKERS).map(|n| format!("P{n} awal")).collect();
    let slug = create(&room, "sari", "Uji Balapan Delapan Proses", &body.join("\n\n"));
    common::race(
        "eight_processes_racing_lose_nothing",
        WORKERS,
        &[
            ("WARTA_RACE_REPO", repo.display().to_string()),
            ("WARTA_RACE_SLUG", slug.clone()),
        ],
    );
    let snap = room.snapshot().unwrap();
    let e = snap.item(&slug).unwrap();
    let events = &e.review.events;
    assert_eq!(events.len(), 1 + WORKERS * ACTIONS, "every action recorded once");
    for n in 0..WORKERS {
        for j in (0..ACTIONS).step_by(2) {
            let text = format!("w{n}-a{j}");
            let count = events
                .iter()
                .filter(|ev| ev.message.as_deref() == Some(text.as_str()))
                .count();
            assert_eq!(count, 1, "{text}");
        }
        let last = (0..ACTIONS).filter(|j| j % 2 == 1).max().unwrap();
        assert_eq!(
            e.item.body.split("\n\n").nth(n).unwrap(),
            format!("P{n} v{last}"),
            "no lost edit"
        );
    }
    // One commit per action, and git is happy with the repository.
    let commits = room.chain().unwrap().len();
    assert_eq!(commits, 2 + WORKERS * ACTIONS);
    let home = tmp.path();
    common::git(home, &repo, &["fsck", "--full", "--strict"]);
}

#[test]
fn reloading_reuses_unchanged_items_and_sees_every_change() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let before = room.snapshot().unwrap();
    let slug = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
    room.apply(
        "hesti",
        &Request::Comment {
            slug: slug.into(),
            paragraph: Some(1),
            text: "cek".into(),
        },
    )
    .unwrap();
    let head = room.head().unwrap();
    let reused = room.snapshot_reusing(head, Some(&before)).unwrap();
    let fresh = room.snapshot_at(head).unwrap();
    assert_eq!(reused.items, fresh.items);
    assert_eq!(
        reused.item(slug).unwrap().open_threads(),
        before.item(slug).unwrap().open_threads() + 1
    );
}

/// The snapshot cache is an optimisation: deleting or damaging it changes nothing but
/// speed, and it is really read (an entry planted in it shows when its ids match).
#[test]
fn snapshot_cache_changes_nothing_but_speed() {
    use warta::store::cache;
    let d = common::Demo::new();
    let room = Newsroom::open(&d.repo).unwrap();
    let dir = cache::path(room.git_dir());
    let _ = std::fs::remove_dir_all(&dir);
    let cold = room.snapshot().unwrap();
    assert!(dir.exists(), "a cold open writes the cache");
    let cached = |dir: &Path| {
        cache::load(dir, warta::store::Leave::Nothing)
            .values()
            .map(|s| s.entries.len())
            .sum::<usize>()
    };
    assert_eq!(cached(&dir), cold.items.len());
    let warm = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert_eq!(warm.items, cold.items);
    assert_eq!(warm.broken, cold.broken);

    // Damage: detected, ignored, rewritten.
    let file = dir.join(cache::shard_of(&cold.items[0].slug));
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    std::fs::write(&file, &bytes).unwrap();
    let after = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert_eq!(after.items, cold.items);
    assert_eq!(
        cache::load(&dir, warta::store::Leave::Nothing).len(),
        cold.items.len(),
        "the damaged shard was rebuilt"
    );

    // Planted: an entry whose ids match is used as it is...
    let mut planted = cold.items.clone();
    Arc::make_mut(&mut planted[0]).item.front.title = "Judul dari cache".into();
    cache::save(&dir, &planted, None, &std::collections::HashMap::new()).unwrap();
    let from_cache = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert_eq!(from_cache.items[0].item.front.title, "Judul dari cache");
    // ...and one whose folder changed since is read again from git.
    Arc::make_mut(&mut planted[0]).content = "0".repeat(40);
    cache::save(&dir, &planted, None, &std::collections::HashMap::new()).unwrap();
    let reread = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert!(
        reread.items == cold.items,
        "an entry whose ids do not match must be read from git"
    );

    // A day whose folders kept their tree ids is taken from its file whole, without
    // reading the folders (the file's entries are not checked one by one then).
    let warm = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert_eq!(warm.items, cold.items);
    let day = cache::shard_of(&cold.items[0].slug).to_string();
    let mut days = cache::load(&dir, warta::store::Leave::Nothing);
    let trees = days[&day].trees.expect("a whole day knows its folders");
    let mut entries = days.remove(&day).unwrap().entries;
    entries[0].item.front.title = "Judul dari hari utuh".into();
    entries[0].content = "0".repeat(40);
    cache::save(
        &dir,
        &entries,
        Some(&[day.clone()].into()),
        &[(day.clone(), trees)].into(),
    )
    .unwrap();
    let whole = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert!(whole.items.iter().any(|e| e.item.front.title == "Judul dari hari utuh"));
    std::fs::remove_file(dir.join(&day)).unwrap();
    assert_eq!(Newsroom::open(&d.repo).unwrap().snapshot().unwrap().items, cold.items);

    // An action after the cache was written shows up, and only the file of that
    // item's day is written again (each write is a new file renamed into place).
    let slug = cold.items[0].slug.clone();
    d.ok("hesti", &["comment", &slug, "-m", "Tambahkan foto kegiatan."]);
    let files = || -> std::collections::BTreeMap<String, u64> {
        use std::os::unix::fs::MetadataExt;
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().into_string().unwrap(), e.metadata().unwrap().ino())
            })
            .collect()
    };
    let before = files();
    let later = Newsroom::open(&d.repo).unwrap().snapshot().unwrap();
    assert_eq!(
        later.item(&slug).unwrap().review.events.len(),
        cold.items[0].review.events.len() + 1
    );
    let after = files();
    let rewritten: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(rewritten, vec![cache::shard_of(&slug)], "{before:?} {after:?}");
    assert_eq!(before.len(), after.len());
}

/// The trailer index finds the same history as walking the chain, whether it is
/// missing, damaged, or left behind by a branch that was reset and grew again.
#[test]
fn trailer_index_finds_the_same_history_as_the_walk() {
    let d = common::Demo::new();
    let log = |slug: &str, cached: bool| {
        let mut c = common::warta(&d.home, &d.repo);
        if !cached {
            c.env("WARTA_NO_CACHE", "1");
        }
        let out = c.args(["--as", "hesti", "log", "--json", slug]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            v.as_array().unwrap().iter().all(|e| e["commit"].is_string()),
            "every event has its commit"
        );
        v
    };
    let all = d.json("hesti", &["list", "--json"]);
    let slugs: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].as_str().unwrap().to_string())
        .collect();
    assert!(slugs.len() >= 5);
    let index = Newsroom::open(&d.repo).unwrap().git_dir().join("warta-cache/trailers");
    for s in &slugs {
        assert_eq!(log(s, true), log(s, false), "{s}");
    }
    assert!(index.exists(), "a log writes the index");

    let mut bytes = std::fs::read(&index).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    std::fs::write(&index, &bytes).unwrap();
    assert_eq!(log(&slugs[0], true), log(&slugs[0], false));
    assert_ne!(std::fs::read(&index).unwrap(), bytes, "the damaged index was rebuilt");

    // Reset the branch behind the index's head, then grow it on another line.
    let head = d.head();
    d.git(&["update-ref", "refs/heads/main", &format!("{head}~3")]);
    let slug = &slugs[1];
    d.ok("hesti", &["comment", slug, "-m", "Mohon periksa ulang tanggalnya."]);
    for s in &slugs {
        assert_eq!(log(s, true), log(s, false), "{s} after the reset");
    }
}

/// The loose trees actions write are packed by git in the background once enough
/// bytes have piled up, and never when that is switched off.
#[test]
fn loose_trees_are_packed_once_there_are_enough() {
    let d = common::Demo::new();
    let slug = d.json("hesti", &["list", "--json"])[0]["slug"]
        .as_str()
        .unwrap()
        .to_string();
    let loose = || -> u64 {
        let out = d.git(&["count-objects", "-v"]);
        let line = out.lines().find(|l| l.starts_with("count:")).unwrap();
        line["count:".len()..].trim().parse().unwrap()
    };
    let cache = d.repo.join(".git").join("warta-cache");
    let comment = |after: &str, text: &str| {
        let out = common::warta(&d.home, &d.repo)
            .env("WARTA_REPACK_AFTER", after)
            .args(["--as", "hesti", "comment", &slug, "-m", text])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };

    // Switched off: the objects stay loose, and no repack was started.
    comment("0", "Catatan pertama.");
    let before = loose();
    assert!(before > 0, "the demo and the comment left loose objects");
    assert!(!cache.join("repack.lock").exists());
    // Below the threshold: counted, nothing started.
    comment("1000000000", "Catatan kedua.");
    let counted: u64 = std::fs::read_to_string(cache.join("loose-bytes"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(counted > 0);
    assert!(!cache.join("repack.lock").exists());
    // Past it: git packs them in the background.
    comment("1", "Catatan ketiga.");
    assert_eq!(std::fs::read_to_string(cache.join("loose-bytes")).unwrap(), "0");
    let start = std::time::Instant::now();
    while loose() > 0 && start.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(loose(), 0, "every loose object was packed (there were {before})");
    d.git(&["fsck", "--strict"]);
    let log = d.json("hesti", &["log", "--json", &slug]);
    let text = log.to_string();
    for c in ["Catatan pertama.", "Catatan kedua.", "Catatan ketiga."] {
        assert!(text.contains(c), "{c} is in the log");
    }
}

/// A symlink planted where the work tree's temporary file goes (`.index.md.<pid>.tmp`
/// beside the item) is neither written through nor renamed into place: the file it
/// points at keeps its bytes, and `index.md` is a regular file with the new text.
#[test]
fn a_symlink_where_the_temporary_file_goes_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    let room = newsroom(&dir, false);
    let slug = create(&room, "sari", "Patroli Masa Tenang", "Satu.\n");
    let victim = tmp.path().join("victim");
    std::fs::write(&victim, "tetap").unwrap();
    let folder = dir.join(layout::draft_dir(&slug));
    let planted = folder.join(format!(".index.md.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let base = room.snapshot().unwrap().item(&slug).unwrap().item.clone();
    let done = edit(&room, "sari", &slug, &base, "Dua.\n").unwrap();
    assert!(done.skipped.is_empty(), "{:?}", done.skipped);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "tetap");
    let index = folder.join("index.md");
    assert!(!std::fs::symlink_metadata(&index).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&index).unwrap().contains("Dua."));
    assert!(std::fs::symlink_metadata(&planted).unwrap().file_type().is_symlink());
}

/// The mode bits of a path.
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Journals, conflict copies and remembered rows are `0600` in `0700` folders even
/// under `umask 000`. The test runs itself again in a child with that umask.
#[test]
fn private_state_is_the_owners_only_whatever_the_umask() {
    use warta::store::{journal, presence};
    if std::env::var_os("WARTA_UMASK_CHILD").is_none() {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 000 && exec \"$@\"")
            .arg("sh")
            .arg(std::env::current_exe().unwrap())
            .args([
                "private_state_is_the_owners_only_whatever_the_umask",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("WARTA_UMASK_CHILD", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{text}");
        assert!(text.contains("1 passed"), "{text}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // The umask really is 000 here.
    std::fs::write(tmp.path().join("plain"), "x").unwrap();
    assert_eq!(mode(&tmp.path().join("plain")), 0o666);
    let state = tmp.path().join("state");
    journal::check_state_dir(&state).unwrap();
    let dir = journal::journal_dir(&state, Path::new("/srv/news.git"), "sari");
    let j = journal::Journal {
        slug: String::new(),
        person: "sari".into(),
        saved_at: "2024-09-09T10:00:00+07:00".into(),
        content: "rahasia".into(),
        base: String::new(),
    };
    let file = journal::write_journal(&dir, &j).unwrap();
    let StoreError::Conflict { saved, .. } = journal::conflict(&state, "2024-09-09-a", "milik saya", "", String::new())
    else {
        panic!("a conflict")
    };
    presence::save_first_rows(&state, Path::new("/srv/news.git"), "sari", &["2024-09-09-a".into()]);
    let rows = journal::journal_dir(&state, Path::new("/srv/news.git"), "sari").with_file_name("sari.first-rows");
    for f in [&file, Path::new(&saved), &rows] {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    for d in [
        &state,
        &state.join("journal"),
        dir.parent().unwrap(),
        &dir,
        &state.join("conflicts"),
    ] {
        assert_eq!(mode(d), 0o700, "{}", d.display());
    }
}

/// A state folder everyone may write, or another user owns, is refused with what is
/// wrong, and nothing is written into it; a folder of this user's with read bits for
/// others (made by an older warta) is closed to `0700`.
#[test]
fn a_state_folder_others_can_write_or_own_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    use warta::store::journal::{self, StateProblem};
    let tmp = tempfile::tempdir().unwrap();
    let open = tmp.path().join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
    match journal::check_state_dir(&open) {
        Err(StoreError::UnsafeStateDir {
            problem: StateProblem::OpenToOthers { mode },
            ..
        }) => assert_eq!(mode, 0o777),
        other => panic!("{other:?}"),
    }
    let StoreError::Conflict { saved, .. } = journal::conflict(&open, "2024-09-09-a", "milik saya", "", String::new())
    else {
        panic!("a conflict")
    };
    assert!(saved.starts_with("(not saved"), "{saved}");
    assert!(!open.join("conflicts").exists());
    let message = warta::i18n::error(warta::i18n::Lang::En, &journal::check_state_dir(&open).unwrap_err());
    assert!(message.contains("writable by everyone"), "{message}");
    // Another user's folder (and a link another user made to it): only root can make one here.
    if std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0) {
        let theirs = tmp.path().join("theirs");
        std::fs::create_dir(&theirs).unwrap();
        std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
        assert!(matches!(
            journal::check_state_dir(&theirs),
            Err(StoreError::UnsafeStateDir {
                problem: StateProblem::NotOwned { owner: 65534 },
                ..
            })
        ));
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&open, &link).unwrap();
        std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
        assert!(matches!(
            journal::check_state_dir(&link),
            Err(StoreError::UnsafeStateDir {
                problem: StateProblem::NotOwned { owner: 65534 },
                ..
            })
        ));
    }
    let old = tmp.path().join("old");
    std::fs::create_dir(&old).unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
    journal::check_state_dir(&old).unwrap();
    assert_eq!(mode(&old), 0o700);
}

/// A journal that cannot be read is moved aside and reported, never left where the
/// next autosave would write over it.
#[test]
fn a_damaged_journal_is_kept_aside_and_reported() {
    use warta::store::journal;
    let tmp = tempfile::tempdir().unwrap();
    let dir = journal::journal_dir(tmp.path(), Path::new("/srv/news.git"), "sari");
    std::fs::create_dir_all(&dir).unwrap();
    let damaged = b"+++ separuh teks yang diketik \xff\xfe title = \"";
    std::fs::write(dir.join("new.toml"), damaged).unwrap();
    let Err(StoreError::DamagedJournal { path, kept }) = journal::read_journal(&dir, "") else {
        panic!("reported as damaged")
    };
    assert_eq!(Path::new(&path), dir.join("new.toml"));
    assert!(!dir.join("new.toml").exists());
    assert_eq!(std::fs::read(&kept).unwrap(), damaged, "kept byte for byte");
    let message = warta::i18n::error(
        warta::i18n::Lang::En,
        &StoreError::DamagedJournal {
            path: path.clone(),
            kept: kept.clone(),
        },
    );
    assert!(
        message.starts_with("Damaged journal") && message.contains(&kept),
        "{message}"
    );
    // The next journal is written beside it, and the kept one stays.
    let j = journal::Journal {
        slug: String::new(),
        person: "sari".into(),
        saved_at: "2024-09-09T10:00:00+07:00".into(),
        content: "baru".into(),
        base: String::new(),
    };
    journal::write_journal(&dir, &j).unwrap();
    assert_eq!(journal::read_journal(&dir, "").unwrap(), Some(j));
    assert_eq!(std::fs::read(&kept).unwrap(), damaged);
}

/// A session whose process is gone (a dropped connection) is nobody: its presence
/// file is ignored at once, not after fifteen seconds.
#[test]
fn presence_of_a_dead_session_is_ignored_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let folder = room.git_dir().join("warta-presence");
    std::fs::create_dir_all(&folder).unwrap();
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let mut living = std::process::Command::new("sleep").arg("5").spawn().unwrap();
    let entry = |who: &str| format!("person = \"{who}\"\nitem = \"x\"\nediting = true\n");
    std::fs::write(folder.join(format!("dimas-{dead}.toml")), entry("dimas")).unwrap();
    std::fs::write(folder.join(format!("sari-{}.toml", living.id())), entry("sari")).unwrap();
    let here: Vec<String> = warta::store::presence::others(room.git_dir())
        .into_iter()
        .map(|p| p.person)
        .collect();
    living.kill().unwrap();
    let _ = living.wait();
    assert_eq!(here, vec!["sari".to_string()]);
}
