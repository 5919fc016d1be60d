//! After publication, through the command line on the demo newsroom: a correction goes
//! through review while the published version stays public, its note reaches the
//! exported site (standalone HTML and the real `hugo`), takedown and restore follow
//! the rules, `verify` stays clean, and the push hook refuses forged versions of them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Demo;
use warta::app::{self, Msg};
use warta::domain::layout;

/// Published in the demo: sari's item of Babadan.
const ITEM: &str = "2024-09-09-panwascam-babadan-gelar-sosialisasi-pengawasan-partisipatif";
const WRONG: &str = "Suryo Handoko";
const RIGHT: &str = "Suryo Handoyo";
const NOTE: &str = "Nama Ketua Panwaslu Kecamatan Babadan semula tertulis Suryo Handoko.";

fn hugo() -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("hugo"))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("WARTA_REQUIRE_SITE_TOOLS").as_deref() != Ok("1"),
            "hugo is required (see .ci/run)"
        );
        eprintln!("skipped: hugo is not installed");
    }
    found
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn export(d: &Demo, kind: &str, dir: &Path) -> String {
    let (code, out, err) = d.run(None, &["export", kind, dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    err
}

/// The author's fix of the name, as `edit --body-file` sends it.
fn fix_name(d: &Demo, who: &str) {
    let body = d.json(who, &["show", ITEM, "--working", "--json"])["body"]
        .as_str()
        .unwrap()
        .replace(WRONG, RIGHT);
    let file = d.tmp.path().join("body.md");
    std::fs::write(&file, body).unwrap();
    d.ok(who, &["edit", ITEM, "--body-file", file.to_str().unwrap()]);
}

fn refused(d: &Demo, who: &str, args: &[&str], words: &str) {
    let (code, out, err) = d.run(Some(who), args);
    assert_eq!(code, 1, "{who} {args:?} must be refused: {out}{err}");
    assert!(err.contains(words), "{who} {args:?}: {err}");
}

#[test]
fn a_correction_is_public_only_once_approved_and_published_and_the_site_shows_its_note() {
    let d = Demo::new();
    let html = d.tmp.path().join("site");
    let page = html.join("berita").join(ITEM).join("index.html");
    export(&d, "html", &html);
    assert!(read(&page).contains(WRONG));

    // Someone of another kecamatan may not start it; the author may.
    refused(&d, "dimas", &["correct", ITEM], "kecamatan");
    refused(&d, "sari", &["edit", ITEM, "--title", "x"], "Terbit");
    d.ok("sari", &["correct", ITEM, "-m", NOTE]);
    fix_name(&d, "sari");

    // Until the correction is published, readers see the version that was published.
    let shown = d.ok("sari", &["show", ITEM]);
    assert!(shown.contains(WRONG) && !shown.contains(RIGHT), "{shown}");
    assert!(shown.contains("Ralat sedang berjalan"), "{shown}");
    // Readers outside the kecamatan see it as published, nothing of the correction.
    let shown = d.ok("dimas", &["show", ITEM]);
    assert!(shown.contains(WRONG) && !shown.contains(RIGHT), "{shown}");
    assert!(
        shown.contains("Status: Terbit") && !shown.contains("Ralat sedang"),
        "{shown}"
    );
    let listed = d.json("dimas", &["list", "--json"]);
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == ITEM)
        .unwrap()
        .clone();
    assert_eq!(row["status"], "published", "{row}");
    assert_eq!(
        d.json("sari", &["list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"] == ITEM)
            .unwrap()["status"],
        "draft"
    );
    // A search finds the item by the words of the text the reader may see, never by
    // words only in the correction.
    let found = |who: &str, words: &str| {
        d.json(who, &["list", "--json", "--search", words])
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["slug"] == ITEM)
    };
    assert!(!found("dimas", "Handoyo"), "a word only in the correction");
    assert!(found("dimas", "Handoko"), "a word of the published text");
    assert!(
        found("sari", "Handoyo") && !found("sari", "Handoko"),
        "the author searches her text"
    );
    for who in ["dimas", "sari"] {
        let s = common::app::state(&warta::store::Newsroom::open(&d.repo).unwrap(), who);
        let e = s.snapshot.as_ref().unwrap().item(ITEM).unwrap().clone();
        assert_eq!(e.item.body.contains(RIGHT), who == "sari", "{who} in the TUI");
    }
    // The same in the TUI's lean snapshot: the search's body test and the item read
    // whole when opened.
    let room = warta::store::Newsroom::open(&d.repo).unwrap();
    for (who, words, expect) in [
        ("dimas", "Handoyo", false),
        ("dimas", "Handoko", true),
        ("sari", "Handoyo", true),
        ("sari", "Handoko", false),
    ] {
        let mut s = common::app::lean_state(&room, who);
        let effects: Vec<_> = [Msg::NextQueue, Msg::StartSearch, Msg::Paste(words.into())]
            .into_iter()
            .flat_map(|m| app::update(&mut s, m))
            .collect();
        common::app::run_lean(&room, &mut s, effects);
        let snap = s.snapshot.clone().unwrap();
        let at = s.list.rows.iter().position(|r| snap.items[r.index].slug == ITEM);
        assert_eq!(at.is_some(), expect, "{who} searches {words} in the TUI");
        if let Some(at) = at {
            s.list.selected = at;
            let effects = app::update(&mut s, Msg::Open);
            common::app::run_lean(&room, &mut s, effects);
            let e = s.current().unwrap();
            assert!(!e.lean, "{who}: read whole");
            assert_eq!(e.item.body.contains(RIGHT), who == "sari", "{who} opens it in the TUI");
        }
    }
    refused(&d, "dimas", &["show", ITEM, "--working"], "kecamatan");
    assert!(d.ok("sari", &["show", ITEM, "--working"]).contains(RIGHT));
    let caption = d.ok("sari", &["caption", ITEM, "--for", "whatsapp"]);
    assert!(caption.contains("Panwascam Babadan"), "{caption}");
    export(&d, "html", &html);
    assert!(read(&page).contains(WRONG), "the working text is not public");
    refused(&d, "hesti", &["publish", ITEM], "Draf");
    d.ok("sari", &["submit", ITEM]);
    // The approver's `diff` compares with the published version by default.
    let changes = d.ok("hesti", &["diff", ITEM]);
    assert!(
        changes.contains("[-Handoko-][+Handoyo+]") && changes.contains("#6 (ralat"),
        "{changes}"
    );
    refused(&d, "sari", &["approve", ITEM], "penyetuju");
    refused(&d, "hesti", &["publish", ITEM], "Diajukan");
    export(&d, "html", &html);
    assert!(read(&page).contains(WRONG));

    // The Kordiv approves and publishes it: the note is the author's words.
    d.ok("hesti", &["approve", ITEM]);
    refused(&d, "sari", &["publish", ITEM], "penyetuju");
    assert!(read(&page).contains(WRONG));
    d.ok("hesti", &["publish", ITEM]);
    let done = export(&d, "html", &html);
    assert!(done.contains("1 ditulis"), "{done}");
    let text = read(&page);
    assert!(
        text.contains(RIGHT) && !text.contains(&format!("Ketua Panwaslu Kecamatan Babadan, {WRONG}")),
        "{text}"
    );
    assert!(
        text.contains("<aside class=\"corrections\">") && text.contains(&format!("): {NOTE}</p>")),
        "{text}"
    );
    assert!(text.contains("<p>Ralat ("), "default wording: {text}");

    // Log, versions, diff between them.
    let log = d.ok("sari", &["log", ITEM]);
    assert!(
        log.contains("Versi terbit:") && log.contains("v1") && log.contains("v2"),
        "{log}"
    );
    assert!(log.contains("[tampil sekarang]") && log.contains(NOTE), "{log}");
    let diff = d.ok("sari", &["diff", ITEM, "--published", "1", "2"]);
    assert!(diff.contains("[-Handoko-][+Handoyo+]"), "{diff}");
    let (code, _, err) = d.run(Some("sari"), &["diff", ITEM, "--published", "3"]);
    assert!(code == 1 && err.contains("punya 2"), "{err}");
    let versions = d.json("sari", &["show", ITEM, "--json"])["versions"].clone();
    assert_eq!(versions[1]["note"], NOTE);
    assert_eq!(versions[1]["public"], true);

    // Takedown: approvers only, with a reason; it leaves the site; restore brings it back.
    refused(&d, "fajar", &["takedown", ITEM, "--reason", "x"], "penyetuju");
    refused(&d, "sari", &["takedown", ITEM, "--reason", "x"], "penyetuju");
    let (code, _, _) = d.run(Some("hesti"), &["takedown", ITEM]);
    assert_eq!(code, 2, "the reason is required");
    refused(&d, "hesti", &["takedown", ITEM, "--reason", "  "], "pesan");
    d.ok("hesti", &["takedown", ITEM, "--reason", "Sengketa data peserta"]);
    let gone = export(&d, "html", &html);
    assert!(gone.contains("2 berita terbit") && gone.contains("1 dihapus"), "{gone}");
    assert!(!page.exists());
    assert!(!read(&html.join("index.html")).contains(ITEM));
    assert!(d.ok("hesti", &["show", ITEM]).contains("Sengketa data peserta"));
    assert!(d.ok("hesti", &["log", ITEM]).contains("Sengketa data peserta"));
    refused(&d, "dimas", &["show", ITEM], "kecamatan");
    refused(&d, "hesti", &["caption", ITEM, "--for", "x"], ITEM);
    refused(&d, "sari", &["restore", ITEM], "penyetuju");
    d.ok("hesti", &["restore", ITEM]);
    export(&d, "html", &html);
    let back = read(&page);
    assert!(back.contains(RIGHT) && back.contains(NOTE), "{back}");
    refused(&d, "hesti", &["restore", ITEM], "Terbit");

    let verify = d.ok("hesti", &["verify"]);
    assert!(verify.contains("Riwayat bersih"), "{verify}");

    // The evaluation counts the correction as a republication ("Koreksi").
    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Asia/Jakarta").unwrap())
        .date()
        .to_string();
    let report = d.json("hesti", &["report", "--from", &today, "--to", &today, "--json"]);
    assert_eq!(report["total"]["republished"], 1, "{}", report["total"]);
}

