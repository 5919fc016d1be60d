//! Clones that sync: laptops working offline on the same newsroom, then `warta sync`
//! over a real OpenSSH server (`/usr/sbin/sshd`, as in `tests/ssh.rs`) to a bare server
//! repository whose pre-receive hook is warta's. Also the replay's rules on a server
//! reached by path.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::Demo;

const DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
const SUBMITTED: &str = "2024-11-25-panwascam-sambit-kawal-distribusi-logistik-pilkada-2024";

use common::sshd::{start_sshd, user, with_keys};

/// One laptop: a clone, worked on as one person, reaching the server with their key
/// (or, without a key, by path with that person as the pusher).
struct Laptop<'a> {
    d: &'a Demo,
    dir: PathBuf,
    person: &'static str,
    ssh: Option<String>,
}

impl Laptop<'_> {
    fn cmd(&self) -> Command {
        let mut c = common::warta(&self.d.home, &self.dir);
        match &self.ssh {
            Some(ssh) => c.env("GIT_SSH_COMMAND", ssh),
            // A server reached by path runs its hook in this environment.
            None => c.env("WARTA_PUSHER", self.person),
        };
        c.env("WARTA_LANG", "id");
        c
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().arg("--as").arg(self.person).args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{} {args:?}\n{out}\n{err}", self.person);
        format!("{out}{err}")
    }

    fn git(&self, args: &[&str]) -> String {
        common::git(&self.d.home, &self.dir, args)
    }

    fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    /// The item's body with one sentence changed, through `warta edit`.
    fn change(&self, slug: &str, from: &str, to: &str) {
        let shown: serde_json::Value = serde_json::from_str(&self.ok(&["show", slug, "--json"])).unwrap();
        let body = shown["body"].as_str().unwrap().to_string();
        assert!(body.contains(from), "{body}");
        let file = self.dir.with_extension("body");
        std::fs::write(&file, body.replace(from, to)).unwrap();
        self.ok(&["edit", slug, "--body-file", file.to_str().unwrap()]);
    }

    fn body(&self, slug: &str) -> String {
        let shown: serde_json::Value = serde_json::from_str(&self.ok(&["show", slug, "--json"])).unwrap();
        shown["body"].as_str().unwrap().to_string()
    }
}

/// An approval in the approver's name, committed with plain git by the laptop's author.
fn forge_approval(lap: &Laptop<'_>) {
    use std::fmt::Write as _;
    let content = lap.git(&[
        "rev-parse",
        &format!("HEAD:{}", warta::domain::layout::draft_dir(DRAFT)),
    ]);
    let log_path = lap.dir.join(warta::domain::layout::review_path(DRAFT));
    let mut text = std::fs::read_to_string(&log_path).unwrap();
    let _ = write!(
        text,
        "\n[[events]]\nat = \"2024-12-01T09:00:00+07:00\"\nactor = \"hesti\"\naction = \"approve\"\ncontent = \"{}\"\n",
        content.trim()
    );
    std::fs::write(&log_path, text).unwrap();
    lap.git(&[
        "-c",
        "user.name=Dimas Arya Saputra",
        "-c",
        "user.email=dimas@panwascam-jetis.example",
        "commit",
        "-qam",
        &format!("approve({DRAFT}): ok"),
    ]);
}

fn clone<'a>(d: &'a Demo, url: &str, name: &str, person: &'static str, ssh: Option<String>) -> Laptop<'a> {
    let dir = d.tmp.path().join(name);
    let lap = Laptop { d, dir, person, ssh };
    let out = lap
        .cmd()
        .args(["clone", url, lap.dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "clone: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warta sync"));
    lap
}

