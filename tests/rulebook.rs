//! One rule book for live actions, `verify` and the push hook: what a hostile author, an
//! admin key or a race can try, through the real binary and real `git push`.

mod common;

use std::path::{Path, PathBuf};
use warta::domain::layout;

const PUBLISHED: &str = "2024-09-09-panwascam-babadan-gelar-sosialisasi-pengawasan-partisipatif";
const REJECTED: &str = "2024-09-23-panwascam-babadan-ikut-pantau-rapat-pleno-pengundian-nomor";
const APPROVED: &str = "2024-11-24-hari-pertama-masa-tenang-panwascam-babadan-gelar-patroli";
const SUBMITTED: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";

const HESTI: (&str, &str) = ("Dr. Hesti Purwaningsih, S.H., M.H.", "hesti@bawaslu-ponorogo.example");
const SARI: (&str, &str) = ("Sari Wulandari", "sari@panwascam-babadan.example");
const ADMIN: (&str, &str) = ("Admin TI", "admin-it@bawaslu-ponorogo.example");

fn commit_as(d: &common::Demo, dir: &Path, who: (&str, &str), msg: &str) {
    common::git(&d.home, dir, &["add", "-A"]);
    common::git(
        &d.home,
        dir,
        &[
            "-c",
            &format!("user.name={}", who.0),
            "-c",
            &format!("user.email={}", who.1),
            "commit",
            "-qm",
            msg,
        ],
    );
}

fn append(dir: &Path, path: &str, text: &str) {
    let p = dir.join(path);
    let mut s = std::fs::read_to_string(&p).unwrap();
    s.push_str(text);
    std::fs::write(p, s).unwrap();
}

fn event(actor: &str, action: &str, extra: &str) -> String {
    format!("\n[[events]]\nat = \"2024-12-10T09:00:00+07:00\"\nactor = \"{actor}\"\naction = \"{action}\"\n{extra}")
}

/// A bare server with the hook installed, and a clone of it in `work/`.
struct Server {
    bare: PathBuf,
    work: PathBuf,
}

impl Server {
    fn new(d: &common::Demo) -> Self {
        let bare = common::bare_clone(d);
        let installed = common::warta(&d.home, &bare)
            .args(["hook", "install"])
            .output()
            .unwrap();
        assert!(installed.status.success(), "{installed:?}");
        let work = d.tmp.path().join("work");
        common::git(
            &d.home,
            d.tmp.path(),
            &["clone", "-q", bare.to_str().unwrap(), work.to_str().unwrap()],
        );
        Self { bare, work }
    }

    fn head(&self, d: &common::Demo) -> String {
        common::git(&d.home, &self.bare, &["rev-parse", "main"])
    }

    fn reset(&self, d: &common::Demo) {
        common::git(&d.home, &self.work, &["reset", "-q", "--hard", "origin/main"]);
    }

    /// Push as `pusher`; the push must be refused with every `needles` in the output,
    /// and the server must not move.
    fn refused(&self, d: &common::Demo, pusher: &str, needles: &[&str]) {
        let before = self.head(d);
        let (ok, err) = common::push_as(&d.home, &self.work, pusher);
        assert!(!ok, "accepted: {err}");
        for n in needles {
            assert!(err.contains(n), "{n:?} not in: {err}");
        }
        assert_eq!(self.head(d), before);
        self.reset(d);
    }
}

#[test]
fn no_text_a_person_types_makes_an_item_unreadable() {
    let d = common::Demo::new();
    // Words a log is made of, typed many times: inside strings they are only text.
    for text in [
        "action ".repeat(10_001),
        "{ ".repeat(10_001),
        "[[events]] ".repeat(10_001),
        "a = 1, ".repeat(18_000),
    ] {
        let (code, _, err) = d.run(Some("sari"), &["comment", PUBLISHED, "-m", &text]);
        assert_eq!(code, 0, "{err}");
        let list = d.json("hesti", &["list", "--json"]);
        let item = list
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["slug"] == PUBLISHED)
            .unwrap();
        assert_eq!(item["status"], "published", "{item}");
    }
    // Later comments still land, and the history is clean.
    d.ok("hesti", &["comment", PUBLISHED, "-m", "Terima kasih."]);
    let out = d.ok("hesti", &["verify"]);
    assert!(out.contains("bersih"), "{out}");
}