#[test]
fn a_correction_needs_a_note_and_the_wording_is_the_newsrooms() {
    let d = Demo::new();
    d.ok("bayu", &["correct", ITEM]);
    fix_name(&d, "bayu");
    d.ok("sari", &["submit", ITEM]);
    d.ok("agus", &["approve", ITEM]);
    refused(&d, "agus", &["publish", ITEM], "catatan untuk pembaca");
    d.ok("agus", &["publish", ITEM, "-m", "Nama ketua diperbaiki."]);
    let log = d.json("agus", &["log", ITEM, "--json"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["action"].clone(), last["version"].clone()),
        ("publish".into(), 2.into())
    );
    assert_eq!(last["message"], "Nama ketua diperbaiki.");
}

#[test]
fn hugo_builds_the_corrected_item_with_its_note_and_drops_it_when_taken_down() {
    let Some(hugo) = hugo() else { return };
    let d = Demo::new();
    d.ok("sari", &["correct", ITEM, "-m", NOTE]);
    fix_name(&d, "sari");
    d.ok("sari", &["submit", ITEM]);
    d.ok("hesti", &["approve", ITEM]);
    let site = d.tmp.path().join("hugo-site");
    let build = |expect_item: bool| -> String {
        export(&d, "hugo", &site);
        let out = Command::new(&hugo)
            .current_dir(&site)
            .env("HOME", &d.home)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success() && !text.contains("WARN") && !text.contains("ERROR"),
            "{text}"
        );
        let page = site.join("public/berita").join(ITEM).join("index.html");
        assert_eq!(page.is_file(), expect_item, "{}", page.display());
        if expect_item { read(&page) } else { String::new() }
    };
    // Approved but not published: the old version, no note.
    let before = build(true);
    assert!(before.contains(WRONG) && !before.contains("corrections"), "{before}");
    d.ok("hesti", &["publish", ITEM]);
    let after = build(true);
    let bundle = read(&site.join("content/berita").join(ITEM).join("index.md"));
    assert!(
        bundle.contains("[[corrections]]") && bundle.contains("lastmod = "),
        "{bundle}"
    );
    assert!(after.contains(RIGHT), "{after}");
    assert!(
        after.contains("<aside class=\"corrections\">")
            && after.contains("Nama Ketua Panwaslu Kecamatan Babadan semula tertulis"),
        "{after}"
    );
    d.ok("hesti", &["takedown", ITEM, "--reason", "Sengketa"]);
    std::fs::remove_dir_all(site.join("public")).unwrap();
    build(false);
    assert!(!site.join("content/berita").join(ITEM).exists());
}

