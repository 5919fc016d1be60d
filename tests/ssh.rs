//! Many people over SSH: a real OpenSSH server on 127.0.0.1 whose `authorized_keys` come
//! from `warta keys`. `.ci/run` installs openssh-server; this test needs `/usr/sbin/sshd`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;
use warta::domain::layout;

use common::Demo;
use common::tmux::Tmux;

const DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

use common::sshd::{keygen, start_sshd, user, with_keys};

/// A demo newsroom whose dimas, hesti, joko and admin use freshly generated keys.
fn newsroom_with_keys(d: &Demo, dir: &Path) {
    with_keys(d, dir, &["dimas", "hesti", "joko", "admin-it"]);
}

#[test]
fn two_people_over_ssh_without_a_shell() {
    let d = Demo::new();
    let dir = d.tmp.path().join("ssh");
    std::fs::create_dir_all(&dir).unwrap();
    newsroom_with_keys(&d, &dir);
    // Only admins can set up keys; the file comes from warta keys.
    let keys = d.ok("admin-it", &["keys"]);
    assert!(keys.lines().all(|l| l.starts_with("restrict,pty,command=\"")), "{keys}");
    assert!(!keys.contains("session joko"), "expired people get no line: {keys}");
    let authorized = dir.join("authorized_keys");
    std::fs::write(&authorized, &keys).unwrap();
    assert_eq!(
        d.run(Some("admin-it"), &["keys", "--check", authorized.to_str().unwrap()])
            .0,
        0
    );
    let sshd = start_sshd(&dir, &authorized);

    // The author and the approver log in; the author submits.
    let author = Tmux::start("ssh-author", 100, 30, &sshd.ssh("dimas", ""));
    author.wait_for("Dimas Arya Saputra", 15);
    let approver = Tmux::start("ssh-approver", 100, 30, &sshd.ssh("hesti", "bash"));
    let before = approver.wait_for("Hesti Purwaningsih", 15);
    assert!(!before.contains("Panwascam Jetis Kawal Rekapitulasi"), "{before}");
    author.wait_for("Panwascam Jetis Kawal Rekapitulasi", 5);
    author.keys(&["Enter"]);
    author.wait_for("¶1", 5);
    author.keys(&["s"]);
    // Submitting asks first, showing what the checklist flags.
    author.wait_for("y / Enter", 10);
    author.keys(&["y"]);
    author.wait_for("Berhasil diajukan", 10);
    // The approver sees it within two seconds and approves.
    approver.wait_for("Panwascam Jetis Kawal Rekapitulasi", 2);
    let row = approver.screen();
    let line = row
        .lines()
        .position(|l| l.contains("Panwascam Jetis Kawal Rekapitulasi"))
        .unwrap();
    let first = row
        .lines()
        .position(|l| l.contains("Diajukan") || l.contains("Disetujui"))
        .unwrap();
    for _ in first..line {
        approver.keys(&["Down"]);
    }
    approver.keys(&["Enter"]);
    approver.wait_for("¶1", 5);
    // Presence: the author still has the item open.
    approver.wait_for("Juga dibuka oleh: Dimas Arya Saputra", 5);
    approver.keys(&["a"]);
    approver.wait_for("Catatan", 5);
    approver.keys(&["Enter"]);
    approver.wait_for("Berhasil disetujui", 10);
    let log = d.git(&["log", "-2", "--format=%an|%s"]);
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].starts_with("Dr. Hesti") && lines[0].contains(&format!("approve({DRAFT})")),
        "{log}"
    );
    assert!(lines[1].starts_with("Dimas Arya Saputra|submit("), "{log}");

    // Asking for a shell or a command still lands in warta.
    let sneaky = Tmux::start("ssh-cat", 100, 30, &sshd.ssh("dimas", "cat /etc/passwd"));
    let s = sneaky.wait_for("Tugas saya", 15);
    assert!(!s.contains("root:x:0:0"), "{s}");
    drop(sneaky);

    // An expired person is turned away.
    let expired = Tmux::start("ssh-joko", 100, 30, &sshd.ssh("joko", ""));
    let s = expired.wait_for("SSH-EXIT=", 15);
    assert!(!s.contains("Tugas saya"), "{s}");
    drop(expired);

    // Killing the author's ssh client mid-edit leaves a journal the next login offers.
    author.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(600));
    author.keys(&["n"]);
    author.wait_for("Berita baru", 5);
    author.text("Koneksi Putus di Tengah Jalan");
    author.wait_for("Koneksi Putus", 5);
    let pid = author.program_pid();
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    drop(author);
    let again = Tmux::start("ssh-author2", 100, 30, &sshd.ssh("dimas", ""));
    let s = again.wait_for("Pulihkan?", 15);
    assert!(s.contains("Koneksi Putus di Tengah Jalan"), "{s}");
}

