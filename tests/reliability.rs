//! What survives: processes killed with SIGKILL mid-action, and sixteen processes
//! racing with mixed actions. Afterwards git is happy, nothing reported done is
//! missing, nothing is there twice, and the history replays cleanly.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use warta::domain::review::{ActionKind, Status};
use warta::store::{Newsroom, Request, StoreError};

const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

#[test]
fn sigkill_during_two_hundred_actions_loses_nothing_reported() {
    let d = common::Demo::new();
    let mut reported = Vec::new();
    // How long one action takes here, so kills land before, during and after it.
    let mut typical = Duration::ZERO;
    for i in 0..3 {
        let text = format!("vorab-{i}");
        let start = std::time::Instant::now();
        d.ok("dimas", &["comment", DIMAS_DRAFT, "-m", &text]);
        typical = typical.max(start.elapsed());
    }
    let window = u64::try_from(typical.as_micros() * 3 / 2).unwrap_or(u64::MAX).max(1);
    let mut seed: u64 = 7;
    for i in 0..200 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let text = format!("catatan-{i}");
        let mut child = common::warta(&d.home, &d.repo)
            .args(["--as", "dimas", "comment", DIMAS_DRAFT, "-m", &text])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a random moment between start and a little after a typical finish.
        std::thread::sleep(Duration::from_micros((seed >> 33) % window));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            reported.push(text);
        }
    }
    common::git(&d.home, &d.repo, &["fsck", "--full", "--strict"]);
    let room = Newsroom::open(&d.repo).unwrap();
    let events = room
        .snapshot()
        .unwrap()
        .item(DIMAS_DRAFT)
        .unwrap()
        .review
        .events
        .clone();
    for i in 0..200 {
        let text = format!("catatan-{i}");
        let n = events
            .iter()
            .filter(|e| e.message.as_deref() == Some(text.as_str()))
            .count();
        assert!(n <= 1, "{text} twice");
        if reported.contains(&text) {
            assert_eq!(n, 1, "{text} was reported done but is missing");
        }
    }
    assert!(
        !reported.is_empty() && reported.len() < 200,
        "some finished, some were killed: {}",
        reported.len()
    );
    let (_, findings) = room.verify().unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    // A branch lock the last kill may have left does not stop the next action.
    d.ok("dimas", &["comment", DIMAS_DRAFT, "-m", "sesudah"]);
    assert!(!d.repo.join(".git/refs/heads/main.lock").exists());
}

