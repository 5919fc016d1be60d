//! Push enforcement: `warta hook pre-receive` in a bare repository, tested with real
//! `git push`. The pusher comes from `WARTA_PUSHER`, never from commit authors.

mod common;

use std::path::Path;
use std::process::Command;
use warta::domain::layout;

const SARI_ITEM: &str = "2024-09-23-panwascam-babadan-ikut-pantau-rapat-pleno-pengundian-nomor";
const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

fn push(home: &Path, dir: &Path, pusher: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new("git")
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("WARTA_PUSHER", pusher)
        .current_dir(dir)
        .arg("push")
        .args(args)
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn commit_as(d: &common::Demo, dir: &Path, name: &str, email: &str, msg: &str) {
    common::git(&d.home, dir, &["add", "-A"]);
    common::git(
        &d.home,
        dir,
        &[
            "-c",
            &format!("user.name={name}"),
            "-c",
            &format!("user.email={email}"),
            "commit",
            "-qm",
            msg,
        ],
    );
}

fn append_event(dir: &Path, slug: &str, event: &str) {
    let path = dir.join(layout::review_path(slug));
    let mut log = std::fs::read_to_string(&path).unwrap();
    log.push_str(event);
    std::fs::write(path, log).unwrap();
}

#[test]
fn pushes_that_break_the_rules_are_refused() {
    let d = common::Demo::new();
    let (server, work) = common::hooked_server(&d);
    let server_head = || common::git(&d.home, &server, &["rev-parse", "main"]);
    let start = server_head();

    // An author approving, by hand.
    append_event(
        &work,
        SARI_ITEM,
        "\n[[events]]\nat = \"2024-10-01T09:00:00+07:00\"\nactor = \"sari\"\naction = \"approve\"\n",
    );
    commit_as(&d, &work, "Sari Wulandari", "sari@panwascam-babadan.example", "approve");
    let (ok, err) = push(&d.home, &work, "sari", &["-q", "origin", "main"]);
    assert!(!ok, "{err}");
    let short = common::git(&d.home, &work, &["rev-parse", "--short=8", "HEAD"]);
    assert!(
        err.contains(short.trim()) && err.contains("penyetuju"),
        "names commit and rule: {err}"
    );
    assert_eq!(server_head(), start);

    // The same approval claimed in the approver's name, pushed by the author.
    common::git(&d.home, &work, &["reset", "-q", "--hard", "origin/main"]);
    append_event(
        &work,
        SARI_ITEM,
        "\n[[events]]\nat = \"2024-10-01T09:00:00+07:00\"\nactor = \"hesti\"\naction = \"comment\"\nthread = 9\nmessage = \"palsu\"\n",
    );
    commit_as(
        &d,
        &work,
        "Dr. Hesti Purwaningsih, S.H., M.H.",
        "hesti@bawaslu-ponorogo.example",
        "comment",
    );
    let (ok, err) = push(&d.home, &work, "sari", &["-q", "origin", "main"]);
    assert!(
        !ok && err.contains("hesti") && err.contains("sari"),
        "the pusher, not the author: {err}"
    );
    assert_eq!(server_head(), start);

    // Editing another kecamatan's item.
    common::git(&d.home, &work, &["reset", "-q", "--hard", "origin/main"]);
    let index = work.join(layout::index_path(SARI_ITEM));
    let text = std::fs::read_to_string(&index)
        .unwrap()
        .replace("(Humas)", "Tambahan dari Jetis.\n\n(Humas)");
    std::fs::write(&index, text).unwrap();
    append_event(
        &work,
        SARI_ITEM,
        "\n[[events]]\nat = \"2024-10-01T09:00:00+07:00\"\nactor = \"dimas\"\naction = \"edit\"\n",
    );
    commit_as(&d, &work, "Dimas Arya Saputra", "dimas@panwascam-jetis.example", "edit");
    let (ok, err) = push(&d.home, &work, "dimas", &["-q", "origin", "main"]);
    assert!(!ok && err.contains("Tidak diizinkan"), "{err}");
    assert_eq!(server_head(), start);

    // Rewriting history.
    common::git(&d.home, &work, &["reset", "-q", "--hard", "origin/main~1"]);
    let (ok, err) = push(&d.home, &work, "hesti", &["-q", "--force", "origin", "main"]);
    assert!(!ok && err.contains("ditulis ulang"), "{err}");
    assert_eq!(server_head(), start);

    // A push without a pusher named by the server.
    let (ok, err) = push(&d.home, &work, "", &["-q", "--force", "origin", "main"]);
    assert!(!ok && err.contains("WARTA_PUSHER"), "{err}");

    // A legitimate comment by the author on his own draft goes through.
    common::git(&d.home, &work, &["reset", "-q", "--hard", "origin/main"]);
    append_event(
        &work,
        DIMAS_DRAFT,
        "\n[[events]]\nat = \"2024-12-01T09:00:00+07:00\"\nactor = \"dimas\"\naction = \"comment\"\nthread = 1\nmessage = \"Siap direvisi.\"\n",
    );
    commit_as(
        &d,
        &work,
        "Dimas Arya Saputra",
        "dimas@panwascam-jetis.example",
        "comment",
    );
    let (ok, err) = push(&d.home, &work, "dimas", &["-q", "origin", "main"]);
    assert!(ok, "{err}");
    assert_ne!(server_head(), start);
}