/// git over the same keys: an admin clones and pushes, and the push is checked with the
/// admin as the pusher; an author gets no git at all, and no other path is served.
#[test]
fn admins_push_over_ssh_and_the_hook_judges_them() {
    let d = Demo::new();
    let dir = d.tmp.path().join("ssh");
    std::fs::create_dir_all(&dir).unwrap();
    newsroom_with_keys(&d, &dir);
    let server = common::bare_clone(&d);
    let server_head = || common::git(&d.home, &server, &["rev-parse", "main"]);
    let keys = common::warta(&d.home, &server)
        .args(["--as", "admin-it", "keys"])
        .output()
        .unwrap();
    let authorized = dir.join("authorized_keys");
    std::fs::write(&authorized, &keys.stdout).unwrap();
    let sshd = start_sshd(&dir, &authorized);
    let git = |key: &str, cwd: &Path, args: &[&str]| {
        let out = Command::new("git")
            .env("HOME", &d.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env(
                "GIT_SSH_COMMAND",
                format!(
                    "ssh -p {} -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR",
                    sshd.port,
                    dir.join(key).display()
                ),
            )
            .current_dir(cwd)
            .args(args)
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let url = format!("{}@127.0.0.1:{}", user(), server.display());
    let work = d.tmp.path().join("work");

    // Authors get no git; nobody gets another path.
    let (ok, err) = git("dimas", d.tmp.path(), &["clone", "-q", &url, "dimas-copy"]);
    assert!(!ok && err.contains("hanya untuk admin"), "{err}");
    let (ok, err) = git(
        "admin-it",
        d.tmp.path(),
        &["clone", "-q", &format!("{}@127.0.0.1:/etc", user()), "etc"],
    );
    assert!(!ok && err.contains("hanya membuka repositori"), "{err}");
    // Without the hook, even an admin's push is refused.
    let (ok, err) = git("admin-it", d.tmp.path(), &["clone", "-q", &url, work.to_str().unwrap()]);
    assert!(ok, "{err}");
    let cfg = work.join("warta.toml");
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, format!("{text}\n# Diperiksa admin.\n")).unwrap();
    common::git(
        &d.home,
        &work,
        &[
            "-c",
            "user.name=Rizky",
            "-c",
            "user.email=r@x",
            "commit",
            "-qam",
            "config",
        ],
    );
    let start = server_head();
    let (ok, err) = git("admin-it", &work, &["push", "-q", "origin", "main"]);
    assert!(!ok && err.contains("warta hook install"), "{err}");
    assert_eq!(server_head(), start);

    // With the hook: the admin's change to warta.toml lands...
    let installed = common::warta(&d.home, &server)
        .args(["hook", "install"])
        .output()
        .unwrap();
    assert!(installed.status.success());
    let (ok, err) = git("admin-it", &work, &["push", "-q", "origin", "main"]);
    assert!(ok, "{err}");
    assert_ne!(server_head(), start);
    // ...and an approval forged in the approver's name is refused: the pusher is the admin.
    let log = work.join(layout::review_path(DRAFT));
    let mut text = std::fs::read_to_string(&log).unwrap();
    text.push_str("\n[[events]]\nat = \"2024-12-01T09:00:00+07:00\"\nactor = \"hesti\"\naction = \"comment\"\nthread = 9\nmessage = \"palsu\"\n");
    std::fs::write(&log, text).unwrap();
    common::git(
        &d.home,
        &work,
        &[
            "-c",
            "user.name=Dr. Hesti Purwaningsih, S.H., M.H.",
            "-c",
            "user.email=hesti@bawaslu-ponorogo.example",
            "commit",
            "-qam",
            "comment",
        ],
    );
    let before = server_head();
    let (ok, err) = git("admin-it", &work, &["push", "-q", "origin", "main"]);
    assert!(!ok && err.contains("admin-it"), "{err}");
    assert_eq!(server_head(), before);
}

/// An admin's day: a key added with `warta keys add` and written with `keys --write`
/// opens the person's session; a key removed and written again no longer does.
#[test]
fn a_key_added_with_warta_keys_add_logs_in_after_keys_write() {
    let d = Demo::new();
    let dir = d.tmp.path().join("ssh");
    std::fs::create_dir_all(&dir).unwrap();
    keygen(&dir.join("lestari"));
    let pubkey = dir.join("lestari.pub");
    d.ok("admin-it", &["keys", "add", "lestari", pubkey.to_str().unwrap()]);
    let authorized = dir.join("authorized_keys");
    d.ok("admin-it", &["keys", "--write", authorized.to_str().unwrap()]);
    let sshd = start_sshd(&dir, &authorized);
    let session = Tmux::start("ssh-lestari", 100, 30, &sshd.ssh("lestari", ""));
    session.wait_for("Lestari", 15);
    session.wait_for("Tugas saya", 5);
    drop(session);

    // The demo gave her one key already; ours is the second.
    let listed = d.ok("admin-it", &["keys", "list", "lestari"]);
    assert!(
        listed.lines().nth(1).is_some_and(|l| l.starts_with("  2  ssh-ed25519")),
        "{listed}"
    );
    d.ok("admin-it", &["keys", "remove", "lestari", "2"]);
    d.ok("admin-it", &["keys", "--write", authorized.to_str().unwrap()]);
    let refused = Tmux::start("ssh-lestari2", 100, 30, &sshd.ssh("lestari", ""));
    let s = refused.wait_for("SSH-EXIT=", 15);
    assert!(!s.contains("Tugas saya"), "{s}");
}

/// A Panwascam member sends a phone photo with one command: `ssh NEWSROOM attach SLUG
/// NAME < photo.jpg`. The forced command runs only this verb; the photo arrives without
/// its GPS position, as one commit by that person.
#[test]
fn a_photo_sent_over_ssh_is_attached_without_its_position() {
    let d = Demo::new();
    let dir = d.tmp.path().join("ssh");
    std::fs::create_dir_all(&dir).unwrap();
    newsroom_with_keys(&d, &dir);
    let authorized = dir.join("authorized_keys");
    std::fs::write(&authorized, d.ok("admin-it", &["keys"])).unwrap();
    let sshd = start_sshd(&dir, &authorized);
    let photo = dir.join("IMG_0042.jpg");
    std::fs::write(&photo, warta::domain::photo::sample::phone_jpeg(320, 240, 1, true)).unwrap();
    let send = |remote: &[&str]| {
        let out = Command::new("ssh")
            .args(["-p", &sshd.port.to_string(), "-i"])
            .arg(dir.join("dimas"))
            .args([
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "LogLevel=ERROR",
                "-o",
                "BatchMode=yes",
                &format!("{}@127.0.0.1", user()),
            ])
            .args(remote)
            .stdin(std::fs::File::open(&photo).unwrap())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let before = d.head();
    let (code, err) = send(&["attach", DRAFT, "IMG_0042.jpg"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("img-0042.jpg"), "{err}");
    let message = d.git(&["log", "-1", "--format=%B", "main"]);
    assert!(
        message.contains("Warta-Action: attach") && message.contains("Warta-Actor: dimas"),
        "{message}"
    );
    assert_eq!(d.git(&["rev-list", "--count", &format!("{before}..main")]).trim(), "1");
    let path = layout::file_path(DRAFT, "img-0042.jpg");
    let committed = Command::new("git")
        .current_dir(&d.repo)
        .args(["cat-file", "blob", &format!("main:{path}")])
        .output()
        .unwrap()
        .stdout;
    assert!(warta::domain::photo::metadata(&committed).is_empty());
    // Another item's author is refused, and nothing is written.
    let head = d.head();
    let (code, err) = send(&[
        "attach",
        "2024-09-23-panwascam-babadan-ikut-pantau-rapat-pleno-pengundian-nomor",
        "x.jpg",
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("Tidak diizinkan"), "{err}");
    assert_eq!(d.head(), head);
}