#[test]
fn an_admin_repairs_a_damaged_log_and_the_hook_accepts_the_repair() {
    let d = common::Demo::new();
    // A log damaged with plain git before the server checked pushes.
    append(
        &d.repo,
        &layout::review_path(APPROVED),
        "\n[[events]]\naction = \"teleport\"\n",
    );
    commit_as(&d, &d.repo, ADMIN, "broken by hand");
    let (_, out, _) = d.run(Some("hesti"), &["list"]);
    assert!(out.contains("RUSAK"), "{out}");
    let server = Server::new(&d);

    // Authors and approvers may not repair; a log that reads well needs no repair.
    let try_repair = |who: &str, slug: &str| {
        let o = common::warta(&d.home, &server.work)
            .args(["--as", who, "repair", slug, "-m", "x"])
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, err) = try_repair("hesti", APPROVED);
    assert_eq!(code, 1, "{err}");
    let (code, err) = try_repair("admin-it", PUBLISHED);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("terbaca dengan baik"), "{err}");

    // The admin repairs it in a clone and pushes: the hook accepts it.
    let out = common::warta(&d.home, &server.work)
        .args([
            "--as",
            "admin-it",
            "repair",
            APPROVED,
            "-m",
            "Peristiwa rusak dari salinan lama dibuang.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let (ok, err) = common::push_as(&d.home, &server.work, "admin-it");
    assert!(ok, "{err}");

    // The item reads again with its status, and its log names the repair.
    let shown = common::warta(&d.home, &server.bare)
        .args(["--as", "hesti", "show", APPROVED, "--json"])
        .output()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(shown["status"], "approved", "{shown}");
    let log = common::warta(&d.home, &server.bare)
        .args(["--as", "hesti", "log", APPROVED])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(
        log.contains("perbaiki catatan") && log.contains("Peristiwa rusak"),
        "{log}"
    );
    // verify names the damaging commit, not the repair.
    let v = common::warta(&d.home, &server.bare)
        .args(["--as", "hesti", "verify"])
        .output()
        .unwrap();
    let v = String::from_utf8_lossy(&v.stdout);
    assert!(v.contains("tidak terbaca"), "{v}");
    assert!(!v.contains("repair("), "{v}");
}

#[test]
fn breaking_warta_toml_never_switches_the_rules_off() {
    let d = common::Demo::new();
    let server = Server::new(&d);
    let w = &server.work;
    let config = std::fs::read_to_string(w.join("warta.toml")).unwrap();
    // Three ways to break it: syntax, an unknown role, a duplicate person.
    let breakages = [
        format!("{config}\n[[[broken\n"),
        config.replacen("roles = [\"approver\"]", "roles = [\"boss\"]", 1),
        format!("{config}\n[[people]]\nid = \"hesti\"\nname = \"X\"\nroles = [\"approver\"]\n"),
    ];
    for broken in breakages {
        std::fs::write(w.join("warta.toml"), &broken).unwrap();
        commit_as(&d, w, ADMIN, "config");
        append(
            w,
            &layout::review_path(SUBMITTED),
            &event("hesti", "approve", "content = \"0000000\"\n"),
        );
        commit_as(&d, w, HESTI, "approve");
        std::fs::write(w.join("warta.toml"), &config).unwrap();
        commit_as(&d, w, ADMIN, "config");
        // Judged under the last valid configuration: the forged approval is in hesti's
        // name but pushed by the admin, and warta.toml was left invalid.
        server.refused(&d, "admin-it", &["hesti", "admin-it", "warta.toml"]);
    }

    // verify on such a history reports the same, with no commit skipped.
    std::fs::write(d.repo.join("warta.toml"), format!("{config}\n[[[broken\n")).unwrap();
    commit_as(&d, &d.repo, ADMIN, "config");
    append(&d.repo, &layout::review_path(SUBMITTED), &event("sari", "approve", ""));
    commit_as(&d, &d.repo, SARI, "approve");
    std::fs::write(d.repo.join("warta.toml"), &config).unwrap();
    commit_as(&d, &d.repo, ADMIN, "config");
    let (code, out, _) = d.run(Some("hesti"), &["verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("warta.toml tidak sah"), "{out}");
    assert!(out.contains("approve(") && out.contains("Tidak diizinkan"), "{out}");
}

#[test]
fn verify_and_the_hook_judge_every_commit_as_a_live_action() {
    let d = common::Demo::new();
    let draft = d.ok(
        "sari",
        &[
            "new",
            "--title",
            "Panwascam Babadan Awasi Rapat Desa",
            "--tag",
            "pengawasan",
        ],
    );
    let draft = draft.trim().to_string();
    let server = Server::new(&d);
    let w = &server.work;
    let index = |slug: &str| w.join(layout::index_path(slug));
    let edit_index = |slug: &str, from: &str, to: &str| {
        let text = std::fs::read_to_string(index(slug)).unwrap();
        assert!(text.contains(from), "{text}");
        std::fs::write(index(slug), text.replacen(from, to, 1)).unwrap();
    };

    // A second `create` on a rejected item: it would start again as a draft.
    append(w, &layout::review_path(REJECTED), &event("sari", "create", ""));
    commit_as(&d, w, SARI, "create");
    server.refused(&d, "sari", &["sudah ada"]);

    // An edit and a publish in one commit, by the approver.
    edit_index(APPROVED, "Masa Tenang", "Masa Tenang (diubah)");
    append(w, &layout::review_path(APPROVED), &event("hesti", "edit", ""));
    append(w, &layout::review_path(APPROVED), &event("hesti", "publish", ""));
    commit_as(&d, w, HESTI, "edit+publish");
    server.refused(&d, "hesti", &["tepat satu tindakan"]);

    // An edit that moves the author's draft to another kecamatan.
    edit_index(&draft, "kecamatan = \"babadan\"", "kecamatan = \"jetis\"");
    append(w, &layout::review_path(&draft), &event("sari", "edit", ""));
    commit_as(&d, w, SARI, "edit");
    server.refused(&d, "sari", &["kecamatannya sendiri"]);

    // An edit that hands the item to someone else.
    edit_index(&draft, "author = \"sari\"", "author = \"bayu\"");
    append(w, &layout::review_path(&draft), &event("sari", "edit", ""));
    commit_as(&d, w, SARI, "edit");
    server.refused(&d, "sari", &["penulis berita tidak dapat diubah"]);

    // Control characters in the title and in a tag.
    for (from, to) in [
        ("Rapat Desa", "Rapat\\u0007Desa"),
        ("\"pengawasan\"", "\"penga\\u001b[31mwasan\""),
    ] {
        edit_index(&draft, from, to);
        append(w, &layout::review_path(&draft), &event("sari", "edit", ""));
        commit_as(&d, w, SARI, "edit");
        server.refused(&d, "sari", &["karakter kendali"]);
    }

    // A symlink and a stray file under drafts/ and reviews/.
    std::os::unix::fs::symlink("/etc/passwd", w.join(layout::file_path(&draft, "foto.jpg"))).unwrap();
    std::fs::write(w.join("reviews/catatan.txt"), "x").unwrap();
    commit_as(&d, w, SARI, "files");
    server.refused(&d, "sari", &["tautan simbolik", "reviews/catatan.txt"]);

    // A comment with a thread number of its own choosing.
    append(
        w,
        &layout::review_path(&draft),
        &event("sari", "comment", "thread = 7\nmessage = \"cek\"\n"),
    );
    commit_as(&d, w, SARI, "comment");
    server.refused(&d, "sari", &["lain dari yang dicatat"]);

    // What a live action would write passes.
    append(
        w,
        &layout::review_path(&draft),
        &event("sari", "comment", "thread = 1\nmessage = \"cek\"\n"),
    );
    commit_as(&d, w, SARI, "comment");
    let (ok, err) = common::push_as(&d.home, w, "sari");
    assert!(ok, "{err}");

    // verify reports the same class in a history written with plain git.
    append(&d.repo, &layout::review_path(REJECTED), &event("sari", "create", ""));
    commit_as(&d, &d.repo, SARI, "create");
    let (code, out, _) = d.run(Some("hesti"), &["verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("create(") && out.contains("sudah ada"), "{out}");
}

#[test]
fn an_approval_is_of_the_text_that_was_read() {
    let d = common::Demo::new();
    // The approver reads the item (one process) ...
    let seen = d.json("hesti", &["show", SUBMITTED, "--json"])["content"]
        .as_str()
        .unwrap()
        .to_string();
    // ... while its author swaps the body and resubmits (other processes).
    d.ok("rina", &["withdraw", SUBMITTED]);
    let body = d.tmp.path().join("body.md");
    std::fs::write(&body, "Ngebel – Isi yang sama sekali lain.\n\n(Humas)\n").unwrap();
    d.ok("rina", &["edit", SUBMITTED, "--body-file", body.to_str().unwrap()]);
    d.ok("rina", &["submit", SUBMITTED]);
    let head = d.head();
    for action in ["approve", "request-changes", "reject"] {
        let mut args = vec![action, SUBMITTED, "--content", &seen];
        if action != "approve" {
            args.extend(["-m", "alasan"]);
        }
        let (code, _, err) = d.run(Some("hesti"), &args);
        assert_eq!(code, 1, "{action}: {err}");
        assert!(
            err.contains("berubah sejak Anda membacanya") && err.contains("warta diff"),
            "{err}"
        );
        assert_eq!(d.head(), head, "nothing written");
    }
    // A shortened id of what is there now is accepted.
    let now = d.json("hesti", &["show", SUBMITTED, "--json"])["content"]
        .as_str()
        .unwrap()
        .to_string();
    d.ok(
        "hesti",
        &["request-changes", SUBMITTED, "--content", &now[..10], "-m", "Lengkapi."],
    );
}

#[test]
fn the_tui_approves_what_was_on_screen_when_the_key_was_pressed() {
    use std::sync::Arc;
    use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
    use warta::app::{self, Msg, keymap};
    use warta::domain::item::Item;
    use warta::store::Request;

    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let mut s = common::app::state(&room, "hesti");
    let key = |s: &mut app::State, c: KeyCode| {
        let ev = KeyEvent::new(c, KeyModifiers::NONE);
        keymap::lookup(s.mode(), &ev).map_or_else(Vec::new, |m| app::update(s, m))
    };
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.item.open.as_deref(), Some(SUBMITTED));
    // The approver presses `a` and starts typing a note ...
    key(&mut s, KeyCode::Char('a'));
    for c in "Sip".chars() {
        key(&mut s, KeyCode::Char(c));
    }
    // ... while the author withdraws, swaps the body and resubmits; the live refresh
    // brings the new text in under the open popup.
    let snap = room.snapshot().unwrap();
    let entry = snap.items.iter().find(|e| e.slug == SUBMITTED).unwrap();
    let base: Item = entry.item.clone();
    let mut swapped = base.clone();
    swapped.body = "Ngebel – Teks lain yang tidak pernah dibaca.\n\n(Humas)\n".into();
    let transition = |action| Request::Transition {
        slug: SUBMITTED.into(),
        action,
        message: None,
        seen: None,
    };
    room.apply("rina", &transition(warta::domain::review::ActionKind::Withdraw))
        .unwrap();
    room.apply(
        "rina",
        &Request::Edit {
            slug: SUBMITTED.into(),
            base: Box::new(base),
            new: Box::new(swapped),
        },
    )
    .unwrap();
    room.apply("rina", &transition(warta::domain::review::ActionKind::Submit))
        .unwrap();
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    let head = room.head().unwrap();
    let effects = key(&mut s, KeyCode::Enter);
    assert_eq!(effects.len(), 1);
    common::app::run(&room, &mut s, effects);
    assert_eq!(room.head().unwrap(), head, "the swapped text was not approved");
    let status = s.status.as_ref().map(|(_, m)| m.clone()).unwrap_or_default();
    assert!(status.contains("berubah sejak Anda membacanya"), "{status}");
    // Pressing `a` again, now on the text on screen, approves it.
    key(&mut s, KeyCode::Char('a'));
    let effects = key(&mut s, KeyCode::Enter);
    common::app::run(&room, &mut s, effects);
    assert_ne!(room.head().unwrap(), head);
}