/// Make `path`'s modification time `secs` seconds ago.
fn age_file(path: &Path, secs: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

/// A branch lock left by a process killed while it held it (an empty
/// `refs/heads/main.lock` nobody changes any more) is removed by the next action, which
/// succeeds and logs the removal.
#[test]
fn a_branch_lock_a_dead_process_left_is_removed_and_logged() {
    let d = common::Demo::new();
    let lock = d.repo.join(".git/refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    age_file(&lock, 60);
    let before = d.head();
    d.ok("dimas", &["comment", DIMAS_DRAFT, "-m", "setelah-kill"]);
    assert_ne!(d.head(), before, "the branch moved");
    assert!(!lock.exists());
    let log = std::fs::read_to_string(d.repo.join(".git/warta-locks.log")).unwrap();
    assert!(log.contains("removed refs/heads/main.lock"), "{log}");
}

/// A write past `ulimit -f` (the reflog is already larger than the limit) makes the
/// action fail with exit 4 instead of killing warta with SIGXFSZ while it holds the
/// branch lock: no lock is left, and the next action works at once.
#[test]
fn a_file_size_limit_leaves_no_branch_lock() {
    let d = common::Demo::new();
    let reflog = d.repo.join(".git/logs/refs/heads/main");
    assert!(
        std::fs::metadata(&reflog).unwrap().len() > 2048,
        "the reflog is past the limit"
    );
    let before = d.head();
    let out = std::process::Command::new("sh")
        .env_clear()
        .env("HOME", &d.home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .arg("-c")
        .arg("ulimit -f 2 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_warta"))
        .arg("--repo")
        .arg(&d.repo)
        .args(["--as", "dimas", "comment", DIMAS_DRAFT, "-m", "terlalu-besar"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "exited, not killed: {:?} {err}", out.status);
    assert!(err.contains("File too large"), "{err}");
    assert!(!d.repo.join(".git/refs/heads/main.lock").exists());
    assert_eq!(d.head(), before);
    let start = std::time::Instant::now();
    d.ok("dimas", &["comment", DIMAS_DRAFT, "-m", "sesudahnya"]);
    assert!(start.elapsed() < Duration::from_secs(5), "no wait for a lock");
}

const WORKERS: usize = 16;
const ACTIONS: usize = 200;
const ITEMS: usize = 8;

/// One racing process on its item: comments, edits of its own paragraph, and (for the
/// author) submit and withdraw. The rules may refuse some, depending on who won.
fn worker(repo: &Path, n: usize, slugs: &[String]) {
    let room = Newsroom::open(repo).unwrap();
    let who = ["sari", "bayu", "fajar", "hesti", "agus"][n % 5];
    let slug = &slugs[n % ITEMS];
    let mut done = Vec::new();
    for j in 0..ACTIONS {
        let req = match (j % 4, who) {
            (3, "sari") => Request::Transition {
                slug: slug.clone(),
                action: if (j / 4) % 2 == 0 {
                    ActionKind::Submit
                } else {
                    ActionKind::Withdraw
                },
                message: None,
                seen: None,
            },
            (1, _) => {
                let base = room.snapshot().unwrap().item(slug).unwrap().item.clone();
                let mut paras: Vec<String> = base.body.split("\n\n").map(str::to_string).collect();
                paras[n] = format!("P{n} v{j}");
                let mut new = base.clone();
                new.body = paras.join("\n\n");
                Request::Edit {
                    slug: slug.clone(),
                    base: Box::new(base),
                    new: Box::new(new),
                }
            }
            _ => Request::Comment {
                slug: slug.clone(),
                paragraph: None,
                text: format!("w{n}-a{j}"),
            },
        };
        match room.apply(who, &req) {
            Ok(d) if d.commit.is_some() => done.push(format!("{} {j}", d.action.id())),
            Ok(_) | Err(StoreError::Denied(_)) => {}
            Err(e) => panic!("worker {n} action {j}: {e}"),
        }
    }
    std::fs::write(repo.join(format!("done-{n}")), done.join("\n")).unwrap();
}

#[test]
fn sixteen_processes_two_hundred_mixed_actions_each() {
    if let (Ok(repo), Ok(n), Ok(slugs)) = (
        std::env::var("WARTA_RACE_REPO"),
        std::env::var("WARTA_RACE_N"),
        std::env::var("WARTA_RACE_SLUGS"),
    ) {
        let slugs: Vec<String> = slugs.split(',').map(str::to_string).collect();
        worker(Path::new(&repo), n.parse().unwrap(), &slugs);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("n.git");
    let room = Newsroom::init(&repo, true, warta::samples::CONFIG).unwrap();
    let body: Vec<String> = (0..WORKERS).map(|n| format!("P{n} awal")).collect();
    let slugs: Vec<String> = (0..ITEMS)
        .map(|i| {
            let req = Request::Create(warta::store::action::NewItem {
                title: format!("Uji Balapan Berita Nomor {i}"),
                body: Some(body.join("\n\n")),
                tags: vec!["humas".into()],
                ..Default::default()
            });
            room.apply("sari", &req).unwrap().slug
        })
        .collect();
    common::race(
        "sixteen_processes_two_hundred_mixed_actions_each",
        WORKERS,
        &[
            ("WARTA_RACE_REPO", repo.display().to_string()),
            ("WARTA_RACE_SLUGS", slugs.join(",")),
        ],
    );
    let snap = room.snapshot().unwrap();
    let mut total = 0;
    for n in 0..WORKERS {
        let done = std::fs::read_to_string(repo.join(format!("done-{n}"))).unwrap();
        let e = snap.item(&slugs[n % ITEMS]).unwrap();
        let mut last_edit = None;
        for line in done.lines() {
            total += 1;
            let (action, j) = line.split_once(' ').unwrap();
            match action {
                "comment" => {
                    let text = format!("w{n}-a{j}");
                    let count = e
                        .review
                        .events
                        .iter()
                        .filter(|ev| ev.message.as_deref() == Some(text.as_str()))
                        .count();
                    assert_eq!(count, 1, "{text} recorded exactly once");
                }
                "edit" => last_edit = Some(j.to_string()),
                _ => {}
            }
        }
        let para = e.item.body.split("\n\n").nth(n).unwrap();
        let want = last_edit.map_or_else(|| format!("P{n} awal"), |j| format!("P{n} v{j}"));
        assert_eq!(para, want, "worker {n}: no lost edit");
    }
    let events: usize = slugs.iter().map(|s| snap.item(s).unwrap().review.events.len()).sum();
    assert_eq!(events, ITEMS + total, "every reported action recorded exactly once");
    assert_eq!(room.chain().unwrap().len(), 1 + ITEMS + total, "one commit per action");
    // The states match a replay of the logs, and every transition was legal.
    for s in &slugs {
        let e = snap.item(s).unwrap();
        let replayed = warta::domain::review::Review {
            events: e.review.events.clone(),
        }
        .state();
        assert_eq!(replayed.status, e.state.status);
        assert!(matches!(e.state.status, Status::Draft | Status::Submitted));
    }
    let (_, findings) = room.verify().unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    common::git(tmp.path(), &repo, &["fsck", "--full", "--strict"]);
}