/// Two laptops over SSH, both offline for a while: every word arrives, both end with
/// the server's history, `verify` is clean everywhere, and a forged approval is refused
/// by the server's hook and reported by `sync`.
#[test]
fn two_laptops_work_offline_and_sync_over_ssh() {
    let d = Demo::new();
    let keys_dir = d.tmp.path().join("ssh");
    std::fs::create_dir_all(&keys_dir).unwrap();
    with_keys(&d, &keys_dir, &["dimas", "fajar", "admin-it"]);
    let server = common::bare_clone(&d);
    let hook = common::warta(&d.home, &server)
        .args(["hook", "install"])
        .output()
        .unwrap();
    assert!(hook.status.success());
    // The admin opens the newsroom to clones (a clone holds every draft).
    common::git(&d.home, &server, &["config", "warta.clones", "true"]);
    let keys = common::warta(&d.home, &server)
        .args(["--as", "admin-it", "keys"])
        .output()
        .unwrap();
    let authorized = keys_dir.join("authorized_keys");
    std::fs::write(&authorized, &keys.stdout).unwrap();
    let sshd = start_sshd(&keys_dir, &authorized);
    let ssh = |who: &str| {
        Some(format!(
            "ssh -p {} -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR",
            sshd.port,
            keys_dir.join(who).display()
        ))
    };
    let url = format!("{}@127.0.0.1:{}", user(), server.display());
    let jetis = clone(&d, &url, "laptop-jetis", "dimas", ssh("dimas"));
    let humas = clone(&d, &url, "laptop-humas", "fajar", ssh("fajar"));
    assert!(jetis.ok(&["sync"]).contains("Sudah sama dengan server"));

    // Offline: both change the same paragraph; the editor also another one; the
    // author writes a new item; both comment.
    jetis.change(
        DRAFT,
        "dari 14 desa di wilayah Kecamatan Jetis.",
        "dari 14 desa di wilayah Kecamatan Jetis, tanpa keberatan saksi.",
    );
    let new_body = jetis.dir.with_extension("new");
    std::fs::write(&new_body, "Jetis – Panwaslu mengawasi distribusi logistik.\n").unwrap();
    let new_slug = jetis
        .ok(&[
            "new",
            "--title",
            "Panwascam Jetis Awasi Distribusi Logistik",
            "--body-file",
            new_body.to_str().unwrap(),
        ])
        .lines()
        .next()
        .unwrap()
        .to_string();
    jetis.ok(&["comment", DRAFT, "-m", "Foto menyusul sore ini"]);
    humas.change(
        DRAFT,
        "dari 14 desa di wilayah Kecamatan Jetis.",
        "dari 14 desa di Kecamatan Jetis, disaksikan Kapolsek.",
    );
    humas.change(
        DRAFT,
        "menjelang tengah malam.",
        "menjelang tengah malam, pukul 23.40 WIB.",
    );
    humas.ok(&["comment", DRAFT, "-m", "Mohon cek nama Ketua"]);
    assert_ne!(jetis.head(), humas.head());

    // Back online.
    let said = humas.ok(&["sync"]);
    assert!(said.contains("3 tindakan terkirim"), "{said}");
    let said = jetis.ok(&["sync"]);
    assert!(said.contains("3 tindakan diterima dari server"), "{said}");
    assert!(said.contains("kedua versi disimpan"), "{said}");
    assert!(said.contains("3 tindakan terkirim"), "{said}");
    let said = humas.ok(&["sync"]);
    assert!(said.contains("3 tindakan diterima dari server"), "{said}");

    // The same newsroom everywhere, no word lost, the rules kept.
    let server_head = common::git(&d.home, &server, &["rev-parse", "main"]).trim().to_string();
    assert_eq!(jetis.head(), server_head);
    assert_eq!(humas.head(), server_head);
    for lap in [&jetis, &humas] {
        let body = lap.body(DRAFT);
        for words in [
            "tanpa keberatan saksi",
            "disaksikan Kapolsek",
            "pukul 23.40 WIB",
            "<<<<<<< ours",
            ">>>>>>> theirs",
        ] {
            assert!(body.contains(words), "{words} in {body}");
        }
        assert!(lap.body(&new_slug).contains("distribusi logistik"));
        let log = lap.ok(&["log", DRAFT]);
        assert!(
            log.contains("Foto menyusul sore ini") && log.contains("Mohon cek nama Ketua"),
            "{log}"
        );
        assert!(lap.ok(&["verify"]).contains("Riwayat bersih"));
        assert!(lap.git(&["status", "--porcelain"]).is_empty(), "the work tree follows");
    }
    let server_verify = common::warta(&d.home, &server).arg("verify").output().unwrap();
    assert!(server_verify.status.success());
    // Replayed commits keep their author, date and trailers.
    let last = jetis.git(&["log", "-1", "--format=%an|%ae|%cn|%B"]);
    assert!(
        last.starts_with("Dimas Arya Saputra|dimas@panwascam-jetis.example|Dimas Arya Saputra|comment(")
            && last.contains("Warta-Actor: dimas"),
        "{last}"
    );

    // A forged approval made with plain git in the author's clone: the server's hook
    // refuses the push, sync says why, keeps it aside and still sends the rest.
    forge_approval(&jetis);
    let forged = jetis.head();
    jetis.ok(&["comment", DRAFT, "-m", "Sudah saya lengkapi"]);
    let (code, _, err) = jetis.run(&["sync"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Tidak diizinkan: server menolak kiriman"), "{err}");
    assert!(err.contains("peristiwa atas nama hesti"), "the hook's own words: {err}");
    assert!(err.contains("refs/warta/refused/"), "{err}");
    let kept = jetis.git(&["for-each-ref", "--format=%(objectname)", "refs/warta/refused/"]);
    assert_eq!(kept.trim(), forged, "nothing lost");
    let server_log = common::git(&d.home, &server, &["log", "--format=%s", "-3", "main"]);
    assert!(
        server_log.contains("comment(") && !server_log.contains("approve("),
        "{server_log}"
    );
    assert_eq!(
        jetis.head(),
        common::git(&d.home, &server, &["rev-parse", "main"]).trim()
    );
    let server_verify = common::warta(&d.home, &server).arg("verify").output().unwrap();
    assert!(server_verify.status.success());
    let status: serde_json::Value = serde_json::from_str(&humas.ok(&["show", DRAFT, "--json"])).unwrap();
    assert_ne!(status["status"], "approved");
}

/// A server reached by path, with warta's hook: two clones.
fn by_path(d: &Demo) -> (PathBuf, String) {
    let server = common::bare_clone(d);
    let hook = common::warta(&d.home, &server)
        .args(["hook", "install"])
        .output()
        .unwrap();
    assert!(hook.status.success());
    let url = server.display().to_string();
    (server, url)
}

/// An approval given offline on content that changed meanwhile is refused by the rule
/// book on replay, kept aside and reported; a new item whose name was taken is renamed.
#[test]
fn replay_refuses_a_stale_approval_and_renames_a_taken_name() {
    let d = Demo::new();
    let (_server, url) = by_path(&d);
    let approver = clone(&d, &url, "approver", "hesti", None);
    let editor = clone(&d, &url, "editor", "fajar", None);
    let author = clone(&d, &url, "author", "dimas", None);
    let state: serde_json::Value = serde_json::from_str(&approver.ok(&["show", SUBMITTED, "--json"])).unwrap();
    assert_eq!(state["status"], "submitted", "{state}");
    approver.ok(&["approve", SUBMITTED]);
    // Meanwhile the editor changes it, and the editor and the author each write an
    // item of the same title on the same day.
    editor.change(SUBMITTED, "sebelum pukul 15.00 WIB", "sebelum pukul 14.30 WIB");
    let same = editor.dir.with_extension("same");
    std::fs::write(&same, "Isi.\n").unwrap();
    let slug = editor.ok(&[
        "new",
        "--title",
        "Rapat Pleno",
        "--kecamatan",
        "jetis",
        "--body-file",
        same.to_str().unwrap(),
    ]);
    let slug = slug.lines().next().unwrap().to_string();
    let other = author.ok(&["new", "--title", "Rapat Pleno", "--body-file", same.to_str().unwrap()]);
    assert_eq!(other.lines().next(), Some(slug.as_str()));
    editor.ok(&["sync"]);

    let (code, _, err) = approver.run(&["sync"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("approve(") && err.contains("refs/warta/refused/"), "{err}");
    assert_eq!(approver.head(), editor.head(), "nothing else was waiting");
    let after: serde_json::Value = serde_json::from_str(&approver.ok(&["show", SUBMITTED, "--json"])).unwrap();
    assert_eq!(after["status"], "submitted");
    assert!(approver.body(SUBMITTED).contains("sebelum pukul 14.30 WIB"));

    let said = author.ok(&["sync"]);
    assert!(said.contains("nama sudah dipakai di server"), "{said}");
    let renamed = format!("{slug}-2");
    assert!(author.ok(&["list"]).contains(&renamed));
    let last = author.git(&["log", "-1", "--format=%B"]);
    assert!(last.contains(&format!("Warta-Item: {renamed}")), "{last}");
    assert!(author.ok(&["verify"]).contains("Riwayat bersih"));
}

/// Without a remote, sync says so and changes nothing; offline, it says the actions
/// stay here.
#[test]
fn sync_without_a_server_or_offline_says_so() {
    let d = Demo::new();
    let (code, _, err) = d.run(Some("dimas"), &["sync"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("Tidak ada server"), "{err}");
    let (server, url) = by_path(&d);
    let lap = clone(&d, &url, "laptop", "dimas", None);
    lap.ok(&["comment", DRAFT, "-m", "Catatan luring"]);
    std::fs::rename(&server, d.tmp.path().join("gone.git")).unwrap();
    let (code, _, err) = lap.run(&["sync"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("Server tidak terjangkau"), "{err}");
    assert!(lap.ok(&["log", DRAFT]).contains("Catatan luring"));
}

/// A server whose copy has the branch checked out refuses every push with a dozen lines
/// of git's advice; sync says in one sentence what the admin must do, and keeps the
/// actions here.
#[test]
fn a_server_with_the_branch_checked_out_is_named_in_one_sentence() {
    let d = Demo::new();
    let url = d.repo.display().to_string();
    let lap = clone(&d, &url, "laptop", "dimas", None);
    lap.ok(&["comment", DRAFT, "-m", "Catatan dari laptop"]);
    let (code, _, err) = lap.run(&["sync"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("folder kerja") && err.contains("receive.denyCurrentBranch updateInstead"),
        "{err}"
    );
    assert!(!err.contains("remote:") && err.lines().count() <= 2, "{err}");
    assert!(lap.ok(&["log", DRAFT]).contains("Catatan dari laptop"));
}

/// In the terminal: the status bar counts the actions waiting, `R` sends them, and what
/// the server refuses is shown with its reason.
#[test]
fn the_tui_counts_waiting_actions_and_syncs_on_a_key() {
    let d = Demo::new();
    let (server, url) = by_path(&d);
    let lap = clone(&d, &url, "laptop", "dimas", None);
    lap.ok(&["comment", DRAFT, "-m", "Satu"]);
    lap.ok(&["comment", DRAFT, "-m", "Dua"]);
    let line = format!(
        "env -i HOME={home} PATH={path} TERM=xterm-256color WARTA_PUSHER=dimas {bin} --repo {repo} --as dimas; sleep 60",
        home = d.home.display(),
        path = std::env::var("PATH").unwrap_or_default(),
        bin = env!("CARGO_BIN_EXE_warta"),
        repo = lap.dir.display(),
    );
    let t = common::tmux::Tmux::start("sync", 100, 30, &line);
    t.wait_for("2 tindakan belum terkirim", 10);
    t.keys(&["Escape", "R"]);
    let s = t.wait_for("2 tindakan terkirim", 10);
    assert!(!s.contains("belum terkirim"), "{s}");
    assert_eq!(lap.head(), common::git(&d.home, &server, &["rev-parse", "main"]).trim());

    // A forged approval: refused by the server's hook, shown with its reason.
    forge_approval(&lap);
    t.wait_for("1 tindakan belum terkirim", 10);
    t.keys(&["R"]);
    // What happened to the person's own action comes first, with the reason.
    let s = t.wait_for("tidak dikirim", 10);
    assert!(s.contains("approve(") && s.contains("Tidak"), "{s}");
    assert!(s.contains("peristiwa atas nama hesti"), "{s}");
}

/// The push hook on a hosted server: the pusher is the login Forgejo/Gitea
/// (`GITEA_PUSHER_NAME`) or GitLab (`GL_USERNAME`) gives the hook, mapped by `logins`;
/// a login in nobody's `logins` is refused, and the email is never believed. Real
/// `git push` into a bare repository with warta's hook, the variables set as the
/// servers set them.
#[test]
fn hosted_servers_name_the_pusher_by_login() {
    let d = Demo::new();
    let (server, url) = by_path(&d);
    let work = d.tmp.path().join("work");
    common::git(&d.home, d.tmp.path(), &["clone", "-q", &url, work.to_str().unwrap()]);
    let server_head = || common::git(&d.home, &server, &["rev-parse", "main"]);
    let push = |vars: &[(&str, &str)]| {
        let mut c = Command::new("git");
        c.env_clear()
            .env("HOME", &d.home)
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("WARTA_LANG", "en")
            .current_dir(&work)
            .args(["push", "-q", "origin", "main"]);
        for (k, v) in vars {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // Dimas comments through warta in the work copy (a real action, by him).
    common::warta(&d.home, &work)
        .args(["--as", "dimas", "comment", DRAFT, "-m", "Dari Gitea"])
        .output()
        .unwrap();
    let before = server_head();

    // Someone else's login, with dimas's email: refused, the email is not believed.
    let (ok, err) = push(&[
        ("GITEA_PUSHER_NAME", "mallory"),
        ("GITEA_PUSHER_EMAIL", "dimas@panwascam-jetis.example"),
    ]);
    assert!(
        !ok && err.contains("mallory") && err.contains("GITEA_PUSHER_NAME"),
        "{err}"
    );
    assert_eq!(server_head(), before);
    // GitLab, another person's login: the commit is not theirs; the lines are shown in
    // GitLab's pages.
    let (ok, err) = push(&[("GL_USERNAME", "hesti"), ("GL_ID", "user-7")]);
    assert!(!ok && err.contains("GL-HOOK-ERR:"), "{err}");
    assert_eq!(server_head(), before);
    // Forgejo/Gitea with dimas's own login: accepted.
    let (ok, err) = push(&[("GITEA_PUSHER_NAME", "dimas"), ("GITEA_PUSHER_ID", "3")]);
    assert!(ok, "{err}");
    assert_ne!(server_head(), before);
}
