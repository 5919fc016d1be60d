//! The whole workflow through the built binary, refusals, bad input and JSON shapes.

mod common;

use common::Demo;
use warta::domain::layout;

const BODY: &str = "Babadan, Panwaslu Kecamatan Babadan – Panwascam Babadan mengawasi pemutakhiran data pemilih, Senin (09/09/2024).\n\n“Kami pastikan setiap warga yang memenuhi syarat tercatat,” tegasnya.\n\nPengawasan dilakukan di Desa Polorejo bersama PKD.\n\nKegiatan berlangsung tertib hingga sore hari.\n\n(Humas)\n";

fn status(d: &Demo, who: &str, slug: &str) -> serde_json::Value {
    d.json(who, &["show", slug, "--json"])
}

#[test]
fn whole_story_from_draft_to_published() {
    let d = Demo::new();
    let body = d.tmp.path().join("body.md");
    std::fs::write(&body, BODY).unwrap();
    let body = body.to_str().unwrap();
    let title = "Panwascam Babadan Awasi Pemutakhiran Data Pemilih di Desa Polorejo";
    let slug = d.ok(
        "sari",
        &["new", "--title", title, "--tag", "pengawasan", "--body-file", body],
    );
    let slug = slug.trim();
    assert!(
        slug.contains("-panwascam-babadan-awasi-pemutakhiran-data-pemilih"),
        "{slug}"
    );
    d.ok("sari", &["submit", slug]);
    assert_eq!(status(&d, "sari", slug)["status"], "submitted");

    // The author's own approval is refused, and the branch does not move.
    let before = d.head();
    let (code, out, err) = d.run(Some("sari"), &["approve", slug]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("penyetuju"), "names the rule in Indonesian: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(d.head(), before);

    // The approver asks for changes with a comment on paragraph 3.
    d.ok("hesti", &["request-changes", slug, "-m", "Mohon sebutkan nama PKD."]);
    d.ok(
        "hesti",
        &["comment", slug, "--paragraph", "3", "-m", "Siapa PKD yang ikut?"],
    );
    let shown = status(&d, "sari", slug);
    assert_eq!(shown["status"], "changes_requested");
    assert_eq!(shown["threads"][0]["paragraph"], 3);
    assert_eq!(shown["threads"][0]["resolved"], false);
    assert_eq!(shown["threads"][0]["comments"][0]["actor"], "hesti");

    // The author edits and resubmits; the approver sees exactly that change.
    let fixed = BODY.replace("bersama PKD.", "bersama PKD Desa Polorejo, Siti Aminah.");
    let body2 = d.tmp.path().join("body2.md");
    std::fs::write(&body2, &fixed).unwrap();
    d.ok("sari", &["edit", slug, "--body-file", body2.to_str().unwrap()]);
    d.ok("sari", &["resolve", slug, "1"]);
    d.ok("sari", &["submit", slug]);
    let diff = d.ok("hesti", &["diff", slug]);
    assert!(diff.contains("PKD[+ Desa Polorejo, Siti Aminah+]."), "{diff}");
    d.ok("hesti", &["approve", slug]);
    let shown = status(&d, "hesti", slug);
    assert_eq!(
        (shown["status"].as_str(), shown["approval_valid"].as_bool()),
        (Some("approved"), Some(true))
    );

    // An edit after approval makes the approval stale; publishing is refused until re-approval.
    d.ok("fajar", &["edit", slug, "--title", &format!("{title}, Kamis")]);
    let listed = d.json("hesti", &["list", "--json", "--status", "approved"]);
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == slug)
        .unwrap()
        .clone();
    assert_eq!(row["approval_valid"], false);
    let (code, _, err) = d.run(Some("hesti"), &["publish", slug]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("usang"), "{err}");
    d.ok("hesti", &["approve", slug]);
    d.ok("hesti", &["publish", slug]);
    let shown = status(&d, "dimas", slug);
    assert_eq!(
        shown["status"], "published",
        "published items are visible to other kecamatan"
    );
    assert_eq!(d.body_of(slug), fixed, "the body is byte-exact");

    // Each commit is authored by the person who acted, with the trailers.
    let log = d.git(&[
        "log",
        "--format=%an|%s|%(trailers:key=Warta-Actor,valueonly)",
        "-12",
        "--",
        &layout::review_path(slug),
    ]);
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    let expect = [
        ("Dr. Hesti", "publish"),
        ("Dr. Hesti", "approve"),
        ("Fajar", "edit"),
        ("Dr. Hesti", "approve"),
        ("Sari", "submit"),
        ("Sari", "resolve"),
        ("Sari", "edit"),
        ("Dr. Hesti", "comment"),
        ("Dr. Hesti", "request_changes"),
        ("Sari", "submit"),
        ("Sari", "create"),
    ];
    let got: Vec<(String, String)> = log
        .lines()
        .filter(|l| l.contains('|'))
        .map(|l| {
            let mut p = l.split('|');
            (
                p.next().unwrap().to_string(),
                p.next().unwrap().split('(').next().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got.len(), expect.len(), "{lines:?}");
    for ((name, action), (want_name, want_action)) in got.iter().zip(expect) {
        assert!(name.starts_with(want_name), "{name} vs {want_name}");
        assert_eq!(action, want_action);
    }
    let (code, out, _) = d.run(Some("hesti"), &["verify"]);
    assert_eq!(code, 0, "{out}");
}

impl Demo {
    fn body_of(&self, slug: &str) -> String {
        let text = self.git(&["show", &format!("main:{}", layout::index_path(slug))]);
        text.splitn(3, "+++\n").nth(2).unwrap().to_string()
    }
}

#[test]
fn verify_reports_an_approval_committed_with_plain_git() {
    let d = Demo::new();
    let slug = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
    let (code, _, _) = d.run(Some("hesti"), &["verify"]);
    assert_eq!(code, 0);
    // rina (an author) appends an approval to the log by hand and commits it as herself.
    let path = d.repo.join(layout::review_path(slug));
    let mut log = std::fs::read_to_string(&path).unwrap();
    log.push_str("\n[[events]]\nat = \"2024-10-08T09:00:00+07:00\"\nactor = \"rina\"\naction = \"approve\"\n");
    std::fs::write(&path, log).unwrap();
    d.git(&["add", "."]);
    d.git(&[
        "-c",
        "user.name=Rina",
        "-c",
        "user.email=rina@panwascam-ngebel.example",
        "commit",
        "-qm",
        "approve",
    ]);
    let (code, out, err) = d.run(Some("hesti"), &["verify"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(&format!("approve({slug})")) && out.contains("penyetuju"),
        "{out}"
    );
}

#[test]
fn refusals_name_the_rule_and_write_nothing() {
    let d = Demo::new();
    let submitted = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
    let draft = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
    let before = d.head();
    let cases: &[(Option<&str>, &[&str], &str)] = &[
        (Some("sari"), &["submit", draft], "kecamatan"), // not visible to babadan
        (Some("lestari"), &["submit", draft], "penulis berita ini"), // same kecamatan, not the author
        (Some("fajar"), &["approve", submitted], "penyetuju"),
        (Some("hesti"), &["reject", submitted, "-m", " "], "pesan"),
        (Some("hesti"), &["publish", submitted], "Diajukan"),
        (Some("joko"), &["comment", draft, "-m", "x"], "berakhir"),
        (
            Some("dimas"),
            &["comment", draft, "--paragraph", "99", "-m", "x"],
            "Paragraf 99",
        ),
        (Some("dimas"), &["resolve", draft, "7"], "#7"),
        (
            Some("dimas"),
            &["new", "--title", "Judul", "--kecamatan", "babadan"],
            "kecamatannya sendiri",
        ),
        (
            Some("dimas"),
            &["new", "--title", "Judul", "--kecamatan", "atlantis"],
            "atlantis",
        ),
        (Some("dimas"), &["new", "--title", "  "], "judul"),
        (Some("dimas"), &["show", "no-such-item"], "no-such-item"),
        (None, &["comment", draft, "-m", "x"], "warta.toml"),
    ];
    for (who, args, word) in cases {
        let (code, out, err) = d.run(*who, args);
        assert_eq!(code, 1, "{who:?} {args:?}: {out}{err}");
        assert!(
            err.to_lowercase().contains(&word.to_lowercase()),
            "{who:?} {args:?}: {err}"
        );
        assert_eq!(d.head(), before, "{args:?} wrote nothing");
    }
    let (code, _, err) = d.run(Some("nobody"), &["list"]);
    assert_eq!(code, 1);
    assert!(err.contains("nobody"), "{err}");
    let (code, _, _) = d.run(Some("hesti"), &["approve"]);
    assert_eq!(code, 2, "usage error");
}

#[test]
fn english_messages_when_asked() {
    let d = Demo::new();
    let out = common::warta(&d.home, &d.repo)
        .env("WARTA_LANG", "en")
        .args([
            "--as",
            "fajar",
            "approve",
            "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Not allowed") && err.contains("approver"), "{err}");
}

#[test]
fn broken_items_are_listed_and_do_not_stop_the_others() {
    let d = Demo::new();
    let cases: &[(&str, &[u8], &str)] = &[
        ("2024-01-01-toml", b"+++\ntitle = \"a\"\ntags = [\n+++\nbody\n", ":3:"),
        ("2024-01-02-closing", b"+++\ntitle = \"a\"\nbody\n", "+++"),
        ("2024-01-03-utf", b"+++\ntitle = \"a\"\n+++\nok\n\xff\n", "UTF-8"),
        ("2024-01-04-bom", b"\xef\xbb\xbf+++\ntitle = \"a\"\n+++\n", "BOM"),
        ("2024-01-05-crlf", b"+++\r\ntitle = \"a\"\r\n+++\r\nbody\r\n", "CRLF"),
    ];
    for (slug, bytes, _) in cases {
        let dir = d.repo.join(layout::draft_dir(slug));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.md"), bytes).unwrap();
    }
    // A good item whose review log names an unknown status.
    let good = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
    let log = d.repo.join(layout::review_path(good));
    std::fs::write(
        &log,
        "[[events]]\nat = \"t\"\nactor = \"dimas\"\naction = \"teleported\"\n",
    )
    .unwrap();
    d.git(&["add", "."]);
    d.git(&["-c", "user.name=X", "-c", "user.email=x@x", "commit", "-qm", "broken"]);
    let out = d.ok("hesti", &["list"]);
    for (slug, _, word) in cases {
        let line = out
            .lines()
            .find(|l| l.contains(slug))
            .unwrap_or_else(|| panic!("{slug} listed: {out}"));
        assert!(line.starts_with("RUSAK") && line.contains(word), "{line}");
    }
    let line = out.lines().find(|l| l.contains(good)).unwrap();
    assert!(
        line.contains("reviews/") && line.contains(":4:") && line.contains("teleported"),
        "{line}"
    );
    assert_eq!(out.lines().filter(|l| !l.starts_with("RUSAK")).count(), 10, "{out}");
    let json = d.json("hesti", &["list", "--json"]);
    let broken: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "broken")
        .collect();
    assert_eq!(broken.len(), 6);
    let (code, _, err) = d.run(Some("hesti"), &["submit", "2024-01-01-toml"]);
    assert_eq!(code, 1);
    assert!(err.contains("baris 3"), "{err}");
}

#[test]
fn repository_errors_exit_4() {
    let d = Demo::new();
    let plain = d.tmp.path().join("plain");
    std::fs::create_dir_all(&plain).unwrap();
    let run = |repo: &std::path::Path, args: &[&str]| {
        let out = common::warta(&d.home, repo).args(args).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, err) = run(&plain, &["list"]);
    assert_eq!(code, Some(4));
    assert!(err.contains("Bukan redaksi warta"), "{err}");
    common::git(&d.home, &plain, &["init", "-q"]);
    let (code, err) = run(&plain, &["list"]);
    assert_eq!(code, Some(4), "{err}");
    // The branch warta.toml names is missing.
    let cfg = std::fs::read_to_string(d.repo.join("warta.toml"))
        .unwrap()
        .replace("branch = \"main\"", "branch = \"terbit\"");
    std::fs::write(d.repo.join("warta.toml"), cfg).unwrap();
    d.git(&["-c", "user.name=A", "-c", "user.email=a@x", "commit", "-qam", "branch"]);
    let (code, err) = run(&d.repo, &["list"]);
    assert_eq!(code, Some(4));
    assert!(err.contains("terbit"), "{err}");
    d.git(&["reset", "-q", "--hard", "HEAD~1"]);
    // An old lock on the branch that a live warta writer (stopped with Ctrl-Z, say)
    // holds: it is not taken away, and the action gives up naming it.
    let lock = d.repo.join(".git/refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    let writer = std::fs::File::create(d.repo.join(".git/warta-writers")).unwrap();
    rustix::fs::flock(&writer, rustix::fs::FlockOperation::LockShared).unwrap();
    let before = d.head();
    let out = common::warta(&d.home, &d.repo)
        .args([
            "--as",
            "hesti",
            "comment",
            "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau",
            "-m",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("main.lock"));
    assert_eq!(d.head(), before);
    assert!(lock.exists(), "a live writer's lock is never removed");
    drop(writer);
    // A broken warta.toml names its line.
    std::fs::remove_file(d.repo.join(".git/refs/heads/main.lock")).unwrap();
    let cfg = std::fs::read_to_string(d.repo.join("warta.toml")).unwrap().replacen(
        "roles = [\"author\"]",
        "roles = [\"boss\"]",
        1,
    );
    std::fs::write(d.repo.join("warta.toml"), cfg).unwrap();
    d.git(&["-c", "user.name=A", "-c", "user.email=a@x", "commit", "-qam", "roles"]);
    let (code, err) = run(&d.repo, &["list"]);
    assert_eq!(code, Some(4));
    assert!(err.contains("boss") && err.contains("baris"), "{err}");
}

#[test]
fn json_shapes() {
    let d = Demo::new();
    let people = d.json("hesti", &["people", "--json"]);
    let joko = people.as_array().unwrap().iter().find(|p| p["id"] == "joko").unwrap();
    assert_eq!(joko["active"], false);
    for key in ["id", "name", "roles", "kecamatan", "active"] {
        assert!(joko.get(key).is_some(), "{key}");
    }
    let list = d.json("hesti", &["list", "--json"]);
    let first = &list[0];
    for key in [
        "slug",
        "title",
        "status",
        "kecamatan",
        "author",
        "tags",
        "updated",
        "approval_valid",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    let slug = "2024-10-15-panwascam-jetis-ingatkan-kepala-desa-dan-perangkat-desa-jaga";
    let show = d.json("lestari", &["show", slug, "--json"]);
    for key in ["body", "threads", "events"] {
        assert!(show.get(key).is_some(), "{key}");
    }
    assert_eq!(show["threads"].as_array().unwrap().len(), 2);
    assert!(show["events"][0].get("at").is_some() && show["events"][0]["action"] == "create");
    // Authors see their kecamatan and published items only.
    let sari = d.json("sari", &["list", "--json"]);
    assert!(
        sari.as_array()
            .unwrap()
            .iter()
            .all(|r| r["kecamatan"] == "babadan" || r["status"] == "published")
    );
    let log = d.json("hesti", &["log", slug, "--json"]);
    assert!(log.as_array().unwrap().iter().all(|e| e["commit"].is_string()));
}

#[test]
fn init_bare_and_with_config() {
    let d = Demo::new();
    let bare = d.tmp.path().join("bare.git");
    let cfg = d.repo.join("warta.toml");
    let out = common::warta(&d.home, &bare)
        .args([
            "init",
            bare.to_str().unwrap(),
            "--bare",
            "--config",
            cfg.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let repo = |args: &[&str]| {
        let out = common::warta(&d.home, &bare).args(args).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (code, slug) = repo(&["--as", "wahyu", "new", "--title", "Panwascam Sambit Awasi Kampanye"]);
    assert_eq!(code, Some(0));
    let (code, out) = repo(&["--as", "wahyu", "show", slug.trim()]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("Sambit, Panwaslu Kecamatan Sambit –") && out.contains("(Humas)"),
        "template: {out}"
    );
    // init refuses an existing repository.
    let out = common::warta(&d.home, &bare)
        .args(["init", bare.to_str().unwrap(), "--bare"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    // A starter config names the caller admin.
    let fresh = d.tmp.path().join("fresh");
    let out = common::warta(&d.home, &fresh)
        .env("USER", "ratna")
        .args(["init", fresh.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(fresh.join("warta.toml")).unwrap();
    assert!(text.contains("id = \"ratna\"") && text.contains("\"admin\""), "{text}");
    let out = common::warta(&d.home, &fresh)
        .env("USER", "ratna")
        .args(["people"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("ratna"));
}

#[test]
fn checklist_blocks_approval_on_a_required_rule() {
    let d = Demo::new();
    let slug = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
    let (code, out, _) = d.run(Some("hesti"), &["check", slug]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✓ panjang judul"), "{out}");
    let body = d.tmp.path().join("b.md");
    let text = d.json("hesti", &["show", slug, "--json"])["body"]
        .as_str()
        .unwrap()
        .replace("Warga diimbau", "Dasar goblok, warga diimbau");
    std::fs::write(&body, text).unwrap();
    d.ok("fajar", &["edit", slug, "--body-file", body.to_str().unwrap()]);
    let (code, out, err) = d.run(Some("hesti"), &["check", slug]);
    assert_eq!(code, 1);
    assert!(out.contains("✗ kata terlarang") && out.contains("goblok"), "{out}");
    assert!(err.contains("kata terlarang"), "{err}");
    // Checking refuses nothing: it says what stands before an approval.
    assert!(
        err.contains("Belum bisa disetujui") && !err.contains("Tidak diizinkan"),
        "{err}"
    );
    let before = d.head();
    let (code, _, err) = d.run(Some("hesti"), &["approve", slug]);
    assert_eq!(code, 1);
    assert!(
        err.contains("daftar periksa") && err.contains("kata terlarang"),
        "{err}"
    );
    assert_eq!(d.head(), before);
    let (_, json, _) = d.run(Some("hesti"), &["check", slug, "--json"]);
    assert!(json.contains("\"rule\": \"banned_words\""), "{json}");
}

#[test]
fn list_search_ranks_like_the_tui() {
    let d = Demo::new();
    let out = d.ok("hesti", &["list", "--search", "logistik sambit"]);
    assert!(
        out.lines()
            .next()
            .unwrap_or_default()
            .contains("sambit-kawal-distribusi-logistik"),
        "{out}"
    );
    let out = d.ok("hesti", &["list", "--search", "Josari"]);
    assert_eq!(out.lines().count(), 1, "a word only in one body: {out}");
    assert!(out.contains("rekapitulasi"), "{out}");
}

/// `list` as it reads with every cache ignored (`WARTA_NO_CACHE=1`): from git alone.
fn listed_from_git(d: &common::Demo, args: &[&str]) -> String {
    let out = common::warta(&d.home, &d.repo)
        .env("WARTA_NO_CACHE", "1")
        .args(["--as", "hesti"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_reads_its_index_and_stays_right_when_the_index_is_damaged_or_stale() {
    let d = Demo::new();
    let queries: [&[&str]; 4] = [
        &["list", "--json"],
        &["list", "--json", "--search", "pengawasan tps"],
        // Punctuation in a query word: the bodies the word index names are read.
        &["list", "--json", "--search", "(humas)"],
        &["list", "--json", "--search", "kecamatan,"],
    ];
    let first: Vec<String> = queries.iter().map(|q| d.ok("hesti", q)).collect();
    for (q, out) in queries.iter().zip(&first) {
        // Read twice from the index's files, and from git alone: the same rows.
        assert_eq!(&d.ok("hesti", q), out, "{q:?}");
        assert_eq!(&listed_from_git(&d, q), out, "{q:?}");
    }
    assert!(
        first[2].contains("\"slug\""),
        "a punctuated word is found: {}",
        first[2]
    );
    // Every file of the index and its words damaged: the list is read from git.
    let caches = d.repo.join(".git/warta-cache");
    for dir in ["index", "words"] {
        for f in std::fs::read_dir(caches.join(dir)).unwrap() {
            std::fs::write(f.unwrap().path(), b"warta-index rusak").unwrap();
        }
    }
    for (q, out) in queries.iter().zip(&first) {
        assert_eq!(&d.ok("hesti", q), out, "{q:?} after damage");
    }
    // An action makes its day stale: the list shows it at once.
    let slug = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
    let threads = |v: &serde_json::Value| {
        v.as_array().unwrap().iter().find(|r| r["slug"] == slug).unwrap()["open_threads"]
            .as_u64()
            .unwrap()
    };
    let before = threads(&d.json("hesti", &["list", "--json"]));
    d.ok("hesti", &["comment", slug, "-m", "Mohon cek jam."]);
    let after = d.json("hesti", &["list", "--json"]);
    assert_eq!(threads(&after), before + 1);
    assert_eq!(
        after,
        serde_json::from_str::<serde_json::Value>(&listed_from_git(&d, &["list", "--json"])).unwrap()
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let d = Demo::new();
    let mut child = common::warta(&d.home, &d.repo)
        .args(["--as", "hesti", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sessions_refuse_as_and_never_run_what_the_client_asks() {
    let d = Demo::new();
    let (code, _, err) = d.run(Some("hesti"), &["session", "hesti"]);
    assert_eq!(code, 1);
    assert!(err.contains("--as"), "{err}");
    let out = common::warta(&d.home, &d.repo)
        .env("SSH_ORIGINAL_COMMAND", "cat /etc/passwd")
        .args(["session", "joko"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("berakhir pada 2024-12-31"),
        "expired person turned away: {err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("root:"));
    let log = std::fs::read_to_string(d.home.join(".local/state/warta/session.log")).unwrap();
    assert!(
        log.contains("joko ignored SSH_ORIGINAL_COMMAND=\"cat /etc/passwd\""),
        "{log}"
    );
    let (code, _, err) = d.run(None, &["session", "nobody"]);
    assert_eq!(code, 1);
    assert!(err.contains("nobody"), "{err}");
}

#[test]
fn control_characters_in_one_line_fields_are_refused() {
    let d = Demo::new();
    let before = d.head();
    for args in [
        vec!["new", "--title", "Judul \u{1b}]0;x\u{7}"],
        vec!["new", "--title", "Judul biasa", "--tag", "tag\u{202e}"],
    ] {
        let (code, _, err) = d.run(Some("dimas"), &args);
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains("karakter kendali"), "{err}");
    }
    assert_eq!(d.head(), before);
}

/// `show` places threads as the TUI does: after a paragraph is inserted above a
/// commented one, the thread follows its paragraph.
#[test]
fn show_places_threads_where_their_paragraph_is_now() {
    let d = common::Demo::new();
    let slug = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
    d.ok("dimas", &["comment", slug, "--paragraph", "2", "-m", "Cek angka ini."]);
    let body: String = d.json("dimas", &["show", slug, "--json"])["body"]
        .as_str()
        .unwrap()
        .to_string();
    let first = body.split("\n\n").next().unwrap().to_string();
    let inserted = body.replacen(&first, &format!("{first}\n\nParagraf sisipan baru."), 1);
    let file = d.tmp.path().join("body.md");
    std::fs::write(&file, inserted).unwrap();
    d.ok("dimas", &["edit", slug, "--body-file", file.to_str().unwrap()]);
    let shown = d.json("dimas", &["show", slug, "--json"]);
    let thread = shown["threads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["comments"][0]["text"] == "Cek angka ini.")
        .unwrap()
        .clone();
    assert_eq!(thread["paragraph"], 2, "{thread}");
    assert_eq!(thread["current_paragraph"], 3, "{thread}");
    assert_eq!(thread["outdated"], false, "{thread}");
    let text = d.ok("dimas", &["show", slug]);
    assert!(
        text.lines().any(|l| l.contains("(paragraf 3)") && l.contains('#')),
        "{text}"
    );
}