/// Append an event to the item's log in `work` and commit it as hesti with plain git.
fn forge(d: &Demo, work: &Path, event: &str) {
    let path = work.join(layout::review_path(ITEM));
    let mut log = read(&path);
    log.push_str(event);
    std::fs::write(path, log).unwrap();
    common::git(&d.home, work, &["add", "-A"]);
    common::git(
        &d.home,
        work,
        &[
            "-c",
            "user.name=Dr. Hesti Purwaningsih, S.H., M.H.",
            "-c",
            "user.email=hesti@bawaslu-ponorogo.example",
            "commit",
            "-qm",
            "forged",
        ],
    );
}

#[test]
fn the_hook_refuses_a_forged_publish_of_an_unapproved_correction_and_a_takedown_without_reason() {
    let d = Demo::new();
    let (server, work) = common::hooked_server(&d);
    let server_head = || common::git(&d.home, &server, &["rev-parse", "main"]);
    let folder = |w: &Path| common::git(&d.home, w, &["rev-parse", &format!("HEAD:{}", layout::draft_dir(ITEM))]);

    // A correction started and edited with warta is accepted.
    let warta = |who: &str, args: &[&str]| {
        let out = common::warta(&d.home, &work)
            .arg("--as")
            .arg(who)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    warta("sari", &["correct", ITEM, "-m", NOTE]);
    let (ok, err) = common::push_as(&d.home, &work, "sari");
    assert!(ok, "{err}");
    let index = work.join(layout::index_path(ITEM));
    std::fs::write(&index, read(&index).replace(WRONG, RIGHT)).unwrap();
    // (the edit itself is recorded by warta, from the work tree's text)
    let body = d.tmp.path().join("b.md");
    let text = read(&index);
    std::fs::write(&body, text.split("+++\n").nth(2).unwrap()).unwrap();
    common::git(&d.home, &work, &["checkout", "-q", "--", "."]);
    warta("sari", &["edit", ITEM, "--body-file", body.to_str().unwrap()]);
    let (ok, err) = common::push_as(&d.home, &work, "sari");
    assert!(ok, "{err}");
    let start = server_head();

    // Publishing the correction without its review, by hand.
    let content = folder(&work);
    forge(
        &d,
        &work,
        &format!(
            "\n[[events]]\nat = \"2024-10-01T09:00:00+07:00\"\nactor = \"hesti\"\naction = \"publish\"\ncontent = \"{}\"\nmessage = \"{NOTE}\"\n",
            content.trim()
        ),
    );
    let (ok, err) = common::push_as(&d.home, &work, "hesti");
    assert!(!ok, "{err}");
    assert!(err.contains("terbitkan") && err.contains("Draf"), "{err}");
    assert_eq!(server_head(), start);

    // A takedown with no reason.
    common::git(&d.home, &work, &["reset", "-q", "--hard", "origin/main"]);
    forge(
        &d,
        &work,
        &format!(
            "\n[[events]]\nat = \"2024-10-01T09:00:00+07:00\"\nactor = \"hesti\"\naction = \"takedown\"\ncontent = \"{}\"\n",
            folder(&work).trim()
        ),
    );
    let (ok, err) = common::push_as(&d.home, &work, "hesti");
    assert!(!ok, "{err}");
    assert!(err.contains("turunkan") && err.contains("pesan"), "{err}");
    assert_eq!(server_head(), start);

    // The same takedown with a reason passes.
    common::git(&d.home, &work, &["reset", "-q", "--hard", "origin/main"]);
    forge(
        &d,
        &work,
        &format!(
            "\n[[events]]\nat = \"2024-10-01T09:00:00+07:00\"\nactor = \"hesti\"\naction = \"takedown\"\ncontent = \"{}\"\nmessage = \"Sengketa\"\n",
            folder(&work).trim()
        ),
    );
    let (ok, err) = common::push_as(&d.home, &work, "hesti");
    assert!(ok, "{err}");
}
